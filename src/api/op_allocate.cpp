// The `allocate` operation: the inventory allocation problem of thesis ch. 6 (sec. 6.3,
// eq. 6.1-6.5, 6.9-6.10): units in stock by blood group and residual shelf life, requests by
// blood group, the maximum number of requests met at the least cost, where a unit's cost
// balances the relative opportunity loss (Definition 6.3, the recipients' usability) against
// its residual shelf life.
#include <cmath>
#include <utility>

#include "allocation/allocation.hpp"
#include "api/operations.hpp"
#include "api/population_json.hpp"
#include "api/reader.hpp"
#include "common/input_error.hpp"
#include "numeric/network_flow.hpp"

namespace rbc::api {

using nlohmann::json;

namespace {

const std::string tie_break_rule =
    "Among the allocations of minimum cost, the one that issues the oldest units (least total residual shelf life), "
    "then the least total relative opportunity loss; any tie left is the flow solver's choice.";

struct AllocateFields {
  Field<json> antigens, stock, requests;
  Field<int> max_shelf_life;
  Field<double> gamma;
  Field<std::string> cost;
  Field<double> alpha, beta;
  Field<json> recipients;
  std::vector<FieldSpec> specs() const {
    return {antigens.spec, stock.spec, requests.spec, max_shelf_life.spec, gamma.spec,
            cost.spec,     alpha.spec, beta.spec,     recipients.spec};
  }
};

const AllocateFields& fields() {
  static const allocation::CostFunction cost{};
  static const allocation::AllocationProblem problem{};
  static const AllocateFields f{
      json_field("antigens", "string[]",
                 "The ordered antigen subset A over which blood groups are written (e.g. [\"A\", \"B\"] for ABO, or "
                 "set A3 of sec. 6.5.1): antigens of ABO, Rh, Kell, Duffy, Kidd and MNS, at most " +
                     std::to_string(frequency::max_query_antigens) + ".",
                 "thesis sec. 4.3, 6.5.1", true),
      json_field("stock", "object[]",
                 "The units in stock, V1: [{\"group\": [antigens of A present], \"residual_shelf_life\": r (days, 0 to "
                 "max_shelf_life), \"units\": s_ir}], each (group, r) once; at most " +
                     std::to_string(allocation::max_stock_entries) + " entries and " +
                     std::to_string(allocation::max_total_units) + " units, " +
                     std::to_string(allocation::max_entry_units) + " per entry.",
                 "thesis sec. 6.3.1-6.3.2, Fig. 6.2", true),
      json_field("requests", "object[]",
                 "The units requested, V2: [{\"group\": [antigens of A present], \"units\": d_j}], each group once; "
                 "at most " +
                     std::to_string(allocation::max_request_entries) + " entries and " +
                     std::to_string(allocation::max_total_units) + " units. At most " +
                     std::to_string(allocation::max_edges) +
                     " compatible (stock entry, request) pairs (stock group contained in the requested group, eq. 4.8).",
                 "thesis sec. 6.3.1-6.3.2", true),
      integer_field("max_shelf_life", "R, the maximum residual shelf life in days (35 for red cells; 2 in Fig. 6.2).",
                    "thesis eq. 6.1, sec. 6.3.3", problem.max_shelf_life, 1, allocation::max_shelf_life_days),
      number_field("gamma",
                   "The weight of the relative opportunity loss against the residual shelf life: 0 issues the oldest "
                   "first (FIFO), 1 minimises the opportunity loss (MROL).",
                   "thesis eq. 6.1, 6.9", cost.gamma, 0.0, 1.0),
      string_field("cost",
                   "The cost of issuing a unit of group i with residual shelf life r to a request of group j: linear, "
                   "gamma Delta_ij + (1 - gamma) r / R (eq. 6.1), or exponential, gamma (1 - exp(-alpha Delta_ij)) + "
                   "(1 - gamma) (1 - exp(-beta r / R)) (eq. 6.9-6.10).",
                   "thesis eq. 6.1, 6.9, 6.10", allocation::to_string(cost.shape), {"linear", "exponential"}),
      number_field("alpha", "alpha of eq. 6.10 (exponential cost only); the thesis takes 7 log 2.", "thesis eq. 6.10",
                   cost.alpha, 0.0, 100.0),
      number_field("beta", "beta of eq. 6.10 (exponential cost only); the thesis takes 7 log 2.", "thesis eq. 6.10",
                   cost.beta, 0.0, 100.0),
      json_field("recipients", "object | object[]",
                 "Optional: the recipient population whose usability (eq. 6.6) defines the opportunity loss: {system "
                 "id: population id} (systems not named use their thesis Table 4.4 table; ABO's is Table 3.1's) or a "
                 "mixture [{\"weight\", \"populations\"}] whose weights add up to 1.",
                 "thesis Definitions 6.1, 6.3; Table 4.4", false),
  };
  return f;
}

std::string set_label(const json& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n.get<std::string>();
  return "{" + out + "}";
}

// A whole number in [min, max] at `path`.
int read_count(const json& v, const std::string& path, int min, int max, const std::string& what) {
  const double x = read_number(v, path);
  if (x != std::floor(x) || x < min)
    throw InputError("invalid_field", path, path + " must be a whole number " + what + " (got " + v.dump() + ")");
  if (x > max)
    throw InputError("limit_exceeded", path, path + " must be at most " + std::to_string(max) + " (got " + v.dump() + ")");
  return static_cast<int>(x);
}

const json& read_entries(const json& v, const std::string& path, std::size_t limit) {
  read_array(v, path);
  if (v.size() > limit)
    throw InputError("limit_exceeded", path,
                     path + " has " + std::to_string(v.size()) + " entries (at most " + std::to_string(limit) + ")");
  return v;
}

json handle(ObjectReader& r, Context& context) {
  const auto& F = fields();
  const auto antigens = read_string_array(*r.get(F.antigens), "antigens");
  const json& stock = read_entries(*r.get(F.stock), "stock", allocation::max_stock_entries);
  const json& requests = read_entries(*r.get(F.requests), "requests", allocation::max_request_entries);
  allocation::AllocationProblem problem;
  problem.max_shelf_life = r.get(F.max_shelf_life);
  problem.cost.gamma = r.get(F.gamma);
  problem.cost.shape = r.get(F.cost) == "exponential" ? allocation::CostShape::exponential : allocation::CostShape::linear;
  problem.cost.alpha = r.get(F.alpha);
  problem.cost.beta = r.get(F.beta);

  TableWarnings warnings;
  const LoadedMixture recipients = load_mixture(SystemSet::builtin(), r.get(F.recipients), "recipients", nullptr, warnings);
  const auto places = frequency::place_antigens(antigens, recipients.mixture[0].population, "antigens");

  json stock_out = json::array(), requests_out = json::array();
  for (std::size_t k = 0; k < stock.size(); ++k) {
    ObjectReader e(stock[k], field_index("stock", k));
    const auto group = read_group(e.member("group"), e.path_of("group"), antigens);
    const int life = read_count(e.member("residual_shelf_life"), e.path_of("residual_shelf_life"), 0,
                                allocation::max_shelf_life_days, "of days, 0 or more");
    const int units = read_count(e.member("units"), e.path_of("units"), 0, allocation::max_entry_units, "of units, 0 or more");
    e.finish();
    problem.stock.push_back({group.bits, life, units});
    const json names = names_of(group.bits, antigens);
    stock_out.push_back({{"group", names},
                         {"label", set_label(names) + ", r = " + std::to_string(life)},
                         {"residual_shelf_life", life},
                         {"units", units}});
  }
  for (std::size_t m = 0; m < requests.size(); ++m) {
    ObjectReader e(requests[m], field_index("requests", m));
    const auto group = read_group(e.member("group"), e.path_of("group"), antigens);
    const int units = read_count(e.member("units"), e.path_of("units"), 0, allocation::max_entry_units, "of units, 0 or more");
    e.finish();
    problem.requests.push_back({group.bits, units});
    const json names = names_of(group.bits, antigens);
    requests_out.push_back({{"group", names}, {"label", set_label(names)}, {"units", units}});
  }

  const auto usability = [&](allocation::Group g) {
    std::vector<int> present;
    for (std::size_t a = 0; a < antigens.size(); ++a)
      if ((g >> a) & 1U) present.push_back(static_cast<int>(a));
    return frequency::share(recipients.mixture, places, present, {});
  };
  const auto a = allocation::allocate(problem, usability, context.progress);

  for (std::size_t k = 0; k < stock_out.size(); ++k) {
    const int units = problem.stock[k].units, issued = a.stock[k].issued;
    stock_out[k]["issued"] = issued;
    stock_out[k]["remaining"] = units - issued;
    stock_out[k]["fixed"] = a.stock[k].fixed;
  }
  for (std::size_t m = 0; m < requests_out.size(); ++m) {
    const auto& q = a.requests[m];
    requests_out[m]["delivered"] = q.delivered;
    requests_out[m]["shortage"] = problem.requests[m].units - q.delivered;
    requests_out[m]["identical"] = q.identical;
    requests_out[m]["compatible"] = q.delivered - q.identical;
    requests_out[m]["fixed"] = q.fixed;
    requests_out[m]["usability"] = usability(problem.requests[m].group);
  }
  json groups_out = json::array();
  for (const auto& g : a.stock_groups) {
    const json names = names_of(g.group, antigens);
    groups_out.push_back({{"group", names},
                          {"label", set_label(names)},
                          {"units", g.units},
                          {"issued", g.issued},
                          {"remaining", g.units - g.issued},
                          {"fixed", g.fixed},
                          {"usability", g.usability}});
  }
  json flows = json::array();
  for (const auto& f : a.flows)
    flows.push_back({{"stock", f.stock},
                     {"request", f.request},
                     {"from", stock_out[f.stock]["label"]},
                     {"to", requests_out[f.request]["label"]},
                     {"units", f.units},
                     {"loss", f.loss},
                     {"cost", f.cost},
                     {"fixed", f.fixed}});

  if (!a.undefined_loss.empty()) {
    std::string list;
    for (auto g : a.undefined_loss) list += (list.empty() ? "" : "; ") + set_label(names_of(g, antigens));
    context.warn("undefined_loss",
                 "No recipient of the population carries every antigen of " + list +
                     " (usability 0), so the relative opportunity loss (eq. 6.8) is 0 / 0 there; it was taken as 0.",
                 "stock");
  }
  if (!a.unique)
    context.warn("not_unique",
                 "Other allocations have the same minimum cost: " + std::to_string(a.varying_edges) + " of the " +
                     std::to_string(a.edges) +
                     " compatible edges carry different numbers of units in different optima (the entries marked "
                     "fixed: false). The allocation shown is the tie-break's: " + tie_break_rule,
                 "");

  return {{"antigens", antigens},
          {"systems", systems_used(SystemSet::builtin(), antigens, places, warnings, context.warnings)},
          {"recipients", recipients.description},
          {"cost", {{"shape", allocation::to_string(problem.cost.shape)},
                    {"gamma", problem.cost.gamma},
                    {"alpha", problem.cost.alpha},
                    {"beta", problem.cost.beta},
                    {"max_shelf_life", problem.max_shelf_life}}},
          {"status", "optimal"},
          {"units_in_stock", a.units_in_stock},
          {"units_requested", a.units_requested},
          {"issued", a.issued},
          {"shortage", a.units_requested - a.issued},
          {"remaining", a.units_in_stock - a.issued},
          {"identical", a.identical},
          {"compatible", a.compatible},
          {"objective", a.objective},
          {"objective_gap_bound", a.objective_gap_bound},
          {"unique", a.unique},
          {"edges", a.edges},
          {"varying_edges", a.varying_edges},
          {"tie_break", {{"rule", tie_break_rule}, {"unique", a.tie_break_unique}}},
          {"stock", std::move(stock_out)},
          {"stock_groups", std::move(groups_out)},
          {"requests", std::move(requests_out)},
          {"allocation", std::move(flows)},
          {"solver", {{"method", "LEMON " + numeric::lemon_version() +
                                     ": Preflow (push-relabel) for the maximum flow, then NetworkSimplex for "
                                     "the least cost and each tie-break"},
                      {"cost_scale", a.cost_scale},
                      {"seconds", a.seconds}}}};
}

}  // namespace

Operation allocate_operation() {
  return {"allocate",
          "Allocates units in stock (by blood group and residual shelf life) to requested units (by blood group): "
          "the most requests met with compatible units, at the least cost, where a unit's cost weighs the relative "
          "opportunity loss of the match against its residual shelf life; says whether that allocation is the only "
          "one of minimum cost.",
          "thesis sec. 6.3, eq. 6.1-6.5, 6.9-6.10, Remark 6.1, Definitions 6.1 and 6.3, Table 6.1",
          fields().specs(),
          {{"antigens", "string[]", "A, as given."},
           {"systems", "object[]", "Per system: id, name, and the antigens of A in it."},
           {"recipients", "object[]",
            "The recipient population: per population of the mixture, {weight, tables: {system id: {id, name, source}}}."},
           {"cost", "object", "{shape, gamma, alpha, beta, max_shelf_life} as used."},
           {"status", "string", "\"optimal\": the problem always has an optimum (issuing nothing is feasible)."},
           {"units_in_stock", "integer", "Sum of the stock's units."},
           {"units_requested", "integer", "Sum of the requested units."},
           {"issued", "integer", "Units issued: the maximum flow (eq. 6.3), the same in every optimum."},
           {"shortage", "integer", "units_requested - issued."},
           {"remaining", "integer", "units_in_stock - issued."},
           {"identical", "integer", "Units issued to a request of their own blood group (of the allocation shown)."},
           {"compatible", "integer", "Units issued to another, compatible, blood group (of the allocation shown)."},
           {"objective", "number", "The allocation's cost, sum of c x with the exact (unrounded) costs."},
           {"objective_gap_bound", "number",
            "The flow algorithms round each cost term to a multiple of 1 / solver.cost_scale: the exact minimum lies "
            "in [objective - objective_gap_bound, objective]."},
           {"unique", "boolean",
            "true when the allocation is the only one of minimum cost (with the rounded costs); else see the "
            "`fixed` flags and the not_unique warning."},
           {"edges", "integer", "Compatible (stock entry, request) pairs with units on both sides."},
           {"varying_edges", "integer", "Edges whose units differ between minimum-cost allocations (0 when unique)."},
           {"tie_break", "object",
            "{rule, unique}: how the allocation shown was chosen among the minimum-cost ones, and whether that rule "
            "left only one."},
           {"stock", "object[]",
            "Per stock entry, in the request's order: group, label (\"{A}, r = 1\"), residual_shelf_life, units, "
            "issued, remaining, fixed (remaining is the same in every minimum-cost allocation)."},
           {"stock_groups", "object[]",
            "Per stock blood group (summed over residual shelf lives, in order of first appearance): group, label, "
            "units, issued, remaining, fixed, usability (eq. 6.6)."},
           {"requests", "object[]",
            "Per request, in the request's order: group, label, units, delivered, shortage, identical, compatible, "
            "fixed (delivered and shortage are the same in every minimum-cost allocation), usability."},
           {"allocation", "object[]",
            "The edges [(i, r), j] that carry units: stock and request (indices into the request's lists), from and "
            "to (their labels), units, loss (Delta_ij, eq. 6.8), cost (c per unit), fixed."},
           {"solver", "object", "{method, cost_scale, seconds}: the flow routines used, the cost rounding, and the time."}},
          // Near the limits (250 000 edges) a request takes seconds: progress and cancel at the
          // checkpoints between the solver's phases.
          true,
          handle};
}

}  // namespace rbc::api
