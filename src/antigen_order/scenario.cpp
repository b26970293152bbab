#include "antigen_order/scenario.hpp"

#include <algorithm>
#include <cmath>

#include "numeric/statistics.hpp"

namespace rbc::antigen_order {

namespace {

using numeric::standard_error;

std::vector<std::vector<int>> tail_ties(const ScenarioAnalysis& a, const std::vector<StrategyLikelihoods>& replications,
                                        const OrderSettings& settings);

ScenarioAnalysis analyse(const Scenario& scenario, StrategyLikelihoods likelihoods, const OrderSettings& settings) {
  ScenarioAnalysis a;
  a.scenario = scenario;
  a.likelihoods = std::move(likelihoods);
  a.programme = solve_programme(a.likelihoods, settings.shares, exact_tolerance);
  a.levels = best_by_level(a.programme, exact_tolerance);
  a.order = order_from_levels(a.levels, a.programme, a.likelihoods, settings.shares, settings.cutoff);
  a.matched = matched_distribution(a.order.sequence, a.likelihoods.served);
  for (const auto& level : a.levels)
    a.level_tied.push_back(level.runner_up && level.value - level.runner_up_value <= exact_tolerance);
  a.tail_tied = tail_ties(a, {}, settings);
  return a;
}

// The tail's ties (ScenarioAnalysis::tail_tied). `replications` empty: models 1-2, exact.
std::vector<std::vector<int>> tail_ties(const ScenarioAnalysis& a, const std::vector<StrategyLikelihoods>& replications,
                                        const OrderSettings& settings) {
  const auto& sequence = a.order.sequence;
  const int m = a.likelihoods.minor;
  std::vector<std::vector<int>> out;
  std::uint32_t s = strategy_of(std::vector<int>(sequence.begin(), sequence.begin() + static_cast<std::ptrdiff_t>(a.order.antigens.size())));
  for (std::size_t q = a.order.antigens.size(); q < sequence.size(); ++q) {
    const int pick = sequence[q];
    const auto step = [&](const StrategyLikelihoods& l, int mu) {
      return gain(l, settings.shares, s | (std::uint32_t{1} << mu), mu);
    };
    std::vector<int> tied;
    for (int mu = 0; mu < m; ++mu) {
      if (mu == pick || ((s >> mu) & 1U)) continue;
      const double difference = step(a.likelihoods, pick) - step(a.likelihoods, mu);
      bool same = difference <= exact_tolerance;
      if (!same && !replications.empty()) {
        std::vector<double> per;
        for (const auto& l : replications) per.push_back(step(l, pick) - step(l, mu));
        same = difference < settings.z * standard_error(per);
      }
      if (same) tied.push_back(mu);
    }
    out.push_back(tied);
    s |= std::uint32_t{1} << pick;
  }
  return out;
}

AntigenOrder order_of(const StrategyLikelihoods& likelihoods, const std::vector<double>& shares, double cutoff) {
  const auto programme = solve_programme(likelihoods, shares, exact_tolerance);
  return order_from_levels(best_by_level(programme, exact_tolerance), programme, likelihoods, shares, cutoff);
}

// Standard errors from the replications, ties within the noise, positions over replications
// and the order at each checkpoint (model 3).
void add_noise(ScenarioAnalysis& a, const SimulatedLikelihoods& sim, const OrderSettings& settings) {
  Noise noise;
  const int m = a.likelihoods.minor;
  noise.replications = static_cast<int>(sim.replications.size());
  noise.draws = sim.replications.empty() ? 0 : sim.replications[0].draws;
  for (const auto& counts : sim.replications) noise.replication_likelihoods.push_back(counts.likelihoods(&a.likelihoods));
  const auto& reps = noise.replication_likelihoods;
  const auto path_values = [&](const std::vector<int>& path) {
    std::vector<double> v;
    for (const auto& l : reps) v.push_back(path_value(path, l, settings.shares));
    return v;
  };
  noise.value_se.resize(a.programme.value.size());
  for (std::uint32_t s = 0; s < a.programme.value.size(); ++s)
    noise.value_se[s] = standard_error(path_values(optimal_path(a.programme, s)));
  for (std::size_t l = 0; l < a.levels.size(); ++l) {
    const auto& level = a.levels[l];
    noise.level_se.push_back(noise.value_se[level.strategy]);
    double se = 0;
    if (level.runner_up) {
      // Common random numbers: the difference is taken within each replication.
      auto best = path_values(optimal_path(a.programme, level.strategy));
      const auto other = path_values(optimal_path(a.programme, *level.runner_up));
      for (std::size_t r = 0; r < best.size(); ++r) best[r] -= other[r];
      se = standard_error(best);
      const double difference = level.value - level.runner_up_value;
      a.level_tied[l] = difference <= exact_tolerance || difference < settings.z * se;
    }
    noise.difference_se.push_back(se);
  }
  noise.positions.assign(static_cast<std::size_t>(m), std::vector<std::int64_t>(static_cast<std::size_t>(m) + 1, 0));
  for (const auto& l : reps) {
    const auto order = order_of(l, settings.shares, settings.cutoff);
    for (int mu = 0; mu < m; ++mu) {
      noise.positions[static_cast<std::size_t>(mu)][position_in_order(order.antigens, mu, m)] += 1;
    }
  }
  a.tail_tied = tail_ties(a, reps, settings);
  noise.checkpoints = sim.checkpoints;
  for (const auto& counts : sim.at_checkpoint)
    noise.checkpoint_orders.push_back(order_of(counts.likelihoods(&a.likelihoods), settings.shares, settings.cutoff).antigens);
  // The first checkpoint from which the order no longer changes (not the last one: an order
  // first seen at the end has not been seen to stay).
  std::size_t c = noise.checkpoint_orders.size();
  while (c > 0 && noise.checkpoint_orders[c - 1] == a.order.antigens) --c;
  if (c + 1 < noise.checkpoint_orders.size()) noise.settled_draws = noise.checkpoints[c];
  a.noise = std::move(noise);
}

}  // namespace

SimulationSettings simulation_settings(const Scenario& scenario, const OrderSettings& settings) {
  SimulationSettings s;
  s.n = scenario.n;
  s.k = scenario.k;
  s.draws = settings.draws;
  s.replications = settings.replications;
  s.seed = settings.seed;
  return s;
}

AntigenOrder order_for_shares(const StrategyLikelihoods& likelihoods, const std::vector<double>& shares, double cutoff) {
  return order_of(likelihoods, shares, cutoff);
}

std::vector<ScenarioAnalysis> analyse_scenarios(const GroupDistribution& d, const std::vector<Scenario>& scenarios,
                                                const OrderSettings& settings, const Progress& progress) {
  std::vector<ExactScenario> exact;
  std::size_t simulated = 0;
  for (const auto& s : scenarios) {
    if (s.model == InventoryModel::dynamic_identical) ++simulated;
    else exact.push_back({s.n, s.k, s.model});
  }
  // Progress: the exact pass counts as one simulated scenario.
  const double parts = static_cast<double>(simulated) + (exact.empty() ? 0.0 : 1.0);
  double done = 0;
  std::vector<StrategyLikelihoods> exact_results;
  if (!exact.empty()) {
    exact_results = exact_likelihoods(d, exact, progress.part(0, 1 / parts));
    done = 1;
  }
  std::vector<ScenarioAnalysis> out;
  std::size_t next_exact = 0;
  for (const auto& s : scenarios) {
    if (s.model != InventoryModel::dynamic_identical) {
      out.push_back(analyse(s, std::move(exact_results[next_exact++]), settings));
      continue;
    }
    const auto sim = simulate_likelihoods(d, simulation_settings(s, settings), progress.part(done / parts, (done + 1) / parts));
    done += 1;
    out.push_back(analyse(s, sim.pooled.likelihoods(), settings));
    add_noise(out.back(), sim, settings);
  }
  progress.report(1);
  return out;
}

}  // namespace rbc::antigen_order
