#include "antigen_order/dynamic_programme.hpp"

#include <algorithm>
#include <bit>

namespace rbc::antigen_order {

double gain(const StrategyLikelihoods& likelihoods, const std::vector<double>& shares, std::uint32_t strategy,
            int antigen) {
  return shares[static_cast<std::size_t>(antigen)] * likelihoods.lacking_at(strategy, antigen);
}

DynamicProgramme solve_programme(const StrategyLikelihoods& likelihoods, const std::vector<double>& shares,
                                 double tolerance) {
  const int m = likelihoods.minor;
  const std::size_t strategies = std::size_t{1} << m;
  DynamicProgramme p;
  p.minor = m;
  p.value.assign(strategies, 0.0);
  p.last.assign(strategies, -1);
  p.other_last.assign(strategies, 0);
  // Every subset M - mu is a smaller integer than M, so increasing order solves each level
  // after the one below it (Algorithm 2's loop over levels, without sorting by level).
  for (std::uint32_t s = 1; s < strategies; ++s) {
    double best = -1;
    int best_antigen = -1;
    bool other = false;
    for (std::uint32_t rest = s; rest != 0; rest &= rest - 1) {
      const int mu = std::countr_zero(rest);
      const double v = p.value[s & ~(std::uint32_t{1} << mu)] + gain(likelihoods, shares, s, mu);
      if (v > best + tolerance) {
        other = false;
        best = v;
        best_antigen = mu;
      } else if (v >= best - tolerance) {
        other = true;  // tied: V keeps the value of the antigen listed first
      }
    }
    p.value[s] = best;
    p.last[s] = static_cast<std::int8_t>(best_antigen);
    p.other_last[s] = other ? 1 : 0;
  }
  return p;
}

std::vector<int> optimal_path(const DynamicProgramme& programme, std::uint32_t strategy) {
  std::vector<int> path;
  while (strategy != 0) {
    const int mu = programme.last[strategy];
    path.push_back(mu);
    strategy &= ~(std::uint32_t{1} << mu);
  }
  std::reverse(path.begin(), path.end());
  return path;
}

bool path_is_unique(const DynamicProgramme& programme, std::uint32_t strategy) {
  for (; strategy != 0; strategy &= ~(std::uint32_t{1} << programme.last[strategy]))
    if (programme.other_last[strategy]) return false;
  return true;
}

double path_value(const std::vector<int>& path, const StrategyLikelihoods& likelihoods, const std::vector<double>& shares) {
  double v = 0;
  std::uint32_t s = 0;
  for (int mu : path) {
    s |= std::uint32_t{1} << mu;
    v += gain(likelihoods, shares, s, mu);
  }
  return v;
}

std::uint32_t strategy_of(const std::vector<int>& antigens) {
  std::uint32_t s = 0;
  for (int a : antigens) s |= std::uint32_t{1} << a;
  return s;
}

}  // namespace rbc::antigen_order
