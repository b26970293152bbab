#include "supply/acquisition.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace rbc::supply {

namespace {

void check_mm1k(double rho, int k) {
  if (!(rho > 0) || !std::isfinite(rho)) throw std::invalid_argument("rho must be a positive finite number");
  if (k < 0) throw std::invalid_argument("k must be at least 0");
}

}  // namespace

// With L = log rho, every power of rho is written as exp or expm1 of a multiple of L whose
// argument is <= 0, dividing numerator and denominator by rho^(k+1) when rho > 1. So nothing
// overflows, tiny terms underflow to 0 only when they are below every double, and expm1 keeps
// the relative accuracy of 1 - rho^n near rho = 1.
Eigen::VectorXd mm1k_distribution(double rho, int k) {
  check_mm1k(rho, k);
  const double L = std::log(rho);
  Eigen::VectorXd pi(k + 1);
  for (int j = 0; j <= k; ++j) {
    if (L == 0) pi[j] = 1.0 / (k + 1);
    else if (L < 0) pi[j] = std::exp(j * L) * std::expm1(L) / std::expm1((k + 1) * L);
    else pi[j] = std::exp((j - k - 1.0) * L) * std::expm1(L) / -std::expm1(-(k + 1.0) * L);
  }
  return pi;
}

StockTail mm1k_tail(double rho, int m, int k) {
  check_mm1k(rho, k);
  if (m < 0 || m > k + 1) throw std::invalid_argument("m must lie between 0 and k + 1");
  const double L = std::log(rho);
  const double n = k + 1.0;
  if (L == 0) return {m / n, (n - m) / n};
  if (L < 0)  // (rho^m - 1) / (rho^n - 1) and rho^m (rho^(n-m) - 1) / (rho^n - 1)
    return {std::expm1(m * L) / std::expm1(n * L), std::exp(m * L) * std::expm1((n - m) * L) / std::expm1(n * L)};
  // rho > 1: divided through by rho^n.
  return {std::exp((m - n) * L) * std::expm1(-m * L) / std::expm1(-n * L), std::expm1((m - n) * L) / std::expm1(-n * L)};
}

// Monotonicity: pi_j ∝ exp(j theta) with theta = log rho is an exponential family in j, so
// d/dtheta P[J >= m] = Cov(1{J >= m}, J) > 0 for 1 <= m <= k (an increasing function of J
// against J itself, J not constant). Availability therefore rises strictly with rho, from 0
// (rho -> 0) to 1 (rho -> infinity), and the target is crossed exactly once.
double mm1k_minimum_rho(double target, int m, int k) {
  if (!(target > 0 && target < 1)) throw std::invalid_argument("the target must lie strictly between 0 and 1");
  if (k < 1 || m < 1 || m > k) throw std::invalid_argument("m must lie between 1 and k");
  const auto reaches = [&](double rho) { return mm1k_tail(rho, m, k).availability >= target; };
  // Bracket: lo does not reach the target, hi does.
  double lo = 1, hi = 1;
  if (reaches(1.0)) {
    lo = 0.5;
    while (reaches(lo)) {
      hi = lo;
      lo /= 2;
      if (lo < 1e-300) throw std::invalid_argument("the target is reached at every representable rate");
    }
  } else {
    hi = 2;
    while (!reaches(hi)) {
      lo = hi;
      hi *= 2;
      if (hi > 1e300) throw std::invalid_argument("the target is not reached at any representable rate");
    }
  }
  // Bisection until lo and hi are adjacent doubles (at most about 60 steps from a factor 2).
  for (;;) {
    const double mid = lo + (hi - lo) / 2;
    if (mid <= lo || mid >= hi) return hi;
    (reaches(mid) ? hi : lo) = mid;
  }
}

double mm1k_minimum_rho_on_grid(double target, int m, int k, double step) {
  if (!(step > 0) || !std::isfinite(step)) throw std::invalid_argument("the grid step must be positive");
  const double exact = mm1k_minimum_rho(target, m, k);
  double n = std::ceil(exact / step);
  // n * step and exact / step are rounded: settle on the first grid point that reaches the
  // target as computed. A step or two at most; the bound keeps a grid finer than the doubles
  // near rho (where n - 1 == n) from looping.
  for (int i = 0; i < 4 && mm1k_tail(n * step, m, k).availability < target; ++i) n += 1;
  for (int i = 0; i < 4 && n > 1 && mm1k_tail((n - 1) * step, m, k).availability >= target; ++i) n -= 1;
  return n * step;
}

namespace {

void check_chain(const BatchChain& c) {
  if (!(c.supply_rate > 0) || !std::isfinite(c.supply_rate))
    throw std::invalid_argument("the supply rate must be a positive finite number");
  if (c.k < 0) throw std::invalid_argument("k must be at least 0");
  if (c.batch.empty()) throw std::invalid_argument("the batch distribution is empty");
  for (const double p : c.batch)
    if (!(p >= 0) || !std::isfinite(p)) throw std::invalid_argument("batch probabilities must be non-negative");
}

// tail[n] = P(B >= n) for n = 1..B+1, summed from the top (no cancellation); tail[0] unused.
std::vector<double> batch_tail(const std::vector<double>& batch) {
  std::vector<double> tail(batch.size() + 2, 0.0);
  for (std::size_t n = batch.size(); n >= 1; --n) tail[n] = tail[n + 1] + batch[n - 1];
  return tail;
}

}  // namespace

Eigen::SparseMatrix<double> batch_generator(const BatchChain& c) {
  check_chain(c);
  const int B = static_cast<int>(c.batch.size());
  std::vector<Eigen::Triplet<double>> t;
  std::vector<double> out(static_cast<std::size_t>(c.k) + 1, 0.0);
  const auto add = [&](int from, int to, double rate) {
    if (rate == 0 || from == to) return;
    t.emplace_back(from, to, rate);
    out[static_cast<std::size_t>(from)] += rate;
  };
  for (int j = 0; j <= c.k; ++j) {
    if (j < c.k) add(j, j + 1, c.supply_rate);
    for (int b = 1; b <= B; ++b) {
      if (b <= j) add(j, j - b, c.batch[static_cast<std::size_t>(b - 1)]);
      else if (c.excess == Excess::partial) add(j, 0, c.batch[static_cast<std::size_t>(b - 1)]);
    }
  }
  for (int j = 0; j <= c.k; ++j) t.emplace_back(j, j, -out[static_cast<std::size_t>(j)]);
  Eigen::SparseMatrix<double> Q(c.k + 1, c.k + 1);
  Q.setFromTriplets(t.begin(), t.end());
  return Q;
}

// Supply moves the stock up one unit at a time (the chain is skip-free upward), so the
// stationary flow across the cut between levels {0..i-1} and {i..k} balances (Kleinrock 1975,
// sec. 1.4's flow conservation across a cut; the paper's ref. [8]):
//   lambda pi_{i-1} = sum_{j >= i} pi_j * (rate from j to below i),
// where the rate from j to below i is mu_b summed over b >= j - i + 1 that move j down
// (b <= j when the excess is lost; every b when it is issued down to 0). Starting from
// pi_k = 1 this gives pi_{k-1}, ..., pi_0 as sums of non-negative terms: no cancellation, so
// every pi_j keeps its relative accuracy, however small. Values are rescaled when they grow
// past 1e200 (small ones may then underflow to 0, below anything the normalised answer holds).
Eigen::VectorXd batch_distribution(const BatchChain& c) {
  check_chain(c);
  const int B = static_cast<int>(c.batch.size());
  const std::vector<double> tail = batch_tail(c.batch);
  // Rate from level j to below level i (j >= i, d = j - i + 1 <= B).
  const auto down = [&](int j, int d) {
    if (c.excess == Excess::partial || j >= B) return tail[static_cast<std::size_t>(d)];
    double s = 0;  // b from d to j only: larger requests are lost
    for (int b = d; b <= j; ++b) s += c.batch[static_cast<std::size_t>(b - 1)];
    return s;
  };
  Eigen::VectorXd pi = Eigen::VectorXd::Zero(c.k + 1);
  pi[c.k] = 1;
  for (int i = c.k; i >= 1; --i) {
    double flow = 0;
    for (int j = i; j <= std::min(c.k, i + B - 1); ++j) flow += pi[j] * down(j, j - i + 1);
    pi[i - 1] = flow / c.supply_rate;
    if (pi[i - 1] > 1e200) pi.segment(i - 1, c.k - i + 2) *= 1e-200;
  }
  return pi / pi.sum();
}

BatchShortage batch_shortage(const Eigen::VectorXd& pi, const std::vector<double>& batch, int m) {
  const int k = static_cast<int>(pi.size()) - 1;
  if (m < 0 || m > k + 1) throw std::invalid_argument("m must lie between 0 and k + 1");
  const std::vector<double> tail = batch_tail(batch);
  BatchShortage s{{0, 0}, 0, 0};
  for (int j = 0; j <= k; ++j) {
    (j < m ? s.tail.shortage : s.tail.availability) += pi[j];
    // Requests arrive as a Poisson process, so they see the stationary stock (PASTA).
    if (j + 1 < static_cast<int>(tail.size())) s.request_unmet += pi[j] * tail[static_cast<std::size_t>(j + 1)];
    s.mean_stock += j * pi[j];
  }
  // As shares of their own total: each lies in [0, 1] even where pi's sum rounds above 1.
  const double total = s.tail.shortage + s.tail.availability;
  s.tail = {s.tail.shortage / total, s.tail.availability / total};
  // P(B > j) <= P(B >= 1) = the batch's total: relative to it, and to pi's total. At most 1
  // exactly; only rounding (an ulp) can push it above, so it is capped there.
  s.request_unmet = std::min(1.0, s.request_unmet / (total * tail[1]));
  s.mean_stock /= total;
  return s;
}

}  // namespace rbc::supply
