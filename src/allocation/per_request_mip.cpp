#include "allocation/per_request_mip.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <numeric>
#include <optional>
#include <string>

#include "common/input_error.hpp"
#include "numeric/linear_program.hpp"
#include "numeric/lp_analysis.hpp"

namespace rbc::allocation {

namespace {

[[noreturn]] void solver_error(const std::string& message) { throw InputError("solver_error", "", message); }

bool bit(Group g, std::size_t k) { return ((g >> k) & 1U) != 0; }

// ---- A model as rows over columns ----
// Each row is `entries . x <= rhs` (`= rhs` when equality); each column knows its rows, so
// the Lagrangian bound of any set of columns can be computed from one set of duals.
using Entries = std::vector<std::pair<std::size_t, double>>;

struct Row {
  Entries entries;
  double rhs = 0;
  bool equality = false;
};

struct Column {
  double cost = 0, lower = 0, upper = 0;
  bool integer = false;
  std::vector<std::size_t> rows;
};

struct Model {
  std::vector<Column> columns;
  std::vector<Row> rows;
  std::size_t add_column(double cost, double lower, double upper, bool integer) {
    columns.push_back({cost, lower, upper, integer, {}});
    return columns.size() - 1;
  }
  std::size_t add_row(Entries entries, double rhs, bool equality = false) {
    for (const auto& [col, v] : entries) columns[col].rows.push_back(rows.size());
    rows.push_back({std::move(entries), rhs, equality});
    return rows.size() - 1;
  }
};

numeric::LinearProgram to_lp(const Model& model) {
  numeric::LinearProgram lp;
  for (const auto& c : model.columns) {
    lp.objective.push_back(c.cost);
    lp.bounds.push_back({c.lower, c.upper});
    lp.integer.push_back(c.integer);
  }
  for (std::size_t r = 0; r < model.rows.size(); ++r) {
    const auto& row = model.rows[r];
    lp.constraints.push_back({{}, {row.equality ? std::optional<double>(row.rhs) : std::nullopt, row.rhs}});
    for (const auto& [col, v] : row.entries) lp.matrix.push_back({r, col, v});
  }
  return lp;
}

// Eq. (2), (3) and the total over the pairs `pairs` (indices into m.pairs) whose x are the
// columns `column`: one row per class and (if `request_rows`) per request among them, and
// the total row = `total`. Returns the total row.
std::size_t add_flow_rows(Model& model, const PerRequestModel& m, const std::vector<std::size_t>& pairs,
                          const std::vector<std::size_t>& column, double total, bool request_rows) {
  std::map<std::size_t, Entries> by_class, by_request;
  Entries all;
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    by_class[m.pairs[pairs[i]].unit_class].push_back({column[i], 1.0});
    by_request[m.pairs[pairs[i]].request].push_back({column[i], 1.0});
    all.push_back({column[i], 1.0});
  }
  for (auto& [c, e] : by_class) model.add_row(std::move(e), m.class_units[c]);
  if (request_rows)
    for (auto& [j, e] : by_request) model.add_row(std::move(e), m.request_units[j]);
  return model.add_row(std::move(all), total, true);
}

// ---- The whole MIP, one y per (request, antigen) ----
// Columns 0..P-1 the pairs' x, then one y per key (a request and an antigen that some allowed
// pair would charge). The fixed charges: the aggregated row with the least big M the pairs
// allow, and a row per pair where the pair's capacity is below that M (as many as the LP
// limits leave room for); together they bound every subset of the key's pairs, so in the
// relaxation one mismatched unit cannot be spread over b_j.
struct Key {
  std::size_t request = 0, antigen = 0;
  std::vector<std::size_t> pairs;
};

struct Whole {
  Model model;
  std::vector<Key> keys;
  std::size_t pairs = 0, total_row = 0;
};

Whole whole_mip(const PerRequestModel& m) {
  Whole out;
  const std::size_t P = m.pairs.size();
  out.pairs = P;
  std::map<std::pair<std::size_t, std::size_t>, std::size_t> key_of;
  std::vector<std::size_t> column(P), pairs(P);
  for (std::size_t a = 0; a < P; ++a) {
    const auto& pair = m.pairs[a];
    pairs[a] = a;
    column[a] = out.model.add_column(
        pair.cost, 0, std::min(m.class_units[pair.unit_class], m.request_units[pair.request]), false);
    for (std::size_t k = 0; k < m.charge.size(); ++k)
      if (bit(pair.charged, k) && m.charge[k] > 0) {
        auto [it, added] = key_of.emplace(std::pair{pair.request, k}, out.keys.size());
        if (added) out.keys.push_back({pair.request, k, {}});
        out.keys[it->second].pairs.push_back(a);
      }
  }
  for (const auto& key : out.keys) out.model.add_column(m.charge[key.antigen], 0, 1, true);
  out.total_row = add_flow_rows(out.model, m, pairs, column, static_cast<double>(m.delivered), true);
  // The per-pair rows only tighten the relaxation (the aggregated row alone is exact with y
  // integral), and a day of many one-unit classes and several-unit requests has one per pair
  // and charged antigen: they are added while the model stays within the LP limits.
  std::size_t pair_rows_left = numeric::max_lp_constraints - std::min(numeric::max_lp_constraints,
                                                                      out.model.rows.size() + out.keys.size());
  for (std::size_t q = 0; q < out.keys.size(); ++q) {
    const auto& key = out.keys[q];
    const std::size_t y = P + q;
    double big_m = 0;
    for (std::size_t a : key.pairs) big_m += out.model.columns[a].upper;
    big_m = std::min(big_m, static_cast<double>(m.request_units[key.request]));
    Entries agg;
    for (std::size_t a : key.pairs) agg.push_back({a, 1.0});
    agg.push_back({y, -big_m});
    out.model.add_row(std::move(agg), 0);
    if (key.pairs.size() > 1)
      for (std::size_t a : key.pairs)
        if (const double cap = out.model.columns[a].upper; cap < big_m && pair_rows_left > 0) {
          out.model.add_row({{a, 1.0}, {y, -cap}}, 0);
          --pair_rows_left;
        }
  }
  return out;
}

// y of a matching: 1 where any of the key's pairs carries a unit.
std::vector<double> keys_paid(const Whole& w, const std::vector<int>& flow) {
  std::vector<double> y(w.keys.size(), 0.0);
  for (std::size_t q = 0; q < w.keys.size(); ++q)
    for (std::size_t a : w.keys[q].pairs)
      if (flow[a] > 0) y[q] = 1;
  return y;
}

// The cost of a matching over the columns `cols` of the whole MIP.
double cost_of(const Whole& w, const std::vector<int>& flow, const std::vector<double>& y, const std::vector<std::size_t>& cols) {
  double s = 0;
  for (std::size_t j : cols) s += w.model.columns[j].cost * (j < w.pairs ? flow[j] : y[j - w.pairs]);
  return s;
}

// ---- The Lagrangian bound ----
// For any duals pi with pi_r <= 0 on the "<=" rows and any x within the bounds and the rows:
//   cost.x >= sum_r pi_r rhs_r + sum_j min(d_j lower_j, d_j upper_j),  d = cost - A^T pi.
// GLPK's duals carry its tolerances: clamped to the right sign, any pi gives a valid bound,
// and the bound is computed here in double precision, not taken from the simplex.
struct Lagrangian {
  std::vector<double> pi;       // per row
  std::vector<double> reduced;  // d per column
};

Lagrangian lagrangian(const Model& model, const std::vector<double>& duals) {
  Lagrangian l;
  l.pi.resize(model.rows.size());
  for (std::size_t r = 0; r < model.rows.size(); ++r) l.pi[r] = model.rows[r].equality ? duals[r] : std::min(duals[r], 0.0);
  l.reduced.resize(model.columns.size());
  for (std::size_t j = 0; j < model.columns.size(); ++j) l.reduced[j] = model.columns[j].cost;
  for (std::size_t r = 0; r < model.rows.size(); ++r)
    for (const auto& [col, v] : model.rows[r].entries) l.reduced[col] -= l.pi[r] * v;
  return l;
}

// The bound over the columns `cols` and the rows they touch, the total row's rhs being
// `total`; `scale` is the sum of the magnitudes added, for a rounding margin.
struct BoundValue {
  double value = 0, scale = 0;
};

BoundValue bound_of(const Whole& w, const Lagrangian& l, const std::vector<std::size_t>& cols,
                    const std::vector<double>& lower, const std::vector<double>& upper, double total) {
  BoundValue b;
  std::vector<bool> seen(w.model.rows.size(), false);
  for (std::size_t j : cols) {
    const double d = l.reduced[j];
    const double term = std::min(d * lower[j], d * upper[j]);
    b.value += term, b.scale += std::abs(term) + std::abs(w.model.columns[j].cost) * upper[j];
    for (std::size_t r : w.model.columns[j].rows) {
      if (seen[r]) continue;
      seen[r] = true;
      const double t = l.pi[r] * (r == w.total_row ? total : w.model.rows[r].rhs);
      b.value += t, b.scale += std::abs(t);
    }
  }
  return b;
}

// ---- Matchings ----

// A matching from the relaxation: close the pairs charging a key the relaxation pays nothing
// for, then the least-cost flow of F over the rest (an LP over a network matrix: GLPK's
// vertex is integral). Empty if none.
std::vector<int> rounded_matching(const PerRequestModel& m, const Whole& w, const std::vector<double>& y_relaxed) {
  std::vector<bool> closed(w.pairs, false);
  for (std::size_t q = 0; q < w.keys.size(); ++q)
    if (!(y_relaxed[q] > 1e-9))
      for (std::size_t a : w.keys[q].pairs) closed[a] = true;
  Model flow;
  std::vector<std::size_t> pairs, column;
  for (std::size_t a = 0; a < w.pairs; ++a)
    if (!closed[a]) pairs.push_back(a), column.push_back(flow.add_column(w.model.columns[a].cost, 0, w.model.columns[a].upper, false));
  if (pairs.empty()) return {};
  add_flow_rows(flow, m, pairs, column, static_cast<double>(m.delivered), true);
  const auto sol = numeric::solve_linear_program(to_lp(flow));
  if (sol.status != numeric::LpStatus::optimal) return {};
  std::vector<int> x(w.pairs, 0);
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    if (std::abs(sol.x[i] - std::round(sol.x[i])) > 1e-6) return {};
    x[pairs[i]] = static_cast<int>(std::lround(sol.x[i]));
  }
  return x;
}

// Local search: moves of one unit (to another class for the same request, or from one
// request to another with room) and swaps of two units between two requests, each taken when
// it lowers the cost (pair costs plus the requests' charges), until none does. Every move
// keeps the classes' sizes, the pairs' capacities, the requests' b_j and the total. Only a
// better matching for the bound to prune against: measured, it halves the time of the
// hardest days found (docs/methods/matching.md).
void improve(const PerRequestModel& m, const Whole& w, std::vector<int>& flow) {
  const std::size_t P = w.pairs, J = m.request_units.size(), C = m.class_units.size();
  std::vector<std::vector<std::size_t>> of_request(J), of_class(C);
  std::map<std::pair<std::size_t, std::size_t>, std::size_t> pair_at;
  std::vector<int> class_used(C, 0), request_used(J, 0);
  for (std::size_t a = 0; a < P; ++a) {
    const auto& pr = m.pairs[a];
    of_request[pr.request].push_back(a);
    of_class[pr.unit_class].push_back(a);
    pair_at[{pr.unit_class, pr.request}] = a;
    class_used[pr.unit_class] += flow[a];
    request_used[pr.request] += flow[a];
  }
  const auto charge = [&](std::size_t j) {
    Group g = 0;
    for (std::size_t a : of_request[j])
      if (flow[a] > 0) g |= m.pairs[a].charged;
    double c = 0;
    for (std::size_t k = 0; k < m.charge.size(); ++k)
      if (bit(g, k)) c += m.charge[k];
    return c;
  };
  const auto cost = [&](std::size_t a) { return w.model.columns[a].cost; };
  const auto room = [&](std::size_t a) { return flow[a] < static_cast<int>(w.model.columns[a].upper); };
  // One unit from pair `from` to `to` and, for a swap, one from `back_from` to `back_to`;
  // kept if the cost falls. The requests touched are the ends of the moves: two at most.
  const auto attempt = [&](std::size_t from, std::size_t to, std::size_t back_from, std::size_t back_to) {
    const std::size_t j1 = m.pairs[from].request;
    std::size_t j2 = m.pairs[to].request;
    if (j2 == j1 && back_from != SIZE_MAX) j2 = m.pairs[back_from].request;
    const auto charges = [&] { return charge(j1) + (j2 != j1 ? charge(j2) : 0.0); };
    const double before = charges();
    double delta = cost(to) - cost(from);
    --flow[from], ++flow[to];
    if (back_from != SIZE_MAX) --flow[back_from], ++flow[back_to], delta += cost(back_to) - cost(back_from);
    delta += charges() - before;
    if (delta < -1e-12) return true;
    ++flow[from], --flow[to];
    if (back_from != SIZE_MAX) ++flow[back_from], --flow[back_to];
    return false;
  };
  for (int pass = 0; pass < 50; ++pass) {
    bool improved = false;
    for (std::size_t a = 0; a < P; ++a) {
      if (flow[a] == 0) continue;
      const std::size_t c = m.pairs[a].unit_class, j = m.pairs[a].request;
      bool moved = false;
      for (std::size_t to : of_request[j]) {  // another class for the same request
        const std::size_t c2 = m.pairs[to].unit_class;
        if (to == a || !room(to) || class_used[c2] >= m.class_units[c2]) continue;
        if ((moved = attempt(a, to, SIZE_MAX, SIZE_MAX))) {
          --class_used[c], ++class_used[c2];
          break;
        }
      }
      for (std::size_t to : of_class[c]) {  // the same unit to another request with room
        if (moved) break;
        const std::size_t j2 = m.pairs[to].request;
        if (j2 == j || !room(to) || request_used[j2] >= m.request_units[j2]) continue;
        if ((moved = attempt(a, to, SIZE_MAX, SIZE_MAX))) --request_used[j], ++request_used[j2];
      }
      for (std::size_t to : of_request[j]) {  // a swap: (c, j), (c2, j2) -> (c2, j), (c, j2)
        if (moved) break;
        const std::size_t c2 = m.pairs[to].unit_class;
        if (to == a || c2 == c || !room(to)) continue;
        for (std::size_t b : of_class[c2]) {
          const std::size_t j2 = m.pairs[b].request;
          if (j2 == j || flow[b] == 0) continue;
          const auto back = pair_at.find({c, j2});
          if (back == pair_at.end() || !room(back->second)) continue;
          if ((moved = attempt(a, to, b, back->second))) break;
        }
      }
      improved = improved || moved;
    }
    if (!improved) break;
  }
}

// ---- A component's MIP: one mismatch pattern per request ----
//
// Per request j with charged antigens still open, its pairs fall into types tau (the open
// antigens the unit mismatches); a matching gives j a pattern S, the union of its units'
// types, costing sum_{k in S} charge_k. One binary z_jS per pattern S (the unions of at most
// b_j types, the empty one included), sum_S z_jS <= 1, and t_jS,tau >= 0 units of type tau
// under pattern S (tau a subset of S):
//   sum_{pairs of type tau} x = sum_S t_jS,tau                (link)
//   sum_tau t_jS,tau <= b_j z_jS,  t_jS,tau <= cap_tau z_jS   (the pattern's units)
//   x <= cap sum_{S containing tau} z_jS                      (one pair's share)
// This is the disjunctive (Balas) form of "one pattern per request": its relaxation is the
// convex hull of each request's own choices, which one y per antigen is not (on the hardest
// component measured, branch and bound 15 times faster). Patterns can number 2^|I_j|: a
// request with more than max_patterns keeps one y per antigen, as in the whole MIP.
// With every z or y integral the rest is a network flow (units -> (request, type) ->
// request), so x may stay continuous: its optimal vertices are integral.
struct ComponentMip {
  Model model;
  std::vector<std::size_t> pair_column;  // per pair of the component (in `cols` order)
  std::vector<double> start;             // the matching, per column
};

ComponentMip component_mip(const PerRequestModel& m, const Whole& w, const std::vector<std::size_t>& cols,
                           const std::vector<double>& lower, const std::vector<double>& upper, const std::vector<int>& best) {
  ComponentMip out;
  Model& mip = out.model;
  std::vector<std::size_t> pairs;
  std::map<std::size_t, std::vector<std::size_t>> by_request;  // indices into `pairs`
  std::map<std::size_t, Group> open;  // per request: the antigens still charged (a key fixed to 1 is paid)
  double total = 0;
  for (std::size_t g : cols) {
    if (g >= w.pairs) {
      if (lower[g] == 0) open[w.keys[g - w.pairs].request] |= Group{1} << w.keys[g - w.pairs].antigen;
      continue;
    }
    by_request[m.pairs[g].request].push_back(pairs.size());
    pairs.push_back(g);
    out.pair_column.push_back(mip.add_column(w.model.columns[g].cost, lower[g], upper[g], false));
    out.start.push_back(best[g]);
    total += best[g];
  }
  const auto add_column = [&](double cost, double up, bool integer, double start) {
    out.start.push_back(start);
    return mip.add_column(cost, 0, up, integer);
  };
  add_flow_rows(mip, m, pairs, out.pair_column, total, false);
  for (const auto& [j, list] : by_request) {
    const int b = m.request_units[j];
    const Group charged = open.count(j) ? open.at(j) : Group{0};
    const auto type_of = [&](std::size_t i) { return m.pairs[pairs[i]].charged & charged; };
    const auto cap = [&](std::size_t i) { return upper[pairs[i]]; };
    const auto x = [&](std::size_t i) { return out.pair_column[i]; };
    std::map<Group, std::vector<std::size_t>> types;
    Group used = 0;
    bool any = false;
    for (std::size_t i : list) {
      types[type_of(i)].push_back(i);
      if (best[pairs[i]] > 0) used |= type_of(i), any = true;
    }
    std::vector<Group> patterns{0};
    bool fits = charged != 0;
    for (int step = 0; step < b && fits; ++step) {
      std::vector<Group> next = patterns;
      for (Group s : patterns)
        for (const auto& [tau, members] : types)
          if (std::find(next.begin(), next.end(), s | tau) == next.end()) next.push_back(s | tau);
      if (next.size() == patterns.size()) break;
      patterns = std::move(next);
      fits = patterns.size() <= m.max_patterns;
    }
    if (!fits) {  // nothing charged, or too many patterns: the request row and y per antigen
      Entries row;
      for (std::size_t i : list) row.push_back({x(i), 1.0});
      mip.add_row(std::move(row), b);
      for (std::size_t k = 0; k < m.charge.size(); ++k) {
        if (!bit(charged, k)) continue;
        std::vector<std::size_t> charging;
        double big_m = 0;
        for (std::size_t i : list)
          if (bit(type_of(i), k)) charging.push_back(i), big_m += cap(i);
        if (charging.empty()) continue;
        big_m = std::min(big_m, static_cast<double>(b));
        const std::size_t y = add_column(m.charge[k], 1, true, bit(used, k) ? 1.0 : 0.0);
        Entries agg;
        for (std::size_t i : charging) agg.push_back({x(i), 1.0});
        agg.push_back({y, -big_m});
        mip.add_row(std::move(agg), 0);
        if (charging.size() > 1)
          for (std::size_t i : charging)
            if (cap(i) < big_m) mip.add_row({{x(i), 1.0}, {y, -cap(i)}}, 0);
      }
      continue;
    }
    std::map<Group, double> type_cap;
    for (const auto& [tau, members] : types) {
      double c = 0;
      for (std::size_t i : members) c += cap(i);
      type_cap[tau] = std::min(c, static_cast<double>(b));
    }
    std::map<Group, Entries> link;                        // type -> its t columns, with -1
    std::map<Group, std::vector<std::size_t>> z_holding;  // type -> the z of the patterns holding it
    Entries one;
    for (Group s : patterns) {
      double charge = 0;
      for (std::size_t k = 0; k < m.charge.size(); ++k)
        if (bit(s, k)) charge += m.charge[k];
      const bool chosen = any && s == used;
      const std::size_t z = add_column(charge, 1, true, chosen ? 1.0 : 0.0);
      one.push_back({z, 1.0});
      Entries card;
      for (const auto& [tau, members] : types) {
        if ((tau & ~s) != 0) continue;
        double units = 0;
        for (std::size_t i : members) units += best[pairs[i]];
        const std::size_t t = add_column(0, type_cap[tau], false, chosen ? units : 0.0);
        link[tau].push_back({t, -1.0});
        z_holding[tau].push_back(z);
        card.push_back({t, 1.0});
        if (type_cap[tau] < b) mip.add_row({{t, 1.0}, {z, -type_cap[tau]}}, 0);
      }
      card.push_back({z, -static_cast<double>(b)});
      mip.add_row(std::move(card), 0);
    }
    mip.add_row(std::move(one), 1);
    for (auto& [tau, entries] : link) {
      for (std::size_t i : types[tau]) {
        entries.push_back({x(i), 1.0});
        if (tau != 0 && cap(i) < type_cap[tau]) {
          Entries share{{x(i), 1.0}};
          for (std::size_t z : z_holding[tau]) share.push_back({z, -cap(i)});
          mip.add_row(std::move(share), 0);
        }
      }
      mip.add_row(std::move(entries), 0, true);
    }
  }
  return out;
}

}  // namespace

PerRequestSolution solve_per_request(const PerRequestModel& m, const Progress& progress) {
  const auto started = std::chrono::steady_clock::now();
  const auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count(); };
  PerRequestSolution out;
  const std::size_t P = m.pairs.size();
  out.flow.assign(P, 0);
  if (P == 0 || m.delivered == 0) return out;
  const Whole w = whole_mip(m);
  const std::size_t N = w.model.columns.size();
  out.columns = N, out.rows = w.model.rows.size();
  std::vector<std::size_t> all(N);
  std::iota(all.begin(), all.end(), std::size_t{0});

  // (i) The relaxation and its duals.
  progress.report(0, "lower bound");
  const auto relaxation = numeric::solve_linear_program(to_lp(w.model));
  if (relaxation.status != numeric::LpStatus::optimal)
    solver_error(std::string("The per-request matching's relaxation ended ") + numeric::to_string(relaxation.status) +
                 ", which the maximum flow rules out");

  // (ii) A matching: the rounded relaxation (failing that, the flow with every key open),
  // then improved by local search.
  progress.report(0.15, "a first matching");
  std::vector<double> y_relaxed(relaxation.x.begin() + static_cast<std::ptrdiff_t>(P), relaxation.x.end());
  std::vector<int> best = rounded_matching(m, w, y_relaxed);
  if (best.empty()) best = rounded_matching(m, w, std::vector<double>(w.keys.size(), 1.0));
  if (best.empty()) solver_error("No flow of the maximum value over the allowed pairs");
  improve(m, w, best);
  const std::vector<double> y_best = keys_paid(w, best);

  // (iii) Reduced-cost fixing: a column whose move off a bound would cost more, by the bound
  // alone, than the matching's excess over the bound stays at that bound in every optimum.
  // (iv) The connected components of what is left, over classes and requests. They share no
  // unit; each carries in every optimum the units it carries in the matching (all optima,
  // and the matching, lie in what is left, whose maximum flow is F: each component is at
  // its own maximum), so each is a problem of its own, with its own bound and excess: fixing
  // and splitting are repeated per component, each time with less slack.
  std::vector<double> lower(N), upper(N);
  for (std::size_t j = 0; j < N; ++j) lower[j] = w.model.columns[j].lower, upper[j] = w.model.columns[j].upper;
  const Lagrangian lagrange = lagrangian(w.model, relaxation.duals);
  std::vector<bool> removed(N, false);
  // Fixes the columns of `cols` whose move would cost more than `slack`; true if any was.
  const auto fix = [&](const std::vector<std::size_t>& cols, double slack) {
    bool any = false;
    for (std::size_t j : cols) {
      const double d = lagrange.reduced[j];
      const double at = j < P ? best[j] : y_best[j - P];
      if (d > slack && at == lower[j] && upper[j] != lower[j]) upper[j] = lower[j], any = true;
      else if (-d > slack && at == upper[j] && lower[j] != upper[j]) lower[j] = upper[j], any = true;
    }
    // A key left unpaid closes its pairs; a pair closed, or a key with no pair left, goes.
    for (std::size_t j : cols)
      if (j >= P && upper[j] == 0)
        for (std::size_t a : w.keys[j - P].pairs) upper[a] = 0;
    for (std::size_t j : cols)
      if (j < P && upper[j] == 0 && !removed[j]) removed[j] = true, ++out.pairs_removed;
    for (std::size_t j : cols)
      if (j >= P) {
        const auto& pairs = w.keys[j - P].pairs;
        removed[j] = std::all_of(pairs.begin(), pairs.end(), [&](std::size_t a) { return removed[a]; });
      }
    return any;
  };
  const std::size_t C = m.class_units.size();
  std::vector<std::size_t> parent(C + m.request_units.size());
  const auto find = [&](std::size_t v) {
    while (parent[v] != v) v = parent[v] = parent[parent[v]];
    return v;
  };
  const auto split = [&](const std::vector<std::size_t>& cols) {
    for (std::size_t j : cols)
      if (j < P) parent[m.pairs[j].unit_class] = m.pairs[j].unit_class, parent[C + m.pairs[j].request] = C + m.pairs[j].request;
    for (std::size_t j : cols)
      if (j < P && !removed[j]) parent[find(m.pairs[j].unit_class)] = find(C + m.pairs[j].request);
    std::map<std::size_t, std::vector<std::size_t>> parts;
    for (std::size_t j : cols)
      if (!removed[j]) parts[find(C + (j < P ? m.pairs[j].request : w.keys[j - P].request))].push_back(j);
    std::vector<std::vector<std::size_t>> out_parts;
    for (auto& [root, part] : parts) out_parts.push_back(std::move(part));
    return out_parts;
  };

  // (v) Each component: its matching proven optimal by the bound, or fixed and split again,
  // or branch and bound.
  out.flow = best;
  std::vector<std::vector<std::size_t>> queue;
  {
    const double incumbent = cost_of(w, best, y_best, all);
    const BoundValue lb = bound_of(w, lagrange, all, lower, upper, static_cast<double>(m.delivered));
    fix(all, incumbent - lb.value + 1e-9 * (1 + lb.scale + std::abs(incumbent)));
    queue = split(all);
  }
  std::size_t done = 0;
  while (!queue.empty()) {
    const std::vector<std::size_t> cols = std::move(queue.back());
    queue.pop_back();
    const double from = 0.3 + 0.7 * static_cast<double>(done) / static_cast<double>(done + queue.size() + 1);
    const double to = 0.3 + 0.7 * static_cast<double>(done + 1) / static_cast<double>(done + queue.size() + 1);
    progress.report(from, "branch and bound");
    double total = 0;
    for (std::size_t j : cols)
      if (j < P) total += best[j];
    const double incumbent = cost_of(w, best, y_best, cols);
    const BoundValue lb = bound_of(w, lagrange, cols, lower, upper, total);
    // The bound and the matching's cost are sums of up to ~10^5 terms in double precision:
    // 1e-9 of their magnitude covers their rounding with room to spare.
    const double margin = 1e-9 * (1 + lb.scale + std::abs(incumbent));
    if (incumbent - lb.value <= margin) {
      out.gap_bound += std::max(0.0, incumbent - lb.value);
      ++out.components, ++done;
      continue;
    }
    if (fix(cols, incumbent - lb.value + margin)) {
      for (auto& part : split(cols)) queue.push_back(std::move(part));
      continue;
    }
    ++out.components, ++done;
    const double seconds = m.seconds - elapsed();
    if (seconds <= 0) {  // the time is up: the matching stands, unproven
      out.proven_optimal = false;
      continue;
    }
    ++out.searched;
    auto cm = component_mip(m, w, cols, lower, upper, best);
    // GLPK prunes within 1e-7 (1 + |objective|) of the best found: a constant per unit
    // (the total is fixed) brings the matching's objective to 0, so that tolerance is absolute.
    double start_cost = 0;
    for (std::size_t c = 0; c < cm.model.columns.size(); ++c) start_cost += cm.model.columns[c].cost * cm.start[c];
    const double shift = total > 0 ? start_cost / total : 0.0;
    for (std::size_t c : cm.pair_column) cm.model.columns[c].cost -= shift;
    numeric::LpOptions options;
    options.mip_time_limit = std::clamp(seconds, 0.001, numeric::max_mip_seconds);
    options.ranging = false;
    options.lp_text = false;
    options.mip_cuts = numeric::MipCuts::mixed_integer_rounding;
    options.mip_pseudocost_branching = true;
    options.mip_start = cm.start;
    auto lp = to_lp(cm.model);
    const auto report = numeric::analyse_linear_program(lp, options, progress.part(from, to));
    if (report.status != numeric::LpStatus::optimal && report.status != numeric::LpStatus::feasible &&
        report.status != numeric::LpStatus::time_limit)
      solver_error(std::string("The per-request matching MIP ended ") + numeric::to_string(report.status) +
                   ", which the matching found rules out");
    if (report.status != numeric::LpStatus::optimal) out.proven_optimal = false;
    else out.gap_bound += 1e-7 * (1 + std::abs(*report.objective));
    if (report.status == numeric::LpStatus::time_limit) continue;
    // x is integral at a vertex; a heuristic's solution may not be one: then the integer
    // columns are fixed and the LP (a flow) solved again for a vertex.
    std::vector<double> value(report.columns.size());
    for (std::size_t c = 0; c < value.size(); ++c) value[c] = report.columns[c].value;
    const auto fractional = [&] {
      return std::any_of(cm.pair_column.begin(), cm.pair_column.end(),
                         [&](std::size_t c) { return std::abs(value[c] - std::round(value[c])) > 1e-6; });
    };
    if (fractional()) {
      for (std::size_t c = 0; c < value.size(); ++c)
        if (lp.integer[c]) lp.bounds[c] = {std::round(value[c]), std::round(value[c])};
      const auto vertex = numeric::solve_linear_program(lp);
      if (vertex.status == numeric::LpStatus::optimal) value = vertex.x;
      if (fractional()) solver_error("Branch and bound returned a matching with a fraction of a unit");
    }
    std::vector<int> flow = best;
    std::size_t i = 0;
    for (std::size_t g : cols)
      if (g < P) flow[g] = static_cast<int>(std::lround(value[cm.pair_column[i++]]));
    if (cost_of(w, flow, keys_paid(w, flow), cols) < incumbent)
      for (std::size_t g : cols)
        if (g < P) out.flow[g] = flow[g];
  }
  return out;
}

}  // namespace rbc::allocation
