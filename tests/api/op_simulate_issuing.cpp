// The simulate_issuing and merge_issuing operations through the request API.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <thread>

#include "api/dispatch.hpp"

using nlohmann::json;

namespace {

// Seed 004's preset at a small scale: 120 units a day, 2 appointments, 10 + 7 days.
json small_request() {
  return {{"supply", {{"rule", "fixed"}, {"mean", 120}}},
          {"initial_stock", {{"units", 700}, {"max_age", 6}}},
          {"warm_up_days", 10},
          {"days", 7},
          {"demand",
           {{{"id", "sickle_cell"}, {"group", "sickle_cell"}, {"requests", {{"law", "fixed"}, {"mean", 2}}}, {"units", 10},
             {"antibodies", true},
             {"population", {{"rh", "rh/african-aabb-2008"}, {"duffy", "duffy/african-sec-3.5.2"}}}},
            {{"id", "other"}, {"group", "other"}, {"requests", {{"law", "negative_binomial"}, {"mean", 95}, {"dispersion", 20}}},
             {"units", {0.7, 0.3}}}}}};
}

json call(const std::string& op, const json& request, const rbc::ParallelFor& parallel = {}) {
  return json::parse(rbc::api::handle_request(op, request.dump(), {}, parallel));
}

std::string error_path(const std::string& op, const json& request) {
  const json r = call(op, request);
  if (!r.contains("error")) return "(no error)";
  return r["error"]["path"].get<std::string>();
}

}  // namespace

TEST_CASE("simulate_issuing: ranges merged by merge_issuing give the single run's result exactly", "[issuing][property]") {
  json whole = small_request();
  whole["replications"] = 3;
  whole["trace_replication"] = 1;
  const json single = call("simulate_issuing", whole);
  REQUIRE(single.contains("result"));
  json a = whole, b = whole;
  a["replications"] = 1;
  b["first_replication"] = 1;
  b["replications"] = 2;
  const json ra = call("simulate_issuing", a), rb = call("simulate_issuing", b);
  REQUIRE(ra.contains("result"));
  REQUIRE(rb.contains("result"));
  CHECK(ra["result"]["trace"].is_null());
  // The parts travel as JSON text (as between machines) and come back the same.
  const json merged = call("merge_issuing", {{"results", {json::parse(rb["result"].dump()), json::parse(ra["result"].dump())}}});
  REQUIRE(merged.contains("result"));
  CHECK(merged["result"].dump() == single["result"].dump());
  // A single-replication summary has no interval; three do.
  CHECK(ra["result"]["summary"]["policies"][0]["shortage_share"]["low"].is_null());
  CHECK(single["result"]["summary"]["policies"][0]["shortage_share"]["low"].is_number());
}

TEST_CASE("merge_issuing: refuses overlapping ranges and other scenarios, naming the result", "[issuing][validation]") {
  json req = small_request();
  req["replications"] = 1;
  const json one = call("simulate_issuing", req)["result"];
  CHECK(error_path("merge_issuing", {{"results", {one, one}}}) == "results");
  json other = req;
  other["seed"] = 7;
  other["first_replication"] = 1;
  const json two = call("simulate_issuing", other)["result"];
  CHECK(error_path("merge_issuing", {{"results", {one, two}}}) == "results[1].scenario");
  CHECK(error_path("merge_issuing", {{"results", {{{"scenario", 1}}}}}) == "results[0]");
  CHECK(error_path("merge_issuing", {{"results", json::array()}}) == "results");
}

TEST_CASE("merge_issuing: results edited or cut short are refused at the field (they crashed or gave internal errors)",
          "[issuing][regression]") {
  json req = small_request();
  req["replications"] = 1;
  const json one = call("simulate_issuing", req)["result"];
  REQUIRE(one.is_object());
  const auto merge_of = [](const json& result) { return error_path("merge_issuing", {{"results", {result}}}); };
  const auto with = [&](const json::json_pointer& at, const json& value) {
    json r = one;
    r[at] = value;
    return r;
  };
  const std::string outcome = "results[0].per_replication[0].policies[0]";
  // Each of these used to reach the summary unchecked: a segmentation fault (no demand
  // streams, more per-stream sums than streams) or "internal_error" (missing members, wrong types).
  CHECK(merge_of(with("/scenario/demand"_json_pointer, json::array())) == "results[0].scenario.demand");
  CHECK(merge_of(with("/per_replication/0/policies/0/stream_requested"_json_pointer, {1, 2, 3})) == outcome);
  CHECK(merge_of(with("/per_replication/0"_json_pointer, {{"index", 0}})) == "results[0].per_replication[0]");
  CHECK(merge_of(with("/scenario"_json_pointer, 1)) == "results[0].scenario");
  CHECK(merge_of(with("/scenario/antigens"_json_pointer, {"A", "B", "D"})) == outcome);  // sums of 17 antigens
  CHECK(merge_of(with("/scenario/immunogenicity"_json_pointer, {{"Fya", "high"}})) == "results[0].scenario.immunogenicity.Fya");
  CHECK(merge_of(with("/scenario/colour"_json_pointer, "red")) == "results[0].scenario.colour");
  CHECK(merge_of(with("/per_replication/0/index"_json_pointer, -1)) == "results[0].per_replication[0].index");
  CHECK(merge_of(with("/per_replication/0/policies/0/stock_age"_json_pointer, {1})) == outcome);
  CHECK(merge_of(with("/per_replication/0/policies/0/issued"_json_pointer, -5)) == outcome);
  CHECK(merge_of(with("/per_replication/0/policies/0/outdated"_json_pointer, 1000000)) == outcome);  // stock not conserved
  CHECK(merge_of(with("/per_replication/0/policies/0/days"_json_pointer, 3)) == outcome);
  CHECK(merge_of(with("/trace"_json_pointer, {{"replication", 5}, {"policies", json::array()}})) == "results[0].trace");
  // Two ranges each carrying a trace (run with different trace_replication values).
  json a = req, b = req;
  a["trace_replication"] = 0;
  b["first_replication"] = 1;
  b["trace_replication"] = 1;
  const json ra = call("simulate_issuing", a)["result"], rb = call("simulate_issuing", b)["result"];
  CHECK(error_path("merge_issuing", {{"results", {ra, rb}}}) == "results[1].trace");
  // The module keeps working: the result itself still merges.
  CHECK(call("merge_issuing", {{"results", {one}}}).contains("result"));
}

TEST_CASE("merge_issuing: a result of every preset reads back as its own scenario", "[issuing][property]") {
  for (const char* preset : {"seed004_small", "seed004", "thesis"}) {
    INFO(preset);
    const json run = call("simulate_issuing", {{"preset", preset}, {"warm_up_days", 0}, {"days", 1}, {"replications", 1}});
    REQUIRE(run.contains("result"));
    const json merged = call("merge_issuing", {{"results", {run["result"]}}});
    REQUIRE(merged.contains("result"));
    CHECK(merged["result"].dump() == run["result"].dump());
  }
}

#ifndef __EMSCRIPTEN__
TEST_CASE("simulate_issuing: replications on threads give the one-thread response", "[issuing][property]") {
  json req = small_request();
  req["replications"] = 3;
  const rbc::ParallelFor threads = [](std::size_t n, const std::function<void(std::size_t)>& body) {
    std::vector<std::thread> pool;
    for (std::size_t i = 0; i < n; ++i) pool.emplace_back(body, i);
    for (auto& t : pool) t.join();
  };
  CHECK(call("simulate_issuing", req, threads).dump() == call("simulate_issuing", req).dump());
}
#endif

TEST_CASE("simulate_issuing: bad inputs are refused before any work, naming the field", "[issuing][validation]") {
  const auto with = [](const json& patch) {
    json r = small_request();
    r.merge_patch(patch);
    return r;
  };
  CHECK(error_path("simulate_issuing", with({{"replications", 20000}})) == "replications");
  CHECK(error_path("simulate_issuing", with({{"days", 0}})) == "days");
  CHECK(error_path("simulate_issuing", with({{"preset", "nhs"}})) == "preset");
  CHECK(error_path("simulate_issuing", with({{"antigens", {"A", "B"}}})) == "antigens");
  CHECK(error_path("simulate_issuing", with({{"supply", {{"rule", "weekly"}, {"mean", 3}}}})) == "supply.rule");
  CHECK(error_path("simulate_issuing", with({{"supply", {{"rule", "negative_binomial"}, {"mean", 3}, {"dispersion", 0}}}})) ==
        "supply.dispersion");
  CHECK(error_path("simulate_issuing", with({{"initial_stock", {{"units", 10}, {"max_age", 35}}}})) == "initial_stock.max_age");
  CHECK(error_path("simulate_issuing", with({{"policies", {{{"method", "allocate"}, {"gamma", 2}}}}})) == "policies[0].gamma");
  CHECK(error_path("simulate_issuing", with({{"policies", {{{"rule", "strict"}}}}})) == "policies[0].rule");
  CHECK(error_path("simulate_issuing", with({{"policies", {{{"weights", {{"fifo", -1}}}}}}})) == "policies[0].fifo_weight");
  json r = small_request();
  r["demand"][0]["group"] = "unknown";
  CHECK(error_path("simulate_issuing", r) == "demand[0].group");
  r = small_request();
  r["demand"][0]["major_shares"] = {{"O-", 1}};
  CHECK(error_path("simulate_issuing", r) == "demand[0].major_shares");  // sickle-cell patients are typed for all
  r = small_request();
  r["demand"][1]["major_shares"] = {{"O-", 1}, {"Q+", 1}};
  CHECK(error_path("simulate_issuing", r) == "demand[1].major_shares.Q+");
  r = small_request();
  r["demand"][0]["antibodies"] = {{"Xga", 0.1}};
  CHECK(error_path("simulate_issuing", r) == "demand[0].antibodies.Xga");
  // 3,500 units a day for ten years, 1,000 replications: refused up front as too much work.
  CHECK(error_path("simulate_issuing", with({{"supply", {{"rule", "fixed"}, {"mean", 3500}}},
                                             {"days", 3000},
                                             {"replications", 1000}})) == "replications");
  // The module keeps working after an error.
  CHECK(call("simulate_issuing", small_request()).contains("result"));
}

TEST_CASE("simulate_issuing: conservation and shares in the response", "[issuing][property]") {
  json req = small_request();
  req["replications"] = 2;
  req["policies"] = {{{"label", "FIFO"}, {"method", "allocate"}, {"gamma", 0}},
                     {{"label", "E0"}, {"method", "match"}, {"rule", "extended"}}};
  const json r = call("simulate_issuing", req);
  REQUIRE(r.contains("result"));
  for (const auto& rep : r["result"]["per_replication"])
    for (const auto& o : rep["policies"]) {
      CHECK(o["stock_start"].get<long>() + o["supplied"].get<long>() ==
            o["issued"].get<long>() + o["outdated"].get<long>() + o["stock_end"].get<long>());
      CHECK(o["requested"].get<long>() == o["issued"].get<long>() + o["shortage"].get<long>());
    }
  for (const auto& p : r["result"]["summary"]["policies"]) {
    for (const char* share : {"shortage_share", "outdated_share"}) {
      CHECK(p[share]["mean"].get<double>() >= 0);
      CHECK(p[share]["mean"].get<double>() <= 1);
      CHECK(p[share]["low"].get<double>() >= 0);  // the interval is cut to [0, 1]
      CHECK(p[share]["high"].get<double>() <= 1);
    }
    CHECK(p["shortage_units"]["low"].get<double>() >= 0);
    double total = 0;
    for (const auto& [type, e] : p["stock_by_major_type"].items()) total += e["mean"].get<double>();
    CHECK(total == Approx(1));
  }
}

TEST_CASE("simulate_issuing: seed004_small, with NHSBT's donors, has no shortages and no outdating (seed 004 sec. 5.1)",
          "[issuing][validation]") {
  // Seed 004 sec. 5.1: "no shortages affecting SCD patients or non-SCD patients under any of
  // the rules. Nor did we observe any expiration of RBC units." With thesis Table 4.4's donors
  // (too few O-, NHSBT demand shares) the preset ran short of O- units.
  const json r = call("simulate_issuing", {{"preset", "seed004_small"}, {"replications", 2}, {"warm_up_days", 42}});
  REQUIRE(r.contains("result"));
  for (const auto& p : r["result"]["summary"]["policies"]) {
    INFO(p["label"]);
    CHECK(p["shortage_units"]["mean"].get<double>() == 0);
    CHECK(p["outdated_units"]["mean"].get<double>() == 0);
  }
  CHECK(r["result"]["scenario"]["donors"][0]["joint"] == "nhsbt-abdcce-european");
}

TEST_CASE("simulate_issuing: a donor joint table, built-in or given, and its errors name the field", "[issuing][regression]") {
  json q = small_request();
  q["donors"] = json::array({{{"weight", 1}, {"populations", json::object()}, {"joint", "nhsbt-abdcce-african"}}});
  CHECK(call("simulate_issuing", q).contains("result"));
  q["donors"][0]["joint"] = "nhsbt";
  CHECK(error_path("simulate_issuing", q) == "donors[0].joint");
  // A table of its own: all donors O- rr or O+ R1R1 (a type with C and no c).
  q["donors"][0]["joint"] = {{"antigens", {"A", "B", "D", "C", "c", "E", "e"}},
                             {"types", {json::array({"c", "e"}), json::array({"D", "C", "e"})}},
                             {"frequencies", {0.5, 0.5}}};
  const json own = call("simulate_issuing", q);
  REQUIRE(own.contains("result"));
  const auto& stock = own["result"]["summary"]["policies"][0]["stock_by_major_type"];
  CHECK(stock["O-"]["mean"].get<double>() + stock["O+"]["mean"].get<double>() == Approx(1));
  q["donors"][0]["joint"]["frequencies"] = {0.5, 0.4};
  CHECK(error_path("simulate_issuing", q) == "donors[0].joint.frequencies");
  q["donors"][0]["joint"]["frequencies"] = {0.5, 0.5};
  q["donors"][0]["joint"]["antigens"] = {"A", "B", "D"};
  q["donors"][0]["joint"]["types"] = {json::array(), json::array({"D"})};
  CHECK(error_path("simulate_issuing", q) == "donors[0].joint.antigens");
  q["donors"][0]["joint"]["types"] = {json::array(), json::array({"Q"})};
  CHECK(error_path("simulate_issuing", q) == "donors[0].joint.types[1]");
}

TEST_CASE("simulate_issuing: rule E1's forecast is read and its errors name the field", "[issuing][regression]") {
  json q = small_request();
  q["demand"][0]["booked"] = true;
  q["policies"] = {{{"label", "E0"}, {"rule", "extended"}},
                   {{"label", "E1"}, {"rule", "extended"}, {"forecast", {{"request_days", 3}, {"unit_days", 1}, {"arrival_share", 0.97}}}}};
  const json r = call("simulate_issuing", q);
  REQUIRE(r.contains("result"));
  CHECK(r["result"]["scenario"]["policies"][1]["forecast"]["request_days"] == 3);
  q["policies"][1]["forecast"]["arrival_share"] = 1.5;
  CHECK(error_path("simulate_issuing", q) == "policies[1].forecast.arrival_share");
  q["policies"][1]["forecast"] = {{"request_days", 40}};
  CHECK(error_path("simulate_issuing", q) == "policies[1].forecast.request_days");
  // The bounds as people write them (they read "from 0.0 to 14.0").
  const json too_far = call("simulate_issuing", q);
  CHECK_THAT(too_far["error"]["message"].get<std::string>(), Catch::Contains("from 0 to "));
  CHECK_THAT(too_far["error"]["message"].get<std::string>(), !Catch::Contains(".0 "));
  q["policies"][1]["forecast"] = {{"days", 2}};
  CHECK(error_path("simulate_issuing", q) == "policies[1].forecast.days");
  q["policies"][1] = {{"method", "allocate"}, {"forecast", {{"request_days", 2}}}};
  CHECK(error_path("simulate_issuing", q) == "policies[1].forecast");
  q["policies"][1] = {{"rule", "extended"}};
  q["demand"][0]["booked"] = "yes";
  CHECK(error_path("simulate_issuing", q) == "demand[0].booked");
}
