#include "ordering/inventory.hpp"

#include <algorithm>
#include <stdexcept>

namespace rbc::ordering {

bool delivery_day(Schedule schedule, int weekday) {
  return schedule == Schedule::daily || weekday == 1 || weekday == 4;  // Tuesday, Friday
}

Plan make_plan(std::span<const int> demand, std::span<const int> values, std::span<const int> weekday,
               Schedule schedule) {
  if (values.size() != demand.size() || weekday.size() != demand.size())
    throw std::invalid_argument("make_plan: demand, values and weekday differ in length");
  Plan plan{{demand.begin(), demand.end()}, std::vector<int>(demand.size(), -1)};
  const std::size_t n = demand.size();
  for (std::size_t t = 0; t < n; ++t) {
    if (!delivery_day(schedule, weekday[t])) continue;
    // The delivery covers day t up to the day before the next delivery (or the horizon's end).
    long long sum = values[t];
    for (std::size_t k = t + 1; k < n && !delivery_day(schedule, weekday[k]); ++k) sum += values[k];
    plan.basis[t] = static_cast<int>(std::min<long long>(sum, std::numeric_limits<int>::max()));
  }
  return plan;
}

int Stock::total() const {
  long long s = 0;
  for (int x : initial) s += x;
  return static_cast<int>(s);
}

Stock spread_initial_stock(int units, int per_day, int shelf_life) {
  if (shelf_life < 2 || units < 0) throw std::invalid_argument("spread_initial_stock: shelf_life < 2 or units < 0");
  Stock s{shelf_life, std::vector<int>(shelf_life - 1, 0)};
  per_day = std::max(per_day, 1);
  int left = units;
  for (int m = 0; m < shelf_life - 1 && left > 0; ++m) {
    s.initial[m] = std::min(per_day, left);
    left -= s.initial[m];
  }
  s.initial[0] += left;
  return s;
}

namespace {

// The order of day t under `rule`; sets `bound` when S cut it.
int order_quantity(const Rule& rule, int basis, long long stock, bool& bound) {
  if (basis < 0) return 0;  // no delivery that day
  switch (rule.kind) {
    case RuleKind::basis:
      return basis;
    case RuleKind::target_bounded:
      if (rule.target - stock < basis) bound = true;
      return static_cast<int>(std::clamp<long long>(rule.target - stock, 0, basis));
    case RuleKind::reorder_bounded: {
      // Eq. 13: below the reorder level, at least back to s and at most up to S.
      if (stock >= rule.reorder) return 0;
      const long long lo = rule.reorder - stock, hi = std::max<long long>(rule.target - stock, lo);
      if (basis > hi) bound = true;
      return static_cast<int>(std::clamp<long long>(basis, lo, hi));
    }
  }
  return 0;
}

}  // namespace

Totals simulate(const Plan& plan, const Stock& stock, const Costs& costs, const Rule& rule, Trace* trace,
                double stop_above) {
  const int M = stock.shelf_life;
  if (M < 2 || static_cast<int>(stock.initial.size()) != M - 1)
    throw std::invalid_argument("simulate: the initial stock needs M - 1 ages");
  // buf[slot(age)] = units of that age; a ring, so ageing is moving `head` (the slot of age 1).
  std::vector<int> buf(M, 0);
  int head = 0;
  auto slot = [&](int age) { int s = head + age - 1; return s >= M ? s - M : s; };
  long long total = 0;
  int oldest = 0;  // no nonzero bucket is older than this (0: no stock)
  for (int m = 1; m < M; ++m) {
    buf[slot(m)] = stock.initial[m - 1];
    total += stock.initial[m - 1];
    if (stock.initial[m - 1] > 0) oldest = m;
  }
  const std::size_t n = plan.demand.size();
  Totals r;
  if (trace) {
    *trace = {};
    trace->order.reserve(n), trace->inventory.reserve(n), trace->urgent.reserve(n), trace->wasted.reserve(n),
        trace->cost.reserve(n);
  }
  for (std::size_t t = 0; t < n; ++t) {
    const int z = order_quantity(rule, plan.basis[t], total, r.target_bound);
    // Arrival and ageing: yesterday's age m becomes m + 1; the slot of age M held nothing.
    head = head == 0 ? M - 1 : head - 1;
    buf[head] = z;
    total += z;
    oldest = oldest > 0 ? oldest + 1 : (z > 0 ? 1 : 0);
    // FIFO issue, oldest first (eq. 8-10).
    int need = plan.demand[t];
    while (need > 0 && oldest > 0) {
      int& b = buf[slot(oldest)];
      const int take = std::min(b, need);
      b -= take;
      need -= take;
      if (b == 0) --oldest;
    }
    const int urgent = need;  // eq. 11, unmet demand
    total -= plan.demand[t] - urgent;
    int wasted = 0;
    if (oldest == M) {
      wasted = buf[slot(M)];
      buf[slot(M)] = 0;
      total -= wasted;
      oldest = M - 1;
    }
    const double routine = z > 0 ? costs.routine : 0;
    const double holding = costs.holding * static_cast<double>(total);
    const double urgent_cost = costs.urgent * urgent;
    const double wastage = costs.wastage * wasted;
    const double cost = routine + holding + urgent_cost + wastage;  // eq. 7
    ++r.days;
    if (z > 0) {
      ++r.order_days;
      r.units_ordered += z;
      r.units_ordered_sq += static_cast<double>(z) * z;
    }
    const double inv = static_cast<double>(total);
    r.inventory += inv;
    r.inventory_sq += inv * inv;
    r.urgent += urgent;
    r.urgent_sq += static_cast<double>(urgent) * urgent;
    r.wasted += wasted;
    r.wasted_sq += static_cast<double>(wasted) * wasted;
    r.cost += cost;
    r.cost_sq += cost * cost;
    r.routine_cost += routine;
    r.holding_cost += holding;
    r.urgent_cost += urgent_cost;
    r.wastage_cost += wastage;
    if (trace) {
      trace->order.push_back(z);
      trace->inventory.push_back(static_cast<int>(total));
      trace->urgent.push_back(urgent);
      trace->wasted.push_back(wasted);
      trace->cost.push_back(cost);
    }
    if (r.cost > stop_above) {
      r.stopped = true;
      break;
    }
  }
  return r;
}

}  // namespace rbc::ordering
