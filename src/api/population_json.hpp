#pragma once
// Reading populations, mixtures and blood groups from requests, shared by the operations
// over the six independent systems of thesis Table 4.4 (`frequencies`, `allocate`).
#include <cstdint>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "frequency/blood_groups.hpp"

namespace rbc::api {

// The independent systems of Table 4.4 (RhD is part of Rh, so it is not listed apart).
const std::vector<std::string>& table_systems();

// The independent systems a request uses: those of Table 4.4, and the request's own
// definitions {id: definition}, each replacing the built-in system of that id (an MNS with a
// silent allele, say) or added after them. Antigen names are unique across the set.
class SystemSet {
 public:
  static const SystemSet& builtin();
  // Throws InputError at `path`.<id>: more than max_own_systems, a bad definition, an
  // antigen of two systems.
  static SystemSet with_own(const nlohmann::json* own, const std::string& path);
  static constexpr std::size_t max_own_systems = 8;

  std::size_t size() const { return ids_.size(); }
  const std::string& id(std::size_t k) const { return ids_[k]; }
  const bloodgroup::System& system(std::size_t k) const { return *systems_[k]; }
  bool builtin(std::size_t k) const { return owned_[k] == nullptr; }
  std::vector<std::string> ids() const { return ids_; }

 private:
  std::vector<std::string> ids_;
  std::vector<const bloodgroup::System*> systems_;
  std::vector<std::shared_ptr<const bloodgroup::System>> owned_;  // null for a built-in system
};

// "a, b, c"
std::string joined(const std::vector<std::string>& names);

// What the user must hear about the tables used (renormalised, not_expressible,
// zero_frequency), reported once per table and code for the systems the antigens use.
struct TableWarnings {
  std::map<std::string, std::pair<std::size_t, nlohmann::json>> by_table;  // table id + code -> system index, warning
  void add(const std::string& table, std::size_t system, const std::string& code, const std::string& message,
           const std::string& path);
};

// A population or mixture as read from the request, with what the result says about it.
struct LoadedMixture {
  frequency::Mixture mixture;
  nlohmann::json description = nlohmann::json::array();  // [{weight, tables: {system: {id, name, source}}}]
};

// One population over `systems`: per system id in `map`, a built-in table's id, or phenotype
// frequencies (an array in the system's phenotype order, or {label: frequency}); systems not
// named use their Table 4.4 table (a system of the request's own must be named).
// `tables` receives {system id: {id, name, source}}.
frequency::Population load_population(const SystemSet& systems, const nlohmann::json* map, const std::string& path,
                                      nlohmann::json& tables, TableWarnings& warnings);

// `role` (read at `role_path`) when given: one population {system id: population id} or a
// mixture [{weight, populations}]; else `populations` (read at "populations", may be null)
// as one population.
LoadedMixture load_mixture(const SystemSet& systems, const nlohmann::json* role, const std::string& role_path,
                           const nlohmann::json* populations, TableWarnings& warnings);

// The antigens of A in each system, [{id, name, antigens}], and the warnings of the tables
// of the systems A uses, passed to `warn`.
nlohmann::json systems_used(const SystemSet& systems, const std::vector<std::string>& antigens,
                            const std::vector<frequency::AntigenPlace>& places, const TableWarnings& warnings,
                            std::vector<nlohmann::json>& warn);

// A group given by name (the antigens of A present), as positions in A and its bit set.
struct NamedGroup {
  std::vector<std::string> names;
  std::vector<int> present, absent;
  std::uint64_t bits = 0;
};

// Throws InputError("unknown_antigen") at `path`[k] for a name not in `antigens`; a name
// listed twice counts once.
NamedGroup read_group(const nlohmann::json& value, const std::string& path, const std::vector<std::string>& antigens);

// The antigens of A present in `group`.
nlohmann::json names_of(std::uint64_t group, const std::vector<std::string>& antigens);

}  // namespace rbc::api
