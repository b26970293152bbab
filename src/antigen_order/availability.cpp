#include "antigen_order/availability.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <numbers>
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

namespace {

// Stirling's error log(x!) - (x + 1/2) log x + x - log sqrt(2 pi), for whole x >= 1: exact
// values to 15, the asymptotic series above (Loader 2000, "Fast and accurate computation of
// binomial probabilities").
double stirling_error(double x) {
  static constexpr std::array<double, 16> small{0.0,
                                                0.0810614667953272582197,
                                                0.0413406959554092940938,
                                                0.0276779256849983391488,
                                                0.0207906721037650931115,
                                                0.0166446911898211921632,
                                                0.0138761288230707479987,
                                                0.0118967099458917700951,
                                                0.0104112652619720964975,
                                                0.00925546218271273291773,
                                                0.00833056343336287125647,
                                                0.00757367548795184079497,
                                                0.00694284010720952986566,
                                                0.00640899418800420706844,
                                                0.00595137011275884773562,
                                                0.00555473355196280137104};
  if (x <= 15) return small[static_cast<std::size_t>(x)];
  const double s0 = 1.0 / 12, s1 = 1.0 / 360, s2 = 1.0 / 1260, s3 = 1.0 / 1680, s4 = 1.0 / 1188;
  const double xx = x * x;
  if (x > 500) return (s0 - s1 / xx) / x;
  if (x > 80) return (s0 - (s1 - s2 / xx) / xx) / x;
  if (x > 35) return (s0 - (s1 - (s2 - s3 / xx) / xx) / xx) / x;
  return (s0 - (s1 - (s2 - (s3 - s4 / xx) / xx) / xx) / xx) / x;
}

// x log(x / m) + m - x, the deviance part, without cancellation when x is near m (Loader 2000).
double deviance(double x, double m) {
  if (std::abs(x - m) < 0.1 * (x + m)) {
    double v = (x - m) / (x + m);
    double sum = (x - m) * v;
    double term = 2 * x * v;
    v *= v;
    for (int j = 1; j < 1000; ++j) {
      term *= v;
      const double next = sum + term / (2 * j + 1);
      if (next == sum) return next;
      sum = next;
    }
    return sum;
  }
  return x * std::log(x / m) + m - x;
}

}  // namespace

double binomial_upper_tail(std::int64_t n, double p, std::int64_t k) {
  if (n < 0 || k < 0 || k > n || !(p >= 0 && p <= 1))
    throw std::invalid_argument("binomial_upper_tail: need 0 <= k <= n and p in [0, 1]");
  if (k == 0) return 1;
  if (p == 0) return 0;
  if (p == 1) return 1;
  const double q = 1 - p;
  const double nd = static_cast<double>(n);
  // log P[X = x] in Loader's saddle-point form, accurate to a few ulps: no term overflows or
  // underflows on the way, and no log-gamma of n (whose rounding, near n log n times the unit
  // roundoff, would be carried into the result).
  const auto log_term = [&](std::int64_t x) {
    const double xd = static_cast<double>(x);
    if (x == 0) return nd * std::log1p(-p);
    if (x == n) return nd * std::log(p);
    return stirling_error(nd) - stirling_error(xd) - stirling_error(nd - xd) - deviance(xd, nd * p) -
           deviance(nd - xd, nd * q) - 0.5 * (std::log(2 * std::numbers::pi) + std::log(xd) + std::log1p(-xd / nd));
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

// The ratios P[X = x + 1] / P[X = x] = (n - x) / (x + 1) * p / q without p / q, computed once
// per n: one[x] for single steps, four[x] = one[x] one[x + 1] one[x + 2] one[x + 3].
struct TermRatios {
  std::int64_t n = 0;
  std::vector<double> one, four;  // x < max_tail_k

  explicit TermRatios(std::int64_t n_) : n(n_) {
    for (std::int64_t x = 0; x < max_tail_k; ++x) one.push_back(static_cast<double>(n - x) / static_cast<double>(x + 1));
    for (std::size_t x = 0; x + 3 < one.size(); ++x) four.push_back(one[x] * one[x + 1] * one[x + 2] * one[x + 3]);
  }
  double step(std::int64_t x) const {
    return x < max_tail_k ? one[static_cast<std::size_t>(x)] : static_cast<double>(n - x) / static_cast<double>(x + 1);
  }
  double four_steps(std::int64_t x) const {
    return x + 3 < max_tail_k ? four[static_cast<std::size_t>(x)] : step(x) * step(x + 1) * step(x + 2) * step(x + 3);
  }
};

// sum_{x >= from} P[X = x] given term = P[X = from], from past the mode (the terms fall),
// until the next terms are below 1e-17 of the sum. Four interleaved chains (x, x + 1, x + 2,
// x + 3, each advanced four steps at a time), so no multiplication waits for the one before
// it. Past n a factor (n - n) / (n + 1) = 0 ends every chain.
double falling_tail(const TermRatios& ratios, std::int64_t from, double term, double ratio) {
  const double ratio4 = (ratio * ratio) * (ratio * ratio);
  std::array<double, 4> t{term, 0, 0, 0}, sum{0, 0, 0, 0};
  for (std::size_t i = 1; i < 4; ++i) t[i] = t[i - 1] * (ratios.step(from + static_cast<std::int64_t>(i) - 1) * ratio);
  for (std::int64_t x = from;; x += 4) {
    const double total = (sum[0] + sum[1]) + (sum[2] + sum[3]);
    if (!(t[0] > total * 1e-17)) return total;  // t[0] is the largest term not yet added
    for (std::size_t i = 0; i < 4; ++i) {
      sum[i] += t[i];
      t[i] *= ratios.four_steps(x + static_cast<std::int64_t>(i)) * ratio4;
    }
  }
}

struct TailScratch {
  std::vector<double> term, ratio, segment, top;
  std::vector<std::uint8_t> route;
};

// Terms of the falling tail past the largest k that are summed for all groups at once before
// each group goes on alone: most tails need about this many.
constexpr std::int64_t shared_tail_terms = 12;

// P[X_t >= k], X_t ~ Bin(n, p[t]), for every group t and each k in `ks` (ascending, at most
// max_tail_k): out[t * |ks| + q]. log_q[t] = log(1 - p[t]) and odds[t] = p[t] / (1 - p[t]),
// shared by every n.
//
// Where the mean is at least the largest k, every tail is at least about 1/2 and 1 - P[X < k]
// is accurate (route `rising`). Otherwise the tails are summed upwards from the largest k,
// where the terms fall, plus the terms from k to it: only positive terms are ever added
// (route `falling`). Where q^n underflows, or p is 0 or 1, the exact routine (or the trivial
// answer) serves.
//
// The terms below the largest k are summed by segment [k_{i-1}, k_i) (k_{-1} = 0), and the
// first terms of the falling tail summed, for all groups at once (x outer, groups inner,
// contiguous): the groups' chains are independent, so no multiplication waits for the one
// before it. Each tail is then a sum of positive segment sums.
void group_tails(const TermRatios& ratios, const std::vector<double>& p, const std::vector<double>& log_q,
                 const std::vector<double>& odds, const std::vector<std::int64_t>& ks, TailScratch& s,
                 std::vector<double>& out) {
  enum Route : std::uint8_t { exact, rising, falling };
  const std::int64_t n = ratios.n, kmax = ks.back();
  const std::size_t groups = p.size(), nk = ks.size();
  s.term.resize(groups);
  s.ratio.resize(groups);
  s.route.resize(groups);
  for (std::size_t t = 0; t < groups; ++t) {
    const double log_p0 = static_cast<double>(n) * log_q[t];
    const bool chain = p[t] > 0 && p[t] < 1 && log_p0 >= -700;
    s.route[t] = !chain ? exact : static_cast<double>(kmax) > static_cast<double>(n) * p[t] ? falling : rising;
    s.term[t] = chain ? std::exp(log_p0) : 0.0;
    s.ratio[t] = chain ? odds[t] : 0.0;
  }
  s.segment.assign(nk * groups, 0.0);  // s.segment[i * groups + t] = P[k_{i-1} <= X_t < k_i]
  std::size_t i = 0;
  for (std::int64_t x = 0; x < kmax; ++x) {
    while (ks[i] <= x) ++i;  // x < kmax = ks[nk - 1], so i < nk
    double* segment = s.segment.data() + i * groups;
    const double step = ratios.one[static_cast<std::size_t>(x)];
    for (std::size_t t = 0; t < groups; ++t) {
      segment[t] += s.term[t];
      s.term[t] *= step * s.ratio[t];
    }
  }
  s.top.assign(groups, 0.0);  // the falling tail's first terms: sum_{kmax <= x < kmax + shared} P[X_t = x]
  for (std::int64_t x = kmax; x < kmax + shared_tail_terms; ++x) {
    const double step = ratios.step(x);
    for (std::size_t t = 0; t < groups; ++t) {
      s.top[t] += s.term[t];
      s.term[t] *= step * s.ratio[t];
    }
  }
  out.resize(groups * nk);
  for (std::size_t t = 0; t < groups; ++t) {
    double* tails = out.data() + t * nk;
    if (s.route[t] == falling) {
      double top = s.top[t];  // P[X_t >= kmax]
      if (s.term[t] > top * 1e-17) top += falling_tail(ratios, kmax + shared_tail_terms, s.term[t], s.ratio[t]);
      double above = 0;  // P[k_q <= X_t < kmax]
      for (std::size_t q = nk; q-- > 0;) {
        tails[q] = std::min(1.0, top + above);
        above += s.segment[q * groups + t];
      }
    } else if (s.route[t] == rising) {
      double below = 0;  // P[X_t < k_q]
      for (std::size_t q = 0; q < nk; ++q) {
        below += s.segment[q * groups + t];
        tails[q] = std::max(0.0, 1 - below);
      }
    } else {
      for (std::size_t q = 0; q < nk; ++q)
        tails[q] = ks[q] == 0 || p[t] >= 1 ? 1.0 : p[t] <= 0 ? 0.0 : binomial_upper_tail(n, p[t], ks[q]);
    }
  }
}

// Sums bit `bit` out of a dense table, into `out`.
void drop_bit(const std::vector<double>& in, int bit, std::vector<double>& out) {
  out.assign(in.size() / 2, 0.0);
  const std::size_t low = (std::size_t{1} << bit) - 1;
  for (std::size_t x = 0; x < in.size(); ++x) out[(x & low) | ((x >> 1) & ~low)] += in[x];
}

// Calls visit(M, groups of M) for `strategy` and every strategy left by dropping antigens of
// index >= from, each once; a strategy's table comes from its parent's by summing one antigen
// out (2^(a+|M|+1) work instead of a pass over every group). The tables of strategies with
// d antigens dropped live in tables[d - 1], reused: siblings are visited one after another.
template <class Visit>
void visit_subsets(std::uint32_t strategy, const CompressedGroups& groups, int from, int always, int minor,
                   std::vector<CompressedGroups>& tables, Visit& visit) {
  visit(strategy, groups);
  for (int i = from; i < minor; ++i) {
    if (!((strategy >> i) & 1U)) continue;
    const int bit = always + std::popcount(strategy & ((std::uint32_t{1} << i) - 1));
    const std::uint32_t child_strategy = strategy & ~(std::uint32_t{1} << i);
    auto& child = tables[static_cast<std::size_t>(minor - std::popcount(child_strategy) - 1)];
    child.width = groups.width - 1;
    drop_bit(groups.donor, bit, child.donor);
    drop_bit(groups.recipient, bit, child.recipient);
    visit_subsets(child_strategy, child, i + 1, always, minor, tables, visit);
  }
}

// Every strategy with its compressed groups, starting from all the minor antigens.
template <class Visit>
void for_each_strategy(const GroupDistribution& d, Visit&& visit) {
  const std::uint32_t all = (std::uint32_t{1} << d.minor) - 1;
  std::vector<CompressedGroups> tables(static_cast<std::size_t>(d.minor));
  visit_subsets(all, compress(d, kept_antigens(d.always, all)), 0, d.always, d.minor, tables, visit);
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
  TermRatios ratios;
};

std::vector<Batch> batches_of(const std::vector<ExactScenario>& scenarios) {
  std::vector<Batch> batches;
  for (std::size_t s = 0; s < scenarios.size(); ++s) {
    const auto& sc = scenarios[s];
    auto it = std::find_if(batches.begin(), batches.end(), [&](const Batch& b) { return b.model == sc.model && b.n == sc.n; });
    if (it == batches.end()) it = batches.insert(batches.end(), Batch{sc.model, sc.n, {}, {}, TermRatios(sc.n)});
    const auto at = std::lower_bound(it->ks.begin(), it->ks.end(), sc.k);
    const auto pos = static_cast<std::size_t>(at - it->ks.begin());
    if (at == it->ks.end() || *at != sc.k) {
      it->ks.insert(at, sc.k);
      it->targets.insert(it->targets.begin() + static_cast<std::ptrdiff_t>(pos), std::vector<std::size_t>{});
    }
    it->targets[pos].push_back(s);
  }
  return batches;
}

// A recipient group that occurs under strategy M, with the antigens of M it lacks (bit u =
// M's u-th antigen), and per model the chance p that a unit in stock serves it and log(1 - p).
// Groups that lack the same antigens of M (they differ in the always-matched ones, or in
// antigens the donor tables never pair) share a slot: `lacked` lists each set once.
struct Recipients {
  std::vector<std::uint32_t> group, slot, lacked;
  std::vector<double> frequency, p, log_q, odds;

  void clear() {
    for (auto* v : {&group, &slot, &lacked}) v->clear();
    for (auto* v : {&frequency, &p, &log_q, &odds}) v->clear();
  }
};

// Sums f_j L_j over the recipient groups, in all (served[q]) and over those lacking each of
// M's antigens (lacking[u * |ks| + q]), for each k of the batch. Groups of one slot are summed
// together first, so each set of lacked antigens is spread over its antigens once.
void sum_likelihoods(const Batch& b, const Recipients& r, std::size_t antigens, TailScratch& scratch,
                     std::vector<double>& tails, std::vector<double>& by_slot, std::vector<double>& served,
                     std::vector<double>& lacking) {
  const std::size_t ks = b.ks.size();
  group_tails(b.ratios, r.p, r.log_q, r.odds, b.ks, scratch, tails);
  by_slot.assign(r.lacked.size() * ks, 0.0);
  for (std::size_t t = 0; t < r.group.size(); ++t) {
    double* row = by_slot.data() + r.slot[t] * ks;
    for (std::size_t q = 0; q < ks; ++q) row[q] += r.frequency[t] * tails[t * ks + q];
  }
  served.assign(ks, 0.0);
  lacking.assign(ks * antigens, 0.0);
  for (std::size_t slot = 0; slot < r.lacked.size(); ++slot) {
    const double* row = by_slot.data() + slot * ks;
    for (std::size_t q = 0; q < ks; ++q) served[q] += row[q];
    for (std::uint32_t rest = r.lacked[slot]; rest != 0; rest &= rest - 1) {
      double* to = lacking.data() + static_cast<std::size_t>(std::countr_zero(rest)) * ks;
      for (std::size_t q = 0; q < ks; ++q) to[q] += row[q];
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
  TailScratch scratch;
  std::vector<double> tails, by_slot, served, lacking;
  constexpr std::uint32_t unused = ~std::uint32_t{0};
  std::vector<std::uint32_t> slot_of;  // per set of M's antigens lacked, its slot
  std::vector<double> receivable;
  std::size_t visited = 0;
  for_each_strategy(d, [&](std::uint32_t strategy, const CompressedGroups& groups) {
    if ((visited++ & 63U) == 0) progress.report(static_cast<double>(visited) / static_cast<double>(strategies), "availability");
    std::vector<std::size_t> antigens;  // M's antigens, in order
    for (int i = 0; i < m; ++i)
      if ((strategy >> i) & 1U) antigens.push_back(static_cast<std::size_t>(i));
    const std::uint32_t all_of_m = (std::uint32_t{1} << antigens.size()) - 1;
    r.clear();
    slot_of.assign(std::size_t{1} << antigens.size(), unused);
    for (std::size_t j = 0; j < groups.recipient.size(); ++j)
      if (groups.recipient[j] > 0) {
        const std::uint32_t lacked = static_cast<std::uint32_t>(~(j >> d.always)) & all_of_m;
        if (slot_of[lacked] == unused) {
          slot_of[lacked] = static_cast<std::uint32_t>(r.lacked.size());
          r.lacked.push_back(lacked);
        }
        r.group.push_back(static_cast<std::uint32_t>(j));
        r.slot.push_back(slot_of[lacked]);
        r.frequency.push_back(groups.recipient[j]);
      }
    for (const auto model : {InventoryModel::static_compatible, InventoryModel::static_identical}) {
      if (std::none_of(batches.begin(), batches.end(), [&](const Batch& b) { return b.model == model; })) continue;
      // Model 1 counts every unit without an antigen j lacks: g_j = sum_{i <= j} f_i (7.5.2).
      const std::vector<double>* source = &groups.donor;
      if (model == InventoryModel::static_compatible) {
        receivable.assign(groups.donor.begin(), groups.donor.end());
        receivable = frequency::receivability(std::move(receivable));  // keeps its buffer
        source = &receivable;
      }
      r.p.clear();
      r.log_q.clear();
      r.odds.clear();
      for (auto j : r.group) {  // shared by every n
        const double p = std::clamp((*source)[j], 0.0, 1.0);
        r.p.push_back(p);
        r.log_q.push_back(std::log1p(-p));
        r.odds.push_back(p < 1 ? p / (1 - p) : 0.0);
      }
      for (const auto& b : batches) {
        if (b.model != model) continue;
        sum_likelihoods(b, r, antigens.size(), scratch, tails, by_slot, served, lacking);
        for (std::size_t q = 0; q < b.ks.size(); ++q)
          for (std::size_t target : b.targets[q]) {
            auto& s = out[target];
            s.served[strategy] = std::min(1.0, served[q]);
            for (std::size_t u = 0; u < antigens.size(); ++u) {
              const double share = d.recipients_lacking[antigens[u]];
              s.lacking[strategy * static_cast<std::size_t>(m) + antigens[u]] =
                  share > 0 ? std::min(1.0, lacking[u * b.ks.size() + q] / share) : 0.0;
            }
          }
      }
    }
  });
  progress.report(1, "availability");
  return out;
}

}  // namespace rbc::antigen_order
