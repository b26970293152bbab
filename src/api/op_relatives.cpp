// The `relatives` operation: how likely a donor's relatives are to share the donor's blood
// group (thesis sec. 3.2.4, 3.4: Table 3.2, eq. 3.27-3.31), over one or several independently
// inherited systems, each from its population's genotype distribution.
#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>

#include "api/operations.hpp"
#include "api/person_json.hpp"
#include "api/reader.hpp"
#include "api/system_json.hpp"
#include "common/input_error.hpp"
#include "frequency/populations.hpp"
#include "genetics/heredity.hpp"
#include "genetics/relatives.hpp"

namespace rbc::api {

using nlohmann::json;

namespace {

constexpr int max_systems = 8;
// A phenotype of frequency 0 is taken as the limit f -> 0 under Hardy-Weinberg: computed at
// this frequency (the others scaled down to make room); the probabilities move by about
// sqrt(epsilon) (a silent allele's frequency), far below the 4 decimals shown.
constexpr double limit_epsilon = 1e-12;

struct RelativesFields {
  Field<json> donor;
  Field<std::string> model;
  Field<json> relations;
  Field<double> sum_tolerance;
  Field<bool> summary;

  std::vector<FieldSpec> specs() const {
    return {donor.spec, model.spec, relations.spec, summary.spec, sum_tolerance.spec};
  }
};

const RelativesFields& fields() {
  static const RelativesFields f = {
      json_field("donor", "object[]",
                 "The donor's blood group, one entry per independently inherited system: [{\"system\": a built-in "
                 "id or a definition (as in `stationary`), \"phenotype\": its label (as `systems` lists them, e.g. "
                 "\"O\", \"d\", \"Fy(a-b-)\"), and the population: \"population\" (a built-in table of that system; "
                 "default its first, the thesis's) or \"frequencies\" (an array in the system's phenotype order, or "
                 "{label: frequency})}]. At most 8 systems; no antigen in two of them (RhD is part of Rh).",
                 "thesis sec. 3.2.4, 3.5", true),
      string_field("model",
                   genotype_model_description() +
                       " With as_printed the conditional probabilities divide by the input frequency as eq. 3.28 "
                       "does, so they can miss 1 slightly (reproduces Table 3.3) and are not defined when the table "
                       "gives the donor's phenotype frequency 0; with gene_counting a phenotype of frequency 0 is "
                       "taken as its limit.",
                   "thesis sec. 3.3, eq. 3.28", std::string("least_squares"),
                   {"least_squares", "as_printed", "gene_counting"}),
      json_field("relations", "string[]",
                 "Optional: the relations to compute (default all): sibling, parent, child, uncle_aunt, "
                 "nephew_niece, grandparent, half_sibling, grandchild, first_cousin, unrelated.",
                 "thesis Table 3.2", false),
      sum_tolerance_field(),
      boolean_field("summary",
                    "Also summarise each system over every phenotype of positive frequency taken as the donor's: per "
                    "relation the minimum, the frequency-weighted average and the maximum effectiveness, as Table "
                    "3.3 does for Rh.",
                    "thesis Table 3.3", false),
  };
  return f;
}

using Model = GenotypeModel;

// One system of the donor's blood group, read and solved.
struct DonorSystem : SystemEntry {
  int phenotype = 0;
  Eigen::VectorXd x;   // genotype distribution under the model
  bool limit = false;  // phi has frequency 0: x is the Hardy-Weinberg fit at f_phi = epsilon
};

DonorSystem read_entry(const json& entry, const std::string& path, double sum_tolerance, Context& context) {
  ObjectReader r(entry, path);
  DonorSystem d{read_system_entry(r, path, sum_tolerance, context)};
  d.phenotype = read_phenotype(r, "phenotype", d.system, true);
  r.finish();
  return d;
}

std::vector<genetics::Relation> read_relations(const json* value, const std::string& path) {
  std::vector<genetics::Relation> out;
  if (!value) {
    for (const auto& n : genetics::relation_names()) out.push_back(n.relation);
    return out;
  }
  const auto names = read_string_array(*value, path);
  for (std::size_t k = 0; k < names.size(); ++k) {
    const auto& all = genetics::relation_names();
    const auto it = std::find_if(all.begin(), all.end(), [&](const auto& n) { return n.id == names[k]; });
    if (it == all.end())
      throw InputError("invalid_field", path + "[" + std::to_string(k) + "]",
                       "\"" + names[k] + "\" is not a relation; choose from sibling, parent, child, uncle_aunt, "
                       "nephew_niece, grandparent, half_sibling, grandchild, first_cousin, unrelated");
    if (std::find(out.begin(), out.end(), it->relation) == out.end()) out.push_back(it->relation);
  }
  return out;
}

// How many relatives (each from another donor's family, so independent) to test to find one
// with the blood group: the mean of the geometric distribution, and its 90 % and 95 % points.
json tests_needed(double p) {
  if (!(p > 0)) return nullptr;
  if (p >= 1) return {{"expected", 1.0}, {"q90", 1}, {"q95", 1}};
  auto quantile = [&](double level) { return static_cast<int>(std::ceil(std::log1p(-level) / std::log1p(-p) - 1e-9)); };
  return {{"expected", 1 / p}, {"q90", quantile(0.9)}, {"q95", quantile(0.95)}};
}

json number_or_null(double v) { return std::isfinite(v) ? json(v) : json(); }

// P(relative phi | donor phi) for one system, as the model reads eq. 3.28: as_printed divides by
// the table's f_phi (not defined when the table gives 0, whatever weight x gives phi), the
// other models by the weights' own total, so each distribution sums to 1.
genetics::RelativePhenotypes same_phenotype(const Eigen::MatrixXd& kernel, const DonorSystem& d,
                                            const Eigen::MatrixXd& S, int phenotype, Model model) {
  const std::optional<double> divide_by =
      model == Model::as_printed ? std::optional<double>(d.f[phenotype]) : std::nullopt;
  return genetics::relative_phenotypes(kernel, d.x, S, phenotype, divide_by);
}

// Table 3.3 for one system: every phenotype of positive frequency as the donor's, per relation
// the minimum, f-weighted average and maximum effectiveness (NOTES: the average is weighted),
// each against a random person under the same model, as in `handle`.
json summary_of(const DonorSystem& d, const genetics::RelativeKernels& kernels, const Eigen::MatrixXd& S,
                const std::vector<genetics::Relation>& relations, Model model) {
  const auto& labels = d.system.phenotypes();
  json out = json::array();
  const auto unrelated = genetics::relation_kernel(kernels, genetics::Relation::unrelated);
  for (const auto relation : relations) {
    const auto kernel = genetics::relation_kernel(kernels, relation);
    double lo = std::numeric_limits<double>::infinity(), hi = -lo, weighted = 0, weight = 0;
    int arg_lo = -1, arg_hi = -1;
    for (int p = 0; p < static_cast<int>(labels.size()); ++p) {
      if (!(d.f[p] > 0)) continue;
      const auto rp = same_phenotype(kernel, d, S, p, model);
      const auto random = same_phenotype(unrelated, d, S, p, model);
      if (!rp.defined || !random.defined) continue;
      const double e = rp.conditional[p] - random.conditional[p];
      if (e < lo) lo = e, arg_lo = p;
      if (e > hi) hi = e, arg_hi = p;
      weighted += d.f[p] * e;
      weight += d.f[p];
    }
    const auto& name = genetics::relation_name(relation);
    const bool any = arg_lo >= 0;
    out.push_back({{"id", name.id},
                   {"minimum", any ? json(lo) : json()},
                   {"average", any ? json(weighted / weight) : json()},
                   {"maximum", any ? json(hi) : json()},
                   {"minimum_phenotype", any ? json(labels[static_cast<std::size_t>(arg_lo)].label) : json()},
                   {"maximum_phenotype", any ? json(labels[static_cast<std::size_t>(arg_hi)].label) : json()}});
  }
  return {{"system", d.system.definition().name}, {"relations", std::move(out)}};
}

// A frequency in words: three significant digits (0.00148).
std::string significant(double v) {
  std::ostringstream s;
  s.precision(3);
  s << v;
  return s.str();
}

// Why a system's conditionals are not defined, if they are not.
enum class Undefined { no, zero_in_table, zero_in_model };

Undefined undefined_reason(const DonorSystem& d, const Eigen::MatrixXd& S, Model model) {
  if (model == Model::as_printed && !(d.f[d.phenotype] > 0)) return Undefined::zero_in_table;  // eq. 3.28: / f_phi = 0
  if (!((S.transpose() * d.x)[d.phenotype] > 0)) return Undefined::zero_in_model;
  return Undefined::no;
}

// Says, for a phenotype the table gives frequency 0, why it is or is not defined under the model.
void warn_zero_frequency(const DonorSystem& d, const Eigen::MatrixXd& S, Undefined undefined, Context& context) {
  const std::string label = d.system.phenotypes()[static_cast<std::size_t>(d.phenotype)].label;
  const double fitted = (S.transpose() * d.x)[d.phenotype];
  if (undefined == Undefined::zero_in_table) {
    // Which model answers instead: least squares when its x gives phi a positive frequency.
    const Eigen::VectorXd ls = genotype_distribution(d.system, d.f, Model::least_squares, {});
    const double ls_fitted = (S.transpose() * ls)[d.phenotype];
    context.warn("undefined",
                 "Not defined: the table gives " + label + " frequency 0, and eq. 3.28 as printed divides by it, so "
                     "its relatives' probabilities are not defined. " +
                     (ls_fitted > 0 ? "Least squares gives " + label + " frequency " + significant(ls_fitted) +
                                          " from the genotype distribution fitted to the other phenotypes and answers "
                                          "with it; gene counting"
                                    : "Least squares gives it frequency 0 too; gene counting") +
                     " gives the limit as its frequency tends to 0 (Hardy-Weinberg).",
                 "model");
  } else if (undefined == Undefined::no && d.f[d.phenotype] == 0 && !d.limit) {
    context.warn("fitted_frequency",
                 "The table gives " + label + " frequency 0 (too rare to count in its source), but the genotype "
                     "distribution fitted to the other phenotypes gives it " + significant(fitted) +
                     ": under random mating the alleles the other phenotypes carry also make " + label +
                     " people. The donor's relatives and a random person are compared at that frequency.",
                 d.path + ".phenotype");
  }
}

// One relation over every system: the product of the systems' P(relative phi | donor phi).
struct RelationResult {
  double probability = 1;
  bool defined = true, outside = false;
  json systems = json::array();
};

RelationResult relation_result(genetics::Relation relation, const std::vector<DonorSystem>& systems,
                               const std::vector<genetics::RelativeKernels>& kernels,
                               const std::vector<Eigen::MatrixXd>& phenotype_matrices, Model model) {
  RelationResult out;
  for (std::size_t k = 0; k < systems.size(); ++k) {
    const auto& d = systems[k];
    const auto rp = same_phenotype(genetics::relation_kernel(kernels[k], relation), d, phenotype_matrices[k],
                                   d.phenotype, model);
    out.defined = out.defined && rp.defined;
    json dist = json::array();
    double sum = 0;
    for (Eigen::Index p = 0; p < rp.conditional.size(); ++p) {
      dist.push_back(number_or_null(rp.conditional[p]));
      if (rp.defined) {
        sum += rp.conditional[p];
        out.outside = out.outside || rp.conditional[p] < -1e-12 || rp.conditional[p] > 1 + 1e-12;
      }
    }
    out.probability *= rp.defined ? rp.conditional[d.phenotype] : std::nan("");
    out.systems.push_back({{"distribution", std::move(dist)}, {"sum", rp.defined ? json(sum) : json()}});
  }
  return out;
}

json handle(ObjectReader& r, Context& context) {
  const auto& F = fields();
  const Model model = genotype_model(r.get(F.model));
  const double sum_tolerance = r.get(F.sum_tolerance);
  const auto relations = read_relations(r.get(F.relations), "relations");
  auto systems = read_system_entries<DonorSystem>(
      *r.get(F.donor), "donor", "Give the donor's phenotype in at least one system",
      [&](const json& entry, const std::string& path) { return read_entry(entry, path, sum_tolerance, context); });

  // The genotype distributions, one system at a time (the slow part: a checkpoint each).
  for (std::size_t k = 0; k < systems.size(); ++k) {
    auto& d = systems[k];
    const auto progress = context.progress.part(double(k) / systems.size(), double(k + 1) / systems.size());
    d.limit = d.f[d.phenotype] == 0 && model == Model::gene_counting;
    d.x = genotype_distribution(d.system, d.limit ? at_limit(d.f, d.phenotype) : d.f, model, progress);
  }

  // Per system: S and the first-step kernels, once.
  std::vector<Eigen::MatrixXd> phenotype_matrices;
  std::vector<genetics::RelativeKernels> kernels;
  for (const auto& d : systems) {
    phenotype_matrices.push_back(genetics::phenotype_matrix(d.system));
    kernels.push_back(genetics::relative_kernels(genetics::HeredityOperator(d.system), d.x));
  }

  json out_systems = json::array();
  double f_phi = 1;
  bool at_limit_anywhere = false, zero_in_model = false;
  for (std::size_t k = 0; k < systems.size(); ++k) {
    const auto& d = systems[k];
    const Eigen::MatrixXd& S = phenotype_matrices[k];
    f_phi *= d.f[d.phenotype];
    at_limit_anywhere = at_limit_anywhere || d.limit;
    json s = {{"name", d.system.definition().name},
              {"id", d.system.definition().id},
              {"phenotype", d.system.phenotypes()[static_cast<std::size_t>(d.phenotype)].label},
              {"frequency", d.f[d.phenotype]},
              {"model_frequency", (S.transpose() * d.x)[d.phenotype]},
              {"limit", d.limit},
              {"population", d.population},
              {"phenotypes", json::array()}};
    for (const auto& p : d.system.phenotypes()) s["phenotypes"].push_back(p.label);
    out_systems.push_back(std::move(s));
    if (d.limit)
      context.warn("limit", d.system.phenotypes()[static_cast<std::size_t>(d.phenotype)].label +
                                " has frequency 0 in this population; its relatives' probabilities are the limit as its "
                                "frequency tends to 0 under Hardy-Weinberg equilibrium (computed at 1e-12).",
                   d.path + ".phenotype");
    const auto undefined = undefined_reason(d, S, model);
    zero_in_model = zero_in_model || undefined == Undefined::zero_in_model;
    warn_zero_frequency(d, S, undefined, context);
  }

  // A random person under the same model (eq. 3.27's second term): the `unrelated` relation,
  // computed as every other relation is, so an unrelated person is exactly as likely as a
  // random one (effectiveness 0, ratio 1) and the least-squares fit's residual S'x - f is not
  // shown as a difference. At a limit (frequency 0) its probability is the limit, 0.
  const auto random = relation_result(genetics::Relation::unrelated, systems, kernels, phenotype_matrices, model);
  const double reference = !random.defined ? std::nan("") : at_limit_anywhere ? 0.0 : random.probability;

  json out_relations = json::array();
  bool undefined = false, outside = false;
  for (const auto relation : relations) {
    const auto& name = genetics::relation_name(relation);
    auto rel = relation_result(relation, systems, kernels, phenotype_matrices, model);
    if (relation == genetics::Relation::unrelated) rel.probability = reference;
    undefined = undefined || !rel.defined;
    outside = outside || rel.outside;
    const double same = rel.probability;
    out_relations.push_back({{"id", name.id},
                             {"label", name.label},
                             {"probability", number_or_null(same)},
                             {"effectiveness", number_or_null(same - reference)},
                             {"ratio", reference > 0 ? number_or_null(same / reference) : json()},
                             {"tests", rel.defined ? tests_needed(same) : json()},
                             {"systems", std::move(rel.systems)}});
  }
  if (undefined && zero_in_model)
    context.warn("undefined",
                 "The donor's phenotype has frequency 0 under this model's genotype distribution, so its relatives' "
                 "probabilities are 0/0 (not defined). The least-squares solution cannot define the limit; choose "
                 "gene counting (Hardy-Weinberg), which gives the limit as the frequency tends to 0.",
                 "model");
  if (outside)
    context.warn("not_a_probability",
                 "As printed, the least-squares genotype distribution holds small negative entries and does not fit "
                 "the phenotype frequencies exactly, so some conditional probabilities fall slightly outside [0, 1] "
                 "or a distribution misses 1 (see each system's sum). Choose least_squares or gene_counting for "
                 "probabilities.",
                 "model");
  json summaries = json::array();
  const bool summarise = r.get(F.summary);
  if (summarise)
    for (std::size_t k = 0; k < systems.size(); ++k)
      summaries.push_back(summary_of(systems[k], kernels[k], phenotype_matrices[k], relations, model));
  json random_person;
  if (reference > 0) {
    random_person = tests_needed(reference);
    random_person["probability"] = reference;
  }
  return {{"model", r.get(F.model)},
          {"donor", {{"frequency", f_phi}, {"systems", std::move(out_systems)}}},
          {"relations", std::move(out_relations)},
          {"random", std::move(random_person)},
          {"summary", summarise ? std::move(summaries) : json()}};
}

}  // namespace

Operation relatives_operation() {
  return {"relatives",
          "The blood groups of a donor's relatives (sibling, parent, child, uncle / aunt, nephew / niece, "
          "grandparent, half-sibling, grandchild, first cousin): each relative's phenotype given the donor's, the "
          "effectiveness of recruiting among them, and how many to test to find one with the donor's blood group.",
          "thesis sec. 3.2.4, 3.4, Table 3.2, eq. 3.27-3.31",
          fields().specs(),
          {{"model", "string", "The genotype model used."},
           {"donor", "object",
            "frequency (f_phi: the product of the systems' input frequencies) and systems [{name, id, phenotype, "
            "frequency, model_frequency (S'x), limit (true when phi has frequency 0 and the Hardy-Weinberg limit "
            "is used), population {id, name, source} or null, phenotypes (labels)}]."},
           {"relations", "object[]",
            "Per relation: id, label, probability P(relative phi | donor phi) (eq. 3.28-3.30; the product over "
            "systems), effectiveness E = probability - the random person's (eq. 3.27, 3.31), ratio probability / "
            "the random person's (null when that is 0), tests "
            "{expected, q90, q95} (relatives from different families to test to find one with phi; null when "
            "the probability is 0 or undefined), systems [{distribution (P(relative psi | donor phi) per "
            "phenotype psi of that system; null when undefined), sum}]."},
           {"random", "object",
            "A random person under the same model, the `unrelated` relation (so an unrelated person has "
            "effectiveness 0 and ratio 1): {probability (P(unrelated phi | donor phi) by the same eq. 3.28 reading: "
            "S'x normalised with least_squares and gene_counting, (S'x)^2 / f_phi with as_printed), expected, q90, "
            "q95 (people to test at random to find one with phi)}; null when that probability is 0 or undefined."},
           {"summary", "object[] | null",
            "With summary: per system {system, relations [{id, minimum, average, maximum, minimum_phenotype, "
            "maximum_phenotype}]}: the effectiveness over every phenotype of positive frequency (Table 3.3)."}},
          true,
          handle};
}

}  // namespace rbc::api
