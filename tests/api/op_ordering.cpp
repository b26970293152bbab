// The `ordering` operation through the request API (seed 003 sec. 4.3): bad inputs are refused
// naming the field before any work, CSV and numbers give the same answer, the gold standard
// costs a + h I0, the tuning reports progress and can be cancelled, and the module survives errors.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "api/dispatch.hpp"
#include "ordering/demand.hpp"

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

// CSV text of a demand series from 2018-01-01, with predictor columns (columns[k][t]) written
// to 17 digits.
std::string csv_text(const json& demand, const std::vector<std::string>& names = {},
                     const std::vector<std::vector<double>>& columns = {}) {
  std::string csv = "date,units";
  for (const auto& n : names) csv += "," + n;
  csv += "\n";
  const int first = rbc::ordering::days_from_civil(2018, 1, 1);
  for (std::size_t t = 0; t < demand.size(); ++t) {
    csv += rbc::ordering::civil_from_days(first + static_cast<int>(t)) + "," + std::to_string(demand[t].get<int>());
    for (const auto& c : columns) {
      char cell[40];
      std::snprintf(cell, sizeof cell, ",%.17g", c[t]);
      csv += cell;
    }
    csv += "\n";
  }
  return csv;
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

TEST_CASE("ordering: bad STL options are refused naming the option, before any work", "[ordering][api][regression]") {
  struct Case {
    json stl;
    std::string path, code, words;
  };
  const Case cases[] = {
      {{{"seasonal_window", 8}}, "stl.seasonal_window", "invalid_field", "odd whole number of weeks from 7"},
      {{{"seasonal_window", 5}}, "stl.seasonal_window", "invalid_field", "seasonal window"},
      {{{"seasonal_window", 7.5}}, "stl.seasonal_window", "invalid_field", "seasonal window"},
      {{{"seasonal_window", "weekly"}}, "stl.seasonal_window", "invalid_field", "\"periodic\""},
      {{{"seasonal_window", 1003}}, "stl.seasonal_window", "limit_exceeded", "1001"},
      {{{"trend_window", 7}}, "stl.trend_window", "invalid_field", "trend window must be an odd whole number of days from 9"},
      {{{"trend_window", 20}}, "stl.trend_window", "invalid_field", "trend window"},
      {{{"trend_window", "auto"}}, "stl.trend_window", "invalid_field", "or null for the default"},
      {{{"robust", "yes"}}, "stl.robust", "invalid_field", "Robust fitting is true or false"},
      {{{"low_pass_window", 9}}, "stl.low_pass_window", "unknown_field", "low_pass_window"},
  };
  for (const auto& c : cases) {
    const json r = call(small({{"forecast", "stl"}, {"stl", c.stl}}));
    INFO(c.stl.dump() << " -> " << r.dump().substr(0, 400));
    REQUIRE(r.contains("error"));
    CHECK(r["error"]["path"] == c.path);
    CHECK(r["error"]["code"] == c.code);
    CHECK(r["error"]["message"].get<std::string>().find(c.words) != std::string::npos);
  }
  // Options without the forecast they belong to.
  const json wrong = call(small({{"stl", {{"robust", true}}}}));
  CHECK(wrong["error"]["path"] == "stl");
  CHECK(wrong["error"]["message"].get<std::string>().find("forecast \"stl\" only") != std::string::npos);
  // The work bound: a robust periodic STL of 19,635 training days.
  const json big = call({{"generate", {{"days", 20000}}}, {"forecast", "stl"},
                         {"stl", {{"seasonal_window", "periodic"}, {"robust", true}}}});
  CHECK(big["error"]["path"] == "stl");
  CHECK(big["error"]["code"] == "limit_exceeded");
  CHECK(big["error"]["message"].get<std::string>().find("19635 training days") != std::string::npos);
  // A predictor value out of range, named with its date.
  json y = json::array();
  for (int t = 0; t < 120; ++t) y.push_back(20 + t % 7);
  std::vector<double> huge(120, 1.0);
  huge[100] = 1e13;
  json request = small({{"forecast", "stl"}, {"demand", csv_text(y, {"lab"}, {huge})}});
  request.erase("generate");
  const json out = call(request);
  CHECK(out["error"]["path"] == "demand");
  CHECK(out["error"]["message"].get<std::string>().find("lab on 2018-04-11") != std::string::npos);
  CHECK(result(small({{"forecast", "stl"}}))["forecast"]["method"] == "stl");  // and the module goes on
}

TEST_CASE("ordering: forecast stl without predictors is STL alone, its settings and decomposition returned",
          "[ordering][api][property]") {
  // Fitted once: the training days' values are their in-sample fit (the seed's reading).
  const json r = result(small({{"forecast", "stl"}, {"trace", true}, {"stl", {{"refit", "once"}}}}));
  const json& f = r["forecast"];
  CHECK(f["regression"].is_null());
  CHECK(f["stl"] == json{{"seasonal_window", 7}, {"trend_window", 15}, {"low_pass_window", 7}, {"robust", false},
                         {"refit", "once"}, {"inner_passes", 2}, {"outer_passes", 0}});
  const auto trend = f["components"]["trend"].get<std::vector<double>>();
  const auto seasonal = f["components"]["seasonal"].get<std::vector<double>>();
  const auto remainder = f["components"]["remainder"].get<std::vector<double>>();
  const auto values = f["values"].get<std::vector<double>>();
  const auto demand = r["series"]["demand"].get<std::vector<double>>();
  const int train = r["series"]["train_days"];
  REQUIRE(static_cast<int>(trend.size()) == train);
  for (int t = 0; t < train; ++t) {
    CHECK(values[t] == Approx(trend[t] + seasonal[t]).margin(1e-9));
    CHECK(trend[t] + seasonal[t] + remainder[t] == Approx(demand[t]).margin(1e-9));
  }
  // Test days: the last training week's weekday pattern on the last trend, held flat.
  for (std::size_t t = train; t < values.size(); ++t)
    CHECK(values[t] == Approx(trend[train - 1] + seasonal[train - 7 + (t - train) % 7]).margin(1e-9));
  // Other forecasts leave the STL members null; without trace the components are null.
  const json plain = result(small());
  CHECK(plain["forecast"]["stl"].is_null());
  CHECK(plain["forecast"]["components"].is_null());
  CHECK(result(small({{"forecast", "stl"}, {"trace", false}}))["forecast"]["components"].is_null());
  // The decomposition reports progress and stops when asked (16 passes when robust).
  int reports = 0;
  const rbc::Progress stop([&](double, std::string_view stage) { return ++reports, stage != "STL decomposition"; }, 0.0);
  CHECK(call(small({{"forecast", "stl"}, {"stl", {{"robust", true}}}}), stop)["error"]["code"] == "cancelled");
  CHECK(reports >= 1);
  // Periodic and robust settings are said as used.
  const json p = result(small({{"forecast", "stl"}, {"stl", {{"seasonal_window", "periodic"}, {"robust", true}}}}));
  CHECK(p["forecast"]["stl"]["seasonal_window"] == "periodic");
  CHECK(p["forecast"]["stl"]["trend_window"] == 11);
  CHECK(p["forecast"]["stl"]["outer_passes"] == 15);
}

TEST_CASE("ordering: forecast stl regresses its remainder on the CSV's predictor columns; a predictor equal to the "
          "remainder fits the training days exactly",
          "[ordering][api][property]") {
  // STL alone on the series, for its remainder; fitted once, so the training days are its fit.
  const json once = {{"refit", "once"}};
  const json alone = result(small({{"forecast", "stl"}, {"trace", true}, {"stl", once}}));
  const json& y = alone["series"]["demand"];
  const int n = static_cast<int>(y.size()), train = alone["series"]["train_days"];
  const auto remainder = alone["forecast"]["components"]["remainder"].get<std::vector<double>>();
  std::vector<double> exact(n, 0.0), constant(n, 5.0), twice(n, 0.0);
  for (int t = 0; t < train; ++t) exact[t] = remainder[t];
  for (int t = 0; t < n; ++t) twice[t] = 2 * exact[t] + 1;
  json request = small({{"forecast", "stl"}, {"trace", true}, {"stl", once},
                        {"demand", csv_text(y, {"residual", "ward beds", "twice"}, {exact, constant, twice})}});
  request.erase("generate");
  const json response = call(request);
  INFO(response.dump().substr(0, 600));
  REQUIRE(response.contains("result"));
  const json& f = response["result"]["forecast"];
  const json& g = f["regression"];
  REQUIRE(g.is_object());
  CHECK(g["predictors"] == json{"residual", "ward beds", "twice"});
  CHECK(g["coefficients"][0].get<double>() == Approx(1).margin(1e-9));
  CHECK(g["coefficients"][1].is_null());
  CHECK(g["coefficients"][2].is_null());
  CHECK(g["intercept"].get<double>() == Approx(0).margin(1e-9));
  CHECK(g["r_squared"].get<double>() == Approx(1).margin(1e-12));
  CHECK(g["dropped"] == json{{{"predictor", "ward beds"}, {"reason", "constant"}},
                             {{"predictor", "twice"}, {"reason", "collinear"}}});
  CHECK(f["train"]["rmse"].get<double>() < 1e-9);
  // The test days: STL alone's forecast plus the regression on that day's predictor (0 there).
  const auto values = f["values"].get<std::vector<double>>(), base = alone["forecast"]["values"].get<std::vector<double>>();
  for (int t = train; t < n; ++t) CHECK(values[t] == Approx(base[t]).margin(1e-9));
  // Warned: each dropped predictor by name; never "predictors unused".
  std::vector<std::string> codes;
  for (const auto& w : response["warnings"]) codes.push_back(w["code"]);
  CHECK(std::count(codes.begin(), codes.end(), "predictor_dropped") == 2);
  CHECK(std::count(codes.begin(), codes.end(), "predictors_unused") == 0);
  // The same CSV with another forecast: the columns are unused, and said to be.
  request["forecast"] = "weekday_means";
  request.erase("stl");
  const json other = call(request);
  CHECK(other["warnings"][0]["code"] == "predictors_unused");
  CHECK(other["result"]["forecast"]["regression"].is_null());
}

TEST_CASE("ordering: STL refitted weekly forecasts every day from the days before it: a day's demand changes no "
          "forecast of that day or earlier; the fit once has seen its training days",
          "[ordering][api][property]") {
  const json base = result(small({{"forecast", "stl"}, {"trace", true}}));
  CHECK(base["forecast"]["stl"]["refit"] == "weekly");
  const auto y = base["series"]["demand"].get<std::vector<int>>();
  const auto f = base["forecast"]["values"].get<std::vector<double>>();
  const int n = static_cast<int>(y.size());
  for (int t : {30, 55, 79, 80, 101}) {  // training and test days, past the first 28
    std::vector<int> changed = y;
    changed[t] += 40;
    json request = small({{"forecast", "stl"}, {"trace", true}, {"demand", changed}});
    request.erase("generate");
    const auto g = result(request)["forecast"]["values"].get<std::vector<double>>();
    for (int u = 0; u <= t; ++u) CHECK(g[u] == f[u]);
    bool moved = false;
    for (int u = t + 1; u < n; ++u) moved = moved || g[u] != f[u];
    CHECK(moved);  // the refits after it see it
  }
  // Fitted once, the training days' values are in-sample: a training day's demand moves its own.
  const json once = result(small({{"forecast", "stl"}, {"trace", true}, {"stl", {{"refit", "once"}}}}));
  std::vector<int> changed = y;
  changed[50] += 40;
  json request = small({{"forecast", "stl"}, {"trace", true}, {"stl", {{"refit", "once"}}}, {"demand", changed}});
  request.erase("generate");
  CHECK(result(request)["forecast"]["values"][50] != once["forecast"]["values"][50]);
  // Fitted once, the in-sample fit is far closer on the training days: said, with the remedy.
  // (Judged over 8 test weeks or more: a longer series here.)
  const json longer = {{"days", 400}, {"mean", 30}, {"noise_sd", 8}, {"seed", 4}};
  const json in_sample = call(small({{"forecast", "stl"}, {"stl", {{"refit", "once"}}}, {"generate", longer}, {"test_days", 100}}));
  const json& acc = in_sample["result"]["forecast"];
  const bool closer = acc["test"]["rmse"].get<double>() > 1.25 * acc["train"]["rmse"].get<double>();
  bool warned = false;
  for (const auto& w : in_sample["warnings"])
    if (w["code"] == "forecast_closer_on_training") warned = w["message"].get<std::string>().find("weekly") != std::string::npos;
  CHECK(closer);
  CHECK(warned);
  // Refitted weekly, the training days are forecast as the test days are: no such gap.
  const json rolling = call(small({{"forecast", "stl"}, {"generate", longer}, {"test_days", 100}}));
  for (const auto& w : rolling["warnings"]) CHECK(w["code"] != "forecast_closer_on_training");
  // Refitting is weekly or once.
  const json bad = call(small({{"forecast", "stl"}, {"stl", {{"refit", "daily"}}}}));
  CHECK(bad["error"]["path"] == "stl.refit");
}
