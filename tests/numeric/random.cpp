#include "numeric/random.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <concepts>
#include <cstring>
#include <functional>
#include <numeric>
#include <random>
#include <stdexcept>
#include <vector>

using namespace rbc::numeric;

namespace {

static_assert(std::uniform_random_bit_generator<Rng>);

std::vector<std::uint64_t> draws(Rng rng, int count) {
  std::vector<std::uint64_t> out;
  for (int i = 0; i < count; ++i) out.push_back(rng());
  return out;
}

// Sample mean and variance, checked against the distribution's within `z` standard errors.
// The error of the variance uses the sample's fourth central moment. Every test uses a fixed
// seed, so a pass is a pass on every run; z = 5 keeps an honest sampler far from the bound.
void check_moments(const std::vector<double>& xs, double mean, double variance, double z = 5.0) {
  const double n = static_cast<double>(xs.size());
  double m = 0;
  for (const double x : xs) m += x;
  m /= n;
  double m2 = 0, m4 = 0;
  for (const double x : xs) {
    const double d = (x - m) * (x - m);
    m2 += d;
    m4 += d * d;
  }
  m2 /= n - 1;
  m4 /= n;
  INFO("sample mean " << m << " (expected " << mean << "), sample variance " << m2 << " (expected " << variance
                      << "), n = " << n);
  CHECK(std::abs(m - mean) <= z * std::sqrt(variance / n));
  CHECK(std::abs(m2 - variance) <= z * std::sqrt(std::max(m4 - m2 * m2, 0.0) / n) + 1e-15);
}

template <class Draw>
std::vector<double> sample(Rng& rng, int n, Draw draw) {
  std::vector<double> xs(static_cast<std::size_t>(n));
  for (auto& x : xs) x = static_cast<double>(draw(rng));
  return xs;
}

// Pearson's chi-square of observed counts against expected probabilities, with cells whose
// expected count is below 5 pooled into their neighbour; checked against df + 6 sqrt(2 df)
// (about six standard deviations of the chi-square distribution above its mean).
void check_chi_square(const std::vector<double>& observed, const std::vector<double>& probability, double n) {
  std::vector<double> obs, expd;
  double o = 0, e = 0;
  for (std::size_t i = 0; i < observed.size(); ++i) {
    o += observed[i];
    e += probability[i] * n;
    if (e >= 5) {
      obs.push_back(o);
      expd.push_back(e);
      o = e = 0;
    }
  }
  if (!expd.empty()) {
    obs.back() += o;
    expd.back() += e;
  }
  double chi2 = 0;
  for (std::size_t i = 0; i < obs.size(); ++i) chi2 += (obs[i] - expd[i]) * (obs[i] - expd[i]) / expd[i];
  const double df = static_cast<double>(obs.size()) - 1;
  INFO("chi-square " << chi2 << " with " << df << " degrees of freedom");
  REQUIRE(df >= 1);
  CHECK(chi2 <= df + 6 * std::sqrt(2 * df));
}

std::vector<double> counts(const std::vector<double>& xs, std::size_t cells) {
  std::vector<double> c(cells, 0.0);
  for (const double x : xs) {
    REQUIRE(x >= 0);
    c[std::min(static_cast<std::size_t>(x), cells - 1)] += 1;  // the last cell takes the tail
  }
  return c;
}

// Probabilities of 0 .. cells - 2 and of the tail (cells - 1 or more).
std::vector<double> with_tail(std::vector<double> p) {
  const double head = std::accumulate(p.begin(), p.end() - 1, 0.0);
  p.back() = std::max(0.0, 1.0 - head);
  return p;
}
std::vector<double> poisson_pmf(double mean, std::size_t cells) {
  std::vector<double> p(cells);
  for (std::size_t k = 0; k < cells; ++k)
    p[k] = std::exp(static_cast<double>(k) * std::log(mean) - mean - std::lgamma(static_cast<double>(k) + 1));
  return with_tail(p);
}
std::vector<double> binomial_pmf(int n, double prob, std::size_t cells) {
  std::vector<double> p(cells);
  for (std::size_t k = 0; k < cells; ++k) {
    const double dk = static_cast<double>(k);
    p[k] = k > static_cast<std::size_t>(n)
               ? 0.0
               : std::exp(std::lgamma(n + 1.0) - std::lgamma(dk + 1) - std::lgamma(n - dk + 1) + dk * std::log(prob) +
                          (n - dk) * std::log1p(-prob));
  }
  return with_tail(p);
}

}  // namespace

// ---- (a) known answers: the generator is the published one ----

TEST_CASE("splitmix64: first outputs for seed 1234567 are the published ones", "[numeric][validation]") {
  // Rosetta Code, "Pseudo-random numbers/Splitmix64" (the outputs of Vigna's splitmix64.c).
  std::uint64_t state = 1234567;
  for (const std::uint64_t expected : {6457827717110365317ULL, 3203168211198807973ULL, 9817491932198370423ULL,
                                       4593380528125082431ULL, 16408922859458223821ULL})
    CHECK(splitmix64(state) == expected);
}

TEST_CASE("Xoshiro256StarStar: state {1, 2, 3, 4} gives the reference implementation's outputs",
          "[numeric][validation]") {
  // Outputs of xoshiro256starstar.c from this state, as published in the test of the Rust
  // crate rand_xoshiro ("produced with the reference implementation").
  const std::vector<std::uint64_t> expected = {11520ULL,
                                               0ULL,
                                               1509978240ULL,
                                               1215971899390074240ULL,
                                               1216172134540287360ULL,
                                               607988272756665600ULL,
                                               16172922978634559625ULL,
                                               8476171486693032832ULL,
                                               10595114339597558777ULL,
                                               2904607092377533576ULL};
  CHECK(draws(Rng::from_state({1, 2, 3, 4}), 10) == expected);
}

TEST_CASE("Xoshiro256StarStar: seeding, streams and jumps match an independent transcription",
          "[numeric][validation]") {
  // tests/numeric/random_reference.py: the same algorithms in Python's exact integers,
  // checked there against the two published vectors above; it also derives the jump
  // constants independently (x^(2^128) and x^(2^192) modulo the characteristic polynomial
  // that Berlekamp-Massey finds).
  CHECK(Rng(0).state() ==
        Rng::State{0xe220a8397b1dcdafULL, 0x6e789e6aa1b965f4ULL, 0x06c45d188009454fULL, 0xf88bb8a8724c81ecULL});
  CHECK(draws(Rng(0), 4) == std::vector<std::uint64_t>{11091344671253066420ULL, 13793997310169335082ULL,
                                                        1900383378846508768ULL, 7684712102626143532ULL});
  CHECK(draws(Rng(42), 4) == std::vector<std::uint64_t>{1546998764402558742ULL, 6990951692964543102ULL,
                                                         12544586762248559009ULL, 17057574109182124193ULL});
  CHECK(draws(Rng(42, 1), 4) == std::vector<std::uint64_t>{18099358211736382421ULL, 3290022671524792214ULL,
                                                            803681151023446099ULL, 6758461605120674543ULL});
  CHECK(draws(Rng(42, 2), 4) == std::vector<std::uint64_t>{16047993015380274279ULL, 10241060930652282340ULL,
                                                            4758364269468902769ULL, 18279352473398231222ULL});
  CHECK(draws(Rng(7, 1), 4) == std::vector<std::uint64_t>{11359197808089240116ULL, 4898235757307478504ULL,
                                                           17070955487111519038ULL, 7293725996849724850ULL});
  Rng jumped(42), long_jumped(42);
  jumped.jump();
  long_jumped.long_jump();
  CHECK(draws(jumped, 4) == std::vector<std::uint64_t>{5766981335298035530ULL, 13414075677763163907ULL,
                                                        6818771422820058410ULL, 262834286681399601ULL});
  CHECK(draws(long_jumped, 4) == std::vector<std::uint64_t>{11575600654643926073ULL, 12220922501490792721ULL,
                                                             16399520464761058929ULL, 6035534060861307308ULL});
}

TEST_CASE("uniform01, uniform_int, bernoulli, shuffle: match an independent transcription", "[numeric][validation]") {
  // tests/numeric/random_reference.py, seed 2024 (no floating-point function involved).
  Rng a(2024), b(2024), c(2024), d(2024), e(2024);
  for (const double expected : {0.055792889110163335, 0.782103772866755, 0.07205494006296331, 0.1597158700859702})
    CHECK(uniform01(a) == expected);
  for (const std::int64_t expected : {-2, 13, -2, 0, 13, 2}) CHECK(uniform_int(b, -3, 17) == expected);
  for (const std::uint64_t expected : {55792889110163434ULL, 782103772866755036ULL, 72054940062963313ULL})
    CHECK(uniform_below(c, 1000000000000000000ULL) == expected);
  for (const bool expected : {true, false, true, true, false, true, false, true}) CHECK(bernoulli(d, 0.3) == expected);
  std::vector<int> order(10);
  std::iota(order.begin(), order.end(), 0);
  shuffle(e, order);
  CHECK(order == std::vector<int>{2, 3, 8, 5, 6, 4, 1, 9, 7, 0});
}

// ---- (b) streams ----

TEST_CASE("Xoshiro256StarStar: the same seed gives the same stream, others differ", "[numeric][property]") {
  CHECK(draws(Rng(7), 100) == draws(Rng(7), 100));
  CHECK(draws(Rng(7, 3), 100) == draws(Rng(7, 3), 100));
  CHECK(Rng(7, 0) == Rng(7));
  // Different seeds and different streams of one seed share no draw among their first 1000.
  std::vector<std::vector<std::uint64_t>> streams = {draws(Rng(7), 1000),    draws(Rng(8), 1000),
                                                     draws(Rng(7, 1), 1000), draws(Rng(7, 2), 1000),
                                                     draws(Rng(8, 1), 1000), draws(Rng(0, 0), 1000)};
  std::vector<std::uint64_t> all;
  for (const auto& s : streams) all.insert(all.end(), s.begin(), s.end());
  std::sort(all.begin(), all.end());
  CHECK(std::adjacent_find(all.begin(), all.end()) == all.end());
}

TEST_CASE("Xoshiro256StarStar: split hands out the current stream and jumps", "[numeric][property]") {
  Rng parent(11);
  const Rng before = parent;
  const Rng child = parent.split();
  CHECK(child == before);
  Rng jumped = before;
  jumped.jump();
  CHECK(parent == jumped);
  CHECK(draws(parent, 100) != draws(child, 100));
}

TEST_CASE("Xoshiro256StarStar: refuses the all-zero state", "[numeric][property]") {
  CHECK_THROWS_AS(Rng::from_state({0, 0, 0, 0}), std::invalid_argument);
}

// ---- elementary functions ----

TEST_CASE("portable_log, portable_exp: within one ulp of the C library", "[numeric][property]") {
  Rng rng(5);
  const auto ulps = [](double a, double b) {
    if (a == b) return 0.0;
    return std::abs(a - b) / (std::nextafter(std::abs(b), INFINITY) - std::abs(b));
  };
  double worst_log = 0, worst_exp = 0, worst_log1p = 0;
  for (int i = 0; i < 200000; ++i) {
    const double mantissa = 1.0 + uniform01(rng);
    const int exponent = static_cast<int>(uniform_int(rng, -1074, 1023));
    const double x = std::ldexp(mantissa, exponent);
    worst_log = std::max(worst_log, ulps(portable_log(x), std::log(x)));
    const double y = (2.0 * uniform01(rng) - 1.0) * 745.0;
    worst_exp = std::max(worst_exp, ulps(portable_exp(y), std::exp(y)));
    const double small = 2.0 * uniform01(rng) - 1.0;
    const double z = std::ldexp(small, -static_cast<int>(uniform_int(rng, 1, 60)));
    worst_log1p = std::max(worst_log1p, ulps(portable_log1p(z), std::log1p(z)));
  }
  CHECK(worst_log <= 1.0);
  CHECK(worst_exp <= 1.0);
  CHECK(worst_log1p <= 4.0);
  CHECK(portable_log(1.0) == 0.0);
  CHECK(portable_log(0.0) == -INFINITY);
  CHECK(std::isnan(portable_log(-1.0)));
  CHECK(portable_log(INFINITY) == INFINITY);
  CHECK(portable_exp(0.0) == 1.0);
  CHECK(portable_exp(-INFINITY) == 0.0);
  CHECK(portable_exp(1000.0) == INFINITY);
  CHECK(portable_exp(-1000.0) == 0.0);
}

// ---- (c) statistical sanity, fixed seeds ----

TEST_CASE("uniform01: in [0, 1) with mean 1/2 and variance 1/12", "[numeric][property]") {
  Rng rng(101);
  const auto xs = sample(rng, 200000, [](Rng& r) { return uniform01(r); });
  CHECK(*std::min_element(xs.begin(), xs.end()) >= 0.0);
  CHECK(*std::max_element(xs.begin(), xs.end()) < 1.0);
  check_moments(xs, 0.5, 1.0 / 12.0);
}

TEST_CASE("uniform_int: every value of [lo, hi] equally likely", "[numeric][property]") {
  Rng rng(102);
  const auto xs = sample(rng, 210000, [](Rng& r) { return uniform_int(r, -3, 17) + 3; });
  check_chi_square(counts(xs, 21), std::vector<double>(21, 1.0 / 21), 210000);
  // A range that is not a power of two and large enough for modulo bias to show: 3 * 2^62.
  // With `draw % n` the lower third of [0, n) would come up twice as often as the rest.
  const std::uint64_t n = 3ULL << 62;
  std::vector<double> thirds(3, 0.0);
  for (int i = 0; i < 30000; ++i) thirds[uniform_below(rng, n) / (1ULL << 62)] += 1;
  check_chi_square(thirds, {1.0 / 3, 1.0 / 3, 1.0 / 3}, 30000);
}

TEST_CASE("uniform_int: limits of the range", "[numeric][property]") {
  Rng rng(103);
  CHECK(uniform_int(rng, 5, 5) == 5);
  CHECK(uniform_int(rng, INT64_MIN, INT64_MIN) == INT64_MIN);
  bool negative = false, positive = false;
  for (int i = 0; i < 64; ++i) {
    const std::int64_t x = uniform_int(rng, INT64_MIN, INT64_MAX);
    negative |= x < 0;
    positive |= x > 0;
  }
  CHECK((negative && positive));
  for (int i = 0; i < 1000; ++i) {
    const std::int64_t x = uniform_int(rng, INT64_MAX - 2, INT64_MAX);
    CHECK((x >= INT64_MAX - 2 && x <= INT64_MAX));
  }
}

TEST_CASE("bernoulli: success rate p; 0 never, 1 always", "[numeric][property]") {
  Rng rng(104);
  const auto xs = sample(rng, 100000, [](Rng& r) { return bernoulli(r, 0.3); });
  check_moments(xs, 0.3, 0.21);
  for (int i = 0; i < 1000; ++i) {
    CHECK_FALSE(bernoulli(rng, 0.0));
    CHECK(bernoulli(rng, 1.0));
  }
}

TEST_CASE("exponential: mean 1/rate and variance 1/rate^2", "[numeric][property]") {
  Rng rng(105);
  const auto xs = sample(rng, 200000, [](Rng& r) { return exponential(r, 2.5); });
  CHECK(*std::min_element(xs.begin(), xs.end()) >= 0.0);
  check_moments(xs, 0.4, 0.16);
  // P(X > 1 / rate) = e^-1
  const double beyond = static_cast<double>(std::count_if(xs.begin(), xs.end(), [](double x) { return x > 0.4; }));
  CHECK(std::abs(beyond / 200000 - std::exp(-1.0)) <= 5 * std::sqrt(0.233 / 200000));
}

TEST_CASE("normal: mean, variance and the one-sigma mass", "[numeric][property]") {
  Rng rng(106);
  const auto xs = sample(rng, 200000, [](Rng& r) { return normal(r, 1.0, 2.0); });
  check_moments(xs, 1.0, 4.0);
  const double inside =
      static_cast<double>(std::count_if(xs.begin(), xs.end(), [](double x) { return std::abs(x - 1.0) < 2.0; }));
  CHECK(std::abs(inside / 200000 - 0.6826894921370859) <= 5 * std::sqrt(0.2166 / 200000));
  CHECK(normal(rng, 3.5, 0.0) == 3.5);
}

TEST_CASE("poisson: moments and frequencies on both sides of the method switch", "[numeric][property]") {
  Rng rng(107);
  for (const double mean : {0.05, 0.5, 3.0, 9.99, 10.0, 37.5, 1000.0, 1e6, 1e9}) {
    INFO("mean " << mean);
    const auto xs = sample(rng, 100000, [mean](Rng& r) { return poisson(r, mean); });
    check_moments(xs, mean, mean);
  }
  for (const double mean : {3.0, 10.0, 37.5}) {
    INFO("mean " << mean);
    const auto xs = sample(rng, 100000, [mean](Rng& r) { return poisson(r, mean); });
    const std::size_t cells = static_cast<std::size_t>(3 * mean + 10);
    check_chi_square(counts(xs, cells), poisson_pmf(mean, cells), 100000);
  }
  CHECK(poisson(rng, 0.0) == 0);
}

TEST_CASE("gamma: mean shape x scale and variance shape x scale^2, below and above shape 1", "[numeric][property]") {
  Rng rng(211);
  for (const double shape : {0.3, 1.0, 2.5, 40.0}) {
    INFO("shape " << shape);
    const auto xs = sample(rng, 100000, [shape](Rng& r) { return gamma(r, shape, 2.0); });
    for (double x : xs) CHECK(x >= 0);
    check_moments(xs, 2.0 * shape, 4.0 * shape);
  }
}

TEST_CASE("negative_binomial: mean m and variance m + m^2 / r; 0 without a draw", "[numeric][property]") {
  Rng rng(223);
  for (const auto& [m, r] : std::vector<std::pair<double, double>>{{0.5, 2}, {12, 0.8}, {300, 20}, {3500, 1e6}}) {
    const double mean = m, size = r;  // clang 14 cannot capture structured bindings
    INFO("mean " << mean << ", size " << size);
    const auto xs = sample(rng, 100000, [mean, size](Rng& r) { return negative_binomial(r, mean, size); });
    check_moments(xs, mean, mean + mean * mean / size);
  }
  const Rng before = rng;
  CHECK(negative_binomial(rng, 0.0, 3.0) == 0);
  CHECK(rng == before);
  CHECK_THROWS_WITH(negative_binomial(rng, 5.0, 0.0), Catch::Contains("size"));
  CHECK_THROWS_WITH(gamma(rng, -1.0, 1.0), Catch::Contains("shape"));
}

TEST_CASE("binomial: moments and frequencies for inversion, BTRD and p > 1/2", "[numeric][property]") {
  Rng rng(108);
  struct Case {
    std::int64_t n;
    double p;
  };
  for (const Case c : {Case{1, 0.3}, Case{20, 0.3}, Case{40, 0.2}, Case{50, 0.2}, Case{200, 0.3}, Case{1000, 0.8},
                       Case{100000, 0.01}, Case{2000000000, 0.5}, Case{1000000, 1e-7}}) {
    INFO("n " << c.n << ", p " << c.p);
    const auto xs = sample(rng, 100000, [c](Rng& r) { return binomial(r, c.n, c.p); });
    CHECK(*std::min_element(xs.begin(), xs.end()) >= 0);
    CHECK(*std::max_element(xs.begin(), xs.end()) <= static_cast<double>(c.n));
    check_moments(xs, static_cast<double>(c.n) * c.p, static_cast<double>(c.n) * c.p * (1 - c.p));
  }
  for (const Case c : {Case{20, 0.3}, Case{200, 0.3}, Case{100, 0.75}}) {
    INFO("n " << c.n << ", p " << c.p);
    const auto xs = sample(rng, 100000, [c](Rng& r) { return binomial(r, c.n, c.p); });
    check_chi_square(counts(xs, static_cast<std::size_t>(c.n) + 1),
                     binomial_pmf(static_cast<int>(c.n), c.p, static_cast<std::size_t>(c.n) + 1), 100000);
  }
  CHECK(binomial(rng, 0, 0.5) == 0);
  CHECK(binomial(rng, 17, 0.0) == 0);
  CHECK(binomial(rng, 17, 1.0) == 17);
}

TEST_CASE("DiscreteDistribution: frequencies follow the weights, a zero weight never comes up", "[numeric][property]") {
  const std::vector<double> weights = {0.5, 0.0, 2.0, 1.0, 0.25, 3.0};
  const double total = 6.75;
  const DiscreteDistribution d(weights);
  REQUIRE(d.size() == 6);
  std::vector<double> expected;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    CHECK(d.probability(i) == Approx(weights[i] / total).margin(1e-15));
    expected.push_back(weights[i] / total);
  }
  Rng rng(109);
  const auto xs = sample(rng, 135000, [&d](Rng& r) { return d(r); });
  const auto c = counts(xs, 6);
  CHECK(c[1] == 0);
  check_chi_square(c, expected, 135000);
  // Scaling the weights changes nothing (same table, same draws).
  std::vector<double> scaled = weights;
  for (auto& w : scaled) w *= 1e-8;
  Rng r1(110), r2(110);
  const DiscreteDistribution d2(scaled);
  for (int i = 0; i < 1000; ++i) CHECK(d(r1) == d2(r2));
  // One category.
  const DiscreteDistribution one(std::vector<double>{4.0});
  CHECK(one(rng) == 0);
}

TEST_CASE("shuffle: a permutation with every value equally likely at every place", "[numeric][property]") {
  Rng rng(111);
  std::vector<double> at_place(25, 0.0);  // value v at place i -> cell 5 i + v
  for (int trial = 0; trial < 50000; ++trial) {
    std::vector<int> v = {0, 1, 2, 3, 4};
    shuffle(rng, v);
    std::vector<int> sorted = v;
    std::sort(sorted.begin(), sorted.end());
    REQUIRE(sorted == std::vector<int>{0, 1, 2, 3, 4});
    for (int i = 0; i < 5; ++i) at_place[static_cast<std::size_t>(5 * i + v[static_cast<std::size_t>(i)])] += 1;
  }
  for (int i = 0; i < 5; ++i) {
    const std::vector<double> place(at_place.begin() + 5 * i, at_place.begin() + 5 * i + 5);
    check_chi_square(place, std::vector<double>(5, 0.2), 50000);
  }
  std::vector<int> empty, single = {9};
  shuffle(rng, empty);
  shuffle(rng, single);
  CHECK(single == std::vector<int>{9});
}

// ---- bad arguments ----

TEST_CASE("samplers: refuse bad arguments, naming them", "[numeric][property]") {
  Rng rng(1);
  const auto message_of = [](const std::function<void()>& f) {
    try {
      f();
    } catch (const std::invalid_argument& e) {
      return std::string(e.what());
    }
    return std::string("no exception");
  };
  using Catch::Matchers::Contains;
  CHECK_THAT(message_of([&] { uniform_below(rng, 0); }), Contains("uniform_below: n"));
  CHECK_THAT(message_of([&] { uniform_int(rng, 3, 2); }), Contains("uniform_int: lo must be <= hi"));
  CHECK_THAT(message_of([&] { bernoulli(rng, 1.5); }), Contains("bernoulli: p"));
  CHECK_THAT(message_of([&] { bernoulli(rng, NAN); }), Contains("bernoulli: p"));
  CHECK_THAT(message_of([&] { exponential(rng, 0.0); }), Contains("exponential: rate"));
  CHECK_THAT(message_of([&] { exponential(rng, INFINITY); }), Contains("exponential: rate"));
  CHECK_THAT(message_of([&] { normal(rng, 0.0, -1.0); }), Contains("normal: sd"));
  CHECK_THAT(message_of([&] { normal(rng, NAN, 1.0); }), Contains("normal: mean"));
  CHECK_THAT(message_of([&] { poisson(rng, -1.0); }), Contains("poisson: mean"));
  CHECK_THAT(message_of([&] { poisson(rng, 1e10); }), Contains("poisson: mean"));
  CHECK_THAT(message_of([&] { binomial(rng, -1, 0.5); }), Contains("binomial: n"));
  CHECK_THAT(message_of([&] { binomial(rng, max_binomial_n + 1, 0.5); }), Contains("binomial: n"));
  CHECK_THAT(message_of([&] { binomial(rng, 10, -0.1); }), Contains("binomial: p"));
  CHECK_THAT(message_of([] { DiscreteDistribution(std::vector<double>{}); }), Contains("at least one"));
  CHECK_THAT(message_of([] { DiscreteDistribution(std::vector<double>{1.0, -2.0}); }), Contains("weights[1]"));
  CHECK_THAT(message_of([] { DiscreteDistribution(std::vector<double>{0.0, 0.0}); }), Contains("sum of weights"));
  CHECK_THAT(message_of([] { DiscreteDistribution(std::vector<double>{1e308, 1e308}); }), Contains("sum of weights"));
  // After an error the generator still works and the samplers still answer.
  CHECK(uniform01(rng) < 1.0);
}

// ---- (d) the same numbers natively and in wasm ----

namespace {

// FNV-1a over the bit patterns of a sampler's first 20000 values: one number that changes
// if any bit of any value changes, so every branch of every method (PTRS's and BTRD's slow
// tests, the alias table's two columns) is compared, not just the first draws.
std::uint64_t digest(const std::function<double(Rng&)>& draw, Rng rng) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (int i = 0; i < 20000; ++i) {
    const double x = draw(rng);
    std::uint64_t bits;
    std::memcpy(&bits, &x, sizeof bits);
    h = (h ^ bits) * 0x100000001b3ULL;
  }
  return h;
}

struct Golden {
  const char* call;
  std::function<double(Rng&)> draw;
  std::vector<double> first;  // the first five values, exact
  std::uint64_t digest;       // of the first 20000
};

}  // namespace

TEST_CASE("samplers: seed 20240601 gives these exact numbers on every platform", "[numeric][validation]") {
  // Recorded from the native build (g++ 12, glibc, x86-64) and required bit for bit. This
  // binary also runs under node in the wasm build tree (emcc 3.1.6, musl's libm, wasm32), so
  // a pass there shows that native and wasm give the same numbers. Doubles are written with
  // 17 significant digits, which round-trip exactly.
  static const DiscreteDistribution table(std::vector<double>{0.5, 0.0, 2.0, 1.0, 0.25, 3.0});
  const std::vector<Golden> goldens = {
      {"uniform01(r)", [](Rng& r) { return static_cast<double>(uniform01(r)); },
       {0.34945777584344884, 0.49321558520517661, 0.90095709260463808, 0.57629453214796944, 0.69243445445639062},
       0x624fb8c535ecc7faULL},
      {"uniform_int(r, -3, 17)", [](Rng& r) { return static_cast<double>(uniform_int(r, -3, 17)); },
       {4, 7, 15, 9, 11},
       0xdd64e7ee21f20da5ULL},
      {"uniform_int(r, -1000000, 1000000000)",
       [](Rng& r) { return static_cast<double>(uniform_int(r, -1000000, 1000000000)); },
       {348807233, 492708801, 900858050, 575870827, 692126889},
       0x27f7b6ec16720da5ULL},
      {"bernoulli(r, 0.6)", [](Rng& r) { return static_cast<double>(bernoulli(r, 0.6)); },
       {1, 1, 0, 1, 0},
       0x4409e7ee21f20da5ULL},
      {"exponential(r, 2.5)", [](Rng& r) { return static_cast<double>(exponential(r, 2.5)); },
       {0.17197962913052789, 0.27186783327548275, 0.92488084588308861, 0.3434866865698239, 0.47162682328429917},
       0x55f34799baec0c83ULL},
      {"normal(r, 1.0, 2.0)", [](Rng& r) { return static_cast<double>(normal(r, 1.0, 2.0)); },
       {-3.3761519092431227, 2.7703248890072372, 3.576484988921286, -0.43536436534224832, 2.5978794484365793},
       0xa76e9345e09975ecULL},
      {"poisson(r, 3.0)", [](Rng& r) { return static_cast<double>(poisson(r, 3.0)); },
       {2, 3, 5, 3, 4},
       0x4cd7e7ee21f20da5ULL},
      {"poisson(r, 37.5)", [](Rng& r) { return static_cast<double>(poisson(r, 37.5)); },
       {35, 47, 41, 26, 47},
       0x666667ee21f20da5ULL},
      {"poisson(r, 1e6)", [](Rng& r) { return static_cast<double>(poisson(r, 1e6)); },
       {999565, 1001523, 1000566, 998113, 1001569},
       0x124b3d1e21f20da5ULL},
      {"binomial(r, 20, 0.3)", [](Rng& r) { return static_cast<double>(binomial(r, 20, 0.3)); },
       {5, 6, 9, 6, 7},
       0xbb2fe7ee21f20da5ULL},
      {"binomial(r, 1000, 0.3)", [](Rng& r) { return static_cast<double>(binomial(r, 1000, 0.3)); },
       {300, 308, 303, 326, 300},
       0x344947ee21f20da5ULL},
      {"binomial(r, 1000, 0.8)", [](Rng& r) { return static_cast<double>(binomial(r, 1000, 0.8)); },
       {800, 793, 797, 826, 815},
       0x94f237ee21f20da5ULL},
      {"binomial(r, 2000000000, 0.5)", [](Rng& r) { return static_cast<double>(binomial(r, 2000000000, 0.5)); },
       {999996852, 1000006761, 1000051098, 1000023364, 999996306},
       0x7a08a82749f20da5ULL},
      {"table(r)", [](Rng& r) { return static_cast<double>(table(r)); },
       {2, 5, 5, 0, 5},
       0x0425e7ee21f20da5ULL},
      {"portable_log(uniform01(r) * 1e6)", [](Rng& r) { return static_cast<double>(portable_log(uniform01(r) * 1e6)); },
       {12.764138020320177, 13.108701649945754, 13.711212913486078, 13.264374149522675, 13.44796886195949},
       0xda3fdbf2f29d7b3bULL},
      {"portable_exp(uniform01(r) * 100 - 50)",
       [](Rng& r) { return static_cast<double>(portable_exp(uniform01(r) * 100 - 50)); },
       {2.8975722618605409e-07, 0.50740718094539861, 2.5902714562053606e+17, 2057.9244694993272, 227678577.76335692},
       0x60c276959b057fd9ULL},
      {"portable_log1p(uniform01(r) * 1e-3)",
       [](Rng& r) { return static_cast<double>(portable_log1p(uniform01(r) * 1e-3)); },
       {0.00034939672969651987, 0.00049309399437711678, 0.00090055147437474541,
        0.00057612853822527584, 0.00069219483232822938},
       0x40c73ce01778c62aULL},
  };
  for (const Golden& g : goldens) {
    INFO(g.call);
    Rng rng(20240601);
    std::vector<double> first;
    for (int i = 0; i < 5; ++i) first.push_back(g.draw(rng));
    CHECK(first == g.first);
    CHECK(digest(g.draw, Rng(20240601)) == g.digest);
  }
  CHECK(draws(Rng(20240601), 5) == std::vector<std::uint64_t>{6446358155551860797ULL, 9098221673444780841ULL,
                                                     16619724908671196422ULL, 10630757745611775024ULL,
                                                     12773161169175731101ULL});
  Rng rng(20240601);
  std::vector<int> order(12);
  std::iota(order.begin(), order.end(), 0);
  shuffle(rng, order);
  CHECK(order == std::vector<int>{11, 7, 1, 3, 6, 0, 2, 8, 10, 9, 5, 4});
}
