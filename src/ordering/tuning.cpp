#include "ordering/tuning.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace rbc::ordering {

std::vector<int> Grid::values() const {
  if (step <= 0 || to < from) throw std::invalid_argument("Grid: step <= 0 or to < from");
  std::vector<int> v;
  for (long long x = from; x <= to; x += step) v.push_back(static_cast<int>(x));
  return v;
}

double tie_tolerance(double gold_cost) { return 1e-9 * std::max(1.0, std::abs(gold_cost)); }

namespace {

// The index of the smallest |cost - goal| (the first, i.e. smallest grid value, on ties) and
// the grid values tying with it.
std::pair<std::size_t, std::vector<int>> closest(const std::vector<int>& grid, const std::vector<double>& cost,
                                                 double goal, double tol) {
  std::size_t best = 0;
  for (std::size_t i = 1; i < grid.size(); ++i)
    if (std::abs(cost[i] - goal) < std::abs(cost[best] - goal) - tol) best = i;
  std::vector<int> ties;
  for (std::size_t i = 0; i < grid.size(); ++i)
    if (std::abs(cost[i] - goal) <= std::abs(cost[best] - goal) + tol) ties.push_back(grid[i]);
  // The first tie is the smallest value; take it so S* (s*) is reproducible whatever the order.
  for (std::size_t i = 0; i < grid.size(); ++i)
    if (grid[i] == ties.front()) best = i;
  return {best, ties};
}

}  // namespace

Tuning tune(const TuningInput& in, const Grid& target_grid, const Grid& reorder_grid, const Progress& progress,
            int max_listed) {
  Tuning r;
  r.gold_cost = simulate(in.gold, in.stock, in.costs, {RuleKind::basis}).mean_cost();
  const double tol = tie_tolerance(r.gold_cost);
  const int days = static_cast<int>(in.gold.demand.size());
  r.targets = target_grid.values();
  const std::vector<int> reorder_all = reorder_grid.values();
  // Work: |S| + |s| runs for the steps, then up to every pair s <= S.
  long long pairs = 0;
  for (int S : r.targets)
    for (int s : reorder_all) pairs += s <= S;
  const double work = static_cast<double>(r.targets.size() + reorder_all.size() + pairs);
  double done = 0;
  bool last_bound = true;

  // Step 1: S* (sec. 4.3). Once S cuts no order, every larger S gives the same run.
  for (std::size_t i = 0; i < r.targets.size(); ++i) {
    progress.report(done++ / work, "inventory target S");
    if (i > 0 && !last_bound) {
      r.target_cost.push_back(r.target_cost.back());
      continue;
    }
    const Totals t = simulate(in.daily, in.stock, in.costs, {RuleKind::target_bounded, r.targets[i]});
    last_bound = t.target_bound;
    r.target_cost.push_back(t.mean_cost());
  }
  auto [ti, tties] = closest(r.targets, r.target_cost, r.gold_cost, tol);
  r.target = r.targets[ti];
  r.target_ties = std::move(tties);

  // Step 2: s* given S* (eq. 13's rule on the chosen schedule).
  for (int s : reorder_all) {
    ++done;
    if (s > r.target) continue;
    progress.report(done / work, "reorder level s");
    r.reorders.push_back(s);
    r.reorder_cost.push_back(
        simulate(in.scheduled, in.stock, in.costs, {RuleKind::reorder_bounded, r.target, s}).mean_cost());
  }
  if (r.reorders.empty()) throw std::invalid_argument("tune: no reorder level at or below S*");
  auto [si, sties] = closest(r.reorders, r.reorder_cost, r.gold_cost, tol);
  r.reorder = r.reorders[si];
  r.reorder_ties = std::move(sties);
  r.tuned_cost = r.reorder_cost[si];

  // The least cost over the grid. The tuned pair bounds it, so a run stops once its running
  // total passes the best total so far (costs are non-negative).
  double best_total = r.tuned_cost * days;
  const double tol_total = tol * days;
  std::vector<std::pair<int, int>> ties;  // (s, S)
  long long count = 0;
  // s outside, S ascending inside: once S cuts no order (or a run stopped before S cut one),
  // every larger S repeats the run, so it is counted without simulating it.
  for (int s : reorder_all) {
    progress.report(done / work, "least-cost (s, S)");
    bool repeat = false;
    Totals t;
    for (int S : r.targets) {
      if (s > S) continue;
      ++done;
      ++r.pairs;
      if (!repeat) {
        t = simulate(in.scheduled, in.stock, in.costs, {RuleKind::reorder_bounded, S, s}, nullptr, best_total + tol_total);
        repeat = !t.target_bound;
      }
      if (t.stopped) continue;
      if (t.cost < best_total - tol_total) {
        best_total = t.cost;
        ties.clear();
        count = 0;
      }
      ties.emplace_back(s, S);
      ++count;
    }
  }
  std::sort(ties.begin(), ties.end(), [](auto a, auto b) { return std::pair(a.second, a.first) < std::pair(b.second, b.first); });
  if (static_cast<int>(ties.size()) > max_listed) ties.resize(max_listed);
  // The tuned pair's own run set the first bound; if nothing beat or matched it, it is the least.
  if (count == 0) {
    best_total = r.tuned_cost * days;
    ties.emplace_back(r.reorder, r.target);
    count = 1;
  }
  r.least_cost = best_total / days;
  r.least_count = count;
  r.least_points = std::move(ties);
  r.tuned_is_least = std::abs(r.tuned_cost - r.least_cost) <= tol;
  return r;
}

std::vector<int> thinned(const std::vector<int>& values, int max_side) {
  if (max_side < 2) throw std::invalid_argument("thinned: max_side < 2");
  const std::size_t n = values.size();
  if (n <= static_cast<std::size_t>(max_side)) return values;
  // k = ceil((n - 1) / (max_side - 1)) leaves at most max_side - 1 steps, and room for the last.
  const std::size_t k = (n - 2) / static_cast<std::size_t>(max_side - 1) + 1;
  std::vector<int> out;
  for (std::size_t i = 0; i < n; i += k) out.push_back(values[i]);
  if (out.back() != values.back()) out.push_back(values.back());
  return out;
}

Surface cost_surface(const TuningInput& in, const Grid& target_grid, const Grid& reorder_grid, int max_side,
                     const Progress& progress) {
  Surface r;
  r.targets = thinned(target_grid.values(), max_side);
  r.reorders = thinned(reorder_grid.values(), max_side);
  r.cost.assign(r.targets.size() * r.reorders.size(), std::nan(""));
  for (std::size_t j = 0; j < r.reorders.size(); ++j) {
    progress.report(static_cast<double>(j) / r.reorders.size(), "cost over the (s, S) grid");
    // S ascending: once S cuts no order, every larger S repeats the run.
    bool repeat = false;
    double cost = 0;
    for (std::size_t i = 0; i < r.targets.size(); ++i) {
      if (r.reorders[j] > r.targets[i]) continue;
      if (!repeat) {
        const Totals t = simulate(in.scheduled, in.stock, in.costs, {RuleKind::reorder_bounded, r.targets[i], r.reorders[j]});
        cost = t.mean_cost();
        repeat = !t.target_bound;
      }
      r.cost[i * r.reorders.size() + j] = cost;
    }
  }
  return r;
}

}  // namespace rbc::ordering
