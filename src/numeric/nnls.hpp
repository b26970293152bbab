#pragma once
// Non-negative least squares: min ||A x - b||_2 subject to x >= 0, by the active-set method
// of Lawson and Hanson (Solving Least Squares Problems, 1974, ch. 23), run on the normal
// equations as in Bro and De Jong's fast NNLS (J. Chemometrics 11, 1997): A^T A and A^T b
// are formed once (sparse when A is), the passive set's Cholesky factor is updated when a
// column enters or leaves (O(p^2) each, not a new factorization), and every passive solve is
// refined once against A itself (corrected semi-normal equations), so the accuracy is that of
// a QR solve for the well-conditioned problems met here.
#include <Eigen/Dense>
#include <functional>
#include <memory>
#include <optional>

namespace rbc::numeric {

// A: rows x cols with rows >= 1; returns x with cols entries, all >= 0, at which the
// Kuhn-Tucker conditions hold: w = A^T (b - A x) <= tol where x = 0 and |w| <= tol where
// x > 0, tol = 10 eps max_j ||A_j||_1 max(rows, cols). When A has full column rank the
// minimiser is unique; otherwise A x is, and x is one minimiser whose positive columns are
// linearly independent. A column within a relative distance of 1e-6 of the span of the
// passive ones counts as dependent, so the answer is that of a QR solve while the passive
// columns' condition number stays below about 1e6 (the blood-group systems' are far below).
// warm_start (optional, cols entries): a guess. Its positive part is the starting point: the
// method moves from there to the least-squares solution on the guess's positive columns,
// dropping the columns that would turn negative on the way, then adds columns while some
// w_j > tol. A guess whose positive columns are the optimal ones costs one solve; any guess
// gives the same answer. Without one, the unconstrained least-squares solution serves as the
// guess (and is the answer if it is non-negative).
Eigen::VectorXd nnls(const Eigen::MatrixXd& A, const Eigen::VectorXd& b, const Eigen::VectorXd* warm_start = nullptr);

// min ||A x - b|| given by what the method uses of A and b, for a caller that forms these
// faster from A's structure than from a dense A (the stationary iteration, genetics/):
// A^T A, A^T b, the Kuhn-Tucker tolerance as above, and the gradient A^T (b - A x), which
// must be computed from A itself (not as A^T b - A^T A x): the refinement that makes a solve
// from the normal equations as accurate as one by QR relies on it. nnls(A, b, warm_start)
// is nnls(NormalEquations formed from the dense A, warm_start).
struct NormalEquations {
  Eigen::MatrixXd gram;  // A^T A, cols x cols; only the lower triangle (i >= j) is read
  Eigen::VectorXd rhs;   // A^T b
  double tolerance = 0;  // 10 eps max_j ||A_j||_1 max(rows, cols)
  std::function<void(const Eigen::VectorXd& x, Eigen::VectorXd& w)> gradient;  // w = A^T (b - A x)
};

// Storage nnls and least_squares reuse from call to call, for a caller that solves many
// problems of one size (the stationary iteration: one per step); without one, each call
// allocates its own.
class NnlsWorkspace {
 public:
  NnlsWorkspace();
  ~NnlsWorkspace();
  NnlsWorkspace(NnlsWorkspace&&) noexcept;
  NnlsWorkspace& operator=(NnlsWorkspace&&) noexcept;
  struct Storage;

 private:
  friend Eigen::VectorXd nnls(const struct NormalEquations&, const Eigen::VectorXd*, NnlsWorkspace*);
  friend std::optional<Eigen::VectorXd> least_squares(const struct NormalEquations&, NnlsWorkspace*);
  std::unique_ptr<Storage> storage_;
};

Eigen::VectorXd nnls(const NormalEquations& problem, const Eigen::VectorXd* warm_start = nullptr,
                     NnlsWorkspace* workspace = nullptr);

// Unconstrained least squares min ||A x - b|| from the normal equations, refined once as
// nnls's solves are (corrected semi-normal equations); nullopt when a column is within the
// relative distance 1e-6 of the span of the others (then solve by QR instead).
std::optional<Eigen::VectorXd> least_squares(const NormalEquations& problem, NnlsWorkspace* workspace = nullptr);

}  // namespace rbc::numeric
