#pragma once
// Blood groups over an antigen subset (thesis ch. 4): a blood group is the set of antigens of
// an ordered antigen list A that are present, held as a bit set (bit k = the k-th antigen of
// A), so the integer order of the groups is the thesis's colexicographic order (eq. 4.7).
// Frequencies follow eq. 4.10 within a blood-group system (summing its phenotype frequencies
// over the antigens A leaves out) and eq. 4.11 across systems (independent, so a product).
// Donor group i can serve recipient group j iff i is a subset of j (eq. 4.8); the usability
// of i sums the recipients it can serve and the receivability of j the donors that can serve
// it, both by zeta transforms in O(n 2^n), never over pairs of groups.
#include <Eigen/Dense>
#include <optional>
#include <string>
#include <vector>

#include "bloodgroup/system.hpp"

namespace rbc::frequency {

// Tables of 2^n groups are refused above this many antigens (2^20 doubles = 8 MB each for
// frequency, usability and receivability).
inline constexpr std::size_t max_table_antigens = 20;
// A single group's frequency may use any number of antigens (it is a product of sums).
inline constexpr std::size_t max_query_antigens = 32;

// One blood-group system with its phenotype frequencies (aligned with system.phenotypes(),
// summing to 1).
struct SystemPopulation {
  const bloodgroup::System* system = nullptr;
  Eigen::VectorXd phenotype_frequencies;
};

// A population: a phenotype table per system. The populations of a mixture list the same
// systems in the same order.
using Population = std::vector<SystemPopulation>;

// Donors (or recipients) drawn from several populations, e.g. seed 004's donors, 99 %
// European and 1 % African. The systems are independent within each population (eq. 4.11),
// not across the mixture: a group's share of the mixture is the weighted sum of its share of
// each population. Weights are non-negative and sum to 1 (populations.hpp checks them).
struct MixtureComponent {
  double weight = 1;
  Population population;
};
using Mixture = std::vector<MixtureComponent>;

// Where each antigen of A lives: system index into the populations and antigen bit there.
struct AntigenPlace {
  int system = 0;
  int bit = 0;
};

// Resolves the names of A against the systems; throws InputError at `path`[i] for a name in
// no system, a name listed twice, or more than max_query_antigens.
std::vector<AntigenPlace> place_antigens(const std::vector<std::string>& antigens,
                                         const std::vector<SystemPopulation>& systems, const std::string& path);

// Eq. 4.10 for system k: the frequency of each group over the antigens of A in system k,
// indexed by the bit set over those antigens in A's order. `members`: positions in A of
// system k's antigens.
std::vector<double> system_marginal(const SystemPopulation& population, const std::vector<AntigenPlace>& places,
                                    int system, const std::vector<int>& members);

struct GroupFrequency {
  double frequency = 0;  // eq. 4.11
  struct Factor {
    int system = 0;
    std::vector<int> antigens;  // positions in A
    double frequency = 0;       // eq. 4.10; 1 when A has none of the system's antigens
  };
  std::vector<Factor> factors;  // one per system, in the order given
};

// One group: `present` holds positions in A.
GroupFrequency group_frequency(const std::vector<SystemPopulation>& systems, const std::vector<AntigenPlace>& places,
                               const std::vector<int>& present);

// Every group over A (2^n entries, index = bit set; at most max_table_antigens antigens).
std::vector<double> blood_group_table(const std::vector<SystemPopulation>& systems,
                                      const std::vector<AntigenPlace>& places, const std::string& path);
std::vector<double> blood_group_table(const Mixture& mixture, const std::vector<AntigenPlace>& places,
                                      const std::string& path);

// The share of the mixture whose red cells carry every antigen of `present` and none of
// `absent` (positions in A), without tabulating: a product over systems of sums over
// phenotypes (eq. 4.10-4.11), for any number of antigens. With present = group i and
// absent = the rest of A it is group i's frequency; the usability of group i (eq. 6.6) is
// share(recipients, i, {}) and the receivability of group j (eq. 6.7) share(donors, {}, A \ j).
double share(const Mixture& mixture, const std::vector<AntigenPlace>& places, const std::vector<int>& present,
             const std::vector<int>& absent);

// Both take frequencies summing to 1 and return values in [0, 1].
// u_i = sum over j containing i of recipient_j: the share of recipients group i can serve.
std::vector<double> usability(std::vector<double> recipient_frequency);
// r_j = sum over i contained in j of donor_i: the share of donors who can serve group j.
std::vector<double> receivability(std::vector<double> donor_frequency);

// Definition 6.3 (eq. 6.8): the relative opportunity loss of issuing a unit of group i to a
// request of group j (i a subset of j, so usability_i >= usability_j): (F_i - F_j) / F_i, in
// [0, 1], 0 when i = j. Undefined (nullopt) when F_i = 0: no recipient can receive group i,
// so there is no opportunity to lose (and F_j = 0 too).
std::optional<double> opportunity_loss(double usability_supplied, double usability_requested);

struct CompatibleDonorGroup {
  std::size_t group = 0;
  std::optional<double> loss;  // Δ_ij
};
// The donor groups that can serve recipient group j (its subsets, eq. 4.8), best first: by
// opportunity loss, undefined losses last, ties in colexicographic order. `usability` is the
// recipients' usability table over A; 2^|j| entries.
std::vector<CompatibleDonorGroup> compatible_donor_groups(std::size_t recipient_group,
                                                          const std::vector<double>& usability);

}  // namespace rbc::frequency
