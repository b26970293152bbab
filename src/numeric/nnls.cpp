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

}  // namespace

// What nnls keeps between calls: the Cholesky factor's storage and the vectors of one solve,
// sized once for the largest problem seen.
struct NnlsWorkspace::Storage {
  Eigen::MatrixXd L;  // lower triangle of the passive columns' Cholesky factor, top-left p x p
  std::vector<Eigen::Index> cols;  // the passive columns, in the factor's order
  std::vector<Eigen::Index> wanted;
  Eigen::VectorXd col;  // PassiveCholesky::add's new row
  Eigen::VectorXd x, z, zp, rhs, g;
  std::vector<char> passive, blocked;
};

NnlsWorkspace::NnlsWorkspace() : storage_(std::make_unique<Storage>()) {}
NnlsWorkspace::~NnlsWorkspace() = default;
NnlsWorkspace::NnlsWorkspace(NnlsWorkspace&&) noexcept = default;
NnlsWorkspace& NnlsWorkspace::operator=(NnlsWorkspace&&) noexcept = default;

namespace {

// The Cholesky factor L (lower triangular) of G_PP = A_P^T A_P for an ordered passive set P.
// A column enters at the end (one triangular solve) and leaves from anywhere (Givens
// rotations restore the triangle): O(p^2) each.
class PassiveCholesky {
 public:
  PassiveCholesky(const Eigen::MatrixXd& G, NnlsWorkspace::Storage& w) : G_(G), L_(w.L), col_(w.col), cols_(w.cols) {
    const Eigen::Index n = G.rows();
    if (L_.rows() < n) L_.resize(n, n);
    if (col_.size() < n) col_.resize(n);
    cols_.clear();
  }

  const std::vector<Eigen::Index>& columns() const { return cols_; }
  Eigen::Index size() const { return static_cast<Eigen::Index>(cols_.size()); }

  // G_ij from G's lower triangle (NormalEquations::gram).
  double gram(Eigen::Index i, Eigen::Index j) const { return i >= j ? G_(i, j) : G_(j, i); }

  // Starts from the columns `cols` at once (one factorization, right-looking, two columns
  // at a time: in wasm twice as fast as one at a time, and no slower natively); falls back to
  // adding them one by one, skipping dependent ones, when a pivot shows a dependent column.
  void reset(const std::vector<Eigen::Index>& cols) {
    cols_.clear();
    const auto p = static_cast<Eigen::Index>(cols.size());
    for (Eigen::Index k = 0; k < p; ++k)
      for (Eigen::Index i = k; i < p; ++i) L_(i, k) = gram(cols[static_cast<std::size_t>(i)], cols[static_cast<std::size_t>(k)]);
    // Column k: its pivot (the squared distance of column k from the span of the ones before),
    // checked against the column's own squared norm, then scaled.
    auto pivot = [&](Eigen::Index k) {
      double* lk = &L_(0, k);
      const double gkk = G_(cols[static_cast<std::size_t>(k)], cols[static_cast<std::size_t>(k)]);
      if (!(lk[k] > dependence * gkk)) return false;
      const double d = std::sqrt(lk[k]);
      lk[k] = d;
      for (Eigen::Index i = k + 1; i < p; ++i) lk[i] /= d;
      return true;
    };
    bool ok = true;
    for (Eigen::Index k = 0; k < p && ok; k += 2) {
      const double* a = &L_(0, k);
      if (!(ok = pivot(k))) break;
      if (k + 1 == p) break;
      double* b = &L_(0, k + 1);
      const double bk = a[k + 1];
      for (Eigen::Index i = k + 1; i < p; ++i) b[i] -= a[i] * bk;
      if (!(ok = pivot(k + 1))) break;
      for (Eigen::Index j = k + 2; j < p; ++j) {
        double* lj = &L_(0, j);
        const double x = a[j], y = b[j];
        for (Eigen::Index i = j; i < p; ++i) lj[i] -= a[i] * x + b[i] * y;
      }
    }
    if (ok) {
      cols_ = cols;
      return;
    }
    for (const Eigen::Index j : cols) add(j);
  }

  // Appends column j unless it is (numerically) a combination of the passive columns.
  bool add(Eigen::Index j) {
    const Eigen::Index p = size();
    if (p >= L_.rows()) return false;
    const double gjj = G_(j, j);
    if (!(gjj > 0)) return false;
    // Row p of L: the solution l of L l = G_Pj, by columns of L (contiguous).
    double* l = col_.data();
    for (Eigen::Index k = 0; k < p; ++k) l[k] = gram(cols_[static_cast<std::size_t>(k)], j);
    double norm2 = 0;
    for (Eigen::Index k = 0; k < p; ++k) {
      const double* lk = &L_(0, k);
      const double v = (l[k] /= lk[k]);
      for (Eigen::Index i = k + 1; i < p; ++i) l[i] -= lk[i] * v;
      norm2 += v * v;
    }
    const double d2 = gjj - norm2;
    if (!(d2 > dependence * gjj)) return false;
    for (Eigen::Index k = 0; k < p; ++k) L_(p, k) = l[k];
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

  // Solves G_PP y = rhs in place (rhs in the order of columns(), first size() entries).
  // Eigen's triangular solves: in wasm a third faster than plain loops over L's columns.
  void solve(Eigen::VectorXd& rhs) const {
    const Eigen::Index p = size();
    auto y = rhs.head(p);
    const auto L = L_.topLeftCorner(p, p);
    L.triangularView<Eigen::Lower>().solveInPlace(y);
    L.transpose().triangularView<Eigen::Upper>().solveInPlace(y);
  }

 private:
  const Eigen::MatrixXd& G_;
  Eigen::MatrixXd& L_;
  Eigen::VectorXd& col_;
  std::vector<Eigen::Index>& cols_;
};

// Least squares on the passive columns, into z (zero elsewhere), refined once with the
// residual computed from A: the normal equations alone lose accuracy as cond(A)^2, one
// refinement step recovers it.
void solve_passive(const NormalEquations& problem, const PassiveCholesky& chol, NnlsWorkspace::Storage& w,
                   Eigen::VectorXd& z) {
  const auto& cols = chol.columns();
  const auto p = static_cast<Eigen::Index>(cols.size());
  z.setZero(problem.rhs.size());
  if (p == 0) return;
  w.zp.resize(problem.rhs.size());
  for (Eigen::Index k = 0; k < p; ++k) w.zp[k] = problem.rhs[cols[static_cast<std::size_t>(k)]];
  chol.solve(w.zp);
  for (Eigen::Index k = 0; k < p; ++k) z[cols[static_cast<std::size_t>(k)]] = w.zp[k];
  problem.gradient(z, w.g);
  w.rhs.resize(problem.rhs.size());
  for (Eigen::Index k = 0; k < p; ++k) w.rhs[k] = w.g[cols[static_cast<std::size_t>(k)]];
  chol.solve(w.rhs);
  for (Eigen::Index k = 0; k < p; ++k) z[cols[static_cast<std::size_t>(k)]] = w.zp[k] + w.rhs[k];
}

}  // namespace

Eigen::VectorXd nnls(const Eigen::MatrixXd& A, const Eigen::VectorXd& b, const Eigen::VectorXd* warm_start) {
  NormalEquations problem;
  problem.tolerance = 10 * std::numeric_limits<double>::epsilon() * A.cwiseAbs().colwise().sum().maxCoeff() *
                      static_cast<double>(std::max(A.rows(), A.cols()));
  problem.gram = gram(A);
  problem.rhs = A.transpose() * b;
  problem.gradient = [&](const Eigen::VectorXd& x, Eigen::VectorXd& w) { w.noalias() = A.transpose() * (b - A * x); };
  return nnls(problem, warm_start);
}

std::optional<Eigen::VectorXd> least_squares(const NormalEquations& problem, NnlsWorkspace* workspace) {
  NnlsWorkspace local;
  NnlsWorkspace::Storage& w = *(workspace ? workspace : &local)->storage_;
  const Eigen::Index n = problem.rhs.size();
  PassiveCholesky chol(problem.gram, w);
  w.wanted.resize(static_cast<std::size_t>(n));
  for (Eigen::Index j = 0; j < n; ++j) w.wanted[static_cast<std::size_t>(j)] = j;
  chol.reset(w.wanted);
  if (chol.size() < n) return std::nullopt;
  Eigen::VectorXd x;
  solve_passive(problem, chol, w, x);
  return x;
}

Eigen::VectorXd nnls(const NormalEquations& problem, const Eigen::VectorXd* warm_start, NnlsWorkspace* workspace) {
  NnlsWorkspace local;
  NnlsWorkspace::Storage& w = *(workspace ? workspace : &local)->storage_;
  const Eigen::Index n = problem.rhs.size();
  const double tol = problem.tolerance;
  PassiveCholesky chol(problem.gram, w);
  auto columns_where = [&](auto keep) -> const std::vector<Eigen::Index>& {
    w.wanted.clear();
    for (Eigen::Index j = 0; j < n; ++j)
      if (keep(j)) w.wanted.push_back(j);
    return w.wanted;
  };
  Eigen::VectorXd& x = w.x;
  Eigen::VectorXd& z = w.z;

  // The starting point: the guess's positive part, or the unconstrained solution's.
  if (warm_start) {
    x = warm_start->cwiseMax(0.0);
  } else {
    chol.reset(columns_where([](Eigen::Index) { return true; }));
    solve_passive(problem, chol, w, x);
    if (chol.size() == n && x.minCoeff() >= 0) return x;
    x = x.cwiseMax(0.0);
  }
  chol.reset(columns_where([&](Eigen::Index j) { return x[j] > 0; }));
  // Dependent columns start at 0: still feasible.
  w.passive.assign(static_cast<std::size_t>(n), 0);
  for (const Eigen::Index j : chol.columns()) w.passive[static_cast<std::size_t>(j)] = 1;
  for (Eigen::Index j = 0; j < n; ++j)
    if (!w.passive[static_cast<std::size_t>(j)]) x[j] = 0;

  // Columns that entered and at once wanted to go negative (rounding): not offered again
  // until the passive set has changed for another reason.
  w.blocked.assign(static_cast<std::size_t>(n), 0);
  Eigen::Index entered = -1;
  for (Eigen::Index outer = 0; outer < 3 * n + 10; ++outer) {
    // Lawson-Hanson's inner loop: from the feasible x (positive on P), move towards the
    // least-squares solution on P until a passive entry reaches 0; drop it; repeat.
    for (Eigen::Index inner = 0; inner < 3 * n + 10; ++inner) {
      solve_passive(problem, chol, w, z);
      if (entered >= 0 && !(z[entered] > 0)) {
        const auto& cols = chol.columns();
        chol.remove(static_cast<Eigen::Index>(std::find(cols.begin(), cols.end(), entered) - cols.begin()));
        w.blocked[static_cast<std::size_t>(entered)] = 1;
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
        if (entered >= 0) std::fill(w.blocked.begin(), w.blocked.end(), 0);
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
    problem.gradient(x, w.g);
    w.passive.assign(static_cast<std::size_t>(n), 0);
    for (const Eigen::Index j : chol.columns()) w.passive[static_cast<std::size_t>(j)] = 1;
    Eigen::Index t = -1;
    double best = tol;
    for (Eigen::Index j = 0; j < n; ++j)
      if (!w.passive[static_cast<std::size_t>(j)] && !w.blocked[static_cast<std::size_t>(j)] && w.g[j] > best) best = w.g[j], t = j;
    if (t < 0) break;
    if (chol.add(t)) {
      entered = t;
    } else {
      w.blocked[static_cast<std::size_t>(t)] = 1;  // a combination of the passive columns
    }
  }
  return x.cwiseMax(0.0);
}

}  // namespace rbc::numeric
