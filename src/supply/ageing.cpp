#include "supply/ageing.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace rbc::supply {

namespace {

constexpr double log_sqrt_2pi = 0.91893853320467274178;  // log(sqrt(2 pi))

// stirlerr(n) = log(n!) - log(sqrt(2 pi n) (n/e)^n), n >= 1 (Loader 2000, "Fast and accurate
// computation of binomial probabilities"). Small n from lgamma, whose absolute error there is
// ~1e-15; larger n by the Stirling series, whose truncation error is below 1e-16.
double stirlerr(double n) {
  constexpr double S0 = 1.0 / 12, S1 = 1.0 / 360, S2 = 1.0 / 1260, S3 = 1.0 / 1680, S4 = 1.0 / 1188;
  if (n <= 15) return std::lgamma(n + 1) - (n + 0.5) * std::log(n) + n - log_sqrt_2pi;
  const double nn = n * n;
  if (n > 500) return (S0 - S1 / nn) / n;
  if (n > 80) return (S0 - (S1 - S2 / nn) / nn) / n;
  if (n > 35) return (S0 - (S1 - (S2 - S3 / nn) / nn) / nn) / n;
  return (S0 - (S1 - (S2 - (S3 - S4 / nn) / nn) / nn) / nn) / n;
}

// bd0(x, m) = x log(x / m) + m - x >= 0, the deviance term; near x = m by its series in
// v = (x - m) / (x + m), so it keeps its relative accuracy where the plain form cancels.
double bd0(double x, double m) {
  if (std::abs(x - m) < 0.1 * (x + m)) {
    double v = (x - m) / (x + m);
    double s = (x - m) * v;
    double ej = 2 * x * v;
    v *= v;
    for (int j = 1; j < 1000; ++j) {
      ej *= v;
      const double s1 = s + ej / (2 * j + 1);
      if (s1 == s) return s1;
      s = s1;
    }
    return s;
  }
  return x * std::log(x / m) + m - x;
}

void check_mean(double mean) {
  if (!(mean >= 0) || !std::isfinite(mean)) throw std::invalid_argument("a Poisson mean must be finite and >= 0");
}

double poisson_pmf_unchecked(long long k, double mean);

// Sums p_k, p_{k +- 1}, ... of Poisson(mean) from k, walking away from the mode (every ratio
// p_{k+1}/p_k = ratio(k) below 1), until the rest is below 1e-17 of the sum: with every later
// ratio at most r, the rest is at most term r / (1 - r). A tail near the mode takes ~9
// sqrt(mean) terms, so the term is taken afresh from poisson_pmf every 64 steps (the
// recurrence's rounding cannot build up) and the sum is compensated (Kahan-Babuska): plain
// summation was 4e-14 off at mean 1e8.
template <class Ratio>
double sum_away_from_mode(double mean, long long k, int direction, long long stop, Ratio ratio) {
  double sum = 0, carry = 0, term = poisson_pmf_unchecked(k, mean);
  const auto add = [&](double x) {
    const double t = sum + x;
    carry += std::abs(sum) >= std::abs(x) ? (sum - t) + x : (x - t) + sum;
    sum = t;
  };
  for (int step = 1;; ++step) {
    add(term);
    if (k == stop) return sum + carry;
    const double r = ratio(k);
    k += direction;
    term = step % 64 == 0 ? poisson_pmf_unchecked(k, mean) : term * r;
    if (term == 0 || term * r <= sum * 1e-17 * (1 - r)) {
      add(term);
      return sum + carry;
    }
  }
}

}  // namespace

namespace {

double poisson_log_pmf_unchecked(long long k, double mean) {
  if (k < 0) return -std::numeric_limits<double>::infinity();
  if (mean == 0) return k == 0 ? 0 : -std::numeric_limits<double>::infinity();
  if (k == 0) return -mean;
  const double x = static_cast<double>(k);
  return -stirlerr(x) - bd0(x, mean) - log_sqrt_2pi - 0.5 * std::log(x);
}

double poisson_pmf_unchecked(long long k, double mean) { return std::exp(poisson_log_pmf_unchecked(k, mean)); }

}  // namespace

double poisson_log_pmf(long long k, double mean) {
  check_mean(mean);
  return poisson_log_pmf_unchecked(k, mean);
}

double poisson_pmf(long long k, double mean) { return std::exp(poisson_log_pmf(k, mean)); }

Split poisson_split(long long n, double mean) {
  check_mean(mean);
  if (n <= 0) return {0, 1};
  if (mean == 0) return {1, 0};
  if (mean < static_cast<double>(n)) {
    // P(Z >= n) from p_n upward: p_{k+1} / p_k = mean / (k + 1) < 1.
    const double up = sum_away_from_mode(mean, n, +1, -1,
                                         [&](long long k) { return mean / static_cast<double>(k + 1); });
    const double a = std::min(1.0, up);
    return {std::max(0.0, 1 - a), a};
  }
  // P(Z < n) from p_{n-1} downward: p_{k-1} / p_k = k / mean < 1.
  const double down = sum_away_from_mode(mean, n - 1, -1, 0,
                                         [&](long long k) { return static_cast<double>(k) / mean; });
  const double b = std::min(1.0, down);
  return {b, std::max(0.0, 1 - b)};
}

namespace {

void check_erlang(int N, double nu) {
  if (N < 1) throw std::invalid_argument("the number of phases N must be at least 1");
  if (!(nu > 0) || !std::isfinite(nu)) throw std::invalid_argument("the ageing rate nu must be positive and finite");
}

// F_N at nu t = x: P(Poisson(x) >= N) (the proof of Proposition 5.1).
CdfPair erlang_cdf_at(int N, double x) {
  if (!(x > 0)) return {0, 1};
  if (!std::isfinite(x)) return {1, 0};
  const Split s = poisson_split(N, x);
  return {s.at_or_above, s.below};
}

}  // namespace

CdfPair erlang_cdf(int N, double nu, double t) {
  check_erlang(N, nu);
  return erlang_cdf_at(N, nu * t);
}

double erlang_density(int N, double nu, double t) {
  check_erlang(N, nu);
  if (t < 0) return 0;
  if (t == 0) return N == 1 ? nu : 0;
  const double x = nu * t;
  if (!std::isfinite(x)) return 0;
  return nu * poisson_pmf(N - 1, x);
}

double fixed_cdf(double R, double t) { return t >= R ? 1 : 0; }

double erlang_moment(int N, double R, int k) {
  if (N < 1) throw std::invalid_argument("the number of phases N must be at least 1");
  if (k < 1) throw std::invalid_argument("the moment's order must be at least 1");
  double m = 1;
  for (int i = 0; i < k; ++i) m *= R * (1 + static_cast<double>(i) / N);
  return m;
}

ErlangSummary erlang_summary(int N, double R) {
  if (N < 1) throw std::invalid_argument("the number of phases N must be at least 1");
  return {R, R * R / N, R / std::sqrt(static_cast<double>(N))};
}

// E|T - R| for T ~ Gamma(N, nu), R = N / nu: E[T 1{T > R}] = (N / nu) P(Gamma(N + 1, nu) > R),
// so E(T - R)^+ = R [P(Poisson(N) <= N) - P(Poisson(N) <= N - 1)] = R P(Poisson(N) = N), and
// E|T - R| = 2 E(T - R)^+ because E(T - R) = 0. It is also the integral of |F_N - F_X|.
ApproximationError approximation_error(int N, double R, double delta) {
  if (N < 1) throw std::invalid_argument("the number of phases N must be at least 1");
  if (!(R > 0) || !std::isfinite(R)) throw std::invalid_argument("the shelf life R must be positive");
  if (!(delta > 0) || !std::isfinite(delta)) throw std::invalid_argument("the tolerance must be positive");
  ApproximationError e{};
  e.N = N;
  e.sd = R / std::sqrt(static_cast<double>(N));
  e.mean_absolute_error = 2 * R * poisson_pmf(N, N);
  // F_X jumps from 0 to 1 at R and F_N is continuous and increasing: the largest gap is
  // max(F_N(R), 1 - F_N(R)), and F_N(R) = P(Poisson(N) >= N) > 1/2 (its median is N).
  const Split at_R = poisson_split(N, N);
  e.kolmogorov = std::max(at_R.at_or_above, at_R.below);
  const double early_t = R - delta, late_t = R + delta;
  // nu t = N t / R, written so that t = R gives exactly N.
  e.early = early_t > 0 ? erlang_cdf_at(N, N * (early_t / R)).cdf : 0;
  e.late = erlang_cdf_at(N, N * (late_t / R)).survival;
  const double n = N;
  e.early_bound = early_t > 0 ? std::min(1.0, R * early_t / (n * delta * delta)) : 0;
  e.late_bound = std::min(1.0, R * late_t / (n * delta * delta));
  return e;
}

CountDistribution poisson_distribution(double mean, double floor) {
  check_mean(mean);
  CountDistribution d;
  if (mean == 0) {
    d.probabilities = {1};
    return d;
  }
  const long long mode = static_cast<long long>(std::floor(mean));
  long long lo = mode, hi = mode;
  while (lo > 0 && poisson_pmf(lo - 1, mean) >= floor) --lo;
  while (poisson_pmf(hi + 1, mean) >= floor) ++hi;
  d.first = lo;
  d.probabilities.reserve(static_cast<std::size_t>(hi - lo + 1));
  for (long long k = lo; k <= hi; ++k) d.probabilities.push_back(poisson_pmf(k, mean));
  d.below = lo > 0 ? poisson_split(lo, mean).below : 0;
  d.above = poisson_split(hi + 1, mean).at_or_above;
  return d;
}

StateProbability product_form_probability(const std::vector<long long>& s, double lambda, double nu) {
  if (!(lambda >= 0) || !std::isfinite(lambda)) throw std::invalid_argument("the arrival rate must be finite and >= 0");
  if (!(nu > 0) || !std::isfinite(nu)) throw std::invalid_argument("the ageing rate nu must be positive and finite");
  const double a = lambda / nu;
  double log_p = 0;
  for (const long long sr : s) {
    if (sr < 0) throw std::invalid_argument("a count of units must be >= 0");
    log_p += poisson_log_pmf(sr, a);
  }
  return {std::exp(log_p), log_p};
}

}  // namespace rbc::supply
