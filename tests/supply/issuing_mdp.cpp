// Tests of src/supply/issuing_mdp.hpp: the issuing MDP of thesis sec. 5.4 (eq. 5.15-5.31).
// Value iteration's bounds are checked against every deterministic policy of tiny models
// (each policy's stationary distribution solved) and against the linear programme over
// state-action frequencies (GLPK) on random small models.
#include "supply/issuing_mdp.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <functional>
#include <random>

#include "common/input_error.hpp"

using namespace rbc::supply;

namespace {

// RhD: D- serves everyone, D+ only D+ (f_D = 0.832, thesis Table 4.4).
IssuingMdp rhd(int phases, int stock) {
  IssuingMdp m;
  m.groups = {{"D-", 0u, 0.168, 0.168}, {"D+", 1u, 0.832, 0.832}};
  m.phases = phases;
  m.max_stock = stock;
  m.shelf_life = 7;
  m.donation_rate = 1;
  m.request_rate = 0.9;
  return m;
}

// A random model on antigens {A, B}: 1-3 distinct groups, random shares, rates and costs.
IssuingMdp random_model(std::mt19937& rng, int max_types) {
  std::uniform_real_distribution<double> u(0.05, 1.0);
  IssuingMdp m;
  std::vector<std::uint32_t> sets = {0, 1, 2, 3};
  std::shuffle(sets.begin(), sets.end(), rng);
  const int groups = 1 + static_cast<int>(rng() % 3);
  double fd = 0, fr = 0;
  for (int i = 0; i < groups; ++i) {
    m.groups.push_back({std::string(1, static_cast<char>('a' + i)), sets[static_cast<std::size_t>(i)], u(rng), u(rng)});
    fd += m.groups.back().donation_share;
    fr += m.groups.back().request_share;
  }
  for (auto& g : m.groups) g.donation_share /= fd, g.request_share /= fr;
  m.phases = 1 + static_cast<int>(rng() % 2);
  while (groups * m.phases > max_types) m.phases = 1;
  m.max_stock = 1 + static_cast<int>(rng() % 3);
  m.shelf_life = 1 + 10 * u(rng);
  m.donation_rate = 3 * u(rng);
  m.request_rate = 3 * u(rng);
  m.shortage_cost = 10 * u(rng);
  m.outdating_cost = 10 * u(rng);
  m.substitution_cost = 3 * u(rng);
  return m;
}

// The actions allowed in state s for a request of group j: refuse, then present compatible types.
std::vector<int> allowed(const IssuingMdp& mdp, const std::vector<int>& s, int j) {
  std::vector<int> a = {refuse};
  for (int t = 0; t < static_cast<int>(s.size()); ++t)
    if (s[static_cast<std::size_t>(t)] > 0 && compatible(mdp, t, j)) a.push_back(t);
  return a;
}

// Every deterministic policy's average cost, by odometer over the (state, group) choices.
std::vector<std::pair<double, std::vector<int>>> all_policies(const IssuingMdp& mdp) {
  const StockStates states(static_cast<int>(mdp.groups.size()) * mdp.phases, mdp.max_stock);
  const std::size_t m = mdp.groups.size();
  std::vector<std::vector<int>> choices;
  for (std::size_t s = 0; s < states.size(); ++s)
    for (std::size_t j = 0; j < m; ++j) choices.push_back(allowed(mdp, states.unrank(s), static_cast<int>(j)));
  std::vector<std::size_t> pick(choices.size(), 0);
  std::vector<std::pair<double, std::vector<int>>> out;
  while (true) {
    std::vector<int> policy(choices.size());
    for (std::size_t k = 0; k < choices.size(); ++k) policy[k] = choices[k][pick[k]];
    out.emplace_back(policy_average_cost(mdp, policy), policy);
    std::size_t k = 0;
    while (k < pick.size() && ++pick[k] == choices[k].size()) pick[k++] = 0;
    if (k == pick.size()) break;
  }
  return out;
}

}  // namespace

TEST_CASE("StockStates: rank is the position in enumeration order and unrank inverts it", "[supply][property]") {
  for (const auto& [types, stock] : std::vector<std::pair<int, int>>{{1, 5}, {2, 3}, {4, 4}, {6, 2}, {3, 0}}) {
    const StockStates states(types, stock);
    std::vector<int> s(static_cast<std::size_t>(types), 0);
    std::size_t index = 0;
    do {
      int sum = 0;
      for (int c : s) sum += c;
      CHECK(sum <= stock);
      CHECK(states.rank(s) == index);
      CHECK(states.unrank(index) == s);
      ++index;
    } while (states.next(s));
    CHECK(index == states.size());
  }
}

TEST_CASE("issuing_mdp_size: the binomial counts equal the enumerated states and actions (eq. 5.17)",
          "[supply][property]") {
  std::mt19937 rng(7);
  for (int trial = 0; trial < 20; ++trial) {
    IssuingMdp mdp = random_model(rng, 6);
    mdp.max_stock = 1 + trial % 4;
    const MdpSize z = issuing_mdp_size(mdp);
    const StockStates states(static_cast<int>(mdp.groups.size()) * mdp.phases, mdp.max_stock);
    std::uint64_t actions = 0;
    for (std::size_t s = 0; s < states.size(); ++s)
      for (std::size_t j = 0; j < mdp.groups.size(); ++j) actions += allowed(mdp, states.unrank(s), static_cast<int>(j)).size();
    CHECK(z.states == states.size());
    CHECK(z.state_actions == actions);
    CHECK_FALSE(z.saturated);
  }
}

TEST_CASE("check_issuing_mdp: a state space over the limit is refused naming what makes it large",
          "[supply][regression]") {
  IssuingMdp big = rhd(10, 60);
  for (int i = 2; i < 8; ++i) big.groups.push_back({std::string(1, static_cast<char>('a' + i)), static_cast<std::uint32_t>(i), 0, 0});
  const MdpSize z = issuing_mdp_size(big);
  CHECK(z.states > 1'000'000'000'000ull);  // C(140, 60): sized without enumerating anything
  try {
    check_issuing_mdp(big);
    FAIL("not refused");
  } catch (const rbc::InputError& e) {
    CHECK(e.code() == "limit_exceeded");
    CHECK(e.path() == "max_stock");
    const std::string w = e.what();
    CHECK(w.find("60 units over 8 blood groups x 10 ageing phases") != std::string::npos);
    CHECK(w.find("at most 20,000") != std::string::npos);
  }
  // State-action pairs: within the state limit, over the pair limit.
  MdpLimits tight;
  tight.max_state_actions = issuing_mdp_size(rhd(2, 4)).state_actions - 1;
  CHECK_THROWS_WITH(check_issuing_mdp(rhd(2, 4), tight), Catch::Contains("state-action pairs"));
  CHECK_NOTHROW(check_issuing_mdp(rhd(2, 4)));
}

TEST_CASE("check_issuing_mdp: bad values name their field", "[supply][regression]") {
  auto path_of = [](const IssuingMdp& m) {
    try {
      check_issuing_mdp(m);
    } catch (const rbc::InputError& e) {
      return e.path();
    }
    return std::string("accepted");
  };
  IssuingMdp m = rhd(2, 3);
  m.groups[1].antigens = 0;
  CHECK(path_of(m) == "groups[1].antigens");
  m = rhd(2, 3);
  m.groups[0].request_share = 0.5;
  CHECK(path_of(m) == "groups");
  m = rhd(2, 3);
  m.outdating_cost = -1;  // sec. 5.4.3 assumes non-negative costs
  CHECK(path_of(m) == "outdating_cost");
  m = rhd(0, 3);
  CHECK(path_of(m) == "phases");
  m = rhd(2, 3);
  m.shelf_life = 0;
  CHECK(path_of(m) == "shelf_life");
  m = rhd(2, 3);
  m.groups[1].name = "D-";
  CHECK(path_of(m) == "groups[1].name");
}

TEST_CASE("solve_issuing_mdp: the bounds' limit is the best average cost over every deterministic policy",
          "[supply][validation]") {
  // Tiny models: every policy's stationary distribution solved exactly (eq. 5.23-5.24).
  std::vector<IssuingMdp> models = {rhd(1, 2), rhd(2, 1)};
  IssuingMdp one = rhd(2, 2);
  one.groups = {{"O", 0u, 1, 1}};
  models.push_back(one);
  IssuingMdp cheap = rhd(1, 2);
  cheap.substitution_cost = 0;
  models.push_back(cheap);
  // Genuine ties: only group A is requested and substitution is free, so an O unit and an A
  // unit are interchangeable from then on; the values tie up to rounding (shares 0.3 / 0.7).
  IssuingMdp twins = rhd(1, 2);
  twins.groups = {{"O", 0u, 0.3, 0}, {"A", 1u, 0.7, 1}};
  twins.substitution_cost = 0;
  models.push_back(twins);
  for (const IssuingMdp& mdp : models) {
    MdpOptions o;
    o.tolerance = 1e-12;
    o.tie_tolerance = 1e-7;
    const auto sol = solve_issuing_mdp(mdp, o);
    REQUIRE(sol.converged);
    const auto policies = all_policies(mdp);
    double best = std::numeric_limits<double>::infinity();
    for (const auto& p : policies) best = std::min(best, p.first);
    INFO("policies " << policies.size() << ", best " << best);
    CHECK(sol.lower <= best * (1 + 1e-12) + 1e-15);
    CHECK(sol.upper >= best * (1 - 1e-12) - 1e-15);
    CHECK(sol.average_cost == Approx(best).epsilon(1e-10));
    // Every state is recurrent here (all donation rates > 0), so a policy is optimal exactly
    // when it takes a minimising action everywhere: the optimal policies are the products of
    // the tie lists.
    std::size_t product = 1;
    for (const auto& list : sol.best) product *= list.size();
    std::size_t optimal = 0;
    for (const auto& p : policies)
      if (p.first <= best * (1 + 1e-9)) {
        ++optimal;
        for (std::size_t k = 0; k < p.second.size(); ++k) {
          const auto& list = sol.best[k];
          CHECK(std::find(list.begin(), list.end(), p.second[k]) != list.end());
        }
      }
    CHECK(optimal == product);
    if (&mdp == &models.back()) CHECK(product > 1);
  }
}

TEST_CASE("solve_issuing_mdp: with no costs every action is tied, and the ties are listed", "[supply][property]") {
  IssuingMdp mdp = rhd(2, 2);
  mdp.shortage_cost = mdp.outdating_cost = mdp.substitution_cost = 0;
  const auto sol = solve_issuing_mdp(mdp);
  CHECK(sol.converged);
  CHECK(sol.average_cost == 0);
  for (std::size_t s = 0; s < sol.states.size(); ++s)
    for (std::size_t j = 0; j < 2; ++j)
      CHECK(sol.best[s * 2 + j].size() == allowed(mdp, sol.states.unrank(s), static_cast<int>(j)).size());
}

TEST_CASE("solve_issuing_mdp: equals the linear programme over state-action frequencies (GLPK)", "[supply][validation]") {
  std::mt19937 rng(2026);
  for (int trial = 0; trial < 25; ++trial) {
    const IssuingMdp mdp = random_model(rng, 4);
    const auto sol = solve_issuing_mdp(mdp);
    REQUIRE(sol.converged);
    const double lp = linear_programme_average_cost(mdp);
    INFO("trial " << trial << ": lp " << lp << ", bounds " << sol.lower << " .. " << sol.upper);
    CHECK(sol.lower <= lp + 1e-9 * (1 + lp));
    CHECK(sol.upper >= lp - 1e-9 * (1 + lp));
    CHECK(sol.average_cost == Approx(lp).epsilon(1e-7).margin(1e-9));
    // The first listed action of every state is a policy that attains g*.
    std::vector<int> policy;
    for (const auto& list : sol.best) policy.push_back(list.front());
    CHECK(policy_average_cost(mdp, policy) == Approx(lp).epsilon(1e-6).margin(1e-9));
  }
}

TEST_CASE("solve_issuing_mdp: the bounds bracket g* and close monotonely at every iteration (eq. 5.31)",
          "[supply][property]") {
  std::mt19937 rng(31);
  for (int trial = 0; trial < 10; ++trial) {
    const IssuingMdp mdp = random_model(rng, 4);
    const auto sol = solve_issuing_mdp(mdp);
    const double g = linear_programme_average_cost(mdp);
    REQUIRE(sol.trace.size() == static_cast<std::size_t>(sol.iterations));
    const double slack = 1e-9 * (1 + g);
    for (std::size_t k = 0; k < sol.trace.size(); ++k) {
      CHECK(sol.trace[k].lower <= g + slack);
      CHECK(sol.trace[k].upper >= g - slack);
      CHECK(sol.trace[k].lower >= -slack);  // non-negative costs
      if (k > 0) {
        CHECK(sol.trace[k].lower >= sol.trace[k - 1].lower - slack);
        CHECK(sol.trace[k].upper <= sol.trace[k - 1].upper + slack);
      }
    }
  }
}

TEST_CASE("solve_issuing_mdp: every listed action is compatible and in stock", "[supply][property]") {
  IssuingMdp mdp;
  mdp.groups = {{"O", 0u, 0.45, 0.4}, {"A", 1u, 0.4, 0.45}, {"B", 2u, 0.1, 0.1}, {"AB", 3u, 0.05, 0.05}};
  mdp.phases = 2;
  mdp.max_stock = 3;
  mdp.shelf_life = 5;
  const auto sol = solve_issuing_mdp(mdp);
  CHECK(sol.converged);
  for (std::size_t s = 0; s < sol.states.size(); ++s) {
    const auto counts = sol.states.unrank(s);
    for (std::size_t j = 0; j < 4; ++j)
      for (int a : sol.best[s * 4 + j]) {
        if (a == refuse) continue;
        CHECK(counts[static_cast<std::size_t>(a)] > 0);
        CHECK(compatible(mdp, a, static_cast<int>(j)));
      }
  }
}

TEST_CASE("solve_issuing_mdp: scaling time or costs scales g* and keeps the policy", "[supply][property]") {
  const IssuingMdp base = rhd(2, 3);
  const auto a = solve_issuing_mdp(base);
  for (const double c : {1e-3, 7.0, 1e3}) {
    IssuingMdp faster = base;  // every rate x c: the same chain on a clock c times faster
    faster.donation_rate *= c;
    faster.request_rate *= c;
    faster.shelf_life /= c;
    const auto b = solve_issuing_mdp(faster);
    CHECK(b.average_cost == Approx(c * a.average_cost).epsilon(1e-7));
    CHECK(b.best == a.best);
    IssuingMdp dearer = base;
    dearer.shortage_cost *= c;
    dearer.outdating_cost *= c;
    dearer.substitution_cost *= c;
    const auto d = solve_issuing_mdp(dearer);
    CHECK(d.average_cost == Approx(c * a.average_cost).epsilon(1e-7));
    CHECK(d.best == a.best);
  }
}

TEST_CASE("solve_issuing_mdp: listing the groups in another order changes nothing", "[supply][property]") {
  const IssuingMdp a = rhd(2, 3);
  IssuingMdp b = a;
  std::swap(b.groups[0], b.groups[1]);
  CHECK(solve_issuing_mdp(b).average_cost == Approx(solve_issuing_mdp(a).average_cost).epsilon(1e-9));
}

TEST_CASE("solve_issuing_mdp: without the iterations to converge the bounds still bracket g*", "[supply][property]") {
  const IssuingMdp mdp = rhd(2, 2);
  MdpOptions o;
  o.max_iterations = 3;
  const auto sol = solve_issuing_mdp(mdp, o);
  CHECK_FALSE(sol.converged);
  CHECK(sol.iterations == 3);
  const double g = linear_programme_average_cost(mdp);
  CHECK(sol.lower <= g);
  CHECK(sol.upper >= g);
}

TEST_CASE("solve_issuing_mdp: a progress callback that answers stop cancels the iteration", "[supply][property]") {
  int calls = 0;
  const rbc::Progress stop([&](double, std::string_view) { return ++calls < 2; }, 0);
  CHECK_THROWS_AS(solve_issuing_mdp(rhd(2, 3), {}, {}, stop), rbc::Cancelled);
  CHECK(calls == 2);
}
