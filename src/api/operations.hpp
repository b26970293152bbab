#pragma once
// One function per operation: a validated request in, a result object out. Warnings the
// user should see (renormalised input, non-convergence) are appended to `warnings`.
#include <nlohmann/json.hpp>
#include <vector>

namespace rbc::api {

using Warnings = std::vector<nlohmann::json>;
using Operation = nlohmann::json (*)(const nlohmann::json& request, Warnings& warnings);

nlohmann::json op_version(const nlohmann::json& request, Warnings& warnings);
nlohmann::json op_describe(const nlohmann::json& request, Warnings& warnings);
nlohmann::json op_systems(const nlohmann::json& request, Warnings& warnings);
nlohmann::json op_stationary(const nlohmann::json& request, Warnings& warnings);
nlohmann::json op_lp(const nlohmann::json& request, Warnings& warnings);

nlohmann::json warning(const std::string& code, const std::string& message, const std::string& path = "");

}  // namespace rbc::api
