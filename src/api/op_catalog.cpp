// The operations that describe rbcmatch itself: version, describe, systems.
#include <Eigen/Core>

#include "numeric/linear_program.hpp"
#include "api/operations.hpp"
#include "api/reader.hpp"
#include "api/system_json.hpp"
#include "bloodgroup/builtin_systems.hpp"
#include "frequency/populations.hpp"

#ifndef RBCMATCH_VERSION
#define RBCMATCH_VERSION "unknown"
#endif

namespace rbc::api {

using nlohmann::json;

namespace {

std::string compiler() {
#if defined(__EMSCRIPTEN__)
  return "emscripten " + std::to_string(__EMSCRIPTEN_major__) + "." + std::to_string(__EMSCRIPTEN_minor__) + "." +
         std::to_string(__EMSCRIPTEN_tiny__) + " (clang " __clang_version__ ")";
#elif defined(__clang__)
  return "clang " __clang_version__;
#elif defined(__GNUC__)
  return "g++ " __VERSION__;
#else
  return "unknown";
#endif
}

json version(ObjectReader&, Context&) {
  return {{"rbcmatch", RBCMATCH_VERSION},
          {"api_version", api_version},
          {"glpk", numeric::glpk_version()},
          {"eigen", std::to_string(EIGEN_WORLD_VERSION) + "." + std::to_string(EIGEN_MAJOR_VERSION) + "." +
                        std::to_string(EIGEN_MINOR_VERSION)},
          {"compiler", compiler()}};
}

json describe(ObjectReader&, Context&) { return describe_operations(); }

json systems(ObjectReader&, Context&) {
  json systems = json::array();
  for (const auto& d : bloodgroup::builtin_system_definitions()) systems.push_back(system_to_json(bloodgroup::builtin_system(d.id)));
  json populations = json::array();
  for (const auto& t : frequency::builtin_populations()) {
    const auto& s = bloodgroup::builtin_system(t.system);
    const Eigen::VectorXd f = frequency::frequencies_for(s, t);
    populations.push_back({{"id", t.id},
                           {"system", t.system},
                           {"name", t.name},
                           {"source", t.source},
                           {"notes", t.notes},
                           {"frequencies", std::vector<double>(f.data(), f.data() + f.size())}});
  }
  return {{"systems", systems}, {"populations", populations}};
}

}  // namespace

// These operations take no fields: anything given is refused by the dispatcher.
Operation version_operation() {
  return {"version",
          "Versions of rbcmatch, the request API, GLPK, Eigen and the compiler.",
          "",
          {},
          {{"rbcmatch", "string", "rbcmatch's version."},
           {"api_version", "integer", "The request API's version."},
           {"glpk", "string", "GLPK's version."},
           {"eigen", "string", "Eigen's version."},
           {"compiler", "string", "The compiler that built this module or program."}},
          false,
          version};
}

Operation describe_operation() {
  return {"describe",
          "Every operation with its fields (type, default, limits, meaning, source) and result members.",
          "",
          {},
          {{"api_version", "integer", "The request API's version."},
           {"operations", "object",
            "{name: {summary, source, fields [{name, type, description, required, source?, default?, min?, max?, "
            "choices?}], result [{name, type, description}], long_running}}."}},
          false,
          describe};
}

Operation systems_operation() {
  return {"systems",
          "The built-in blood-group systems and population tables, with their sources.",
          "thesis sec. 3.3.1, Tables 3.1, 3.4, 4.4; sec. 3.5.2",
          {},
          {{"systems", "object[]", "Per system: id, name, antigens, loci, haplotypes, phenotypes, genotype_count, source."},
           {"populations", "object[]",
            "Per table: id, system, name, source, notes, frequencies (in the system's phenotype order)."}},
          false,
          systems};
}

}  // namespace rbc::api
