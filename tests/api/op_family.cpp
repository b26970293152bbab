// The `family` operation through the request API: founders under the as-printed genotype
// distribution, whose entries do not sum to 1 (thesis sec. 3.3.6, eq. 3.12).
#include <catch2/catch.hpp>
#include <cmath>
#include <nlohmann/json.hpp>
#include <string>

#include "api/dispatch.hpp"
#include "api/person_json.hpp"
#include "bloodgroup/builtin_systems.hpp"
#include "frequency/populations.hpp"
#include "genetics/pedigree.hpp"

using nlohmann::json;
using rbc::genetics::PedigreePerson;

namespace {

json call(const json& request) {
  const json r = json::parse(rbc::api::handle_request("family", request.dump()));
  INFO(r.dump().substr(0, 600));
  REQUIRE(r.contains("result"));
  return r["result"];
}

// Mother and father (founders), their child typed O, and a grandchild whose other parent is
// not listed: three genotypes drawn from the population.
json family_request(const std::string& model) {
  return {{"model", model},
          {"people",
           {{{"id", "mother"}}, {{"id", "father"}}, {{"id", "child"}, {"father", "father"}, {"mother", "mother"}},
            {{"id", "grandchild"}, {"mother", "child"}}}},
          {"systems", {{{"system", "abo"}, {"observed", {{"mother", "A"}, {"child", "O"}, {"grandchild", "B"}}}}}}};
}

}  // namespace

TEST_CASE("family: as_printed founders are x divided by its sum; the note gives the sum and the factor on eq. 3.12's "
          "product",
          "[pedigree][regression]") {
  const auto& abo = rbc::bloodgroup::builtin_system("abo");
  const Eigen::VectorXd f = rbc::frequency::frequencies_for(abo, rbc::frequency::builtin_population("abo/thesis-table-4.4"));
  // x as printed (Table 4.4 ABO sums to about 0.9988: NOTES, "Stationary distribution"), negatives as 0.
  const Eigen::VectorXd x = rbc::api::genotype_distribution(abo, f / f.sum(), rbc::api::GenotypeModel::as_printed, {})
                                .cwiseMax(0.0);
  const double sum = x.sum();
  REQUIRE(std::abs(sum - 1) > 1e-4);

  // Eq. 3.12's product with x as computed (not divided), by the same elimination.
  const rbc::genetics::HeredityOperator P(abo);
  const Eigen::MatrixXd S = rbc::genetics::phenotype_matrix(abo);
  const auto phenotype = [&](const char* label) { return Eigen::VectorXd(S.col(abo.phenotype_by_label(label))); };
  const std::vector<PedigreePerson> people = {
      {-1, -1, phenotype("A")}, {-1, -1, {}}, {1, 0, phenotype("O")}, {-1, 2, phenotype("B")}};
  const double product = rbc::genetics::pedigree_posterior(P, x, people).probability;

  const json r = call(family_request("as_printed"));
  const json& s = r["systems"][0];
  CHECK(s["founder_sum"].get<double>() == Approx(sum).epsilon(1e-12));
  CHECK(r["probability"].get<double>() == Approx(product / std::pow(sum, 3)).epsilon(1e-10));
  REQUIRE(r["notes"].size() == 1);
  const json& note = r["notes"][0];
  CHECK(note["code"] == "founders_renormalised");
  CHECK(note["system"] == "abo");
  const std::string message = note["message"];
  CHECK_THAT(message, Catch::Contains("add up to " + rbc::frequency::describe_sum(sum)));
  CHECK_THAT(message, Catch::Contains("divided by " + rbc::frequency::describe_sum(sum) + "^3 = " +
                                      rbc::frequency::describe_sum(std::pow(sum, 3))));

  // The other models' x sums to 1: no note, and founder_sum says so.
  for (const char* model : {"least_squares", "gene_counting"}) {
    INFO(model);
    const json other = call(family_request(model));
    CHECK(other["notes"].empty());
    CHECK(other["systems"][0]["founder_sum"].get<double>() == Approx(1).margin(1e-9));
  }
}
