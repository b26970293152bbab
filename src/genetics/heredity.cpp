#include "genetics/heredity.hpp"

#include <array>
#include <cmath>
#include <stdexcept>

namespace rbc::genetics {

HeredityOperator::HeredityOperator(const bloodgroup::System& system)
    : haplotypes_(static_cast<int>(system.haplotypes().size())) {
  // System::build refuses more; maternal_transition_times keeps one number per haplotype on the stack.
  if (system.haplotypes().size() > bloodgroup::max_haplotypes)
    throw std::invalid_argument("HeredityOperator: more than bloodgroup::max_haplotypes haplotypes");
  pair_to_genotype_.resize(static_cast<std::size_t>(haplotypes_) * haplotypes_);
  for (int a = 0; a < haplotypes_; ++a)
    for (int b = 0; b < haplotypes_; ++b) pair_to_genotype_[a * haplotypes_ + b] = system.genotype_index(a, b);
  for (const auto& g : system.genotypes()) {
    if (g.first == g.second)
      transmission_.push_back({HaplotypeShare{g.first, 1.0}, HaplotypeShare{g.first, 0.0}});
    else
      transmission_.push_back({HaplotypeShare{g.first, 0.5}, HaplotypeShare{g.second, 0.5}});
  }
  carriers_.resize(static_cast<std::size_t>(haplotypes_));
  for (int g = 0; g < genotype_count(); ++g) {
    const auto& t = transmission_[g];  // for a homozygote both entries name its haplotype
    if (t[0].probability > 0) carriers_[static_cast<std::size_t>(t[0].haplotype)].push_back({g, t[0].probability, t[1].haplotype});
    if (t[1].probability > 0) carriers_[static_cast<std::size_t>(t[1].haplotype)].push_back({g, t[1].probability, t[0].haplotype});
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
  Eigen::VectorXd t;
  gamete_distribution(x, t);
  return t;
}

void HeredityOperator::gamete_distribution(const Eigen::VectorXd& x, Eigen::VectorXd& t) const {
  // t_h = sum over the genotypes g that carry h of v_h(g) x_g: one sum per haplotype.
  t.resize(haplotypes_);
  for (int h = 0; h < haplotypes_; ++h) {
    double sum = 0;
    for (const auto& c : carriers_[static_cast<std::size_t>(h)]) sum += x[c.genotype] * c.probability;
    t[h] = sum;
  }
}

Eigen::VectorXd HeredityOperator::offspring(const Eigen::VectorXd& x, const Eigen::VectorXd& y) const {
  Eigen::VectorXd child;
  offspring_from(gamete_distribution(x), gamete_distribution(y), child);
  return child;
}

void HeredityOperator::offspring_from(const Eigen::VectorXd& tx, const Eigen::VectorXd& ty, Eigen::VectorXd& child) const {
  // Child {a, b}: a from the father and b from the mother, or (a != b) the other way round.
  const int m = genotype_count();
  child.resize(m);
  for (int k = 0; k < m; ++k) {
    const int a = transmission_[k][0].haplotype, b = transmission_[k][1].haplotype;
    child[k] = a == b ? tx[a] * ty[a] : tx[a] * ty[b] + tx[b] * ty[a];
  }
}

Eigen::MatrixXd HeredityOperator::maternal_transition(const Eigen::VectorXd& x) const {
  Eigen::MatrixXd B;
  maternal_transition_from(gamete_distribution(x), B);
  return B;
}

void HeredityOperator::maternal_transition_from(const Eigen::VectorXd& t, Eigen::MatrixXd& B) const {
  const int m = genotype_count();
  B.setZero(m, m);
  for (int j = 0; j < m; ++j)
    for (const auto& s : transmission_[j]) {
      if (s.probability == 0) continue;
      for (int a = 0; a < haplotypes_; ++a) B(j, genotype_of(a, s.haplotype)) += t[a] * s.probability;
    }
}

void HeredityOperator::maternal_transition_times(const Eigen::VectorXd& t, const Eigen::VectorXd& y,
                                                 Eigen::VectorXd& By) const {
  // q_h = sum_a t_a y_{a,h}: the mean of y over the children of a mother who passes on h.
  std::array<double, bloodgroup::max_haplotypes> q{};
  for (int h = 0; h < haplotypes_; ++h) {
    const int* genotype = &pair_to_genotype_[static_cast<std::size_t>(h) * static_cast<std::size_t>(haplotypes_)];
    double sum = 0;
    for (int a = 0; a < haplotypes_; ++a) sum += t[a] * y[genotype[a]];
    q[static_cast<std::size_t>(h)] = sum;
  }
  const int m = genotype_count();
  By.resize(m);
  for (int j = 0; j < m; ++j) {
    const auto& s = transmission_[j];
    By[j] = s[0].probability * q[static_cast<std::size_t>(s[0].haplotype)] +
            s[1].probability * q[static_cast<std::size_t>(s[1].haplotype)];
  }
}

void HeredityOperator::stationarity_gram(const Eigen::VectorXd& t, const Eigen::MatrixXd& C, Eigen::MatrixXd& G) const {
  // (B - I)(B - I)^T = B B^T - B - B^T + I, where B = V T with V_jh = v_h(j) (m x h) and
  // T_hc = t_a for the child genotype c = {a, h} (h x m). So B B^T = V M V^T with M = T T^T:
  // a child has both h and h' only as {h, h'} (M_hh' = t_h t_h'), and h with any a
  // (M_hh = |t|^2); that is B B^T = tau tau^T with tau = V t, plus v_h(j) v_h(k) (|t|^2 -
  // t_h^2) for each haplotype h that genotypes j and k share. And B_jk is nonzero only when
  // j and k share a haplotype: B_jk = sum over the shared h of v_h(j) t_(k's other haplotype).
  const int m = genotype_count();
  constexpr std::size_t max_genotypes = bloodgroup::max_haplotypes * (bloodgroup::max_haplotypes + 1) / 2;
  std::array<double, max_genotypes> tau;  // m <= max_genotypes (the constructor checks the haplotypes)
  for (int j = 0; j < m; ++j) {
    const auto& s = transmission_[j];
    tau[static_cast<std::size_t>(j)] = s[0].probability * t[s[0].haplotype] + s[1].probability * t[s[1].haplotype];
  }
  G.resize(m, m);
  for (int k = 0; k < m; ++k) {
    double* g = &G(0, k);
    const double* c = &C(0, k);
    const double tk = tau[static_cast<std::size_t>(k)];
    for (int j = k; j < m; ++j) g[j] = c[j] + tau[static_cast<std::size_t>(j)] * tk;
    g[k] += 1.0;
  }
  const double norm2 = t.squaredNorm();
  for (int h = 0; h < haplotypes_; ++h) {
    const double d = norm2 - t[h] * t[h];
    const auto& carriers = carriers_[static_cast<std::size_t>(h)];
    const auto count = carriers.size();
    for (std::size_t a = 0; a < count; ++a) {  // column k = carriers[a]; rows j = carriers[b >= a] >= k
      const auto& k = carriers[a];
      double* g = &G(0, k.genotype);
      const double vk = k.probability, tk = t[k.other];
      for (std::size_t b = a; b < count; ++b) {
        const auto& j = carriers[b];
        g[j.genotype] += j.probability * (vk * d - tk) - vk * t[j.other];
      }
    }
  }
}

void HeredityOperator::stationarity_column_norms(const Eigen::VectorXd& t, Eigen::VectorXd& norms) const {
  // Row j of B has the terms v_h(j) t_a at {a, h} for each h of j, so it sums to sum(t) per
  // h; two terms meet only on the diagonal (a = j's other haplotype), so off it |B_jk| is
  // the term's absolute value.
  const double t1 = t.lpNorm<1>();
  const int m = genotype_count();
  norms.resize(m);
  for (int j = 0; j < m; ++j) {
    const auto& s = transmission_[j];
    double off = 0, diagonal = 0;
    for (int i = 0; i < 2; ++i) {
      if (s[i].probability == 0) continue;
      const double other = t[s[1 - i].haplotype];
      off += s[i].probability * (t1 - std::abs(other));
      diagonal += s[i].probability * other;
    }
    norms[j] = off + std::abs(diagonal - 1.0);
  }
}

void HeredityOperator::stationarity_gradient(const Eigen::VectorXd& t, const Eigen::VectorXd& y, Eigen::VectorXd& r,
                                             Eigen::VectorXd& g) const {
  // u: the gametes of y; r_k = y_k - (x^T P y)_k; q_h = sum_a t_a r_{a,h}; g_j = sum over the
  // haplotypes h of j of v_h(j) q_h, minus r_j. (As gamete_distribution, offspring_from and
  // maternal_transition_times, without their intermediate vectors.)
  std::array<double, bloodgroup::max_haplotypes> u{}, q{};
  for (int h = 0; h < haplotypes_; ++h) {
    double sum = 0;
    for (const auto& c : carriers_[static_cast<std::size_t>(h)]) sum += y[c.genotype] * c.probability;
    u[static_cast<std::size_t>(h)] = sum;
  }
  const int m = genotype_count();
  r.resize(m);
  for (int k = 0; k < m; ++k) {
    const auto a = static_cast<std::size_t>(transmission_[k][0].haplotype);
    const auto b = static_cast<std::size_t>(transmission_[k][1].haplotype);
    const double child = a == b ? t[static_cast<Eigen::Index>(a)] * u[a]
                                : t[static_cast<Eigen::Index>(a)] * u[b] + t[static_cast<Eigen::Index>(b)] * u[a];
    r[k] = y[k] - child;
  }
  for (int h = 0; h < haplotypes_; ++h) {
    const int* genotype = &pair_to_genotype_[static_cast<std::size_t>(h) * static_cast<std::size_t>(haplotypes_)];
    double sum = 0;
    for (int a = 0; a < haplotypes_; ++a) sum += t[a] * r[genotype[a]];
    q[static_cast<std::size_t>(h)] = sum;
  }
  g.resize(m);
  for (int j = 0; j < m; ++j) {
    const auto& s = transmission_[j];
    g[j] = s[0].probability * q[static_cast<std::size_t>(s[0].haplotype)] +
           s[1].probability * q[static_cast<std::size_t>(s[1].haplotype)] - r[j];
  }
}

Eigen::MatrixXd phenotype_matrix(const bloodgroup::System& system) {
  const auto& gs = system.genotypes();
  Eigen::MatrixXd S = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(gs.size()),
                                            static_cast<Eigen::Index>(system.phenotypes().size()));
  for (std::size_t g = 0; g < gs.size(); ++g) S(static_cast<Eigen::Index>(g), gs[g].phenotype) = 1;
  return S;
}

}  // namespace rbc::genetics
