#include "frequency/populations.hpp"

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

Eigen::VectorXd frequencies_for(const bloodgroup::System& system, const PopulationTable& table) {
  Eigen::VectorXd f = Eigen::VectorXd::Zero(static_cast<Eigen::Index>(system.phenotypes().size()));
  for (const auto& e : table.entries) {
    const int p = system.phenotype_index(system.antigen_set(e.antigens, table.id));
    if (p < 0) throw InputError("internal", table.id, table.id + ": a phenotype the system cannot express");
    f[p] = e.frequency;
  }
  return f;
}

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
  out.input_sum = raw.sum();
  if (!(std::abs(out.input_sum - 1.0) <= sum_tolerance)) {
    std::ostringstream msg;
    msg << path << " sums to " << out.input_sum << "; it must sum to 1 within " << sum_tolerance
        << " (sum_tolerance)";
    throw InputError("sum_not_one", path, msg.str());
  }
  out.renormalised = std::abs(out.input_sum - 1.0) > 1e-12;
  out.f = out.renormalised ? Eigen::VectorXd(raw / out.input_sum) : raw;
  return out;
}

}  // namespace rbc::frequency
