#include "issuing/summary.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

#include "common/input_error.hpp"
#include "numeric/statistics.hpp"

namespace rbc::issuing {

Estimate estimate(const std::vector<double>& xs, double floor, double ceiling) {
  Estimate e;
  e.n = static_cast<int>(xs.size());
  e.mean = numeric::mean(xs);
  if (xs.size() >= 2) {
    double ss = 0;
    for (double x : xs) ss += (x - e.mean) * (x - e.mean);
    e.sd = std::sqrt(ss / static_cast<double>(xs.size() - 1));
    e.half_width = numeric::student_t_975(e.n - 1) * e.sd / std::sqrt(static_cast<double>(e.n));
    e.interval = true;
  }
  e.low = std::max(floor, e.mean - e.half_width);
  e.high = std::min(ceiling, e.mean + e.half_width);
  return e;
}

namespace {

double ratio(double a, double b) { return b > 0 ? a / b : 0.0; }
double ratio(std::int64_t a, std::int64_t b) { return ratio(static_cast<double>(a), static_cast<double>(b)); }

using Metric = std::function<double(const Outcome&)>;

double xa(const Outcome& o, const std::vector<double>& w) {
  double s = 0;
  for (std::size_t k = 0; k < w.size(); ++k) s += w[k] * static_cast<double>(o.mismatches[k]);
  return s;
}

double mean_age(const std::vector<std::int64_t>& by_age) {
  std::int64_t n = 0, sum = 0;
  for (std::size_t a = 0; a < by_age.size(); ++a) n += by_age[a], sum += by_age[a] * static_cast<std::int64_t>(a);
  return ratio(sum, n);
}

std::int64_t sum_of(const std::vector<std::int64_t>& v) {
  std::int64_t s = 0;
  for (auto x : v) s += x;
  return s;
}

}  // namespace

Summary summarise(std::vector<Replication> reps, const std::vector<double>& w) {
  std::sort(reps.begin(), reps.end(), [](const Replication& a, const Replication& b) { return a.index < b.index; });
  Summary out;
  out.replications = static_cast<int>(reps.size());
  if (reps.empty()) return out;
  const std::size_t np = reps.front().policies.size();
  // Counts and means of counts are >= 0; shares lie in [0, 1]; differences are unbounded.
  const auto over = [&](std::size_t p, const Metric& f, double ceiling = unbounded) {
    std::vector<double> xs;
    for (const auto& r : reps) xs.push_back(f(r.policies[p]));
    return estimate(xs, 0.0, ceiling);
  };
  const auto share = [&](std::size_t p, const Metric& f) { return over(p, f, 1.0); };
  const auto diff = [&](std::size_t p, std::size_t q, const Metric& f) {
    std::vector<double> xs;
    for (const auto& r : reps) xs.push_back(f(r.policies[p]) - f(r.policies[q]));
    return estimate(xs);
  };
  const Outcome& shape = reps.front().policies.front();
  const std::size_t streams = shape.stream_requested.size(), ages = shape.stock_age.size(), antigens = w.size();
  const Metric eta = [](const Outcome& o) { return ratio(o.shortage, o.requested); };
  const Metric omega = [](const Outcome& o) { return ratio(o.outdated, o.issued + o.outdated); };
  const Metric short_units = [](const Outcome& o) { return static_cast<double>(o.shortage); };
  const Metric outdated_units = [](const Outcome& o) { return static_cast<double>(o.outdated); };
  const Metric alloimmunisations = [&](const Outcome& o) { return xa(o, w); };
  const Metric mean_stock = [](const Outcome& o) { return ratio(o.stock_days, o.days); };
  for (std::size_t p = 0; p < np; ++p) {
    PolicySummary s;
    s.shortage_share = share(p, eta);
    s.outdated_share = share(p, omega);
    s.shortage_units = over(p, short_units);
    s.outdated_units = over(p, outdated_units);
    s.issued_units = over(p, [](const Outcome& o) { return static_cast<double>(o.issued); });
    s.requested_units = over(p, [](const Outcome& o) { return static_cast<double>(o.requested); });
    s.supplied_units = over(p, [](const Outcome& o) { return static_cast<double>(o.supplied); });
    s.mean_stock = over(p, mean_stock);
    s.alloimmunisations = over(p, alloimmunisations);
    for (std::size_t k = 0; k < antigens; ++k) {
      s.alloimmunisations_by_antigen.push_back(over(p, [&](const Outcome& o) { return w[k] * static_cast<double>(o.mismatches[k]); }));
      s.mismatches_by_antigen.push_back(over(p, [&](const Outcome& o) { return static_cast<double>(o.mismatches[k]); }));
    }
    for (std::size_t k = 0; k < streams; ++k) {
      s.stream_shortage_units.push_back(over(p, [&](const Outcome& o) { return static_cast<double>(o.stream_shortage[k]); }));
      s.stream_shortage_share.push_back(share(p, [&](const Outcome& o) { return ratio(o.stream_shortage[k], o.stream_requested[k]); }));
      s.stream_identical_share.push_back(share(p, [&](const Outcome& o) { return ratio(o.stream_identical[k], o.stream_issued[k]); }));
      s.stream_issue_age.push_back(over(p, [&](const Outcome& o) { return mean_age(o.issue_age[k]); }));
      std::vector<Estimate> dist;
      for (std::size_t a = 0; a < ages; ++a)
        dist.push_back(share(p, [&](const Outcome& o) { return ratio(o.issue_age[k][a], sum_of(o.issue_age[k])); }));
      s.stream_issue_age_share.push_back(std::move(dist));
    }
    for (int c = 0; c < factor_classes; ++c) {
      const auto cc = static_cast<std::size_t>(c);
      s.request_identical.push_back(share(p, [&](const Outcome& o) { return ratio(o.request_identical[cc], o.requested); }));
      s.request_compatible.push_back(share(p, [&](const Outcome& o) { return ratio(o.request_compatible[cc], o.requested); }));
      s.request_shortage.push_back(share(p, [&](const Outcome& o) { return ratio(o.request_shortage[cc], o.requested); }));
      s.unit_identical.push_back(share(p, [&](const Outcome& o) { return ratio(o.unit_identical[cc], o.issued + o.outdated); }));
      s.unit_compatible.push_back(share(p, [&](const Outcome& o) { return ratio(o.unit_compatible[cc], o.issued + o.outdated); }));
      s.unit_outdated.push_back(share(p, [&](const Outcome& o) { return ratio(o.unit_outdated[cc], o.issued + o.outdated); }));
    }
    for (std::size_t m = 0; m < 8; ++m)
      s.stock_major_share.push_back(share(p, [&](const Outcome& o) { return ratio(o.stock_major[m], o.stock_days); }));
    for (std::size_t a = 0; a < ages; ++a)
      s.stock_age_share.push_back(share(p, [&](const Outcome& o) { return ratio(o.stock_age[a], o.stock_days); }));
    out.policies.push_back(std::move(s));
  }
  for (std::size_t p = 1; p < np; ++p) {
    Comparison c;
    c.policy = static_cast<int>(p);
    c.against = 0;
    c.shortage_share = diff(p, 0, eta);
    c.outdated_share = diff(p, 0, omega);
    c.shortage_units = diff(p, 0, short_units);
    c.outdated_units = diff(p, 0, outdated_units);
    c.alloimmunisations = diff(p, 0, alloimmunisations);
    c.mean_stock = diff(p, 0, mean_stock);
    for (std::size_t k = 0; k < streams; ++k)
      c.stream_shortage_units.push_back(diff(p, 0, [&](const Outcome& o) { return static_cast<double>(o.stream_shortage[k]); }));
    const double base = out.policies[0].alloimmunisations.mean;
    c.alloimmunisation_reduction = base > 0 ? 1 - out.policies[p].alloimmunisations.mean / base : 0.0;
    out.comparisons.push_back(std::move(c));
  }
  return out;
}

std::vector<Replication> merge_ranges(const std::vector<std::vector<Replication>>& ranges) {
  std::vector<Replication> all;
  for (const auto& r : ranges) all.insert(all.end(), r.begin(), r.end());
  std::sort(all.begin(), all.end(), [](const Replication& a, const Replication& b) { return a.index < b.index; });
  for (std::size_t i = 1; i < all.size(); ++i)
    if (all[i].index == all[i - 1].index)
      throw InputError("invalid_field", "results",
                       "Replication " + std::to_string(all[i].index) + " appears in two of the results: merge ranges that do not overlap");
  return all;
}

}  // namespace rbc::issuing
