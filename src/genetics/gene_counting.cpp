#include "genetics/gene_counting.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace rbc::genetics {

Eigen::VectorXd hardy_weinberg(const bloodgroup::System& system, const Eigen::VectorXd& p) {
  const auto& gs = system.genotypes();
  Eigen::VectorXd x(static_cast<Eigen::Index>(gs.size()));
  for (std::size_t g = 0; g < gs.size(); ++g) {
    const double pa = p[gs[g].first], pb = p[gs[g].second];
    x[static_cast<Eigen::Index>(g)] = gs[g].first == gs[g].second ? pa * pa : 2 * pa * pb;
  }
  return x;
}

GeneCountingResult gene_counting(const bloodgroup::System& system, const Eigen::VectorXd& f,
                                 const GeneCountingOptions& options, const Progress& progress) {
  const auto& gs = system.genotypes();
  const auto& phenotypes = system.phenotypes();
  const Eigen::Index h = static_cast<Eigen::Index>(system.haplotypes().size());
  GeneCountingResult out;
  Eigen::VectorXd p = Eigen::VectorXd::Constant(h, 1.0 / static_cast<double>(h));
  Eigen::VectorXd x = hardy_weinberg(system, p);
  for (int it = 1; it <= options.max_iterations; ++it) {
    progress.report(static_cast<double>(it - 1) / options.max_iterations, "gene counting");
    // E-step: share each phenotype's frequency among its genotypes in proportion to their
    // Hardy-Weinberg probabilities; M-step: count the haplotypes those genotypes carry.
    Eigen::VectorXd next = Eigen::VectorXd::Zero(h);
    for (std::size_t ph = 0; ph < phenotypes.size(); ++ph) {
      const double fp = f[static_cast<Eigen::Index>(ph)];
      if (fp <= 0) continue;
      double total = 0;
      for (int g : phenotypes[ph].genotypes) total += x[g];
      if (total <= 0) continue;  // cannot happen from a positive start; guards 0/0
      for (int g : phenotypes[ph].genotypes) {
        const double share = fp * x[g] / total;
        next[gs[g].first] += share / 2;
        next[gs[g].second] += share / 2;
      }
    }
    next /= next.sum();
    const double change = (next - p).lpNorm<1>();
    p = next;
    x = hardy_weinberg(system, p);
    out.iterations = it;
    if (change < options.tolerance) {
      out.converged = true;
      break;
    }
  }
  out.haplotype_frequencies = p;
  out.genotype_frequencies = x;
  out.phenotype_fit = Eigen::VectorXd::Zero(static_cast<Eigen::Index>(phenotypes.size()));
  for (std::size_t g = 0; g < gs.size(); ++g) out.phenotype_fit[gs[g].phenotype] += x[static_cast<Eigen::Index>(g)];
  // From the uniform start every haplotype a positive f needs keeps a positive frequency, so
  // its phenotype's fit is positive; only underflow (f near 1e-308) can round the fit to 0.
  // Flooring it at the smallest positive double keeps the divergence finite (and its term
  // as tiny as that f), instead of an infinity that JSON would print as null.
  for (Eigen::Index ph = 0; ph < f.size(); ++ph)
    if (f[ph] > 0) {
      const double fit = std::max(out.phenotype_fit[ph], std::numeric_limits<double>::denorm_min());
      out.kl_divergence += f[ph] * std::log(f[ph] / fit);
    }
  return out;
}

}  // namespace rbc::genetics
