#pragma once
// Summaries of replicated estimates (Monte Carlo runs).
#include <cmath>
#include <vector>

namespace rbc::numeric {

inline double mean(const std::vector<double>& xs) {
  double sum = 0;
  for (double x : xs) sum += x;
  return xs.empty() ? 0.0 : sum / static_cast<double>(xs.size());
}

// The standard error of the mean of independent replications: the sample standard deviation
// (n - 1) over sqrt(n); 0 for fewer than two.
inline double standard_error(const std::vector<double>& xs) {
  if (xs.size() < 2) return 0;
  const double m = mean(xs);
  double ss = 0;
  for (double x : xs) ss += (x - m) * (x - m);
  const auto n = static_cast<double>(xs.size());
  return std::sqrt(ss / (n - 1) / n);
}

}  // namespace rbc::numeric
