#pragma once
// One function per operation file, returning its registry record (registry.cpp lists them).
#include "api/registry.hpp"

namespace rbc::api {

Operation version_operation();
Operation describe_operation();
Operation systems_operation();
Operation system_operation();
Operation stationary_operation();
Operation relatives_operation();
Operation pregnancy_operation();
Operation family_operation();
Operation frequencies_operation();
Operation allocate_operation();
Operation match_operation();
Operation lp_operation();
Operation antigen_order_operation();
Operation simulate_issuing_operation();
Operation merge_issuing_operation();
Operation acquisition_operation();
Operation issuing_mdp_operation();
Operation ordering_operation();
Operation ageing_operation();

}  // namespace rbc::api
