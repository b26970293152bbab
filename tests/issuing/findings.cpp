// Qualitative reproduction of the published findings listed, with their sources, in
// tests/reference/issuing/findings.json: a scaled-down scenario of the same kind gives the
// pair of values in the published order. Values are printed (-s) for docs/validation.md.
#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>

#include "issuing/summary.hpp"
#include "support/issuing_scenarios.hpp"

using namespace rbc;

namespace {

nlohmann::json finding(const std::string& id) {
  std::ifstream in(std::string(RBCMATCH_REFERENCE_DIR) + "/issuing/findings.json");
  REQUIRE(in.good());
  const nlohmann::json file = nlohmann::json::parse(in);
  for (const auto& f : file.at("findings"))
    if (f.at("id") == id) return f;
  FAIL("no finding " << id);
  return {};
}

// The computed pair is in the published order.
void check_order(const nlohmann::json& f, double a, double b) {
  const double pa = f["a"]["published"].get<double>(), pb = f["b"]["published"].get<double>();
  INFO(f["id"].get<std::string>() << " (" << f["source"]["where"].get<std::string>() << "): published "
                                  << f["a"]["label"].get<std::string>() << " " << pa << ", " << f["b"]["label"].get<std::string>()
                                  << " " << pb << "; computed " << a << ", " << b);
  CHECK((pa > pb) == (a > b));
  CHECK(a != b);
  WARN(f["id"].get<std::string>() << ": published " << pa << " vs " << pb << ", computed " << a << " vs " << b);
}

// The computed middle value lies strictly between the computed pair, as the published one lies
// between the published pair.
void check_between(const nlohmann::json& f, double a, double b, double middle) {
  const double pa = f["a"]["published"].get<double>(), pb = f["b"]["published"].get<double>();
  const double pm = f["between"]["published"].get<double>();
  REQUIRE(std::min(pa, pb) < pm);
  REQUIRE(pm < std::max(pa, pb));
  INFO(f["id"].get<std::string>() << " (" << f["source"]["where"].get<std::string>() << "): published " << pa << ", " << pb
                                  << ", between them " << pm << "; computed " << a << ", " << b << ", " << middle);
  CHECK(std::min(a, b) < middle);
  CHECK(middle < std::max(a, b));
  WARN(f["id"].get<std::string>() << ": published " << pa << " / " << pm << " / " << pb << ", computed " << a << " / " << middle
                                  << " / " << b);
}

double identical_share(const issuing::PolicySummary& p) {
  double s = 0;
  for (const auto& e : p.request_identical) s += e.mean;
  return s;
}

// Thesis ch. 6 with antigen set A3, 60 units a day, order-up-to k weeks of demand.
issuing::Scenario thesis_a3(double k_weeks, int shelf_life) {
  auto s = test::base_scenario({"A", "B", "D", "C", "c", "E", "e", "K", "Fya", "Fyb", "Jka", "Jkb", "S", "s"});
  s.shelf_life = shelf_life;
  for (auto& g : s.groups) g.max_age = std::min(g.max_age, shelf_life);
  const double per_day = 60;
  s.supply.rule = issuing::SupplyRule::order_up_to;
  s.supply.level = static_cast<std::int64_t>(k_weeks * 7 * per_day);
  s.initial_stock = s.supply.level;
  s.initial_max_age = std::min(shelf_life - 1, static_cast<int>(k_weeks * 7));
  s.warm_up_days = 28;
  s.days = 56;
  issuing::DemandStream d;
  d.id = "all";
  d.patient_group = test::group_index(s, "myelodysplasia");
  d.requests = {issuing::CountLaw::poisson, per_day, 1, {1, 1, 1, 1, 1, 1, 1}};
  d.units_per_request = {1};
  d.population = s.recipients;
  s.demand = {d};
  issuing::Policy fifo, mrol;
  fifo.label = "FIFO";
  fifo.method = mrol.method = issuing::Method::allocate;
  fifo.cost = {0, allocation::CostShape::exponential};
  mrol.label = "MROL";
  mrol.cost = {1, allocation::CostShape::exponential};
  issuing::Policy half = mrol;
  half.label = "FIFO/MROL";
  half.cost = {0.5, allocation::CostShape::exponential};
  s.policies = {fifo, mrol, half};
  return s;
}

}  // namespace

TEST_CASE("simulate: seed 004 Table 2, xA under L0 above E0 (scaled down)", "[issuing][validation]") {
  // 350 units a day (a tenth of seed 004's), 3 appointments of 10 units, common random numbers.
  auto s = test::seed004_like(350, 3, 14);
  s.initial_stock = 2650;
  const auto run = issuing::simulate(s, 0, 3);
  const auto sum = issuing::summarise(run.replications, s.immunogenicity);
  check_order(finding("seed004-xA-L0-above-E0"), sum.policies[0].alloimmunisations.mean, sum.policies[1].alloimmunisations.mean);
  // On common random numbers the difference is clear of 0.
  CHECK(sum.comparisons[0].alloimmunisations.high < 0);
}

TEST_CASE("simulate: thesis Table 6.4, more identical issues with gamma = 1 than 0, and gamma = 1/2 between (scaled down)",
          "[issuing][validation]") {
  const auto s = thesis_a3(1, 35);
  const auto run = issuing::simulate(s, 0, 2);
  const auto sum = issuing::summarise(run.replications, s.immunogenicity);
  const double fifo = identical_share(sum.policies[0]), mrol = identical_share(sum.policies[1]);
  check_order(finding("thesis-identical-mrol-above-fifo"), fifo, mrol);
  check_between(finding("thesis-identical-half-between"), fifo, mrol, identical_share(sum.policies[2]));
}

TEST_CASE("simulate: thesis Table 6.3, outdating with gamma = 1/2 between gamma = 0 and 1 (scaled down)", "[issuing][validation]") {
  const auto s = thesis_a3(1, 14);
  const auto sum = issuing::summarise(issuing::simulate(s, 0, 2).replications, s.immunogenicity);
  check_between(finding("thesis-outdating-half-between"), sum.policies[0].outdated_share.mean, sum.policies[1].outdated_share.mean,
                sum.policies[2].outdated_share.mean);
}

TEST_CASE("simulate: thesis Table 6.3, more stock gives fewer shortages and more outdating (scaled down)",
          "[issuing][validation]") {
  auto low = thesis_a3(0.5, 14), high = thesis_a3(2, 14);
  low.policies.resize(1);
  high.policies.resize(1);  // FIFO
  const auto a = issuing::summarise(issuing::simulate(low, 0, 2).replications, low.immunogenicity);
  const auto b = issuing::summarise(issuing::simulate(high, 0, 2).replications, high.immunogenicity);
  check_order(finding("thesis-shortage-more-stock-fewer"), a.policies[0].shortage_share.mean, b.policies[0].shortage_share.mean);
  check_order(finding("thesis-outdating-more-stock-more"), a.policies[0].outdated_share.mean, b.policies[0].outdated_share.mean);
}
