#include "api/person_json.hpp"

#include <algorithm>
#include <set>

#include "api/system_json.hpp"
#include "common/input_error.hpp"
#include "frequency/populations.hpp"
#include "genetics/gene_counting.hpp"
#include "genetics/stationary.hpp"

namespace rbc::api {

using nlohmann::json;

GenotypeModel genotype_model(const std::string& name) {
  if (name == "as_printed") return GenotypeModel::as_printed;
  if (name == "gene_counting") return GenotypeModel::gene_counting;
  return GenotypeModel::least_squares;
}

std::string genotype_model_description() {
  return "The genotype distribution x the probabilities are computed from: least_squares (the thesis's iteration, "
         "each step over the probability simplex: the Genotypes calculator's default), as_printed (the iteration "
         "exactly as printed, which may hold small negative entries), or gene_counting (Hardy-Weinberg maximum "
         "likelihood, exactly stationary).";
}

namespace {

const frequency::PopulationTable* default_table(const bloodgroup::System& system) {
  for (const auto& t : frequency::builtin_populations())
    if (t.system == system.definition().id) return &t;
  return nullptr;
}

}  // namespace

SystemEntry read_system_entry(ObjectReader& r, const std::string& path, double sum_tolerance, Context& context) {
  SystemEntry e{read_system(r.member("system"), r.path_of("system")), {}, json(), path};
  if (r.has("population") && r.has("frequencies"))
    throw InputError("invalid_field", r.path_of("frequencies"), "Give either population or frequencies, not both");
  Eigen::VectorXd raw;
  std::string fpath;
  if (r.has("frequencies")) {
    fpath = r.path_of("frequencies");
    raw = read_phenotype_frequencies(r.member("frequencies"), e.system, fpath);
  } else {
    fpath = r.path_of("population");
    const frequency::PopulationTable* table = nullptr;
    if (r.has("population"))
      table = &frequency::builtin_population_for(e.system, read_string(r.member("population"), fpath), fpath);
    else if (e.system.definition().source != "user-defined")
      table = default_table(e.system);
    if (!table)
      throw InputError("missing_field", fpath, "Give the population's phenotype frequencies for " + e.system.definition().name);
    for (const auto& notice : frequency::table_notices(e.system, *table)) context.warn(notice.code, notice.message, fpath);
    raw = frequency::frequencies_for(e.system, *table);
    e.population = {{"id", table->id}, {"name", table->name}, {"source", table->source}};
  }
  const double tolerance = frequency::sum_tolerance_for(!e.population.is_null(), sum_tolerance);
  const auto checked = frequency::check_phenotype_frequencies(raw, e.system.phenotypes().size(), tolerance, fpath);
  if (checked.renormalised)
    context.warn("renormalised",
                 "The " + e.system.definition().name + " phenotype frequencies add up to " +
                     frequency::describe_sum(checked.input_sum) + ", not 1; they were divided by that sum.",
                 fpath);
  e.f = checked.f;
  return e;
}

int read_phenotype(ObjectReader& r, const std::string& key, const bloodgroup::System& system, bool required) {
  if (!required && !r.has(key)) return -1;
  const std::string label = read_string(r.member(key), r.path_of(key));
  const int p = system.phenotype_by_label(label);
  if (p < 0) throw InputError("unknown_phenotype", r.path_of(key), system.why_not_a_phenotype(label));
  return p;
}

Eigen::VectorXd genotype_distribution(const bloodgroup::System& system, const Eigen::VectorXd& f, GenotypeModel model,
                                      const Progress& progress) {
  if (model == GenotypeModel::gene_counting) return genetics::gene_counting(system, f, {}, progress).genotype_frequencies;
  genetics::StationaryOptions o;
  if (model == GenotypeModel::as_printed) o.nonnegative = false;
  const genetics::HeredityOperator P(system);
  const Eigen::MatrixXd S = genetics::phenotype_matrix(system);
  return genetics::stationary_genotypes(P, S, f, genetics::uniform_start(P.genotype_count()), o, progress).x;
}

Field<double> sum_tolerance_field() {
  return number_field("sum_tolerance",
                      "How far each system's frequencies may sum from 1; within it they are renormalised (with a "
                      "warning), beyond it the request is refused. A built-in table is renormalised within 0.02 of "
                      "1 whatever this says (its sum is as printed).",
                      "", frequency::default_sum_tolerance, 0, frequency::max_sum_tolerance);
}

Eigen::VectorXd at_limit(Eigen::VectorXd f, int phenotype) {
  f *= 1 - limit_epsilon;
  f[phenotype] = limit_epsilon;
  return f;
}

void check_independent(const std::vector<const bloodgroup::System*>& systems, const std::string& path) {
  std::set<std::string> antigens;
  for (std::size_t k = 0; k < systems.size(); ++k)
    for (const auto& a : systems[k]->definition().antigens)
      if (!antigens.insert(a).second)
        throw InputError("duplicate_name", path + "[" + std::to_string(k) + "].system",
                         "Antigen " + a + " is in two of the systems; systems must be inherited independently "
                         "(RhD is part of Rh: give one of them)");
}

}  // namespace rbc::api
