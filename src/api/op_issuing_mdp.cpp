// The `issuing_mdp` operation: which compatible unit to issue for a request, as the Markov
// decision process of thesis sec. 5.4 (eq. 5.15-5.31): a few blood groups, Erlang ageing
// phases and a stock bound; uniformisation and successive approximation, with the lower and
// upper bounds on the optimal average cost at every iteration and the best actions (with
// ties) in every state.
#include <cmath>
#include <algorithm>
#include <string>

#include "api/operations.hpp"
#include "api/reader.hpp"
#include "common/input_error.hpp"
#include "supply/issuing_mdp.hpp"

namespace rbc::api {

using nlohmann::json;

namespace {

constexpr int max_antigens = 8;
constexpr int max_iterations = 100000;

struct IssuingMdpFields {
  Field<json> groups;
  Field<int> phases;
  Field<double> shelf_life;
  Field<int> max_stock;
  Field<double> donation_rate, request_rate;
  Field<double> shortage_cost, outdating_cost, substitution_cost;
  Field<double> tolerance;
  Field<int> max_iterations;
  Field<double> tie_tolerance;
  Field<bool> actions;
  std::vector<FieldSpec> specs() const {
    return {groups.spec,        phases.spec,         shelf_life.spec,     max_stock.spec,
            donation_rate.spec, request_rate.spec,   shortage_cost.spec,  outdating_cost.spec,
            substitution_cost.spec, tolerance.spec,  max_iterations.spec, tie_tolerance.spec,
            actions.spec};
  }
};

json default_groups() {
  // RhD with the thesis's f_D = 0.832 (Table 4.4; sec. 3.2.4).
  return json::array({{{"name", "D-"}, {"antigens", json::array()}, {"donation_share", 0.168}},
                      {{"name", "D+"}, {"antigens", {"D"}}, {"donation_share", 0.832}}});
}

const IssuingMdpFields& fields() {
  static const IssuingMdpFields f = [] {
    const supply::IssuingMdp model{};
    const supply::MdpOptions options{};
    IssuingMdpFields f{
        json_field("groups", "{name, antigens, donation_share, request_share?}[]",
                   "The blood groups: a name, the antigens the group carries (a unit of group i may be given for a "
                   "request of group j when i's antigens are all among j's, eq. 5.16), its share of donations and "
                   "its share of requests (default: its share of donations, as eq. 5.19). At most " +
                       std::to_string(supply::max_mdp_groups) + " groups and " + std::to_string(max_antigens) +
                       " antigens; each list of shares sums to 1 (within 1e-6; renormalised with a warning).",
                   "thesis sec. 5.4.1, eq. 5.16 and 5.19", false, default_groups()),
        integer_field("phases",
                      "Erlang phases N of the shelf life: a unit ages through N phases, each lasting an exponential "
                      "time of mean R / N, and outdates after the last.",
                      "thesis sec. 5.3, eq. 5.4", model.phases, 1, supply::max_mdp_phases),
        number_field("shelf_life", "The maximum shelf life R in days (35 for red cells); the ageing rate is N / R.",
                     "thesis sec. 5.3, eq. 5.4", model.shelf_life, 1e-3, 1e4),
        integer_field("max_stock",
                      "The most units in stock S: donations arriving to a full stock are turned away. The states "
                      "are the stock compositions, C(groups x phases + S, S) of them (at most 20,000).",
                      "thesis sec. 5.4.1 (state space)", model.max_stock, 1, supply::max_mdp_stock),
        number_field("donation_rate", "Donations lambda, units a day (all groups together).",
                     "thesis sec. 5.4.1, eq. 5.19", model.donation_rate, 0, 1e6),
        number_field("request_rate", "Requests mu, one unit each, a day (all groups together).",
                     "thesis sec. 5.4.1, eq. 5.19", model.request_rate, 0, 1e6),
        number_field("shortage_cost", "The cost c_s of a request not met (refused or nothing compatible in stock).",
                     "thesis eq. 5.22", model.shortage_cost, 0, 1e9),
        number_field("outdating_cost", "The cost c_o of a unit that outdates.", "thesis eq. 5.22",
                     model.outdating_cost, 0, 1e9),
        number_field("substitution_cost",
                     "The cost c_ijr of issuing a compatible unit of another group than the one requested (0 for "
                     "the same group).",
                     "thesis eq. 5.22", model.substitution_cost, 0, 1e9),
        number_field("tolerance",
                     "Successive approximation stops when upper bound - lower bound <= tolerance x upper bound.",
                     "thesis eq. 5.31", options.tolerance, 1e-13, 0.1),
        integer_field("max_iterations",
                      "The most iterations of successive approximation; if they run out the bounds are still valid "
                      "and a warning says so. 0: as many as the work limit allows (iterations x state-action pairs "
                      "at most 1.5e8, and at most 100,000 iterations).",
                      "thesis eq. 5.29", 0, 0, max_iterations),
        number_field("tie_tolerance",
                     "Actions whose values differ by at most this x the largest cost are reported as tied.",
                     "", options.tie_tolerance, 0, 0.1),
        boolean_field("actions", "Return the best actions in every state (the action table).", "", true),
    };
    f.groups.spec.max_items = supply::max_mdp_groups;
    return f;
  }();
  return f;
}

double read_share(const json& v, const std::string& path, const std::string& what) {
  const double x = read_number(v, path);
  if (!(x >= 0 && x <= 1)) throw InputError("invalid_field", path, what + " must lie between 0 and 1");
  return x;
}

// Groups with antigen names mapped to bits in order of first appearance.
struct Groups {
  std::vector<supply::MdpGroup> groups;
  std::vector<std::string> antigens;
};

Groups read_groups(const json& value, Context& context) {
  Groups out;
  const json& list = read_array(value, "groups");
  if (list.empty()) throw InputError("invalid_field", "groups", "Give at least one blood group");
  for (std::size_t i = 0; i < list.size(); ++i) {
    ObjectReader g(list[i], field_index("groups", i));
    supply::MdpGroup group;
    group.name = read_string(g.member("name"), g.path_of("name"));
    if (group.name.empty() || group.name.size() > 40)
      throw InputError("invalid_field", g.path_of("name"), "A blood group's name must have 1 to 40 characters");
    const auto names = read_string_array(g.member("antigens"), g.path_of("antigens"));
    for (std::size_t a = 0; a < names.size(); ++a) {
      const std::string path = field_index(g.path_of("antigens"), a);
      if (names[a].empty() || names[a].size() > 20)
        throw InputError("invalid_field", path, "An antigen's name must have 1 to 20 characters");
      for (std::size_t b = 0; b < a; ++b)
        if (names[b] == names[a])
          throw InputError("invalid_field", path, "The antigen " + names[a] + " is listed twice for group " + group.name);
      auto it = std::find(out.antigens.begin(), out.antigens.end(), names[a]);
      if (it == out.antigens.end()) {
        if (out.antigens.size() == static_cast<std::size_t>(max_antigens))
          throw InputError("limit_exceeded", path,
                           "At most " + std::to_string(max_antigens) + " different antigens over all groups");
        out.antigens.push_back(names[a]);
        it = out.antigens.end() - 1;
      }
      group.antigens |= 1u << static_cast<unsigned>(it - out.antigens.begin());
    }
    group.donation_share = read_share(g.member("donation_share"), g.path_of("donation_share"),
                                      "The share of donations of group " + group.name);
    group.request_share = g.has("request_share") ? read_share(g.member("request_share"), g.path_of("request_share"),
                                                              "The share of requests of group " + group.name)
                                                 : -1;  // the donation share, once normalised
    g.finish();
    out.groups.push_back(group);
  }
  // Each list of shares sums to 1: within 1e-6 renormalised with a warning.
  auto normalise = [&](double supply::MdpGroup::*share, const std::string& what, const std::string& field) {
    double sum = 0;
    for (const auto& g : out.groups) sum += g.*share;
    if (std::abs(sum - 1) > 1e-6)
      throw InputError("invalid_field", "groups",
                       "The shares of " + what + " sum to " + std::to_string(sum) + ", not 1 (" + field + ")");
    if (std::abs(sum - 1) > 1e-12) {
      for (auto& g : out.groups) g.*share /= sum;
      context.warn("renormalised",
                   "The shares of " + what + " summed to " + std::to_string(sum) + "; they were divided by their sum.",
                   "groups");
    }
  };
  normalise(&supply::MdpGroup::donation_share, "donations", "donation_share");
  for (auto& g : out.groups)
    if (g.request_share < 0) g.request_share = g.donation_share;
  normalise(&supply::MdpGroup::request_share, "requests", "request_share");
  return out;
}

json handle(ObjectReader& r, Context& context) {
  const auto& F = fields();
  supply::IssuingMdp mdp;
  const json* groups_json = r.get(F.groups);
  const Groups groups = read_groups(groups_json ? *groups_json : default_groups(), context);
  mdp.groups = groups.groups;
  mdp.phases = r.get(F.phases);
  mdp.shelf_life = r.get(F.shelf_life);
  mdp.max_stock = r.get(F.max_stock);
  mdp.donation_rate = r.get(F.donation_rate);
  mdp.request_rate = r.get(F.request_rate);
  mdp.shortage_cost = r.get(F.shortage_cost);
  mdp.outdating_cost = r.get(F.outdating_cost);
  mdp.substitution_cost = r.get(F.substitution_cost);
  supply::MdpOptions options;
  options.tolerance = r.get(F.tolerance);
  const int iterations = r.get(F.max_iterations);
  options.tie_tolerance = r.get(F.tie_tolerance);
  const bool with_actions = r.get(F.actions);
  supply::check_issuing_mdp(mdp);  // the state-space limit, before any work
  const supply::MdpSize size = supply::issuing_mdp_size(mdp);
  const int fit = std::min(supply::iterations_within_limit(size), max_iterations);
  if (iterations > fit)
    throw InputError("limit_exceeded", "max_iterations",
                     "With " + std::to_string(size.state_actions) + " state-action pairs at most " + std::to_string(fit) +
                         " iterations fit the work limit (iterations x state-action pairs <= 1.5e8); allow fewer "
                         "iterations or make the model smaller");
  options.max_iterations = iterations == 0 ? fit : iterations;

  const auto sol = supply::solve_issuing_mdp(mdp, options, {}, context.progress);
  if (!sol.converged)
    context.warn("not_converged",
                 "Successive approximation stopped after " + std::to_string(sol.iterations) +
                     " iterations with the bounds still apart; the optimal average cost lies between them. Allow "
                     "more iterations or a larger tolerance.",
                 "max_iterations");
  json bounds = json::array();
  for (const auto& b : sol.trace) bounds.push_back({{"iteration", b.iteration + 1}, {"lower", b.lower}, {"upper", b.upper}});
  json out = {{"groups", json::array()},
              {"antigens", groups.antigens},
              {"phases", mdp.phases},
              {"ageing_rate", sol.ageing_rate},
              {"uniformisation_rate", sol.uniformisation_rate},
              {"states", size.states},
              {"state_actions", size.state_actions},
              {"average_cost", sol.average_cost},
              {"lower", sol.lower},
              {"upper", sol.upper},
              {"converged", sol.converged},
              {"iterations", sol.iterations},
              {"bounds", std::move(bounds)}};
  for (const auto& g : mdp.groups) {
    json names = json::array();
    for (std::size_t a = 0; a < groups.antigens.size(); ++a)
      if (g.antigens & (1u << a)) names.push_back(groups.antigens[a]);
    json serves = json::array();
    for (const auto& h : mdp.groups)
      if ((g.antigens & ~h.antigens) == 0) serves.push_back(h.name);
    out["groups"].push_back({{"name", g.name},
                             {"antigens", names},
                             {"donation_share", g.donation_share},
                             {"request_share", g.request_share},
                             {"serves", serves}});
  }
  json types = json::array();
  for (const auto& g : mdp.groups)
    for (int r = 1; r <= mdp.phases; ++r) types.push_back({{"group", g.name}, {"phase", r}});
  out["unit_types"] = std::move(types);
  json table = json::array();
  if (with_actions) {
    const std::size_t m = mdp.groups.size();
    const auto N = static_cast<std::size_t>(mdp.phases);
    for (std::size_t s = 0; s < sol.states.size(); ++s) {
      const auto counts = sol.states.unrank(s);
      json stock = json::array();
      for (std::size_t i = 0; i < m; ++i) stock.push_back(std::vector<int>(counts.begin() + static_cast<long>(i * N),
                                                                             counts.begin() + static_cast<long>((i + 1) * N)));
      // Actions as unit-type numbers (see unit_types), -1 to refuse: an action table of 20,000
      // states stays about 2 MB of JSON.
      json best = json::array();
      for (std::size_t j = 0; j < m; ++j) best.push_back(sol.best[s * m + j]);
      table.push_back({{"stock", std::move(stock)}, {"relative_value", sol.relative_value[s]}, {"best", std::move(best)}});
    }
  }
  out["actions"] = std::move(table);
  return out;
}

}  // namespace

Operation issuing_mdp_operation() {
  return {"issuing_mdp",
          "Which compatible unit to issue for each request, as a Markov decision process: blood groups with "
          "donation and request rates, Erlang ageing phases and a stock bound; the optimal long-run average cost "
          "by successive approximation, with its lower and upper bounds at every iteration, and the best actions "
          "(and ties) in every stock composition.",
          "thesis sec. 5.4, eq. 5.15-5.31",
          fields().specs(),
          {{"groups", "object[]",
            "Per group: name, antigens, donation_share, request_share (renormalised), serves (the groups it may be "
            "given to)."},
           {"antigens", "string[]", "The antigens named by the groups, in order of first appearance."},
           {"phases", "integer", "N."},
           {"ageing_rate", "number", "nu = N / R, phase changes a day per unit."},
           {"uniformisation_rate", "number", "B = lambda + mu + nu S (eq. 5.25); one step lasts h = 1 / B days."},
           {"states", "integer", "The number of stock compositions."},
           {"state_actions", "integer", "The number of (state, requested group, action) choices (eq. 5.17)."},
           {"average_cost", "number", "The optimal average cost a day g*: the midpoint of the last bounds."},
           {"lower", "number", "The last lower bound on g* (eq. 5.31)."},
           {"upper", "number", "The last upper bound on g* (eq. 5.31)."},
           {"converged", "boolean", "Whether upper - lower reached the tolerance."},
           {"iterations", "integer", "Iterations of eq. 5.29 run."},
           {"bounds", "object[]", "[{iteration, lower, upper}], one per iteration (eq. 5.31)."},
           {"unit_types", "object[]",
            "[{group, phase}]: unit type t is unit_types[t] (phase N is fresh, phase 1 outdates next); the action "
            "table's actions are these numbers."},
           {"actions", "object[]",
            "Per state (empty when `actions` is false): stock (per group, units in phase 1..N), relative_value "
            "(V(s) - V(empty stock)), best: per requested group in the order of `groups`, the best action first "
            "and every action tied with it after it; an action is a unit type t (issue a unit of unit_types[t]) or "
            "-1 (refuse the request)."}},
          true,
          handle};
}

}  // namespace rbc::api
