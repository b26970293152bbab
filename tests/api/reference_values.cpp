// Every published number of tests/reference/*.json, recomputed through the request API. The
// same files feed docs/validation.md (scripts/gen-validation-doc.mjs) and the page's
// Validation tab, so a number is written down once, with its source (STYLE.md, habit 7).
//
// A value: {name, path (JSON pointer into `result`), published, tolerance | compare: "at_most" | "at_least",
// label?: {path, equals}}. `label` checks the pointer still names what the source printed.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <nlohmann/json.hpp>

#include "api/dispatch.hpp"

using nlohmann::json;

TEST_CASE("reference values: every published number of tests/reference is reproduced", "[api][validation]") {
  int values = 0;
  for (const auto& entry : std::filesystem::directory_iterator(RBCMATCH_REFERENCE_DIR)) {
    if (entry.path().extension() != ".json") continue;
    std::ifstream in(entry.path());
    const json file = json::parse(in);
    for (const json& c : file.at("cases")) {
      const json response = json::parse(rbc::api::handle_request(c.at("op").get<std::string>(), c.at("request").dump()));
      INFO(entry.path().filename().string() << ": " << c.at("id").get<std::string>() << ", "
                                            << c.at("source").at("where").get<std::string>());
      REQUIRE(response.contains("result"));
      const json& result = response.at("result");
      for (const json& v : c.at("values")) {
        INFO(v.at("name").get<std::string>());
        if (v.contains("label"))
          CHECK(result.at(json::json_pointer(v["label"]["path"].get<std::string>())) == v["label"]["equals"]);
        const double computed = result.at(json::json_pointer(v.at("path").get<std::string>())).get<double>();
        const double published = v.at("published").get<double>();
        if (v.value("compare", "") == "at_most") CHECK(computed <= published);
        else if (v.value("compare", "") == "at_least") CHECK(computed >= published);
        else CHECK(std::abs(computed - published) <= v.at("tolerance").get<double>() + 1e-12);
        ++values;
      }
    }
  }
  CHECK(values >= 30);
}

TEST_CASE("reference values: a case's model text is the file it names, unchanged", "[api][regression]") {
  // tests/reference/lp.json carries model text inline (the Validation tab and docs read only
  // JSON); the files beside it are the originals, with their headers.
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(RBCMATCH_REFERENCE_DIR)) {
    if (entry.path().extension() != ".json") continue;
    std::ifstream in(entry.path());
    const json file = json::parse(in);
    for (const json& c : file.at("cases")) {
      if (!c.contains("model_file")) continue;
      std::ifstream model(std::filesystem::path(RBCMATCH_REFERENCE_DIR) / c["model_file"].get<std::string>(), std::ios::binary);
      const std::string text((std::istreambuf_iterator<char>(model)), std::istreambuf_iterator<char>());
      INFO(c["model_file"].get<std::string>());
      CHECK(c.at("request").at("model").get<std::string>() == text);
      ++files;
    }
  }
  CHECK(files >= 4);
}
