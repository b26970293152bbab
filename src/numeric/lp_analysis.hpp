#pragma once
// A linear or mixed-integer programme solved and reported as GLPK's glpsol does: given as a
// LinearProgram or as model text GLPK reads itself (CPLEX LP, MPS, MathProg), with the names
// of rows and columns, values, duals, basis statuses, sensitivity ranging (glpsol --ranges)
// and the model written back as CPLEX LP text. The `lp` operation's core.
//
// Errors throw InputError: a model text GLPK cannot read is "model_syntax" at path "model",
// its message "line N: <GLPK's reason>"; a model above the limits is "limit_exceeded".
// Solver outcomes (infeasible, unbounded, a MIP's time limit) are results.
#include <optional>
#include <string>
#include <vector>

#include "common/progress.hpp"
#include "numeric/linear_program.hpp"

namespace rbc::numeric {

// ---- Inputs ----
enum class ModelFormat { cplex_lp, free_mps, fixed_mps, mathprog };

// Model text longer than this is refused before GLPK reads it; after reading, the model's
// rows, columns and nonzeros must be within max_lp_constraints, max_lp_variables and
// max_lp_nonzeros. GLPK's own memory is capped at lp_memory_limit_mb while it reads,
// generates (MathProg) and solves, and its printed output at 1 MB.
inline constexpr std::size_t max_lp_model_chars = 1'000'000;
inline constexpr int lp_memory_limit_mb = 256;
inline constexpr double max_mip_seconds = 60;

// glp_intopt's cutting planes: none (glpsol's default), all four families (Gomory, mixed
// integer rounding, cover, clique: glpsol --cuts), or mixed integer rounding alone.
enum class MipCuts { none, all, mixed_integer_rounding };

struct LpOptions {
  double mip_time_limit = 10;  // seconds of a MIP: its relaxation and branch and bound (glp_intopt), in (0, max_mip_seconds]
  bool ranging = true;         // sensitivity ranging of an optimal LP
  bool lp_text = true;         // write the model back as CPLEX LP text
  bool maximize_mps = false;   // MPS has no objective sense: glpsol's --max
  // Branch and bound as glpsol runs it by default; the per-request matching's MIPs choose
  // mixed integer rounding cuts and pseudocost branching (glpsol --mir --pcost), measured
  // fastest on them (docs/methods/matching.md).
  MipCuts mip_cuts = MipCuts::none;
  bool mip_pseudocost_branching = false;
  // A known integer-feasible solution, one value per column (else std::invalid_argument),
  // handed to branch and bound as its first incumbent (glp_ios_heur_sol) so it prunes from
  // the start; empty = none. GLPK's MIP presolver is then off (it would renumber the
  // columns). Its feasibility is not checked: the caller guarantees it.
  std::vector<double> mip_start;
  // glpsol sorts the constraint matrix after reading a model (glp_sort_matrix). The order of
  // the matrix decides which of several optimal bases GLPK ends in on a degenerate model, so
  // the `lp` operation sorts it too and gets glpsol's basis, duals and ranging. Off, the
  // matrix keeps the order it was loaded in, as the matching MIP's solutions always had.
  bool sort_matrix = false;
};

// ---- The report ----
// GLPK's basis status of a row or column: GLP_BS, GLP_NL, GLP_NU, GLP_NF, GLP_NS.
enum class BasisStatus { basic, at_lower, at_upper, free, fixed };
const char* to_string(BasisStatus s);

// glpsol's sensitivity report for one row or column of an optimal basic solution.
// Infinite ends are +-infinity.
//  - non-basic: activity_range is how far its active bound (so its activity) can move
//    before a basic variable reaches a bound (glp_analyze_bound); the objective changes by
//    the dual (row) or reduced cost (column) per unit within that range, and
//    objective_at_break is its value at each end; objective_coefficient_range is the range
//    of its objective coefficient keeping it non-basic (c - d to infinity, or the reverse).
//  - basic: objective_coefficient_range keeps the basis optimal (glp_analyze_coef; a row's
//    "coefficient" is 0), activity_range is the variable's value at each end, where the
//    basis changes, and objective_at_break the objective there.
// limiting names the variable that leaves or enters the basis at each end ("" = none).
struct Ranging {
  double activity_range[2];
  double objective_coefficient_range[2];
  double objective_at_break[2];
  std::string limiting[2];
};

// A row (constraint) or column (variable) of the model.
struct LpEntry {
  std::string name;
  Bound bound;
  double value = 0;                      // column value or row activity a x; 0 without a solution
  double objective_coefficient = 0;      // columns only
  bool integer = false;                  // columns only
  std::optional<double> dual;            // row dual or reduced cost: optimal LP only
  std::optional<BasisStatus> status;     // optimal LP only
  std::optional<Ranging> ranging;        // optimal LP with ranging only
};

struct LpReport {
  LpStatus status = LpStatus::undefined;
  bool mixed_integer = false;            // the model has integer columns: glp_intopt ran
  bool maximize = false;
  std::string name;                      // the problem's name, "" when it has none
  std::string objective_name;            // "" when it has none
  std::optional<double> objective;       // when optimal (or feasible, for a MIP): a solution
  double objective_constant = 0;         // c0, included in objective
  LpStatus relaxation_status = LpStatus::undefined;  // the LP relaxation, for a MIP
  std::optional<double> relaxation_objective;
  std::vector<LpEntry> columns;
  std::vector<LpEntry> rows;
  std::string lp_text;                   // the model as CPLEX LP text (options.lp_text)
  std::string output;                    // what a MathProg model printed (display, printf)
  std::vector<std::string> warnings;     // GLPK's warnings about the model text, "line N: ..."
};

// The outcome (`status`) is glpsol's. An LP is solved with glp_simplex and its presolver, as
// glpsol does by default. Without an optimum the presolver keeps no solution and tells only
// which side it proved infeasible, so the LP is solved again as `glpsol --nopresol` would
// (scaled, an advanced basis, the primal simplex method): its primal and dual statuses tell
// infeasible from unbounded; when the primal is infeasible, the dual simplex method (`glpsol
// --nopresol --dual`) tells whether the dual is infeasible too. A mixed-integer programme is
// infeasible when its relaxation is; when the relaxation is unbounded, branch and bound looks
// for any integer point: with one the programme is unbounded too (rational data, Meyer 1974).
//
// Branch and bound reports to `progress` at its nodes (fraction: its time limit used) and
// stops with Cancelled when asked; the simplex method and MathProg have no checkpoints.

// The model given as numbers: validate_linear_program first (names default to x1.., c1..).
LpReport analyse_linear_program(const LinearProgram& lp, const LpOptions& options = {}, const Progress& progress = {});

// The model given as text in `format`. A MathProg model may include its data section; it may
// not read or write files (table statements, printf ... > "file"), which is refused.
LpReport analyse_model_text(ModelFormat format, const std::string& text, const LpOptions& options = {},
                            const Progress& progress = {});

}  // namespace rbc::numeric
