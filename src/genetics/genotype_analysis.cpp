#include "genetics/genotype_analysis.hpp"

#include <algorithm>
#include <limits>
#include <string>

#include "common/input_error.hpp"
#include "numeric/random.hpp"

namespace rbc::genetics {
namespace {

constexpr std::uint64_t uniqueness_seed = 20201124;
constexpr double differs = 1e-4;  // as multistart_agreement

std::vector<std::vector<int>> same_antigen_haplotypes(const bloodgroup::System& system) {
  std::vector<std::vector<int>> groups;
  const auto& h = system.haplotypes();
  std::vector<bool> grouped(h.size(), false);
  for (std::size_t a = 0; a < h.size(); ++a) {
    if (grouped[a]) continue;
    std::vector<int> group{static_cast<int>(a)};
    for (std::size_t b = a + 1; b < h.size(); ++b)
      if (h[b].antigens == h[a].antigens) group.push_back(static_cast<int>(b)), grouped[b] = true;
    if (group.size() > 1) groups.push_back(std::move(group));
  }
  return groups;
}

// A point drawn uniformly from the probability simplex: normalised exponential draws.
Eigen::VectorXd random_start(numeric::Rng& rng, Eigen::Index n) {
  Eigen::VectorXd x(n);
  for (Eigen::Index i = 0; i < n; ++i) x[i] = numeric::exponential(rng, 1.0);
  return x / x.sum();
}

// A random start that enters the answer's attracting ball (as wide as the check's resolution)
// while contracting stops there: it is taken to converge to the answer's fixed point (a
// heuristic, stationary.hpp), and the rest of its run (a quarter of it for Rh) to tell nothing
// more; the ball's bound on its limit's distance stands for its difference from the answer.
UniquenessCheck check_uniqueness(const bloodgroup::System& system, const HeredityOperator& P,
                                 const Eigen::MatrixXd& S, const Eigen::VectorXd& f, const StationarySolution& answer,
                                 const StationaryOptions& options, const Progress& progress) {
  const Eigen::VectorXd& x = answer.x;
  UniquenessCheck out;
  out.indistinguishable_haplotypes = same_antigen_haplotypes(system);
  if (!out.indistinguishable_haplotypes.empty()) out.unique = false;
  if (P.genotype_count() > max_uniqueness_genotypes) return out;
  out.checked = true;
  const double best = stationary_objective(P, S, f, x);
  const AttractingBall ball = attracting_ball(answer, differs);
  const KnownFixedPoint known{&x, ball.radius};
  numeric::Rng rng(uniqueness_seed);
  Eigen::VectorXd spread = Eigen::VectorXd::Zero(x.size());
  double reached = 0;  // the ball's bound, once a start stopped in it
  for (int k = 0; k < uniqueness_starts; ++k) {
    const Eigen::VectorXd start = random_start(rng, x.size());
    const auto run = stationary_genotypes(P, S, f, start, options,
                                          progress.part(double(k) / uniqueness_starts, double(k + 1) / uniqueness_starts),
                                          known);
    ++out.starts;
    if (run.reached_known) {
      reached = ball.limit_distance;
      continue;
    }
    if (!run.converged) continue;
    // As good as the answer, to the precision the iteration reaches.
    const bool as_good = stationary_objective(P, S, f, run.x) <= best + 1e-9 + 1e-6 * best;
    if (as_good) spread = spread.cwiseMax((run.x - x).cwiseAbs());
  }
  out.max_difference = std::max(reached, spread.size() ? spread.maxCoeff() : 0.0);
  for (Eigen::Index g = 0; g < spread.size(); ++g)
    if (spread[g] > differs) out.differing.push_back(static_cast<int>(g));
  if (!out.differing.empty()) out.unique = false;
  return out;
}

}  // namespace

Eigen::VectorXd genotype_given_phenotype(const bloodgroup::System& system, const Eigen::VectorXd& x) {
  Eigen::VectorXd out(x.size());
  for (const auto& phenotype : system.phenotypes()) {
    double total = 0;
    for (int g : phenotype.genotypes) total += std::max(0.0, x[g]);
    for (int g : phenotype.genotypes)
      out[g] = total > 0 ? std::max(0.0, x[g]) / total : std::numeric_limits<double>::quiet_NaN();
  }
  return out;
}

double stationary_objective(const HeredityOperator& P, const Eigen::MatrixXd& S, const Eigen::VectorXd& f,
                            const Eigen::VectorXd& x) {
  return (P.offspring(x, x) - x).squaredNorm() + (S.transpose() * x - f).squaredNorm();
}

GenotypeAnalysis analyse_genotypes(const bloodgroup::System& system, const Eigen::VectorXd& f,
                                   const GenotypeAnalysisOptions& options, const Progress& progress) {
  const HeredityOperator P(system);
  const Eigen::MatrixXd S = phenotype_matrix(system);
  if (options.multistart && P.genotype_count() > max_multistart_genotypes)
    throw InputError("limit_exceeded", "multistart",
                     "multistart solves one problem per genotype; this system has " +
                         std::to_string(P.genotype_count()) + " genotypes and the limit is " +
                         std::to_string(max_multistart_genotypes));

  // Progress in solves: the answer, the uniqueness starts, the multistart starts; gene
  // counting takes the last 5%.
  const bool uniqueness = options.check_uniqueness && P.genotype_count() <= max_uniqueness_genotypes;
  const double solves = 1.0 + (uniqueness ? uniqueness_starts : 0) + (options.multistart ? P.genotype_count() : 0);
  const double after_answer = 0.95 / solves;
  const double after_uniqueness = after_answer * (1.0 + (uniqueness ? uniqueness_starts : 0));
  GenotypeAnalysis out;
  out.least_squares = stationary_genotypes(P, S, f, uniform_start(P.genotype_count()), options.stationary,
                                           progress.part(0, after_answer));
  out.stationarity_residual = stationarity_residual(P, out.least_squares.x);
  out.least_squares_fit = S.transpose() * out.least_squares.x;
  if (options.check_uniqueness)
    out.uniqueness = check_uniqueness(system, P, S, f, out.least_squares, options.stationary,
                                      progress.part(after_answer, after_uniqueness));
  if (options.multistart)
    out.multistart = multistart_check(P, S, f, out.least_squares.x, options.stationary,
                                      progress.part(after_uniqueness, 0.95));
  out.gene_counting = gene_counting(system, f, {}, progress.part(0.95, 1.0));
  out.max_abs_difference = (out.least_squares.x - out.gene_counting.genotype_frequencies).lpNorm<Eigen::Infinity>();
  out.least_squares_given_phenotype = genotype_given_phenotype(system, out.least_squares.x);
  out.gene_counting_given_phenotype = genotype_given_phenotype(system, out.gene_counting.genotype_frequencies);
  return out;
}

}  // namespace rbc::genetics
