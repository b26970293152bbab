#include "genetics/genotype_analysis.hpp"

#include <catch2/catch.hpp>

#include "bloodgroup/builtin_systems.hpp"
#include "frequency/populations.hpp"

using namespace rbc;

namespace {

genetics::GenotypeAnalysis analyse(const bloodgroup::System& s, Eigen::VectorXd f, bool sum_to_one = true) {
  f /= f.sum();
  genetics::GenotypeAnalysisOptions o;
  o.stationary.sum_to_one = sum_to_one;
  return genetics::analyse_genotypes(s, f, o);
}

}  // namespace

TEST_CASE("analyse_genotypes: every built-in table determines its answer", "[genetics][property]") {
  for (const auto& t : frequency::builtin_populations()) {
    INFO(t.id);
    const auto& s = bloodgroup::builtin_system(t.system);
    const auto a = analyse(s, frequency::frequencies_for(s, t));
    CHECK(a.uniqueness.checked);
    CHECK(a.uniqueness.starts == genetics::uniqueness_starts);
    CHECK(a.uniqueness.unique);
    CHECK(a.uniqueness.differing.empty());
  }
}

TEST_CASE("analyse_genotypes: Rh with only DCce observed has mirror-image answers over x >= 0, and says so",
          "[genetics][regression]") {
  const auto& rh = bloodgroup::builtin_system("rh");
  Eigen::VectorXd f = Eigen::VectorXd::Zero(static_cast<Eigen::Index>(rh.phenotypes().size()));
  f[rh.phenotype_by_label("DCce")] = 1;
  const auto a = analyse(rh, f, false);
  CHECK_FALSE(a.uniqueness.unique);
  CHECK(a.uniqueness.max_difference > 0.01);
  CHECK_FALSE(a.uniqueness.differing.empty());
  // The same every time: the random starts have a fixed seed.
  CHECK(analyse(rh, f, false).uniqueness.differing == a.uniqueness.differing);
  // Over the simplex the answer is unique and symmetric in C and c, and a distribution.
  const auto d = analyse(rh, f);
  CHECK(d.uniqueness.unique);
  CHECK(d.least_squares.x.sum() == Approx(1.0).margin(1e-12));
  const auto x = [&](const char* label) {
    for (std::size_t g = 0; g < rh.genotypes().size(); ++g)
      if (rh.genotypes()[g].label == label) return d.least_squares.x[static_cast<Eigen::Index>(g)];
    FAIL(label);
    return 0.0;
  };
  CHECK(x("dce/DCe") == Approx(x("dCe/Dce")).margin(1e-6));
  CHECK(x("Dce/Dce") == Approx(x("DCe/DCe")).margin(1e-6));
}

TEST_CASE("analyse_genotypes: two silent alleles no phenotype tells apart are named", "[genetics][regression]") {
  const auto s = bloodgroup::System::build(
      {"", "Kell with two silent alleles", {"K", "k"}, {{"KEL", {{"K", {"K"}}, {"k", {"k"}}, {"s1", {}}, {"s2", {}}}}}});
  const auto a = analyse(s, Eigen::VectorXd::Constant(static_cast<Eigen::Index>(s.phenotypes().size()), 1.0));
  CHECK_FALSE(a.uniqueness.unique);
  REQUIRE(a.uniqueness.indistinguishable_haplotypes.size() == 1);
  CHECK(a.uniqueness.indistinguishable_haplotypes[0] == std::vector<int>{2, 3});
}

TEST_CASE("analyse_genotypes: the check can be turned off and is skipped above its size limit", "[genetics][property]") {
  const auto& abo = bloodgroup::builtin_system("abo");
  genetics::GenotypeAnalysisOptions off;
  off.check_uniqueness = false;
  Eigen::VectorXd f(4);
  f << 0.44, 0.43, 0.09, 0.04;
  const auto a = genetics::analyse_genotypes(abo, f, off);
  CHECK_FALSE(a.uniqueness.checked);
  CHECK(a.uniqueness.starts == 0);
}

TEST_CASE("genotype_given_phenotype: sums to 1 within each phenotype that occurs", "[genetics][property]") {
  for (const auto& t : frequency::builtin_populations()) {
    INFO(t.id);
    const auto& s = bloodgroup::builtin_system(t.system);
    const auto a = analyse(s, frequency::frequencies_for(s, t));
    for (const Eigen::VectorXd* x : {&a.least_squares.x, &a.gene_counting.genotype_frequencies}) {
      const Eigen::VectorXd p = genetics::genotype_given_phenotype(s, *x);
      for (const auto& phenotype : s.phenotypes()) {
        double total = 0, mass = 0;
        for (int g : phenotype.genotypes) mass += (*x)[g];
        if (mass <= 0) continue;
        for (int g : phenotype.genotypes) {
          CHECK(p[g] >= 0);
          CHECK(p[g] <= 1);
          total += p[g];
        }
        CHECK(total == Approx(1.0).margin(1e-12));
      }
    }
  }
}
