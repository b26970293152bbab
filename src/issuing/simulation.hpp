#pragma once
// The issuing simulation: what an allocation or matching policy does to shortages, outdating
// and alloimmunisation over many days (seed 004 sec. 4, Fig. 1; thesis sec. 6.4-6.5).
//
// Each day t = 1, 2, ... (Fig. 1):
//   1. the units in stock age by a day; those reaching the shelf life G are outdated;
//   2. donations arrive at age 0, their types drawn from the donors (supply rule below);
//   3. requests arrive per demand stream (a patient group): a count of requests, each for b
//      units, the patient's type drawn from the stream's population (typed for every antigen,
//      or for A, B, D only, sec. 4.2) and, for typed groups, alloantibodies;
//   4. the day's allocation: `match` (seed 004, eq. 1-8, over classes of units) or `allocate`
//      (thesis ch. 6, eq. 6.3, cost eq. 6.9-6.10); issued units leave the stock;
//   5. requests not met are lost: no backlog (seed 004 sec. 4.1).
// Days 1 .. warm_up_days are simulated and not counted; days warm_up_days + 1 .. + days are.
//
// Stock is held as counts per (type, age), never as single units, so a day's network has one
// node per class (allocation::match_classes).
//
// Random numbers: replication r draws from its own streams: the seed's generator long-jumped
// r times (2^192 draws each), then jumped once per purpose (initial stock, supply counts,
// supply types, demand; 2^128 draws each), so a replication gives the same numbers alone, in
// any range, on any thread or machine. Every policy of a scenario sees the same demand and the
// same sequence of donated types (common random numbers): the i-th donated unit has the same
// type under every policy, so differences between policies are estimated with less noise.
//
// Outcomes are whole-number sums per replication and policy (units, counts, mismatches), so
// ranges of replications merge exactly; summaries (issuing/summary.hpp) are computed from the
// list of replications in index order.
#include <cstdint>
#include <string>
#include <vector>

#include "allocation/allocation.hpp"
#include "allocation/matching.hpp"
#include "common/parallel.hpp"
#include "common/progress.hpp"
#include "frequency/blood_groups.hpp"
#include "issuing/sampling.hpp"

namespace rbc::issuing {

// ---- Limits, checked before any work (check_scenario) ----
inline constexpr int max_days = 3650;             // warm-up + measured days
inline constexpr int max_replications = 10000;    // per run
inline constexpr int max_replication_index = 1000000;
inline constexpr int max_policies = 4;
inline constexpr int max_demand_streams = 16;
inline constexpr int max_units_per_request = 100;
inline constexpr std::int64_t max_stock_units = 200000;  // initial stock, order-up-to level
// Bounds the work of a run: (warm-up + days) x replications x policies x expected units a
// day (supply and demand) must stay below this. About 17 us per unit-day natively at seed
// 004's full scale (bench_issuing), so the bound is about a day of one core; the fuzz build
// (50 times slower under the sanitizers) allows a few seconds' work.
#ifdef RBCMATCH_FUZZING
inline constexpr double max_unit_days = 2e4;
#else
inline constexpr double max_unit_days = 5e9;
#endif

// ---- Supply ----
enum class SupplyRule { count, order_up_to };
struct SupplyModel {
  SupplyRule rule = SupplyRule::count;
  CountModel count;           // rule count: units donated on day t
  std::int64_t level = 0;     // rule order_up_to: each day's donations bring the stock (after
                              // outdating) back up to this many units, with no lead time
};

// ---- Demand ----
// One stream of requests, for one patient group.
struct DemandStream {
  std::string id;                         // for reports
  std::size_t patient_group = 0;          // index into Scenario::groups
  CountModel requests;                    // requests on day t
  std::vector<double> units_per_request;  // P(b = 1), P(b = 2), ...: >= 0, sum > 0
  frequency::Mixture population;          // the patients' types...
  // ...or, for a group typed for A, B, D only: their A, B, D type from these 8 shares, index
  // A + 2 B + 4 D (O-, A-, B-, AB-, O+, A+, B+, AB+). Empty: from the population.
  std::vector<double> major_shares;
  // With major_shares: the day's requests are split by the shares exactly (largest
  // remainder; seed 004's simulator splits non-SCD demand so), not drawn one by one.
  bool proportional = false;
  // Per antigen of A: the chance that a patient has an alloantibody against it, drawn
  // independently for each patient of a typed group (none for untyped groups); an antibody
  // against an antigen the patient carries is dropped.
  std::vector<double> antibody_share;
  // Requests known ahead (appointments, or a fixed daily split): rule E1 sees them coming.
  bool booked = false;
};

// ---- Policies ----
// Rule E1 (seed 004 sec. 4.3): the day's matching also sees the requests of booked streams due
// on the next `request_days` days and the donations of the next `unit_days` days, of which only
// `arrival_share` is expected to arrive: for n units arriving the forecast holds
// round(n / arrival_share), the extra drawn from the donors each day. Units planned for later
// requests stay in stock; only today's requests are issued. All 0 / 1: no forecast (E0).
inline constexpr int max_forecast_days = 14;
struct Forecast {
  int request_days = 0, unit_days = 0;
  double arrival_share = 1;
  bool any() const { return request_days > 0 || unit_days > 0; }
};
enum class Method { match, allocate };
const char* to_string(Method m);
struct Policy {
  std::string label;
  Method method = Method::match;
  // match: I, S, the weights and the young-blood shape (the scenario supplies antigens,
  // immunogenicity, shelf life and patient groups).
  allocation::Group mismatch = 0, substitution = 0;
  allocation::PenaltyWeights lambda;
  allocation::YoungBloodShape alpha;
  // allocate: the cost of eq. 6.9-6.10; the patient groups' rules do not apply (every patient
  // is matched on all of A, eq. 4.8, at any age).
  allocation::CostFunction cost;
  Forecast forecast;  // match only
};

// ---- The scenario ----
struct Scenario {
  std::vector<std::string> antigens;    // A, for reports
  Group major = 0;                      // A, B, D among A
  std::vector<frequency::AntigenPlace> places;  // of A in the populations' systems
  std::vector<double> immunogenicity;   // w_k per antigen of A, for xA (and match's penalties)
  int shelf_life = 35;                  // G (thesis R), days: a unit can be issued at ages 0 .. G - 1
  int warm_up_days = 0, days = 42;
  SupplyModel supply;
  std::int64_t initial_stock = 0;       // units in stock before day 1, drawn from the donors...
  int initial_max_age = 0;              // ...with ages uniform on 0 .. this (< G)
  frequency::Mixture donors;
  // Per donor mixture component, a joint table over some antigens (seed 004 sec. 4.2: NHSBT's
  // A, B, D, C, c, E, e); empty, or a table with no antigens: the systems alone.
  std::vector<JointTable> donor_joint;
  // The patient population of the usabilities (pi_2 of match, Delta of allocate, the
  // usability classes of Table 6.5); the donors define the receivability classes (Table 6.4).
  frequency::Mixture recipients;
  std::vector<allocation::MatchPatientGroup> groups;
  std::vector<std::string> group_ids;   // for reports
  std::vector<DemandStream> demand;
  std::vector<Policy> policies;         // compared on common random numbers
  std::uint64_t seed = 1;
};

// Throws InputError naming the field (as the request API spells it) for a scenario the
// simulation cannot run: limits, probabilities, sizes. `first`, `count`: the replications.
void check_scenario(const Scenario& s, int first, int count);

// ---- Outcomes ----
// Classes of Tables 6.4-6.5: class c holds factors in [10^-(c+1), 10^-c); the last class
// everything below 10^-(classes - 1).
inline constexpr int factor_classes = 6;
int factor_class(double factor);

// One replication under one policy, summed over the measured days. Units throughout.
struct Outcome {
  std::int64_t days = 0;
  std::int64_t supplied = 0, requested = 0, issued = 0, shortage = 0, outdated = 0;
  std::int64_t stock_start = 0, stock_end = 0;  // before the first and after the last measured day
  std::int64_t stock_days = 0;                  // sum over the days of the stock after issuing
  std::int64_t requests = 0;                    // requests (patients) arriving
  // Per demand stream: units requested, issued, short; issued identical (the type the patient
  // is known to have, on the antigens typed for the group); the ages of the units issued,
  // [stream][age], age 0 .. G - 1.
  std::vector<std::int64_t> stream_requested, stream_issued, stream_shortage, stream_identical;
  std::vector<std::vector<std::int64_t>> issue_age;
  // Table 6.4: per receivability class of the requested type: units issued identical,
  // compatible, short. Table 6.5: per usability class of the unit: units issued identical,
  // compatible, outdated.
  std::vector<std::int64_t> request_identical, request_compatible, request_shortage;
  std::vector<std::int64_t> unit_identical, unit_compatible, unit_outdated;
  std::vector<std::int64_t> stock_age;    // per age 0 .. G - 1: sum over the days (after issuing)
  std::vector<std::int64_t> stock_major;  // per A, B, D type (index A + 2 B + 4 D): sum over the days
  // Per antigen of A: units issued to typed patients who lack it, carrying it. xA_k = w_k x this.
  std::vector<std::int64_t> mismatches;
  friend bool operator==(const Outcome&, const Outcome&) = default;
};
Outcome empty_outcome(const Scenario& s);

// One day of the traced replication, per policy.
struct DayTrace {
  int day = 0;  // 1 = the first measured day (warm-up days are not traced)
  std::int64_t supplied = 0, requested = 0, issued = 0, shortage = 0, outdated = 0, stock = 0;
  std::int64_t mismatches = 0;  // units mismatched, summed over antigens
  double alloimmunisations = 0;  // xA of the day
  friend bool operator==(const DayTrace&, const DayTrace&) = default;
};

struct Replication {
  int index = 0;
  std::vector<Outcome> policies;  // per policy
  friend bool operator==(const Replication&, const Replication&) = default;
};

struct RunResult {
  std::vector<Replication> replications;  // in index order
  int traced = -1;                        // the traced replication, -1 when none in the range
  std::vector<std::vector<DayTrace>> trace;  // per policy
};

// Replications first .. first + count - 1; the daily trace of replication `trace` when it
// is among them (-1: none). Progress reported from the calling thread only; `parallel` runs
// replications side by side with the same result. Throws InputError (check_scenario, or a
// day's allocation over its limits, named "policies[p]").
RunResult simulate(const Scenario& s, int first, int count, int trace = -1, const Progress& progress = {},
                   const ParallelFor& parallel = {});

// One replication (all policies), with its trace when `traced`.
Replication simulate_replication(const Scenario& s, int index, std::vector<std::vector<DayTrace>>* trace,
                                 const Progress& progress = {});

}  // namespace rbc::issuing
