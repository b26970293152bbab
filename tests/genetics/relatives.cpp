// The relatives' kernels (thesis Table 3.2) and phenotype conditionals (eq. 3.28-3.31):
// properties that hold for any population, checked on every built-in table, and a seeded
// simulation of families.
#include "genetics/relatives.hpp"

#include <catch2/catch.hpp>

#include "bloodgroup/builtin_systems.hpp"
#include "frequency/populations.hpp"
#include "genetics/gene_counting.hpp"
#include "numeric/random.hpp"

using namespace rbc;
using genetics::Relation;

namespace {

struct Case {
  const bloodgroup::System* system;
  Eigen::VectorXd f, x;  // x: Hardy-Weinberg (gene counting), exactly stationary
};

std::vector<Case> every_builtin_table() {
  std::vector<Case> out;
  for (const auto& t : frequency::builtin_populations()) {
    const auto& s = bloodgroup::builtin_system(t.system);
    const Eigen::VectorXd f = frequency::frequencies_for(s, t);
    out.push_back({&s, f, genetics::gene_counting(s, f / f.sum()).genotype_frequencies});
  }
  return out;
}

}  // namespace

TEST_CASE("relatives: every kernel row of a stationary x is a distribution, and every conditional sums to 1",
          "[relatives][property]") {
  for (const auto& c : every_builtin_table()) {
    const genetics::HeredityOperator P(*c.system);
    const Eigen::MatrixXd S = genetics::phenotype_matrix(*c.system);
    const auto k = genetics::relative_kernels(P, c.x);
    for (const auto& name : genetics::relation_names()) {
      INFO(c.system->definition().id << " " << name.id);
      const Eigen::MatrixXd K = genetics::relation_kernel(k, name.relation);
      CHECK(K.minCoeff() >= -1e-15);
      for (Eigen::Index i = 0; i < K.rows(); ++i)
        if (c.x[i] > 0) CHECK(K.row(i).sum() == Approx(1).margin(1e-12));
      for (Eigen::Index p = 0; p < S.cols(); ++p) {
        const auto rp = genetics::relative_phenotypes(K, c.x, S, static_cast<int>(p));
        if (!rp.defined) continue;
        CHECK(rp.conditional.sum() == Approx(1).margin(1e-12));
        CHECK(rp.conditional.minCoeff() >= 0);
        CHECK(rp.conditional.maxCoeff() <= 1 + 1e-12);
        // Without the division by its own total: the model's frequency of phi (stationary x).
        CHECK(rp.weight.sum() == Approx(rp.donor_weight).margin(1e-12));
      }
    }
  }
}

TEST_CASE("relatives: P(parent psi | donor phi) f_phi = P(child phi | donor psi) f_psi; parent and child, "
          "uncle / aunt and nephew / niece are equally effective",
          "[relatives][property]") {
  for (const auto& c : every_builtin_table()) {
    INFO(c.system->definition().id);
    const genetics::HeredityOperator P(*c.system);
    const Eigen::MatrixXd S = genetics::phenotype_matrix(*c.system);
    const auto k = genetics::relative_kernels(P, c.x);
    const Eigen::MatrixXd uncle = genetics::relation_kernel(k, Relation::uncle_aunt);
    const Eigen::MatrixXd nephew = genetics::relation_kernel(k, Relation::nephew_niece);
    for (Eigen::Index phi = 0; phi < S.cols(); ++phi) {
      const auto parent = genetics::relative_phenotypes(k.parent, c.x, S, static_cast<int>(phi));
      for (Eigen::Index psi = 0; psi < S.cols(); ++psi) {
        const auto child = genetics::relative_phenotypes(k.child, c.x, S, static_cast<int>(psi));
        CHECK(parent.weight[psi] == Approx(child.weight[phi]).margin(1e-14));
      }
      const auto child = genetics::relative_phenotypes(k.child, c.x, S, static_cast<int>(phi));
      const auto u = genetics::relative_phenotypes(uncle, c.x, S, static_cast<int>(phi));
      const auto n = genetics::relative_phenotypes(nephew, c.x, S, static_cast<int>(phi));
      if (!parent.defined) continue;
      CHECK(parent.conditional[phi] == Approx(child.conditional[phi]).margin(1e-12));
      CHECK(u.conditional[phi] == Approx(n.conditional[phi]).margin(1e-12));
    }
  }
}

TEST_CASE("relatives: several systems multiply; the product equals the joint genotype space, built by brute force",
          "[relatives][property]") {
  // ABO and Kell, inherited independently: the joint kernel is the Kronecker product of the
  // systems' kernels over the joint genotypes (i, k), the joint phenotypes the pairs.
  const auto cases = every_builtin_table();
  const auto& abo = cases.front();
  const auto kell = *std::find_if(cases.begin(), cases.end(), [](const Case& c) { return c.system->definition().id == "kell"; });
  const genetics::HeredityOperator Pa(*abo.system), Pk(*kell.system);
  const Eigen::MatrixXd Sa = genetics::phenotype_matrix(*abo.system), Sk = genetics::phenotype_matrix(*kell.system);
  const auto ka = genetics::relative_kernels(Pa, abo.x), kk = genetics::relative_kernels(Pk, kell.x);
  auto kron = [](const Eigen::MatrixXd& A, const Eigen::MatrixXd& B) {
    Eigen::MatrixXd out(A.rows() * B.rows(), A.cols() * B.cols());
    for (Eigen::Index i = 0; i < A.rows(); ++i)
      for (Eigen::Index j = 0; j < A.cols(); ++j) out.block(i * B.rows(), j * B.cols(), B.rows(), B.cols()) = A(i, j) * B;
    return out;
  };
  const Eigen::VectorXd x = kron(abo.x, kell.x);
  const Eigen::MatrixXd S = kron(Sa, Sk);
  for (const auto relation : {Relation::sibling, Relation::grandparent, Relation::first_cousin}) {
    const Eigen::MatrixXd Ka = genetics::relation_kernel(ka, relation), Kk = genetics::relation_kernel(kk, relation);
    const Eigen::MatrixXd K = kron(Ka, Kk);
    for (int a = 0; a < Sa.cols(); ++a)
      for (int b = 0; b < Sk.cols(); ++b) {
        const auto joint = genetics::relative_phenotypes(K, x, S, a * static_cast<int>(Sk.cols()) + b);
        const auto pa = genetics::relative_phenotypes(Ka, abo.x, Sa, a);
        const auto pb = genetics::relative_phenotypes(Kk, kell.x, Sk, b);
        CHECK(joint.conditional[a * Sk.cols() + b] == Approx(pa.conditional[a] * pb.conditional[b]).margin(1e-13));
      }
  }
}

TEST_CASE("relatives: a seeded simulation of families agrees with the sibling, parent and first-cousin kernels",
          "[relatives][validation]") {
  // Families drawn from the Hardy-Weinberg ABO population: two founders, two children; a
  // child's partner and their child give the first cousin of the other child's children.
  const auto cases = every_builtin_table();
  const auto& c = cases.front();  // ABO
  const genetics::HeredityOperator P(*c.system);
  const Eigen::MatrixXd S = genetics::phenotype_matrix(*c.system);
  const auto k = genetics::relative_kernels(P, c.x);
  numeric::Rng rng(20261125);
  auto draw = [&](const Eigen::VectorXd& p) {
    double u = numeric::uniform01(rng), acc = 0;
    for (Eigen::Index i = 0; i < p.size(); ++i)
      if ((acc += p[i]) > u) return static_cast<int>(i);
    return static_cast<int>(p.size() - 1);
  };
  auto child_of = [&](int a, int b) {
    const auto kids = P.children(a, b);
    Eigen::VectorXd p(static_cast<Eigen::Index>(kids.size()));
    for (std::size_t t = 0; t < kids.size(); ++t) p[static_cast<Eigen::Index>(t)] = kids[t].probability;
    return kids[static_cast<std::size_t>(draw(p))].genotype;
  };
  auto phenotype = [&](int g) { int p = 0; S.row(g).maxCoeff(&p); return p; };
  const int n = 200000;
  const int phi = 2;  // B: not the commonest, so the counts differ from random
  const std::vector<Relation> relations = {Relation::sibling, Relation::parent, Relation::grandparent,
                                           Relation::uncle_aunt, Relation::first_cousin};
  std::vector<int> same(relations.size(), 0);
  int donors = 0;
  for (int t = 0; t < n; ++t) {
    // Grandparents from the population; the mother and her sister are their children.
    const int grandmother = draw(c.x), grandfather = draw(c.x);
    const int mother = child_of(grandmother, grandfather), aunt = child_of(grandmother, grandfather);
    const int father = draw(c.x);
    const int donor = child_of(mother, father), sibling = child_of(mother, father);
    const int cousin = child_of(aunt, draw(c.x));
    if (phenotype(donor) != phi) continue;
    ++donors;
    const int relative[] = {sibling, mother, grandmother, aunt, cousin};
    for (std::size_t r = 0; r < relations.size(); ++r) same[r] += phenotype(relative[r]) == phi;
  }
  REQUIRE(donors > 1000);
  for (std::size_t r = 0; r < relations.size(); ++r) {
    const double p = genetics::relative_phenotypes(genetics::relation_kernel(k, relations[r]), c.x, S, phi).conditional[phi];
    const double se = std::sqrt(p * (1 - p) / donors);
    INFO(genetics::relation_name(relations[r]).id << ": " << same[r] << " of " << donors
                                                                                 << " vs " << p);
    CHECK(std::abs(double(same[r]) / donors - p) < 4 * se);
  }
}

TEST_CASE("relatives: relation_name finds each relation's own name", "[relatives][regression]") {
  for (const auto& n : genetics::relation_names()) CHECK(&genetics::relation_name(n.relation) == &n);
}
