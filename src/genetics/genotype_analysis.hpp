#pragma once
// The Genotypes calculator's computation in one call: the stationary distribution by the
// thesis's iterated least squares (sec. 3.3.3-3.3.5), optionally checked from every unit
// vector (sec. 3.3.6), beside gene counting under Hardy-Weinberg equilibrium, and how far
// the two are apart.
#include <Eigen/Dense>
#include <optional>

#include "bloodgroup/system.hpp"
#include "common/progress.hpp"
#include "genetics/gene_counting.hpp"
#include "genetics/stationary.hpp"

namespace rbc::genetics {

// Random starts that look for other, equally good answers (at most this many genotypes).
inline constexpr int uniqueness_starts = 4;
inline constexpr int max_uniqueness_genotypes = 136;

struct GenotypeAnalysisOptions {
  StationaryOptions stationary;
  bool multistart = false;         // at most max_multistart_genotypes genotypes
  bool check_uniqueness = true;    // random starts and a structural test, see UniquenessCheck
};

// Whether the phenotype frequencies determine the answer. Two tests:
// - structural: haplotypes that express the same antigens can be swapped in every genotype
//   without changing a phenotype, so no phenotype table tells their frequencies apart;
// - numerical: the iteration from a few random starts (a fixed seed, so the same every time)
//   may reach a different x that fits as well (e.g. Rh with only DCce observed has two
//   mirror-image answers, C and c swapped).
struct UniquenessCheck {
  bool checked = false;               // false above max_uniqueness_genotypes
  int starts = 0;
  bool unique = true;                 // neither test found another answer as good
  double max_difference = 0;          // largest |x_other - x| over equally good answers (for a
                                      // start stopped in the answer's ball: the ball's L1 bound)
  std::vector<int> differing;         // genotypes whose frequency differs between them (> 1e-4)
  std::vector<std::vector<int>> indistinguishable_haplotypes;  // groups expressing the same antigens
};

struct GenotypeAnalysis {
  StationarySolution least_squares;          // from the uniform start
  double stationarity_residual = 0;          // ||x'Px - x||_1 of least_squares.x (eq. 3.13)
  Eigen::VectorXd least_squares_fit;         // S^T x: the phenotype frequencies it implies
  std::optional<MultistartSummary> multistart;
  UniquenessCheck uniqueness;
  GeneCountingResult gene_counting;
  Eigen::VectorXd least_squares_given_phenotype;  // genotype_given_phenotype of each answer
  Eigen::VectorXd gene_counting_given_phenotype;
  double max_abs_difference = 0;             // max over genotypes |x_ls - x_gc|
};

// P(genotype | its phenotype) = x_g / sum of x over the genotypes of g's phenotype: what a
// clinician asks of a typed person (P(R1r | DCce)). NaN where that sum is 0.
Eigen::VectorXd genotype_given_phenotype(const bloodgroup::System& system, const Eigen::VectorXd& x);

// ||x'Px - x||^2 + ||S'x - f||^2: how well x meets both parts of eq. 3.14; equally good
// answers have equal values.
double stationary_objective(const HeredityOperator& P, const Eigen::MatrixXd& S, const Eigen::VectorXd& f,
                            const Eigen::VectorXd& x);

// f: phenotype frequencies aligned with system.phenotypes(), summing to 1 (see
// frequency::check_phenotype_frequencies). Throws InputError("limit_exceeded", "multistart")
// when multistart is asked for a system with more than max_multistart_genotypes genotypes.
GenotypeAnalysis analyse_genotypes(const bloodgroup::System& system, const Eigen::VectorXd& f,
                                   const GenotypeAnalysisOptions& options, const Progress& progress = {});

}  // namespace rbc::genetics
