#pragma once
// The inventory allocation problem of thesis ch. 6 (sec. 6.3): units in stock, grouped by
// blood group i and residual shelf life r (the vertices (i, r) of V1), are allocated to the
// units requested, grouped by blood group j (V2), along compatible edges only (i a subset of
// j, eq. 4.8), so that as many requests as possible are met (the maximum flow) at the least
// cost among those (eq. 6.2-6.3). An edge's cost balances the relative opportunity loss
// Delta_ij (Definition 6.3) against the residual shelf life r (eq. 6.1, 6.9-6.10).
//
// Solved as network flows through LEMON (numeric/network_flow.hpp): first the maximum flow F,
// then the minimum-cost flow of value F. The thesis's single circulation, whose return arc
// costs -max c - 1 (sec. 6.3.2), does not guarantee the maximum flow when an augmenting path
// costs more than max c + 1; fixing the value first solves eq. 6.3 as written. The flow
// algorithms need integer costs: each cost term is rounded to a multiple of 1 / cost_scale
// (reported; the objective is within objective_gap_bound of the exact optimum).
//
// Several allocations can have the minimum cost (with gamma = 1 the shelf lives of one
// group are interchangeable). The result says which quantities are the same in every
// minimum-cost allocation (`fixed`) and returns the one the tie-break picks: among the
// minimum-cost allocations, the one issuing the oldest units (least total residual shelf
// life), then the least total relative opportunity loss; ties left after that are the flow
// solver's choice, reported by tie_break_unique = false.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "common/progress.hpp"

namespace rbc::allocation {

// A blood group: a bit set over the ordered antigen list (bit k = the k-th antigen present).
using Group = std::uint64_t;

// The group with the named antigens of `antigens` present (names not in the list add nothing).
Group group_of(const std::vector<std::string>& names, const std::vector<std::string>& antigens);

// ---- Limits, checked before any work ----
inline constexpr std::size_t max_stock_entries = 20000;    // (group, r) pairs
inline constexpr std::size_t max_request_entries = 5000;   // requested groups
inline constexpr std::size_t max_edges = 250000;           // compatible (stock entry, request) pairs
inline constexpr int max_entry_units = 1000000;            // units of one entry
inline constexpr std::int64_t max_total_units = 100000000;  // units in stock, and units requested
inline constexpr int max_shelf_life_days = 1000;           // R

// ---- Cost of an edge [(i, r), j] ----
enum class CostShape { linear, exponential };
const char* to_string(CostShape s);

inline constexpr double default_discount = 4.852030263919617;  // 7 log 2, sec. 6.3.3

struct CostFunction {
  double gamma = 0.5;                     // weight of the opportunity loss, in [0, 1]
  CostShape shape = CostShape::linear;
  double alpha = default_discount;        // eq. 6.10, exponential only; >= 0
  double beta = default_discount;         // eq. 6.10, exponential only; >= 0
};

// g1(Delta) of eq. 6.9: Delta (linear, eq. 6.1) or 1 - exp(-alpha Delta) (eq. 6.10).
double loss_term(const CostFunction& c, double loss);
// g2(r) of eq. 6.9: r / R (linear, eq. 6.1) or 1 - exp(-beta r / R) (eq. 6.10).
double age_term(const CostFunction& c, int residual_shelf_life, int max_shelf_life);
// c = gamma g1(Delta) + (1 - gamma) g2(r), eq. 6.9.
double edge_cost(const CostFunction& c, double loss, int residual_shelf_life, int max_shelf_life);

// ---- The problem ----
struct StockEntry {
  Group group = 0;
  int residual_shelf_life = 0;  // r, days, 0 <= r <= R
  int units = 0;                // s_ir >= 0
};

struct RequestEntry {
  Group group = 0;
  int units = 0;  // d_j >= 0
};

// How the network reaches the requests from the stock entries.
enum class EdgeLayout {
  // One arc per compatible (stock entry, request) edge, as sec. 6.3.2 draws it: each edge's
  // flow, and whether it is the same in every optimum, are the answer's.
  per_entry,
  // An edge's cost is a part of the group and request plus a part of the shelf life (eq. 6.9),
  // so the entries of a group can meet at one node and the group reach each request by one
  // arc: the same optimal allocations per entry and per (group, request), on a third of the
  // arcs when a group has several shelf lives. `flows` is then one way of splitting a group's
  // units over its requests (oldest entry first, requests in order), every `Flow::fixed` is
  // false, and `varying_edges` counts the entry and (group, request) arcs that can vary.
  per_group,
};

struct AllocationProblem {
  std::vector<StockEntry> stock;        // distinct (group, r)
  std::vector<RequestEntry> requests;   // distinct groups
  int max_shelf_life = 35;              // R >= 1, days
  CostFunction cost;
  EdgeLayout layout = EdgeLayout::per_entry;
};

// The usability F_i of a group (eq. 6.6: the share of recipients it can serve), in [0, 1].
using Usability = std::function<double(Group)>;

// Throws InputError naming the field ("stock[3].units", "requests[1].group", "gamma",
// "max_shelf_life", "stock" for a size over its limit). Counts the compatible edges first
// (O(stock x requests) subset tests on distinct groups) and refuses more than max_edges.
// Returns the number of edges.
std::size_t check_problem(const AllocationProblem& problem);

// ---- The result ----
struct StockResult {
  int issued = 0;
  bool fixed = true;  // issued (so remaining) is the same in every minimum-cost allocation
};

struct RequestResult {
  int delivered = 0;  // shortage = units - delivered
  int identical = 0;  // of those, units of the requested group itself
  bool fixed = true;  // delivered (so the shortage) is the same in every minimum-cost allocation
};

// Stock summed over residual shelf lives, one entry per stock group in order of first
// appearance.
struct StockGroupResult {
  Group group = 0;
  int units = 0;
  int issued = 0;
  bool fixed = true;
  double usability = 0;  // F_i, eq. 6.6
};

// One edge [(i, r), j] that carries units.
struct Flow {
  std::size_t stock = 0;    // index into problem.stock
  std::size_t request = 0;  // index into problem.requests
  int units = 0;
  double loss = 0;          // Delta_ij (0 when undefined, see undefined_loss)
  double cost = 0;          // c per unit, unrounded
  bool fixed = true;        // the same number of units on this edge in every minimum-cost allocation
};

struct Allocation {
  std::int64_t units_in_stock = 0, units_requested = 0;
  std::int64_t issued = 0;      // the maximum flow
  std::int64_t identical = 0;   // units issued to a request of their own group
  std::int64_t compatible = 0;  // units issued to another (compatible) group
  double objective = 0;         // sum of c x with the unrounded costs
  double objective_gap_bound = 0;  // the exact minimum lies in [objective - bound, objective]
  std::int64_t cost_scale = 0;  // costs were rounded to multiples of 1 / cost_scale
  std::size_t edges = 0;        // compatible edges
  std::size_t varying_edges = 0;  // edges whose flow differs between minimum-cost allocations
  bool unique = true;           // varying_edges == 0
  bool tie_break_unique = true;  // the tie-break's choice is the only one it could make
  std::vector<StockResult> stock;        // per problem.stock entry
  std::vector<RequestResult> requests;   // per problem.requests entry
  std::vector<StockGroupResult> stock_groups;
  std::vector<Flow> flows;               // edges with units, by stock entry, then request
  std::vector<Group> undefined_loss;     // stock groups of usability 0: Delta taken as 0
  double seconds = 0;                    // time spent building and solving the networks
};

// Solves eq. 6.3 with the tie-break above. `usability` is called once per distinct group.
// Checkpoints of `progress` between the solver's phases (the flow routines themselves cannot
// be interrupted).
Allocation allocate(const AllocationProblem& problem, const Usability& usability, const Progress& progress = {});

}  // namespace rbc::allocation
