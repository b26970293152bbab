#pragma once
// The ageing of red-cell units (thesis ch. 5.3, van Sambeek 2020): the fixed maximum shelf life
// R approximated by an Erlang(N, nu_N) distribution with nu_N = N / R (N exponential phases of
// mean R / N each), its moments, how far it lies from R as N grows, and the product-form
// distribution of the stock over the ageing phases (eq. 5.14).
// Time is in one unit throughout (days in the thesis: R = 35); rates are per that unit.
// Every Poisson / Erlang term is evaluated by Loader's saddle-point form (no factorials, no
// powers), and each tail probability is summed on its own side, never as 1 minus a number
// near 1, so nothing overflows for N in the millions and small tails keep their accuracy.
#include <vector>

namespace rbc::supply {

// ---- Poisson terms (the building block of eq. 5.6, 5.10 and 5.14) ----

// P(Z = k) for Z ~ Poisson(mean), mean >= 0, k >= 0; relative accuracy ~1e-14 for any size.
double poisson_pmf(long long k, double mean);
// log P(Z = k); -infinity when the probability is 0 (mean = 0, k > 0).
double poisson_log_pmf(long long k, double mean);

struct Split {
  double below;  // P(Z < n)
  double at_or_above;  // P(Z >= n)
};
// P(Z < n) and P(Z >= n), n >= 0: the side away from the mode is summed term by term from n
// outward (terms fall geometrically), the other side is its complement, so each is accurate.
Split poisson_split(long long n, double mean);

// ---- One unit: the Erlang shelf life (sec. 5.3.1) ----

// F(t) = P(T_N <= t) = 1 - sum_{k<N} e^{-nu t} (nu t)^k / k! (eq. 5.6 = 5.10) and its
// complement 1 - F(t) = P(T_N > t), each accurate on its own. N >= 1, nu > 0, t >= 0
// (t < 0 gives cdf 0).
struct CdfPair {
  double cdf;
  double survival;
};
CdfPair erlang_cdf(int N, double nu, double t);
// The density nu e^{-nu t} (nu t)^{N-1} / (N-1)! (the derivative of eq. 5.10).
double erlang_density(int N, double nu, double t);
// The fixed shelf life's cdf, eq. 5.5: 0 before R, 1 from R on.
double fixed_cdf(double R, double t);

// E(T_N^k) = (N+k-1)! / (N-1)! nu^-k (eq. 5.11), k >= 1; written as R^k prod_{i<k} (1 + i/N)
// with nu = N / R, so no factorial is formed.
double erlang_moment(int N, double R, int k);

struct ErlangSummary {
  double mean;      // N / nu = R (eq. 5.4)
  double variance;  // N / nu^2 = R^2 / N (eq. 5.4)
  double sd;        // R / sqrt(N)
};
ErlangSummary erlang_summary(int N, double R);

// ---- How far Erlang(N, N/R) lies from the fixed shelf life R ----
//
// The error measures of one N, for a fixed shelf life R and a tolerance delta (> 0, same
// unit as R). T_N ~ Erlang(N, N / R); X = R (eq. 5.5).
struct ApproximationError {
  int N;
  double sd;                   // sqrt(E(T_N - R)^2) = R / sqrt(N) (eq. 5.4)
  double mean_absolute_error;  // E|T_N - R| = the area between the two cdfs = 2 R P(Poisson(N) = N)
  double kolmogorov;           // sup_t |F_N(t) - F_X(t)| = F_N(R) = P(Poisson(N) >= N): tends to 1/2, not 0
  double early;                // P(T_N < R - delta): a unit expires more than delta early
  double late;                 // P(T_N > R + delta): a unit lasts more than delta beyond R
  double early_bound;          // eq. 5.8 at t = R - delta: R t / (N (R - t)^2), capped at 1 (0 when t < 0)
  double late_bound;           // eq. 5.8 at t = R + delta: R t / (N (t - R)^2), capped at 1
};
ApproximationError approximation_error(int N, double R, double delta);

// ---- The stock: product form by ageing phase (sec. 5.3.2, eq. 5.13-5.14) ----
//
// Fresh units arrive as a Poisson process of rate lambda; each unit passes phases N, N-1, ..., 1
// at rate nu = N / R each and leaves from phase 1 (it outdates); nothing is issued (the thesis:
// "if no demands would take place"). Stationary: the counts S_1, ..., S_N are independent
// Poisson(lambda / nu) (eq. 5.14); the total is Poisson(N lambda / nu) = Poisson(lambda R).

// A probability distribution on the integers first, first + 1, ..., with the mass below and
// above that window given apart: below + sum(probabilities) + above = 1.
struct CountDistribution {
  long long first = 0;
  std::vector<double> probabilities;
  double below = 0;
  double above = 0;
};
// Poisson(mean) on the window where each term is at least `floor` (relative to nothing: an
// absolute probability), mean >= 0; the tails outside the window summed exactly.
CountDistribution poisson_distribution(double mean, double floor = 1e-16);

// eq. 5.14: P[S = s] for s = [s_1, ..., s_N] (s_r units in residual phase r), and its log.
struct StateProbability {
  double probability;
  double log_probability;  // natural log; -infinity when the probability is 0
};
StateProbability product_form_probability(const std::vector<long long>& s, double lambda, double nu);

}  // namespace rbc::supply
