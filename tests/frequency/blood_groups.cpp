#include "frequency/blood_groups.hpp"

#include <catch2/catch.hpp>
#include <algorithm>
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
