#include "antigen_order/inventory_simulation.hpp"

#include <bit>

#include "antigen_order/compression.hpp"
#include "numeric/random.hpp"

namespace rbc::antigen_order {

namespace {

// One replication's random numbers, drawn once and shared by every strategy.
struct Draws {
  std::vector<std::uint32_t> stock, recipients, replacements;
};

Draws draw_replication(const GroupDistribution& d, const SimulationSettings& s, int replication) {
  numeric::Rng rng(s.seed, replication_stream(s.n, s.k, replication));
  const numeric::DiscreteDistribution donors(d.donor), recipients(d.recipient);
  Draws out;
  out.stock.resize(static_cast<std::size_t>(s.n));
  for (auto& u : out.stock) u = d.groups[donors(rng)];
  out.recipients.resize(static_cast<std::size_t>(s.draws));
  for (auto& u : out.recipients) u = d.groups[recipients(rng)];
  out.replacements.resize(static_cast<std::size_t>(s.draws * s.k));
  for (auto& u : out.replacements) u = d.groups[donors(rng)];
  return out;
}

// Algorithm 1 for one strategy (the antigens `kept`) on one replication's draws; calls
// on_draw(t, recipient, group, issued) for each recipient t.
template <class OnDraw>
void run_chain(const Draws& draws, const SimulationSettings& s, std::uint32_t kept, std::vector<std::int32_t>& stock,
               OnDraw&& on_draw) {
  const Compressor compress(kept);
  stock.assign(std::size_t{1} << std::popcount(kept), 0);
  for (auto u : draws.stock) ++stock[compress(u)];
  const auto k = static_cast<std::int32_t>(s.k);
  std::size_t next = 0;
  for (std::int64_t t = 0; t < s.draws; ++t) {
    const std::uint32_t recipient = draws.recipients[static_cast<std::size_t>(t)];
    const std::uint32_t group = compress(recipient);
    auto& available = stock[group];
    const bool issued = available >= k;
    if (issued) {
      available -= k;
      for (std::int32_t u = 0; u < k; ++u) ++stock[compress(draws.replacements[next++])];
    }
    on_draw(t, recipient, group, issued);
  }
}

LikelihoodCounts empty_counts(int m, std::int64_t draws) {
  LikelihoodCounts c;
  c.minor = m;
  c.draws = draws;
  const std::size_t strategies = std::size_t{1} << m;
  c.lacking.assign(strategies * static_cast<std::size_t>(m), 0);
  c.lacking_served.assign(c.lacking.size(), 0);
  c.served.assign(strategies, 0);
  return c;
}

}  // namespace

void LikelihoodCounts::add(const LikelihoodCounts& other) {
  draws += other.draws;
  for (std::size_t i = 0; i < lacking.size(); ++i) {
    lacking[i] += other.lacking[i];
    lacking_served[i] += other.lacking_served[i];
  }
  for (std::size_t i = 0; i < served.size(); ++i) served[i] += other.served[i];
}

StrategyLikelihoods LikelihoodCounts::likelihoods(const StrategyLikelihoods* fallback) const {
  StrategyLikelihoods out;
  out.minor = minor;
  out.lacking.assign(lacking.size(), 0.0);
  for (std::size_t i = 0; i < lacking.size(); ++i)
    out.lacking[i] = lacking[i] > 0 ? static_cast<double>(lacking_served[i]) / static_cast<double>(lacking[i])
                                    : (fallback ? fallback->lacking[i] : 0.0);
  out.served.assign(served.size(), 0.0);
  for (std::size_t s = 0; s < served.size(); ++s)
    out.served[s] = draws > 0 ? static_cast<double>(served[s]) / static_cast<double>(draws) : 0.0;
  return out;
}

std::vector<std::int64_t> checkpoint_draws(std::int64_t draws) {
  std::vector<std::int64_t> out;
  for (std::int64_t decade = 1000; decade < draws; decade *= 10)
    for (std::int64_t f : {1, 2, 5})
      if (f * decade < draws) out.push_back(f * decade);
  out.push_back(draws);
  return out;
}

std::uint64_t replication_stream(std::int64_t n, std::int64_t k, int replication) {
  return (static_cast<std::uint64_t>(n) << 32) ^ (static_cast<std::uint64_t>(k) << 16) ^
         static_cast<std::uint64_t>(replication);
}

SimulatedLikelihoods simulate_likelihoods(const GroupDistribution& d, const SimulationSettings& s,
                                          const Progress& progress) {
  const int m = d.minor;
  const std::uint32_t strategies = std::uint32_t{1} << m;
  SimulatedLikelihoods out;
  out.checkpoints = checkpoint_draws(s.draws);
  out.pooled = empty_counts(m, 0);
  out.at_checkpoint.assign(out.checkpoints.size(), empty_counts(m, 0));
  std::vector<std::int32_t> stock;
  for (int r = 0; r < s.replications; ++r) {
    const Draws draws = draw_replication(d, s, r);
    auto counts = empty_counts(m, s.draws);
    for (std::uint32_t strategy = 0; strategy < strategies; ++strategy) {
      if ((strategy & 31U) == 0)
        progress.report((r + static_cast<double>(strategy) / strategies) / s.replications, "simulating the inventory");
      const std::size_t base = static_cast<std::size_t>(strategy) * static_cast<std::size_t>(m);
      const std::uint32_t minor_kept = strategy << d.always;
      std::int64_t lacking[32] = {}, lacking_served[32] = {}, served = 0;
      std::size_t c = 0;
      run_chain(draws, s, kept_antigens(d.always, strategy), stock,
                [&](std::int64_t t, std::uint32_t recipient, std::uint32_t, bool issued) {
                  served += issued ? 1 : 0;
                  // The antigens of M this recipient lacks: only they could form those antibodies.
                  for (std::uint32_t lack = ~recipient & minor_kept; lack != 0; lack &= lack - 1) {
                    const int i = std::countr_zero(lack) - d.always;
                    ++lacking[i];
                    lacking_served[i] += issued ? 1 : 0;
                  }
                  if (t + 1 != out.checkpoints[c]) return;
                  auto& into = c + 1 == out.checkpoints.size() ? counts : out.at_checkpoint[c];
                  for (int i = 0; i < m; ++i) {
                    into.lacking[base + static_cast<std::size_t>(i)] += lacking[i];
                    into.lacking_served[base + static_cast<std::size_t>(i)] += lacking_served[i];
                  }
                  into.served[strategy] += served;
                  ++c;
                });
    }
    for (std::size_t c = 0; c + 1 < out.checkpoints.size(); ++c) out.at_checkpoint[c].draws += out.checkpoints[c];
    out.pooled.add(counts);
    out.at_checkpoint.back().add(counts);
    out.replications.push_back(std::move(counts));
  }
  progress.report(1, "simulating the inventory");
  return out;
}

GroupCounts simulate_group_counts(const GroupDistribution& d, const SimulationSettings& s, std::uint32_t strategy) {
  GroupCounts out;
  const std::uint32_t kept = kept_antigens(d.always, strategy);
  const std::size_t groups = std::size_t{1} << std::popcount(kept);
  std::vector<std::int32_t> stock;
  for (int r = 0; r < s.replications; ++r) {
    const Draws draws = draw_replication(d, s, r);
    std::vector<std::int64_t> requests(groups, 0), served(groups, 0);
    run_chain(draws, s, kept, stock, [&](std::int64_t, std::uint32_t, std::uint32_t group, bool issued) {
      ++requests[group];
      served[group] += issued ? 1 : 0;
    });
    out.requests.push_back(std::move(requests));
    out.served.push_back(std::move(served));
  }
  return out;
}

}  // namespace rbc::antigen_order
