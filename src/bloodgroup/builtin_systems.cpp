#include "bloodgroup/builtin_systems.hpp"

#include <map>

#include "common/input_error.hpp"

namespace rbc::bloodgroup {

const std::vector<SystemDefinition>& builtin_system_definitions() {
  // Alleles are listed silent first, then in antigen order, so genotypes come out in the
  // thesis's order (eq. 3.5: OO, OA, OB, AA, AB, BB; eq. 3.4: dd, Dd, DD).
  static const std::vector<SystemDefinition> defs = {
      {"abo", "ABO", {"A", "B"},
       {{"ABO", {{"O", {}}, {"A", {"A"}}, {"B", {"B"}}}}},
       "O", "thesis sec. 3.3.1 and Table 4.4"},
      {"rhd", "RhD", {"D"},
       {{"D", {{"d", {}}, {"D", {"D"}}}}},
       "d", "thesis sec. 3.2.3 (eq. 3.4) and Table 3.1"},
      {"rh", "Rh", {"D", "C", "c", "E", "e"},
       {{"D", {{"d", {}}, {"D", {"D"}}}},
        {"C", {{"c", {"c"}}, {"C", {"C"}}}},
        {"E", {{"e", {"e"}}, {"E", {"E"}}}}},
       "none", "thesis sec. 3.3.1 (8 haplotypes, 36 genotypes) and Tables 3.4, 4.4",
       // Wiener's shorthand, as blood banks write Rh genotypes (R1r for DCe/dce).
       {{"DCe", "R1"}, {"DcE", "R2"}, {"Dce", "R0"}, {"DCE", "Rz"},
        {"dCe", "r'"}, {"dcE", "r''"}, {"dCE", "ry"}, {"dce", "r"}}},
      {"kell", "Kell (K, k)", {"K", "k"},
       {{"KEL", {{"K", {"K"}}, {"k", {"k"}}}}},
       "none", "thesis Table 4.4 (K = KEL1, k = KEL2)", {}, true},
      {"duffy", "Duffy", {"Fya", "Fyb"},
       {{"Duffy", {{"Fy", {}}, {"Fya", {"Fya"}}, {"Fyb", {"Fyb"}}}}},
       "none", "thesis sec. 3.5.2 (silent allele: Fy(a-b-)) and Table 4.4"},
      {"kidd", "Kidd", {"Jka", "Jkb"},
       {{"Kidd", {{"Jk", {}}, {"Jka", {"Jka"}}, {"Jkb", {"Jkb"}}}}},
       "none", "thesis Table 4.4 (silent allele: Jk(a-b-))"},
      {"mns", "MNS", {"M", "N", "S", "s"},
       {{"MN", {{"M", {"M"}}, {"N", {"N"}}}}, {"Ss", {{"S", {"S"}}, {"s", {"s"}}}}},
       "none", "thesis Table 4.4 (haplotypes MS, Ms, NS, Ns)", {}, true},
  };
  return defs;
}

const System& builtin_system(const std::string& id, const std::string& path) {
  static const std::map<std::string, System> systems = [] {
    std::map<std::string, System> m;
    for (const auto& d : builtin_system_definitions()) m.emplace(d.id, System::build(d, d.id));
    return m;
  }();
  auto it = systems.find(id);
  if (it == systems.end()) {
    std::string known;
    for (const auto& [k, v] : systems) known += (known.empty() ? "" : ", ") + k;
    throw InputError("unknown_system", path, path + ": unknown system '" + id + "' (built in: " + known + ")");
  }
  return it->second;
}

}  // namespace rbc::bloodgroup
