#include "genetics/stationary.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "numeric/nnls.hpp"

namespace rbc::genetics {

namespace {

// The least-squares problem of one step, min ||A y - b|| with A = A(x) = [B(x)^T - I; S^T]
// and b = [0; f] (eq. 3.15), over the simplex with the row w 1^T, b = w appended. A is never
// formed: the normal equations numeric::nnls solves, and the products with A its refinement
// and Kuhn-Tucker check need, come from A's structure through the heredity operator.
// B(x)^T y is the offspring of fathers x and mothers y, B(x) r the mean of r over each
// mother's children, both O(m + h^2) for h haplotypes instead of O((m + n) m); A^T A =
// (B - I)(B - I)^T + S S^T (+ w^2 1 1^T), whose first term (heredity.hpp) costs O(m^2 + m h)
// instead of a product of (m + n) x m matrices.
class StepProblem {
 public:
  StepProblem(const HeredityOperator& P, const Eigen::MatrixXd& S, const Eigen::VectorXd& f, bool simplex)
      : P_(P), S_(S), f_(f), simplex_(simplex), w_(simplex ? sum_weight : 0.0) {
    const Eigen::Index m = S.rows(), n = S.cols();
    std::vector<std::vector<Entry>> by_phenotype(static_cast<std::size_t>(n));
    for (Eigen::Index g = 0; g < m; ++g)
      for (Eigen::Index p = 0; p < n; ++p)
        if (S(g, p) != 0) {
          s_entries_.push_back({g, p, S(g, p)});
          by_phenotype[static_cast<std::size_t>(p)].push_back({g, p, S(g, p)});
        }
    // S S^T from S's nonzeros (a genotype has one phenotype), S f and the 1-norms of S's rows.
    constant_gram_.setConstant(m, m, w_ * w_);
    for (const auto& entries : by_phenotype)
      for (const auto& j : entries)
        for (const auto& k : entries) constant_gram_(j.genotype, k.genotype) += j.value * k.value;
    eq_.rhs.setConstant(m, w_ * w_);
    s_abs_.setZero(m);
    for (const auto& e : s_entries_) {
      eq_.rhs[e.genotype] += e.value * f[e.phenotype];
      s_abs_[e.genotype] += std::abs(e.value);
    }
    eq_.gradient = [this](const Eigen::VectorXd& y, Eigen::VectorXd& g) { gradient(y, g); };
  }
  StepProblem(const StepProblem&) = delete;
  StepProblem& operator=(const StepProblem&) = delete;

  // A = A(x): the Gram matrix and the Kuhn-Tucker tolerance, from the fathers' gametes t.
  void set_iterate(const Eigen::VectorXd& x) {
    P_.gamete_distribution(x, t_);
    P_.stationarity_gram(t_, constant_gram_, eq_.gram);  // lower triangle: all nnls reads
    // Column j of A: column j of B^T - I, row j of S, w.
    P_.stationarity_column_norms(t_, norms_);
    const double largest = (norms_ + s_abs_).maxCoeff() + w_;
    const auto rows = static_cast<double>(norms_.size() + S_.cols() + (simplex_ ? 1 : 0));
    eq_.tolerance = 10 * std::numeric_limits<double>::epsilon() * largest * std::max(rows, static_cast<double>(norms_.size()));
  }

  const numeric::NormalEquations& normal_equations() const { return eq_; }
  numeric::NnlsWorkspace& workspace() { return workspace_; }

  // ||A y - b||^2 without the sum row (eq. 3.26).
  double residual_norm2(const Eigen::VectorXd& y) {
    residual(y);
    return r_top_.squaredNorm() + r_mid_.squaredNorm();
  }

  // A and b, dense, for the QR solve when the normal equations are (nearly) singular.
  void dense(Eigen::MatrixXd& A, Eigen::VectorXd& b) const {
    const Eigen::Index m = S_.rows(), n = S_.cols();
    Eigen::MatrixXd B;
    P_.maternal_transition_from(t_, B);
    A.resize(m + n, m);
    A.topRows(m) = B.transpose();
    A.topRows(m).diagonal().array() -= 1.0;
    A.bottomRows(n) = S_.transpose();
    b = Eigen::VectorXd::Zero(m + n);
    b.tail(n) = f_;
  }

 private:
  struct Entry {
    Eigen::Index genotype, phenotype;
    double value;
  };

  // b - A y without the sum row: r_top_ = y - B^T y, r_mid_ = f - S^T y.
  void residual(const Eigen::VectorXd& y) {
    P_.gamete_distribution(y, u_);
    P_.offspring_from(t_, u_, r_top_);
    r_top_ = y - r_top_;
    r_mid_ = f_;
    for (const auto& e : s_entries_) r_mid_[e.phenotype] -= e.value * y[e.genotype];
  }

  // g = A^T (b - A y) = (B - I) r_top + S r_mid + w r_sum.
  void gradient(const Eigen::VectorXd& y, Eigen::VectorXd& g) {
    P_.stationarity_gradient(t_, y, r_top_, g);
    r_mid_ = f_;
    for (const auto& e : s_entries_) r_mid_[e.phenotype] -= e.value * y[e.genotype];
    if (simplex_) g.array() += w_ * w_ * (1.0 - y.sum());
    for (const auto& e : s_entries_) g[e.genotype] += e.value * r_mid_[e.phenotype];
  }

  const HeredityOperator& P_;
  const Eigen::MatrixXd& S_;
  const Eigen::VectorXd& f_;
  const bool simplex_;
  const double w_;
  std::vector<Entry> s_entries_;
  Eigen::VectorXd s_abs_;
  Eigen::MatrixXd constant_gram_;  // S S^T + w^2 1 1^T
  numeric::NormalEquations eq_;
  numeric::NnlsWorkspace workspace_;
  Eigen::VectorXd t_, u_, r_top_, r_mid_, norms_;
};

}  // namespace

StationarySolution stationary_genotypes(const HeredityOperator& P, const Eigen::MatrixXd& S,
                                        const Eigen::VectorXd& f, const Eigen::VectorXd& x0,
                                        const StationaryOptions& options, const Progress& progress,
                                        const KnownFixedPoint& known) {
  // Over the simplex, sum x = 1 is one more row, weighted so heavily that it holds to
  // rounding (Lawson and Hanson 1974, ch. 22, the weighting method for equality
  // constraints); the small remainder is divided out after each step.
  const bool simplex = options.nonnegative && options.sum_to_one;
  StepProblem step(P, S, f, simplex);

  StationarySolution out;
  Eigen::VectorXd x = x0;
  for (int it = 1; it <= options.max_iterations; ++it) {
    progress.report(static_cast<double>(it - 1) / options.max_iterations, "least squares");
    // A(x) with top block x^T P - I = B(x)^T - I (eq. 3.15, 3.33).
    step.set_iterate(x);
    // Least squares (eq. 3.24) or over x >= 0. The previous iterate warm-starts NNLS, which
    // carries on from it (numeric/nnls.hpp). The unconstrained step, which the thesis solves
    // by QR, is solved from the normal equations refined once, as accurate for these
    // well-conditioned problems; by Householder QR when they are (nearly) singular.
    Eigen::VectorXd next;
    if (options.nonnegative) {
      next = numeric::nnls(step.normal_equations(), it > 1 ? &x : nullptr, &step.workspace());
    } else if (auto solved = numeric::least_squares(step.normal_equations(), &step.workspace())) {
      next = std::move(*solved);
    } else {
      Eigen::MatrixXd A;
      Eigen::VectorXd b;
      step.dense(A, b);
      next = A.householderQr().solve(b);
    }
    if (simplex) next /= next.sum();
    const double change = (next - x).lpNorm<1>();
    const double residual = step.residual_norm2(next);
    out.trace.push_back({it, change, residual});
    x = next;
    out.iterations = it;
    out.residual = residual;
    if (change < options.tolerance) {
      out.converged = true;
      break;
    }
    const bool contracting = it > 1 && change <= 0.9 * out.trace[out.trace.size() - 2].change;
    if (known.radius > 0 && contracting && (x - *known.x).lpNorm<1>() <= known.radius) {
      out.reached_known = true;
      break;
    }
  }
  out.x = x;
  return out;
}

AttractingBall attracting_ball(const StationarySolution& run, double radius) {
  const auto& t = run.trace;
  const std::size_t n = t.size();
  if (!run.converged || n < 4 || !(t[n - 2].change > 0) || !(t[n - 3].change > 0)) return {};
  const double last = t[n - 1].change / t[n - 2].change, before = t[n - 2].change / t[n - 3].change;
  const double rate = std::max(last, before);
  if (!(rate < 0.9) || rate > 2 * std::min(last, before) || rate * (radius + t[n - 1].change) > radius) return {};
  return {radius, rate, rate * t[n - 1].change / (1 - rate)};
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
