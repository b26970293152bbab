#include "supply/issuing_mdp.hpp"

#include <Eigen/SparseCore>
#include <Eigen/SparseLU>
#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>

#include "common/input_error.hpp"
#include "numeric/linear_program.hpp"

namespace rbc::supply {

namespace {

constexpr std::uint64_t saturation = std::uint64_t{1} << 62;

std::uint64_t saturating_mul(std::uint64_t a, std::uint64_t b) {
  if (a != 0 && b > saturation / a) return saturation;
  return std::min(a * b, saturation);
}

// C(n, k) exactly while it stays below 2^62 (saturated beyond). C(n, i+1) = C(n, i) (n-i) / (i+1)
// is an integer; with g = gcd(C(n, i), i+1), (i+1)/g divides n-i, so no step leaves the integers.
std::uint64_t binomial(std::uint64_t n, std::uint64_t k) {
  if (k > n) return 0;
  k = std::min(k, n - k);
  std::uint64_t c = 1;
  for (std::uint64_t i = 0; i < k; ++i) {
    const std::uint64_t g = std::gcd(c, i + 1);
    c = saturating_mul(c / g, (n - i) / ((i + 1) / g));
    if (c >= saturation) return saturation;
  }
  return c;
}

std::string with_commas(std::uint64_t n) {
  const std::string digits = std::to_string(n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

void check_finite(double v, double lo, double hi, const std::string& path, const std::string& what) {
  if (!std::isfinite(v) || v < lo || v > hi)
    throw InputError("invalid_field", path,
                     what + " must lie between " + std::to_string(lo).substr(0, 8) + " and " + std::to_string(hi).substr(0, 8));
}

double largest_cost(const IssuingMdp& mdp) {
  return std::max({mdp.shortage_cost, mdp.outdating_cost, mdp.substitution_cost});
}

// The model's rates and the transitions of every state, shared by value iteration, policy
// evaluation and the LP. Neighbour indices are ranks; -1 where a move is impossible.
struct Chain {
  int m = 0, N = 0, K = 0, S = 0;
  double nu = 0, lambda = 0, mu = 0, B = 0;
  std::vector<double> lambda_i, mu_j;
  std::vector<std::vector<int>> compatible_types;  // per requested group j
  std::vector<int> total;                          // |s|
  std::vector<std::int32_t> removed;               // [s K + t]: s - e_t (issue or outdate)
  std::vector<std::int32_t> aged;                  // [s K + t]: s - e_t + e_{t-1} (r > 1)
  std::vector<std::int32_t> donated;               // [s m + i]: s + e_{i,N}, -1 when full
  std::vector<std::uint8_t> count;                 // [s K + t]: s_t
};

Chain build_chain(const IssuingMdp& mdp, const StockStates& states) {
  Chain c;
  c.m = static_cast<int>(mdp.groups.size());
  c.N = mdp.phases;
  c.K = c.m * c.N;
  c.S = mdp.max_stock;
  c.nu = mdp.phases / mdp.shelf_life;
  c.lambda = mdp.donation_rate;
  c.mu = mdp.request_rate;
  c.B = c.lambda + c.mu + c.nu * c.S;  // eq. 5.25 with equality
  for (const auto& g : mdp.groups) {
    c.lambda_i.push_back(c.lambda * g.donation_share);  // eq. 5.19
    c.mu_j.push_back(c.mu * g.request_share);
  }
  c.compatible_types.resize(static_cast<std::size_t>(c.m));
  for (int j = 0; j < c.m; ++j)
    for (int t = 0; t < c.K; ++t)
      if (compatible(mdp, t, j)) c.compatible_types[static_cast<std::size_t>(j)].push_back(t);
  const std::size_t n = states.size();
  const auto K = static_cast<std::size_t>(c.K), m = static_cast<std::size_t>(c.m);
  c.total.resize(n);
  c.removed.assign(n * K, -1);
  c.aged.assign(n * K, -1);
  c.donated.assign(n * m, -1);
  c.count.resize(n * K);
  std::vector<int> s(K, 0);
  std::size_t index = 0;
  do {
    int sum = 0;
    for (std::size_t t = 0; t < K; ++t) {
      c.count[index * K + t] = static_cast<std::uint8_t>(s[t]);
      sum += s[t];
    }
    c.total[index] = sum;
    for (std::size_t t = 0; t < K; ++t) {
      if (s[t] == 0) continue;
      --s[t];
      c.removed[index * K + t] = static_cast<std::int32_t>(states.rank(s));
      if (t % static_cast<std::size_t>(c.N) != 0) {  // r > 1: one phase older
        ++s[t - 1];
        c.aged[index * K + t] = static_cast<std::int32_t>(states.rank(s));
        --s[t - 1];
      }
      ++s[t];
    }
    if (sum < c.S)  // eq. 5.20's 1{|s| <= S} read as "room for one more" (docs/methods/supply.md)
      for (std::size_t i = 0; i < m; ++i) {
        const std::size_t fresh = i * static_cast<std::size_t>(c.N) + static_cast<std::size_t>(c.N) - 1;
        ++s[fresh];
        c.donated[index * m + i] = static_cast<std::int32_t>(states.rank(s));
        --s[fresh];
      }
    ++index;
  } while (states.next(s));
  return c;
}

// The cost of meeting a request of group j with action a (eq. 5.22, per request).
double action_cost(const IssuingMdp& mdp, const Chain& c, int a, int j) {
  if (a == refuse) return mdp.shortage_cost;
  return a / c.N == j ? 0.0 : mdp.substitution_cost;
}

}  // namespace

// ---- Sizes and checks ----

MdpSize issuing_mdp_size(const IssuingMdp& mdp) {
  MdpSize z;
  const auto m = static_cast<std::uint64_t>(mdp.groups.size());
  const auto N = static_cast<std::uint64_t>(std::max(mdp.phases, 0));
  const auto S = static_cast<std::uint64_t>(std::max(mdp.max_stock, 0));
  const std::uint64_t K = m * N;
  z.states = binomial(K + S, S);
  // A type t is present in C(K + S - 1, S - 1) states (take one unit of t away: at most S - 1
  // left), so sum_s |X_j(s)| = |S| + (compatible types of j) C(K + S - 1, S - 1).
  const std::uint64_t with_type = S == 0 ? 0 : binomial(K + S - 1, S - 1);
  std::uint64_t actions = saturating_mul(z.states, m);
  for (std::uint64_t j = 0; j < m; ++j) {
    std::uint64_t compatible_groups = 0;
    for (std::uint64_t i = 0; i < m; ++i)
      if ((mdp.groups[i].antigens & ~mdp.groups[j].antigens) == 0) ++compatible_groups;
    actions = std::min(actions + saturating_mul(compatible_groups * N, with_type), saturation);
  }
  z.state_actions = actions;
  z.saturated = z.states >= saturation || z.state_actions >= saturation;
  return z;
}

void check_issuing_mdp(const IssuingMdp& mdp, const MdpLimits& limits) {
  const auto m = mdp.groups.size();
  if (m == 0) throw InputError("invalid_field", "groups", "Give at least one blood group");
  if (m > static_cast<std::size_t>(max_mdp_groups))
    throw InputError("limit_exceeded", "groups",
                     "At most " + std::to_string(max_mdp_groups) + " blood groups (" + std::to_string(m) + " given)");
  double donations = 0, requests = 0;
  for (std::size_t i = 0; i < m; ++i) {
    const auto& g = mdp.groups[i];
    const std::string path = field_index("groups", i);
    if (g.name.empty()) throw InputError("invalid_field", field_member(path, "name"), "Give each blood group a name");
    for (std::size_t k = 0; k < i; ++k) {
      if (mdp.groups[k].name == g.name)
        throw InputError("invalid_field", field_member(path, "name"), "The blood group " + g.name + " is listed twice");
      if (mdp.groups[k].antigens == g.antigens)
        throw InputError("invalid_field", field_member(path, "antigens"),
                         "The blood groups " + mdp.groups[k].name + " and " + g.name + " have the same antigens");
    }
    check_finite(g.donation_share, 0, 1, field_member(path, "donation_share"),
                 "The share of donations of group " + g.name);
    check_finite(g.request_share, 0, 1, field_member(path, "request_share"),
                 "The share of requests of group " + g.name);
    donations += g.donation_share;
    requests += g.request_share;
  }
  if (std::abs(donations - 1) > 1e-9)
    throw InputError("invalid_field", "groups", "The shares of donations sum to " + std::to_string(donations) + ", not 1");
  if (std::abs(requests - 1) > 1e-9)
    throw InputError("invalid_field", "groups", "The shares of requests sum to " + std::to_string(requests) + ", not 1");
  if (mdp.phases < 1 || mdp.phases > max_mdp_phases)
    throw InputError("invalid_field", "phases",
                     "The number of ageing phases must lie between 1 and " + std::to_string(max_mdp_phases));
  if (mdp.max_stock < 1 || mdp.max_stock > max_mdp_stock)
    throw InputError("invalid_field", "max_stock",
                     "The stock bound must lie between 1 and " + std::to_string(max_mdp_stock) + " units");
  check_finite(mdp.shelf_life, 1e-3, 1e4, "shelf_life", "The shelf life (days)");
  check_finite(mdp.donation_rate, 0, 1e6, "donation_rate", "The donation rate (units a day)");
  check_finite(mdp.request_rate, 0, 1e6, "request_rate", "The request rate (units a day)");
  // Sec. 5.4.3 assumes non-negative costs for the bounds.
  check_finite(mdp.shortage_cost, 0, 1e9, "shortage_cost", "The shortage cost");
  check_finite(mdp.outdating_cost, 0, 1e9, "outdating_cost", "The outdating cost");
  check_finite(mdp.substitution_cost, 0, 1e9, "substitution_cost", "The substitution cost");

  const MdpSize z = issuing_mdp_size(mdp);
  const std::string why = "stock compositions of at most " + std::to_string(mdp.max_stock) + " units over " +
                          std::to_string(m) + " blood groups x " + std::to_string(mdp.phases) +
                          " ageing phases; use fewer blood groups, fewer ageing phases or a smaller stock bound";
  if (z.states > limits.max_states)
    throw InputError("limit_exceeded", "max_stock",
                     "The issuing MDP would have " + std::string(z.states >= saturation ? "more than " : "") +
                         with_commas(z.states) + " states (at most " + with_commas(limits.max_states) + "): " + why);
  if (z.state_actions > limits.max_state_actions)
    throw InputError("limit_exceeded", "max_stock",
                     "The issuing MDP would have " + with_commas(z.state_actions) +
                         " state-action pairs (at most " + with_commas(limits.max_state_actions) + "): " + why);
}

int iterations_within_limit(const MdpSize& size, const MdpLimits& limits) {
  const double n = std::floor(limits.max_work / static_cast<double>(std::max<std::uint64_t>(size.state_actions, 1)));
  return static_cast<int>(std::clamp(n, 1.0, 1e9));
}

bool compatible(const IssuingMdp& mdp, int type, int requested_group) {
  const int i = type / mdp.phases;
  return (mdp.groups[static_cast<std::size_t>(i)].antigens &
          ~mdp.groups[static_cast<std::size_t>(requested_group)].antigens) == 0;
}

// ---- StockStates ----

StockStates::StockStates(int types, int max_stock) : types_(types), max_stock_(max_stock) {
  const int n = types + max_stock + 1;
  binomial_.assign(static_cast<std::size_t>(n) * static_cast<std::size_t>(n), 0);
  for (int a = 0; a < n; ++a)
    for (int b = 0; b <= a; ++b)
      binomial_[static_cast<std::size_t>(a) * static_cast<std::size_t>(n) + static_cast<std::size_t>(b)] =
          binomial(static_cast<std::uint64_t>(a), static_cast<std::uint64_t>(b));
  size_ = static_cast<std::size_t>(count(types, max_stock));
}

std::uint64_t StockStates::count(int n, int b) const {
  const auto width = static_cast<std::size_t>(types_ + max_stock_ + 1);
  return binomial_[static_cast<std::size_t>(n + b) * width + static_cast<std::size_t>(n)];
}

std::size_t StockStates::rank(const std::vector<int>& s) const {
  // Vectors before s: those agreeing on types < t with a smaller count v at t, for each t.
  std::uint64_t r = 0;
  int budget = max_stock_;
  for (int t = 0; t < types_; ++t) {
    const int c = s[static_cast<std::size_t>(t)];
    for (int v = 0; v < c; ++v) r += count(types_ - t - 1, budget - v);
    budget -= c;
  }
  return static_cast<std::size_t>(r);
}

std::vector<int> StockStates::unrank(std::size_t index) const {
  std::vector<int> s(static_cast<std::size_t>(types_), 0);
  std::uint64_t r = index;
  int budget = max_stock_;
  for (int t = 0; t < types_; ++t) {
    int v = 0;
    while (r >= count(types_ - t - 1, budget - v)) r -= count(types_ - t - 1, budget - v++);
    s[static_cast<std::size_t>(t)] = v;
    budget -= v;
  }
  return s;
}

bool StockStates::next(std::vector<int>& s) const {
  if (types_ == 0) return false;
  int sum = 0;
  for (int c : s) sum += c;
  if (sum < max_stock_) {
    ++s.back();
    return true;
  }
  // Full: the last nonzero count goes to 0 and the one before it grows.
  int t = types_ - 1;
  while (t >= 0 && s[static_cast<std::size_t>(t)] == 0) --t;
  if (t <= 0) return false;  // the last composition (or the only one, S = 0)
  s[static_cast<std::size_t>(t)] = 0;
  ++s[static_cast<std::size_t>(t - 1)];
  return true;
}

// ---- Successive approximation (eq. 5.26-5.31) ----

IssuingMdpSolution solve_issuing_mdp(const IssuingMdp& mdp, const MdpOptions& options, const MdpLimits& limits,
                                     const Progress& progress) {
  check_issuing_mdp(mdp, limits);
  if (!(options.tolerance > 0) || !(options.tie_tolerance >= 0) || options.max_iterations < 1)
    throw std::invalid_argument("solve_issuing_mdp: bad options");
  IssuingMdpSolution out;
  out.states = StockStates(static_cast<int>(mdp.groups.size()) * mdp.phases, mdp.max_stock);
  const Chain c = build_chain(mdp, out.states);
  out.uniformisation_rate = c.B;
  out.ageing_rate = c.nu;
  const std::size_t n = out.states.size();
  const auto K = static_cast<std::size_t>(c.K), m = static_cast<std::size_t>(c.m);
  const double h = 1 / c.B;
  const double cost_scale = largest_cost(mdp);

  // One step of eq. 5.29 with the costs per event: h c(s, x) + sum_s' p(s'|s,x) V(s') =
  // h [sum_i lambda_i V(s + e_iN) + sum_t nu s_t (V(aged) + c_o [r = 1])
  //    + sum_j mu_j min_a (c_j(a) + V(s_a))] + (1 - h (lambda 1{room} + mu + nu |s|)) V(s),
  // where a refused request (u) leaves s: c_j(u) + V(s_u) = c_s + V(s). The minimum over the
  // joint action x splits into one minimum per requested group (eq. 5.18: x_j chosen per j).
  auto request_value = [&](const std::vector<double>& V, std::size_t s, std::size_t j, int a) {
    if (a == refuse) return mdp.shortage_cost + V[s];
    return action_cost(mdp, c, a, static_cast<int>(j)) + V[static_cast<std::size_t>(c.removed[s * K + static_cast<std::size_t>(a)])];
  };
  auto step = [&](const std::vector<double>& V, std::size_t s) {
    double rate_out = 0, flow = 0;
    if (c.total[s] < c.S)
      for (std::size_t i = 0; i < m; ++i) {
        flow += c.lambda_i[i] * V[static_cast<std::size_t>(c.donated[s * m + i])];
        rate_out += c.lambda_i[i];
      }
    for (std::size_t t = 0; t < K; ++t) {
      const double units = c.count[s * K + t];
      if (units == 0) continue;
      const double rate = c.nu * units;
      rate_out += rate;
      if (t % static_cast<std::size_t>(c.N) == 0)
        flow += rate * (mdp.outdating_cost + V[static_cast<std::size_t>(c.removed[s * K + t])]);
      else
        flow += rate * V[static_cast<std::size_t>(c.aged[s * K + t])];
    }
    for (std::size_t j = 0; j < m; ++j) {
      double best = mdp.shortage_cost + V[s];
      for (int t : c.compatible_types[j])
        if (c.count[s * K + static_cast<std::size_t>(t)] > 0) best = std::min(best, request_value(V, s, j, t));
      flow += c.mu_j[j] * best;
      rate_out += c.mu_j[j];
    }
    return h * flow + (1 - h * rate_out) * V[s];
  };

  std::vector<double> V(n, 0.0), next(n, 0.0);
  const double floor = 1e-12 * cost_scale * c.B;
  double first_gap = 0;
  for (int k = 0; k < options.max_iterations; ++k) {
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (std::size_t s = 0; s < n; ++s) {
      next[s] = step(V, s);
      const double d = next[s] - V[s];
      lo = std::min(lo, d);
      hi = std::max(hi, d);
    }
    // Relative values (V minus V(empty)): the differences of eq. 5.31 stay the same (each row of
    // p sums to 1) and V stays bounded.
    const double shift = next[0];
    for (std::size_t s = 0; s < n; ++s) V[s] = next[s] - shift;
    out.trace.push_back({k, lo / h, hi / h});
    out.iterations = k + 1;
    const double gap = (hi - lo) / h;
    if (k == 0) first_gap = gap;
    if (gap <= options.tolerance * std::max(hi / h, floor)) {
      out.converged = true;
      break;
    }
    // Fraction: how far the gap has fallen towards its target on a log scale, or the
    // iterations used, whichever is further.
    const double target = options.tolerance * std::max(hi / h, floor);
    double f = static_cast<double>(k + 1) / options.max_iterations;
    if (first_gap > target && gap > 0) f = std::max(f, std::log(first_gap / gap) / std::log(first_gap / target));
    progress.report(f, "successive approximation");
  }
  out.lower = out.trace.back().lower;
  out.upper = out.trace.back().upper;
  out.average_cost = (out.lower + out.upper) / 2;
  out.relative_value = V;

  // The minimising actions of eq. 5.29 at the last V, with every action within the tie
  // tolerance of the best.
  const double tie = options.tie_tolerance * cost_scale;
  out.best.resize(n * m);
  for (std::size_t s = 0; s < n; ++s)
    for (std::size_t j = 0; j < m; ++j) {
      std::vector<std::pair<double, int>> q = {{request_value(V, s, j, refuse), refuse}};
      for (int t : c.compatible_types[j])
        if (c.count[s * K + static_cast<std::size_t>(t)] > 0) q.emplace_back(request_value(V, s, j, t), t);
      const double best = std::min_element(q.begin(), q.end())->first;
      auto& list = out.best[s * m + j];
      int first = refuse;
      double first_value = std::numeric_limits<double>::infinity();
      for (const auto& [value, a] : q)
        if (value < first_value) first_value = value, first = a;
      list.push_back(first);
      // A group never requested (mu_j = 0) adds nothing to eq. 5.29: every action minimises.
      const bool any = c.mu_j[j] == 0;
      for (const auto& [value, a] : q)
        if (a != first && (any || value <= best + tie)) list.push_back(a);
    }
  progress.report(1, "done");
  return out;
}

// ---- Checks ----

namespace {

// Rows of the continuous-time generator under `policy` and the cost rate of each state.
struct PolicyChain {
  std::vector<Eigen::Triplet<double>> rates;  // (from, to, rate), to != from
  std::vector<double> cost_rate;              // c(s, delta(s)), eq. 5.22
};

PolicyChain policy_chain(const IssuingMdp& mdp, const Chain& c, std::size_t n, const std::vector<int>& policy) {
  PolicyChain p;
  p.cost_rate.assign(n, 0);
  const auto K = static_cast<std::size_t>(c.K), m = static_cast<std::size_t>(c.m);
  if (policy.size() != n * m) throw std::invalid_argument("policy_average_cost: one action per state and group");
  for (std::size_t s = 0; s < n; ++s) {
    const auto from = static_cast<int>(s);
    if (c.total[s] < c.S)
      for (std::size_t i = 0; i < m; ++i)
        if (c.lambda_i[i] > 0) p.rates.emplace_back(from, c.donated[s * m + i], c.lambda_i[i]);
    for (std::size_t t = 0; t < K; ++t) {
      const double units = c.count[s * K + t];
      if (units == 0) continue;
      if (t % static_cast<std::size_t>(c.N) == 0) {
        p.rates.emplace_back(from, c.removed[s * K + t], c.nu * units);
        p.cost_rate[s] += mdp.outdating_cost * c.nu * units;
      } else {
        p.rates.emplace_back(from, c.aged[s * K + t], c.nu * units);
      }
    }
    for (std::size_t j = 0; j < m; ++j) {
      const int a = policy[s * m + j];
      if (a != refuse) {
        if (a < 0 || a >= c.K || c.count[s * K + static_cast<std::size_t>(a)] == 0 ||
            !compatible(mdp, a, static_cast<int>(j)))
          throw std::invalid_argument("policy_average_cost: an action not allowed in its state");
        if (c.mu_j[j] > 0) p.rates.emplace_back(from, c.removed[s * K + static_cast<std::size_t>(a)], c.mu_j[j]);
      }
      p.cost_rate[s] += c.mu_j[j] * action_cost(mdp, c, a, static_cast<int>(j));
    }
  }
  return p;
}

}  // namespace

double policy_average_cost(const IssuingMdp& mdp, const std::vector<int>& policy) {
  check_issuing_mdp(mdp);
  const StockStates states(static_cast<int>(mdp.groups.size()) * mdp.phases, mdp.max_stock);
  const Chain c = build_chain(mdp, states);
  const std::size_t n = states.size();
  const PolicyChain p = policy_chain(mdp, c, n, policy);
  // pi Q = 0 with the last balance equation replaced by sum pi = 1: A = Q^T, last row ones.
  std::vector<double> out_rate(n, 0);
  std::vector<Eigen::Triplet<double>> t;
  const auto last = static_cast<int>(n) - 1;
  for (const auto& e : p.rates) {
    out_rate[static_cast<std::size_t>(e.row())] += e.value();
    if (e.col() != last) t.emplace_back(e.col(), e.row(), e.value());
  }
  for (std::size_t s = 0; s + 1 < n; ++s) t.emplace_back(static_cast<int>(s), static_cast<int>(s), -out_rate[s]);
  for (int s = 0; s <= last; ++s) t.emplace_back(last, s, 1.0);
  Eigen::SparseMatrix<double> A(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(n));
  A.setFromTriplets(t.begin(), t.end());
  Eigen::SparseLU<Eigen::SparseMatrix<double>> lu(A);
  if (lu.info() != Eigen::Success) throw std::runtime_error("policy_average_cost: singular chain");
  Eigen::VectorXd rhs = Eigen::VectorXd::Zero(static_cast<Eigen::Index>(n));
  rhs[last] = 1;
  const Eigen::VectorXd pi = lu.solve(rhs);
  double g = 0;
  for (std::size_t s = 0; s < n; ++s) g += pi[static_cast<Eigen::Index>(s)] * p.cost_rate[s];
  return g;
}

double linear_programme_average_cost(const IssuingMdp& mdp) {
  check_issuing_mdp(mdp);
  const StockStates states(static_cast<int>(mdp.groups.size()) * mdp.phases, mdp.max_stock);
  const Chain c = build_chain(mdp, states);
  const std::size_t n = states.size();
  const auto K = static_cast<std::size_t>(c.K), m = static_cast<std::size_t>(c.m);
  numeric::LinearProgram lp;
  // Columns: pi(s) for every s, then y(s, j, a) for every allowed action.
  struct Column {
    std::size_t s, j;
    int a;
  };
  std::vector<Column> y;
  for (std::size_t s = 0; s < n; ++s)
    for (std::size_t j = 0; j < m; ++j) {
      y.push_back({s, j, refuse});
      for (int t : c.compatible_types[j])
        if (c.count[s * K + static_cast<std::size_t>(t)] > 0) y.push_back({s, j, t});
    }
  const std::size_t columns = n + y.size();
  lp.objective.assign(columns, 0);
  for (std::size_t s = 0; s < n; ++s) {
    double outdating = 0;
    for (std::size_t i = 0; i < m; ++i) outdating += c.count[s * K + i * static_cast<std::size_t>(c.N)];
    lp.objective[s] = mdp.outdating_cost * c.nu * outdating;
  }
  for (std::size_t k = 0; k < y.size(); ++k)
    lp.objective[n + k] = c.mu_j[y[k].j] * action_cost(mdp, c, y[k].a, static_cast<int>(y[k].j));
  // Rows: balance of each state (n), the marginals of each (s, j) (n m), sum pi = 1.
  auto row_bound = [](double v) { return numeric::Bound{v, v}; };
  const std::size_t rows = n + n * m + 1;
  lp.constraints.resize(rows);
  for (std::size_t r = 0; r < rows; ++r) lp.constraints[r].bound = row_bound(r + 1 == rows ? 1 : 0);
  auto add = [&](std::size_t row, std::size_t column, double v) { lp.matrix.push_back({row, column, v}); };
  // Balance: inflow - outflow = 0 at every state. The fixed moves come from pi's columns, the
  // issues from y's; entries to one (row, column) are summed first (the wrapper wants each once).
  std::vector<std::vector<std::pair<std::size_t, double>>> by_column(columns);
  auto flow = [&](std::size_t column, std::size_t from, std::size_t to, double rate) {
    by_column[column].emplace_back(from, -rate);
    by_column[column].emplace_back(to, rate);
  };
  for (std::size_t s = 0; s < n; ++s) {
    if (c.total[s] < c.S)
      for (std::size_t i = 0; i < m; ++i) flow(s, s, static_cast<std::size_t>(c.donated[s * m + i]), c.lambda_i[i]);
    for (std::size_t t = 0; t < K; ++t) {
      const double units = c.count[s * K + t];
      if (units == 0) continue;
      const auto to = static_cast<std::size_t>(t % static_cast<std::size_t>(c.N) == 0 ? c.removed[s * K + t] : c.aged[s * K + t]);
      flow(s, s, to, c.nu * units);
    }
  }
  for (std::size_t k = 0; k < y.size(); ++k) {
    if (y[k].a != refuse)
      flow(n + k, y[k].s, static_cast<std::size_t>(c.removed[y[k].s * K + static_cast<std::size_t>(y[k].a)]), c.mu_j[y[k].j]);
    by_column[n + k].emplace_back(n + y[k].s * m + y[k].j, 1.0);  // sum_a y(s, j, a) ...
  }
  for (std::size_t s = 0; s < n; ++s) {
    for (std::size_t j = 0; j < m; ++j) by_column[s].emplace_back(n + s * m + j, -1.0);  // ... = pi(s)
    by_column[s].emplace_back(rows - 1, 1.0);
  }
  for (std::size_t col = 0; col < columns; ++col) {
    auto& e = by_column[col];
    std::sort(e.begin(), e.end());
    for (std::size_t k = 0; k < e.size();) {
      double v = 0;
      const std::size_t row = e[k].first;
      for (; k < e.size() && e[k].first == row; ++k) v += e[k].second;
      if (v != 0) add(row, col, v);
    }
  }
  const numeric::LpSolution sol = numeric::solve_linear_program(lp);
  if (sol.status != numeric::LpStatus::optimal)
    throw std::runtime_error(std::string("linear_programme_average_cost: ") + numeric::to_string(sol.status));
  return sol.objective;
}

}  // namespace rbc::supply
