#include "antigen_order/order.hpp"

#include <algorithm>
#include <bit>

namespace rbc::antigen_order {

std::vector<LevelBest> best_by_level(const DynamicProgramme& programme, double tolerance) {
  const int m = programme.minor;
  std::vector<LevelBest> levels(static_cast<std::size_t>(m) + 1);
  for (int l = 0; l <= m; ++l) levels[static_cast<std::size_t>(l)].level = l;
  std::vector<double> best(levels.size(), -1.0);
  for (std::uint32_t s = 0; s < programme.value.size(); ++s) {
    const auto l = static_cast<std::size_t>(std::popcount(s));
    best[l] = std::max(best[l], programme.value[s]);
  }
  for (std::size_t l = 0; l < levels.size(); ++l) {
    auto& level = levels[l];
    const std::uint32_t below = l > 0 ? levels[l - 1].strategy : 0;
    std::optional<std::uint32_t> chosen;
    std::int64_t tied = 0;
    for (std::uint32_t s = 0; s < programme.value.size(); ++s) {
      if (static_cast<std::size_t>(std::popcount(s)) != l || programme.value[s] < best[l] - tolerance) continue;
      ++tied;
      const bool nested = (s & below) == below;
      if (!chosen || (nested && (*chosen & below) != below)) chosen = s;
    }
    level.strategy = *chosen;
    level.value = programme.value[*chosen];
    level.tied = tied;
    for (std::uint32_t s = 0; s < programme.value.size(); ++s) {
      if (static_cast<std::size_t>(std::popcount(s)) != l || s == level.strategy) continue;
      if (!level.runner_up || programme.value[s] > level.runner_up_value) {
        level.runner_up = s;
        level.runner_up_value = programme.value[s];
      }
    }
  }
  return levels;
}

AntigenOrder order_from_levels(const std::vector<LevelBest>& levels, const DynamicProgramme& programme,
                               const StrategyLikelihoods& likelihoods, const std::vector<double>& shares, double cutoff) {
  AntigenOrder order;
  std::size_t end = 1;  // first level not in the order
  for (; end < levels.size(); ++end) {
    const double step = levels[end].value - levels[end - 1].value;
    if (step < cutoff) break;
    const std::uint32_t below = levels[end - 1].strategy, here = levels[end].strategy;
    if ((here & below) != below || std::popcount(here & ~below) != 1) order.nested = false;
    order.gains.push_back(step);
  }
  if (order.nested) {
    for (std::size_t l = 1; l < end; ++l)
      order.antigens.push_back(std::countr_zero(levels[l].strategy & ~levels[l - 1].strategy));
  } else {
    order.antigens = optimal_path(programme, levels[end - 1].strategy);
  }
  // The rest of the sequence: each next antigen where it adds the most (eq. 7.3), ties to the
  // antigen listed first.
  order.sequence = order.antigens;
  std::uint32_t s = strategy_of(order.sequence);
  const int m = programme.minor;
  while (static_cast<int>(order.sequence.size()) < m) {
    int pick = -1;
    double best = -1;
    for (int mu = 0; mu < m; ++mu) {
      if ((s >> mu) & 1U) continue;
      const double g = gain(likelihoods, shares, s | (std::uint32_t{1} << mu), mu);
      if (g > best) {
        best = g;
        pick = mu;
      }
    }
    order.sequence.push_back(pick);
    s |= std::uint32_t{1} << pick;
  }
  return order;
}

MatchedDistribution matched_distribution(const std::vector<int>& sequence, const std::vector<double>& served) {
  // served along the sequence's prefixes, M_0 (always-matched antigens only) to M_m.
  std::vector<double> along;
  std::uint32_t s = 0;
  along.push_back(served[0]);
  for (int mu : sequence) {
    s |= std::uint32_t{1} << mu;
    along.push_back(served[s]);
  }
  MatchedDistribution out;
  // Pool adjacent violators: the non-increasing sequence closest (least squares) to `along`.
  std::vector<double> value;
  std::vector<std::size_t> size;
  for (double v : along) {
    value.push_back(v);
    size.push_back(1);
    while (value.size() > 1 && value[value.size() - 2] < value.back()) {
      const std::size_t a = size[size.size() - 2], b = size.back();
      const double pooled = (value[value.size() - 2] * static_cast<double>(a) + value.back() * static_cast<double>(b)) /
                            static_cast<double>(a + b);
      value.pop_back();
      size.pop_back();
      value.back() = pooled;
      size.back() = a + b;
      out.adjusted = true;
    }
  }
  std::vector<double> fitted;
  for (std::size_t i = 0; i < value.size(); ++i) fitted.insert(fitted.end(), size[i], value[i]);
  for (double& v : fitted) v = std::clamp(v, 0.0, 1.0);
  out.none = 1 - fitted[0];
  double weighted = 0;
  for (std::size_t l = 0; l < fitted.size(); ++l) {
    const double exactly = fitted[l] - (l + 1 < fitted.size() ? fitted[l + 1] : 0.0);
    out.levels.push_back(exactly);
    weighted += exactly * static_cast<double>(l);
  }
  out.average = weighted;  // over all recipients, the unmatched counting 0 (as Table 7.4's averages)
  return out;
}

std::size_t position_in(const AntigenOrder& order, int mu, int m) {
  const auto at = std::find(order.antigens.begin(), order.antigens.end(), mu);
  return at == order.antigens.end() ? static_cast<std::size_t>(m) : static_cast<std::size_t>(at - order.antigens.begin());
}

}  // namespace rbc::antigen_order
