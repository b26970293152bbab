#pragma once
// The textbook LP several tests solve:
// max 3x + 2y  s.t.  x + y <= 4,  x + 3y <= 9,  0 <= x <= 3,  y >= 0.  Optimum (3, 1), value 11;
// row duals 2 and 0; x is at its upper bound (which prices it at 1: its reduced cost), y basic.
#include <optional>

#include "numeric/linear_program.hpp"

namespace rbc::test {

inline numeric::LinearProgram small_lp() {
  numeric::LinearProgram lp;
  lp.maximize = true;
  lp.objective = {3, 2};
  lp.constraints = {{{1, 1}, {std::nullopt, 4.0}}, {{1, 3}, {std::nullopt, 9.0}}};
  lp.bounds = {{0.0, 3.0}, {0.0, std::nullopt}};
  return lp;
}

}  // namespace rbc::test
