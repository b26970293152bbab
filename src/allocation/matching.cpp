#include "allocation/matching.hpp"

#include <algorithm>
#include <bit>
#include <chrono>
#include <cstdint>
#include <limits>
#include <cmath>
#include <map>

#include "allocation/matching_terms.hpp"
#include "allocation/per_request_mip.hpp"
#include "common/input_error.hpp"
#include "numeric/network_flow.hpp"
#include "numeric/random.hpp"

namespace rbc::allocation {

const std::vector<std::string>& major_antigens() {
  static const std::vector<std::string> a = {"A", "B", "D"};
  return a;
}

const std::vector<std::string>& minor_antigens() {
  static const std::vector<std::string> a = {"C", "c", "E", "e", "K", "k", "Fya", "Fyb", "Jka", "Jkb", "M", "N", "S", "s"};
  return a;
}

const std::vector<MatchPreset>& match_presets() {
  static const std::vector<MatchPreset> p = [] {
    std::vector<std::string> extended = major_antigens();
    extended.insert(extended.end(), minor_antigens().begin(), minor_antigens().end());
    return std::vector<MatchPreset>{
        {"abod", "ABOD: A, B and D only", "seed 004 sec. 4.2 (A_MAJ)", major_antigens(), {}, {}},
        {"limited", "Limited (rule L0): A B D C c E e K, no penalty for other antigens",
         "seed 004 sec. 4.3, Limited Rule (L0)", {"A", "B", "D", "C", "c", "E", "e", "K"}, {}, {"C", "c", "E", "e", "K"}},
        {"extended", "Extended (rule E0): 17 antigens, mismatches and substitutions penalised",
         "seed 004 sec. 4.2-4.3, Extended Rule (E0)", extended, minor_antigens(), minor_antigens()},
    };
  }();
  return p;
}

const MatchPreset* find_match_preset(const std::string& id) {
  for (const auto& p : match_presets())
    if (p.id == id) return &p;
  return nullptr;
}

const std::vector<Immunogenicity>& default_immunogenicity() {
  // Seed 004 uses "the immunogenicity estimates of Evers et al. (2016)" (sec. 4.1) and prints
  // none; these are the values its authors' published simulator uses (HDSci/BloodMatcher-WSC24,
  // data/immune_risks), with the share of sickle-cell patients carrying each alloantibody
  // (its Bayesian estimate from UCLH data, data/antibody_frequencies). seeds/NOTES.md lists both.
  static const std::string evers =
      "Oyebolu et al. 2024 (seed 004), parameters of the authors' published simulator HDSci/BloodMatcher-WSC24, from "
      "Evers et al. 2016";
  static const std::string share =
      "Oyebolu et al. 2024 (seed 004), the authors' published simulator HDSci/BloodMatcher-WSC24: Bayesian estimate "
      "from UCLH sickle-cell patients";
  static const std::string hard = "ABO-D compatibility is a hard rule";
  static const std::vector<Immunogenicity> w = {
      {"A", 0, hard, 0, hard},
      {"B", 0, hard, 0, hard},
      {"D", 0, hard, 0, hard},
      {"C", 0.00074, evers, 0.0297845, share},
      {"c", 0.001235, evers, 0.0026713, share},
      {"E", 0.0043, evers, 0.0439866, share},
      {"e", 0.00255, evers, 0.0065446, share},
      {"K", 0.00826, evers, 0.0259112, share},
      {"k", 0, evers + " (0; seed 004 sec. 5.1 assumes 0)", 0, share},
      {"Fya", 0.00046, evers, 0.0155823, share},
      {"Fyb", 0.00032666667, evers, 0.0026713, share},
      {"Jka", 0.00147, evers, 0.0155823, share},
      {"Jkb", 0.00015, evers, 0.0142912, share},
      {"M", 0.00061, evers, 0.0220379, share},
      {"N", 0.00005, evers, 0.0026713, share},
      {"S", 0.000125, evers, 0.0517333, share},
      {"s", 0, evers + " (0; seed 004 sec. 5.1 assumes 0)", 0.0039624, share},
  };
  return w;
}

const std::vector<PatientGroupDefaults>& default_patient_groups() {
  static const std::vector<std::string> rh_k = {"A", "B", "D", "C", "c", "E", "e", "K"};
  static const std::vector<PatientGroupDefaults> g = {
      {"sickle_cell", "Sickle-cell disease", "seed 004 sec. 3.2 (h_j = 14, rho = 1), sec. 4.3 (must match)", rh_k, 14,
       false, true, true},
      {"thalassaemia", "Thalassaemia", "our choice (seed silent): as sickle-cell disease, without the young-blood penalty",
       rh_k, 14, false, false, true},
      {"myelodysplasia", "Myelodysplasia", "our choice (seed silent): Rh and K matched, any age up to G", rh_k, 35, true,
       false, true},
      {"autoimmune_haemolysis", "Autoimmune haemolysis",
       "our choice (seed silent): Rh and K matched, any age up to G", rh_k, 35, true, false, true},
      {"other", "Other", "seed 004 sec. 3.2, 4.2-4.3 (non-SCD: A, B, D only, h_j = G, typed for A, B, D only)",
       major_antigens(), 35, true, false, false},
  };
  return g;
}

const char* to_string(MismatchCount c) { return c == MismatchCount::per_request ? "per_request" : "per_unit"; }

const char* const match_tie_break_rule =
    "Among the matchings of least cost, the one that uses the units listed first (units of one type and age are "
    "interchangeable and go in list order); any tie left is the solver's choice.";

using namespace detail;

namespace {

void check_weight(double v, const std::string& path, const std::string& what, double min = 0) {
  if (!(v >= min && v <= max_weight))
    throw InputError("invalid_field", path,
                     what + " must lie in [" + (min > 0 ? std::string("above 0") : std::string("0")) + ", " +
                         std::to_string(static_cast<int>(max_weight)) + "]");
}

// A (unit class, request) pair allowed by the hard rules, its flow arc and its penalty terms.
struct MatchArc {
  std::size_t unit_class, request;
  int arc;
  PenaltyBreakdown terms;
  double magnitude;  // the sum of the sizes of the terms it is made of (RoundedTerms)
};

// The gap of match()'s header in cost units: the flow x's exact cost less the dual bound of
// the rounded problem's potentials. Only the pairs' arcs count: the others cost exactly 0, an
// integer, so the rounded optimum keeps complementary slackness on them.
double dual_gap(const numeric::FlowNetwork& net, const std::vector<MatchArc>& arcs, const std::vector<int>& x,
                const std::vector<std::int64_t>& potential, double scale) {
  double gap = 0;
  for (const auto& a : arcs) {
    const auto& arc = net.arcs[static_cast<std::size_t>(a.arc)];
    const double d = static_cast<double>(numeric::reduced_cost(arc, potential)) +
                     (a.terms.total() * scale - static_cast<double>(arc.cost));
    const int flow = x[static_cast<std::size_t>(a.arc)];
    if (d > 0) gap += d * (flow - arc.low);
    if (d < 0) gap += -d * (arc.cap - flow);
  }
  return gap / scale;
}

// The antigens of request j's I_j that unit u mismatches, i.e. those pi_1 charges for.
Group penalised_mismatch(const MatchingProblem& p, const MatchUnit& u, const MatchRequest& r) {
  return u.type & ~effective_type(p, r) & p.mismatch;
}

// The antigens pi_1 would charge per request for unit u given to request r: those of I_j it
// mismatches with lambda_1 w_k > 0.
Group charged_mismatch(const MatchingProblem& p, const MatchUnit& u, const MatchRequest& r) {
  Group g = 0;
  const Group m = penalised_mismatch(p, u, r);
  for (std::size_t k = 0; k < p.antigens; ++k)
    if (bit(m, k) && p.lambda.immunogenicity * p.immunogenicity[k] > 0) g |= Group{1} << k;
  return g;
}

// MismatchCount::per_request: the MIP of match()'s header over the allowed pairs, with the
// units delivered fixed to `delivered` (the maximum flow), solved by solve_per_request
// (per_request_mip.hpp). Returns the units per pair.
std::vector<int> per_request_flows(const MatchingProblem& p, const std::vector<MatchArc>& arcs,
                                   const std::vector<MatchUnit>& reps, const std::vector<int>& counts,
                                   std::int64_t delivered, const Progress& progress, Matching& out) {
  PerRequestModel model;
  for (int count : counts) model.class_units.push_back(count);
  for (const auto& r : p.requests) model.request_units.push_back(r.units);
  for (std::size_t k = 0; k < p.antigens; ++k) model.charge.push_back(p.lambda.immunogenicity * p.immunogenicity[k]);
  for (const auto& arc : arcs)
    model.pairs.push_back({arc.unit_class, arc.request, arc.terms.total(),
                           charged_mismatch(p, reps[arc.unit_class], p.requests[arc.request])});
  model.delivered = delivered;
  model.seconds = per_request_seconds;
  // The models are built here, not typed by the user: a size limit of GLPK's models (a
  // component's patterns, numeric::max_lp_variables) is this field's limit, said in its words.
  const PerRequestSolution solution = [&] {
    try {
      return solve_per_request(model, progress);
    } catch (const InputError& e) {
      if (e.code() != "limit_exceeded") throw;
      throw InputError("limit_exceeded", "mismatch_count",
                       "Counting mismatches per request needs a mixed-integer programme too large for this day (" +
                           std::string(e.what()) + "): count mismatches per unit, or split the problem");
    }
  }();
  out.proven_optimal = solution.proven_optimal;
  out.mip_columns = solution.columns;
  out.mip_rows = solution.rows;
  out.objective_gap_bound = solution.proven_optimal ? solution.gap_bound : std::numeric_limits<double>::quiet_NaN();
  return solution.flow;
}

}  // namespace

void check_matching_settings(const MatchingProblem& p) {
  if (p.antigens == 0 || p.antigens > max_match_antigens)
    throw InputError("invalid_field", "antigens", "Give between 1 and " + std::to_string(max_match_antigens) + " antigens");
  if (p.immunogenicity.size() != p.antigens)
    throw InputError("invalid_field", "immunogenicity", "Give one immunogenicity per antigen");
  for (std::size_t k = 0; k < p.antigens; ++k)
    if (!(p.immunogenicity[k] >= 0 && p.immunogenicity[k] <= 1))
      throw InputError("invalid_field", field_index("immunogenicity", k),
                       "An immunogenicity is a probability: it must lie in [0, 1]");
  if (p.shelf_life < 1 || p.shelf_life > max_match_shelf_life)
    throw InputError("invalid_field", "shelf_life",
                     "The shelf life G must be a whole number of days from 1 to " + std::to_string(max_match_shelf_life));
  check_weight(p.lambda.immunogenicity, "immunogenicity_weight", "The immunogenicity weight \u03bb\u2081");
  check_weight(p.lambda.major_substitution, "major_substitution_weight", "The major-substitution weight \u03bb\u2082");
  check_weight(p.lambda.minor_substitution, "minor_substitution_weight", "The minor-substitution weight \u03bb\u2083");
  check_weight(p.lambda.fifo, "fifo_weight", "The FIFO weight \u03bb\u2084");
  check_weight(p.lambda.young_blood, "young_blood_weight", "The young-blood weight \u03bb\u2085");
  if (!(p.alpha.alpha1 > 0 && p.alpha.alpha1 <= max_weight))
    throw InputError("invalid_field", "alpha1", "\u03b1\u2081 of the young-blood penalty divides the age: it must lie in (0, 1000]");
  check_weight(p.alpha.alpha2, "alpha2", "\u03b1\u2082 of the young-blood penalty");
  check_weight(p.alpha.alpha3, "alpha3", "\u03b1\u2083 of the young-blood penalty");
  for (std::size_t g = 0; g < p.groups.size(); ++g)
    if (p.groups[g].max_age < 0 || p.groups[g].max_age > p.shelf_life)
      throw InputError("invalid_field", field_member(field_index("patient_groups", g), "max_age"),
                       "The maximum age of a patient group must be a whole number of days from 0 to the shelf life G = " +
                           std::to_string(p.shelf_life));
}

void check_matching(const MatchingProblem& p) {
  check_matching_settings(p);
  if (p.units.size() > max_match_units)
    throw InputError("limit_exceeded", "units",
                     "Too many units: " + std::to_string(p.units.size()) + " (at most " + std::to_string(max_match_units) + ")");
  if (p.requests.size() > max_match_requests)
    throw InputError("limit_exceeded", "requests",
                     "Too many requests: " + std::to_string(p.requests.size()) + " (at most " +
                         std::to_string(max_match_requests) + ")");
  if (p.units.size() * p.requests.size() > max_match_pairs)
    throw InputError("limit_exceeded", "units",
                     std::to_string(p.units.size()) + " units x " + std::to_string(p.requests.size()) + " requests = " +
                         std::to_string(p.units.size() * p.requests.size()) + " pairs (at most " +
                         std::to_string(max_match_pairs) + "): split the problem");
  const Group all = all_antigens(p.antigens);
  for (std::size_t i = 0; i < p.units.size(); ++i) {
    const auto& u = p.units[i];
    const auto path = field_index("units", i);
    if (u.age < 0 || u.age > p.shelf_life)
      throw InputError("invalid_field", field_member(path, "age"),
                       "The age of a unit must be a whole number of days from 0 to the shelf life G = " +
                           std::to_string(p.shelf_life) + " (got " + std::to_string(u.age) + ")");
    if ((u.type & ~all) != 0) throw InputError("invalid_field", field_member(path, "type"), "Unknown antigen in the type");
  }
  for (std::size_t j = 0; j < p.requests.size(); ++j) {
    const auto& r = p.requests[j];
    const auto path = field_index("requests", j);
    if (r.group >= p.groups.size()) throw InputError("invalid_field", field_member(path, "group"), "Unknown patient group");
    if (r.units < 1 || r.units > max_request_units)
      throw InputError(r.units < 1 ? "invalid_field" : "limit_exceeded", field_member(path, "units"),
                       "A request is for 1 to " + std::to_string(max_request_units) + " units (got " +
                           std::to_string(r.units) + ")");
    if ((r.type & r.antibodies) != 0)
      throw InputError("invalid_field", field_member(path, "antibodies"),
                       "The patient carries an antigen listed among the antibodies: a patient has no antibody against "
                       "their own antigens");
  }
}

namespace detail {

bool type_allowed(const MatchingProblem& p, Group unit, const MatchRequest& r) {
  const Group must = p.groups[r.group].must_match | p.major;
  if ((unit & ~effective_type(p, r) & must) != 0) return false;  // ABO-D and the group's must-match antigens (sec. 4.3)
  return (unit & r.antibodies) == 0;                             // the patient's antibodies
}

bool age_allowed(const MatchingProblem& p, int age, const MatchRequest& r) {
  if (age < 0) return false;                                     // not yet arrived on the request's day
  if (r.days_ahead > 0 && age >= p.shelf_life) return false;     // outdated by then
  return age <= p.groups[r.group].max_age;                       // eq. (6)
}

PenaltyBreakdown type_terms(const MatchingProblem& p, Group unit, const MatchRequest& r, double v_unit, double v_request) {
  const Group patient = effective_type(p, r);
  PenaltyBreakdown c;
  // pi_1: sum over k in I_j of w_k phi_k(i, j); must-match antigens are never mismatched here.
  if (p.count == MismatchCount::per_unit) c.immunogenicity = p.lambda.immunogenicity * weighted(p, unit & ~patient & p.mismatch);
  // pi_2: v(i) - v(j) on the ABD types.
  c.major_substitution = p.lambda.major_substitution * (v_unit - v_request);
  // pi_3: sum over k in S of w_k zeta_k(i, j), zeta: j carries k, i does not.
  c.minor_substitution = p.lambda.minor_substitution * weighted(p, patient & ~unit & p.substitution);
  return c;
}

PenaltyBreakdown age_terms(const MatchingProblem& p, int age, std::size_t group) {
  const double rho = p.groups[group].young_blood ? 1.0 : 0.0;
  PenaltyBreakdown c;
  // pi_4, eq. (8): -2^{-(G - g_i)/5} (1 - rho(j)).
  c.fifo = fifo_term(p, age) * (1.0 - rho);
  // pi_5: (-g_i/alpha_1 + exp(g_i - alpha_2)) alpha_3 rho(j).
  c.young_blood = young_blood_term(p, age) * rho;
  return c;
}

}  // namespace detail

bool allowed(const MatchingProblem& p, const MatchUnit& u, const MatchRequest& r) {
  return type_allowed(p, u.type, r) && age_allowed(p, u.age, r);
}

// Unit u as it will be on request r's day (match_classes: rule E1's future requests).
MatchUnit on_day(const MatchUnit& u, const MatchRequest& r) { return {u.type, u.age + r.days_ahead}; }

PenaltyBreakdown pair_penalties(const MatchingProblem& p, const MatchUnit& u, const MatchRequest& r, double v_unit,
                                double v_request) {
  PenaltyBreakdown c = type_terms(p, u.type, r, v_unit, v_request);
  const PenaltyBreakdown a = age_terms(p, u.age, r.group);
  c.fifo = a.fifo;
  c.young_blood = a.young_blood;
  return c;
}

// The day's flows over classes of interchangeable units (reps[c]: the type and age of class c,
// counts[c] of them), as match()'s header describes; fills out's summary members (sizes,
// delivered, shortage, costs, uniqueness). Stock held as counts per (type, age) over many
// days has its own layout: match_classes (class_matching.cpp).
struct ClassSolution {
  std::vector<MatchArc> arcs;
  std::vector<int> dummy_arc, x;
  std::vector<bool> fixed;
  bool mip = false;
};

ClassSolution solve_classes(const MatchingProblem& p, const std::vector<MatchUnit>& reps, const std::vector<int>& counts,
                            const MajorUsability& usability, const Progress& progress, Matching& out) {
  const bool per_request = p.count == MismatchCount::per_request;
  const std::size_t n = p.requests.size();
  const std::size_t classes = reps.size();
  std::map<Group, double> v;
  const auto v_of = [&](Group g) {
    auto it = v.find(g & p.major);
    if (it == v.end()) it = v.emplace(g & p.major, std::clamp(usability(g & p.major), 0.0, 1.0)).first;
    return it->second;
  };

  // Nodes: 0 source, 1 sink, 2 the dummy supply of shortages, then unit classes, then requests.
  numeric::FlowNetwork net;
  const int source = 0, sink = 1, dummy = 2;
  net.nodes = 3 + static_cast<int>(classes + n);
  const auto class_node = [&](std::size_t c) { return 3 + static_cast<int>(c); };
  const auto request_node = [&](std::size_t j) { return 3 + static_cast<int>(classes + j); };
  using Arc = MatchArc;
  std::vector<Arc> arcs;
  bool any_charged = false;  // per request: some allowed pair mismatches an antigen pi_1 charges
  std::vector<int> sink_arc(n), dummy_arc(n);
  for (std::size_t j = 0; j < n; ++j) {
    sink_arc[j] = static_cast<int>(net.arcs.size());
    net.arcs.push_back({request_node(j), sink, 0, p.requests[j].units, 0});
    out.units_requested += p.requests[j].units;
  }
  for (std::size_t c = 0; c < classes; ++c) {
    const auto& u = reps[c];
    const int count = counts[c];
    bool any = false;
    for (std::size_t j = 0; j < n; ++j) {
      const MatchUnit at = on_day(u, p.requests[j]);
      if (!allowed(p, at, p.requests[j])) continue;
      if (arcs.size() >= max_match_arcs)
        throw InputError("limit_exceeded", "units",
                         "The units and requests allow more than " + std::to_string(max_match_arcs) +
                             " (unit, request) pairs: split the problem");
      if (!any) net.arcs.push_back({source, class_node(c), 0, count, 0}), any = true;
      const double v_unit = v_of(u.type), v_request = v_of(effective_type(p, p.requests[j]));
      const auto t = pair_penalties(p, at, p.requests[j], v_unit, v_request);
      const double magnitude = t.immunogenicity + p.lambda.major_substitution * (v_unit + v_request) +
                               t.minor_substitution + std::abs(t.fifo) + std::abs(t.young_blood);
      arcs.push_back({c, j, static_cast<int>(net.arcs.size()), t, magnitude});
      any_charged = any_charged || (per_request && charged_mismatch(p, u, p.requests[j]) != 0);
      net.arcs.push_back({class_node(c), request_node(j), 0, std::min(count, p.requests[j].units), 0});
    }
    if (c % 256 == 0) progress.report(0.2 * static_cast<double>(c) / static_cast<double>(classes), "building the network");
  }
  out.arcs = arcs.size();
  for (const auto& a : arcs)
    for (auto f : {&PenaltyBreakdown::immunogenicity, &PenaltyBreakdown::major_substitution,
                   &PenaltyBreakdown::minor_substitution, &PenaltyBreakdown::fifo, &PenaltyBreakdown::young_blood}) {
      const double size = std::abs(a.terms.*f);
      out.largest_term.*f = std::max(out.largest_term.*f, size);
      if (size > 0 && (out.smallest_term.*f == 0 || size < out.smallest_term.*f)) out.smallest_term.*f = size;
    }
  // Per request with nothing charged (ABOD, Limited, or no typed patient that an allowed unit
  // would mismatch), the two counts are the same problem: the flow answers, uniqueness and
  // all. Otherwise the MIP's limit, before the flows and branch and bound.
  const bool mip = per_request && any_charged;
  if (mip && arcs.size() > max_per_request_pairs)
    throw InputError("limit_exceeded", "mismatch_count",
                     "Counting mismatches per request solves a mixed-integer programme, limited to " +
                         std::to_string(max_per_request_pairs) + " allowed (unit, request) pairs (units of one type and "
                         "age count once); these units and requests allow " + std::to_string(arcs.size()) +
                         ": count mismatches per unit, or split the problem");

  // The most requests that real units can meet (the dummy node has no arc in yet).
  progress.report(0.2, "maximum flow");
  out.delivered = numeric::max_flow(net, source, sink).value;
  out.shortage = out.units_requested - out.delivered;
  for (std::size_t j = 0; j < n; ++j) {
    dummy_arc[j] = static_cast<int>(net.arcs.size());
    net.arcs.push_back({dummy, request_node(j), 0, p.requests[j].units, 0});
  }
  std::vector<std::int64_t> supply(static_cast<std::size_t>(net.nodes), 0);
  supply[source] = out.delivered;
  supply[dummy] = out.shortage;
  supply[sink] = -out.units_requested;

  std::vector<int> x(net.arcs.size(), 0);
  std::vector<bool> fixed;
  if (mip) {
    progress.report(0.3, "branch and bound");
    const auto flows = per_request_flows(p, arcs, reps, counts, out.delivered, progress.part(0.3, 0.95), out);
    for (std::size_t a = 0; a < arcs.size(); ++a) {
      x[static_cast<std::size_t>(arcs[a].arc)] = flows[a];
      x[static_cast<std::size_t>(dummy_arc[arcs[a].request])] -= flows[a];
    }
    for (std::size_t j = 0; j < n; ++j) x[static_cast<std::size_t>(dummy_arc[j])] += p.requests[j].units;
    fixed.assign(net.arcs.size(), true);  // not analysed: see uniqueness_analysed
    out.uniqueness_analysed = false;
  } else {
  // Integer costs (header): the finest scale the int64 bounds allow for this day.
  double largest = 0;
  for (const auto& a : arcs) largest = std::max(largest, a.magnitude);
  out.cost_scale = cost_scale_for(largest, net.nodes, out.units_requested);
  const RoundedTerms rounded(p, out.cost_scale, v);
  for (const auto& a : arcs) {
    const MatchUnit u = on_day(reps[a.unit_class], p.requests[a.request]);
    auto& arc = net.arcs[static_cast<std::size_t>(a.arc)];
    arc.cost = rounded.cost(p, u, p.requests[a.request], a.terms.total(), a.magnitude);
    out.rounding_error = std::max(out.rounding_error, std::abs(a.terms.total() - static_cast<double>(arc.cost) / out.cost_scale));
  }
  progress.report(0.4, "minimum cost");
  const auto best = numeric::min_cost_flow(net, supply);  // the scale keeps it from overflowing
  if (best.status != numeric::FlowStatus::optimal)
    solver_error("No flow of the maximum value just found (" + std::string(to_string(best.status)) + ")");
  fixed = numeric::fixed_arcs(net, best.x, best.potential);
  for (const auto& a : arcs)
    if (!fixed[static_cast<std::size_t>(a.arc)]) ++out.varying_arcs;
  for (int a : dummy_arc)
    if (!fixed[static_cast<std::size_t>(a)]) ++out.varying_arcs;
  out.unique = out.varying_arcs == 0;

  // Tie-break (only when there are ties): among the least-cost flows, the one whose units come
  // from the classes listed first (cost = the class's first unit's position). A second pass by
  // a rearrangement cost was tried and dropped when the flows were GLPK's out-of-kilter
  // routine (its large costs took seconds at 1,000 units).
  x = best.x;
  if (!out.unique) {
    std::vector<const Arc*> arc_of(net.arcs.size(), nullptr);
    for (const auto& a : arcs) arc_of[static_cast<std::size_t>(a.arc)] = &a;
    progress.report(0.7, "tie-break: units listed first");
    auto face = numeric::optimal_face(net, best.x, best.potential, supply);
    for (std::size_t k = 0; k < face.arc.size(); ++k) {
      const auto* a = arc_of[face.arc[k]];
      face.network.arcs[k].cost = a ? static_cast<std::int64_t>(a->unit_class) : 0;
    }
    const auto first = numeric::min_cost_flow(face.network, face.supply);
    if (first.status != numeric::FlowStatus::optimal)
      solver_error(std::string("The tie-break failed (") + to_string(first.status) + ")");
    for (bool f : numeric::fixed_arcs(face.network, first.x, first.potential))
      if (!f) out.tie_break_unique = false;
    x = numeric::full_flow(face, first.x);
  }
  out.objective_gap_bound = dual_gap(net, arcs, x, best.potential, out.cost_scale);
  }  // per unit

  return {std::move(arcs), std::move(dummy_arc), std::move(x), std::move(fixed), mip};
}

Matching match(const MatchingProblem& p, const MajorUsability& usability, const Progress& progress) {
  const auto started = std::chrono::steady_clock::now();
  check_matching(p);
  Matching out;
  const std::size_t m = p.units.size(), n = p.requests.size();
  progress.report(0, "building the network");

  // Units of one type and age are interchangeable (every term of c_ij and every rule depends
  // on nothing else): one node per such class, in order of first appearance, with capacity
  // its number of units. Which of a class's units goes where is then list order, and is not
  // called a tie. Far fewer nodes and arcs when types are few (ABOD: at most 8 x (G + 1)).
  std::vector<std::size_t> unit_class(m);
  std::vector<std::vector<std::size_t>> class_units;
  {
    std::map<std::pair<Group, int>, std::size_t> index;
    for (std::size_t i = 0; i < m; ++i) {
      auto [it, added] = index.emplace(std::pair{p.units[i].type, p.units[i].age}, class_units.size());
      if (added) class_units.emplace_back();
      class_units[it->second].push_back(i);
      unit_class[i] = it->second;
    }
  }
  const std::size_t classes = class_units.size();

  std::vector<MatchUnit> reps;
  std::vector<int> counts;
  for (const auto& units : class_units) {
    reps.push_back(p.units[units.front()]);
    counts.push_back(static_cast<int>(units.size()));
  }
  auto solved = solve_classes(p, reps, counts, usability, progress, out);
  const auto& arcs = solved.arcs;
  const auto& x = solved.x;
  const auto& fixed = solved.fixed;
  const auto& dummy_arc = solved.dummy_arc;
  const bool mip = solved.mip;

  // The answer: each class's units, in list order, to its arcs' requests in request order.
  out.unit_request.assign(m, -1);
  out.requests.resize(n);
  for (std::size_t j = 0; j < n; ++j) {
    out.requests[j].delivered = p.requests[j].units - x[static_cast<std::size_t>(dummy_arc[j])];
    out.requests[j].fixed = fixed[static_cast<std::size_t>(dummy_arc[j])];
    out.requests[j].mismatch_units.assign(p.antigens, 0);
  }
  std::vector<std::size_t> next(classes, 0);
  for (const auto& a : arcs) {
    const int flow = x[static_cast<std::size_t>(a.arc)];
    const auto& req = p.requests[a.request];
    const auto& u = p.units[class_units[a.unit_class].front()];
    const Group mismatched = p.groups[req.group].typed ? (u.type & ~req.type) : Group{0};
    const double xa = weighted(p, mismatched);
    for (int k = 0; k < flow; ++k) {
      const std::size_t i = class_units[a.unit_class][next[a.unit_class]++];
      out.pairs.push_back({i, a.request, mismatched, a.terms.total(), fixed[static_cast<std::size_t>(a.arc)]});
      out.unit_request[i] = static_cast<int>(a.request);
      auto& rr = out.requests[a.request];
      rr.mismatched |= mismatched;
      for (std::size_t q = 0; q < p.antigens; ++q)
        if (bit(mismatched, q)) ++rr.mismatch_units[q];
      rr.expected_alloimmunisations += xa;
      out.expected_alloimmunisations += xa;
      out.objective.immunogenicity += a.terms.immunogenicity;
      out.objective.major_substitution += a.terms.major_substitution;
      out.objective.minor_substitution += a.terms.minor_substitution;
      out.objective.fifo += a.terms.fifo;
      out.objective.young_blood += a.terms.young_blood;
    }
  }
  std::sort(out.pairs.begin(), out.pairs.end(), [](const MatchPair& a, const MatchPair& b) { return a.unit < b.unit; });
  if (mip) {
    // pi_1 once per (request, antigen of I_j mismatched by any of its units), from the
    // assignment itself rather than the MIP's y (which only bound it).
    std::vector<Group> charged(n, 0);
    for (const auto& pair : out.pairs)
      charged[pair.request] |= penalised_mismatch(p, p.units[pair.unit], p.requests[pair.request]);
    for (std::size_t j = 0; j < n; ++j) out.objective.immunogenicity += p.lambda.immunogenicity * weighted(p, charged[j]);
    // Costs are not rounded: objective_gap_bound is solve_per_request's (NaN after the time limit).
  } else {
    // Whether the rounding may matter (header): against the smallest of the smaller terms, and
    // against the size of the sum the objective is.
    double smallest = 0, size = 0;
    const auto& low = out.smallest_term;
    for (double t : {low.immunogenicity, low.major_substitution, low.minor_substitution, low.fifo})
      if (t > 0 && (smallest == 0 || t < smallest)) smallest = t;
    for (const auto& pair : out.pairs) size += std::abs(pair.cost);
    out.rounding_material = (smallest > 0 && out.rounding_error > 1e-3 * smallest) || out.objective_gap_bound > 1e-9 * size;
  }
  progress.report(1, "done");
  out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return out;
}

}  // namespace rbc::allocation
