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

struct GenotypeAnalysisOptions {
  StationaryOptions stationary;
  bool multistart = false;  // at most max_multistart_genotypes genotypes
};

struct GenotypeAnalysis {
  StationarySolution least_squares;          // from the uniform start
  double stationarity_residual = 0;          // ||x'Px - x||_1 of least_squares.x (eq. 3.13)
  Eigen::VectorXd least_squares_fit;         // S^T x: the phenotype frequencies it implies
  std::optional<MultistartSummary> multistart;
  GeneCountingResult gene_counting;
  double max_abs_difference = 0;             // max over genotypes |x_ls - x_gc|
};

// f: phenotype frequencies aligned with system.phenotypes(), summing to 1 (see
// frequency::check_phenotype_frequencies). Throws InputError("limit_exceeded", "multistart")
// when multistart is asked for a system with more than max_multistart_genotypes genotypes.
GenotypeAnalysis analyse_genotypes(const bloodgroup::System& system, const Eigen::VectorXd& f,
                                   const GenotypeAnalysisOptions& options, const Progress& progress = {});

}  // namespace rbc::genetics
