#pragma once
// A hospital's red-cell stock under daily orders (seed 003, Li et al., sec. 4.3): FIFO
// issuing from units of ages 1..M, the cost of each day (eq. 7-12), and the ordering rules the
// seed compares (ordering to actual demand, the forecast bounded by S, the (s, S)-bounded
// forecast of eq. 13). Readings of the text are listed in docs/methods/ordering.md.
//
// Order of events in day t (sec. 4.3): the order z_t placed at the end of day t-1 arrives as
// units of age 1; every unit ages by one day; demand y_t is met oldest first; unmet demand is
// an urgent delivery B_t (eq. 11, read as unmet demand: see the methods page); units of age M
// left at the end of the day are wasted (I_t^M). The stock carried over is sum_{m<M} I_t^m.
#include <limits>
#include <span>
#include <vector>

namespace rbc::ordering {

struct Costs {
  double routine = 100;  // a: per order (eq. 7, I(z_t > 0))
  double holding = 1;    // h: per unit carried over at the end of a day
  double urgent = 300;   // u: per unit of unmet demand delivered the same day
  double wastage = 100;  // w: per unit expired (age M at the end of a day)
};

enum class Schedule { daily, twice_weekly };
// Twice weekly: deliveries on Tuesday and Friday (seed 003 sec. 5.1: Tuesday to Thursday and
// Friday to Monday), so the order arriving on a delivery day covers the days to the next one.
bool delivery_day(Schedule schedule, int weekday);  // weekday 0 = Monday .. 6 = Sunday

enum class RuleKind {
  basis,             // order the basis (actual demand for the gold standard, or the forecast)
  target_bounded,    // min(basis, S - I_{t-1})^+   (sec. 4.3, step 1)
  reorder_bounded,   // eq. 13: if I_{t-1} < s, the basis clamped to [s - I_{t-1}, S - I_{t-1}]; else 0
};
struct Rule {
  RuleKind kind = RuleKind::basis;
  int target = 0;   // S
  int reorder = 0;  // s (at most S)
};

// What each day's order is based on: basis[t] >= 0 on a delivery day (the demand or forecast
// summed over the days the delivery covers, within the horizon), -1 on a day without delivery.
struct Plan {
  std::vector<int> demand;  // y_t >= 0
  std::vector<int> basis;
};
// weekday[t] of each day; values[t] the units the order is based on (actual or forecast).
Plan make_plan(std::span<const int> demand, std::span<const int> values, std::span<const int> weekday,
               Schedule schedule);

// The stock at the end of day 0: initial[m - 1] units of age m, m = 1..M-1.
struct Stock {
  int shelf_life = 32;  // M: a unit of age M at the end of a day is wasted
  std::vector<int> initial;
  int total() const;
};
// The initial stock I0 spread as ordering to actual demand leaves it: `per_day` units of each
// age from 1 upwards (the last age partly), up to M-1; any excess beyond that at age 1.
Stock spread_initial_stock(int units, int per_day, int shelf_life);

struct Trace {
  std::vector<int> order, inventory, urgent, wasted;
  std::vector<double> cost;
};

// Sums over the days simulated (sd's are taken from them by summarise()).
struct Totals {
  int days = 0;
  bool stopped = false;  // the cost passed stop_above; the sums cover part of the horizon only
  // S cut an order on some day simulated. When it did not, a run with a larger S is the same
  // run, day by day (the tuning uses this to skip them).
  bool target_bound = false;
  int order_days = 0;
  double units_ordered = 0, units_ordered_sq = 0;  // over days with an order
  double inventory = 0, inventory_sq = 0;          // end-of-day stock sum_{m<M} I_t^m
  double urgent = 0, urgent_sq = 0;
  double wasted = 0, wasted_sq = 0;
  double cost = 0, cost_sq = 0;
  double routine_cost = 0, holding_cost = 0, urgent_cost = 0, wastage_cost = 0;
  double mean_cost() const { return days ? cost / days : 0; }
};

// Simulates the horizon of `plan` under `rule`. trace: filled when given. Stops (stopped =
// true) as soon as the running total cost exceeds stop_above: costs are non-negative, so such
// a run cannot be cheaper (the least-cost search uses this).
Totals simulate(const Plan& plan, const Stock& stock, const Costs& costs, const Rule& rule, Trace* trace = nullptr,
                double stop_above = std::numeric_limits<double>::infinity());

}  // namespace rbc::ordering
