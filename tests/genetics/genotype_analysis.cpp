#include "genetics/genotype_analysis.hpp"

#include <catch2/catch.hpp>

#include "bloodgroup/builtin_systems.hpp"
#include "frequency/populations.hpp"

using namespace rbc;

namespace {

genetics::GenotypeAnalysis analyse(const bloodgroup::System& s, Eigen::VectorXd f) {
  f /= f.sum();
  return genetics::analyse_genotypes(s, f, {});
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

TEST_CASE("analyse_genotypes: Rh with only DCce observed has mirror-image answers, and says so", "[genetics][regression]") {
  const auto& rh = bloodgroup::builtin_system("rh");
  Eigen::VectorXd f = Eigen::VectorXd::Zero(static_cast<Eigen::Index>(rh.phenotypes().size()));
  f[rh.phenotype_by_label("DCce")] = 1;
  const auto a = analyse(rh, f);
  CHECK_FALSE(a.uniqueness.unique);
  CHECK(a.uniqueness.max_difference > 0.01);
  CHECK_FALSE(a.uniqueness.differing.empty());
  // The same every time: the random starts have a fixed seed.
  CHECK(analyse(rh, f).uniqueness.differing == a.uniqueness.differing);
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
