#pragma once
// The non-negative least-squares solver as rbcmatch shipped it before the faster one
// (commit d7e6fb3): Lawson-Hanson with a fresh Householder QR of the passive columns at every
// inner step, and a cold restart from x = 0 whenever the warm start's passive set is not
// optimal. Kept as the reference the tests compare numeric::nnls with, and as the naive
// peer bench/stationary.cpp times it against. Not for production use: O(n) outer steps, each
// a QR of O(rows n^2).
#include <Eigen/Dense>
#include <algorithm>
#include <limits>
#include <vector>

namespace rbc::test {

inline Eigen::VectorXd nnls_reference(const Eigen::MatrixXd& A, const Eigen::VectorXd& b,
                                      const Eigen::VectorXd* warm_start = nullptr) {
  const Eigen::Index n = A.cols();
  Eigen::VectorXd x = Eigen::VectorXd::Zero(n);
  std::vector<bool> passive(static_cast<std::size_t>(n), false);
  const double tol = 10 * std::numeric_limits<double>::epsilon() * A.cwiseAbs().colwise().sum().maxCoeff() *
                     static_cast<double>(std::max(A.rows(), n));

  auto solve_passive = [&] {
    std::vector<Eigen::Index> cols;
    for (Eigen::Index j = 0; j < n; ++j)
      if (passive[static_cast<std::size_t>(j)]) cols.push_back(j);
    Eigen::MatrixXd Ap(A.rows(), static_cast<Eigen::Index>(cols.size()));
    for (std::size_t k = 0; k < cols.size(); ++k) Ap.col(static_cast<Eigen::Index>(k)) = A.col(cols[k]);
    const Eigen::VectorXd zp = Ap.householderQr().solve(b);
    Eigen::VectorXd z = Eigen::VectorXd::Zero(n);
    for (std::size_t k = 0; k < cols.size(); ++k) z[cols[k]] = zp[static_cast<Eigen::Index>(k)];
    return z;
  };

  Eigen::VectorXd unconstrained;
  if (!warm_start) {
    unconstrained = A.householderQr().solve(b);
    if (unconstrained.minCoeff() >= 0) return unconstrained;
    warm_start = &unconstrained;
  }
  {
    for (Eigen::Index j = 0; j < n; ++j) passive[static_cast<std::size_t>(j)] = (*warm_start)[j] > 0;
    const Eigen::VectorXd z = solve_passive();
    bool optimal = true;
    for (Eigen::Index j = 0; j < n && optimal; ++j)
      if (passive[static_cast<std::size_t>(j)] && z[j] <= 0) optimal = false;
    if (optimal) {
      const Eigen::VectorXd w = A.transpose() * (b - A * z);
      for (Eigen::Index j = 0; j < n && optimal; ++j)
        if (!passive[static_cast<std::size_t>(j)] && w[j] > tol) optimal = false;
    }
    if (optimal) return z;
    std::fill(passive.begin(), passive.end(), false);
  }

  for (Eigen::Index outer = 0; outer < 3 * n + 10; ++outer) {
    const Eigen::VectorXd w = A.transpose() * (b - A * x);
    Eigen::Index t = -1;
    double best = tol;
    for (Eigen::Index j = 0; j < n; ++j)
      if (!passive[static_cast<std::size_t>(j)] && w[j] > best) best = w[j], t = j;
    if (t < 0) break;
    passive[static_cast<std::size_t>(t)] = true;
    for (Eigen::Index inner = 0; inner < 3 * n + 10; ++inner) {
      const Eigen::VectorXd z = solve_passive();
      double alpha = 1;
      bool feasible = true;
      for (Eigen::Index j = 0; j < n; ++j)
        if (passive[static_cast<std::size_t>(j)] && z[j] <= 0) {
          feasible = false;
          const double denom = x[j] - z[j];
          if (denom > 0) alpha = std::min(alpha, x[j] / denom);
        }
      if (feasible) {
        x = z;
        break;
      }
      x += alpha * (z - x);
      for (Eigen::Index j = 0; j < n; ++j)
        if (passive[static_cast<std::size_t>(j)] && x[j] <= tol) passive[static_cast<std::size_t>(j)] = false, x[j] = 0;
    }
  }
  return x.cwiseMax(0.0);
}

}  // namespace rbc::test
