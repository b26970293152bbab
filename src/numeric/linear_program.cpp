#include "numeric/linear_program.hpp"

#include <glpk.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <set>

#include "common/input_error.hpp"
#include "numeric/glpk_guard.hpp"

namespace rbc::numeric {
namespace {

void check_bound(const Bound& b, const std::string& path) {
  if ((b.lower && !std::isfinite(*b.lower)) || (b.upper && !std::isfinite(*b.upper)))
    throw InputError("invalid_field", path, path + ": bounds must be finite numbers or null");
  if (b.lower && b.upper && *b.lower > *b.upper)
    throw InputError("invalid_field", path, path + ": lower bound exceeds upper bound");
}

// names[k]'s path is path[k], or path[k].member when `member` is given.
void check_names(const std::vector<std::string>& names, std::size_t count, const std::string& path,
                 const std::string& member, const std::string& what) {
  if (names.empty()) return;
  if (names.size() != count)
    throw InputError("wrong_length", path,
                     path + " has " + std::to_string(names.size()) + " entries; there are " + std::to_string(count) + " " + what);
  std::set<std::string> seen;
  for (std::size_t k = 0; k < names.size(); ++k) {
    const auto p = member.empty() ? field_index(path, k) : field_member(field_index(path, k), member);
    const auto& name = names[k];
    if (name.empty() || name.size() > 255)
      throw InputError("invalid_field", p, p + " must have 1 to 255 characters");
    if (std::any_of(name.begin(), name.end(), [](char c) { return static_cast<unsigned char>(c) < 32 || c == 127; }))
      throw InputError("invalid_field", p, p + " must not contain control characters (tabs, line breaks)");
    if (!seen.insert(name).second) throw InputError("invalid_field", p, p + " repeats the name \"" + name + "\"");
  }
}

}  // namespace

void validate_linear_program(const LinearProgram& lp) {
  const std::size_t n = lp.objective.size();
  if (n == 0) throw InputError("invalid_field", "objective", "objective must have at least one coefficient");
  if (n > max_lp_variables)
    throw InputError("limit_exceeded", "objective", "objective: at most " + std::to_string(max_lp_variables) + " variables");
  if (lp.constraints.size() > max_lp_constraints)
    throw InputError("limit_exceeded", "constraints",
                     "constraints: at most " + std::to_string(max_lp_constraints) + " constraints");
  const bool sparse = !lp.matrix.empty();
  if (!sparse && n * lp.constraints.size() > max_lp_nonzeros)
    throw InputError("limit_exceeded", "constraints",
                     "constraints: variables x constraints must not exceed " + std::to_string(max_lp_nonzeros));
  if (sparse) {
    if (lp.matrix.size() > max_lp_nonzeros)
      throw InputError("limit_exceeded", "matrix", "matrix: at most " + std::to_string(max_lp_nonzeros) + " nonzeros");
    std::set<std::pair<std::size_t, std::size_t>> seen;
    for (std::size_t e = 0; e < lp.matrix.size(); ++e) {
      const auto& a = lp.matrix[e];
      const auto p = field_index("matrix", e);
      if (a.row >= lp.constraints.size() || a.column >= n || !std::isfinite(a.value))
        throw InputError("invalid_field", p, p + ": row or column out of range, or a value that is not finite");
      // GLPK stops with a fatal error on a repeated entry: named here instead.
      if (!seen.insert({a.row, a.column}).second) throw InputError("invalid_field", p, p + " repeats a (row, column)");
    }
  }
  for (std::size_t j = 0; j < n; ++j)
    if (!std::isfinite(lp.objective[j]))
      throw InputError("invalid_field", field_index("objective", j), field_index("objective", j) + " must be finite");
  for (std::size_t i = 0; i < lp.constraints.size(); ++i) {
    const auto p = field_index("constraints", i);
    const auto& c = lp.constraints[i];
    if (sparse ? !c.coefficients.empty() : c.coefficients.size() != n)
      throw InputError("wrong_length", field_member(p, "coefficients"),
                       field_member(p, "coefficients") + " has " + std::to_string(c.coefficients.size()) +
                           " entries; the objective has " + std::to_string(n));
    for (std::size_t j = 0; j < c.coefficients.size(); ++j)
      if (!std::isfinite(c.coefficients[j]))
        throw InputError("invalid_field", field_index(field_member(p, "coefficients"), j),
                         field_index(field_member(p, "coefficients"), j) + " must be finite");
    check_bound(c.bound, p);
  }
  if (!lp.bounds.empty() && lp.bounds.size() != n)
    throw InputError("wrong_length", "bounds",
                     "bounds has " + std::to_string(lp.bounds.size()) + " entries; the objective has " + std::to_string(n));
  for (std::size_t j = 0; j < lp.bounds.size(); ++j) check_bound(lp.bounds[j], field_index("bounds", j));
  if (!lp.integer.empty() && lp.integer.size() != n)
    throw InputError("wrong_length", "integer",
                     "integer has " + std::to_string(lp.integer.size()) + " entries; the objective has " + std::to_string(n));
  check_names(lp.variable_names, n, "variable_names", "", "variables");
  check_names(lp.constraint_names, lp.constraints.size(), "constraints", "name", "constraints");
}

namespace {

int bound_type(const Bound& b) {
  return detail::glpk_bound_type(b.lower.has_value(), b.upper.has_value(), b.lower.value_or(0), b.upper.value_or(0));
}

}  // namespace

const char* to_string(LpStatus s) {
  switch (s) {
    case LpStatus::optimal: return "optimal";
    case LpStatus::infeasible: return "infeasible";
    case LpStatus::unbounded: return "unbounded";
    case LpStatus::undefined: return "undefined";
    case LpStatus::feasible: return "feasible";
    case LpStatus::time_limit: return "time_limit";
    case LpStatus::primal_and_dual_infeasible: return "primal_and_dual_infeasible";
  }
  return "undefined";
}

std::string glpk_version() { return glp_version(); }

namespace {

// What the guarded GLPK section reads and writes: plain pointers and numbers, nothing with a
// destructor, so a longjmp out of it skips no cleanup.
struct GlpkRun {
  const LinearProgram* lp;
  int n, m;
  const int* ia;
  const int* ja;
  const double* ar;
  int nonzeros;
  double* x;              // n entries, written when the status is GLP_OPT
  double* reduced_costs;  // n entries, likewise
  double* duals;          // m entries, likewise
  int rc = 0;             // glp_simplex's return code
  int status = 0;         // glp_get_status, when rc == 0
  double objective = 0;
};

// Builds the problem, runs the simplex method and reads the solution: every GLPK call of a
// solve, so every GLPK fatal error lands in detail::run_glpk's setjmp.
void build_and_solve(GlpkRun& r) {
  const LinearProgram& lp = *r.lp;
  glp_prob* P = glp_create_prob();
  glp_set_obj_dir(P, lp.maximize ? GLP_MAX : GLP_MIN);
  glp_add_cols(P, r.n);
  for (int j = 1; j <= r.n; ++j) {
    glp_set_obj_coef(P, j, lp.objective[j - 1]);
    const Bound b = lp.bounds.empty() ? Bound{0.0, std::nullopt} : lp.bounds[j - 1];
    glp_set_col_bnds(P, j, bound_type(b), b.lower.value_or(0), b.upper.value_or(0));
  }
  if (r.m > 0) glp_add_rows(P, r.m);
  for (int i = 1; i <= r.m; ++i) {
    const auto& c = lp.constraints[i - 1];
    glp_set_row_bnds(P, i, bound_type(c.bound), c.bound.lower.value_or(0), c.bound.upper.value_or(0));
  }
  glp_load_matrix(P, r.nonzeros, r.ia, r.ja, r.ar);

  glp_smcp parm;
  glp_init_smcp(&parm);
  parm.msg_lev = GLP_MSG_ERR;
  parm.presolve = GLP_ON;  // with presolve, infeasible / unbounded come back as return codes
  r.rc = glp_simplex(P, &parm);
  if (r.rc == 0) {
    r.status = glp_get_status(P);
    if (r.status == GLP_OPT) {
      r.objective = glp_get_obj_val(P);
      for (int j = 1; j <= r.n; ++j) r.x[j - 1] = glp_get_col_prim(P, j), r.reduced_costs[j - 1] = glp_get_col_dual(P, j);
      for (int i = 1; i <= r.m; ++i) r.duals[i - 1] = glp_get_row_dual(P, i);
    }
  }
  glp_delete_prob(P);
}

}  // namespace

LpSolution solve_linear_program(const LinearProgram& lp) {
  validate_linear_program(lp);
  const int n = static_cast<int>(lp.objective.size());
  const int m = static_cast<int>(lp.constraints.size());
  std::vector<int> ia{0}, ja{0};
  std::vector<double> ar{0};
  if (!lp.matrix.empty()) {
    for (const auto& a : lp.matrix)
      ia.push_back(static_cast<int>(a.row + 1)), ja.push_back(static_cast<int>(a.column + 1)), ar.push_back(a.value);
  } else {
    for (int i = 1; i <= m; ++i)
      for (int j = 1; j <= n; ++j)
        if (double a = lp.constraints[i - 1].coefficients[j - 1]; a != 0) ia.push_back(i), ja.push_back(j), ar.push_back(a);
  }
  LpSolution out;
  out.x.resize(n);
  out.reduced_costs.resize(n);
  out.duals.resize(m);
  detail::GlpkSession session;
  GlpkRun run{&lp, n, m, ia.data(), ja.data(), ar.data(), static_cast<int>(ia.size()) - 1,
              out.x.data(), out.reduced_costs.data(), out.duals.data()};
  if (!detail::run_glpk(session, [](void* r) { build_and_solve(*static_cast<GlpkRun*>(r)); }, &run)) {
    throw InputError("solver_error", "", "GLPK failed: " + session.log);
  }
  if (run.rc == GLP_ENOPFS) out.status = LpStatus::infeasible;
  else if (run.rc == GLP_ENODFS) out.status = LpStatus::unbounded;  // dual infeasible: unbounded or infeasible
  else if (run.rc != 0)
    throw InputError("solver_error", "", "GLPK simplex stopped with code " + std::to_string(run.rc) + ": " + session.log);
  else {
    switch (run.status) {
      case GLP_OPT: out.status = LpStatus::optimal; break;
      case GLP_NOFEAS: out.status = LpStatus::infeasible; break;
      case GLP_UNBND: out.status = LpStatus::unbounded; break;
      default: out.status = LpStatus::undefined; break;
    }
  }
  if (out.status == LpStatus::optimal) out.objective = run.objective;
  else out.x.clear(), out.reduced_costs.clear(), out.duals.clear();
  // Coefficients near the largest double can give an optimum that overflows (1e308 x 1e4):
  // an infinite objective is not an answer, and JSON would print it as null.
  auto finite = [](const std::vector<double>& v) { return std::all_of(v.begin(), v.end(), [](double a) { return std::isfinite(a); }); };
  if (!std::isfinite(out.objective) || !finite(out.x) || !finite(out.duals) || !finite(out.reduced_costs))
    throw InputError("solver_error", "",
                     "The solution does not fit in double precision (an objective or value overflows): scale the "
                     "coefficients and bounds down, e.g. to within 1e12.");
  out.solver_log = std::move(session.log);
  return out;
}

}  // namespace rbc::numeric
