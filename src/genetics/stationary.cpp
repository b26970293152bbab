#include "genetics/stationary.hpp"

#include <algorithm>
#include <cmath>

#include "numeric/nnls.hpp"

namespace rbc::genetics {

StationarySolution stationary_genotypes(const HeredityOperator& P, const Eigen::MatrixXd& S,
                                        const Eigen::VectorXd& f, const Eigen::VectorXd& x0,
                                        const StationaryOptions& options, const Progress& progress) {
  const Eigen::Index m = S.rows(), n = S.cols();
  // Over the simplex, sum x = 1 is one more row, weighted so heavily that it holds to
  // rounding (Lawson and Hanson 1974, ch. 22, the weighting method for equality
  // constraints); the small remainder is divided out after each step.
  const bool simplex = options.nonnegative && options.sum_to_one;
  const Eigen::Index rows = m + n + (simplex ? 1 : 0);
  Eigen::MatrixXd A(rows, m);
  A.middleRows(m, n) = S.transpose();
  Eigen::VectorXd b = Eigen::VectorXd::Zero(rows);
  b.segment(m, n) = f;
  if (simplex) {
    A.row(m + n).setConstant(sum_weight);
    b[m + n] = sum_weight;
  }

  StationarySolution out;
  Eigen::VectorXd x = x0;
  for (int it = 1; it <= options.max_iterations; ++it) {
    progress.report(static_cast<double>(it - 1) / options.max_iterations, "least squares");
    // Top block x^T P - I = B(x)^T - I (eq. 3.15, 3.33).
    A.topRows(m) = P.maternal_transition(x).transpose();
    A.topRows(m).diagonal().array() -= 1.0;
    // Least squares by Householder QR: x = R_1^{-1} Q_1^T b (eq. 3.24), or over x >= 0.
    // The previous iterate warm-starts NNLS, which carries on from it (numeric/nnls.hpp).
    Eigen::VectorXd next = options.nonnegative ? numeric::nnls(A, b, it > 1 ? &x : nullptr)
                                               : Eigen::VectorXd(A.householderQr().solve(b));
    if (simplex) next /= next.sum();
    const double change = (next - x).lpNorm<1>();
    const double residual = (A.topRows(m + n) * next - b.head(m + n)).squaredNorm();
    out.trace.push_back({it, change, residual});
    x = next;
    out.iterations = it;
    out.residual = residual;
    if (change < options.tolerance) {
      out.converged = true;
      break;
    }
  }
  out.x = x;
  return out;
}

Eigen::VectorXd uniform_start(int genotype_count) {
  return Eigen::VectorXd::Constant(genotype_count, 1.0 / genotype_count);
}

MultistartSummary multistart_check(const HeredityOperator& P, const Eigen::MatrixXd& S, const Eigen::VectorXd& f,
                                   const Eigen::VectorXd& reference, const StationaryOptions& options,
                                   const Progress& progress) {
  MultistartSummary out;
  const Eigen::Index m = S.rows();
  out.starts = static_cast<int>(m);
  for (Eigen::Index k = 0; k < m; ++k) {
    const double share = 1.0 / static_cast<double>(m);
    const auto run = stationary_genotypes(P, S, f, Eigen::VectorXd::Unit(m, k), options,
                                          progress.part(static_cast<double>(k) * share, static_cast<double>(k + 1) * share));
    out.converged += run.converged ? 1 : 0;
    out.iterations.push_back(run.iterations);
    out.max_deviation = std::max(out.max_deviation, (run.x - reference).lpNorm<Eigen::Infinity>());
  }
  out.all_agree = out.converged == out.starts && out.max_deviation <= multistart_agreement;
  return out;
}

double stationarity_residual(const HeredityOperator& P, const Eigen::VectorXd& x) {
  return (P.offspring(x, x) - x).lpNorm<1>();
}

}  // namespace rbc::genetics
