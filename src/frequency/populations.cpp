#include "frequency/populations.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "common/input_error.hpp"

namespace rbc::frequency {

const PopulationTable& builtin_population(const std::string& id, const std::string& path) {
  for (const auto& t : builtin_populations())
    if (t.id == id) return t;
  throw InputError("unknown_population", path,
                   path + ": unknown population '" + id + "' (the 'systems' operation lists them)");
}

const PopulationTable& builtin_population_for(const bloodgroup::System& system, const std::string& id,
                                              const std::string& path) {
  const auto& table = builtin_population(id, path);
  const auto& d = system.definition();
  if (table.system != d.id)
    throw InputError("invalid_field", path,
                     "population '" + table.id + "' is a table for system '" + table.system + "', not for '" +
                         (d.id.empty() ? d.name : d.id) + "'");
  return table;
}

Eigen::VectorXd frequencies_for(const bloodgroup::System& system, const PopulationTable& table) {
  Eigen::VectorXd f = Eigen::VectorXd::Zero(static_cast<Eigen::Index>(system.phenotypes().size()));
  for (const auto& e : table.entries) {
    const int p = system.phenotype_index(system.antigen_set(e.antigens, table.id));
    if (p >= 0) f[p] = e.frequency;
  }
  return f;
}

namespace {

// "M+ N- S- s-": every antigen of the system with its sign.
std::string signed_antigens(const bloodgroup::System& system, const std::vector<std::string>& present) {
  std::string out;
  for (const auto& a : system.definition().antigens)
    out += (out.empty() ? "" : " ") + a + (std::find(present.begin(), present.end(), a) != present.end() ? "+" : "-");
  return out;
}

std::string percent(double share) {
  std::ostringstream s;
  s << share * 100 << " %";
  return s.str();
}

}  // namespace

std::vector<TableNotice> table_notices(const bloodgroup::System& system, const PopulationTable& table) {
  std::vector<TableNotice> out;
  const std::string where = "The " + system.definition().name + " table '" + table.name + "'";
  std::string unexpressed;
  double unexpressed_share = 0;
  for (const auto& e : table.entries) {
    const int p = system.phenotype_index(system.antigen_set(e.antigens, table.id));
    if (p < 0) {
      unexpressed += (unexpressed.empty() ? "" : ", ") + signed_antigens(system, e.antigens);
      unexpressed_share += e.frequency;
    } else if (e.frequency == 0 && !e.flag.empty()) {
      out.push_back({"zero_frequency", where + " gives " + system.phenotypes()[static_cast<std::size_t>(p)].label +
                                           " a frequency of 0 ('rare' in the source), so groups with it show as not "
                                           "occurring. " + e.flag});
    }
  }
  if (!unexpressed.empty())
    out.insert(out.begin(), {"not_expressible",
                             where + " lists " + unexpressed + " (" + percent(unexpressed_share) + " of the population), " +
                                 "which no genotype of this system shows. They " +
                                 "are left out and the rest divided by its sum; define a system with a silent allele "
                                 "to include them."});
  return out;
}

namespace {

// Compensated (Neumaier) sum: the same value whatever the order, to within one rounding.
double accurate_sum(const Eigen::VectorXd& x) {
  double sum = 0, carry = 0;
  for (const double v : x) {
    const double t = sum + v;
    carry += std::abs(sum) >= std::abs(v) ? (sum - t) + v : (v - t) + sum;
    sum = t;
  }
  return sum + carry;
}

// x with as few significant digits as show that it differs from `other` (6 to 17).
std::string distinct_digits(double x, double other) {
  for (int digits = 6;; ++digits) {
    std::ostringstream s, t;
    s.precision(digits);
    t.precision(digits);
    s << x;
    t << other;
    if (s.str() != t.str() || digits >= 17) return s.str();
  }
}

}  // namespace

std::string describe_sum(double sum) { return distinct_digits(sum, 1.0); }

CheckedFrequencies check_phenotype_frequencies(const Eigen::VectorXd& raw, std::size_t phenotype_count,
                                               double sum_tolerance, const std::string& path) {
  if (static_cast<std::size_t>(raw.size()) != phenotype_count)
    throw InputError("wrong_length", path,
                     path + " has " + std::to_string(raw.size()) + " entries; the system has " +
                         std::to_string(phenotype_count) + " phenotypes");
  for (Eigen::Index i = 0; i < raw.size(); ++i) {
    const auto p = field_index(path, static_cast<std::size_t>(i));
    if (!std::isfinite(raw[i])) throw InputError("invalid_field", p, p + " must be a finite number");
    if (raw[i] < 0 || raw[i] > 1) {
      std::ostringstream msg;
      msg << p << " must lie in [0, 1] (got " << raw[i] << ")";
      throw InputError("invalid_field", p, msg.str());
    }
  }
  CheckedFrequencies out;
  out.input_sum = accurate_sum(raw);
  const double off = std::abs(out.input_sum - 1.0);
  // The guard keeps the edge consistent: 0.44 + 0.43 + 0.09 + 0.025 and 0.4 + 0.585 both
  // sum to 0.985 up to rounding, and both are accepted with a tolerance of 0.015.
  if (!(off <= sum_tolerance + sum_rounding_guard)) {
    std::ostringstream msg;
    msg << "The frequencies add up to " << distinct_digits(out.input_sum, 1.0 + (out.input_sum > 1 ? 1 : -1) * sum_tolerance)
        << ", which is " << distinct_digits(off, sum_tolerance) << " away from 1; at most " << sum_tolerance
        << " is accepted (the sum tolerance)";
    throw InputError("sum_not_one", path, msg.str());
  }
  out.renormalised = off > sum_rounding_guard;
  // Always divided, so the genotype frequencies sum to 1 to the last digit; a rounding-level
  // difference is not reported as a renormalisation.
  out.f = raw / out.input_sum;
  return out;
}

std::vector<double> check_mixture_weights(const std::vector<double>& weights, const std::string& path) {
  if (weights.empty()) throw InputError("invalid_field", path, "A mixture needs at least one population");
  Eigen::VectorXd w(static_cast<Eigen::Index>(weights.size()));
  for (std::size_t i = 0; i < weights.size(); ++i) {
    const auto p = field_index(path, i);
    if (!std::isfinite(weights[i]) || weights[i] < 0 || weights[i] > 1) {
      std::ostringstream msg;
      msg << "A weight must be a number from 0 to 1 (got " << weights[i] << ")";
      throw InputError("invalid_field", p, msg.str());
    }
    w[static_cast<Eigen::Index>(i)] = weights[i];
  }
  const double sum = accurate_sum(w);
  if (!(std::abs(sum - 1.0) <= sum_rounding_guard))
    throw InputError("sum_not_one", path,
                     "The weights of the mixture add up to " + distinct_digits(sum, 1.0) + "; they must add up to 1");
  std::vector<double> out(weights.size());
  for (std::size_t i = 0; i < weights.size(); ++i) out[i] = weights[i] / sum;
  return out;
}

}  // namespace rbc::frequency
