#include "ordering/forecast.hpp"

#include <Eigen/Dense>
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

LinearFit linear_regression(std::span<const double> y, const std::vector<std::vector<double>>& x, int rows) {
  if (rows < 1 || static_cast<int>(y.size()) < rows) throw std::invalid_argument("linear_regression: no rows");
  const int p = static_cast<int>(x.size());
  LinearFit f;
  f.rows = rows;
  f.coefficients.assign(p, 0.0);
  f.dropped.assign(p, Dropped::no);
  // Which columns to keep, in order (R's lm() and LINPACK dqrdc2's limited pivoting): an
  // orthonormal basis of the intercept and the kept columns, by Gram-Schmidt run twice (so
  // the projections are accurate to rounding).
  Eigen::MatrixXd basis(rows, p + 1);
  basis.col(0).setConstant(1 / std::sqrt(static_cast<double>(rows)));
  int size = 1;
  std::vector<int> kept;
  for (int k = 0; k < p; ++k) {
    if (static_cast<int>(x[k].size()) < rows) throw std::invalid_argument("linear_regression: a short column");
    const Eigen::Map<const Eigen::VectorXd> column(x[k].data(), rows);
    if ((column.array() == column(0)).all()) {
      f.dropped[k] = Dropped::constant;
      continue;
    }
    Eigen::VectorXd v = column;
    for (int pass = 0; pass < 2; ++pass)
      for (int q = 0; q < size; ++q) v -= basis.col(q).dot(v) * basis.col(q);
    const double rest = v.norm();
    if (!(rest > 1e-7 * column.norm())) {
      f.dropped[k] = Dropped::collinear;
      continue;
    }
    basis.col(size++) = v / rest;
    kept.push_back(k);
  }
  // Least squares on the centred kept columns (the intercept then is the means' difference).
  const Eigen::Map<const Eigen::VectorXd> target(y.data(), rows);
  const double y_mean = target.mean();
  const Eigen::VectorXd b = target.array() - y_mean;
  Eigen::MatrixXd a(rows, static_cast<int>(kept.size()));
  Eigen::VectorXd means(a.cols());
  for (int i = 0; i < a.cols(); ++i) {
    const Eigen::Map<const Eigen::VectorXd> column(x[kept[i]].data(), rows);
    means(i) = column.mean();
    a.col(i) = column.array() - means(i);
  }
  Eigen::VectorXd beta = Eigen::VectorXd::Zero(a.cols());
  if (a.cols() > 0) {
    const Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(a);
    beta = qr.solve(b);
  }
  f.intercept = y_mean - (a.cols() ? beta.dot(means) : 0.0);
  for (int i = 0; i < a.cols(); ++i) f.coefficients[kept[i]] = beta(i);
  const double tss = b.squaredNorm(), rss = (b - a * beta).squaredNorm();
  f.r_squared = tss > 0 ? std::max(0.0, 1 - rss / tss) : 0.0;
  return f;
}

double predict(const LinearFit& fit, const std::vector<std::vector<double>>& x, int t) {
  double v = fit.intercept;
  for (std::size_t k = 0; k < x.size(); ++k)
    if (fit.dropped[k] == Dropped::no) v += fit.coefficients[k] * x[k][t];
  return v;
}

StlForecast stl_forecast(std::span<const int> demand, const std::vector<std::vector<double>>& predictors, int train_days,
                         const StlSettings& settings, const Progress& progress) {
  const int n = static_cast<int>(demand.size()), np = settings.period;
  if (train_days < 2 * np || train_days > n)
    throw std::invalid_argument("stl_forecast: the training days must cover two cycles and lie within the series");
  for (const auto& column : predictors)
    if (static_cast<int>(column.size()) != n) throw std::invalid_argument("stl_forecast: a predictor column's length differs");
  const std::vector<double> y(demand.begin(), demand.begin() + train_days);
  StlForecast f;
  f.decomposition = stl(y, settings, progress);
  const Stl& d = f.decomposition;
  if (!predictors.empty()) f.regression = linear_regression(d.remainder, predictors, train_days);
  f.values.resize(n);
  for (int t = 0; t < n; ++t) {
    f.values[t] = t < train_days ? d.trend[t] + d.seasonal[t]
                                 : d.trend[train_days - 1] + d.seasonal[train_days - np + (t - train_days) % np];
    if (f.regression) f.values[t] += predict(*f.regression, predictors, t);
  }
  return f;
}

std::vector<double> rolling_stl_forecast(std::span<const int> demand, const std::vector<std::vector<double>>& predictors,
                                         int first, int every, const StlSettings& settings, const Progress& progress) {
  const int n = static_cast<int>(demand.size());
  if (every < 1 || first < 2 * settings.period || first > n)
    throw std::invalid_argument("rolling_stl_forecast: every < 1, or the first origin outside [two cycles, n]");
  std::vector<double> values(n);
  const int origins = (n - first + every - 1) / every;
  for (int k = 0, o = first;; ++k, o += every) {
    const StlForecast f = stl_forecast(demand, predictors, o, settings, progress.part(k / (origins + 1.0), (k + 1) / (origins + 1.0)));
    const int begin = k == 0 ? 0 : o;
    for (int t = begin; t < std::min(n, o + every); ++t) values[t] = f.values[t];
    if (o + every >= n) break;
  }
  return values;
}

double rolling_stl_work(const StlSettings& settings, int n, int first, int every) {
  double work = 0;
  for (int o = first;; o += every) {
    work += stl_work(settings, o);
    if (o + every >= n) break;
  }
  return work;
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
