// Input data, not results: the shares of first-time clinically relevant alloantibodies against
// each antigen, from an incident cohort of previously non-transfused Caucasian recipients
// (thesis Table 7.1, from its ref. [36]). The printed shares add up to 0.999.
#include "antigen_order/builtin_antibody_shares.hpp"

namespace rbc::antigen_order {

const AntibodyShares& table_7_1_shares() {
  static const AntibodyShares table{
      "thesis Table 7.1",
      {{"E", 0.373}, {"K", 0.257}, {"Jka", 0.105}, {"c", 0.078}, {"Fya", 0.051}, {"C", 0.046},
       {"M", 0.038}, {"S", 0.017}, {"Jkb", 0.015}, {"Fyb", 0.011}, {"e", 0.008}, {"s", 0.0}}};
  return table;
}

}  // namespace rbc::antigen_order
