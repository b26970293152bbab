#include "issuing/sampling.hpp"

#include <algorithm>
#include <cmath>

#include "common/input_error.hpp"

namespace rbc::issuing {

const char* to_string(CountLaw law) {
  switch (law) {
    case CountLaw::fixed: return "fixed";
    case CountLaw::poisson: return "poisson";
    case CountLaw::negative_binomial: return "negative_binomial";
  }
  return "?";
}

double day_mean(const CountModel& m, int day) { return m.mean * m.weekday[static_cast<std::size_t>(day % 7)]; }

std::int64_t draw_count(const CountModel& m, int day, numeric::Rng& rng) {
  const double mean = day_mean(m, day);
  switch (m.law) {
    case CountLaw::fixed: return static_cast<std::int64_t>(std::floor(mean + 0.5));
    case CountLaw::poisson: return numeric::poisson(rng, mean);
    case CountLaw::negative_binomial: return numeric::negative_binomial(rng, mean, m.dispersion);
  }
  return 0;
}

namespace {
std::vector<double> component_weights(const frequency::Mixture& mixture) {
  std::vector<double> w;
  for (const auto& c : mixture) w.push_back(c.weight);
  return w;
}
}  // namespace

namespace {
Group system_bits(const std::vector<frequency::AntigenPlace>& places, std::size_t system) {
  Group g = 0;
  for (std::size_t a = 0; a < places.size(); ++a)
    if (places[a].system == static_cast<int>(system)) g |= Group{1} << a;
  return g;
}
}  // namespace

void check_joint(const JointTable& t, const std::vector<frequency::AntigenPlace>& places,
                 const std::vector<std::string>& antigens, const std::string& path) {
  if (t.antigens == 0) return;
  std::size_t systems = 0;
  for (const auto& p : places) systems = std::max(systems, static_cast<std::size_t>(p.system) + 1);
  for (std::size_t k = 0; k < systems; ++k) {
    const Group s = system_bits(places, k);
    if ((s & t.antigens) != 0 && (s & ~t.antigens) != 0) {
      std::string missing;
      for (std::size_t a = 0; a < antigens.size(); ++a)
        if (((s & ~t.antigens) >> a) & 1U) missing += (missing.empty() ? "" : ", ") + antigens[a];
      throw InputError("invalid_field", field_member(path, "antigens"),
                       "A joint table replaces whole blood-group systems: add " + missing +
                           " (in the same system as antigens of the table)");
    }
  }
  if (t.types.empty() || t.types.size() != t.frequencies.size() || t.types.size() > max_joint_rows)
    throw InputError(t.types.size() > max_joint_rows ? "limit_exceeded" : "invalid_field", field_member(path, "types"),
                     "Give 1 to " + std::to_string(max_joint_rows) + " types, one frequency each");
  double sum = 0;
  for (std::size_t r = 0; r < t.types.size(); ++r) {
    if ((t.types[r] & ~t.antigens) != 0)
      throw InputError("invalid_field", field_index(field_member(path, "types"), r), "A type names an antigen outside the table's antigens");
    if (!(t.frequencies[r] >= 0 && std::isfinite(t.frequencies[r])))
      throw InputError("invalid_field", field_index(field_member(path, "frequencies"), r), "A frequency must be a finite number, 0 or more");
    sum += t.frequencies[r];
  }
  if (!(std::abs(sum - 1) <= 1e-6))
    throw InputError("invalid_field", field_member(path, "frequencies"),
                     "The frequencies of a joint table must add up to 1 (they add up to " + std::to_string(sum) + ")");
}

double share(const frequency::Mixture& mixture, const std::vector<JointTable>& joint,
             const std::vector<frequency::AntigenPlace>& places, const std::vector<int>& present,
             const std::vector<int>& absent) {
  if (joint.empty()) return frequency::share(mixture, places, present, absent);
  double total = 0;
  for (std::size_t c = 0; c < mixture.size(); ++c) {
    const JointTable& t = joint[c];
    Group has = 0, lacks = 0;
    std::vector<int> rest_present, rest_absent;
    const auto split = [&](const std::vector<int>& positions, Group& in_table, std::vector<int>& rest) {
      for (int a : positions) {
        if ((t.antigens >> a) & 1U) in_table |= Group{1} << a;
        else rest.push_back(a);
      }
    };
    split(present, has, rest_present);
    split(absent, lacks, rest_absent);
    double part = 1;
    if (has != 0 || lacks != 0) {
      part = 0;
      for (std::size_t r = 0; r < t.types.size(); ++r)
        if ((t.types[r] & has) == has && (t.types[r] & lacks) == 0) part += t.frequencies[r];
    }
    total += mixture[c].weight * part * frequency::share({{1.0, mixture[c].population}}, places, rest_present, rest_absent);
  }
  return std::clamp(total, 0.0, 1.0);
}

TypeSampler::TypeSampler(const frequency::Mixture& mixture, const std::vector<frequency::AntigenPlace>& places,
                         const std::vector<JointTable>& joint)
    : weights_(component_weights(mixture)), component_(weights_) {
  for (std::size_t c = 0; c < mixture.size(); ++c) {
    const auto& component = mixture[c];
    const Group covered = joint.empty() ? 0 : joint[c].antigens;
    std::vector<SystemDraw> draws;
    if (covered != 0) draws.push_back({numeric::DiscreteDistribution(joint[c].frequencies), joint[c].types});
    for (std::size_t k = 0; k < component.population.size(); ++k) {
      std::vector<int> members;
      for (std::size_t a = 0; a < places.size(); ++a)
        if (places[a].system == static_cast<int>(k)) members.push_back(static_cast<int>(a));
      if (members.empty() || (system_bits(places, k) & ~covered) == 0) continue;
      const auto marginal = frequency::system_marginal(component.population[k], places, static_cast<int>(k), members);
      std::vector<Group> bits(marginal.size(), 0);
      for (std::size_t g = 0; g < marginal.size(); ++g)
        for (std::size_t m = 0; m < members.size(); ++m)
          if ((g >> m) & 1U) bits[g] |= Group{1} << members[m];
      draws.push_back({numeric::DiscreteDistribution(marginal), std::move(bits)});
    }
    systems_.push_back(std::move(draws));
  }
}

Group TypeSampler::operator()(numeric::Rng& rng) const {
  const std::size_t c = systems_.size() == 1 ? 0 : component_(rng);
  Group g = 0;
  for (const auto& s : systems_[c]) g |= s.bits[s.groups(rng)];
  return g;
}

std::vector<std::int64_t> proportional_split(std::int64_t total, const std::vector<double>& shares) {
  double sum = 0;
  for (double s : shares) sum += s;
  std::vector<std::int64_t> out(shares.size(), 0);
  std::vector<std::pair<double, std::size_t>> remainders;
  std::int64_t given = 0;
  for (std::size_t i = 0; i < shares.size(); ++i) {
    const double exact = static_cast<double>(total) * shares[i] / sum;
    out[i] = static_cast<std::int64_t>(std::floor(exact));
    given += out[i];
    remainders.emplace_back(exact - static_cast<double>(out[i]), i);
  }
  std::stable_sort(remainders.begin(), remainders.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (std::size_t k = 0; given < total && k < remainders.size(); ++k, ++given) ++out[remainders[k].second];
  return out;
}

}  // namespace rbc::issuing
