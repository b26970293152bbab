#pragma once
// Built-in antibody shares p_a (the input of eq. 7.3), each with its source.
#include <map>
#include <string>

namespace rbc::antigen_order {

struct AntibodyShares {
  std::string source;
  std::map<std::string, double> shares;  // antigen -> share of first-time alloantibodies
};

// Thesis Table 7.1.
const AntibodyShares& table_7_1_shares();

}  // namespace rbc::antigen_order
