#include "numeric/random.hpp"

#include <bit>
#include <cmath>
#include <cstring>
#include <sstream>
#include <stdexcept>
#include <string>

// This file must be compiled with -ffp-contract=off (CMakeLists.txt): a fused multiply-add
// rounds once where the two operations round twice, and would change the bits.

namespace rbc::numeric {
namespace {

constexpr std::uint64_t golden_gamma = 0x9e3779b97f4a7c15ULL;

std::uint64_t splitmix64_mix(std::uint64_t z) noexcept {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

[[noreturn]] void bad_argument(const char* function, const char* argument, const std::string& requirement,
                               double got) {
  std::ostringstream message;
  message.precision(17);
  message << function << ": " << argument << " must be " << requirement << " (got " << got << ")";
  throw std::invalid_argument(message.str());
}

// High and low 64 bits of a * b, from 32-bit halves (no __int128, same on every target).
void multiply_64x64(std::uint64_t a, std::uint64_t b, std::uint64_t& high, std::uint64_t& low) noexcept {
  const std::uint64_t a_lo = a & 0xffffffffULL, a_hi = a >> 32;
  const std::uint64_t b_lo = b & 0xffffffffULL, b_hi = b >> 32;
  const std::uint64_t lo_lo = a_lo * b_lo;
  const std::uint64_t hi_lo = a_hi * b_lo;
  const std::uint64_t lo_hi = a_lo * b_hi;
  const std::uint64_t hi_hi = a_hi * b_hi;
  const std::uint64_t cross = (lo_lo >> 32) + (hi_lo & 0xffffffffULL) + lo_hi;
  high = hi_hi + (hi_lo >> 32) + (cross >> 32);
  low = (cross << 32) | (lo_lo & 0xffffffffULL);
}

// ---- fdlibm bit access (memcpy: Emscripten 3.1.6's libc++ has no std::bit_cast) ----
std::uint64_t bits_of(double x) noexcept {
  std::uint64_t bits;
  std::memcpy(&bits, &x, sizeof bits);
  return bits;
}
double double_of(std::uint64_t bits) noexcept {
  double x;
  std::memcpy(&x, &bits, sizeof x);
  return x;
}
std::int32_t high_word(double x) noexcept {
  return static_cast<std::int32_t>(static_cast<std::uint32_t>(bits_of(x) >> 32));
}
std::uint32_t low_word(double x) noexcept {
  return static_cast<std::uint32_t>(bits_of(x));
}
double with_high_word(double x, std::int32_t high) noexcept {
  const std::uint64_t bits = bits_of(x);
  return double_of((static_cast<std::uint64_t>(static_cast<std::uint32_t>(high)) << 32) | (bits & 0xffffffffULL));
}

// Stirling's correction: log k! - [(k + 1/2) log(k + 1) - (k + 1) + log(2 pi) / 2].
// Exact values for k < 10 (computed with 50-digit arithmetic, mpmath), the asymptotic
// series 1/(12 x) - 1/(360 x^3) + 1/(1260 x^5) - 1/(1680 x^7), x = k + 1, beyond
// (truncation error below 4e-13).
double stirling_correction(std::int64_t k) noexcept {
  static constexpr double table[10] = {
      0.08106146679532726, 0.0413406959554093,   0.02767792568499834,  0.020790672103765093,
      0.016644691189821193, 0.013876128823070748, 0.01189670994589177,  0.010411265261972096,
      0.009255462182712733, 0.00833056343336287};
  if (k < 10) return table[k];
  const double x = static_cast<double>(k) + 1.0;
  const double x2 = x * x;
  return (1.0 / 12.0 - (1.0 / 360.0 - (1.0 / 1260.0 - 1.0 / (1680.0 * x2)) / x2) / x2) / x;
}

constexpr double half_log_2pi = 0.91893853320467274178;  // log(2 pi) / 2

}  // namespace

// ---- generator ----

std::uint64_t splitmix64(std::uint64_t& state) noexcept {
  state += golden_gamma;
  return splitmix64_mix(state);
}

Xoshiro256StarStar::Xoshiro256StarStar(std::uint64_t seed) noexcept {
  for (auto& word : s_) word = splitmix64(seed);
  // Never all zero: s_[0] and s_[1] are a bijection of two different arguments.
}

Xoshiro256StarStar::Xoshiro256StarStar(std::uint64_t seed, std::uint64_t stream) noexcept
    : Xoshiro256StarStar(seed) {
  std::uint64_t from_stream = stream, from_zero = 0;
  for (auto& word : s_) word ^= splitmix64(from_stream) ^ splitmix64(from_zero);
  if ((s_[0] | s_[1] | s_[2] | s_[3]) == 0) s_[0] = 1;  // chance 2^-256, but never a fixed point
}

Xoshiro256StarStar Xoshiro256StarStar::from_state(const State& state) {
  if ((state[0] | state[1] | state[2] | state[3]) == 0)
    throw std::invalid_argument("Xoshiro256StarStar::from_state: state must not be all zero");
  return Xoshiro256StarStar(state);
}

Xoshiro256StarStar::result_type Xoshiro256StarStar::operator()() noexcept {
  const std::uint64_t result = std::rotl(s_[1] * 5, 7) * 9;
  const std::uint64_t t = s_[1] << 17;
  s_[2] ^= s_[0];
  s_[3] ^= s_[1];
  s_[1] ^= s_[2];
  s_[0] ^= s_[3];
  s_[2] ^= t;
  s_[3] = std::rotl(s_[3], 45);
  return result;
}

void Xoshiro256StarStar::apply_jump(const State& polynomial) noexcept {
  State sum{};
  for (const std::uint64_t word : polynomial) {
    for (int b = 0; b < 64; ++b) {
      if (word & (std::uint64_t{1} << b))
        for (int i = 0; i < 4; ++i) sum[i] ^= s_[i];
      (*this)();
    }
  }
  s_ = sum;
}

void Xoshiro256StarStar::jump() noexcept {
  apply_jump({0x180ec6d33cfd0abaULL, 0xd5a61266f0c9392cULL, 0xa9582618e03fc9aaULL, 0x39abdc4529b1661cULL});
}

void Xoshiro256StarStar::long_jump() noexcept {
  apply_jump({0x76e15d3efefdcbbfULL, 0xc5004e441c522fb3ULL, 0x77710069854ee241ULL, 0x39109bb02acbe635ULL});
}

Xoshiro256StarStar Xoshiro256StarStar::split() noexcept {
  Xoshiro256StarStar child = *this;
  jump();
  return child;
}

// ---- elementary functions ----
// Transcribed from fdlibm 5.3 (e_log.c, e_exp.c), whose notice reads:
//   Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
//   Developed at SunSoft, a Sun Microsystems, Inc. business.
//   Permission to use, copy, modify, and distribute this software is freely granted,
//   provided that this notice is preserved.

double portable_log(double x) noexcept {
  constexpr double ln2_hi = 6.93147180369123816490e-01;  // 3fe62e42 fee00000
  constexpr double ln2_lo = 1.90821492927058770002e-10;  // 3dea39ef 35793c76
  constexpr double two54 = 1.80143985094819840000e+16;   // 43500000 00000000
  constexpr double Lg1 = 6.666666666666735130e-01;       // 3FE55555 55555593
  constexpr double Lg2 = 3.999999999940941908e-01;       // 3FD99999 9997FA04
  constexpr double Lg3 = 2.857142874366239149e-01;       // 3FD24924 94229359
  constexpr double Lg4 = 2.222219843214978396e-01;       // 3FCC71C5 1D8E78AF
  constexpr double Lg5 = 1.818357216161805012e-01;       // 3FC74664 96CB03DE
  constexpr double Lg6 = 1.531383769920937332e-01;       // 3FC39A09 D078C69F
  constexpr double Lg7 = 1.479819860511658591e-01;       // 3FC2F112 DF3E5244

  std::int32_t hx = high_word(x);
  const std::uint32_t lx = low_word(x);
  std::int32_t k = 0;
  if (hx < 0x00100000) {  // x < 2^-1022
    if (((hx & 0x7fffffff) | static_cast<std::int32_t>(lx)) == 0) return -std::numeric_limits<double>::infinity();
    if (hx < 0) return std::numeric_limits<double>::quiet_NaN();
    k -= 54;  // subnormal: scale up
    x *= two54;
    hx = high_word(x);
  }
  if (hx >= 0x7ff00000) return x + x;  // inf or NaN
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  std::int32_t i = (hx + 0x95f64) & 0x100000;
  x = with_high_word(x, hx | (i ^ 0x3ff00000));  // normalise x or x / 2
  k += i >> 20;
  const double f = x - 1.0;
  if ((0x000fffff & (2 + hx)) < 3) {  // -2^-20 <= f < 2^-20
    if (f == 0.0) {
      if (k == 0) return 0.0;
      const double dk = k;
      return dk * ln2_hi + dk * ln2_lo;
    }
    const double R = f * f * (0.5 - 0.33333333333333333 * f);
    if (k == 0) return f - R;
    const double dk = k;
    return dk * ln2_hi - ((R - dk * ln2_lo) - f);
  }
  const double s = f / (2.0 + f);
  const double dk = k;
  const double z = s * s;
  i = hx - 0x6147a;
  const double w = z * z;
  const std::int32_t j = 0x6b851 - hx;
  const double t1 = w * (Lg2 + w * (Lg4 + w * Lg6));
  const double t2 = z * (Lg1 + w * (Lg3 + w * (Lg5 + w * Lg7)));
  i |= j;
  const double R = t2 + t1;
  if (i > 0) {
    const double hfsq = 0.5 * f * f;
    if (k == 0) return f - (hfsq - s * (hfsq + R));
    return dk * ln2_hi - ((hfsq - (s * (hfsq + R) + dk * ln2_lo)) - f);
  }
  if (k == 0) return f - s * (f - R);
  return dk * ln2_hi - ((s * (f - R) - dk * ln2_lo) - f);
}

double portable_exp(double x) noexcept {
  constexpr double o_threshold = 7.09782712893383973096e+02;  // 0x40862E42 FEFA39EF
  constexpr double u_threshold = -7.45133219101941108420e+02;  // 0xc0874910 D52D3051
  constexpr double ln2HI[2] = {6.93147180369123816490e-01, -6.93147180369123816490e-01};
  constexpr double ln2LO[2] = {1.90821492927058770002e-10, -1.90821492927058770002e-10};
  constexpr double halF[2] = {0.5, -0.5};
  constexpr double invln2 = 1.44269504088896338700e+00;  // 0x3ff71547 652b82fe
  constexpr double P1 = 1.66666666666666019037e-01;      // 0x3FC55555 5555553E
  constexpr double P2 = -2.77777777770155933842e-03;     // 0xBF66C16C 16BEBD93
  constexpr double P3 = 6.61375632143793436117e-05;      // 0x3F11566A AF25DE2C
  constexpr double P4 = -1.65339022054652515390e-06;     // 0xBEBBBD41 C5D26BF1
  constexpr double P5 = 4.13813679705723846039e-08;      // 0x3E663769 72BEA4D0
  constexpr double twom1000 = 9.33263618503218878990e-302;  // 2^-1000

  std::int32_t hx = high_word(x);
  const int xsb = (hx >> 31) & 1;  // sign bit
  hx &= 0x7fffffff;                // high word of |x|
  if (hx >= 0x40862E42) {          // |x| >= 709.78...
    if (hx >= 0x7ff00000) {
      if (((hx & 0xfffff) | static_cast<std::int32_t>(low_word(x))) != 0) return x + x;  // NaN
      return xsb == 0 ? x : 0.0;  // exp(+-inf) = {inf, 0}
    }
    if (x > o_threshold) return std::numeric_limits<double>::infinity();
    if (x < u_threshold) return 0.0;
  }
  double hi = 0, lo = 0;
  int k = 0;
  if (hx > 0x3fd62e42) {    // |x| > 0.5 ln2
    if (hx < 0x3FF0A2B2) {  // and |x| < 1.5 ln2
      hi = x - ln2HI[xsb];
      lo = ln2LO[xsb];
      k = 1 - xsb - xsb;
    } else {
      k = static_cast<int>(invln2 * x + halF[xsb]);
      const double t = k;
      hi = x - t * ln2HI[0];  // t * ln2HI is exact here
      lo = t * ln2LO[0];
    }
    x = hi - lo;
  } else if (hx < 0x3e300000) {  // |x| < 2^-28
    return 1.0 + x;
  }
  const double t = x * x;
  const double c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k == 0) return 1.0 - ((x * c) / (c - 2.0) - x);
  const double y = 1.0 - ((lo - (x * c) / (2.0 - c)) - hi);
  if (k >= -1021) return with_high_word(y, high_word(y) + (k << 20));
  return with_high_word(y, high_word(y) + ((k + 1000) << 20)) * twom1000;
}

double portable_log1p(double x) noexcept {
  // Goldberg, "What every computer scientist should know about floating-point arithmetic"
  // (1991), Theorem 4: log(1 + x) = x log(u) / (u - 1) with u = 1 + x rounded.
  const double u = 1.0 + x;
  if (u == 1.0) return x;
  return portable_log(u) * x / (u - 1.0);
}

// ---- samplers ----

double uniform01(Rng& rng) noexcept {
  return static_cast<double>(rng() >> 11) * 0x1.0p-53;
}

std::uint64_t uniform_below(Rng& rng, std::uint64_t n) {
  if (n == 0) throw std::invalid_argument("uniform_below: n must be >= 1 (got 0)");
  std::uint64_t high = 0, low = 0;
  multiply_64x64(rng(), n, high, low);
  if (low < n) {
    const std::uint64_t threshold = (0 - n) % n;  // 2^64 mod n
    while (low < threshold) multiply_64x64(rng(), n, high, low);
  }
  return high;
}

std::int64_t uniform_int(Rng& rng, std::int64_t lo, std::int64_t hi) {
  if (lo > hi) {
    throw std::invalid_argument("uniform_int: lo must be <= hi (got lo = " + std::to_string(lo) +
                                ", hi = " + std::to_string(hi) + ")");
  }
  const std::uint64_t span = static_cast<std::uint64_t>(hi) - static_cast<std::uint64_t>(lo);
  const std::uint64_t offset = span == std::numeric_limits<std::uint64_t>::max() ? rng() : uniform_below(rng, span + 1);
  return static_cast<std::int64_t>(static_cast<std::uint64_t>(lo) + offset);  // modular, C++20
}

bool bernoulli(Rng& rng, double p) {
  if (!(p >= 0.0 && p <= 1.0)) bad_argument("bernoulli", "p", "in [0, 1]", p);
  return uniform01(rng) < p;
}

double exponential(Rng& rng, double rate) {
  if (!(rate > 0.0 && std::isfinite(rate))) bad_argument("exponential", "rate", "finite and > 0", rate);
  // 1 - U is exact and lies in (0, 1]; 0.0 - log(1) is +0.
  return (0.0 - portable_log(1.0 - uniform01(rng))) / rate;
}

double normal(Rng& rng, double mean, double sd) {
  if (!std::isfinite(mean)) bad_argument("normal", "mean", "finite", mean);
  if (!(sd >= 0.0 && std::isfinite(sd))) bad_argument("normal", "sd", "finite and >= 0", sd);
  double x = 0, y = 0, s = 0;
  do {
    x = 2.0 * uniform01(rng) - 1.0;  // exact: a multiple of 2^-52 in [-1, 1)
    y = 2.0 * uniform01(rng) - 1.0;
    s = x * x + y * y;
  } while (s >= 1.0 || s == 0.0);
  return mean + sd * (x * std::sqrt(-2.0 * portable_log(s) / s));
}

namespace {

std::int64_t poisson_inversion(Rng& rng, double mean) {
  const double p0 = portable_exp(-mean);
  for (;;) {
    const double u = uniform01(rng);
    double p = p0, cumulative = p0;
    std::int64_t k = 0;
    while (u >= cumulative && p > 0.0) {
      ++k;
      p *= mean / static_cast<double>(k);
      cumulative += p;
    }
    if (u < cumulative) return k;
    // u fell into the tail that rounding left out of the sum (chance ~1e-16): draw again.
  }
}

// Hörmann (1993), algorithm PTRS, for mean >= 10.
std::int64_t poisson_ptrs(Rng& rng, double mean) {
  const double b = 0.931 + 2.53 * std::sqrt(mean);
  const double a = -0.059 + 0.02483 * b;
  const double inv_alpha = 1.1239 + 1.1328 / (b - 3.4);
  const double v_r = 0.9277 - 3.6224 / (b - 2.0);
  for (;;) {
    const double u = uniform01(rng) - 0.5;
    const double v = uniform01(rng);
    const double us = 0.5 - std::abs(u);
    if (us == 0.0) continue;  // u = -1/2: the hat's pole
    const double kd = std::floor((2.0 * a / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= v_r && kd >= 0.0) return static_cast<std::int64_t>(kd);
    if (kd < 0.0 || kd > 0x1.0p62 || (us < 0.013 && v > us)) continue;
    // log(mean^k e^-mean / k!), with log k! by Stirling's formula and its correction, in a
    // form free of the cancellation between mean log(mean) and log k! for large means.
    const double k1 = kd + 1.0;
    const double log_pk = (k1 - mean) + kd * portable_log1p((mean - k1) / k1) - 0.5 * portable_log(k1) -
                          half_log_2pi - stirling_correction(static_cast<std::int64_t>(kd));
    if (portable_log(v * inv_alpha / (a / (us * us) + b)) <= log_pk) return static_cast<std::int64_t>(kd);
  }
}

std::int64_t binomial_inversion(Rng& rng, std::int64_t n, double p) {
  const double q = 1.0 - p;
  const double p0 = portable_exp(static_cast<double>(n) * portable_log1p(-p));
  const double odds = p / q;
  for (;;) {
    const double u = uniform01(rng);
    double pk = p0, cumulative = p0;
    std::int64_t k = 0;
    while (u >= cumulative && k < n && pk > 0.0) {
      ++k;
      pk *= odds * static_cast<double>(n - k + 1) / static_cast<double>(k);
      cumulative += pk;
    }
    if (u < cumulative) return k;
    // rounding tail (chance ~1e-16): draw again.
  }
}

// Hörmann (1993), algorithm BTRD, for n p >= 10 and p <= 1/2.
std::int64_t binomial_btrd(Rng& rng, std::int64_t n, double p) {
  const double dn = static_cast<double>(n);
  const double q = 1.0 - p;
  const std::int64_t m = static_cast<std::int64_t>(std::floor((dn + 1.0) * p));
  const double dm = static_cast<double>(m);
  const double r = p / q;
  const double nr = (dn + 1.0) * r;
  const double npq = dn * p * q;
  const double sqrt_npq = std::sqrt(npq);
  const double b = 1.15 + 2.53 * sqrt_npq;
  const double a = -0.0873 + 0.0248 * b + 0.01 * p;
  const double c = dn * p + 0.5;
  const double alpha = (2.83 + 5.1 / b) * sqrt_npq;
  const double v_r = 0.92 - 4.2 / b;
  const double ur_vr = 0.86 * v_r;
  const double nm = dn - dm + 1.0;
  const double h = (dm + 0.5) * portable_log((dm + 1.0) / (r * nm)) + stirling_correction(m) +
                   stirling_correction(n - m);
  for (;;) {
    // Step 1: the box inside the hat.
    double v = uniform01(rng);
    double u = 0;
    if (v <= ur_vr) {
      u = v / v_r - 0.43;
      const double kd = std::floor((2.0 * a / (0.5 - std::abs(u)) + b) * u + c);
      if (kd >= 0.0 && kd <= dn) return static_cast<std::int64_t>(kd);
      continue;
    }
    // Step 2: a point under the hat.
    if (v >= v_r) {
      u = uniform01(rng) - 0.5;
    } else {
      u = v / v_r - 0.93;
      u = (u < 0.0 ? -0.5 : 0.5) - u;
      v = uniform01(rng) * v_r;
    }
    // Step 3: transform, and evaluate the ratio f(k) / f(m) directly when k is near m.
    const double us = 0.5 - std::abs(u);
    if (us == 0.0) continue;
    const double kd = std::floor((2.0 * a / us + b) * u + c);
    if (kd < 0.0 || kd > dn) continue;
    const std::int64_t k = static_cast<std::int64_t>(kd);
    v = v * alpha / (a / (us * us) + b);
    const std::int64_t km = k > m ? k - m : m - k;
    if (km <= 15) {
      double f = 1.0;
      if (m < k) {
        for (std::int64_t i = m + 1; i <= k; ++i) f *= nr / static_cast<double>(i) - r;
      } else if (m > k) {
        for (std::int64_t i = k + 1; i <= m; ++i) v *= nr / static_cast<double>(i) - r;
      }
      if (v <= f) return k;
      continue;
    }
    // Step 4: squeeze on log f(k) / f(m), then the exact test with Stirling's formula.
    v = portable_log(v);
    const double dkm = static_cast<double>(km);
    const double rho = (dkm / npq) * (((dkm / 3.0 + 0.625) * dkm + 1.0 / 6.0) / npq + 0.5);
    const double t = -dkm * dkm / (2.0 * npq);
    if (v < t - rho) return k;
    if (v > t + rho) continue;
    const double nk = dn - kd + 1.0;
    // log(nm / nk) and log(nk r / (k + 1)) as log1p of exact differences: nm - nk = k - m.
    const double bound = h + (dn + 1.0) * portable_log1p((kd - dm) / nk) +
                         (kd + 0.5) * portable_log(nk * r / (kd + 1.0)) - stirling_correction(k) -
                         stirling_correction(n - k);
    if (v <= bound) return k;
  }
}

}  // namespace

std::int64_t poisson(Rng& rng, double mean) {
  if (!(mean >= 0.0 && mean <= max_poisson_mean)) bad_argument("poisson", "mean", "in [0, 2^31 - 1]", mean);
  if (mean == 0.0) return 0;
  return mean < 10.0 ? poisson_inversion(rng, mean) : poisson_ptrs(rng, mean);
}

double gamma(Rng& rng, double shape, double scale) {
  if (!(shape > 0.0 && shape <= max_gamma_shape)) bad_argument("gamma", "shape", "in (0, 1e9]", shape);
  if (!(scale > 0.0 && std::isfinite(scale))) bad_argument("gamma", "scale", "finite and > 0", scale);
  if (shape < 1.0) {
    // Marsaglia and Tsang's boost: G(a) = G(a + 1) U^(1/a), U in (0, 1].
    const double g = gamma(rng, shape + 1.0, 1.0);
    const double u = 1.0 - uniform01(rng);
    return scale * g * portable_exp(portable_log(u) / shape);
  }
  const double d = shape - 1.0 / 3.0;
  const double c = 1.0 / std::sqrt(9.0 * d);
  for (;;) {
    const double x = normal(rng);
    double v = 1.0 + c * x;
    if (v <= 0.0) continue;
    v = v * v * v;
    const double u = uniform01(rng);
    const double x2 = x * x;
    if (u < 1.0 - 0.0331 * (x2 * x2)) return scale * (d * v);
    if (portable_log(u) < 0.5 * x2 + d * (1.0 - v + portable_log(v))) return scale * (d * v);
  }
}

std::int64_t negative_binomial(Rng& rng, double mean, double size) {
  if (!(mean >= 0.0 && mean <= max_negative_binomial_mean))
    bad_argument("negative_binomial", "mean", "in [0, 1e8]", mean);
  if (!(size > 0.0 && size <= max_gamma_shape)) bad_argument("negative_binomial", "size", "in (0, 1e9]", size);
  if (mean == 0.0) return 0;
  const double rate = gamma(rng, size, mean / size);
  // The gamma tail beyond Poisson's range has probability far below 2^-100 at these means.
  return poisson(rng, rate < max_poisson_mean ? rate : max_poisson_mean);
}

std::int64_t binomial(Rng& rng, std::int64_t n, double p) {
  if (n < 0 || n > max_binomial_n) bad_argument("binomial", "n", "in [0, 2^31 - 1]", static_cast<double>(n));
  if (!(p >= 0.0 && p <= 1.0)) bad_argument("binomial", "p", "in [0, 1]", p);
  if (n == 0 || p == 0.0) return 0;
  if (p == 1.0) return n;
  if (p > 0.5) return n - binomial(rng, n, 1.0 - p);  // 1 - p is exact for p >= 1/2
  return static_cast<double>(n) * p < 10.0 ? binomial_inversion(rng, n, p) : binomial_btrd(rng, n, p);
}

// ---- discrete ----

DiscreteDistribution::DiscreteDistribution(std::span<const double> weights) {
  const std::size_t n = weights.size();
  if (n == 0) throw std::invalid_argument("DiscreteDistribution: weights must hold at least one entry");
  double sum = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (!(weights[i] >= 0.0 && std::isfinite(weights[i]))) {
      bad_argument("DiscreteDistribution", ("weights[" + std::to_string(i) + "]").c_str(), "finite and >= 0",
                   weights[i]);
    }
    sum += weights[i];
  }
  if (!(sum > 0.0 && std::isfinite(sum))) bad_argument("DiscreteDistribution", "sum of weights", "finite and > 0", sum);

  // Vose: scale to mean 1, pair each column below 1 with one above, in a fixed order.
  probability_.assign(n, 0.0);
  alias_.assign(n, 0);
  std::vector<double> scaled(n);
  std::vector<std::size_t> small, large;
  std::size_t heaviest = 0;
  for (std::size_t i = 0; i < n; ++i) {
    scaled[i] = weights[i] * static_cast<double>(n) / sum;
    (scaled[i] < 1.0 ? small : large).push_back(i);
    if (weights[i] > weights[heaviest]) heaviest = i;
  }
  while (!small.empty() && !large.empty()) {
    const std::size_t less = small.back();
    small.pop_back();
    const std::size_t more = large.back();
    probability_[less] = scaled[less];
    alias_[less] = more;
    scaled[more] = (scaled[more] + scaled[less]) - 1.0;
    if (scaled[more] < 1.0) {
      large.pop_back();
      small.push_back(more);
    }
  }
  // What remains is 1 up to rounding.
  for (const std::size_t i : large) probability_[i] = 1.0, alias_[i] = i;
  for (const std::size_t i : small) probability_[i] = 1.0, alias_[i] = i;
  // Rounding must never make a zero weight drawable.
  for (std::size_t i = 0; i < n; ++i) {
    if (weights[i] == 0.0) probability_[i] = 0.0;
    if (weights[alias_[i]] == 0.0) alias_[i] = heaviest;
  }
}

std::size_t DiscreteDistribution::operator()(Rng& rng) const noexcept {
  const std::size_t column = static_cast<std::size_t>(uniform_below(rng, probability_.size()));
  return uniform01(rng) < probability_[column] ? column : alias_[column];
}

double DiscreteDistribution::probability(std::size_t i) const {
  if (i >= probability_.size()) {
    throw std::invalid_argument("DiscreteDistribution::probability: i must be < " +
                                std::to_string(probability_.size()) + " (got " + std::to_string(i) + ")");
  }
  const double n = static_cast<double>(probability_.size());
  double total = probability_[i];
  for (std::size_t j = 0; j < probability_.size(); ++j)
    if (alias_[j] == i && j != i) total += 1.0 - probability_[j];
  return total / n;
}

}  // namespace rbc::numeric
