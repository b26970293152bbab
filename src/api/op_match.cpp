// The `match` operation: the daily matching problem of seed 004 (Oyebolu et al. 2024, sec.
// 3.1-3.2, eq. 1-8; rules of sec. 4.3): units (type, age) to requests (a patient's type,
// group, antibodies and number of units) at the least penalty, with hard rules, shortages
// through a dummy supply, and whether the optimum is unique.
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "allocation/matching.hpp"
#include "api/operations.hpp"
#include "api/population_json.hpp"
#include "api/reader.hpp"
#include "common/input_error.hpp"
#include "numeric/linear_program.hpp"
#include "numeric/network_flow.hpp"

namespace rbc::api {

using nlohmann::json;

namespace {

struct MatchFields {
  Field<std::string> preset;
  Field<json> antigens, mismatch_antigens, substitution_antigens, immunogenicity, patient_groups, units, requests;
  Field<double> immunogenicity_weight, major_substitution_weight, minor_substitution_weight, fifo_weight,
      young_blood_weight, alpha1, alpha2, alpha3;
  Field<int> shelf_life;
  Field<std::string> mismatch_count;
  Field<json> recipients;
  std::vector<FieldSpec> specs() const {
    return {preset.spec,
            antigens.spec,
            mismatch_antigens.spec,
            substitution_antigens.spec,
            immunogenicity.spec,
            patient_groups.spec,
            units.spec,
            requests.spec,
            immunogenicity_weight.spec,
            major_substitution_weight.spec,
            minor_substitution_weight.spec,
            fifo_weight.spec,
            young_blood_weight.spec,
            alpha1.spec,
            alpha2.spec,
            alpha3.spec,
            shelf_life.spec,
            mismatch_count.spec,
            recipients.spec};
  }
};

std::vector<std::string> preset_ids() {
  std::vector<std::string> ids;
  for (const auto& p : allocation::match_presets()) ids.push_back(p.id);
  return ids;
}

std::string group_ids() {
  std::string s;
  for (const auto& g : allocation::default_patient_groups()) s += (s.empty() ? "" : ", ") + g.id;
  return s;
}

const MatchFields& fields() {
  static const allocation::MatchingProblem d{};
  const auto weight = [](const char* name, const char* what, const char* source, double value) {
    return number_field(name, what, source, value, 0.0, allocation::max_weight);
  };
  static const MatchFields f{
      string_field("preset",
                   "Which antigens are typed and penalised: abod (A, B, D), limited (rule L0: A B D C c E e K; only "
                   "substitutions of C, c, E, e, K penalised) or extended (rule E0: 17 antigens; mismatches and "
                   "substitutions of the 14 minor antigens penalised).",
                   "seed 004 sec. 4.2-4.3", std::string("extended"), preset_ids()),
      json_field("antigens", "string[]",
                 "Optional: the antigens typed, replacing the preset's (must include A, B and D; antigens of ABO, Rh, "
                 "Kell, Duffy, Kidd and MNS; at most " + std::to_string(allocation::max_match_antigens) + ").",
                 "seed 004 sec. 4.2", false),
      json_field("mismatch_antigens", "string[]",
                 "Optional: I, the antigens whose mismatches pi_1 penalises (replacing the preset's); a patient "
                 "group's must-match antigens are never mismatched.",
                 "seed 004 sec. 3.2, 4.3", false),
      json_field("substitution_antigens", "string[]",
                 "Optional: S, the antigens whose substitutions (patient positive, unit negative) pi_3 penalises.",
                 "seed 004 sec. 3.2, 4.3", false),
      json_field("immunogenicity", "object",
                 "Optional: {antigen: w_k} replacing the default immunogenicities (probabilities in [0, 1]; defaults "
                 "from Evers et al. 2016 as the seed's authors' simulator uses them, listed with their sources in the "
                 "result's antigen_defaults).",
                 "seed 004 sec. 3.2, 4.1", false),
      json_field("patient_groups", "object",
                 "Optional: per patient group id (" + group_ids() +
                     "), {must_match: [antigens], max_age: h (days), young_blood: rho (bool), typed: bool} "
                     "replacing the defaults member by member.",
                 "seed 004 sec. 3.2, 4.2-4.3", false),
      json_field("units", "object[]",
                 "The units in stock: [{\"id\": optional name, \"type\": [antigens present], \"age\": g_i (days, 0 to "
                 "shelf_life)}]; at most " + std::to_string(allocation::max_match_units) + ".",
                 "seed 004 sec. 3.1", true),
      json_field("requests", "object[]",
                 "The requests: [{\"id\": optional name, \"group\": patient group id, \"type\": [the patient's "
                 "antigens], \"antibodies\": [antigens], \"units\": b_j (1 to " +
                     std::to_string(allocation::max_request_units) + ", default 1)}]; at most " +
                     std::to_string(allocation::max_match_requests) + ", and at most " +
                     std::to_string(allocation::max_match_pairs) + " units x requests.",
                 "seed 004 sec. 3.1", true),
      weight("immunogenicity_weight", "lambda_1: weight of the immunogenicity-weighted mismatches pi_1.",
             "seed 004 eq. 7, sec. 3.2", d.lambda.immunogenicity),
      weight("major_substitution_weight", "lambda_2: weight of the major substitution pi_2 (usability difference).",
             "seed 004 eq. 7, sec. 3.2", d.lambda.major_substitution),
      weight("minor_substitution_weight", "lambda_3: weight of the minor substitution pi_3.", "seed 004 eq. 7, sec. 3.2",
             d.lambda.minor_substitution),
      weight("fifo_weight", "lambda_4: weight of the first-in-first-out penalty pi_4 (eq. 8, patients with rho = 0).",
             "seed 004 eq. 7-8", d.lambda.fifo),
      weight("young_blood_weight", "lambda_5: weight of the young-blood penalty pi_5 (patients with rho = 1).",
             "seed 004 eq. 7, sec. 3.2", d.lambda.young_blood),
      number_field("alpha1", "alpha_1 of the young-blood penalty (divides the age).", "seed 004 sec. 3.2", d.alpha.alpha1,
                   0.01, allocation::max_weight),
      weight("alpha2", "alpha_2 of the young-blood penalty.", "seed 004 sec. 3.2", d.alpha.alpha2),
      weight("alpha3", "alpha_3 of the young-blood penalty.", "seed 004 sec. 3.2", d.alpha.alpha3),
      integer_field("shelf_life", "G, the shelf life in days (FIFO penalty, eq. 8; oldest unit).", "seed 004 sec. 3.2",
                    d.shelf_life, 1, allocation::max_match_shelf_life),
      string_field("mismatch_count",
                   "per_unit: pi_1 counts every mismatched unit (the seed, sec. 3.2). per_request: an antigen "
                   "mismatched by any of a request's units counts once for that request (as MINRAR does); solved as "
                   "a mixed-integer programme, for at most " + std::to_string(allocation::max_per_request_pairs) +
                       " allowed (unit, request) pairs and " +
                       std::to_string(static_cast<int>(allocation::per_request_seconds)) +
                       " s; whether the optimum is unique is then not analysed. When no allowed pair carries a "
                       "penalised mismatch (ABOD, Limited) the two counts are the same problem, solved as per unit.",
                   "seed 004 sec. 3.2", std::string("per_unit"), {"per_unit", "per_request"}),
      json_field("recipients", "object | object[]",
                 "Optional: the patient population whose usability of the A, B, D types defines pi_2: {system id: "
                 "population id} or a mixture [{\"weight\", \"populations\"}] (default: thesis Table 4.4).",
                 "seed 004 sec. 3.2; thesis Table 4.4", false),
  };
  return f;
}

std::string set_label(const json& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : " ") + n.get<std::string>();
  return out.empty() ? "(none)" : out;
}

int read_whole(const json& v, const std::string& path, int min, int max, const std::string& what) {
  const double x = read_number(v, path);
  if (x != std::floor(x) || x < min || x > max)
    throw InputError("invalid_field", path,
                     what + " must be a whole number from " + std::to_string(min) + " to " + std::to_string(max) +
                         " (got " + v.dump() + ")");
  return static_cast<int>(x);
}

std::string read_id(ObjectReader& e, const std::string& fallback) {
  if (!e.has("id")) return fallback;
  auto s = read_string(e.member("id"), e.path_of("id"));
  if (s.size() > 64) throw InputError("invalid_field", e.path_of("id"), "An id has at most 64 characters");
  return s;
}

std::string short_number(double x) {
  char text[32];
  std::snprintf(text, sizeof text, "%.3g", x);
  return text;
}

// The warning when rounding the penalties to whole numbers may have changed the answer
// (allocation::Matching::rounding_material), at the weight of the largest term.
void warn_rounding(const allocation::Matching& m, Context& context) {
  using allocation::PenaltyBreakdown;
  struct Term {
    double PenaltyBreakdown::*value;
    const char* name;
    const char* field;
  };
  static const Term terms[] = {
      {&PenaltyBreakdown::immunogenicity, "immunogenicity", "immunogenicity_weight"},
      {&PenaltyBreakdown::major_substitution, "major-substitution", "major_substitution_weight"},
      {&PenaltyBreakdown::minor_substitution, "minor-substitution", "minor_substitution_weight"},
      {&PenaltyBreakdown::fifo, "first-in-first-out", "fifo_weight"},
      {&PenaltyBreakdown::young_blood, "young-blood", "young_blood_weight"}};
  const Term* top = &terms[0];
  for (const auto& t : terms)
    if (m.largest_term.*t.value > m.largest_term.*top->value) top = &t;
  double smallest = 0;
  for (const auto& t : terms)
    if (t.value != &PenaltyBreakdown::young_blood && m.smallest_term.*t.value > 0 &&
        (smallest == 0 || m.smallest_term.*t.value < smallest))
      smallest = m.smallest_term.*t.value;
  const bool young = top->value == &PenaltyBreakdown::young_blood;
  context.warn("penalties_not_resolved",
               std::string("Penalties of very different sizes: the ") + top->name + " penalty of a unit reaches " +
                   short_number(m.largest_term.*top->value) +
                   (smallest > 0 ? ", the smallest immunogenicity, substitution or first-in-first-out penalty is " +
                                       short_number(smallest)
                                 : std::string()) +
                   ". To solve the day in 64-bit whole numbers each unit's penalty is rounded to a multiple of " +
                   short_number(1 / m.cost_scale) +
                   ", so the smaller penalties (immunogenicity, substitutions, first-in-first-out) may not have been "
                   "weighed exactly: a matching better by them may exist (the total shown is within " +
                   short_number(m.objective_gap_bound) +
                   " of the least), and a tie may be reported that is not one, or missed. Lower the " + top->name +
                   " weight" + (young ? " or the maximum age of the patient groups with the young-blood penalty" : "") +
                   ".",
               top->field);
}

json handle(ObjectReader& r, Context& context) {
  const auto& F = fields();
  const auto* preset = allocation::find_match_preset(r.get(F.preset));
  std::vector<std::string> antigens = preset->antigens;
  if (const auto* a = r.get(F.antigens)) antigens = read_string_array(*a, "antigens");
  if (antigens.size() > allocation::max_match_antigens)
    throw InputError("limit_exceeded", "antigens",
                     "At most " + std::to_string(allocation::max_match_antigens) + " antigens can be typed");
  for (const auto& major : allocation::major_antigens())
    if (std::find(antigens.begin(), antigens.end(), major) == antigens.end())
      throw InputError("invalid_field", "antigens", "The antigens typed must include A, B and D (ABO-D compatibility is always a rule)");

  TableWarnings warnings;
  const LoadedMixture recipients = load_mixture(SystemSet::builtin(), r.get(F.recipients), "recipients", nullptr, warnings);
  const auto places = frequency::place_antigens(antigens, recipients.mixture[0].population, "antigens");

  allocation::MatchingProblem p;
  p.antigens = antigens.size();
  p.major = allocation::group_of(allocation::major_antigens(), antigens);
  const auto subset = [&](const Field<json>& field, const std::vector<std::string>& fallback) {
    if (const auto* v = r.get(field)) return read_group(*v, field.spec.name, antigens).bits;
    return allocation::group_of(fallback, antigens);
  };
  p.mismatch = subset(F.mismatch_antigens, preset->mismatch);
  p.substitution = subset(F.substitution_antigens, preset->substitution);

  // w_k: the defaults, then the request's.
  p.immunogenicity.assign(antigens.size(), 0.0);
  json w_out = json::object();
  for (std::size_t a = 0; a < antigens.size(); ++a)
    for (const auto& d : allocation::default_immunogenicity())
      if (d.antigen == antigens[a]) p.immunogenicity[a] = d.w;
  if (const auto* w = r.get(F.immunogenicity)) {
    if (!w->is_object()) throw InputError("invalid_field", "immunogenicity", "immunogenicity must be an object {antigen: w}");
    for (const auto& [name, value] : w->items()) {
      const auto path = field_member("immunogenicity", name);
      const auto it = std::find(antigens.begin(), antigens.end(), name);
      if (it == antigens.end())
        throw InputError("unknown_antigen", path, "'" + name + "' is not one of the antigens typed (" + joined(antigens) + ")");
      const double x = read_number(value, path);
      if (!(x >= 0 && x <= 1))
        throw InputError("invalid_field", path, "The immunogenicity of " + name + " is a probability: it must lie in [0, 1]");
      p.immunogenicity[static_cast<std::size_t>(it - antigens.begin())] = x;
    }
  }
  for (std::size_t a = 0; a < antigens.size(); ++a) w_out[antigens[a]] = p.immunogenicity[a];
  json antigen_defaults = json::array();
  for (const auto& name : antigens) {
    allocation::Immunogenicity d{name, 0, "not in the seed's data: 0", 0, "not in the seed's data: 0"};
    for (const auto& e : allocation::default_immunogenicity())
      if (e.antigen == name) d = e;
    antigen_defaults.push_back({{"antigen", name},
                                {"immunogenicity", d.w},
                                {"source", d.source},
                                {"antibody_share", d.antibody_share},
                                {"antibody_share_source", d.antibody_share_source}});
  }

  p.shelf_life = r.get(F.shelf_life);
  p.lambda = {r.get(F.immunogenicity_weight), r.get(F.major_substitution_weight), r.get(F.minor_substitution_weight),
              r.get(F.fifo_weight), r.get(F.young_blood_weight)};
  p.alpha = {r.get(F.alpha1), r.get(F.alpha2), r.get(F.alpha3)};
  p.count = r.get(F.mismatch_count) == "per_request" ? allocation::MismatchCount::per_request
                                                     : allocation::MismatchCount::per_unit;

  // Patient groups: defaults (must-match sets cut to the antigens typed), then the request's.
  const auto& defaults = allocation::default_patient_groups();
  json groups_out = json::array();
  std::map<std::string, std::size_t> group_index;
  for (const auto& d : defaults) {
    group_index[d.id] = p.groups.size();
    p.groups.push_back({allocation::group_of(d.must_match, antigens) | p.major, d.max_age_is_shelf_life ? p.shelf_life : d.max_age,
                        d.young_blood, d.typed});
  }
  if (const auto* g = r.get(F.patient_groups)) {
    if (!g->is_object()) throw InputError("invalid_field", "patient_groups", "patient_groups must be an object {group id: settings}");
    for (const auto& [id, settings] : g->items()) {
      const auto path = field_member("patient_groups", id);
      const auto it = group_index.find(id);
      if (it == group_index.end())
        throw InputError("invalid_field", path, "'" + id + "' is not a patient group (" + group_ids() + ")");
      auto& pg = p.groups[it->second];
      ObjectReader e(settings, path);
      if (e.has("must_match")) pg.must_match = read_group(e.member("must_match"), e.path_of("must_match"), antigens).bits | p.major;
      if (e.has("max_age"))
        pg.max_age = read_whole(e.member("max_age"), e.path_of("max_age"), 0, p.shelf_life,
                                "The maximum age (days) of " + defaults[it->second].name);
      if (e.has("young_blood")) {
        if (!e.member("young_blood").is_boolean())
          throw InputError("invalid_field", e.path_of("young_blood"), "young_blood must be true or false");
        pg.young_blood = e.member("young_blood").get<bool>();
      }
      if (e.has("typed")) {
        if (!e.member("typed").is_boolean()) throw InputError("invalid_field", e.path_of("typed"), "typed must be true or false");
        pg.typed = e.member("typed").get<bool>();
      }
      e.finish();
    }
  }
  for (std::size_t k = 0; k < defaults.size(); ++k) {
    const auto& pg = p.groups[k];
    groups_out.push_back({{"id", defaults[k].id},
                          {"name", defaults[k].name},
                          {"must_match", names_of(pg.must_match, antigens)},
                          {"max_age", pg.max_age},
                          {"young_blood", pg.young_blood},
                          {"typed", pg.typed},
                          {"source", defaults[k].source}});
  }

  // Units and requests; the limits are checked on the array sizes before anything is read.
  const json& units = read_array(*r.get(F.units), "units");
  const json& requests = read_array(*r.get(F.requests), "requests");
  if (units.size() > allocation::max_match_units || requests.size() > allocation::max_match_requests ||
      units.size() * requests.size() > allocation::max_match_pairs) {
    allocation::MatchingProblem sizes;  // only the sizes, for check_matching's messages
    sizes.units.resize(units.size());
    sizes.requests.resize(requests.size());
    sizes.antigens = 1;
    sizes.immunogenicity = {0.0};
    allocation::check_matching(sizes);
  }
  json units_out = json::array(), requests_out = json::array();
  for (std::size_t i = 0; i < units.size(); ++i) {
    ObjectReader e(units[i], field_index("units", i));
    const std::string id = read_id(e, std::to_string(i + 1));
    const auto type = read_group(e.member("type"), e.path_of("type"), antigens);
    const int age = read_whole(e.member("age"), e.path_of("age"), 0, p.shelf_life,
                               "The age (days) of unit " + id + " (at most the shelf life G)");
    e.finish();
    p.units.push_back({type.bits, age});
    units_out.push_back({{"id", id}, {"type", names_of(type.bits, antigens)}, {"age", age}});
  }
  for (std::size_t j = 0; j < requests.size(); ++j) {
    ObjectReader e(requests[j], field_index("requests", j));
    const std::string id = read_id(e, std::to_string(j + 1));
    const auto group_name = read_string(e.member("group"), e.path_of("group"));
    const auto it = group_index.find(group_name);
    if (it == group_index.end())
      throw InputError("invalid_field", e.path_of("group"),
                       "'" + group_name + "' is not a patient group (" + group_ids() + ")");
    const auto type = read_group(e.member("type"), e.path_of("type"), antigens);
    allocation::Group antibodies = 0;
    if (e.has("antibodies")) {
      antibodies = read_group(e.member("antibodies"), e.path_of("antibodies"), antigens).bits;
      if ((antibodies & type.bits) != 0)
        throw InputError("invalid_field", e.path_of("antibodies"),
                         "Patient " + id + " carries " + set_label(names_of(antibodies & type.bits, antigens)) +
                             ", listed among the antibodies: a patient has no antibody against their own antigens");
    }
    const int b = e.has("units") ? read_whole(e.member("units"), e.path_of("units"), 1, allocation::max_request_units,
                                              "The units requested for patient " + id)
                                 : 1;
    e.finish();
    p.requests.push_back({type.bits, antibodies, it->second, b});
    requests_out.push_back({{"id", id},
                            {"group", group_name},
                            {"type", names_of(type.bits, antigens)},
                            {"antibodies", names_of(antibodies, antigens)},
                            {"units", b}});
  }

  const auto usability = [&](allocation::Group g) {
    std::vector<int> present;
    for (std::size_t a = 0; a < antigens.size(); ++a)
      if ((g >> a) & 1U) present.push_back(static_cast<int>(a));
    return frequency::share(recipients.mixture, places, present, {});
  };
  const auto result = allocation::match(p, usability, context.progress);

  // Per request the MIP's other optima are not looked for: unique and fixed are null, never true.
  const bool analysed = result.uniqueness_analysed;
  const auto maybe = [analysed](const json& v) { return analysed ? v : json(nullptr); };
  json assignment = json::array();
  for (const auto& pair : result.pairs) {
    const json mismatched = names_of(pair.mismatched, antigens);
    assignment.push_back({{"unit", pair.unit},
                          {"request", pair.request},
                          {"unit_id", units_out[pair.unit]["id"]},
                          {"request_id", requests_out[pair.request]["id"]},
                          {"mismatched", mismatched},
                          {"exact", p.units[pair.unit].type == p.requests[pair.request].type},
                          {"cost", pair.cost},
                          {"fixed", maybe(pair.fixed)}});
  }
  for (std::size_t i = 0; i < units_out.size(); ++i) {
    const int q = result.unit_request[i];
    units_out[i]["request"] = q;  // -1: not assigned (null would read as a non-finite number)
  }
  for (std::size_t j = 0; j < requests_out.size(); ++j) {
    const auto& q = result.requests[j];
    json counts = json::object();
    for (std::size_t a = 0; a < antigens.size(); ++a)
      if (q.mismatch_units[a] > 0) counts[antigens[a]] = q.mismatch_units[a];
    requests_out[j]["delivered"] = q.delivered;
    requests_out[j]["shortage"] = p.requests[j].units - q.delivered;
    requests_out[j]["mismatched"] = names_of(q.mismatched, antigens);
    requests_out[j]["mismatch_units"] = counts;
    requests_out[j]["expected_alloimmunisations"] = q.expected_alloimmunisations;
    requests_out[j]["fixed"] = maybe(q.fixed);
    json units_of = json::array();
    for (const auto& pair : result.pairs)
      if (pair.request == j) units_of.push_back(pair.unit);
    requests_out[j]["units_assigned"] = units_of;
  }
  if (!result.unique)
    context.warn("not_unique",
                 "Other matchings are as good: " + std::to_string(result.varying_arcs) +
                     " (unit, request) pairs are in some best matchings but not in others (marked fixed: false). The "
                     "matching shown is the tie-break's: " + std::string(allocation::match_tie_break_rule),
                 "");
  if (!analysed)
    context.warn("uniqueness_not_analysed",
                 "Counting mismatches per request is solved by branch and bound, which does not look for other "
                 "matchings as good: there may be some, so the matching shown is one best matching, not necessarily "
                 "the only one (unique and fixed are null).",
                 "mismatch_count");
  if (!result.proven_optimal)
    context.warn("time_limit",
                 "Branch and bound stopped at its time limit of " +
                     std::to_string(static_cast<int>(allocation::per_request_seconds)) +
                     " s: the matching shown is the best found, not proven the best (status feasible).",
                 "mismatch_count");
  if (result.rounding_material) warn_rounding(result, context);
  if (result.shortage > 0)
    context.warn("shortage",
                 std::to_string(result.shortage) + " of the " + std::to_string(result.units_requested) +
                     " units requested cannot be met with a unit that keeps the hard rules.",
                 "requests");

  const auto& o = result.objective;
  return {{"preset", preset->id},
          {"antigens", antigens},
          {"mismatch_antigens", names_of(p.mismatch, antigens)},
          {"substitution_antigens", names_of(p.substitution, antigens)},
          {"immunogenicity", w_out},
          {"antigen_defaults", std::move(antigen_defaults)},
          {"patient_groups", groups_out},
          {"recipients", recipients.description},
          {"mismatch_count", allocation::to_string(p.count)},
          {"status", result.proven_optimal ? "optimal" : "feasible"},
          {"units_requested", result.units_requested},
          {"delivered", result.delivered},
          {"shortage", result.shortage},
          {"expected_alloimmunisations", result.expected_alloimmunisations},
          {"objective",
           {{"total", o.total()},
            {"immunogenicity", o.immunogenicity},
            {"major_substitution", o.major_substitution},
            {"minor_substitution", o.minor_substitution},
            {"fifo", o.fifo},
            {"young_blood", o.young_blood}}},
          {"objective_gap_bound",
           std::isfinite(result.objective_gap_bound) ? json(result.objective_gap_bound) : json(nullptr)},
          {"unique", maybe(result.unique)},
          {"pairs_allowed", result.arcs},
          {"varying_pairs", maybe(result.varying_arcs)},
          {"tie_break", analysed ? json{{"rule", allocation::match_tie_break_rule}, {"unique", result.tie_break_unique}}
                                 : json(nullptr)},
          {"assignment", std::move(assignment)},
          {"units", std::move(units_out)},
          {"requests", std::move(requests_out)},
          {"solver",
           analysed ? json{{"method", "LEMON " + numeric::lemon_version() +
                                          ": maximum flow (Preflow), then minimum-cost flow (NetworkSimplex) with the "
                                          "shortages on a dummy supply node, and the tie-break"},
                           {"cost_scale", result.cost_scale},
                           {"seconds", result.seconds}}
                    : json{{"method", "LEMON " + numeric::lemon_version() + ": maximum flow (Preflow), then GLPK " +
                                          numeric::glpk_version() +
                                          ": the mixed-integer programme with the units delivered fixed to the "
                                          "maximum flow, by its relaxation (simplex), reduced-cost fixing, and branch "
                                          "and bound (glp_intopt) on its independent parts"},
                           {"cost_scale", nullptr},
                           {"mip", {{"columns", result.mip_columns},
                                    {"rows", result.mip_rows},
                                    {"time_limit_seconds", allocation::per_request_seconds}}},
                           {"seconds", result.seconds}}}};
}

}  // namespace

Operation match_operation() {
  return {"match",
          "Matches units in stock to patients' requests for the day (seed 004): hard rules (ABO-D, the patient "
          "group's must-match antigens, antibodies, maximum age), then the least penalty for immunogenicity-weighted "
          "mismatches, major and minor substitution, first-in-first-out and young blood; shortages when no unit "
          "keeps the rules; says whether the best matching is the only one.",
          "seed 004 sec. 3.1-3.2 (eq. 1-8), 4.1-4.3",
          fields().specs(),
          {{"preset", "string", "The preset used."},
           {"antigens", "string[]", "The antigens typed."},
           {"mismatch_antigens", "string[]", "I, as used."},
           {"substitution_antigens", "string[]", "S, as used."},
           {"immunogenicity", "object", "{antigen: w_k} as used."},
           {"antigen_defaults", "object[]",
            "Per antigen typed, the defaults with their sources: antigen, immunogenicity (w_k), source, antibody_share "
            "(the share of sickle-cell patients with an alloantibody against it, for drawing example patients; the "
            "matching does not use it), antibody_share_source."},
           {"patient_groups", "object[]", "Per group: id, name, must_match, max_age, young_blood, typed, source."},
           {"recipients", "object[]", "The patient population of the usabilities (pi_2)."},
           {"mismatch_count", "string", "per_unit or per_request."},
           {"status", "string",
            "\"optimal\" (shortages make every problem feasible); per_request: \"optimal\" when branch and bound "
            "proved it, \"feasible\" when its time limit stopped it with the best matching found."},
           {"units_requested", "integer", "Sum of b_j."},
           {"delivered", "integer", "Units assigned: the most the hard rules allow, the same in every optimum."},
           {"shortage", "integer", "units_requested - delivered: the dummy supply's units."},
           {"expected_alloimmunisations", "number",
            "xA: sum over the assignment of w_k over the antigens mismatched (every typed antigen)."},
           {"objective", "object",
            "{total, immunogenicity, major_substitution, minor_substitution, fifo, young_blood}: sum of lambda_f pi_f "
            "over the assignment, unrounded; per_request, immunogenicity counts each (request, antigen) once."},
           {"objective_gap_bound", "number",
            "The exact least cost lies in [total - bound, total] (a dual bound: costs are rounded to multiples of 1 / "
            "solver.cost_scale for the flow). per_request with a mismatch charged: the sum of the tolerances of the "
            "parts proven (GLPK's 1e-7 (1 + |objective|) on each part's objective shifted to 0, or the bound's "
            "rounding margin) when optimal, null when feasible."},
           {"unique", "boolean | null",
            "true when no other matching has the same least cost (judged on the costs rounded to multiples of 1 / "
            "solver.cost_scale; a penalties_not_resolved warning says when that may differ from the exact costs); "
            "null per_request when some mismatch is charged (not analysed; with nothing charged, per_request is the "
            "per_unit problem and is analysed)."},
           {"pairs_allowed", "integer", "(unit, request) pairs allowed by the hard rules (d_ij = 1, eq. 5-6)."},
           {"varying_pairs", "integer | null", "Pairs in some least-cost matchings but not all (0 when unique); null when unique is."},
           {"tie_break", "object | null", "{rule, unique}: how the matching shown was chosen among equally good ones; null when unique is."},
           {"assignment", "object[]",
            "Per assigned unit: unit, request (indices), unit_id, request_id, mismatched (antigens), exact (same "
            "type), cost (c_ij; per_request without pi_1, which is charged to the request), fixed (in every optimum; "
            "null when unique is)."},
           {"units", "object[]", "Per unit: id, type, age, request (index, or -1 when unassigned)."},
           {"requests", "object[]",
            "Per request: id, group, type, antibodies, units, delivered, shortage, mismatched, mismatch_units "
            "{antigen: units}, expected_alloimmunisations, fixed (null when unique is), units_assigned."},
           {"solver", "object",
            "{method, cost_scale, seconds}: cost_scale, a power of ten, as fine as 64-bit integers allow for the day "
            "(below 1 when the penalties are huge); per_request with a mismatch charged, cost_scale is null and mip "
            "gives {columns, rows, time_limit_seconds}."}},
          true,
          handle};
}

}  // namespace rbc::api
