#pragma once
// Blood groups of a donor's relatives (thesis sec. 3.2.4 and 3.4): the probability that a
// relative has genotype j given that the donor has genotype i (Table 3.2, the "Child" row
// read as P(gamma_j | gamma_i, gamma_v), NOTES misprint 2), and from it, by eq. 3.28-3.31,
// the relative's phenotype given the donor's and the effectiveness of recruiting relatives.
//
// The kernels are built from the genotype distribution x of the population (any model:
// least squares, non-negative least squares, gene counting) and the heredity operator; a
// relation two steps away composes two kernels (an uncle is a parent's sibling). For a
// stationary x every kernel row is a distribution; for the least-squares compromise (not
// exactly stationary) the rows sum to slightly more or less than 1, which is why the
// phenotype-level conditional is normalised by its own total (see relative_phenotypes).
#include <Eigen/Dense>
#include <optional>
#include <string>
#include <vector>

#include "genetics/heredity.hpp"

namespace rbc::genetics {

enum class Relation {
  sibling,
  parent,
  child,
  uncle_aunt,
  nephew_niece,
  grandparent,
  half_sibling,
  grandchild,
  first_cousin,
  unrelated,
};

struct RelationName {
  Relation relation;
  std::string id;     // "uncle_aunt"
  std::string label;  // "Uncle / aunt"
};

// Every relation, in the order of Table 3.2 and then the others (the enum's order).
const std::vector<RelationName>& relation_names();
const RelationName& relation_name(Relation relation);

// The thesis's first-step kernels (Table 3.2): K(i, j) = P(relative gamma_j | donor gamma_i).
// Rows of genotypes with x_i <= 0 are 0 (such a donor is impossible under x; the
// phenotype-level results weight row i by x_i).
struct RelativeKernels {
  Eigen::MatrixXd sibling, parent, child;
  Eigen::VectorXd x;
};
RelativeKernels relative_kernels(const HeredityOperator& P, const Eigen::VectorXd& x);

// K for any relation, composed from the first-step kernels (uncle / aunt = parent then
// sibling; nephew / niece = sibling then child; grandparent = parent then parent; half
// sibling = parent then child; grandchild = child then child; first cousin = parent,
// sibling, child; unrelated: every row is x).
Eigen::MatrixXd relation_kernel(const RelativeKernels& k, Relation relation);

// A relative's phenotype given the donor's phenotype phi, for one system: the weights
// w_psi = sum_{i in phi} sum_{j in psi} x_i K(i, j) of eq. 3.29-3.30, and the conditional
// distribution w / sum(w), or w / divide_by when given: eq. 3.28 divides by f_phi, the input
// frequency, which equals sum(w) only when x is stationary and fits f exactly (the thesis's
// Table 3.3 follows from that reading with the least-squares x as printed). `defined` is
// false when no genotype of phi has positive frequency under x (0/0: Caucasian Fy(a-b-)), or
// when divide_by is 0 (a table's f_phi = 0: eq. 3.28 is not defined, whatever x gives phi).
struct RelativePhenotypes {
  Eigen::VectorXd weight;       // per phenotype psi
  Eigen::VectorXd conditional;  // weight / sum(weight); NaN when !defined
  double donor_weight = 0;      // sum_{i in phi} x_i: phi's frequency under x
  bool defined = false;
};
RelativePhenotypes relative_phenotypes(const Eigen::MatrixXd& kernel, const Eigen::VectorXd& x,
                                       const Eigen::MatrixXd& S, int donor_phenotype,
                                       std::optional<double> divide_by = std::nullopt);

}  // namespace rbc::genetics
