// The `ordering` operation: a hospital's daily red-cell orders from its own demand series
// (seed 003, Li et al., sec. 4.3, eq. 7-13, Table 9). The series comes as numbers, as CSV
// text (date, units[, predictors]) or from the built-in generator; a forecast is made on the
// training days; (s, S) is tuned by the seed's procedure there, with the least-cost (s, S) of
// the same grid beside it; every rule then runs on the held-out test days. The forecast "stl"
// (seed 003 sec. 4.2) regresses the STL remainder on the CSV's predictor columns when it has any.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "api/operations.hpp"
#include "api/reader.hpp"
#include "common/input_error.hpp"
#include "ordering/ordering.hpp"

namespace rbc::api {

using nlohmann::json;

namespace {

constexpr int max_days = 20000;          // about 55 years of days
constexpr int max_grid_points = 2001;    // per grid
// Day-steps of the least-cost search ((s, S) pairs x training days): about 10 s natively at
// most (docs/performance.md), so a request is refused before it could run for minutes.
constexpr double max_search_work = 2e9;
constexpr int max_units = 10000000;
constexpr int max_surface_side = 101;
// STL: the windows' bound, and its loess steps (points x window x passes, over every refit):
// 5e8 take about 2 s natively (bench/ordering.mjs), so a request is refused before it could
// run long.
constexpr int max_stl_window = 1001;
constexpr double max_stl_work = 5e8;
// Predictor values the STL regression takes: sums of squares of 20,000 of them stay finite.
constexpr double max_predictor = 1e12;

struct OrderingFields {
  Field<json> demand;
  Field<std::string> start_date;
  Field<json> generate;
  Field<int> test_days;
  Field<int> shelf_life;
  Field<int> initial_stock;
  Field<double> routine_cost, holding_cost, urgent_cost, wastage_cost;
  Field<std::string> schedule;
  Field<std::string> forecast;
  Field<json> forecast_values;
  Field<json> stl;
  Field<json> target_grid, reorder_grid;
  Field<json> fixed;
  Field<bool> trace;
  Field<int> surface;
  std::vector<FieldSpec> specs() const {
    return {demand.spec,       start_date.spec,     generate.spec,     test_days.spec,      shelf_life.spec,
            initial_stock.spec, routine_cost.spec,  holding_cost.spec, urgent_cost.spec,    wastage_cost.spec,
            schedule.spec,     forecast.spec,       forecast_values.spec, stl.spec,         target_grid.spec,
            reorder_grid.spec, fixed.spec,          trace.spec,        surface.spec};
  }
};

const json default_stl = {{"seasonal_window", 7}, {"trend_window", nullptr}, {"robust", false}, {"refit", "weekly"}};

const json default_generator = {{"days", 1460},  {"mean", 93.05}, {"noise_sd", 25},
                                {"trend", 0},    {"seed", 1},
                                {"weekday", {1.08, 1.10, 1.08, 1.06, 1.04, 0.84, 0.80}}};

const OrderingFields& fields() {
  static const OrderingFields f = [] {
    OrderingFields f{
        json_field("demand", "number[] | string",
                   "The daily demand (units transfused): whole numbers, one a day from start_date; or CSV text, one "
                   "line a day: date (YYYY-MM-DD), units, then any predictor columns, with an optional header; commas, "
                   "semicolons or tabs (with semicolons or tabs a decimal comma is read). Every day must be given. "
                   "Absent: the series is generated (`generate`).",
                   "seed 003 sec. 4.3", false),
        string_field("start_date",
                     "The date of the first day (YYYY-MM-DD) of `demand` given as numbers, or of the generated "
                     "series; the weekdays follow from it. CSV gives its own dates.",
                     "", std::string("2018-01-01")),
        json_field("generate", "{days, mean, noise_sd, trend, weekday, seed}",
                   "The built-in series when `demand` is absent: days (28-20000), mean units a day (0-100000), "
                   "noise_sd (the normal noise's sd, 0-100000), trend (units a day gained per year, -100000-100000), "
                   "weekday (7 factors, Monday first, 0-10, scaled to mean 1), seed (0-2^53). Each member absent "
                   "takes its default.",
                   "seed 003 sec. 5.1 (test mean 93.05, sd 27.01)", false, default_generator),
        integer_field("test_days", "The last days of the series, held out for testing; the days before tune (s, S).",
                      "seed 003 sec. 5.2 (365 test days)", 365, 1, max_days),
        integer_field("shelf_life", "M: a unit is wasted when it reaches this age (days since arrival) unused.",
                      "seed 003 sec. 4.3 (32 days after arrival)", 32, 2, 100),
        integer_field("initial_stock", "I0: the units in stock before the first day, of both the training and the test days.",
                      "seed 003 sec. 4.3, Table 9 (780)", 780, 0, max_units),
        number_field("routine_cost", "a: the cost of each routine order.", "seed 003 sec. 5.2", 100, 0, 1e9),
        number_field("holding_cost", "h: the cost of a unit held over a night.", "seed 003 sec. 5.2", 1, 0, 1e9),
        number_field("urgent_cost", "u: the cost of each unit delivered urgently the same day.", "seed 003 sec. 5.2",
                     300, 0, 1e9),
        number_field("wastage_cost", "w: the cost of each unit wasted (expired).", "seed 003 sec. 5.2", 100, 0, 1e9),
        string_field("schedule",
                     "\"daily\", or \"twice_weekly\": deliveries on Tuesday and Friday, covering Tuesday-Thursday and "
                     "Friday-Monday. Applies to every rule but ordering to actual demand (daily, the gold standard).",
                     "seed 003 sec. 5.1-5.2", std::string("daily"), {"daily", "twice_weekly"}),
        string_field("forecast",
                     "\"weekday_means\" (each weekday's mean over the training days), \"seasonal_naive\" (the same "
                     "weekday a week earlier), \"stl\" (the STL decomposition of the training days, its weekday "
                     "pattern of the last training week and its last trend carried forward, plus a linear regression "
                     "of the STL remainder on the CSV's predictor columns when it has any; options `stl`), or "
                     "\"given\" (forecast_values).",
                     "issue 27; seed 003 sec. 4.2, Table 7", std::string("weekday_means"),
                     {"weekday_means", "seasonal_naive", "stl", "given"}),
        json_field("forecast_values", "number[]",
                   "forecast \"given\": one forecast a day, as many as the series has days, each 0 or more.",
                   "seed 003 sec. 4.2", false),
        json_field("stl", "{seasonal_window, trend_window, robust, refit}",
                   "forecast \"stl\" only (Cleveland et al. 1990, period 7 days): seasonal_window, the weeks each "
                   "weekday's loess spans (an odd whole number from 7 to 1001), or \"periodic\" (one weekday pattern "
                   "throughout, as R's stl()); trend_window, the days the trend's loess spans (odd, 9-1001; null: the "
                   "least odd number >= 10.5 / (1 - 1.5 / seasonal_window), 15 for 7); robust (bisquare robustness "
                   "weights: 1 inner and 15 outer passes; otherwise 2 inner passes, as R's stl()); refit, \"weekly\" "
                   "(every day from day 29 on forecast from the days before it: STL and the regression refitted every 7 "
                   "days on all days so far, as a bank refitting weekly would) or \"once\" (fitted once on the training "
                   "days: their in-sample fit, which has seen each day, and the later days forecast from it). Each "
                   "member absent takes its default. Limits: the loess steps, days x (the windows, each counted at "
                   "most as the points it can span) x passes, summed over every refit, at most 5e8 (about 2 s); "
                   "predictor values between -1e12 and 1e12.",
                   "seed 003 sec. 4.2.1; Cleveland et al. (1990)", false, default_stl),
        json_field("target_grid", "{from, to, step} | null",
                   "The inventory targets S tried: from, from + step, ..., to (whole units, 0-10,000,000, at most "
                   "2001 values). Absent: from the initial stock I0 to I0 + 1220 in steps of 10 (780-2000 for the "
                   "seed's I0): below I0 the mean cost can meet the gold standard's again through urgent deliveries "
                   "(docs/methods/ordering.md).",
                   "seed 003 sec. 4.3, step 1", false),
        json_field("reorder_grid", "{from, to, step} | null",
                   "The reorder levels s tried (only those at or below S), as target_grid; from must not exceed "
                   "target_grid's. Absent: from 0 to the target grid's last value in steps of 10.",
                   "seed 003 sec. 4.3, step 2", false),
        json_field("fixed", "{reorder, target} | null",
                   "A user's own (s, S) to evaluate beside the tuned one: whole units, s at most S.",
                   "seed 003 eq. 13", false),
        boolean_field("trace", "Return each rule's day-by-day trace on the test days.", "", true),
        integer_field("surface",
                      "The mean cost of eq. 13's rule on the training days at every (s, S) of a coarser grid, for a "
                      "picture of the whole landscape: at most this many values of each grid (every k-th, and the "
                      "last). 0: none.",
                      "seed 003 sec. 4.3 (the grids of steps 1-2)", 41, 0, max_surface_side),
    };
    f.demand.spec.max_items = max_days;
    f.forecast_values.spec.max_items = max_days;
    return f;
  }();
  return f;
}

int whole(double x, const std::string& path, const std::string& words, double lo, double hi) {
  if (!(x == std::floor(x)) || x < lo || x > hi)
    throw InputError(x > hi ? "limit_exceeded" : "invalid_field", path,
                     words + " must be a whole number from " + std::to_string(static_cast<long long>(lo)) + " to " +
                         std::to_string(static_cast<long long>(hi)));
  return static_cast<int>(x);
}

ordering::Grid read_grid(const json* v, const json& fallback, const std::string& path, const std::string& words) {
  const json& g = v && !v->is_null() ? *v : fallback;
  ObjectReader r(g, path);
  ordering::Grid grid;
  grid.from = whole(read_number(r.member("from"), path + ".from"), path + ".from", "The first " + words, 0, max_units);
  grid.to = whole(read_number(r.member("to"), path + ".to"), path + ".to", "The last " + words, 0, max_units);
  grid.step = whole(read_number(r.member("step"), path + ".step"), path + ".step", "The step between " + words + "s", 1,
                    max_units);
  r.finish();
  if (grid.to < grid.from)
    throw InputError("invalid_field", path + ".to", "The last " + words + " must not be below the first");
  if ((static_cast<long long>(grid.to) - grid.from) / grid.step + 1 > max_grid_points)
    throw InputError("limit_exceeded", path + ".step",
                     "The " + words + "s would number more than " + std::to_string(max_grid_points) +
                         "; use a larger step or a shorter range");
  return grid;
}

ordering::StlSettings read_stl(const json& v, int& refit_days) {
  ObjectReader r(v, "stl");
  refit_days = 7;
  ordering::StlSettings s;
  if (r.has("seasonal_window")) {
    const json& w = r.member("seasonal_window");
    if (w.is_string() && w.get<std::string>() == "periodic") {
      s.periodic = true;
    } else {
      const std::string words = "The seasonal window must be \"periodic\" or an odd whole number of weeks from 7 to " +
                                std::to_string(max_stl_window);
      if (!w.is_number()) throw InputError("invalid_field", "stl.seasonal_window", words);
      const double x = w.get<double>();
      if (!(x == std::floor(x) && x >= 7 && x <= max_stl_window && std::fmod(x, 2) == 1))
        throw InputError(x > max_stl_window ? "limit_exceeded" : "invalid_field", "stl.seasonal_window", words);
      s.seasonal_window = static_cast<int>(x);
    }
  }
  if (r.has("trend_window") && !r.member("trend_window").is_null()) {
    const std::string words = "The trend window must be an odd whole number of days from 9 to " +
                              std::to_string(max_stl_window) + " (above the 7-day week, so the trend cannot take up the "
                              "weekday pattern), or null for the default";
    const json& w = r.member("trend_window");
    if (!w.is_number()) throw InputError("invalid_field", "stl.trend_window", words);
    const double x = w.get<double>();
    if (!(x == std::floor(x) && x >= 9 && x <= max_stl_window && std::fmod(x, 2) == 1))
      throw InputError(x > max_stl_window ? "limit_exceeded" : "invalid_field", "stl.trend_window", words);
    s.trend_window = static_cast<int>(x);
  }
  if (r.has("robust")) {
    const json& b = r.member("robust");
    if (!b.is_boolean()) throw InputError("invalid_field", "stl.robust", "Robust fitting is true or false");
    s.robust = b.get<bool>();
  }
  if (r.has("refit")) {
    const json& b = r.member("refit");
    if (!(b.is_string() && (b.get<std::string>() == "weekly" || b.get<std::string>() == "once")))
      throw InputError("invalid_field", "stl.refit", "Refitting is \"weekly\" (every day forecast from the days before it) or \"once\"");
    refit_days = b.get<std::string>() == "weekly" ? 7 : 0;
  }
  r.finish();
  return s;
}

ordering::Series read_generator(const json& g, int first_day) {
  ObjectReader r(g, "generate");
  ordering::GeneratorSpec spec;
  auto num = [&](const char* key, double fallback) {
    return r.has(key) ? read_number(r.member(key), std::string("generate.") + key) : fallback;
  };
  spec.days = whole(num("days", default_generator.at("days").get<double>()), "generate.days", "The generated series' days", 28, max_days);
  spec.mean = num("mean", default_generator.at("mean").get<double>());
  if (!(spec.mean >= 0 && spec.mean <= 1e5))
    throw InputError("invalid_field", "generate.mean", "The generated mean demand must lie between 0 and 100,000 units a day");
  spec.noise_sd = num("noise_sd", default_generator.at("noise_sd").get<double>());
  if (!(spec.noise_sd >= 0 && spec.noise_sd <= 1e5))
    throw InputError("invalid_field", "generate.noise_sd", "The generated noise's sd must lie between 0 and 100,000");
  spec.trend = num("trend", default_generator.at("trend").get<double>());
  if (!(std::abs(spec.trend) <= 1e5))
    throw InputError("invalid_field", "generate.trend", "The generated trend must lie between -100,000 and 100,000 units a day per year");
  const double seed = num("seed", default_generator.at("seed").get<double>());
  if (!(seed >= 0 && seed <= 9007199254740992.0 && seed == std::floor(seed)))
    throw InputError("invalid_field", "generate.seed", "The generator's seed must be a whole number from 0 to 2^53");
  spec.seed = static_cast<std::uint64_t>(seed);
  const std::vector<double> w =
      read_number_array(r.has("weekday") ? r.member("weekday") : default_generator.at("weekday"), "generate.weekday");
  if (w.size() != 7) throw InputError("invalid_field", "generate.weekday", "Give 7 weekday factors, Monday first");
  double sum = 0;
  for (std::size_t d = 0; d < 7; ++d) {
    if (!(w[d] >= 0 && w[d] <= 10))
      throw InputError("invalid_field", field_index("generate.weekday", d), "Each weekday factor must lie between 0 and 10");
    spec.weekday[d] = w[d];
    sum += w[d];
  }
  if (!(sum > 0)) throw InputError("invalid_field", "generate.weekday", "At least one weekday factor must be above 0");
  r.finish();
  spec.first_day = first_day;
  return ordering::generate_demand(spec);
}

json spread(double sum, double sq, int n) {
  const double mean = sum / n;
  const double var = n > 1 ? std::max(0.0, (sq - sum * mean) / (n - 1)) : 0;
  return {{"mean", mean}, {"sd", std::sqrt(var)}};
}

json accuracy_json(const ordering::Accuracy& a) {
  return {{"rmse", a.rmse},
          {"mape", a.mape_days ? json(a.mape) : json()},
          {"days", a.days},
          {"mape_days", a.mape_days}};
}

json surface_json(const ordering::Surface& surface) {
  json cost = json::array();
  for (std::size_t i = 0; i < surface.targets.size(); ++i) {
    json row = json::array();
    for (std::size_t j = 0; j < surface.reorders.size(); ++j) {
      const double c = surface.at(i, j);
      row.push_back(std::isnan(c) ? json() : json(c));
    }
    cost.push_back(std::move(row));
  }
  return {{"targets", surface.targets}, {"reorders", surface.reorders}, {"cost", std::move(cost)}};
}

const char* rule_name(const std::string& id) {
  if (id == "actual_demand") return "Ordering to actual demand (gold standard)";
  if (id == "forecast_bounded") return "Forecast bounded by S*";
  if (id == "tuned") return "Forecast bounded by (s*, S*) (eq. 13, tuned)";
  if (id == "least_cost") return "Forecast bounded by the least-cost (s, S)";
  return "Forecast bounded by your (s, S)";
}

json handle(ObjectReader& r, Context& context) {
  const auto& F = fields();
  // ---- the series ----
  ordering::Series series;
  const json* demand = r.get(F.demand);
  const json* generate = r.get(F.generate);
  const bool csv = demand && demand->is_string();
  if (demand && generate)
    throw InputError("invalid_field", "generate", "Give the demand or ask for a generated series, not both");
  if (csv && r.has("start_date"))
    throw InputError("invalid_field", "start_date", "The start date applies to demand given as numbers; the CSV's dates are used");
  const std::string start = r.get(F.start_date);
  int first_day = 0;
  if (!csv && !ordering::parse_date(start, first_day))
    throw InputError("invalid_field", "start_date", "The start date must be a date written YYYY-MM-DD (for example 2018-01-01)");
  if (!demand) {
    series = read_generator(generate ? *generate : default_generator, first_day);
  } else if (csv) {
    series = ordering::parse_demand_csv(demand->get<std::string>(), "demand", max_days);
  } else {
    const std::vector<double> y = read_number_array(*demand, "demand");
    if (y.empty()) throw InputError("invalid_field", "demand", "Give at least one day's demand");
    for (std::size_t t = 0; t < y.size(); ++t)
      series.demand.push_back(whole(y[t], field_index("demand", t), "Day " + std::to_string(t + 1) + "'s demand", 0, max_units));
    series.first_day = first_day;
  }
  const std::string method = r.get(F.forecast);
  if (!series.predictor_names.empty() && method != "stl") {
    std::string names;
    for (const auto& n : series.predictor_names) names += (names.empty() ? "" : ", ") + n;
    context.warn("predictors_unused",
                 "The predictor columns (" + names + ") were read and checked but are not used: only the forecast "
                 "\"stl\" uses them (a regression of its remainder on them).", "demand");
  }
  const int n = static_cast<int>(series.demand.size());

  // ---- the settings, all checked before any work ----
  ordering::Settings s;
  s.test_days = r.get(F.test_days);
  if (n - s.test_days < 14)
    throw InputError("invalid_field", "test_days",
                     "The series has " + std::to_string(n) + " days; with " + std::to_string(s.test_days) +
                         " test days, fewer than 14 are left to tune (s, S). Give a longer series or fewer test days");
  s.shelf_life = r.get(F.shelf_life);
  s.initial_stock = r.get(F.initial_stock);
  s.costs = {r.get(F.routine_cost), r.get(F.holding_cost), r.get(F.urgent_cost), r.get(F.wastage_cost)};
  s.schedule = r.get(F.schedule) == "twice_weekly" ? ordering::Schedule::twice_weekly : ordering::Schedule::daily;
  s.forecast = method == "given"            ? ordering::ForecastMethod::given
               : method == "seasonal_naive" ? ordering::ForecastMethod::seasonal_naive
               : method == "stl"            ? ordering::ForecastMethod::stl
                                            : ordering::ForecastMethod::weekday_means;
  const json* values = r.get(F.forecast_values);
  if (s.forecast == ordering::ForecastMethod::given) {
    if (!values) throw InputError("missing_field", "forecast_values", "A given forecast needs its values, one a day");
    s.given_forecast = read_number_array(*values, "forecast_values");
    if (static_cast<int>(s.given_forecast.size()) != n)
      throw InputError("invalid_field", "forecast_values",
                       "The forecast has " + std::to_string(s.given_forecast.size()) + " values; the series has " +
                           std::to_string(n) + " days");
    for (std::size_t t = 0; t < s.given_forecast.size(); ++t)
      if (!(s.given_forecast[t] >= 0 && s.given_forecast[t] <= max_units))
        throw InputError("invalid_field", field_index("forecast_values", t),
                         "Day " + std::to_string(t + 1) + "'s forecast must lie between 0 and 10,000,000 units");
  } else if (values) {
    throw InputError("invalid_field", "forecast_values", "Forecast values apply to the forecast \"given\" only");
  }
  const json* stl_options = r.get(F.stl);
  if (s.forecast == ordering::ForecastMethod::stl) {
    s.stl = read_stl(stl_options ? *stl_options : default_stl, s.stl_refit_days);
    const int train = n - s.test_days;
    const int first = std::min(s.stl_first_origin, train);
    const double work = ordering::stl_work(s.stl, train) +
                        (s.stl_refit_days ? ordering::rolling_stl_work(s.stl, n, first, s.stl_refit_days) : 0);
    if (work > max_stl_work)
      throw InputError("limit_exceeded", "stl",
                       "The STL decomposition of " + std::to_string(train) + " training days with these windows" +
                           (s.stl.robust ? " and robust fitting" : "") +
                           (s.stl_refit_days ? ", refitted weekly," : "") + " would take about " +
                           std::to_string(static_cast<long long>(std::ceil(work / 1e6))) + " million loess steps (at "
                           "most " + std::to_string(static_cast<long long>(max_stl_work / 1e6)) + " million); use smaller "
                           "windows, no \"periodic\" seasonal, no robust fitting, refit \"once\", or a shorter series");
    for (std::size_t k = 0; k < series.predictors.size(); ++k)
      for (int t = 0; t < n; ++t)
        if (!(std::abs(series.predictors[k][t]) <= max_predictor))
          throw InputError("invalid_field", "demand",
                           "The predictor " + series.predictor_names[k] + " on " +
                               ordering::civil_from_days(series.first_day + t) +
                               " lies outside -1e12 to 1e12, the values the STL regression takes");
  } else if (stl_options) {
    throw InputError("invalid_field", "stl", "The STL options apply to the forecast \"stl\" only");
  }
  const json target_default = {{"from", s.initial_stock}, {"to", std::min(s.initial_stock + 1220, max_units)}, {"step", 10}};
  s.target_grid = read_grid(r.get(F.target_grid), target_default, "target_grid", "inventory target S");
  const json reorder_default = {{"from", 0}, {"to", s.target_grid.to}, {"step", 10}};
  s.reorder_grid = read_grid(r.get(F.reorder_grid), reorder_default, "reorder_grid", "reorder level s");
  if (s.reorder_grid.from > s.target_grid.from)
    throw InputError("invalid_field", "reorder_grid.from",
                     "The first reorder level s must not exceed the first inventory target S (eq. 13 needs s <= S)");
  if (const json* fx = r.get(F.fixed); fx && !fx->is_null()) {
    ObjectReader f(*fx, "fixed");
    const int lo = whole(read_number(f.member("reorder"), "fixed.reorder"), "fixed.reorder", "Your reorder level s", 0, max_units);
    const int hi = whole(read_number(f.member("target"), "fixed.target"), "fixed.target", "Your inventory target S", 0, max_units);
    f.finish();
    if (lo > hi) throw InputError("invalid_field", "fixed.reorder", "Your reorder level s must not exceed your inventory target S");
    s.fixed = std::pair{lo, hi};
  }
  s.trace = r.get(F.trace);
  s.surface_side = r.get(F.surface);
  if (s.surface_side == 1)
    throw InputError("invalid_field", "surface", "The cost surface needs at least 2 values a side (or 0 for none)");
  long long pairs = 0;
  {
    const auto S = s.target_grid.values(), lo = s.reorder_grid.values();
    for (int x : S) pairs += std::upper_bound(lo.begin(), lo.end(), x) - lo.begin();
  }
  const double side = std::min<double>(s.surface_side, max_grid_points);
  const double work = (static_cast<double>(pairs) + side * side) * (n - s.test_days);
  if (work > max_search_work)
    throw InputError("limit_exceeded", "target_grid",
                     "The search would simulate " + std::to_string(pairs) + " (s, S) pairs over " +
                         std::to_string(n - s.test_days) + " training days (at most 2e9 day-steps); use coarser grids "
                         "or a shorter series");

  // ---- the work ----
  const ordering::Analysis a = ordering::analyse(series, s, context.progress);

  // ---- the answer ----
  const std::vector<int>& y = series.demand;
  auto moments = [&](int begin, int end) {
    double sum = 0, sq = 0;
    for (int t = begin; t < end; ++t) sum += y[t], sq += static_cast<double>(y[t]) * y[t];
    return spread(sum, sq, end - begin);
  };
  json out;
  out["series"] = {{"days", n},
                   {"first_date", ordering::civil_from_days(series.first_day)},
                   {"first_test_date", ordering::civil_from_days(series.first_day + a.train_days)},
                   {"train_days", a.train_days},
                   {"test_days", a.test_days},
                   {"train", moments(0, a.train_days)},
                   {"test", moments(a.train_days, n)},
                   {"predictors", series.predictor_names},
                   {"demand", s.trace ? json(y) : json()}};
  out["forecast"] = {{"method", method},
                     {"train", accuracy_json(a.train_accuracy)},
                     {"test", accuracy_json(a.test_accuracy)},
                     {"values", s.trace ? json(a.forecast) : json()},
                     {"stl", json()},
                     {"regression", json()},
                     {"components", json()}};
  if (a.components) {
    const auto& u = a.components->used;
    out["forecast"]["stl"] = {{"seasonal_window", s.stl.periodic ? json("periodic") : json(u.seasonal_window)},
                              {"trend_window", u.trend_window},
                              {"low_pass_window", u.low_pass_window},
                              {"robust", s.stl.robust},
                              {"refit", s.stl_refit_days ? "weekly" : "once"},
                              {"inner_passes", u.inner},
                              {"outer_passes", u.outer}};
    if (s.trace)
      out["forecast"]["components"] = {{"trend", a.components->trend},
                                       {"seasonal", a.components->seasonal},
                                       {"remainder", a.components->remainder}};
  }
  if (a.regression) {
    const auto& g = *a.regression;
    json coefficients = json::array(), dropped = json::array();
    for (std::size_t k = 0; k < g.coefficients.size(); ++k) {
      const std::string& name = series.predictor_names[k];
      if (g.dropped[k] == ordering::Dropped::no) {
        coefficients.push_back(g.coefficients[k]);
        continue;
      }
      coefficients.push_back(nullptr);
      const bool constant = g.dropped[k] == ordering::Dropped::constant;
      dropped.push_back({{"predictor", name}, {"reason", constant ? "constant" : "collinear"}});
      context.warn("predictor_dropped",
                   "The predictor " + name + " has no coefficient in the STL regression: it " +
                       (constant ? std::string("is constant over the training days")
                                 : "is (nearly) a linear combination of the intercept and the predictors before it on "
                                   "the training days") + ".",
                   "demand");
    }
    out["forecast"]["regression"] = {{"predictors", series.predictor_names},
                                     {"coefficients", coefficients},
                                     {"intercept", g.intercept},
                                     {"r_squared", g.r_squared},
                                     {"dropped", dropped}};
  }
  out["initial_stock"] = {{"units", a.stock.total()}, {"by_age", a.stock.initial}};
  const auto& t = a.tuning;
  json target_curve = json::array(), reorder_curve = json::array(), least_points = json::array();
  for (std::size_t i = 0; i < t.targets.size(); ++i) target_curve.push_back({{"target", t.targets[i]}, {"cost", t.target_cost[i]}});
  for (std::size_t i = 0; i < t.reorders.size(); ++i) reorder_curve.push_back({{"reorder", t.reorders[i]}, {"cost", t.reorder_cost[i]}});
  for (const auto& [lo, hi] : t.least_points) least_points.push_back({{"reorder", lo}, {"target", hi}});
  out["tuning"] = {{"gold_cost", t.gold_cost},
                   {"target", t.target},
                   {"target_ties", t.target_ties},
                   {"reorder", t.reorder},
                   {"reorder_ties", t.reorder_ties},
                   {"tuned_cost", t.tuned_cost},
                   {"target_curve", target_curve},
                   {"reorder_curve", reorder_curve},
                   {"least_cost",
                    {{"cost", t.least_cost},
                     {"count", t.least_count},
                     {"points", least_points},
                     {"tuned_is_least", t.tuned_is_least}}},
                   {"pairs", t.pairs},
                   {"target_grid", {{"from", s.target_grid.from}, {"to", s.target_grid.to}, {"step", s.target_grid.step}}},
                   {"reorder_grid", {{"from", s.reorder_grid.from}, {"to", s.reorder_grid.to}, {"step", s.reorder_grid.step}}},
                   {"surface", a.surface ? surface_json(*a.surface) : json()}};
  if (t.target_ties.size() > 1)
    context.warn("tied_target", std::to_string(t.target_ties.size()) + " inventory targets S are equally close to the gold "
                 "standard's cost; S* is the smallest of them.", "target_grid");
  if (t.reorder_ties.size() > 1)
    context.warn("tied_reorder", std::to_string(t.reorder_ties.size()) + " reorder levels s are equally close to the gold "
                 "standard's cost; s* is the smallest of them.", "reorder_grid");
  if (!t.tuned_is_least) {
    const auto [lo, hi] = t.least_points.front();
    context.warn("tuned_not_cheapest",
                 "The tuned (s*, S*) = (" + std::to_string(t.reorder) + ", " + std::to_string(t.target) +
                     ") is not the cheapest on the training days: the least mean cost over the grid is reached at " +
                     std::to_string(t.least_count) + " grid point(s), such as (s, S) = (" + std::to_string(lo) + ", " +
                     std::to_string(hi) + "). The tuning seeks the gold standard's cost, not the least.",
                 "reorder_grid");
  }
  // The rules were tuned on the training days' forecast: a far closer fit there than on the
  // test days tunes them for a forecast the test days do not get (an in-sample fit, say). Over
  // fewer than 8 test weeks the RMSE alone varies by more than 10 %, so it is not judged.
  if (a.test_accuracy.days >= 56 && a.train_accuracy.rmse > 0 && a.test_accuracy.rmse > 1.25 * a.train_accuracy.rmse) {
    char words[200];
    std::snprintf(words, sizeof words, "The forecast is much closer on the training days (RMSE %.2f) than on the test days (%.2f)",
                  a.train_accuracy.rmse, a.test_accuracy.rmse);
    context.warn("forecast_closer_on_training",
                 std::string(words) + ": S and s were tuned for a better forecast than the test days get, so the tuned rules "
                 "may cost more there" + (s.forecast == ordering::ForecastMethod::stl && !s.stl_refit_days
                     ? ". Refitting STL weekly tunes them on forecasts made as the test days' are." : "."),
                 "forecast");
  }
  if (a.test_accuracy.mape_days < a.test_accuracy.days)
    context.warn("mape_zero_days", std::to_string(a.test_accuracy.days - a.test_accuracy.mape_days) +
                 " test day(s) without demand are left out of the MAPE (a percentage of 0 is undefined).");
  const double gold_total = a.rules.front().totals.cost;
  json rules = json::array();
  for (const auto& rr : a.rules) {
    const auto& x = rr.totals;
    json rule = {{"id", rr.id},
                 {"name", rule_name(rr.id)},
                 {"schedule", rr.schedule == ordering::Schedule::daily ? "daily" : "twice_weekly"},
                 {"reorder", rr.rule.kind == ordering::RuleKind::reorder_bounded ? json(rr.rule.reorder) : json()},
                 {"target", rr.rule.kind != ordering::RuleKind::basis ? json(rr.rule.target) : json()},
                 {"days", x.days},
                 {"order_days", x.order_days},
                 {"order_days_share", x.days ? double(x.order_days) / x.days : 0.0},
                 {"order_size", x.order_days ? spread(x.units_ordered, x.units_ordered_sq, x.order_days) : json()},
                 {"inventory", spread(x.inventory, x.inventory_sq, x.days)},
                 {"urgent", spread(x.urgent, x.urgent_sq, x.days)},
                 {"wasted", spread(x.wasted, x.wasted_sq, x.days)},
                 {"cost", spread(x.cost, x.cost_sq, x.days)}};
    rule["urgent"]["total"] = x.urgent;
    rule["wasted"]["total"] = x.wasted;
    rule["cost"]["total"] = x.cost;
    rule["cost"]["share_of_gold"] = gold_total > 0 ? json(x.cost / gold_total) : json();
    rule["cost"]["routine"] = x.routine_cost;
    rule["cost"]["holding"] = x.holding_cost;
    rule["cost"]["urgent"] = x.urgent_cost;
    rule["cost"]["wastage"] = x.wastage_cost;
    rule["trace"] = s.trace ? json{{"order", rr.trace.order},
                                   {"inventory", rr.trace.inventory},
                                   {"urgent", rr.trace.urgent},
                                   {"wasted", rr.trace.wasted},
                                   {"cost", rr.trace.cost}}
                            : json();
    rules.push_back(std::move(rule));
  }
  out["rules"] = std::move(rules);
  return out;
}

}  // namespace

Operation ordering_operation() {
  return {"ordering",
          "A hospital's daily red-cell orders from its demand series: FIFO stock with shelf life M, the daily cost of "
          "routine orders, holding, urgent deliveries and wastage, and the rules of seed 003: ordering to actual "
          "demand, the forecast bounded by S, and the (s, S)-bounded forecast with S* and s* tuned on the training "
          "days; the least-cost (s, S) beside them; all run on the held-out test days.",
          "seed 003 (Li et al.), sec. 4.3, eq. 7-13, Table 9",
          fields().specs(),
          {{"series", "object",
            "{days, first_date, first_test_date, train_days, test_days, train {mean, sd}, test {mean, sd}, predictors "
            "(column names), demand (every day; null without trace)}."},
           {"forecast", "object",
            "{method, train, test (each {rmse, mape (a fraction; null when no day has demand), days, mape_days}), "
            "values (every day; null without trace), stl, regression, components}. For the forecast \"stl\": stl "
            "{seasonal_window (a number or \"periodic\"), trend_window, low_pass_window, robust, inner_passes, "
            "outer_passes} (as used); regression {predictors (the CSV's column names), coefficients (one each; null "
            "for a dropped one), intercept, r_squared (of the STL remainder on the training days), dropped "
            "[{predictor, reason: constant | collinear}]} when the CSV has predictor columns; components {trend, "
            "seasonal, remainder} on the training days (null without trace). Otherwise each null."},
           {"initial_stock", "object", "{units, by_age}: I0 and its units of age 1, 2, ..., M-1 (docs/methods/ordering.md)."},
           {"tuning", "object",
            "On the training days: gold_cost (E[c(y)]), target (S*), target_ties (every S as close), reorder (s*), "
            "reorder_ties, tuned_cost (E[c(yhat, S*, s*)]), target_curve [{target, cost}], reorder_curve "
            "[{reorder, cost}], least_cost {cost, count (grid points with it), points (the first 100, [{reorder, "
            "target}]), tuned_is_least}, pairs (searched), target_grid and reorder_grid (as used), surface "
            "{targets, reorders, cost (a row per target S, a value per reorder level s; null where s > S)} | null."},
           {"rules", "object[]",
            "On the test days, in order actual_demand, forecast_bounded, tuned, least_cost (its first point), fixed: "
            "{id, name, schedule, reorder, target, days, order_days, order_days_share, order_size {mean, sd} (days "
            "with orders; null without orders), inventory {mean, sd}, urgent {mean, sd, total}, wasted {mean, sd, total}, cost {mean, sd, "
            "total, share_of_gold, routine, holding, urgent, wastage}, trace {order, inventory, urgent, wasted, cost} "
            "| null}."}},
          true,
          handle};
}

}  // namespace rbc::api
