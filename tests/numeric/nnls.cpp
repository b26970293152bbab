#include "numeric/nnls.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <random>

#include "bloodgroup/builtin_systems.hpp"
#include "frequency/populations.hpp"
#include "genetics/heredity.hpp"
#include "genetics/stationary.hpp"
#include "support/assert_near.hpp"
#include "support/large_systems.hpp"
#include "support/nnls_reference.hpp"

using namespace rbc;

namespace {

// Entries in [-1, 1) from the fixed generator's bits (the same on every standard library).
Eigen::MatrixXd random_matrix(test::Uniform01& u, Eigen::Index rows, Eigen::Index cols) {
  Eigen::MatrixXd M(rows, cols);
  for (auto& v : M.reshaped()) v = 2 * u() - 1;
  return M;
}

// The Kuhn-Tucker conditions of min ||A x - b|| over x >= 0, with w = A^T (b - A x):
// x >= 0, w <= tol where x = 0, |w| <= tol where x > 0.
void check_kuhn_tucker(const Eigen::MatrixXd& A, const Eigen::VectorXd& b, const Eigen::VectorXd& x, double tol) {
  const Eigen::VectorXd w = A.transpose() * (b - A * x);
  for (Eigen::Index j = 0; j < x.size(); ++j) {
    INFO("column " << j << ": x " << x[j] << ", w " << w[j]);
    CHECK(x[j] >= 0);
    CHECK(w[j] <= tol);
    if (x[j] > 0) CHECK(std::abs(w[j]) <= tol);
  }
}

// The least residual norm over x >= 0 by enumeration (n <= 10): the optimum is the
// least-squares solution on its own support, so it is the best among the subsets whose
// minimum-norm least-squares solution is non-negative. Also returns that x.
double brute_force_residual(const Eigen::MatrixXd& A, const Eigen::VectorXd& b, Eigen::VectorXd* best_x = nullptr) {
  const Eigen::Index n = A.cols();
  double best = b.norm();
  if (best_x) *best_x = Eigen::VectorXd::Zero(n);
  for (unsigned mask = 1; mask < (1u << n); ++mask) {
    std::vector<Eigen::Index> cols;
    for (Eigen::Index j = 0; j < n; ++j)
      if (mask & (1u << j)) cols.push_back(j);
    const Eigen::MatrixXd Ap = A(Eigen::all, cols);
    const Eigen::VectorXd zp = Ap.completeOrthogonalDecomposition().solve(b);
    if (zp.minCoeff() < -1e-12) continue;
    const double r = (Ap * zp - b).norm();
    if (r < best) {
      best = r;
      if (best_x) {
        best_x->setZero();
        for (std::size_t k = 0; k < cols.size(); ++k) (*best_x)[cols[k]] = zp[static_cast<Eigen::Index>(k)];
      }
    }
  }
  return best;
}

}  // namespace

TEST_CASE("nnls: equals ordinary least squares when that is non-negative", "[numeric][property]") {
  Eigen::MatrixXd A(4, 2);
  A << 1, 0, 0, 1, 1, 1, 2, 1;
  const Eigen::VectorXd x = test::vec({0.3, 0.7});
  test::assert_near(numeric::nnls(A, A * x), x, 1e-12);
}

TEST_CASE("nnls: satisfies the Kuhn-Tucker conditions on random problems", "[numeric][property]") {
  test::Uniform01 u(3);
  for (const auto& [rows, cols] : std::vector<std::pair<int, int>>{{12, 6}, {40, 30}, {120, 100}, {8, 20}}) {
    for (int trial = 0; trial < 10; ++trial) {
      INFO(rows << " x " << cols << ", trial " << trial);
      const Eigen::MatrixXd A = random_matrix(u, rows, cols);
      const Eigen::VectorXd b = random_matrix(u, rows, 1);
      check_kuhn_tucker(A, b, numeric::nnls(A, b), 1e-9);
      const Eigen::VectorXd guess = random_matrix(u, cols, 1);
      check_kuhn_tucker(A, b, numeric::nnls(A, b, &guess), 1e-9);
    }
  }
}

TEST_CASE("nnls: agrees with enumerating every passive set on small problems", "[numeric][property]") {
  test::Uniform01 u(5);
  for (int n = 1; n <= 8; ++n) {
    for (int trial = 0; trial < 8; ++trial) {
      INFO("n " << n << ", trial " << trial);
      const Eigen::MatrixXd A = random_matrix(u, n + 3, n);
      const Eigen::VectorXd b = random_matrix(u, n + 3, 1);
      Eigen::VectorXd expected;
      const double r = brute_force_residual(A, b, &expected);
      const Eigen::VectorXd x = numeric::nnls(A, b);
      CHECK((A * x - b).norm() == Approx(r).epsilon(1e-12).margin(1e-14));
      test::assert_near(x, expected, 1e-10);  // full column rank: the minimiser is unique
    }
  }
}

TEST_CASE("nnls: rank-deficient A gives the least residual and an independent support", "[numeric][property]") {
  test::Uniform01 u(17);
  for (int trial = 0; trial < 20; ++trial) {
    INFO("trial " << trial);
    // Six columns spanning three dimensions: repeated, scaled and summed columns, and a zero one.
    const Eigen::MatrixXd base = random_matrix(u, 7, 3);
    Eigen::MatrixXd A(7, 7);
    A << base, base.col(0), 2 * base.col(1), base.col(0) + base.col(2), Eigen::VectorXd::Zero(7);
    const Eigen::VectorXd b = random_matrix(u, 7, 1);
    Eigen::VectorXd best;
    const double r = brute_force_residual(A, b, &best);
    const Eigen::VectorXd guess = random_matrix(u, 7, 1).cwiseAbs();  // every column positive
    for (const Eigen::VectorXd* warm : {static_cast<const Eigen::VectorXd*>(nullptr), &guess}) {
      const Eigen::VectorXd x = numeric::nnls(A, b, warm);
      check_kuhn_tucker(A, b, x, 1e-9);
      CHECK((A * x - b).norm() == Approx(r).epsilon(1e-10).margin(1e-12));
      // A x is unique even though x is not. (The old solver, nnls_reference, returned NaN
      // here: its QR solve divided by the zero pivot of a dependent passive column.)
      test::assert_near(A * x, A * best, 1e-9);
      std::vector<Eigen::Index> support;
      for (Eigen::Index j = 0; j < 7; ++j)
        if (x[j] > 0) support.push_back(j);
      if (!support.empty())
        CHECK(static_cast<Eigen::Index>(support.size()) ==
              Eigen::MatrixXd(A(Eigen::all, support)).colPivHouseholderQr().rank());
    }
  }
}

TEST_CASE("nnls: degenerate inputs (b = 0, b in the cone, A with a zero column, one row)", "[numeric][property]") {
  test::Uniform01 u(23);
  const Eigen::MatrixXd A = random_matrix(u, 6, 4);
  test::assert_near(numeric::nnls(A, Eigen::VectorXd::Zero(6)), Eigen::VectorXd::Zero(4), 0);
  const Eigen::VectorXd x = test::vec({0, 0.5, 0, 2});  // b = A x with x on the boundary
  test::assert_near(numeric::nnls(A, A * x), x, 1e-12);
  test::assert_near(numeric::nnls(A, A * x, &x), x, 1e-12);
  Eigen::MatrixXd Z = A;
  Z.col(2).setZero();
  const Eigen::VectorXd b = random_matrix(u, 6, 1);
  const Eigen::VectorXd xz = numeric::nnls(Z, b);
  CHECK(xz[2] == 0);
  check_kuhn_tucker(Z, b, xz, 1e-9);
  Eigen::MatrixXd row(1, 3);
  row << 1, -2, 3;
  check_kuhn_tucker(row, test::vec({-1}), numeric::nnls(row, test::vec({-1})), 1e-12);
  CHECK((row * numeric::nnls(row, test::vec({-1})))(0) == Approx(-1));
}

TEST_CASE("nnls: a warm start gives the same answer as a cold one, however far off", "[numeric][property]") {
  test::Uniform01 u(11);
  for (const auto& [rows, cols] : std::vector<std::pair<int, int>>{{10, 5}, {60, 40}}) {
    for (int trial = 0; trial < 10; ++trial) {
      INFO(rows << " x " << cols << ", trial " << trial);
      const Eigen::MatrixXd A = random_matrix(u, rows, cols);
      const Eigen::VectorXd b = random_matrix(u, rows, 1);
      const Eigen::VectorXd cold = numeric::nnls(A, b);
      const Eigen::VectorXd mixed = random_matrix(u, cols, 1);  // infeasible: negative entries
      const Eigen::VectorXd far = 1e6 * mixed.cwiseAbs();       // feasible, far away, full support
      const Eigen::VectorXd negative = -mixed.cwiseAbs();       // nothing positive
      const Eigen::VectorXd zero = Eigen::VectorXd::Zero(cols);
      const Eigen::VectorXd complement = (cold.array() > 0).select(0.0, Eigen::VectorXd::Ones(cols));  // every wrong column
      const Eigen::VectorXd superset = cold + 0.1 * mixed.cwiseAbs();                                 // the right ones and more
      for (const Eigen::VectorXd* guess : {&cold, &mixed, &far, &negative, &zero, &complement, &superset})
        test::assert_near(numeric::nnls(A, b, guess), cold, 1e-10);
    }
  }
}

TEST_CASE("nnls: same answer as the Lawson-Hanson QR solver on every step of the built-in tables' iterations",
          "[numeric][regression]") {
  for (const auto& table : frequency::builtin_populations()) {
    const auto& s = bloodgroup::builtin_system(table.system);
    INFO(table.id);
    const genetics::HeredityOperator P(s);
    const Eigen::MatrixXd S = genetics::phenotype_matrix(s);
    const Eigen::VectorXd f = frequency::frequencies_for(s, table);
    const Eigen::Index m = S.rows(), n = S.cols();
    // The iteration of genetics::stationary_genotypes, checking each step's NNLS.
    for (const Eigen::VectorXd& x0 : {genetics::uniform_start(static_cast<int>(m)), Eigen::VectorXd(Eigen::VectorXd::Unit(m, 0))}) {
      Eigen::MatrixXd A(m + n, m);
      A.bottomRows(n) = S.transpose();
      Eigen::VectorXd b = Eigen::VectorXd::Zero(m + n);
      b.tail(n) = f;
      Eigen::VectorXd x = x0;
      for (int it = 1; it <= 200; ++it) {
        A.topRows(m) = P.maternal_transition(x).transpose();
        A.topRows(m).diagonal().array() -= 1.0;
        const Eigen::VectorXd* warm = it > 1 ? &x : nullptr;
        const Eigen::VectorXd next = numeric::nnls(A, b, warm);
        INFO("iteration " << it);
        CHECK((next - test::nnls_reference(A, b, warm)).lpNorm<Eigen::Infinity>() <= 1e-9);
        const double change = (next - x).lpNorm<1>();
        x = next;
        if (change < genetics::default_stationary_tolerance) break;
      }
    }
  }
}

// Hidden ([.]): the old solver takes seconds at 300 genotypes. Run with
// rbcmatch_tests "[large]".
TEST_CASE("nnls: same answer as the Lawson-Hanson QR solver at the API's size limits", "[numeric][regression][.][large]") {
  for (const auto& c : test::large_cases()) {
    INFO(c.name);
    const auto s = bloodgroup::System::build(c.definition);
    const genetics::HeredityOperator P(s);
    const Eigen::MatrixXd S = genetics::phenotype_matrix(s);
    const Eigen::Index m = S.rows(), n = S.cols();
    Eigen::MatrixXd A(m + n, m);
    A.bottomRows(n) = S.transpose();
    Eigen::VectorXd b = Eigen::VectorXd::Zero(m + n);
    b.tail(n) = c.f;
    Eigen::VectorXd x = genetics::uniform_start(static_cast<int>(m));
    for (int it = 1; it <= 100; ++it) {
      A.topRows(m) = P.maternal_transition(x).transpose();
      A.topRows(m).diagonal().array() -= 1.0;
      const Eigen::VectorXd* warm = it > 1 ? &x : nullptr;
      const Eigen::VectorXd next = numeric::nnls(A, b, warm);
      INFO("iteration " << it);
      CHECK((next - test::nnls_reference(A, b, warm)).lpNorm<Eigen::Infinity>() <= 1e-9);
      check_kuhn_tucker(A, b, next, 1e-9);
      const double change = (next - x).lpNorm<1>();
      x = next;
      if (change < genetics::default_stationary_tolerance) break;
    }
  }
}
