#include "ordering/stl.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace rbc::ordering {

namespace {

// The Fortran's stlest: the loess estimate at the abscissa xs (positions 1..n, as the Fortran
// counts) from the points nleft..nright (inclusive), with the paper's tricube weights over
// h = the distance to the farther end (widened by (len - n) / 2 when the window exceeds the
// data), times the robustness weights `rw` when given. Degree 1 fits a local line. `w` is
// scratch of n. False when every weight is 0.
bool loess_at(const double* y, int n, long long len, int degree, double xs, int nleft, int nright, const double* rw,
              double* w, double& ys) {
  const double range = n - 1.0;
  double h = std::max(xs - nleft, nright - xs);
  if (len > n) h += static_cast<double>((len - n) / 2);  // integer division, as the Fortran
  const double h9 = 0.999 * h, h1 = 0.001 * h;
  double a = 0;
  for (int j = nleft; j <= nright; ++j) {
    double& wj = w[j - 1];
    wj = 0;
    const double r = std::abs(j - xs);
    if (r <= h9) {
      if (r <= h1) {
        wj = 1;
      } else {
        const double q = r / h, c = 1 - q * q * q;
        wj = c * c * c;
      }
      if (rw) wj *= rw[j - 1];
      a += wj;
    }
  }
  if (a <= 0) return false;
  for (int j = nleft; j <= nright; ++j) w[j - 1] /= a;
  if (h > 0 && degree > 0) {
    // The local line through the weighted mean, as weights: w_j (1 + b (j - mean)).
    a = 0;
    for (int j = nleft; j <= nright; ++j) a += w[j - 1] * j;
    double b = xs - a, c = 0;
    for (int j = nleft; j <= nright; ++j) c += w[j - 1] * (j - a) * (j - a);
    if (std::sqrt(c) > 0.001 * range) {  // otherwise the abscissas are too close: a local mean
      b /= c;
      for (int j = nleft; j <= nright; ++j) w[j - 1] *= b * (j - a) + 1.0;
    }
  }
  ys = 0;
  for (int j = nleft; j <= nright; ++j) ys += w[j - 1] * y[j - 1];
  return true;
}

// The Fortran's stless with jumps of 1: the loess smooth of y at every point 1..n, with the
// window of len nearest points (all n when len >= n). A point whose weights are all 0 keeps y.
void loess(const double* y, int n, long long len, int degree, const double* rw, double* ys, double* w) {
  if (n < 2) {
    ys[0] = y[0];
    return;
  }
  int nleft = 1, nright = n;
  if (len < n) nright = static_cast<int>(len);
  const long long nsh = (len + 1) / 2;
  for (int i = 1; i <= n; ++i) {
    if (len < n && i > nsh && nright != n) ++nleft, ++nright;
    if (!loess_at(y, n, len, degree, i, nleft, nright, rw, w, ys[i - 1])) ys[i - 1] = y[i - 1];
  }
}

// The Fortran's stlma: the moving averages of `len` points, n - len + 1 of them, by a running sum.
void moving_average(const double* x, int n, int len, double* ave) {
  const int count = n - len + 1;
  double v = 0;
  for (int i = 0; i < len; ++i) v += x[i];
  ave[0] = v / len;
  for (int j = 1; j < count; ++j) {
    v = v - x[j - 1] + x[j + len - 1];
    ave[j] = v / len;
  }
}

struct Work {
  explicit Work(int n, int np)
      : detrended(n), cycle(n + 2 * np), filtered(n + 2 * np), low_pass(n), sub(n + 2), sub_fit(n + 2), sub_rw(n + 2),
        scratch(n + 2 * np) {}
  std::vector<double> detrended, cycle, filtered, low_pass, sub, sub_fit, sub_rw, scratch;
};

// Step 2, cycle-subseries smoothing (the Fortran's stlss): each cycle-subseries (every np-th point) smoothed
// by loess at its points and extrapolated one cycle before and after: n + 2 np values.
void cycle_subseries(const std::vector<double>& y, int np, long long ns, int degree, const double* rw, Work& work) {
  const int n = static_cast<int>(y.size());
  for (int j = 0; j < np; ++j) {
    const int k = (n - 1 - j) / np + 1;
    for (int i = 0; i < k; ++i) work.sub[i] = y[i * np + j];
    if (rw)
      for (int i = 0; i < k; ++i) work.sub_rw[i] = rw[i * np + j];
    const double* sw = rw ? work.sub_rw.data() : nullptr;
    double* fit = work.sub_fit.data();
    loess(work.sub.data(), k, ns, degree, sw, fit + 1, work.scratch.data());
    const int nright = static_cast<int>(std::min<long long>(ns, k));
    if (!loess_at(work.sub.data(), k, ns, degree, 0, 1, nright, sw, work.scratch.data(), fit[0])) fit[0] = fit[1];
    const int nleft = static_cast<int>(std::max<long long>(1, k - ns + 1));
    if (!loess_at(work.sub.data(), k, ns, degree, k + 1, nleft, k, sw, work.scratch.data(), fit[k + 1]))
      fit[k + 1] = fit[k];
    for (int m = 0; m < k + 2; ++m) work.cycle[m * np + j] = fit[m];
  }
}

// Step 3, low-pass filtering (the Fortran's stlfts and the loess after it): moving averages of np, np
// and 3 points, then loess with the low-pass window: n values.
void low_pass_filter(int n, int np, int nl, int degree, Work& work) {
  double* a = work.filtered.data();
  double* b = work.scratch.data();
  moving_average(work.cycle.data(), n + 2 * np, np, a);
  moving_average(a, n + np + 1, np, b);
  moving_average(b, n + 2, 3, a);
  loess(a, n, nl, degree, nullptr, work.low_pass.data(), b);
}

// The outer loop's robustness weights (the Fortran's stlrwt): bisquare weights B(|r| / h), h = 6 median |r|. With h = 0
// the Fortran's thresholds give exact fits weight 1 and every other point 0 (the limit of B).
void robustness_weights(std::span<const double> y, const std::vector<double>& fit, std::vector<double>& rw) {
  const int n = static_cast<int>(y.size());
  std::vector<double> r(n);
  for (int i = 0; i < n; ++i) r[i] = std::abs(y[i] - fit[i]);
  std::vector<double> sorted = r;
  const int m1 = n / 2, m2 = n - n / 2 - 1;  // the middle one or two (0-based)
  std::nth_element(sorted.begin(), sorted.begin() + m1, sorted.end());
  const double a = sorted[m1];
  std::nth_element(sorted.begin(), sorted.begin() + m2, sorted.end());
  const double cmad = 3.0 * (a + sorted[m2]);
  const double c9 = 0.999 * cmad, c1 = 0.001 * cmad;
  for (int i = 0; i < n; ++i) {
    if (r[i] <= c1) {
      rw[i] = 1;
    } else if (r[i] <= c9) {
      const double u = r[i] / cmad, c = 1 - u * u;
      rw[i] = c * c;
    } else {
      rw[i] = 0;
    }
  }
}

bool odd_window(long long w) { return w >= 3 && w % 2 == 1; }

}  // namespace

int default_trend_window(int period, long long seasonal_window) {
  // The same double expression as R's stl() and statsmodels, so the same rounding.
  int t = static_cast<int>(std::ceil(1.5 * period / (1 - 1.5 / static_cast<double>(seasonal_window))));
  return t % 2 == 0 ? t + 1 : t;
}

StlSettingsUsed resolve(const StlSettings& s, int n) {
  if (s.period < 2) throw std::invalid_argument("stl: the period must be 2 or more");
  if (n < 2 * s.period) throw std::invalid_argument("stl: fewer than two cycles of data");
  StlSettingsUsed u;
  u.seasonal_window = s.periodic ? 10LL * n + 1 : s.seasonal_window;
  u.seasonal_degree = s.periodic ? 0 : s.seasonal_degree;
  u.trend_window = s.trend_window ? *s.trend_window : default_trend_window(s.period, u.seasonal_window);
  u.low_pass_window = s.low_pass_window ? *s.low_pass_window : (s.period % 2 == 0 ? s.period + 1 : s.period);
  u.inner = s.inner ? *s.inner : (s.robust ? 1 : 2);
  u.outer = s.outer ? *s.outer : (s.robust ? 15 : 0);
  if (!odd_window(u.seasonal_window) || !odd_window(u.trend_window) || !odd_window(u.low_pass_window))
    throw std::invalid_argument("stl: every window must be odd and 3 or more");
  for (int d : {u.seasonal_degree, s.trend_degree, s.low_pass_degree})
    if (d != 0 && d != 1) throw std::invalid_argument("stl: loess degrees are 0 or 1");
  if (u.inner < 1 || u.outer < 0) throw std::invalid_argument("stl: at least one inner pass, no negative outer passes");
  return u;
}

double stl_work(const StlSettings& s, int n) {
  const StlSettingsUsed u = resolve(s, n);
  const double k = std::ceil(static_cast<double>(n) / s.period) + 2;  // the longest subseries, extrapolated
  const double per_pass = n * std::min<double>(static_cast<double>(u.seasonal_window), k) +
                          n * std::min(u.low_pass_window, n) + n * std::min(u.trend_window, n);
  return per_pass * u.inner * (u.outer + 1.0);
}

Stl stl(std::span<const double> y, const StlSettings& s, const Progress& progress) {
  const int n = static_cast<int>(y.size());
  const StlSettingsUsed u = resolve(s, n);
  const int np = s.period;
  Stl out;
  out.used = u;
  out.trend.assign(n, 0.0);
  out.seasonal.assign(n, 0.0);
  out.weights.assign(n, 1.0);
  Work work(n, np);
  std::vector<double> fit(n);
  const double passes = u.inner * (u.outer + 1.0);
  int done = 0;
  for (int k = 0;; ++k) {
    const double* rw = k > 0 ? out.weights.data() : nullptr;
    for (int pass = 0; pass < u.inner; ++pass) {  // the inner loop, steps 1-6 (the Fortran's stlstp)
      for (int i = 0; i < n; ++i) work.detrended[i] = y[i] - out.trend[i];  // step 1
      cycle_subseries(work.detrended, np, u.seasonal_window, u.seasonal_degree, rw, work);  // step 2
      low_pass_filter(n, np, u.low_pass_window, s.low_pass_degree, work);                   // step 3
      for (int i = 0; i < n; ++i) out.seasonal[i] = work.cycle[np + i] - work.low_pass[i];   // step 4
      for (int i = 0; i < n; ++i) fit[i] = y[i] - out.seasonal[i];                         // step 5
      loess(fit.data(), n, u.trend_window, s.trend_degree, rw, out.trend.data(), work.scratch.data());  // step 6
      progress.report(++done / passes, "STL decomposition");
    }
    if (k == u.outer) break;
    for (int i = 0; i < n; ++i) fit[i] = out.trend[i] + out.seasonal[i];
    robustness_weights(y, fit, out.weights);  // the outer loop
  }
  if (s.periodic) {  // R's stl(): each position of the cycle takes the mean of its seasonal values
    for (int j = 0; j < np; ++j) {
      double sum = 0;
      int count = 0;
      for (int i = j; i < n; i += np) sum += out.seasonal[i], ++count;
      for (int i = j; i < n; i += np) out.seasonal[i] = sum / count;
    }
  }
  out.remainder.resize(n);
  for (int i = 0; i < n; ++i) out.remainder[i] = y[i] - out.seasonal[i] - out.trend[i];
  return out;
}

}  // namespace rbc::ordering
