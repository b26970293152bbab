// The `ageing` operation through the request API: bad inputs are refused naming the field
// before any work, and on random valid requests the distributions sum to 1, the curves are
// cdfs, the error table falls with N, and N = 1 / large N give the exponential / the fixed
// shelf life (thesis sec. 5.3).
#include <catch2/catch.hpp>
#include <cmath>
#include <nlohmann/json.hpp>
#include <random>
#include <string>

#include "api/dispatch.hpp"

using nlohmann::json;

namespace {

json call(const json& request) { return json::parse(rbc::api::handle_request("ageing", request.dump())); }

json result(const json& request) {
  const json r = call(request);
  INFO(r.dump().substr(0, 600));
  REQUIRE(r.contains("result"));
  return r["result"];
}

double total(const json& d) {
  double s = d["below"].get<double>() + d["above"].get<double>();
  for (const auto& p : d["probabilities"]) {
    CHECK(p.get<double>() >= 0);
    CHECK(p.get<double>() <= 1);
    s += p.get<double>();
  }
  return s;
}

}  // namespace

TEST_CASE("ageing: bad inputs name their field", "[supply][api][regression]") {
  struct Case {
    json request;
    std::string path, code, words;
  };
  const Case cases[] = {
      {{{"shelf_life", 0}}, "shelf_life", "invalid_field", "shelf_life must be >="},
      {{{"shelf_life", "35"}}, "shelf_life", "invalid_field", "a number"},
      {{{"phases", 0}}, "phases", "invalid_field", "phases must be >= 1"},
      {{{"phases", 2.5}}, "phases", "invalid_field", "whole number"},
      {{{"phases", 100001}}, "phases", "limit_exceeded", "100000"},
      {{{"arrival_rate", -1}}, "arrival_rate", "invalid_field", "arrival_rate"},
      {{{"arrival_rate", 5000}, {"shelf_life", 35}}, "arrival_rate", "limit_exceeded", "mean stock, arrival rate x shelf life, is at most 100,000 units (got 175000)"},
      {{{"tolerance", 0}}, "tolerance", "invalid_field", "tolerance"},
      {{{"chart_span", 0.5}}, "chart_span", "invalid_field", "chart_span"},
      {{{"points", 1}}, "points", "invalid_field", "points"},
      {{{"points", 5000}}, "points", "limit_exceeded", "2001"},
      {{{"moments", 21}}, "moments", "limit_exceeded", "20"},
      {{{"compare_phases", json::array()}}, "compare_phases", "invalid_field", "at least one"},
      {{{"compare_phases", {1, 2, 3, 4, 5, 6, 7, 8, 9}}}, "compare_phases", "limit_exceeded", "At most 8"},
      {{{"compare_phases", {5, 0}}}, "compare_phases[1]", "invalid_field", "from 1 to 10,000"},
      {{{"compare_phases", {5, 10001}}}, "compare_phases[1]", "limit_exceeded", "from 1 to 10,000"},
      {{{"compare_phases", {5, "35"}}}, "compare_phases[1]", "invalid_field", "a number"},
      {{{"compare_phases", 5}}, "compare_phases", "invalid_field", "an array"},
      {{{"error_table", {1, 2.5}}}, "error_table[1]", "invalid_field", "whole number from 1 to 1,000,000"},
      {{{"error_table", json(std::vector<int>(61, 3))}}, "error_table", "limit_exceeded", "At most 60"},
      {{{"phases", 3}, {"state", {1, 2}}}, "state", "invalid_field", "N = 3 phases (got 2)"},
      {{{"phases", 3}, {"state", {1, -2, 0}}}, "state[1]", "invalid_field", "phase 2"},
      {{{"phases", 3}, {"state", {1, 2, 0.5}}}, "state[2]", "invalid_field", "whole number"},
      {{{"demand_rate", 3}}, "demand_rate", "unknown_field", "demand_rate"},
  };
  for (const auto& c : cases) {
    const json r = call(c.request);
    INFO(c.request.dump() << " -> " << r.dump().substr(0, 400));
    REQUIRE(r.contains("error"));
    CHECK(r["error"]["path"] == c.path);
    CHECK(r["error"]["code"] == c.code);
    CHECK(r["error"]["message"].get<std::string>().find(c.words) != std::string::npos);
  }
  // The module keeps working after an error, and the defaults are the thesis's days (R = N = 35).
  const json ok = result(json::object());
  CHECK(ok["phases"] == 35);
  CHECK(ok["moments"]["variance"].get<double>() == Approx(35));
  CHECK(ok["stock"]["state"].is_null());
}

TEST_CASE("ageing: random valid requests give cdfs, distributions summing to 1 and an error falling with N", "[supply][api][property]") {
  std::mt19937_64 gen(2026);
  std::uniform_real_distribution<double> logR(-1, 3), logL(-2, 2), u(0, 1);
  std::uniform_int_distribution<int> phases(1, 2000);
  for (int trial = 0; trial < 40; ++trial) {
    const double R = std::pow(10.0, logR(gen));
    const double lambda = std::min(std::pow(10.0, logL(gen)), 1e5 / R);
    const int N = phases(gen);
    const double delta = R * (0.01 + u(gen));
    std::vector<int> table;
    for (int n = 1 + trial % 3; n <= 100000; n = n * 2 + trial % 5) table.push_back(n);
    const json r = result({{"shelf_life", R},
                           {"phases", N},
                           {"arrival_rate", lambda},
                           {"tolerance", delta},
                           {"compare_phases", {1, N, 4 * N}},
                           {"points", 61},
                           {"error_table", table}});
    INFO("R " << R << " N " << N << " lambda " << lambda);
    CHECK(total(r["stock"]["per_phase"]) == Approx(1).epsilon(1e-12));
    CHECK(total(r["stock"]["total"]) == Approx(1).epsilon(1e-12));
    CHECK(r["stock"]["per_phase_mean"].get<double>() == Approx(lambda * R / N).epsilon(1e-14));
    // Every curve is a cdf: 0 at t = 0, in [0, 1], non-decreasing.
    for (const auto& c : r["curves"]["erlang"]) {
      double previous = 0;
      CHECK(c["cdf"][0] == 0.0);
      for (const auto& f : c["cdf"]) {
        CHECK(f.get<double>() >= previous);
        CHECK(f.get<double>() <= 1);
        previous = f;
      }
    }
    // The error falls with N: its sd and the area between the cdfs strictly, the share of units
    // off by more than delta once N is past a handful; the Kolmogorov distance stays above 1/2.
    const json& rows = r["error_table"];
    for (std::size_t i = 1; i < rows.size(); ++i) {
      CHECK(rows[i]["sd"].get<double>() < rows[i - 1]["sd"].get<double>());
      CHECK(rows[i]["mean_absolute_error"].get<double>() < rows[i - 1]["mean_absolute_error"].get<double>());
      CHECK(rows[i]["kolmogorov"].get<double>() > 0.5);
      if (rows[i - 1]["phases"].get<int>() > 4)
        CHECK(rows[i]["off_by_more"].get<double>() <= rows[i - 1]["off_by_more"].get<double>());
      CHECK(rows[i]["early"].get<double>() <= rows[i]["early_bound"].get<double>());
      CHECK(rows[i]["late"].get<double>() <= rows[i]["late_bound"].get<double>());
    }
    // Moments: the mean is R, E(T^2) - E(T)^2 the variance R^2 / N.
    const json& m = r["moments"];
    CHECK(m["mean"].get<double>() == Approx(R));
    CHECK(m["raw"][1].get<double>() - R * R == Approx(m["variance"].get<double>()).epsilon(1e-9));
  }
}

TEST_CASE("ageing: N = 1 gives the exponential curve, N = 10,000 nearly the fixed shelf life", "[supply][api][property]") {
  const json r = result({{"shelf_life", 35}, {"compare_phases", {1, 10000}}, {"points", 141}, {"chart_span", 2}});
  const json& t = r["curves"]["t"];
  const json& fixed = r["curves"]["fixed_cdf"];
  const json& one = r["curves"]["erlang"][0];
  const json& many = r["curves"]["erlang"][1];
  for (std::size_t i = 0; i < t.size(); ++i) {
    const double ti = t[i];
    CHECK(one["cdf"][i].get<double>() == Approx(-std::expm1(-ti / 35)).epsilon(1e-14).margin(1e-300));
    CHECK(one["density"][i].get<double>() == Approx(std::exp(-ti / 35) / 35).epsilon(1e-14));
    // Away from R by 1.5 days or more (4.3 sd at N = 10,000): within 1e-4 of the step.
    if (std::abs(ti - 35) >= 1.5) CHECK(std::abs(many["cdf"][i].get<double>() - fixed[i].get<double>()) < 1e-4);
  }
  CHECK(fixed[69] == 0.0);  // t = 34.5
  CHECK(fixed[70] == 1.0);  // t = 35 = R
}

TEST_CASE("ageing: a state's probability is the product of its phases' Poisson probabilities", "[supply][api][property]") {
  const json r = result({{"shelf_life", 35}, {"phases", 5}, {"arrival_rate", 1}, {"state", {3, 7, 0, 9, 12}}});
  const json& d = r["stock"]["per_phase"];
  double product = 1;
  for (const int s : {3, 7, 0, 9, 12}) product *= d["probabilities"][static_cast<std::size_t>(s - d["first"].get<int>())].get<double>();
  CHECK(r["stock"]["state"]["probability"].get<double>() == Approx(product).epsilon(1e-13));
  CHECK(r["stock"]["state"]["log10_probability"].get<double>() == Approx(std::log10(product)).epsilon(1e-13));
  // With no arrivals the stock is empty: probability 1 for all zeros, 0 (log null) otherwise.
  CHECK(result({{"phases", 2}, {"arrival_rate", 0}, {"state", {0, 0}}})["stock"]["state"]["probability"] == 1.0);
  const json none = result({{"phases", 2}, {"arrival_rate", 0}, {"state", {0, 1}}});
  CHECK(none["stock"]["state"]["probability"] == 0.0);
  CHECK(none["stock"]["state"]["log10_probability"].is_null());
}
