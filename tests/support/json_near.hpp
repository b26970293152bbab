#pragma once
// Approximate deep compare of a response against the expected part of a golden request:
// only keys present in `expected` are compared; numbers within `tolerance`. Returns the JSON
// path of the first mismatch, or "" when they match.
#include <cmath>
#include <nlohmann/json.hpp>
#include <string>

namespace rbc::test {

inline std::string json_mismatch(const nlohmann::json& actual, const nlohmann::json& expected, double tolerance,
                                 const std::string& path = "") {
  if (expected.is_number()) {
    if (!actual.is_number()) return path + " (not a number)";
    return std::abs(actual.get<double>() - expected.get<double>()) <= tolerance
               ? ""
               : path + " (" + actual.dump() + " vs " + expected.dump() + ")";
  }
  if (expected.is_object()) {
    if (!actual.is_object()) return path + " (not an object)";
    for (const auto& [k, v] : expected.items()) {
      if (!actual.contains(k)) return path + "." + k + " (missing)";
      if (auto m = json_mismatch(actual.at(k), v, tolerance, path + "." + k); !m.empty()) return m;
    }
    return "";
  }
  if (expected.is_array()) {
    if (!actual.is_array() || actual.size() != expected.size()) return path + " (length differs)";
    for (std::size_t i = 0; i < expected.size(); ++i)
      if (auto m = json_mismatch(actual[i], expected[i], tolerance, path + "[" + std::to_string(i) + "]"); !m.empty())
        return m;
    return "";
  }
  return actual == expected ? "" : path + " (" + actual.dump() + " vs " + expected.dump() + ")";
}

}  // namespace rbc::test
