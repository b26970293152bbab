#pragma once
// From the dynamic programme to what the thesis reports: the curve of Fig. 7.3, the order of
// Table 7.5, and the number of antigens a recipient is matched for (Table 7.4).
// Readings (NOTES.md, "Chapter 7"): the curve at level l is the best V over the strategies of
// l antigens; the order adds the antigen by which the best strategy of one level exceeds the
// best of the level below, and stops at the first gain below the cut-off (1e-3).
#include <cstdint>
#include <optional>
#include <vector>

#include "antigen_order/availability.hpp"
#include "antigen_order/dynamic_programme.hpp"

namespace rbc::antigen_order {

struct LevelBest {
  int level = 0;
  std::uint32_t strategy = 0;
  double value = 0;
  std::int64_t tied = 1;                 // strategies of this level within the tolerance of the best
  std::optional<std::uint32_t> runner_up;  // the best other strategy of this level
  double runner_up_value = 0;
};
// Levels 0..m. Among strategies tied for the best, one containing the level below's best is
// preferred (then the lowest index), so the order stays nested where the ties allow.
std::vector<LevelBest> best_by_level(const DynamicProgramme& programme, double tolerance);

struct AntigenOrder {
  std::vector<int> antigens;  // added in this order, up to the cut-off
  std::vector<double> gains;  // curve(l) - curve(l - 1) for each
  // `antigens`, then the others, each appended where it adds the most: the whole sequence
  // in which antigens are dropped (from the back) when matched units run short.
  std::vector<int> sequence;
  // Whether each level's best contains the best of the level below. When not, the order is
  // the optimal path of the best strategy at the cut-off level.
  bool nested = true;
};
AntigenOrder order_from_levels(const std::vector<LevelBest>& levels, const DynamicProgramme& programme,
                               const StrategyLikelihoods& likelihoods, const std::vector<double>& shares, double cutoff);

// Where antigen mu stands in `order` (Fig. 7.4's counts): its position 0..size-1, or m, the
// column "after the cut-off", when the order stops before it.
std::size_t position_in(const AntigenOrder& order, int mu, int m);

// Table 7.4 along `sequence`: none = recipients not even matched on the always-matched
// antigens, levels[l] = matched on the first l antigens of the sequence but not l + 1.
struct MatchedDistribution {
  double none = 0;
  std::vector<double> levels;
  double average = 0;  // mean number of minor antigens matched, the unmatched counting 0
  // Model 3 estimates each strategy's share served separately, so noise can make a longer
  // prefix served more often than a shorter one; the shares are then made non-increasing by
  // pooling adjacent violators (isotonic regression) and this is true.
  bool adjusted = false;
};
MatchedDistribution matched_distribution(const std::vector<int>& sequence, const std::vector<double>& served);

}  // namespace rbc::antigen_order
