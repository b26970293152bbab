#include "issuing/sampling.hpp"

#include <algorithm>
#include <cmath>

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

TypeSampler::TypeSampler(const frequency::Mixture& mixture, const std::vector<frequency::AntigenPlace>& places)
    : weights_(component_weights(mixture)), component_(weights_) {
  for (const auto& component : mixture) {
    std::vector<SystemDraw> draws;
    for (std::size_t k = 0; k < component.population.size(); ++k) {
      std::vector<int> members;
      for (std::size_t a = 0; a < places.size(); ++a)
        if (places[a].system == static_cast<int>(k)) members.push_back(static_cast<int>(a));
      if (members.empty()) continue;
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
