#include "genetics/gene_counting.hpp"

#include <catch2/catch.hpp>

#include "bloodgroup/builtin_systems.hpp"
#include "genetics/heredity.hpp"
#include "support/assert_near.hpp"

using namespace rbc;

TEST_CASE("gene_counting: recovers the haplotype frequencies of a Hardy-Weinberg population", "[genetics][property]") {
  const auto& abo = bloodgroup::builtin_system("abo");
  const Eigen::VectorXd p = test::vec({0.66, 0.27, 0.07});  // O, A, B
  const Eigen::VectorXd f = genetics::phenotype_matrix(abo).transpose() * genetics::hardy_weinberg(abo, p);
  const auto r = genetics::gene_counting(abo, f);
  CHECK(r.converged);
  test::assert_near(r.haplotype_frequencies, p, 1e-7);
  CHECK(r.kl_divergence == Approx(0).margin(1e-12));
}

TEST_CASE("gene_counting: ABO of Table 3.1 differs from eq. 3.5 as NOTES.md says", "[genetics][validation]") {
  const auto& abo = bloodgroup::builtin_system("abo");
  const auto r = genetics::gene_counting(abo, test::vec({0.44, 0.43, 0.09, 0.04}));
  CHECK(r.converged);
  CHECK(r.genotype_frequencies.sum() == Approx(1.0));
  CHECK(r.genotype_frequencies[2] == Approx(0.089).margin(5e-4));  // OB: 0.089, not eq. 3.5's 0.087
  CHECK(r.kl_divergence > 0);  // four phenotypes, two free allele frequencies: no exact fit
}

TEST_CASE("gene_counting: a phenotype of frequency 0 drives its silent allele to 0 (sec. 3.5.2)", "[genetics][property]") {
  const auto& fy = bloodgroup::builtin_system("duffy");
  const auto r = genetics::gene_counting(fy, test::vec({0.0, 0.18, 0.33, 0.49}));
  CHECK(r.haplotype_frequencies[0] < 1e-3);
  CHECK(r.genotype_frequencies.minCoeff() >= 0);
  CHECK(r.genotype_frequencies.sum() == Approx(1.0));
}

TEST_CASE("gene_counting: kl_divergence stays finite when a frequency near 1e-308 underflows the fit", "[genetics][regression]") {
  // Found by fuzz/request_fuzzer: Fy(a+b+) = 5e-324 leaves Fyb's frequency, and so that
  // phenotype's fit, at 0; the divergence was +infinity and the API printed it as null.
  const auto& fy = bloodgroup::builtin_system("duffy");
  const auto r = genetics::gene_counting(fy, test::vec({1e-300, 1.0, 0.0, 5e-324}));
  CHECK(std::isfinite(r.kl_divergence));
  CHECK(r.kl_divergence >= 0);
  CHECK(r.kl_divergence < 1e-9);
  CHECK(r.genotype_frequencies.sum() == Approx(1.0));
}
