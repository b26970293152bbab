#include "ordering/ordering.hpp"

#include <cmath>
#include <stdexcept>

namespace rbc::ordering {

namespace {

std::vector<double> make_forecast(const Series& series, const std::vector<int>& weekday, const Settings& s, int train,
                                  Analysis& a, const Progress& progress) {
  switch (s.forecast) {
    case ForecastMethod::weekday_means:
      return weekday_means_forecast(series.demand, weekday, train);
    case ForecastMethod::seasonal_naive:
      return seasonal_naive_forecast(series.demand, weekday, train);
    case ForecastMethod::stl: {
      // The fit of the training days is shown (its decomposition and regression) in either case.
      const bool rolling = s.stl_refit_days > 0;
      StlForecast f = stl_forecast(series.demand, series.predictors, train, s.stl, progress.part(0, rolling ? 0.1 : 1));
      a.components = std::move(f.decomposition);
      a.regression = std::move(f.regression);
      if (!rolling) return std::move(f.values);
      return rolling_stl_forecast(series.demand, series.predictors, std::min(s.stl_first_origin, train), s.stl_refit_days,
                                  s.stl, progress.part(0.1, 1));
    }
    case ForecastMethod::given:
      if (s.given_forecast.size() != series.demand.size())
        throw std::invalid_argument("analyse: the given forecast's length differs from the series'");
      return s.given_forecast;
  }
  return {};
}

template <class T>
std::vector<T> slice(const std::vector<T>& v, int begin, int end) {
  return {v.begin() + begin, v.begin() + end};
}

}  // namespace

Analysis analyse(const Series& series, const Settings& s, const Progress& progress) {
  const int n = static_cast<int>(series.demand.size());
  Analysis a;
  a.test_days = s.test_days;
  a.train_days = n - s.test_days;
  if (a.train_days < 14) throw std::invalid_argument("analyse: fewer than 14 training days");
  if (s.reorder_grid.from > s.target_grid.from) throw std::invalid_argument("analyse: the s grid starts above S's");
  const std::vector<int> weekday = series.weekdays();
  // The STL decomposition reports the first 5 % of the progress, the tuning the rest.
  const bool stl = s.forecast == ForecastMethod::stl;
  // The forecast's share of the progress: STL once is quick, refitted weekly it is most of it.
  const double forecast_share = !stl ? 0 : s.stl_refit_days > 0 ? 0.4 : 0.05;
  a.forecast = make_forecast(series, weekday, s, a.train_days, a, progress.part(0, forecast_share));
  a.train_accuracy = accuracy(series.demand, a.forecast, 0, a.train_days);
  a.test_accuracy = accuracy(series.demand, a.forecast, a.train_days, n);
  const std::vector<int> units = whole_units(a.forecast);

  double train_mean = 0;
  for (int t = 0; t < a.train_days; ++t) train_mean += series.demand[t];
  train_mean /= a.train_days;
  a.stock = spread_initial_stock(s.initial_stock, static_cast<int>(std::floor(train_mean + 0.5)), s.shelf_life);

  auto plans = [&](int begin, int end) {
    const auto y = slice(series.demand, begin, end), f = slice(units, begin, end), w = slice(weekday, begin, end);
    return TuningInput{make_plan(y, y, w, Schedule::daily), make_plan(y, f, w, Schedule::daily),
                       make_plan(y, f, w, s.schedule), a.stock, s.costs};
  };
  const TuningInput train = plans(0, a.train_days);
  const double tuned_share = s.surface_side ? 0.8 : 0.98;
  a.tuning = tune(train, s.target_grid, s.reorder_grid, progress.part(forecast_share, tuned_share));
  if (s.surface_side) a.surface = cost_surface(train, s.target_grid, s.reorder_grid, s.surface_side, progress.part(tuned_share, 0.98));

  const TuningInput test = plans(a.train_days, n);
  auto run = [&](std::string id, const Plan& plan, Rule rule, Schedule schedule) {
    RuleResult r{std::move(id), rule, schedule, {}, {}};
    r.totals = simulate(plan, a.stock, s.costs, rule, s.trace ? &r.trace : nullptr);
    a.rules.push_back(std::move(r));
  };
  run("actual_demand", test.gold, {RuleKind::basis}, Schedule::daily);
  run("forecast_bounded", test.scheduled, {RuleKind::target_bounded, a.tuning.target}, s.schedule);
  run("tuned", test.scheduled, {RuleKind::reorder_bounded, a.tuning.target, a.tuning.reorder}, s.schedule);
  const auto [ls, lS] = a.tuning.least_points.front();
  run("least_cost", test.scheduled, {RuleKind::reorder_bounded, lS, ls}, s.schedule);
  if (s.fixed) run("fixed", test.scheduled, {RuleKind::reorder_bounded, s.fixed->second, s.fixed->first}, s.schedule);
  progress.report(1);
  return a;
}

}  // namespace rbc::ordering
