#include "ordering/forecast.hpp"

#include <cmath>
#include <stdexcept>

namespace rbc::ordering {

std::vector<double> weekday_means_forecast(std::span<const int> demand, std::span<const int> weekday, int train_days) {
  if (train_days < 7 || train_days > static_cast<int>(demand.size()) || weekday.size() != demand.size())
    throw std::invalid_argument("weekday_means_forecast: fewer than 7 training days");
  double sum[7] = {}, count[7] = {};
  for (int t = 0; t < train_days; ++t) {
    sum[weekday[t]] += demand[t];
    count[weekday[t]] += 1;
  }
  std::vector<double> f(demand.size());
  for (std::size_t t = 0; t < demand.size(); ++t) f[t] = sum[weekday[t]] / count[weekday[t]];
  return f;
}

std::vector<double> seasonal_naive_forecast(std::span<const int> demand, std::span<const int> weekday, int train_days) {
  std::vector<double> f = weekday_means_forecast(demand, weekday, train_days);
  for (std::size_t t = 7; t < demand.size(); ++t) f[t] = demand[t - 7];
  return f;
}

std::vector<int> whole_units(std::span<const double> forecast) {
  std::vector<int> z(forecast.size());
  for (std::size_t t = 0; t < forecast.size(); ++t)
    z[t] = forecast[t] > 0 ? static_cast<int>(std::floor(std::min(forecast[t], 1e9) + 0.5)) : 0;
  return z;
}

Accuracy accuracy(std::span<const int> demand, std::span<const double> forecast, int begin, int end) {
  Accuracy a;
  double sq = 0, ape = 0;
  for (int t = begin; t < end; ++t) {
    const double e = forecast[t] - demand[t];
    sq += e * e;
    ++a.days;
    if (demand[t] > 0) {
      ape += std::abs(e) / demand[t];
      ++a.mape_days;
    }
  }
  a.rmse = a.days ? std::sqrt(sq / a.days) : 0;
  a.mape = a.mape_days ? ape / a.mape_days : std::nan("");
  return a;
}

}  // namespace rbc::ordering
