#pragma once
// The median wall-clock time of repeated calls, in milliseconds, for the native benchmarks,
// after the same warm-up as the wasm side (bench/timing.mjs): rounds of about 100 ms, for at
// least 2 s and then until the medians of the last three rounds agree within 3 %, at most 30 s. Native code has no tiers
// to wait for, but caches, the allocator and the branch predictor warm up too, and the two
// sides of a ratio should be measured alike.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <vector>

#include "common/allocator.hpp"

namespace rbc::bench {

// Called first in every benchmark's main(), so that both sides of a wasm / native ratio
// measure the computation in a warm process.
using rbc::keep_freed_memory;

template <class F>
double timed_ms(F& f) {
  const auto start = std::chrono::steady_clock::now();
  f();
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

inline double median_of(std::vector<double> t) {
  std::nth_element(t.begin(), t.begin() + static_cast<std::ptrdiff_t>(t.size() / 2), t.end());
  return t[t.size() / 2];
}

template <class F>
void warm_up(F& f, double tolerance = 0.03, double round_ms = 100, double min_seconds = 2, double max_seconds = 30) {
  using clock = std::chrono::steady_clock;
  const auto start = clock::now();
  const auto elapsed = [&] { return std::chrono::duration<double>(clock::now() - start).count(); };
  double per_call = timed_ms(f);
  std::vector<double> medians;
  while (elapsed() < max_seconds) {
    const int round = std::max(3, static_cast<int>(std::ceil(round_ms / std::max(per_call, 1e-3))));
    std::vector<double> t;
    for (int i = 0; i < round; ++i) t.push_back(timed_ms(f));
    per_call = median_of(std::move(t));
    medians.push_back(per_call);
    if (elapsed() >= min_seconds && medians.size() >= 3) {
      const auto last = medians.end() - 3;
      if (*std::max_element(last, medians.end()) <= (1 + tolerance) * *std::min_element(last, medians.end())) return;
    }
  }
}

template <class F>
double median_ms(F&& f, int repeats) {
  warm_up(f);
  std::vector<double> t;
  for (int i = 0; i < repeats; ++i) t.push_back(timed_ms(f));
  return median_of(std::move(t));
}

}  // namespace rbc::bench
