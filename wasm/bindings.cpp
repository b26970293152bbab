// Registers the request API with Embind, nothing more (STYLE.md, habit 2). Stateless: no
// handles for JS to delete.
#include <emscripten/bind.h>

#include <string>

#include "api/dispatch.hpp"

namespace {

// The response as a JS string, decoded by the engine's TextDecoder straight from the wasm
// memory. (Embind's own std::string conversion first walks every byte in JS looking for
// NULs, which took about 3 % of a 12 kB stationary response.) JSON is valid UTF-8.
emscripten::val to_js_string(const std::string& s) {
  static const emscripten::val decoder = emscripten::val::global("TextDecoder").new_(std::string("utf-8"));
  return decoder.call<emscripten::val>(
      "decode", emscripten::val(emscripten::typed_memory_view(s.size(), reinterpret_cast<const unsigned char*>(s.data()))));
}

emscripten::val call(const std::string& op, const std::string& request_json) {
  return to_js_string(rbc::api::handle_request(op, request_json));
}

// on_progress(fraction, stage) -> bool: called at the computation's checkpoints (at most every
// 50 ms); false cancels the call, which answers with the error code "cancelled". It must not
// throw: a JS exception would unwind through the wasm frames without running C++ destructors.
emscripten::val call_with_progress(const std::string& op, const std::string& request_json, emscripten::val on_progress) {
  const rbc::Progress progress(
      [&on_progress](double fraction, std::string_view stage) {
        return on_progress(fraction, std::string(stage)).as<bool>();
      },
      0.05);
  return to_js_string(rbc::api::handle_request(op, request_json, progress));
}

emscripten::val version() { return to_js_string(rbc::api::handle_request("version", "{}")); }

}  // namespace

EMSCRIPTEN_BINDINGS(rbcmatch) {
  // Overloaded by argument count: call(op, json) and call(op, json, onProgress).
  emscripten::function("call", &call);
  emscripten::function("call", &call_with_progress);
  emscripten::function("version", &version);
}
