#!/usr/bin/python3
"""Writes tests/ordering/stl_statsmodels.json: STL decompositions by statsmodels, an independent
implementation (a Cython port of the netlib Fortran stl.f), for tests/ordering/stl.cpp to compare
rbcmatch's src/ordering/stl.cpp against.

A test-time tool, not a project dependency. Run from the repository root:
    apt-get install -y python3-statsmodels
    /usr/bin/python3 tests/ordering/stl_statsmodels.py > tests/ordering/stl_statsmodels.json

Every statsmodels setting is given explicitly, as the paper's (Cleveland et al. 1990) and R's
stl() defaults, because statsmodels' own defaults differ:
- degrees: seasonal_deg, trend_deg, low_pass_deg = 1, 1, 1 (the paper's local lines);
- jumps: seasonal_jump, trend_jump, low_pass_jump = 1 (loess at every point, as rbcmatch);
- iterations: inner_iter, outer_iter = 2, 0 (not robust) or 1, 15 (robust), R's stl() defaults
  (statsmodels' own are 5, 0 and 2, 15);
- windows: trend and low_pass given. The paper's low-pass window is the least odd number >= the
  period, 7 for a week, but statsmodels' argument check asks for low_pass > period (its
  algorithm, like the Fortran's, does not need it). The cases with low_pass 7 pass it as
  Seven(7), an int whose comparisons with the period say "above", to get past that check only;
  the value statsmodels then stores and uses is the integer 7.
- "periodic" (R's s.window = "periodic"): seasonal = 10 n + 1 with seasonal_deg = 0, then each
  weekday's seasonal values replaced by their mean and the remainder recomputed, as R's stl() does.
"""
import json
import platform
import sys

import numpy as np
import statsmodels
from statsmodels.tsa.seasonal import STL


class Seven(int):
    """7, compared as above the period by statsmodels' argument check (see the docstring)."""

    def __le__(self, other):
        return False

    def __lt__(self, other):
        return False


PERIOD = 7


def weekday_series(n, seed, mean, noise_sd, trend_per_day=0.0, integer=True):
    rng = np.random.default_rng(seed)
    pattern = np.array([1.08, 1.10, 1.08, 1.06, 1.04, 0.84, 0.80])
    t = np.arange(n)
    level = (mean + trend_per_day * t) * pattern[t % PERIOD] + 5 * np.sin(2 * np.pi * t / 91)
    y = level + rng.normal(0, noise_sd, n)
    return np.maximum(0, np.round(y)) if integer else np.round(y, 6)


def with_outliers(y, seed, count, size):
    rng = np.random.default_rng(seed)
    y = y.copy()
    where = rng.choice(len(y), count, replace=False)
    y[where] += size * rng.choice([-1, 1], count) * rng.uniform(0.8, 1.2, count)
    return np.maximum(0, y)


def decompose(y, seasonal_window, trend_window, low_pass_window, robust, periodic=False):
    n = len(y)
    ns = 10 * n + 1 if periodic else seasonal_window
    low_pass = Seven(7) if low_pass_window == 7 else low_pass_window
    inner, outer = (1, 15) if robust else (2, 0)
    fit = STL(y, period=PERIOD, seasonal=ns, trend=trend_window, low_pass=low_pass,
              seasonal_deg=0 if periodic else 1, trend_deg=1, low_pass_deg=1, robust=robust,
              seasonal_jump=1, trend_jump=1, low_pass_jump=1).fit(inner_iter=inner, outer_iter=outer)
    trend = np.asarray(fit.trend)
    seasonal = np.asarray(fit.seasonal)
    if periodic:
        seasonal = seasonal.copy()
        for j in range(PERIOD):
            seasonal[j::PERIOD] = seasonal[j::PERIOD].mean()
    remainder = y - trend - seasonal
    return trend, seasonal, remainder


def case(name, y, seasonal_window, trend_window, low_pass_window, robust, periodic=False):
    trend, seasonal, remainder = decompose(y, seasonal_window, trend_window, low_pass_window, robust, periodic)
    return {
        "name": name,
        "settings": {
            "seasonal_window": "periodic" if periodic else seasonal_window,
            "trend_window": trend_window,
            "low_pass_window": low_pass_window,
            "robust": robust,
            "inner": 1 if robust else 2,
            "outer": 15 if robust else 0,
        },
        "y": [float(v) for v in y],
        "trend": [float(v) for v in trend],
        "seasonal": [float(v) for v in seasonal],
        "remainder": [float(v) for v in remainder],
    }


def main():
    demand = weekday_series(140, seed=1, mean=93.05, noise_sd=20, trend_per_day=0.05)
    spiky = with_outliers(weekday_series(119, seed=2, mean=60, noise_sd=6, integer=False), seed=3, count=6, size=150)
    short = weekday_series(20, seed=4, mean=30, noise_sd=5)
    cases = [
        # The paper's and rbcmatch's defaults: n_s 7, n_t 15, n_l 7.
        case("demand-like, 140 days, defaults, not robust", demand, 7, 15, 7, False),
        case("demand-like, 140 days, defaults, robust", demand, 7, 15, 7, True),
        case("demand-like, 140 days, wider windows (13, 21, 9), not robust", demand, 13, 21, 9, False),
        case("demand-like, 140 days, periodic seasonal (trend 11)", demand, None, 11, 7, False, periodic=True),
        case("6 outliers, 119 days, not robust", spiky, 7, 15, 7, False),
        case("6 outliers, 119 days, robust", spiky, 7, 15, 7, True),
        case("6 outliers, 119 days, robust, windows (11, 31, 9)", spiky, 11, 31, 9, True),
        # Windows longer than the data: 3 points per weekday (n_s 7 > 3), n_t 21 > 20 days.
        case("20 days, windows beyond the data, robust", short, 7, 21, 7, True),
    ]
    out = {
        "source": "statsmodels.tsa.seasonal.STL (Cython port of the netlib Fortran stl.f), run by "
                  "tests/ordering/stl_statsmodels.py",
        "command": "/usr/bin/python3 tests/ordering/stl_statsmodels.py > tests/ordering/stl_statsmodels.json",
        "statsmodels": statsmodels.__version__,
        "numpy": np.__version__,
        "python": platform.python_version(),
        "period": PERIOD,
        "degrees": {"seasonal": 1, "trend": 1, "low_pass": 1, "periodic_seasonal": 0},
        "jumps": 1,
        "cases": cases,
    }
    json.dump(out, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
