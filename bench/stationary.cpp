// Times the stationary solve natively and prints one JSON line of medians in milliseconds,
// which bench/run.mjs sets beside the wasm figures:
//   - Rh (36 genotypes, thesis Table 3.4): the core solver alone per method, and the whole
//     `stationary` request (both methods, JSON in and out);
//   - user-defined systems at the API's limits (tests/support/large_systems.hpp): 300
//     genotypes in the default non-negative mode, and 136 genotypes with multistart, each
//     with the library (numeric::nnls on normal equations formed from the structure) and with
//     the pre-2026-11 solver on a dense A (tests/support/nnls_reference.hpp)
//     in the same run, plus the largest |x| difference between the two.
// bench_stationary --write-requests DIR writes the user-defined cases as CLI requests
// (`rbcmatch stationary < DIR/user-300-abo-ce.json`). --no-reference skips the slow
// reference runs.
#include <algorithm>
#include <chrono>
#include <fstream>
#include <functional>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "api/dispatch.hpp"
#include "timing.hpp"
#include "bloodgroup/builtin_systems.hpp"
#include "frequency/populations.hpp"
#include "genetics/stationary.hpp"
#include "numeric/nnls.hpp"
#include "support/large_systems.hpp"
#include "support/nnls_reference.hpp"

namespace {

using namespace rbc;
using bench::median_ms;

using Nnls = std::function<Eigen::VectorXd(const Eigen::MatrixXd&, const Eigen::VectorXd&, const Eigen::VectorXd*)>;

// The iteration of genetics::stationary_genotypes over x >= 0 (constraint "nonnegative") on a
// dense A, with the NNLS solver as a parameter: the previous solver (nnls_reference) runs the
// same iteration as the library, which forms A's normal equations from its structure instead.
Eigen::VectorXd stationary_with(const Nnls& nnls, const genetics::HeredityOperator& P, const Eigen::MatrixXd& S,
                                const Eigen::VectorXd& f, const Eigen::VectorXd& x0) {
  const Eigen::Index m = S.rows(), n = S.cols();
  Eigen::MatrixXd A(m + n, m);
  A.bottomRows(n) = S.transpose();
  Eigen::VectorXd b = Eigen::VectorXd::Zero(m + n);
  b.tail(n) = f;
  Eigen::VectorXd x = x0;
  for (int it = 1; it <= genetics::default_max_iterations; ++it) {
    A.topRows(m) = P.maternal_transition(x).transpose();
    A.topRows(m).diagonal().array() -= 1.0;
    const Eigen::VectorXd next = nnls(A, b, it > 1 ? &x : nullptr);
    const double change = (next - x).lpNorm<1>();
    x = next;
    if (change < genetics::default_stationary_tolerance) break;
  }
  return x;
}

nlohmann::json request_json(const test::LargeCase& c, bool multistart) {
  nlohmann::json loci = nlohmann::json::array();
  for (const auto& l : c.definition.loci) {
    nlohmann::json alleles = nlohmann::json::array();
    for (const auto& a : l.alleles) alleles.push_back({{"name", a.name}, {"antigens", a.antigens}});
    loci.push_back({{"name", l.name}, {"alleles", alleles}});
  }
  return {{"system", {{"name", c.definition.name}, {"antigens", c.definition.antigens}, {"loci", loci}}},
          {"frequencies", std::vector<double>(c.f.data(), c.f.data() + c.f.size())},
          {"multistart", multistart}};
}

}  // namespace

int main(int argc, char** argv) {
  rbc::bench::keep_freed_memory();
  const std::vector<std::string> args(argv + 1, argv + argc);
  const auto cases = test::large_cases();
  if (args.size() == 2 && args[0] == "--write-requests") {
    for (const auto& c : cases) {
      std::ofstream(args[1] + "/" + c.name + ".json")
          << request_json(c, c.name.find("136") != std::string::npos).dump(1) << '\n';
    }
    return 0;
  }
  const bool reference = std::find(args.begin(), args.end(), "--no-reference") == args.end();

  nlohmann::json out = {{"target", "native"}};
  const auto& rh = bloodgroup::builtin_system("rh");
  const Eigen::VectorXd rh_f = frequency::frequencies_for(rh, frequency::builtin_population("rh/thesis-table-3.4"));
  const genetics::HeredityOperator rh_P(rh);
  const Eigen::MatrixXd rh_S = genetics::phenotype_matrix(rh);
  volatile double sink = 0;
  auto core = [&](bool nonnegative) {
    genetics::StationaryOptions o;
    o.nonnegative = nonnegative;
    o.sum_to_one = false;  // over x >= 0, the problem stationary_with solves
    sink = sink + genetics::stationary_genotypes(rh_P, rh_S, rh_f, genetics::uniform_start(36), o).x[0];
  };
  out["rh_core_as_printed_ms"] = median_ms([&] { core(false); }, 201);
  out["rh_core_nonnegative_ms"] = median_ms([&] { core(true); }, 201);
  out["rh_core_nonnegative_reference_ms"] = median_ms(
      [&] { sink = sink + stationary_with(test::nnls_reference, rh_P, rh_S, rh_f, genetics::uniform_start(36))[0]; }, 201);
  auto request = [&](const char* json, int repeats) {
    return median_ms([&] { sink = sink + static_cast<double>(api::handle_request("stationary", json).size()); }, repeats);
  };
  // The same requests bench/run.mjs sends to the wasm module, so each has a native peer.
  out["rh_request_ms"] = request(R"({"system":"rh","population":"rh/thesis-table-3.4"})", 101);
  out["rh_request_as_printed_ms"] =
      request(R"({"system":"rh","population":"rh/thesis-table-3.4","constraint":"none"})", 101);
  out["rh_request_solve_only_ms"] =
      request(R"({"system":"rh","population":"rh/thesis-table-3.4","check_uniqueness":false})", 101);
  out["rh_request_multistart_ms"] = request(R"({"system":"rh","population":"rh/thesis-table-3.4","multistart":true})", 11);

  genetics::StationaryOptions nonnegative;
  nonnegative.sum_to_one = false;
  for (const auto& c : cases) {
    const auto s = bloodgroup::System::build(c.definition);
    const genetics::HeredityOperator P(s);
    const Eigen::MatrixXd S = genetics::phenotype_matrix(s);
    const int m = P.genotype_count();
    const bool multistart = m <= genetics::max_multistart_genotypes;
    nlohmann::json r = {{"genotypes", m}, {"phenotypes", S.cols()}, {"multistart", multistart}};
    // One solve from the uniform start, or (multistart) from every unit vector as well.
    auto run = [&](auto&& stationary) {
      std::vector<Eigen::VectorXd> xs{stationary(genetics::uniform_start(m))};
      if (multistart)
        for (int k = 0; k < m; ++k) xs.push_back(stationary(Eigen::VectorXd::Unit(m, k)));
      return xs;
    };
    std::vector<Eigen::VectorXd> fast_x;
    r["fast_ms"] = median_ms(
        [&] { fast_x = run([&](const Eigen::VectorXd& x0) { return genetics::stationary_genotypes(P, S, c.f, x0, nonnegative).x; }); },
        multistart ? 3 : 7);
    if (reference) {
      std::vector<Eigen::VectorXd> ref_x;
      r["reference_ms"] = median_ms(
          [&] { ref_x = run([&](const Eigen::VectorXd& x0) { return stationary_with(test::nnls_reference, P, S, c.f, x0); }); }, 1);
      double diff = 0;
      for (std::size_t k = 0; k < ref_x.size(); ++k) diff = std::max(diff, (ref_x[k] - fast_x[k]).lpNorm<Eigen::Infinity>());
      r["max_abs_x_difference"] = diff;
      r["reference_over_fast"] = r["reference_ms"].get<double>() / r["fast_ms"].get<double>();
    }
    r["request_ms"] = median_ms(
        [&] { sink = sink + static_cast<double>(api::handle_request("stationary", request_json(c, multistart).dump()).size()); },
        3);  // the median of three: one run of the 136-genotype multistart varies by 10-20 %
    out[c.name] = r;
  }
  std::cout << out.dump() << '\n';
}
