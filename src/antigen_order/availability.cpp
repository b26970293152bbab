#include "antigen_order/availability.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <stdexcept>

#include "antigen_order/compression.hpp"
#include "frequency/blood_groups.hpp"

namespace rbc::antigen_order {

GroupDistribution group_distribution(const std::vector<double>& donor_table, const std::vector<double>& recipient_table,
                                     int always, int minor) {
  if (donor_table.size() != recipient_table.size() || donor_table.size() != (std::size_t{1} << (always + minor)))
    throw std::invalid_argument("group_distribution: tables of 2^(always + minor) groups expected");
  GroupDistribution d;
  d.always = always;
  d.minor = minor;
  double donors = 0, recipients = 0;
  for (std::size_t g = 0; g < donor_table.size(); ++g) {
    if (donor_table[g] <= 0 && recipient_table[g] <= 0) continue;
    d.groups.push_back(static_cast<std::uint32_t>(g));
    d.donor.push_back(std::max(0.0, donor_table[g]));
    d.recipient.push_back(std::max(0.0, recipient_table[g]));
    donors += d.donor.back();
    recipients += d.recipient.back();
  }
  // The tables come from checked, renormalised phenotype frequencies; dividing again only
  // removes the rounding of their products.
  for (double& f : d.donor) f /= donors;
  for (double& f : d.recipient) f /= recipients;
  d.recipients_lacking.assign(static_cast<std::size_t>(minor), 0.0);
  for (std::size_t t = 0; t < d.groups.size(); ++t)
    for (int i = 0; i < minor; ++i)
      if (!((d.groups[t] >> (always + i)) & 1U)) d.recipients_lacking[static_cast<std::size_t>(i)] += d.recipient[t];
  return d;
}

std::uint32_t kept_antigens(int always, std::uint32_t strategy) {
  return ((std::uint32_t{1} << always) - 1) | (strategy << always);
}

CompressedGroups compress(const GroupDistribution& d, std::uint32_t kept) {
  const Compressor compressor(kept);
  CompressedGroups out;
  out.width = std::popcount(kept);
  out.donor.assign(std::size_t{1} << out.width, 0.0);
  out.recipient.assign(out.donor.size(), 0.0);
  for (std::size_t t = 0; t < d.groups.size(); ++t) {
    const auto j = compressor(d.groups[t]);
    out.donor[j] += d.donor[t];
    out.recipient[j] += d.recipient[t];
  }
  return out;
}

double binomial_upper_tail(std::int64_t n, double p, std::int64_t k) {
  if (n < 0 || k < 0 || k > n || !(p >= 0 && p <= 1))
    throw std::invalid_argument("binomial_upper_tail: need 0 <= k <= n and p in [0, 1]");
  if (k == 0) return 1;
  if (p == 0) return 0;
  if (p == 1) return 1;
  const double q = 1 - p;
  const double nd = static_cast<double>(n);
  // log P[X = x] by the log-gamma function, so no term overflows or underflows on the way.
  const auto log_term = [&](std::int64_t x) {
    const double xd = static_cast<double>(x);
    return std::lgamma(nd + 1) - std::lgamma(xd + 1) - std::lgamma(nd - xd + 1) + xd * std::log(p) +
           (nd - xd) * std::log1p(-p);
  };
  if (static_cast<double>(k) > nd * p) {
    // The upper tail is the smaller side: sum it directly from x = k, where the terms fall.
    double term = std::exp(log_term(k)), sum = 0;
    for (std::int64_t x = k; x <= n && term > 0; ++x) {
      sum += term;
      if (term < sum * 1e-17) break;
      term *= static_cast<double>(n - x) / static_cast<double>(x + 1) * (p / q);
    }
    return std::min(1.0, sum);
  }
  // The lower side P[X < k] is the smaller one: sum it downwards from x = k - 1.
  double term = std::exp(log_term(k - 1)), lower = 0;
  for (std::int64_t x = k - 1; x >= 0 && term > 0; --x) {
    lower += term;
    if (term < lower * 1e-17) break;
    term *= static_cast<double>(x) / static_cast<double>(n - x + 1) * (q / p);
  }
  return std::max(0.0, 1 - lower);
}

namespace {

// P[X >= k] for each k in `ks` (ascending, each <= n), X ~ Bin(n, p), from one pass over the
// terms P[X = x] = C(n, x) p^x q^(n - x) started at P[X = 0] = q^n (the common case; the exact
// routine above serves the rest). Where the mean is at least the largest k every tail is at
// least about 1/2, so 1 - P[X < k] is accurate; otherwise the tails are summed upwards from
// the largest k, where the terms fall, and only positive terms are ever added.
constexpr std::int64_t max_tail_k = 128;

// coefficients[x] = (n - x) / (x + 1), x < max_tail_k, computed once per n.
// log_q = log(1 - p), shared by every n.
void upper_tails(std::int64_t n, double p, double log_q, const std::vector<std::int64_t>& ks, const double* coefficients,
                 double* out) {
  if (p <= 0 || p >= 1) {
    for (std::size_t i = 0; i < ks.size(); ++i) out[i] = ks[i] == 0 || p >= 1 ? 1.0 : 0.0;
    return;
  }
  const double log_p0 = static_cast<double>(n) * log_q;
  const std::int64_t kmax = ks.back();
  if (log_p0 < -700 || kmax > max_tail_k) {  // q^n underflows, or k beyond the buffer
    for (std::size_t i = 0; i < ks.size(); ++i) out[i] = binomial_upper_tail(n, p, ks[i]);
    return;
  }
  const double ratio = p / (1 - p);
  const auto next_term = [&](double term, std::int64_t x) {  // P[X = x + 1] from P[X = x]
    // One multiplication on the chain of terms (the factor does not wait for the term).
    return term * ((x < max_tail_k ? coefficients[static_cast<std::size_t>(x)]
                                   : static_cast<double>(n - x) / static_cast<double>(x + 1)) * ratio);
  };
  double term = std::exp(log_p0);
  if (static_cast<double>(kmax) <= static_cast<double>(n) * p) {
    double cdf = 0;
    std::size_t i = 0;
    for (std::int64_t x = 0; i < ks.size(); ++x) {
      while (i < ks.size() && ks[i] == x) out[i++] = std::max(0.0, 1 - cdf);
      cdf += term;
      term = next_term(term, x);
    }
    return;
  }
  std::array<double, max_tail_k> below;  // P[X = x], x < kmax
  for (std::int64_t x = 0; x < kmax; ++x) {
    below[static_cast<std::size_t>(x)] = term;
    term = next_term(term, x);
  }
  double tail = 0;  // P[X >= kmax]: past the mean, so the terms fall
  for (std::int64_t x = kmax; x <= n && term > 0; ++x) {
    tail += term;
    if (term < tail * 1e-17) break;
    term = next_term(term, x);
  }
  std::int64_t x = kmax;
  for (std::size_t i = ks.size(); i-- > 0;) {
    for (; x > ks[i]; --x) tail += below[static_cast<std::size_t>(x - 1)];
    out[i] = std::min(1.0, tail);
  }
}

// Sums bit `bit` out of a dense table.
std::vector<double> drop_bit(const std::vector<double>& in, int bit) {
  std::vector<double> out(in.size() / 2, 0.0);
  const std::size_t low = (std::size_t{1} << bit) - 1;
  for (std::size_t x = 0; x < in.size(); ++x) out[(x & low) | ((x >> 1) & ~low)] += in[x];
  return out;
}

// Calls visit(M, groups of M) for `strategy` and every strategy left by dropping antigens of
// index >= from, each once; a strategy's table comes from its parent's by summing one antigen
// out (2^(a+|M|+1) work instead of a pass over every group).
template <class Visit>
void visit_subsets(std::uint32_t strategy, const CompressedGroups& groups, int from, int always, int minor, Visit& visit) {
  visit(strategy, groups);
  for (int i = from; i < minor; ++i) {
    if (!((strategy >> i) & 1U)) continue;
    const int bit = always + std::popcount(strategy & ((std::uint32_t{1} << i) - 1));
    const CompressedGroups child{groups.width - 1, drop_bit(groups.donor, bit), drop_bit(groups.recipient, bit)};
    visit_subsets(strategy & ~(std::uint32_t{1} << i), child, i + 1, always, minor, visit);
  }
}

// Every strategy with its compressed groups, starting from all the minor antigens.
template <class Visit>
void for_each_strategy(const GroupDistribution& d, Visit&& visit) {
  const std::uint32_t all = (std::uint32_t{1} << d.minor) - 1;
  visit_subsets(all, compress(d, kept_antigens(d.always, all)), 0, d.always, d.minor, visit);
}

}  // namespace

std::vector<double> exact_group_likelihoods(const CompressedGroups& groups, std::int64_t n, std::int64_t k,
                                            InventoryModel model) {
  // Model 1 counts every unit without an antigen j lacks: g_j = sum_{i <= j} f_i (7.5.2),
  // a subset-sum (zeta) transform of the donor table.
  const auto p = model == InventoryModel::static_compatible ? frequency::receivability(groups.donor) : groups.donor;
  std::vector<double> likelihood(p.size());
  for (std::size_t j = 0; j < p.size(); ++j) likelihood[j] = binomial_upper_tail(n, std::clamp(p[j], 0.0, 1.0), k);
  return likelihood;
}

namespace {

// Scenarios of one model and n: one pass over the groups gives the tails for every k.
struct Batch {
  InventoryModel model;
  std::int64_t n;
  std::vector<std::int64_t> ks;                   // ascending
  std::vector<std::vector<std::size_t>> targets;  // per k, the scenarios it serves
  std::vector<double> coefficients;               // (n - x) / (x + 1), x < max_tail_k
};

std::vector<Batch> batches_of(const std::vector<ExactScenario>& scenarios) {
  std::vector<Batch> batches;
  for (std::size_t s = 0; s < scenarios.size(); ++s) {
    const auto& sc = scenarios[s];
    auto it = std::find_if(batches.begin(), batches.end(), [&](const Batch& b) { return b.model == sc.model && b.n == sc.n; });
    if (it == batches.end()) it = batches.insert(batches.end(), Batch{sc.model, sc.n, {}, {}, {}});
    const auto at = std::lower_bound(it->ks.begin(), it->ks.end(), sc.k);
    const auto pos = static_cast<std::size_t>(at - it->ks.begin());
    if (at == it->ks.end() || *at != sc.k) {
      it->ks.insert(at, sc.k);
      it->targets.insert(it->targets.begin() + static_cast<std::ptrdiff_t>(pos), std::vector<std::size_t>{});
    }
    it->targets[pos].push_back(s);
  }
  for (auto& b : batches)
    for (std::int64_t x = 0; x < max_tail_k; ++x)
      b.coefficients.push_back(static_cast<double>(b.n - x) / static_cast<double>(x + 1));
  return batches;
}

// A recipient group that occurs under strategy M, with the antigens of M it lacks (bit u =
// M's u-th antigen), and per model the chance p that a unit in stock serves it and log(1 - p).
struct Recipients {
  std::vector<std::uint32_t> group, lacked;
  std::vector<double> frequency, p, log_q;
};

// Sums f_j L_j over the recipient groups, in all (served[q]) and over those lacking each of
// M's antigens (lacking[q * |M| + u]), for each k of the batch.
void sum_likelihoods(const Batch& b, const Recipients& r, std::size_t antigens, std::vector<double>& served,
                     std::vector<double>& lacking) {
  std::array<double, max_tail_k> tails;
  served.assign(b.ks.size(), 0.0);
  lacking.assign(b.ks.size() * antigens, 0.0);
  for (std::size_t t = 0; t < r.group.size(); ++t) {
    upper_tails(b.n, r.p[t], r.log_q[t], b.ks, b.coefficients.data(), tails.data());
    for (std::size_t q = 0; q < b.ks.size(); ++q) {
      const double v = r.frequency[t] * tails[q];
      served[q] += v;
      double* row = lacking.data() + q * antigens;
      for (std::uint32_t rest = r.lacked[t]; rest != 0; rest &= rest - 1) row[std::countr_zero(rest)] += v;
    }
  }
}

}  // namespace

std::vector<StrategyLikelihoods> exact_likelihoods(const GroupDistribution& d, const std::vector<ExactScenario>& scenarios,
                                                   const Progress& progress) {
  for (const auto& sc : scenarios)
    if (sc.k > max_tail_k || sc.k > sc.n || sc.model == InventoryModel::dynamic_identical)
      throw std::invalid_argument("exact_likelihoods: models 1 and 2, k <= n and k <= 128");
  const int m = d.minor;
  const std::size_t strategies = std::size_t{1} << m;
  std::vector<StrategyLikelihoods> out(scenarios.size());
  for (auto& s : out) {
    s.minor = m;
    s.lacking.assign(strategies * static_cast<std::size_t>(m), 0.0);
    s.served.assign(strategies, 0.0);
  }
  const auto batches = batches_of(scenarios);
  Recipients r;
  std::vector<double> served, lacking;
  std::size_t visited = 0;
  for_each_strategy(d, [&](std::uint32_t strategy, const CompressedGroups& groups) {
    if ((visited++ & 63U) == 0) progress.report(static_cast<double>(visited) / static_cast<double>(strategies), "availability");
    std::vector<std::size_t> antigens;  // M's antigens, in order
    for (int i = 0; i < m; ++i)
      if ((strategy >> i) & 1U) antigens.push_back(static_cast<std::size_t>(i));
    const std::uint32_t all_of_m = (std::uint32_t{1} << antigens.size()) - 1;
    r = {};
    for (std::size_t j = 0; j < groups.recipient.size(); ++j)
      if (groups.recipient[j] > 0) {
        r.group.push_back(static_cast<std::uint32_t>(j));
        r.lacked.push_back(static_cast<std::uint32_t>(~(j >> d.always)) & all_of_m);
        r.frequency.push_back(groups.recipient[j]);
      }
    for (const auto model : {InventoryModel::static_compatible, InventoryModel::static_identical}) {
      if (std::none_of(batches.begin(), batches.end(), [&](const Batch& b) { return b.model == model; })) continue;
      // Model 1 counts every unit without an antigen j lacks: g_j = sum_{i <= j} f_i (7.5.2).
      const auto source = model == InventoryModel::static_compatible ? frequency::receivability(groups.donor) : groups.donor;
      r.p.clear();
      r.log_q.clear();
      for (auto j : r.group) {
        r.p.push_back(std::clamp(source[j], 0.0, 1.0));
        r.log_q.push_back(std::log1p(-r.p.back()));  // shared by every n
      }
      for (const auto& b : batches) {
        if (b.model != model) continue;
        sum_likelihoods(b, r, antigens.size(), served, lacking);
        for (std::size_t q = 0; q < b.ks.size(); ++q)
          for (std::size_t target : b.targets[q]) {
            auto& s = out[target];
            s.served[strategy] = std::min(1.0, served[q]);
            for (std::size_t u = 0; u < antigens.size(); ++u) {
              const double share = d.recipients_lacking[antigens[u]];
              s.lacking[strategy * static_cast<std::size_t>(m) + antigens[u]] =
                  share > 0 ? std::min(1.0, lacking[q * antigens.size() + u] / share) : 0.0;
            }
          }
      }
    }
  });
  progress.report(1, "availability");
  return out;
}

}  // namespace rbc::antigen_order
