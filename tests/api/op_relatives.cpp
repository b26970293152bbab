// The `relatives` operation through the request API: a donor phenotype the table gives
// frequency 0 under each model (eq. 3.28, sec. 3.5.2), and the random person every relation
// is compared with (eq. 3.27).
#include <catch2/catch.hpp>
#include <cmath>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "api/dispatch.hpp"
#include "bloodgroup/builtin_systems.hpp"
#include "frequency/populations.hpp"
#include "numeric/random.hpp"

using nlohmann::json;

namespace {

json call(const json& request) {
  const json r = json::parse(rbc::api::handle_request("relatives", request.dump()));
  INFO(r.dump().substr(0, 600));
  REQUIRE(r.contains("result"));
  return r;
}

const json* warning(const json& response, const std::string& code) {
  for (const auto& w : response["warnings"])
    if (w["code"] == code) return &w;
  return nullptr;
}

json donor(const std::string& system, const std::string& phenotype, const std::string& population = "") {
  json d = {{"system", system}, {"phenotype", phenotype}};
  if (!population.empty()) d["population"] = population;
  return d;
}

const std::vector<std::string> models = {"least_squares", "as_printed", "gene_counting"};

// Every relation against the random person of the same response: effectiveness and ratio
// are the difference and the quotient, and the unrelated person is exactly that person.
void check_against_random_person(const json& result) {
  const json& random = result["random"];
  const json* unrelated = nullptr;
  for (const auto& r : result["relations"])
    if (r["id"] == "unrelated") unrelated = &r;
  REQUIRE(unrelated);
  if ((*unrelated)["probability"].is_null()) {
    // Not defined (0/0): nothing is compared, and no random person is given.
    CHECK(random.is_null());
    for (const auto& r : result["relations"]) CHECK(r["effectiveness"].is_null());
    return;
  }
  const double p0 = (*unrelated)["probability"];
  CHECK((*unrelated)["effectiveness"].get<double>() == 0.0);
  if (p0 > 0) {
    REQUIRE(random.is_object());
    CHECK(random["probability"].get<double>() == p0);
    CHECK((*unrelated)["ratio"].get<double>() == 1.0);
  } else {
    CHECK(random.is_null());
    CHECK((*unrelated)["ratio"].is_null());
  }
  for (const auto& r : result["relations"]) {
    INFO(r["id"]);
    if (r["probability"].is_null()) continue;
    const double p = r["probability"];
    CHECK(r["effectiveness"].get<double>() == p - p0);
    if (p0 > 0) CHECK(r["ratio"].get<double>() == p / p0);
  }
}

}  // namespace

TEST_CASE("relatives: as_printed with a donor phenotype of frequency 0 answers null with `undefined` (eq. 3.28 "
          "divides by f_phi)",
          "[relatives][regression]") {
  // Kell K+k- in Table 4.4 (0; K-k+ 0.91, K+k+ 0.09) gave 0.267 for siblings and Caucasian
  // Fy(a-b-) 0.2496, each divided silently by the row's own total instead of f_phi = 0.
  struct Case {
    json donor;
    bool least_squares_defined;
  };
  for (const auto& c : {Case{donor("kell", "K+k-"), true},
                        Case{donor("duffy", "Fy(a-b-)", "duffy/caucasian-sec-3.5.2"), false}}) {
    INFO(c.donor.dump());
    const json r = call({{"model", "as_printed"}, {"donor", {c.donor}}});
    for (const auto& rel : r["result"]["relations"]) {
      INFO(rel["id"]);
      CHECK(rel["probability"].is_null());
      CHECK(rel["effectiveness"].is_null());
      CHECK(rel["tests"].is_null());
      for (const auto& p : rel["systems"][0]["distribution"]) CHECK(p.is_null());
    }
    CHECK(r["result"]["random"].is_null());
    const json* w = warning(r, "undefined");
    REQUIRE(w);
    const std::string message = (*w)["message"];
    CHECK_THAT(message, Catch::Contains("the table gives " + c.donor["phenotype"].get<std::string>() + " frequency 0"));
    CHECK_THAT(message, Catch::Contains("gene counting gives the limit"));
    // Which model answers instead: least squares when its x gives the phenotype weight.
    const json ls = call({{"donor", {c.donor}}});
    const double fitted = ls["result"]["donor"]["systems"][0]["model_frequency"];
    CHECK((fitted > 0) == c.least_squares_defined);
    CHECK_THAT(message, Catch::Contains(c.least_squares_defined ? "Least squares gives " : "Least squares gives it frequency 0 too"));
  }
}

TEST_CASE("relatives: a phenotype the table gives 0 but least squares does not is computed at the fitted frequency, "
          "and the response says why",
          "[relatives][regression]") {
  // Kell K+k-: 0 in Table 4.4, but K+k+ at 0.09 makes K/K under random mating, so the
  // least-squares x gives it weight; the answer is defined there, and the page says why.
  const json r = call({{"donor", {donor("kell", "K+k-")}}, {"relations", {"sibling", "unrelated"}}});
  const double fitted = r["result"]["donor"]["systems"][0]["model_frequency"];
  CHECK(r["result"]["donor"]["frequency"] == 0.0);
  CHECK(fitted > 0);
  CHECK(r["result"]["relations"][0]["probability"].get<double>() > fitted);
  const json* w = warning(r, "fitted_frequency");
  REQUIRE(w);
  CHECK((*w)["path"] == "donor[0].phenotype");
  CHECK_THAT((*w)["message"].get<std::string>(), Catch::Contains("The table gives K+k- frequency 0"));
  check_against_random_person(r["result"]);
}

TEST_CASE("relatives: an unrelated person is a random person of the same model: effectiveness 0, ratio 1, and every "
          "relation compared with it; every built-in table and model",
          "[relatives][property]") {
  // Under the defaults (O RhD-negative) the random person was the table's f while the
  // relatives came from the model's S'x: "Unrelated person" showed -2.35e-6 and 0.99997.
  for (const auto& model : models)
    for (const auto& table : rbc::frequency::builtin_populations()) {
      const auto& system = rbc::bloodgroup::builtin_system(table.system);
      for (const auto& phenotype : system.phenotypes()) {
        INFO(model << " " << table.id << " " << phenotype.label);
        const json r = call({{"model", model},
                             {"donor", {donor(table.system, phenotype.label, table.id)}},
                             {"relations", {"sibling", "parent", "first_cousin", "unrelated"}}});
        const json& result = r["result"];
        check_against_random_person(result);
        const json& s = result["donor"]["systems"][0];
        if (result["random"].is_null() || s["limit"].get<bool>()) continue;
        // The random person is the model's frequency of phi: S'x (x sums to 1), or with
        // as_printed eq. 3.28's (S'x)^2 / f_phi.
        const double m = s["model_frequency"], f = s["frequency"];
        const double expected = model == "as_printed" ? m * m / f : m;
        CHECK(result["random"]["probability"].get<double>() == Approx(expected).epsilon(1e-9));
      }
    }
}

TEST_CASE("relatives: the random person of random tables over three systems, every model", "[relatives][property]") {
  // Seeded random frequencies (some 0) for ABO, Kell and Duffy, the donor's phenotype any.
  rbc::numeric::Rng rng(20261207);
  const std::vector<std::string> systems = {"abo", "kell", "duffy"};
  for (int trial = 0; trial < 20; ++trial) {
    json request_donor = json::array();
    for (const auto& id : systems) {
      const auto& system = rbc::bloodgroup::builtin_system(id);
      const auto n = system.phenotypes().size();
      json f = json::array();
      double sum = 0;
      std::vector<double> raw;
      for (std::size_t p = 0; p < n; ++p) {
        const double u = rbc::numeric::uniform01(rng);
        raw.push_back(u < 0.15 ? 0.0 : u);
        sum += raw.back();
      }
      if (sum == 0) raw[0] = sum = 1;
      for (const double v : raw) f.push_back(v / sum);
      const auto pick = static_cast<std::size_t>(rbc::numeric::uniform_below(rng, n));
      request_donor.push_back({{"system", id}, {"phenotype", system.phenotypes()[pick].label}, {"frequencies", f}});
    }
    for (const auto& model : models) {
      INFO(trial << " " << model << " " << request_donor.dump());
      const json r = call({{"model", model}, {"donor", request_donor}});
      check_against_random_person(r["result"]);
    }
  }
}
