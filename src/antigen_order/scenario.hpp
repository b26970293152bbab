#pragma once
// One scenario (n, k, inventory model) of thesis sec. 7.2.4 from the likelihoods to the
// curve, the order and the matched distribution; for model 3 with its Monte Carlo noise:
// standard errors over replications (common random numbers across strategies), ties within
// the noise, how often each antigen lands at each position over replications, and how many
// draws the order needs before it stops changing.
#include <cstdint>
#include <optional>
#include <vector>

#include "antigen_order/availability.hpp"
#include "antigen_order/dynamic_programme.hpp"
#include "antigen_order/inventory_simulation.hpp"
#include "antigen_order/order.hpp"
#include "common/progress.hpp"

namespace rbc::antigen_order {

struct Scenario {
  std::int64_t n = 60, k = 2;
  InventoryModel model = InventoryModel::static_identical;
};

struct OrderSettings {
  std::vector<double> shares;  // p_a per minor antigen, summing to 1 (Table 7.1)
  double cutoff = 1e-3;        // the order stops at the first gain below this
  std::int64_t draws = 10000;  // model 3, per replication
  int replications = 4;
  std::uint64_t seed = 1;
  double z = 1.96;  // two model-3 strategies within z standard errors of their difference are tied
};

// Values of models 1 and 2 closer than this are equal (sums of a few thousand products).
inline constexpr double exact_tolerance = 1e-12;

struct Noise {
  int replications = 0;
  std::int64_t draws = 0;
  std::vector<double> value_se;                     // per strategy: V along its optimal path
  std::vector<double> level_se, difference_se;      // per level: the best's, and best minus runner-up
  std::vector<std::vector<std::int64_t>> positions;  // [antigen][position 0..m-1, m = beyond the cut-off]
  std::vector<std::int64_t> checkpoints;
  std::vector<std::vector<int>> checkpoint_orders;
  std::optional<std::int64_t> settled_draws;  // null: the order still changed at the last checkpoint
  std::vector<StrategyLikelihoods> replication_likelihoods;
};

struct ScenarioAnalysis {
  Scenario scenario;
  StrategyLikelihoods likelihoods;  // model 3: pooled over replications
  DynamicProgramme programme;
  std::vector<LevelBest> levels;
  std::vector<bool> level_tied;  // the level's runner-up is as good within the tolerance or the noise
  // Per antigen of the sequence past the cut-off (order.sequence[order.antigens.size() + i]):
  // the other antigens not yet in the sequence that would add as much at that step (eq. 7.3),
  // within the tolerance (models 1-2) or the noise (model 3: z standard errors of the
  // difference of the two gains over replications, common random numbers).
  std::vector<std::vector<int>> tail_tied;
  AntigenOrder order;
  MatchedDistribution matched;
  std::optional<Noise> noise;
};

SimulationSettings simulation_settings(const Scenario& scenario, const OrderSettings& settings);

// The scenarios in the order given; models 1 and 2 share one pass over the strategies.
std::vector<ScenarioAnalysis> analyse_scenarios(const GroupDistribution& d, const std::vector<Scenario>& scenarios,
                                                const OrderSettings& settings, const Progress& progress = {});

// The order with `shares` changed (robustness), on likelihoods already computed.
AntigenOrder order_for_shares(const StrategyLikelihoods& likelihoods, const std::vector<double>& shares, double cutoff);

}  // namespace rbc::antigen_order
