#pragma once
// Joint donor tables for the issuing simulation: blood types over several systems at once, as
// donation data give them (seed 004 sec. 4.2), where the systems are not independent.
#include <string>
#include <utility>
#include <vector>

namespace rbc::issuing {

struct NamedJointTable {
  std::string id, name, source;
  std::vector<std::string> antigens;  // bit k of a row's type = antigens[k]
  std::vector<std::pair<unsigned, double>> rows;  // (type, frequency), frequencies summing to 1
};

// The built-in tables, by id.
const std::vector<NamedJointTable>& joint_tables();
const NamedJointTable* find_joint_table(const std::string& id);

}  // namespace rbc::issuing
