#include "genetics/heredity.hpp"

namespace rbc::genetics {

HeredityOperator::HeredityOperator(const bloodgroup::System& system)
    : haplotypes_(static_cast<int>(system.haplotypes().size())) {
  pair_to_genotype_.resize(static_cast<std::size_t>(haplotypes_) * haplotypes_);
  for (int a = 0; a < haplotypes_; ++a)
    for (int b = 0; b < haplotypes_; ++b) pair_to_genotype_[a * haplotypes_ + b] = system.genotype_index(a, b);
  for (const auto& g : system.genotypes()) {
    if (g.first == g.second)
      transmission_.push_back({HaplotypeShare{g.first, 1.0}, HaplotypeShare{g.first, 0.0}});
    else
      transmission_.push_back({HaplotypeShare{g.first, 0.5}, HaplotypeShare{g.second, 0.5}});
  }
}

std::vector<HaplotypeShare> HeredityOperator::transmitted(int g) const {
  const auto& t = transmission_[g];
  if (t[1].probability == 0) return {t[0]};
  return {t[0], t[1]};
}

std::vector<ChildShare> HeredityOperator::children(int i, int j) const {
  std::vector<ChildShare> out;
  for (const auto& a : transmitted(i))
    for (const auto& b : transmitted(j)) {
      const int k = genotype_of(a.haplotype, b.haplotype);
      const double p = a.probability * b.probability;
      bool merged = false;
      for (auto& c : out)
        if (c.genotype == k) c.probability += p, merged = true;
      if (!merged) out.push_back({k, p});
    }
  return out;
}

Eigen::VectorXd HeredityOperator::gamete_distribution(const Eigen::VectorXd& x) const {
  Eigen::VectorXd t = Eigen::VectorXd::Zero(haplotypes_);
  for (int g = 0; g < genotype_count(); ++g)
    for (const auto& s : transmission_[g]) t[s.haplotype] += x[g] * s.probability;
  return t;
}

Eigen::VectorXd HeredityOperator::offspring(const Eigen::VectorXd& x, const Eigen::VectorXd& y) const {
  const Eigen::VectorXd tx = gamete_distribution(x), ty = gamete_distribution(y);
  Eigen::VectorXd child = Eigen::VectorXd::Zero(genotype_count());
  for (int a = 0; a < haplotypes_; ++a)
    for (int b = 0; b < haplotypes_; ++b) child[genotype_of(a, b)] += tx[a] * ty[b];
  return child;
}

Eigen::MatrixXd HeredityOperator::maternal_transition(const Eigen::VectorXd& x) const {
  const Eigen::VectorXd t = gamete_distribution(x);
  const int m = genotype_count();
  Eigen::MatrixXd B = Eigen::MatrixXd::Zero(m, m);
  for (int j = 0; j < m; ++j)
    for (const auto& s : transmission_[j]) {
      if (s.probability == 0) continue;
      for (int a = 0; a < haplotypes_; ++a) B(j, genotype_of(a, s.haplotype)) += t[a] * s.probability;
    }
  return B;
}

Eigen::MatrixXd phenotype_matrix(const bloodgroup::System& system) {
  const auto& gs = system.genotypes();
  Eigen::MatrixXd S = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(gs.size()),
                                            static_cast<Eigen::Index>(system.phenotypes().size()));
  for (std::size_t g = 0; g < gs.size(); ++g) S(static_cast<Eigen::Index>(g), gs[g].phenotype) = 1;
  return S;
}

}  // namespace rbc::genetics
