#pragma once
// A small linear programme solved by GLPK's simplex method: shared by the allocation models
// (thesis ch. 6-7) and supply planning. Solver outcomes (infeasible, unbounded, ...) are
// results, kept apart from run errors, which throw.
#include <optional>
#include <string>
#include <vector>

namespace rbc::numeric {

inline constexpr std::size_t max_lp_variables = 20000;
inline constexpr std::size_t max_lp_constraints = 20000;
inline constexpr std::size_t max_lp_nonzeros = 400000;

struct Bound {
  std::optional<double> lower;  // nullopt = -infinity
  std::optional<double> upper;  // nullopt = +infinity
};

struct LinearConstraint {
  std::vector<double> coefficients;  // one per variable (dense; small models)
  Bound bound;                       // lower <= a x <= upper
};

struct LinearProgram {
  bool maximize = false;
  std::vector<double> objective;  // c
  std::vector<LinearConstraint> constraints;
  std::vector<Bound> bounds;      // per variable; empty = all x >= 0
};

enum class LpStatus { optimal, infeasible, unbounded, undefined };
const char* to_string(LpStatus s);

struct LpSolution {
  LpStatus status = LpStatus::undefined;
  double objective = 0;
  std::vector<double> x;
  std::vector<double> duals;          // row duals (shadow prices), one per constraint
  std::vector<double> reduced_costs;  // one per variable
  std::string solver_log;             // what GLPK printed
};

// Validates (throws InputError naming "objective", "constraints[i].coefficients", ...),
// then solves. GLPK's own fatal errors are caught and rethrown as InputError("solver_error").
LpSolution solve_linear_program(const LinearProgram& lp);

// GLPK's version string, e.g. "5.0".
std::string glpk_version();

}  // namespace rbc::numeric
