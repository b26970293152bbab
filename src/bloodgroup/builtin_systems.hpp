#pragma once
// The blood-group systems the thesis works with (sec. 3.3.1, Table 4.4): ABO, RhD, Rh,
// Kell, Duffy, Kidd, MNS.
#include <string>
#include <vector>

#include "bloodgroup/system.hpp"

namespace rbc::bloodgroup {

const std::vector<SystemDefinition>& builtin_system_definitions();

// The built system with this id ("rh"); throws InputError("unknown_system", path) otherwise.
const System& builtin_system(const std::string& id, const std::string& path = "system");

}  // namespace rbc::bloodgroup
