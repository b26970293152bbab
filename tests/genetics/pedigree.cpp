// Pedigree posteriors by variable elimination, against brute-force enumeration of every
// genotype assignment on small pedigrees (with and without a loop), and against the
// relatives' kernels (thesis Table 3.2) when one person is observed.
#include "genetics/pedigree.hpp"

#include <catch2/catch.hpp>

#include "bloodgroup/builtin_systems.hpp"
#include "frequency/populations.hpp"
#include "genetics/gene_counting.hpp"
#include "genetics/relatives.hpp"

using namespace rbc;
using genetics::PedigreePerson;

namespace {

struct Setup {
  const bloodgroup::System& system;
  genetics::HeredityOperator P;
  Eigen::MatrixXd S;
  Eigen::VectorXd x;
  explicit Setup(const char* id, const char* table)
      : system(bloodgroup::builtin_system(id)), P(system), S(genetics::phenotype_matrix(system)) {
    Eigen::VectorXd f = frequency::frequencies_for(system, frequency::builtin_population(table));
    x = genetics::gene_counting(system, f / f.sum()).genotype_frequencies;
  }
  Eigen::VectorXd phenotype_mask(int p) const { return S.col(p); }
};

// Every assignment of genotypes to the people: P(assignment) and the observations.
genetics::PedigreePosterior brute_force(const Setup& s, const std::vector<PedigreePerson>& people) {
  const int m = s.P.genotype_count(), n = static_cast<int>(people.size());
  std::vector<int> g(static_cast<std::size_t>(n), 0);
  std::vector<Eigen::VectorXd> sums(static_cast<std::size_t>(n), Eigen::VectorXd::Zero(m));
  double total = 0;
  const Eigen::MatrixXd B = s.P.maternal_transition(s.x);
  while (true) {
    double p = 1;
    for (int c = 0; c < n && p > 0; ++c) {
      const auto& who = people[static_cast<std::size_t>(c)];
      const int gc = g[static_cast<std::size_t>(c)];
      if (who.allowed.size()) p *= who.allowed[gc];
      if (who.father < 0 && who.mother < 0) p *= s.x[gc];
      else if (who.father < 0 || who.mother < 0) p *= B(g[static_cast<std::size_t>(std::max(who.father, who.mother))], gc);
      else {
        double t = 0;
        for (const auto& child : s.P.children(g[static_cast<std::size_t>(who.father)], g[static_cast<std::size_t>(who.mother)]))
          if (child.genotype == gc) t += child.probability;
        p *= t;
      }
    }
    total += p;
    for (int c = 0; c < n; ++c) sums[static_cast<std::size_t>(c)][g[static_cast<std::size_t>(c)]] += p;
    int k = n - 1;
    while (k >= 0 && ++g[static_cast<std::size_t>(k)] == m) g[static_cast<std::size_t>(k--)] = 0;
    if (k < 0) break;
  }
  genetics::PedigreePosterior out;
  out.probability = total;
  for (auto& v : sums) out.genotypes.push_back(v / total);
  return out;
}

void check_against_brute_force(const Setup& s, const std::vector<PedigreePerson>& people) {
  const auto exact = genetics::pedigree_posterior(s.P, s.x, people);
  const auto brute = brute_force(s, people);
  REQUIRE(exact.probability == Approx(brute.probability).epsilon(1e-12));
  for (std::size_t c = 0; c < people.size(); ++c) {
    INFO("person " << c);
    CHECK((exact.genotypes[c] - brute.genotypes[c]).lpNorm<Eigen::Infinity>() < 1e-12);
  }
}

}  // namespace

TEST_CASE("pedigree: three generations of ABO, some people typed, equal brute-force enumeration",
          "[pedigree][property]") {
  const Setup s("abo", "abo/thesis-table-4.4");
  const int O = s.system.phenotype_by_label("O"), A = s.system.phenotype_by_label("A"), B = s.system.phenotype_by_label("B");
  // 0, 1 grandparents; 2 their daughter; 3 her partner; 4, 5 their children; 6 a child of 4
  // with an unknown (population) partner.
  std::vector<PedigreePerson> people(7);
  people[2] = {0, 1, {}};
  people[4] = {3, 2, {}};
  people[5] = {3, 2, {}};
  people[6] = {4, -1, {}};
  check_against_brute_force(s, people);  // nobody typed: every posterior is the population's
  people[0].allowed = s.phenotype_mask(A);
  people[5].allowed = s.phenotype_mask(B);
  people[6].allowed = s.phenotype_mask(O);
  check_against_brute_force(s, people);
}

TEST_CASE("pedigree: a loop (first cousins' child) equals brute-force enumeration", "[pedigree][property]") {
  const Setup s("rhd", "rhd/thesis-table-3.1");
  const int d = s.system.phenotype_by_label("d"), D = s.system.phenotype_by_label("D");
  // 0, 1 founders; 2, 3 their children; 4, 6 partners; 5 = child of 2 and 4, 7 = child of 3
  // and 6; 8 = child of the cousins 5 and 7.
  std::vector<PedigreePerson> people(9);
  people[2] = {0, 1, {}};
  people[3] = {0, 1, {}};
  people[5] = {4, 2, {}};
  people[7] = {3, 6, {}};
  people[8] = {5, 7, {}};
  people[8].allowed = s.phenotype_mask(d);
  people[0].allowed = s.phenotype_mask(D);
  people[6].allowed = s.phenotype_mask(D);
  check_against_brute_force(s, people);
  CHECK(genetics::pedigree_work(people, 3) <= 81);  // no factor over more than four people
}

TEST_CASE("pedigree: one typed donor gives the relatives' probabilities of Table 3.2 (stationary x)",
          "[pedigree][property]") {
  const Setup s("rh", "rh/thesis-table-3.4");
  // 0, 1 parents; 2 the donor; 3 a sibling; 4 the donor's child with a population partner.
  std::vector<PedigreePerson> people(5);
  people[2] = {0, 1, {}};
  people[3] = {0, 1, {}};
  people[4] = {2, -1, {}};
  const auto k = genetics::relative_kernels(s.P, s.x);
  for (int phi = 0; phi < s.S.cols(); ++phi) {
    people[2].allowed = s.phenotype_mask(phi);
    const auto post = genetics::pedigree_posterior(s.P, s.x, people);
    if (post.probability == 0) continue;
    INFO(s.system.phenotypes()[static_cast<std::size_t>(phi)].label);
    const Eigen::VectorXd sibling = s.S.transpose() * post.genotypes[3];
    const Eigen::VectorXd parent = s.S.transpose() * post.genotypes[0];
    const Eigen::VectorXd child = s.S.transpose() * post.genotypes[4];
    CHECK((sibling - genetics::relative_phenotypes(k.sibling, s.x, s.S, phi).conditional).lpNorm<Eigen::Infinity>() < 1e-12);
    CHECK((parent - genetics::relative_phenotypes(k.parent, s.x, s.S, phi).conditional).lpNorm<Eigen::Infinity>() < 1e-12);
    CHECK((child - genetics::relative_phenotypes(k.child, s.x, s.S, phi).conditional).lpNorm<Eigen::Infinity>() < 1e-12);
    CHECK(post.probability == Approx(s.S.col(phi).dot(s.x)).epsilon(1e-12));
  }
}

TEST_CASE("pedigree: O parents cannot have an AB child: the observations have probability 0", "[pedigree][regression]") {
  const Setup s("abo", "abo/thesis-table-4.4");
  std::vector<PedigreePerson> people(3);
  people[0].allowed = s.phenotype_mask(s.system.phenotype_by_label("O"));
  people[1].allowed = s.phenotype_mask(s.system.phenotype_by_label("O"));
  people[2] = {0, 1, s.phenotype_mask(s.system.phenotype_by_label("AB"))};
  const auto post = genetics::pedigree_posterior(s.P, s.x, people);
  CHECK(post.probability == 0);
  CHECK(post.genotypes.empty());
}
