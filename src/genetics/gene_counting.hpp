#pragma once
// A second, independent estimate: maximum-likelihood haplotype frequencies by gene counting
// (the EM algorithm of Ceppellini, Siniscalco and Smith, 1955) under Hardy-Weinberg
// equilibrium, and the genotype distribution they imply. A Hardy-Weinberg distribution is
// exactly stationary under random mating (eq. 3.13 holds), so where the phenotype
// frequencies are not exactly those of such a population, this method keeps stationarity
// and fits f by likelihood, while the least-squares iteration trades one against the other.
#include <Eigen/Dense>

#include "bloodgroup/system.hpp"
#include "common/progress.hpp"

namespace rbc::genetics {

struct GeneCountingOptions {
  double tolerance = 1e-10;   // on the L1 change of the haplotype frequencies
  int max_iterations = 200000;
};

struct GeneCountingResult {
  Eigen::VectorXd haplotype_frequencies;  // sum to 1
  Eigen::VectorXd genotype_frequencies;   // Hardy-Weinberg, eq. 3.9 order
  Eigen::VectorXd phenotype_fit;          // S^T x
  int iterations = 0;
  bool converged = false;
  double kl_divergence = 0;  // sum f log(f / fit) over f > 0: 0 when the fit is exact
};

// f: phenotype frequencies aligned with system.phenotypes(), summing to 1. A checkpoint per
// iteration.
GeneCountingResult gene_counting(const bloodgroup::System& system, const Eigen::VectorXd& f,
                                 const GeneCountingOptions& options = {}, const Progress& progress = {});

// x_{a,a} = p_a^2 and x_{a,b} = 2 p_a p_b: the Hardy-Weinberg genotype distribution.
Eigen::VectorXd hardy_weinberg(const bloodgroup::System& system, const Eigen::VectorXd& p);

}  // namespace rbc::genetics
