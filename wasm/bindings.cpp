// Registers the request API with Embind, nothing more (STYLE.md, habit 2). Stateless: no
// handles for JS to delete.
#include <emscripten/bind.h>

#include <string>

#include "api/dispatch.hpp"

namespace {

std::string call(const std::string& op, const std::string& request_json) {
  return rbc::api::handle_request(op, request_json);
}

std::string version() { return rbc::api::handle_request("version", "{}"); }

}  // namespace

EMSCRIPTEN_BINDINGS(rbcmatch) {
  emscripten::function("call", &call);
  emscripten::function("version", &version);
}
