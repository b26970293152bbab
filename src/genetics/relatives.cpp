#include "genetics/relatives.hpp"

#include <cmath>

namespace rbc::genetics {

const std::vector<RelationName>& relation_names() {
  static const std::vector<RelationName> names = {
      {Relation::sibling, "sibling", "Sibling"},
      {Relation::parent, "parent", "Parent"},
      {Relation::child, "child", "Child"},
      {Relation::uncle_aunt, "uncle_aunt", "Uncle / aunt"},
      {Relation::nephew_niece, "nephew_niece", "Nephew / niece"},
      {Relation::grandparent, "grandparent", "Grandparent"},
      {Relation::half_sibling, "half_sibling", "Half-sibling"},
      {Relation::grandchild, "grandchild", "Grandchild"},
      {Relation::first_cousin, "first_cousin", "First cousin"},
      {Relation::unrelated, "unrelated", "Unrelated person"},
  };
  return names;
}

const RelationName& relation_name(Relation relation) {
  return relation_names()[static_cast<std::size_t>(relation)];
}

RelativeKernels relative_kernels(const HeredityOperator& P, const Eigen::VectorXd& x) {
  const int m = P.genotype_count();
  RelativeKernels k;
  k.x = x;
  // B(x)_jk = sum_v P(gamma_k | gamma_v, gamma_j) x_v: the child of a parent j and a partner
  // drawn from the population (eq. 3.33). Child row (corrected): K_child(i, j) = B_ij.
  k.child = P.maternal_transition(x);
  // Parent (Table 3.2): K_parent(i, j) = x_j sum_v x_v P(gamma_i | gamma_j, gamma_v) / x_i
  // = x_j B_ji / x_i.
  k.parent = Eigen::MatrixXd::Zero(m, m);
  for (int i = 0; i < m; ++i)
    if (x[i] != 0)
      for (int j = 0; j < m; ++j) k.parent(i, j) = x[j] * k.child(j, i) / x[i];
  // Sibling (Table 3.2): sum_{v,w} P(j | v, w) x_v x_w P(i | v, w) / x_i, over the parent
  // pairs' at most four children each (eq. 3.12): O(m^2), never the m^3 array.
  k.sibling = Eigen::MatrixXd::Zero(m, m);
  for (int v = 0; v < m; ++v) {
    if (x[v] == 0) continue;
    for (int w = 0; w < m; ++w) {
      const double pair = x[v] * x[w];
      if (pair == 0) continue;
      const auto kids = P.children(v, w);
      for (const auto& a : kids)
        for (const auto& b : kids) k.sibling(a.genotype, b.genotype) += pair * a.probability * b.probability;
    }
  }
  for (int i = 0; i < m; ++i) k.sibling.row(i) = x[i] != 0 ? Eigen::RowVectorXd(k.sibling.row(i) / x[i]) : Eigen::RowVectorXd::Zero(m);
  return k;
}

Eigen::MatrixXd relation_kernel(const RelativeKernels& k, Relation relation) {
  switch (relation) {
    case Relation::sibling: return k.sibling;
    case Relation::parent: return k.parent;
    case Relation::child: return k.child;
    case Relation::uncle_aunt: return k.parent * k.sibling;
    case Relation::nephew_niece: return k.sibling * k.child;
    case Relation::grandparent: return k.parent * k.parent;
    case Relation::half_sibling: return k.parent * k.child;
    case Relation::grandchild: return k.child * k.child;
    case Relation::first_cousin: return k.parent * k.sibling * k.child;
    case Relation::unrelated: return Eigen::VectorXd::Ones(k.x.size()) * k.x.transpose();
  }
  return {};
}

RelativePhenotypes relative_phenotypes(const Eigen::MatrixXd& kernel, const Eigen::VectorXd& x,
                                       const Eigen::MatrixXd& S, int donor_phenotype,
                                       std::optional<double> divide_by) {
  RelativePhenotypes out;
  const Eigen::VectorXd in_phi = S.col(donor_phenotype);
  const Eigen::VectorXd w = in_phi.cwiseProduct(x);  // x_i for i in phi
  out.donor_weight = w.sum();
  out.weight = S.transpose() * (kernel.transpose() * w);
  const double total = divide_by.value_or(out.weight.sum());
  out.defined = out.donor_weight > 0 && total > 0;
  out.conditional = out.defined ? Eigen::VectorXd(out.weight / total)
                                : Eigen::VectorXd::Constant(S.cols(), std::nan(""));
  return out;
}

}  // namespace rbc::genetics
