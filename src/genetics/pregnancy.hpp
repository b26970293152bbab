#pragma once
// The fetus of a mother with a known phenotype (and a father with a known phenotype, or drawn
// from the population): its genotype and phenotype distribution and the chance that it
// carries an antigen the mother lacks, the question of haemolytic disease of the fetus and
// newborn that the thesis's conclusion raises. Per system; independent systems multiply.
#include <Eigen/Dense>
#include <optional>

#include "genetics/heredity.hpp"

namespace rbc::genetics {

// P(genotype | phenotype p) under x: x restricted to p's genotypes, normalised (negative
// entries of a least-squares x count as 0). nullopt when p has no positive mass under x.
std::optional<Eigen::VectorXd> genotypes_given_phenotype(const Eigen::MatrixXd& S, const Eigen::VectorXd& x, int phenotype);

struct Fetus {
  Eigen::VectorXd genotypes;   // P(fetus gamma_k), eq. 3.12 over the parents' genotypes
  Eigen::VectorXd phenotypes;  // S^T of it
};

// mother: P(mother's genotype); father: P(father's genotype) (his phenotype given, or the
// population's x normalised when unknown).
Fetus fetus_distribution(const HeredityOperator& P, const Eigen::MatrixXd& S, const Eigen::VectorXd& mother,
                         const Eigen::VectorXd& father);

}  // namespace rbc::genetics
