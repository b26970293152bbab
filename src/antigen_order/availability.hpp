#pragma once
// The likelihood that k matched units are in an inventory of n (thesis sec. 7.2.2 and
// appendix 7.5.2), for every matching strategy M = always ∪ M_l at once.
//
// Blood groups are bit sets over A = the always-matched antigens (bits 0..a-1) followed by
// the minor antigens (bits a..a+m-1); a strategy is a bit set over the m minor antigens
// (bit i = minor antigen i), so strategies and groups both follow the thesis's colex order.
// Under M a group is compressed to its antigens in M (appendix 7.5.1).
//
// The dynamic programme (eq. 7.3) needs, per strategy M and minor antigen mu in M, the
// likelihood that a recipient who lacks mu finds k matched units:
//   lacking(M, mu) = sum_{j lacks mu} f_j L_j(M, n, k) / sum_{j lacks mu} f_j
// (the weight w(j, mu) conditions on recipients who lack mu, who alone can form anti-mu;
// NOTES.md, "Chapter 7"), and the share of all recipients served, sum_j f_j L_j(M, n, k).
#include <cstdint>
#include <vector>

#include "common/progress.hpp"

namespace rbc::antigen_order {

// Models of Table 7.2.
enum class InventoryModel : int {
  static_compatible = 1,  // model 1: X_j ~ Bin(n, g_j), any unit without an antigen j lacks
  static_identical = 2,   // model 2: Y_j ~ Bin(n, f_j), identical units only
  dynamic_identical = 3,  // model 3: Algorithm 1, simulated
};

// Donor and recipient groups over A with positive frequency (in either role), each role
// summing to 1. Built from the dense tables over A (frequency::blood_group_table).
struct GroupDistribution {
  int always = 0;  // a
  int minor = 0;   // m
  std::vector<std::uint32_t> groups;
  std::vector<double> donor, recipient;
  // Share of recipients who lack minor antigen i (they alone can form anti-i).
  std::vector<double> recipients_lacking;
};
GroupDistribution group_distribution(const std::vector<double>& donor_table, const std::vector<double>& recipient_table,
                                     int always, int minor);

// Per strategy (index = bit set over the minor antigens, 2^m of them) and minor antigen i:
// lacking[M * m + i] for i in M (unused otherwise), and served[M].
struct StrategyLikelihoods {
  int minor = 0;
  std::vector<double> lacking;
  std::vector<double> served;
  double lacking_at(std::uint32_t strategy, int antigen) const {
    return lacking[static_cast<std::size_t>(strategy) * static_cast<std::size_t>(minor) + static_cast<std::size_t>(antigen)];
  }
};

// P[X >= k] for X ~ Bin(n, p), 0 <= k <= n: accurate to a few ulps relative in the upper tail
// (summed directly where it is small) and absolutely elsewhere; no overflow or underflow for
// n up to 2^31.
double binomial_upper_tail(std::int64_t n, double p, std::int64_t k);

// The compressed groups of one strategy: dense tables over the 2^(a + |M|) groups of M.
struct CompressedGroups {
  int width = 0;  // a + |M|
  std::vector<double> donor, recipient;
};
// Compresses every group of `d` to its antigens of `kept` (a bit set over A).
CompressedGroups compress(const GroupDistribution& d, std::uint32_t kept);

// The bit set over A of strategy M's antigens (always-matched ones included).
std::uint32_t kept_antigens(int always, std::uint32_t strategy);

// Models 1 and 2 exactly, for several (n, k, model) at once: one StrategyLikelihoods per
// scenario, in the order given. The compressed tables are built once per strategy.
struct ExactScenario {
  std::int64_t n = 0, k = 0;
  InventoryModel model = InventoryModel::static_identical;  // 1 or 2
};
std::vector<StrategyLikelihoods> exact_likelihoods(const GroupDistribution& d, const std::vector<ExactScenario>& scenarios,
                                                   const Progress& progress = {});

// L_j(M, n, k) of models 1 and 2 for each group j of strategy M (index = compressed group).
std::vector<double> exact_group_likelihoods(const CompressedGroups& groups, std::int64_t n, std::int64_t k,
                                            InventoryModel model);

}  // namespace rbc::antigen_order
