// The `stationary` operation: thesis sec. 3.3 beside gene counting.
#include <algorithm>
#include <cmath>
#include <sstream>
#include <utility>

#include "api/operations.hpp"
#include "bloodgroup/system.hpp"
#include "api/reader.hpp"
#include "api/system_json.hpp"
#include "common/input_error.hpp"
#include "frequency/populations.hpp"
#include "genetics/genotype_analysis.hpp"

namespace rbc::api {

using nlohmann::json;

namespace {

struct StationaryFields {
  Field<json> system, frequencies;
  Field<std::string> population;
  Field<double> sum_tolerance, tolerance;
  Field<int> max_iterations;
  Field<std::string> constraint;
  Field<bool> multistart, check_uniqueness;

  std::vector<FieldSpec> specs() const {
    return {system.spec, population.spec, frequencies.spec, sum_tolerance.spec, tolerance.spec,
            max_iterations.spec, constraint.spec, multistart.spec, check_uniqueness.spec};
  }
};

std::string constraint_name(const genetics::StationaryOptions& o) {
  return !o.nonnegative ? "none" : o.sum_to_one ? "distribution" : "nonnegative";
}

// Defaults come from the core's option structs, so they are written once.
const StationaryFields& fields() {
  static const StationaryFields f = [] {
    const genetics::GenotypeAnalysisOptions defaults;
    return StationaryFields{
        json_field("system", "string | object", system_field_description(), "thesis sec. 3.3.1", true),
        json_field("frequencies", "number[] | object",
                   "Phenotype frequencies f: an array in the system's phenotype order, or an object "
                   "{phenotype label: frequency} (labels not given are 0). Each in [0, 1]; 0 is valid.",
                   "thesis eq. 3.3, 3.14", false),
        string_field("population",
                     "Id of a built-in population table for the system (see `systems`). Give either "
                     "population or frequencies.",
                     "thesis Tables 3.1, 3.4, 4.4; sec. 3.5.2", std::nullopt),
        number_field("sum_tolerance",
                     "How far your frequencies may sum from 1; within it they are renormalised (with a warning), "
                     "beyond it the request is refused. A built-in table is renormalised within 0.02 of 1 whatever "
                     "this says (its sum is as printed).",
                     "", frequency::default_sum_tolerance, 0, frequency::max_sum_tolerance),
        number_field("tolerance", "Stop when the L1 change of x between iterations is below this.",
                     "thesis sec. 3.3.5", defaults.stationary.tolerance, 1e-14, 0.1),
        integer_field("max_iterations", "Most iterations of eq. 3.25 per start.", "thesis sec. 3.3.5",
                      defaults.stationary.max_iterations, 1, 100000),
        string_field("constraint",
                     "What each least-squares step may return. distribution: a probability distribution (x >= 0, "
                     "summing to 1), so the answer is one. nonnegative: x >= 0 only. none: eq. 3.24 exactly as "
                     "printed, which can give small negative frequencies (Table 3.4 omits one) and a sum other "
                     "than 1 (eq. 3.5 sums to 0.9988).",
                     "thesis eq. 3.18-3.25", constraint_name(defaults.stationary), {"distribution", "nonnegative", "none"}),
        boolean_field("multistart",
                      "Also start from every unit vector and report whether all starts reach the same distribution "
                      "(at most " +
                          std::to_string(genetics::max_multistart_genotypes) + " genotypes).",
                      "thesis sec. 3.3.6", defaults.multistart),
        boolean_field("check_uniqueness",
                      "Check whether the phenotype frequencies determine the answer: haplotypes with the same "
                      "antigens, and " +
                          std::to_string(genetics::uniqueness_starts) +
                          " random starts (a fixed seed) looking for a different answer that fits as well (at most " +
                          std::to_string(genetics::max_uniqueness_genotypes) + " genotypes).",
                      "thesis sec. 3.3.6", defaults.check_uniqueness),
    };
  }();
  return f;
}

// Arrays and objects of the result are built in place: nlohmann's initializer lists copy
// every element and work out per list whether it is an object, which made building this
// result (about 600 values) a sizeable part of a request.
json to_vector(const Eigen::VectorXd& v) {
  json::array_t out;
  out.reserve(static_cast<std::size_t>(v.size()));
  for (const double x : v) out.emplace_back(x);
  return out;
}

std::string fmt(double x, int digits = 4) {
  std::ostringstream s;
  s.precision(digits);
  s << x;
  return s.str();
}

// The phenotype frequencies as given: a population id, an array, or {label: f}.
Eigen::VectorXd read_frequencies(ObjectReader& r, const bloodgroup::System& system, std::string& path,
                                 Context& context) {
  const auto& F = fields();
  const bool has_pop = r.has("population"), has_freq = r.has("frequencies");
  if (has_pop == has_freq)
    throw InputError(has_pop ? "conflicting_fields" : "missing_field", has_pop ? "population" : "frequencies",
                     "give exactly one of population (a built-in table) or frequencies (your own)");
  if (has_pop) {
    path = "population";
    const auto& table = frequency::builtin_population_for(system, r.get(F.population), "population");
    for (const auto& notice : frequency::table_notices(system, table)) context.warn(notice.code, notice.message, path);
    return frequency::frequencies_for(system, table);
  }
  path = "frequencies";
  return read_phenotype_frequencies(*r.get(F.frequencies), system, path);
}

std::string genotype_list(const bloodgroup::System& s, const std::vector<int>& genotypes) {
  std::string out;
  for (std::size_t i = 0; i < genotypes.size() && i < 12; ++i)
    out += (i ? ", " : "") + s.genotypes()[static_cast<std::size_t>(genotypes[i])].label;
  if (genotypes.size() > 12) out += " and " + std::to_string(genotypes.size() - 12) + " more";
  return out;
}

std::string not_unique_message(const bloodgroup::System& s, const genetics::UniquenessCheck& u) {
  std::string message = "These phenotype frequencies do not determine the genotype frequencies.";
  if (!u.differing.empty())
    message += " Another start reached a different answer that fits them equally well (differences up to " +
               fmt(u.max_difference, 3) + ", in " + genotype_list(s, u.differing) +
               "): the answer shown is one of several.";
  for (const auto& group : u.indistinguishable_haplotypes) {
    std::string names;
    for (int h : group) names += (names.empty() ? "" : ", ") + s.haplotypes()[static_cast<std::size_t>(h)].name;
    message += " Haplotypes " + names + " express the same antigens, so no phenotype tells their frequencies apart.";
  }
  return message;
}

json uniqueness_json(const bloodgroup::System& s, const genetics::UniquenessCheck& u, bool asked) {
  if (!asked) return nullptr;
  json groups = json::array();
  for (const auto& group : u.indistinguishable_haplotypes) {
    json names = json::array();
    for (int h : group) names.push_back(s.haplotypes()[static_cast<std::size_t>(h)].name);
    groups.push_back(names);
  }
  return {{"checked", u.checked},          {"starts", u.starts},       {"unique", u.unique},
          {"max_difference", u.max_difference}, {"differing", u.differing}, {"indistinguishable_haplotypes", groups}};
}

json phenotypes_json(const bloodgroup::System& s, const Eigen::VectorXd& f) {
  json::array_t out;
  out.reserve(s.phenotypes().size());
  for (std::size_t p = 0; p < s.phenotypes().size(); ++p) {
    const auto& ph = s.phenotypes()[p];
    json::object_t o;
    o.emplace("label", ph.label);
    o.emplace("antigens", s.antigen_names(ph.antigens));
    o.emplace("frequency", f[static_cast<Eigen::Index>(p)]);
    o.emplace("genotypes", ph.genotypes);
    out.emplace_back(std::move(o));
  }
  return out;
}

// P(genotype | its phenotype); null where the phenotype has probability 0 (NaN in the core).
json given_phenotype_json(const Eigen::VectorXd& p) {
  json::array_t out;
  out.reserve(static_cast<std::size_t>(p.size()));
  for (const double v : p) out.emplace_back(std::isfinite(v) ? json(v) : json());
  return out;
}

// Plain-language reasons the two methods differ, from the numbers themselves.
json comparison_notes(const genetics::StationarySolution& ls, double ls_stationarity, const Eigen::VectorXd& ls_fit,
                      const genetics::GeneCountingResult& em, const Eigen::VectorXd& f, double difference,
                      bool unique) {
  json notes = json::array();
  const double fit_gap = (ls_fit - f).lpNorm<Eigen::Infinity>();
  const double em_gap = (em.phenotype_fit - f).lpNorm<Eigen::Infinity>();
  if (!unique) {
    notes.push_back({{"code", "not_identifiable"},
                     {"message", "The phenotype frequencies allow several genotype distributions that fit them equally "
                                 "well (see the warning), so each method shows one of them; that the two " +
                                     std::string(difference < 1e-4 ? "agree" : "differ") +
                                     " says nothing about which is the population's."}});
    if (difference < 1e-4) return notes;
  }
  if (difference < 1e-4) {
    notes.push_back({{"code", "methods_agree"},
                     {"message", "Both methods give the same genotype distribution (to within " + fmt(difference, 2) +
                                     "): these phenotype frequencies are consistent with a population in "
                                     "Hardy-Weinberg equilibrium."}});
    return notes;
  }
  std::string message =
      "The methods differ by up to " + fmt(difference, 3) +
      " because no stationary (Hardy-Weinberg) population has exactly these phenotype frequencies. "
      "Gene counting keeps the population exactly stationary and fits the phenotype frequencies by maximum "
      "likelihood (largest phenotype gap " +
      fmt(em_gap, 3) +
      "). The least-squares iteration (thesis eq. 3.15-3.25) weighs stationarity and the phenotype equations "
      "together in one least-squares problem: it matches the phenotypes " +
      (fit_gap <= em_gap ? "more" : "less") + " closely (largest gap " + fmt(fit_gap, 3) +
      ") and leaves a stationarity residual \u2016x\u2032Px \u2212 x\u2016\u2081 of " + fmt(ls_stationarity, 3);
  const double sum = ls.x.sum();
  if (std::abs(sum - 1) > 1e-4) message += ", and its genotype frequencies add up to " + fmt(sum, 6) + " rather than 1";
  notes.push_back({{"code", "not_hardy_weinberg"}, {"message", message + "."}});
  return notes;
}

json handle(ObjectReader& r, Context& context) {
  const auto& F = fields();
  const bloodgroup::System system = read_system(*r.get(F.system), "system");
  std::string fpath;
  const Eigen::VectorXd raw = read_frequencies(r, system, fpath, context);
  const double sum_tolerance = r.get(F.sum_tolerance);
  genetics::GenotypeAnalysisOptions options;
  options.stationary.tolerance = r.get(F.tolerance);
  options.stationary.max_iterations = r.get(F.max_iterations);
  const std::string constraint = r.get(F.constraint);
  options.stationary.nonnegative = constraint != "none";
  options.stationary.sum_to_one = constraint == "distribution";
  options.multistart = r.get(F.multistart);
  options.check_uniqueness = r.get(F.check_uniqueness);

  const double tolerance = frequency::sum_tolerance_for(fpath == "population", sum_tolerance);
  const auto checked = frequency::check_phenotype_frequencies(raw, system.phenotypes().size(), tolerance, fpath);
  if (checked.renormalised)
    context.warn("renormalised",
                 "The phenotype frequencies add up to " + frequency::describe_sum(checked.input_sum) +
                     ", not 1; they were divided by that sum so they add up to 1.",
                 fpath);
  const Eigen::VectorXd& f = checked.f;

  const auto a = genetics::analyse_genotypes(system, f, options, context.progress);
  const auto& ls = a.least_squares;
  if (!ls.converged)
    context.warn("not_converged",
                 "The least-squares iteration did not converge within " +
                     std::to_string(options.stationary.max_iterations) +
                     (options.stationary.max_iterations == 1 ? " iteration" : " iterations") + " (last L1 change " +
                     fmt(ls.trace.back().change, 3) + ").",
                 "max_iterations");
  if (ls.x.minCoeff() < 0)
    context.warn("negative_frequency",
                 "The unconstrained least-squares iteration gives a negative genotype frequency (" +
                     fmt(ls.x.minCoeff(), 3) +
                     "), which is not a probability; choose the constraint distribution for an answer that is one.",
                 "constraint");
  const double sum = ls.x.sum();
  if (!options.stationary.nonnegative && (std::abs(sum - 1) > 1e-6 || a.stationarity_residual > 1e-3))
    context.warn("not_a_distribution",
                 "As printed in the thesis, the iteration's answer is a least-squares compromise, not a distribution: "
                 "its genotype frequencies add up to " + frequency::describe_sum(sum) +
                     ", and it is stationary only to within " + fmt(a.stationarity_residual, 3) +
                     " (\u2016x\u2032Px \u2212 x\u2016\u2081). Choose the constraint distribution for an answer that is one.",
                 "constraint");

  json::array_t trace;
  trace.reserve(ls.trace.size());
  for (const auto& t : ls.trace) {
    json::object_t o;
    o.emplace("iteration", t.iteration);
    o.emplace("change", t.change);
    o.emplace("residual", t.residual);
    trace.emplace_back(std::move(o));
  }
  json least_squares = {{"x", to_vector(ls.x)},
                        {"iterations", ls.iterations},
                        {"converged", ls.converged},
                        {"residual", ls.residual},
                        {"sum", ls.x.sum()},
                        {"constraint", constraint},
                        {"stationarity_residual", a.stationarity_residual},
                        {"phenotype_fit", to_vector(a.least_squares_fit)},
                        {"given_phenotype", given_phenotype_json(a.least_squares_given_phenotype)},
                        {"trace", std::move(trace)},
                        {"multistart", nullptr}};
  if (a.multistart) {
    const auto& ms = *a.multistart;
    const auto [lo, hi] = std::minmax_element(ms.iterations.begin(), ms.iterations.end());
    double mean = 0;
    for (int i : ms.iterations) mean += i;
    mean /= static_cast<double>(ms.iterations.size());
    least_squares["multistart"] = {{"starts", ms.starts},
                                   {"converged", ms.converged},
                                   {"all_agree", ms.all_agree},
                                   {"agreement_tolerance", genetics::multistart_agreement},
                                   {"max_deviation", ms.max_deviation},
                                   {"iterations", {{"min", *lo}, {"mean", mean}, {"max", *hi}}},
                                   {"per_start", ms.iterations}};
    if (!ms.all_agree)
      context.warn("multistart_disagree",
                   "Not every unit-vector start reached the same distribution (largest difference " +
                       fmt(ms.max_deviation, 3) + ").",
                   "multistart");
  }

  least_squares["uniqueness"] = uniqueness_json(system, a.uniqueness, options.check_uniqueness);
  if (!a.uniqueness.unique) context.warn("not_unique", not_unique_message(system, a.uniqueness), "check_uniqueness");

  const auto& em = a.gene_counting;
  json haplotypes = json::array();
  for (const auto& h : system.haplotypes()) haplotypes.push_back(h.name);
  json gene_counting = {{"haplotypes", std::move(haplotypes)},
                              {"haplotype_frequencies", to_vector(em.haplotype_frequencies)},
                              {"x", to_vector(em.genotype_frequencies)},
                              {"given_phenotype", given_phenotype_json(a.gene_counting_given_phenotype)},
                              {"iterations", em.iterations},
                              {"converged", em.converged},
                              {"phenotype_fit", to_vector(em.phenotype_fit)},
                              {"max_phenotype_deviation", (em.phenotype_fit - f).lpNorm<Eigen::Infinity>()},
                              {"kl_divergence", em.kl_divergence}};

  return {{"system", system_to_json(system)},
          {"phenotypes", phenotypes_json(system, f)},
          {"genotypes", genotypes_json(system)},
          {"input", {{"sum", checked.input_sum}, {"renormalised", checked.renormalised}}},
          {"least_squares", std::move(least_squares)},
          {"gene_counting", std::move(gene_counting)},
          {"comparison",
           {{"max_abs_difference", a.max_abs_difference},
            {"notes", comparison_notes(ls, a.stationarity_residual, a.least_squares_fit, em, f, a.max_abs_difference,
                                      a.uniqueness.unique)}}}};
}

}  // namespace

Operation stationary_operation() {
  return {"stationary",
          "Stationary genotype distribution from phenotype frequencies by iterated least squares, "
          "beside maximum-likelihood gene counting under Hardy-Weinberg equilibrium.",
          "thesis sec. 3.3.3-3.3.6, eq. 3.9-3.26",
          fields().specs(),
          {{"system", "object", "The system as solved: antigens, loci, haplotypes, phenotypes (see `systems`)."},
           {"phenotypes", "object[]",
            "Per phenotype: label, antigens, frequency (after renormalisation), genotypes (indices into genotypes)."},
           {"genotypes", "object[]",
            "Per genotype, in eq. 3.9 order: label, haplotypes [i, j], phenotype index, and short_label in the "
            "notation staff use where the system has one (Rh: R1r for DCe/dce)."},
           {"input", "object", "sum: the frequencies' sum as given; renormalised: whether they were divided by it."},
           {"least_squares", "object",
            "The thesis's iteration: x (genotype frequencies), given_phenotype (P(genotype | its phenotype), "
            "null where the phenotype has probability 0), iterations, converged, residual (eq. 3.26), sum, "
            "constraint, stationarity_residual ||x'Px - x||_1, phenotype_fit S'x, trace [{iteration, change, "
            "residual}], multistart (null, or {starts, converged, all_agree, agreement_tolerance, max_deviation, "
            "iterations {min, mean, max}, per_start}), uniqueness (null, or {checked, starts, unique, "
            "max_difference, differing (genotype indices), indistinguishable_haplotypes (groups of names)})."},
           {"gene_counting", "object",
            "Hardy-Weinberg maximum likelihood: haplotypes, haplotype_frequencies, x, given_phenotype, iterations, "
            "converged, "
            "phenotype_fit, max_phenotype_deviation, kl_divergence."},
           {"comparison", "object",
            "max_abs_difference between the two x, and notes [{code, message}] explaining it in words."}},
          true,
          handle};
}

}  // namespace rbc::api
