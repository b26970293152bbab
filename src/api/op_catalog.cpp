// The operations that describe rbcmatch itself: version, describe, systems.
#include <Eigen/Core>

#include "allocation/linear_program.hpp"
#include "api/operations.hpp"
#include "api/reader.hpp"
#include "api/schema.hpp"
#include "api/system_json.hpp"
#include "bloodgroup/builtin_systems.hpp"
#include "frequency/populations.hpp"

#ifndef RBCMATCH_VERSION
#define RBCMATCH_VERSION "unknown"
#endif

namespace rbc::api {

using nlohmann::json;

namespace {

// These operations take no fields: anything given is refused.
void read_empty(const json& request) { ObjectReader(request, "").finish(); }

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

}  // namespace

json warning(const std::string& code, const std::string& message, const std::string& path) {
  return {{"code", code}, {"message", message}, {"path", path}};
}

json op_version(const json& request, Warnings&) {
  read_empty(request);
  return {{"rbcmatch", RBCMATCH_VERSION},
          {"api_version", api_version},
          {"glpk", allocation::glpk_version()},
          {"eigen", std::to_string(EIGEN_WORLD_VERSION) + "." + std::to_string(EIGEN_MAJOR_VERSION) + "." +
                        std::to_string(EIGEN_MINOR_VERSION)},
          {"compiler", compiler()}};
}

json op_describe(const json& request, Warnings&) {
  read_empty(request);
  return describe_operations();
}

json op_systems(const json& request, Warnings&) {
  read_empty(request);
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

}  // namespace rbc::api
