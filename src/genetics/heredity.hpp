#pragma once
// The heredity operator P of a blood-group system (thesis eq. 3.11-3.12), held sparsely: a
// parent transmits one or two haplotypes (eq. 3.11), so a parent pair yields at most four
// child genotypes. Nothing here builds the dense m x m x m array.
#include <Eigen/Dense>
#include <array>
#include <utility>
#include <vector>

#include "bloodgroup/system.hpp"

namespace rbc::genetics {

struct HaplotypeShare {
  int haplotype = 0;
  double probability = 0;  // v_h(gamma) of eq. 3.11: 1 for {h, h}, 1/2 for {h, h'}
};

struct ChildShare {
  int genotype = 0;
  double probability = 0;  // P(gamma_k | gamma_i, gamma_j)
};

class HeredityOperator {
 public:
  explicit HeredityOperator(const bloodgroup::System& system);

  int genotype_count() const { return static_cast<int>(transmission_.size()); }
  int haplotype_count() const { return haplotypes_; }

  // eq. 3.11: the haplotypes a parent with genotype g passes on (one or two entries).
  std::vector<HaplotypeShare> transmitted(int g) const;
  // eq. 3.12: the child genotypes of parents i and j, each once, probabilities summing to 1.
  std::vector<ChildShare> children(int i, int j) const;
  // t_h = sum_g x_g v_h(g): the haplotypes a population with genotype vector x passes on.
  // Sums to sum(x); x need not be a distribution (the least-squares iterates are not).
  Eigen::VectorXd gamete_distribution(const Eigen::VectorXd& x) const;
  // x^T P y (eq. 3.13): the child genotype vector of fathers x and mothers y.
  Eigen::VectorXd offspring(const Eigen::VectorXd& x, const Eigen::VectorXd& y) const;
  // B(x) of eq. 3.33: B_jk = sum_i P(gamma_k | gamma_i, gamma_j) x_i, the child genotype
  // distribution of a mother j when fathers have genotype vector x. (x^T P = B(x)^T.)
  Eigen::MatrixXd maternal_transition(const Eigen::VectorXd& x) const;
  // The genotype {a, b}.
  int genotype_of(int a, int b) const { return pair_to_genotype_[a * haplotypes_ + b]; }

  // The same, for the least-squares iteration (genetics/stationary.cpp), given the fathers'
  // gametes t = gamete_distribution(x) and writing into storage the caller keeps: B(x);
  // B(x) y, the mean of y over the child genotype of each mother (O(m + h^2)); x^T P y from
  // the two gamete distributions (O(m + h^2)); G = C + (B(x) - I)(B(x) - I)^T, the Gram
  // matrix of the iteration's top block B(x)^T - I plus a constant C, in O(m^2 + m h)
  // without forming B, on and below the diagonal only (G's upper triangle is left as it
  // is); the 1-norms of that block's columns, sum_k |B(x)_jk - [j = k]|; and, in one pass,
  // that block's residual r = y - B(x)^T y at y and its part of the least-squares gradient,
  // g = (B(x) - I) r.
  void gamete_distribution(const Eigen::VectorXd& x, Eigen::VectorXd& t) const;
  void maternal_transition_from(const Eigen::VectorXd& t, Eigen::MatrixXd& B) const;
  void maternal_transition_times(const Eigen::VectorXd& t, const Eigen::VectorXd& y, Eigen::VectorXd& By) const;
  void offspring_from(const Eigen::VectorXd& tx, const Eigen::VectorXd& ty, Eigen::VectorXd& child) const;
  void stationarity_gram(const Eigen::VectorXd& t, const Eigen::MatrixXd& C, Eigen::MatrixXd& G) const;
  void stationarity_column_norms(const Eigen::VectorXd& t, Eigen::VectorXd& norms) const;
  void stationarity_gradient(const Eigen::VectorXd& t, const Eigen::VectorXd& y, Eigen::VectorXd& r,
                             Eigen::VectorXd& g) const;

 private:
  int haplotypes_ = 0;
  std::vector<std::array<HaplotypeShare, 2>> transmission_;  // second entry has p = 0 if homozygous
  std::vector<int> pair_to_genotype_;                         // h x h, symmetric
  // Per haplotype h, the genotypes j that pass it on (in increasing order): v_h(j) > 0, and
  // j's other haplotype.
  struct Carrier {
    int genotype = 0;
    double probability = 0;
    int other = 0;
  };
  std::vector<std::vector<Carrier>> carriers_;
};

// S of eq. 3.10: S(g, p) = 1 iff genotype g expresses phenotype p (m x n).
Eigen::MatrixXd phenotype_matrix(const bloodgroup::System& system);

}  // namespace rbc::genetics
