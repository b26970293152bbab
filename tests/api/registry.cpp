#include "api/registry.hpp"

#include <catch2/catch.hpp>
#include <set>

#include "api/dispatch.hpp"

using nlohmann::json;
using rbc::api::operations;

namespace {

json call(const std::string& op, const std::string& body, const rbc::Progress& progress = {}) {
  return json::parse(rbc::api::handle_request(op, body, progress));
}

}  // namespace

TEST_CASE("operations: every record is complete and its names unique", "[api][property]") {
  std::set<std::string> names;
  for (const auto& op : operations()) {
    INFO(op.name);
    CHECK(names.insert(op.name).second);
    CHECK(!op.summary.empty());
    CHECK(op.handler != nullptr);
    CHECK(!op.result.empty());
    std::set<std::string> fields;
    for (const auto& f : op.fields) {
      INFO(f.name);
      CHECK(fields.insert(f.name).second);
      CHECK(!f.description.empty());
      CHECK((f.required ? f.default_value.is_null() : true));
      if (f.min && f.max) CHECK(*f.min <= *f.max);
      if (f.default_value.is_number() && f.min) CHECK(f.default_value.get<double>() >= *f.min);
      if (f.default_value.is_number() && f.max) CHECK(f.default_value.get<double>() <= *f.max);
      if (f.default_value.is_array() && f.max_items) CHECK(f.default_value.size() <= static_cast<std::size_t>(*f.max_items));
    }
  }
}

TEST_CASE("describe: lists every operation of the registry with its fields and result", "[api][property]") {
  const json ops = call("describe", "{}")["result"]["operations"];
  CHECK(ops.size() == operations().size());
  for (const auto& op : operations()) {
    INFO(op.name);
    REQUIRE(ops.contains(op.name));
    CHECK(ops[op.name]["fields"].size() == op.fields.size());
    CHECK(ops[op.name]["result"].size() == op.result.size());
    CHECK(ops[op.name]["long_running"] == op.long_running);
  }
}

TEST_CASE("handle_request: a misspelt field is refused before any work starts", "[api][regression]") {
  int reports = 0;
  const rbc::Progress count([&](double, std::string_view) { return ++reports, true; }, 0.0);
  const auto r = call("stationary", R"({"system": "rh", "population": "rh/thesis-table-3.4", "multistrat": true})", count);
  CHECK(r["error"]["code"] == "unknown_field");
  CHECK(r["error"]["path"] == "multistrat");
  CHECK(reports == 0);
}

TEST_CASE("handle_request: progress of a long request rises in [0, 1], and a cancel stops it", "[api][property]") {
  const std::string request = R"({"system": "rh", "population": "rh/thesis-table-3.4", "multistart": true})";
  std::vector<double> seen;
  const rbc::Progress record([&](double f, std::string_view) { return seen.push_back(f), true; }, 0.0);
  REQUIRE(call("stationary", request, record).contains("result"));
  REQUIRE(seen.size() > 10);
  for (std::size_t i = 1; i < seen.size(); ++i) CHECK(seen[i] >= seen[i - 1]);
  CHECK(seen.front() >= 0);
  CHECK(seen.back() <= 1);

  int calls = 0;
  const rbc::Progress stop_at_fifth([&](double, std::string_view) { return ++calls < 5; }, 0.0);
  const auto cancelled = call("stationary", request, stop_at_fifth);
  CHECK(cancelled["error"]["code"] == "cancelled");
  CHECK(calls == 5);
  // Nothing is left behind: the same request answers as before.
  CHECK(call("stationary", request)["result"]["least_squares"]["multistart"]["all_agree"] == true);
}

TEST_CASE("handle_request: a string field outside its choices names them", "[api][regression]") {
  const auto r = call("lp", R"({"sense": "maximise", "objective": [1]})");
  CHECK(r["error"]["code"] == "invalid_field");
  CHECK(r["error"]["path"] == "sense");
  CHECK(r["error"]["message"].get<std::string>().find("\"max\"") != std::string::npos);
}
