// The `antigen_order` operation: which minor antigens to match first, and so which to drop
// first when fully matched units are not in stock (thesis ch. 7): the dynamic programme over
// every matching strategy (eq. 7.2-7.3) on the likelihood of finding k matched units among n
// (inventory models 1-3, appendix 7.5.2, Algorithm 1), with the curve of Fig. 7.3, the order
// of Table 7.5, the matched distribution of Table 7.4 and a scenario grid (Fig. 7.4).
#include <algorithm>
#include <bit>
#include <cmath>
#include <map>

#include "antigen_order/builtin_antibody_shares.hpp"
#include "antigen_order/scenario.hpp"
#include "api/operations.hpp"
#include "api/population_json.hpp"
#include "api/reader.hpp"
#include "common/input_error.hpp"
#include "frequency/blood_groups.hpp"
#include "frequency/populations.hpp"
#include "numeric/statistics.hpp"

namespace rbc::api {

using nlohmann::json;
namespace ao = rbc::antigen_order;

namespace {

constexpr int max_minor = 14;
constexpr int max_strategy_rows = 4096;
// Simulated recipients in one request (strategies x draws x replications, over the grid's
// model-3 scenarios): about a minute natively.
constexpr double max_simulated_draws = 4294967296.0;  // 2^32
// Replacement units drawn ahead per replication (draws x k).
constexpr double max_replacements = 1e7;
constexpr int max_grid_values = 10;
constexpr std::size_t max_population_variants = 4;


struct OrderFields {
  Field<json> always_matched, antigens, antibody_shares, systems, populations, donors, recipients;
  Field<int> n, k, model, draws, replications, seed;
  Field<double> cutoff;
  Field<json> strategy;
  Field<std::string> order;
  Field<int> offset, limit;
  Field<json> grid;
  Field<bool> robustness;
  Field<json> robustness_populations;
  std::vector<FieldSpec> specs() const {
    return {always_matched.spec, antigens.spec, antibody_shares.spec, systems.spec, populations.spec, donors.spec,
            recipients.spec, n.spec, k.spec, model.spec, draws.spec, replications.spec, seed.spec, cutoff.spec,
            strategy.spec, order.spec, offset.spec, limit.spec, grid.spec, robustness.spec,
            robustness_populations.spec};
  }
};

Field<json> with_max_items(Field<json> field, int most) {
  field.spec.max_items = most;
  return field;
}

// Table 7.1 as {antigen: share}: the default of `antibody_shares`, so `describe` gives it to the page.
json table_7_1_json() {
  json out = json::object();
  for (const auto& [antigen, share] : ao::table_7_1_shares().shares) out[antigen] = share;
  return out;
}

const OrderFields& fields() {
  static const std::string population_shape =
      "as `frequencies` reads it: {system id: population id or phenotype frequencies} (systems not named use "
      "their thesis Table 4.4 table), or a mixture [{\"weight\": 0.9, \"populations\": {...}}, ...]";
  static const OrderFields f{
      json_field("always_matched", "string[]",
                 "The antigens every strategy matches (A, B and D in the thesis). They stay in the blood groups "
                 "and in the likelihood of finding matched units.",
                 "thesis eq. 7.1", false, json{"A", "B", "D"}),
      with_max_items(json_field("antigens", "string[]",
                                "The minor antigens considered, at most " + std::to_string(max_minor) +
                                    ": each strategy matches a subset of them (2^count strategies).",
                                "thesis sec. 7.2.4", false,
                                json{"C", "c", "E", "e", "K", "Fya", "Fyb", "Jka", "Jkb", "M", "S", "s"}),
                     max_minor),
      json_field("antibody_shares", "object",
                 "{antigen: share}: the share of alloantibodies formed against each antigen (p_a). Antigens not "
                 "given take thesis Table 7.1's share (the default; src/antigen_order/builtin_antibody_shares.cpp); "
                 "the shares are scaled to add up to 1 over the antigens considered.",
                 ao::table_7_1_shares().source, false, table_7_1_json()),
      json_field("systems", "object", "Optional: blood-group systems of your own, as in `frequencies`.",
                 "thesis sec. 3.1, eq. 4.11", false),
      json_field("populations", "object",
                 "Optional: {system id: population id or phenotype frequencies} for donors and recipients alike.",
                 "thesis Table 4.4", false),
      json_field("donors", "object | object[]", "Optional: the donor population, " + population_shape + ".",
                 "thesis sec. 7.2.2", false),
      json_field("recipients", "object | object[]",
                 "Optional: the recipient population, in the same form (e.g. more African ancestry than the donors).",
                 "thesis sec. 7.2.2", false),
      integer_field("n", "Inventory size: units in stock.", "thesis sec. 7.2.4", 60, 1, 100000),
      integer_field("k", "Units requested for one recipient (at most n).", "thesis sec. 7.2.4", 2, 1, 100),
      integer_field("model",
                    "Inventory model: 1 static stock, any compatible unit issued; 2 static stock, identical units "
                    "only; 3 changing stock, identical units only (simulated, Algorithm 1).",
                    "thesis Table 7.2, appendix 7.5.2", 2, 1, 3),
      integer_field("draws", "Model 3: recipients simulated per replication and strategy (Algorithm 1: 10,000).",
                    "thesis Algorithm 1", 10000, 100, 100000),
      integer_field("replications",
                    "Model 3: independent replications; their spread gives the standard errors.", "", 4, 2, 100),
      integer_field("seed", "Model 3: the random seed (the same seed gives the same numbers everywhere).", "", 1, 0,
                    2147483647),
      number_field("cutoff", "The order stops at the first antigen that adds less than this to the share prevented.",
                   "thesis Table 7.5 (1e-3 reproduces it)", 1e-3, 0, 1),
      json_field("strategy", "string[]",
                 "Optional: one strategy (minor antigens matched besides the always-matched ones): its value and, "
                 "per recipient group, the likelihood of finding k matched units.",
                 "thesis appendix 7.5.2", false),
      string_field("order", "Order of the strategies listed: best_first (by value) or colex (the thesis's order).", "",
                   "best_first", {"best_first", "colex"}),
      integer_field("offset", "Strategies (and the strategy's groups) to skip, for the next page.", "", 0, 0, 1 << 20),
      integer_field("limit", "How many strategies (and groups of `strategy`) to return.", "", 64, 1,
                    max_strategy_rows),
      json_field("grid", "object",
                 "Optional scenario grid {\"n\": [...], \"k\": [...], \"models\": [...]} (at most " +
                     std::to_string(max_grid_values) +
                     " values each; e.g. n 60, 120, 250, 1000 and k 1, 2, 3, 5, 10): the order and value of each "
                     "combination, and how often each antigen lands at each position (Fig. 7.4).",
                 "thesis sec. 7.2.4, Table 7.5, Fig. 7.4", false),
      boolean_field("robustness", "Also the order with each antibody share halved and raised by half.", "", false),
      with_max_items(json_field("robustness_populations", "object[]",
                 "Optional: up to " + std::to_string(max_population_variants) +
                     " other populations [{\"label\": \"...\", \"donors\": ..., \"recipients\": ...}] (each "
                     "role as in `donors`; a role left out is the request's): the order for each, e.g. recipients "
                     "with more African ancestry than the donors. Listed with the robustness variants; an antigen is "
                     "stable only if its position is the same in all of them.",
                 "", false),
                     static_cast<int>(max_population_variants)),
  };
  return f;
}

json names(const std::vector<int>& antigens, const std::vector<std::string>& minor) {
  json out = json::array();
  for (int a : antigens) out.push_back(minor[static_cast<std::size_t>(a)]);
  return out;
}
json names_of_strategy(std::uint32_t strategy, const std::vector<std::string>& minor) {
  json out = json::array();
  for (std::size_t i = 0; i < minor.size(); ++i)
    if ((strategy >> i) & 1U) out.push_back(minor[i]);
  return out;
}
json maybe(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }

std::vector<double> read_shares(const json* given, const std::vector<std::string>& minor, Context& context,
                                json& shares_out) {
  std::map<std::string, double> shares;
  std::map<std::string, bool> from_request;
  if (given) {
    ObjectReader r(*given, "antibody_shares");
    for (const auto& [name, value] : given->items()) {
      if (std::find(minor.begin(), minor.end(), name) == minor.end())
        throw InputError("unknown_antigen", r.path_of(name),
                         "There is a share for " + name + ", which is not among the antigens considered");
      const double v = read_number(r.member(name), r.path_of(name));
      if (!(v >= 0 && v <= 1))
        throw InputError("invalid_field", r.path_of(name), "The share for " + name + " must be between 0 and 1");
      shares[name] = v;
      from_request[name] = true;
    }
    r.finish();
  }
  std::vector<double> p;
  double sum = 0;
  for (const auto& a : minor) {
    if (!shares.count(a)) {
      const auto it = ao::table_7_1_shares().shares.find(a);
      if (it == ao::table_7_1_shares().shares.end())
        throw InputError("missing_field", "antibody_shares",
                         "Give the share of alloantibodies against " + a + " (Table 7.1 has none)");
      shares[a] = it->second;
    }
    p.push_back(shares[a]);
    sum += shares[a];
  }
  if (!(sum > 0))
    throw InputError("invalid_field", "antibody_shares", "The antibody shares add up to 0: give at least one share");
  if (std::abs(sum - 1) > 1e-9)
    context.warn("shares_renormalised",
                 "The antibody shares of the antigens considered add up to " + frequency::describe_sum(sum) +
                     "; each was divided by that sum, so the values are shares of the alloimmunisation against "
                     "these antigens.",
                 "antibody_shares");
  shares_out = json::array();
  for (std::size_t i = 0; i < minor.size(); ++i) {
    p[i] /= sum;
    shares_out.push_back({{"antigen", minor[i]},
                          {"share", p[i]},
                          {"given", shares[minor[i]]},
                          {"source", from_request[minor[i]] ? "your value" : ao::table_7_1_shares().source}});
  }
  return p;
}

// The strategy picked: minor antigens, each once. An always-matched antigen is named as such
// (every strategy matches it), not as unknown.
std::uint32_t read_strategy(const json& value, const std::vector<std::string>& always, const std::vector<std::string>& minor) {
  const auto names = read_string_array(value, "strategy");
  std::uint32_t bits = 0;
  for (std::size_t i = 0; i < names.size(); ++i) {
    const auto& a = names[i];
    const auto path = field_index("strategy", i);
    if (std::find(always.begin(), always.end(), a) != always.end())
      throw InputError("invalid_field", path,
                       a + " is always matched (every strategy matches it): list only minor antigens in the strategy");
    const auto it = std::find(minor.begin(), minor.end(), a);
    if (it == minor.end())
      throw InputError("unknown_antigen", path,
                       "The strategy names " + a + ", which is not among the minor antigens considered (" +
                           joined(minor) + ")");
    const auto bit = std::uint32_t{1} << (it - minor.begin());
    if (bits & bit) throw InputError("duplicate_name", path, "The strategy names " + a + " twice: name it once");
    bits |= bit;
  }
  return bits;
}

std::vector<int> read_int_list(const json& v, const std::string& path, int lo, int hi, const std::string& what) {
  const auto numbers = read_number_array(v, path);
  if (numbers.empty()) throw InputError("invalid_field", path, "List at least one " + what);
  if (numbers.size() > static_cast<std::size_t>(max_grid_values))
    throw InputError("limit_exceeded", path, "At most " + std::to_string(max_grid_values) + " values of " + what);
  std::vector<int> out;
  for (std::size_t i = 0; i < numbers.size(); ++i) {
    const double x = numbers[i];
    if (x != std::floor(x) || x < lo || x > hi)
      throw InputError("invalid_field", field_index(path, i),
                       "Each " + what + " must be a whole number from " + std::to_string(lo) + " to " + std::to_string(hi));
    if (std::find(out.begin(), out.end(), static_cast<int>(x)) == out.end()) out.push_back(static_cast<int>(x));
  }
  return out;
}

std::vector<ao::Scenario> read_grid(const json& grid) {
  ObjectReader r(grid, "grid");
  const auto ns = read_int_list(r.member("n"), "grid.n", 1, 100000, "inventory size n");
  const auto ks = read_int_list(r.member("k"), "grid.k", 1, 100, "number of units k");
  const auto models = read_int_list(r.member("models"), "grid.models", 1, 3, "model");
  r.finish();
  std::vector<ao::Scenario> out;
  for (int model : models)
    for (int n : ns)
      for (int k : ks) {
        if (k > n)
          throw InputError("invalid_field", "grid.k",
                           "k = " + std::to_string(k) + " units cannot come from an inventory of n = " + std::to_string(n));
        out.push_back({n, k, static_cast<ao::InventoryModel>(model)});
      }
  return out;
}

void check_work(const std::vector<ao::Scenario>& scenarios, int minor, const ao::OrderSettings& s) {
  double simulated = 0;
  for (const auto& sc : scenarios)
    if (sc.model == ao::InventoryModel::dynamic_identical) {
      simulated += std::ldexp(1.0, minor) * static_cast<double>(s.draws) * s.replications;
      if (static_cast<double>(s.draws) * static_cast<double>(sc.k) > max_replacements)
        throw InputError("limit_exceeded", "draws",
                         "Model 3 draws up to draws x k replacement units ahead: at most " +
                             std::to_string(static_cast<long long>(max_replacements)) + " (fewer draws, or a smaller k)");
    }
  if (simulated > max_simulated_draws)
    throw InputError("limit_exceeded", "draws",
                     "Model 3 would simulate " + std::to_string(static_cast<long long>(simulated)) +
                         " recipients (strategies x draws x replications over its scenarios); the limit is " +
                         std::to_string(static_cast<long long>(max_simulated_draws)) +
                         ": fewer antigens, draws, replications or scenarios");
}

json curve_json(const ao::ScenarioAnalysis& a, const std::vector<std::string>& minor) {
  json out = json::array();
  for (std::size_t l = 0; l < a.levels.size(); ++l) {
    const auto& level = a.levels[l];
    json runner = nullptr;
    if (level.runner_up)
      runner = {{"strategy", names_of_strategy(*level.runner_up, minor)},
                {"value", level.runner_up_value},
                {"difference", level.value - level.runner_up_value},
                {"difference_se", a.noise ? json(a.noise->difference_se[l]) : json(nullptr)},
                {"tied", static_cast<bool>(a.level_tied[l])}};
    out.push_back({{"level", level.level},
                   {"value", level.value},
                   {"se", a.noise ? json(a.noise->level_se[l]) : json(nullptr)},
                   {"strategy", names_of_strategy(level.strategy, minor)},
                   {"tied_strategies", level.tied},
                   {"runner_up", runner}});
  }
  return out;
}

// The antigens a level's runner-up has instead, when it is tied with the best.
json tied_with(const ao::ScenarioAnalysis& a, std::size_t level, const std::vector<std::string>& minor) {
  const auto& l = a.levels[level];
  if (!l.runner_up || !a.level_tied[level]) return json::array();
  return names_of_strategy(*l.runner_up & ~l.strategy, minor);
}

json order_json(const ao::ScenarioAnalysis& a, const std::vector<std::string>& minor) {
  json out = json::array();
  for (std::size_t q = 0; q < a.order.antigens.size(); ++q)
    out.push_back({{"position", q + 1},
                   {"antigen", minor[static_cast<std::size_t>(a.order.antigens[q])]},
                   {"gain", a.order.gains[q]},
                   {"value", a.levels[q + 1].value},
                   {"se", a.noise ? json(a.noise->level_se[q + 1]) : json(nullptr)},
                   {"tied_with", tied_with(a, q + 1, minor)}});
  return out;
}

json positions_json(const std::vector<std::vector<std::int64_t>>& counts, const std::vector<std::string>& minor) {
  json out = json::array();
  for (std::size_t i = 0; i < minor.size(); ++i) {
    json c = json::array();
    for (std::size_t q = 0; q < minor.size(); ++q) c.push_back(counts[i][q]);
    out.push_back({{"antigen", minor[i]}, {"counts", c}, {"beyond_cutoff", counts[i][minor.size()]}});
  }
  return out;
}

json stability_json(const ao::Noise& noise, const std::vector<std::string>& minor) {
  json checkpoints = json::array();
  for (std::size_t c = 0; c < noise.checkpoints.size(); ++c)
    checkpoints.push_back({{"draws", noise.checkpoints[c]}, {"order", names(noise.checkpoint_orders[c], minor)}});
  return {{"replications", noise.replications},
          {"positions", positions_json(noise.positions, minor)},
          {"checkpoints", checkpoints},
          {"settled_draws", noise.settled_draws ? json(*noise.settled_draws) : json(nullptr)}};
}

json strategies_json(const ao::ScenarioAnalysis& a, const std::vector<std::string>& minor, bool best_first,
                     std::size_t offset, std::size_t limit) {
  std::vector<std::uint32_t> rows(a.programme.value.size());
  for (std::uint32_t s = 0; s < rows.size(); ++s) rows[s] = s;
  if (best_first)
    std::stable_sort(rows.begin(), rows.end(),
                     [&](std::uint32_t x, std::uint32_t y) { return a.programme.value[x] > a.programme.value[y]; });
  json out = json::array();
  for (std::size_t i = offset; i < rows.size() && i < offset + limit; ++i) {
    const auto s = rows[i];
    out.push_back({{"antigens", names_of_strategy(s, minor)},
                   {"level", std::popcount(s)},
                   {"value", a.programme.value[s]},
                   {"se", a.noise ? json(a.noise->value_se[s]) : json(nullptr)},
                   {"path", names(ao::optimal_path(a.programme, s), minor)},
                   {"path_tied", ao::optimal_path_tied(a.programme, s)}});
  }
  return out;
}

// The picked strategy: its value and, per recipient group over the always-matched antigens
// and the strategy's, the likelihood of finding k matched units (appendix 7.5.2).
json strategy_json(const ao::ScenarioAnalysis& a, const ao::GroupDistribution& d, const ao::OrderSettings& settings,
                   std::uint32_t strategy, const std::vector<std::string>& always, const std::vector<std::string>& minor,
                   std::size_t offset, std::size_t limit) {
  const auto groups = ao::compress(d, ao::kept_antigens(d.always, strategy));
  std::vector<std::string> kept_names = always;
  for (std::size_t i = 0; i < minor.size(); ++i)
    if ((strategy >> i) & 1U) kept_names.push_back(minor[i]);
  std::vector<double> likelihood(groups.recipient.size(), 0.0), se(groups.recipient.size(), 0.0);
  const bool simulated = a.scenario.model == ao::InventoryModel::dynamic_identical;
  std::vector<std::optional<double>> estimate(groups.recipient.size());
  if (!simulated) {
    likelihood = ao::exact_group_likelihoods(groups, a.scenario.n, a.scenario.k, a.scenario.model);
    for (std::size_t j = 0; j < likelihood.size(); ++j) estimate[j] = likelihood[j];
  } else {
    const auto counts = ao::simulate_group_counts(d, ao::simulation_settings(a.scenario, settings), strategy);
    for (std::size_t j = 0; j < groups.recipient.size(); ++j) {
      std::int64_t requests = 0, served = 0;
      std::vector<double> per;
      for (std::size_t r = 0; r < counts.requests.size(); ++r) {
        requests += counts.requests[r][j];
        served += counts.served[r][j];
        if (counts.requests[r][j] > 0)
          per.push_back(static_cast<double>(counts.served[r][j]) / static_cast<double>(counts.requests[r][j]));
      }
      if (requests > 0) estimate[j] = static_cast<double>(served) / static_cast<double>(requests);
      se[j] = per.size() == counts.requests.size() ? numeric::standard_error(per) : std::nan("");
    }
  }
  std::vector<std::size_t> rows;
  for (std::size_t j = 0; j < groups.recipient.size(); ++j)
    if (groups.recipient[j] > 0) rows.push_back(j);
  std::stable_sort(rows.begin(), rows.end(),
                   [&](std::size_t x, std::size_t y) { return groups.recipient[x] > groups.recipient[y]; });
  json out_groups = json::array();
  for (std::size_t i = offset; i < rows.size() && i < offset + limit; ++i) {
    const auto j = rows[i];
    json present = json::array();
    for (std::size_t b = 0; b < kept_names.size(); ++b)
      if ((j >> b) & 1U) present.push_back(kept_names[b]);
    out_groups.push_back({{"antigens", present},
                          {"frequency", groups.recipient[j]},
                          {"likelihood", maybe(estimate[j])},
                          {"se", simulated && estimate[j] && !std::isnan(se[j]) ? json(se[j]) : json(nullptr)}});
  }
  return {{"antigens", names_of_strategy(strategy, minor)},
          {"value", a.programme.value[strategy]},
          {"se", a.noise ? json(a.noise->value_se[strategy]) : json(nullptr)},
          {"path", names(ao::optimal_path(a.programme, strategy), minor)},
          {"path_tied", ao::optimal_path_tied(a.programme, strategy)},
          {"served", a.likelihoods.served[strategy]},
          {"groups", out_groups},
          {"total_groups", rows.size()}};
}

struct PopulationVariant {
  std::string label;
  std::vector<int> order;
};

// The order with each share halved and raised by half (when `shares_too`) and for each other
// population; stable: the antigens at the same position (in the order, not beyond the cut-off)
// in every one of them.
json robustness_json(const ao::ScenarioAnalysis& a, const std::vector<double>& shares, double cutoff, bool shares_too,
                     const std::vector<PopulationVariant>& populations, const std::vector<std::string>& minor) {
  json variants = json::array();
  std::vector<std::vector<int>> orders{a.order.antigens};
  for (std::size_t i = 0; i < minor.size() && shares_too; ++i)
    for (double factor : {0.5, 1.5}) {
      auto p = shares;
      p[i] *= factor;
      double sum = 0;
      for (double x : p) sum += x;
      if (!(sum > 0)) continue;
      for (double& x : p) x /= sum;
      const auto order = ao::order_for_shares(a.likelihoods, p, cutoff);
      orders.push_back(order.antigens);
      variants.push_back({{"kind", "share"}, {"antigen", minor[i]}, {"factor", factor}, {"label", nullptr},
                          {"order", names(order.antigens, minor)}});
    }
  for (const auto& v : populations) {
    orders.push_back(v.order);
    variants.push_back({{"kind", "population"}, {"antigen", nullptr}, {"factor", nullptr}, {"label", v.label},
                        {"order", names(v.order, minor)}});
  }
  // Stable: the same position in every order, and in the order (not beyond the cut-off).
  json stable = json::array(), spread = json::array();
  const auto m = minor.size();
  const auto position = [&](const std::vector<int>& order, int mu) {
    return ao::position_in_order(order, mu, static_cast<int>(m));
  };
  for (std::size_t i = 0; i < m; ++i) {
    const auto mu = static_cast<int>(i);
    bool same = position(orders[0], mu) < m;
    std::optional<std::size_t> first, last;
    std::size_t beyond = 0;
    for (const auto& o : orders) {
      const auto at = position(o, mu);
      same = same && at == position(orders[0], mu);
      if (at == m) {
        ++beyond;
        continue;
      }
      first = std::min(first.value_or(at), at);
      last = std::max(last.value_or(at), at);
    }
    if (same) stable.push_back(minor[i]);
    spread.push_back({{"antigen", minor[i]},
                      {"first", first ? json(*first + 1) : json(nullptr)},
                      {"last", last ? json(*last + 1) : json(nullptr)},
                      {"beyond_cutoff", beyond}});
  }
  return {{"variants", variants}, {"stable", stable}, {"spread", spread}};
}

json grid_json(const std::vector<ao::ScenarioAnalysis>& scenarios, const std::vector<std::string>& minor) {
  json rows = json::array();
  std::vector<std::vector<std::int64_t>> counts(minor.size(), std::vector<std::int64_t>(minor.size() + 1, 0));
  for (const auto& a : scenarios) {
    json tied = json::array(), tied_with_at = json::array(), curve = json::array();
    for (std::size_t q = 0; q < a.order.antigens.size(); ++q) {
      tied.push_back(static_cast<bool>(a.level_tied[q + 1]));
      tied_with_at.push_back(tied_with(a, q + 1, minor));
    }
    for (const auto& level : a.levels) curve.push_back(level.value);
    rows.push_back({{"n", a.scenario.n},
                    {"k", a.scenario.k},
                    {"model", static_cast<int>(a.scenario.model)},
                    {"value", a.levels.back().value},
                    {"se", a.noise ? json(a.noise->level_se.back()) : json(nullptr)},
                    {"order", names(a.order.antigens, minor)},
                    {"tied", tied},
                    {"tied_with", tied_with_at},
                    {"curve", curve}});
    for (std::size_t i = 0; i < minor.size(); ++i)
      counts[i][ao::position_in_order(a.order.antigens, static_cast<int>(i), static_cast<int>(minor.size()))] += 1;
  }
  return {{"scenarios", rows}, {"positions", positions_json(counts, minor)}};
}

// Another population for the robustness of the order: its label and roles as read.
struct VariantRequest {
  std::string label;
  const json* donors = nullptr;
  const json* recipients = nullptr;
  std::string path;
};

std::vector<VariantRequest> read_population_variants(const json* value) {
  std::vector<VariantRequest> out;
  if (!value) return out;
  const auto& items = read_array(*value, "robustness_populations");
  if (items.size() > max_population_variants)
    throw InputError("limit_exceeded", "robustness_populations",
                     "At most " + std::to_string(max_population_variants) + " other populations");
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto path = field_index("robustness_populations", i);
    ObjectReader r(items[i], path);
    VariantRequest v;
    v.path = path;
    v.label = read_string(r.member("label"), r.path_of("label"));
    if (r.has("donors")) v.donors = &r.member("donors");
    if (r.has("recipients")) v.recipients = &r.member("recipients");
    if (!v.donors && !v.recipients)
      throw InputError("missing_field", path, "Give the donors or the recipients of the population '" + v.label + "'");
    r.finish();
    out.push_back(v);
  }
  return out;
}

// The groups over A = always ∪ minor of a donor and a recipient population (eq. 4.10-4.11).
ao::GroupDistribution groups_of(const LoadedMixture& donors, const LoadedMixture& recipients,
                                const std::vector<frequency::AntigenPlace>& places, std::size_t always, std::size_t minor) {
  return ao::group_distribution(frequency::blood_group_table(donors.mixture, places, "antigens"),
                                frequency::blood_group_table(recipients.mixture, places, "antigens"),
                                static_cast<int>(always), static_cast<int>(minor));
}

json handle(ObjectReader& r, Context& context) {
  const auto& F = fields();
  const json* always_json = r.get(F.always_matched);
  const json* minor_json = r.get(F.antigens);
  // Absent lists take their declared defaults (describe shows the same ones).
  const auto always = read_string_array(always_json ? *always_json : F.always_matched.spec.default_value, "always_matched");
  const auto minor = read_string_array(minor_json ? *minor_json : F.antigens.spec.default_value, "antigens");
  if (minor.empty()) throw InputError("invalid_field", "antigens", "List at least one minor antigen to order");
  if (minor.size() > static_cast<std::size_t>(max_minor))
    throw InputError("limit_exceeded", "antigens",
                     "At most " + std::to_string(max_minor) + " minor antigens (2^" + std::to_string(max_minor) +
                         " strategies); got " + std::to_string(minor.size()));
  if (always.size() + minor.size() > frequency::max_table_antigens)
    throw InputError("limit_exceeded", "always_matched",
                     "At most " + std::to_string(frequency::max_table_antigens) +
                         " antigens in all (always matched and minor)");
  for (std::size_t i = 0; i < minor.size(); ++i)
    if (std::find(always.begin(), always.end(), minor[i]) != always.end())
      throw InputError("duplicate_name", field_index("antigens", i),
                       minor[i] + " is already always matched: list it in one place only");
  const json* shares_json = r.get(F.antibody_shares);
  const json* populations = r.get(F.populations);
  const json* donors = r.get(F.donors);
  const json* recipients = r.get(F.recipients);
  const int n = r.get(F.n), k = r.get(F.k), model = r.get(F.model);
  if (k > n)
    throw InputError("invalid_field", "k",
                     "k = " + std::to_string(k) + " units cannot come from an inventory of n = " + std::to_string(n));
  ao::OrderSettings settings;
  settings.draws = r.get(F.draws);
  settings.replications = r.get(F.replications);
  settings.seed = static_cast<std::uint64_t>(r.get(F.seed));
  settings.cutoff = r.get(F.cutoff);
  const json* strategy_field = r.get(F.strategy);
  const bool best_first = r.get(F.order) == "best_first";
  const auto offset = static_cast<std::size_t>(r.get(F.offset));
  const auto limit = static_cast<std::size_t>(r.get(F.limit));
  const json* grid_field = r.get(F.grid);
  const bool robustness = r.get(F.robustness);
  const auto variant_requests = read_population_variants(r.get(F.robustness_populations));

  const SystemSet set = SystemSet::with_own(r.get(F.systems), "systems");
  TableWarnings warnings;
  const LoadedMixture donor_mix = load_mixture(set, donors, "donors", populations, warnings);
  const LoadedMixture recipient_mix = load_mixture(set, recipients, "recipients", populations, warnings);
  // An unknown or repeated antigen is named in its own list, before a missing share is asked for.
  frequency::place_antigens(always, donor_mix.mixture[0].population, "always_matched");
  frequency::place_antigens(minor, donor_mix.mixture[0].population, "antigens");

  json shares_out;
  settings.shares = read_shares(shares_json, minor, context, shares_out);
  std::optional<std::uint32_t> picked;
  if (strategy_field) picked = read_strategy(*strategy_field, always, minor);
  const ao::Scenario scenario{n, k, static_cast<ao::InventoryModel>(model)};
  std::vector<ao::Scenario> scenarios{scenario};
  const auto grid = grid_field ? read_grid(*grid_field) : std::vector<ao::Scenario>{};
  scenarios.insert(scenarios.end(), grid.begin(), grid.end());
  auto work = scenarios;
  work.insert(work.end(), variant_requests.size(), scenario);
  check_work(work, static_cast<int>(minor.size()), settings);

  std::vector<std::string> all = always;
  all.insert(all.end(), minor.begin(), minor.end());
  const auto places = frequency::place_antigens(all, donor_mix.mixture[0].population, "antigens");
  const json systems = systems_used(set, all, places, warnings, context.warnings);
  const auto d = groups_of(donor_mix, recipient_mix, places, always.size(), minor.size());
  for (std::size_t i = 0; i < minor.size(); ++i)
    if (d.recipients_lacking[i] <= 0 && settings.shares[i] > 0)
      context.warn("no_recipient_lacks",
                   "No recipient lacks " + minor[i] + ", so none can form anti-" + minor[i] +
                       ": matching on it prevents nothing here, whatever its antibody share.",
                   "antigens");

  const double parts = 1.0 + static_cast<double>(variant_requests.size());
  const auto analyses = ao::analyse_scenarios(d, scenarios, settings, context.progress.part(0, 1 / parts));
  const auto& a = analyses[0];
  std::vector<PopulationVariant> variants;
  for (std::size_t i = 0; i < variant_requests.size(); ++i) {
    const auto& v = variant_requests[i];
    TableWarnings variant_warnings;  // the variant's tables are named in its label, not warned about again
    const auto donors_v = load_mixture(set, v.donors ? v.donors : donors, v.donors ? field_member(v.path, "donors") : "donors",
                                       populations, variant_warnings);
    const auto recipients_v =
        load_mixture(set, v.recipients ? v.recipients : recipients,
                     v.recipients ? field_member(v.path, "recipients") : "recipients", populations, variant_warnings);
    const auto progress = context.progress.part((1.0 + static_cast<double>(i)) / parts, (2.0 + static_cast<double>(i)) / parts);
    variants.push_back(
        {v.label, ao::analyse_scenarios(groups_of(donors_v, recipients_v, places, always.size(), minor.size()), {scenario},
                                        settings, progress)[0]
                      .order.antigens});
  }
  if (!a.order.nested)
    context.warn("order_not_nested",
                 "The best strategy of some number of antigens does not contain the best with one antigen fewer; "
                 "the order shown is the best way to add the antigens of the strategy at the cut-off.",
                 "");
  if (a.matched.adjusted)
    context.warn("matched_smoothed",
                 "In the simulation a longer list of matched antigens was served slightly more often than a shorter "
                 "one (noise); the matched distribution pools those levels so it stays a distribution.",
                 "");
  json beyond = json::array(), beyond_tied = json::array();
  for (std::size_t q = a.order.antigens.size(); q < a.order.sequence.size(); ++q)
    beyond.push_back(minor[static_cast<std::size_t>(a.order.sequence[q])]);
  for (const auto& tied : a.tail_tied) beyond_tied.push_back(names(tied, minor));
  std::vector<ao::ScenarioAnalysis> grid_analyses(analyses.begin() + 1, analyses.end());
  return {
      {"always_matched", always},
      {"antigens", minor},
      {"shares", shares_out},
      {"systems", systems},
      {"donors", donor_mix.description},
      {"recipients", recipient_mix.description},
      {"same_population", d.donor == d.recipient},
      {"scenario", {{"n", n}, {"k", k}, {"model", model}}},
      {"simulation", model == 3 ? json{{"draws", settings.draws}, {"replications", settings.replications}, {"seed", settings.seed}}
                                : json(nullptr)},
      {"value", a.levels.back().value},
      {"value_se", a.noise ? json(a.noise->level_se.back()) : json(nullptr)},
      {"curve", curve_json(a, minor)},
      {"order", order_json(a, minor)},
      {"beyond_cutoff", beyond},
      {"beyond_cutoff_tied_with", beyond_tied},
      {"sequence", names(a.order.sequence, minor)},
      {"order_nested", a.order.nested},
      {"matched", {{"none", a.matched.none}, {"levels", a.matched.levels}, {"average", a.matched.average}, {"adjusted", a.matched.adjusted}}},
      {"strategies", strategies_json(a, minor, best_first, offset, limit)},
      {"total_strategies", a.programme.value.size()},
      {"offset", offset},
      {"strategy", picked ? strategy_json(a, d, settings, *picked, always, minor, offset, limit) : json(nullptr)},
      {"stability", a.noise ? stability_json(*a.noise, minor) : json(nullptr)},
      {"robustness", robustness || !variants.empty()
                         ? robustness_json(a, settings.shares, settings.cutoff, robustness, variants, minor)
                         : json(nullptr)},
      {"grid", grid_field ? grid_json(grid_analyses, minor) : json(nullptr)},
  };
}

}  // namespace

Operation antigen_order_operation() {
  return {"antigen_order",
          "Which minor antigens to match first, and so which to drop first when fully matched units are not in "
          "stock: the largest share of alloimmunisation prevented by every matching strategy, by dynamic "
          "programming over the strategies, for an inventory of n units and a request of k.",
          "thesis ch. 7: sec. 7.2-7.3, eq. 7.1-7.3, appendix 7.5 (models 1-3, Algorithms 1-2), Tables 7.1, 7.4, 7.5, "
          "Figs. 7.3-7.5",
          fields().specs(),
          {{"always_matched", "string[]", "The always-matched antigens."},
           {"antigens", "string[]", "The minor antigens, in the order given (bit i of a strategy = antigen i)."},
           {"shares", "object[]", "[{antigen, share (scaled to add up to 1), given, source}]."},
           {"systems", "object[]", "Per system: id, name, and the antigens used."},
           {"donors", "object[]", "The donor population, as `frequencies` describes it."},
           {"recipients", "object[]", "The recipient population."},
           {"same_population", "boolean", "Whether donors and recipients have the same blood-group frequencies."},
           {"scenario", "object", "{n, k, model}."},
           {"simulation", "object | null", "Model 3: {draws, replications, seed}."},
           {"value", "number", "V of all the minor antigens: the largest share of alloimmunisation prevented (Fig. 7.3's last point)."},
           {"value_se", "number | null", "Its Monte Carlo standard error (model 3)."},
           {"curve", "object[]",
            "Fig. 7.3: per level l = 0..m, the best strategy of l antigens {level, value, se, strategy, "
            "tied_strategies (strategies of that level as good, models 1-2), runner_up {strategy, value, difference, "
            "difference_se, tied} | null}."},
           {"order", "object[]",
            "Table 7.5: [{position, antigen, gain, value, se, tied_with}] up to the cut-off; tied_with lists the "
            "antigens of an equally good strategy (model 3: within 1.96 standard errors of the difference)."},
           {"beyond_cutoff", "string[]", "The other antigens, each adding less than the cut-off."},
           {"beyond_cutoff_tied_with", "string[][]",
            "Per antigen of beyond_cutoff: the antigens not yet placed that would add as much at that step (models "
            "1-2: within 1e-12; model 3: within 1.96 standard errors of the difference), so either could come next."},
           {"sequence", "string[]", "The order, then the other antigens where each adds the most: drop from the back."},
           {"order_nested", "boolean", "Whether each level's best strategy contains the best of the level below."},
           {"matched", "object",
            "Table 7.4: {none (not even matched on the always-matched antigens), levels [share matched on exactly "
            "l of the sequence's antigens, l = 0..m], average, adjusted}."},
           {"strategies", "object[]",
            "`limit` strategies from `offset`: [{antigens, level, value, se, path (a best order of adding its "
            "antigens), path_tied (another order is as good, within 1e-12)}]."},
           {"total_strategies", "integer", "2^m."},
           {"offset", "integer", "The offset of the first strategy listed."},
           {"strategy", "object | null",
            "For `strategy`: {antigens, value, se, path, path_tied, served (share of recipients finding k matched units), "
            "groups [{antigens, frequency, likelihood, se}] (recipient groups, commonest first, `limit` from "
            "`offset`), total_groups}."},
           {"stability", "object | null",
            "Model 3: {replications, positions [{antigen, counts per position, beyond_cutoff}] over replications, "
            "checkpoints [{draws, order}], settled_draws (null: still changing at the end)}."},
           {"robustness", "object | null",
            "With robustness or robustness_populations: {variants [{kind (share or population), antigen and factor "
            "(shares), label (populations), order}], stable (antigens at the same position in "
            "every order, the request's included), spread [{antigen, first, last (positions, 1-based, over every "
            "order; null when always beyond the cut-off), beyond_cutoff (orders without it)}]}."},
           {"grid", "object | null",
            "With grid: {scenarios [{n, k, model, value, se, order, tied (per position: an equally good strategy "
            "puts another antigen there), tied_with (per position: those antigens, as order[].tied_with), curve}], "
            "positions [{antigen, counts, beyond_cutoff}] (Fig. 7.4)}."}},
          true,
          handle};
}

}  // namespace rbc::api
