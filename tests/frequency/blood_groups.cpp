#include "frequency/blood_groups.hpp"

#include <catch2/catch.hpp>
#include <algorithm>
#include <cmath>
#include <random>

#include "common/input_error.hpp"

#include "bloodgroup/builtin_systems.hpp"
#include "frequency/populations.hpp"

using namespace rbc;

namespace {

std::vector<frequency::SystemPopulation> table_4_4() {
  std::vector<frequency::SystemPopulation> out;
  for (const char* id : {"abo", "rh", "kell", "duffy", "kidd", "mns"}) {
    const auto& s = bloodgroup::builtin_system(id);
    Eigen::VectorXd f = frequency::frequencies_for(s, frequency::builtin_population(std::string(id) + "/thesis-table-4.4"));
    out.push_back({&s, f / f.sum()});
  }
  return out;
}

// A random population per system (a fixed generator's bits; the numbers do not matter).
std::vector<frequency::SystemPopulation> random_populations(std::mt19937_64& rng) {
  auto out = table_4_4();
  std::uniform_real_distribution<double> u(0.0, 1.0);
  for (auto& p : out) {
    for (auto& v : p.phenotype_frequencies) v = u(rng) < 0.2 ? 0.0 : u(rng);
    // A system left with no phenotype at all would not be a population (0 / 0).
    if (p.phenotype_frequencies.sum() == 0) p.phenotype_frequencies[0] = 1;
    p.phenotype_frequencies /= p.phenotype_frequencies.sum();
  }
  return out;
}

const std::vector<std::string> seventeen = {"A", "B", "D", "C", "c", "E", "e", "K", "k",
                                            "Fya", "Fyb", "Jka", "Jkb", "M", "N", "S", "s"};

}  // namespace

TEST_CASE("blood_group_table: sums to 1, and a subset's table is the marginal of the full one", "[frequency][property]") {
  const auto systems = table_4_4();
  const std::vector<std::string> a = {"A", "B", "D", "C", "c", "E", "e", "K", "Fya", "Jka", "S"};
  const auto places = frequency::place_antigens(a, systems, "antigens");
  const auto full = frequency::blood_group_table(systems, places, "antigens");
  double sum = 0;
  for (double v : full) {
    CHECK(v >= 0);
    sum += v;
  }
  CHECK(sum == Approx(1.0).margin(1e-12));
  // Drop the last antigen (S): the smaller table is the full one summed over S.
  const std::vector<std::string> b(a.begin(), a.end() - 1);
  const auto sub = frequency::blood_group_table(systems, frequency::place_antigens(b, systems, "antigens"), "antigens");
  const std::size_t half = full.size() / 2;
  for (std::size_t g = 0; g < sub.size(); ++g) CHECK(sub[g] == Approx(full[g] + full[g + half]).margin(1e-15));
}

TEST_CASE("usability, receivability: equal the O(4^n) sums over compatible pairs", "[frequency][property]") {
  std::mt19937_64 rng(41);
  for (std::size_t n : {1u, 3u, 6u, 10u}) {
    const auto systems = random_populations(rng);
    std::vector<std::string> a = seventeen;
    std::shuffle(a.begin(), a.end(), rng);
    a.resize(n);
    INFO("antigens " << n);
    const auto f = frequency::blood_group_table(systems, frequency::place_antigens(a, systems, "antigens"), "antigens");
    const auto u = frequency::usability(f);
    const auto r = frequency::receivability(f);
    for (std::size_t i = 0; i < f.size(); ++i) {
      double brute_u = 0, brute_r = 0;
      for (std::size_t j = 0; j < f.size(); ++j) {
        if ((i & ~j) == 0) brute_u += f[j];  // donor i serves recipient j (eq. 4.8)
        if ((j & ~i) == 0) brute_r += f[j];  // donor j serves recipient i
      }
      CHECK(u[i] == Approx(brute_u).margin(1e-12));
      CHECK(r[i] == Approx(brute_r).margin(1e-12));
    }
    // The group with no antigen can serve everyone; everyone can serve the group with all.
    CHECK(u[0] == Approx(1.0).margin(1e-12));
    CHECK(r[f.size() - 1] == Approx(1.0).margin(1e-12));
  }
}

TEST_CASE("group_frequency: equals the table's entry and the product of its factors", "[frequency][property]") {
  const auto systems = table_4_4();
  const std::vector<std::string> a = {"D", "K", "Fya", "Jkb", "s", "A"};
  const auto places = frequency::place_antigens(a, systems, "antigens");
  const auto table = frequency::blood_group_table(systems, places, "antigens");
  for (std::size_t g = 0; g < table.size(); ++g) {
    std::vector<int> present;
    for (std::size_t i = 0; i < a.size(); ++i)
      if ((g >> i) & 1U) present.push_back(static_cast<int>(i));
    const auto q = frequency::group_frequency(systems, places, present);
    CHECK(q.frequency == Approx(table[g]).margin(1e-15));
    double product = 1;
    for (const auto& f : q.factors) product *= f.frequency;
    CHECK(q.frequency == Approx(product).margin(1e-15));
  }
}

TEST_CASE("place_antigens, blood_group_table: bad antigen lists name the entry",
          "[frequency][regression]") {
  const auto systems = table_4_4();
  auto code_and_path = [&](const std::vector<std::string>& a) -> std::pair<std::string, std::string> {
    try {
      frequency::blood_group_table(systems, frequency::place_antigens(a, systems, "antigens"), "antigens");
    } catch (const InputError& e) {
      return {e.code(), e.path()};
    }
    return {"", ""};
  };
  using CP = std::pair<std::string, std::string>;
  CHECK(code_and_path({"A", "Q"}) == CP{"unknown_antigen", "antigens[1]"});
  CHECK(code_and_path({"A", "A"}) == CP{"duplicate_name", "antigens[1]"});
  // All 17 antigens of the six systems (131 072 groups) are within max_table_antigens; the
  // limit is for larger, user-defined antigen sets.
  CHECK(code_and_path(seventeen) == CP{"", ""});
  CHECK(code_and_path({}) == CP{"", ""});  // one group, the empty one, frequency 1
}

namespace {

std::vector<int> members_of(std::size_t group, std::size_t n, bool present) {
  std::vector<int> out;
  for (std::size_t i = 0; i < n; ++i)
    if ((((group >> i) & 1U) != 0) == present) out.push_back(static_cast<int>(i));
  return out;
}

}  // namespace

TEST_CASE("share: a group's frequency, usability and receivability without a table, for mixtures too",
          "[frequency][property]") {
  std::mt19937_64 rng(97);
  for (std::size_t n : {0u, 2u, 5u, 9u}) {
    // Two random populations mixed 0.3 / 0.7: the systems are independent within each one.
    const frequency::Mixture mixture = {{0.3, random_populations(rng)}, {0.7, random_populations(rng)}};
    std::vector<std::string> a = seventeen;
    std::shuffle(a.begin(), a.end(), rng);
    a.resize(n);
    INFO("antigens " << n);
    const auto places = frequency::place_antigens(a, mixture[0].population, "antigens");
    const auto f = frequency::blood_group_table(mixture, places, "antigens");
    const auto f0 = frequency::blood_group_table(mixture[0].population, places, "antigens");
    const auto f1 = frequency::blood_group_table(mixture[1].population, places, "antigens");
    const auto u = frequency::usability(f);
    const auto r = frequency::receivability(f);
    double sum = 0;
    for (std::size_t g = 0; g < f.size(); ++g) {
      sum += f[g];
      CHECK(f[g] == Approx(0.3 * f0[g] + 0.7 * f1[g]).margin(1e-15));
      const auto present = members_of(g, n, true), absent = members_of(g, n, false);
      CHECK(frequency::share(mixture, places, present, absent) == Approx(f[g]).margin(1e-14));
      CHECK(frequency::share(mixture, places, present, {}) == Approx(u[g]).margin(1e-12));
      CHECK(frequency::share(mixture, places, {}, absent) == Approx(r[g]).margin(1e-12));
    }
    CHECK(sum == Approx(1.0).margin(1e-12));
  }
}

TEST_CASE("opportunity_loss, compatible_donor_groups: Definition 6.3 over every subset, best first",
          "[frequency][property]") {
  std::mt19937_64 rng(5);
  const auto systems = random_populations(rng);
  const std::vector<std::string> a = {"A", "B", "D", "C", "E", "K", "Fya", "Jkb"};
  const auto places = frequency::place_antigens(a, systems, "antigens");
  const auto u = frequency::usability(frequency::blood_group_table(systems, places, "antigens"));
  for (std::size_t j = 0; j < u.size(); ++j) {
    const auto donors = frequency::compatible_donor_groups(j, u);
    INFO("recipient group " << j);
    // Exactly the subsets of j (eq. 4.8), each once.
    std::size_t subsets = 0;
    for (std::size_t i = 0; i < u.size(); ++i) subsets += (i & ~j) == 0;
    REQUIRE(donors.size() == subsets);
    std::vector<bool> seen(u.size(), false);
    for (std::size_t k = 0; k < donors.size(); ++k) {
      const auto& d = donors[k];
      CHECK((d.group & ~j) == 0);
      CHECK_FALSE(seen[d.group]);
      seen[d.group] = true;
      if (u[d.group] > 0) {
        REQUIRE(d.loss.has_value());
        CHECK(*d.loss >= 0);
        CHECK(*d.loss <= 1);
        CHECK(*d.loss == Approx((u[d.group] - u[j]) / u[d.group]).margin(1e-15));
      } else {
        CHECK_FALSE(d.loss.has_value());
      }
      if (k > 0 && d.loss && donors[k - 1].loss) CHECK(*donors[k - 1].loss <= *d.loss);
      if (k > 0 && !donors[k - 1].loss) CHECK_FALSE(d.loss.has_value());  // undefined ones last
    }
    // Issuing the patient's own group loses nothing (when anyone can receive it at all).
    if (u[j] > 0) {
      CHECK(*frequency::opportunity_loss(u[j], u[j]) == 0.0);
      CHECK(donors.front().loss == 0.0);
    }
  }
  CHECK_FALSE(frequency::opportunity_loss(0.0, 0.0).has_value());
  CHECK(*frequency::opportunity_loss(0.5, 0.0) == 1.0);
}

TEST_CASE("check_mixture_weights: weights in [0, 1] adding up to 1, or the entry is named",
          "[frequency][regression]") {
  const auto error = [](const std::vector<double>& w) -> std::pair<std::string, std::string> {
    try {
      frequency::check_mixture_weights(w, "donors");
    } catch (const InputError& e) {
      return {e.code(), e.path()};
    }
    return {"", ""};
  };
  using CP = std::pair<std::string, std::string>;
  CHECK(error({0.99, 0.01}) == CP{"", ""});
  CHECK(error({0.1, 0.2, 0.7}) == CP{"", ""});  // 0.1 + 0.2 + 0.7 is 1 only up to rounding
  CHECK(error({0.9}) == CP{"sum_not_one", "donors"});
  CHECK(error({0.5, -0.5, 1.0}) == CP{"invalid_field", "donors[1]"});
  CHECK(error({std::nan(""), 1.0}) == CP{"invalid_field", "donors[0]"});
  CHECK(error({}) == CP{"invalid_field", "donors"});
  const auto w = frequency::check_mixture_weights({0.1, 0.2, 0.7}, "donors");
  CHECK(w[0] + w[1] + w[2] == Approx(1.0).margin(1e-15));
}
