// Times the Rh stationary solve (36 genotypes, thesis Table 3.4) natively: the core solver
// alone, and the whole `stationary` request (both methods, JSON in and out). Prints one JSON
// line of medians in milliseconds, which bench/run.mjs sets beside the wasm figures.
#include <algorithm>
#include <chrono>
#include <iostream>
#include <vector>

#include "api/dispatch.hpp"
#include "bloodgroup/builtin_systems.hpp"
#include "frequency/populations.hpp"
#include "genetics/stationary.hpp"

namespace {

template <class F>
double median_ms(F&& f, int repeats) {
  std::vector<double> t;
  for (int i = 0; i < repeats; ++i) {
    const auto start = std::chrono::steady_clock::now();
    f();
    t.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
  }
  std::nth_element(t.begin(), t.begin() + repeats / 2, t.end());
  return t[repeats / 2];
}

}  // namespace

int main() {
  using namespace rbc;
  const auto& rh = bloodgroup::builtin_system("rh");
  const Eigen::VectorXd f = frequency::frequencies_for(rh, frequency::builtin_population("rh/thesis-table-3.4"));
  const genetics::HeredityOperator P(rh);
  const Eigen::MatrixXd S = genetics::phenotype_matrix(rh);
  volatile double sink = 0;
  auto core = [&](bool nonnegative) {
    genetics::StationaryOptions o;
    o.nonnegative = nonnegative;
    sink = sink + genetics::stationary_genotypes(P, S, f, genetics::uniform_start(36), o).x[0];
  };
  const double core_ls = median_ms([&] { core(false); }, 201);
  const double core_nn = median_ms([&] { core(true); }, 201);
  auto request = [&](const char* json, int repeats) {
    return median_ms([&] { sink = sink + static_cast<double>(api::handle_request("stationary", json).size()); }, repeats);
  };
  // The same requests bench/run.mjs sends to the wasm module, so each has a native peer.
  const double whole = request(R"({"system":"rh","population":"rh/thesis-table-3.4"})", 101);
  const double as_printed = request(R"({"system":"rh","population":"rh/thesis-table-3.4","nonnegative":false})", 101);
  const double multistart = request(R"({"system":"rh","population":"rh/thesis-table-3.4","multistart":true})", 11);
  std::cout << "{\"target\":\"native\",\"rh_core_as_printed_ms\":" << core_ls << ",\"rh_core_nonnegative_ms\":" << core_nn
            << ",\"rh_request_ms\":" << whole << ",\"rh_request_as_printed_ms\":" << as_printed
            << ",\"rh_request_multistart_ms\":" << multistart << "}\n";
}
