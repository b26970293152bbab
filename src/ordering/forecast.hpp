#pragma once
// Built-in demand forecasts for the ordering rules (seed 003 sec. 4.2 uses STL with a
// regression on clinical predictors; these are the simpler methods of issue 27) and the
// accuracy measures of seed 003 sec. 4.2.4 (RMSE, MAPE; Table 7).
#include <span>
#include <vector>

namespace rbc::ordering {

// The mean demand of each weekday (0 = Monday) over the first `train_days` days; every day's
// forecast is its weekday's mean. Needs every weekday among the training days (>= 7 days).
std::vector<double> weekday_means_forecast(std::span<const int> demand, std::span<const int> weekday, int train_days);

// Seasonal naive: the demand of the same weekday a week earlier, known when the order is
// placed. The first 7 days have no such day; they get the weekday means of the training days.
std::vector<double> seasonal_naive_forecast(std::span<const int> demand, std::span<const int> weekday, int train_days);

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
