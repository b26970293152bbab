// Runs every tests/requests/*.json through the request API. The same files are run through
// the CLI and the wasm module by tests/js/golden.test.mjs (STYLE.md, habit 5).
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "api/dispatch.hpp"
#include "support/json_near.hpp"

TEST_CASE("handle_request: golden requests of tests/requests", "[api][validation]") {
  int cases = 0;
  for (const auto& entry : std::filesystem::directory_iterator(RBCMATCH_REQUESTS_DIR)) {
    if (entry.path().extension() != ".json") continue;
    std::ifstream in(entry.path());
    const auto golden = nlohmann::json::parse(in);
    const auto response = nlohmann::json::parse(
        rbc::api::handle_request(golden.at("op").get<std::string>(), golden.at("request").dump()));
    INFO(entry.path().filename().string() << " (" << golden.value("source", "") << ")");
    INFO(response.dump().substr(0, 600));
    CHECK(rbc::test::json_mismatch(response, golden.at("expect"), golden.value("tolerance", 1e-9)) == "");
    ++cases;
  }
  CHECK(cases >= 5);
}
