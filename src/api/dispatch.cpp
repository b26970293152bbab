#include "api/dispatch.hpp"

#include <new>

#include "api/reader.hpp"
#include "api/registry.hpp"
#include "common/input_error.hpp"

namespace rbc::api {

using nlohmann::json;

namespace {

json error_response(std::string_view op, const std::string& code, const std::string& message, const std::string& path) {
  return {{"api_version", api_version},
          {"op", std::string(op)},
          {"error", {{"code", code}, {"message", message}, {"path", path}}}};
}

const Operation& operation_named(std::string_view op) {
  if (const Operation* found = find_operation(op)) return *found;
  std::string known;
  for (const auto& o : operations()) known += (known.empty() ? "" : ", ") + o.name;
  throw InputError("unknown_operation", "", "unknown operation '" + std::string(op) + "' (known: " + known + ")");
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

// Refused before any work starts, so a misspelt option never runs a long computation with
// its default instead.
void refuse_undeclared_fields(const Operation& op, const json& request) {
  if (!request.is_object()) return;  // the reader names the type error
  for (const auto& [key, value] : request.items()) {
    bool declared = false;
    for (const auto& f : op.fields) declared = declared || f.name == key;
    if (!declared)
      throw InputError("unknown_field", key, key + " is not a field of this request (see the `describe` operation)");
  }
}

}  // namespace

std::string handle_request(std::string_view op, std::string_view request_json, const Progress& progress,
                           const ParallelFor& parallel) {
  json response;
  try {
    const Operation& operation = operation_named(op);
    json request;
    try {
      request = json::parse(request_json.empty() ? std::string_view("{}") : request_json);
    } catch (const json::parse_error& e) {
      throw InputError("malformed_json", "", std::string("the request is not valid JSON: ") + e.what());
    } catch (const json::out_of_range& e) {  // a number beyond a double's range, e.g. 1e400
      throw InputError("malformed_json", "", std::string("the request has a number too large to represent: ") + e.what());
    }
    take_api_version(request);
    refuse_undeclared_fields(operation, request);
    ObjectReader reader(request, "");
    Context context{{}, progress, parallel};
    json result = operation.handler(reader, context);
    response = {{"api_version", api_version},
                {"op", std::string(op)},
                {"result", std::move(result)},
                {"warnings", std::move(context.warnings)}};
  } catch (const InputError& e) {
    response = error_response(op, e.code(), e.what(), e.path());
  } catch (const Cancelled& e) {
    response = error_response(op, "cancelled", e.what(), "");
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
