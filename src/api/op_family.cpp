// The `family` operation: in a pedigree of up to 24 people, from the blood groups (phenotypes
// or genotypes) known for some of them, the exact probability of every other member's
// phenotype and genotype, and the probability of what was observed. Founders are drawn from
// the population's genotype distribution; systems are inherited independently (thesis sec.
// 3.3.1, eq. 3.12; sec. 3.4 for one typed person).
#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <map>
#include <tuple>

#include "api/operations.hpp"
#include "api/person_json.hpp"
#include "api/reader.hpp"
#include "common/input_error.hpp"
#include "frequency/populations.hpp"
#include "genetics/pedigree.hpp"

namespace rbc::api {

using nlohmann::json;

namespace {

constexpr std::size_t max_people = 24;
constexpr double max_factor_entries = 1e7;  // the largest table the elimination may build (80 MB)

struct FamilyFields {
  Field<json> people, systems;
  Field<std::string> model;
  Field<double> sum_tolerance;
  std::vector<FieldSpec> specs() const { return {people.spec, systems.spec, model.spec, sum_tolerance.spec}; }
};

const FamilyFields& fields() {
  static const FamilyFields f = {
      json_field("people", "object[]",
                 "The family: [{\"id\": a name, \"father\": id, \"mother\": id}], parents optional (a parent not "
                 "listed is a person from the population). At most 24 people; nobody their own ancestor.",
                 "thesis sec. 3.3.1, eq. 3.12", true),
      json_field("systems", "object[]",
                 "Per independently inherited system: {\"system\": a built-in id or a definition, \"population\" "
                 "or \"frequencies\" (as in `relatives`), \"observed\": {person id: phenotype label}, optional "
                 "\"genotypes\": {person id: genotype label, e.g. \"A/O\" or \"R1r\"}}. At most 8; no antigen in two.",
                 "thesis sec. 3.3.1, 3.4", true),
      string_field("model",
                   genotype_model_description() +
                       " Founders are drawn from x with negative entries as 0, divided by its sum (see notes).",
                   "thesis sec. 3.3", std::string("least_squares"), {"least_squares", "as_printed", "gene_counting"}),
      sum_tolerance_field(),
  };
  return f;
}

struct Family {
  std::vector<std::string> ids;                   // in the request's order
  std::vector<int> order;                         // request index, parents before children
  std::vector<genetics::PedigreePerson> persons;  // in `order`, parents as positions in it
};

Family read_people(const json& value) {
  const json& list = read_array(value, "people");
  if (list.empty()) throw InputError("invalid_field", "people", "Give at least one person");
  if (list.size() > max_people)
    throw InputError("limit_exceeded", "people", "At most " + std::to_string(max_people) + " people (the limit is " +
                                                     std::to_string(max_people) + ")");
  Family f;
  std::map<std::string, int> index;
  std::vector<std::pair<std::string, std::string>> parents;
  for (std::size_t k = 0; k < list.size(); ++k) {
    const std::string path = "people[" + std::to_string(k) + "]";
    ObjectReader r(list[k], path);
    const std::string id = read_string(r.member("id"), r.path_of("id"));
    if (id.empty()) throw InputError("invalid_field", r.path_of("id"), "A person needs a name (id)");
    if (!index.emplace(id, static_cast<int>(k)).second)
      throw InputError("duplicate_name", r.path_of("id"), "Two people are called \"" + id + "\"");
    f.ids.push_back(id);
    parents.emplace_back(r.has("father") ? read_string(r.member("father"), r.path_of("father")) : "",
                         r.has("mother") ? read_string(r.member("mother"), r.path_of("mother")) : "");
    r.finish();
  }
  // Parents by index, checked.
  const int n = static_cast<int>(list.size());
  std::vector<std::array<int, 2>> parent(static_cast<std::size_t>(n), {-1, -1});
  for (int k = 0; k < n; ++k) {
    const auto& [father, mother] = parents[static_cast<std::size_t>(k)];
    for (const auto& [name, role, slot] : {std::tuple{father, "father", 0}, std::tuple{mother, "mother", 1}}) {
      if (name.empty()) continue;
      const std::string path = "people[" + std::to_string(k) + "]." + role;
      const auto it = index.find(name);
      if (it == index.end()) throw InputError("unknown_person", path, "\"" + name + "\" is not one of the people");
      if (it->second == k) throw InputError("invalid_field", path, f.ids[static_cast<std::size_t>(k)] + " cannot be their own " + role);
      parent[static_cast<std::size_t>(k)][static_cast<std::size_t>(slot)] = it->second;
    }
    if (!father.empty() && father == mother)
      throw InputError("invalid_field", "people[" + std::to_string(k) + "].mother", "The father and the mother are the same person");
  }
  // Parents before children (a depth-first order); a cycle is someone their own ancestor.
  std::vector<int> state(static_cast<std::size_t>(n), 0), position(static_cast<std::size_t>(n), -1);
  std::function<void(int)> visit = [&](int k) {
    if (state[static_cast<std::size_t>(k)] == 2) return;
    if (state[static_cast<std::size_t>(k)] == 1)
      throw InputError("invalid_field", "people[" + std::to_string(k) + "]",
                       f.ids[static_cast<std::size_t>(k)] + " would be their own ancestor");
    state[static_cast<std::size_t>(k)] = 1;
    for (const int p : parent[static_cast<std::size_t>(k)])
      if (p >= 0) visit(p);
    state[static_cast<std::size_t>(k)] = 2;
    position[static_cast<std::size_t>(k)] = static_cast<int>(f.order.size());
    f.order.push_back(k);
  };
  for (int k = 0; k < n; ++k) visit(k);
  for (const int k : f.order) {
    const auto& [father, mother] = parent[static_cast<std::size_t>(k)];
    f.persons.push_back({father >= 0 ? position[static_cast<std::size_t>(father)] : -1,
                         mother >= 0 ? position[static_cast<std::size_t>(mother)] : -1, {}});
  }
  return f;
}

struct FamilySystem : SystemEntry {
  std::vector<Eigen::VectorXd> allowed;  // per person in request order: empty or a 0/1 mask
  std::vector<json> observed;            // per person: {phenotype, genotype} as given, or null
};

int genotype_by_label(const bloodgroup::System& system, const std::string& label) {
  const auto& g = system.genotypes();
  for (std::size_t k = 0; k < g.size(); ++k)
    if (g[k].label == label || (!g[k].short_label.empty() && g[k].short_label == label)) return static_cast<int>(k);
  // "A/O" for "O/A": the same unordered pair.
  const auto slash = label.find('/');
  if (slash != std::string::npos) {
    const std::string swapped = label.substr(slash + 1) + "/" + label.substr(0, slash);
    for (std::size_t k = 0; k < g.size(); ++k)
      if (g[k].label == swapped) return static_cast<int>(k);
  }
  return -1;
}

FamilySystem read_system(const json& entry, const std::string& path, const Family& family, double sum_tolerance,
                         Context& context) {
  ObjectReader r(entry, path);
  FamilySystem s{read_system_entry(r, path, sum_tolerance, context)};
  const auto m = static_cast<Eigen::Index>(s.system.genotypes().size());
  s.allowed.assign(family.ids.size(), Eigen::VectorXd());
  s.observed.assign(family.ids.size(), json());
  const auto person = [&](const std::string& id, const std::string& p) {
    const auto it = std::find(family.ids.begin(), family.ids.end(), id);
    if (it == family.ids.end()) throw InputError("unknown_person", p, "\"" + id + "\" is not one of the people");
    return static_cast<std::size_t>(it - family.ids.begin());
  };
  for (const char* key : {"observed", "genotypes"}) {
    if (!r.has(key)) continue;
    const json& map = r.member(key);
    if (!map.is_object()) throw InputError("invalid_field", r.path_of(key), r.path_of(key) + " must be an object {person id: label}");
    for (const auto& [id, value] : map.items()) {
      const std::string p = r.path_of(key) + "." + id;
      const std::size_t who = person(id, p);
      const std::string label = read_string(value, p);
      Eigen::VectorXd mask = Eigen::VectorXd::Zero(m);
      if (std::string(key) == "observed") {
        const int ph = s.system.phenotype_by_label(label);
        if (ph < 0) throw InputError("unknown_phenotype", p, s.system.why_not_a_phenotype(label));
        for (const int g : s.system.phenotypes()[static_cast<std::size_t>(ph)].genotypes) mask[g] = 1;
      } else {
        const int g = genotype_by_label(s.system, label);
        if (g < 0) throw InputError("unknown_genotype", p, "\"" + label + "\" is not a genotype of " + s.system.definition().name);
        mask[g] = 1;
      }
      // Both a phenotype and a genotype: both must hold.
      s.allowed[who] = s.allowed[who].size() ? Eigen::VectorXd(s.allowed[who].cwiseProduct(mask)) : mask;
      if (s.observed[who].is_null()) s.observed[who] = json::object();
      s.observed[who][std::string(key) == "observed" ? "phenotype" : "genotype"] = label;
    }
  }
  r.finish();
  return s;
}

std::vector<genetics::PedigreePerson> with_observations(const Family& family, const FamilySystem& s,
                                                        const std::vector<bool>& keep) {
  auto persons = family.persons;
  for (std::size_t pos = 0; pos < persons.size(); ++pos) {
    const auto k = static_cast<std::size_t>(family.order[pos]);
    if (keep[k]) persons[pos].allowed = s.allowed[k];
  }
  return persons;
}

// Who conflicts: the typed people whose blood group, left out alone, makes the rest possible;
// when no single one does, every typed person.
std::vector<std::string> conflicting(const genetics::HeredityOperator& P, const Eigen::VectorXd& x, const Family& family,
                                     const FamilySystem& s) {
  std::vector<bool> typed(family.ids.size());
  for (std::size_t k = 0; k < typed.size(); ++k) typed[k] = s.allowed[k].size() > 0;
  std::vector<std::string> names, all;
  for (std::size_t k = 0; k < typed.size(); ++k) {
    if (!typed[k]) continue;
    all.push_back(family.ids[k]);
    auto keep = typed;
    keep[k] = false;
    if (genetics::pedigree_posterior(P, x, with_observations(family, s, keep)).probability > 0) names.push_back(family.ids[k]);
  }
  return names.empty() ? all : names;
}

// Genotypes drawn from the population's x: each founder's, and the unlisted parent's of each
// person with one parent listed (B(x), eq. 3.33): one draw per person with a parent missing.
int population_draws(const Family& family) {
  int draws = 0;
  for (const auto& p : family.persons) draws += p.father < 0 || p.mother < 0 ? 1 : 0;
  return draws;
}

// A founders' sum within this of 1 moves P(observations) by less than a millionth per draw:
// not worth a note (least squares and gene counting are 1 to rounding; as printed, RhD is
// 1.00000005), though founder_sum still reports it.
constexpr double founder_sum_note_above = 1e-6;

std::string founders_note(const std::string& system, double sum, int draws, GenotypeModel model) {
  const std::string shown = frequency::describe_sum(sum);
  return std::string(model == GenotypeModel::as_printed ? "As printed, the " : "The ") + system +
         " genotype frequencies x add up to " + shown +
         " (negative entries taken as 0); founders are drawn from x divided by that sum. So the probability of the "
         "observations is eq. 3.12's product with x as computed divided by " + shown + "^" + std::to_string(draws) +
         " = " + frequency::describe_sum(std::pow(sum, draws)) +
         " (one factor per person drawn from the population: each founder, and the unlisted parent of anyone with "
         "one parent listed).";
}

std::string joined_names(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t k = 0; k < names.size(); ++k)
    out += (k == 0 ? "" : k + 1 == names.size() ? " or " : ", ") + names[k];
  return out;
}

json handle(ObjectReader& r, Context& context) {
  const auto& F = fields();
  const GenotypeModel model = genotype_model(r.get(F.model));
  const double sum_tolerance = r.get(F.sum_tolerance);
  const Family family = read_people(*r.get(F.people));
  const auto systems = read_system_entries<FamilySystem>(
      *r.get(F.systems), "systems", "Give at least one blood-group system",
      [&](const json& entry, const std::string& path) { return read_system(entry, path, family, sum_tolerance, context); });
  // The work, bounded before any is done: the largest table the elimination builds.
  for (std::size_t k = 0; k < systems.size(); ++k) {
    const double work = genetics::pedigree_work(family.persons, static_cast<int>(systems[k].system.genotypes().size()));
    if (work > max_factor_entries)
      throw InputError("limit_exceeded", "systems[" + std::to_string(k) + "].system",
                       "This family and " + systems[k].system.definition().name + " (" +
                           std::to_string(systems[k].system.genotypes().size()) +
                           " genotypes) would need a table of " + std::to_string(static_cast<long long>(work)) +
                           " entries (the limit is 10000000): use a system with fewer genotypes or a family without loops");
  }

  double probability = 1;
  json out_systems = json::array(), notes = json::array();
  const int draws = population_draws(family);
  for (std::size_t k = 0; k < systems.size(); ++k) {
    const auto& s = systems[k];
    const auto progress = context.progress.part(double(k) / systems.size(), double(k + 1) / systems.size());
    // Founders need a distribution: negative entries (as printed) taken as 0 and the rest divided
    // by their sum, which multiplies P(observations) by 1 / sum per person drawn from x.
    Eigen::VectorXd x = genotype_distribution(s.system, s.f, model, progress.part(0, 0.3)).cwiseMax(0.0);
    const double founder_sum = x.sum();
    x /= founder_sum;
    if (std::abs(founder_sum - 1) > founder_sum_note_above)
      notes.push_back({{"code", "founders_renormalised"},
                       {"system", s.system.definition().id},
                       {"message", founders_note(s.system.definition().name, founder_sum, draws, model)}});
    const genetics::HeredityOperator P(s.system);
    const auto post =
        genetics::pedigree_posterior(P, x, with_observations(family, s, std::vector<bool>(family.ids.size(), true)),
                                     progress.part(0.3, 1));
    if (post.probability == 0)
      throw InputError("inconsistent", "systems[" + std::to_string(k) + "].observed",
                       "These " + s.system.definition().name + " blood groups cannot all be true in this family: check " +
                           joined_names(conflicting(P, x, family, s)) + " (or who the parents are)");
    probability *= post.probability;
    const Eigen::MatrixXd S = genetics::phenotype_matrix(s.system);
    std::vector<int> position(family.ids.size());
    for (std::size_t pos = 0; pos < family.order.size(); ++pos) position[static_cast<std::size_t>(family.order[pos])] = static_cast<int>(pos);
    json people = json::array();
    for (std::size_t who = 0; who < family.ids.size(); ++who) {
      const Eigen::VectorXd& g = post.genotypes[static_cast<std::size_t>(position[who])];
      const Eigen::VectorXd ph = S.transpose() * g;
      people.push_back({{"id", family.ids[who]},
                        {"observed", s.observed[who]},
                        {"phenotypes", std::vector<double>(ph.data(), ph.data() + ph.size())},
                        {"genotypes", std::vector<double>(g.data(), g.data() + g.size())}});
    }
    json phenotype_labels = json::array(), genotype_labels = json::array();
    for (const auto& p : s.system.phenotypes()) phenotype_labels.push_back(p.label);
    for (const auto& g : s.system.genotypes()) genotype_labels.push_back(g.short_label.empty() ? g.label : g.short_label);
    out_systems.push_back({{"name", s.system.definition().name},
                           {"id", s.system.definition().id},
                           {"population", s.population},
                           {"probability", post.probability},
                           {"founder_sum", founder_sum},
                           {"phenotype_labels", std::move(phenotype_labels)},
                           {"genotype_labels", std::move(genotype_labels)},
                           {"people", std::move(people)}});
  }
  return {{"model", r.get(F.model)},
          {"probability", probability},
          {"people", family.ids},
          {"systems", std::move(out_systems)},
          {"notes", std::move(notes)}};
}

}  // namespace

Operation family_operation() {
  return {"family",
          "In a family of up to 24 people with some blood groups known, the exact probability of every member's "
          "phenotype and genotype, and the probability of what was observed; an impossible family is refused, "
          "naming whom to check.",
          "thesis sec. 3.3.1, eq. 3.12; sec. 3.4",
          fields().specs(),
          {{"model", "string", "The genotype model used."},
           {"probability", "number", "P(every observation), the product over systems."},
           {"people", "string[]", "The people's ids, in the request's order."},
           {"systems", "object[]",
            "Per system: name, id, population, probability (of its observations), founder_sum (the sum of the "
            "model's x with negative entries as 0; founders are drawn from x divided by it), phenotype_labels, "
            "genotype_labels (short labels where the system has them), people [{id, observed ({phenotype?, "
            "genotype?} as given, or null), phenotypes (P per phenotype, given every observation), genotypes (P "
            "per genotype)}]."},
           {"notes", "object[]",
            "[{code, system, message}]: founders_renormalised when a system's founder_sum differs from 1 by more "
            "than 1e-6 (as printed): the probability is eq. 3.12's product divided by founder_sum once per person drawn from the "
            "population (each founder, and the unlisted parent of a person with one parent listed)."}},
          true,
          handle};
}

}  // namespace rbc::api
