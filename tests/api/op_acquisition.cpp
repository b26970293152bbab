// The `acquisition` operation through the request API: bad inputs are refused naming the
// field before any work, the batch model with one-unit requests gives the M/M/1/k answer, and
// the curve and the smallest rate are consistent with the availability at one rate.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>

#include "api/dispatch.hpp"

using nlohmann::json;

namespace {

json call(const json& request) {
  return json::parse(rbc::api::handle_request("acquisition", request.dump()));
}

json result(const json& request) {
  const json r = call(request);
  INFO(r.dump().substr(0, 600));
  REQUIRE(r.contains("result"));
  return r["result"];
}

}  // namespace

TEST_CASE("acquisition: bad inputs name their field", "[supply][api][regression]") {
  struct Case {
    json request;
    std::string path, code, words;
  };
  const Case cases[] = {
      {{{"k", 0}}, "k", "invalid_field", "k must be >= 1"},
      {{{"k", 20001}}, "k", "limit_exceeded", "20000"},
      {{{"k", 100}, {"m", 101}}, "m", "invalid_field", "storage limit k"},
      {{{"rho", 0}}, "rho", "invalid_field", "rho"},
      {{{"target", 1}}, "target", "invalid_field", "target availability"},
      {{{"target", 0}}, "target", "invalid_field", "target availability"},
      {{{"target", "high"}}, "target", "invalid_field", "number"},
      {{{"m", 0}, {"target", 0.9}}, "m", "invalid_field", "minimum stock of 0"},
      {{{"model", "batch"}}, "batch", "missing_field", "batch-size probabilities"},
      {{{"model", "batch"}, {"batch", json::array()}}, "batch", "invalid_field", "at least one"},
      {{{"model", "batch"}, {"batch", {0.5, 0.4}}}, "batch", "invalid_field", "sum to"},
      {{{"model", "batch"}, {"batch", {1.5, -0.5}}}, "batch[0]", "invalid_field", "for 1 unit must"},
      {{{"model", "batch"}, {"batch", {0.5, 0.6, -0.1}}}, "batch[2]", "invalid_field", "for 3 units must"},
      {{{"model", "batch"}, {"batch", {1}}, {"grid_step", 0.05}}, "grid_step", "invalid_field", "smallest rate"},
      {{{"target", nullptr}, {"grid_step", 0.05}}, "grid_step", "invalid_field", "smallest rate"},
      {{{"model", "batch"}, {"batch", {1}}, {"target", 0.9}}, "target", "invalid_field", "M/M/1/k model only"},
      {{{"batch", {1}}}, "batch", "invalid_field", "batch model only"},
      {{{"excess", "partial"}}, "excess", "invalid_field", "batch model only"},
      {{{"model", "batch"}, {"batch", {1}}, {"excess", "some"}}, "excess", "invalid_field", "excess"},
      {{{"curve", {{"from", 1}, {"to", 2}, {"step", 0}}}}, "curve.step", "invalid_field", "step must be positive"},
      {{{"curve", {{"from", 1}, {"to", 2}, {"step", 1e-4}}}}, "curve.step", "limit_exceeded", "at most 2001"},
      {{{"curve", {{"from", 2}, {"to", 1}, {"step", 0.1}}}}, "curve.to", "invalid_field", "last rate"},
      {{{"curve", {{"from", 1}, {"to", 2}}}}, "curve.step", "missing_field", "required"},
      {{{"curve", {{"from", 1}, {"to", 2}, {"step", 0.5}, {"by", 1}}}}, "curve.by", "unknown_field", "by"},
      {{{"model", "batch"}, {"batch", json(std::vector<double>(100, 0.01))}, {"k", 20000},
        {"curve", {{"from", 0.5}, {"to", 1.5}, {"step", 0.1}}}},
       "curve.step", "limit_exceeded", "2e7"},
      {{{"batch_sizes", {1}}}, "batch_sizes", "unknown_field", "batch_sizes"},
  };
  for (const auto& c : cases) {
    const json r = call(c.request);
    INFO(c.request.dump() << " -> " << r.dump());
    REQUIRE(r.contains("error"));
    CHECK(r["error"]["path"] == c.path);
    CHECK(r["error"]["code"] == c.code);
    CHECK(r["error"]["message"].get<std::string>().find(c.words) != std::string::npos);
  }
  const json never_short = call({{"m", 0}});
  CHECK(never_short["result"]["minimum_rho"].is_null());
  CHECK(never_short["result"]["availability"] == 1.0);
  CHECK(never_short["warnings"][0]["code"] == "no_minimum");
  // The module keeps working after an error.
  CHECK(result({{"k", 10}, {"m", 5}})["availability"].get<double>() > 0);
}

TEST_CASE("acquisition: one-unit batches give the M/M/1/k answer through the API", "[supply][api][property]") {
  for (const double rho : {0.5, 1.0, 1.05})
    for (const char* excess : {"lost", "partial"}) {
      const json a = result({{"k", 300}, {"m", 200}, {"rho", rho}, {"target", nullptr}});
      const json b = result({{"model", "batch"}, {"batch", {1}}, {"excess", excess}, {"k", 300}, {"m", 200}, {"rho", rho}});
      CHECK(b["availability"].get<double>() == Approx(a["availability"].get<double>()).epsilon(1e-10));
      CHECK(b["mean_stock"].get<double>() == Approx(a["mean_stock"].get<double>()).epsilon(1e-10));
      CHECK(b["request_unmet"].get<double>() == Approx(a["request_unmet"].get<double>()).epsilon(1e-9).margin(1e-300));
      CHECK(a["minimum_rho"].is_null());
    }
}

TEST_CASE("acquisition: the curve and the smallest rate agree with single evaluations", "[supply][api][property]") {
  const json r = result({{"k", 600}, {"m", 500}, {"curve", {{"from", 1.0}, {"to", 1.1}, {"step", 0.025}}}});
  REQUIRE(r["curve"].size() == 5);
  double previous = -1;
  for (const auto& p : r["curve"]) {
    const json one = result({{"k", 600}, {"m", 500}, {"rho", p["rho"]}, {"distribution", false}});
    CHECK(p["availability"].get<double>() == one["availability"].get<double>());
    CHECK(p["availability"].get<double>() > previous);
    // The grid minimum (0.025, the curve's step) is the first curve point reaching the target.
    CHECK((p["availability"].get<double>() >= 0.99) == (p["rho"].get<double>() >= r["minimum_rho"]["on_grid"].get<double>() - 1e-12));
    previous = p["availability"];
  }
  const json& min = r["minimum_rho"];
  CHECK(min["availability"].get<double>() >= 0.99);
  CHECK(min["on_grid"].get<double>() >= min["exact"].get<double>());
  CHECK(r["distribution"].size() == 601);
  // The batch model's rho is units supplied per unit requested: lambda = rho x the mean batch.
  const json two = result({{"model", "batch"}, {"batch", {0, 1}}, {"k", 50}, {"m", 10}, {"rho", 1.2}});
  CHECK(two["supply_rate"].get<double>() == Approx(2.4));
  CHECK(two["mean_batch"].get<double>() == 2);
}
