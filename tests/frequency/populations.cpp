#include "frequency/populations.hpp"

#include <catch2/catch.hpp>

#include "bloodgroup/builtin_systems.hpp"
#include "common/input_error.hpp"
#include "support/assert_near.hpp"

using namespace rbc;

TEST_CASE("builtin_populations: every table is valid for its system", "[frequency][validation]") {
  for (const auto& t : frequency::builtin_populations()) {
    INFO(t.id);
    const auto& s = bloodgroup::builtin_system(t.system);
    const Eigen::VectorXd f = frequency::frequencies_for(s, t);
    CHECK(f.minCoeff() >= 0);
    const auto checked = frequency::check_phenotype_frequencies(f, s.phenotypes().size(), frequency::builtin_sum_tolerance, "f");
    CHECK(checked.f.sum() == Approx(1.0));
    CHECK(!t.source.empty());
    for (const auto& e : t.entries) CHECK(!e.source.empty());
  }
}

TEST_CASE("check_phenotype_frequencies: Table 4.4's Kidd rows (sum 0.99) are renormalised", "[frequency][validation]") {
  const auto& kidd = bloodgroup::builtin_system("kidd");
  const auto c = frequency::check_phenotype_frequencies(
      frequency::frequencies_for(kidd, frequency::builtin_population("kidd/thesis-table-4.4")), 4, 0.015, "f");
  CHECK(c.renormalised);
  CHECK(c.input_sum == Approx(0.99));
  test::assert_near(c.f, test::vec({0, 0.26 / 0.99, 0.23 / 0.99, 0.50 / 0.99}), 1e-15);
}

TEST_CASE("check_phenotype_frequencies: bad input names the field", "[frequency][regression]") {
  auto code_and_path = [](const Eigen::VectorXd& v, std::size_t n) -> std::pair<std::string, std::string> {
    try {
      frequency::check_phenotype_frequencies(v, n, 0.015, "frequencies");
    } catch (const InputError& e) {
      return {e.code(), e.path()};
    }
    return {"", ""};
  };
  CHECK(code_and_path(test::vec({0.5, -0.1, 0.6}), 3) == std::pair<std::string, std::string>{"invalid_field", "frequencies[1]"});
  CHECK(code_and_path(test::vec({0.5, std::nan(""), 0.5}), 3) ==
        std::pair<std::string, std::string>{"invalid_field", "frequencies[1]"});
  CHECK(code_and_path(test::vec({0.5, 0.5}), 3) == std::pair<std::string, std::string>{"wrong_length", "frequencies"});
  CHECK(code_and_path(test::vec({0.5, 0.3, 0.1}), 3) == std::pair<std::string, std::string>{"sum_not_one", "frequencies"});
  CHECK(code_and_path(test::vec({0.5, 0.3, 0.2}), 3) == std::pair<std::string, std::string>{"", ""});
}

TEST_CASE("check_phenotype_frequencies: the tolerance's edge is the same for every way of writing the sum",
          "[frequency][regression]") {
  // Both sum to 0.985 in decimals; in doubles one lands just below, the other just above.
  for (const auto& v : {test::vec({0.44, 0.43, 0.09, 0.025}), test::vec({0.4, 0.585, 0, 0}),
                        test::vec({0.5, 0.515, 0, 0}), test::vec({0.7, 0.1, 0.1, 0.115})}) {
    INFO(v.transpose());
    const auto c = frequency::check_phenotype_frequencies(v, 4, 0.015, "f");
    CHECK(c.renormalised);
    CHECK(c.f.sum() == Approx(1.0).margin(1e-15));
  }
  CHECK_THROWS_WITH(frequency::check_phenotype_frequencies(test::vec({0.4, 0.5849, 0, 0}), 4, 0.015, "f"),
                    Catch::Contains("add up to 0.9849") && Catch::Contains("0.0151 away from 1"));
}

TEST_CASE("check_phenotype_frequencies: a rounding-level difference is divided out silently", "[frequency][regression]") {
  const auto c = frequency::check_phenotype_frequencies(test::vec({0.7, 0.1, 0.1, 0.1}), 4, 0.015, "f");
  CHECK_FALSE(c.renormalised);  // 0.7 + 0.1 + 0.1 + 0.1 is 0.9999999999999999 in doubles
  CHECK(c.f.sum() == Approx(1.0).margin(1e-15));
  const auto d = frequency::check_phenotype_frequencies(test::vec({0.5, 0.5 + 1e-12}), 2, 0.015, "f");
  CHECK_FALSE(d.renormalised);
  CHECK(frequency::describe_sum(0.999999999) == "0.999999999");
  CHECK(frequency::describe_sum(0.99) == "0.99");
}

TEST_CASE("builtin tables: the AABB Rh columns by ancestry, sums as printed", "[frequency][validation]") {
  // AABB Technical Manual 16th ed. (2008) Rh phenotype table: the White column is thesis
  // Table 3.4; the Black column's 'rare' rows are 0, so it adds up to 0.984.
  const auto& rh = bloodgroup::builtin_system("rh");
  const auto white = frequency::frequencies_for(rh, frequency::builtin_population("rh/thesis-table-3.4"));
  const auto black = frequency::frequencies_for(rh, frequency::builtin_population("rh/african-aabb-2008"));
  const auto asian = frequency::frequencies_for(rh, frequency::builtin_population("rh/asian-aabb-2008"));
  CHECK(white.sum() == Approx(1.0));
  CHECK(black.sum() == Approx(0.984));
  CHECK(asian.sum() == Approx(0.995));
  // Over the user's default tolerance, within the built-in one: renormalised, not refused.
  CHECK_THROWS(frequency::check_phenotype_frequencies(black, rh.phenotypes().size(), frequency::default_sum_tolerance, "f"));
  const auto c = frequency::check_phenotype_frequencies(black, rh.phenotypes().size(), frequency::builtin_sum_tolerance, "f");
  CHECK(c.renormalised);
  CHECK(c.f.sum() == Approx(1.0));
  // R0 (Dce) is the commonest Rh phenotype among Black donors, R1R1 (DCe) among Asian ones.
  CHECK(black[rh.phenotype_index(rh.antigen_set({"D", "c", "e"}, "f"))] == Approx(0.458));
  CHECK(asian[rh.phenotype_index(rh.antigen_set({"D", "C", "e"}, "f"))] == Approx(0.518));
}
