#include "api/schema.hpp"

#include <stdexcept>

#include "allocation/linear_program.hpp"
#include "bloodgroup/system.hpp"
#include "frequency/populations.hpp"
#include "genetics/stationary.hpp"

namespace rbc::api {
namespace {

using nlohmann::json;

FieldSpec api_version_field() {
  return {"api_version", "integer", "Request schema version; optional, must be 1 when given.", "", json(), 1, 1};
}

std::vector<OperationSpec> build_specs() {
  const std::string system_desc =
      "A built-in system id (abo, rhd, rh, kell, duffy, kidd, mns) or a system definition "
      "{name, antigens: [names], loci: [{name, alleles: [{name, antigens: [names]}]}], "
      "empty_phenotype_label?}. At most " +
      std::to_string(bloodgroup::max_antigens) + " antigens, " + std::to_string(bloodgroup::max_loci) +
      " loci, " + std::to_string(bloodgroup::max_alleles_per_locus) + " alleles per locus and " +
      std::to_string(bloodgroup::max_haplotypes) + " haplotypes.";
  return {
      {"version", "Versions of rbcmatch, the request API, GLPK, Eigen and the compiler.", "", {api_version_field()}},
      {"describe", "Every operation with its fields: type, default, limits, meaning and source.", "",
       {api_version_field()}},
      {"systems", "The built-in blood-group systems and population tables, with their sources.",
       "thesis sec. 3.3.1, Tables 3.1, 3.4, 4.4; sec. 3.5.2",
       {api_version_field()}},
      {"stationary",
       "Stationary genotype distribution from phenotype frequencies by iterated least squares, "
       "beside maximum-likelihood gene counting under Hardy-Weinberg equilibrium.",
       "thesis sec. 3.3.3-3.3.6, eq. 3.9-3.26",
       {
           api_version_field(),
           {"system", "string | object", system_desc, "thesis sec. 3.3.1", json(), {}, {}, true},
           {"population", "string",
            "Id of a built-in population table for the system (see `systems`). Give either "
            "population or frequencies.",
            "thesis Tables 3.1, 3.4, 4.4; sec. 3.5.2", json()},
           {"frequencies", "number[] | object",
            "Phenotype frequencies f: an array in the system's phenotype order, or an object "
            "{phenotype label: frequency} (labels not given are 0). Each in [0, 1]; 0 is valid.",
            "thesis eq. 3.3, 3.14", json()},
           {"sum_tolerance", "number",
            "How far the frequencies may sum from 1; within it they are renormalised (with a warning), "
            "beyond it the request is refused.",
            "", frequency::default_sum_tolerance, 0, frequency::max_sum_tolerance},
           {"tolerance", "number", "Stop when the L1 change of x between iterations is below this.",
            "thesis sec. 3.3.5", genetics::default_stationary_tolerance, 1e-14, 0.1},
           {"max_iterations", "integer", "Most iterations of eq. 3.25 per start.", "thesis sec. 3.3.5",
            genetics::default_max_iterations, 1, 100000},
           {"nonnegative", "boolean",
            "Solve each least-squares step over x >= 0 (Lawson-Hanson), so every genotype frequency is a "
            "probability. false iterates eq. 3.24 exactly as printed, which can give small negative "
            "frequencies (Table 3.4 omits one).",
            "thesis eq. 3.18-3.25", true},
           {"multistart", "boolean",
            "Also start from every unit vector and report whether all starts reach the same distribution "
            "(at most " +
                std::to_string(genetics::max_multistart_genotypes) + " genotypes).",
            "thesis sec. 3.3.6", false},
       }},
      {"lp",
       "A small linear programme solved by GLPK's simplex method: status, objective, x, row duals and "
       "reduced costs.",
       "thesis ch. 6 (allocation LPs)",
       {
           api_version_field(),
           {"sense", "string", "\"min\" or \"max\".", "", "min"},
           {"objective", "number[]",
            "Objective coefficients c, one per variable (at most " +
                std::to_string(allocation::max_lp_variables) + ").",
            "", json(), {}, {}, true},
           {"constraints", "object[]",
            "Rows {coefficients: number[] (one per variable), lower: number|null, upper: number|null}; null "
            "means unbounded on that side.",
            "", json::array()},
           {"bounds", "object[]",
            "Per-variable {lower, upper} (null = unbounded); omitted: every variable >= 0.", "", json()},
       }},
  };
}

}  // namespace

const std::vector<OperationSpec>& operation_specs() {
  static const std::vector<OperationSpec> specs = build_specs();
  return specs;
}

const FieldSpec& field_spec(const std::string& op, const std::string& field) {
  for (const auto& o : operation_specs())
    if (o.name == op)
      for (const auto& f : o.fields)
        if (f.name == field) return f;
  throw std::logic_error("undeclared request field " + op + "." + field);
}

nlohmann::json describe_operations() {
  json ops = json::object();
  for (const auto& o : operation_specs()) {
    json fields = json::array();
    for (const auto& f : o.fields) {
      json jf = {{"name", f.name}, {"type", f.type}, {"description", f.description}, {"required", f.required}};
      if (!f.source.empty()) jf["source"] = f.source;
      if (!f.default_value.is_null()) jf["default"] = f.default_value;
      if (f.min) jf["min"] = *f.min;
      if (f.max) jf["max"] = *f.max;
      fields.push_back(jf);
    }
    ops[o.name] = {{"summary", o.summary}, {"source", o.source}, {"fields", fields}};
  }
  return {{"api_version", api_version}, {"operations", ops}};
}

}  // namespace rbc::api
