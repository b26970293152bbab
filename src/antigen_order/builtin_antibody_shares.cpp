// Input data, not results: the shares of first-time clinically relevant alloantibodies against
// each antigen, from an incident cohort of previously non-transfused Caucasian recipients
// (thesis Table 7.1, from its ref. [36]). The printed shares add up to 0.999. As the built-in
// population tables (frequency/builtin_populations.cpp), each number carries its source.
#include "antigen_order/builtin_antibody_shares.hpp"

namespace rbc::antigen_order {

namespace {

struct SourcedShare {
  const char* antigen;
  double share;
  const char* source;
};

}  // namespace

const AntibodyShares& table_7_1_shares() {
  static const char* t71 = "thesis Table 7.1";
  static const SourcedShare entries[] = {
      {"E", 0.373, t71},  {"K", 0.257, t71},   {"Jka", 0.105, t71}, {"c", 0.078, t71},
      {"Fya", 0.051, t71}, {"C", 0.046, t71},  {"M", 0.038, t71},   {"S", 0.017, t71},
      {"Jkb", 0.015, t71}, {"Fyb", 0.011, t71}, {"e", 0.008, t71},  {"s", 0.0, t71},
  };
  static const AntibodyShares table = [] {
    AntibodyShares t{t71, {}};
    for (const auto& e : entries) t.shares[e.antigen] = e.share;
    return t;
  }();
  return table;
}

}  // namespace rbc::antigen_order
