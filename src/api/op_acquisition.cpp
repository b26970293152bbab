// The `acquisition` operation: how fast blood must be acquired, relative to its consumption,
// for at least m units to be in stock with a target probability (seed 002, Boppana and
// Chalasani, sec. 4): the M/M/1/k model's availability, the smallest rate reaching a target
// (exact, and on a grid like the paper's), a curve against the rate (Fig. 3), and the general
// chain with batch requests (Fig. 1).
#include <cmath>
#include <string>

#include "api/operations.hpp"
#include "api/reader.hpp"
#include "common/input_error.hpp"
#include "supply/acquisition.hpp"

namespace rbc::api {

using nlohmann::json;

namespace {

constexpr int max_k = 20000;
constexpr int max_batch = 100;
constexpr int max_curve_points = 2001;
// Batch-chain work of a curve: points x (k + 1) x largest batch, about 0.1 s natively.
constexpr double max_batch_curve_work = 2e7;

struct AcquisitionFields {
  Field<std::string> model;
  Field<int> k;
  Field<int> m;
  Field<double> rho;
  Field<json> target;
  Field<double> grid_step;
  Field<json> batch;
  Field<std::string> excess;
  Field<json> curve;
  Field<bool> distribution;
  std::vector<FieldSpec> specs() const {
    return {model.spec, k.spec,     m.spec,      rho.spec,   target.spec,
            grid_step.spec, batch.spec, excess.spec, curve.spec, distribution.spec};
  }
};

const AcquisitionFields& fields() {
  static const AcquisitionFields f = [] {
    AcquisitionFields f{
        string_field("model",
                     "\"mm1k\": requests of one unit (the M/M/1/k queue, Fig. 2); \"batch\": requests of 1, 2, ... "
                     "units with the probabilities in `batch` (the general chain, Fig. 1).",
                     "seed 002 sec. 4, Fig. 1-2", std::string("mm1k"), {"mm1k", "batch"}),
        integer_field("k", "The most units that can be stored (the storage limit).", "seed 002 sec. 4", 600, 1, max_k),
        integer_field("m", "The minimum stock: a shortage is fewer than m units in stock (at most k).",
                      "seed 002 sec. 4", 500, 0, max_k),
        number_field("rho",
                     "The acquisition rate as a multiple of the consumption rate (lambda / mu). For the batch model: "
                     "units acquired per unit requested (lambda / (request rate x mean batch size)).",
                     "seed 002 sec. 4", 1.05, 1e-6, 1e6),
        json_field("target", "number | null",
                   "The availability to reach, strictly between 0 and 1 (at most 1 - 1e-12): the smallest rho "
                   "reaching it is returned (M/M/1/k only). null: not computed.",
                   "seed 002 sec. 4 (0.99 in its example)", false, 0.99),
        number_field("grid_step", "The spacing of the grid on which the smallest rate is also rounded up.",
                     "seed 002 sec. 4 (rates quoted in steps of 0.025; seed NOTES)", 0.025, 1e-6, 1),
        json_field("batch", "number[]",
                   "Model \"batch\": P(a request is for 1 unit), P(2 units), ...; at most 100 entries, summing to 1 "
                   "(within 1e-6; renormalised with a warning).",
                   "seed 002 sec. 4, Fig. 1 (mu_i)", false),
        string_field("excess",
                     "Model \"batch\": a request for more units than are in stock is \"lost\" (unmet, the stock "
                     "stays: the paper's rates q_{j,i} = mu_{j-i}) or \"partial\" (the stock is issued, down to 0).",
                     "seed 002 sec. 4", std::string("lost"), {"lost", "partial"}),
        json_field("curve", "{from, to, step} | null",
                   "Availability at rho = from, from + step, ..., to (at most 2001 points), like Fig. 3.",
                   "seed 002 Fig. 3", false),
        boolean_field("distribution", "Return the stationary distribution of the stock (k + 1 numbers).",
                      "seed 002 sec. 4", true),
    };
    f.batch.spec.max_items = max_batch;
    return f;
  }();
  return f;
}

struct Model {
  bool batch = false;
  supply::BatchChain chain;
  double mean_batch = 1;
};

// Availability etc. at one rate.
struct Point {
  Eigen::VectorXd pi;
  supply::BatchShortage s;
};

// tail_only: the M/M/1/k tails without the distribution (a curve's points).
Point evaluate(const Model& model, double rho, int k, int m, bool tail_only = false) {
  Point p;
  if (!model.batch && tail_only) {
    p.s.tail = supply::mm1k_tail(rho, m, k);
    return p;
  }
  if (!model.batch) {
    p.pi = supply::mm1k_distribution(rho, k);
    p.s.tail = supply::mm1k_tail(rho, m, k);
    p.s.request_unmet = p.pi[0];
    p.s.mean_stock = 0;
    for (int j = 0; j <= k; ++j) p.s.mean_stock += j * p.pi[j];
    return p;
  }
  supply::BatchChain c = model.chain;
  c.supply_rate = rho * model.mean_batch;
  p.pi = supply::batch_distribution(c);
  p.s = supply::batch_shortage(p.pi, c.batch, m);
  return p;
}

std::vector<double> read_batch(const json& v, Context& context) {
  std::vector<double> p = read_number_array(v, "batch");
  if (p.empty()) throw InputError("invalid_field", "batch", "Give at least one batch-size probability");
  double sum = 0;
  for (std::size_t i = 0; i < p.size(); ++i) {
    if (p[i] < 0 || p[i] > 1)
      throw InputError("invalid_field", field_index("batch", i),
                       "The probability of a request for " + std::to_string(i + 1) + (i == 0 ? " unit" : " units") +
                           " must lie between 0 and 1");
    sum += p[i];
  }
  if (std::abs(sum - 1) > 1e-6)
    throw InputError("invalid_field", "batch",
                     "The batch-size probabilities sum to " + std::to_string(sum) + ", not 1");
  if (std::abs(sum - 1) > 1e-12) {
    for (double& x : p) x /= sum;
    context.warn("renormalised", "The batch-size probabilities summed to " + std::to_string(sum) +
                                     "; they were divided by their sum.", "batch");
  }
  return p;
}

json handle(ObjectReader& r, Context& context) {
  const auto& F = fields();
  Model model;
  model.batch = r.get(F.model) == "batch";
  const int k = r.get(F.k);
  const int m = r.get(F.m);
  if (m > k)
    throw InputError("invalid_field", "m",
                     "The minimum stock m (" + std::to_string(m) + ") must not exceed the storage limit k (" +
                         std::to_string(k) + ")");
  const double rho = r.get(F.rho);
  const double grid_step = r.get(F.grid_step);
  const json* target_json = r.get(F.target);
  // Absent: the declared default; null: no target.
  bool has_target = !target_json || !target_json->is_null();
  const double target = target_json && has_target ? read_number(*target_json, "target")
                                                  : F.target.spec.default_value.get<double>();
  if (has_target && !(target > 0 && target <= 1 - 1e-12))
    throw InputError("invalid_field", "target",
                     "The target availability must lie strictly between 0 and 1 (at most 1 - 1e-12)");
  const json* batch_json = r.get(F.batch);
  const std::string excess = r.get(F.excess);
  if (model.batch) {
    if (!batch_json) throw InputError("missing_field", "batch", "The batch model needs the batch-size probabilities");
    model.chain.batch = read_batch(*batch_json, context);
    model.chain.k = k;
    model.chain.excess = excess == "partial" ? supply::Excess::partial : supply::Excess::lost;
    model.mean_batch = 0;
    for (std::size_t b = 0; b < model.chain.batch.size(); ++b) model.mean_batch += (b + 1.0) * model.chain.batch[b];
    if (target_json && has_target)
      throw InputError("invalid_field", "target",
                       "The smallest rate for a target is computed for the M/M/1/k model only; leave the target "
                       "empty for the batch model");
    has_target = false;
  } else {
    if (batch_json) throw InputError("invalid_field", "batch", "Batch sizes apply to the batch model only");
    if (r.has("excess")) throw InputError("invalid_field", "excess", "The excess rule applies to the batch model only");
  }
  if (has_target && m == 0) {
    if (target_json)
      throw InputError("invalid_field", "m", "With a minimum stock of 0 every rate reaches any target; give m >= 1");
    has_target = false;  // the default target: nothing to solve
    context.warn("no_minimum", "With a minimum stock of 0 there is never a shortage, so no smallest rate is given.", "m");
  }

  if (!has_target && r.has("grid_step"))
    throw InputError("invalid_field", "grid_step",
                     "The grid step applies to the smallest rate for a target (M/M/1/k model with a target)");

  // The curve's points, checked before any work.
  std::vector<double> rhos;
  if (const json* cj = r.get(F.curve); cj && !cj->is_null()) {
    ObjectReader c(*cj, "curve");
    const double from = read_number(c.member("from"), "curve.from");
    const double to = read_number(c.member("to"), "curve.to");
    const double step = read_number(c.member("step"), "curve.step");
    c.finish();
    if (!(from >= 1e-6 && from <= 1e6)) throw InputError("invalid_field", "curve.from", "The curve's first rate must lie between 1e-6 and 1e6");
    if (!(to >= from && to <= 1e6)) throw InputError("invalid_field", "curve.to", "The curve's last rate must lie between its first rate and 1e6");
    if (!(step > 0)) throw InputError("invalid_field", "curve.step", "The curve's step must be positive");
    const double n = std::floor((to - from) / step * (1 + 1e-12)) + 1;
    if (n > max_curve_points)
      throw InputError("limit_exceeded", "curve.step",
                       "The curve would have " + std::to_string(static_cast<long long>(n)) + " points (at most " +
                           std::to_string(max_curve_points) + ")");
    if (model.batch && n * (k + 1.0) * static_cast<double>(model.chain.batch.size()) > max_batch_curve_work)
      throw InputError("limit_exceeded", "curve.step",
                       "The batch model's curve is limited to points x (k + 1) x batch sizes <= 2e7; use fewer "
                       "points or a smaller k");
    for (int i = 0; i < static_cast<int>(n); ++i) rhos.push_back(from + i * step);
  }
  const bool with_distribution = r.get(F.distribution);

  const Point p = evaluate(model, rho, k, m);
  json out = {{"model", model.batch ? "batch" : "mm1k"},
              {"k", k},
              {"m", m},
              {"rho", rho},
              {"shortage", p.s.tail.shortage},
              {"availability", p.s.tail.availability},
              {"request_unmet", p.s.request_unmet},
              {"mean_stock", p.s.mean_stock}};
  if (model.batch) {
    out["supply_rate"] = rho * model.mean_batch;
    out["mean_batch"] = model.mean_batch;
  }
  if (has_target) {
    const double exact = supply::mm1k_minimum_rho(target, m, k);
    out["minimum_rho"] = {{"target", target},
                          {"exact", exact},
                          {"availability", supply::mm1k_tail(exact, m, k).availability},
                          {"grid_step", grid_step},
                          {"on_grid", supply::mm1k_minimum_rho_on_grid(target, m, k, grid_step)}};
  } else {
    out["minimum_rho"] = nullptr;
  }
  json curve = json::array();
  for (std::size_t i = 0; i < rhos.size(); ++i) {
    context.progress.report(double(i) / rhos.size());
    const Point q = evaluate(model, rhos[i], k, m, true);
    curve.push_back({{"rho", rhos[i]}, {"availability", q.s.tail.availability}, {"shortage", q.s.tail.shortage}});
  }
  out["curve"] = std::move(curve);
  out["distribution"] = with_distribution ? json(std::vector<double>(p.pi.data(), p.pi.data() + p.pi.size())) : json();
  return out;
}

}  // namespace

Operation acquisition_operation() {
  return {"acquisition",
          "The stock of one blood product as a Markov chain: the chance of at least m units in stock for an "
          "acquisition rate rho (a multiple of consumption), the smallest rho reaching a target availability, "
          "availability curves against rho, and the general chain with requests of several units.",
          "seed 002 (Boppana and Chalasani), sec. 4, Fig. 1-3",
          fields().specs(),
          {{"model", "string", "The model used: \"mm1k\" or \"batch\"."},
           {"k", "integer", "The storage limit."},
           {"m", "integer", "The minimum stock."},
           {"rho", "number", "The acquisition rate relative to consumption."},
           {"shortage", "number", "P[fewer than m units in stock] at rho (the paper's P[shortage])."},
           {"availability", "number", "P[at least m units in stock] at rho (the paper's P[availability]), summed directly."},
           {"request_unmet", "number",
            "P[a request cannot be met in full] (requests see the stationary stock): P[stock = 0] for M/M/1/k."},
           {"mean_stock", "number", "The mean number of units in stock."},
           {"supply_rate", "number", "Batch model: lambda in units of the total request rate (rho x mean_batch)."},
           {"mean_batch", "number", "Batch model: the mean number of units per request."},
           {"minimum_rho", "object | null",
            "M/M/1/k with a target: {target, exact (the smallest rho reaching it, to adjacent doubles), availability "
            "(at exact), grid_step, on_grid (the smallest multiple of grid_step reaching it)}."},
           {"curve", "object[]", "[{rho, availability, shortage}] at the curve's rates (empty without `curve`)."},
           {"distribution", "number[] | null", "P[j units in stock], j = 0..k (null when not asked for)."}},
          true,
          handle};
}

}  // namespace rbc::api
