#pragma once
// Summaries of an issuing simulation over its replications: each quantity is computed per
// replication (a share, a count, a mean over the measured days), then averaged over the
// replications with a 95 % confidence interval (Student's t over the replications, which are
// independent). Ranges of replications run apart merge into exactly the single run: the
// summary depends only on the list of per-replication sums in index order.
#include <string>
#include <vector>

#include "issuing/simulation.hpp"

namespace rbc::issuing {

// mean +- half_width is the 95 % interval, [low, high] the same cut to the quantity's range
// (a share's to [0, 1], a count's to [0, inf): the t interval of a few replications can reach
// past it); sd over the replications (n - 1); n replications. One replication: half_width
// and sd are 0, low = high = mean and `interval` false.
struct Estimate {
  double mean = 0, sd = 0, half_width = 0, low = 0, high = 0;
  int n = 0;
  bool interval = false;
};
inline constexpr double unbounded = 1e308;
Estimate estimate(const std::vector<double>& per_replication, double floor = -unbounded, double ceiling = unbounded);

struct PolicySummary {
  // eta = units short / units requested, omega = units outdated / (units issued + outdated)
  // (thesis Tables 6.2-6.3: so Table 6.5's outdated column adds up to omega).
  Estimate shortage_share, outdated_share;
  Estimate shortage_units, outdated_units, issued_units, requested_units, supplied_units;  // totals over the days
  Estimate mean_stock;  // units after issuing, mean over the days
  // xA (seed 004 sec. 4.1, 5.1): sum over units issued to typed patients of w_k over the
  // antigens k mismatched, over the measured days; and per antigen.
  Estimate alloimmunisations;
  std::vector<Estimate> alloimmunisations_by_antigen, mismatches_by_antigen;
  // Per demand stream: units short, share short, share issued identical (of units issued),
  // mean age of the units issued, and the issuing-age distribution (share per age).
  std::vector<Estimate> stream_shortage_units, stream_shortage_share, stream_identical_share, stream_issue_age;
  std::vector<std::vector<Estimate>> stream_issue_age_share;
  // Table 6.4: per receivability class of the requested type, the share of all units
  // requested that were issued identical, compatible, or went short. Table 6.5: per usability
  // class of the unit, the share of all units leaving the stock (issued or outdated) that were
  // issued identical, compatible, or outdated.
  std::vector<Estimate> request_identical, request_compatible, request_shortage;
  std::vector<Estimate> unit_identical, unit_compatible, unit_outdated;
  // Stock after issuing, shares over the days: by A, B, D type (index A + 2 B + 4 D; seed 004
  // Fig. 3) and by age (Fig. 4; thesis Fig. 6.7 for the issued).
  std::vector<Estimate> stock_major_share, stock_age_share;
};

// Policy `policy` less policy `against`, replication by replication (common random numbers).
struct Comparison {
  int policy = 1, against = 0;
  Estimate shortage_share, outdated_share, shortage_units, outdated_units, alloimmunisations, mean_stock;
  std::vector<Estimate> stream_shortage_units;
  // 1 - xA(policy) / xA(against) from the means (seed 004's "81 % reduction"); null-like 0
  // when xA(against) is 0.
  double alloimmunisation_reduction = 0;
};

struct Summary {
  int replications = 0;
  std::vector<PolicySummary> policies;
  std::vector<Comparison> comparisons;  // every policy against policy 0
};

// `reps` in any order (sorted by index here); every replication has the same policies and
// sizes. `immunogenicity`: w_k per antigen (xA).
Summary summarise(std::vector<Replication> reps, const std::vector<double>& immunogenicity);

// The replications of several ranges, in index order. Throws InputError("invalid_field",
// "results") when one index appears twice.
std::vector<Replication> merge_ranges(const std::vector<std::vector<Replication>>& ranges);

}  // namespace rbc::issuing
