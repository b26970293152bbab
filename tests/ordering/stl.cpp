// Tests of src/ordering/stl.* and the STL forecast of src/ordering/forecast.* (seed 003 sec. 4.2;
// Cleveland et al. 1990): agreement with statsmodels' STL (tests/ordering/stl_statsmodels.json,
// made by tests/ordering/stl_statsmodels.py), the decomposition's properties, the regression.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "numeric/random.hpp"
#include "ordering/forecast.hpp"
#include "ordering/stl.hpp"

using namespace rbc::ordering;

namespace {

double max_abs_difference(const std::vector<double>& a, const std::vector<double>& b) {
  REQUIRE(a.size() == b.size());
  double d = 0;
  for (std::size_t i = 0; i < a.size(); ++i) d = std::max(d, std::abs(a[i] - b[i]));
  return d;
}

// A noisy weekday pattern with a slow wave, as demand series look.
std::vector<double> noisy_series(int n, std::uint64_t seed, double mean = 90, double sd = 15) {
  rbc::numeric::Xoshiro256StarStar rng(seed);
  const double pattern[7] = {8, 10, 8, 6, 4, -16, -20};
  std::vector<double> y(n);
  for (int t = 0; t < n; ++t)
    y[t] = mean + pattern[t % 7] + 6 * std::sin(t / 20.0) + rbc::numeric::normal(rng, 0.0, sd);
  return y;
}

StlSettings settings(int seasonal, std::optional<int> trend, bool robust) {
  StlSettings s;
  s.seasonal_window = seasonal;
  s.trend_window = trend;
  s.robust = robust;
  return s;
}

}  // namespace

TEST_CASE("stl: agrees with statsmodels' STL to 1e-9 (tests/ordering/stl_statsmodels.json)", "[ordering][validation]") {
  std::ifstream in(std::string(RBCMATCH_TESTS_DIR) + "/ordering/stl_statsmodels.json");
  REQUIRE(in.good());
  const nlohmann::json fixture = nlohmann::json::parse(in);
  REQUIRE(fixture.at("cases").size() >= 6);
  double worst = 0;
  for (const auto& c : fixture.at("cases")) {
    const auto& p = c.at("settings");
    StlSettings s;
    s.period = fixture.at("period");
    if (p.at("seasonal_window") == "periodic") s.periodic = true;
    else s.seasonal_window = p.at("seasonal_window");
    s.trend_window = p.at("trend_window").get<int>();
    s.low_pass_window = p.at("low_pass_window").get<int>();
    s.robust = p.at("robust");
    const auto y = c.at("y").get<std::vector<double>>();
    const Stl d = stl(y, s);
    // The iteration counts are R's defaults, which the fixture's script gave statsmodels.
    CHECK(d.used.inner == p.at("inner").get<int>());
    CHECK(d.used.outer == p.at("outer").get<int>());
    const double difference = std::max({max_abs_difference(d.trend, c.at("trend")),
                                        max_abs_difference(d.seasonal, c.at("seasonal")),
                                        max_abs_difference(d.remainder, c.at("remainder"))});
    INFO(c.at("name").get<std::string>() << ": max |difference| " << difference);
    CHECK(difference <= 1e-9);
    worst = std::max(worst, difference);
  }
  INFO("largest |difference| from statsmodels: " << worst);  // 1.6e-12 with statsmodels 0.13.5
  CHECK(worst <= 1e-9);
}

TEST_CASE("resolve: the paper's default windows and R's iteration counts", "[ordering][property]") {
  StlSettings s;
  StlSettingsUsed u = resolve(s, 100);
  CHECK(u.trend_window == 15);  // nextodd(ceil(10.5 / (1 - 1.5 / 7))) = nextodd(14)
  CHECK(u.low_pass_window == 7);
  CHECK(u.inner == 2);
  CHECK(u.outer == 0);
  s.robust = true;
  u = resolve(s, 100);
  CHECK(u.inner == 1);
  CHECK(u.outer == 15);
  s.periodic = true;
  u = resolve(s, 100);
  CHECK(u.seasonal_window == 1001);
  CHECK(u.seasonal_degree == 0);
  CHECK(u.trend_window == 11);
  CHECK(default_trend_window(7, 13) == 13);  // ceil(10.5 / (1 - 1.5 / 13)) = 12
  CHECK(default_trend_window(12, 7) == 23);  // monthly data: R's stl(x, 7) uses 23
  for (StlSettings bad : {settings(8, {}, false), settings(1, {}, false), settings(7, 10, false)})
    CHECK_THROWS_AS(resolve(bad, 100), std::invalid_argument);
  CHECK_THROWS_AS(resolve(StlSettings{}, 13), std::invalid_argument);  // fewer than two weeks
}

TEST_CASE("stl: trend + seasonal + remainder = y, to rounding", "[ordering][property]") {
  for (const bool robust : {false, true})
    for (const int seasonal : {7, 15}) {
      const auto y = noisy_series(200, 11 + seasonal);
      const Stl d = stl(y, settings(seasonal, {}, robust));
      for (std::size_t t = 0; t < y.size(); ++t)
        CHECK(d.trend[t] + d.seasonal[t] + d.remainder[t] == Approx(y[t]).margin(1e-12));
      for (double w : d.weights) {
        CHECK(w >= 0);
        CHECK(w <= 1);
      }
      if (!robust) CHECK(std::all_of(d.weights.begin(), d.weights.end(), [](double w) { return w == 1; }));
    }
}

TEST_CASE("stl: a weekly pattern plus a constant, or plus a line, is recovered exactly", "[ordering][property]") {
  const double pattern[7] = {5, 7, 4, 2, 0, -8, -10};  // sums to 0
  for (const bool robust : {false, true})
    for (const double slope : {0.0, 0.3}) {
      std::vector<double> y(98);
      for (int t = 0; t < 98; ++t) y[t] = 50 + slope * t + pattern[t % 7];
      const Stl d = stl(y, settings(7, {}, robust));
      for (int t = 0; t < 98; ++t) {
        CHECK(d.trend[t] == Approx(50 + slope * t).margin(1e-9));
        CHECK(d.seasonal[t] == Approx(pattern[t % 7]).margin(1e-9));
        CHECK(d.remainder[t] == Approx(0).margin(1e-9));
      }
    }
}

TEST_CASE("stl: the seasonal sums to about 0 over each week; periodic, it repeats exactly", "[ordering][property]") {
  const auto y = noisy_series(364, 5, 90, 2);
  for (const bool periodic : {false, true}) {
    StlSettings s;
    s.periodic = periodic;
    const Stl d = stl(y, s);
    double amplitude = 0;
    for (double v : d.seasonal) amplitude = std::max(amplitude, std::abs(v));
    REQUIRE(amplitude > 10);  // the pattern's range is 30
    for (std::size_t t = 0; t + 7 <= y.size(); ++t) {
      double sum = 0;
      for (int i = 0; i < 7; ++i) sum += d.seasonal[t + i];
      CHECK(std::abs(sum) < 0.05 * amplitude);
      if (periodic && t + 7 < y.size()) CHECK(d.seasonal[t + 7] == d.seasonal[t]);
    }
  }
}

TEST_CASE("stl: shifting y by a constant shifts the trend only", "[ordering][property]") {
  for (const bool robust : {false, true}) {
    const auto y = noisy_series(150, 21);
    auto shifted = y;
    for (double& v : shifted) v += 1000;
    const Stl a = stl(y, settings(9, 21, robust)), b = stl(shifted, settings(9, 21, robust));
    for (std::size_t t = 0; t < y.size(); ++t) {
      CHECK(b.trend[t] == Approx(a.trend[t] + 1000).margin(1e-9));
      CHECK(b.seasonal[t] == Approx(a.seasonal[t]).margin(1e-9));
      CHECK(b.remainder[t] == Approx(a.remainder[t]).margin(1e-9));
    }
  }
}

TEST_CASE("stl: robust fitting gives outliers weight near 0 and keeps them out of the trend", "[ordering][property]") {
  auto y = noisy_series(140, 8, 90, 3);
  const std::vector<int> outliers = {30, 31, 75, 110};
  for (int t : outliers) y[t] += 200;
  const Stl plain = stl(y, settings(7, {}, false)), robust = stl(y, settings(7, {}, true));
  for (int t : outliers) {
    CHECK(robust.weights[t] < 0.01);
    CHECK(robust.remainder[t] > 180);
    CHECK(plain.remainder[t] < robust.remainder[t]);
  }
}

TEST_CASE("linear_regression: recovers known coefficients; drops a constant and a collinear column", "[ordering][property]") {
  rbc::numeric::Xoshiro256StarStar rng(3);
  const int n = 60;
  std::vector<std::vector<double>> x(4, std::vector<double>(n));
  std::vector<double> y(n);
  for (int t = 0; t < n; ++t) {
    x[0][t] = rbc::numeric::normal(rng, 40.0, 6.0);
    x[1][t] = 4;                                   // constant
    x[2][t] = rbc::numeric::normal(rng, 0.0, 1.0);
    x[3][t] = 2 * x[0][t] - x[2][t] + 7;           // a combination of the intercept, x0 and x2
    y[t] = -3 + 0.5 * x[0][t] + 2.5 * x[2][t];
  }
  // Later columns depend on earlier ones: the one dropped is the later.
  const LinearFit f = linear_regression(y, x, n);
  CHECK(f.intercept == Approx(-3).margin(1e-9));
  CHECK(f.coefficients[0] == Approx(0.5).margin(1e-12));
  CHECK(f.coefficients[2] == Approx(2.5).margin(1e-12));
  CHECK(f.dropped == std::vector<Dropped>{Dropped::no, Dropped::constant, Dropped::no, Dropped::collinear});
  CHECK(f.coefficients[1] == 0);
  CHECK(f.coefficients[3] == 0);
  CHECK(f.r_squared == Approx(1).margin(1e-12));
  for (int t = 0; t < n; ++t) CHECK(predict(f, x, t) == Approx(y[t]).margin(1e-9));
  // With noise the estimates are near the truth and R^2 below 1; only the rows asked for count.
  for (int t = 0; t < n; ++t) y[t] += rbc::numeric::normal(rng, 0.0, 0.5);
  const LinearFit g = linear_regression(y, x, 50);
  CHECK(g.coefficients[0] == Approx(0.5).margin(0.05));
  CHECK(g.coefficients[2] == Approx(2.5).margin(0.3));
  CHECK(g.r_squared < 1);
  CHECK(g.r_squared > 0.8);
  // No columns: the intercept is the mean.
  const LinearFit m = linear_regression(y, {}, n);
  double mean = 0;
  for (double v : y) mean += v / n;
  CHECK(m.intercept == Approx(mean));
}

TEST_CASE("stl_forecast: test days carry the last week's seasonal and the last trend, plus the regression",
          "[ordering][property]") {
  const auto yd = noisy_series(150, 13);
  std::vector<int> demand(yd.size());
  for (std::size_t t = 0; t < yd.size(); ++t) demand[t] = static_cast<int>(std::lround(std::max(0.0, yd[t])));
  const int train = 110;
  const StlForecast alone = stl_forecast(demand, {}, train, StlSettings{});
  CHECK(!alone.regression);
  const Stl& d = alone.decomposition;
  REQUIRE(static_cast<int>(d.trend.size()) == train);
  for (int t = 0; t < 150; ++t) {
    const double expected =
        t < train ? d.trend[t] + d.seasonal[t] : d.trend[train - 1] + d.seasonal[train - 7 + (t - train) % 7];
    CHECK(alone.values[t] == Approx(expected).margin(1e-12));
  }
  // A predictor equal to the training remainder (and to 3 on the test days) fits it exactly.
  std::vector<std::vector<double>> x(1, std::vector<double>(150, 3.0));
  for (int t = 0; t < train; ++t) x[0][t] = d.remainder[t];
  const StlForecast with = stl_forecast(demand, x, train, StlSettings{});
  REQUIRE(with.regression);
  CHECK(with.regression->coefficients[0] == Approx(1).margin(1e-9));
  CHECK(with.regression->intercept == Approx(0).margin(1e-9));
  for (int t = 0; t < 150; ++t)
    CHECK(with.values[t] == Approx(t < train ? demand[t] : alone.values[t] + 3).margin(1e-9));
}
