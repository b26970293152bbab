#include "genetics/stationary.hpp"

#include <catch2/catch.hpp>
#include <random>

#include "bloodgroup/builtin_systems.hpp"
#include "frequency/populations.hpp"
#include "genetics/gene_counting.hpp"
#include "support/assert_near.hpp"
#include "support/reference.hpp"

using namespace rbc;

namespace {

struct Problem {
  const bloodgroup::System& system;
  genetics::HeredityOperator P;
  Eigen::MatrixXd S;
  Eigen::VectorXd f;
};

Problem problem(const std::string& system, const Eigen::VectorXd& f) {
  const auto& s = bloodgroup::builtin_system(system);
  return {s, genetics::HeredityOperator(s), genetics::phenotype_matrix(s), f};
}

Problem population(const std::string& system, const std::string& table) {
  const auto& s = bloodgroup::builtin_system(system);
  return problem(system, frequency::frequencies_for(s, frequency::builtin_population(table)));
}

// nonnegative: over the probability simplex (the default); false: eq. 3.24 as printed.
genetics::StationarySolution solve(const Problem& p, bool nonnegative, bool sum_to_one = true) {
  genetics::StationaryOptions o;
  o.nonnegative = nonnegative;
  o.sum_to_one = sum_to_one;
  return genetics::stationary_genotypes(p.P, p.S, p.f, genetics::uniform_start(p.P.genotype_count()), o);
}

double x_of(const Problem& p, const genetics::StationarySolution& s, const std::string& label) {
  for (std::size_t g = 0; g < p.system.genotypes().size(); ++g)
    if (p.system.genotypes()[g].label == label) return s.x[static_cast<Eigen::Index>(g)];
  FAIL("no genotype " << label);
  return 0;
}

}  // namespace

// The published numbers of eq. 3.4, eq. 3.5 and Table 3.4 are checked, with their sources,
// by tests/api/reference_values.cpp from tests/reference/genotypes.json; here are the
// properties around them.

TEST_CASE("stationary_genotypes: RhD equals the analytic Hardy-Weinberg solution beside eq. 3.4", "[genetics][property]") {
  const auto p = problem("rhd", test::vec({0.168, 0.832}));
  for (bool nonnegative : {false, true}) {
    const auto s = solve(p, nonnegative);
    CHECK(s.converged);
    const double q = std::sqrt(0.168);
    test::assert_near(s.x, test::vec({0.168, 0.832 - (1 - q) * (1 - q), (1 - q) * (1 - q)}), 1e-6);
  }
}

TEST_CASE("stationary_genotypes: ABO of eq. 3.5 is a least-squares compromise, not a distribution", "[genetics][property]") {
  const auto p = problem("abo", test::vec({0.44, 0.43, 0.09, 0.04}));
  const auto s = solve(p, false);
  CHECK(s.converged);
  // No row of A forces the sum to 1: the fixed point sums to less (thesis sec. 3.3.4).
  CHECK(s.x.sum() < 0.9995);
  CHECK(s.x.sum() > 0.998);
  // With x >= 0 alone nothing changes: no entry wanted to go negative.
  test::assert_near(solve(p, true, false).x, s.x, 1e-6);
  // Over the simplex the answer is a distribution, within 1e-3 of the printed one.
  const auto d = solve(p, true);
  CHECK(d.x.sum() == Approx(1.0).margin(1e-12));
  CHECK(d.x.minCoeff() >= 0);
  test::assert_near(d.x, s.x, 1e-3);
}

TEST_CASE("stationary_genotypes: Rh, Table 3.4, non-negative within 1e-3 and the omitted genotype", "[genetics][validation]") {
  const auto reference = test::reference_case("genotypes", "thesis-table-3.4");
  const auto p = population("rh", "rh/thesis-table-3.4");
  const auto exact = solve(p, false);
  // The genotype Table 3.4 leaves out computes slightly negative as printed: the thesis
  // left a negative value out rather than print it.
  CHECK(x_of(p, exact, "dCE/DCe") < 0);
  CHECK(x_of(p, exact, "dCE/DCe") > -0.0005);
  // The non-negative variant keeps every entry a probability and stays within 1e-3 of the table.
  const auto nn = solve(p, true);
  CHECK(nn.x.minCoeff() >= 0);
  for (const auto& v : reference.at("values")) {
    const std::string label = v.at("label").at("equals");
    INFO(label);
    CHECK(x_of(p, nn, label) == Approx(v.at("published").get<double>()).margin(1e-3));
  }
}

TEST_CASE("multistart_check: every unit-vector start reaches the same distribution within 37 iterations (sec. 3.3.6)",
          "[genetics][validation]") {
  for (const auto& [system, table] : std::vector<std::pair<std::string, std::string>>{
           {"abo", "abo/thesis-table-4.4"}, {"rhd", "rhd/thesis-table-3.1"}, {"rh", "rh/thesis-table-3.4"},
           {"rh", "rh/thesis-table-4.4"}, {"duffy", "duffy/thesis-table-4.4"},
           {"kell", "kell/thesis-table-4.4"}, {"duffy", "duffy/caucasian-sec-3.5.2"},
           {"duffy", "duffy/african-sec-3.5.2"}, {"kidd", "kidd/thesis-table-4.4"}, {"mns", "mns/thesis-table-4.4"}}) {
    for (bool nonnegative : {false, true}) {
      INFO(table << (nonnegative ? " (nonnegative)" : " (as printed)"));
      auto p = population(system, table);
      p.f /= p.f.sum();
      genetics::StationaryOptions o;
      o.nonnegative = nonnegative;
      const auto reference = genetics::stationary_genotypes(p.P, p.S, p.f, genetics::uniform_start(p.P.genotype_count()), o);
      const auto ms = genetics::multistart_check(p.P, p.S, p.f, reference.x, o);
      CHECK(ms.starts == p.P.genotype_count());
      CHECK(ms.all_agree);
      CHECK(*std::max_element(ms.iterations.begin(), ms.iterations.end()) <= 37);
    }
  }
}

TEST_CASE("stationary_genotypes: recovers a Hardy-Weinberg population from its phenotypes", "[genetics][property]") {
  std::mt19937_64 rng(20201124);
  std::uniform_real_distribution<double> u(0.05, 1.0);  // only the fixed generator's bits matter here
  for (const auto& id : {"abo", "rh", "duffy", "kidd", "mns", "kell"}) {
    const auto& s = bloodgroup::builtin_system(id);
    for (int trial = 0; trial < 5; ++trial) {
      Eigen::VectorXd hp(static_cast<Eigen::Index>(s.haplotypes().size()));
      for (auto& v : hp) v = u(rng);
      hp /= hp.sum();
      const Eigen::VectorXd truth = genetics::hardy_weinberg(s, hp);
      const auto p = problem(id, genetics::phenotype_matrix(s).transpose() * truth);
      const auto sol = solve(p, true);
      INFO(id << " trial " << trial);
      CHECK(sol.converged);
      // A stationary x with S'x = f exists, so the residual vanishes and x is a fixed point.
      CHECK(sol.residual < 1e-12);
      CHECK(genetics::stationarity_residual(p.P, sol.x) < 1e-6);
      test::assert_near(p.S.transpose() * sol.x, p.f, 1e-6);
      CHECK(sol.x.minCoeff() >= 0);
      CHECK(sol.x.maxCoeff() <= 1);
    }
  }
}

TEST_CASE("stationary_genotypes: nonnegative keeps probabilities in [0, 1] on random phenotype tables",
          "[genetics][property]") {
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  for (const auto& id : {"abo", "rh", "duffy", "kidd", "mns", "kell"}) {
    const auto& s = bloodgroup::builtin_system(id);
    for (int trial = 0; trial < 5; ++trial) {
      Eigen::VectorXd f(static_cast<Eigen::Index>(s.phenotypes().size()));
      for (auto& v : f) v = u(rng) < 0.3 ? 0.0 : u(rng);  // zeros ("rare") are valid input
      if (f.sum() == 0) f[0] = 1;
      f /= f.sum();
      const auto sol = solve(problem(id, f), true);
      INFO(id << " trial " << trial);
      CHECK(sol.x.minCoeff() >= 0);
      CHECK(sol.x.maxCoeff() <= 1);
      CHECK(std::isfinite(sol.x.sum()));
    }
  }
}

TEST_CASE("stationary_genotypes: relabelling alleles changes nothing", "[genetics][property]") {
  // Duffy with its alleles listed in another order: the same genotypes get the same values.
  bloodgroup::SystemDefinition d = bloodgroup::builtin_system("duffy").definition();
  std::swap(d.loci[0].alleles[0], d.loci[0].alleles[2]);
  const auto other = bloodgroup::System::build(d);
  const auto& base = bloodgroup::builtin_system("duffy");
  const Eigen::VectorXd f = test::vec({0.68, 0.06, 0.25, 0.01});  // same phenotype order (antigens unchanged)
  const auto a = solve(problem("duffy", f), true);
  const genetics::HeredityOperator P(other);
  const auto b = genetics::stationary_genotypes(P, genetics::phenotype_matrix(other), f,
                                                genetics::uniform_start(P.genotype_count()), {});
  for (std::size_t g = 0; g < base.genotypes().size(); ++g) {
    const auto& gt = base.genotypes()[g];
    const auto& h1 = base.haplotypes()[gt.first].name;
    const auto& h2 = base.haplotypes()[gt.second].name;
    for (std::size_t k = 0; k < other.genotypes().size(); ++k) {
      const auto& o = other.genotypes()[k];
      const auto& o1 = other.haplotypes()[o.first].name;
      const auto& o2 = other.haplotypes()[o.second].name;
      if ((o1 == h1 && o2 == h2) || (o1 == h2 && o2 == h1)) {
        INFO(gt.label);
        CHECK(b.x[static_cast<Eigen::Index>(k)] == Approx(a.x[static_cast<Eigen::Index>(g)]).margin(1e-6));
      }
    }
  }
}

TEST_CASE("attracting_ball: a run that stops in the ball converges to the answer's fixed point", "[genetics][property]") {
  // The uniqueness check stops a random start once it is inside the answer's ball (radius
  // 1e-4) and contracting; run on to convergence instead, the start must end at the answer,
  // within about the ball's bound, plus what its own run leaves to its limit (r tol / (1 - r)).
  // Built-in and random tables of five systems, over the simplex, and tables with several
  // answers over x >= 0 alone (Rh with only DCce observed: mirror images, C and c swapped).
  std::mt19937_64 rng(11);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  std::vector<std::pair<Problem, bool>> problems;  // (problem, sum_to_one)
  for (const auto& t : frequency::builtin_populations()) problems.push_back({population(t.system, t.id), true});
  for (const auto& id : {"abo", "rh", "duffy", "kidd", "mns"})
    for (int trial = 0; trial < 4; ++trial) {
      const auto& s = bloodgroup::builtin_system(id);
      Eigen::VectorXd f(static_cast<Eigen::Index>(s.phenotypes().size()));
      for (auto& v : f) v = u(rng) < 0.2 ? 0.0 : u(rng);
      if (f.sum() == 0) f[0] = 1;
      problems.push_back({problem(id, f / f.sum()), true});
    }
  const auto& rh = bloodgroup::builtin_system("rh");
  for (const auto& labels : {std::vector<std::string>{"DCce"}, {"DCce", "ce"}, {"DCce", "DCe", "Dce"}}) {
    Eigen::VectorXd f = Eigen::VectorXd::Zero(static_cast<Eigen::Index>(rh.phenotypes().size()));
    for (const auto& l : labels) {
      REQUIRE(rh.phenotype_by_label(l) >= 0);
      f[rh.phenotype_by_label(l)] = 1;
    }
    problems.push_back({problem("rh", f / f.sum()), false});
  }
  int entered = 0, mirrored = 0;
  double worst = 0;  // the largest distance over its bound
  for (const auto& [p, sum_to_one] : problems) {
    genetics::StationaryOptions o;
    o.sum_to_one = sum_to_one;
    const auto answer = solve(p, true, sum_to_one);
    const auto ball = genetics::attracting_ball(answer, 1e-4);
    if (ball.radius == 0) continue;
    INFO(p.system.definition().name << " sum_to_one " << sum_to_one << " f " << p.f.transpose());
    for (int k = 0; k < 6; ++k) {
      Eigen::VectorXd start(p.P.genotype_count());
      for (auto& v : start) v = -std::log(1 - u(rng));
      start /= start.sum();
      const auto stopped = genetics::stationary_genotypes(p.P, p.S, p.f, start, o, {}, {&answer.x, ball.radius});
      const auto full = genetics::stationary_genotypes(p.P, p.S, p.f, start, o);
      REQUIRE(full.converged);
      if (!stopped.reached_known) {
        CHECK(stopped.x == full.x);  // without the stop, the very same run
        if ((full.x - answer.x).lpNorm<1>() > 1e-2) ++mirrored;
        continue;
      }
      ++entered;
      CHECK_FALSE(stopped.converged);
      CHECK((stopped.x - answer.x).lpNorm<1>() <= ball.radius);
      // The same answer at the check's resolution (1e-4), with room to spare; and the bound,
      // an estimate (the rate is measured, not proven), off by less than a factor of 2.
      const double distance = (full.x - answer.x).lpNorm<1>();
      CHECK(distance <= 1e-5);
      worst = std::max(worst, distance / (ball.limit_distance + ball.rate * o.tolerance / (1 - ball.rate)));
    }
  }
  CHECK(worst < 2);
  CHECK(entered > 50);  // the property was exercised
  CHECK(mirrored > 0);  // and starts that reach another answer were among them, not stopped
}

TEST_CASE("attracting_ball: the bound from a run's last changes, and none where they cannot vouch for one",
          "[genetics][property]") {
  genetics::StationarySolution run;
  run.converged = true;
  run.trace = {{1, 0.5, 0}, {2, 0.4, 0}, {3, 0.2, 0}, {4, 0.1, 0}};
  // Rates 0.5 and 0.5: r = 0.5, r (d + c_last) = 0.5 (1 + 0.1) <= 1, the limit within 0.5 * 0.1 / 0.5.
  auto ball = genetics::attracting_ball(run, 1.0);
  CHECK(ball.radius == 1.0);
  CHECK(ball.rate == Approx(0.5));
  CHECK(ball.limit_distance == Approx(0.1));
  CHECK(genetics::attracting_ball(run, 0.09).radius == 0);  // r (d + c_last) > d: too small a ball to map into itself
  run.trace.pop_back();
  CHECK(genetics::attracting_ball(run, 1.0).radius == 0);  // three steps: no local rate
  run.trace = {{1, 0.5, 0}, {2, 0.4, 0}, {3, 0.2, 0}, {4, 0.02, 0}};
  CHECK(genetics::attracting_ball(run, 1.0).radius == 0);  // rates 0.5 and 0.1 disagree
  run.trace = {{1, 1.0, 0}, {2, 0.95, 0}, {3, 0.9, 0}, {4, 0.86, 0}};
  CHECK(genetics::attracting_ball(run, 100.0).radius == 0);  // slower than 0.9 a step
  run.trace = {{1, 0.5, 0}, {2, 0.4, 0}, {3, 0.2, 0}, {4, 0.1, 0}};
  run.converged = false;
  CHECK(genetics::attracting_ball(run, 1.0).radius == 0);
}
