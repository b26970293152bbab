#pragma once
// The request API's one entry point, shared by the CLI and the wasm module. Never throws:
// every failure becomes {"error": {code, message, path}}, and the next call works.
#include <string>
#include <string_view>

namespace rbc::api {

// op: "stationary", ...; request_json: the request body. Returns the response JSON text.
std::string handle_request(std::string_view op, std::string_view request_json);

}  // namespace rbc::api
