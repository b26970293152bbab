#include "numeric/network_flow.hpp"

#include <lemon/network_simplex.h>
#include <lemon/preflow.h>
#include <lemon/smart_graph.h>

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <stdexcept>

#include "common/input_error.hpp"

namespace rbc::numeric {
namespace {

using Graph = lemon::SmartDigraph;

// Potentials and path costs stay within int64 while every simple path costs less than this
// (LEMON's network simplex adds its artificial arcs' cost, 2^62, on top of them).
constexpr std::int64_t largest_path_cost = std::int64_t{1} << 60;

void check_network(const FlowNetwork& n) {
  if (n.nodes < 2) throw std::invalid_argument("network_flow: a network needs at least 2 nodes");
  for (const auto& a : n.arcs) {
    if (a.tail < 0 || a.tail >= n.nodes || a.head < 0 || a.head >= n.nodes || a.tail == a.head)
      throw std::invalid_argument("network_flow: an arc's ends must be two different nodes of the network");
    if (a.low < 0 || a.low > a.cap) throw std::invalid_argument("network_flow: an arc needs 0 <= low <= cap");
  }
  if (n.arcs.size() > static_cast<std::size_t>(INT_MAX / 2)) throw std::invalid_argument("network_flow: too many arcs");
}

// The network as LEMON's static graph; arc k of the network is arc k of the graph (SmartDigraph
// numbers nodes and arcs in the order they are added).
void build_graph(const FlowNetwork& n, Graph& g) {
  g.reserveNode(n.nodes);
  g.reserveArc(static_cast<int>(n.arcs.size()));
  for (int v = 0; v < n.nodes; ++v) g.addNode();
  for (const auto& a : n.arcs) g.addArc(g.nodeFromId(a.tail), g.nodeFromId(a.head));
}

}  // namespace

std::string lemon_version() { return LEMON_VERSION; }

const char* to_string(FlowStatus s) {
  switch (s) {
    case FlowStatus::optimal: return "optimal";
    case FlowStatus::infeasible: return "infeasible";
    case FlowStatus::overflow: return "overflow";
  }
  return "infeasible";
}

MaxFlow max_flow(const FlowNetwork& network, int source, int sink) {
  check_network(network);
  if (source < 0 || source >= network.nodes || sink < 0 || sink >= network.nodes || source == sink)
    throw std::invalid_argument("max_flow: source and sink must be two different nodes");
  for (const auto& a : network.arcs)
    if (a.low != 0) throw std::invalid_argument("max_flow: arcs must have lower bound 0");
  Graph g;
  build_graph(network, g);
  Graph::ArcMap<int> cap(g);
  for (std::size_t k = 0; k < network.arcs.size(); ++k) cap[g.arcFromId(static_cast<int>(k))] = network.arcs[k].cap;
  lemon::Preflow<Graph, Graph::ArcMap<int>> preflow(g, cap, g.nodeFromId(source), g.nodeFromId(sink));
  preflow.run();
  MaxFlow out;
  out.value = preflow.flowValue();
  out.x.resize(network.arcs.size());
  for (std::size_t k = 0; k < network.arcs.size(); ++k) out.x[k] = preflow.flow(g.arcFromId(static_cast<int>(k)));
  return out;
}

std::int64_t reduced_cost(const FlowArc& arc, const std::vector<std::int64_t>& potential) {
  return arc.cost - potential[static_cast<std::size_t>(arc.tail)] + potential[static_cast<std::size_t>(arc.head)];
}

MinCostFlow min_cost_flow(const FlowNetwork& network, const std::vector<std::int64_t>& supply) {
  check_network(network);
  if (supply.size() != static_cast<std::size_t>(network.nodes))
    throw std::invalid_argument("min_cost_flow: one supply per node");
  std::int64_t total = 0, positive = 0;
  for (auto s : supply) total += s, positive += std::max<std::int64_t>(s, 0);
  if (total != 0) throw std::invalid_argument("min_cost_flow: supplies must add up to 0");
  if (positive > INT_MAX) throw std::invalid_argument("min_cost_flow: the total supply must fit in int");
  MinCostFlow out;
  std::int64_t largest_cost = 0;
  for (const auto& a : network.arcs)
    largest_cost = std::max<std::int64_t>(largest_cost, a.cost == INT64_MIN ? INT64_MAX : std::llabs(a.cost));
  if (largest_cost > largest_path_cost / network.nodes) {
    out.status = FlowStatus::overflow;
    return out;
  }

  Graph g;
  build_graph(network, g);
  Graph::ArcMap<int> low(g), cap(g);
  Graph::ArcMap<std::int64_t> cost(g);
  Graph::NodeMap<int> node_supply(g);
  for (std::size_t k = 0; k < network.arcs.size(); ++k) {
    const auto a = g.arcFromId(static_cast<int>(k));
    low[a] = network.arcs[k].low;
    cap[a] = network.arcs[k].cap;
    cost[a] = network.arcs[k].cost;
  }
  for (int v = 0; v < network.nodes; ++v) node_supply[g.nodeFromId(v)] = static_cast<int>(supply[static_cast<std::size_t>(v)]);
  lemon::NetworkSimplex<Graph, int, std::int64_t> simplex(g);
  simplex.lowerMap(low).upperMap(cap).costMap(cost).supplyMap(node_supply);
  const auto result = simplex.run();
  // Every arc has a finite capacity, so the problem is never unbounded.
  if (result != decltype(simplex)::OPTIMAL) {
    out.status = FlowStatus::infeasible;
    return out;
  }
  out.status = FlowStatus::optimal;
  out.x.resize(network.arcs.size());
  out.potential.resize(static_cast<std::size_t>(network.nodes));
  // LEMON's reduced cost is cost + pi(tail) - pi(head); ours (reduced_cost) has the opposite sign
  // on the potentials.
  for (int v = 0; v < network.nodes; ++v) out.potential[static_cast<std::size_t>(v)] = -simplex.potential(g.nodeFromId(v));
  // Check that the potentials certify the flow (complementary slackness) before anyone relies
  // on them: fixed_arcs and optimal_face read optimality from them.
  for (std::size_t k = 0; k < network.arcs.size(); ++k) {
    const FlowArc& a = network.arcs[k];
    out.x[k] = simplex.flow(g.arcFromId(static_cast<int>(k)));
    const std::int64_t d = reduced_cost(a, out.potential);
    if (out.x[k] < a.low || out.x[k] > a.cap || (d > 0 && out.x[k] != a.low) || (d < 0 && out.x[k] != a.cap))
      throw InputError("solver_error", "",
                       "LEMON's network simplex returned a flow its potentials do not certify optimal (arc " +
                           std::to_string(k) + ")");
    std::int64_t term = 0;
    if (__builtin_mul_overflow(a.cost, static_cast<std::int64_t>(out.x[k]), &term) ||
        __builtin_add_overflow(out.cost, term, &out.cost)) {
      out = {};
      out.status = FlowStatus::overflow;
      return out;
    }
  }
  return out;
}

namespace {

// Tarjan's strongly connected components of a directed graph given as adjacency lists
// (CSR: the targets of node v are to[start[v] .. start[v + 1])), iteratively.
std::vector<int> strong_components(const std::vector<std::size_t>& start, const std::vector<int>& to) {
  const std::size_t n = start.size() - 1;
  constexpr int unvisited = -1;
  std::vector<int> order(n, unvisited), low(n, 0), component(n, -1), stack;
  std::vector<bool> on_stack(n, false);
  std::vector<std::pair<int, std::size_t>> call;  // node, next edge to look at
  int counter = 0, components = 0;
  const auto visit = [&](std::size_t v) {
    order[v] = low[v] = counter++;
    stack.push_back(static_cast<int>(v));
    on_stack[v] = true;
    call.emplace_back(static_cast<int>(v), start[v]);
  };
  for (std::size_t root = 0; root < n; ++root) {
    if (order[root] != unvisited) continue;
    visit(root);
    while (!call.empty()) {
      const auto v = static_cast<std::size_t>(call.back().first);
      std::size_t& next = call.back().second;
      if (next < start[v + 1]) {
        const auto w = static_cast<std::size_t>(to[next++]);
        if (order[w] == unvisited) visit(w);
        else if (on_stack[w]) low[v] = std::min(low[v], order[w]);
        continue;
      }
      if (low[v] == order[v]) {
        int w;
        do {
          w = stack.back();
          stack.pop_back();
          on_stack[static_cast<std::size_t>(w)] = false;
          component[static_cast<std::size_t>(w)] = components;
        } while (static_cast<std::size_t>(w) != v);
        ++components;
      }
      call.pop_back();
      if (!call.empty()) {
        const auto parent = static_cast<std::size_t>(call.back().first);
        low[parent] = std::min(low[parent], low[v]);
      }
    }
  }
  return component;
}

// The bridges of an undirected multigraph (edges[e] = {u, v}; parallel edges are not
// bridges), by Tarjan's low-link method, iteratively.
std::vector<bool> bridges(std::size_t nodes, const std::vector<std::pair<int, int>>& edges) {
  std::vector<std::size_t> start(nodes + 1, 0);
  for (const auto& [u, v] : edges) ++start[static_cast<std::size_t>(u) + 1], ++start[static_cast<std::size_t>(v) + 1];
  for (std::size_t v = 0; v < nodes; ++v) start[v + 1] += start[v];
  std::vector<std::pair<int, std::size_t>> adjacent(start[nodes]);  // neighbour, edge
  {
    std::vector<std::size_t> fill(start.begin(), start.end() - 1);
    for (std::size_t e = 0; e < edges.size(); ++e) {
      const auto [u, v] = edges[e];
      adjacent[fill[static_cast<std::size_t>(u)]++] = {v, e};
      adjacent[fill[static_cast<std::size_t>(v)]++] = {u, e};
    }
  }
  constexpr int unvisited = -1;
  constexpr std::size_t no_edge = static_cast<std::size_t>(-1);
  std::vector<int> order(nodes, unvisited), low(nodes, 0);
  std::vector<bool> bridge(edges.size(), false);
  struct Frame {
    std::size_t node, via, next;  // via: the edge it was reached by
  };
  std::vector<Frame> call;
  int counter = 0;
  for (std::size_t root = 0; root < nodes; ++root) {
    if (order[root] != unvisited) continue;
    order[root] = low[root] = counter++;
    call.push_back({root, no_edge, start[root]});
    while (!call.empty()) {
      Frame& f = call.back();
      if (f.next < start[f.node + 1]) {
        const auto [w, e] = adjacent[f.next++];
        if (e == f.via) continue;  // the edge back to the parent (a parallel edge has another id)
        const auto wi = static_cast<std::size_t>(w);
        if (order[wi] == unvisited) {
          order[wi] = low[wi] = counter++;
          call.push_back({wi, e, start[wi]});
        } else {
          low[f.node] = std::min(low[f.node], order[wi]);
        }
        continue;
      }
      const Frame done = f;
      call.pop_back();
      if (!call.empty()) {
        const std::size_t parent = call.back().node;
        low[parent] = std::min(low[parent], low[done.node]);
        if (low[done.node] > order[parent]) bridge[done.via] = true;
      }
    }
  }
  return bridge;
}

}  // namespace

// Which arcs can change between optimal flows. H is the residual network of the arcs of
// zero reduced cost (the others are at a bound in every optimum): an arc strictly between
// its bounds gives two residual arcs (two-way), one at a bound gives one (one-way). An arc
// varies iff a simple cycle of H uses one of its residual arcs, its own two directions
// together not counting (that cycle changes nothing). So it is fixed when its ends lie in
// different strongly connected components of H. Inside one component C, a one-way arc u -> v
// always lies on a simple cycle (a simple path v -> u cannot use it). A two-way arc e = {u, v}
// lies on one iff e is not a bridge of C's underlying undirected multigraph: if neither end
// reached the other without e, the nodes u reaches and those v reaches (without e) would be
// disjoint with no arc between them but e, making e a bridge; and a non-bridge closes a cycle
// through another route, which C's strong connectivity lets one walk in the needed direction.
std::vector<bool> fixed_arcs(const FlowNetwork& network, const std::vector<int>& x,
                             const std::vector<std::int64_t>& potential) {
  const auto n = static_cast<std::size_t>(network.nodes);
  std::vector<bool> free(network.arcs.size(), false);
  std::vector<std::pair<int, int>> residual;
  for (std::size_t k = 0; k < network.arcs.size(); ++k) {
    const FlowArc& a = network.arcs[k];
    if (a.low == a.cap || reduced_cost(a, potential) != 0) continue;
    free[k] = true;
    if (x[k] < a.cap) residual.emplace_back(a.tail, a.head);
    if (x[k] > a.low) residual.emplace_back(a.head, a.tail);
  }
  std::vector<std::size_t> start(n + 1, 0);
  for (const auto& e : residual) ++start[static_cast<std::size_t>(e.first) + 1];
  for (std::size_t v = 0; v < n; ++v) start[v + 1] += start[v];
  std::vector<int> to(residual.size());
  {
    std::vector<std::size_t> fill(start.begin(), start.end() - 1);
    for (const auto& e : residual) to[fill[static_cast<std::size_t>(e.first)]++] = e.second;
  }
  const auto component = strong_components(start, to);
  const auto same_component = [&](const FlowArc& a) {
    return component[static_cast<std::size_t>(a.tail)] == component[static_cast<std::size_t>(a.head)];
  };
  std::vector<std::pair<int, int>> inside;  // the arcs inside a component, undirected
  std::vector<std::size_t> inside_arc;
  for (std::size_t k = 0; k < network.arcs.size(); ++k)
    if (free[k] && same_component(network.arcs[k])) {
      inside.emplace_back(network.arcs[k].tail, network.arcs[k].head);
      inside_arc.push_back(k);
    }
  const auto bridge = bridges(n, inside);
  std::vector<bool> fixed(network.arcs.size(), true);
  for (std::size_t e = 0; e < inside.size(); ++e) {
    const std::size_t k = inside_arc[e];
    const FlowArc& a = network.arcs[k];
    const bool two_way = x[k] > a.low && x[k] < a.cap;
    fixed[k] = two_way && bridge[e];
  }
  return fixed;
}

Face optimal_face(const FlowNetwork& network, const std::vector<int>& x, const std::vector<std::int64_t>& potential,
                  const std::vector<std::int64_t>& supply) {
  Face face;
  face.network.nodes = network.nodes;
  face.supply = supply;
  face.fixed_flow = x;
  for (std::size_t k = 0; k < network.arcs.size(); ++k) {
    const FlowArc& a = network.arcs[k];
    if (a.low < a.cap && reduced_cost(a, potential) == 0) {
      face.network.arcs.push_back(a);
      face.arc.push_back(k);
    } else {
      face.supply[static_cast<std::size_t>(a.tail)] -= x[k];
      face.supply[static_cast<std::size_t>(a.head)] += x[k];
    }
  }
  return face;
}

std::vector<int> full_flow(const Face& face, const std::vector<int>& face_x) {
  std::vector<int> x = face.fixed_flow;
  for (std::size_t e = 0; e < face.arc.size(); ++e) x[face.arc[e]] = face_x[e];
  return x;
}

}  // namespace rbc::numeric
