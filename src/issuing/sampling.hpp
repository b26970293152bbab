#pragma once
// The random parts of one simulated day (seed 004 sec. 4.1-4.2, Fig. 1; thesis sec. 6.4):
// how many units or requests arrive, and the blood type of each unit or patient, drawn from
// a population (a mixture of independent blood-group systems, frequency/blood_groups.hpp).
// Every draw uses numeric/random's samplers, so a seed gives the same numbers natively and
// in wasm.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "allocation/allocation.hpp"
#include "frequency/blood_groups.hpp"
#include "numeric/random.hpp"

namespace rbc::issuing {

using allocation::Group;

// ---- Counts per day ----
enum class CountLaw { fixed, poisson, negative_binomial };
const char* to_string(CountLaw law);

// The number of units (or requests) of day t: mean m_t = mean x weekday[t mod 7].
//   fixed:             m_t rounded to the nearest whole number (halves up), no draw;
//   poisson:           Poisson(m_t);
//   negative_binomial: variance m_t + m_t^2 / dispersion (over-dispersed; dispersion -> infinity
//                      is Poisson), the Poisson-gamma mixture.
inline constexpr double max_count_mean = 1e6;  // per day
struct CountModel {
  CountLaw law = CountLaw::fixed;
  double mean = 0;        // >= 0, per day
  double dispersion = 1;  // negative binomial size r > 0
  std::array<double, 7> weekday{1, 1, 1, 1, 1, 1, 1};  // factors >= 0; day t uses weekday[t % 7]
};
double day_mean(const CountModel& m, int day);
std::int64_t draw_count(const CountModel& m, int day, numeric::Rng& rng);

// ---- Blood types ----
// A joint phenotype table over some antigens of A, replacing (in one mixture component) the
// independent systems that carry them: seed 004 sec. 4.2 draws donors' A, B, D, C, c, E, e
// "by sampling units from historical NHSBT donation data", a joint table, not a product of
// the ABO and Rh systems. Every system with an antigen in `antigens` has all its antigens of A
// there (check_joint).
inline constexpr std::size_t max_joint_rows = 4096;
struct JointTable {
  Group antigens = 0;               // the antigens of A the table covers; 0: no table
  std::vector<Group> types;         // per row: the antigens present (within `antigens`)
  std::vector<double> frequencies;  // per row, >= 0, summing to 1
  friend bool operator==(const JointTable&, const JointTable&) = default;
};

// Throws InputError at `path` for a table that does not cover whole systems, a type outside
// its antigens, a frequency below 0 or frequencies not summing to 1 (within 1e-6).
void check_joint(const JointTable& table, const std::vector<frequency::AntigenPlace>& places,
                 const std::vector<std::string>& antigens, const std::string& path);

// The share of `mixture` (with joint tables per component, or none) carrying every antigen of
// `present` and none of `absent` (positions in A): frequency::share, with a component's joint
// table summed over its rows for the antigens it covers (eq. 4.10-4.11 otherwise).
double share(const frequency::Mixture& mixture, const std::vector<JointTable>& joint,
             const std::vector<frequency::AntigenPlace>& places, const std::vector<int>& present,
             const std::vector<int>& absent);

// Draws a blood group over the antigens A (bit k = antigen k of A, as `places` orders them):
// the mixture component by its weight (no draw with one component), then its joint table's
// row when it has one, then each remaining system's phenotype, independently (eq. 4.10-4.11),
// summed over the antigens A leaves out.
class TypeSampler {
 public:
  TypeSampler(const frequency::Mixture& mixture, const std::vector<frequency::AntigenPlace>& places,
              const std::vector<JointTable>& joint = {});
  Group operator()(numeric::Rng& rng) const;

 private:
  struct SystemDraw {
    numeric::DiscreteDistribution groups;
    std::vector<Group> bits;  // per outcome: its antigens as bits of A
  };
  std::vector<double> weights_;
  numeric::DiscreteDistribution component_;
  std::vector<std::vector<SystemDraw>> systems_;  // per component: the joint table first, then per system with antigens in A
};

// The largest-remainder split of `total` into parts proportional to `shares` (>= 0, sum > 0):
// whole numbers adding up to total, each within 1 of total x share; ties to the lower index.
std::vector<std::int64_t> proportional_split(std::int64_t total, const std::vector<double>& shares);

}  // namespace rbc::issuing
