// match_classes (matching.hpp): one day of the issuing simulation (src/issuing), stock given as
// classes of interchangeable units (type, age, count).
//
// The problem is match()'s (seed 004 eq. 1-8), on a network laid out by type. A pair's cost
// splits as c_ij = T(type, j) + A(age on j's day, j's group): pi_1 to pi_3 depend on the unit's
// type and the request, pi_4 and pi_5 on the unit's age on the request's day and the group's
// rho; the hard rules split the same way (detail::type_allowed, detail::age_allowed). So the
// classes of one type that may serve a slot (requests due the same day, of one patient group)
// can meet at one node, the type's hub for the slot, at their age's cost, and the hub reach each
// of the slot's requests the type may serve at the type's cost. A path class -> hub -> request
// costs c_ij and exists exactly when the pair is allowed, and the capacities (a class's units,
// a request's units) are those of the pairs' network, so the two networks have the same
// optima, the same rounded costs (a pair's integer cost is the sum of its terms' either way)
// and the same maximum flow. A hub is used when it has fewer arcs than the pairs it stands for
// (ins x outs > ins + outs). Untyped patients' requests share hubs across types (below). A
// day of rule E1 at seed 004's size (about 10,000 classes, six days of requests) has 180,000
// arcs and 16,000 nodes in place of 640,000 pairs; with the greedy test that spares the
// maximum flow (meets_every_request), it takes a third of the time it took.
//
// A hub's flow is split into pairs in order (its classes in class order to its requests in
// request order): any split is a matching of the same cost, and each class's units issued
// today, and each pair's mismatches (the type's; none for an untyped patient), are the same in
// every split. Which optimum the solver returns differs from the pairs' network's where there
// are ties (e.g. mismatches rule L0 does not weigh).
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "allocation/matching.hpp"
#include "allocation/matching_terms.hpp"
#include "common/input_error.hpp"
#include "numeric/network_flow.hpp"

namespace rbc::allocation {

using namespace detail;

namespace {

void check_classes(const MatchingProblem& p, const std::vector<UnitClass>& classes) {
  check_matching_settings(p);
  if (p.count != MismatchCount::per_unit)
    throw InputError("invalid_field", "mismatch_count", "Days given as classes of units count mismatches per unit");
  if (!p.units.empty()) throw InputError("invalid_field", "units", "Give the units as classes, not as a list");
  const Group all = all_antigens(p.antigens);
  for (std::size_t c = 0; c < classes.size(); ++c) {
    const auto& u = classes[c];
    const auto path = field_index("units", c);
    if (u.age < -p.shelf_life || u.age > p.shelf_life)
      throw InputError("invalid_field", field_member(path, "age"), "The age of a unit must lie in [-G, G] (below 0: arriving)");
    if ((u.type & ~all) != 0) throw InputError("invalid_field", field_member(path, "type"), "Unknown antigen in the type");
    if (u.units < 1) throw InputError("invalid_field", field_member(path, "units"), "A class holds at least one unit");
  }
  for (std::size_t j = 0; j < p.requests.size(); ++j) {
    const auto& r = p.requests[j];
    const auto path = field_index("requests", j);
    if (r.group >= p.groups.size()) throw InputError("invalid_field", field_member(path, "group"), "Unknown patient group");
    if (r.units < 1 || r.units > max_class_request_units)
      throw InputError("invalid_field", field_member(path, "units"),
                       "A request is for 1 to " + std::to_string(max_class_request_units) + " units");
    if ((r.type & r.antibodies) != 0)
      throw InputError("invalid_field", field_member(path, "antibodies"), "A patient has no antibody against their own antigens");
    if (r.days_ahead < 0 || r.days_ahead > p.shelf_life)
      throw InputError("invalid_field", field_member(path, "days_ahead"), "A request is due 0 to G days ahead");
  }
}

double magnitude(const PenaltyBreakdown& t) {
  return std::abs(t.immunogenicity) + std::abs(t.major_substitution) + std::abs(t.minor_substitution) + std::abs(t.fifo) +
         std::abs(t.young_blood);
}

// The smallest nonzero size of each term (Matching::smallest_term).
void note_smallest(const PenaltyBreakdown& t, PenaltyBreakdown& smallest) {
  for (auto f : {&PenaltyBreakdown::immunogenicity, &PenaltyBreakdown::major_substitution,
                 &PenaltyBreakdown::minor_substitution, &PenaltyBreakdown::fifo, &PenaltyBreakdown::young_blood}) {
    const double size = std::abs(t.*f);
    if (size > 0 && (smallest.*f == 0 || size < smallest.*f)) smallest.*f = size;
  }
}

// The day's network under construction: node 0 the source, 1 the sink, 2 the dummy supply of
// shortages, then one node per class, one per request, then the hubs. Per arc, its exact cost
// and the parts its integer cost is made of, rounded once the scale is known.
// Which of c_ij's parts an arc costs: none; the type's; the age's; both (a pair's own arc);
// the age's and the unit's share, and the request's share (an untyped patient's, below).
enum class Part { none, type, age, pair, unit, request };
struct ArcCost {
  Part part = Part::none;
  std::size_t unit_class = 0, request = 0;  // the class (age part) and request (type part) it stands for
  double exact = 0, magnitude = 0;
};

struct DayNetwork {
  using Cost = ArcCost;
  numeric::FlowNetwork net;
  std::vector<Cost> cost;  // per arc
  std::vector<int> source_arc;  // per class: -1 until it has an arc
  std::size_t classes = 0;

  int class_node(std::size_t c) const { return 3 + static_cast<int>(c); }
  int request_node(std::size_t j) const { return 3 + static_cast<int>(classes + j); }

  int add(int tail, int head, int cap, Cost c = {}) {
    if (net.arcs.size() >= max_day_arcs)
      throw InputError("limit_exceeded", "units",
                       "The day's units and requests need more than " + std::to_string(max_day_arcs) +
                           " arcs in the flow network: split the problem");
    net.arcs.push_back({tail, head, 0, cap, 0});
    cost.push_back(c);
    return static_cast<int>(net.arcs.size()) - 1;
  }
  void reach(std::size_t c, int units) {
    if (source_arc[c] < 0) source_arc[c] = add(0, class_node(c), units);
  }
};

struct Hub {
  int node = 0;
  std::vector<std::pair<std::size_t, int>> ins;   // (class, arc)
  std::vector<std::pair<std::size_t, int>> outs;  // (request, arc)
};
struct Direct {
  std::size_t unit_class, request;
  int arc;
};

// Whether the classes can meet every request in full, by a greedy pass: the requests that
// reach the fewest units first, each taking what it reaches in arc order. A sufficient test
// only (a greedy pass may fail where a flow succeeds), so when it says no, the maximum flow
// decides; when it says yes, the maximum flow is the units requested, and the preflow, a fifth
// of a day of rule E1 where stock is ample (seed 004 sec. 5.1: no shortages), is not needed.
bool meets_every_request(const DayNetwork& d, const std::vector<UnitClass>& classes,
                         const std::vector<MatchRequest>& requests) {
  const int first_class = d.class_node(0), first_request = d.request_node(0);
  const auto nodes = static_cast<std::size_t>(d.net.nodes);
  // Arcs into each node, as lists (the network's arcs point from classes to hubs and requests).
  std::vector<int> start(nodes + 1, 0), into(d.net.arcs.size());
  for (const auto& a : d.net.arcs) ++start[static_cast<std::size_t>(a.head) + 1];
  for (std::size_t v = 0; v < nodes; ++v) start[v + 1] += start[v];
  {
    std::vector<int> next(start.begin(), start.end() - 1);
    for (std::size_t k = 0; k < d.net.arcs.size(); ++k) into[static_cast<std::size_t>(next[static_cast<std::size_t>(d.net.arcs[k].head)]++)] = static_cast<int>(k);
  }
  std::vector<int> left(classes.size());
  for (std::size_t c = 0; c < classes.size(); ++c) left[c] = classes[c].units;
  // Calls take(c) for each class reaching request j, directly or by way of a hub, until it
  // returns true.
  const auto each_class = [&](std::size_t j, const auto& take) {
    const auto v = static_cast<std::size_t>(first_request) + j;
    for (int k = start[v]; k < start[v + 1]; ++k) {
      const int tail = d.net.arcs[static_cast<std::size_t>(into[static_cast<std::size_t>(k)])].tail;
      if (tail < first_request) {
        if (take(static_cast<std::size_t>(tail - first_class))) return;
        continue;
      }
      const auto hub = static_cast<std::size_t>(tail);
      for (int h = start[hub]; h < start[hub + 1]; ++h)
        if (take(static_cast<std::size_t>(d.net.arcs[static_cast<std::size_t>(into[static_cast<std::size_t>(h)])].tail - first_class)))
          return;
    }
  };
  std::vector<std::pair<std::int64_t, std::size_t>> order;  // (units reached, request)
  for (std::size_t j = 0; j < requests.size(); ++j) {
    std::int64_t reach = 0;
    each_class(j, [&](std::size_t c) { return (reach += left[c]) >= std::int64_t{1} << 40; });
    if (reach < requests[j].units) return false;
    order.emplace_back(reach, j);
  }
  std::sort(order.begin(), order.end());
  for (const auto& [reach, j] : order) {
    int need = requests[j].units;
    each_class(j, [&](std::size_t c) {
      const int units = std::min(need, left[c]);
      left[c] -= units;
      need -= units;
      return need == 0;
    });
    if (need > 0) return false;
  }
  return true;
}

}  // namespace

ClassMatching match_classes(const MatchingProblem& p, const std::vector<UnitClass>& classes,
                            const MajorUsability& usability, const Progress& progress) {
  check_classes(p, classes);
  const std::size_t n = p.requests.size();
  std::map<Group, double> v;
  const auto v_of = [&](Group g) {
    auto it = v.find(g & p.major);
    if (it == v.end()) it = v.emplace(g & p.major, std::clamp(usability(g & p.major), 0.0, 1.0)).first;
    return it->second;
  };

  DayNetwork d;
  d.classes = classes.size();
  d.source_arc.assign(classes.size(), -1);
  d.net.nodes = 3 + static_cast<int>(classes.size() + n);
  ClassMatching out;
  std::vector<int> dummy_arc(n);
  for (std::size_t j = 0; j < n; ++j) {
    d.add(d.request_node(j), 1, p.requests[j].units);
    out.units_requested += p.requests[j].units;
  }

  // Slots: the requests due on one day from one patient group, in order of first appearance.
  std::vector<std::vector<std::size_t>> slot_requests;
  {
    std::map<std::pair<int, std::size_t>, std::size_t> index;
    for (std::size_t j = 0; j < n; ++j) {
      auto [it, added] = index.emplace(std::pair{p.requests[j].days_ahead, p.requests[j].group}, slot_requests.size());
      if (added) slot_requests.emplace_back();
      slot_requests[it->second].push_back(j);
    }
  }
  // An untyped patient's requests without antibodies (all of seed 004's "other" demand) are
  // reached by way of one hub per slot and A, B, D type of the unit, shared by the types: their
  // allowed pairs depend only on the unit's A, B, D type, and the type's part of c_ij is a share
  // of the unit's type plus one of the request's (RoundedTerms::unit_share), when S holds no
  // major antigen. A slot's other requests (slot_rest) are reached by type.
  const bool shareable = (p.substitution & p.major) == 0;
  // Every class reaches each slot at most once (a hub or its pairs), so this is the size but
  // for the direct pairs and the hubs' arcs to requests.
  d.net.arcs.reserve(3 * n + classes.size() * (slot_requests.size() + 1));
  d.cost.reserve(d.net.arcs.capacity());
  std::vector<std::vector<std::size_t>> slot_shared(slot_requests.size()), slot_rest(slot_requests.size());
  for (std::size_t s = 0; s < slot_requests.size(); ++s)
    for (std::size_t j : slot_requests[s])
      (shareable && !p.groups[p.requests[j].group].typed && p.requests[j].antibodies == 0 ? slot_shared : slot_rest)[s].push_back(j);
  std::vector<std::map<Group, std::size_t>> shared_hub(slot_requests.size());  // per slot: A, B, D type -> hub

  // Types, in order of first appearance, with their classes in order.
  std::vector<std::vector<std::size_t>> type_classes;
  {
    std::map<Group, std::size_t> index;
    for (std::size_t c = 0; c < classes.size(); ++c) {
      auto [it, added] = index.emplace(classes[c].type, type_classes.size());
      if (added) type_classes.emplace_back();
      type_classes[it->second].push_back(c);
    }
  }

  PenaltyBreakdown smallest_term;
  double largest_pair = 0;  // the largest sum of |terms| of an allowed pair (the scale's bound)
  std::vector<Hub> hubs;
  std::vector<Direct> direct;
  std::vector<std::pair<std::size_t, PenaltyBreakdown>> outs;  // (request, the type's terms)
  std::vector<std::pair<std::size_t, PenaltyBreakdown>> ins;   // (class, the age's terms)
  std::vector<std::pair<std::size_t, PenaltyBreakdown>> shared_outs;  // as outs, to a shared hub
  for (std::size_t t = 0; t < type_classes.size(); ++t) {
    const Group type = classes[type_classes[t].front()].type;
    const double v_unit = v_of(type);
    for (std::size_t s = 0; s < slot_requests.size(); ++s) {
      const auto& slot = slot_requests[s];
      const MatchRequest& first = p.requests[slot.front()];
      outs.clear();
      ins.clear();
      double out_size = 0, in_size = 0;
      for (std::size_t j : slot_rest[s])
        if (type_allowed(p, type, p.requests[j])) {
          outs.emplace_back(j, type_terms(p, type, p.requests[j], v_unit, v_of(effective_type(p, p.requests[j]))));
          out_size = std::max(out_size, magnitude(outs.back().second));
        }
      shared_outs.clear();
      for (std::size_t j : slot_shared[s])
        if (type_allowed(p, type, p.requests[j]))
          shared_outs.emplace_back(j, type_terms(p, type, p.requests[j], v_unit, v_of(effective_type(p, p.requests[j]))));
      if (outs.empty() && shared_outs.empty()) continue;
      for (std::size_t c : type_classes[t]) {
        const int age = classes[c].age + first.days_ahead;
        if (age_allowed(p, age, first)) {
          ins.emplace_back(c, age_terms(p, age, first.group));
          in_size = std::max(in_size, magnitude(ins.back().second));
        }
      }
      if (ins.empty()) continue;
      for (const auto& [c, terms] : ins) d.reach(c, classes[c].units);
      if (!shared_outs.empty()) {
        // The unit's share: lambda_2 v(i) and pi_3 (unit_share); the request's: -lambda_2 v(j).
        PenaltyBreakdown unit = {0, p.lambda.major_substitution * v_unit,
                                 shared_outs.front().second.minor_substitution, 0, 0};
        double request_size = 0;
        for (const auto& [j, terms] : shared_outs) {
          note_smallest(terms, smallest_term);
          request_size = std::max(request_size, p.lambda.major_substitution * v_of(effective_type(p, p.requests[j])));
        }
        out.arcs += ins.size() * shared_outs.size();
        largest_pair = std::max(largest_pair, magnitude(unit) + in_size + request_size);
        auto [it, added] = shared_hub[s].emplace(type & p.major, hubs.size());
        if (added) {
          const int node = d.net.nodes++;
          auto& h = hubs.emplace_back();
          h.node = node;
          for (const auto& [j, terms] : shared_outs) {
            const double share = -p.lambda.major_substitution * v_of(effective_type(p, p.requests[j]));
            h.outs.emplace_back(j, d.add(node, d.request_node(j), p.requests[j].units, {Part::request, 0, j, share, std::abs(share)}));
          }
        }
        auto& h = hubs[it->second];
        for (const auto& [c, age] : ins) {
          PenaltyBreakdown terms = unit;
          terms.fifo = age.fifo;
          terms.young_blood = age.young_blood;
          note_smallest(age, smallest_term);
          h.ins.emplace_back(c, d.add(d.class_node(c), h.node, classes[c].units, {Part::unit, c, slot.front(), terms.total(), magnitude(terms)}));
        }
      }
      if (outs.empty()) continue;
      out.arcs += ins.size() * outs.size();
      largest_pair = std::max(largest_pair, out_size + in_size);
      for (const auto& o : outs) note_smallest(o.second, smallest_term);
      for (const auto& i : ins) note_smallest(i.second, smallest_term);
      if (ins.size() * outs.size() > ins.size() + outs.size()) {
        const int hub = d.net.nodes++;
        auto& h = hubs.emplace_back();
        h.node = hub;
        for (const auto& [c, terms] : ins)
          h.ins.emplace_back(c, d.add(d.class_node(c), hub, classes[c].units, {Part::age, c, slot.front(), terms.total(), magnitude(terms)}));
        for (const auto& [j, terms] : outs)
          h.outs.emplace_back(j, d.add(hub, d.request_node(j), p.requests[j].units, {Part::type, type_classes[t].front(), j, terms.total(), magnitude(terms)}));
      } else {
        for (const auto& [c, age] : ins)
          for (const auto& [j, type_part] : outs) {
            PenaltyBreakdown terms = type_part;
            terms.fifo = age.fifo;
            terms.young_blood = age.young_blood;
            const int arc = d.add(d.class_node(c), d.request_node(j), std::min(classes[c].units, p.requests[j].units),
                                  {Part::pair, c, j, terms.total(), magnitude(terms)});
            direct.push_back({c, j, arc});
          }
      }
    }
    if (t % 64 == 0)
      progress.report(0.2 * static_cast<double>(t) / static_cast<double>(type_classes.size()), "building the network");
  }

  out.network_arcs = d.net.arcs.size() + n;  // with the dummy arcs below
  // The most requests that real units can meet (the dummy node has no arc in yet).
  progress.report(0.2, "maximum flow");
  out.delivered = meets_every_request(d, classes, p.requests) ? out.units_requested : numeric::max_flow(d.net, 0, 1).value;
  out.shortage = out.units_requested - out.delivered;
  for (std::size_t j = 0; j < n; ++j) dummy_arc[j] = d.add(2, d.request_node(j), p.requests[j].units);
  std::vector<std::int64_t> supply(static_cast<std::size_t>(d.net.nodes), 0);
  supply[0] = out.delivered;
  supply[2] = out.shortage;
  supply[1] = -out.units_requested;

  // Integer costs (matching.hpp): the finest scale the int64 bounds allow for this day, each
  // arc's cost the sum of its rounded terms.
  const double scale = cost_scale_for(largest_pair, d.net.nodes, out.units_requested);
  const RoundedTerms rounded(p, scale, v);
  // The largest rounding error of a pair's cost: a direct arc's, or a type's part and an age's.
  double error[6] = {0, 0, 0, 0, 0, 0};  // by Part
  for (std::size_t a = 0; a < d.net.arcs.size(); ++a) {
    const auto& c = d.cost[a];
    if (c.part == Part::none) continue;
    const MatchRequest& r = p.requests[c.request];
    const int age = classes[c.unit_class].age + r.days_ahead;
    const Group type = classes[c.unit_class].type;
    int count = 0;
    std::int64_t cost = 0;
    if (c.part == Part::type || c.part == Part::pair) cost += rounded.type_part(p, type, r, count);
    if (c.part == Part::unit) cost += rounded.unit_share(p, type, count);
    if (c.part == Part::request) cost += rounded.request_share(p, r, count);
    if (c.part == Part::age || c.part == Part::pair || c.part == Part::unit) cost += rounded.age_part(p, age, r.group), ++count;
    rounded.check(c.exact, cost, count, c.magnitude);
    d.net.arcs[a].cost = cost;
    auto& e = error[static_cast<int>(c.part)];
    e = std::max(e, std::abs(c.exact - static_cast<double>(cost) / scale));
  }
  const auto error_of = [&](Part part) { return error[static_cast<int>(part)]; };
  const double rounding_error = std::max({error_of(Part::pair), error_of(Part::type) + error_of(Part::age),
                                          error_of(Part::unit) + error_of(Part::request)});
  progress.report(0.4, "minimum cost");
  const auto best = numeric::min_cost_flow(d.net, supply);  // the scale keeps it from overflowing
  if (best.status != numeric::FlowStatus::optimal)
    solver_error("No flow of the maximum value just found (" + std::string(to_string(best.status)) + ")");
  const auto& x = best.x;

  // The gap of match()'s header: the flow's exact cost less the dual bound of the rounded
  // problem's potentials (arcs without a cost part cost exactly 0, an integer).
  double gap = 0;
  for (std::size_t a = 0; a < d.net.arcs.size(); ++a) {
    if (d.cost[a].part == Part::none) continue;
    const auto& arc = d.net.arcs[a];
    const double dr = static_cast<double>(numeric::reduced_cost(arc, best.potential)) +
                      (d.cost[a].exact * scale - static_cast<double>(arc.cost));
    if (dr > 0) gap += dr * (x[a] - arc.low);
    if (dr < 0) gap += -dr * (arc.cap - x[a]);
  }
  gap /= scale;

  // The pairs: direct arcs as they are, each hub's flow split in order.
  std::vector<ClassFlow> flows;
  const auto pair = [&](std::size_t c, std::size_t j, int units) {
    const auto& r = p.requests[j];
    flows.push_back({c, j, units, p.groups[r.group].typed ? (classes[c].type & ~r.type) : Group{0}});
  };
  for (const auto& e : direct)
    if (x[static_cast<std::size_t>(e.arc)] > 0) pair(e.unit_class, e.request, x[static_cast<std::size_t>(e.arc)]);
  for (const auto& h : hubs) {
    std::size_t k = 0;
    int left_out = 0;
    for (const auto& [c, arc] : h.ins) {
      int left_in = x[static_cast<std::size_t>(arc)];
      while (left_in > 0) {
        while (left_out == 0) left_out = x[static_cast<std::size_t>(h.outs[k++].second)];
        const int units = std::min(left_in, left_out);
        pair(c, h.outs[k - 1].first, units);
        left_in -= units;
        left_out -= units;
      }
    }
  }
  std::sort(flows.begin(), flows.end(), [](const ClassFlow& a, const ClassFlow& b) {
    return a.unit_class != b.unit_class ? a.unit_class < b.unit_class : a.request < b.request;
  });

  out.delivered_per_request.resize(n);
  for (std::size_t j = 0; j < n; ++j)
    out.delivered_per_request[j] = p.requests[j].units - x[static_cast<std::size_t>(dummy_arc[j])];
  double size = 0;
  for (const auto& f : flows) {
    const auto& r = p.requests[f.request];
    const auto& u = classes[f.unit_class];
    const auto t = pair_penalties(p, {u.type, u.age + r.days_ahead}, r, v_of(u.type), v_of(effective_type(p, r)));
    out.objective.immunogenicity += f.units * t.immunogenicity;
    out.objective.major_substitution += f.units * t.major_substitution;
    out.objective.minor_substitution += f.units * t.minor_substitution;
    out.objective.fifo += f.units * t.fifo;
    out.objective.young_blood += f.units * t.young_blood;
    size += f.units * std::abs(t.total());
  }
  out.flows = std::move(flows);
  double smallest = 0;
  for (double t : {smallest_term.immunogenicity, smallest_term.major_substitution, smallest_term.minor_substitution,
                   smallest_term.fifo})
    if (t > 0 && (smallest == 0 || t < smallest)) smallest = t;
  out.rounding_material = (smallest > 0 && rounding_error > 1e-3 * smallest) || gap > 1e-9 * size;
  progress.report(1, "done");
  return out;
}

}  // namespace rbc::allocation
