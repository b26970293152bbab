#pragma once
// Seeded random streams that give the same numbers natively and in wasm (DESIGN.md,
// "Randomness"). libstdc++ and libc++ implement std::*_distribution differently, and the
// C libraries' log / exp may differ in the last bit, so every simulation draws from this
// file: one fixed generator, xoshiro256** seeded by splitmix64, and samplers written here
// from integer operations, the IEEE-754 basic operations (+ - * / sqrt, correctly rounded
// on every target) and the fdlibm log / exp below, which are built from those operations
// alone. This file's .cpp is compiled with -ffp-contract=off, so no compiler fuses a * b + c.
//
// Guarantee: for the same seed (and stream) every function here returns the same bits on
// every IEEE-754 target with 64-bit doubles evaluated in double precision (x86-64 SSE2,
// aarch64, wasm32) — checked by the golden test in tests/numeric/random.cpp, which the same
// Catch2 binary runs natively and under node in the wasm build.
//
// Measured: over 200 000 inputs of the kinds the samplers use, glibc's and Emscripten's
// (musl's) std::log disagreed in the last bit on 23 and std::exp on 266, so libm is not used.
//
// One rule for callers: C++ leaves the order of evaluation of function arguments
// unspecified, and g++ and clang differ, so f(uniform01(rng), uniform01(rng)) gives different
// numbers natively and in wasm. Make each draw its own statement.
//
// Bad arguments are programming errors here (a simulation checks its user's inputs first and
// reports them as rbc::InputError with the request path): the samplers throw
// std::invalid_argument whose message names the function and the argument.
#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <utility>
#include <vector>

namespace rbc::numeric {

// ---- generator ----

// One step of splitmix64 (Steele, Lea and Flood 2014; Vigna's splitmix64.c): advances
// `state` by 0x9e3779b97f4a7c15 and returns the mixed value. Seeds the generator below.
std::uint64_t splitmix64(std::uint64_t& state) noexcept;

// xoshiro256** 1.0 (Blackman and Vigna, "Scrambled linear pseudorandom number generators",
// ACM TOMS 2021; prng.di.unimi.it/xoshiro256starstar.c): 256 bits of state, period
// 2^256 - 1, 64-bit outputs. A UniformRandomBitGenerator, so std::shuffle etc. accept it
// (but use the samplers below: the standard library's distributions differ by platform).
// Copying a generator copies its stream; pass it by reference.
class Xoshiro256StarStar {
 public:
  using result_type = std::uint64_t;
  using State = std::array<std::uint64_t, 4>;

  // Seeds as the authors recommend: the state is the first four outputs of splitmix64
  // started at `seed`. Every seed, 0 included, is valid.
  explicit Xoshiro256StarStar(std::uint64_t seed) noexcept;

  // Stream `stream` of `seed`, for sub-simulations that must not share numbers (one per
  // scenario, per replicate, per worker): the seed's state XOR, word by word, the first four
  // outputs of splitmix64 started at `stream` XOR those started at 0. Stream 0 is
  // Xoshiro256StarStar(seed); within one seed, different streams start from different
  // states (each word is a bijection of `stream`). Streams are not provably disjoint: they
  // start at unrelated points of one cycle of length 2^256 - 1, so n streams of L draws each
  // overlap with probability below n^2 L / 2^256. For provably disjoint blocks use split().
  Xoshiro256StarStar(std::uint64_t seed, std::uint64_t stream) noexcept;

  // A generator in a given state, e.g. the published test state {1, 2, 3, 4}.
  // Throws std::invalid_argument for the all-zero state (a fixed point).
  static Xoshiro256StarStar from_state(const State& state);

  static constexpr result_type min() noexcept { return 0; }
  static constexpr result_type max() noexcept { return std::numeric_limits<result_type>::max(); }
  result_type operator()() noexcept;

  // Advance by 2^128 draws (jump) or 2^192 draws (long_jump), the reference's jump
  // polynomials; cost about 256 draws.
  void jump() noexcept;
  void long_jump() noexcept;

  // Returns a copy of this generator and jumps this one by 2^128 draws: the returned
  // generator may make up to 2^128 draws before it reaches numbers this one gives.
  // Repeated calls hand out disjoint blocks (child 0, child 1, ...) in a fixed order.
  Xoshiro256StarStar split() noexcept;

  const State& state() const noexcept { return s_; }
  friend bool operator==(const Xoshiro256StarStar&, const Xoshiro256StarStar&) = default;

 private:
  explicit Xoshiro256StarStar(const State& s) noexcept : s_(s) {}
  void apply_jump(const State& polynomial) noexcept;
  State s_{};
};

// The core's one generator.
using Rng = Xoshiro256StarStar;

// ---- elementary functions with the same bits everywhere ----

// Natural logarithm and exponential by fdlibm's e_log.c / e_exp.c (Sun Microsystems, 1993),
// error below 1 ulp, built from integer and IEEE basic operations only, so they return the
// same bits on every target (std::log / std::exp come from glibc natively and from musl in
// Emscripten). portable_log: log(0) = -inf, log(x < 0) = NaN, log(inf) = inf.
// portable_exp: overflows to inf above 709.78, underflows to 0 below -745.13.
double portable_log(double x) noexcept;
double portable_exp(double x) noexcept;
// log(1 + x) for x > -1, accurate for small |x| (Goldberg's trick over portable_log).
double portable_log1p(double x) noexcept;

// ---- samplers ----
// Every sampler takes the generator by reference and advances it; the number of draws a
// sampler uses is part of the stream, so the same calls in the same order give the same
// numbers.

// Uniform on [0, 1): a multiple of 2^-53 (the top 53 bits of one draw). Never returns 1.
double uniform01(Rng& rng) noexcept;

// Uniform integer in [0, n), n >= 1, without modulo bias (Lemire, "Fast random integer
// generation in an interval", ACM TOMACS 2019). Usually one draw.
std::uint64_t uniform_below(Rng& rng, std::uint64_t n);

// Uniform integer in [lo, hi], lo <= hi; any range, including all of int64.
std::int64_t uniform_int(Rng& rng, std::int64_t lo, std::int64_t hi);

// True with probability p, p in [0, 1] (0: never, 1: always). Always one draw.
bool bernoulli(Rng& rng, double p);

// Exponential with rate `rate` (> 0, finite; events per unit time, mean 1 / rate), by
// inversion: -log(1 - U) / rate. Always one draw; the result is >= 0 and finite.
double exponential(Rng& rng, double rate);

// Normal with mean `mean` (finite) and standard deviation `sd` (>= 0, finite; 0 returns
// `mean`), by Marsaglia's polar method; the second variate of each pair is discarded, so
// one call uses two draws per attempt (1.27 attempts on average).
double normal(Rng& rng, double mean = 0.0, double sd = 1.0);

// Poisson with mean `mean` in [0, max_poisson_mean] (0 returns 0). Mean < 10: inversion by
// sequential search (one draw, rarely more); mean >= 10: Hörmann's PTRS transformed
// rejection ("The transformed rejection method for generating Poisson random variables",
// Insurance: Mathematics and Economics 12, 1993), about 1.1 pairs of draws.
inline constexpr double max_poisson_mean = 2147483647.0;  // 2^31 - 1
std::int64_t poisson(Rng& rng, double mean);

// Gamma with shape a in (0, max_gamma_shape] and scale > 0 (mean a scale, variance a scale^2),
// by Marsaglia and Tsang ("A simple method for generating gamma variables", ACM TOMS 26,
// 2000): a normal and a uniform per attempt (about 1.03 attempts for a >= 1); a < 1 by their
// boost G(a + 1) U^(1/a), one more draw.
inline constexpr double max_gamma_shape = 1e9;
double gamma(Rng& rng, double shape, double scale);

// Negative binomial with mean m in [0, max_negative_binomial_mean] and size r in
// (0, max_gamma_shape]: variance m + m^2 / r (r -> infinity: Poisson). Drawn as the
// Poisson-gamma mixture Poisson(G), G ~ Gamma(r, m / r); m = 0 returns 0 without a draw.
inline constexpr double max_negative_binomial_mean = 1e8;
std::int64_t negative_binomial(Rng& rng, double mean, double size);

// Binomial: successes in n independent trials of probability p; n in [0, max_binomial_n],
// p in [0, 1]. n p < 10 (after p -> 1 - p for p > 0.5): inversion; otherwise Hörmann's
// BTRD ("The generation of binomial random variates", J. Statist. Comput. Simul. 46, 1993).
inline constexpr std::int64_t max_binomial_n = 2147483647;  // 2^31 - 1
std::int64_t binomial(Rng& rng, std::int64_t n, double p);

// Categorical over weights: index i with probability weights[i] / sum(weights), by Walker's
// alias method in Vose's construction ("A linear algorithm for generating random numbers
// with a given distribution", IEEE TSE 1991): O(n) set-up, O(1) per sample (two draws).
// Weights: at least one, each finite and >= 0, sum finite and > 0. A zero weight is never
// drawn. The table holds the probabilities up to rounding (relative 1e-15).
class DiscreteDistribution {
 public:
  explicit DiscreteDistribution(std::span<const double> weights);
  std::size_t operator()(Rng& rng) const noexcept;
  std::size_t size() const noexcept { return probability_.size(); }
  // The probability of index i that the table realises (for tests and reports).
  double probability(std::size_t i) const;

 private:
  std::vector<double> probability_;  // chance of keeping column i rather than its alias
  std::vector<std::size_t> alias_;
};

// Uniform random permutation in place (Fisher-Yates, from the back, with uniform_below):
// every order equally likely; size() - 1 draws for size() >= 2.
template <class T>
void shuffle(Rng& rng, std::span<T> items) {
  for (std::size_t i = items.size(); i > 1; --i) {
    const std::size_t j = static_cast<std::size_t>(uniform_below(rng, i));
    using std::swap;
    swap(items[i - 1], items[j]);
  }
}
template <class T>
void shuffle(Rng& rng, std::vector<T>& items) {
  shuffle(rng, std::span<T>(items));
}

}  // namespace rbc::numeric
