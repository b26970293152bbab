#pragma once
// Inventory allocation model 3 (thesis Algorithm 1): a dynamic inventory of n units under
// identical issuing. Each draw a recipient arrives; when k units of their group (under the
// strategy) are in stock they are issued and k units drawn from the donors replace them.
//
// Every strategy sees the same random numbers (common random numbers): in a replication the
// initial stock, the recipients and the replacement units are drawn once, as full groups over
// A, and every strategy compresses the same sequence (the i-th replacement unit is the same
// whichever strategy takes it). So two strategies' difference is estimated with far less
// noise than either value. Replications are independent streams of the seed, keyed by
// (n, k, replication), so a scenario gives the same numbers alone, in a grid, or on another
// worker, natively and in wasm.
#include <cstdint>
#include <vector>

#include "antigen_order/availability.hpp"
#include "common/progress.hpp"

namespace rbc::antigen_order {

struct SimulationSettings {
  std::int64_t n = 60, k = 2;
  std::int64_t draws = 10000;  // recipients per replication (Algorithm 1: 10,000)
  int replications = 4;
  std::uint64_t seed = 1;
};

// Counts of one estimate, per strategy and minor antigen: recipients who lacked it and those
// of them served; and per strategy, recipients served.
struct LikelihoodCounts {
  int minor = 0;
  std::int64_t draws = 0;
  std::vector<std::int64_t> lacking, lacking_served;  // [strategy * m + i]
  std::vector<std::int64_t> served;                   // [strategy]
  void add(const LikelihoodCounts& other);
  // Ratio estimates (Algorithm 1's s_j / t_j summed over the groups that lack the antigen).
  // An antigen no simulated recipient lacked gets `fallback`'s value when given, else 0.
  StrategyLikelihoods likelihoods(const StrategyLikelihoods* fallback = nullptr) const;
};

struct SimulatedLikelihoods {
  std::vector<LikelihoodCounts> replications;  // each replication's own counts
  LikelihoodCounts pooled;                     // all replications together
  // The pooled counts over each replication's first checkpoints[c] draws.
  std::vector<std::int64_t> checkpoints;
  std::vector<LikelihoodCounts> at_checkpoint;
};

// 1,000, 2,000, 5,000, 10,000, ... below `draws`, then `draws`.
std::vector<std::int64_t> checkpoint_draws(std::int64_t draws);

// The stream of replication r of scenario (n, k).
std::uint64_t replication_stream(std::int64_t n, std::int64_t k, int replication);

SimulatedLikelihoods simulate_likelihoods(const GroupDistribution& d, const SimulationSettings& settings,
                                          const Progress& progress = {});

// One strategy's L_j per compressed group j (successes / requests), per replication, from the
// same streams as simulate_likelihoods.
struct GroupCounts {
  std::vector<std::vector<std::int64_t>> requests, served;  // [replication][group]
};
GroupCounts simulate_group_counts(const GroupDistribution& d, const SimulationSettings& settings, std::uint32_t strategy);

}  // namespace rbc::antigen_order
