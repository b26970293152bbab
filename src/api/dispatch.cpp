#include "api/dispatch.hpp"

#include <map>
#include <new>

#include "api/operations.hpp"
#include "api/schema.hpp"
#include "common/input_error.hpp"

namespace rbc::api {

using nlohmann::json;

namespace {

const std::map<std::string, Operation, std::less<>>& operations() {
  static const std::map<std::string, Operation, std::less<>> ops = {
      {"version", op_version}, {"describe", op_describe}, {"systems", op_systems},
      {"stationary", op_stationary}, {"lp", op_lp}};
  return ops;
}

json error_response(std::string_view op, const std::string& code, const std::string& message, const std::string& path) {
  return {{"api_version", api_version},
          {"op", std::string(op)},
          {"error", {{"code", code}, {"message", message}, {"path", path}}}};
}

// api_version belongs to the envelope: checked and removed here, so no operation reads it.
void take_api_version(json& request) {
  if (!request.is_object() || !request.contains("api_version")) return;
  const json& v = request.at("api_version");
  if (!v.is_number_integer() || v.get<long long>() != api_version)
    throw InputError("unsupported_version", "api_version",
                     "api_version must be " + std::to_string(api_version) + " (got " + v.dump() + ")");
  request.erase("api_version");
}

}  // namespace

std::string handle_request(std::string_view op, std::string_view request_json) {
  json response;
  try {
    auto it = operations().find(op);
    if (it == operations().end()) {
      std::string known;
      for (const auto& [name, fn] : operations()) known += (known.empty() ? "" : ", ") + name;
      throw InputError("unknown_operation", "", "unknown operation '" + std::string(op) + "' (known: " + known + ")");
    }
    json request;
    try {
      request = json::parse(request_json.empty() ? std::string_view("{}") : request_json);
    } catch (const json::parse_error& e) {
      throw InputError("malformed_json", "", std::string("the request is not valid JSON: ") + e.what());
    } catch (const json::out_of_range& e) {  // a number beyond a double's range, e.g. 1e400
      throw InputError("malformed_json", "", std::string("the request has a number too large to represent: ") + e.what());
    }
    take_api_version(request);
    Warnings warnings;
    json result = it->second(request, warnings);
    response = {{"api_version", api_version}, {"op", std::string(op)}, {"result", std::move(result)}, {"warnings", warnings}};
  } catch (const InputError& e) {
    response = error_response(op, e.code(), e.what(), e.path());
  } catch (const std::bad_alloc&) {
    response = error_response(op, "out_of_memory", "the request needs more memory than is available", "");
  } catch (const std::exception& e) {
    response = error_response(op, "internal_error", std::string("internal error: ") + e.what(), "");
  } catch (...) {
    response = error_response(op, "internal_error", "internal error", "");
  }
  // Round-trip digits for doubles; invalid UTF-8 in echoed names is replaced, never thrown.
  return response.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace rbc::api
