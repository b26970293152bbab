#pragma once
// People's phenotypes over one or several independently inherited systems, as the next-of-kin
// operations read them (`relatives`, `pregnancy`): per system entry {"system": id or
// definition, "population": a built-in table of that system (default its first, the
// thesis's) or "frequencies": the user's}, plus the phenotype fields each operation names;
// and the genotype distribution of the population under the chosen model.
#include <Eigen/Dense>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "api/reader.hpp"
#include "api/registry.hpp"
#include "bloodgroup/system.hpp"
#include "common/input_error.hpp"
#include "common/progress.hpp"

namespace rbc::api {

enum class GenotypeModel { least_squares, as_printed, gene_counting };
GenotypeModel genotype_model(const std::string& name);
// The `model` field's description, shared by the operations.
std::string genotype_model_description();

struct SystemEntry {
  bloodgroup::System system;
  Eigen::VectorXd f;            // the population's phenotype frequencies (checked, sum 1)
  nlohmann::json population;    // {id, name, source}, or null for the user's frequencies
  std::string path;             // "donor[1]"
};

// Reads the entry's system and population (not its phenotype fields: see read_phenotype);
// warns through `context` (renormalised, table notices).
SystemEntry read_system_entry(ObjectReader& r, const std::string& path, double sum_tolerance, Context& context);

// The phenotype named by `key` ("phenotype", "mother"), as an index into system.phenotypes();
// -1 when the key is absent and not required. Throws unknown_phenotype at path.key.
int read_phenotype(ObjectReader& r, const std::string& key, const bloodgroup::System& system, bool required);

// x under the model: the least-squares iteration (over the simplex, or as printed) from the
// uniform start, or Hardy-Weinberg by gene counting.
Eigen::VectorXd genotype_distribution(const bloodgroup::System& system, const Eigen::VectorXd& f, GenotypeModel model,
                                      const Progress& progress);

// At most this many systems per request; no two may share an antigen.
inline constexpr std::size_t max_person_systems = 8;

// The `sum_tolerance` field, as `stationary` declares it.
Field<double> sum_tolerance_field();

// A phenotype of frequency 0 taken as its limit under Hardy-Weinberg (gene counting): the
// frequencies with that phenotype at limit_epsilon and the others scaled to make room; the
// probabilities derived move by about sqrt(epsilon), a silent allele's frequency.
inline constexpr double limit_epsilon = 1e-12;
Eigen::VectorXd at_limit(Eigen::VectorXd f, int phenotype);

// Throws duplicate_name at `path`[k].system when system k shares an antigen with an earlier
// one: the systems must be inherited independently (RhD is part of Rh).
void check_independent(const std::vector<const bloodgroup::System*>& systems, const std::string& path);

// The array at `path`: 1 to max_person_systems entries, each read by read(entry, "path[k]"),
// none sharing an antigen with another. `empty` is said when the array is empty.
template <class Entry, class Read>
std::vector<Entry> read_system_entries(const nlohmann::json& value, const std::string& path, const std::string& empty,
                                       Read read) {
  const nlohmann::json& list = read_array(value, path);
  if (list.empty()) throw InputError("invalid_field", path, empty);
  if (list.size() > max_person_systems)
    throw InputError("limit_exceeded", path, "At most " + std::to_string(max_person_systems) +
                                                 " systems (the limit is " + std::to_string(max_person_systems) + ")");
  std::vector<Entry> out;
  std::vector<const bloodgroup::System*> systems;
  for (std::size_t k = 0; k < list.size(); ++k) out.push_back(read(list[k], path + "[" + std::to_string(k) + "]"));
  for (const auto& e : out) systems.push_back(&e.system);
  check_independent(systems, path);
  return out;
}

}  // namespace rbc::api
