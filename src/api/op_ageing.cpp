// The `ageing` operation: the fixed shelf life R of a red-cell unit approximated by an
// Erlang(N, N/R) distribution (thesis ch. 5.3.1, eq. 5.4-5.11): its cdf and density beside the
// fixed shelf life's, its moments, how the approximation error falls with N, and the
// product-form distribution of the stock over the ageing phases (sec. 5.3.2, eq. 5.14).
#include <cmath>
#include <iomanip>
#include <sstream>
#include <string>

#include "api/operations.hpp"
#include "api/reader.hpp"
#include "common/input_error.hpp"
#include "supply/ageing.hpp"

namespace rbc::api {

using nlohmann::json;

namespace {

constexpr int max_phases = 100000;
constexpr int max_compare_phases = 10000;
constexpr int max_compare = 8;
constexpr int max_error_phases = 1000000;
constexpr int max_error_rows = 60;
constexpr double max_mean_stock = 1e5;
constexpr double max_state_count = 1e9;

struct AgeingFields {
  Field<double> shelf_life;
  Field<int> phases;
  Field<double> arrival_rate;
  Field<double> tolerance;
  Field<json> compare_phases;
  Field<double> chart_span;
  Field<int> points;
  Field<json> error_table;
  Field<int> moments;
  Field<json> state;
  std::vector<FieldSpec> specs() const {
    return {shelf_life.spec, phases.spec,     arrival_rate.spec, tolerance.spec, compare_phases.spec,
            chart_span.spec, points.spec,     error_table.spec,  moments.spec,   state.spec};
  }
};

Field<json> with_max_items(Field<json> field, int most) {
  field.spec.max_items = most;
  return field;
}

const AgeingFields& fields() {
  static const AgeingFields f{
      number_field("shelf_life",
                   "The fixed maximum shelf life R of a unit, in days (or any time unit: the arrival rate and the "
                   "tolerance are then in the same unit).",
                   "thesis sec. 5.3.1, eq. 5.1 (R = 35 days)", 35, 1e-6, 1e6),
      integer_field("phases",
                    "N, the number of ageing phases (Erlang stages) the shelf life is split into; each lasts an "
                    "exponential time of mean R / N (rate nu = N / R). N = 5: weeks, N = 35: days.",
                    "thesis sec. 5.3.1, eq. 5.3-5.6, Fig. 5.3", 35, 1, max_phases),
      number_field("arrival_rate",
                   "lambda, fresh units arriving per day (a Poisson process), for the stock by ageing phase. "
                   "Nothing is issued in eq. 5.14, so every unit stays until it outdates.",
                   "thesis sec. 5.3.2, eq. 5.13-5.14", 10, 0, 1e6),
      number_field("tolerance",
                   "delta, in days: the error table gives the share of units whose approximate shelf life misses "
                   "R by more than delta, early or late, with eq. 5.8's bounds at R - delta and R + delta.",
                   "thesis sec. 5.3.1, eq. 5.8 (Proposition 5.1)", 1, 1e-6, 1e6),
      with_max_items(json_field("compare_phases", "integer[]",
                                "The numbers of phases N whose cdf and density are drawn beside the fixed shelf "
                                "life (1 to 8 values, each 1 to 10,000).",
                                "thesis sec. 5.3.1, Fig. 5.3 (N = 5 and 35)", false, json::array({1, 5, 35})),
                     max_compare),
      number_field("chart_span", "The curves run from t = 0 to t = chart_span x R.", "", 2, 1, 10),
      integer_field("points", "The number of evenly spaced times t on the curves.", "", 141, 2, 2001),
      with_max_items(json_field("error_table", "integer[]",
                                "The numbers of phases N of the error table (1 to 60 values, each 1 to 1,000,000).",
                                "thesis sec. 5.3.1, eq. 5.4, 5.8", false,
                                json::array({1, 2, 5, 10, 35, 100, 350, 1000, 10000})),
                     max_error_rows),
      integer_field("moments", "How many raw moments E(T_N^k), k = 1, 2, ..., to give (eq. 5.11).",
                    "thesis sec. 5.3.1, eq. 5.11", 4, 1, 20),
      with_max_items(json_field("state", "integer[] | null",
                                "A stock by ageing phase, [s_1, ..., s_N] (s_r units in phase r; phase 1 is the "
                                "next to outdate), whose probability under eq. 5.14 is returned. null: none.",
                                "thesis sec. 5.3.2, eq. 5.14", false),
                     max_phases),
  };
  return f;
}

// 6 significant digits: "175000", "1.5e+07".
std::string short_number(double x) {
  std::ostringstream out;
  out << std::setprecision(6) << x;
  return out.str();
}

std::string with_commas(long long n) {
  std::string s = std::to_string(n);
  for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<std::size_t>(i), ",");
  return s;
}

// A list of whole numbers from `lo` to `hi` (1 to `most` entries), errors naming the entry.
std::vector<int> read_phase_list(const json& v, const std::string& path, const std::string& what, int most, int hi) {
  const std::vector<double> x = read_number_array(v, path);
  if (x.empty()) throw InputError("invalid_field", path, "Give at least one number of phases for " + what);
  if (static_cast<int>(x.size()) > most)
    throw InputError("limit_exceeded", path,
                     "At most " + std::to_string(most) + " numbers of phases for " + what + " (got " +
                         std::to_string(x.size()) + ")");
  std::vector<int> out;
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (x[i] != std::floor(x[i]) || x[i] < 1 || x[i] > hi)
      throw InputError(x[i] > hi ? "limit_exceeded" : "invalid_field", field_index(path, i),
                       "Each number of phases for " + what + " must be a whole number from 1 to " + with_commas(hi));
    out.push_back(static_cast<int>(x[i]));
  }
  return out;
}

json error_row(const supply::ApproximationError& e, double R) {
  return {{"phases", e.N},
          {"sd", e.sd},
          {"mean_absolute_error", e.mean_absolute_error},
          {"relative_mean_absolute_error", e.mean_absolute_error / R},
          {"kolmogorov", e.kolmogorov},
          {"early", e.early},
          {"late", e.late},
          {"off_by_more", e.early + e.late},
          {"early_bound", e.early_bound},
          {"late_bound", e.late_bound}};
}

json count_distribution(const supply::CountDistribution& d) {
  return {{"first", d.first}, {"probabilities", d.probabilities}, {"below", d.below}, {"above", d.above}};
}

json handle(ObjectReader& r, Context&) {
  const auto& F = fields();
  const double R = r.get(F.shelf_life);
  const int N = r.get(F.phases);
  const double lambda = r.get(F.arrival_rate);
  const double delta = r.get(F.tolerance);
  const double span = r.get(F.chart_span);
  const int points = r.get(F.points);
  const int K = r.get(F.moments);
  const json* compare_json = r.get(F.compare_phases);
  const std::vector<int> compare =
      read_phase_list(compare_json ? *compare_json : F.compare_phases.spec.default_value, "compare_phases",
                      "the curves", max_compare, max_compare_phases);
  const json* table_json = r.get(F.error_table);
  const std::vector<int> table = read_phase_list(table_json ? *table_json : F.error_table.spec.default_value,
                                                 "error_table", "the error table", max_error_rows, max_error_phases);
  if (lambda * R > max_mean_stock)
    throw InputError("limit_exceeded", "arrival_rate",
                     "The mean stock, arrival rate x shelf life, is at most 100,000 units (got " +
                         short_number(lambda * R) + ")");
  std::vector<long long> state;
  bool has_state = false;
  if (const json* sj = r.get(F.state); sj && !sj->is_null()) {
    const std::vector<double> x = read_number_array(*sj, "state");
    if (static_cast<int>(x.size()) != N)
      throw InputError("invalid_field", "state",
                       "The stock by ageing phase must give one count for each of the N = " + std::to_string(N) +
                           " phases (got " + std::to_string(x.size()) + ")");
    for (std::size_t i = 0; i < x.size(); ++i) {
      if (x[i] != std::floor(x[i]) || x[i] < 0 || x[i] > max_state_count)
        throw InputError("invalid_field", field_index("state", i),
                         "The units in phase " + std::to_string(i + 1) +
                             " must be a whole number from 0 to 1,000,000,000");
      state.push_back(static_cast<long long>(x[i]));
    }
    has_state = true;
  }

  const double nu = N / R;
  const supply::ErlangSummary s = supply::erlang_summary(N, R);
  json raw = json::array();
  for (int k = 1; k <= K; ++k) raw.push_back(supply::erlang_moment(N, R, k));

  json rows = json::array();
  for (const int n : table) rows.push_back(error_row(supply::approximation_error(n, R, delta), R));

  // The curves: t_i = i x span R / (points - 1).
  std::vector<double> t(static_cast<std::size_t>(points)), fixed(t.size());
  for (int i = 0; i < points; ++i) {
    t[static_cast<std::size_t>(i)] = span * R * i / (points - 1);
    fixed[static_cast<std::size_t>(i)] = supply::fixed_cdf(R, t[static_cast<std::size_t>(i)]);
  }
  json curves = json::array();
  for (const int n : compare) {
    const double nu_n = n / R;
    std::vector<double> cdf(t.size()), density(t.size());
    for (std::size_t i = 0; i < t.size(); ++i) {
      cdf[i] = supply::erlang_cdf(n, nu_n, t[i]).cdf;
      density[i] = supply::erlang_density(n, nu_n, t[i]);
    }
    curves.push_back({{"phases", n}, {"nu", nu_n}, {"cdf", cdf}, {"density", density}});
  }

  const double per_phase_mean = lambda / nu;
  json stock = {{"arrival_rate", lambda},
                {"per_phase_mean", per_phase_mean},
                {"total_mean", lambda * R},
                {"per_phase", count_distribution(supply::poisson_distribution(per_phase_mean))},
                {"total", count_distribution(supply::poisson_distribution(lambda * R))},
                {"outdating_rate", lambda}};
  if (has_state) {
    const supply::StateProbability p = supply::product_form_probability(state, lambda, nu);
    stock["state"] = {{"probability", p.probability},
                      {"log10_probability", std::isfinite(p.log_probability) ? json(p.log_probability / std::log(10.0))
                                                                             : json()}};
  } else {
    stock["state"] = nullptr;
  }

  return {{"shelf_life", R},
          {"phases", N},
          {"nu", nu},
          {"moments", {{"mean", s.mean}, {"variance", s.variance}, {"sd", s.sd}, {"cv", 1 / std::sqrt(double(N))}, {"raw", raw}}},
          {"approximation", error_row(supply::approximation_error(N, R, delta), R)},
          {"tolerance", delta},
          {"error_table", rows},
          {"curves", {{"t", t}, {"fixed_cdf", fixed}, {"erlang", curves}}},
          {"stock", stock}};
}

}  // namespace

Operation ageing_operation() {
  return {"ageing",
          "The ageing of a red-cell unit: the fixed shelf life R approximated by N exponential phases (an "
          "Erlang(N, N/R) distribution), its cdf and density beside the fixed shelf life, its moments, how the "
          "approximation error falls as N grows, and the product-form distribution of the stock over the ageing "
          "phases when fresh units arrive at rate lambda and none is issued.",
          "thesis (van Sambeek 2020) sec. 5.3, eq. 5.4-5.14, Fig. 5.3",
          fields().specs(),
          {{"shelf_life", "number", "R."},
           {"phases", "integer", "N."},
           {"nu", "number", "The ageing rate nu = N / R (phases per day)."},
           {"moments", "object",
            "{mean (= R), variance (= R^2 / N), sd, cv (= 1 / sqrt(N)), raw: [E(T_N), E(T_N^2), ...]} (eq. 5.4, "
            "5.11)."},
           {"approximation", "object",
            "The error measures at N: {phases, sd, mean_absolute_error (E|T_N - R|, the area between the two cdfs, "
            "in days), relative_mean_absolute_error (/ R), kolmogorov (sup_t |F_N(t) - F_X(t)| = F_N(R); tends to "
            "1/2, not 0), early (P[T_N < R - delta]), late (P[T_N > R + delta]), off_by_more (early + late), "
            "early_bound and late_bound (eq. 5.8 at R -+ delta, capped at 1)}."},
           {"tolerance", "number", "delta."},
           {"error_table", "object[]", "The same measures for each N of `error_table`, in its order."},
           {"curves", "object",
            "{t: the times, fixed_cdf: eq. 5.5 at t, erlang: [{phases, nu, cdf (eq. 5.10), density}] for each N of "
            "`compare_phases`}."},
           {"stock", "object",
            "eq. 5.14: {arrival_rate, per_phase_mean (lambda / nu = lambda R / N), total_mean (lambda R), per_phase "
            "and total: {first, probabilities (of first, first + 1, ...), below, above (the mass outside)}: "
            "Poisson(lambda / nu) for each phase and Poisson(lambda R) for the whole stock, outdating_rate (= "
            "lambda: every unit outdates), state: null or {probability, log10_probability (null when 0)}}."}},
          false,
          handle};
}

}  // namespace rbc::api
