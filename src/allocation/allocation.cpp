#include "allocation/allocation.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <set>
#include <utility>

#include "common/input_error.hpp"
#include "frequency/blood_groups.hpp"
#include "numeric/network_flow.hpp"
#include "numeric/random.hpp"

namespace rbc::allocation {

Group group_of(const std::vector<std::string>& names, const std::vector<std::string>& antigens) {
  Group g = 0;
  for (const auto& n : names)
    for (std::size_t a = 0; a < antigens.size(); ++a)
      if (antigens[a] == n) g |= Group{1} << a;
  return g;
}

namespace {

bool compatible(Group donor, Group recipient) { return (donor & ~recipient) == 0; }


std::string limit_message(const std::string& what, std::size_t limit) {
  return what + " (at most " + std::to_string(limit) + ")";
}

// Costs are rounded to multiples of 1 / cost_scale for the integer flow algorithms. An edge
// costs at most 1 (eq. 6.9 weighs two terms in [0, 1] by gamma and 1 - gamma), so at this scale
// every arc cost fits in int and every path's in int64 (numeric/network_flow.hpp).
constexpr std::int64_t cost_scale = 1000000000;

std::int64_t rounded(double value, std::int64_t scale) {
  return static_cast<std::int64_t>(std::llround(value * static_cast<double>(scale)));
}

// The network of sec. 6.3.2 (Fig. 6.4) with one hub per stock group. Per entry (EdgeLayout::
// per_entry), so that a group's total issue is the flow on one arc: p -> G_i -> (i, r) -> j -> q,
// with the edges (i, r) -> j. Per group: p -> G_i by one arc per entry (i, r), carrying the
// shelf-life part of the cost, and G_i -> j carrying the group's part.
struct Model {
  numeric::FlowNetwork network;
  int source = 0, sink = 1;
  std::vector<int> group_arc;    // per stock group (StockGroupResult order): p -> G_i, or -1 (per entry only)
  std::vector<int> stock_arc;    // per stock entry: into or out of G_i, or -1 when it has no units
  std::vector<int> request_arc;  // per request entry: j -> q, or -1
  struct Edge {
    std::size_t stock = 0, request = 0;  // per group: `stock` is the stock group
    int arc = 0;
    double loss = 0;      // Delta_ij
    double loss_part = 0; // gamma g1(Delta)
    double age_part = 0;  // (1 - gamma) g2(r); 0 per group (it is on the entry's arc)
  };
  std::vector<Edge> edges;
  // Per arc, the tie-break's costs: the residual shelf life of the units it carries (on the
  // arcs that carry an entry's units one by one) and the opportunity loss (on the arcs into a
  // request's node).
  std::vector<std::int64_t> shelf_life;
  std::vector<double> loss;
};

[[noreturn]] void solver_error(const std::string& message) { throw InputError("solver_error", "", message); }

}  // namespace

const char* to_string(CostShape s) { return s == CostShape::exponential ? "exponential" : "linear"; }

double loss_term(const CostFunction& c, double loss) {
  return c.shape == CostShape::linear ? loss : 1.0 - numeric::portable_exp(-c.alpha * loss);
}

double age_term(const CostFunction& c, int residual_shelf_life, int max_shelf_life) {
  const double age = static_cast<double>(residual_shelf_life) / static_cast<double>(max_shelf_life);
  return c.shape == CostShape::linear ? age : 1.0 - numeric::portable_exp(-c.beta * age);
}

double edge_cost(const CostFunction& c, double loss, int residual_shelf_life, int max_shelf_life) {
  return c.gamma * loss_term(c, loss) + (1.0 - c.gamma) * age_term(c, residual_shelf_life, max_shelf_life);
}

namespace {

// One stock entry's or request's count: whole units from 0 to max_entry_units.
void check_entry_units(std::int64_t units, const std::string& path) {
  if (units < 0 || units > max_entry_units)
    throw InputError(units < 0 ? "invalid_field" : "limit_exceeded", field_member(path, "units"),
                     field_member(path, "units") + " must be a whole number of units from 0 to " +
                         std::to_string(max_entry_units));
}

}  // namespace

std::size_t check_problem(const AllocationProblem& p) {
  const auto& c = p.cost;
  if (!(c.gamma >= 0 && c.gamma <= 1))
    throw InputError("invalid_field", "gamma", "gamma must lie in [0, 1] (eq. 6.1)");
  for (const auto& [name, value] : {std::pair{"alpha", c.alpha}, std::pair{"beta", c.beta}})
    if (!(value >= 0 && value <= 100))
      throw InputError("invalid_field", name, std::string(name) + " must lie in [0, 100] (eq. 6.10)");
  if (p.max_shelf_life < 1 || p.max_shelf_life > max_shelf_life_days)
    throw InputError(p.max_shelf_life < 1 ? "invalid_field" : "limit_exceeded", "max_shelf_life",
                     "max_shelf_life must be a whole number of days from 1 to " + std::to_string(max_shelf_life_days));
  if (p.stock.size() > max_stock_entries)
    throw InputError("limit_exceeded", "stock", limit_message("Too many stock entries: " + std::to_string(p.stock.size()),
                                                              max_stock_entries));
  if (p.requests.size() > max_request_entries)
    throw InputError("limit_exceeded", "requests",
                     limit_message("Too many requested groups: " + std::to_string(p.requests.size()), max_request_entries));
  std::int64_t in_stock = 0, requested = 0;
  std::set<std::pair<Group, int>> seen_stock;
  for (std::size_t k = 0; k < p.stock.size(); ++k) {
    const auto& s = p.stock[k];
    const auto path = field_index("stock", k);
    check_entry_units(s.units, path);
    if (s.residual_shelf_life < 0 || s.residual_shelf_life > p.max_shelf_life)
      throw InputError("invalid_field", field_member(path, "residual_shelf_life"),
                       field_member(path, "residual_shelf_life") + " must lie in [0, max_shelf_life = " +
                           std::to_string(p.max_shelf_life) + "] (got " + std::to_string(s.residual_shelf_life) + ")");
    if (!seen_stock.emplace(s.group, s.residual_shelf_life).second)
      throw InputError("duplicate_entry", path,
                       path + " repeats the blood group and residual shelf life of an earlier entry: give each pair once");
    in_stock += s.units;
  }
  std::set<Group> seen_requests;
  for (std::size_t m = 0; m < p.requests.size(); ++m) {
    const auto& r = p.requests[m];
    const auto path = field_index("requests", m);
    check_entry_units(r.units, path);
    if (!seen_requests.insert(r.group).second)
      throw InputError("duplicate_entry", path, path + " repeats the blood group of an earlier request: give each group once");
    requested += r.units;
  }
  if (in_stock > max_total_units)
    throw InputError("limit_exceeded", "stock", "Too many units in stock: " + std::to_string(in_stock) + " (at most " +
                                                    std::to_string(max_total_units) + ")");
  if (requested > max_total_units)
    throw InputError("limit_exceeded", "requests", "Too many units requested: " + std::to_string(requested) +
                                                       " (at most " + std::to_string(max_total_units) + ")");
  // Compatible edges, counted per distinct stock group before anything is built.
  std::map<Group, std::size_t> per_group;
  for (const auto& s : p.stock)
    if (s.units > 0) per_group.emplace(s.group, 0);
  for (auto& [group, count] : per_group)
    for (const auto& r : p.requests)
      if (r.units > 0 && compatible(group, r.group)) ++count;
  std::size_t edges = 0;
  for (const auto& s : p.stock)
    if (s.units > 0) {
      edges += per_group[s.group];
      if (edges > max_edges)
        throw InputError("limit_exceeded", "stock",
                         limit_message("The stock and requests make too many compatible (stock entry, request) pairs",
                                       max_edges) +
                             ": merge residual shelf lives or split the problem");
    }
  return edges;
}

Allocation allocate(const AllocationProblem& problem, const Usability& usability, const Progress& progress) {
  const auto started = std::chrono::steady_clock::now();
  Allocation out;
  out.edges = check_problem(problem);
  progress.report(0, "building the network");
  const auto& cost = problem.cost;

  // Usability of every group involved (eq. 6.6), once per group.
  std::map<Group, double> F;
  const auto usability_of = [&](Group g) {
    auto it = F.find(g);
    if (it == F.end()) it = F.emplace(g, std::clamp(usability(g), 0.0, 1.0)).first;
    return it->second;
  };

  Model model;
  auto& net = model.network;
  net.nodes = 2;
  const bool per_group = problem.layout == EdgeLayout::per_group;
  const auto add_node = [&] { return net.nodes++; };
  const auto add_arc = [&](int tail, int head, int cap, std::int64_t arc_cost, std::int64_t shelf_life, double loss) {
    net.arcs.push_back({tail, head, 0, cap, arc_cost});
    model.shelf_life.push_back(shelf_life);
    model.loss.push_back(loss);
    return static_cast<int>(net.arcs.size() - 1);
  };
  const auto age_part = [&](const StockEntry& s) {
    return (1.0 - cost.gamma) * age_term(cost, s.residual_shelf_life, problem.max_shelf_life);
  };

  // Stock groups in order of first appearance, with their hub.
  std::map<Group, std::size_t> group_index;
  std::vector<std::size_t> group_of_entry;  // per stock entry, its stock group
  std::vector<int> hub;
  for (const auto& s : problem.stock) {
    out.units_in_stock += s.units;
    auto [it, added] = group_index.emplace(s.group, out.stock_groups.size());
    if (added) out.stock_groups.push_back({s.group, 0, 0, true, usability_of(s.group)});
    out.stock_groups[it->second].units += s.units;
    group_of_entry.push_back(it->second);
  }
  model.group_arc.assign(out.stock_groups.size(), -1);
  hub.assign(out.stock_groups.size(), -1);
  for (std::size_t g = 0; g < out.stock_groups.size(); ++g)
    if (out.stock_groups[g].units > 0) {
      hub[g] = add_node();
      if (!per_group) model.group_arc[g] = add_arc(model.source, hub[g], out.stock_groups[g].units, 0, 0, 0);
    }
  std::vector<int> stock_node(problem.stock.size(), -1), request_node(problem.requests.size(), -1);
  model.stock_arc.assign(problem.stock.size(), -1);
  model.request_arc.assign(problem.requests.size(), -1);
  for (std::size_t k = 0; k < problem.stock.size(); ++k) {
    const auto& s = problem.stock[k];
    if (s.units == 0) continue;
    if (per_group) {
      model.stock_arc[k] = add_arc(model.source, hub[group_of_entry[k]], s.units, rounded(age_part(s), cost_scale),
                                   s.residual_shelf_life, 0);
    } else {
      stock_node[k] = add_node();
      model.stock_arc[k] = add_arc(hub[group_of_entry[k]], stock_node[k], s.units, 0, 0, 0);
    }
  }
  for (std::size_t m = 0; m < problem.requests.size(); ++m) {
    out.units_requested += problem.requests[m].units;
    if (problem.requests[m].units > 0) {
      request_node[m] = add_node();
      model.request_arc[m] = add_arc(request_node[m], model.sink, problem.requests[m].units, 0, 0, 0);
    }
  }
  // Per stock group, the requests it can serve and the loss terms, which do not depend on the
  // shelf life: worked out once per group, not once per (group, shelf life) entry.
  struct Serves {
    std::size_t request = 0;
    double loss = 0, loss_part = 0;
    bool defined = true;
  };
  std::vector<std::vector<Serves>> serves(out.stock_groups.size());
  std::vector<double> request_usability(problem.requests.size());
  for (std::size_t m = 0; m < problem.requests.size(); ++m) request_usability[m] = usability_of(problem.requests[m].group);
  std::set<Group> undefined;
  for (std::size_t g = 0; g < out.stock_groups.size(); ++g) {
    if (out.stock_groups[g].units == 0) continue;
    for (std::size_t m = 0; m < problem.requests.size(); ++m) {
      const auto& r = problem.requests[m];
      if (r.units == 0 || !compatible(out.stock_groups[g].group, r.group)) continue;
      const auto loss = frequency::opportunity_loss(out.stock_groups[g].usability, request_usability[m]);
      if (!loss) undefined.insert(out.stock_groups[g].group);
      const double delta = loss.value_or(0.0);
      serves[g].push_back({m, delta, cost.gamma * loss_term(cost, delta), loss.has_value()});
    }
  }
  out.undefined_loss.assign(undefined.begin(), undefined.end());
  // The compatible edges, capacity min(s_ir, d_j) (sec. 6.3.2), or min(s_i, d_j) per group.
  if (per_group) {
    for (std::size_t g = 0; g < out.stock_groups.size(); ++g)
      for (const auto& e : serves[g]) {
        const int arc = add_arc(hub[g], request_node[e.request], std::min(out.stock_groups[g].units, problem.requests[e.request].units),
                                rounded(e.loss_part, cost_scale), 0, e.loss);
        model.edges.push_back({g, e.request, arc, e.loss, e.loss_part, 0});
      }
  } else {
    model.edges.reserve(out.edges);
    for (std::size_t k = 0; k < problem.stock.size(); ++k) {
      const auto& s = problem.stock[k];
      if (s.units == 0) continue;
      const double age = age_part(s);
      for (const auto& e : serves[group_of_entry[k]]) {
        const int arc = add_arc(stock_node[k], request_node[e.request], std::min(s.units, problem.requests[e.request].units),
                                rounded(e.loss_part, cost_scale) + rounded(age, cost_scale), s.residual_shelf_life, e.loss);
        model.edges.push_back({k, e.request, arc, e.loss, e.loss_part, age});
      }
      if (k % 256 == 0) progress.report(0.1 * static_cast<double>(k) / static_cast<double>(problem.stock.size()), "building the network");
    }
  }

  // Eq. 6.3, first part: the maximum flow, on the network of blood groups (p -> i -> j ->
  // q): shelf lives do not change which units can serve whom, so its value is the same with
  // far fewer arcs.
  progress.report(0.1, "maximum flow");
  {
    numeric::FlowNetwork groups;
    groups.nodes = 2;
    std::vector<int> group_node(out.stock_groups.size(), -1), request_node_g(problem.requests.size(), -1);
    for (std::size_t g = 0; g < out.stock_groups.size(); ++g)
      if (out.stock_groups[g].units > 0) {
        group_node[g] = groups.nodes++;
        groups.arcs.push_back({0, group_node[g], 0, out.stock_groups[g].units, 0});
      }
    for (std::size_t m = 0; m < problem.requests.size(); ++m)
      if (problem.requests[m].units > 0) {
        request_node_g[m] = groups.nodes++;
        groups.arcs.push_back({request_node_g[m], 1, 0, problem.requests[m].units, 0});
      }
    for (std::size_t g = 0; g < out.stock_groups.size(); ++g)
      for (const auto& e : serves[g])  // empty for a group without units
        groups.arcs.push_back({group_node[g], request_node_g[e.request], 0,
                               std::min(out.stock_groups[g].units, problem.requests[e.request].units), 0});
    out.issued = numeric::max_flow(groups, 0, 1).value;
  }
  std::vector<std::int64_t> supply(static_cast<std::size_t>(net.nodes), 0);
  supply[static_cast<std::size_t>(model.source)] = out.issued;
  supply[static_cast<std::size_t>(model.sink)] = -out.issued;

  // Second part: the least cost at that flow, with costs rounded to 1 / cost_scale.
  progress.report(0.3, "minimum cost");
  out.cost_scale = cost_scale;
  const auto best = numeric::min_cost_flow(net, supply);
  if (best.status != numeric::FlowStatus::optimal)
    solver_error("No flow of the maximum value just found (" + std::string(to_string(best.status)) + ")");
  const auto fixed = numeric::fixed_arcs(net, best.x, best.potential);
  for (const auto& e : model.edges)
    if (!fixed[static_cast<std::size_t>(e.arc)]) ++out.varying_edges;
  if (per_group)
    for (const int a : model.stock_arc)
      if (a >= 0 && !fixed[static_cast<std::size_t>(a)]) ++out.varying_edges;
  out.unique = out.varying_edges == 0;

  // The tie-break among the minimum-cost allocations (none needed when there is one): oldest
  // first (least residual shelf life), then least opportunity loss, each a minimum-cost flow
  // over the arcs still free on the previous optimum's face.
  std::vector<int> x = best.x;
  if (!out.unique) {
    const auto solve = [&](const numeric::Face& face, const char* what) {
      auto f = numeric::min_cost_flow(face.network, face.supply);
      if (f.status != numeric::FlowStatus::optimal)
        solver_error(std::string("The tie-break by ") + what + " failed (" + to_string(f.status) + ")");
      return f;
    };
    progress.report(0.6, "tie-break: oldest units first");
    auto face = numeric::optimal_face(net, best.x, best.potential, supply);
    for (std::size_t a = 0; a < face.arc.size(); ++a) face.network.arcs[a].cost = model.shelf_life[face.arc[a]];
    const auto oldest = solve(face, "shelf life");
    progress.report(0.8, "tie-break: least opportunity loss");
    auto last = numeric::optimal_face(face.network, oldest.x, oldest.potential, face.supply);
    for (std::size_t a = 0; a < last.arc.size(); ++a) last.network.arcs[a].cost = rounded(model.loss[face.arc[last.arc[a]]], cost_scale);
    const auto least_loss = solve(last, "opportunity loss");
    for (bool f : numeric::fixed_arcs(last.network, least_loss.x, least_loss.potential))
      if (!f) out.tie_break_unique = false;
    x = numeric::full_flow(face, numeric::full_flow(last, least_loss.x));
  }

  // The answer.
  out.stock.resize(problem.stock.size());
  for (std::size_t k = 0; k < problem.stock.size(); ++k)
    if (const int a = model.stock_arc[k]; a >= 0)
      out.stock[k] = {x[static_cast<std::size_t>(a)], fixed[static_cast<std::size_t>(a)]};
  out.requests.resize(problem.requests.size());
  for (std::size_t m = 0; m < problem.requests.size(); ++m)
    if (const int a = model.request_arc[m]; a >= 0)
      out.requests[m] = {x[static_cast<std::size_t>(a)], 0, fixed[static_cast<std::size_t>(a)]};
  if (per_group) {
    for (std::size_t k = 0; k < problem.stock.size(); ++k) {
      auto& group = out.stock_groups[group_of_entry[k]];
      group.issued += out.stock[k].issued;
      group.fixed = group.fixed && out.stock[k].fixed;
    }
  } else {
    for (std::size_t g = 0; g < out.stock_groups.size(); ++g)
      if (const int a = model.group_arc[g]; a >= 0) {
        out.stock_groups[g].issued = x[static_cast<std::size_t>(a)];
        out.stock_groups[g].fixed = fixed[static_cast<std::size_t>(a)];
      }
  }
  const auto add_flow = [&](std::size_t k, std::size_t m, int units, double loss, double c, bool is_fixed) {
    out.flows.push_back({k, m, units, loss, c, is_fixed});
    out.objective += c * units;
    const bool same = problem.stock[k].group == problem.requests[m].group;
    (same ? out.identical : out.compatible) += units;
    if (same) out.requests[m].identical += units;
  };
  if (per_group) {
    // Each group's units, entry by entry in the stock's order, to its requests in order: one of
    // the splits of these optimal flows.
    std::vector<std::vector<std::size_t>> entries(out.stock_groups.size());
    for (std::size_t k = 0; k < problem.stock.size(); ++k) entries[group_of_entry[k]].push_back(k);
    std::vector<std::vector<std::pair<std::size_t, int>>> to(out.stock_groups.size());  // (edge, units left)
    for (std::size_t i = 0; i < model.edges.size(); ++i)
      if (const int units = x[static_cast<std::size_t>(model.edges[i].arc)]; units > 0) to[model.edges[i].stock].push_back({i, units});
    for (std::size_t g = 0; g < out.stock_groups.size(); ++g) {
      std::size_t next = 0;
      for (const std::size_t k : entries[g]) {
        int left = out.stock[k].issued;
        while (left > 0) {
          auto& [edge, units] = to[g][next];
          const int give = std::min(left, units);
          const auto& e = model.edges[edge];
          add_flow(k, e.request, give, e.loss, e.loss_part + age_part(problem.stock[k]), false);
          left -= give;
          units -= give;
          if (units == 0) ++next;
        }
      }
    }
    std::sort(out.flows.begin(), out.flows.end(),
              [](const Flow& a, const Flow& b) { return std::pair(a.stock, a.request) < std::pair(b.stock, b.request); });
  } else {
    for (const auto& e : model.edges) {
      const auto a = static_cast<std::size_t>(e.arc);
      if (x[a] > 0) add_flow(e.stock, e.request, x[a], e.loss, e.loss_part + e.age_part, fixed[a]);
    }
  }
  // Each unit's cost is off by at most 1 / scale after rounding (two terms, 1 / (2 scale) each).
  out.objective_gap_bound = 2.0 * static_cast<double>(out.issued) / static_cast<double>(out.cost_scale);
  progress.report(1, "done");
  out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return out;
}

}  // namespace rbc::allocation
