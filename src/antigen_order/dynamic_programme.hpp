#pragma once
// The dynamic programme of thesis sec. 7.2.3 and appendix 7.5.3 (eq. 7.2-7.3, Algorithm 2)
// over the 2^m matching strategies (bit sets over the minor antigens):
//   V(empty) = 0,  V(M) = max_{mu in M} { r(M - mu -> M) + V(M - mu) },
//   r(M - mu -> M) = p_mu * P[k matched units under M | recipient lacks mu].
// V(M) is the largest share of alloimmunisation prevented by matching on M, over the orders in
// which M's antigens can be dropped when matched units run short (the last added is dropped
// first): r counts anti-mu prevented only when the recipient can be matched on all of M.
#include <cstdint>
#include <vector>

#include "antigen_order/availability.hpp"

namespace rbc::antigen_order {

struct DynamicProgramme {
  int minor = 0;
  std::vector<double> value;     // V(M)
  std::vector<std::int8_t> last;  // the antigen added last on an optimal path (-1 for the empty set)
  // Another antigen added last reaches V(M) too (within the tolerance): M's best order is not
  // the only one.
  std::vector<std::uint8_t> other_last;
};

// r(M - mu -> M), eq. 7.3.
double gain(const StrategyLikelihoods& likelihoods, const std::vector<double>& shares, std::uint32_t strategy, int antigen);

// Eq. 7.2 for every strategy; a tie within `tolerance` keeps the antigen listed first.
DynamicProgramme solve_programme(const StrategyLikelihoods& likelihoods, const std::vector<double>& shares,
                                 double tolerance);

// The antigens of `strategy` in the order an optimal path adds them.
std::vector<int> optimal_path(const DynamicProgramme& programme, std::uint32_t strategy);

// Whether optimal_path(strategy) is the only best order: no step of it had another antigen
// reach the same value (within the programme's tolerance).
bool path_is_unique(const DynamicProgramme& programme, std::uint32_t strategy);

// The value of adding `path`'s antigens in that order: sum over prefixes of r (eq. 7.3).
double path_value(const std::vector<int>& path, const StrategyLikelihoods& likelihoods, const std::vector<double>& shares);

// The bit set of a path's antigens.
std::uint32_t strategy_of(const std::vector<int>& antigens);

}  // namespace rbc::antigen_order
