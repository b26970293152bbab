#include "allocation/allocation.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <numeric>
#include <set>

#include "common/input_error.hpp"
#include "frequency/blood_groups.hpp"
#include "numeric/linear_program.hpp"
#include "numeric/random.hpp"

using namespace rbc;
using namespace rbc::allocation;

namespace {

// ABO over A = (A, B): O = {} = 0, A = 1, B = 2, AB = 3. Usability (eq. 6.6) from the
// frequencies of thesis Table 3.1 (0.44, 0.43, 0.09, 0.04).
constexpr Group O = 0, A = 1, B = 2, AB = 3;
double abo_usability(Group g) {
  static const std::vector<double> u = frequency::usability({0.44, 0.43, 0.09, 0.04});
  return u[g];
}

// Fig. 6.2 / Table 6.1: stock O (4, 2, 0), A (0, 1, 5), B (0, 1, 3), AB (0, 0, 2) at
// r = (0, 1, 2), R = 2, two units requested of each group.
AllocationProblem table_6_1(double gamma) {
  AllocationProblem p;
  const std::vector<std::pair<Group, std::vector<int>>> rows = {{O, {4, 2, 0}}, {A, {0, 1, 5}}, {B, {0, 1, 3}}, {AB, {0, 0, 2}}};
  for (const auto& [group, units] : rows)
    for (int r = 0; r <= 2; ++r) p.stock.push_back({group, r, units[static_cast<std::size_t>(r)]});
  for (Group g : {O, A, B, AB}) p.requests.push_back({g, 2});
  p.max_shelf_life = 2;
  p.cost.gamma = gamma;
  return p;
}

std::vector<int> remaining(const AllocationProblem& p, const Allocation& a) {
  std::vector<int> out;
  for (std::size_t k = 0; k < p.stock.size(); ++k) out.push_back(p.stock[k].units - a.stock[k].issued);
  return out;
}

std::vector<int> remaining_by_group(const Allocation& a) {
  std::vector<int> out;
  for (const auto& g : a.stock_groups) out.push_back(g.units - g.issued);
  return out;
}

bool compatible(Group i, Group j) { return (i & ~j) == 0; }

// The allocation problem (eq. 6.2) as an LP over the compatible edges with units on both
// sides, written independently of src/allocation: variables in edge order (stock entry, then
// request), supply and demand rows, capacities min(s, d).
struct EdgeLp {
  std::vector<std::pair<std::size_t, std::size_t>> edges;
  numeric::LinearProgram lp;
};

EdgeLp edge_lp(const AllocationProblem& p) {
  EdgeLp out;
  for (std::size_t k = 0; k < p.stock.size(); ++k)
    for (std::size_t m = 0; m < p.requests.size(); ++m)
      if (p.stock[k].units > 0 && p.requests[m].units > 0 && compatible(p.stock[k].group, p.requests[m].group))
        out.edges.emplace_back(k, m);
  const std::size_t n = out.edges.size();
  for (const auto& [k, m] : out.edges)
    out.lp.bounds.push_back({0.0, static_cast<double>(std::min(p.stock[k].units, p.requests[m].units))});
  for (std::size_t k = 0; k < p.stock.size(); ++k) {
    numeric::LinearConstraint row{std::vector<double>(n, 0.0), {std::nullopt, static_cast<double>(p.stock[k].units)}};
    for (std::size_t e = 0; e < n; ++e) row.coefficients[e] = out.edges[e].first == k ? 1 : 0;
    out.lp.constraints.push_back(row);
  }
  for (std::size_t m = 0; m < p.requests.size(); ++m) {
    numeric::LinearConstraint row{std::vector<double>(n, 0.0), {std::nullopt, static_cast<double>(p.requests[m].units)}};
    for (std::size_t e = 0; e < n; ++e) row.coefficients[e] = out.edges[e].second == m ? 1 : 0;
    out.lp.constraints.push_back(row);
  }
  out.lp.objective.assign(n, 0.0);
  return out;
}

double loss(const AllocationProblem& p, std::size_t k, std::size_t m, const Usability& u) {
  return frequency::opportunity_loss(u(p.stock[k].group), u(p.requests[m].group)).value_or(0.0);
}

// Maximum flow and then minimum cost (eq. 6.3) by GLPK's simplex, with costs `cost(edge)`.
struct LpOptimum {
  double max_flow = 0, min_cost = 0;
  numeric::LpSolution solution;  // of the minimum-cost LP
};

template <class Cost>
LpOptimum lp_optimum(EdgeLp e, Cost cost) {
  LpOptimum out;
  if (e.edges.empty()) return out;
  e.lp.maximize = true;
  e.lp.objective.assign(e.edges.size(), 1.0);
  const auto max = numeric::solve_linear_program(e.lp);
  REQUIRE(max.status == numeric::LpStatus::optimal);
  out.max_flow = max.objective;
  e.lp.maximize = false;
  e.lp.constraints.push_back({std::vector<double>(e.edges.size(), 1.0), {max.objective, max.objective}});
  for (std::size_t i = 0; i < e.edges.size(); ++i) e.lp.objective[i] = cost(e.edges[i]);
  out.solution = numeric::solve_linear_program(e.lp);
  REQUIRE(out.solution.status == numeric::LpStatus::optimal);
  out.min_cost = out.solution.objective;
  return out;
}

// A random instance over n antigens with a random recipient population.
struct Instance {
  AllocationProblem problem;
  std::vector<double> usability;  // per group over n antigens
};

Instance random_instance(numeric::Rng& rng, int max_antigens, int max_entries, int max_units) {
  Instance out;
  const int n = static_cast<int>(numeric::uniform_int(rng, 1, max_antigens));
  const std::size_t groups = std::size_t{1} << n;
  std::vector<double> f(groups);
  double total = 0;
  for (auto& x : f) {
    x = numeric::bernoulli(rng, 0.15) ? 0.0 : numeric::uniform01(rng);
    total += x;
  }
  if (total == 0) f[0] = total = 1;
  for (auto& x : f) x /= total;
  out.usability = frequency::usability(f);
  auto& p = out.problem;
  p.max_shelf_life = static_cast<int>(numeric::uniform_int(rng, 1, 6));
  const int shape = static_cast<int>(numeric::uniform_int(rng, 0, 3));
  p.cost.gamma = shape == 0 ? 0.0 : shape == 1 ? 1.0 : shape == 2 ? 0.5 : numeric::uniform01(rng);
  p.cost.shape = numeric::bernoulli(rng, 0.5) ? CostShape::exponential : CostShape::linear;
  std::set<std::pair<Group, int>> stock_seen;
  const int stock_entries = static_cast<int>(numeric::uniform_int(rng, 0, max_entries));
  for (int k = 0; k < stock_entries; ++k) {
    const Group g = numeric::uniform_below(rng, groups);
    const int r = static_cast<int>(numeric::uniform_int(rng, 0, p.max_shelf_life));
    const int units = static_cast<int>(numeric::uniform_int(rng, 0, max_units));
    if (stock_seen.emplace(g, r).second) p.stock.push_back({g, r, units});
  }
  std::set<Group> request_seen;
  const int request_entries = static_cast<int>(numeric::uniform_int(rng, 0, max_entries));
  for (int m = 0; m < request_entries; ++m) {
    const Group g = numeric::uniform_below(rng, groups);
    const int units = static_cast<int>(numeric::uniform_int(rng, 0, max_units));
    if (request_seen.insert(g).second) p.requests.push_back({g, units});
  }
  return out;
}

}  // namespace

TEST_CASE("allocate: thesis Table 6.1, the stock left for gamma = 0, 1/2, 1", "[allocation][validation]") {
  const auto u = [](Group g) { return abo_usability(g); };
  // gamma = 0 (FIFO) and 1/2: the stock left is the same in every optimal allocation.
  const auto fifo = allocate(table_6_1(0), u);
  CHECK(remaining(table_6_1(0), fifo) == std::vector<int>{0, 0, 0, 0, 0, 5, 0, 0, 3, 0, 0, 2});
  const auto both = allocate(table_6_1(0.5), u);
  CHECK(remaining(table_6_1(0.5), both) == std::vector<int>{0, 2, 0, 0, 0, 5, 0, 0, 3, 0, 0, 0});
  for (const auto* a : {&fifo, &both}) {
    CHECK(a->issued == 8);
    for (const auto& s : a->stock) CHECK(s.fixed);
  }
  // FIFO: which request each unit serves is open; FIFO / MROL: the whole allocation is unique.
  CHECK_FALSE(fifo.unique);
  CHECK(both.unique);
  CHECK(both.tie_break_unique);
  CHECK(both.objective == Approx(2.2).margin(1e-12));
  // gamma = 1 (MROL): per blood group the stock left is unique (O 4, A 4, B 2, AB 0: the
  // sums of the table's rows), per residual shelf life it is not.
  const auto mrol = allocate(table_6_1(1), u);
  CHECK(remaining_by_group(mrol) == std::vector<int>{4, 4, 2, 0});
  for (const auto& g : mrol.stock_groups) CHECK(g.fixed);
  CHECK_FALSE(mrol.unique);
  CHECK_FALSE(mrol.stock[0].fixed);  // O, r = 0
  CHECK(mrol.identical == 8);
  CHECK(mrol.objective == 0);
}

TEST_CASE("allocate: with gamma = 1 the tie-break (oldest units first) gives Table 6.1's cells", "[allocation][regression]") {
  const auto a = allocate(table_6_1(1), [](Group g) { return abo_usability(g); });
  CHECK(remaining(table_6_1(1), a) == std::vector<int>{2, 2, 0, 0, 0, 4, 0, 0, 2, 0, 0, 0});
  CHECK(a.tie_break_unique);
}

TEST_CASE("allocate: Remark 6.1, the LP relaxation's simplex optimum is integral", "[allocation][property]") {
  numeric::Rng rng(61);
  // Each problem with its own usability: the random instances have up to 3 antigens (8
  // groups), so ABO's four values would be read past their end.
  std::vector<std::pair<AllocationProblem, std::vector<double>>> problems;
  for (const double gamma : {0.0, 0.5, 1.0})
    problems.emplace_back(table_6_1(gamma), std::vector<double>{abo_usability(O), abo_usability(A), abo_usability(B), abo_usability(AB)});
  for (int i = 0; i < 40; ++i) {
    auto inst = random_instance(rng, 3, 12, 6);
    problems.emplace_back(std::move(inst.problem), std::move(inst.usability));
  }
  int checked = 0;
  for (const auto& entry : problems) {
    const auto& p = entry.first;
    const auto& usability = entry.second;
    const auto u = [&usability](Group g) { return usability.at(g); };
    const auto opt = lp_optimum(edge_lp(p), [&](std::pair<std::size_t, std::size_t> e) {
      return edge_cost(p.cost, loss(p, e.first, e.second, u), p.stock[e.first].residual_shelf_life, p.max_shelf_life);
    });
    for (double x : opt.solution.x) CHECK(std::abs(x - std::round(x)) < 1e-9);
    checked += static_cast<int>(opt.solution.x.size());
  }
  CHECK(checked > 100);
}

TEST_CASE("allocate: random instances keep conservation and compatibility, and match GLPK's simplex",
          "[allocation][property]") {
  numeric::Rng rng(20251125);
  for (int round = 0; round < 240; ++round) {
    auto inst = random_instance(rng, 4, 14, 9);
    // Both layouts of the network; each must give an optimal allocation (EdgeLayout).
    inst.problem.layout = round % 2 == 0 ? EdgeLayout::per_entry : EdgeLayout::per_group;
    const auto& p = inst.problem;
    const Usability u = [&](Group g) { return inst.usability[g]; };
    const auto a = allocate(p, u);
    INFO("round " << round << ": " << p.stock.size() << " stock entries, " << p.requests.size() << " requests");
    // Flow conservation and bounds: per stock entry, per request, per stock group.
    std::vector<std::int64_t> out_of(p.stock.size(), 0), into(p.requests.size(), 0);
    std::int64_t total = 0, identical = 0;
    double cost = 0;
    for (const auto& f : a.flows) {
      CHECK(f.units > 0);
      CHECK(compatible(p.stock[f.stock].group, p.requests[f.request].group));  // no flow on incompatible edges
      out_of[f.stock] += f.units;
      into[f.request] += f.units;
      total += f.units;
      if (p.stock[f.stock].group == p.requests[f.request].group) identical += f.units;
      const double c = edge_cost(p.cost, loss(p, f.stock, f.request, u), p.stock[f.stock].residual_shelf_life, p.max_shelf_life);
      CHECK(f.cost == Approx(c).margin(1e-15));
      cost += c * f.units;
    }
    for (std::size_t k = 0; k < p.stock.size(); ++k) {
      CHECK(out_of[k] == a.stock[k].issued);
      CHECK(a.stock[k].issued <= p.stock[k].units);
    }
    std::int64_t requested = 0, delivered = 0;
    for (std::size_t m = 0; m < p.requests.size(); ++m) {
      CHECK(into[m] == a.requests[m].delivered);
      CHECK(a.requests[m].delivered <= p.requests[m].units);
      requested += p.requests[m].units;
      delivered += a.requests[m].delivered;
    }
    for (const auto& g : a.stock_groups) {
      std::int64_t issued = 0;
      for (std::size_t k = 0; k < p.stock.size(); ++k)
        if (p.stock[k].group == g.group) issued += a.stock[k].issued;
      CHECK(g.issued == issued);
    }
    CHECK(total == a.issued);
    CHECK(delivered == a.issued);
    CHECK(identical == a.identical);
    CHECK(a.identical + a.compatible == a.issued);
    CHECK(a.objective == Approx(cost).margin(1e-9));
    // The maximum flow: at most what is in stock and what is requested, and the simplex's.
    CHECK(a.issued <= std::min(a.units_in_stock, requested));
    const auto opt = lp_optimum(edge_lp(p), [&](std::pair<std::size_t, std::size_t> e) {
      return edge_cost(p.cost, loss(p, e.first, e.second, u), p.stock[e.first].residual_shelf_life, p.max_shelf_life);
    });
    CHECK(static_cast<double>(a.issued) == Approx(opt.max_flow).margin(1e-9));
    // The minimum cost: the simplex's exact optimum lies within the stated gap below ours.
    CHECK(a.objective >= opt.min_cost - 1e-9);
    CHECK(a.objective <= opt.min_cost + a.objective_gap_bound + 1e-9);
    CHECK(a.unique == (a.varying_edges == 0));
  }
}

TEST_CASE("allocate: `fixed` agrees with the simplex's min and max over the minimum-cost allocations",
          "[allocation][property]") {
  // With the costs as the solver sees them (each term rounded to 1 / cost_scale), the LP over
  // the optimal allocations: minimise and maximise each stock entry's issue, each request's
  // delivery, each stock group's issue and each edge's units.
  numeric::Rng rng(6);
  int varying = 0, fixed_count = 0;
  for (int round = 0; round < 60; ++round) {
    auto inst = random_instance(rng, 3, 8, 4);
    auto& p = inst.problem;
    if (round % 2 == 0) p.cost.gamma = 1;  // many ties
    const Usability u = [&](Group g) { return inst.usability[g]; };
    const auto a = allocate(p, u);
    const double scale = static_cast<double>(a.cost_scale);
    auto e = edge_lp(p);
    if (e.edges.empty()) continue;
    const auto rounded_cost = [&](std::pair<std::size_t, std::size_t> edge) {
      const auto [k, m] = edge;
      const double l = std::llround(scale * p.cost.gamma * loss_term(p.cost, loss(p, k, m, u)));
      const double g = std::llround(scale * (1 - p.cost.gamma) * age_term(p.cost, p.stock[k].residual_shelf_life, p.max_shelf_life));
      return l + g;
    };
    const auto opt = lp_optimum(e, rounded_cost);
    e.lp.constraints.push_back({std::vector<double>(e.edges.size(), 1.0), {opt.max_flow, opt.max_flow}});
    numeric::LinearConstraint at_optimum{std::vector<double>(e.edges.size()), {std::nullopt, opt.min_cost + 1e-3}};
    for (std::size_t i = 0; i < e.edges.size(); ++i) at_optimum.coefficients[i] = rounded_cost(e.edges[i]);
    e.lp.constraints.push_back(at_optimum);
    const auto spread = [&](const std::function<bool(std::pair<std::size_t, std::size_t>)>& counts) {
      for (std::size_t i = 0; i < e.edges.size(); ++i) e.lp.objective[i] = counts(e.edges[i]) ? 1 : 0;
      e.lp.maximize = false;
      const auto lo = numeric::solve_linear_program(e.lp);
      e.lp.maximize = true;
      const auto hi = numeric::solve_linear_program(e.lp);
      REQUIRE(lo.status == numeric::LpStatus::optimal);
      REQUIRE(hi.status == numeric::LpStatus::optimal);
      return hi.objective - lo.objective;
    };
    INFO("round " << round);
    const auto tally = [&](bool fixed) { (fixed ? fixed_count : varying) += 1; };
    for (std::size_t k = 0; k < p.stock.size(); ++k) {
      if (p.stock[k].units == 0) continue;
      CHECK(a.stock[k].fixed == (spread([&](auto edge) { return edge.first == k; }) < 0.5));
      tally(a.stock[k].fixed);
    }
    for (std::size_t m = 0; m < p.requests.size(); ++m) {
      if (p.requests[m].units == 0) continue;
      CHECK(a.requests[m].fixed == (spread([&](auto edge) { return edge.second == m; }) < 0.5));
      tally(a.requests[m].fixed);
    }
    for (const auto& g : a.stock_groups) {
      if (g.units == 0) continue;
      CHECK(g.fixed == (spread([&](auto edge) { return p.stock[edge.first].group == g.group; }) < 0.5));
      tally(g.fixed);
    }
    std::size_t varying_edges = 0;
    for (std::size_t i = 0; i < e.edges.size(); ++i)
      if (spread([&](auto edge) { return edge == e.edges[i]; }) >= 0.5) ++varying_edges;
    CHECK(a.varying_edges == varying_edges);
    CHECK(a.edges == e.edges.size());
  }
  CHECK(varying > 20);
  CHECK(fixed_count > 20);
}

TEST_CASE("edge_cost: eq. 6.1 and eq. 6.9-6.10 with alpha = beta = 7 log 2", "[allocation][property]") {
  CostFunction c;
  c.gamma = 0.5;
  // O issued to A (Delta = 0.53) with r = 1 of R = 2.
  CHECK(edge_cost(c, 0.53, 1, 2) == Approx(0.5 * 0.53 + 0.5 * 0.5).margin(1e-15));
  c.shape = CostShape::exponential;
  const double g1 = 1 - std::pow(2.0, -7 * 0.53), g2 = 1 - std::pow(2.0, -3.5);
  CHECK(edge_cost(c, 0.53, 1, 2) == Approx(0.5 * g1 + 0.5 * g2).margin(1e-14));
  // With beta = 7 log 2: 1 - g2(r) = 2^(-7 r / R).
  CHECK(1 - age_term(c, 7, 35) == Approx(std::pow(2.0, -7.0 * 7 / 35)).margin(1e-14));
  CHECK(age_term(c, 0, 35) == 0);
  CHECK(loss_term(c, 0) == 0);
}

TEST_CASE("allocate: per group, the same issues, shelf lives issued and losses as per entry (random instances)",
          "[allocation][property]") {
  numeric::Rng rng(20261206);
  for (int round = 0; round < 200; ++round) {
    auto inst = random_instance(rng, 4, 14, 9);
    const Usability u = [&](Group g) { return inst.usability[g]; };
    const auto entry = allocate(inst.problem, u);
    inst.problem.layout = EdgeLayout::per_group;
    const auto group = allocate(inst.problem, u);
    const auto& p = inst.problem;
    INFO("round " << round << ": " << p.stock.size() << " stock entries, " << p.requests.size() << " requests");
    CHECK(group.issued == entry.issued);
    // The cost and both tie-breaks (oldest first, then least loss) are sums of a part per entry
    // and a part per (group, request), so their optima agree.
    CHECK(group.objective == Approx(entry.objective).margin(group.objective_gap_bound + 1e-9));
    std::int64_t shelf_entry = 0, shelf_group = 0;
    for (std::size_t k = 0; k < p.stock.size(); ++k) {
      shelf_entry += std::int64_t{entry.stock[k].issued} * p.stock[k].residual_shelf_life;
      shelf_group += std::int64_t{group.stock[k].issued} * p.stock[k].residual_shelf_life;
    }
    CHECK(shelf_group == shelf_entry);
    double loss_entry = 0, loss_group = 0;
    for (const auto& f : entry.flows) loss_entry += f.loss * f.units;
    for (const auto& f : group.flows) loss_group += f.loss * f.units;
    CHECK(loss_group == Approx(loss_entry).margin(1e-9 * static_cast<double>(entry.issued + 1)));
    for (const auto& f : group.flows) CHECK_FALSE(f.fixed);
  }
}

TEST_CASE("check_problem: bad input names the field", "[allocation][regression]") {
  const auto path_of = [](const AllocationProblem& p) -> std::pair<std::string, std::string> {
    try {
      check_problem(p);
      return {"", ""};
    } catch (const InputError& e) {
      return {e.code(), e.path()};
    }
  };
  using CP = std::pair<std::string, std::string>;
  auto p = table_6_1(0.5);
  CHECK(path_of(p) == CP{"", ""});
  p.stock[4].units = -1;
  CHECK(path_of(p) == CP{"invalid_field", "stock[4].units"});
  p = table_6_1(0.5);
  p.requests[2].units = -3;
  CHECK(path_of(p) == CP{"invalid_field", "requests[2].units"});
  p = table_6_1(0.5);
  p.stock[5].residual_shelf_life = 3;  // r > R = 2
  CHECK(path_of(p) == CP{"invalid_field", "stock[5].residual_shelf_life"});
  p = table_6_1(0.5);
  p.cost.gamma = 1.5;
  CHECK(path_of(p) == CP{"invalid_field", "gamma"});
  p.cost.gamma = std::nan("");
  CHECK(path_of(p) == CP{"invalid_field", "gamma"});
  p = table_6_1(0.5);
  p.cost.alpha = -1;
  CHECK(path_of(p) == CP{"invalid_field", "alpha"});
  p = table_6_1(0.5);
  p.max_shelf_life = 0;
  CHECK(path_of(p) == CP{"invalid_field", "max_shelf_life"});
  p = table_6_1(0.5);
  p.stock.push_back(p.stock[3]);
  CHECK(path_of(p) == CP{"duplicate_entry", "stock[12]"});
  p = table_6_1(0.5);
  p.requests.push_back({A, 1});
  CHECK(path_of(p) == CP{"duplicate_entry", "requests[4]"});
  p = table_6_1(0.5);
  p.stock[0].units = max_entry_units + 1;
  CHECK(path_of(p) == CP{"limit_exceeded", "stock[0].units"});
}

TEST_CASE("check_problem: sizes over the limits are refused before any work", "[allocation][regression]") {
  AllocationProblem p;
  p.stock.assign(max_stock_entries + 1, {});
  CHECK_THROWS_WITH(check_problem(p), Catch::Contains("at most 20000"));
  p = {};
  for (std::size_t m = 0; m <= max_request_entries; ++m) p.requests.push_back({m, 1});
  try {
    check_problem(p);
    FAIL("too many requests accepted");
  } catch (const InputError& e) {
    CHECK(e.code() == "limit_exceeded");
    CHECK(e.path() == "requests");
  }
  // Too many compatible pairs: 600 O units of different shelf lives, each compatible with 500
  // requested groups, is 300 000 edges.
  p = {};
  p.max_shelf_life = max_shelf_life_days;
  for (int r = 0; r < 600; ++r) p.stock.push_back({0, r, 1});
  for (Group g = 0; g < 500; ++g) p.requests.push_back({g, 1});
  try {
    check_problem(p);
    FAIL("too many edges accepted");
  } catch (const InputError& e) {
    CHECK(e.code() == "limit_exceeded");
    CHECK(e.path() == "stock");
    CHECK(std::string(e.what()).find("250000") != std::string::npos);
  }
}

TEST_CASE("allocate: a cancel at a checkpoint unwinds, and the next call works", "[allocation][regression]") {
  const auto u = [](Group g) { return abo_usability(g); };
  Progress stop([](double, std::string_view) { return false; });
  CHECK_THROWS_AS(allocate(table_6_1(0.5), u, stop), Cancelled);
  std::vector<double> seen;
  Progress watch([&](double f, std::string_view) { seen.push_back(f); return true; }, 0.0);
  CHECK(allocate(table_6_1(0.5), u, watch).objective == Approx(2.2));
  CHECK(seen.front() == 0);
  CHECK(seen.back() == 1);
  CHECK(std::is_sorted(seen.begin(), seen.end()));
}

TEST_CASE("allocate: nothing in stock or nothing requested issues nothing", "[allocation][property]") {
  const auto u = [](Group g) { return abo_usability(g); };
  AllocationProblem p = table_6_1(0.5);
  for (auto& r : p.requests) r.units = 0;
  auto a = allocate(p, u);
  CHECK(a.issued == 0);
  CHECK(a.unique);
  CHECK(a.flows.empty());
  p = table_6_1(0.5);
  p.stock.clear();
  a = allocate(p, u);
  CHECK(a.issued == 0);
  CHECK(a.requests[0].delivered == 0);
  // Only AB units, only O requested: none is compatible.
  p.stock = {{AB, 0, 3}};
  p.requests = {{O, 2}};
  a = allocate(p, u);
  CHECK(a.edges == 0);
  CHECK(a.issued == 0);
}
