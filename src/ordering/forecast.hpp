#pragma once
// Built-in demand forecasts for the ordering rules: the simple methods of issue 27, and the
// seed's STL with a linear regression of the STL remainder on the series' predictor columns
// (seed 003 sec. 4.2, Table 7's "STL alone" and "STL + linear regression"); and the accuracy
// measures of seed 003 sec. 4.2.4 (RMSE, MAPE; Table 7).
#include <optional>
#include <span>
#include <vector>

#include "common/progress.hpp"
#include "ordering/stl.hpp"

namespace rbc::ordering {

// The mean demand of each weekday (0 = Monday) over the first `train_days` days; every day's
// forecast is its weekday's mean. Needs every weekday among the training days (>= 7 days).
std::vector<double> weekday_means_forecast(std::span<const int> demand, std::span<const int> weekday, int train_days);

// Seasonal naive: the demand of the same weekday a week earlier, known when the order is
// placed. The first 7 days have no such day; they get the weekday means of the training days.
std::vector<double> seasonal_naive_forecast(std::span<const int> demand, std::span<const int> weekday, int train_days);

// ---- Least squares with an intercept ----
enum class Dropped { no, constant, collinear };
struct LinearFit {
  double intercept = 0;
  std::vector<double> coefficients;  // one per column; 0 for a dropped column
  std::vector<Dropped> dropped;      // why a column has no coefficient
  double r_squared = 0;              // 1 - RSS / TSS on the fitted rows; 0 when y is constant there
  int rows = 0;
};
// Ordinary least squares of y[0..rows) on the columns x[k][0..rows) and an intercept. A column
// constant over the rows, or nearly a linear combination of the intercept and the columns kept
// before it (its part orthogonal to them below 1e-7 of its norm: the rule of R's lm(), LINPACK
// dqrdc2), is dropped and said why; the rest are solved by a column-pivoting (rank-revealing)
// Householder QR of the centred columns. Needs rows >= 1.
LinearFit linear_regression(std::span<const double> y, const std::vector<std::vector<double>>& x, int rows);
// intercept + sum_k coefficient_k x[k][t].
double predict(const LinearFit& fit, const std::vector<std::vector<double>>& x, int t);

// ---- STL (seed 003 sec. 4.2) ----
struct StlForecast {
  std::vector<double> values;           // every day of the series
  Stl decomposition;                    // of the training days
  std::optional<LinearFit> regression;  // when there are predictor columns
};
// STL of the first `train_days` days (period 7). Training days: trend + seasonal (+ the
// regression's fit). Later days: the seasonal of the same weekday in the last training week,
// plus the last training trend held flat (R forecast::stlf's naive method on the trend), plus
// the regression on that day's predictors. With predictor columns (predictors[k][t], every day),
// the remainder of the training days is regressed on them (linear_regression). Values may be
// negative. Throws std::invalid_argument as stl() does.
StlForecast stl_forecast(std::span<const int> demand, const std::vector<std::vector<double>>& predictors, int train_days,
                         const StlSettings& settings, const Progress& progress = {});

// Rolling origin: every day forecast only from the days before it, as a blood bank refitting
// its model each week would. STL (and the regression) is refitted on days [0, o) at the origins
// o = first, first + every, ... (o < n), and forecasts days [o, o + every) as stl_forecast
// forecasts the days after its training days. The first `first` days have no history: they
// take the in-sample fit of the first refit (the one part that has seen its own days). Two
// cycles <= first <= n. The in-sample fit of two-sided loess uses the days after each day, so
// tuning (s, S) on it assumes a forecast far better than the test days get.
std::vector<double> rolling_stl_forecast(std::span<const int> demand, const std::vector<std::vector<double>>& predictors,
                                         int first, int every, const StlSettings& settings, const Progress& progress = {});
// The loess steps of all the refits (stl_work summed over the origins).
double rolling_stl_work(const StlSettings& settings, int n, int first, int every);

// A forecast as whole units to order: rounded half up, negative values as 0 (eq. 12: z_t >= 0).
std::vector<int> whole_units(std::span<const double> forecast);

struct Accuracy {
  double rmse = 0;
  double mape = 0;       // mean of |y - f| / y over days with y > 0, as a fraction
  int days = 0;
  int mape_days = 0;     // days with y > 0 (MAPE is undefined on the others)
};
// Over days [begin, end).
Accuracy accuracy(std::span<const int> demand, std::span<const double> forecast, int begin, int end);

}  // namespace rbc::ordering
