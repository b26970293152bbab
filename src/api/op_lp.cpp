// The `lp` operation: a small LP through GLPK.
#include "allocation/linear_program.hpp"
#include "api/operations.hpp"
#include "api/reader.hpp"
#include "common/input_error.hpp"

namespace rbc::api {

using nlohmann::json;

namespace {

const FieldSpec& spec(const char* name) { return field_spec("lp", name); }

std::optional<double> read_limit(ObjectReader& r, const char* key) {
  if (!r.has(key)) return std::nullopt;
  const json& v = r.member(key);
  if (v.is_null()) return std::nullopt;
  return read_number(v, r.path_of(key));
}

allocation::Bound read_bound(ObjectReader& r) { return {read_limit(r, "lower"), read_limit(r, "upper")}; }

}  // namespace

json op_lp(const json& request, Warnings&) {
  ObjectReader r(request, "");
  allocation::LinearProgram lp;
  const std::string sense = r.string(spec("sense"));
  if (sense != "min" && sense != "max")
    throw InputError("invalid_field", "sense", "sense must be \"min\" or \"max\" (got \"" + sense + "\")");
  lp.maximize = sense == "max";
  lp.objective = read_number_array(r.member("objective"), "objective");
  if (r.has("constraints")) {
    const json& rows = read_array(r.member("constraints"), "constraints");
    for (std::size_t i = 0; i < rows.size(); ++i) {
      ObjectReader row(rows[i], field_index("constraints", i));
      allocation::LinearConstraint c;
      c.coefficients = read_number_array(row.member("coefficients"), row.path_of("coefficients"));
      c.bound = read_bound(row);
      row.finish();
      lp.constraints.push_back(std::move(c));
    }
  }
  if (r.has("bounds") && !r.member("bounds").is_null()) {
    const json& bounds = read_array(r.member("bounds"), "bounds");
    for (std::size_t j = 0; j < bounds.size(); ++j) {
      ObjectReader b(bounds[j], field_index("bounds", j));
      lp.bounds.push_back(read_bound(b));
      b.finish();
    }
  }
  r.finish();

  const auto sol = allocation::solve_linear_program(lp);
  json out = {{"status", allocation::to_string(sol.status)}};
  if (sol.status == allocation::LpStatus::optimal) {
    out["objective"] = sol.objective;
    out["x"] = sol.x;
    out["duals"] = sol.duals;
    out["reduced_costs"] = sol.reduced_costs;
  }
  return out;
}

}  // namespace rbc::api
