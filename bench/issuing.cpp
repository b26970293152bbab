// Time per simulated day of the issuing simulation (src/issuing) against the stock size, on
// seed 004's scenario scaled down (tests/support/issuing_scenarios.hpp: supply a day, 33
// appointments of 10 units and a 26,500-unit starting stock per 3,500 units a day, scaled),
// rules L0 and E0. bench_issuing [supply per day ...] [--days N]
// Prints, per size: mean stock, seconds per day per policy, xA per day.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "common/allocator.hpp"
#include "issuing/summary.hpp"
#include "support/issuing_scenarios.hpp"

int main(int argc, char** argv) {
  rbc::keep_freed_memory();
  std::vector<double> sizes;
  int days = 10;
  for (int i = 1; i < argc; ++i) {
    if (std::string(argv[i]) == "--days" && i + 1 < argc) days = std::atoi(argv[++i]);
    else sizes.push_back(std::atof(argv[i]));
  }
  if (sizes.empty()) sizes = {120, 350, 1000, 3500};
  std::printf("supply/day  mean stock  policy  s/day   xA/day   short  outdated\n");
  for (double supply : sizes) {
    const int appointments = static_cast<int>(supply * 33 / 3500 + 0.5);
    auto s = rbc::test::seed004_like(supply, appointments, days);
    s.initial_stock = static_cast<std::int64_t>(26500 * supply / 3500);
    s.warm_up_days = 3;
    for (std::size_t p = 0; p < s.policies.size(); ++p) {
      auto one = s;
      one.policies = {s.policies[p]};
      const auto started = std::chrono::steady_clock::now();
      const auto run = rbc::issuing::simulate(one, 0, 1);
      const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      const auto sum = rbc::issuing::summarise(run.replications, s.immunogenicity);
      const auto& o = run.replications[0].policies[0];
      std::printf("%10.0f  %10.0f  %6s  %6.3f  %7.4f  %6lld  %8lld\n", supply, sum.policies[0].mean_stock.mean,
                  s.policies[p].label.c_str(), seconds / (days + s.warm_up_days), sum.policies[0].alloimmunisations.mean / days,
                  static_cast<long long>(o.shortage), static_cast<long long>(o.outdated));
    }
  }
}
