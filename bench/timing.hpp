#pragma once
// The median wall-clock time of repeated calls, in milliseconds, for the native benchmarks.
#include <algorithm>
#include <chrono>
#include <vector>

namespace rbc::bench {

template <class F>
double median_ms(F&& f, int repeats) {
  std::vector<double> t;
  for (int i = 0; i < repeats; ++i) {
    const auto start = std::chrono::steady_clock::now();
    f();
    t.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
  }
  std::nth_element(t.begin(), t.begin() + repeats / 2, t.end());
  return t[static_cast<std::size_t>(repeats / 2)];
}

}  // namespace rbc::bench
