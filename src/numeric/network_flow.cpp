#include "numeric/network_flow.hpp"

#include <glpk.h>

#include <algorithm>
#include <climits>
#include <cstring>
#include <stdexcept>

#include "common/input_error.hpp"
#include "numeric/glpk_guard.hpp"

namespace rbc::numeric {
namespace {

// Arc data in GLPK's graph: low, cap, cost, x and our arc index, each a double.
constexpr int a_low = 0, a_cap = 8, a_cost = 16, a_x = 24, a_index = 32, a_size = 40;
// Node data: supply (rhs) and the potential GLPK returns.
constexpr int v_rhs = 0, v_pi = 8, v_size = 16;

void put(void* data, int offset, double value) { std::memcpy(static_cast<char*>(data) + offset, &value, sizeof value); }
double get(const void* data, int offset) {
  double value;
  std::memcpy(&value, static_cast<const char*>(data) + offset, sizeof value);
  return value;
}

void check_network(const FlowNetwork& n) {
  if (n.nodes < 2) throw std::invalid_argument("network_flow: a network needs at least 2 nodes");
  for (const auto& a : n.arcs) {
    if (a.tail < 0 || a.tail >= n.nodes || a.head < 0 || a.head >= n.nodes || a.tail == a.head)
      throw std::invalid_argument("network_flow: an arc's ends must be two different nodes of the network");
    if (a.low < 0 || a.low > a.cap) throw std::invalid_argument("network_flow: an arc needs 0 <= low <= cap");
    if (a.cost < -INT_MAX || a.cost > INT_MAX) throw std::invalid_argument("network_flow: an arc's cost must fit in int");
  }
  if (n.arcs.size() > static_cast<std::size_t>(INT_MAX / 2)) throw std::invalid_argument("network_flow: too many arcs");
}

// What a guarded GLPK section reads and writes: plain pointers and numbers, nothing with a
// destructor, so a longjmp out of it skips no cleanup (glpk_guard.hpp).
struct GraphRun {
  const FlowNetwork* network;
  const std::int64_t* supply;  // nodes entries, or null for the maximum flow
  int source = 0, sink = 0;    // 1-based, for the maximum flow
  int* x;                      // arcs entries
  std::int64_t* potential;     // nodes entries, min-cost only
  double value = 0;            // the flow's value (max flow) or cost (min-cost)
  int rc = 0;                  // the GLPK routine's return code
};

glp_graph* build_graph(const GraphRun& r) {
  const FlowNetwork& n = *r.network;
  glp_graph* G = glp_create_graph(v_size, a_size);
  glp_add_vertices(G, n.nodes);
  for (int v = 1; v <= n.nodes; ++v) put(G->v[v]->data, v_rhs, r.supply ? static_cast<double>(r.supply[v - 1]) : 0.0);
  for (std::size_t k = 0; k < n.arcs.size(); ++k) {
    const FlowArc& a = n.arcs[k];
    glp_arc* arc = glp_add_arc(G, a.tail + 1, a.head + 1);
    put(arc->data, a_low, a.low);
    put(arc->data, a_cap, a.cap);
    put(arc->data, a_cost, static_cast<double>(a.cost));
    put(arc->data, a_x, 0);
    put(arc->data, a_index, static_cast<double>(k));
  }
  return G;
}

void read_flows(glp_graph* G, GraphRun& r) {
  for (int v = 1; v <= G->nv; ++v)
    for (glp_arc* a = G->v[v]->out; a; a = a->t_next)
      r.x[static_cast<std::size_t>(get(a->data, a_index))] = static_cast<int>(get(a->data, a_x));
}

void run_max_flow(void* data) {
  GraphRun& r = *static_cast<GraphRun*>(data);
  glp_graph* G = build_graph(r);
  r.rc = glp_maxflow_ffalg(G, r.source, r.sink, a_cap, &r.value, a_x, -1);
  if (r.rc == 0) read_flows(G, r);
  glp_delete_graph(G);
}

void run_min_cost_flow(void* data) {
  GraphRun& r = *static_cast<GraphRun*>(data);
  glp_graph* G = build_graph(r);
  r.rc = glp_mincost_okalg(G, v_rhs, a_low, a_cap, a_cost, &r.value, a_x, v_pi);
  if (r.rc == 0) {
    read_flows(G, r);
    for (int v = 1; v <= G->nv; ++v) r.potential[v - 1] = static_cast<std::int64_t>(get(G->v[v]->data, v_pi));
  }
  glp_delete_graph(G);
}

[[noreturn]] void solver_error(const std::string& routine, int rc, const std::string& log) {
  throw InputError("solver_error", "", "GLPK " + routine + " stopped with code " + std::to_string(rc) +
                                           (log.empty() ? std::string() : ": " + log));
}

}  // namespace

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
  MaxFlow out;
  out.x.assign(network.arcs.size(), 0);
  GraphRun run{&network, nullptr, source + 1, sink + 1, out.x.data(), nullptr};
  detail::GlpkSession session;
  if (!detail::run_glpk(session, run_max_flow, &run)) throw InputError("solver_error", "", "GLPK failed: " + session.log);
  if (run.rc != 0) solver_error("glp_maxflow_ffalg", run.rc, session.log);
  out.value = static_cast<std::int64_t>(run.value);
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
  out.x.assign(network.arcs.size(), 0);
  out.potential.assign(static_cast<std::size_t>(network.nodes), 0);
  GraphRun run{&network, supply.data(), 0, 0, out.x.data(), out.potential.data()};
  detail::GlpkSession session;
  if (!detail::run_glpk(session, run_min_cost_flow, &run))
    throw InputError("solver_error", "", "GLPK failed: " + session.log);
  if (run.rc == GLP_ENOPFS) {
    out.status = FlowStatus::infeasible;
  } else if (run.rc == GLP_ERANGE) {
    out.status = FlowStatus::overflow;
  } else if (run.rc != 0) {
    solver_error("glp_mincost_okalg", run.rc, session.log);
  } else {
    out.status = FlowStatus::optimal;
    // GLPK returns the conservation constraints' Lagrange multipliers; check that they
    // certify the flow (complementary slackness) before anyone relies on them.
    for (std::size_t k = 0; k < network.arcs.size(); ++k) {
      const FlowArc& a = network.arcs[k];
      const std::int64_t d = reduced_cost(a, out.potential);
      if (out.x[k] < a.low || out.x[k] > a.cap || (d > 0 && out.x[k] != a.low) || (d < 0 && out.x[k] != a.cap))
        throw InputError("solver_error", "",
                         "GLPK glp_mincost_okalg returned a flow its potentials do not certify optimal (arc " +
                             std::to_string(k) + ")");
      out.cost += a.cost * out.x[k];
    }
  }
  if (out.status != FlowStatus::optimal) out.x.clear(), out.potential.clear();
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
