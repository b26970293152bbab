// The `simulate_issuing` and `merge_issuing` operations: the issuing simulation of seed 004
// (sec. 4, Fig. 1) and thesis ch. 6 (sec. 6.4-6.5) over many days and replications
// (src/issuing), and the merge of results of ranges of replications into the single run's.
//
// A request starts from a preset (seed 004's scenario, or thesis ch. 6's) and replaces whole
// fields of it. The result carries the scenario as run (every field, the preset's included),
// each replication's whole-number sums, and the summary computed from them, so results of
// ranges run anywhere merge into exactly the answer of one run.
#include <cmath>
#include <map>
#include <optional>

#include "allocation/matching.hpp"
#include "api/operations.hpp"
#include "api/population_json.hpp"
#include "api/reader.hpp"
#include "common/input_error.hpp"
#include "issuing/donor_tables.hpp"
#include "issuing/summary.hpp"

namespace rbc::api {

using nlohmann::json;

namespace {

const std::vector<std::string> major_names = {"O-", "A-", "B-", "AB-", "O+", "A+", "B+", "AB+"};

// Seed 004's African tables. Duffy is its simulator's, which counts Fy(a-b-) as Fy(a-b+)
// (docs/methods/issuing-simulation.md: with the thesis's 68 % Fy(a-b-), Fya and Fyb mismatches
// made most of xA under E0 and E1); the others are the same numbers as the simulator's.
const json& african() {
  static const json a = {{"abo", "abo/african-reid-2012"},   {"rh", "rh/african-aabb-2008"},
                         {"kell", "kell/african-reid-2012"}, {"duffy", "duffy/african-oyebolu-2024"},
                         {"kidd", "kidd/african-reid-2012"}, {"mns", "mns/african-reid-2012"}};
  return a;
}

// The presets: whole requests, every number with its source (docs/methods/issuing-simulation.md).
const json& preset(const std::string& id) {
  static const json seed004 = [] {
    json antigens = allocation::major_antigens();
    for (const auto& a : allocation::minor_antigens()) antigens.push_back(a);
    return json{
        {"antigens", antigens},  // sec. 4.2: A_MAJ and A_MIN
        {"shelf_life", 35},      // NOTES.md, seed 004's inputs
        {"warm_up_days", 126},   // sec. 5.1: 18 weeks
        {"days", 42},            // sec. 4.2: six weeks (the simulator's parameter file: 168)
        {"seed", 1},
        {"replications", 2},
        {"trace_replication", 0},
        {"supply", {{"rule", "fixed"}, {"mean", 3500}}},                 // NOTES.md: 3,500 a day
        {"initial_stock", {{"units", 26500}, {"max_age", 0}}},           // NOTES.md: 30,000 - 3,500
        // sec. 4.2: donors and non-SCD patients 99 % European, 1 % African ancestry; donors'
        // A, B, D, C, c, E, e jointly from NHSBT donations (issuing/donor_tables.cpp).
        {"donors", json::array({{{"weight", 0.99}, {"populations", json::object()}, {"joint", "nhsbt-abdcce-european"}},
                                {{"weight", 0.01}, {"populations", african()}, {"joint", "nhsbt-abdcce-african"}}})},
        {"recipients", json::array({{{"weight", 0.99}, {"populations", json::object()}}, {{"weight", 0.01}, {"populations", african()}}})},
        {"demand",
         json::array({
             // NOTES.md: 33 appointments of 10 units; sec. 4.2: SCD patients of African ancestry, with antibodies.
             {{"id", "sickle_cell"}, {"group", "sickle_cell"}, {"requests", {{"law", "fixed"}, {"mean", 33}}}, {"units", 10},
              {"population", african()}, {"antibodies", true}, {"booked", true}},
             // NOTES.md: the rest of the 3,500, typed for A, B, D only, split by fixed A, B, D shares:
             // those the matching-rules experiments' parameter files name (HDSci/BloodMatcher-WSC24
             // scratch/paramfiles/matching-rules/exp3*.py: data/bloodgroup_frequencies/ABD_old_dummy_demand.tsv).
             {{"id", "other"}, {"group", "other"}, {"requests", {{"law", "fixed"}, {"mean", 3170}}}, {"units", 1},
              {"major_shares", {{"O-", 0.073542}, {"O+", 0.366958}, {"B-", 0.015168}, {"B+", 0.076632}, {"A-", 0.071665},
                                {"A+", 0.356035}, {"AB-", 0.006682}, {"AB+", 0.033318}}},
              // Not booked: E1 "anticipates five future days of SCD patient appointments" (sec.
              // 4.3). Booking these too (the authors' demand generator forecasts them) put E1
              // above E0 at full scale (docs/methods/issuing-simulation.md).
              {"proportional", true}, {"booked", false}},
         })},
        // sec. 4.3: L0, E0 and E1. E1 as the authors' E1 parameter file (matching-rules/
        // exp3-forecasting.py) has it, which agrees with the text: 5 days of requests, 1 day of
        // donations, 0.966 of them arriving ("97%").
        {"policies", json::array({{{"label", "L0"}, {"method", "match"}, {"rule", "limited"}},
                                  {{"label", "E0"}, {"method", "match"}, {"rule", "extended"}},
                                  {{"label", "E1"}, {"method", "match"}, {"rule", "extended"},
                                   {"forecast", {{"request_days", 5}, {"unit_days", 1}, {"arrival_share", 0.966}}}}})},
    };
  }();
  static const json thesis = json{
      {"antigens", {"A", "B", "D", "C", "c", "E", "e", "K"}},  // sec. 6.5.1: A2
      {"shelf_life", 35},                                     // R = 35
      {"warm_up_days", 56},                                   // sec. 6.5.1
      {"days", 365},                                          // sec. 6.5.1: one year
      {"seed", 1},
      {"replications", 2},
      {"trace_replication", 0},
      // k = 1 week of stock at our 1,000 units a day (the thesis gives no volume).
      {"supply", {{"rule", "order_up_to"}, {"level", 7000}}},
      {"initial_stock", {{"units", 7000}, {"max_age", 6}}},  // sec. 6.5.1: uniform, 0 to k weeks old
      {"demand", json::array({{{"id", "all"}, {"group", "other"}, {"requests", {{"law", "poisson"}, {"mean", 1000}}}, {"units", 1}}})},
      {"patient_groups", {{"other", {{"typed", true}}}}},
      {"policies", json::array({{{"label", "FIFO (gamma 0)"}, {"method", "allocate"}, {"gamma", 0}, {"cost", "exponential"}},
                                {{"label", "MROL (gamma 1)"}, {"method", "allocate"}, {"gamma", 1}, {"cost", "exponential"}},
                                {{"label", "FIFO/MROL (gamma 1/2)"}, {"method", "allocate"}, {"gamma", 0.5}, {"cost", "exponential"}}})},
  };
  // Seed 004's scenario at 1/33 of its size (106 units a day, one appointment of 10 units):
  // the same rules and populations, seconds instead of minutes.
  static const json seed004_small = [] {
    json s = seed004;
    s["supply"]["mean"] = 106;
    s["initial_stock"]["units"] = 803;
    s["demand"][0]["requests"]["mean"] = 1;
    s["demand"][1]["requests"]["mean"] = 96;
    return s;
  }();
  return id == "thesis" ? thesis : id == "seed004" ? seed004 : seed004_small;
}

struct SimulateFields {
  Field<std::string> preset;
  Field<json> antigens;
  Field<int> shelf_life, warm_up_days, days;
  Field<double> seed;
  Field<int> first_replication, replications, trace_replication;
  Field<json> supply, initial_stock, donors, recipients, demand, patient_groups, immunogenicity, policies;
  std::vector<FieldSpec> specs() const {
    return {preset.spec,       antigens.spec,   shelf_life.spec,     warm_up_days.spec,   days.spec,
            seed.spec,         first_replication.spec, replications.spec, trace_replication.spec, supply.spec,
            initial_stock.spec, donors.spec,    recipients.spec,     demand.spec,         patient_groups.spec,
            immunogenicity.spec, policies.spec};
  }
};

const SimulateFields& fields() {
  static const SimulateFields f{
      string_field("preset",
                   "The scenario every field not given comes from: seed004 (Oyebolu et al.: 3,500 units a day, 33 "
                   "sickle-cell appointments of 10 units, 26,500 units at the start, 18 weeks' warm-up, 6 weeks "
                   "measured, rules L0, E0 and E1 (forecasting); about a minute per replication and policy), seed004_small (the same "
                   "at 1/33 of the size: 106 units a day, one appointment) or thesis (ch. 6: antigens A2, one week of "
                   "stock at 1,000 units a day, a year, gamma 0, 1 and 1/2).",
                   "seed 004 sec. 4.2, 5.1; thesis sec. 6.5.1", std::string("seed004_small"),
                   {"seed004_small", "seed004", "thesis"}),
      json_field("antigens", "string[]",
                 "The antigens typed (donors and typed patients), A, B and D among them; at most " +
                     std::to_string(allocation::max_match_antigens) + ".",
                 "seed 004 sec. 4.2; thesis sec. 6.5.1", false),
      integer_field("shelf_life", "G (thesis R): a unit can be issued at ages 0 to G - 1 days and outdates at G.",
                    "seed 004 sec. 3.2; thesis sec. 6.5.1", 35, 1, allocation::max_match_shelf_life),
      integer_field("warm_up_days", "Days simulated before the measured days and not counted.",
                    "seed 004 sec. 5.1; thesis sec. 6.5.1", 126, 0, issuing::max_days - 1),
      integer_field("days", "Measured days (warm-up plus measured at most " + std::to_string(issuing::max_days) + ").",
                    "seed 004 sec. 4.2; thesis sec. 6.5.1", 42, 1, issuing::max_days),
      number_field("seed", "The random seed: the same seed gives the same numbers natively and in the browser.", "", 1,
                   0.0, 9007199254740991.0),
      integer_field("first_replication",
                    "The first replication of this run: replications are numbered from 0, each with its own random "
                    "stream, so a range can run anywhere and be merged (merge_issuing).",
                    "", 0, 0, issuing::max_replication_index - 1),
      integer_field("replications", "How many replications this run simulates (from first_replication).", "", 2, 1,
                    issuing::max_replications),
      integer_field("trace_replication", "The replication whose daily trace is returned, when in this run (-1: none).",
                    "", 0, -1, issuing::max_replication_index - 1),
      json_field("supply", "object",
                 "Donations: {rule: fixed | poisson | negative_binomial (mean units a day; dispersion r, variance mean + "
                 "mean^2 / r) | order_up_to (level: the stock after outdating is brought back to this many units), "
                 "weekday: [7 factors of the mean, Monday first]}.",
                 "seed 004 sec. 4.2; thesis sec. 6.4.3", false),
      json_field("initial_stock", "object",
                 "{units, max_age}: the stock before day 1, drawn from the donors, ages uniform on 0 to max_age; at most " +
                     std::to_string(issuing::max_stock_units) + " units.",
                 "NOTES.md (seed 004's inputs); thesis sec. 6.5.1", false),
      json_field("donors", "object | object[]",
                 "The donor population: {system id: population id} or a mixture [{weight, populations, joint}] "
                 "(systems not named: thesis Table 4.4). joint (optional) replaces the systems it covers by a joint "
                 "table: nhsbt-abdcce-european or nhsbt-abdcce-african (NHSBT donations' A, B, D, C, c, E, e, as seed "
                 "004's authors published them), or {antigens, types: [[antigens present], ...], frequencies}.",
                 "seed 004 sec. 4.2; thesis Table 4.4", false),
      json_field("recipients", "object | object[]",
                 "The patient population of the usabilities (match's pi_2, allocate's Delta, Table 6.5's classes).",
                 "seed 004 sec. 3.2; thesis Definition 6.1", false),
      json_field("demand", "object[]",
                 "Demand streams, one per patient group: [{id, group (patient group id), requests: {law: fixed | poisson | "
                 "negative_binomial, mean, dispersion, weekday}, units: b or [P(b = 1), P(b = 2), ...], population "
                 "(patients' types) or major_shares {\"O-\": share, ...} (groups typed for A, B, D only), proportional "
                 "(split the day's requests by the shares exactly), antibodies: true (seed 004's shares) | false | "
                 "{antigen: share}, booked: true when the requests are known ahead (appointments; forecast by rule E1)}]; "
                 "at most " +
                     std::to_string(issuing::max_demand_streams) + ".",
                 "seed 004 sec. 4.2; thesis sec. 6.4.2", false),
      json_field("patient_groups", "object",
                 "Per patient group id, {must_match, max_age, young_blood, typed} replacing the defaults (as in match).",
                 "seed 004 sec. 3.2, 4.2-4.3", false),
      json_field("immunogenicity", "object", "{antigen: w_k} replacing the defaults (xA and match's penalties).",
                 "seed 004 sec. 4.1", false),
      json_field("policies", "object[]",
                 "1 to " + std::to_string(issuing::max_policies) +
                     " policies compared on the same random numbers: {label, method: match (rule: abod | limited | "
                     "extended, or mismatch_antigens / substitution_antigens; weights {immunogenicity, "
                     "major_substitution, minor_substitution, fifo, young_blood}; alpha1, alpha2, alpha3; forecast "
                     "(rule E1): {request_days: booked requests due in the next 1 to this many days join the day's "
                     "matching, unit_days: so do the next days' donations, arrival_share: the share of the donations "
                     "forecast that arrive, e.g. 0.966}; units planned for later requests stay in stock) | allocate "
                     "(gamma, cost: linear | exponential, alpha, beta)}.",
                 "seed 004 sec. 3.2, 4.3; thesis eq. 6.1, 6.9-6.10", false),
  };
  return f;
}

// ---- Reading ----

// A bound as people write it: "14", not json's "14.0".
std::string bound_text(double x) {
  return x == std::floor(x) && std::abs(x) < 9e15 ? std::to_string(static_cast<std::int64_t>(x)) : json(x).dump();
}

double whole(const json& v, const std::string& path, double min, double max, const std::string& what) {
  const double x = read_number(v, path);
  if (x != std::floor(x) || x < min || x > max)
    throw InputError(x > max ? "limit_exceeded" : "invalid_field", path,
                     what + " must be a whole number from " + bound_text(min) + " to " + bound_text(max) + " (got " +
                         v.dump() + ")");
  return x;
}

issuing::CountModel read_count(const json& v, const std::string& path, const std::string& what, bool allow_order = false,
                               issuing::SupplyModel* supply = nullptr) {
  ObjectReader e(v, path);
  issuing::CountModel m;
  const std::string key = e.has("law") ? "law" : "rule";
  const std::string law = e.has(key) ? read_string(e.member(key), e.path_of(key)) : "poisson";
  if (law == "fixed") m.law = issuing::CountLaw::fixed;
  else if (law == "poisson") m.law = issuing::CountLaw::poisson;
  else if (law == "negative_binomial") m.law = issuing::CountLaw::negative_binomial;
  else if (!(allow_order && law == "order_up_to"))
    throw InputError("invalid_field", e.path_of(key),
                     what + ": '" + law + "' is not one of fixed, poisson, negative_binomial" +
                         (allow_order ? ", order_up_to" : ""));
  if (law == "order_up_to") {
    supply->rule = issuing::SupplyRule::order_up_to;
    supply->level = static_cast<std::int64_t>(whole(e.member("level"), e.path_of("level"), 0,
                                                    static_cast<double>(issuing::max_stock_units), "The order-up-to level"));
  } else {
    m.mean = read_number(e.member("mean"), e.path_of("mean"));
    if (!(m.mean >= 0 && m.mean <= issuing::max_count_mean))
      throw InputError(m.mean > issuing::max_count_mean ? "limit_exceeded" : "invalid_field", e.path_of("mean"),
                       what + ": the mean a day must lie in [0, 1000000]");
  }
  if (e.has("dispersion")) m.dispersion = read_number(e.member("dispersion"), e.path_of("dispersion"));
  if (m.law == issuing::CountLaw::negative_binomial && !(m.dispersion > 0 && m.dispersion <= 1e9))
    throw InputError("invalid_field", e.path_of("dispersion"), what + ": the dispersion must be above 0");
  if (e.has("weekday")) {
    const auto w = read_number_array(e.member("weekday"), e.path_of("weekday"));
    if (w.size() != 7) throw InputError("invalid_field", e.path_of("weekday"), what + ": give 7 weekday factors, Monday first");
    for (std::size_t d = 0; d < 7; ++d) {
      if (!(w[d] >= 0 && w[d] <= 10))
        throw InputError("invalid_field", field_index(e.path_of("weekday"), d), what + ": a weekday factor lies in [0, 10]");
      m.weekday[d] = w[d];
    }
  }
  e.finish();
  return m;
}

// A donor component's joint table: a built-in id (issuing/donor_tables.hpp) or {antigens,
// types: [[antigens present], ...], frequencies}. Antigens of the table not typed in the
// scenario are summed out (eq. 4.10); rows whose antigens the scenario does not type merge.
issuing::JointTable read_joint(const json& v, const std::string& path, const std::vector<std::string>& antigens) {
  std::vector<std::string> names;
  std::vector<std::pair<std::vector<std::string>, double>> rows;
  if (v.is_string()) {
    const auto* t = issuing::find_joint_table(v.get<std::string>());
    if (!t) {
      std::vector<std::string> ids;
      for (const auto& k : issuing::joint_tables()) ids.push_back(k.id);
      throw InputError("invalid_field", path, "'" + v.get<std::string>() + "' is not a joint donor table (" + joined(ids) + ")");
    }
    names = t->antigens;
    for (const auto& [bits, f] : t->rows) {
      std::vector<std::string> present;
      for (std::size_t k = 0; k < names.size(); ++k)
        if ((bits >> k) & 1U) present.push_back(names[k]);
      rows.emplace_back(std::move(present), f);
    }
  } else {
    ObjectReader e(v, path);
    names = read_string_array(e.member("antigens"), e.path_of("antigens"));
    const json& types = read_array(e.member("types"), e.path_of("types"));
    const auto freqs = read_number_array(e.member("frequencies"), e.path_of("frequencies"));
    if (types.size() != freqs.size() || types.size() > issuing::max_joint_rows)
      throw InputError(types.size() > issuing::max_joint_rows ? "limit_exceeded" : "invalid_field", e.path_of("frequencies"),
                       "Give one frequency per type, at most " + std::to_string(issuing::max_joint_rows) + " types");
    for (std::size_t k = 0; k < types.size(); ++k) {
      auto present = read_string_array(types[k], field_index(e.path_of("types"), k));
      for (const auto& name : present)
        if (std::find(names.begin(), names.end(), name) == names.end())
          throw InputError("unknown_antigen", field_index(e.path_of("types"), k), "'" + name + "' is not one of the table's antigens");
      rows.emplace_back(std::move(present), freqs[k]);
    }
    e.finish();
  }
  issuing::JointTable t;
  t.antigens = allocation::group_of(names, antigens);
  std::map<allocation::Group, std::size_t> row_of;
  for (const auto& [present, f] : rows) {
    const auto g = allocation::group_of(present, antigens);
    auto [it, added] = row_of.emplace(g, t.types.size());
    if (added) t.types.push_back(g), t.frequencies.push_back(0);
    t.frequencies[it->second] += f;
  }
  if (t.antigens == 0) t.types.clear(), t.frequencies.clear();  // the scenario types none of its antigens
  return t;
}

int read_int(ObjectReader& r, const Field<int>& field, const json& base) {
  if (r.has(field.spec.name)) return r.get(field);
  return base.at(field.spec.name).get<int>();
}

// The request's value of a structured field, else the preset's, else null (then left out of
// the scenario echoed, which holds no null).
const json& pick(ObjectReader& r, const Field<json>& field, const json& base, json& scenario) {
  static const json none = nullptr;
  const json* v = r.get(field);
  if (!v && base.contains(field.spec.name)) v = &base.at(field.spec.name);
  if (!v || v->is_null()) return none;
  scenario[field.spec.name] = *v;
  return scenario[field.spec.name];
}

struct Built {
  issuing::Scenario scenario;
  json echo;  // the scenario as run: every field, for the result and for merging
};

Built build(ObjectReader& r) {
  const auto& F = fields();
  Built b;
  auto& s = b.scenario;
  json& echo = b.echo;
  const std::string preset_id = r.get(F.preset);
  const json& base = preset(preset_id);
  echo["preset"] = preset_id;
  s.antigens = read_string_array(pick(r, F.antigens, base, echo), "antigens");
  if (s.antigens.size() > allocation::max_match_antigens)
    throw InputError("limit_exceeded", "antigens", "At most " + std::to_string(allocation::max_match_antigens) + " antigens");
  for (const auto& m : allocation::major_antigens())
    if (std::find(s.antigens.begin(), s.antigens.end(), m) == s.antigens.end())
      throw InputError("invalid_field", "antigens", "The antigens typed must include A, B and D");
  s.major = allocation::group_of(allocation::major_antigens(), s.antigens);
  s.shelf_life = read_int(r, F.shelf_life, base);
  s.warm_up_days = read_int(r, F.warm_up_days, base);
  s.days = read_int(r, F.days, base);
  echo["shelf_life"] = s.shelf_life;
  echo["warm_up_days"] = s.warm_up_days;
  echo["days"] = s.days;
  const double seed = r.has("seed") ? r.get(F.seed) : base.at("seed").get<double>();
  if (seed != std::floor(seed)) throw InputError("invalid_field", "seed", "The seed must be a whole number");
  s.seed = static_cast<std::uint64_t>(seed);
  echo["seed"] = s.seed;

  TableWarnings warnings;
  const json& donors_given = pick(r, F.donors, base, echo);
  // A component's joint table is read here, after the systems (below); load_mixture reads the rest.
  json donors_json = donors_given;
  std::vector<std::pair<std::size_t, json>> joint_json;
  if (donors_json.is_array())
    for (std::size_t c = 0; c < donors_json.size(); ++c)
      if (donors_json[c].is_object() && donors_json[c].contains("joint")) {
        joint_json.emplace_back(c, donors_json[c]["joint"]);
        donors_json[c].erase("joint");
      }
  const auto donors = load_mixture(SystemSet::builtin(), donors_json.is_null() ? nullptr : &donors_json, "donors", nullptr, warnings);
  const json& recipients_json = pick(r, F.recipients, base, echo);
  const auto recipients =
      load_mixture(SystemSet::builtin(), recipients_json.is_null() ? nullptr : &recipients_json, "recipients", nullptr, warnings);
  s.donors = donors.mixture;
  s.recipients = recipients.mixture;
  s.places = frequency::place_antigens(s.antigens, s.donors[0].population, "antigens");
  if (!joint_json.empty()) {
    s.donor_joint.assign(s.donors.size(), issuing::JointTable{});
    for (const auto& [c, j] : joint_json)
      s.donor_joint[c] = read_joint(j, field_member(field_index("donors", c), "joint"), s.antigens);
  }

  // Immunogenicity: the defaults, then the request's.
  s.immunogenicity.assign(s.antigens.size(), 0.0);
  for (std::size_t a = 0; a < s.antigens.size(); ++a)
    for (const auto& d : allocation::default_immunogenicity())
      if (d.antigen == s.antigens[a]) s.immunogenicity[a] = d.w;
  if (const json& w = pick(r, F.immunogenicity, base, echo); !w.is_null()) {
    if (!w.is_object()) throw InputError("invalid_field", "immunogenicity", "immunogenicity must be an object {antigen: w}");
    for (const auto& [name, value] : w.items()) {
      const auto path = field_member("immunogenicity", name);
      const auto it = std::find(s.antigens.begin(), s.antigens.end(), name);
      if (it == s.antigens.end())
        throw InputError("unknown_antigen", path, "'" + name + "' is not one of the antigens typed (" + joined(s.antigens) + ")");
      const double x = read_number(value, path);
      if (!(x >= 0 && x <= 1)) throw InputError("invalid_field", path, "The immunogenicity of " + name + " must lie in [0, 1]");
      s.immunogenicity[static_cast<std::size_t>(it - s.antigens.begin())] = x;
    }
  }

  // Patient groups: match's defaults, then the request's.
  std::map<std::string, std::size_t> group_index;
  for (const auto& d : allocation::default_patient_groups()) {
    group_index[d.id] = s.groups.size();
    s.groups.push_back({allocation::group_of(d.must_match, s.antigens) | s.major, d.max_age_is_shelf_life ? s.shelf_life : std::min(d.max_age, s.shelf_life),
                        d.young_blood, d.typed});
    s.group_ids.push_back(d.id);
  }
  if (const json& g = pick(r, F.patient_groups, base, echo); !g.is_null()) {
    if (!g.is_object()) throw InputError("invalid_field", "patient_groups", "patient_groups must be an object {group id: settings}");
    for (const auto& [id, settings] : g.items()) {
      const auto path = field_member("patient_groups", id);
      const auto it = group_index.find(id);
      if (it == group_index.end()) throw InputError("invalid_field", path, "'" + id + "' is not a patient group");
      auto& pg = s.groups[it->second];
      ObjectReader e(settings, path);
      if (e.has("must_match")) pg.must_match = read_group(e.member("must_match"), e.path_of("must_match"), s.antigens).bits | s.major;
      if (e.has("max_age"))
        pg.max_age = static_cast<int>(whole(e.member("max_age"), e.path_of("max_age"), 0, s.shelf_life, "The maximum age (days)"));
      for (const char* flag : {"young_blood", "typed"})
        if (e.has(flag)) {
          if (!e.member(flag).is_boolean()) throw InputError("invalid_field", e.path_of(flag), std::string(flag) + " must be true or false");
          (std::string(flag) == "typed" ? pg.typed : pg.young_blood) = e.member(flag).get<bool>();
        }
      e.finish();
    }
  }

  // Supply and the initial stock.
  s.supply.count = read_count(pick(r, F.supply, base, echo), "supply", "Donations", true, &s.supply);
  {
    ObjectReader e(pick(r, F.initial_stock, base, echo), "initial_stock");
    s.initial_stock = static_cast<std::int64_t>(
        whole(e.member("units"), e.path_of("units"), 0, static_cast<double>(issuing::max_stock_units), "The initial stock"));
    s.initial_max_age = e.has("max_age") ? static_cast<int>(whole(e.member("max_age"), e.path_of("max_age"), 0, s.shelf_life - 1,
                                                                  "The age of the oldest initial unit (days)"))
                                         : 0;
    e.finish();
  }

  // Demand streams.
  const json& demand = read_array(pick(r, F.demand, base, echo), "demand");
  if (demand.size() > static_cast<std::size_t>(issuing::max_demand_streams))
    throw InputError("limit_exceeded", "demand", "At most " + std::to_string(issuing::max_demand_streams) + " demand streams");
  for (std::size_t k = 0; k < demand.size(); ++k) {
    const auto path = field_index("demand", k);
    ObjectReader e(demand[k], path);
    issuing::DemandStream d;
    d.id = e.has("id") ? read_string(e.member("id"), e.path_of("id")) : "stream " + std::to_string(k + 1);
    const std::string group = read_string(e.member("group"), e.path_of("group"));
    const auto it = group_index.find(group);
    if (it == group_index.end()) throw InputError("invalid_field", e.path_of("group"), "'" + group + "' is not a patient group");
    d.patient_group = it->second;
    d.requests = read_count(e.member("requests"), e.path_of("requests"), "Requests of " + d.id);
    if (e.has("units")) {
      const json& u = e.member("units");
      if (u.is_number()) {
        const int b = static_cast<int>(whole(u, e.path_of("units"), 1, issuing::max_units_per_request, "The units per request"));
        d.units_per_request.assign(static_cast<std::size_t>(b), 0.0);
        d.units_per_request.back() = 1;
      } else {
        d.units_per_request = read_number_array(u, e.path_of("units"));
      }
    } else {
      d.units_per_request = {1};
    }
    if (e.has("population")) {
      d.population = load_mixture(SystemSet::builtin(), &e.member("population"), e.path_of("population"), nullptr, warnings).mixture;
    } else if (!e.has("major_shares")) {
      d.population = s.recipients;
    }
    if (e.has("major_shares")) {
      const json& m = e.member("major_shares");
      if (!m.is_object()) throw InputError("invalid_field", e.path_of("major_shares"), "major_shares must be an object {\"O-\": share, ...}");
      d.major_shares.assign(8, 0.0);
      for (const auto& [name, value] : m.items()) {
        const auto at = std::find(major_names.begin(), major_names.end(), name);
        if (at == major_names.end())
          throw InputError("invalid_field", field_member(e.path_of("major_shares"), name),
                           "'" + name + "' is not an A, B, D type (O-, A-, B-, AB-, O+, A+, B+, AB+)");
        d.major_shares[static_cast<std::size_t>(at - major_names.begin())] = read_number(value, field_member(e.path_of("major_shares"), name));
      }
    }
    if (e.has("proportional")) {
      if (!e.member("proportional").is_boolean()) throw InputError("invalid_field", e.path_of("proportional"), "proportional must be true or false");
      d.proportional = e.member("proportional").get<bool>();
    }
    if (e.has("booked")) {
      if (!e.member("booked").is_boolean()) throw InputError("invalid_field", e.path_of("booked"), "booked must be true or false");
      d.booked = e.member("booked").get<bool>();
    }
    if (e.has("antibodies")) {
      const json& a = e.member("antibodies");
      if (a.is_boolean()) {
        if (a.get<bool>())
          for (const auto& name : s.antigens) {
            double share = 0;
            for (const auto& w : allocation::default_immunogenicity())
              if (w.antigen == name) share = w.antibody_share;
            d.antibody_share.push_back(share);
          }
      } else if (a.is_object()) {
        d.antibody_share.assign(s.antigens.size(), 0.0);
        for (const auto& [name, value] : a.items()) {
          const auto p = field_member(e.path_of("antibodies"), name);
          const auto at = std::find(s.antigens.begin(), s.antigens.end(), name);
          if (at == s.antigens.end()) throw InputError("unknown_antigen", p, "'" + name + "' is not one of the antigens typed");
          d.antibody_share[static_cast<std::size_t>(at - s.antigens.begin())] = read_number(value, p);
        }
      } else {
        throw InputError("invalid_field", e.path_of("antibodies"), "antibodies must be true, false or {antigen: share}");
      }
    }
    e.finish();
    s.demand.push_back(std::move(d));
  }

  // Policies.
  const json& policies = read_array(pick(r, F.policies, base, echo), "policies");
  if (policies.size() > static_cast<std::size_t>(issuing::max_policies))
    throw InputError("limit_exceeded", "policies", "At most " + std::to_string(issuing::max_policies) + " policies");
  for (std::size_t k = 0; k < policies.size(); ++k) {
    const auto path = field_index("policies", k);
    ObjectReader e(policies[k], path);
    issuing::Policy p;
    p.label = e.has("label") ? read_string(e.member("label"), e.path_of("label")) : "policy " + std::to_string(k + 1);
    const std::string method = e.has("method") ? read_string(e.member("method"), e.path_of("method")) : "match";
    if (method == "allocate") {
      p.method = issuing::Method::allocate;
      if (e.has("gamma")) p.cost.gamma = read_number(e.member("gamma"), e.path_of("gamma"));
      if (!(p.cost.gamma >= 0 && p.cost.gamma <= 1)) throw InputError("invalid_field", e.path_of("gamma"), "gamma must lie in [0, 1]");
      if (e.has("cost")) {
        const std::string c = read_string(e.member("cost"), e.path_of("cost"));
        if (c != "linear" && c != "exponential") throw InputError("invalid_field", e.path_of("cost"), "cost is linear or exponential");
        p.cost.shape = c == "exponential" ? allocation::CostShape::exponential : allocation::CostShape::linear;
      }
      for (const char* name : {"alpha", "beta"})
        if (e.has(name)) {
          const double x = read_number(e.member(name), e.path_of(name));
          if (!(x >= 0 && x <= 100)) throw InputError("invalid_field", e.path_of(name), std::string(name) + " must lie in [0, 100]");
          (std::string(name) == "alpha" ? p.cost.alpha : p.cost.beta) = x;
        }
    } else if (method == "match") {
      const std::string rule = e.has("rule") ? read_string(e.member("rule"), e.path_of("rule")) : "extended";
      const auto* pre = allocation::find_match_preset(rule);
      if (!pre) throw InputError("invalid_field", e.path_of("rule"), "'" + rule + "' is not a rule (abod, limited, extended)");
      p.mismatch = allocation::group_of(pre->mismatch, s.antigens);
      p.substitution = allocation::group_of(pre->substitution, s.antigens);
      if (e.has("mismatch_antigens")) p.mismatch = read_group(e.member("mismatch_antigens"), e.path_of("mismatch_antigens"), s.antigens).bits;
      if (e.has("substitution_antigens"))
        p.substitution = read_group(e.member("substitution_antigens"), e.path_of("substitution_antigens"), s.antigens).bits;
      if (e.has("weights")) {
        ObjectReader w(e.member("weights"), e.path_of("weights"));
        const std::pair<const char*, double*> weights[] = {{"immunogenicity", &p.lambda.immunogenicity},
                                                           {"major_substitution", &p.lambda.major_substitution},
                                                           {"minor_substitution", &p.lambda.minor_substitution},
                                                           {"fifo", &p.lambda.fifo},
                                                           {"young_blood", &p.lambda.young_blood}};
        for (const auto& [name, target] : weights)
          if (w.has(name)) *target = read_number(w.member(name), w.path_of(name));
        w.finish();
      }
      const std::pair<const char*, double*> shape[] = {{"alpha1", &p.alpha.alpha1}, {"alpha2", &p.alpha.alpha2}, {"alpha3", &p.alpha.alpha3}};
      for (const auto& [name, target] : shape)
        if (e.has(name)) *target = read_number(e.member(name), e.path_of(name));
      if (e.has("forecast")) {
        ObjectReader f(e.member("forecast"), e.path_of("forecast"));
        const double most = std::min(issuing::max_forecast_days, s.shelf_life - 1);
        if (f.has("request_days"))
          p.forecast.request_days = static_cast<int>(whole(f.member("request_days"), f.path_of("request_days"), 0, most, "Days of requests forecast"));
        if (f.has("unit_days"))
          p.forecast.unit_days = static_cast<int>(whole(f.member("unit_days"), f.path_of("unit_days"), 0, most, "Days of donations forecast"));
        if (f.has("arrival_share")) {
          p.forecast.arrival_share = read_number(f.member("arrival_share"), f.path_of("arrival_share"));
          if (!(p.forecast.arrival_share > 0 && p.forecast.arrival_share <= 1))
            throw InputError("invalid_field", f.path_of("arrival_share"), "The share of the forecast donations that arrive must lie in (0, 1]");
        }
        f.finish();
      }
    } else {
      throw InputError("invalid_field", e.path_of("method"), "method is match or allocate (got '" + method + "')");
    }
    e.finish();
    s.policies.push_back(std::move(p));
  }
  return b;
}

// ---- Writing ----

json estimate_json(const issuing::Estimate& e) {
  return {{"mean", e.mean}, {"low", e.interval ? json(e.low) : json(nullptr)},
          {"high", e.interval ? json(e.high) : json(nullptr)}, {"sd", e.sd}};
}
json estimates_json(const std::vector<issuing::Estimate>& v) {
  json out = json::array();
  for (const auto& e : v) out.push_back(estimate_json(e));
  return out;
}

json outcome_json(const issuing::Outcome& o) {
  return {{"days", o.days},
          {"supplied", o.supplied},
          {"requested", o.requested},
          {"requests", o.requests},
          {"issued", o.issued},
          {"shortage", o.shortage},
          {"outdated", o.outdated},
          {"stock_start", o.stock_start},
          {"stock_end", o.stock_end},
          {"stock_days", o.stock_days},
          {"stream_requested", o.stream_requested},
          {"stream_issued", o.stream_issued},
          {"stream_shortage", o.stream_shortage},
          {"stream_identical", o.stream_identical},
          {"issue_age", o.issue_age},
          {"request_identical", o.request_identical},
          {"request_compatible", o.request_compatible},
          {"request_shortage", o.request_shortage},
          {"unit_identical", o.unit_identical},
          {"unit_compatible", o.unit_compatible},
          {"unit_outdated", o.unit_outdated},
          {"stock_age", o.stock_age},
          {"stock_major", o.stock_major},
          {"mismatches", o.mismatches}};
}

template <class T>
void read_into(const json& o, const char* name, T& target, const std::string& path) {
  try {
    target = o.at(name).get<T>();
  } catch (const json::exception&) {
    throw InputError("invalid_field", field_member(path, name), "This is not a result of simulate_issuing (" + std::string(name) + ")");
  }
}

issuing::Outcome outcome_from(const json& o, const std::string& path) {
  issuing::Outcome out;
  read_into(o, "days", out.days, path);
  read_into(o, "supplied", out.supplied, path);
  read_into(o, "requested", out.requested, path);
  read_into(o, "requests", out.requests, path);
  read_into(o, "issued", out.issued, path);
  read_into(o, "shortage", out.shortage, path);
  read_into(o, "outdated", out.outdated, path);
  read_into(o, "stock_start", out.stock_start, path);
  read_into(o, "stock_end", out.stock_end, path);
  read_into(o, "stock_days", out.stock_days, path);
  read_into(o, "stream_requested", out.stream_requested, path);
  read_into(o, "stream_issued", out.stream_issued, path);
  read_into(o, "stream_shortage", out.stream_shortage, path);
  read_into(o, "stream_identical", out.stream_identical, path);
  read_into(o, "issue_age", out.issue_age, path);
  read_into(o, "request_identical", out.request_identical, path);
  read_into(o, "request_compatible", out.request_compatible, path);
  read_into(o, "request_shortage", out.request_shortage, path);
  read_into(o, "unit_identical", out.unit_identical, path);
  read_into(o, "unit_compatible", out.unit_compatible, path);
  read_into(o, "unit_outdated", out.unit_outdated, path);
  read_into(o, "stock_age", out.stock_age, path);
  read_into(o, "stock_major", out.stock_major, path);
  read_into(o, "mismatches", out.mismatches, path);
  return out;
}

json summary_json(const issuing::Summary& sum, const json& scenario) {
  json policies = json::array();
  for (std::size_t p = 0; p < sum.policies.size(); ++p) {
    const auto& s = sum.policies[p];
    const auto& label = scenario["policies"][p].value("label", "policy " + std::to_string(p + 1));
    json streams = json::array();
    for (std::size_t k = 0; k < s.stream_shortage_units.size(); ++k)
      streams.push_back({{"id", scenario["demand"][k].value("id", "stream " + std::to_string(k + 1))},
                         {"shortage_units", estimate_json(s.stream_shortage_units[k])},
                         {"shortage_share", estimate_json(s.stream_shortage_share[k])},
                         {"identical_share", estimate_json(s.stream_identical_share[k])},
                         {"mean_issue_age", estimate_json(s.stream_issue_age[k])},
                         {"issue_age_share", estimates_json(s.stream_issue_age_share[k])}});
    json by_antigen = json::array();
    for (std::size_t k = 0; k < s.alloimmunisations_by_antigen.size(); ++k)
      by_antigen.push_back({{"antigen", scenario["antigens"][k]},
                            {"mismatches", estimate_json(s.mismatches_by_antigen[k])},
                            {"alloimmunisations", estimate_json(s.alloimmunisations_by_antigen[k])}});
    json receivability = json::array(), usability = json::array();
    for (int c = 0; c < issuing::factor_classes; ++c) {
      const auto cc = static_cast<std::size_t>(c);
      const json range = {{"from", std::pow(10.0, -c - 1)}, {"to", std::pow(10.0, -c)}};
      json r = {{"identical", estimate_json(s.request_identical[cc])},
                {"compatible", estimate_json(s.request_compatible[cc])},
                {"shortage", estimate_json(s.request_shortage[cc])}};
      json u = {{"identical", estimate_json(s.unit_identical[cc])},
                {"compatible", estimate_json(s.unit_compatible[cc])},
                {"outdated", estimate_json(s.unit_outdated[cc])}};
      r["factor"] = u["factor"] = c + 1 == issuing::factor_classes ? json{{"from", 0}, {"to", std::pow(10.0, -c)}} : range;
      receivability.push_back(r);
      usability.push_back(u);
    }
    json major = json::object();
    for (std::size_t m = 0; m < 8; ++m) major[major_names[m]] = estimate_json(s.stock_major_share[m]);
    policies.push_back({{"label", label},
                        {"shortage_share", estimate_json(s.shortage_share)},
                        {"outdated_share", estimate_json(s.outdated_share)},
                        {"shortage_units", estimate_json(s.shortage_units)},
                        {"outdated_units", estimate_json(s.outdated_units)},
                        {"issued_units", estimate_json(s.issued_units)},
                        {"requested_units", estimate_json(s.requested_units)},
                        {"supplied_units", estimate_json(s.supplied_units)},
                        {"mean_stock", estimate_json(s.mean_stock)},
                        {"alloimmunisations", estimate_json(s.alloimmunisations)},
                        {"by_antigen", by_antigen},
                        {"streams", streams},
                        {"by_receivability", receivability},
                        {"by_usability", usability},
                        {"stock_by_major_type", major},
                        {"stock_age_share", estimates_json(s.stock_age_share)}});
  }
  json comparisons = json::array();
  for (const auto& c : sum.comparisons) {
    json streams = json::array();
    for (std::size_t k = 0; k < c.stream_shortage_units.size(); ++k)
      streams.push_back({{"id", scenario["demand"][k].value("id", "stream " + std::to_string(k + 1))},
                         {"shortage_units", estimate_json(c.stream_shortage_units[k])}});
    comparisons.push_back({{"policy", c.policy},
                           {"against", c.against},
                           {"shortage_share", estimate_json(c.shortage_share)},
                           {"outdated_share", estimate_json(c.outdated_share)},
                           {"shortage_units", estimate_json(c.shortage_units)},
                           {"outdated_units", estimate_json(c.outdated_units)},
                           {"alloimmunisations", estimate_json(c.alloimmunisations)},
                           {"mean_stock", estimate_json(c.mean_stock)},
                           {"alloimmunisation_reduction", c.alloimmunisation_reduction},
                           {"streams", streams}});
  }
  return {{"replications", sum.replications}, {"policies", policies}, {"comparisons", comparisons}};
}

json result_json(const json& scenario, const std::vector<issuing::Replication>& reps, const json& trace,
                 const std::vector<double>& w) {
  json per = json::array();
  for (const auto& r : reps) {
    json ps = json::array();
    for (const auto& o : r.policies) ps.push_back(outcome_json(o));
    per.push_back({{"index", r.index}, {"policies", ps}});
  }
  json indices = json::array();
  for (const auto& r : reps) indices.push_back(r.index);
  return {{"scenario", scenario},
          {"replication_indices", indices},
          {"summary", summary_json(issuing::summarise(reps, w), scenario)},
          {"trace", trace},
          {"per_replication", per}};
}

json handle(ObjectReader& r, Context& context) {
  const auto& F = fields();
  Built b = build(r);
  const json& base = preset(b.echo["preset"].get<std::string>());
  const int first = r.has("first_replication") ? r.get(F.first_replication) : 0;
  const int count = read_int(r, F.replications, base);
  const int trace = read_int(r, F.trace_replication, base);
  issuing::check_scenario(b.scenario, first, count);
  const auto run = issuing::simulate(b.scenario, first, count, trace, context.progress, context.parallel);
  json trace_json = nullptr;
  if (run.traced >= 0) {
    json per_policy = json::array();
    for (const auto& days : run.trace) {
      json rows = json::array();
      for (const auto& d : days)
        rows.push_back({{"day", d.day}, {"supplied", d.supplied}, {"requested", d.requested}, {"issued", d.issued},
                        {"shortage", d.shortage}, {"outdated", d.outdated}, {"stock", d.stock},
                        {"mismatches", d.mismatches}, {"alloimmunisations", d.alloimmunisations}});
      per_policy.push_back(rows);
    }
    trace_json = {{"replication", run.traced}, {"policies", per_policy}};
  }
  const auto& sum_policies = b.scenario.policies;
  (void)sum_policies;
  return result_json(b.echo, run.replications, trace_json, b.scenario.immunogenicity);
}

// ---- merge_issuing ----

struct MergeFields {
  Field<json> results;
  std::vector<FieldSpec> specs() const { return {results.spec}; }
};

const MergeFields& merge_fields() {
  static const MergeFields f{json_field("results", "object[]",
                                        "The `result` objects of simulate_issuing runs of one scenario over ranges of "
                                        "replications that do not overlap; at most 1000.",
                                        "", true)};
  return f;
}

// A result's scenario read again as simulate_issuing reads a request, so one it did not write
// (edited, truncated, of another version) is refused at the field, and the summary can index
// the antigens, streams and policies safely. The errors of build() name request fields
// ("antigens"): they are put under `path` ("results[0].scenario.antigens").
Built rebuild_scenario(const json& scenario, const std::string& path) {
  try {
    ObjectReader reader(scenario, path);
    Built b = build(reader);
    reader.finish();
    issuing::check_scenario(b.scenario, 0, 1);
    if (b.echo != scenario)
      throw InputError("invalid_field", path, "This scenario is not one simulate_issuing wrote: run the ranges again");
    return b;
  } catch (const InputError& e) {
    if (e.path().rfind(path, 0) == 0) throw;
    throw InputError(e.code(), e.path().empty() ? path : field_member(path, e.path()), e.what());
  }
}

// The sums of one replication fit its scenario: every per-stream, per-class, per-age and
// per-antigen list has the scenario's length, no count is negative, and the counts add up as
// the simulation keeps them (stock at the start + supplied = issued + outdated + stock at
// the end; requested = issued + short), so a file edited by hand or cut short is refused.
void check_outcome(const issuing::Outcome& o, const issuing::Scenario& s, const std::string& path) {
  const auto bad = [&](const std::string& what) {
    throw InputError("invalid_field", path, "These sums do not fit the scenario (" + what + "): not a result of simulate_issuing");
  };
  const issuing::Outcome shape = issuing::empty_outcome(s);
  // No run counts more than 5 x 10^9 unit-days (the work limit); far above that, a count is
  // refused before it could overflow the summary's sums (ages x counts).
  constexpr std::int64_t most = std::int64_t{1} << 40;
  const auto same_length = [&](const std::vector<std::int64_t>& v, const std::vector<std::int64_t>& w, const char* name) {
    if (v.size() != w.size()) bad(name);
    for (const auto x : v)
      if (x < 0 || x > most) bad(name);
  };
  same_length(o.stream_requested, shape.stream_requested, "stream_requested");
  same_length(o.stream_issued, shape.stream_issued, "stream_issued");
  same_length(o.stream_shortage, shape.stream_shortage, "stream_shortage");
  same_length(o.stream_identical, shape.stream_identical, "stream_identical");
  if (o.issue_age.size() != shape.issue_age.size()) bad("issue_age");
  for (std::size_t k = 0; k < o.issue_age.size(); ++k) same_length(o.issue_age[k], shape.issue_age[k], "issue_age");
  same_length(o.request_identical, shape.request_identical, "request_identical");
  same_length(o.request_compatible, shape.request_compatible, "request_compatible");
  same_length(o.request_shortage, shape.request_shortage, "request_shortage");
  same_length(o.unit_identical, shape.unit_identical, "unit_identical");
  same_length(o.unit_compatible, shape.unit_compatible, "unit_compatible");
  same_length(o.unit_outdated, shape.unit_outdated, "unit_outdated");
  same_length(o.stock_age, shape.stock_age, "stock_age");
  same_length(o.stock_major, shape.stock_major, "stock_major");
  same_length(o.mismatches, shape.mismatches, "mismatches");
  same_length({o.supplied, o.requested, o.requests, o.issued, o.shortage, o.outdated, o.stock_start, o.stock_end, o.stock_days},
              std::vector<std::int64_t>(9), "a count out of range");
  if (o.days != s.days) bad("days");
  if (o.stock_start + o.supplied != o.issued + o.outdated + o.stock_end) bad("stock not conserved");
  if (o.requested != o.issued + o.shortage) bad("requested is not issued + short");
}

// A trace carried over from a range: of one of the merged replications, one list per policy.
void check_trace(const json& trace, const std::vector<issuing::Replication>& merged, std::size_t policies,
                 const std::string& path) {
  const auto bad = [&] { throw InputError("invalid_field", path, "This is not a trace of simulate_issuing"); };
  if (!trace.is_object() || !trace.contains("replication") || !trace["replication"].is_number_integer() ||
      !trace.contains("policies") || !trace["policies"].is_array() || trace["policies"].size() != policies)
    bad();
  const auto index = trace["replication"].get<std::int64_t>();
  if (std::none_of(merged.begin(), merged.end(), [&](const issuing::Replication& r) { return r.index == index; })) bad();
}

json handle_merge(ObjectReader& r, Context&) {
  const json& results = read_array(*r.get(merge_fields().results), "results");
  if (results.empty()) throw InputError("invalid_field", "results", "Give at least one result to merge");
  if (results.size() > 1000) throw InputError("limit_exceeded", "results", "At most 1000 results");
  std::vector<std::vector<issuing::Replication>> ranges;
  json trace = nullptr;
  std::string trace_path, second_trace;
  std::optional<Built> built;
  for (std::size_t k = 0; k < results.size(); ++k) {
    const auto path = field_index("results", k);
    const json& one = results[k];
    if (!one.is_object() || !one.contains("scenario") || !one.contains("per_replication"))
      throw InputError("invalid_field", path, "This is not a result of simulate_issuing");
    if (!built) built = rebuild_scenario(one["scenario"], field_member(path, "scenario"));
    else if (one["scenario"] != built->echo)
      throw InputError("invalid_field", field_member(path, "scenario"),
                       "Result " + std::to_string(k + 1) + " is of another scenario than result 1: only ranges of one scenario merge");
    const issuing::Scenario& scenario = built->scenario;
    if (one.contains("trace") && !one["trace"].is_null()) {
      if (trace.is_null()) trace = one["trace"], trace_path = field_member(path, "trace");
      else second_trace = field_member(path, "trace");
    }
    std::vector<issuing::Replication> reps;
    const json& per = read_array(one["per_replication"], field_member(path, "per_replication"));
    for (std::size_t i = 0; i < per.size(); ++i) {
      const auto rpath = field_index(field_member(path, "per_replication"), i);
      if (!per[i].is_object() || !per[i].contains("policies"))
        throw InputError("invalid_field", rpath, "This is not a replication of simulate_issuing");
      issuing::Replication rep;
      read_into(per[i], "index", rep.index, rpath);
      if (rep.index < 0 || rep.index >= issuing::max_replication_index)
        throw InputError("invalid_field", field_member(rpath, "index"),
                         "Replications are numbered 0 to " + std::to_string(issuing::max_replication_index - 1));
      const json& ps = read_array(per[i]["policies"], field_member(rpath, "policies"));
      if (ps.size() != scenario.policies.size())
        throw InputError("invalid_field", field_member(rpath, "policies"), "One outcome per policy of the scenario");
      for (std::size_t p = 0; p < ps.size(); ++p) {
        const auto ppath = field_index(field_member(rpath, "policies"), p);
        rep.policies.push_back(outcome_from(ps[p], ppath));
        check_outcome(rep.policies.back(), scenario, ppath);
      }
      reps.push_back(std::move(rep));
    }
    ranges.push_back(std::move(reps));
  }
  const auto merged = issuing::merge_ranges(ranges);
  if (static_cast<int>(merged.size()) > issuing::max_replication_index)
    throw InputError("limit_exceeded", "results", "Too many replications");
  // After the overlap check: overlapping ranges may both carry a trace, and that error says more.
  if (!second_trace.empty())
    throw InputError("invalid_field", second_trace, "Two results carry a daily trace: run the ranges with one trace_replication");
  if (!trace.is_null()) check_trace(trace, merged, built->scenario.policies.size(), trace_path);
  return result_json(built->echo, merged, trace, built->scenario.immunogenicity);
}

const std::vector<ResultMember>& result_members() {
  static const std::vector<ResultMember> m = {
      {"scenario", "object",
       "The scenario as run: every field, the preset's included (without first_replication, replications and "
       "trace_replication). merge_issuing merges only results of equal scenarios."},
      {"replication_indices", "integer[]", "The replications summarised, in order."},
      {"summary", "object",
       "{replications, policies, comparisons}. Every estimate is {mean, low, high, sd}: the mean over the "
       "replications and its 95 % interval (Student's t, cut to the quantity's range: [0, 1] for shares, 0 or more for counts; null from one replication). Per policy: label, "
       "shortage_share (eta, units short / requested), outdated_share (omega, outdated / (issued + outdated)), "
       "shortage_units, outdated_units, issued_units, requested_units, supplied_units (totals over the measured days), "
       "mean_stock, alloimmunisations (xA over the measured days), by_antigen [{antigen, mismatches, "
       "alloimmunisations}], streams [{id, shortage_units, shortage_share, identical_share, mean_issue_age, "
       "issue_age_share (per age 0 to G - 1)}], by_receivability (Table 6.4: per class {factor {from, to}, identical, "
       "compatible, shortage} as shares of all units requested), by_usability (Table 6.5: identical, compatible, "
       "outdated as shares of all units issued or outdated), stock_by_major_type {O-: share, ...} (Fig. 3), "
       "stock_age_share (per age, Fig. 4). comparisons: every policy less policy 0, replication by replication "
       "(common random numbers): {policy, against, shortage_share, outdated_share, shortage_units, outdated_units, "
       "alloimmunisations, mean_stock, alloimmunisation_reduction (1 - xA / xA of policy 0, from the means), streams}."},
      {"trace", "object | null",
       "{replication, policies: [[{day, supplied, requested, issued, shortage, outdated, stock, mismatches, "
       "alloimmunisations}]]}: the measured days of trace_replication, when in this run."},
      {"per_replication", "object[]",
       "Per replication {index, policies: [sums over the measured days: days, supplied, requested, requests, issued, "
       "shortage, outdated, stock_start, stock_end, stock_days, stream_requested, stream_issued, stream_shortage, "
       "stream_identical, issue_age [stream][age], request_identical / compatible / shortage and unit_identical / "
       "compatible / outdated per class, stock_age, stock_major, mismatches per antigen]}: whole numbers, which "
       "merge_issuing adds up exactly."}};
  return m;
}

}  // namespace

Operation simulate_issuing_operation() {
  return {"simulate_issuing",
          "Simulates issuing over many days (seed 004 Fig. 1; thesis sec. 6.4): donations, requests, ageing and "
          "outdating, the day's allocation by match or allocate, lost demand; shortages, outdating, identical and "
          "compatible issues, ages, stock and expected alloimmunisations per policy, with 95 % intervals over the "
          "replications, and policies compared on common random numbers.",
          "seed 004 sec. 4-5 (Fig. 1, Tables 2-3); thesis sec. 6.4-6.5 (Tables 6.2-6.5)",
          fields().specs(),
          result_members(),
          true,
          handle};
}

Operation merge_issuing_operation() {
  return {"merge_issuing",
          "Merges results of simulate_issuing over ranges of replications of one scenario into exactly the result of "
          "one run over all of them.",
          "",
          merge_fields().specs(),
          result_members(),
          false,
          handle_merge};
}

}  // namespace rbc::api
