#include "frequency/blood_groups.hpp"

#include <algorithm>
#include <cstdint>
#include <map>

#include "common/input_error.hpp"

namespace rbc::frequency {

std::vector<AntigenPlace> place_antigens(const std::vector<std::string>& antigens,
                                         const std::vector<SystemPopulation>& systems, const std::string& path) {
  if (antigens.size() > max_query_antigens)
    throw InputError("limit_exceeded", path,
                     "At most " + std::to_string(max_query_antigens) + " antigens (got " +
                         std::to_string(antigens.size()) + ")");
  std::vector<AntigenPlace> places;
  std::map<std::string, std::size_t> seen;
  for (std::size_t i = 0; i < antigens.size(); ++i) {
    const auto p = field_index(path, i);
    if (const auto [it, fresh] = seen.emplace(antigens[i], i); !fresh)
      throw InputError("duplicate_name", p, "Antigen '" + antigens[i] + "' is listed twice");
    bool found = false;
    for (std::size_t k = 0; k < systems.size() && !found; ++k) {
      const auto& names = systems[k].system->definition().antigens;
      for (std::size_t b = 0; b < names.size(); ++b)
        if (names[b] == antigens[i]) {
          places.push_back({static_cast<int>(k), static_cast<int>(b)});
          found = true;
          break;
        }
    }
    if (!found) {
      std::string known;
      for (const auto& s : systems)
        for (const auto& n : s.system->definition().antigens) known += (known.empty() ? "" : ", ") + n;
      throw InputError("unknown_antigen", p, "'" + antigens[i] + "' is not an antigen of these systems (" + known + ")");
    }
  }
  return places;
}

std::vector<double> system_marginal(const SystemPopulation& population, const std::vector<AntigenPlace>& places,
                                    int system, const std::vector<int>& members) {
  std::vector<double> out(std::size_t{1} << members.size(), 0.0);
  const auto& phenotypes = population.system->phenotypes();
  for (std::size_t p = 0; p < phenotypes.size(); ++p) {
    // Eq. 4.10: phenotype L counts towards the group it shows on A's antigens of this system.
    std::size_t group = 0;
    for (std::size_t m = 0; m < members.size(); ++m) {
      const auto& place = places[static_cast<std::size_t>(members[m])];
      if (place.system == system && ((phenotypes[p].antigens >> place.bit) & 1U)) group |= std::size_t{1} << m;
    }
    out[group] += population.phenotype_frequencies[static_cast<Eigen::Index>(p)];
  }
  return out;
}

namespace {

std::vector<std::vector<int>> members_by_system(std::size_t systems, const std::vector<AntigenPlace>& places) {
  std::vector<std::vector<int>> members(systems);
  for (std::size_t i = 0; i < places.size(); ++i)
    members[static_cast<std::size_t>(places[i].system)].push_back(static_cast<int>(i));
  return members;
}

}  // namespace

GroupFrequency group_frequency(const std::vector<SystemPopulation>& systems, const std::vector<AntigenPlace>& places,
                               const std::vector<int>& present) {
  const auto members = members_by_system(systems.size(), places);
  GroupFrequency out;
  out.frequency = 1;
  for (std::size_t k = 0; k < systems.size(); ++k) {
    std::size_t group = 0;
    for (std::size_t m = 0; m < members[k].size(); ++m)
      for (int a : present)
        if (a == members[k][m]) group |= std::size_t{1} << m;
    const double f = system_marginal(systems[k], places, static_cast<int>(k), members[k])[group];
    out.factors.push_back({static_cast<int>(k), members[k], f});
    out.frequency *= f;  // eq. 4.11
  }
  return out;
}

std::vector<double> blood_group_table(const std::vector<SystemPopulation>& systems,
                                      const std::vector<AntigenPlace>& places, const std::string& path) {
  const std::size_t n = places.size();
  if (n > max_table_antigens)
    throw InputError("limit_exceeded", path,
                     "A table over " + std::to_string(n) + " antigens has " + std::to_string(std::size_t{1} << n) +
                         " blood groups; at most " + std::to_string(max_table_antigens) +
                         " antigens are tabulated (ask for single groups instead)");
  const auto members = members_by_system(systems.size(), places);
  std::vector<std::vector<double>> marginals;
  for (std::size_t k = 0; k < systems.size(); ++k)
    marginals.push_back(system_marginal(systems[k], places, static_cast<int>(k), members[k]));
  // Each antigen's system and its bit within that system's marginal index.
  std::vector<std::size_t> system_of(n), local_bit(n);
  for (std::size_t k = 0; k < systems.size(); ++k)
    for (std::size_t m = 0; m < members[k].size(); ++m) {
      system_of[static_cast<std::size_t>(members[k][m])] = k;
      local_bit[static_cast<std::size_t>(members[k][m])] = std::size_t{1} << m;
    }
  // Walk the groups in order, keeping each system's marginal index: from g to g + 1 only the
  // trailing bits change (two on average), so each group costs one product over systems.
  std::vector<std::size_t> local(systems.size(), 0);
  std::vector<double> table(std::size_t{1} << n);
  for (std::size_t g = 0;; ++g) {
    double product = 1;
    for (std::size_t k = 0; k < systems.size(); ++k) product *= marginals[k][local[k]];  // eq. 4.11
    table[g] = product;
    if (g + 1 == table.size()) break;
    for (std::size_t a = 0; a < n; ++a) {
      local[system_of[a]] ^= local_bit[a];
      if ((g + 1) >> a & 1U) break;  // bit a became 1: the bits above stay
    }
  }
  return table;
}

std::vector<double> blood_group_table(const Mixture& mixture, const std::vector<AntigenPlace>& places,
                                      const std::string& path) {
  std::vector<double> table;
  for (const auto& component : mixture) {
    const auto part = blood_group_table(component.population, places, path);
    if (table.empty()) table.assign(part.size(), 0.0);
    for (std::size_t g = 0; g < part.size(); ++g) table[g] += component.weight * part[g];
  }
  return table;
}

namespace {

// Bit masks over one system's antigens of the positions in A listed.
std::uint64_t system_mask(const std::vector<AntigenPlace>& places, const std::vector<int>& positions,
                          std::size_t system) {
  std::uint64_t mask = 0;
  for (int a : positions) {
    const auto& place = places[static_cast<std::size_t>(a)];
    if (static_cast<std::size_t>(place.system) == system) mask |= std::uint64_t{1} << place.bit;
  }
  return mask;
}

}  // namespace

double share(const Mixture& mixture, const std::vector<AntigenPlace>& places, const std::vector<int>& present,
             const std::vector<int>& absent) {
  double total = 0;
  for (const auto& component : mixture) {
    double product = 1;
    for (std::size_t k = 0; k < component.population.size(); ++k) {
      const auto& population = component.population[k];
      const std::uint64_t has = system_mask(places, present, k), lacks = system_mask(places, absent, k);
      if (has == 0 && lacks == 0) continue;  // a sum over all phenotypes: 1
      const auto& phenotypes = population.system->phenotypes();
      double sum = 0;
      for (std::size_t p = 0; p < phenotypes.size(); ++p)
        if ((phenotypes[p].antigens & has) == has && (phenotypes[p].antigens & lacks) == 0)
          sum += population.phenotype_frequencies[static_cast<Eigen::Index>(p)];
      product *= sum;
    }
    total += component.weight * product;
  }
  return std::clamp(total, 0.0, 1.0);
}

namespace {

// Sums of probabilities that add up to 1 lie in [0, 1]; the rounding of 2^n additions can
// leave one a few ulps outside (1.0000000000000002), which is not a probability.
std::vector<double> probabilities(std::vector<double> sums) {
  for (double& v : sums) v = std::clamp(v, 0.0, 1.0);
  return sums;
}

}  // namespace

std::vector<double> usability(std::vector<double> f) {
  // Superset-sum (zeta) transform, one antigen at a time; blocks of groups without `bit`
  // (the inner loop is contiguous, so the compiler vectorises it).
  for (std::size_t bit = 1; bit < f.size(); bit <<= 1)
    for (std::size_t base = 0; base < f.size(); base += 2 * bit)
      for (std::size_t g = base; g < base + bit; ++g) f[g] += f[g + bit];
  return probabilities(std::move(f));
}

std::vector<double> receivability(std::vector<double> f) {
  // Subset-sum (zeta) transform.
  for (std::size_t bit = 1; bit < f.size(); bit <<= 1)
    for (std::size_t base = 0; base < f.size(); base += 2 * bit)
      for (std::size_t g = base; g < base + bit; ++g) f[g + bit] += f[g];
  return probabilities(std::move(f));
}

std::optional<double> opportunity_loss(double usability_supplied, double usability_requested) {
  if (!(usability_supplied > 0)) return std::nullopt;
  return std::clamp((usability_supplied - usability_requested) / usability_supplied, 0.0, 1.0);
}

std::vector<CompatibleDonorGroup> compatible_donor_groups(std::size_t recipient_group,
                                                          const std::vector<double>& usability) {
  std::vector<CompatibleDonorGroup> out;
  // Every subset of j, from j itself down to the empty set.
  for (std::size_t i = recipient_group;; i = (i - 1) & recipient_group) {
    out.push_back({i, opportunity_loss(usability[i], usability[recipient_group])});
    if (i == 0) break;
  }
  std::stable_sort(out.begin(), out.end(), [](const CompatibleDonorGroup& a, const CompatibleDonorGroup& b) {
    if (a.loss.has_value() != b.loss.has_value()) return a.loss.has_value();
    if (a.loss && *a.loss != *b.loss) return *a.loss < *b.loss;
    return a.group < b.group;
  });
  return out;
}

}  // namespace rbc::frequency
