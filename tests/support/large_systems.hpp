#pragma once
// User-defined blood-group systems at the request API's size limits, with phenotype
// frequencies drawn from a random Hardy-Weinberg population plus noise and with some
// phenotypes set to 0, so the non-negative least-squares steps meet active constraints.
// Deterministic: one seed gives the same system and frequencies everywhere (only the raw bits
// of std::mt19937_64 are used, never a std:: distribution). Shared by the tests and
// bench/stationary.cpp; bench_stationary --write-requests writes them as request files.
#include <Eigen/Dense>
#include <cmath>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "bloodgroup/system.hpp"
#include "genetics/heredity.hpp"

namespace rbc::test {

// prefix + number, spelled so that GCC 12 raises no false -Wrestrict (its bug 105329).
inline std::string numbered(const char* prefix, std::size_t number) {
  std::string s(prefix);
  s += std::to_string(number);
  return s;
}

struct LargeCase {
  std::string name;  // "user-300-abo-ce"
  bloodgroup::SystemDefinition definition;
  Eigen::VectorXd f;  // phenotype frequencies in System::phenotypes() order, summing to 1
};

class Uniform01 {
 public:
  explicit Uniform01(std::uint64_t seed) : g_(seed) {}
  double operator()() { return static_cast<double>(g_() >> 11) * 0x1.0p-53; }
  std::size_t index(std::size_t n) { return static_cast<std::size_t>((*this)() * static_cast<double>(n)); }

 private:
  std::mt19937_64 g_;
};

// Loci with alleles[l] alleles over their own pool of antigens[l] antigens: at each locus
// allele 0 is silent, the next ones express one antigen each, the rest two (chosen at
// random), so many genotypes share a phenotype. (The API allows 16 alleles per locus.)
inline bloodgroup::SystemDefinition random_system(const std::vector<int>& alleles, const std::vector<int>& antigens,
                                                  std::uint64_t seed) {
  Uniform01 u(seed);
  bloodgroup::SystemDefinition d;
  d.name = numbered("random, loci: ", alleles.size());
  for (std::size_t l = 0; l < alleles.size(); ++l) {
    const std::size_t first = d.antigens.size();
    const auto pool = static_cast<std::size_t>(antigens[l]);
    for (std::size_t a = 0; a < pool; ++a) d.antigens.push_back(numbered("K", first + a + 1));
    bloodgroup::LocusDefinition locus{numbered("L", l + 1), {}};
    for (int i = 0; i < alleles[l]; ++i) {
      bloodgroup::AlleleDefinition allele{numbered("a", static_cast<std::size_t>(i)), {}};
      const auto k = static_cast<std::size_t>(i);
      if (k >= 1 && k <= pool) allele.antigens.push_back(d.antigens[first + k - 1]);
      if (k > pool) {
        const std::size_t p = u.index(pool);
        std::size_t q = u.index(pool - 1);
        if (q >= p) ++q;
        allele.antigens = {d.antigens[first + std::min(p, q)], d.antigens[first + std::max(p, q)]};
      }
      locus.alleles.push_back(allele);
    }
    d.loci.push_back(locus);
  }
  return d;
}

// Two loci like ABO x Rh-CcEe: 4 alleles (O silent, A, B, A2 expressing A as A does) and
// 6 alleles over C, c, E, e; 24 haplotypes, 300 genotypes.
inline bloodgroup::SystemDefinition two_loci_system() {
  bloodgroup::SystemDefinition d;
  d.name = "two loci, 4 x 6 alleles";
  d.antigens = {"A", "B", "C", "c", "E", "e"};
  d.loci.push_back({"ABO", {{"O", {}}, {"A", {"A"}}, {"B", {"B"}}, {"A2", {"A"}}}});
  d.loci.push_back({"CE",
                    {{"CE", {"C", "E"}}, {"Ce", {"C", "e"}}, {"cE", {"c", "E"}}, {"ce", {"c", "e"}},
                     {"Cw", {"C"}}, {"n", {}}}});
  return d;
}

// Phenotype frequencies of a Hardy-Weinberg population with random (skewed) haplotype
// frequencies, each multiplied by 1 + noise * (u - 1/2), a fraction `zeros` of them set
// to 0 (never all), renormalised.
inline Eigen::VectorXd noisy_phenotypes(const bloodgroup::System& s, double noise, double zeros, std::uint64_t seed) {
  Uniform01 u(seed);
  const auto H = static_cast<Eigen::Index>(s.haplotypes().size());
  Eigen::VectorXd hp(H);
  for (auto& v : hp) v = std::pow(u() + 1e-3, 3);
  hp /= hp.sum();
  Eigen::VectorXd f = Eigen::VectorXd::Zero(static_cast<Eigen::Index>(s.phenotypes().size()));
  for (const auto& g : s.genotypes())
    f[g.phenotype] += hp[g.first] * hp[g.second] * (g.first == g.second ? 1.0 : 2.0);
  for (auto& v : f) {
    v *= 1 + noise * (u() - 0.5);
    if (u() < zeros) v = 0;
  }
  if (f.sum() <= 0) f[0] = 1;
  return f / f.sum();
}

// The benchmark's cases: two systems at the 300-genotype limit (24 haplotypes) and one at the
// 136-genotype multistart limit (16 haplotypes).
inline std::vector<LargeCase> large_cases() {
  std::vector<LargeCase> out;
  auto add = [&](std::string name, bloodgroup::SystemDefinition d, std::uint64_t seed) {
    const auto s = bloodgroup::System::build(d);
    out.push_back({std::move(name), d, noisy_phenotypes(s, 0.3, 0.15, seed)});
  };
  add("user-300-abo-ce", two_loci_system(), 101);
  add("user-300-random-3x8", random_system({3, 8}, {2, 5}, 2), 102);
  add("user-136-random-16", random_system({16}, {6}, 3), 103);
  return out;
}

}  // namespace rbc::test
