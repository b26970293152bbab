#include "api/dispatch.hpp"

#include <catch2/catch.hpp>
#include <algorithm>
#include <nlohmann/json.hpp>

using nlohmann::json;

namespace {

json call(const std::string& op, const std::string& body) { return json::parse(rbc::api::handle_request(op, body)); }

std::pair<std::string, std::string> error_of(const json& r) {
  if (!r.contains("error")) return {"", ""};
  return {r["error"]["code"], r["error"]["path"]};
}

using CP = std::pair<std::string, std::string>;

}  // namespace

TEST_CASE("handle_request: every bad input is an error naming the field, and the next call works", "[api][regression]") {
  const std::string good = R"({"system": "rhd", "frequencies": [0.168, 0.832]})";
  const std::vector<std::tuple<std::string, std::string, CP>> bad = {
      {"stationary", "{not json", {"malformed_json", ""}},
      {"stationary", R"({"system": "rhd", "frequencies": [0.168, 1e400]})", {"malformed_json", ""}},
      {"stationary", "[1, 2]", {"invalid_field", "the request"}},
      {"nosuchop", "{}", {"unknown_operation", ""}},
      {"stationary", R"({"system": "rhd", "frequencies": [0.168, -0.832]})", {"invalid_field", "frequencies[1]"}},
      {"stationary", R"({"system": "rhd", "frequencies": [0.168, null]})", {"invalid_field", "frequencies[1]"}},
      {"stationary", R"({"system": "rhd", "frequencies": [0.168]})", {"wrong_length", "frequencies"}},
      {"stationary", R"({"system": "rhd", "frequencies": [0.1, 0.5]})", {"sum_not_one", "frequencies"}},
      {"stationary", R"({"system": "rhesus", "frequencies": [0.5, 0.5]})", {"unknown_system", "system"}},
      {"stationary", R"({"system": "rhd", "population": "nowhere"})", {"unknown_population", "population"}},
      {"stationary", R"({"system": "rhd", "population": "abo/thesis-table-4.4"})", {"invalid_field", "population"}},
      {"stationary", R"({"system": "rhd"})", {"missing_field", "frequencies"}},
      {"stationary", R"({"system": "rhd", "frequencies": [0.168, 0.832], "tolerence": 1e-6})", {"unknown_field", "tolerence"}},
      {"stationary", R"({"system": "rhd", "frequencies": [0.168, 0.832], "tolerance": 0})", {"invalid_field", "tolerance"}},
      {"stationary", R"({"system": "rhd", "frequencies": [0.168, 0.832], "max_iterations": 2.5})", {"invalid_field", "max_iterations"}},
      {"stationary", R"({"system": "rhd", "frequencies": [0.168, 0.832], "api_version": 2})", {"unsupported_version", "api_version"}},
      {"stationary", R"({"system": "rhd", "frequencies": {"D": 0.832, "Dd": 0.168}})", {"unknown_phenotype", "frequencies.Dd"}},
      {"stationary",
       R"({"system": {"name": "X", "antigens": ["A"], "loci": [{"name": "L", "alleles": [{"name": "a", "antigens": []}, {"name": "a", "antigens": ["A"]}]}]}, "frequencies": [0.5, 0.5]})",
       {"duplicate_name", "system.loci[0].alleles[1].name"}},
      {"stationary",
       R"({"system": {"name": "X", "antigens": ["A"], "loci": [{"name": "L", "alleles": [{"name": "a", "antigens": ["B"]}]}]}, "frequencies": [1]})",
       {"unknown_antigen", "system.loci[0].alleles[0].antigens[0]"}},
      {"lp", R"({"objective": [1, 2], "constraints": [{"coefficients": [1], "upper": 3}]})",
       {"wrong_length", "constraints[0].coefficients"}},
      {"lp", R"({"sense": "maximise", "objective": [1]})", {"invalid_field", "sense"}},
      {"relatives", R"({"donor": []})", {"invalid_field", "donor"}},
      {"relatives", R"({"donor": [{"system": "abo", "phenotype": "0"}]})", {"unknown_phenotype", "donor[0].phenotype"}},
      {"relatives", R"({"donor": [{"system": "rh", "phenotype": "DCce"}, {"system": "rhd", "phenotype": "D"}]})",
       {"duplicate_name", "donor[1].system"}},
      {"relatives", R"({"donor": [{"system": "abo", "phenotype": "O", "populaton": "x"}]})", {"unknown_field", "donor[0].populaton"}},
      {"relatives", R"({"donor": [{"system": "abo", "phenotype": "O"}], "relations": ["cousin"]})", {"invalid_field", "relations[0]"}},
      {"relatives",
       R"({"donor": [{"system": {"name": "X", "antigens": ["X"], "loci": [{"name": "L", "alleles": [{"name": "x", "antigens": ["X"]}, {"name": "o", "antigens": []}]}]}, "phenotype": "X"}]})",
       {"missing_field", "donor[0].population"}},
      {"relatives", R"J({"donor": [{"system": "duffy", "phenotype": "Fy(a-b-)", "frequencies": [0.5, 0.2, 0.2, 0.2]}]})J",
       {"sum_not_one", "donor[0].frequencies"}},
      {"pregnancy", R"({"systems": [{"system": "rhd", "mother": "x"}]})", {"unknown_phenotype", "systems[0].mother"}},
      {"pregnancy", R"({"systems": [{"system": "rhd", "father": "D"}]})", {"missing_field", "systems[0].mother"}},
      {"pregnancy", R"({"systems": [{"system": "rhd", "mother": "d"}, {"system": "rh", "mother": "ce"}]})",
       {"duplicate_name", "systems[1].system"}},
      {"pregnancy", R"({"systems": [{"system": "rhd", "mother": "d", "population": "kell/thesis-table-4.4"}]})",
       {"invalid_field", "systems[0].population"}},
      {"family", R"({"people": [{"id": "a"}, {"id": "a"}], "systems": [{"system": "abo"}]})", {"duplicate_name", "people[1].id"}},
      {"family", R"({"people": [{"id": "a", "mother": "b"}], "systems": [{"system": "abo"}]})", {"unknown_person", "people[0].mother"}},
      {"family", R"({"people": [{"id": "a", "mother": "b"}, {"id": "b", "father": "a"}], "systems": [{"system": "abo"}]})",
       {"invalid_field", "people[0]"}},
      {"family", R"({"people": [{"id": "a"}], "systems": [{"system": "abo", "observed": {"z": "O"}}]})",
       {"unknown_person", "systems[0].observed.z"}},
      {"family", R"({"people": [{"id": "a"}], "systems": [{"system": "abo", "genotypes": {"a": "A/Q"}}]})",
       {"unknown_genotype", "systems[0].genotypes.a"}},
      {"family",
       R"({"people": [{"id": "m"}, {"id": "f"}, {"id": "c", "father": "f", "mother": "m"}], "systems": [{"system": "abo", "observed": {"m": "O", "f": "O", "c": "AB"}}]})",
       {"inconsistent", "systems[0].observed"}},
  };
  for (const auto& [op, body, expected] : bad) {
    INFO(op << " " << body);
    CHECK(error_of(call(op, body)) == expected);
    const auto ok = call("stationary", good);
    REQUIRE(ok.contains("result"));
    CHECK(ok["result"]["least_squares"]["x"][0].get<double>() == Approx(0.168).margin(1e-6));
  }
}

TEST_CASE("handle_request: `system` expands a built-in system as `systems` lists it, and names a bad definition's field",
          "[api][regression]") {
  const json catalogue = call("systems", "{}")["result"]["systems"];
  for (const auto& builtin : catalogue) {
    const json one = call("system", json{{"system", builtin["id"]}}.dump());
    REQUIRE(one.contains("result"));
    CHECK(one["result"]["system"] == builtin);
    CHECK(one["result"]["genotypes"].size() == builtin["genotype_count"].get<std::size_t>());
  }
  CHECK(error_of(call("system", "{}")) == CP{"missing_field", "system"});
  CHECK(error_of(call("system", R"({"system": "rhesus"})")) == CP{"unknown_system", "system"});
  CHECK(error_of(call("system", R"({"system": {"name": "X", "antigens": ["A"], "loci": []}})")).second.rfind("system", 0) ==
        0);
  CHECK(error_of(call("system",
                      R"({"system": {"name": "X", "antigens": ["A"], "loci": [{"name": "L", "alleles": [{"name": "a", "antigens": ["B"]}]}]}})")) ==
        CP{"unknown_antigen", "system.loci[0].alleles[0].antigens[0]"});
}

TEST_CASE("handle_request: a user-defined system too large is refused with the limit named", "[api][regression]") {
  json loci = json::array();
  for (int l = 0; l < 2; ++l) {
    json alleles = json::array();
    for (int a = 0; a < 6; ++a) alleles.push_back({{"name", "a" + std::to_string(a)}, {"antigens", json::array()}});
    loci.push_back({{"name", "L" + std::to_string(l)}, {"alleles", alleles}});
  }
  const json request = {{"system", {{"name", "Big"}, {"antigens", {"X"}}, {"loci", loci}}}, {"frequencies", {1.0}}};
  const auto r = call("stationary", request.dump());
  CHECK(error_of(r) == CP{"limit_exceeded", "system.loci"});
  CHECK(r["error"]["message"].get<std::string>().find("limit is 24") != std::string::npos);
}

TEST_CASE("handle_request: frequencies as {label: f} equal the array form, and renormalising warns", "[api][property]") {
  const auto a = call("stationary", R"({"system": "abo", "frequencies": [0.44, 0.43, 0.09, 0.04]})");
  const auto b = call("stationary", R"({"system": "abo", "frequencies": {"AB": 0.04, "O": 0.44, "A": 0.43, "B": 0.09}})");
  CHECK(a["result"]["least_squares"]["x"] == b["result"]["least_squares"]["x"]);
  CHECK(a["warnings"].empty());
  const auto k = call("stationary", R"({"system": "kidd", "population": "kidd/thesis-table-4.4"})");
  std::vector<std::string> codes;
  for (const auto& w : k["warnings"]) codes.push_back(w["code"]);
  CHECK(std::find(codes.begin(), codes.end(), "renormalised") != codes.end());
  // Jk(a-b-) is 'rare' (0) in Table 4.4, and matters clinically: flagged.
  CHECK(std::find(codes.begin(), codes.end(), "zero_frequency") != codes.end());
  CHECK(k["result"]["input"]["renormalised"] == true);
}

TEST_CASE("handle_request: describe declares every field the operations read", "[api][property]") {
  const auto d = call("describe", "{}");
  const auto& fields = d["result"]["operations"]["stationary"]["fields"];
  std::vector<std::string> names;
  for (const auto& f : fields) names.push_back(f["name"]);
  for (const auto* n : {"system", "population", "frequencies", "sum_tolerance", "tolerance", "max_iterations",
                        "constraint", "multistart", "check_uniqueness"})
    CHECK(std::find(names.begin(), names.end(), n) != names.end());
  const auto v = call("version", "{}");
  CHECK(v["result"]["glpk"].get<std::string>().rfind("5.", 0) == 0);
}

TEST_CASE("handle_request: the comparison notes say why the methods differ, from the numbers", "[api][regression]") {
  // ABO of Table 3.1 is not Hardy-Weinberg: the least-squares fixed point sums to 0.9988.
  const auto abo = call("stationary", R"({"system": "abo", "frequencies": [0.44, 0.43, 0.09, 0.04], "constraint": "none"})");
  const auto& note = abo["result"]["comparison"]["notes"][0];
  // As printed, the answer is not a distribution, and the warning says how far it is from one.
  CHECK(abo["warnings"][0]["code"] == "not_a_distribution");
  CHECK(abo["warnings"][0]["message"].get<std::string>().find("0.998823") != std::string::npos);
  CHECK(note["code"] == "not_hardy_weinberg");
  const std::string text = note["message"];
  CHECK(text.find("more closely") != std::string::npos);
  CHECK(text.find("add up to 0.998823") != std::string::npos);
  // RhD (two phenotypes, one allele frequency) always fits exactly: the methods agree.
  const auto rhd = call("stationary", R"({"system": "rhd", "frequencies": [0.3, 0.7]})");
  CHECK(rhd["result"]["comparison"]["notes"][0]["code"] == "methods_agree");
}

TEST_CASE("handle_request: api_version 1 is accepted by every operation", "[api][regression]") {
  CHECK(call("version", R"({"api_version": 1})").contains("result"));
  CHECK(call("describe", R"({"api_version": 1})").contains("result"));
  CHECK(call("systems", R"({"api_version": 1})").contains("result"));
  CHECK(call("stationary", R"({"api_version": 1, "system": "rhd", "frequencies": [0.168, 0.832]})").contains("result"));
  CHECK(call("lp", R"({"api_version": 1, "objective": [1]})").contains("result"));
}

TEST_CASE("handle_request: a family whose exact computation would need too large a table is refused first",
          "[api][regression]") {
  // Two loci of 6 and 4 alleles: 24 haplotypes, 300 genotypes. A child and both parents would
  // make a 300^3 table, over the limit of 1e7 entries.
  json loci = json::array();
  json antigens = json::array();
  for (const auto& [locus, n] : {std::pair{"X", 6}, std::pair{"Y", 4}}) {
    json alleles = json::array();
    for (int a = 0; a < n; ++a) {
      const std::string name = std::string(locus) + std::to_string(a);
      antigens.push_back(name);
      alleles.push_back({{"name", name}, {"antigens", {name}}});
    }
    loci.push_back({{"name", locus}, {"alleles", alleles}});
  }
  const json system = {{"name", "Big"}, {"antigens", antigens}, {"loci", loci}};
  const auto expanded = call("system", json{{"system", system}}.dump());
  REQUIRE(expanded["result"]["system"]["genotype_count"] == 300);
  const auto phenotypes = expanded["result"]["system"]["phenotypes"].size();
  const json frequencies(std::vector<double>(phenotypes, 1.0 / static_cast<double>(phenotypes)));
  const json request = {{"people", {{{"id", "m"}}, {{"id", "f"}}, {{"id", "c"}, {"father", "f"}, {"mother", "m"}}}},
                        {"systems", {{{"system", system}, {"frequencies", frequencies}}}}};
  const auto r = call("family", request.dump());
  CHECK(error_of(r) == CP{"limit_exceeded", "systems[0].system"});
  CHECK(r["error"]["message"].get<std::string>().find("the limit is 10000000") != std::string::npos);
}

TEST_CASE("handle_request: a built-in table summing to 0.984 is renormalised even at sum_tolerance 0",
          "[api][regression]") {
  // The AABB Black Rh column ('rare' rows 0) adds up to 0.984: as printed, not a typo.
  for (const auto& [op, body] :
       {CP{"stationary", R"({"system": "rh", "population": "rh/african-aabb-2008", "sum_tolerance": 0})"},
        CP{"relatives", R"({"donor": [{"system": "rh", "phenotype": "DCce", "population": "rh/african-aabb-2008"}],
                            "sum_tolerance": 0})"},
        CP{"frequencies", R"({"antigens": ["D", "C"], "populations": {"rh": "rh/african-aabb-2008"}})"}}) {
    INFO(op);
    const json r = call(op, body);
    REQUIRE(r.contains("result"));
    bool renormalised = false;
    for (const auto& w : r["warnings"]) renormalised |= w["code"] == "renormalised";
    CHECK(renormalised);
  }
  // The user's own numbers that far from 1 are refused at the default tolerance.
  CHECK(call("stationary", R"({"system": "rhd", "frequencies": [0.168, 0.816]})")["error"]["code"] == "sum_not_one");
}
