#pragma once
// Non-negative least squares: min ||A x - b||_2 subject to x >= 0, by the active-set method
// of Lawson and Hanson (Solving Least Squares Problems, 1974, ch. 23). Each inner step is an
// ordinary least-squares solve (Householder QR) on the current passive set.
#include <Eigen/Dense>

namespace rbc::numeric {

// A: rows x cols with rows >= 1; returns x with cols entries, all >= 0.
// warm_start (optional, cols entries): a guess whose positive entries name the columns
// expected to be positive. When that guess is optimal (checked by the Kuhn-Tucker
// conditions) it costs one least-squares solve; otherwise the cold method runs. Without
// one, the unconstrained least-squares solution serves as the guess.
Eigen::VectorXd nnls(const Eigen::MatrixXd& A, const Eigen::VectorXd& b, const Eigen::VectorXd* warm_start = nullptr);

}  // namespace rbc::numeric
