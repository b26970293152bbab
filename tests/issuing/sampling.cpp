// Joint donor tables (seed 004 sec. 4.2: donors' A, B, D, C, c, E, e from NHSBT donations):
// drawing, shares and checks (src/issuing/sampling.hpp, donor_tables.hpp).
#include <catch2/catch.hpp>
#include <cmath>
#include <map>

#include "common/input_error.hpp"
#include "issuing/donor_tables.hpp"
#include "issuing/sampling.hpp"
#include "support/issuing_scenarios.hpp"

using namespace rbc;
using issuing::Group;

namespace {

// A named table over the scenario's antigens (all of the table's antigens are among them).
issuing::JointTable table_over(const issuing::NamedJointTable& named, const std::vector<std::string>& antigens) {
  issuing::JointTable t;
  std::vector<int> at;
  for (const auto& n : named.antigens)
    for (std::size_t k = 0; k < antigens.size(); ++k)
      if (antigens[k] == n) at.push_back(static_cast<int>(k));
  REQUIRE(at.size() == named.antigens.size());
  for (int k : at) t.antigens |= Group{1} << k;
  for (const auto& [bits, f] : named.rows) {
    Group g = 0;
    for (std::size_t k = 0; k < at.size(); ++k)
      if ((bits >> k) & 1U) g |= Group{1} << at[k];
    t.types.push_back(g);
    t.frequencies.push_back(f);
  }
  return t;
}

const std::vector<std::string> antigens = {"A", "B", "D", "C", "c", "E", "e", "K", "Fya", "Jka"};

}  // namespace

TEST_CASE("joint_tables: each built-in table's frequencies sum to 1 (ABDCcEe_donor.tsv)", "[issuing][property]") {
  REQUIRE(issuing::joint_tables().size() == 2);
  for (const auto& t : issuing::joint_tables()) {
    double sum = 0;
    for (const auto& [bits, f] : t.rows) {
      CHECK(f >= 0);
      CHECK(bits < (1U << t.antigens.size()));
      sum += f;
    }
    CHECK(sum == Approx(1).margin(1e-9));
    CHECK(issuing::find_joint_table(t.id) == &t);
  }
  CHECK(issuing::find_joint_table("nhsbt") == nullptr);
}

TEST_CASE("share: a joint table's rows times the other systems, for every present / absent pair", "[issuing][property]") {
  const auto mixture = test::population_of(nlohmann::json::array(
      {{{"weight", 0.99}, {"populations", nlohmann::json::object()}},
       {{"weight", 0.01}, {"populations", {{"rh", "rh/african-aabb-2008"}, {"duffy", "duffy/african-sec-3.5.2"}}}}}));
  const auto places = frequency::place_antigens(antigens, mixture[0].population, "antigens");
  const std::vector<issuing::JointTable> joint = {table_over(*issuing::find_joint_table("nhsbt-abdcce-european"), antigens),
                                                  table_over(*issuing::find_joint_table("nhsbt-abdcce-african"), antigens)};
  // Without tables, frequency::share.
  CHECK(issuing::share(mixture, {}, places, {0}, {2}) == frequency::share(mixture, places, {0}, {2}));
  CHECK(issuing::share(mixture, joint, places, {}, {}) == Approx(1).margin(1e-12));
  // Every (present, absent) over A, B, D, K, Fya (3^5 pairs): the table's rows by brute force.
  const std::vector<int> pick = {0, 1, 2, 7, 8};
  for (int code = 0; code < 243; ++code) {
    std::vector<int> present, absent, rest_present, rest_absent;
    Group has = 0, lacks = 0;
    for (int k = 0, c = code; k < 5; ++k, c /= 3) {
      const int a = pick[static_cast<std::size_t>(k)];
      const bool in_table = a < 7;  // A, B, D, C, c, E, e
      if (c % 3 == 1) {
        present.push_back(a);
        if (in_table) has |= Group{1} << a;
        else rest_present.push_back(a);
      }
      if (c % 3 == 2) {
        absent.push_back(a);
        if (in_table) lacks |= Group{1} << a;
        else rest_absent.push_back(a);
      }
    }
    double expected = 0;
    for (std::size_t c = 0; c < 2; ++c) {
      double rows = 0;
      for (std::size_t r = 0; r < joint[c].types.size(); ++r)
        if ((joint[c].types[r] & has) == has && (joint[c].types[r] & lacks) == 0) rows += joint[c].frequencies[r];
      expected += mixture[c].weight * rows * frequency::share({{1.0, mixture[c].population}}, places, rest_present, rest_absent);
    }
    const double got = issuing::share(mixture, joint, places, present, absent);
    CHECK(got == Approx(expected).margin(1e-12));
    CHECK(got >= 0);
    CHECK(got <= 1);
  }
}

TEST_CASE("TypeSampler: a joint table's types come with their frequencies, other systems independently",
          "[issuing][property]") {
  const auto mixture = test::population_of(nullptr);
  const auto places = frequency::place_antigens(antigens, mixture[0].population, "antigens");
  const std::vector<issuing::JointTable> joint = {table_over(*issuing::find_joint_table("nhsbt-abdcce-european"), antigens)};
  const issuing::TypeSampler draw(mixture, places, joint);
  numeric::Rng rng(7);
  const int n = 200000;
  std::map<Group, int> seen;
  int k_positive = 0;
  for (int i = 0; i < n; ++i) {
    const Group g = draw(rng);
    ++seen[g & joint[0].antigens];
    if ((g >> 7) & 1U) ++k_positive;
  }
  // Each row within 4.5 binomial standard deviations (and rows of frequency 0 never drawn).
  for (std::size_t r = 0; r < joint[0].types.size(); ++r) {
    const double p = joint[0].frequencies[r];
    const double count = seen.count(joint[0].types[r]) ? seen[joint[0].types[r]] : 0;
    INFO("row " << r << " p " << p);
    CHECK(std::abs(count - n * p) <= 4.5 * std::sqrt(n * p * (1 - p)) + 1e-9);
  }
  const double pk = frequency::share(mixture, places, {7}, {});
  CHECK(std::abs(k_positive - n * pk) <= 4.5 * std::sqrt(n * pk * (1 - pk)));
}

TEST_CASE("check_joint: a table that splits a blood-group system is refused, naming the field", "[issuing][regression]") {
  const auto mixture = test::population_of(nullptr);
  const auto places = frequency::place_antigens(antigens, mixture[0].population, "antigens");
  issuing::JointTable t;
  t.antigens = 0b111;  // A, B, D: D's system (Rh) has C, c, E, e in A too
  t.types = {0, 0b100};
  t.frequencies = {0.2, 0.8};
  try {
    issuing::check_joint(t, places, antigens, "donors[0].joint");
    FAIL("accepted");
  } catch (const InputError& e) {
    CHECK(e.path() == "donors[0].joint.antigens");
    CHECK(std::string(e.what()).find("C, c, E, e") != std::string::npos);
  }
  t.antigens = 0b1111111;
  issuing::check_joint(t, places, antigens, "donors[0].joint");
  t.frequencies = {0.2, 0.7};
  CHECK_THROWS_AS(issuing::check_joint(t, places, antigens, "donors[0].joint"), InputError);
  t.frequencies = {0.2, 0.8};
  t.types = {0, Group{1} << 7};  // K: outside the table
  CHECK_THROWS_AS(issuing::check_joint(t, places, antigens, "donors[0].joint"), InputError);
}
