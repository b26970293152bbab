// The `lp` operation: a linear or mixed-integer programme through GLPK, given as numbers
// (objective, constraints, bounds) or as model text GLPK reads itself (CPLEX LP, MPS,
// MathProg), reported as glpsol does: values, duals, basis statuses, sensitivity ranging.
#include <cmath>

#include "api/operations.hpp"
#include "api/reader.hpp"
#include "common/input_error.hpp"
#include "numeric/linear_program.hpp"
#include "numeric/lp_analysis.hpp"

namespace rbc::api {

using nlohmann::json;

namespace {

struct LpFields {
  Field<std::string> sense;
  Field<json> objective, constraints, bounds, integer, variable_names;
  Field<std::string> model, format;
  Field<bool> ranging, lp_text;
  Field<double> mip_time_limit;
  std::vector<FieldSpec> specs() const {
    return {sense.spec,          objective.spec, constraints.spec, bounds.spec,   integer.spec,
            variable_names.spec, model.spec,     format.spec,      ranging.spec,  lp_text.spec,
            mip_time_limit.spec};
  }
};

// The fields of the model given as numbers, which model text excludes.
const char* const numeric_form_fields[] = {"objective", "constraints", "bounds", "integer", "variable_names"};

const LpFields& fields() {
  using numeric::max_lp_constraints, numeric::max_lp_nonzeros, numeric::max_lp_variables;
  static const std::string limits = std::to_string(max_lp_variables) + " variables, " +
                                    std::to_string(max_lp_constraints) + " constraints and " +
                                    std::to_string(max_lp_nonzeros) + " nonzero coefficients";
  static const LpFields f{
      string_field("sense",
                   "Minimise or maximise the objective of the model given as numbers, or of an MPS model (MPS text "
                   "has no sense; glpsol's --max). CPLEX LP and MathProg text say it themselves.",
                   "", "min", {"min", "max"}),
      json_field("objective", "number[]",
                 "Objective coefficients c, one per variable (at most " + std::to_string(max_lp_variables) +
                     "). Required unless the model is given as text in `model`.",
                 "", false),
      json_field("constraints", "object[]",
                 "Rows {coefficients: number[] (one per variable), lower: number|null, upper: number|null, name?: "
                 "string}; null means unbounded on that side; names default to c1, c2, ...",
                 "", false, json::array()),
      json_field("bounds", "object[]", "Per-variable {lower, upper} (null = unbounded); omitted: every variable >= 0.",
                 "", false),
      json_field("integer", "boolean[]",
                 "Per variable, true for an integer variable (a mixed-integer programme); omitted: all continuous.", "",
                 false),
      json_field("variable_names", "string[]",
                 "Per variable, its name (1-255 characters, no repeats); omitted: x1, x2, ...", "", false),
      string_field("model",
                   "The model as text in `format`, instead of objective, constraints and bounds: at most " +
                       std::to_string(numeric::max_lp_model_chars) + " characters and " + limits +
                       ". A MathProg model may include its data section but not read or write files.",
                   "", std::nullopt),
      string_field("format",
                   "The format of `model`: CPLEX LP, free MPS, fixed MPS or GNU MathProg (AMPL-like, as glpsol --math).",
                   "", "cplex_lp", {"cplex_lp", "mps", "fixed_mps", "mathprog"}),
      boolean_field("ranging",
                    "Sensitivity ranging of an optimal LP (glpsol --ranges): for each variable and constraint the "
                    "range of its activity and of its objective coefficient over which the basis stays optimal.",
                    "", numeric::LpOptions{}.ranging),
      boolean_field("lp_text", "Return the model written as CPLEX LP text (`lp_text`).", "", numeric::LpOptions{}.lp_text),
      number_field("mip_time_limit",
                   "Seconds GLPK may take on a mixed-integer programme, its relaxation and branch and bound "
                   "together; then the best integer solution found is reported as \"feasible\".",
                   "", numeric::LpOptions{}.mip_time_limit, 0.001, numeric::max_mip_seconds),
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

std::vector<bool> read_boolean_array(const json& v, const std::string& path) {
  std::vector<bool> out;
  for (std::size_t i = 0; i < read_array(v, path).size(); ++i) {
    if (!v[i].is_boolean())
      throw InputError("invalid_field", field_index(path, i), field_index(path, i) + " must be true or false");
    out.push_back(v[i].get<bool>());
  }
  return out;
}

// The model given as numbers. Constraint names, when any is given, are completed with c<i>.
numeric::LinearProgram read_numeric_form(ObjectReader& r) {
  const auto& F = fields();
  numeric::LinearProgram lp;
  lp.maximize = r.get(F.sense) == "max";
  const json* objective = r.get(F.objective);
  if (!objective)
    throw InputError("missing_field", "objective",
                     "objective is required: give the model as numbers (objective, constraints, bounds) or as text "
                     "in `model`");
  lp.objective = read_number_array(*objective, "objective");
  bool named = false;  // some constraint has a name: the others get c<i>
  if (const json* rows = r.get(F.constraints)) {
    read_array(*rows, "constraints");
    for (std::size_t i = 0; i < rows->size(); ++i) {
      ObjectReader row((*rows)[i], field_index("constraints", i));
      numeric::LinearConstraint c;
      c.coefficients = read_number_array(row.member("coefficients"), row.path_of("coefficients"));
      c.bound = read_bound(row);
      std::string name = "c";  // appended, not "c" + ...: g++ 12 warns falsely (-Wrestrict)
      name += std::to_string(i + 1);
      if (row.has("name")) name = read_string(row.member("name"), row.path_of("name")), named = true;
      row.finish();
      lp.constraints.push_back(std::move(c));
      lp.constraint_names.push_back(name);
    }
  }
  if (!named) lp.constraint_names.clear();
  if (const json* bounds = r.get(F.bounds); bounds && !bounds->is_null()) {
    read_array(*bounds, "bounds");
    for (std::size_t j = 0; j < bounds->size(); ++j) {
      ObjectReader b((*bounds)[j], field_index("bounds", j));
      lp.bounds.push_back(read_bound(b));
      b.finish();
    }
  }
  if (const json* integer = r.get(F.integer)) lp.integer = read_boolean_array(*integer, "integer");
  if (const json* names = r.get(F.variable_names)) lp.variable_names = read_string_array(*names, "variable_names");
  return lp;
}

numeric::ModelFormat model_format(const std::string& format) {
  if (format == "mps") return numeric::ModelFormat::free_mps;
  if (format == "fixed_mps") return numeric::ModelFormat::fixed_mps;
  if (format == "mathprog") return numeric::ModelFormat::mathprog;
  return numeric::ModelFormat::cplex_lp;
}

// +-infinity (an unlimited range) is null in JSON.
json number_or_null(double x) { return std::isfinite(x) ? json(x) : json(nullptr); }

json bound_json(const numeric::Bound& b) {
  return {{"lower", b.lower ? json(*b.lower) : json(nullptr)}, {"upper", b.upper ? json(*b.upper) : json(nullptr)}};
}

json ranging_json(const numeric::Ranging& g) {
  auto pair = [](const double* v) { return json::array({number_or_null(v[0]), number_or_null(v[1])}); };
  return {{"activity", pair(g.activity_range)},
          {"objective_coefficient", pair(g.objective_coefficient_range)},
          {"objective_at_break", pair(g.objective_at_break)},
          {"limiting", json::array({g.limiting[0].empty() ? json(nullptr) : json(g.limiting[0]),
                                    g.limiting[1].empty() ? json(nullptr) : json(g.limiting[1])})}};
}

// A row or column: what every report has, its value when there is a solution (an infeasible
// or unbounded model's last simplex point is none), then the LP-only members.
json entry_json(const numeric::LpEntry& e, bool column, bool solved) {
  json out = {{"name", e.name}};
  out.update(bound_json(e.bound));
  if (solved) out[column ? "value" : "activity"] = e.value;
  if (column) out["objective_coefficient"] = e.objective_coefficient, out["integer"] = e.integer;
  if (e.dual) out[column ? "reduced_cost" : "dual"] = *e.dual;
  if (e.status) out["status"] = numeric::to_string(*e.status);
  if (e.ranging) out["ranging"] = ranging_json(*e.ranging);
  return out;
}

json report_json(const numeric::LpReport& rep) {
  const bool has_solution = rep.objective.has_value();
  json out = {{"status", numeric::to_string(rep.status)},
              {"problem", rep.mixed_integer ? "mip" : "lp"},
              {"sense", rep.maximize ? "max" : "min"},
              {"name", rep.name},
              {"objective_name", rep.objective_name}};
  if (has_solution) {
    out["objective"] = *rep.objective;
    std::vector<double> x, activities, duals, reduced_costs;
    for (const auto& c : rep.columns) {
      x.push_back(c.value);
      if (c.dual) reduced_costs.push_back(*c.dual);
    }
    for (const auto& r : rep.rows) {
      activities.push_back(r.value);
      if (r.dual) duals.push_back(*r.dual);
    }
    out["x"] = x;
    out["row_activities"] = activities;
    if (!rep.mixed_integer) out["duals"] = duals, out["reduced_costs"] = reduced_costs;
  }
  if (rep.mixed_integer) {
    out["relaxation"] = {{"status", numeric::to_string(rep.relaxation_status)}};
    if (rep.relaxation_objective) out["relaxation"]["objective"] = *rep.relaxation_objective;
    out["duals_note"] =
        "A mixed-integer programme has no duals, reduced costs or ranging: its optimum is not priced by a basis "
        "(the LP relaxation's duals would price a different problem).";
  }
  json variables = json::array(), constraints = json::array();
  for (const auto& c : rep.columns) variables.push_back(entry_json(c, true, has_solution));
  for (const auto& r : rep.rows) constraints.push_back(entry_json(r, false, has_solution));
  out["variables"] = std::move(variables);
  out["constraints"] = std::move(constraints);
  if (!rep.lp_text.empty()) out["lp_text"] = rep.lp_text;
  if (!rep.output.empty()) out["output"] = rep.output;
  return out;
}

json handle(ObjectReader& r, Context& context) {
  const auto& F = fields();
  numeric::LpOptions options;
  options.sort_matrix = true;  // glpsol's order: its basis, duals and ranging on degenerate models
  options.ranging = r.get(F.ranging);
  options.lp_text = r.get(F.lp_text);
  options.mip_time_limit = r.get(F.mip_time_limit);
  if (!r.has("model")) {
    if (r.has("format"))
      throw InputError("invalid_field", "format", "format says how to read `model`, which is not given");
    return report_json(numeric::analyse_linear_program(read_numeric_form(r), options, context.progress));
  }
  for (const char* name : numeric_form_fields)
    if (r.has(name))
      throw InputError("conflicting_fields", name,
                       std::string(name) +
                           " cannot be given with model: give the model either as text (model, format) or as numbers "
                           "(objective, constraints, bounds, integer, variable_names), not both");
  const std::string text = r.get(F.model);
  const auto format = model_format(r.get(F.format));
  const bool mps = format == numeric::ModelFormat::free_mps || format == numeric::ModelFormat::fixed_mps;
  if (r.has("sense") && !mps)
    throw InputError("conflicting_fields", "sense",
                     "sense cannot be given with CPLEX LP or MathProg text, which says minimize or maximize itself");
  options.maximize_mps = r.get(F.sense) == "max";
  const auto report = numeric::analyse_model_text(format, text, options, context.progress);
  for (const auto& w : report.warnings) context.warn("model_warning", w, "model");
  return report_json(report);
}

}  // namespace

Operation lp_operation() {
  return {"lp",
          "A linear or mixed-integer programme solved by GLPK as glpsol does, given as numbers or as CPLEX LP, MPS or "
          "MathProg text: status, objective, values, duals, basis statuses and sensitivity ranging.",
          "thesis ch. 6 (allocation LPs); GLPK reference manual (glp_simplex, glp_intopt, glp_analyze_bound, "
          "glp_analyze_coef)",
          fields().specs(),
          {{"status", "string",
            "\"optimal\"; \"infeasible\" (no point meets every constraint); \"unbounded\" (some do, and the "
            "objective improves without limit); \"primal_and_dual_infeasible\" (infeasible, and its dual too: no "
            "right-hand sides would give it an optimum); \"undefined\" (GLPK could not tell); for a mixed-integer "
            "programme also \"feasible\" (the time limit stopped branch and bound after an integer solution was "
            "found) or \"time_limit\" (before one was found). Without a solution no values are listed."},
           {"problem", "string", "\"lp\", or \"mip\" when some variable is integer."},
           {"sense", "string", "\"min\" or \"max\"."},
           {"name", "string", "The model's name (from the text; \"\" when it has none)."},
           {"objective_name", "string", "The objective's name (from the text; \"\" when it has none)."},
           {"objective", "number", "The objective at the solution, constant term included (only with a solution)."},
           {"x", "number[]", "The solution, one value per variable (only with a solution)."},
           {"row_activities", "number[]", "Each constraint's a x at the solution (only with a solution)."},
           {"duals", "number[]", "Row duals (shadow prices), one per constraint (optimal LP only)."},
           {"reduced_costs", "number[]", "One per variable (optimal LP only)."},
           {"variables", "object[]",
            "Per variable: name, lower, upper (null = unbounded), objective_coefficient, integer; with a solution "
            "(optimal, or feasible for a mixed-integer programme) value; for an optimal LP reduced_cost, status (\"basic\", \"at_lower\", \"at_upper\", \"free\", "
            "\"fixed\") and ranging."},
           {"constraints", "object[]",
            "Per constraint (for MathProg the objective is a free row too, as in glpsol): name, lower, upper; with "
            "a solution activity; for an optimal LP dual, status and ranging."},
           {"ranging", "object",
            "In each variable and constraint of an optimal LP (unless ranging is false): activity [low, high], "
            "objective_coefficient [low, high], objective_at_break [low, high], limiting [name, name]; null = "
            "unlimited (or no limiting variable). As glpsol --ranges: see docs/methods/lp.md."},
           {"relaxation", "object",
            "For a mixed-integer programme: {status, objective} of its LP relaxation (objective only when it is optimal)."},
           {"duals_note", "string", "For a mixed-integer programme: why there are no duals."},
           {"lp_text", "string", "The model written as CPLEX LP text by GLPK (unless lp_text is false)."},
           {"output", "string", "What a MathProg model printed (display, printf), when it printed anything."}},
          false,
          handle};
}

}  // namespace rbc::api
