#include "issuing/simulation.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <deque>
#include <exception>
#include <stdexcept>
#include <map>
#include <mutex>
#include <tuple>

#include "common/input_error.hpp"
#include "numeric/random.hpp"

namespace rbc::issuing {

const char* to_string(Method m) { return m == Method::allocate ? "allocate" : "match"; }

int factor_class(double factor) {
  int c = 0;
  double bound = 0.1;
  while (c + 1 < factor_classes && factor < bound) ++c, bound /= 10;
  return c;
}

namespace {

using numeric::Rng;

bool bit(Group g, std::size_t k) { return ((g >> k) & 1U) != 0; }

std::vector<int> positions(Group g) {
  std::vector<int> out;
  for (; g != 0; g &= g - 1) out.push_back(std::countr_zero(g));
  return out;
}

// The A, B, D type of a group as index A + 2 B + 4 D over the antigens A, B, D of A present.
struct MajorIndex {
  int a = -1, b = -1, d = -1;
  explicit MajorIndex(const Scenario& s) {
    for (std::size_t k = 0; k < s.antigens.size(); ++k) {
      if (s.antigens[k] == "A") a = static_cast<int>(k);
      if (s.antigens[k] == "B") b = static_cast<int>(k);
      if (s.antigens[k] == "D") d = static_cast<int>(k);
    }
  }
  int of(Group g) const {
    return (a >= 0 && bit(g, a) ? 1 : 0) + (b >= 0 && bit(g, b) ? 2 : 0) + (d >= 0 && bit(g, d) ? 4 : 0);
  }
  Group bits(int index) const {
    Group g = 0;
    if ((index & 1) && a >= 0) g |= Group{1} << a;
    if ((index & 2) && b >= 0) g |= Group{1} << b;
    if ((index & 4) && d >= 0) g |= Group{1} << d;
    return g;
  }
};

Group all_of(std::size_t n) { return n >= 64 ? ~Group{0} : (Group{1} << n) - 1; }

void need(bool ok, const std::string& path, const std::string& message, const char* code = "invalid_field") {
  if (!ok) throw InputError(code, path, message);
}

void check_count(const CountModel& m, const std::string& path, const std::string& what) {
  need(m.mean >= 0 && m.mean <= max_count_mean, field_member(path, "mean"),
       "The mean number of " + what + " a day must lie in [0, " + std::to_string(static_cast<long>(max_count_mean)) + "]");
  need(m.law != CountLaw::negative_binomial || (m.dispersion > 0 && m.dispersion <= numeric::max_gamma_shape),
       field_member(path, "dispersion"), "The dispersion (size) of a negative binomial must be above 0 (at most 1e9)");
  for (std::size_t d = 0; d < 7; ++d)
    need(m.weekday[d] >= 0 && m.weekday[d] <= 10, field_index(field_member(path, "weekday"), d),
         "A weekday factor must lie in [0, 10]");
}

}  // namespace

void check_scenario(const Scenario& s, int first, int count) {
  const std::size_t n = s.antigens.size();
  need(n >= 1 && n <= allocation::max_match_antigens, "antigens",
       "Give between 1 and " + std::to_string(allocation::max_match_antigens) + " antigens");
  need(s.places.size() == n && s.immunogenicity.size() == n, "antigens", "One place and immunogenicity per antigen");
  need(s.shelf_life >= 1 && s.shelf_life <= allocation::max_match_shelf_life, "shelf_life",
       "The shelf life must be a whole number of days from 1 to " + std::to_string(allocation::max_match_shelf_life));
  need(s.warm_up_days >= 0 && s.days >= 1 && s.warm_up_days + s.days <= max_days, "days",
       "At least one measured day, and warm-up plus measured days at most " + std::to_string(max_days),
       s.warm_up_days + s.days > max_days ? "limit_exceeded" : "invalid_field");
  need(count >= 1 && count <= max_replications, "replications",
       "Run 1 to " + std::to_string(max_replications) + " replications at a time",
       count > max_replications ? "limit_exceeded" : "invalid_field");
  need(first >= 0 && first + count <= max_replication_index, "first_replication",
       "Replications are numbered 0 to " + std::to_string(max_replication_index - 1));
  check_count(s.supply.count, "supply", "units donated");
  need(s.supply.level >= 0 && s.supply.level <= max_stock_units, "supply.level",
       "The order-up-to level must lie in [0, " + std::to_string(max_stock_units) + "] units",
       s.supply.level > max_stock_units ? "limit_exceeded" : "invalid_field");
  need(s.initial_stock >= 0 && s.initial_stock <= max_stock_units, "initial_stock",
       "The initial stock must lie in [0, " + std::to_string(max_stock_units) + "] units",
       s.initial_stock > max_stock_units ? "limit_exceeded" : "invalid_field");
  need(s.initial_max_age >= 0 && s.initial_max_age < s.shelf_life, "initial_max_age",
       "The oldest initial unit must be younger than the shelf life (0 to " + std::to_string(s.shelf_life - 1) + " days)");
  need(!s.policies.empty() && s.policies.size() <= static_cast<std::size_t>(max_policies), "policies",
       "Give 1 to " + std::to_string(max_policies) + " policies");
  need(!s.demand.empty() && s.demand.size() <= static_cast<std::size_t>(max_demand_streams), "demand",
       "Give 1 to " + std::to_string(max_demand_streams) + " demand streams");
  need(s.groups.size() == s.group_ids.size(), "patient_groups", "One id per patient group");
  need(s.donor_joint.empty() || s.donor_joint.size() == s.donors.size(), "donors", "One joint table (or none) per donor population");
  for (std::size_t c = 0; c < s.donor_joint.size(); ++c)
    check_joint(s.donor_joint[c], s.places, s.antigens, field_member(field_index("donors", c), "joint"));
  double per_day = s.supply.rule == SupplyRule::count ? s.supply.count.mean : static_cast<double>(s.supply.level) / 7;
  for (std::size_t d = 0; d < s.demand.size(); ++d) {
    const auto& st = s.demand[d];
    const auto path = field_index("demand", d);
    check_count(st.requests, field_member(path, "requests"), "requests");
    need(st.patient_group < s.groups.size(), field_member(path, "group"), "Unknown patient group");
    need(!st.units_per_request.empty() && st.units_per_request.size() <= static_cast<std::size_t>(max_units_per_request),
         field_member(path, "units_per_request"),
         "Give the chance of 1, 2, ... units per request, at most " + std::to_string(max_units_per_request) + " units");
    double sum = 0, mean_units = 0;
    for (std::size_t b = 0; b < st.units_per_request.size(); ++b) {
      need(st.units_per_request[b] >= 0 && std::isfinite(st.units_per_request[b]),
           field_index(field_member(path, "units_per_request"), b), "A chance must be a finite number, 0 or more");
      sum += st.units_per_request[b];
      mean_units += static_cast<double>(b + 1) * st.units_per_request[b];
    }
    need(sum > 0, field_member(path, "units_per_request"), "At least one number of units must have a chance above 0");
    per_day += st.requests.mean * mean_units / sum;
    need(st.major_shares.empty() || st.major_shares.size() == 8, field_member(path, "major_shares"),
         "Give the 8 A, B, D types' shares");
    double shares = 0;
    for (double x : st.major_shares) {
      need(x >= 0 && std::isfinite(x), field_member(path, "major_shares"), "A share must be a finite number, 0 or more");
      shares += x;
    }
    need(st.major_shares.empty() || shares > 0, field_member(path, "major_shares"), "The shares must not all be 0");
    need(st.major_shares.empty() || !s.groups[st.patient_group].typed, field_member(path, "major_shares"),
         "A, B, D shares replace the population only for a patient group typed for A, B and D only");
    need(!st.proportional || !st.major_shares.empty(), field_member(path, "proportional"),
         "A proportional split needs the A, B, D shares");
    need(st.major_shares.size() == 8 || !st.population.empty(), field_member(path, "population"),
         "Give the patients' population");
    need(st.antibody_share.empty() || st.antibody_share.size() == n, field_member(path, "antibodies"),
         "One antibody share per antigen");
    for (std::size_t k = 0; k < st.antibody_share.size(); ++k)
      need(st.antibody_share[k] >= 0 && st.antibody_share[k] <= 1, field_member(path, "antibodies"),
           "The share of patients with an antibody against " + s.antigens[k] + " is a probability in [0, 1]");
  }
  for (std::size_t p = 0; p < s.policies.size(); ++p) {
    const auto& pol = s.policies[p];
    const auto path = field_index("policies", p);
    const auto& f = pol.forecast;
    need(f.request_days >= 0 && f.request_days <= max_forecast_days && f.unit_days >= 0 && f.unit_days <= max_forecast_days &&
             f.request_days < s.shelf_life && f.unit_days < s.shelf_life,
         field_member(path, "forecast"),
         "Forecast 0 to " + std::to_string(max_forecast_days) + " days ahead (and fewer days than the shelf life)");
    need(f.arrival_share > 0 && f.arrival_share <= 1, field_member(field_member(path, "forecast"), "arrival_share"),
         "The share of the forecast donations that arrive must lie in (0, 1]");
    need(!f.any() || pol.method == Method::match, field_member(path, "forecast"), "Only match policies forecast (rule E1)");
    need(f.unit_days == 0 || s.supply.rule == SupplyRule::count, field_member(field_member(path, "forecast"), "unit_days"),
         "Donations can be forecast only under a fixed, Poisson or negative binomial supply, not order-up-to");
    if (pol.method == Method::allocate) {
      need(pol.cost.gamma >= 0 && pol.cost.gamma <= 1, field_member(path, "gamma"), "gamma must lie in [0, 1]");
      need(pol.cost.alpha >= 0 && pol.cost.beta >= 0, field_member(path, "alpha"), "alpha and beta must be 0 or more");
    } else {
      allocation::MatchingProblem m;
      m.antigens = n;
      m.immunogenicity = s.immunogenicity;
      m.shelf_life = s.shelf_life;
      m.lambda = pol.lambda;
      m.alpha = pol.alpha;
      m.groups = s.groups;
      try {
        allocation::check_matching_settings(m);
      } catch (const InputError& e) {
        throw InputError(e.code(), field_member(path, e.path()), e.what());
      }
    }
  }
  const double work = per_day * (s.warm_up_days + s.days) * count * static_cast<double>(s.policies.size());
  need(work <= max_unit_days, "replications",
       "Too much work for one run: about " + std::to_string(static_cast<long long>(work)) +
           " unit-days (units a day x days x replications x policies; at most " +
           std::to_string(static_cast<long long>(max_unit_days)) + "): run fewer replications per range and merge",
       "limit_exceeded");
}

Outcome empty_outcome(const Scenario& s) {
  Outcome o;
  const std::size_t streams = s.demand.size(), g = static_cast<std::size_t>(s.shelf_life);
  o.stream_requested.assign(streams, 0);
  o.stream_issued.assign(streams, 0);
  o.stream_shortage.assign(streams, 0);
  o.stream_identical.assign(streams, 0);
  o.issue_age.assign(streams, std::vector<std::int64_t>(g, 0));
  for (auto* v : {&o.request_identical, &o.request_compatible, &o.request_shortage, &o.unit_identical,
                  &o.unit_compatible, &o.unit_outdated})
    v->assign(factor_classes, 0);
  o.stock_age.assign(g, 0);
  o.stock_major.assign(8, 0);
  o.mismatches.assign(s.antigens.size(), 0);
  return o;
}

namespace {

// A day's requests, identical patients added up: (stream, type, antibodies) -> units.
struct DayRequest {
  std::size_t stream = 0;
  Group type = 0, antibodies = 0;
  int requests = 0, units = 0;
};

// Everything drawn from the scenario once and shared, read-only, by every replication.
struct Prepared {
  const Scenario& s;
  MajorIndex major;
  TypeSampler donors;
  std::vector<TypeSampler> patients;  // per stream (a dummy for streams drawn from shares)
  std::vector<numeric::DiscreteDistribution> units, shares;
  std::vector<Group> known;  // per stream: the antigens its patients are typed for
  std::vector<allocation::MatchingProblem> rules;  // per policy (match)

  explicit Prepared(const Scenario& sc)
      : s(sc), major(sc), donors(sc.donors, sc.places, sc.donor_joint) {
    const Group all = all_of(s.antigens.size());
    for (const auto& st : s.demand) {
      patients.emplace_back(st.population.empty() ? s.donors : st.population, s.places);
      units.emplace_back(st.units_per_request);
      shares.emplace_back(st.major_shares.empty() ? std::vector<double>{1} : st.major_shares);
      known.push_back(s.groups[st.patient_group].typed ? all : s.major);
    }
    for (const auto& p : s.policies) {
      allocation::MatchingProblem m;
      m.antigens = s.antigens.size();
      m.major = s.major;
      m.immunogenicity = s.immunogenicity;
      m.mismatch = p.mismatch;
      m.substitution = p.substitution;
      m.shelf_life = s.shelf_life;
      m.lambda = p.lambda;
      m.alpha = p.alpha;
      m.groups = s.groups;
      rules.push_back(std::move(m));
    }
  }

  std::vector<DayRequest> draw_demand(int t, Rng& rng) const {
    std::map<std::tuple<std::size_t, Group, Group>, std::pair<int, int>> day;
    for (std::size_t k = 0; k < s.demand.size(); ++k) {
      const auto& st = s.demand[k];
      const bool typed = s.groups[st.patient_group].typed;
      const std::int64_t n = draw_count(st.requests, t, rng);
      const auto add = [&](Group type) {
        const int b = static_cast<int>(units[k](rng)) + 1;
        Group antibodies = 0;
        if (typed)
          for (std::size_t a = 0; a < st.antibody_share.size(); ++a)
            if (st.antibody_share[a] > 0 && numeric::bernoulli(rng, st.antibody_share[a]) && !bit(type, a))
              antibodies |= Group{1} << a;
        auto& e = day[{k, type, antibodies}];
        e.first += 1;
        e.second += b;
      };
      if (st.proportional) {
        const auto split = proportional_split(n, st.major_shares);
        for (int m = 0; m < 8; ++m)
          for (std::int64_t i = 0; i < split[static_cast<std::size_t>(m)]; ++i) add(major.bits(m));
      } else {
        for (std::int64_t i = 0; i < n; ++i) {
          Group type = st.major_shares.empty() ? patients[k](rng) : major.bits(static_cast<int>(shares[k](rng)));
          add(type & known[k]);
        }
      }
    }
    std::vector<DayRequest> out;
    for (const auto& [key, v] : day) out.push_back({std::get<0>(key), std::get<1>(key), std::get<2>(key), v.first, v.second});
    return out;
  }
};

// Per replication: usability and receivability, computed once per type (the populations'
// shares are products of sums, eq. 4.10-4.11).
struct Factors {
  const Scenario& s;
  std::map<Group, double> usability;
  std::map<std::pair<Group, Group>, double> receivability;
  double usability_of(Group g) {
    auto it = usability.find(g);
    if (it == usability.end()) it = usability.emplace(g, frequency::share(s.recipients, s.places, positions(g), {})).first;
    return it->second;
  }
  double receivability_of(Group type, Group known) {
    auto it = receivability.find({type, known});
    if (it == receivability.end())
      it = receivability.emplace(std::pair{type, known}, share(s.donors, s.donor_joint, s.places, {}, positions(known & ~type))).first;
    return it->second;
  }
};

Rng replication_base(std::uint64_t seed, int index) {
  Rng g(seed);
  for (int i = 0; i < index; ++i) g.long_jump();
  return g;
}

enum Purpose { initial_stock_purpose = 0, supply_count_purpose = 1, supply_type_purpose = 2, demand_purpose = 3, forecast_purpose = 4 };
Rng purpose_stream(Rng base, int purpose) {
  for (int i = 0; i < purpose; ++i) base.jump();
  return base;
}

// One policy's stock: counts per type, per age 0 .. G - 1.
using Stock = std::vector<std::map<Group, int>>;

std::int64_t total(const Stock& stock) {
  std::int64_t n = 0;
  for (const auto& age : stock)
    for (const auto& [type, count] : age) n += count;
  return n;
}

struct PolicyState {
  Stock stock;
  Rng supply_types;
  Rng forecast;  // rule E1's units expected and not arriving
  std::deque<std::vector<Group>> arrivals;  // donated types of today and the days forecast (count rules)
};

// Rule E1's view of the days ahead for one policy: booked requests due in 1 .. request_days
// days, and the donations of the next unit_days days (ages -1, -2, ...) with those expected
// and not arriving (seed 004 sec. 4.3).
struct Ahead {
  std::vector<allocation::MatchRequest> requests;
  std::vector<allocation::UnitClass> units;
};

struct DayCounts {
  std::int64_t supplied = 0, requested = 0, issued = 0, shortage = 0, outdated = 0, mismatches = 0;
  double alloimmunisations = 0;
};

// Step 4 of a day under one policy: the allocation, and what it issued, into `o` (when
// measured) and `day`.
void allocate_day(const Prepared& P, std::size_t policy, Stock& stock, const std::vector<DayRequest>& requests,
                  const Ahead& ahead, Factors& F, Outcome* o, DayCounts& day, const Progress& progress) {
  const Scenario& s = P.s;
  const auto& pol = s.policies[policy];
  const int G = s.shelf_life;
  // Classes, oldest first, then by type.
  std::vector<allocation::UnitClass> classes;
  for (int age = G - 1; age >= 0; --age)
    for (const auto& [type, count] : stock[static_cast<std::size_t>(age)])
      if (count > 0) classes.push_back({type, age, count});
  std::vector<int> delivered(requests.size(), 0);
  std::vector<std::int64_t> identical(requests.size(), 0);
  const auto issue = [&](const allocation::UnitClass& c, std::size_t j, int units, Group mismatched) {
    auto& cell = stock[static_cast<std::size_t>(c.age)][c.type];
    cell -= units;
    if (cell == 0) stock[static_cast<std::size_t>(c.age)].erase(c.type);
    const auto& r = requests[j];
    delivered[j] += units;
    const Group known = P.known[r.stream];
    const bool same = (c.type & known) == r.type;
    if (same) identical[j] += units;
    day.issued += units;
    double xa = 0;
    std::int64_t mm = 0;
    for (Group g = mismatched; g != 0; g &= g - 1) {
      const auto k = static_cast<std::size_t>(std::countr_zero(g));
      xa += s.immunogenicity[k] * units;
      mm += units;
      if (o) o->mismatches[k] += units;
    }
    day.mismatches += mm;
    day.alloimmunisations += xa;
    if (o) {
      o->stream_issued[r.stream] += units;
      if (same) o->stream_identical[r.stream] += units;
      o->issue_age[r.stream][static_cast<std::size_t>(c.age)] += units;
      const int uc = factor_class(F.usability_of(c.type));
      (same ? o->unit_identical : o->unit_compatible)[static_cast<std::size_t>(uc)] += units;
    }
  };
  const auto major_usability = [&](Group g) { return F.usability_of(g); };
  const std::string path = field_index("policies", policy);
  try {
    if (pol.method == Method::match) {
      allocation::MatchingProblem m = P.rules[policy];
      for (const auto& r : requests)
        m.requests.push_back({r.type, r.antibodies, s.demand[r.stream].patient_group, r.units});
      m.requests.insert(m.requests.end(), ahead.requests.begin(), ahead.requests.end());
      std::vector<allocation::UnitClass> all = classes;
      all.insert(all.end(), ahead.units.begin(), ahead.units.end());
      const auto result = allocation::match_classes(m, all, major_usability, progress);
      for (const auto& f : result.flows) {
        if (f.request >= requests.size()) continue;  // planned for a later day: stays in stock
        // A unit not yet arrived cannot serve today (allocation::match_classes' hard rule).
        if (f.unit_class >= classes.size()) throw std::logic_error("a forecast unit was issued today");
        issue(classes[f.unit_class], f.request, f.units, f.mismatched);
      }
    } else {
      // Every patient matched on all of A (eq. 4.8); an untyped patient counts as positive for
      // every antigen but A, B, D (seed 004 sec. 4.2). Requests of one type are one entry.
      allocation::AllocationProblem a;
      a.max_shelf_life = G;
      a.cost = pol.cost;
      // The day needs each unit's class and each request's group, not one edge's flow among
      // equal optima: the per-group network has a third of the arcs.
      a.layout = allocation::EdgeLayout::per_group;
      for (const auto& c : classes) a.stock.push_back({c.type, G - c.age, c.units});
      const Group all = all_of(s.antigens.size());
      std::map<Group, std::size_t> entry;
      std::vector<std::vector<std::size_t>> members;  // per entry: requests, in order
      for (std::size_t j = 0; j < requests.size(); ++j) {
        const Group effective = P.known[requests[j].stream] == all ? requests[j].type : requests[j].type | (all & ~s.major);
        auto [it, added] = entry.emplace(effective, a.requests.size());
        if (added) a.requests.push_back({effective, 0}), members.emplace_back();
        a.requests[it->second].units += requests[j].units;
        members[it->second].push_back(j);
      }
      const auto result = allocation::allocate(a, major_usability, progress);
      // A flow to an entry goes to its requests in order (they differ only in stream).
      std::vector<std::size_t> next(members.size(), 0);
      std::vector<int> left_in(requests.size());
      for (std::size_t j = 0; j < requests.size(); ++j) left_in[j] = requests[j].units;
      for (const auto& f : result.flows) {
        int units = f.units;
        while (units > 0) {
          auto& k = next[f.request];
          const std::size_t j = members[f.request][k];
          const int give = std::min(units, left_in[j]);
          left_in[j] -= give;
          units -= give;
          issue(classes[f.stock], j, give, 0);
          if (left_in[j] == 0) ++k;
        }
      }
    }
  } catch (const InputError& e) {
    throw InputError(e.code(), path,
                     "A day's allocation under policy " + std::to_string(policy + 1) + " (" + pol.label +
                         ") could not be solved: " + e.what());
  }
  for (std::size_t j = 0; j < requests.size(); ++j) {
    const auto& r = requests[j];
    const int short_units = r.units - delivered[j];
    day.shortage += short_units;
    if (!o) continue;
    o->stream_shortage[r.stream] += short_units;
    const int rc = factor_class(F.receivability_of(r.type, P.known[r.stream]));
    o->request_identical[static_cast<std::size_t>(rc)] += identical[j];
    o->request_compatible[static_cast<std::size_t>(rc)] += delivered[j] - identical[j];
    o->request_shortage[static_cast<std::size_t>(rc)] += short_units;
  }
}

// Rule E1's view for one policy on day t: demand_days[k - 1] holds day t + k's requests,
// st.arrivals[k - 1] day t + k's donated types (after today's were stocked).
Ahead look_ahead(const Prepared& P, const Forecast& f, const std::deque<std::vector<DayRequest>>& demand_days, PolicyState& st) {
  Ahead out;
  for (int k = 1; k <= f.request_days; ++k)
    for (const auto& r : demand_days[static_cast<std::size_t>(k - 1)])
      if (P.s.demand[r.stream].booked)
        out.requests.push_back({r.type, r.antibodies, P.s.demand[r.stream].patient_group, r.units, k});
  for (int k = 1; k <= f.unit_days; ++k) {
    std::map<Group, int> day;
    const auto& arriving = st.arrivals[static_cast<std::size_t>(k - 1)];
    for (Group g : arriving) ++day[g];
    // n arriving, round(n / share) expected (seed 004: "only 97% of the stock anticipated actually arrives").
    const auto n = static_cast<std::int64_t>(arriving.size());
    const auto expected = static_cast<std::int64_t>(std::floor(static_cast<double>(n) / f.arrival_share + 0.5));
    for (std::int64_t i = n; i < expected; ++i) ++day[P.donors(st.forecast)];
    for (const auto& [type, count] : day) out.units.push_back({type, -k, count});
  }
  return out;
}

}  // namespace

Replication simulate_replication(const Scenario& s, int index, std::vector<std::vector<DayTrace>>* trace,
                                 const Progress& progress) {
  const Prepared P(s);
  return [&] {
    Replication rep;
    rep.index = index;
    const Rng base = replication_base(s.seed, index);
    Rng initial = purpose_stream(base, initial_stock_purpose);
    Rng supply_count = purpose_stream(base, supply_count_purpose);
    Rng demand = purpose_stream(base, demand_purpose);
    const int G = s.shelf_life;
    Stock start(static_cast<std::size_t>(G));
    for (std::int64_t i = 0; i < s.initial_stock; ++i) {
      const Group type = P.donors(initial);
      const auto age = static_cast<std::size_t>(numeric::uniform_int(initial, 0, s.initial_max_age));
      ++start[age][type];
    }
    const std::size_t np = s.policies.size();
    std::vector<PolicyState> state(
        np, PolicyState{start, purpose_stream(base, supply_type_purpose), purpose_stream(base, forecast_purpose), {}});
    // Demand and supply counts are drawn in day order, a few days early when a policy forecasts:
    // the same numbers on the same days as drawing each on its day.
    int request_days = 0, unit_days = 0;
    for (const auto& p : s.policies)
      request_days = std::max(request_days, p.forecast.request_days), unit_days = std::max(unit_days, p.forecast.unit_days);
    std::deque<std::vector<DayRequest>> demand_days;  // days t .. t + request_days
    std::deque<std::int64_t> count_days;              // days t .. t + unit_days
    int demand_drawn = 0, counts_drawn = 0;
    std::vector<Factors> factors(np, Factors{s, {}, {}});
    rep.policies.assign(np, empty_outcome(s));
    if (trace) trace->assign(np, {});
    const int last = s.warm_up_days + s.days;
    for (int d = 1; d <= last; ++d) {
      const bool measured = d > s.warm_up_days;
      const int t = d - 1;
      for (; demand_drawn <= t + request_days; ++demand_drawn) demand_days.push_back(P.draw_demand(demand_drawn, demand));
      if (s.supply.rule == SupplyRule::count)
        for (; counts_drawn <= t + unit_days; ++counts_drawn) count_days.push_back(draw_count(s.supply.count, counts_drawn, supply_count));
      const std::vector<DayRequest> requests = std::move(demand_days.front());
      demand_days.pop_front();
      const std::int64_t donated = s.supply.rule == SupplyRule::count ? count_days.front() : 0;
      for (std::size_t p = 0; p < np; ++p) {
        auto& st = state[p];
        Outcome* o = measured ? &rep.policies[p] : nullptr;
        DayCounts day;
        if (o && d == s.warm_up_days + 1) o->stock_start = total(st.stock);
        // 1. Ageing; units reaching G are outdated.
        for (const auto& [type, count] : st.stock.back()) {
          day.outdated += count;
          if (o) o->unit_outdated[static_cast<std::size_t>(factor_class(factors[p].usability_of(type)))] += count;
        }
        std::rotate(st.stock.rbegin(), st.stock.rbegin() + 1, st.stock.rend());
        st.stock.front().clear();
        // 2. Donations at age 0 (types drawn in donation order, early for the days forecast).
        const auto& forecast = s.policies[p].forecast;
        if (s.supply.rule == SupplyRule::count) {
          for (auto k = static_cast<int>(st.arrivals.size()); k <= forecast.unit_days; ++k) {
            std::vector<Group> types(static_cast<std::size_t>(count_days[static_cast<std::size_t>(k)]));
            for (auto& g : types) g = P.donors(st.supply_types);
            st.arrivals.push_back(std::move(types));
          }
          day.supplied = donated;
          for (Group g : st.arrivals.front()) ++st.stock.front()[g];
          st.arrivals.pop_front();
        } else {
          day.supplied = std::max<std::int64_t>(0, s.supply.level - total(st.stock));
          for (std::int64_t i = 0; i < day.supplied; ++i) ++st.stock.front()[P.donors(st.supply_types)];
        }
        const Ahead ahead = look_ahead(P, forecast, demand_days, st);
        // 3-5. Requests, the allocation, lost demand.
        for (const auto& r : requests) {
          day.requested += r.units;
          if (o) o->stream_requested[r.stream] += r.units, o->requests += r.requests;
        }
        allocate_day(P, p, st.stock, requests, ahead, factors[p], o, day, progress.part(static_cast<double>(t) / last,
                                                                                   static_cast<double>(d) / last));
        const std::int64_t in_stock = total(st.stock);
        if (o) {
          ++o->days;
          o->supplied += day.supplied;
          o->requested += day.requested;
          o->issued += day.issued;
          o->shortage += day.shortage;
          o->outdated += day.outdated;
          o->stock_days += in_stock;
          o->stock_end = in_stock;
          for (int age = 0; age < G; ++age)
            for (const auto& [type, count] : st.stock[static_cast<std::size_t>(age)]) {
              o->stock_age[static_cast<std::size_t>(age)] += count;
              o->stock_major[static_cast<std::size_t>(P.major.of(type))] += count;
            }
          if (trace)
            (*trace)[p].push_back({d - s.warm_up_days, day.supplied, day.requested, day.issued, day.shortage, day.outdated,
                                   in_stock, day.mismatches, day.alloimmunisations});
        }
      }
      if (!count_days.empty()) count_days.pop_front();
      progress.report(static_cast<double>(d) / last, "simulating days");
    }
    return rep;
  }();
}

RunResult simulate(const Scenario& s, int first, int count, int trace, const Progress& progress,
                   const ParallelFor& parallel) {
  check_scenario(s, first, count);
  RunResult out;
  out.replications.resize(static_cast<std::size_t>(count));
  const bool traced = trace >= first && trace < first + count;
  if (traced) out.traced = trace;
  const auto body = [&](std::size_t i, const Progress& part) {
    const int index = first + static_cast<int>(i);
    out.replications[i] = simulate_replication(s, index, index == trace ? &out.trace : nullptr, part);
  };
  if (parallel) {
    // Progress is not thread-safe: the pieces run silent, and the run reports when they are done.
    std::mutex failure_lock;
    std::exception_ptr failure;
    parallel(static_cast<std::size_t>(count), [&](std::size_t i) {
      try {
        body(i, Progress{});
      } catch (...) {
        const std::lock_guard<std::mutex> lock(failure_lock);
        if (!failure) failure = std::current_exception();
      }
    });
    if (failure) std::rethrow_exception(failure);
  } else {
    for (int i = 0; i < count; ++i)
      body(static_cast<std::size_t>(i), progress.part(static_cast<double>(i) / count, static_cast<double>(i + 1) / count));
  }
  progress.report(1, "done");
  return out;
}

}  // namespace rbc::issuing
