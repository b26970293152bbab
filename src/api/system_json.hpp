#pragma once
// Blood-group systems to and from their JSON form in requests and responses.
#include <nlohmann/json.hpp>
#include <string>

#include "bloodgroup/system.hpp"

namespace rbc::api {

// What a `system` request field accepts, with the limits, for `describe` and the docs.
std::string system_field_description();

// A built-in id ("rh") or a definition object; throws InputError naming the field.
bloodgroup::System read_system(const nlohmann::json& value, const std::string& path);

nlohmann::json system_to_json(const bloodgroup::System& system);

}  // namespace rbc::api
