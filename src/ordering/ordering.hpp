#pragma once
// The ordering calculator's one core call (seed 003 sec. 4.3 and Table 9): split a demand
// series into tuning (training) and test days, forecast it, tune (s, S) on the training days,
// and run every rule on the test days from the same initial stock.
#include <optional>
#include <string>
#include <vector>

#include "common/progress.hpp"
#include "ordering/demand.hpp"
#include "ordering/forecast.hpp"
#include "ordering/inventory.hpp"
#include "ordering/tuning.hpp"

namespace rbc::ordering {

enum class ForecastMethod { weekday_means, seasonal_naive, stl, given };

struct Settings {
  int test_days = 365;
  int shelf_life = 32;
  int initial_stock = 780;
  Costs costs;
  Schedule schedule = Schedule::daily;
  ForecastMethod forecast = ForecastMethod::weekday_means;
  std::vector<double> given_forecast;  // ForecastMethod::given: one value per day of the series
  StlSettings stl;                     // ForecastMethod::stl (period 7, weekdays); the series' predictors are used
  // ForecastMethod::stl: refit every this many days (rolling origin, from day stl_first_origin
  // on); 0: fit once on the training days (their in-sample fit; later days forecast from it).
  int stl_refit_days = 7;
  int stl_first_origin = 28;
  Grid target_grid{0, 2000, 10};
  Grid reorder_grid{0, 2000, 10};
  std::optional<std::pair<int, int>> fixed;  // the user's own (s, S)
  bool trace = true;
  int surface_side = 0;  // the cost surface over the (s, S) grid: at most this many values a side; 0 = none
};

struct RuleResult {
  std::string id;        // actual_demand, forecast_bounded, tuned, least_cost, fixed
  Rule rule;
  Schedule schedule;
  Totals totals;          // over the test days
  Trace trace;            // empty unless Settings::trace
};

struct Analysis {
  int train_days = 0, test_days = 0;
  std::vector<double> forecast;   // every day of the series
  std::optional<Stl> components;  // ForecastMethod::stl: the decomposition of the training days
  std::optional<LinearFit> regression;  // ForecastMethod::stl with predictor columns
  Accuracy train_accuracy, test_accuracy;
  Stock stock;                    // the initial stock of both parts
  Tuning tuning;                  // on the training days
  std::optional<Surface> surface; // on the training days, when asked for
  std::vector<RuleResult> rules;  // on the test days
};

// Throws std::invalid_argument for settings the request layer should have refused (fewer than
// 14 training days, a given forecast of the wrong length, a reorder grid starting above S's,
// STL settings stl() refuses).
Analysis analyse(const Series& series, const Settings& settings, const Progress& progress = {});

}  // namespace rbc::ordering
