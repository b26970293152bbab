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

 private:
  int haplotypes_ = 0;
  std::vector<std::array<HaplotypeShare, 2>> transmission_;  // second entry has p = 0 if homozygous
  std::vector<int> pair_to_genotype_;                         // h x h, symmetric
};

// S of eq. 3.10: S(g, p) = 1 iff genotype g expresses phenotype p (m x n).
Eigen::MatrixXd phenotype_matrix(const bloodgroup::System& system);

}  // namespace rbc::genetics
