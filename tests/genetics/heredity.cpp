#include "genetics/heredity.hpp"

#include <catch2/catch.hpp>

#include "bloodgroup/builtin_systems.hpp"
#include "genetics/gene_counting.hpp"
#include "support/assert_near.hpp"

using namespace rbc;

TEST_CASE("HeredityOperator: P(.|i,j) is a symmetric distribution over at most four children (eq. 3.11-3.12)",
          "[genetics][property]") {
  for (const auto& d : bloodgroup::builtin_system_definitions()) {
    const genetics::HeredityOperator P(bloodgroup::builtin_system(d.id));
    for (int i = 0; i < P.genotype_count(); ++i)
      for (int j = 0; j < P.genotype_count(); ++j) {
        const auto ij = P.children(i, j), ji = P.children(j, i);
        CHECK(ij.size() <= 4);
        double total = 0;
        for (const auto& c : ij) {
          total += c.probability;
          double mirrored = 0;
          for (const auto& c2 : ji)
            if (c2.genotype == c.genotype) mirrored = c2.probability;
          CHECK(mirrored == Approx(c.probability));
        }
        CHECK(total == Approx(1.0));
      }
  }
}

TEST_CASE("HeredityOperator: RhD inheritance matrix of Fig. 3.2", "[genetics][validation]") {
  const genetics::HeredityOperator P(bloodgroup::builtin_system("rhd"));  // dd, Dd, DD
  // Dd x Dd -> dd 1/4, Dd 1/2, DD 1/4.
  Eigen::VectorXd child = Eigen::VectorXd::Zero(3);
  for (const auto& c : P.children(1, 1)) child[c.genotype] = c.probability;
  test::assert_near(child, test::vec({0.25, 0.5, 0.25}), 1e-15);
  // B(x) for x = (0, 1, 0): Table 3.5, second column.
  const Eigen::MatrixXd B = P.maternal_transition(test::vec({0, 1, 0}));
  test::assert_near(B.row(0).transpose(), test::vec({0.5, 0.5, 0}), 1e-15);
  test::assert_near(B.row(1).transpose(), test::vec({0.25, 0.5, 0.25}), 1e-15);
  test::assert_near(B.row(2).transpose(), test::vec({0, 0.5, 0.5}), 1e-15);
}

TEST_CASE("HeredityOperator: a Hardy-Weinberg population is stationary (eq. 3.13)", "[genetics][property]") {
  const auto& rh = bloodgroup::builtin_system("rh");
  const genetics::HeredityOperator P(rh);
  Eigen::VectorXd p(8);
  p << 0.39, 0.01, 0.02, 0.001, 0.03, 0.14, 0.4, 0.009;
  const Eigen::VectorXd x = genetics::hardy_weinberg(rh, p);
  test::assert_near(P.offspring(x, x), x, 1e-15);
  // B(x) is a stochastic matrix.
  const Eigen::MatrixXd B = P.maternal_transition(x);
  test::assert_near(B.rowwise().sum(), Eigen::VectorXd::Ones(36), 1e-14);
}
