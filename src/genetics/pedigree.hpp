#pragma once
// Exact genotype posteriors in a pedigree for one blood-group system: founders (people without
// parents in the pedigree) drawn from the population's genotype distribution x, every child's
// genotype from its parents' by the heredity operator (eq. 3.12), and some people's phenotypes
// (or genotypes) observed. By variable elimination over the people's genotypes: the pedigree
// may have loops (cousins who marry), and the work is bounded by the largest factor the
// elimination order creates, checked before any work starts.
#include <Eigen/Dense>
#include <optional>
#include <string>
#include <vector>

#include "common/progress.hpp"
#include "genetics/heredity.hpp"

namespace rbc::genetics {

struct PedigreePerson {
  int father = -1;  // index into the pedigree, or -1: a founder's side (an unknown parent
  int mother = -1;  // is a person drawn from the population)
  // The genotypes this person may have given what was observed: empty = not observed; else a
  // 0/1 mask over the system's genotypes (a phenotype's genotypes, or one genotype).
  Eigen::VectorXd allowed;
};

struct PedigreePosterior {
  double probability = 0;         // P(every observation), under the model
  std::vector<Eigen::VectorXd> genotypes;  // per person: P(genotype | observations); empty if probability is 0
};

// Largest factor the elimination would build, in entries; callers refuse above a limit.
double pedigree_work(const std::vector<PedigreePerson>& people, int genotype_count);

// x: the founders' genotype distribution (non-negative). People must be listed so that
// parents come before their children (callers sort). Throws std::invalid_argument on a person
// who is their own ancestor (callers check first). A checkpoint per eliminated person.
PedigreePosterior pedigree_posterior(const HeredityOperator& P, const Eigen::VectorXd& x,
                                     const std::vector<PedigreePerson>& people, const Progress& progress = {});

}  // namespace rbc::genetics
