// The fetus of a mother (and father) with known phenotypes: distributions, and the
// Hardy-Weinberg values that follow by hand.
#include "genetics/pregnancy.hpp"

#include <catch2/catch.hpp>
#include <cmath>

#include "bloodgroup/builtin_systems.hpp"
#include "frequency/populations.hpp"
#include "genetics/gene_counting.hpp"

using namespace rbc;

TEST_CASE("pregnancy: the fetus's distributions are distributions, for every parents' pair of every table",
          "[pregnancy][property]") {
  for (const auto& t : frequency::builtin_populations()) {
    const auto& s = bloodgroup::builtin_system(t.system);
    Eigen::VectorXd f = frequency::frequencies_for(s, t);
    const Eigen::VectorXd x = genetics::gene_counting(s, f / f.sum()).genotype_frequencies;
    const genetics::HeredityOperator P(s);
    const Eigen::MatrixXd S = genetics::phenotype_matrix(s);
    for (int m = 0; m < S.cols(); ++m) {
      const auto mother = genetics::genotypes_given_phenotype(S, x, m);
      if (!mother) continue;
      const auto fetus = genetics::fetus_distribution(P, S, *mother, x);
      INFO(t.id << " mother " << s.phenotypes()[static_cast<std::size_t>(m)].label);
      CHECK(fetus.genotypes.sum() == Approx(1).margin(1e-12));
      CHECK(fetus.phenotypes.sum() == Approx(1).margin(1e-12));
      CHECK(fetus.genotypes.minCoeff() >= 0);
    }
  }
}

TEST_CASE("pregnancy: an RhD-negative mother's fetus is RhD-positive with the D allele's frequency "
          "(Hardy-Weinberg), and with certainty from a D/D father",
          "[pregnancy][regression]") {
  const auto& s = bloodgroup::builtin_system("rhd");
  const Eigen::VectorXd f = frequency::frequencies_for(s, frequency::builtin_population("rhd/thesis-table-3.1"));
  const Eigen::VectorXd x = genetics::gene_counting(s, f).genotype_frequencies;
  const genetics::HeredityOperator P(s);
  const Eigen::MatrixXd S = genetics::phenotype_matrix(s);
  const int d = s.phenotype_by_label("d"), D = s.phenotype_by_label("D");
  const auto mother = genetics::genotypes_given_phenotype(S, x, d);
  REQUIRE(mother);
  // A random father passes D with probability p = 1 - sqrt(f_d).
  CHECK(genetics::fetus_distribution(P, S, *mother, x).phenotypes[D] == Approx(1 - std::sqrt(f[d])).margin(1e-9));
  // An RhD-positive father: D/D with P(x_DD | D) passes D always, D/d half the time.
  const auto father = genetics::genotypes_given_phenotype(S, x, D);
  const double dd = x[s.genotypes().size() - 1] / (1 - f[d]);  // the D/D genotype, last in eq. 3.9 order
  CHECK(genetics::fetus_distribution(P, S, *mother, *father).phenotypes[D] == Approx(dd + (1 - dd) / 2).margin(1e-9));
  Eigen::VectorXd homozygous = Eigen::VectorXd::Zero(x.size());
  homozygous[x.size() - 1] = 1;
  CHECK(genetics::fetus_distribution(P, S, *mother, homozygous).phenotypes[D] == Approx(1));
  // No mass under x: not defined.
  CHECK_FALSE(genetics::genotypes_given_phenotype(S, Eigen::VectorXd::Zero(x.size()), d));
}
