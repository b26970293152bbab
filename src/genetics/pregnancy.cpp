#include "genetics/pregnancy.hpp"

namespace rbc::genetics {

std::optional<Eigen::VectorXd> genotypes_given_phenotype(const Eigen::MatrixXd& S, const Eigen::VectorXd& x,
                                                         int phenotype) {
  const Eigen::VectorXd mass = S.col(phenotype).cwiseProduct(x.cwiseMax(0.0));
  const double total = mass.sum();
  if (!(total > 0)) return std::nullopt;
  return Eigen::VectorXd(mass / total);
}

Fetus fetus_distribution(const HeredityOperator& P, const Eigen::MatrixXd& S, const Eigen::VectorXd& mother,
                         const Eigen::VectorXd& father) {
  Fetus out;
  out.genotypes = P.offspring(father, mother);  // x^T P y (eq. 3.13), fathers x, mothers y
  out.phenotypes = S.transpose() * out.genotypes;
  return out;
}

}  // namespace rbc::genetics
