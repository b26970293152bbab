#pragma once
// STL, the seasonal-trend decomposition by loess of Cleveland, Cleveland, McRae and Terpenning
// (1990, J. Off. Stat. 6:3-73; seed 003 sec. 4.2.1, ref. [39]): y = trend + seasonal +
// remainder. Computed as the authors' netlib Fortran `stl.f` (which R's stl() and statsmodels'
// STL wrap) with every loess evaluated at every point (the Fortran's "jumps" of 1; R's stl()
// defaults to larger jumps and then differs slightly): the inner loop's six steps (detrending,
// cycle-subseries loess, low-pass filter, detrending of the seasonal, deseasonalising, trend
// loess) and the outer robustness loop (bisquare weights on 6 median |remainder|).
#include <optional>
#include <span>
#include <vector>

#include "common/progress.hpp"

namespace rbc::ordering {

struct StlSettings {
  int period = 7;  // n_p: points in a cycle (7: days of a week), >= 2
  // n_s: the cycle-subseries loess window, in cycles (weeks): odd, >= 3 (>= 7 recommended).
  int seasonal_window = 7;
  // R's s.window = "periodic": n_s = 10 n + 1 with degree 0, then each position of the cycle
  // takes the mean of its seasonal values (a seasonal pattern that never changes).
  bool periodic = false;
  // n_t: the trend loess window, in points, odd >= 3. Absent: default_trend_window().
  std::optional<int> trend_window;
  // n_l: the low-pass filter's loess window, odd >= 3. Absent: the least odd number >= period.
  std::optional<int> low_pass_window;
  int seasonal_degree = 1, trend_degree = 1, low_pass_degree = 1;  // loess degrees, 0 or 1 (the paper: 1)
  bool robust = false;
  // n_i, n_o. Absent: R's stl() defaults, 1 and 15 when robust, 2 and 0 otherwise.
  std::optional<int> inner, outer;
};

// The default n_t the paper recommends (and R's stl() and the Fortran's stlez use): the least odd
// integer >= 1.5 n_p / (1 - 1.5 / n_s), with n_s = 10 n + 1 for a periodic seasonal of n points.
// Needs n_s > 1.5.
int default_trend_window(int period, long long seasonal_window);

struct StlSettingsUsed {
  long long seasonal_window = 0;  // 10 n + 1 when periodic
  int seasonal_degree = 0;        // 0 when periodic
  int trend_window = 0, low_pass_window = 0, inner = 0, outer = 0;
};

struct Stl {
  std::vector<double> trend, seasonal, remainder;  // remainder = y - trend - seasonal
  std::vector<double> weights;                     // the last robustness weights; all 1 without outer loops
  StlSettingsUsed used;
};

// The settings as stl() runs them (defaults filled in); throws std::invalid_argument for a
// window that is even or below 3, a degree other than 0 or 1, a period below 2, iterations
// below 1 (inner) or 0 (outer), or fewer than 2 cycles of data (n < 2 n_p).
StlSettingsUsed resolve(const StlSettings& settings, int n);

// Loess evaluations (each a weighted sum over up to a window of points) that stl() makes for n
// points: what its time grows with. For the request layer's limit.
double stl_work(const StlSettings& settings, int n);

// Reports progress after each inner pass; throws Cancelled when asked.
Stl stl(std::span<const double> y, const StlSettings& settings, const Progress& progress = {});

}  // namespace rbc::ordering
