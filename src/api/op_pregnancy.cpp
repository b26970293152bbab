// The `pregnancy` operation: the chance that a fetus carries each red-cell antigen its mother
// lacks (the screening question of haemolytic disease of the fetus and newborn that the
// thesis's conclusion raises), from the mother's phenotype and the father's if known, else a
// father drawn from the population; per system (eq. 3.12) and over independent systems.
#include <cmath>

#include "api/operations.hpp"
#include "api/person_json.hpp"
#include "api/reader.hpp"
#include "common/input_error.hpp"
#include "frequency/populations.hpp"
#include "genetics/pregnancy.hpp"

namespace rbc::api {

using nlohmann::json;

namespace {

struct PregnancyFields {
  Field<json> systems;
  Field<std::string> model;
  Field<double> sum_tolerance;
  std::vector<FieldSpec> specs() const { return {systems.spec, model.spec, sum_tolerance.spec}; }
};

const PregnancyFields& fields() {
  static const PregnancyFields f = {
      json_field("systems", "object[]",
                 "Per independently inherited system: {\"system\": a built-in id or a definition (as in "
                 "`stationary`), \"mother\": her phenotype's label, \"father\": his (optional: without it the father "
                 "is drawn from the population), and \"population\" (a built-in table of that system; default its "
                 "first, the thesis's) or \"frequencies\"}. At most 8 systems; no antigen in two of them.",
                 "thesis sec. 3.3.1, eq. 3.12; ch. 8 (haemolytic disease)", true),
      string_field("model", genotype_model_description(), "thesis sec. 3.3", std::string("least_squares"),
                   {"least_squares", "as_printed", "gene_counting"}),
      sum_tolerance_field(),
  };
  return f;
}

struct ParentsSystem : SystemEntry {
  int mother = 0;
  int father = -1;  // -1: drawn from the population
};

ParentsSystem read_entry(const json& entry, const std::string& path, double sum_tolerance, Context& context) {
  ObjectReader r(entry, path);
  ParentsSystem e{read_system_entry(r, path, sum_tolerance, context)};
  e.mother = read_phenotype(r, "mother", e.system, true);
  e.father = read_phenotype(r, "father", e.system, false);
  r.finish();
  return e;
}

json handle(ObjectReader& r, Context& context) {
  const auto& F = fields();
  const GenotypeModel model = genotype_model(r.get(F.model));
  const double sum_tolerance = r.get(F.sum_tolerance);
  const auto systems = read_system_entries<ParentsSystem>(
      *r.get(F.systems), "systems", "Give the mother's phenotype in at least one system",
      [&](const json& entry, const std::string& path) { return read_entry(entry, path, sum_tolerance, context); });

  json out_systems = json::array(), antigens = json::array();
  double none_anywhere = 1;  // P(the fetus carries no antigen the mother lacks), over the systems
  bool all_defined = true;
  for (std::size_t k = 0; k < systems.size(); ++k) {
    const auto& e = systems[k];
    const auto& phenotypes = e.system.phenotypes();
    // Under gene counting a parent's phenotype of frequency 0 is its limit (see `relatives`).
    Eigen::VectorXd f = e.f;
    bool limit = false;
    if (model == GenotypeModel::gene_counting)
      for (const int p : {e.mother, e.father})
        if (p >= 0 && f[p] == 0) {
          f = at_limit(f, p);
          limit = true;
        }
    const Eigen::VectorXd x = genotype_distribution(
        e.system, f, model, context.progress.part(double(k) / systems.size(), double(k + 1) / systems.size()));
    const genetics::HeredityOperator P(e.system);
    const Eigen::MatrixXd S = genetics::phenotype_matrix(e.system);
    const auto mother = genetics::genotypes_given_phenotype(S, x, e.mother);
    const auto father = e.father >= 0 ? genetics::genotypes_given_phenotype(S, x, e.father)
                                      : std::optional<Eigen::VectorXd>(x.cwiseMax(0.0) / x.cwiseMax(0.0).sum());
    const bool defined = mother && father;
    all_defined = all_defined && defined;
    if (limit)
      context.warn("limit",
                   "A parent's " + e.system.definition().name +
                       " phenotype has frequency 0 in this population; the fetus's probabilities are the limit as "
                       "its frequency tends to 0 under Hardy-Weinberg equilibrium (computed at 1e-12).",
                   e.path);
    if (!defined)
      context.warn("undefined",
                   std::string(mother ? "The father's" : "The mother's") + " " + e.system.definition().name +
                       " phenotype has frequency 0 under this model's genotype distribution, so the fetus's "
                       "probabilities are not defined; choose gene counting (Hardy-Weinberg) for the limit.",
                   e.path + (mother ? ".father" : ".mother"));

    const auto& mother_antigens = phenotypes[static_cast<std::size_t>(e.mother)].antigens;
    json lacking = json::array(), fetus = json::array();
    double none = 0;  // P(fetus shows none of the antigens the mother lacks)
    genetics::Fetus child;
    if (defined) {
      child = genetics::fetus_distribution(P, S, *mother, *father);
      for (std::size_t p = 0; p < phenotypes.size(); ++p)
        if ((phenotypes[p].antigens & ~mother_antigens) == 0) none += child.phenotypes[static_cast<Eigen::Index>(p)];
    }
    for (std::size_t p = 0; p < phenotypes.size(); ++p)
      fetus.push_back({{"phenotype", phenotypes[p].label},
                       {"probability", defined ? json(child.phenotypes[static_cast<Eigen::Index>(p)]) : json()}});
    const auto& names = e.system.definition().antigens;
    for (std::size_t a = 0; a < names.size(); ++a) {
      if (mother_antigens & (std::uint64_t{1} << a)) continue;
      double carries = 0;
      if (defined)
        for (std::size_t p = 0; p < phenotypes.size(); ++p)
          if (phenotypes[p].antigens & (std::uint64_t{1} << a)) carries += child.phenotypes[static_cast<Eigen::Index>(p)];
      json entry = {{"antigen", names[a]}, {"probability", defined ? json(carries) : json()}};
      lacking.push_back(entry);
      entry["system"] = e.system.definition().name;
      antigens.push_back(std::move(entry));
    }
    none_anywhere *= defined ? none : std::nan("");
    out_systems.push_back(
        {{"name", e.system.definition().name},
         {"id", e.system.definition().id},
         {"mother", phenotypes[static_cast<std::size_t>(e.mother)].label},
         {"father", e.father >= 0 ? json(phenotypes[static_cast<std::size_t>(e.father)].label) : json()},
         {"population", e.population},
         {"limit", limit},
         {"lacking", std::move(lacking)},
         {"any", defined ? json(1 - none) : json()},
         {"fetus", std::move(fetus)}});
  }
  return {{"model", r.get(F.model)},
          {"systems", std::move(out_systems)},
          {"antigens", std::move(antigens)},
          {"any", all_defined ? json(1 - none_anywhere) : json()}};
}

}  // namespace

Operation pregnancy_operation() {
  return {"pregnancy",
          "The chance that a fetus carries each red-cell antigen its mother lacks, from the mother's phenotype and "
          "the father's (or a father drawn from the population): per antigen, per system and for any of them.",
          "thesis sec. 3.3.1, eq. 3.12 (heredity), 3.2.4 (Bayes); ch. 8 (haemolytic disease of the fetus and newborn)",
          fields().specs(),
          {{"model", "string", "The genotype model used."},
           {"systems", "object[]",
            "Per system: name, id, mother, father (null: drawn from the population), population, limit (a parent's "
            "phenotype of frequency 0 taken as its limit), lacking [{antigen, probability}] (each antigen the "
            "mother lacks: P(the fetus carries it)), any (P(the fetus carries at least one of them)), fetus "
            "[{phenotype, probability}] (the fetus's phenotype distribution). Null probabilities: not defined "
            "(see the warning)."},
           {"antigens", "object[]", "Every antigen the mother lacks, over all systems: {antigen, system, probability}."},
           {"any", "number | null",
            "P(the fetus carries at least one antigen the mother lacks, in any system): 1 - the product over "
            "systems of P(none in that system)."}},
          true,
          handle};
}

}  // namespace rbc::api
