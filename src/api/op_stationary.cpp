// The `stationary` operation: thesis sec. 3.3 beside gene counting.
#include <algorithm>
#include <cmath>
#include <sstream>

#include "api/operations.hpp"
#include "api/reader.hpp"
#include "api/system_json.hpp"
#include "common/input_error.hpp"
#include "frequency/populations.hpp"
#include "genetics/gene_counting.hpp"
#include "genetics/stationary.hpp"

namespace rbc::api {

using nlohmann::json;

namespace {

const FieldSpec& spec(const char* name) { return field_spec("stationary", name); }

std::vector<double> to_vector(const Eigen::VectorXd& v) { return {v.data(), v.data() + v.size()}; }

std::string fmt(double x, int digits = 4) {
  std::ostringstream s;
  s.precision(digits);
  s << x;
  return s.str();
}

// The phenotype frequencies as given: a population id, an array, or {label: f}.
Eigen::VectorXd read_frequencies(ObjectReader& r, const bloodgroup::System& system, std::string& path) {
  const bool has_pop = r.has("population"), has_freq = r.has("frequencies");
  if (has_pop == has_freq)
    throw InputError(has_pop ? "conflicting_fields" : "missing_field", has_pop ? "population" : "frequencies",
                     "give exactly one of population (a built-in table) or frequencies (your own)");
  const auto n = static_cast<Eigen::Index>(system.phenotypes().size());
  if (has_pop) {
    path = "population";
    const auto& table = frequency::builtin_population(r.string(spec("population")), "population");
    if (table.system != system.definition().id)
      throw InputError("invalid_field", "population",
                       "population '" + table.id + "' is a table for system '" + table.system + "', not for '" +
                           (system.definition().id.empty() ? system.definition().name : system.definition().id) + "'");
    return frequency::frequencies_for(system, table);
  }
  path = "frequencies";
  const json& v = r.member("frequencies");
  if (v.is_array()) {
    const auto xs = read_number_array(v, path);
    return Eigen::Map<const Eigen::VectorXd>(xs.data(), static_cast<Eigen::Index>(xs.size()));
  }
  if (!v.is_object())
    throw InputError("invalid_field", path, "frequencies must be an array or an object {phenotype label: frequency}");
  Eigen::VectorXd f = Eigen::VectorXd::Zero(n);
  for (const auto& [label, x] : v.items()) {
    const auto p = field_member(path, label);
    const int i = system.phenotype_by_label(label);
    if (i < 0)
      throw InputError("unknown_phenotype", p, p + ": '" + label + "' is not a phenotype of this system");
    f[i] = read_number(x, p);
  }
  return f;
}

json phenotypes_json(const bloodgroup::System& s, const Eigen::VectorXd& f) {
  json out = json::array();
  for (std::size_t p = 0; p < s.phenotypes().size(); ++p) {
    const auto& ph = s.phenotypes()[p];
    out.push_back({{"label", ph.label},
                   {"antigens", s.antigen_names(ph.antigens)},
                   {"frequency", f[static_cast<Eigen::Index>(p)]},
                   {"genotypes", ph.genotypes}});
  }
  return out;
}

json genotypes_json(const bloodgroup::System& s) {
  json out = json::array();
  for (const auto& g : s.genotypes())
    out.push_back({{"label", g.label}, {"haplotypes", {g.first, g.second}}, {"phenotype", g.phenotype}});
  return out;
}

Eigen::VectorXd phenotype_fit(const Eigen::MatrixXd& S, const Eigen::VectorXd& x) { return S.transpose() * x; }

// Plain-language reasons the two methods differ, from the numbers themselves.
json comparison_notes(const genetics::StationarySolution& ls, double ls_stationarity, const Eigen::VectorXd& ls_fit,
                      const genetics::GeneCountingResult& em, const Eigen::VectorXd& f, double difference) {
  json notes = json::array();
  const double fit_gap = (ls_fit - f).lpNorm<Eigen::Infinity>();
  const double em_gap = (em.phenotype_fit - f).lpNorm<Eigen::Infinity>();
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
      ") and leaves a stationarity residual ||x'Px - x||_1 of " + fmt(ls_stationarity, 3);
  const double sum = ls.x.sum();
  if (std::abs(sum - 1) > 1e-4) message += ", and its genotype frequencies add up to " + fmt(sum, 6) + " rather than 1";
  notes.push_back({{"code", "not_hardy_weinberg"}, {"message", message + "."}});
  return notes;
}

}  // namespace

json op_stationary(const json& request, Warnings& warnings) {
  ObjectReader r(request, "");
  const bloodgroup::System system = read_system(r.member("system"), "system");
  std::string fpath;
  const Eigen::VectorXd raw = read_frequencies(r, system, fpath);
  const double sum_tolerance = r.number(spec("sum_tolerance"));
  genetics::StationaryOptions options;
  options.tolerance = r.number(spec("tolerance"));
  options.max_iterations = r.integer(spec("max_iterations"));
  options.nonnegative = r.boolean(spec("nonnegative"));
  const bool multistart = r.boolean(spec("multistart"));
  r.finish();

  const auto checked = frequency::check_phenotype_frequencies(raw, system.phenotypes().size(), sum_tolerance, fpath);
  if (checked.renormalised)
    warnings.push_back(warning("renormalised",
                               "The phenotype frequencies sum to " + fmt(checked.input_sum, 6) +
                                   "; they were divided by that sum so they add up to 1.",
                               fpath));
  const Eigen::VectorXd& f = checked.f;

  const genetics::HeredityOperator P(system);
  const Eigen::MatrixXd S = genetics::phenotype_matrix(system);
  if (multistart && P.genotype_count() > genetics::max_multistart_genotypes)
    throw InputError("limit_exceeded", "multistart",
                     "multistart solves one problem per genotype; this system has " +
                         std::to_string(P.genotype_count()) + " genotypes and the limit is " +
                         std::to_string(genetics::max_multistart_genotypes));

  const auto ls = genetics::stationary_genotypes(P, S, f, genetics::uniform_start(P.genotype_count()), options);
  if (!ls.converged)
    warnings.push_back(warning("not_converged",
                               "The least-squares iteration did not converge within " +
                                   std::to_string(options.max_iterations) + " iterations (last L1 change " +
                                   fmt(ls.trace.back().change, 3) + ").",
                               "max_iterations"));
  if (ls.x.minCoeff() < 0)
    warnings.push_back(warning("negative_frequency",
                               "The unconstrained least-squares iteration gives a negative genotype frequency (" +
                                   fmt(ls.x.minCoeff(), 3) +
                                   "), which is not a probability; set nonnegative to true to constrain it.",
                               "nonnegative"));
  const double ls_stationarity = genetics::stationarity_residual(P, ls.x);
  const Eigen::VectorXd ls_fit = phenotype_fit(S, ls.x);

  json trace = json::array();
  for (const auto& t : ls.trace) trace.push_back({{"iteration", t.iteration}, {"change", t.change}, {"residual", t.residual}});
  json least_squares = {{"x", to_vector(ls.x)},
                        {"iterations", ls.iterations},
                        {"converged", ls.converged},
                        {"residual", ls.residual},
                        {"sum", ls.x.sum()},
                        {"nonnegative", options.nonnegative},
                        {"stationarity_residual", ls_stationarity},
                        {"phenotype_fit", to_vector(ls_fit)},
                        {"trace", trace},
                        {"multistart", nullptr}};
  if (multistart) {
    const auto ms = genetics::multistart_check(P, S, f, ls.x, options);
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
      warnings.push_back(warning("multistart_disagree",
                                 "Not every unit-vector start reached the same distribution (largest difference " +
                                     fmt(ms.max_deviation, 3) + ").",
                                 "multistart"));
  }

  const auto em = genetics::gene_counting(system, f);
  json haplotypes = json::array();
  for (const auto& h : system.haplotypes()) haplotypes.push_back(h.name);
  const json gene_counting = {{"haplotypes", haplotypes},
                              {"haplotype_frequencies", to_vector(em.haplotype_frequencies)},
                              {"x", to_vector(em.genotype_frequencies)},
                              {"iterations", em.iterations},
                              {"converged", em.converged},
                              {"phenotype_fit", to_vector(em.phenotype_fit)},
                              {"max_phenotype_deviation", (em.phenotype_fit - f).lpNorm<Eigen::Infinity>()},
                              {"kl_divergence", em.kl_divergence}};
  const double difference = (ls.x - em.genotype_frequencies).lpNorm<Eigen::Infinity>();

  return {{"system", system_to_json(system)},
          {"phenotypes", phenotypes_json(system, f)},
          {"genotypes", genotypes_json(system)},
          {"input", {{"sum", checked.input_sum}, {"renormalised", checked.renormalised}}},
          {"least_squares", least_squares},
          {"gene_counting", gene_counting},
          {"comparison",
           {{"max_abs_difference", difference},
            {"notes", comparison_notes(ls, ls_stationarity, ls_fit, em, f, difference)}}}};
}

}  // namespace rbc::api
