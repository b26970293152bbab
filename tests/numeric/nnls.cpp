#include "numeric/nnls.hpp"

#include <catch2/catch.hpp>
#include <random>

#include "support/assert_near.hpp"

using namespace rbc;

TEST_CASE("nnls: equals ordinary least squares when that is non-negative", "[numeric][property]") {
  Eigen::MatrixXd A(4, 2);
  A << 1, 0, 0, 1, 1, 1, 2, 1;
  const Eigen::VectorXd x = test::vec({0.3, 0.7});
  test::assert_near(numeric::nnls(A, A * x), x, 1e-12);
}

TEST_CASE("nnls: satisfies the Kuhn-Tucker conditions on random problems", "[numeric][property]") {
  std::mt19937_64 rng(3);
  std::normal_distribution<double> g;
  for (int trial = 0; trial < 20; ++trial) {
    Eigen::MatrixXd A(12, 6);
    Eigen::VectorXd b(12);
    for (auto& v : A.reshaped()) v = g(rng);
    for (auto& v : b) v = g(rng);
    const Eigen::VectorXd x = numeric::nnls(A, b);
    const Eigen::VectorXd w = A.transpose() * (b - A * x);  // minus the gradient
    for (Eigen::Index j = 0; j < x.size(); ++j) {
      CHECK(x[j] >= 0);
      CHECK(w[j] <= 1e-9);                      // no descent direction into x_j > 0
      if (x[j] > 1e-12) CHECK(std::abs(w[j]) <= 1e-9);  // complementary slackness
    }
  }
}

TEST_CASE("nnls: a warm start gives the same answer as a cold one", "[numeric][property]") {
  std::mt19937_64 rng(11);
  std::normal_distribution<double> g;
  for (int trial = 0; trial < 20; ++trial) {
    Eigen::MatrixXd A(10, 5);
    Eigen::VectorXd b(10), guess(5);
    for (auto& v : A.reshaped()) v = g(rng);
    for (auto& v : b) v = g(rng);
    for (auto& v : guess) v = g(rng);  // right or wrong, the answer must not change
    const Eigen::VectorXd cold = numeric::nnls(A, b);
    test::assert_near(numeric::nnls(A, b, &cold), cold, 1e-10);
    test::assert_near(numeric::nnls(A, b, &guess), cold, 1e-10);
  }
}
