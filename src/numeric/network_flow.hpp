#pragma once
// Network flows, integer data only, through LEMON (Debian's liblemon-dev, header templates):
// the maximum flow (Goldberg-Tarjan preflow push-relabel, lemon::Preflow) and the minimum-cost
// flow (primal network simplex, lemon::NetworkSimplex), which also returns node potentials
// that certify optimality. Used by the allocation model (thesis ch. 6, src/allocation/).
// LEMON replaced GLPK's graph routines (Ford-Fulkerson and out-of-kilter), which were 10-20
// times slower on the chapter-6 instances (docs/performance.md); GLPK's RELAX-IV routine is
// not an option: Debian's GLPK 5.0 ships it disabled ("licensing problems") and it aborts.
//
// Besides the solvers, one analysis: given an optimal flow and optimal potentials, which
// arcs carry the same flow in EVERY minimum-cost flow. Two optimal flows differ by a
// circulation of cycles of zero reduced cost in the residual network, so an arc's flow can
// change exactly when one of its residual arcs lies on such a cycle, i.e. when its two ends
// are in one strongly connected component of the residual network of zero-reduced-cost arcs.
// That is exact because the data are integers: a reduced cost is 0 or at least 1 in size.
#include <cstdint>
#include <string>
#include <vector>

namespace rbc::numeric {

// An arc tail -> head carrying a flow in [low, cap] at `cost` per unit. Nodes are numbered
// 0 .. nodes - 1. Bounds: 0 <= low <= cap <= INT_MAX; costs are int64. Potentials are int64;
// min_cost_flow reports FlowStatus::overflow, without solving, when nodes x max |cost| could
// exceed 2^60 (a path's cost, beside LEMON's artificial cost 2^62), and after solving when the
// total cost does not fit in int64.
struct FlowArc {
  int tail = 0;
  int head = 0;
  int low = 0;
  int cap = 0;
  std::int64_t cost = 0;
};

struct FlowNetwork {
  int nodes = 0;
  std::vector<FlowArc> arcs;
};

struct MaxFlow {
  std::int64_t value = 0;
  std::vector<int> x;  // flow per arc
};

// The maximum flow from `source` to `sink` (every arc's `low` must be 0; costs are ignored).
// Throws std::invalid_argument for malformed networks.
MaxFlow max_flow(const FlowNetwork& network, int source, int sink);

// LEMON's version string, e.g. "1.3.1".
std::string lemon_version();

enum class FlowStatus { optimal, infeasible, overflow };
const char* to_string(FlowStatus s);

struct MinCostFlow {
  FlowStatus status = FlowStatus::infeasible;
  std::vector<int> x;                   // flow per arc (when optimal)
  std::vector<std::int64_t> potential;  // per node: reduced cost of arc a = cost - potential[tail] + potential[head]
  std::int64_t cost = 0;                // sum of cost x flow
};

// The minimum-cost flow meeting `supply` (per node: > 0 supplies, < 0 demands; they must add
// up to 0) within the arcs' bounds. When optimal, the potentials are checked to certify it
// (complementary slackness on every arc); a failed check is InputError("solver_error").
MinCostFlow min_cost_flow(const FlowNetwork& network, const std::vector<std::int64_t>& supply);

std::int64_t reduced_cost(const FlowArc& arc, const std::vector<std::int64_t>& potential);

// Per arc: true when every minimum-cost flow (same supplies) has this arc's flow, given one
// optimal flow `x` and optimal `potential`s. O(nodes + arcs).
std::vector<bool> fixed_arcs(const FlowNetwork& network, const std::vector<int>& x,
                             const std::vector<std::int64_t>& potential);

// The minimum-cost flows as a network of their own, for a lexicographic tie-break: only the
// arcs of zero reduced cost stay (within their bounds); every other arc is at its bound in
// every optimum (complementary slackness), so its flow is fixed and moved into the supplies.
// A minimum-cost flow of the face under a second cost function, put back with full_flow(),
// is the lexicographic optimum (first cost, then second).
struct Face {
  FlowNetwork network;                // same nodes; the free arcs only
  std::vector<std::size_t> arc;       // per face arc: its index in the original network
  std::vector<std::int64_t> supply;   // the supplies less the fixed arcs' flows
  std::vector<int> fixed_flow;        // per original arc: its flow when it is not in the face
};
Face optimal_face(const FlowNetwork& network, const std::vector<int>& x, const std::vector<std::int64_t>& potential,
                  const std::vector<std::int64_t>& supply);
// The original network's flow from a flow of the face.
std::vector<int> full_flow(const Face& face, const std::vector<int>& face_x);

}  // namespace rbc::numeric
