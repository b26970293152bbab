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

// Both take frequencies summing to 1 and return values in [0, 1].
// u_i = sum over j containing i of recipient_j: the share of recipients group i can serve.
std::vector<double> usability(std::vector<double> recipient_frequency);
// r_j = sum over i contained in j of donor_i: the share of donors who can serve group j.
std::vector<double> receivability(std::vector<double> donor_frequency);

}  // namespace rbc::frequency
