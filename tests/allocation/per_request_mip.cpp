#include "allocation/per_request_mip.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <optional>

#include "numeric/linear_program.hpp"
#include "numeric/random.hpp"

using namespace rbc;
using namespace rbc::allocation;

namespace {

// A random model: classes of 1-2 units, requests of 1-3 units, about `density` of the
// (class, request) pairs allowed, costs in steps of 0.25 plus a little (near ties, as units
// of one age give), and four antigens, the last with no charge.
PerRequestModel random_model(numeric::Rng& rng, int classes, int requests, double density) {
  PerRequestModel m;
  m.charge = {0.01, 0.02, 0.005, 0};
  for (int c = 0; c < classes; ++c) m.class_units.push_back(static_cast<int>(numeric::uniform_int(rng, 1, 2)));
  for (int j = 0; j < requests; ++j) m.request_units.push_back(static_cast<int>(numeric::uniform_int(rng, 1, 3)));
  for (int c = 0; c < classes; ++c)
    for (int j = 0; j < requests; ++j) {
      if (!numeric::bernoulli(rng, density)) continue;
      Group charged = 0;
      for (std::size_t k = 0; k < 4; ++k)
        if (numeric::bernoulli(rng, 0.3)) charged |= Group{1} << k;
      const double cost = std::round(4 * numeric::uniform01(rng)) / 4 + 0.001 * numeric::uniform01(rng);
      m.pairs.push_back({static_cast<std::size_t>(c), static_cast<std::size_t>(j), cost, charged & 7});
    }
  return m;
}

// The pairs as an LP over the network (written apart): class rows, request rows, and, when
// `total` is given, the total fixed. Maximises the units or minimises the cost.
numeric::LinearProgram flow_lp(const PerRequestModel& m, bool most, std::optional<double> total) {
  numeric::LinearProgram lp;
  lp.maximize = most;
  const std::size_t C = m.class_units.size(), J = m.request_units.size();
  for (std::size_t c = 0; c < C; ++c) lp.constraints.push_back({{}, {std::nullopt, double(m.class_units[c])}});
  for (std::size_t j = 0; j < J; ++j) lp.constraints.push_back({{}, {std::nullopt, double(m.request_units[j])}});
  lp.constraints.push_back({{}, {total, total}});
  for (std::size_t a = 0; a < m.pairs.size(); ++a) {
    const auto& p = m.pairs[a];
    lp.objective.push_back(most ? 1.0 : p.cost);
    lp.bounds.push_back({0.0, double(std::min(m.class_units[p.unit_class], m.request_units[p.request]))});
    lp.matrix.push_back({p.unit_class, a, 1.0});
    lp.matrix.push_back({C + p.request, a, 1.0});
    lp.matrix.push_back({C + J, a, 1.0});
  }
  return lp;
}

void set_most_units(PerRequestModel& m) {
  m.delivered = 0;
  if (m.pairs.empty()) return;
  const auto most = numeric::solve_linear_program(flow_lp(m, true, std::nullopt));
  REQUIRE(most.status == numeric::LpStatus::optimal);
  m.delivered = std::llround(most.objective);
}

// The cost of a flow with the charges once per (request, antigen), and its feasibility.
double cost_of(const PerRequestModel& m, const std::vector<int>& flow) {
  REQUIRE(flow.size() == m.pairs.size());
  std::vector<int> by_class(m.class_units.size(), 0), by_request(m.request_units.size(), 0);
  std::vector<Group> charged(m.request_units.size(), 0);
  std::int64_t total = 0;
  double cost = 0;
  for (std::size_t a = 0; a < m.pairs.size(); ++a) {
    const auto& p = m.pairs[a];
    CHECK(flow[a] >= 0);
    by_class[p.unit_class] += flow[a], by_request[p.request] += flow[a], total += flow[a];
    cost += p.cost * flow[a];
    if (flow[a] > 0) charged[p.request] |= p.charged;
  }
  for (std::size_t c = 0; c < by_class.size(); ++c) CHECK(by_class[c] <= m.class_units[c]);
  for (std::size_t j = 0; j < by_request.size(); ++j) CHECK(by_request[j] <= m.request_units[j]);
  CHECK(total == m.delivered);
  for (Group g : charged)
    for (std::size_t k = 0; k < m.charge.size(); ++k)
      if ((g >> k) & 1U) cost += m.charge[k];
  return cost;
}

}  // namespace

TEST_CASE("solve_per_request: one pattern per request and one y per antigen give the same optimum",
          "[matching][property]") {
  numeric::Rng rng(21);
  int searched = 0;
  for (int trial = 0; trial < 40; ++trial) {
    INFO("trial " << trial);
    auto m = random_model(rng, 30, 12, 0.3);
    set_most_units(m);
    const auto patterns = solve_per_request(m);
    m.max_patterns = 0;
    const auto antigens = solve_per_request(m);
    REQUIRE(patterns.proven_optimal);
    REQUIRE(antigens.proven_optimal);
    CHECK(cost_of(m, patterns.flow) ==
          Approx(cost_of(m, antigens.flow)).margin(patterns.gap_bound + antigens.gap_bound + 1e-12));
    CHECK(patterns.searched <= patterns.components);
    searched += patterns.searched > 0 && antigens.searched > 0;
  }
  CHECK(searched >= 10);  // branch and bound ran, in both forms
}

TEST_CASE("solve_per_request: with no charge, the least-cost flow of the most units", "[matching][property]") {
  numeric::Rng rng(22);
  for (int trial = 0; trial < 40; ++trial) {
    INFO("trial " << trial);
    auto m = random_model(rng, 25, 10, 0.3);
    m.charge.assign(4, 0.0);
    set_most_units(m);
    const auto s = solve_per_request(m);
    CHECK(s.proven_optimal);
    CHECK(s.searched == 0);  // a flow: the relaxation is integral, the bound proves it
    if (m.pairs.empty()) continue;
    const auto least = numeric::solve_linear_program(flow_lp(m, false, double(m.delivered)));
    REQUIRE(least.status == numeric::LpStatus::optimal);
    CHECK(cost_of(m, s.flow) == Approx(least.objective).margin(1e-9));
  }
}

TEST_CASE("solve_per_request: with no time left, a matching of the most units, not called optimal unless proven",
          "[matching][property]") {
  numeric::Rng rng(23);
  int unproven = 0;
  for (int trial = 0; trial < 20; ++trial) {
    INFO("trial " << trial);
    auto m = random_model(rng, 40, 16, 0.4);
    set_most_units(m);
    const auto full = solve_per_request(m);
    m.seconds = 0;
    const auto rushed = solve_per_request(m);
    cost_of(m, rushed.flow);  // feasible
    if (full.searched > 0) {  // the relaxation and the bound alone did not prove it
      ++unproven;
      CHECK_FALSE(rushed.proven_optimal);
    }
    if (rushed.proven_optimal) CHECK(cost_of(m, rushed.flow) == Approx(cost_of(m, full.flow)).margin(full.gap_bound + 1e-12));
    else CHECK(cost_of(m, rushed.flow) >= cost_of(m, full.flow) - full.gap_bound - 1e-12);
  }
  CHECK(unproven > 0);  // the case arises
}
