#pragma once
// Blood-group systems to and from their JSON form in requests and responses.
#include <Eigen/Dense>
#include <nlohmann/json.hpp>
#include <string>

#include "bloodgroup/system.hpp"

namespace rbc::api {

// What a `system` request field accepts, with the limits, for `describe` and the docs.
std::string system_field_description();

// A built-in id ("rh") or a definition object; throws InputError naming the field.
bloodgroup::System read_system(const nlohmann::json& value, const std::string& path);

nlohmann::json system_to_json(const bloodgroup::System& system);

// Per genotype, in eq. 3.9 order: label, haplotypes [i, j], phenotype index, short_label.
nlohmann::json genotypes_json(const bloodgroup::System& system);

// Phenotype frequencies as given in a request: an array in the system's phenotype order, or
// an object {phenotype label: frequency} (labels not given are 0). Only the reading: the
// values are checked by frequency::check_phenotype_frequencies.
Eigen::VectorXd read_phenotype_frequencies(const nlohmann::json& value, const bloodgroup::System& system,
                                           const std::string& path);

}  // namespace rbc::api
