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

// The 0.975 quantile of Student's t with `df` >= 1 degrees of freedom, for two-sided 95 %
// confidence intervals over replications: the published table for df <= 30, beyond it the
// Cornish-Fisher expansion in 1/df to the fourth order (within 3e-8 of the table at df = 30,
// closer above). df < 1 returns infinity (no interval from one replication).
inline double student_t_975(int df) {
  static constexpr double table[30] = {
      12.706204736, 4.302652730, 3.182446305, 2.776445105, 2.570581836, 2.446911851, 2.364624252, 2.306004135,
      2.262157163,  2.228138852, 2.200985160, 2.178812830, 2.160368656, 2.144786688, 2.131449546, 2.119905299,
      2.109815578,  2.100922040, 2.093024054, 2.085963447, 2.079613845, 2.073873068, 2.068657610, 2.063898562,
      2.059538553,  2.055529439, 2.051830516, 2.048407142, 2.045229642, 2.042272456};
  if (df < 1) return HUGE_VAL;
  if (df <= 30) return table[df - 1];
  const double z = 1.959963984540054, z2 = z * z, v = static_cast<double>(df);
  const double g1 = (z2 + 1) * z / 4;
  const double g2 = ((5 * z2 + 16) * z2 + 3) * z / 96;
  const double g3 = (((3 * z2 + 19) * z2 + 17) * z2 - 15) * z / 384;
  const double g4 = ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) * z / 92160;
  return z + (g1 + (g2 + (g3 + g4 / v) / v) / v) / v;
}

}  // namespace rbc::numeric
