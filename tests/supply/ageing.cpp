// Tests of src/supply/ageing.hpp: thesis ch. 5.3 (van Sambeek 2020), eq. 5.4-5.14.
#include "supply/ageing.hpp"

#include <Eigen/Dense>
#include <catch2/catch.hpp>
#include <cmath>
#include <random>

#include "support/reference.hpp"

using namespace rbc::supply;

namespace {

// P(Poisson(mean) = k) in long double from its definition, for moderate k and mean (reference).
long double naive_pmf(long long k, long double mean) {
  return std::exp(static_cast<long double>(k) * std::log(mean) - mean - std::lgamma(static_cast<long double>(k) + 1));
}

// The phase-type form of eq. 5.9-5.10: G bidiagonal (-nu on the diagonal, nu above), alpha = e_1.
Eigen::MatrixXd phase_generator(int N, double nu) {
  Eigen::MatrixXd G = Eigen::MatrixXd::Zero(N, N);
  for (int i = 0; i < N; ++i) {
    G(i, i) = -nu;
    if (i + 1 < N) G(i, i + 1) = nu;
  }
  return G;
}

// exp(A) by scaling and squaring a Taylor series: generic, so it checks eq. 5.10's matrix
// form independently of the Poisson sum.
Eigen::MatrixXd matrix_exp(const Eigen::MatrixXd& A) {
  int squarings = 0;
  double norm = A.cwiseAbs().rowwise().sum().maxCoeff();
  while (norm > 0.25) {
    norm /= 2;
    ++squarings;
  }
  const Eigen::MatrixXd B = A / std::pow(2.0, squarings);
  Eigen::MatrixXd E = Eigen::MatrixXd::Identity(A.rows(), A.cols()), term = E;
  for (int k = 1; k <= 25; ++k) {
    term = term * B / k;
    E += term;
  }
  for (int i = 0; i < squarings; ++i) E = E * E;
  return E;
}

// Composite Simpson's rule of f on [a, b] with n (even) intervals.
template <class F>
double simpson(F f, double a, double b, int n) {
  const double h = (b - a) / n;
  double s = f(a) + f(b);
  for (int i = 1; i < n; ++i) s += (i % 2 ? 4 : 2) * f(a + i * h);
  return s * h / 3;
}

}  // namespace

TEST_CASE("poisson_pmf: agrees with the definition in long double", "[supply][property]") {
  for (const double mean : {1e-3, 0.5, 1.0, 7.0, 35.0, 99.5, 250.0})
    for (long long k = 0; k <= 400; k += (k < 20 ? 1 : 13)) {
      INFO("mean " << mean << " k " << k);
      const long double ref = naive_pmf(k, mean);
      // Below double's range the reference itself may underflow (wasm's long double maths
      // runs in double): there the pmf need only be as small.
      if (ref < 1e-290L) {
        CHECK(poisson_pmf(k, mean) < 1e-290);
        continue;
      }
      // The reference is formed from terms as large as k log(mean) and log(k!), so it is exact
      // only to an ulp of those where long double maths runs in double (wasm): 1e-15 of their size.
      const double terms = static_cast<double>(k) * std::abs(std::log(mean)) + mean + std::lgamma(static_cast<double>(k) + 1);
      const double tolerance = 1e-15 * (200 + terms);
      CHECK(poisson_pmf(k, mean) == Approx(static_cast<double>(ref)).epsilon(tolerance));
    }
  CHECK(poisson_pmf(0, 0) == 1);
  CHECK(poisson_pmf(3, 0) == 0);
  CHECK(std::isinf(poisson_log_pmf(3, 0)));
  // Far beyond any double's power: log pmf stays finite where pmf underflows.
  CHECK(poisson_pmf(10'000'000, 1.0) == 0);
  CHECK(std::isfinite(poisson_log_pmf(10'000'000, 1.0)));
}

TEST_CASE("poisson_split: each side matches a direct sum and the two sum to 1", "[supply][property]") {
  for (const double mean : {0.2, 3.0, 34.5, 35.0, 35.5, 120.0})
    for (const long long n : {1LL, 2LL, 10LL, 34LL, 35LL, 36LL, 80LL, 200LL}) {
      // Both sides summed directly (the upper one to n + 2,000, far past any term that counts).
      long double below = 0, above = 0;
      for (long long k = 0; k < n; ++k) below += naive_pmf(k, mean);
      for (long long k = n; k < n + 2000; ++k) above += naive_pmf(k, mean);
      const Split s = poisson_split(n, mean);
      INFO("mean " << mean << " n " << n);
      // Each side keeps its relative accuracy, however small (no 1 - x cancellation).
      CHECK(s.below == Approx(static_cast<double>(below)).epsilon(1e-12).margin(1e-300));
      CHECK(s.at_or_above == Approx(static_cast<double>(above)).epsilon(1e-12).margin(1e-300));
      CHECK(s.below + s.at_or_above == Approx(1).epsilon(1e-15));
      CHECK(s.below >= 0);
      CHECK(s.at_or_above <= 1);
    }
}

TEST_CASE("poisson_split: P(Poisson(n) < n) follows Ramanujan's expansion for large n", "[supply][property]") {
  // e^-n sum_{k<n} n^k / k! = 1/2 - theta(n) P(Poisson(n) = n), theta = 1/3 + 4/(135 n) - 8/(2835 n^2) + O(n^-3)
  // (Ramanujan's question 294; Flajolet et al. 1995): an independent check where no direct sum is practical.
  for (const long long n : {100LL, 1000LL, 35'000LL, 1'000'000LL, 100'000'000LL}) {
    const double x = static_cast<double>(n);
    const double theta = 1.0 / 3 + 4 / (135 * x) - 8 / (2835 * x * x);
    INFO("n " << n);
    // The O(n^-3) rest: below pmf / n^3.
    CHECK(poisson_split(n, x).below ==
          Approx(0.5 - theta * poisson_pmf(n, x)).epsilon(1e-14).margin(poisson_pmf(n, x) / (x * x * x)));
  }
}

TEST_CASE("erlang_cdf: eq. 5.10's two forms, the Poisson sum and 1 - alpha exp(Gt) e, agree", "[supply][validation]") {
  for (const int N : {1, 2, 5, 12, 35})
    for (const double R : {35.0, 5.0})
      for (const double t : {0.0, 3.0, 17.5, 34.0, 35.0, 36.0, 70.0}) {
        const double nu = N / R;
        const Eigen::MatrixXd E = matrix_exp(phase_generator(N, nu) * t);
        const double matrix_form = 1 - E.row(0).sum();  // alpha = e_1, e = all ones
        const CdfPair F = erlang_cdf(N, nu, t);
        INFO("N " << N << " R " << R << " t " << t);
        CHECK(F.cdf == Approx(matrix_form).margin(1e-12));
        CHECK(F.survival == Approx(E.row(0).sum()).margin(1e-12));
      }
}

TEST_CASE("erlang_moment: eq. 5.11's closed form equals (-1)^k k! alpha G^-k e and the integral of t^k f(t)", "[supply][validation]") {
  for (const int N : {1, 3, 5, 35})
    for (const double R : {1.0, 35.0}) {
      const double nu = N / R;
      const Eigen::MatrixXd Ginv = phase_generator(N, nu).inverse();
      Eigen::MatrixXd P = Eigen::MatrixXd::Identity(N, N);
      double factorial = 1;
      for (int k = 1; k <= 5; ++k) {
        P = P * Ginv;
        factorial *= k;
        const double matrix_form = (k % 2 ? -1 : 1) * factorial * P.row(0).sum();
        const double upper = R * (1 + 60 / std::sqrt(static_cast<double>(N)));
        const double integral =
            simpson([&](double t) { return std::pow(t, k) * erlang_density(N, nu, t); }, 0, upper, 200000);
        INFO("N " << N << " R " << R << " k " << k);
        CHECK(erlang_moment(N, R, k) == Approx(matrix_form).epsilon(1e-10));
        CHECK(erlang_moment(N, R, k) == Approx(integral).epsilon(1e-8));
      }
    }
}

TEST_CASE("erlang_summary: eq. 5.4 with Fig. 5.3's shelf life of 35 days, in weeks and in days", "[supply][validation]") {
  for (const char* id : {"thesis-eq-5.4-weeks", "thesis-eq-5.4-days"}) {
    const auto c = rbc::test::reference_case("ageing", id);
    const int N = c["request"]["phases"];
    const double R = c["request"]["shelf_life"];
    const ErlangSummary s = erlang_summary(N, R);
    for (const auto& v : c["values"]) {
      const std::string path = v["path"];
      const double published = v["published"], tolerance = v["tolerance"];
      INFO(id << " " << path);
      if (path == "/moments/mean") CHECK(std::abs(s.mean - published) <= tolerance);
      if (path == "/moments/variance") CHECK(std::abs(s.variance - published) <= tolerance);
      if (path == "/moments/sd") CHECK(std::abs(s.sd - published) <= tolerance);
      if (path == "/moments/raw/1") CHECK(std::abs(erlang_moment(N, R, 2) - published) <= tolerance);
    }
    // Var = E(T^2) - E(T)^2 from eq. 5.11 (the thesis's "implying").
    CHECK(erlang_moment(N, R, 2) - R * R == Approx(s.variance).epsilon(1e-12));
  }
}

TEST_CASE("erlang_cdf: N = 1 is the exponential distribution of mean R", "[supply][property]") {
  for (const double R : {0.5, 35.0, 1e4})
    for (const double u : {0.0, 1e-12, 1e-3, 0.5, 1.0, 3.0, 50.0}) {
      const double t = u * R;
      const CdfPair F = erlang_cdf(1, 1 / R, t);
      CHECK(F.cdf == Approx(-std::expm1(-u)).epsilon(1e-14).margin(1e-300));
      CHECK(F.survival == Approx(std::exp(-u)).epsilon(1e-14));
      CHECK(erlang_density(1, 1 / R, t) == Approx(std::exp(-u) / R).epsilon(1e-14));
    }
}

TEST_CASE("erlang_cdf: probabilities in [0, 1], cdf + survival = 1, increasing in t, for random inputs", "[supply][property]") {
  std::mt19937_64 gen(26);
  std::uniform_real_distribution<double> logR(-2, 4);
  for (int trial = 0; trial < 300; ++trial) {
    const int N = static_cast<int>(std::exp(std::uniform_real_distribution<double>(0, std::log(2e6))(gen)));
    const double R = std::pow(10.0, logR(gen));
    const double nu = N / R;
    double previous = -1;
    for (double t = 0; t <= 3 * R; t += R / 16) {
      const CdfPair F = erlang_cdf(N, nu, t);
      INFO("N " << N << " R " << R << " t " << t);
      CHECK(F.cdf >= 0);
      CHECK(F.cdf <= 1);
      CHECK(F.survival >= 0);
      CHECK(F.cdf + F.survival == Approx(1).epsilon(1e-15));
      CHECK(F.cdf >= previous);
      CHECK(std::isfinite(erlang_density(N, nu, t)));
      CHECK(erlang_density(N, nu, t) >= 0);
      previous = F.cdf;
    }
  }
}

TEST_CASE("erlang_cdf: large N converges to the fixed shelf life (Proposition 5.1)", "[supply][property]") {
  const double R = 35;
  for (const double t : {0.0, 17.5, 34.0, 36.0, 70.0}) {
    double previous_gap = 2;
    for (const int N : {35, 350, 3500, 35'000, 350'000, 3'500'000}) {
      const double gap = std::abs(erlang_cdf(N, N / R, t).cdf - fixed_cdf(R, t));
      INFO("t " << t << " N " << N);
      CHECK(gap <= previous_gap);
      previous_gap = gap;
    }
    CHECK(previous_gap < 1e-100);
  }
  // At t = R itself F_N(R) = P(Poisson(N) >= N) tends to 1/2: the convergence is at every t but R
  // (R is where F_X jumps), so sup |F_N - F_X| does not fall to 0.
  CHECK(erlang_cdf(3'500'000, 3'500'000 / R, R).cdf == Approx(0.5).margin(1e-3));
}

TEST_CASE("approximation_error: eq. 5.8's Chebyshev bounds hold at t = R -+ delta", "[supply][validation]") {
  for (const int N : {1, 2, 5, 35, 100, 10'000})
    for (const double R : {7.0, 35.0})
      for (const double delta : {0.5, 1.0, 7.0, 20.0, 50.0}) {
        const ApproximationError e = approximation_error(N, R, delta);
        INFO("N " << N << " R " << R << " delta " << delta);
        CHECK(e.early <= e.early_bound);
        CHECK(e.late <= e.late_bound);
        if (delta < R) CHECK(e.early_bound == Approx(std::min(1.0, R * (R - delta) / (N * delta * delta))));
        CHECK(e.late_bound == Approx(std::min(1.0, R * (R + delta) / (N * delta * delta))));
      }
  const auto c = rbc::test::reference_case("ageing", "thesis-eq-5.8");
  const ApproximationError e =
      approximation_error(c["request"]["phases"], c["request"]["shelf_life"], c["request"]["tolerance"]);
  for (const auto& v : c["values"]) {
    const std::string path = v["path"];
    const double published = v["published"];
    INFO(path);
    if (path == "/approximation/early_bound") CHECK(std::abs(e.early_bound - published) <= v["tolerance"].get<double>());
    if (path == "/approximation/late_bound") CHECK(std::abs(e.late_bound - published) <= v["tolerance"].get<double>());
    if (path == "/approximation/early") CHECK(e.early <= published);
    if (path == "/approximation/late") CHECK(e.late <= published);
  }
}

TEST_CASE("approximation_error: the mean absolute error is the area between the cdfs", "[supply][property]") {
  for (const int N : {1, 2, 5, 35, 400})
    for (const double R : {1.0, 35.0}) {
      const double nu = N / R;
      // The jump at R splits the integral: F_N - 0 before R, 1 - F_N from R on (F_X's left
      // limit at R is 0); the upper end leaves less than 1e-12 of it.
      const auto before = [&](double t) { return erlang_cdf(N, nu, t).cdf; };
      const auto after = [&](double t) { return erlang_cdf(N, nu, t).survival; };
      const double area = simpson(before, 0, R, 20000) + simpson(after, R, R * (1 + 40 / std::sqrt(N * 1.0)), 20000);
      const ApproximationError e = approximation_error(N, R, 1);
      INFO("N " << N << " R " << R);
      CHECK(e.mean_absolute_error == Approx(area).epsilon(1e-7));
      // sqrt(2 / (pi N)) R is its limit (the normal approximation).
      if (N == 400) CHECK(e.mean_absolute_error == Approx(R * std::sqrt(2 / (M_PI * N))).epsilon(2e-3));
    }
}

TEST_CASE("approximation_error: sd and mean absolute error fall with N; sup |F_N - F_X| falls to 1/2", "[supply][property]") {
  ApproximationError previous = approximation_error(1, 35, 1);
  CHECK(previous.kolmogorov == Approx(-std::expm1(-1.0)));  // N = 1: F_1(R) = 1 - 1/e
  for (int N = 2; N <= 200'000; N = N < 100 ? N + 1 : N * 3 / 2) {
    const ApproximationError e = approximation_error(N, 35, 1);
    INFO("N " << N);
    CHECK(e.sd < previous.sd);
    CHECK(e.mean_absolute_error < previous.mean_absolute_error);
    CHECK(e.kolmogorov < previous.kolmogorov);
    CHECK(e.kolmogorov > 0.5);
    // Both early and late by more than a day: falls once N is past a handful (at N = 1..3 the
    // far tails of a wide distribution can still move either way).
    if (N > 4) CHECK(e.early + e.late <= previous.early + previous.late);
    previous = e;
  }
  CHECK(previous.early + previous.late < 1e-15);  // a day is over 10 sd at the last N (> 100,000)
}

TEST_CASE("poisson_distribution: probabilities in [0, 1] summing to 1 within 1e-12, for means up to 1e5", "[supply][property]") {
  for (const double mean : {0.0, 1e-9, 0.3, 1.0, 7.0, 35.0, 350.0, 1234.5, 1e5}) {
    const CountDistribution d = poisson_distribution(mean);
    double sum = d.below + d.above;
    double m1 = 0;
    for (std::size_t i = 0; i < d.probabilities.size(); ++i) {
      CHECK(d.probabilities[i] >= 0);
      CHECK(d.probabilities[i] <= 1);
      sum += d.probabilities[i];
      m1 += (d.first + static_cast<double>(i)) * d.probabilities[i];
    }
    INFO("mean " << mean);
    CHECK(sum == Approx(1).epsilon(1e-12));
    CHECK(m1 == Approx(mean).epsilon(1e-12).margin(1e-15));
    // Outside the window every term is below 1e-16; the tails add up to a few of those per sd.
    CHECK(d.below < 1e-13);
    CHECK(d.above < 1e-13);
  }
}

TEST_CASE("product_form_probability: eq. 5.14 balances the rates of eq. 5.13", "[supply][validation]") {
  // The stationary equations of eq. 5.13's chain at a state s: what flows out,
  // (lambda + nu sum_r s_r) pi(s), equals what flows in: an arrival from s - e_N, a step
  // r -> r-1 from s + e_r - e_{r-1}, an outdating from s + e_1.
  const double lambda = 1.3, R = 35;
  for (const int N : {1, 2, 3, 5}) {
    const double nu = N / R;
    const auto pi = [&](std::vector<long long> s) {
      for (const long long x : s)
        if (x < 0) return 0.0;
      return product_form_probability(s, lambda, nu).probability;
    };
    std::mt19937_64 gen(N);
    std::uniform_int_distribution<long long> count(0, 30);
    for (int trial = 0; trial < 50; ++trial) {
      std::vector<long long> s(N);
      long long total = 0;
      for (auto& x : s) total += (x = count(gen));
      double in = 0;
      std::vector<long long> from = s;  // index r - 1 holds s_r
      from[N - 1] -= 1;
      in += lambda * pi(from);
      for (int r = 2; r <= N; ++r) {
        from = s;
        from[r - 1] += 1;
        from[r - 2] -= 1;
        in += nu * (s[r - 1] + 1) * pi(from);
      }
      from = s;
      from[0] += 1;
      in += nu * (s[0] + 1) * pi(from);
      INFO("N " << N << " trial " << trial);
      CHECK(in == Approx((lambda + nu * total) * pi(s)).epsilon(1e-12));
    }
  }
}

TEST_CASE("product_form_probability: the phases add up to Poisson(lambda R) in total", "[supply][property]") {
  // The convolution of N independent Poisson(lambda / nu) is Poisson(N lambda / nu) = Poisson(lambda R).
  const double lambda = 2, R = 35;
  for (const int N : {1, 5, 35}) {
    const double a = lambda * R / N;
    std::vector<double> total = {1};
    for (int r = 0; r < N; ++r) {
      std::vector<double> next(total.size() + 200, 0.0);
      for (std::size_t i = 0; i < total.size(); ++i)
        for (std::size_t j = 0; j < 200; ++j) next[i + j] += total[i] * poisson_pmf(static_cast<long long>(j), a);
      total.assign(next.begin(), next.begin() + std::min<std::size_t>(next.size(), 400));
    }
    for (const long long n : {0LL, 40LL, 70LL, 100LL}) {
      INFO("N " << N << " n " << n);
      CHECK(total[static_cast<std::size_t>(n)] == Approx(poisson_pmf(n, lambda * R)).epsilon(1e-11).margin(1e-300));
    }
  }
  // A state whose probability underflows keeps its logarithm.
  const StateProbability p = product_form_probability(std::vector<long long>(10'000, 50), 1, 1);
  CHECK(p.probability == 0);
  CHECK(std::isfinite(p.log_probability));
  CHECK(p.log_probability == Approx(10'000 * poisson_log_pmf(50, 1)).epsilon(1e-12));
  CHECK_THROWS_AS(product_form_probability({1, -1}, 1, 1), std::invalid_argument);
}
