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

// One nonzero of a sparse constraint matrix: row and column indices from 0.
struct MatrixEntry {
  std::size_t row = 0, column = 0;
  double value = 0;
};

struct LinearProgram {
  bool maximize = false;
  std::vector<double> objective;  // c
  std::vector<LinearConstraint> constraints;
  std::vector<Bound> bounds;      // per variable; empty = all x >= 0
  // Optional, for the `lp` operation's report (solve_linear_program ignores them): true marks
  // an integer variable; names of variables and constraints (empty = x1.., c1..; each 1-255
  // characters, no control characters, no repeats, as GLPK and the CPLEX LP format need).
  std::vector<bool> integer;
  std::vector<std::string> variable_names;
  std::vector<std::string> constraint_names;
  // Optional sparse form of the matrix, for models built in code whose dense form would be
  // mostly zeros (the matching MIP: thousands of columns, a few nonzeros a row). When given,
  // every constraint's coefficients are empty and these entries (no (row, column) twice; at
  // most max_lp_nonzeros) are the matrix; the variables x constraints limit does not apply.
  // The `lp` operation reads the dense form only.
  std::vector<MatrixEntry> matrix;
};

// infeasible: no point meets every constraint and bound; unbounded: some do, and the
// objective improves along them without limit (the dual has no feasible point);
// primal_and_dual_infeasible: neither the problem nor its dual has a feasible point (no
// right-hand sides would give the model an optimum). feasible and time_limit are outcomes of
// a mixed-integer programme only: the time limit stopped branch and bound with (feasible) or
// without (time_limit) an integer solution.
enum class LpStatus { optimal, infeasible, unbounded, undefined, feasible, time_limit, primal_and_dual_infeasible };
const char* to_string(LpStatus s);

struct LpSolution {
  LpStatus status = LpStatus::undefined;
  double objective = 0;
  std::vector<double> x;
  std::vector<double> duals;          // row duals (shadow prices), one per constraint
  std::vector<double> reduced_costs;  // one per variable
  std::string solver_log;             // what GLPK printed
};

// Throws InputError naming the first bad field ("objective", "constraints[i].coefficients",
// "integer", "variable_names[j]", ...): sizes within the max_lp_* limits, finite numbers,
// lower <= upper.
void validate_linear_program(const LinearProgram& lp);

// Validates (throws InputError naming "objective", "constraints[i].coefficients", ...),
// then solves. GLPK's own fatal errors are caught and rethrown as InputError("solver_error").
LpSolution solve_linear_program(const LinearProgram& lp);

// GLPK's version string, e.g. "5.0".
std::string glpk_version();

}  // namespace rbc::numeric
