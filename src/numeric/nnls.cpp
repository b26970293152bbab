#include "numeric/nnls.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace rbc::numeric {

namespace {

// A column whose component orthogonal to the passive columns has squared norm below this
// fraction of its own is taken as a combination of them (it would make A_P rank deficient).
constexpr double dependence = 1e-12;

// A^T A = sum over rows r of a_r a_r^T, summed over each row's nonzero entries only when
// most entries of A are 0 (the stationary iteration's A = [B(x)^T - I; S^T] is: a mother's
// children share one of her two haplotypes), so the cost is sum_r nnz(a_r)^2.
Eigen::MatrixXd gram(const Eigen::MatrixXd& A) {
  const Eigen::Index rows = A.rows(), n = A.cols();
  Eigen::MatrixXd G = Eigen::MatrixXd::Zero(n, n);
  std::vector<Eigen::Index> start(static_cast<std::size_t>(rows) + 1, 0);
  for (Eigen::Index j = 0; j < n; ++j)
    for (Eigen::Index i = 0; i < rows; ++i)
      if (A(i, j) != 0) ++start[static_cast<std::size_t>(i) + 1];
  for (std::size_t i = 0; i < static_cast<std::size_t>(rows); ++i) start[i + 1] += start[i];
  const Eigen::Index nonzeros = start.back();
  if (4 * nonzeros >= A.size()) {
    G.selfadjointView<Eigen::Lower>().rankUpdate(A.transpose());
    return G.selfadjointView<Eigen::Lower>();
  }
  // Each row's nonzeros, in increasing column order.
  std::vector<Eigen::Index> col(static_cast<std::size_t>(nonzeros));
  std::vector<double> val(static_cast<std::size_t>(nonzeros));
  std::vector<Eigen::Index> next(start.begin(), start.end() - 1);
  for (Eigen::Index j = 0; j < n; ++j)
    for (Eigen::Index i = 0; i < rows; ++i)
      if (A(i, j) != 0) {
        const auto k = static_cast<std::size_t>(next[static_cast<std::size_t>(i)]++);
        col[k] = j;
        val[k] = A(i, j);
      }
  for (std::size_t r = 0; r < static_cast<std::size_t>(rows); ++r)
    for (auto a = static_cast<std::size_t>(start[r]); a < static_cast<std::size_t>(start[r + 1]); ++a) {
      double* g = &G(0, col[a]);
      const double va = val[a];
      for (std::size_t c = a; c < static_cast<std::size_t>(start[r + 1]); ++c) g[col[c]] += va * val[c];
    }
  for (Eigen::Index j = 0; j < n; ++j)
    for (Eigen::Index i = j + 1; i < n; ++i) G(j, i) = G(i, j);
  return G;
}

// The Cholesky factor L (lower triangular) of G_PP = A_P^T A_P for an ordered passive set P.
// A column enters at the end (one triangular solve) and leaves from anywhere (Givens
// rotations restore the triangle): O(p^2) each.
class PassiveCholesky {
 public:
  explicit PassiveCholesky(const Eigen::MatrixXd& G) : G_(G), L_(G.rows(), G.rows()) {}

  const std::vector<Eigen::Index>& columns() const { return cols_; }
  Eigen::Index size() const { return static_cast<Eigen::Index>(cols_.size()); }

  // Starts from the columns `cols` at once (one blocked factorization); falls back to adding
  // them one by one, skipping dependent ones, when that fails. Returns the columns kept.
  void reset(const std::vector<Eigen::Index>& cols) {
    cols_.clear();
    const auto p = static_cast<Eigen::Index>(cols.size());
    if (p > 0) {
      Eigen::MatrixXd Gpp(p, p);
      for (Eigen::Index k = 0; k < p; ++k)
        for (Eigen::Index i = 0; i < p; ++i) Gpp(i, k) = G_(cols[static_cast<std::size_t>(i)], cols[static_cast<std::size_t>(k)]);
      const Eigen::LLT<Eigen::MatrixXd> llt(Gpp);
      bool ok = llt.info() == Eigen::Success;
      if (ok) {
        const Eigen::MatrixXd& l = llt.matrixLLT();
        for (Eigen::Index k = 0; k < p && ok; ++k) ok = l(k, k) * l(k, k) > dependence * Gpp(k, k);
        if (ok) {
          L_.topLeftCorner(p, p).triangularView<Eigen::Lower>() = l.triangularView<Eigen::Lower>();
          cols_ = cols;
          return;
        }
      }
    }
    for (const Eigen::Index j : cols) add(j);
  }

  // Appends column j unless it is (numerically) a combination of the passive columns.
  bool add(Eigen::Index j) {
    const Eigen::Index p = size();
    const double gjj = G_(j, j);
    if (!(gjj > 0)) return false;
    Eigen::VectorXd l(p);
    for (Eigen::Index k = 0; k < p; ++k) l[k] = G_(cols_[static_cast<std::size_t>(k)], j);
    L_.topLeftCorner(p, p).triangularView<Eigen::Lower>().solveInPlace(l);
    const double d2 = gjj - l.squaredNorm();
    if (!(d2 > dependence * gjj)) return false;
    L_.row(p).head(p) = l.transpose();
    L_(p, p) = std::sqrt(d2);
    cols_.push_back(j);
    return true;
  }

  // Removes the column at position `pos` of columns().
  void remove(Eigen::Index pos) {
    const Eigen::Index p = size();
    // Drop row pos; rows below move up and stick out one place right of the diagonal.
    for (Eigen::Index i = pos; i + 1 < p; ++i) L_.row(i).head(i + 2) = L_.row(i + 1).head(i + 2);
    // Rotate columns i, i+1 (from the right: L L^T is unchanged) to clear L(i, i+1).
    for (Eigen::Index i = pos; i + 1 < p; ++i) {
      const double a = L_(i, i), b = L_(i, i + 1);
      const double r = std::hypot(a, b);
      const double c = a / r, s = b / r;
      for (Eigen::Index k = i; k + 1 < p; ++k) {
        const double u = L_(k, i), v = L_(k, i + 1);
        L_(k, i) = c * u + s * v;
        L_(k, i + 1) = -s * u + c * v;
      }
      L_(i, i + 1) = 0;
    }
    cols_.erase(cols_.begin() + pos);
  }

  // Solves G_PP y = rhs (rhs in the order of columns()).
  Eigen::VectorXd solve(Eigen::VectorXd rhs) const {
    const Eigen::Index p = size();
    const auto L = L_.topLeftCorner(p, p);
    L.triangularView<Eigen::Lower>().solveInPlace(rhs);
    L.transpose().triangularView<Eigen::Upper>().solveInPlace(rhs);
    return rhs;
  }

 private:
  const Eigen::MatrixXd& G_;
  Eigen::MatrixXd L_;
  std::vector<Eigen::Index> cols_;
};

}  // namespace

Eigen::VectorXd nnls(const Eigen::MatrixXd& A, const Eigen::VectorXd& b, const Eigen::VectorXd* warm_start) {
  const Eigen::Index n = A.cols();
  const double tol = 10 * std::numeric_limits<double>::epsilon() * A.cwiseAbs().colwise().sum().maxCoeff() *
                     static_cast<double>(std::max(A.rows(), n));
  const Eigen::MatrixXd G = gram(A);
  const Eigen::VectorXd atb = A.transpose() * b;
  PassiveCholesky chol(G);

  // Least squares on the passive columns, refined once with the residual computed from A:
  // the normal equations alone lose accuracy as cond(A)^2, one refinement step recovers it.
  auto solve_passive = [&] {
    const auto& cols = chol.columns();
    const auto p = static_cast<Eigen::Index>(cols.size());
    Eigen::VectorXd z = Eigen::VectorXd::Zero(n);
    if (p == 0) return z;
    Eigen::VectorXd rhs(p);
    for (Eigen::Index k = 0; k < p; ++k) rhs[k] = atb[cols[static_cast<std::size_t>(k)]];
    Eigen::VectorXd zp = chol.solve(rhs);
    for (Eigen::Index k = 0; k < p; ++k) z[cols[static_cast<std::size_t>(k)]] = zp[k];
    const Eigen::VectorXd g = A.transpose() * (b - A * z);
    for (Eigen::Index k = 0; k < p; ++k) rhs[k] = g[cols[static_cast<std::size_t>(k)]];
    zp += chol.solve(rhs);
    for (Eigen::Index k = 0; k < p; ++k) z[cols[static_cast<std::size_t>(k)]] = zp[k];
    return z;
  };
  auto all_columns = [&](auto keep) {
    std::vector<Eigen::Index> cols;
    for (Eigen::Index j = 0; j < n; ++j)
      if (keep(j)) cols.push_back(j);
    return cols;
  };

  // The starting point: the guess's positive part, or the unconstrained solution's.
  Eigen::VectorXd x;
  if (warm_start) {
    x = warm_start->cwiseMax(0.0);
  } else {
    chol.reset(all_columns([](Eigen::Index) { return true; }));
    x = solve_passive();
    if (chol.size() == n && x.minCoeff() >= 0) return x;
    x = x.cwiseMax(0.0);
  }
  chol.reset(all_columns([&](Eigen::Index j) { return x[j] > 0; }));
  {
    std::vector<bool> kept(static_cast<std::size_t>(n), false);
    for (const Eigen::Index j : chol.columns()) kept[static_cast<std::size_t>(j)] = true;
    for (Eigen::Index j = 0; j < n; ++j)
      if (!kept[static_cast<std::size_t>(j)]) x[j] = 0;  // dependent columns start at 0: still feasible
  }

  // Columns that entered and at once wanted to go negative (rounding): not offered again
  // until the passive set has changed for another reason.
  std::vector<bool> blocked(static_cast<std::size_t>(n), false);
  Eigen::Index entered = -1;
  for (Eigen::Index outer = 0; outer < 3 * n + 10; ++outer) {
    // Lawson-Hanson's inner loop: from the feasible x (positive on P), move towards the
    // least-squares solution on P until a passive entry reaches 0; drop it; repeat.
    for (Eigen::Index inner = 0; inner < 3 * n + 10; ++inner) {
      const Eigen::VectorXd z = solve_passive();
      if (entered >= 0 && !(z[entered] > 0)) {
        const auto& cols = chol.columns();
        chol.remove(static_cast<Eigen::Index>(std::find(cols.begin(), cols.end(), entered) - cols.begin()));
        blocked[static_cast<std::size_t>(entered)] = true;
        break;  // x is unchanged, still the solution on the previous passive set
      }
      double alpha = 1;
      bool feasible = true;
      for (const Eigen::Index j : chol.columns())
        if (z[j] <= 0) {
          feasible = false;
          const double denom = x[j] - z[j];
          if (denom > 0) alpha = std::min(alpha, x[j] / denom);
        }
      if (feasible) {
        x = z;
        if (entered >= 0) std::fill(blocked.begin(), blocked.end(), false);
        break;
      }
      entered = -1;
      x += alpha * (z - x);
      const auto& cols = chol.columns();
      for (auto k = static_cast<Eigen::Index>(cols.size()) - 1; k >= 0; --k) {
        const Eigen::Index j = cols[static_cast<std::size_t>(k)];
        if (x[j] <= tol) {
          x[j] = 0;
          chol.remove(k);
        }
      }
    }
    entered = -1;
    // Kuhn-Tucker: stop when no column outside P has a positive gradient w_j.
    const Eigen::VectorXd w = A.transpose() * (b - A * x);
    std::vector<bool> passive(static_cast<std::size_t>(n), false);
    for (const Eigen::Index j : chol.columns()) passive[static_cast<std::size_t>(j)] = true;
    Eigen::Index t = -1;
    double best = tol;
    for (Eigen::Index j = 0; j < n; ++j)
      if (!passive[static_cast<std::size_t>(j)] && !blocked[static_cast<std::size_t>(j)] && w[j] > best) best = w[j], t = j;
    if (t < 0) break;
    if (chol.add(t)) {
      entered = t;
    } else {
      blocked[static_cast<std::size_t>(t)] = true;  // a combination of the passive columns
    }
  }
  return x.cwiseMax(0.0);
}

}  // namespace rbc::numeric
