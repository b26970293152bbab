// Property tests of the issuing simulation (src/issuing/simulation.hpp, summary.hpp).
#include <catch2/catch.hpp>
#include <thread>

#include "common/input_error.hpp"
#include "issuing/summary.hpp"
#include "support/issuing_scenarios.hpp"

using namespace rbc;
using issuing::Outcome;

namespace {

void check_conservation(const Outcome& o, std::int64_t stock_start) {
  // Units in = issued + outdated + in stock, over the measured days.
  CHECK(o.stock_start == stock_start);
  CHECK(o.stock_start + o.supplied == o.issued + o.outdated + o.stock_end);
  CHECK(o.requested == o.issued + o.shortage);
  std::int64_t requested = 0, issued = 0, shortage = 0, ages = 0;
  for (std::size_t k = 0; k < o.stream_requested.size(); ++k) {
    requested += o.stream_requested[k];
    issued += o.stream_issued[k];
    shortage += o.stream_shortage[k];
    CHECK(o.stream_requested[k] == o.stream_issued[k] + o.stream_shortage[k]);
    CHECK(o.stream_identical[k] <= o.stream_issued[k]);
    for (auto a : o.issue_age[k]) ages += a;
  }
  CHECK(requested == o.requested);
  CHECK(issued == o.issued);
  CHECK(shortage == o.shortage);
  CHECK(ages == o.issued);
  std::int64_t ri = 0, rc = 0, rs = 0, ui = 0, uc = 0, uo = 0, major = 0, age = 0;
  for (int c = 0; c < issuing::factor_classes; ++c) {
    ri += o.request_identical[c], rc += o.request_compatible[c], rs += o.request_shortage[c];
    ui += o.unit_identical[c], uc += o.unit_compatible[c], uo += o.unit_outdated[c];
  }
  CHECK(ri + rc == o.issued);
  CHECK(rs == o.shortage);
  CHECK(ri == ui);
  CHECK(ui + uc == o.issued);
  CHECK(uo == o.outdated);
  for (auto m : o.stock_major) major += m;
  for (auto a : o.stock_age) age += a;
  CHECK(major == o.stock_days);
  CHECK(age == o.stock_days);
}

void check_share(const issuing::Estimate& e) {
  CHECK(e.mean >= 0);
  CHECK(e.mean <= 1);
  // The interval too: a t interval over few replications can reach past [0, 1] (it did).
  CHECK(e.low >= 0);
  CHECK(e.high <= 1);
  CHECK(e.low <= e.mean);
  CHECK(e.mean <= e.high);
}

}  // namespace

TEST_CASE("simulate: units are conserved and shares lie in [0, 1] (thesis-like, allocate)", "[issuing][property]") {
  const auto s = test::thesis_like();
  const auto run = issuing::simulate(s, 0, 3);
  REQUIRE(run.replications.size() == 3);
  for (const auto& r : run.replications) {
    REQUIRE(r.policies.size() == 2);
    CHECK(r.policies[0].supplied == r.policies[1].supplied);  // the same donations (count rule)
    CHECK(r.policies[0].requested == r.policies[1].requested);  // the same demand
    for (const auto& o : r.policies) {
      check_conservation(o, o.stock_start);
      CHECK(o.days == s.days);
      CHECK(o.issued > 0);
    }
  }
  const auto sum = issuing::summarise(run.replications, s.immunogenicity);
  for (const auto& p : sum.policies) {
    check_share(p.shortage_share);
    check_share(p.outdated_share);
    for (const auto* v : {&p.request_identical, &p.request_compatible, &p.request_shortage, &p.unit_identical,
                          &p.unit_compatible, &p.unit_outdated, &p.stock_major_share, &p.stock_age_share})
      for (const auto& e : *v) check_share(e);
    CHECK(p.alloimmunisations.mean == 0);  // allocate never mismatches on A
    CHECK(p.shortage_share.interval);
    CHECK(p.shortage_share.half_width >= 0);
  }
}

TEST_CASE("simulate: units are conserved and shares lie in [0, 1] (seed-004-like, match)", "[issuing][property]") {
  const auto s = test::seed004_like();
  std::vector<std::vector<issuing::DayTrace>> trace;
  const auto rep = issuing::simulate_replication(s, 5, &trace);
  REQUIRE(trace.size() == 2);
  for (std::size_t p = 0; p < 2; ++p) {
    const auto& o = rep.policies[p];
    check_conservation(o, o.stock_start);
    CHECK(o.stream_requested[0] == s.days * 30);  // 3 appointments of 10 units
    CHECK(o.stream_requested[1] == s.days * (120 - 30 - 2));
    REQUIRE(trace[p].size() == static_cast<std::size_t>(s.days));
    std::int64_t issued = 0, mismatches = 0;
    for (const auto& d : trace[p]) issued += d.issued, mismatches += d.mismatches;
    std::int64_t by_antigen = 0;
    for (auto m : o.mismatches) by_antigen += m;
    CHECK(issued == o.issued);
    CHECK(mismatches == by_antigen);
    // Hard rules: no mismatch on A, B, D, C, c, E, e, K for sickle-cell patients (sec. 4.3).
    for (std::size_t k = 0; k < 8; ++k) CHECK(o.mismatches[k] == 0);
    // Young blood: a sickle-cell patient never gets a unit older than 14 days (eq. 6).
    for (std::size_t age = 15; age < o.issue_age[0].size(); ++age) CHECK(o.issue_age[0][age] == 0);
  }
}

TEST_CASE("simulate: the same seed gives the same numbers, another seed others", "[issuing][property]") {
  auto s = test::thesis_like(20, 14);
  const auto a = issuing::simulate(s, 0, 2, 1);
  const auto b = issuing::simulate(s, 0, 2, 1);
  CHECK(a.replications == b.replications);
  CHECK(a.trace == b.trace);
  CHECK(a.traced == 1);
  s.seed = 2;
  const auto c = issuing::simulate(s, 0, 2);
  CHECK_FALSE(a.replications == c.replications);
  CHECK(a.replications[0].policies[0].supplied != a.replications[1].policies[0].supplied);
}

TEST_CASE("simulate: ranges of replications merge into the single run, bit for bit", "[issuing][property]") {
  const auto s = test::seed004_like(80, 2, 10);
  const auto whole = issuing::simulate(s, 0, 4, 2);
  const auto first = issuing::simulate(s, 0, 1, 2);
  const auto rest = issuing::simulate(s, 1, 3, 2);
  const auto merged = issuing::merge_ranges({rest.replications, first.replications});
  CHECK(merged == whole.replications);
  CHECK(rest.trace == whole.trace);
  CHECK(first.traced == -1);
  const auto a = issuing::summarise(whole.replications, s.immunogenicity);
  const auto b = issuing::summarise(merged, s.immunogenicity);
  for (std::size_t p = 0; p < a.policies.size(); ++p) {
    CHECK(a.policies[p].alloimmunisations.mean == b.policies[p].alloimmunisations.mean);
    CHECK(a.policies[p].alloimmunisations.half_width == b.policies[p].alloimmunisations.half_width);
    CHECK(a.policies[p].shortage_share.mean == b.policies[p].shortage_share.mean);
  }
  CHECK_THROWS_AS(issuing::merge_ranges({whole.replications, first.replications}), InputError);
}

#ifndef __EMSCRIPTEN__
TEST_CASE("simulate: replications on threads give the serial numbers", "[issuing][property]") {
  const auto s = test::thesis_like(20, 14);
  const auto serial = issuing::simulate(s, 3, 4, 4);
  const ParallelFor threads = [](std::size_t n, const std::function<void(std::size_t)>& body) {
    std::vector<std::thread> pool;
    for (std::size_t i = 0; i < n; ++i) pool.emplace_back(body, n - 1 - i);
    for (auto& t : pool) t.join();
  };
  const auto parallel = issuing::simulate(s, 3, 4, 4, {}, threads);
  CHECK(serial.replications == parallel.replications);
  CHECK(serial.trace == parallel.trace);
}
#endif

TEST_CASE("summarise: a policy compared with itself differs by exactly 0 (common random numbers)", "[issuing][property]") {
  auto s = test::seed004_like(80, 2, 7);
  s.policies = {s.policies[1], s.policies[1]};
  const auto run = issuing::simulate(s, 0, 3);
  for (const auto& r : run.replications) CHECK(r.policies[0] == r.policies[1]);
  const auto sum = issuing::summarise(run.replications, s.immunogenicity);
  REQUIRE(sum.comparisons.size() == 1);
  CHECK(sum.comparisons[0].alloimmunisations.mean == 0);
  CHECK(sum.comparisons[0].alloimmunisations.half_width == 0);
  CHECK(sum.comparisons[0].shortage_units.mean == 0);
}

TEST_CASE("check_scenario: refuses bad inputs naming the field", "[issuing][validation]") {
  const auto path_of = [](const issuing::Scenario& s, int first, int count) {
    try {
      issuing::check_scenario(s, first, count);
    } catch (const InputError& e) {
      return e.path();
    }
    return std::string("(accepted)");
  };
  auto s = test::thesis_like();
  CHECK(path_of(s, 0, 1) == "(accepted)");
  CHECK(path_of(s, 0, 0) == "replications");
  CHECK(path_of(s, -1, 1) == "first_replication");
  auto t = s;
  t.days = 0;
  CHECK(path_of(t, 0, 1) == "days");
  t = s;
  t.initial_max_age = t.shelf_life;
  CHECK(path_of(t, 0, 1) == "initial_max_age");
  t = s;
  t.demand[0].units_per_request = {0, 0};
  CHECK(path_of(t, 0, 1) == "demand[0].units_per_request");
  t = s;
  t.supply.count.law = issuing::CountLaw::negative_binomial;
  t.supply.count.dispersion = 0;
  CHECK(path_of(t, 0, 1) == "supply.dispersion");
  t = s;
  t.policies[1].cost.gamma = 2;
  CHECK(path_of(t, 0, 1) == "policies[1].gamma");
  t = s;
  t.supply.count.mean = 1e5;
  t.days = 3000;
  CHECK(path_of(t, 0, 1000) == "replications");
}

TEST_CASE("proportional_split: whole numbers adding up to the total, each within 1 of its share", "[issuing][property]") {
  const std::vector<double> shares = {0.14506, 0.07382, 0.02040, 0.00634, 0.35880, 0.28817, 0.08575, 0.02166};
  for (std::int64_t total : {0, 1, 7, 3170, 100003}) {
    const auto split = issuing::proportional_split(total, shares);
    std::int64_t sum = 0;
    for (std::size_t i = 0; i < split.size(); ++i) {
      sum += split[i];
      CHECK(std::abs(static_cast<double>(split[i]) - static_cast<double>(total) * shares[i]) < 1.0 + 1e-9);
    }
    CHECK(sum == total);
  }
}

TEST_CASE("factor_class: decades of Tables 6.4-6.5", "[issuing][property]") {
  CHECK(issuing::factor_class(1.0) == 0);
  CHECK(issuing::factor_class(0.1) == 0);
  CHECK(issuing::factor_class(0.0999) == 1);
  CHECK(issuing::factor_class(0.005) == 2);
  CHECK(issuing::factor_class(2e-4) == 3);
  CHECK(issuing::factor_class(5e-5) == 4);
  CHECK(issuing::factor_class(0.0) == 5);
}
