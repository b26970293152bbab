#include "allocation/matching.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <algorithm>
#include <functional>
#include <limits>
#include <map>
#include <set>
#include <tuple>

#include "common/input_error.hpp"
#include "numeric/linear_program.hpp"
#include "numeric/lp_analysis.hpp"
#include "numeric/random.hpp"

using namespace rbc;
using namespace rbc::allocation;

namespace {

// Antigens (A, B, D, C, c, K): bits 0..5. Major = A, B, D.
constexpr Group A = 1, B = 2, D = 4, C = 8, c = 16, K = 32;
constexpr Group major = A | B | D;

// A made-up patient population over A, B, D, independent antigens: v(i) = P(patient carries i).
double toy_usability(Group g) {
  double v = 1;
  if (g & A) v *= 0.45;
  if (g & B) v *= 0.15;
  if (g & D) v *= 0.85;
  return v;
}

MatchingProblem toy_problem() {
  MatchingProblem p;
  p.antigens = 6;
  p.major = major;
  p.immunogenicity = {0, 0, 0, 0.002, 0.004, 0.023};
  p.mismatch = C | c | K;
  p.substitution = C | c | K;
  p.shelf_life = 35;
  // 0: sickle cell (must match C c K, h = 14, rho = 1); 1: other (ABD, h = G, untyped).
  p.groups = {{major | C | c | K, 14, true, true}, {major, 35, false, false}};
  return p;
}

std::vector<int> assignment(const Matching& m) { return m.unit_request; }

// An untyped patient counts as positive for every antigen but A, B, D (sec. 4.2).
Group patient_of(const MatchingProblem& p, const MatchRequest& r) {
  const Group all = (Group{1} << p.antigens) - 1;
  return p.groups[r.group].typed ? r.type : (r.type & major) | (all & ~major);
}

// c_ij of eq. (7), unrounded, with the toy usabilities.
double pair_cost(const MatchingProblem& p, std::size_t i, std::size_t j) {
  const auto& r = p.requests[j];
  return pair_penalties(p, {p.units[i].type, p.units[i].age + r.days_ahead}, r, toy_usability(p.units[i].type & major), toy_usability(patient_of(p, r) & major))
      .total();
}

// The model as an LP for GLPK's simplex, written apart from src/allocation: x_ij over the
// allowed pairs (eq. 5-6), unit rows (eq. 2), request rows (eq. 3 with a shortage s_j). First
// the most units delivered, then the least cost at that number. Eq. 4 is left out: the
// constraint matrix is totally unimodular, so the simplex's optimum is integral anyway.
struct LpAnswer {
  double delivered = 0, cost = 0;
  bool proven = true;  // aggregated_mip: false when its time limit stopped it
};
LpAnswer lp_answer(const MatchingProblem& p) {
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  std::vector<double> cost;
  for (std::size_t i = 0; i < p.units.size(); ++i)
    for (std::size_t j = 0; j < p.requests.size(); ++j)
      if (allowed(p, {p.units[i].type, p.units[i].age + p.requests[j].days_ahead}, p.requests[j])) {
        pairs.emplace_back(i, j);
        cost.push_back(pair_cost(p, i, j));
      }
  LpAnswer out;
  if (pairs.empty()) return out;
  numeric::LinearProgram lp;
  const std::size_t n = pairs.size();
  lp.bounds.assign(n, {0.0, 1.0});
  for (std::size_t i = 0; i < p.units.size(); ++i) {
    numeric::LinearConstraint row{std::vector<double>(n, 0.0), {std::nullopt, 1.0}};
    for (std::size_t e = 0; e < n; ++e) row.coefficients[e] = pairs[e].first == i ? 1 : 0;
    lp.constraints.push_back(row);
  }
  for (std::size_t j = 0; j < p.requests.size(); ++j) {
    numeric::LinearConstraint row{std::vector<double>(n, 0.0), {std::nullopt, double(p.requests[j].units)}};
    for (std::size_t e = 0; e < n; ++e) row.coefficients[e] = pairs[e].second == j ? 1 : 0;
    lp.constraints.push_back(row);
  }
  lp.maximize = true;
  lp.objective.assign(n, 1.0);
  const auto most = numeric::solve_linear_program(lp);
  REQUIRE(most.status == numeric::LpStatus::optimal);
  out.delivered = most.objective;
  lp.maximize = false;
  lp.objective = cost;
  lp.constraints.push_back({std::vector<double>(n, 1.0), {most.objective, most.objective}});
  const auto least = numeric::solve_linear_program(lp);
  REQUIRE(least.status == numeric::LpStatus::optimal);
  out.cost = least.objective;
  return out;
}

MatchingProblem random_problem(numeric::Rng& rng, int max_units, int max_requests, int max_b) {
  auto p = toy_problem();
  p.lambda = {numeric::uniform01(rng) * 2, numeric::uniform01(rng), numeric::uniform01(rng), numeric::uniform01(rng),
              numeric::uniform01(rng)};
  const auto type = [&] {
    Group g = 0;
    for (Group a : {A, B, D, C, c, K})
      if (numeric::bernoulli(rng, a == K ? 0.2 : 0.55)) g |= a;
    return g;
  };
  const int m = static_cast<int>(numeric::uniform_int(rng, 0, max_units));
  const int n = static_cast<int>(numeric::uniform_int(rng, 0, max_requests));
  for (int i = 0; i < m; ++i) p.units.push_back({type(), static_cast<int>(numeric::uniform_int(rng, 0, 35))});
  for (int j = 0; j < n; ++j) {
    const Group t = type();
    const Group antibodies = numeric::bernoulli(rng, 0.2) ? (K & ~t) : 0;
    p.requests.push_back({t, antibodies, static_cast<std::size_t>(numeric::uniform_int(rng, 0, 1)),
                          static_cast<int>(numeric::uniform_int(rng, 1, max_b))});
  }
  return p;
}

// Every assignment of each unit to nothing or to one request, within b_j: the most units
// delivered, then the least cost. (n + 1)^m assignments.
LpAnswer brute_force(const MatchingProblem& p) {
  LpAnswer best{-1, 0};
  std::vector<int> to(p.units.size(), -1);
  std::vector<int> load(p.requests.size(), 0);
  std::function<void(std::size_t, int, double)> go = [&](std::size_t i, int delivered, double cost) {
    if (i == p.units.size()) {
      if (delivered > best.delivered || (delivered == best.delivered && cost < best.cost - 1e-12))
        best = {static_cast<double>(delivered), cost};
      return;
    }
    go(i + 1, delivered, cost);
    for (std::size_t j = 0; j < p.requests.size(); ++j)
      if (load[j] < p.requests[j].units && allowed(p, p.units[i], p.requests[j])) {
        const double c = pair_cost(p, i, j);
        ++load[j];
        go(i + 1, delivered + 1, cost + c);
        --load[j];
      }
  };
  go(0, 0, 0.0);
  return best;
}

void check_hard_rules(const MatchingProblem& p, const Matching& m) {
  std::vector<int> load(p.requests.size(), 0);
  for (std::size_t i = 0; i < p.units.size(); ++i) {
    const int j = m.unit_request[i];
    if (j < 0) continue;
    const auto& u = p.units[i];
    const auto& r = p.requests[static_cast<std::size_t>(j)];
    const auto& g = p.groups[r.group];
    const Group patient = patient_of(p, r);
    CHECK((u.type & ~patient & (g.must_match | major)) == 0);  // ABO-D and must-match
    CHECK((u.type & r.antibodies) == 0);                       // antibodies
    CHECK(u.age <= g.max_age);                                 // eq. 6
    ++load[static_cast<std::size_t>(j)];
  }
  for (std::size_t j = 0; j < p.requests.size(); ++j) {
    CHECK(load[j] == m.requests[j].delivered);
    CHECK(load[j] <= p.requests[j].units);  // eq. 3
    // A shortage only when no unit that could serve the request is left unassigned.
    if (m.requests[j].delivered < p.requests[j].units)
      for (std::size_t i = 0; i < p.units.size(); ++i)
        if (allowed(p, p.units[i], p.requests[j])) CHECK(m.unit_request[i] >= 0);
  }
}

}  // namespace

TEST_CASE("pair_penalties: the young-blood penalty pi_5 is least at 7 days, seed 004 sec. 3.2 and 5.2.4",
          "[matching][validation]") {
  // alpha = (7.69, 9.58, 1.20): the minimum of -g/alpha_1 + exp(g - alpha_2) lies at
  // g = alpha_2 - ln alpha_1 = 7.54 days, and over whole days at 7, the modal age the seed
  // reports for units given to SCD patients with the penalty (sec. 5.2.4, Fig. 5a).
  auto p = toy_problem();
  p.lambda = {0, 0, 0, 0, 1};
  const MatchRequest scd{major, 0, 0, 1};
  std::vector<double> pi5;
  for (int g = 0; g <= 14; ++g) pi5.push_back(pair_penalties(p, {0, g}, scd, 1, 1).young_blood);
  CHECK(std::min_element(pi5.begin(), pi5.end()) - pi5.begin() == 7);
  CHECK(pi5[7] == Approx((-7 / 7.69 + std::exp(7 - 9.58)) * 1.20).epsilon(1e-12));
  CHECK(pi5[14] > 90);  // a 14-day-old unit costs far more than any other term
}

TEST_CASE("pair_penalties: FIFO pi_4 halves every 5 days younger, eq. 8, and is 0 for rho = 1", "[matching][validation]") {
  auto p = toy_problem();
  p.lambda = {0, 0, 0, 1, 0};
  const MatchRequest other{major, 0, 1, 1}, scd{major, 0, 0, 1};
  CHECK(pair_penalties(p, {0, 35}, other, 1, 1).fifo == Approx(-1.0));
  CHECK(pair_penalties(p, {0, 30}, other, 1, 1).fifo == Approx(-0.5));
  CHECK(pair_penalties(p, {0, 25}, other, 1, 1).fifo == Approx(-0.25));
  CHECK(pair_penalties(p, {0, 30}, scd, 1, 1).fifo == 0.0);
}

TEST_CASE("pair_penalties: pi_1, pi_2, pi_3 of sec. 3.2 on one pair", "[matching][validation]") {
  auto p = toy_problem();
  p.groups[0].must_match = major;  // so that C, c, K may be mismatched
  const MatchUnit unit{D | C | K, 3};
  const MatchRequest patient{A | D | c, 0, 0, 1};
  const auto t = pair_penalties(p, unit, patient, toy_usability(D), toy_usability(A | D));
  CHECK(t.immunogenicity == Approx(0.002 + 0.023));  // C and K mismatched
  CHECK(t.major_substitution == Approx(0.85 - 0.45 * 0.85));  // O+ to an A+ patient
  CHECK(t.minor_substitution == Approx(0.004));  // c substituted
}

TEST_CASE("match: ABO-D, must-match antigens, antibodies and maximum age are hard rules, eq. 5-6", "[matching][property]") {
  auto p = toy_problem();
  p.units = {{A | D, 3}, {D | K, 3}, {D | C, 20}, {D | c, 3}, {D, 5}};
  p.requests = {{D, K, 0, 1}, {D | C, 0, 0, 1}};
  const auto m = match(p, toy_usability);
  check_hard_rules(p, m);
  // Only unit 4 (O+, c-negative... c, C and K negative) serves request 0 (D, anti-K); request 1 (D C, SCD) can
  // take unit 4 too, but unit 2 (C) is 20 days old and unit 3 carries c: request 1 goes short.
  CHECK(m.delivered == 1);
  CHECK(m.shortage == 1);
  CHECK(m.unit_request[4] >= 0);
}

TEST_CASE("match: random instances keep the hard rules and equal GLPK's simplex", "[matching][property]") {
  numeric::Rng rng(20241125);
  for (int trial = 0; trial < 150; ++trial) {
    const auto p = random_problem(rng, 12, 6, 3);
    const auto m = match(p, toy_usability);
    check_hard_rules(p, m);
    const auto lp = lp_answer(p);
    INFO("trial " << trial);
    CHECK(static_cast<double>(m.delivered) == lp.delivered);
    CHECK(m.objective.total() == Approx(lp.cost).margin(m.objective_gap_bound + 1e-9));
  }
}

TEST_CASE("match: brute force over every assignment of tiny instances gives the same optimum", "[matching][property]") {
  numeric::Rng rng(7);
  for (int trial = 0; trial < 150; ++trial) {
    const auto p = random_problem(rng, 6, 3, 2);
    const auto m = match(p, toy_usability);
    const auto best = brute_force(p);
    INFO("trial " << trial);
    CHECK(static_cast<double>(m.delivered) == best.delivered);
    CHECK(m.objective.total() == Approx(best.cost).margin(m.objective_gap_bound + 1e-9));
  }
}

TEST_CASE("match: units of one type and age are interchangeable, not a tie; they go in list order", "[matching][property]") {
  auto p = toy_problem();
  p.units = {{D, 5}, {D, 5}};
  p.requests = {{D, 0, 0, 1}};
  auto m = match(p, toy_usability);
  CHECK(m.unique);
  CHECK(assignment(m) == std::vector<int>{0, -1});
  p.requests = {{D, 0, 0, 1}, {D, 0, 0, 1}};
  m = match(p, toy_usability);
  CHECK(m.unique);
  CHECK(assignment(m) == std::vector<int>{0, 1});
}

TEST_CASE("match: two different units of equal penalty make a tie, reported, and the tie-break takes the first listed",
          "[matching][property]") {
  auto p = toy_problem();
  p.immunogenicity[3] = p.immunogenicity[4] = 0.003;  // C and c equally immunogenic
  p.units = {{D | c, 5}, {D | C, 5}};
  p.requests = {{D | C | c, 0, 0, 1}};  // either lacks one of the patient's antigens: the same minor substitution
  const auto m = match(p, toy_usability);
  CHECK_FALSE(m.unique);
  CHECK(m.varying_arcs == 2);
  CHECK(assignment(m) == std::vector<int>{0, -1});
  CHECK(m.tie_break_unique);
  // One unit a day fresher (closer to 7 days) is strictly better: unique.
  p.units[1].age = 6;
  const auto u = match(p, toy_usability);
  CHECK(u.unique);
  CHECK(assignment(u) == std::vector<int>{-1, 0});
}

// ---- Exact costs: a large penalty beside small ones (issue 22 item 1) ----

namespace {

// Every optimum of a tiny instance, by enumeration: each unit to nothing or to one request
// within b_j; the most units delivered; then every assignment whose exact (double) cost is
// within `tie` of the least. Units of one type and age are interchangeable, so an optimum is
// told apart from another only by how many units of each class go to each request.
struct Optima {
  double delivered = -1, cost = 0;
  std::size_t classes = 0;
  std::vector<std::size_t> unit_class;
  std::set<std::vector<int>> matchings;  // units per (class c, request j), at c * n + j
  // Whether every optimum gives the same units of class c (or, c = classes, in all) to j.
  bool agree(std::size_t c, std::size_t j, std::size_t n) const {
    std::set<int> seen;
    for (const auto& x : matchings) {
      int units = 0;
      for (std::size_t k = 0; k < classes; ++k)
        if (k == c || c == classes) units += x[k * n + j];
      seen.insert(units);
    }
    return seen.size() == 1;
  }
};

Optima all_optima(const MatchingProblem& p, double tie = 1e-9) {
  Optima out;
  std::map<std::pair<Group, int>, std::size_t> index;
  for (const auto& u : p.units) out.unit_class.push_back(index.emplace(std::pair{u.type, u.age}, index.size()).first->second);
  out.classes = index.size();
  const std::size_t n = p.requests.size();
  std::vector<std::pair<std::vector<int>, double>> found;  // at the most units delivered so far
  std::vector<int> count(out.classes * n, 0), load(n, 0);
  std::function<void(std::size_t, int, double)> go = [&](std::size_t i, int delivered, double cost) {
    if (i == p.units.size()) {
      if (delivered > out.delivered) out.delivered = delivered, found.clear();
      if (delivered == out.delivered) found.emplace_back(count, cost);
      return;
    }
    go(i + 1, delivered, cost);
    for (std::size_t j = 0; j < n; ++j)
      if (load[j] < p.requests[j].units && allowed(p, p.units[i], p.requests[j])) {
        ++load[j], ++count[out.unit_class[i] * n + j];
        go(i + 1, delivered + 1, cost + pair_cost(p, i, j));
        --load[j], --count[out.unit_class[i] * n + j];
      }
  };
  go(0, 0, 0.0);
  out.cost = std::numeric_limits<double>::infinity();
  for (const auto& f : found) out.cost = std::min(out.cost, f.second);
  for (const auto& f : found)
    if (f.second <= out.cost + tie) out.matchings.insert(f.first);
  return out;
}

// The Extended rule's 17 antigens (bits in this order) with the default immunogenicities and
// the seed's two patient groups; units and patients drawn with rough European antigen
// frequencies, seven in ten patients with sickle-cell disease, one in five of those with an
// antibody.
const std::vector<std::string> extended_antigens = {"A", "B", "D", "C", "c", "E", "e", "K", "k",
                                                    "Fya", "Fyb", "Jka", "Jkb", "M", "N", "S", "s"};

MatchingProblem extended_day(numeric::Rng& rng, int units, int requests) {
  MatchingProblem p;
  p.antigens = extended_antigens.size();
  p.major = major;
  for (const auto& a : extended_antigens) {
    double w = 0;
    for (const auto& d : default_immunogenicity())
      if (d.antigen == a) w = d.w;
    p.immunogenicity.push_back(w);
  }
  const Group minor = ((Group{1} << p.antigens) - 1) & ~major;
  p.mismatch = p.substitution = minor;
  const Group rh_k = major | (Group{0xF8});  // A B D C c E e K
  p.groups = {{rh_k, 14, true, true}, {major, 35, false, false}};
  const std::vector<double> f = {0.45, 0.15, 0.85, 0.68, 0.8, 0.3, 0.98, 0.09, 0.998,
                                 0.66, 0.83, 0.77, 0.74, 0.78, 0.72, 0.55, 0.89};
  const auto type = [&] {
    Group g = 0;
    for (std::size_t k = 0; k < f.size(); ++k)
      if (numeric::bernoulli(rng, f[k])) g |= Group{1} << k;
    return g;
  };
  for (int i = 0; i < units; ++i) p.units.push_back({type(), static_cast<int>(numeric::uniform_int(rng, 0, 34))});
  for (int j = 0; j < requests; ++j) {
    const bool scd = numeric::bernoulli(rng, 0.7);
    const Group t = type();
    Group antibodies = 0;
    if (scd && numeric::bernoulli(rng, 0.2)) {
      const auto k = static_cast<std::size_t>(numeric::uniform_int(rng, 3, 16));
      antibodies = (Group{1} << k) & ~t;
    }
    p.requests.push_back({t, antibodies, scd ? std::size_t{0} : std::size_t{1}, static_cast<int>(numeric::uniform_int(rng, 1, 3))});
  }
  return p;
}

}  // namespace

TEST_CASE("match: a large young-blood weight leaves FIFO weighed: U2 to P1, the only best matching (issue 22)",
          "[matching][regression]") {
  // The example: lambda_5 = 50 and sickle-cell units up to 21 days make U3's penalty for
  // P2 about 5.5e6, beside FIFO terms of a few hundredths. U3 must go to P2 (the only ABO-D
  // compatible unit); P1 then takes the older of U1 and U2, which FIFO (eq. 8) prefers.
  auto p = toy_problem();
  p.lambda.young_blood = 50;
  p.groups[0].max_age = 21;
  p.units = {{A | D, 8}, {A | D, 12}, {D, 21}};
  p.requests = {{A | D, 0, 1, 1}, {D, 0, 0, 1}};
  const auto m = match(p, toy_usability);
  CHECK(assignment(m) == std::vector<int>{-1, 0, 1});
  CHECK(m.unique);
  CHECK(m.varying_arcs == 0);
  const auto all = all_optima(p);
  CHECK(all.matchings.size() == 1);
  // The next best (U1 to P1) costs 2^{-23/5} - 2^{-27/5} = 0.0176 more.
  CHECK(pair_cost(p, 0, 0) - pair_cost(p, 1, 0) == Approx(std::exp2(-23.0 / 5) - std::exp2(-27.0 / 5)).epsilon(1e-12));
  CHECK(pair_cost(p, 0, 0) - pair_cost(p, 1, 0) == Approx(0.0176).margin(5e-5));
  CHECK(m.objective.total() == Approx(all.cost).epsilon(1e-12));
  // Solved in 64-bit integers at a scale that resolves FIFO: nothing to warn about.
  CHECK(m.cost_scale >= 1e10);
  CHECK(m.objective_gap_bound < 1e-9);
  CHECK_FALSE(m.rounding_material);
}

TEST_CASE("match: a 54-unit, 14-request Extended day with young-blood weight 1000 has the exact optimum, GLPK's simplex",
          "[matching][regression]") {
  // The second example, rebuilt: costs up to about 1e5 beside immunogenicities of 1e-4.
  // The simplex works on the unrounded costs (the LP relaxation is integral, see lp_answer).
  for (std::uint64_t seed : {54014, 54015, 54016, 54017}) {
    numeric::Rng rng(seed);
    auto p = extended_day(rng, 54, 14);
    p.lambda.young_blood = 1000;
    const auto m = match(p, toy_usability);
    const auto lp = lp_answer(p);
    INFO("seed " << seed << ": match " << m.objective.total() << ", simplex " << lp.cost);
    CHECK(static_cast<double>(m.delivered) == lp.delivered);
    CHECK(m.objective.total() == Approx(lp.cost).epsilon(1e-12));
    CHECK(m.objective.total() - lp.cost <= m.objective_gap_bound + 1e-9);
    CHECK_FALSE(m.rounding_material);
    check_hard_rules(p, m);
  }
}

TEST_CASE("match: a young-blood penalty of 1e15 is solved, not refused, and said to hide the smaller terms",
          "[matching][regression]") {
  // alpha_2 = 0 and sickle-cell units up to 35 days: pi_5 reaches 1.2 e^35 = 1.9e15, so the
  // scale falls far below what resolves FIFO (2^{-7} at 0 days). The units still go where
  // they must (the freshest to the sickle-cell patient); the response then warns.
  auto p = toy_problem();
  p.alpha.alpha2 = 0;
  p.groups[0].max_age = 35;
  p.units = {{D, 35}, {D, 34}, {D, 5}, {D, 6}};
  p.requests = {{D, 0, 0, 2}, {D, 0, 1, 2}};
  const auto m = match(p, toy_usability);
  CHECK(assignment(m) == std::vector<int>{1, 1, 0, 0});
  CHECK(m.largest_term.young_blood == Approx(1.2 * (-35 / 7.69 + std::exp(35.0))));
  CHECK(m.smallest_term.fifo == Approx(std::exp2(-6.0)));  // the 5-day unit for the other patient
  CHECK(m.cost_scale <= 1e2);
  CHECK(m.rounding_error > 1e-3 * m.smallest_term.minor_substitution);
  CHECK(m.rounding_material);
  CHECK(m.objective.total() == Approx(lp_answer(p).cost).epsilon(1e-12));
}

TEST_CASE("match: per request with nothing charged is the per-unit flow, its exact costs and rounding warning included",
          "[matching][regression]") {
  // The day above types no minor antigen, so no mismatch is charged: per request is the same
  // problem, answered by the flow on integer terms (cost scale, rounding_material, uniqueness),
  // not by branch and bound on unrounded costs.
  auto p = toy_problem();
  p.alpha.alpha2 = 0;
  p.groups[0].max_age = 35;
  p.units = {{D, 35}, {D, 34}, {D, 5}, {D, 6}};
  p.requests = {{D, 0, 0, 2}, {D, 0, 1, 2}};
  const auto by_unit = match(p, toy_usability);
  p.count = MismatchCount::per_request;
  const auto by_request = match(p, toy_usability);
  CHECK(assignment(by_request) == assignment(by_unit));
  CHECK(by_request.uniqueness_analysed);
  CHECK(by_request.unique == by_unit.unique);
  CHECK(by_request.cost_scale == by_unit.cost_scale);
  CHECK(by_request.objective_gap_bound == by_unit.objective_gap_bound);
  CHECK(by_request.rounding_material);
  CHECK(by_request.mip_columns == 0);
}

TEST_CASE("match: random instances with weights up to 1000 and young blood up to 21 days equal GLPK's simplex",
          "[matching][property]") {
  numeric::Rng rng(20260222);
  for (int trial = 0; trial < 150; ++trial) {
    auto p = random_problem(rng, 12, 6, 3);
    // Weights from 0.1 to 1000 (log-uniform): costs from 1e-4 to about 1e8.
    for (double* w : {&p.lambda.immunogenicity, &p.lambda.major_substitution, &p.lambda.minor_substitution,
                      &p.lambda.fifo, &p.lambda.young_blood})
      *w = std::pow(10.0, -1 + 4 * numeric::uniform01(rng));
    p.groups[0].max_age = static_cast<int>(numeric::uniform_int(rng, 14, 21));
    const auto m = match(p, toy_usability);
    const auto lp = lp_answer(p);
    INFO("trial " << trial);
    CHECK(static_cast<double>(m.delivered) == lp.delivered);
    CHECK(m.objective.total() == Approx(lp.cost).epsilon(1e-12));
  }
}

TEST_CASE("match: two untyped patients swapping their units is a tie, whatever the usabilities (each term rounded once)",
          "[matching][regression]") {
  // O+ and A+ units of one age for an A+ and an AB+ patient of the untyped group: both units
  // suit both patients, and either way the penalty is lambda_2 (v(O+) + v(A+) - v(A+) - v(AB+))
  // plus the same FIFO and substitution terms. Usabilities with no short decimal expansion
  // (as real population tables give) made rounding each pair's total apart miss the tie.
  const auto usability = [](Group g) { return toy_usability(g) * 0.7071067811865476; };
  int ties = 0;
  for (int k = 1; k <= 40; ++k) {
    auto p = toy_problem();
    p.lambda.major_substitution = 0.0251 * k;
    p.units = {{D, 10}, {A | D, 10}};
    p.requests = {{A | D, 0, 1, 1}, {A | B | D, 0, 1, 1}};
    const auto m = match(p, usability);
    INFO("lambda_2 " << p.lambda.major_substitution);
    CHECK_FALSE(m.unique);
    CHECK(m.varying_arcs == 4);
    ties += m.unique ? 0 : 1;
  }
  CHECK(ties == 40);
}

TEST_CASE("match: uniqueness and the fixed pairs equal enumeration of every optimum on the exact costs",
          "[matching][property]") {
  // Ties are real here: for patients of the untyped group every term but the usability of the
  // patient's own type depends on the unit alone, so swapping two such patients' units changes
  // nothing exactly, yet rounding each pair's cost apart can make one swap look better.
  numeric::Rng rng(2202);
  int ties = 0, single = 0;
  for (int trial = 0; trial < 300; ++trial) {
    auto p = random_problem(rng, 6, 3, 2);
    for (auto& r : p.requests)
      if (numeric::bernoulli(rng, 0.7)) r.group = 1;  // mostly untyped patients: ties
    if (trial % 3 == 2) p.lambda.young_blood *= 1000, p.groups[0].max_age = 21;  // a wide range of costs
    const auto m = match(p, toy_usability);
    const auto all = all_optima(p);
    const std::size_t n = p.requests.size();
    INFO("trial " << trial);
    REQUIRE(static_cast<double>(m.delivered) == all.delivered);
    CHECK(m.objective.total() == Approx(all.cost).epsilon(1e-9).margin(1e-12));
    CHECK(m.unique == (all.matchings.size() == 1));
    std::size_t varying = 0;
    for (std::size_t j = 0; j < n; ++j) {
      for (std::size_t c = 0; c < all.classes; ++c)
        if (!all.agree(c, j, n)) ++varying;
      if (!all.agree(all.classes, j, n)) ++varying;  // its shortage (the dummy supply's arc)
      CHECK(m.requests[j].fixed == all.agree(all.classes, j, n));
    }
    CHECK(m.varying_arcs == varying);
    for (const auto& pair : m.pairs) CHECK(pair.fixed == all.agree(all.unit_class[pair.unit], pair.request, n));
    ++(all.matchings.size() == 1 ? single : ties);
  }
  CHECK(ties > 15);
  CHECK(single > 100);
}

TEST_CASE("match: limits are refused before any work, naming them", "[matching][property]") {
  auto p = toy_problem();
  p.units.resize(max_match_units + 1);
  try {
    match(p, toy_usability);
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(e.path() == "units");
    CHECK_THAT(e.what(), Catch::Contains("at most 5000"));
  }
  p.units.resize(1000);
  p.requests.resize(1001);
  try {
    match(p, toy_usability);
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(e.path() == "units");
    CHECK_THAT(e.what(), Catch::Contains("pairs (at most 1000000)"));
  }
}

TEST_CASE("match: bad inputs name their field", "[matching][property]") {
  auto p = toy_problem();
  p.units = {{D, 40}};
  CHECK_THROWS_WITH(match(p, toy_usability), Catch::Contains("age of a unit"));
  p.units = {{D, 4}};
  p.requests = {{D | K, K, 0, 1}};
  try {
    match(p, toy_usability);
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(e.path() == "requests[0].antibodies");
  }
  p.requests = {{D, 0, 0, 0}};
  CHECK_THROWS_WITH(match(p, toy_usability), Catch::Contains("1 to 20 units"));
  p.requests = {};
  p.lambda.fifo = -1;
  CHECK_THROWS_WITH(match(p, toy_usability), Catch::Contains("FIFO weight"));
}

TEST_CASE("match: progress reaches 1 in order, and a cancel stops at the first checkpoint", "[matching][property]") {
  auto p = toy_problem();
  p.units = {{D, 5}, {D | C, 6}};
  p.requests = {{D | C, 0, 0, 2}};
  Progress stop([](double, std::string_view) { return false; });
  CHECK_THROWS_AS(match(p, toy_usability, stop), Cancelled);
  std::vector<double> seen;
  Progress watch([&](double f, std::string_view) { seen.push_back(f); return true; }, 0.0);
  match(p, toy_usability, watch);
  REQUIRE_FALSE(seen.empty());
  CHECK(std::is_sorted(seen.begin(), seen.end()));
  CHECK(seen.back() == 1.0);
}

// ---- Counting mismatches per request (a MIP) ----

namespace {

// The toy problem with a third, typed group that must match only A, B, D, so pi_1 is charged
// (the toy's sickle-cell group must match every penalised antigen, and "other" is untyped).
MatchingProblem per_request_problem(numeric::Rng& rng, int max_units, int max_requests, int max_b) {
  auto p = random_problem(rng, max_units, max_requests, max_b);
  p.groups.push_back({major, 35, false, true});
  p.count = MismatchCount::per_request;
  p.lambda.immunogenicity = 20 + 200 * numeric::uniform01(rng);  // pi_1 comparable to the other terms
  for (auto& r : p.requests) r.group = static_cast<std::size_t>(numeric::uniform_int(rng, 0, 2));
  return p;
}

// Every assignment as in brute_force, the cost being the per-unit terms without pi_1 plus
// lambda_1 w_k once per (request, antigen of I_j mismatched by any of its units).
LpAnswer brute_force_per_request(const MatchingProblem& p) {
  LpAnswer best{-1, 0};
  std::vector<int> to(p.units.size(), -1);
  std::vector<int> load(p.requests.size(), 0);
  const auto patient = [&](const MatchRequest& r) {
    return p.groups[r.group].typed ? r.type : (r.type & major) | (63 & ~major);
  };
  const auto cost_of = [&] {
    double cost = 0;
    std::vector<Group> charged(p.requests.size(), 0);
    for (std::size_t i = 0; i < p.units.size(); ++i) {
      if (to[i] < 0) continue;
      const auto& r = p.requests[static_cast<std::size_t>(to[i])];
      cost += pair_penalties(p, p.units[i], r, toy_usability(p.units[i].type & major), toy_usability(patient(r) & major)).total();
      charged[static_cast<std::size_t>(to[i])] |= p.units[i].type & ~patient(r) & p.mismatch;
    }
    for (Group g : charged)
      for (std::size_t k = 0; k < p.antigens; ++k)
        if ((g >> k) & 1U) cost += p.lambda.immunogenicity * p.immunogenicity[k];
    return cost;
  };
  std::function<void(std::size_t, int)> go = [&](std::size_t i, int delivered) {
    if (i == p.units.size()) {
      const double cost = cost_of();
      if (delivered > best.delivered || (delivered == best.delivered && cost < best.cost - 1e-12))
        best = {static_cast<double>(delivered), cost};
      return;
    }
    go(i + 1, delivered);
    for (std::size_t j = 0; j < p.requests.size(); ++j)
      if (load[j] < p.requests[j].units && allowed(p, p.units[i], p.requests[j])) {
        ++load[j], to[i] = static_cast<int>(j);
        go(i + 1, delivered + 1);
        --load[j], to[i] = -1;
      }
  };
  go(0, 0);
  return best;
}

// Whether some allowed pair would pay pi_1 per request: a typed patient lacking an antigen of
// I (not one its group must match) with w > 0 that the unit carries.
bool charges(const MatchingProblem& p) {
  for (const auto& u : p.units)
    for (const auto& r : p.requests) {
      const auto& g = p.groups[r.group];
      if (!g.typed || !allowed(p, u, r)) continue;
      const Group mismatched = u.type & ~r.type & p.mismatch & ~g.must_match;
      for (std::size_t k = 0; k < p.antigens; ++k)
        if (((mismatched >> k) & 1U) && p.lambda.immunogenicity * p.immunogenicity[k] > 0) return true;
    }
  return false;
}

}  // namespace

TEST_CASE("match: per request, brute force over every assignment of tiny instances gives the MIP's optimum",
          "[matching][property]") {
  numeric::Rng rng(11);
  for (const bool all_typed : {false, true}) {
    for (int trial = 0; trial < 150; ++trial) {
      auto p = per_request_problem(rng, 6, 3, 3);
      if (all_typed)
        for (auto& r : p.requests) r.group = 2;  // the group whose mismatches are charged
      const auto m = match(p, toy_usability);
      const auto best = brute_force_per_request(p);
      INFO("trial " << trial << (all_typed ? ", every patient typed" : ""));
      CHECK(m.proven_optimal);
      // Nothing charged: the same problem as per unit, whose flow analyses uniqueness.
      CHECK(m.uniqueness_analysed == !charges(p));
      CHECK(static_cast<double>(m.delivered) == best.delivered);
      CHECK(m.objective.total() == Approx(best.cost).margin(m.objective_gap_bound + 1e-9));
      check_hard_rules(p, m);
    }
  }
}

TEST_CASE("match: per request never costs more than per unit, and keeps the hard rules", "[matching][property]") {
  numeric::Rng rng(12);
  for (int trial = 0; trial < 40; ++trial) {
    auto p = per_request_problem(rng, 30, 8, 4);
    const auto by_request = match(p, toy_usability);
    p.count = MismatchCount::per_unit;
    const auto by_unit = match(p, toy_usability);
    INFO("trial " << trial);
    // Any matching's per-request cost is at most its per-unit cost, so the optima compare so.
    CHECK(by_request.objective.total() <= by_unit.objective.total() + by_unit.objective_gap_bound + 1e-9);
    CHECK(by_request.delivered == by_unit.delivered);  // the maximum flow, fixed first
    p.count = MismatchCount::per_request;
    check_hard_rules(p, by_request);
  }
}

TEST_CASE("match: per request, two units mismatched for the same antigen pay once", "[matching][validation]") {
  auto p = toy_problem();
  p.groups.push_back({major, 35, false, true});  // typed, must match A B D only
  p.lambda = {1, 0, 0, 0, 0};                      // pi_1 only
  p.units = {{D | C, 10}, {D | C, 12}};
  p.requests = {{D, 0, 2, 2}};  // C-negative, two units: both mismatch C
  const auto by_unit = match(p, toy_usability);
  CHECK(by_unit.objective.immunogenicity == Approx(2 * 0.002));
  p.count = MismatchCount::per_request;
  const auto by_request = match(p, toy_usability);
  CHECK(by_request.delivered == 2);
  CHECK(by_request.objective.immunogenicity == Approx(0.002));
  CHECK(by_request.requests[0].mismatch_units[3] == 2);  // still two units mismatched for C
  // xA keeps its meaning: the expected alloimmunisations of every mismatched unit.
  CHECK(by_request.expected_alloimmunisations == Approx(by_unit.expected_alloimmunisations));
  // One request taking both C units pays once; splitting them over two requests would pay twice.
  p.units = {{D | C, 10}, {D | C, 12}, {D, 11}, {D, 13}};
  p.requests = {{D, 0, 2, 2}, {D, 0, 2, 2}};
  const auto grouped = match(p, toy_usability);
  CHECK(grouped.objective.immunogenicity == Approx(0.002));
  CHECK(grouped.unit_request[0] == grouped.unit_request[1]);
}

TEST_CASE("match: per request, more allowed pairs than the MIP's limit are refused before any work, naming it",
          "[matching][property]") {
  auto p = toy_problem();
  p.groups.push_back({major, 35, false, true});  // typed, must match A B D: c is charged
  p.count = MismatchCount::per_request;
  for (int a = 0; a <= 35; ++a) p.units.push_back({D, a}), p.units.push_back({D | c, a});  // 72 classes
  const int n = static_cast<int>(max_per_request_pairs / 72 + 1);
  for (int j = 0; j < n; ++j) p.requests.push_back({D, 0, 2, 1});  // c-negative: all allowed, half charged
  REQUIRE(static_cast<std::size_t>(72 * n) > max_per_request_pairs);
  Progress watch([](double, std::string_view stage) { return stage != "branch and bound"; }, 0.0);
  try {
    match(p, toy_usability, watch);
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(e.code() == "limit_exceeded");
    CHECK(e.path() == "mismatch_count");
    CHECK_THAT(e.what(), Catch::Contains("limited to " + std::to_string(max_per_request_pairs)));
  }
  // Untyped patients pay no pi_1: per request is then the flow, with no such limit.
  for (auto& r : p.requests) r.group = 1;
  const auto untyped = match(p, toy_usability);
  CHECK(untyped.delivered == n);
  CHECK(untyped.uniqueness_analysed);
  p.count = MismatchCount::per_unit;  // nor per unit
  CHECK(match(p, toy_usability).delivered == n);
}

TEST_CASE("match: per request, a cancel as branch and bound starts stops it", "[matching][property]") {
  numeric::Rng rng(13);
  auto p = per_request_problem(rng, 30, 8, 4);
  for (auto& r : p.requests) r.group = 2;
  REQUIRE(charges(p));
  Progress stop([](double f, std::string_view) { return f < 0.3; }, 0.0);
  CHECK_THROWS_AS(match(p, toy_usability, stop), Cancelled);
}

namespace {

// A hospital's day at the scale of bench/match.mjs's smaller day, over A B D C c K and four
// antigens of Duffy, Kidd and MNS (bits 6-9: Fya, Jka, M, S) with Evers et al.'s
// immunogenicities (docs/methods/matching.md): `m` units of every age; `n` patients with
// 1-3 units each: 60 % sickle-cell-like (Rh and K matched, fresh blood with the young-blood
// penalty, Fya Jka M S charged), 20 % typed with A, B, D matched only, 20 % untyped. Seed
// 004's weights (all 1), so pi_1 is small beside the age terms, as on the real day.
constexpr Group Fya = 64, Jka = 128, M = 256, S = 512;

MatchingProblem hospital_day(numeric::Rng& rng, int m, int n) {
  MatchingProblem p;
  p.antigens = 10;
  p.major = major;
  p.immunogenicity = {0, 0, 0, 0.00074, 0.001235, 0.00826, 0.00046, 0.00147, 0.00061, 0.000125};
  p.mismatch = p.substitution = C | c | K | Fya | Jka | M | S;
  p.count = MismatchCount::per_request;
  p.groups = {{major | C | c | K, 14, true, true}, {major, 35, false, false}, {major, 35, false, true}};
  const auto type = [&](bool african) {
    Group g = 0;
    const std::pair<Group, double> freq[] = {{A, 0.45},   {B, 0.15},   {D, 0.85}, {C, 0.7},
                                             {c, 0.8},    {K, 0.09},   {Fya, african ? 0.1 : 0.66},
                                             {Jka, 0.77}, {M, 0.78},   {S, african ? 0.3 : 0.55}};
    for (const auto& [a, f] : freq)
      if (numeric::bernoulli(rng, f)) g |= a;
    return g;
  };
  for (int i = 0; i < m; ++i) p.units.push_back({type(false), static_cast<int>(numeric::uniform_int(rng, 0, 35))});
  for (int j = 0; j < n; ++j) {
    const double u = numeric::uniform01(rng);
    const std::size_t group = u < 0.6 ? 0 : u < 0.8 ? 2 : 1;
    p.requests.push_back({type(group == 0), 0, group, static_cast<int>(numeric::uniform_int(rng, 1, 3))});
  }
  return p;
}

// The per-request problem as the aggregated MIP of the first version (x_ij binary per unit
// and request, y_jk per request and charged antigen, sum_{i mismatching k} x_ij <= M y_jk),
// written apart from src/allocation and solved by GLPK's branch and bound with all its cuts:
// the least cost at the most units delivered (found first by an LP).
LpAnswer aggregated_mip(const MatchingProblem& p, double seconds) {
  const Group all = (Group{1} << p.antigens) - 1;
  const auto patient = [&](const MatchRequest& r) {
    return p.groups[r.group].typed ? r.type : (r.type & major) | (all & ~major);
  };
  numeric::LinearProgram lp;
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  std::map<std::pair<std::size_t, std::size_t>, std::vector<std::size_t>> charged;
  for (std::size_t i = 0; i < p.units.size(); ++i)
    for (std::size_t j = 0; j < p.requests.size(); ++j) {
      if (!allowed(p, p.units[i], p.requests[j])) continue;
      const auto& r = p.requests[j];
      lp.objective.push_back(
          pair_penalties(p, p.units[i], r, toy_usability(p.units[i].type & major), toy_usability(patient(r) & major)).total());
      const Group k_set = p.units[i].type & ~patient(r) & p.mismatch;
      for (std::size_t k = 0; k < p.antigens; ++k)
        if (((k_set >> k) & 1U) && p.immunogenicity[k] * p.lambda.immunogenicity > 0) charged[{j, k}].push_back(pairs.size());
      pairs.emplace_back(i, j);
    }
  LpAnswer out;
  if (pairs.empty()) return out;
  const std::size_t n_x = pairs.size();
  lp.bounds.assign(n_x, {0.0, 1.0});
  std::map<std::size_t, std::size_t> unit_row, request_row;
  for (std::size_t e = 0; e < n_x; ++e) {
    for (auto [map, index, rhs] : {std::tuple{&unit_row, pairs[e].first, 1.0},
                                   std::tuple{&request_row, pairs[e].second, double(p.requests[pairs[e].second].units)}}) {
      auto [it, added] = map->emplace(index, lp.constraints.size());
      if (added) lp.constraints.push_back({{}, {std::nullopt, rhs}});
      lp.matrix.push_back({it->second, e, 1.0});
    }
  }
  const std::size_t total = lp.constraints.size();
  lp.constraints.push_back({{}, {}});
  for (std::size_t e = 0; e < n_x; ++e) lp.matrix.push_back({total, e, 1.0});
  // The most units: an LP (the matrix is a network's), then fixed.
  auto most = lp;
  most.maximize = true;
  most.objective.assign(n_x, 1.0);
  const auto flow = numeric::solve_linear_program(most);
  REQUIRE(flow.status == numeric::LpStatus::optimal);
  out.delivered = std::round(flow.objective);
  lp.constraints[total].bound = {out.delivered, out.delivered};
  for (const auto& [key, list] : charged) {
    const std::size_t y = lp.objective.size();
    lp.objective.push_back(p.lambda.immunogenicity * p.immunogenicity[key.second]);
    lp.bounds.push_back({0.0, 1.0});
    const std::size_t row = lp.constraints.size();
    lp.constraints.push_back({{}, {std::nullopt, 0.0}});
    for (std::size_t e : list) lp.matrix.push_back({row, e, 1.0});
    lp.matrix.push_back({row, y, -std::min<double>(static_cast<double>(list.size()), p.requests[key.first].units)});
  }
  lp.integer.assign(lp.objective.size(), true);
  numeric::LpOptions options;
  options.mip_time_limit = seconds;
  options.ranging = false;
  options.lp_text = false;
  options.mip_cuts = numeric::MipCuts::all;
  const auto report = numeric::analyse_linear_program(lp, options);
  REQUIRE((report.status == numeric::LpStatus::optimal || report.status == numeric::LpStatus::feasible));
  out.cost = *report.objective;
  out.proven = report.status == numeric::LpStatus::optimal;
  return out;
}

void check_against_aggregated_mip(const MatchingProblem& p, double seconds) {
  const auto m = match(p, toy_usability);
  const auto reference = aggregated_mip(p, seconds);
  CHECK(m.proven_optimal);
  CHECK_FALSE(m.uniqueness_analysed);
  CHECK(static_cast<double>(m.delivered) == reference.delivered);
  // Both within GLPK's pruning tolerance, 1e-7 (1 + |objective|) for the reference; a
  // reference stopped by its time limit is only a matching, which cannot cost less.
  const double tolerance = m.objective_gap_bound + 1e-7 * (1 + std::abs(reference.cost));
  if (reference.proven) CHECK(m.objective.total() == Approx(reference.cost).margin(tolerance));
  else CHECK(m.objective.total() <= reference.cost + tolerance);
  check_hard_rules(p, m);
}

}  // namespace

TEST_CASE("match: per request, days of 60 units equal the aggregated MIP written apart", "[matching][property]") {
  numeric::Rng rng(14);
  for (int trial = 0; trial < 30; ++trial) {
    INFO("trial " << trial);
    const auto p = hospital_day(rng, 60, 18);
    REQUIRE(charges(p));
    check_against_aggregated_mip(p, 60);
  }
}

TEST_CASE("match: per request, a day of 200 units and 60 patients is solved and proven optimal",
          "[matching][regression]") {
  // Refused before (at most 800 allowed pairs): hospitals could not count per request.
  numeric::Rng rng(15);
  auto p = hospital_day(rng, 200, 60);
  const auto by_request = match(p, toy_usability);
  CHECK(by_request.arcs > 2000);
  CHECK(by_request.arcs <= max_per_request_pairs);
  CHECK(by_request.proven_optimal);
  CHECK_FALSE(by_request.uniqueness_analysed);
  check_hard_rules(p, by_request);
  p.count = MismatchCount::per_unit;
  const auto by_unit = match(p, toy_usability);
  CHECK(by_request.delivered == by_unit.delivered);
  CHECK(by_request.objective.total() <= by_unit.objective.total() + by_unit.objective_gap_bound + 1e-9);
}

TEST_CASE("match: per request, days of 120 units equal the aggregated MIP written apart", "[matching][property]") {
  numeric::Rng rng(16);
  for (int trial = 0; trial < 6; ++trial) {
    INFO("trial " << trial);
    check_against_aggregated_mip(hospital_day(rng, 120, 36), 60);
  }
}

TEST_CASE("match: per request, days of 200 units are no worse than the aggregated MIP written apart",
          "[matching][property][.][large]") {
  // The reference can take minutes here (its time limit then leaves it a matching only); days
  // over the limit on allowed pairs are drawn again.
  numeric::Rng rng(17);
  int checked = 0;
  for (int trial = 0; trial < 12 && checked < 4; ++trial) {
    INFO("trial " << trial);
    const auto p = hospital_day(rng, 200, 60);
    try {
      check_against_aggregated_mip(p, 60);
      ++checked;
    } catch (const InputError& e) {
      CHECK(e.code() == "limit_exceeded");
    }
  }
  CHECK(checked == 4);
}

TEST_CASE("match_classes: random days of classes and requests due ahead equal GLPK's simplex over the pairs",
          "[matching][property]") {
  // Few types at many ages and requests of one day and group, so that the network's hubs (a
  // type's classes meeting before its requests, class_matching.cpp) are used; the LP is
  // written over every allowed (unit, request) pair, apart from src/allocation.
  numeric::Rng rng(20261206);
  int with_hubs = 0;
  for (int trial = 0; trial < 200; ++trial) {
    auto p = random_problem(rng, 0, 8, 3);
    for (auto& r : p.requests) r.days_ahead = static_cast<int>(numeric::uniform_int(rng, 0, 1)) * 3;
    std::vector<Group> types;
    for (int t = 0; t < 3; ++t) {
      Group g = 0;
      for (Group a : {A, B, D, C, K})
        if (numeric::bernoulli(rng, a == K ? 0.2 : 0.55)) g |= a;
      types.push_back(g);
    }
    std::vector<UnitClass> classes;
    std::map<std::pair<Group, int>, bool> seen;
    for (int k = 0; k < 10; ++k) {
      const Group t = types[numeric::uniform_int(rng, 0, 2)] | (numeric::bernoulli(rng, 0.5) ? c : 0);
      const int age = static_cast<int>(numeric::uniform_int(rng, -1, 34));
      if (seen[{t, age}]) continue;
      seen[{t, age}] = true;
      classes.push_back({t, age, static_cast<int>(numeric::uniform_int(rng, 1, 3))});
      for (int u = 0; u < classes.back().units; ++u) p.units.push_back({t, age});
    }
    MatchingProblem settings = p;
    settings.units.clear();
    const auto m = match_classes(settings, classes, toy_usability);
    const auto lp = lp_answer(p);
    INFO("trial " << trial);
    CHECK(static_cast<double>(m.delivered) == lp.delivered);
    CHECK(m.objective.total() == Approx(lp.cost).margin(1e-9));
    if (m.network_arcs < m.arcs + 2 * p.requests.size() + classes.size()) ++with_hubs;  // fewer arcs than pairs
    std::vector<int> from(classes.size(), 0), to(p.requests.size(), 0);
    for (const auto& f : m.flows) {
      const auto& u = classes[f.unit_class];
      const auto& r = p.requests[f.request];
      CHECK(allowed(p, {u.type, u.age + r.days_ahead}, r));
      CHECK(f.mismatched == (p.groups[r.group].typed ? u.type & ~r.type : Group{0}));
      from[f.unit_class] += f.units;
      to[f.request] += f.units;
    }
    for (std::size_t k = 0; k < classes.size(); ++k) CHECK(from[k] <= classes[k].units);
    for (std::size_t j = 0; j < p.requests.size(); ++j) CHECK(to[j] == m.delivered_per_request[j]);
  }
  CHECK(with_hubs > 20);
}
