// Tests of src/ordering/: seed 003 (Li et al.), sec. 4.3, eq. 7-13 and Table 9.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <string>
#include <vector>

#include "common/input_error.hpp"
#include "numeric/random.hpp"
#include "ordering/demand.hpp"
#include "ordering/forecast.hpp"
#include "ordering/inventory.hpp"
#include "ordering/ordering.hpp"
#include "ordering/tuning.hpp"

using namespace rbc::ordering;

namespace {

Series series(int days, double mean, double sd, std::uint64_t seed, double trend = 0) {
  GeneratorSpec g;
  g.days = days;
  g.mean = mean;
  g.noise_sd = sd;
  g.trend = trend;
  g.weekday = {1.1, 1.1, 1.05, 1.05, 1.0, 0.85, 0.85};
  g.seed = seed;
  g.first_day = days_from_civil(2018, 1, 1);
  return generate_demand(g);
}

// Eq. 8-11 written out with an explicit array of ages, O(M) a day: I[m] = units of age m
// (1..M) at the end of the previous day. The reference for the ring buffer of simulate().
struct Naive {
  std::vector<int> order, inventory, urgent, wasted;
  std::vector<double> cost;
};
Naive naive(const Plan& plan, const Stock& stock, const Costs& c, const Rule& rule) {
  const int M = stock.shelf_life;
  std::vector<long long> prev(M + 1, 0);
  for (int m = 1; m < M; ++m) prev[m] = stock.initial[m - 1];
  Naive out;
  for (std::size_t t = 0; t < plan.demand.size(); ++t) {
    long long I = 0;
    for (int m = 1; m < M; ++m) I += prev[m];
    long long z = 0;
    const int b = plan.basis[t];
    if (b >= 0) {
      if (rule.kind == RuleKind::basis) z = b;
      if (rule.kind == RuleKind::target_bounded) z = std::max<long long>(0, std::min<long long>(b, rule.target - I));
      if (rule.kind == RuleKind::reorder_bounded && I < rule.reorder)  // eq. 13, case by case
        z = b > rule.target - I ? rule.target - I : b < rule.reorder - I ? rule.reorder - I : b;
    }
    const long long y = plan.demand[t];
    std::vector<long long> now(M + 1, 0);
    for (int m = M; m >= 1; --m) {
      long long older = 0;  // sum_{j=m}^{M-1} I_{t-1}^j
      for (int j = m; j <= M - 1; ++j) older += prev[j];
      const long long R = std::max<long long>(0, y - older);        // eq. 8
      now[m] = std::max<long long>(0, (m == 1 ? z : prev[m - 1]) - R);  // eq. 9, 10
    }
    long long after = 0;
    for (int m = 1; m <= M; ++m) after += now[m];
    const long long B = std::max<long long>(0, y - (I + z - after));  // eq. 11, read as unmet demand
    const long long inv = after - now[M];
    out.order.push_back(static_cast<int>(z));
    out.inventory.push_back(static_cast<int>(inv));
    out.urgent.push_back(static_cast<int>(B));
    out.wasted.push_back(static_cast<int>(now[M]));
    out.cost.push_back((z > 0 ? c.routine : 0) + c.holding * inv + c.urgent * B + c.wastage * now[M]);  // eq. 7
    now[M] = 0;
    prev = now;
  }
  return out;
}

}  // namespace

TEST_CASE("simulate: ordering to actual demand keeps the stock at I0, mean cost a + h I0 (seed 003 sec. 4.3, Table 9)",
          "[ordering][validation]") {
  for (std::uint64_t seed : {1u, 2u, 3u, 4u}) {
    const double mean = 20 + 40.0 * seed;
    const Series s = series(400, mean, mean / 3, seed);
    const auto w = s.weekdays();
    const Plan gold = make_plan(s.demand, s.demand, w, Schedule::daily);
    const int I0 = 780 + 13 * static_cast<int>(seed);
    const Stock stock = spread_initial_stock(I0, static_cast<int>(mean), 32);
    const Costs costs{100, 1, 300, 100};
    Trace trace;
    const Totals t = simulate(gold, stock, costs, {RuleKind::basis}, &trace);
    const auto positive = std::count_if(s.demand.begin(), s.demand.end(), [](int y) { return y > 0; });
    CHECK(t.urgent == 0);
    CHECK(t.wasted == 0);
    CHECK(std::all_of(trace.inventory.begin(), trace.inventory.end(), [&](int i) { return i == I0; }));
    // a x (share of days with an order, i.e. with demand) + h x I0: 880 = 100 + 780 in Table 9.
    CHECK(t.mean_cost() == Approx(costs.routine * positive / 400.0 + costs.holding * I0).epsilon(1e-12));
    if (positive == 400) CHECK(t.mean_cost() == Approx(100 + I0));
  }
}

TEST_CASE("simulate: equals eq. 8-11 written out age by age, for every rule and schedule", "[ordering][property]") {
  rbc::numeric::Xoshiro256StarStar rng(7);
  for (int trial = 0; trial < 60; ++trial) {
    const int M = static_cast<int>(rbc::numeric::uniform_int(rng, 2, 12));
    const double mean = static_cast<double>(rbc::numeric::uniform_int(rng, 0, 40));
    const Series s = series(120, mean, 1 + mean / 2, 100 + trial);
    std::vector<int> f(s.demand.size());
    for (auto& x : f) x = static_cast<int>(rbc::numeric::uniform_int(rng, 0, static_cast<std::int64_t>(2 * mean + 3)));
    const Schedule schedule = trial % 2 ? Schedule::twice_weekly : Schedule::daily;
    const Plan plan = make_plan(s.demand, f, s.weekdays(), schedule);
    Stock stock{M, std::vector<int>(M - 1)};
    for (auto& x : stock.initial) x = static_cast<int>(rbc::numeric::uniform_int(rng, 0, 30));
    const Costs costs{static_cast<double>(trial % 5) * 10, 1.5, 7, 3};
    const int S = static_cast<int>(rbc::numeric::uniform_int(rng, 0, 300));
    const int lo = static_cast<int>(rbc::numeric::uniform_int(rng, 0, S));
    for (const Rule rule : {Rule{RuleKind::basis}, Rule{RuleKind::target_bounded, S}, Rule{RuleKind::reorder_bounded, S, lo}}) {
      Trace trace;
      const Totals t = simulate(plan, stock, costs, rule, &trace);
      const Naive n = naive(plan, stock, costs, rule);
      INFO("trial " << trial << ", M " << M << ", rule " << static_cast<int>(rule.kind));
      CHECK(trace.order == n.order);
      CHECK(trace.inventory == n.inventory);
      CHECK(trace.urgent == n.urgent);
      CHECK(trace.wasted == n.wasted);
      REQUIRE(trace.cost.size() == n.cost.size());
      for (std::size_t d = 0; d < n.cost.size(); ++d) CHECK(trace.cost[d] == Approx(n.cost[d]).epsilon(1e-12));
      // Totals are the trace's sums, and the cost is the sum of its four parts (eq. 7).
      double cost = 0, urgent = 0, wasted = 0;
      for (std::size_t d = 0; d < n.cost.size(); ++d) cost += trace.cost[d], urgent += trace.urgent[d], wasted += trace.wasted[d];
      CHECK(t.cost == Approx(cost));
      CHECK(t.urgent == urgent);
      CHECK(t.wasted == wasted);
      CHECK(t.cost == Approx(t.routine_cost + t.holding_cost + t.urgent_cost + t.wastage_cost));
    }
  }
}

TEST_CASE("simulate: stock is conserved, costs are non-negative, urgent deliveries only when stock runs out",
          "[ordering][property]") {
  const Series s = series(300, 50, 30, 11);
  std::vector<int> f(s.demand.size());
  for (std::size_t t = 0; t < f.size(); ++t) f[t] = s.demand[(t + 3) % f.size()];  // a poor forecast
  for (const Schedule schedule : {Schedule::daily, Schedule::twice_weekly}) {
    const Plan plan = make_plan(s.demand, f, s.weekdays(), schedule);
    const Stock stock = spread_initial_stock(200, 50, 5);
    for (const Rule rule : {Rule{RuleKind::basis}, Rule{RuleKind::target_bounded, 150}, Rule{RuleKind::reorder_bounded, 400, 120}}) {
      Trace tr;
      simulate(plan, stock, {}, rule, &tr);
      long long prev = stock.total();
      for (std::size_t t = 0; t < tr.order.size(); ++t) {
        INFO("day " << t);
        // I_t = I_{t-1} + z_t - (y_t - B_t) - W_t
        CHECK(tr.inventory[t] == prev + tr.order[t] - (s.demand[t] - tr.urgent[t]) - tr.wasted[t]);
        CHECK(tr.urgent[t] == std::max<long long>(0, s.demand[t] - prev - tr.order[t]));
        CHECK(tr.cost[t] >= 0);
        CHECK(tr.inventory[t] >= 0);
        if (!delivery_day(schedule, s.weekdays()[t])) CHECK(tr.order[t] == 0);
        if (rule.kind == RuleKind::target_bounded) CHECK(prev + tr.order[t] <= std::max<long long>(prev, rule.target));
        if (rule.kind == RuleKind::reorder_bounded && delivery_day(schedule, s.weekdays()[t])) {
          if (prev >= rule.reorder) CHECK(tr.order[t] == 0);
          else CHECK((prev + tr.order[t] >= rule.reorder && prev + tr.order[t] <= rule.target));
        }
        prev = tr.inventory[t];
      }
    }
  }
}

TEST_CASE("simulate: FIFO issues the oldest units first and wastes units reaching age M", "[ordering][property]") {
  // M = 3: 4 units of age 2 and 5 of age 1 at the start, no orders. Day 1: the 4 (now age 3)
  // go first, so demand 6 takes them and 2 of the 5; nothing is left at age 3. Day 2: demand 0,
  // the 3 left reach age 3 and are wasted.
  const Plan plan{{6, 0, 1}, {-1, -1, -1}};
  const Stock stock{3, {5, 4}};
  Trace tr;
  const Totals t = simulate(plan, stock, {100, 1, 300, 100}, {}, &tr);
  CHECK(tr.inventory == std::vector<int>{3, 0, 0});
  CHECK(tr.wasted == std::vector<int>{0, 3, 0});
  CHECK(tr.urgent == std::vector<int>{0, 0, 1});
  CHECK(tr.cost == std::vector<double>{3, 300, 300});
  CHECK(t.cost == 603);
  // Had issuing been newest first, the 4 older units would have expired on day 1.
}

TEST_CASE("make_plan: twice-weekly deliveries on Tuesday and Friday cover Tuesday-Thursday and Friday-Monday",
          "[ordering][property]") {
  const int monday = days_from_civil(2018, 1, 1);
  REQUIRE(weekday_of(monday) == 0);
  std::vector<int> y(14), f(14), w(14);
  for (int t = 0; t < 14; ++t) y[t] = 1, f[t] = t + 1, w[t] = weekday_of(monday + t);
  const Plan p = make_plan(y, f, w, Schedule::twice_weekly);
  CHECK(p.basis == std::vector<int>{-1, 2 + 3 + 4, -1, -1, 5 + 6 + 7 + 8, -1, -1, -1, 9 + 10 + 11, -1, -1, 12 + 13 + 14, -1, -1});
  const Plan d = make_plan(y, f, w, Schedule::daily);
  CHECK(d.basis == f);
}

TEST_CASE("tune: S* and s* are closest to the gold standard's cost over the grid, ties listed; the least cost is the "
          "grid's minimum",
          "[ordering][property]") {
  for (const Schedule schedule : {Schedule::daily, Schedule::twice_weekly}) {
    const Series s = series(200, 40, 15, 21);
    const auto w = s.weekdays();
    const auto fc = whole_units(weekday_means_forecast(s.demand, w, 200));
    const Stock stock = spread_initial_stock(300, 40, 10);
    const Costs costs{};
    const TuningInput in{make_plan(s.demand, s.demand, w, Schedule::daily), make_plan(s.demand, fc, w, Schedule::daily),
                         make_plan(s.demand, fc, w, schedule), stock, costs};
    const Grid Sg{0, 600, 25}, sg{0, 600, 25};
    const Tuning r = tune(in, Sg, sg, {});
    const double gold = simulate(in.gold, stock, costs, {}).mean_cost();
    CHECK(r.gold_cost == gold);
    const double tol = tie_tolerance(gold);
    double best = 1e300;
    for (int S : Sg.values()) best = std::min(best, std::abs(simulate(in.daily, stock, costs, {RuleKind::target_bounded, S}).mean_cost() - gold));
    std::vector<int> ties;
    for (int S : Sg.values())
      if (std::abs(simulate(in.daily, stock, costs, {RuleKind::target_bounded, S}).mean_cost() - gold) <= best + tol) ties.push_back(S);
    CHECK(r.target_ties == ties);
    CHECK(r.target == ties.front());
    double best_s = 1e300, least = 1e300;
    for (int lo : sg.values())
      if (lo <= r.target)
        best_s = std::min(best_s, std::abs(simulate(in.scheduled, stock, costs, {RuleKind::reorder_bounded, r.target, lo}).mean_cost() - gold));
    CHECK(std::abs(r.tuned_cost - gold) == Approx(best_s));
    CHECK(std::find(r.reorder_ties.begin(), r.reorder_ties.end(), r.reorder) != r.reorder_ties.end());
    long long count = 0;
    for (int S : Sg.values())
      for (int lo : sg.values())
        if (lo <= S) least = std::min(least, simulate(in.scheduled, stock, costs, {RuleKind::reorder_bounded, S, lo}).mean_cost());
    for (int S : Sg.values())
      for (int lo : sg.values())
        if (lo <= S && simulate(in.scheduled, stock, costs, {RuleKind::reorder_bounded, S, lo}).mean_cost() <= least + tol) ++count;
    CHECK(r.least_cost == Approx(least).epsilon(1e-12));
    CHECK(r.least_count == count);
    CHECK(r.least_cost <= r.tuned_cost + tol);
    CHECK(r.tuned_is_least == (std::abs(r.tuned_cost - least) <= tol));
    for (auto [lo, S] : r.least_points)
      CHECK(simulate(in.scheduled, stock, costs, {RuleKind::reorder_bounded, S, lo}).mean_cost() == Approx(least).epsilon(1e-12));
  }
}

TEST_CASE("tune: a flat stretch of equally close S values is reported whole, S* its smallest", "[ordering][property]") {
  // Demand 10 every day, a perfect forecast: every S at or above the stock plus a day's demand
  // gives the gold standard's cost exactly, so all those grid points tie.
  const int monday = days_from_civil(2018, 1, 1);
  std::vector<int> y(60, 10), w(60);
  for (int t = 0; t < 60; ++t) w[t] = weekday_of(monday + t);
  const Stock stock = spread_initial_stock(50, 10, 10);
  const TuningInput in{make_plan(y, y, w, Schedule::daily), make_plan(y, y, w, Schedule::daily),
                       make_plan(y, y, w, Schedule::daily), stock, {}};
  const Tuning r = tune(in, {0, 100, 10}, {0, 100, 10}, {});
  CHECK(r.target_ties == std::vector<int>{60, 70, 80, 90, 100});
  CHECK(r.target == 60);
  CHECK(r.least_count >= 2);
}

TEST_CASE("thinned: at most max_side values, the first and the last kept, evenly spaced between", "[ordering][property]") {
  for (int n = 1; n <= 60; ++n) {
    std::vector<int> v(n);
    for (int i = 0; i < n; ++i) v[i] = 10 * i;
    for (int side = 2; side <= 12; ++side) {
      const std::vector<int> t = thinned(v, side);
      CHECK(static_cast<int>(t.size()) <= std::max(side, 1));
      CHECK(t.front() == v.front());
      CHECK(t.back() == v.back());
      if (n <= side) CHECK(t == v);
      for (std::size_t i = 2; i + 1 < t.size(); ++i) CHECK(t[i] - t[i - 1] == t[1] - t[0]);
    }
  }
  CHECK_THROWS(thinned({1, 2, 3}, 1));
}

TEST_CASE("cost_surface: every cell is eq. 13's mean cost at its (s, S), none where s > S; on the whole grid its "
          "least value is tune's least cost and the tuned cell its cost",
          "[ordering][property]") {
  for (const Schedule schedule : {Schedule::daily, Schedule::twice_weekly}) {
    const Series s = series(150, 30, 12, 8);
    const auto w = s.weekdays();
    const auto fc = whole_units(weekday_means_forecast(s.demand, w, 150));
    const Stock stock = spread_initial_stock(200, 30, 12);
    const TuningInput in{make_plan(s.demand, s.demand, w, Schedule::daily), make_plan(s.demand, fc, w, Schedule::daily),
                         make_plan(s.demand, fc, w, schedule), stock, {}};
    const Grid Sg{100, 500, 20}, sg{0, 500, 20};
    const Surface coarse = cost_surface(in, Sg, sg, 7, {});
    CHECK(coarse.targets == thinned(Sg.values(), 7));
    CHECK(coarse.reorders == thinned(sg.values(), 7));
    for (std::size_t i = 0; i < coarse.targets.size(); ++i)
      for (std::size_t j = 0; j < coarse.reorders.size(); ++j) {
        const int S = coarse.targets[i], lo = coarse.reorders[j];
        if (lo > S) {
          CHECK(std::isnan(coarse.at(i, j)));
          continue;
        }
        CHECK(coarse.at(i, j) == simulate(in.scheduled, stock, {}, {RuleKind::reorder_bounded, S, lo}).mean_cost());
      }
    const Surface whole = cost_surface(in, Sg, sg, 101, {});
    const Tuning r = tune(in, Sg, sg, {});
    double least = 1e300;
    for (double c : whole.cost)
      if (!std::isnan(c)) least = std::min(least, c);
    CHECK(least == Approx(r.least_cost).epsilon(1e-12));
    const auto at = [](const std::vector<int>& v, int x) { return static_cast<std::size_t>(std::find(v.begin(), v.end(), x) - v.begin()); };
    CHECK(whole.at(at(whole.targets, r.target), at(whole.reorders, r.reorder)) == Approx(r.tuned_cost).epsilon(1e-12));
  }
}

TEST_CASE("accuracy: RMSE and MAPE over days with demand (seed 003 sec. 4.2.4)", "[ordering][property]") {
  const std::vector<int> y{10, 0, 20, 40};
  const std::vector<double> f{12, 1, 15, 40};
  const Accuracy a = accuracy(y, f, 0, 4);
  CHECK(a.rmse == Approx(std::sqrt((4 + 1 + 25 + 0) / 4.0)));
  CHECK(a.mape == Approx((0.2 + 0.25 + 0) / 3));
  CHECK(a.mape_days == 3);
  CHECK(whole_units(std::vector<double>{-3, 0.5, 1.49, 2.5}) == std::vector<int>{0, 1, 1, 3});
}

TEST_CASE("weekday_means_forecast, seasonal_naive_forecast: the training days' weekday means; a week earlier",
          "[ordering][property]") {
  const Series s = series(70, 30, 5, 3);
  const auto w = s.weekdays();
  const auto m = weekday_means_forecast(s.demand, w, 28);
  for (int d = 0; d < 7; ++d) {
    double sum = 0;
    for (int t = 0; t < 28; ++t) sum += w[t] == w[d] ? s.demand[t] : 0;
    CHECK(m[d] == Approx(sum / 4));
    CHECK(m[d + 42] == m[d]);
  }
  const auto n = seasonal_naive_forecast(s.demand, w, 28);
  for (int t = 7; t < 70; ++t) CHECK(n[t] == s.demand[t - 7]);
  for (int t = 0; t < 7; ++t) CHECK(n[t] == m[t]);
}

TEST_CASE("generate_demand: the same seed gives the same series, the mean and weekday pattern as asked",
          "[ordering][property]") {
  const Series a = series(7000, 93.05, 20, 5, 0), b = series(7000, 93.05, 20, 5, 0);
  CHECK(a.demand == b.demand);
  double mean = 0, monday = 0, sunday = 0;
  const auto w = a.weekdays();
  for (std::size_t t = 0; t < a.demand.size(); ++t) {
    mean += a.demand[t];
    if (w[t] == 0) monday += a.demand[t];
    if (w[t] == 6) sunday += a.demand[t];
  }
  CHECK(mean / 7000 == Approx(93.05).margin(0.5));  // se of the mean about 0.25
  CHECK(monday / sunday == Approx(1.1 / 0.85).epsilon(0.02));
}

TEST_CASE("parse_demand_csv: dates, units and predictors; every malformed line refused by its number",
          "[ordering][property]") {
  const Series s = parse_demand_csv("date,units,mpv\n2018-01-01,90,3.5\n2018-01-02,0,4\r\n\n2018-01-03,101,2\n", "demand", 100);
  CHECK(s.demand == std::vector<int>{90, 0, 101});
  CHECK(civil_from_days(s.first_day) == "2018-01-01");
  CHECK(s.predictor_names == std::vector<std::string>{"mpv"});
  CHECK(s.predictors[0] == std::vector<double>{3.5, 4, 2});
  // Semicolons, decimal commas in a predictor, no header.
  const Series t = parse_demand_csv("2018-03-30;12;1,5\n2018-03-31;13;2,25\n", "demand", 100);
  CHECK(t.demand == std::vector<int>{12, 13});
  CHECK(t.predictors[0] == std::vector<double>{1.5, 2.25});
  struct Case {
    std::string text, words;
  };
  const std::vector<Case> cases = {
      {"date,units\n2018-01-01,5\n2018-01-03,6\n", "Line 3 of the demand data: 2018-01-03 follows 2018-01-01 (line 2): 1 day is missing (2018-01-02). Give every day"},
      {"2018-01-01,5\n2018-01-01,6\n", "Line 2 of the demand data: 2018-01-01 does not come after 2018-01-01 (line 1)"},
      {"2018-01-01,5\n2018-01-02,-3\n", "Line 2 of the demand data: the units (-3) are negative"},
      {"2018-01-01,5\n2018-01-02,many\n", "Line 2 of the demand data: the units “many” are not a number"},
      {"2018-01-01,5\n2018-01-02,5.5\n", "Line 2 of the demand data: the units (5.5) must be a whole number"},
      {"2018-01-01,5,1.5\n2018-01-02,5,1,5\n", "Line 2 of the demand data: it has 4 columns where the first row has 3 (a decimal comma?"},
      {"2018-01-01;5\n2018-01-02;5,5\n", "Line 2 of the demand data: the units (5,5) must be a whole number"},
      {"01/02/2018,5\n", "Line 1 of the demand data: “01/02/2018” is not a date written YYYY-MM-DD"},
      {"date,units\n01/02/2018,5\n", "Line 2 of the demand data: “01/02/2018” is not a date written YYYY-MM-DD"},
      {"date,units\n2018-02-30,5\n", "Line 2 of the demand data: “2018-02-30” is not a date"},
      {"date,units\n2018-01-01,\n", "Line 2 of the demand data: the units are missing"},
      {"date,units,x\n2018-01-01,4,\n", "Line 2 of the demand data: the value “” of x is missing"},
      {"date,units\n", "The demand data has a header but no days"},
      {"\n\n", "The demand data has no lines"},
      {"2018-01-01,5" + std::string(102, ',') + "\n", "Line 1 of the demand data: it has 104 columns; at most 102"},
      {"2018-01-01,1\n2018-01-02,1\n2018-01-03,1\n", "Line 3 of the demand data: the series has more than 2 days"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    try {
      parse_demand_csv(c.text, "demand", 2);
      FAIL("accepted");
    } catch (const rbc::InputError& e) {
      CHECK(e.path() == "demand");
      CHECK_THAT(e.what(), Catch::Matchers::StartsWith(c.words));
    }
  }
}

TEST_CASE("analyse: every rule runs on the test days from the same stock; the gold standard costs a + h I0",
          "[ordering][property]") {
  const Series s = series(500, 93.05, 22, 9);
  Settings st;
  st.test_days = 200;
  st.target_grid = {600, 1400, 40};
  st.reorder_grid = {400, 1400, 40};
  st.fixed = std::pair{700, 1000};
  const Analysis a = analyse(s, st);
  REQUIRE(a.rules.size() == 5);
  CHECK(a.rules[0].id == "actual_demand");
  CHECK(a.rules[0].totals.mean_cost() == Approx(100 + 780));
  for (const auto& r : a.rules) {
    CHECK(r.totals.days == 200);
    CHECK(r.trace.order.size() == 200);
  }
  CHECK(a.rules[2].rule.target == a.tuning.target);
  CHECK(a.rules[2].rule.reorder == a.tuning.reorder);
  CHECK(a.rules[4].rule.reorder == 700);
  CHECK(a.stock.total() == 780);
  CHECK(a.test_accuracy.days == 200);
}
