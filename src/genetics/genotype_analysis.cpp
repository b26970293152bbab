#include "genetics/genotype_analysis.hpp"

#include <string>

#include "common/input_error.hpp"

namespace rbc::genetics {

GenotypeAnalysis analyse_genotypes(const bloodgroup::System& system, const Eigen::VectorXd& f,
                                   const GenotypeAnalysisOptions& options, const Progress& progress) {
  const HeredityOperator P(system);
  const Eigen::MatrixXd S = phenotype_matrix(system);
  if (options.multistart && P.genotype_count() > max_multistart_genotypes)
    throw InputError("limit_exceeded", "multistart",
                     "multistart solves one problem per genotype; this system has " +
                         std::to_string(P.genotype_count()) + " genotypes and the limit is " +
                         std::to_string(max_multistart_genotypes));

  // Multistart is most of the work when asked for: one full solve per genotype.
  const double solved = options.multistart ? 1.0 / (P.genotype_count() + 1) : 0.9;
  GenotypeAnalysis out;
  out.least_squares = stationary_genotypes(P, S, f, uniform_start(P.genotype_count()), options.stationary,
                                           progress.part(0, solved));
  out.stationarity_residual = stationarity_residual(P, out.least_squares.x);
  out.least_squares_fit = S.transpose() * out.least_squares.x;
  if (options.multistart)
    out.multistart = multistart_check(P, S, f, out.least_squares.x, options.stationary, progress.part(solved, 0.95));
  progress.report(0.95, "gene counting");
  out.gene_counting = gene_counting(system, f);
  out.max_abs_difference = (out.least_squares.x - out.gene_counting.genotype_frequencies).lpNorm<Eigen::Infinity>();
  return out;
}

}  // namespace rbc::genetics
