#pragma once
// Small issuing scenarios for the tests of src/issuing: thesis-like (allocate, antigen set A2)
// and seed-004-like (match, 17 antigens, sickle-cell and other patients), over the built-in
// populations of thesis Table 4.4 (and the African tables for sickle-cell patients).
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "allocation/matching.hpp"
#include "api/population_json.hpp"
#include "issuing/simulation.hpp"

namespace rbc::test {

inline frequency::Mixture population_of(const nlohmann::json& request) {
  api::TableWarnings warnings;
  return api::load_mixture(api::SystemSet::builtin(), request.is_null() ? nullptr : &request, "population", nullptr,
                           warnings)
      .mixture;
}

inline issuing::Scenario base_scenario(const std::vector<std::string>& antigens) {
  issuing::Scenario s;
  s.antigens = antigens;
  s.donors = population_of(nullptr);
  s.recipients = s.donors;
  s.places = frequency::place_antigens(antigens, s.donors[0].population, "antigens");
  for (std::size_t k = 0; k < antigens.size(); ++k) {
    if (antigens[k] == "A" || antigens[k] == "B" || antigens[k] == "D") s.major |= allocation::Group{1} << k;
    double w = 0;
    for (const auto& d : allocation::default_immunogenicity())
      if (d.antigen == antigens[k]) w = d.w;
    s.immunogenicity.push_back(w);
  }
  for (const auto& g : allocation::default_patient_groups()) {
    allocation::Group must = s.major;
    for (const auto& a : g.must_match)
      for (std::size_t k = 0; k < antigens.size(); ++k)
        if (antigens[k] == a) must |= allocation::Group{1} << k;
    s.groups.push_back({must, g.max_age_is_shelf_life ? s.shelf_life : g.max_age, g.young_blood, g.typed});
    s.group_ids.push_back(g.id);
  }
  return s;
}

inline std::size_t group_index(const issuing::Scenario& s, const std::string& id) {
  for (std::size_t g = 0; g < s.group_ids.size(); ++g)
    if (s.group_ids[g] == id) return g;
  return 0;
}

// Thesis ch. 6 in miniature: A2, Poisson supply and demand of `per_day` units, a week of stock;
// policies gamma = 0 (FIFO) and gamma = 1 (MROL).
inline issuing::Scenario thesis_like(double per_day = 30, int days = 28) {
  auto s = base_scenario({"A", "B", "D", "C", "c", "E", "e", "K"});
  s.supply.count = {issuing::CountLaw::poisson, per_day * 1.02, 1, {1, 1, 1, 1, 1, 1, 1}};
  s.initial_stock = static_cast<std::int64_t>(per_day * 7);
  s.initial_max_age = 6;
  s.warm_up_days = 14;
  s.days = days;
  issuing::DemandStream d;
  d.id = "all";
  d.patient_group = group_index(s, "myelodysplasia");  // typed, any age
  d.requests = {issuing::CountLaw::poisson, per_day, 1, {1, 1, 1, 1, 1, 1, 1}};
  d.units_per_request = {1};
  d.population = s.recipients;
  s.demand = {d};
  issuing::Policy fifo, mrol;
  fifo.label = "FIFO";
  fifo.method = mrol.method = issuing::Method::allocate;
  fifo.cost.gamma = 0;
  mrol.label = "MROL";
  mrol.cost.gamma = 1;
  s.policies = {fifo, mrol};
  return s;
}

// Seed 004 in miniature: 17 antigens, fixed supply, sickle-cell appointments (African
// patients, antibodies) and untyped other patients split by A, B, D shares; rules L0 and E0.
inline issuing::Scenario seed004_like(double supply = 120, int appointments = 3, int days = 21) {
  std::vector<std::string> a = allocation::major_antigens();
  a.insert(a.end(), allocation::minor_antigens().begin(), allocation::minor_antigens().end());
  auto s = base_scenario(a);
  s.supply.count = {issuing::CountLaw::fixed, supply, 1, {1, 1, 1, 1, 1, 1, 1}};
  s.initial_stock = static_cast<std::int64_t>(supply * 5);
  s.initial_max_age = 13;
  s.warm_up_days = 14;
  s.days = days;
  issuing::DemandStream scd;
  scd.id = "sickle_cell";
  scd.patient_group = group_index(s, "sickle_cell");
  scd.requests = {issuing::CountLaw::fixed, static_cast<double>(appointments), 1, {1, 1, 1, 1, 1, 1, 1}};
  scd.units_per_request = std::vector<double>(10, 0.0);
  scd.units_per_request[9] = 1;  // 10 units per appointment
  scd.population = population_of({{"abo", "abo/african-reid-2012"},
                                  {"rh", "rh/african-aabb-2008"},
                                  {"kell", "kell/african-reid-2012"},
                                  {"duffy", "duffy/african-sec-3.5.2"},
                                  {"kidd", "kidd/african-reid-2012"},
                                  {"mns", "mns/african-reid-2012"}});
  for (const auto& name : a) {
    double share = 0;
    for (const auto& d : allocation::default_immunogenicity())
      if (d.antigen == name) share = d.antibody_share;
    scd.antibody_share.push_back(share);
  }
  issuing::DemandStream other;
  other.id = "other";
  other.patient_group = group_index(s, "other");
  other.requests = {issuing::CountLaw::fixed, supply - 10.0 * appointments - 2, 1, {1, 1, 1, 1, 1, 1, 1}};
  other.units_per_request = {1};
  other.major_shares = {0.14506, 0.07382, 0.02040, 0.00634, 0.35880, 0.28817, 0.08575, 0.02166};
  other.proportional = true;
  s.demand = {scd, other};
  const auto bits = [&](const std::vector<std::string>& names) {
    allocation::Group g = 0;
    for (const auto& n : names)
      for (std::size_t k = 0; k < a.size(); ++k)
        if (a[k] == n) g |= allocation::Group{1} << k;
    return g;
  };
  issuing::Policy l0, e0;
  l0.label = "L0";
  l0.substitution = bits(allocation::find_match_preset("limited")->substitution);
  e0.label = "E0";
  e0.mismatch = bits(allocation::find_match_preset("extended")->mismatch);
  e0.substitution = bits(allocation::find_match_preset("extended")->substitution);
  s.policies = {l0, e0};
  return s;
}

}  // namespace rbc::test
