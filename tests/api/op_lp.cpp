// The `lp` operation against glpsol itself: every case of tests/reference/glpsol/ (GLPK's
// example models that glpsol solves within a second, and four status models), made by
// tests/reference/glpsol/make.py from glpsol's own reports, with the commands that made
// them. glpsol is not needed here.
#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "api/dispatch.hpp"

using nlohmann::json;

namespace {

const std::filesystem::path reference_dir = RBCMATCH_REFERENCE_DIR;

std::string file_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string number_text(const json& x) { return x.is_null() ? "unlimited" : x.dump(); }

// What glpsol's printed digits allow. glp_write_sol prints 15 significant digits;
// glp_print_ranges prints 5 decimals up to 999999.99998 and 6 significant digits beyond
// (api/prrngs.c), and an unlimited end as +-Inf (null here). The 1e-9 on top is room for
// the rounding of the same computation compiled for another target (wasm).
double written_tolerance(double x) { return 1e-9 * std::max(1.0, std::abs(x)); }
double printed_tolerance(double x) {
  const double a = std::abs(x);
  const double half_unit = a <= 999999.99998 ? 5e-6 : 0.5 * std::pow(10.0, std::floor(std::log10(a)) - 5);
  return half_unit + written_tolerance(x);
}

// Collects the differences of one case, each with the row or column it is about.
struct Comparison {
  std::vector<std::string> differences;
  int values = 0;

  void number(const std::string& what, const json& computed, const json& expected, double (*tolerance)(double)) {
    ++values;
    if (expected.is_null() || computed.is_null()) {
      if (expected.is_null() != computed.is_null())
        differences.push_back(what + ": " + number_text(computed) + ", glpsol " + number_text(expected));
      return;
    }
    const double e = expected.get<double>(), c = computed.get<double>();
    if (!(std::abs(c - e) <= tolerance(e))) differences.push_back(what + ": " + computed.dump() + ", glpsol " + expected.dump());
  }
  void same(const std::string& what, const json& computed, const json& expected) {
    ++values;
    if (computed != expected) differences.push_back(what + ": " + computed.dump() + ", glpsol " + expected.dump());
  }
};

json lp_request(const json& ref) {
  json request = {{"format", ref.at("format")}, {"model", file_text(reference_dir / ref.at("model").get<std::string>())}};
  if (!ref.at("sense").is_null()) request["sense"] = ref.at("sense");
  return request;
}

// One row or column against glpsol's: its name, then what `fields` lists.
void compare_entry(Comparison& cmp, const std::string& what, const json& computed, const json& expected,
                   const json& fields, bool column) {
  for (std::size_t f = 0; f < fields.size(); ++f) {
    const std::string field = fields[f];
    const json& want = expected[f];
    if (field == "name") cmp.same(what + " name", computed.at("name"), want);
    else if (field == "status") cmp.same(what + " basis status", computed.value("status", json()), want);
    else if (field == "value")
      cmp.number(what + " value", computed.value(column ? "value" : "activity", json()), want, written_tolerance);
    else if (field == "dual")
      cmp.number(what + (column ? " reduced cost" : " dual"), computed.value(column ? "reduced_cost" : "dual", json()),
                 want, written_tolerance);
    else {  // a ranging pair
      const json& got = computed.contains("ranging") ? computed["ranging"].at(field) : json::array({json(), json()});
      for (int end = 0; end < 2; ++end) {
        const std::string at = what + " " + field + (end == 0 ? " low" : " high");
        if (field == "limiting") cmp.same(at, got[end], want[end]);
        else cmp.number(at, got[end], want[end], printed_tolerance);
      }
    }
  }
}

}  // namespace

TEST_CASE("lp: glpsol's status, objective, values, duals, basis statuses and ranging on GLPK's examples",
          "[api][validation]") {
  int cases = 0, values = 0;
  for (const auto& entry : std::filesystem::directory_iterator(reference_dir / "glpsol")) {
    if (entry.path().extension() != ".json") continue;
    const json ref = json::parse(file_text(entry.path()));
    const std::string name = ref.at("case");
    INFO(name << ": " << ref.at("commands")[0].get<std::string>() << " (" << ref.at("glpsol").get<std::string>() << ")");
    const json response = json::parse(rbc::api::handle_request("lp", lp_request(ref).dump()));
    if (!response.contains("result")) {
      FAIL_CHECK(response.dump());
      continue;
    }
    const json& result = response["result"];
    Comparison cmp;
    cmp.same("status", result.at("status"), ref.at("status"));
    cmp.same("problem", result.at("problem"), ref.at("problem"));
    if (ref.contains("objective")) cmp.number("objective", result.value("objective", json()), ref["objective"], written_tolerance);
    else cmp.same("objective given", result.contains("objective"), false);
    const json& fields = ref.at("fields");
    for (const auto& [key, list, column] : {std::tuple{"constraints", "rows", false}, std::tuple{"variables", "columns", true}}) {
      const json& got = result.at(key);
      const json& want = ref.at(list);
      cmp.same(std::string(key) + " count", got.size(), want.size());
      for (std::size_t k = 0; k < std::min(got.size(), want.size()); ++k)
        compare_entry(cmp, want[k][0].get<std::string>(), got[k], want[k], fields, column);
    }
    std::ostringstream first;
    for (std::size_t d = 0; d < std::min<std::size_t>(cmp.differences.size(), 20); ++d) first << cmp.differences[d] << "\n";
    INFO(cmp.differences.size() << " of " << cmp.values << " differ; the first:\n" << first.str());
    CHECK(cmp.differences.empty());
    ++cases, values += cmp.values;
  }
  CHECK(cases >= 60);
  CHECK(values >= 100000);
}

TEST_CASE("lp: no values for a model without a solution, and glpsol's word for why", "[api][regression]") {
  // Each status model of tests/reference/glpsol/ says why it has no solution. Before, the
  // presolver's return code decided: "status-both-dual-first", which no point satisfies, was
  // "unbounded"; "status-both" was "infeasible"; and every variable had the value 0.
  for (const char* name :
       {"status-infeasible", "status-unbounded", "status-both", "status-both-dual-first", "murtagh-mps-min"}) {
    const json ref = json::parse(file_text(reference_dir / "glpsol" / (std::string(name) + ".json")));
    INFO(name << ": " << ref.at("commands").dump());
    const json result = json::parse(rbc::api::handle_request("lp", lp_request(ref).dump())).at("result");
    CHECK(result.at("status") == ref.at("status"));
    CHECK_FALSE(result.contains("objective"));
    CHECK_FALSE(result.contains("x"));
    for (const json& v : result.at("variables")) CHECK_FALSE(v.contains("value"));
    for (const json& c : result.at("constraints")) CHECK_FALSE(c.contains("activity"));
  }
}
