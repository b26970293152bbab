#pragma once
// Counting a mismatched antigen once per request (MismatchCount::per_request, match()): the
// transportation problem of seed 004 eq. (1)-(6) with a fixed charge per (request, antigen)
// instead of pi_1 per unit. Not a network flow; solved exactly as a mixed-integer programme
// (docs/methods/matching.md, "Per-unit or per-request mismatches"), the whole MIP being
//
//   x_cj  units of class c (one type and age) to request j, 0 <= x_cj <= cap_cj = min(|c|, b_j)
//   y_jk  1 when request j pays for antigen k
//   min   sum c_cj x_cj + sum_jk charge_k y_jk
//   s.t.  sum_j x_cj <= |c|,  sum_c x_cj <= b_j,  sum x_cj = F (the maximum flow)
//         sum_{c in S_jk} x_cj <= min(b_j, sum_{c in S_jk} cap_cj) y_jk   (aggregated)
//         x_cj <= cap_cj y_jk, c in S_jk, where cap_cj is below that bound  (per pair)
//   S_jk: the classes allowed for j that mismatch k.
//
// The solver: (i) the LP relaxation of that MIP and its duals; (ii) a matching, the
// relaxation rounded (close what it pays nothing for, then a flow) and improved by local
// search; (iii) reduced-cost fixing: the pairs and y that the duals prove to be at a bound in
// every matching as cheap as that one are fixed there (exact: the Lagrangian bound is
// recomputed from the duals in double precision, with a margin for its rounding); (iv) the
// connected components of the (class, request) graph left, which share no unit and are
// independent problems once each is given the units it carries in the matching; fixing and
// splitting again per component, with its own smaller slack; (v) GLPK's branch and bound
// on each component the bound does not settle, starting from the matching, with one binary
// per request and mismatch pattern (per_request_mip.cpp: the convex hull of each request's
// choices) instead of one y per antigen.
#include <cstdint>
#include <vector>

#include "allocation/allocation.hpp"
#include "common/progress.hpp"

namespace rbc::allocation {

struct PerRequestPair {
  std::size_t unit_class = 0, request = 0;
  double cost = 0;     // c_cj: eq. (7) without pi_1
  Group charged = 0;   // the antigens k of I_j with charge_k > 0 that the class mismatches
};

struct PerRequestModel {
  std::vector<int> class_units;       // |c| per class, >= 1
  std::vector<int> request_units;     // b_j per request, >= 1
  std::vector<PerRequestPair> pairs;  // the allowed pairs, each (class, request) once
  std::vector<double> charge;         // per antigen bit: lambda_1 w_k (> 0 where charged)
  std::int64_t delivered = 0;         // F: a flow of F units must exist (the maximum flow)
  double seconds = 10;                // time limit, all of it (at least the relaxation runs)
  // Per request in the components' MIPs: at most this many mismatch patterns, else one y
  // per antigen (0: always y; the two forms give the same optimum, tests/allocation).
  std::size_t max_patterns = 64;
};

struct PerRequestSolution {
  std::vector<int> flow;              // units per pair
  bool proven_optimal = true;         // false: the time limit stopped it (flow: the best found)
  // The cost of `flow` exceeds the least cost by at most this (GLPK's pruning tolerance per
  // component searched, the bound's margin per component proven by the bound).
  double gap_bound = 0;
  std::size_t columns = 0, rows = 0;  // the whole MIP
  std::size_t pairs_removed = 0;      // by reduced-cost fixing
  std::size_t components = 0;         // independent parts at the end, settled by the bound or searched
  std::size_t searched = 0;           // those branch and bound ran on
};

// The model must admit a flow of `delivered` units (match() passes the maximum flow).
// Throws InputError("solver_error") if GLPK fails or ends in a state such a flow rules out,
// and Cancelled when progress asks (checkpoints between the phases and at GLPK's nodes).
PerRequestSolution solve_per_request(const PerRequestModel& model, const Progress& progress = {});

}  // namespace rbc::allocation
