#pragma once
// The daily matching problem of seed 004 (Oyebolu et al., WSC 2024), sec. 3.1-3.2 and 4.2-4.3:
// m units in stock, each of known blood type and age g_i, and n requests, request j for b_j
// units for one patient, are matched by the transportation problem of eq. (1)-(6):
//
//   minimise  sum_ij c_ij x_ij                                   (1)
//   s.t.      sum_j x_ij <= a_i = 1   (each unit used at most once)  (2)
//             sum_i x_ij  = b_j       (each request met)             (3)
//             x_ij in {0, 1}                                          (4)
//             x_ij <= d_ij            (hard rules)                    (5)
//             x_ij g_i <= h_j         (maximum age per patient group) (6)
//
// with the penalty policy of eq. (7): c_ij = sum_f lambda_f pi_f(i, j), f = 1..5:
//   pi_1  immunogenicity-weighted mismatches on the antigens I_j (sec. 3.2),
//   pi_2  major substitution: usability difference v(i) - v(j) of the ABD types,
//   pi_3  minor substitution: immunogenicity of the antigens of S that j carries and i lacks,
//   pi_4  FIFO, eq. (8): -2^{-(G - g_i)/5} (1 - rho(j)),
//   pi_5  young blood: (-g_i/alpha_1 + exp(g_i - alpha_2)) alpha_3 rho(j).
// d_ij = 0 (eq. 5) where the unit is not ABO-D compatible, mismatches an antigen the patient's
// group must match (sec. 4.3), or carries an antigen the patient has an antibody against.
//
// Shortages (sec. 3.1: "the model is infeasible in the case of shortages ... dummy units
// representing shortages with large allocation costs, or ... minimum-cost maximum flow"): a
// dummy supply node offers every request its b_j units; its arcs are penalised above any
// augmenting path, which is enforced exactly by fixing the flow from real units to the maximum
// flow first (as allocate does, NOTES.md on ch. 6), so a request goes short only when no
// compatible unit is left for it. The min-cost flow then also spreads the dummy units, so
// which requests go short is part of the optimum and of its uniqueness report.
//
// Eq. (4) needs no integer programming: the constraint matrix of (2)-(3) is that of a
// bipartite network, so the min-cost flow (src/numeric/network_flow.hpp) has an integral
// optimum. The flow routines need integer costs, in int64: each penalty term that makes up
// c_ij (lambda_1 w_k per antigen, lambda_2 v per ABD type, lambda_4 pi_4 and lambda_5 pi_5 per
// age) is rounded once to a multiple of 1 / cost_scale, a power of ten as fine as the int64
// bound allows for the day, and c_ij is their sum. Ties the model makes exactly (two matchings
// adding up the same terms) are then exact ties of the integers, and the objective's distance
// from the exact optimum is bounded by duality (objective_gap_bound); see match().
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "allocation/allocation.hpp"
#include "common/progress.hpp"

namespace rbc::allocation {

// ---- Limits, checked before any work ----
inline constexpr std::size_t max_match_units = 5000;          // m
inline constexpr std::size_t max_match_requests = 2000;       // n
inline constexpr std::size_t max_match_pairs = 1000000;       // m x n, the pairs examined
inline constexpr std::size_t max_match_arcs = 400000;         // allowed pairs (d_ij = 1, eq. 5)
inline constexpr int max_request_units = 20;                  // b_j (an exchange transfusion: up to 10, sec. 1)
inline constexpr int max_match_shelf_life = 100;              // G, days
inline constexpr double max_weight = 1000;                    // lambda_f, alpha
inline constexpr std::size_t max_match_antigens = 32;
// Counting mismatches per request (MismatchCount::per_request) solves a mixed-integer
// programme by branch and bound: at most this many allowed pairs (units of one type and age
// count once, as pairs_allowed reports them), checked before the flows and the MIP, and at
// most per_request_seconds in all (then the best matching found, not called optimal). The
// limit is from bench/match-per-request.mjs (docs/methods/matching.md): in wasm, each of the
// 36 days drawn by the Matching tab's generator with at most 4,000 pairs (150 to 250 units;
// every 200 x 60 day) was proven optimal, all but one within 0.75 s and that one in 1.1 s;
// beyond it the time grows unevenly (natively, one day of 4,009 pairs took 8.4 s).
inline constexpr std::size_t max_per_request_pairs = 4000;
inline constexpr double per_request_seconds = 10;

// ---- Antigen sets by name (the seed's; the API resolves names to bits) ----
// A_MAJ = {A, B, D} and A_MIN (sec. 4.2): the 17 antigens of the Extended preset.
const std::vector<std::string>& major_antigens();
const std::vector<std::string>& minor_antigens();

// A preset: the antigens typed and matched, I (mismatches penalised) and S (substitutions
// penalised), sec. 4.3. "abod": A B D only; "limited" (rule L0): A B D C c E e K with
// I = {}, S = {C, c, E, e, K}; "extended" (rule E0): the 17 antigens with I = S = A_MIN (a
// patient group's must-match antigens are never mismatched, so for sickle-cell patients
// I_j = {k, Fya, Fyb, Jka, Jkb, M, N, S, s} as the seed writes).
struct MatchPreset {
  std::string id, name, source;
  std::vector<std::string> antigens, mismatch, substitution;
};
const std::vector<MatchPreset>& match_presets();
const MatchPreset* find_match_preset(const std::string& id);

// Per antigen, the immunogenicity w_k (sec. 3.2: the probability that a recipient negative for
// k forms an antibody when exposed) and the share of sickle-cell patients who carry an
// alloantibody against k (for drawing example patients; the model itself does not use it),
// each with its source. The seed prints neither; its authors' published simulator gives both:
// w from Evers et al. (2016), which the seed cites (sec. 4.1), and the shares as the
// simulator's Bayesian estimate from UCLH data (seeds/NOTES.md, "Seed 004's inputs").
struct Immunogenicity {
  std::string antigen;
  double w = 0;
  std::string source;
  double antibody_share = 0;
  std::string antibody_share_source;
};
const std::vector<Immunogenicity>& default_immunogenicity();

// A patient group: the antigens it must be matched for (sec. 4.3), the maximum age h_j of
// the units it may receive (eq. 6), whether rho(j) = 1 (the young-blood penalty pi_5 instead
// of FIFO pi_4, sec. 3.2), and whether its patients are typed beyond A, B, D (the seed's
// non-SCD patients are not, and count as positive for every minor antigen, sec. 4.2). The
// seed gives sickle-cell disease and "other"; the rest are our choices (docs/methods/matching.md).
struct PatientGroupDefaults {
  std::string id, name, source;
  std::vector<std::string> must_match;
  int max_age = 35;  // days; "G" stands for the shelf life (max_age_is_shelf_life)
  bool max_age_is_shelf_life = true;
  bool young_blood = false;  // rho(j)
  bool typed = true;
};
const std::vector<PatientGroupDefaults>& default_patient_groups();

// ---- The problem, over bit sets of an ordered antigen list ----
struct MatchUnit {
  Group type = 0;  // antigens present
  int age = 0;     // g_i, days, 0 <= g_i <= G
};

struct MatchPatientGroup {
  Group must_match = 0;  // A, B, D are added: ABO-D compatibility holds for every patient
  int max_age = 35;      // h_j, days
  bool young_blood = false;
  bool typed = true;
};

struct MatchRequest {
  Group type = 0;         // the patient's antigens
  Group antibodies = 0;   // antigens the unit must lack (disjoint from type)
  std::size_t group = 0;  // index into MatchingProblem::groups
  int units = 1;          // b_j, 1 .. max_request_units
  // match_classes only: the request is due this many days after today (rule E1's forecast,
  // seed 004 sec. 4.3); a unit then counts at its age on that day, must have arrived by then
  // and must not have outdated.
  int days_ahead = 0;
};

// lambda_1 .. lambda_5 of eq. (7), each in [0, max_weight]; the seed starts from all 1 (sec. 5.1).
struct PenaltyWeights {
  double immunogenicity = 1, major_substitution = 1, minor_substitution = 1, fifo = 1, young_blood = 1;
};

// alpha_1, alpha_2, alpha_3 of pi_5 (sec. 3.2).
struct YoungBloodShape {
  double alpha1 = 7.69, alpha2 = 9.58, alpha3 = 1.20;
};

// Whether pi_1 counts a mismatched antigen once per unit (the seed, sec. 3.2: "linearly in the
// number of units mismatched") or once per request (MINRAR's "first mismatched unit": antigen
// k mismatched by any of request j's units costs lambda_1 w_k once; see match()).
enum class MismatchCount { per_unit, per_request };
const char* to_string(MismatchCount c);

struct MatchingProblem {
  std::size_t antigens = 0;                // |A|, bits 0 .. antigens - 1
  Group major = 0;                         // A, B, D
  std::vector<double> immunogenicity;      // w_k per antigen, in [0, 1]
  Group mismatch = 0;                      // I (before removing a group's must-match antigens)
  Group substitution = 0;                  // S
  int shelf_life = 35;                     // G, days
  PenaltyWeights lambda;
  YoungBloodShape alpha;
  MismatchCount count = MismatchCount::per_unit;
  std::vector<MatchPatientGroup> groups;
  std::vector<MatchUnit> units;
  std::vector<MatchRequest> requests;
};

// v(major type), the share of the patient population a unit of that A, B, D type can serve
// (sec. 3.2, pi_2); called once per distinct major type.
using MajorUsability = std::function<double(Group)>;

// Throws InputError naming the field: "units" / "requests" over their limits (with the limit
// in the message), "units[3].age", "requests[1].units", "requests[2].antibodies",
// "requests[0].group", "fifo_weight", "alpha1", "immunogenicity[3]", "shelf_life", "patient_groups[1].max_age".
// O(m + n) plus the m x n pairs bound; the pairs themselves are counted in match().
void check_matching(const MatchingProblem& problem);

// ---- The result ----
struct PenaltyBreakdown {  // sum over the assignment of lambda_f pi_f, f = 1..5
  double immunogenicity = 0, major_substitution = 0, minor_substitution = 0, fifo = 0, young_blood = 0;
  double total() const { return immunogenicity + major_substitution + minor_substitution + fifo + young_blood; }
};

struct MatchPair {
  std::size_t unit = 0, request = 0;
  Group mismatched = 0;    // antigens the unit carries and the patient lacks (typed patients)
  double cost = 0;         // c_ij, unrounded
  bool fixed = true;       // a unit of this type and age goes to this request in every optimum, as often
};

struct MatchRequestResult {
  int delivered = 0;       // shortage = units - delivered
  Group mismatched = 0;    // union over its units
  std::vector<int> mismatch_units;  // per antigen: units mismatched for it
  double expected_alloimmunisations = 0;
  bool fixed = true;       // delivered (so the shortage) is the same in every optimum
};

struct Matching {
  std::int64_t units_requested = 0, delivered = 0, shortage = 0;
  std::vector<MatchPair> pairs;             // by unit
  std::vector<int> unit_request;            // per unit: request index or -1
  std::vector<MatchRequestResult> requests;
  PenaltyBreakdown objective;               // unrounded
  // The exact least cost lies in [objective.total() - objective_gap_bound, objective.total()].
  double objective_gap_bound = 0;
  // Per unit: the flow's integer costs are multiples of 1 / cost_scale, a power of ten (below
  // 1 when the penalties are huge); rounding_error is the largest |c_ij - its integer cost /
  // cost_scale| over the allowed pairs. 0 when per request solves the MIP (costs not rounded).
  double cost_scale = 0, rounding_error = 0;
  // Per term f = 1..5, over the allowed pairs: the largest |lambda_f pi_f| and the smallest
  // that is not 0 (0 when every one is 0).
  PenaltyBreakdown largest_term, smallest_term;
  // true when the rounding could have changed the answer: rounding_error reaches a thousandth
  // of the smallest nonzero immunogenicity, substitution or FIFO term, or objective_gap_bound
  // exceeds 1e-9 of the sum of |c_ij| over the matching. The smaller terms are then not weighed
  // exactly, and unique / fixed may call a near-tie a tie (or miss one).
  bool rounding_material = false;
  // xA: sum over the assigned pairs of sum_k w_k phi_k(i, j) over every antigen (sec. 4.1, 5.1:
  // the expected number of alloimmunisations), whether or not k is penalised.
  double expected_alloimmunisations = 0;
  std::size_t arcs = 0;                     // allowed pairs (d_ij = 1, eq. 5-6)
  std::size_t varying_arcs = 0;             // pairs in some optima but not all
  bool unique = true;
  bool tie_break_unique = true;
  // false for MismatchCount::per_request: the MIP's other optima are not looked for, so
  // unique, varying_arcs, tie_break_unique and every `fixed` mean nothing (left as above).
  bool uniqueness_analysed = true;
  // Per request: whether branch and bound proved the optimum (true) or stopped at its time
  // limit with the best matching found so far (false). Always true per unit.
  bool proven_optimal = true;
  std::size_t mip_columns = 0, mip_rows = 0;  // the MIP's size (per request), 0 per unit
  double seconds = 0;
};

// The tie-break among equally good matchings (when unique is false): the units listed first.
// Units of the same type and age are interchangeable and are never called a tie: the first
// listed of them are given, to the requests in list order.
extern const char* const match_tie_break_rule;

// The per-unit cost c_ij of eq. (7) and its five terms, for a unit that may serve request j.
PenaltyBreakdown pair_penalties(const MatchingProblem& p, const MatchUnit& unit, const MatchRequest& request,
                                double usability_unit, double usability_request);
// d_ij of eq. (5)-(6).
bool allowed(const MatchingProblem& p, const MatchUnit& unit, const MatchRequest& request);

// Solves eq. (1)-(7) with shortages as above, as a min-cost flow. Checkpoints of `progress`
// between the phases (the flow routines themselves cannot be interrupted).
//
// Per unit, the integer costs (header above) use the scale s = 10^k with k the largest such
// that s x (the largest sum of |terms| of a pair) stays within 2^60 / (2 (nodes + units
// requested)), so that no potential, path cost or total cost leaves int64. The rounded
// problem is solved exactly; its optimal potentials pi then bound the exact one: with the
// exact reduced costs D_a = c_a - (pi_tail - pi_head) / s, every flow costs at least
// sum_v pi_v b_v / s + sum_a min(D_a low_a, D_a cap_a), and objective_gap_bound is the
// matching's cost less that bound. unique, varying_arcs and fixed
// are exact for the rounded costs; rounding_material says when that may differ from the exact
// costs. The tie-break is then applied as described at match_tie_break_rule.
//
// Counting mismatches per request (MismatchCount::per_request) adds a fixed charge per
// (request, antigen), which is not a network flow: a mixed-integer programme over the same
// allowed pairs (solve_per_request, per_request_mip.hpp: integer x_cj per (unit class,
// request) pair as in the flow, binary y_jk per request j and antigen k of I_j with
// lambda_1 w_k > 0 that some allowed unit would mismatch), with the units delivered fixed to
// the maximum flow F first (so shortages mean what they mean per unit); objective the
// per-unit terms pi_2..pi_5 plus sum lambda_1 w_k y_jk. Costs are not rounded (cost_scale 0;
// objective_gap_bound is solve_per_request's tolerance, NaN after the time limit). Progress and
// cancel at its phases and at branch and bound's nodes. More than max_per_request_pairs
// allowed pairs are refused (limit_exceeded, "mismatch_count") before the flows. Uniqueness
// is not analysed (uniqueness_analysed false). When no allowed pair is charged (ABOD,
// Limited, no typed patient a unit would mismatch) the two counts are one problem and the
// flow answers exactly as per unit (integer terms, gap bound, rounding_material, uniqueness),
// with no such limit.

Matching match(const MatchingProblem& problem, const MajorUsability& usability, const Progress& progress = {});

// ---- Many days (src/issuing): a day given as classes of interchangeable units ----
// match() for stock held as counts per (type, age), with requests of any size (identical
// patients' requests added up): the same problem, costs, shortages and rounding, on a network
// laid out by type (class_matching.cpp), without the uniqueness analysis and tie-break (the
// flow solver's optimum, the same for the same input, natively and in wasm). Per unit
// counting only. Limits: max_day_arcs arcs in the day's network ("units"),
// b_j up to max_class_request_units; no limit on the number of classes or requests beyond that.
inline constexpr std::size_t max_day_arcs = 1000000;
inline constexpr int max_class_request_units = 10000000;

struct UnitClass {
  Group type = 0;
  int age = 0;    // g_i, days, 0 <= g_i <= G; -d: a unit expected to arrive in d days (rule E1)
  int units = 0;  // >= 1
};

struct ClassFlow {
  std::size_t unit_class = 0, request = 0;
  int units = 0;
  Group mismatched = 0;  // antigens the class carries and the (typed) patient lacks
};

struct ClassMatching {
  std::int64_t units_requested = 0, delivered = 0, shortage = 0;
  std::vector<int> delivered_per_request;
  std::vector<ClassFlow> flows;  // pairs that carry units, by class, then request
  PenaltyBreakdown objective;    // unrounded
  std::size_t arcs = 0;          // allowed (class, request) pairs
  std::size_t network_arcs = 0;  // arcs of the day's flow network (class_matching.cpp: fewer than pairs)
  bool rounding_material = false;  // as Matching::rounding_material
};

// Throws InputError as check_matching for the settings, "units[c]..." for a bad class,
// "requests[j]..." for a bad request, "mismatch_count" for per_request, "units" for more than
// max_day_arcs arcs. `settings.units` must be empty.
ClassMatching match_classes(const MatchingProblem& settings, const std::vector<UnitClass>& classes,
                            const MajorUsability& usability, const Progress& progress = {});

// check_matching without the units and requests.
void check_matching_settings(const MatchingProblem& problem);

}  // namespace rbc::allocation
