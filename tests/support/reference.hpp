#pragma once
// Reading tests/reference/<calculator>.json (published numbers with their sources) from the
// core's tests, so no published number is typed twice.
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

namespace rbc::test {

// The case `id` of tests/reference/<calculator>.json.
inline nlohmann::json reference_case(const std::string& calculator, const std::string& id) {
  std::ifstream in(std::string(RBCMATCH_REFERENCE_DIR) + "/" + calculator + ".json");
  REQUIRE(in.good());
  const nlohmann::json file = nlohmann::json::parse(in);
  for (const auto& c : file.at("cases"))
    if (c.at("id") == id) return c;
  FAIL("no reference case " << id << " in " << calculator << ".json");
  return {};
}

}  // namespace rbc::test
