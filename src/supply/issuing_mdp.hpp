#pragma once
// The issuing MDP of thesis sec. 5.4 (van Sambeek 2020): which unit to issue for a request.
//
// Units of a few blood groups are donated (Poisson, lambda_i = lambda f_i, eq. 5.19), age
// through N Erlang phases at rate nu = N / R (sec. 5.3, eq. 5.4) and outdate from phase 1;
// requests for group j (Poisson, mu_j = mu f_j) are met by a compatible unit (group i with
// antigens(i) a subset of antigens(j): "i <= j", eq. 5.16) of the decision maker's choosing,
// or refused. The stock holds at most S units. The state is the stock composition
// s = [s_ir] (eq. 5.15); costs are per unit time (eq. 5.22). The continuous-time MDP is
// uniformised (eq. 5.25-5.26) and solved by successive approximation (eq. 5.29) with the
// bounds of eq. 5.31 on the optimal average cost g* at every iteration.
//
// Phases are numbered as the thesis numbers residual shelf life: r = N is a fresh unit,
// r = 1 the oldest, which outdates at rate nu. A unit type t = i * N + (r - 1).
#include <cstdint>
#include <string>
#include <vector>

#include "common/progress.hpp"

namespace rbc::supply {

// ---- The model ----

struct MdpGroup {
  std::string name;                  // "D-", "O", ...: for messages and tables
  std::uint32_t antigens = 0;        // bit set: donor i serves recipient j iff (a_i & ~a_j) == 0
  double donation_share = 0;         // f_i of donations (eq. 5.19); the shares sum to 1
  double request_share = 0;          // f_j of requests (eq. 5.19 uses the same f; here it may differ)
};

struct IssuingMdp {
  std::vector<MdpGroup> groups;      // B, at most max_mdp_groups, distinct names
  int phases = 2;                    // N, Erlang phases of the shelf life (sec. 5.3)
  double shelf_life = 35;            // R, days: nu = N / R (eq. 5.4); RBCs keep 35 days (sec. 5.1)
  int max_stock = 4;                 // S, the most units in stock (sec. 5.4.1, "State space")
  double donation_rate = 1;          // lambda, units a day
  double request_rate = 1;           // mu, requests (of one unit) a day
  double shortage_cost = 10;         // c_s, per refused request (eq. 5.22)
  double outdating_cost = 5;         // c_o, per outdated unit (eq. 5.22)
  double substitution_cost = 1;      // c_ijr = this when i != j, 0 when i == j (our reading of eq. 5.22)
};

inline constexpr int max_mdp_groups = 8;
inline constexpr int max_mdp_phases = 10;
inline constexpr int max_mdp_stock = 60;

struct MdpLimits {
  std::uint64_t max_states = 20000;         // stock compositions
  std::uint64_t max_state_actions = 400000;  // sum over states and requested groups of |X_j(s)|
  // Iterations x state-action pairs: what bounds the time (about 0.7 s natively at 1.5e8,
  // docs/performance.md). Callers choose max_iterations within it (iterations_within_limit).
  double max_work = 1.5e8;
};


struct MdpSize {
  std::uint64_t states = 0;         // C(m N + S, S): compositions of at most S units over m N types
  std::uint64_t state_actions = 0;  // sum_s sum_j |X_j(s)| (eq. 5.17, by unit type)
  bool saturated = false;           // true: a count passed 2^62 and is only a lower bound
};

// Exact sizes from binomial coefficients, without enumerating anything.
MdpSize issuing_mdp_size(const IssuingMdp& mdp);

// The most iterations that fit limits.max_work for this model's size (at least 1).
int iterations_within_limit(const MdpSize& size, const MdpLimits& limits = {});

// Throws InputError naming the field ("groups[1].antigens", "phases", "max_stock", ...) for
// bad values, and "limit_exceeded" at "max_stock" for a state space over `limits`, naming the
// numbers of groups, phases and units that make it large.
void check_issuing_mdp(const IssuingMdp& mdp, const MdpLimits& limits = {});

// ---- The state space: stock compositions, ranked ----

// Vectors s of K = m N counts with sum <= S, in lexicographic order (type 0 slowest);
// rank(s) is the position, computed from binomial coefficients (no table of states needed).
class StockStates {
 public:
  StockStates(int types, int max_stock);
  std::size_t size() const { return size_; }
  int types() const { return types_; }
  int max_stock() const { return max_stock_; }
  std::size_t rank(const std::vector<int>& counts) const;
  std::vector<int> unrank(std::size_t index) const;
  // Steps `counts` to the next composition in rank order; false after the last.
  bool next(std::vector<int>& counts) const;

 private:
  // Vectors of n counts with sum <= b: C(n + b, n).
  std::uint64_t count(int n, int b) const;
  int types_, max_stock_;
  std::size_t size_;
  std::vector<std::uint64_t> binomial_;  // (types + S + 1)^2 table
};

// ---- Solving ----

struct MdpOptions {
  double tolerance = 1e-8;      // stop when upper - lower <= tolerance x upper (eq. 5.31)
  int max_iterations = 20000;
  double tie_tolerance = 1e-6;  // actions within this x the largest cost of the best are tied
};

struct BoundsStep {
  int iteration = 0;  // k
  double lower = 0;   // min_s (V_{k+1}(s) - V_k(s)) / h  (eq. 5.31), cost a day
  double upper = 0;   // max_s (V_{k+1}(s) - V_k(s)) / h
};

inline constexpr int refuse = -1;  // action u: the request is not met (eq. 5.16)

struct IssuingMdpSolution {
  double average_cost = 0;  // (lower + upper) / 2 at the last iteration: g* within (upper - lower) / 2
  double lower = 0, upper = 0;
  bool converged = false;
  int iterations = 0;
  double uniformisation_rate = 0;  // B = lambda + mu + nu S (eq. 5.25), so h = 1 / B
  double ageing_rate = 0;          // nu = N / R
  std::vector<BoundsStep> trace;   // one entry per iteration
  StockStates states{1, 0};
  // best[s * m + j]: every action within the tie tolerance of the best for a request of
  // group j in state s (a unit type t, or `refuse`), best first; ties in type order after it.
  std::vector<std::vector<int>> best;
  std::vector<double> relative_value;  // V_k(s) - V_k(empty) at the end (the relative gain H)
};

// Successive approximation (eq. 5.29) from V_0 = 0 on the uniformised chain (eq. 5.26), with
// B = lambda + mu + nu S (the smallest B eq. 5.25 allows). Checks the model first (throws as
// check_issuing_mdp). Reports progress per iteration; throws Cancelled when asked.
IssuingMdpSolution solve_issuing_mdp(const IssuingMdp& mdp, const MdpOptions& options = {},
                                     const MdpLimits& limits = {}, const Progress& progress = {});

// ---- Checks (tests, small models) ----

// A deterministic policy: policy[s * m + j] = the action for a request of group j in state s
// (a unit type with s_t > 0 compatible with j, or `refuse`).
// Its long-run average cost per day: pi Q = 0 on the continuous-time chain, then
// sum_s pi(s) c(s, delta(s)) (eq. 5.22-5.24). Throws std::invalid_argument for an action that
// is not allowed.
double policy_average_cost(const IssuingMdp& mdp, const std::vector<int>& policy);

// g* by the linear programme over state-action frequencies (GLPK): minimise the cost rate
// sum_s pi(s) c_o nu s_.1 + sum_{s,j,a} y(s,j,a) mu_j c_j(a) subject to balance of the
// continuous-time chain, sum_a y(s,j,a) = pi(s) for each j, sum pi = 1. The action for each
// requested group has its own frequencies: the cost and the transitions of a joint action are
// sums over groups, so these marginals carry everything. For small models (the LP wrapper's
// size limits).
double linear_programme_average_cost(const IssuingMdp& mdp);

// Whether unit type t (group t / N) may be issued for a request of group j.
bool compatible(const IssuingMdp& mdp, int type, int requested_group);

}  // namespace rbc::supply
