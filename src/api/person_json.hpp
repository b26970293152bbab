#pragma once
// People's phenotypes over one or several independently inherited systems, as the next-of-kin
// operations read them (`relatives`, `pregnancy`): per system entry {"system": id or
// definition, "population": a built-in table of that system (default its first, the
// thesis's) or "frequencies": the user's}, plus the phenotype fields each operation names;
// and the genotype distribution of the population under the chosen model.
#include <Eigen/Dense>
#include <nlohmann/json.hpp>
#include <string>

#include "api/reader.hpp"
#include "api/registry.hpp"
#include "bloodgroup/system.hpp"
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

// No two entries may share an antigen: the systems must be inherited independently (RhD is
// part of Rh). Throws duplicate_name at `path`[k].system.
void check_independent(const std::vector<SystemEntry>& entries, const std::string& path);

}  // namespace rbc::api
