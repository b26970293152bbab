#include "numeric/network_flow.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <stdexcept>

#include "common/input_error.hpp"
#include "numeric/linear_program.hpp"
#include "numeric/random.hpp"

using namespace rbc::numeric;

namespace {

// p = 0 -> a = 1, p -> b = 2 (capacity 2, cost 0); a -> q = 3 at cost 1, b -> q at cost 5
// (capacity 2). Three units from p to q: two by a, one by b, cost 7; unique.
//        a
//      /   \ 1
//    p       q
//      \   / 5
//        b
FlowNetwork diamond() {
  FlowNetwork n;
  n.nodes = 4;
  n.arcs = {{0, 1, 0, 2, 0}, {0, 2, 0, 2, 0}, {1, 3, 0, 2, 1}, {2, 3, 0, 2, 5}};
  return n;
}

// The same network as an LP: x per arc within its bounds, conservation with `supply`.
LinearProgram flow_lp(const FlowNetwork& n, const std::vector<std::int64_t>& supply) {
  LinearProgram lp;
  for (const auto& a : n.arcs) {
    lp.objective.push_back(static_cast<double>(a.cost));
    lp.bounds.push_back({static_cast<double>(a.low), static_cast<double>(a.cap)});
  }
  for (int v = 0; v < n.nodes; ++v) {
    LinearConstraint row;
    row.coefficients.assign(n.arcs.size(), 0.0);
    for (std::size_t k = 0; k < n.arcs.size(); ++k) {
      if (n.arcs[k].tail == v) row.coefficients[k] += 1;
      if (n.arcs[k].head == v) row.coefficients[k] -= 1;
    }
    const double b = static_cast<double>(supply[static_cast<std::size_t>(v)]);
    row.bound = {b, b};
    lp.constraints.push_back(row);
  }
  return lp;
}

FlowNetwork random_network(Rng& rng, int nodes, int arcs, int max_cap, int max_cost) {
  FlowNetwork n;
  n.nodes = nodes;
  while (static_cast<int>(n.arcs.size()) < arcs) {
    const int tail = static_cast<int>(uniform_int(rng, 0, nodes - 1));
    const int head = static_cast<int>(uniform_int(rng, 0, nodes - 1));
    if (tail == head) continue;
    const int cap = static_cast<int>(uniform_int(rng, 0, max_cap));
    const int low = bernoulli(rng, 0.2) ? static_cast<int>(uniform_int(rng, 0, cap)) : 0;
    const std::int64_t cost = uniform_int(rng, -max_cost, max_cost);
    n.arcs.push_back({tail, head, low, cap, cost});
  }
  return n;
}

}  // namespace

TEST_CASE("max_flow: the value and flows of a small network", "[numeric][property]") {
  const auto f = max_flow(diamond(), 0, 3);
  CHECK(f.value == 4);
  CHECK(f.x == std::vector<int>{2, 2, 2, 2});
}

TEST_CASE("min_cost_flow: optimum, certified by potentials, and unique", "[numeric][property]") {
  const auto n = diamond();
  const auto f = min_cost_flow(n, {3, 0, 0, -3});
  REQUIRE(f.status == FlowStatus::optimal);
  CHECK(f.cost == 7);
  CHECK(f.x == std::vector<int>{2, 1, 2, 1});
  for (std::size_t k = 0; k < n.arcs.size(); ++k) {
    const auto d = reduced_cost(n.arcs[k], f.potential);
    if (d > 0) CHECK(f.x[k] == n.arcs[k].low);
    if (d < 0) CHECK(f.x[k] == n.arcs[k].cap);
  }
  // a -> q is full and cheaper: nothing can move.
  CHECK(fixed_arcs(n, f.x, f.potential) == std::vector<bool>{true, true, true, true});
  // Equal costs: the split between a and b is free, except that each path takes at most 2.
  auto tie = n;
  tie.arcs[3].cost = 1;
  const auto t = min_cost_flow(tie, {3, 0, 0, -3});
  CHECK(t.cost == 3);
  CHECK(fixed_arcs(tie, t.x, t.potential) == std::vector<bool>{false, false, false, false});
}

TEST_CASE("min_cost_flow: no feasible flow is an outcome", "[numeric][property]") {
  CHECK(min_cost_flow(diamond(), {5, 0, 0, -5}).status == FlowStatus::infeasible);
}

TEST_CASE("network_flow: malformed networks are refused before GLPK sees them", "[numeric][regression]") {
  auto n = diamond();
  CHECK_THROWS_AS(max_flow(n, 0, 0), std::invalid_argument);
  CHECK_THROWS_AS(min_cost_flow(n, {1, 0, 0, 0}), std::invalid_argument);  // supplies do not add up to 0
  n.arcs[0].head = 0;                                                       // a self-loop
  CHECK_THROWS_AS(min_cost_flow(n, {0, 0, 0, 0}), std::invalid_argument);
  n = diamond();
  n.arcs[1].low = 3;  // low > cap
  CHECK_THROWS_AS(min_cost_flow(n, {0, 0, 0, 0}), std::invalid_argument);
  // ... and the next call works.
  CHECK(min_cost_flow(diamond(), {3, 0, 0, -3}).cost == 7);
}

TEST_CASE("min_cost_flow: int64 costs beyond int are solved exactly up to the path bound, then overflow",
          "[numeric][regression]") {
  // The matching problem's costs need the int64 range (src/allocation/matching.cpp): a cost of
  // 2^40 units beside a difference of one unit.
  auto n = diamond();
  const std::int64_t big = std::int64_t{1} << 40;
  for (auto& a : n.arcs) a.cost *= big;
  n.arcs[3].cost += 1;
  const auto f = min_cost_flow(n, {3, 0, 0, -3});
  REQUIRE(f.status == FlowStatus::optimal);
  CHECK(f.cost == 7 * big + 1);
  CHECK(f.x == std::vector<int>{2, 1, 2, 1});
  n.arcs[3].cost = -5 * big;  // now b is the cheaper way
  CHECK(min_cost_flow(n, {3, 0, 0, -3}).cost == 2 * -5 * big + big);
  // Beyond nodes x max |cost| <= 2^60: refused, not solved wrongly.
  n.arcs[3].cost = (std::int64_t{1} << 58) + 1;
  CHECK(min_cost_flow(n, {3, 0, 0, -3}).status == FlowStatus::overflow);
  // Within it, but a total cost beyond int64: overflow too.
  FlowNetwork one{2, {{0, 1, 0, 100, std::int64_t{1} << 59}}};
  CHECK(min_cost_flow(one, {15, -15}).status == FlowStatus::optimal);
  CHECK(min_cost_flow(one, {16, -16}).status == FlowStatus::overflow);
}

TEST_CASE("min_cost_flow: random networks, the same cost as GLPK's simplex", "[numeric][property]") {
  Rng rng(20251125);
  int optimal = 0, infeasible = 0;
  for (int round = 0; round < 200; ++round) {
    const int nodes = static_cast<int>(uniform_int(rng, 2, 8));
    const auto n = random_network(rng, nodes, static_cast<int>(uniform_int(rng, 1, 16)), 5, 9);
    std::vector<std::int64_t> supply(static_cast<std::size_t>(nodes), 0);
    const auto units = uniform_int(rng, 0, 6);
    supply[0] = units;
    supply[static_cast<std::size_t>(nodes - 1)] -= units;
    const auto f = min_cost_flow(n, supply);
    const auto lp = solve_linear_program(flow_lp(n, supply));
    INFO("round " << round);
    if (lp.status == LpStatus::infeasible) {
      CHECK(f.status == FlowStatus::infeasible);
      ++infeasible;
      continue;
    }
    REQUIRE(lp.status == LpStatus::optimal);  // bounded: every arc has a capacity
    REQUIRE(f.status == FlowStatus::optimal);
    CHECK(static_cast<double>(f.cost) == Approx(lp.objective).margin(1e-6));
    ++optimal;
  }
  CHECK(optimal > 50);
  CHECK(infeasible > 20);
}

TEST_CASE("fixed_arcs: an arc is fixed iff its flow is the same in every optimum (simplex min and max)",
          "[numeric][property]") {
  // The ground truth: minimise and maximise each arc's flow over the optimal flows (an LP
  // with the cost held at its optimum). Costs in {0, 1, 2} make ties common.
  Rng rng(7);
  int varying = 0, fixed_count = 0;
  for (int round = 0; round < 150; ++round) {
    const int nodes = static_cast<int>(uniform_int(rng, 2, 7));
    const auto n = random_network(rng, nodes, static_cast<int>(uniform_int(rng, 1, 12)), 3, 1);
    std::vector<std::int64_t> supply(static_cast<std::size_t>(nodes), 0);
    const auto units = uniform_int(rng, 0, 4);
    supply[0] = units;
    supply[static_cast<std::size_t>(nodes - 1)] -= units;
    const auto f = min_cost_flow(n, supply);
    if (f.status != FlowStatus::optimal) continue;
    const auto fixed = fixed_arcs(n, f.x, f.potential);
    auto face = flow_lp(n, supply);
    LinearConstraint at_optimum{face.objective, {std::nullopt, static_cast<double>(f.cost) + 1e-9}};
    face.constraints.push_back(at_optimum);
    for (std::size_t k = 0; k < n.arcs.size(); ++k) {
      face.objective.assign(n.arcs.size(), 0.0);
      face.objective[k] = 1;
      face.maximize = false;
      const auto lo = solve_linear_program(face);
      face.maximize = true;
      const auto hi = solve_linear_program(face);
      REQUIRE(lo.status == LpStatus::optimal);
      REQUIRE(hi.status == LpStatus::optimal);
      INFO("round " << round << ", arc " << k << ": flow " << f.x[k] << " in [" << lo.objective << ", " << hi.objective << "]");
      CHECK(fixed[k] == (hi.objective - lo.objective < 1e-6));
      (fixed[k] ? fixed_count : varying) += 1;
    }
  }
  CHECK(varying > 50);
  CHECK(fixed_count > 50);
}

TEST_CASE("optimal_face: a second cost chooses among the optima of the first", "[numeric][property]") {
  // Equal first costs on both paths; the second cost prefers b.
  auto n = diamond();
  n.arcs[3].cost = 1;
  const std::vector<std::int64_t> supply{3, 0, 0, -3};
  const auto first = min_cost_flow(n, supply);
  auto face = optimal_face(n, first.x, first.potential, supply);
  CHECK(face.network.arcs.size() == 4);  // every arc has reduced cost 0: all free
  for (std::size_t e = 0; e < face.arc.size(); ++e) face.network.arcs[e].cost = face.arc[e] == 0 ? 1 : 0;  // p -> a costs 1
  const auto second_face = min_cost_flow(face.network, face.supply);
  REQUIRE(second_face.status == FlowStatus::optimal);
  const auto second_x = full_flow(face, second_face.x);
  CHECK(second_x == std::vector<int>{1, 2, 1, 2});
  // Still optimal for the first cost.
  std::int64_t cost = 0;
  for (std::size_t k = 0; k < n.arcs.size(); ++k) cost += n.arcs[k].cost * second_x[k];
  CHECK(cost == first.cost);
  // Without ties every flow of the face, whatever its cost, is the one optimum.
  const auto unique = min_cost_flow(diamond(), supply);
  auto only = optimal_face(diamond(), unique.x, unique.potential, supply);
  CHECK(only.network.arcs.size() < 4);  // a -> q has a negative reduced cost: fixed, moved into the supplies
  for (auto& a : only.network.arcs) a.cost = 0;
  const auto any = min_cost_flow(only.network, only.supply);
  REQUIRE(any.status == FlowStatus::optimal);
  CHECK(full_flow(only, any.x) == unique.x);
}
