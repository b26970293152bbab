// The `lp` operation: a small LP through GLPK.
#include "api/operations.hpp"
#include "api/reader.hpp"
#include "common/input_error.hpp"
#include "numeric/linear_program.hpp"

namespace rbc::api {

using nlohmann::json;

namespace {

struct LpFields {
  Field<std::string> sense;
  Field<json> objective, constraints, bounds;
  std::vector<FieldSpec> specs() const { return {sense.spec, objective.spec, constraints.spec, bounds.spec}; }
};

const LpFields& fields() {
  static const LpFields f{
      string_field("sense", "Minimise or maximise the objective.", "", "min", {"min", "max"}),
      json_field("objective", "number[]",
                 "Objective coefficients c, one per variable (at most " +
                     std::to_string(numeric::max_lp_variables) + ").",
                 "", true),
      json_field("constraints", "object[]",
                 "Rows {coefficients: number[] (one per variable), lower: number|null, upper: number|null}; null "
                 "means unbounded on that side.",
                 "", false, json::array()),
      json_field("bounds", "object[]", "Per-variable {lower, upper} (null = unbounded); omitted: every variable >= 0.",
                 "", false),
  };
  return f;
}

std::optional<double> read_limit(ObjectReader& r, const char* key) {
  if (!r.has(key)) return std::nullopt;
  const json& v = r.member(key);
  if (v.is_null()) return std::nullopt;
  return read_number(v, r.path_of(key));
}

numeric::Bound read_bound(ObjectReader& r) { return {read_limit(r, "lower"), read_limit(r, "upper")}; }

json handle(ObjectReader& r, Context&) {
  const auto& F = fields();
  numeric::LinearProgram lp;
  lp.maximize = r.get(F.sense) == "max";
  lp.objective = read_number_array(*r.get(F.objective), "objective");
  if (const json* rows = r.get(F.constraints)) {
    read_array(*rows, "constraints");
    for (std::size_t i = 0; i < rows->size(); ++i) {
      ObjectReader row((*rows)[i], field_index("constraints", i));
      numeric::LinearConstraint c;
      c.coefficients = read_number_array(row.member("coefficients"), row.path_of("coefficients"));
      c.bound = read_bound(row);
      row.finish();
      lp.constraints.push_back(std::move(c));
    }
  }
  if (const json* bounds = r.get(F.bounds); bounds && !bounds->is_null()) {
    read_array(*bounds, "bounds");
    for (std::size_t j = 0; j < bounds->size(); ++j) {
      ObjectReader b((*bounds)[j], field_index("bounds", j));
      lp.bounds.push_back(read_bound(b));
      b.finish();
    }
  }

  const auto sol = numeric::solve_linear_program(lp);
  json out = {{"status", numeric::to_string(sol.status)}};
  if (sol.status == numeric::LpStatus::optimal) {
    out["objective"] = sol.objective;
    out["x"] = sol.x;
    out["duals"] = sol.duals;
    out["reduced_costs"] = sol.reduced_costs;
  }
  return out;
}

}  // namespace

Operation lp_operation() {
  return {"lp",
          "A small linear programme solved by GLPK's simplex method: status, objective, x, row duals and "
          "reduced costs.",
          "thesis ch. 6 (allocation LPs)",
          fields().specs(),
          {{"status", "string", "\"optimal\", \"infeasible\", \"unbounded\" or \"undefined\"."},
           {"objective", "number", "c'x at the optimum (only when optimal)."},
           {"x", "number[]", "The optimal point, one value per variable (only when optimal)."},
           {"duals", "number[]", "Row duals (shadow prices), one per constraint (only when optimal)."},
           {"reduced_costs", "number[]", "One per variable (only when optimal)."}},
          false,
          handle};
}

}  // namespace rbc::api
