// The `ordering` operation through the request API (seed 003 sec. 4.3): bad inputs are refused
// naming the field before any work, CSV and numbers give the same answer, the gold standard
// costs a + h I0, the tuning reports progress and can be cancelled, and the module survives errors.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "api/dispatch.hpp"

using nlohmann::json;

namespace {

json call(const json& request, const rbc::Progress& progress = {}) {
  return json::parse(rbc::api::handle_request("ordering", request.dump(), progress));
}

json result(const json& request) {
  const json r = call(request);
  INFO(r.dump().substr(0, 600));
  REQUIRE(r.contains("result"));
  return r["result"];
}

// A small, fast request: 120 generated days, 40 of them for testing, coarse grids.
json small(json extra = json::object()) {
  json r = {{"generate", {{"days", 120}, {"mean", 30}, {"noise_sd", 8}, {"seed", 4}}},
            {"test_days", 40},
            {"initial_stock", 250},
            {"target_grid", {{"from", 100}, {"to", 500}, {"step", 20}}},
            {"reorder_grid", {{"from", 0}, {"to", 500}, {"step", 20}}}};
  r.update(extra);
  return r;
}

}  // namespace

TEST_CASE("ordering: bad inputs name their field", "[ordering][api][regression]") {
  struct Case {
    json request;
    std::string path, code, words;
  };
  const json grid = {{"from", 0}, {"to", 100}, {"step", 10}};
  const Case cases[] = {
      {{{"demand", {5, -1, 3}}}, "demand[1]", "invalid_field", "Day 2's demand must be a whole number"},
      {{{"demand", {5, 1.5}}}, "demand[1]", "invalid_field", "whole number"},
      {{{"demand", json::array()}}, "demand", "invalid_field", "at least one day"},
      {{{"demand", "x"}, {"start_date", "2018-01-01"}}, "start_date", "invalid_field", "CSV's dates"},
      {{{"demand", json(std::vector<int>(30, 5))}, {"start_date", "1/1/2018"}}, "start_date", "invalid_field", "YYYY-MM-DD"},
      {{{"demand", "date,units\n2018-01-01,4\n2018-01-03,5\n"}}, "demand", "invalid_field", "Line 3 of the demand data"},
      {{{"demand", {1, 2}}, {"generate", json::object()}}, "generate", "invalid_field", "not both"},
      {{{"generate", {{"days", 10}}}}, "generate.days", "invalid_field", "from 28 to 20000"},
      {{{"generate", {{"weekday", {1, 1}}}}}, "generate.weekday", "invalid_field", "7 weekday factors"},
      {{{"generate", {{"weekday", {0, 0, 0, 0, 0, 0, 0}}}}}, "generate.weekday", "invalid_field", "above 0"},
      {{{"generate", {{"mean", -1}}}}, "generate.mean", "invalid_field", "mean demand"},
      {{{"generate", {{"sd", 3}}}}, "generate.sd", "unknown_field", "sd"},
      {{{"demand", json(std::vector<int>(30, 5))}, {"test_days", 20}}, "test_days", "invalid_field", "fewer than 14"},
      {{{"shelf_life", 1}}, "shelf_life", "invalid_field", "shelf_life"},
      {{{"holding_cost", -1}}, "holding_cost", "invalid_field", "holding_cost"},
      {{{"schedule", "weekly"}}, "schedule", "invalid_field", "schedule"},
      {{{"forecast", "given"}}, "forecast_values", "missing_field", "needs its values"},
      {{{"forecast", "given"}, {"demand", json(std::vector<int>(30, 5))}, {"test_days", 10}, {"forecast_values", {1, 2}}},
       "forecast_values", "invalid_field", "has 2 values; the series has 30 days"},
      {{{"forecast_values", {1, 2}}}, "forecast_values", "invalid_field", "\"given\" only"},
      {{{"target_grid", {{"from", 10}, {"to", 0}, {"step", 1}}}}, "target_grid.to", "invalid_field", "inventory target S"},
      {{{"target_grid", {{"from", 0}, {"to", 100000}, {"step", 1}}}}, "target_grid.step", "limit_exceeded", "2001"},
      {{{"target_grid", {{"from", 0}, {"to", 100}, {"step", 0}}}}, "target_grid.step", "invalid_field", "step between"},
      {{{"target_grid", {{"from", 0}, {"to", 100}}}}, "target_grid.step", "missing_field", "required"},
      {{{"target_grid", grid}, {"reorder_grid", {{"from", 10}, {"to", 100}, {"step", 10}}}}, "reorder_grid.from",
       "invalid_field", "must not exceed the first inventory target"},
      {{{"fixed", {{"reorder", 900}, {"target", 800}}}}, "fixed.reorder", "invalid_field", "must not exceed your inventory target"},
      {{{"fixed", {{"reorder", 9}}}}, "fixed.target", "missing_field", "required"},
      {{{"generate", {{"days", 20000}}}, {"target_grid", {{"from", 0}, {"to", 2000}, {"step", 1}}},
        {"reorder_grid", {{"from", 0}, {"to", 2000}, {"step", 1}}}},
       "target_grid", "limit_exceeded", "day-steps"},
      {{{"stock", 3}}, "stock", "unknown_field", "stock"},
      {{{"start_date", "2018-13-01"}}, "start_date", "invalid_field", "YYYY-MM-DD"},
      {{{"surface", 1}}, "surface", "invalid_field", "at least 2 values"},
      {{{"surface", 102}}, "surface", "limit_exceeded", "surface"},
  };
  for (const auto& c : cases) {
    const json r = call(c.request);
    INFO(c.request.dump() << " -> " << r.dump().substr(0, 400));
    REQUIRE(r.contains("error"));
    CHECK(r["error"]["path"] == c.path);
    CHECK(r["error"]["code"] == c.code);
    CHECK(r["error"]["message"].get<std::string>().find(c.words) != std::string::npos);
  }
  // The module keeps working after an error.
  CHECK(result(small())["rules"].size() == 4);
}

TEST_CASE("ordering: the gold standard costs a + h I0 a day on generated series (seed 003 Table 9: 880 = 100 + 780)",
          "[ordering][api][validation]") {
  for (const int seed : {1, 2, 3}) {
    const json r = result(small({{"generate", {{"days", 200}, {"mean", 30 + 20 * seed}, {"noise_sd", 5}, {"seed", seed}}},
                                 {"initial_stock", 300 + seed}, {"holding_cost", 2}, {"routine_cost", 50}}));
    const json& gold = r["rules"][0];
    CHECK(gold["id"] == "actual_demand");
    CHECK(gold["inventory"]["mean"] == 300.0 + seed);
    CHECK(gold["inventory"]["sd"] == 0.0);
    CHECK(gold["cost"]["mean"].get<double>() == Approx(50 + 2 * (300.0 + seed)));
    CHECK(gold["cost"]["share_of_gold"] == 1.0);
    CHECK(r["tuning"]["gold_cost"].get<double>() == Approx(50 + 2 * (300.0 + seed)));
  }
}

TEST_CASE("ordering: CSV text and numbers give the same answer; predictor columns are checked and said to be unused",
          "[ordering][api][property]") {
  const json numbers = result(small());
  const auto& y = numbers["series"]["demand"];
  std::string csv = "date;units;mpv\n";
  for (std::size_t t = 0; t < y.size(); ++t) {
    const int d = 1 + static_cast<int>(t);
    // 2018-01-01 onwards; 120 days reach 2018-04-30.
    static const int month_days[] = {31, 28, 31, 30};
    int m = 0, day = d;
    while (day > month_days[m]) day -= month_days[m++];
    csv += "2018-0" + std::to_string(m + 1) + "-" + (day < 10 ? "0" : "") + std::to_string(day) + ";" +
           std::to_string(y[t].get<int>()) + ";1,5\n";
  }
  json request = small({{"demand", csv}});
  request.erase("generate");
  const json r = call(request);
  REQUIRE(r.contains("result"));
  CHECK(r["result"]["rules"] == numbers["rules"]);
  CHECK(r["result"]["tuning"] == numbers["tuning"]);
  CHECK(r["result"]["series"]["predictors"] == json{"mpv"});
  CHECK(r["warnings"][0]["code"] == "predictors_unused");
}

TEST_CASE("ordering: twice-weekly orders fall on Tuesdays and Fridays only; the gold standard stays daily",
          "[ordering][api][property]") {
  const json r = result(small({{"schedule", "twice_weekly"}, {"fixed", {{"reorder", 200}, {"target", 400}}}}));
  // 2018-01-01 is a Monday; the test days start on day 81 (a Sunday: 80 = 11 weeks + 3 days -> Thursday).
  const std::string first = r["series"]["first_test_date"];
  CHECK(first == "2018-03-22");  // a Thursday
  for (const auto& rule : r["rules"]) {
    const auto& order = rule["trace"]["order"];
    for (std::size_t t = 0; t < order.size(); ++t) {
      const int weekday = static_cast<int>((t + 3) % 7);  // 0 = Monday
      if (rule["id"] != "actual_demand" && weekday != 1 && weekday != 4) CHECK(order[t] == 0);
    }
    CHECK(rule["schedule"] == (rule["id"] == "actual_demand" ? "daily" : "twice_weekly"));
  }
  CHECK(r["rules"].size() == 5);
  CHECK(r["rules"][4]["reorder"] == 200);
}

TEST_CASE("ordering: the tuning reports progress in [0, 1] and a cancel stops it", "[ordering][api][property]") {
  std::vector<double> seen;
  const rbc::Progress record([&](double f, std::string_view) { return seen.push_back(f), true; }, 0.0);
  REQUIRE(call(small(), record).contains("result"));
  REQUIRE(seen.size() > 10);
  for (std::size_t i = 0; i < seen.size(); ++i) {
    CHECK(seen[i] >= 0);
    CHECK(seen[i] <= 1);
    if (i) CHECK(seen[i] >= seen[i - 1]);
  }
  int calls = 0;
  const rbc::Progress stop([&](double, std::string_view) { return ++calls < 5; }, 0.0);
  CHECK(call(small(), stop)["error"]["code"] == "cancelled");
  CHECK(result(small())["rules"].size() == 4);
}

TEST_CASE("ordering: the least-cost (s, S) is no dearer than the tuned one on the training days, and is flagged when "
          "it differs",
          "[ordering][api][property]") {
  const json r = result(small());
  const json& t = r["tuning"];
  CHECK(t["least_cost"]["cost"].get<double>() <= t["tuned_cost"].get<double>() + 1e-9);
  CHECK(t["least_cost"]["count"].get<long long>() >= static_cast<long long>(t["least_cost"]["points"].size()));
  CHECK(t["least_cost"]["tuned_is_least"] == (t["least_cost"]["cost"].get<double>() >= t["tuned_cost"].get<double>() - 1e-9));
  const json& least = r["rules"][3];
  CHECK(least["id"] == "least_cost");
  CHECK(least["reorder"] == t["least_cost"]["points"][0]["reorder"]);
  CHECK(least["target"] == t["least_cost"]["points"][0]["target"]);
}

TEST_CASE("ordering: a generated series starts on start_date, so its weekday pattern follows the dates",
          "[ordering][api][regression]") {
  // Before, the generator ignored start_date (always 2018-01-01, a Monday).
  const json monday = result(small({{"trace", true}}));
  const json sunday = result(small({{"trace", true}, {"start_date", "2017-12-31"}}));
  CHECK(sunday["series"]["first_date"] == "2017-12-31");
  CHECK(monday["series"]["first_date"] == "2018-01-01");
  CHECK(sunday["series"]["demand"] != monday["series"]["demand"]);
}

TEST_CASE("ordering: the cost surface covers the thinned grids, null where s > S, its cells eq. 13's costs; 0 asks for none",
          "[ordering][api][property]") {
  const json r = result(small({{"surface", 6}}));
  const json& surface = r["tuning"]["surface"];
  const std::vector<int> targets = surface["targets"], reorders = surface["reorders"];
  CHECK(targets.size() <= 6);
  CHECK(reorders.size() <= 6);
  CHECK(targets.front() == 100);
  CHECK(targets.back() == 500);
  CHECK(reorders.front() == 0);
  REQUIRE(surface["cost"].size() == targets.size());
  for (std::size_t i = 0; i < targets.size(); ++i)
    for (std::size_t j = 0; j < reorders.size(); ++j) {
      const json& cell = surface["cost"][i][j];
      CHECK(cell.is_null() == (reorders[j] > targets[i]));
      // Each cell is the least-cost search's own number: no cell is below its least cost.
      if (!cell.is_null()) CHECK(cell.get<double>() >= r["tuning"]["least_cost"]["cost"].get<double>() - 1e-9);
    }
  CHECK(result(small({{"surface", 0}}))["tuning"]["surface"].is_null());
  // The default is a surface of at most 41 values a side.
  CHECK(result(small())["tuning"]["surface"]["targets"].size() <= 41);
}
