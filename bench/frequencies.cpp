// Times the blood-group tables natively and prints one JSON line of medians in milliseconds,
// which bench/frequencies.mjs sets beside the wasm figures:
//   - the core: the 17-antigen table (131 072 groups, eq. 4.11) with usability and
//     receivability by zeta transforms (O(n 2^n)), and the naive pairwise sums (O(4^n)) at
//     n = 12 beside the zeta transforms at n = 12, for the ratio;
//   - the `frequencies` requests of bench/frequencies.mjs through the request API (JSON in
//     and out), the same strings the wasm module gets.
#include <algorithm>
#include <chrono>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "api/dispatch.hpp"
#include "timing.hpp"
#include "bloodgroup/builtin_systems.hpp"
#include "frequency/blood_groups.hpp"
#include "frequency/populations.hpp"

namespace {

using namespace rbc;
using bench::median_ms;

frequency::Population table_4_4() {
  frequency::Population out;
  for (const char* id : {"abo", "rh", "kell", "duffy", "kidd", "mns"}) {
    const auto& s = bloodgroup::builtin_system(id);
    Eigen::VectorXd f = frequency::frequencies_for(s, frequency::builtin_population(std::string(id) + "/thesis-table-4.4"));
    out.push_back({&s, f / f.sum()});
  }
  return out;
}

// The O(4^n) reference: both sums over every compatible pair.
double naive_pairs(const std::vector<double>& f) {
  std::vector<double> u(f.size(), 0.0), r(f.size(), 0.0);
  for (std::size_t i = 0; i < f.size(); ++i)
    for (std::size_t j = 0; j < f.size(); ++j)
      if ((i & ~j) == 0) {
        u[i] += f[j];
        r[j] += f[i];
      }
  return u[0] + r.back();
}

}  // namespace

int main(int argc, char** argv) {
  rbc::bench::keep_freed_memory();
  const auto population = table_4_4();
  const std::vector<std::string> all = {"A", "B", "D", "C", "c", "E", "e", "K", "k",
                                        "Fya", "Fyb", "Jka", "Jkb", "M", "N", "S", "s"};
  const auto places17 = frequency::place_antigens(all, population, "antigens");
  const std::vector<std::string> twelve(all.begin(), all.begin() + 12);
  const auto places12 = frequency::place_antigens(twelve, population, "antigens");
  const auto f12 = frequency::blood_group_table(population, places12, "antigens");
  double sink = 0;
  nlohmann::json out;
  out["table_17_ms"] = median_ms([&] { sink += frequency::blood_group_table(population, places17, "a")[5]; }, 31);
  out["table_17_usability_receivability_ms"] = median_ms([&] {
    const auto f = frequency::blood_group_table(population, places17, "a");
    sink += frequency::usability(f)[0] + frequency::receivability(f)[7];
  }, 31);
  out["zeta_12_ms"] = median_ms([&] { sink += frequency::usability(f12)[0] + frequency::receivability(f12)[1]; }, 101);
  out["naive_pairs_12_ms"] = median_ms([&] { sink += naive_pairs(f12); }, 3);
  // The requests: one per argument after the operation name, as JSON strings.
  nlohmann::json requests = nlohmann::json::object();
  for (int a = 1; a + 1 < argc; a += 2) {
    const std::string name = argv[a], body = argv[a + 1];
    requests[name] = median_ms([&] { sink += static_cast<double>(api::handle_request("frequencies", body).size()); }, 21);
  }
  out["requests"] = requests;
  out["sink"] = sink > 0;
  std::cout << out.dump() << "\n";
}
