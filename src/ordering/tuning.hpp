#pragma once
// The data-driven (s, S) rule's tuning (seed 003 sec. 4.3, steps 1-2, after Shi et al. [51]):
// S* makes the mean cost of the forecast bounded by S closest to the gold standard's (ordering
// to actual demand); given S*, s* does the same for eq. 13's rule. "Closest" is not "cheapest",
// so the (s, S) of least mean cost on the same days is found too, over the same grid.
#include <utility>
#include <vector>

#include "common/progress.hpp"
#include "ordering/inventory.hpp"

namespace rbc::ordering {

struct Grid {
  int from = 0, to = 0, step = 1;  // from, from + step, ..., up to `to`
  std::vector<int> values() const;
};

struct TuningInput {
  Plan gold;       // the tuning days, actual demand, daily
  Plan daily;      // the tuning days, the forecast, daily (S* is set by daily errors, sec. 4.3)
  Plan scheduled;  // the tuning days, the forecast, the chosen schedule (s* is set per schedule)
  Stock stock;
  Costs costs;
};

struct Tuning {
  double gold_cost = 0;             // E[c(y)]
  std::vector<int> targets;         // the S grid
  std::vector<double> target_cost;  // E[c(yhat, S)] for each S
  int target = 0;                   // S*: the smallest S among the equally close
  std::vector<int> target_ties;     // every S as close as S* (S* included)
  std::vector<int> reorders;        // the s grid up to S* (eq. 13 needs s <= S)
  std::vector<double> reorder_cost; // E[c(yhat, S*, s)] for each
  int reorder = 0;                  // s*: the smallest s among the equally close
  std::vector<int> reorder_ties;
  double tuned_cost = 0;            // E[c(yhat, S*, s*)]
  // The least mean cost over every (s, S) of the grids with s <= S.
  double least_cost = 0;
  long long least_count = 0;                    // grid points with that cost
  std::vector<std::pair<int, int>> least_points;  // (s, S), the first `max_listed`, S then s ascending
  bool tuned_is_least = false;                  // (s*, S*) is among them
  long long pairs = 0;                          // (s, S) pairs searched
};

// The mean cost of eq. 13's rule (the scheduled plan) at every (s, S) of a coarser grid: a
// picture of the whole landscape, which the least-cost search cannot give (it stops runs that
// cannot win). Each grid is thinned to at most `max_side` values: every k-th from the first,
// and the last.
struct Surface {
  std::vector<int> targets;   // S, ascending
  std::vector<int> reorders;  // s, ascending
  std::vector<double> cost;   // cost[i * reorders.size() + j] at (reorders[j], targets[i]); NaN where s > S
  double at(std::size_t target_index, std::size_t reorder_index) const { return cost[target_index * reorders.size() + reorder_index]; }
};

// At most max_side (>= 2) of `values`: every k-th from the first, and the last.
std::vector<int> thinned(const std::vector<int>& values, int max_side);

Surface cost_surface(const TuningInput& in, const Grid& target_grid, const Grid& reorder_grid, int max_side,
                     const Progress& progress);

// Costs equal within tolerance(gold) = 1e-9 max(1, E[c(y)]) count as ties.
double tie_tolerance(double gold_cost);

Tuning tune(const TuningInput& in, const Grid& target_grid, const Grid& reorder_grid, const Progress& progress,
            int max_listed = 100);

}  // namespace rbc::ordering
