#pragma once
// Phenotype frequency tables: the built-in ones (each number with its source) and the
// check every user-supplied table goes through.
#include <algorithm>
#include <Eigen/Dense>
#include <string>
#include <vector>

#include "bloodgroup/system.hpp"

namespace rbc::frequency {

struct PopulationEntry {
  std::vector<std::string> antigens;  // the phenotype, as antigen names ({} = no antigen)
  double frequency = 0;               // relative frequency; "rare" in the source is 0
  std::string source;                 // paper and table the number comes from
  // Why a frequency of 0 here matters clinically (Fy(a-b-) among Caucasians); reported to
  // the user whenever the table is used.
  std::string flag = {};
};

struct PopulationTable {
  std::string id;      // "rh/thesis-table-3.4"
  std::string system;  // built-in system id
  std::string name;    // "Caucasian, thesis Table 3.4"
  std::string source;
  std::string notes;
  std::vector<PopulationEntry> entries;  // phenotypes not listed have frequency 0
};

const std::vector<PopulationTable>& builtin_populations();
// Throws InputError("unknown_population", path) for an unknown id.
const PopulationTable& builtin_population(const std::string& id, const std::string& path = "population");

// The built-in table `id`, which must be a table for `system`; throws InputError at `path`
// ("unknown_population", or "invalid_field" for another system's table).
const PopulationTable& builtin_population_for(const bloodgroup::System& system, const std::string& id,
                                              const std::string& path);

// The table as a vector aligned with system.phenotypes(). Entries the system cannot express
// (S-s- in a four-haplotype MNS system) are left out; table_notices() says so.
Eigen::VectorXd frequencies_for(const bloodgroup::System& system, const PopulationTable& table);

// What the user must be told whenever `table` is used with `system`:
//   not_expressible: entries no genotype of the system shows, left out (their share named);
//   zero_frequency:  entries of frequency 0 that matter clinically (their `flag`).
struct TableNotice {
  std::string code;
  std::string message;
};
std::vector<TableNotice> table_notices(const bloodgroup::System& system, const PopulationTable& table);

// ---- Checking user input ----
inline constexpr double default_sum_tolerance = 0.015;  // Table 4.4's Kidd rows sum to 0.99
inline constexpr double max_sum_tolerance = 0.1;
// Built-in tables are renormalised whatever a request's sum_tolerance: their sums are what
// the source printed (rounding, 'rare' rows as 0: the AABB African Rh column adds up to
// 98.4 %), within this of 1 (a test checks every table), while the tolerance is there to
// catch a mistyped number.
inline constexpr double builtin_sum_tolerance = 0.02;

// The sum tolerance a table is held to: a built-in table at least builtin_sum_tolerance (it
// is printed as published), the user's own frequencies at the tolerance the request asks for.
inline double sum_tolerance_for(bool builtin_table, double requested) {
  return builtin_table ? std::max(requested, builtin_sum_tolerance) : requested;
}
// Sums within this of 1 (or of the tolerance's edge) are equal up to the rounding of typed
// decimals: never refused for it, never reported as renormalised.
inline constexpr double sum_rounding_guard = 1e-9;

struct CheckedFrequencies {
  Eigen::VectorXd f;          // sums to 1
  double input_sum = 0;       // the sum as given
  bool renormalised = false;  // true when the input was divided by input_sum
};

// Each entry must be finite and in [0, 1]; the sum (compensated, order-independent) must be
// within sum_tolerance of 1 and is then renormalised to 1. Throws InputError naming `path`
// or `path[i]`.
CheckedFrequencies check_phenotype_frequencies(const Eigen::VectorXd& raw, std::size_t phenotype_count,
                                               double sum_tolerance, const std::string& path);

// The weights of a mixture of populations: each finite and in [0, 1], adding up to 1 up to
// sum_rounding_guard (a mixture is not renormalised: weights that add up to 0.9 are a typing
// mistake, not rounding). Returns them divided by their sum.
// Throws InputError at `path`[i] or `path`.
std::vector<double> check_mixture_weights(const std::vector<double>& weights, const std::string& path);

// The sum as text with enough digits to show how it differs from 1 ("0.999999999").
std::string describe_sum(double sum);

}  // namespace rbc::frequency
