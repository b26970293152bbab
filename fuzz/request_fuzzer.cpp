// libFuzzer target for the request API: rbc::api::handle_request over every operation.
//
// Input: "<selector>\n<request body>". A selector that names an operation picks it, so seeds
// and crash files read as "stationary\n{...}". Any other selector picks one by a hash of its
// bytes, among the operations plus one slot that passes the selector itself as the op name
// (the unknown-operation path). The operation names come from `describe` at start-up, so an
// operation added to the registry is fuzzed without touching this file.
//
// Beyond the sanitizers, every response is checked:
//   - it is JSON {api_version, op, result, warnings} or {api_version, op, error: {code, message, path}};
//   - the error code is never internal_error or out_of_memory: bad input must be refused by
//     validation with a named field, and sizes that would exhaust memory refused up front;
//   - a result holds no null except in the fields listed in `nullable`: nlohmann::json writes
//     NaN and infinity as null, so a stray null is a non-finite number reaching the user;
//   - nothing is written to stdout (GLPK's text would corrupt the CLI's JSON);
//   - after an error, a known request still gives its known answer (the module survives).
// RBCMATCH_FUZZ_LIST_OPERATIONS=1 prints the operation names, one a line, and exits
// (fuzz/make-corpus.sh uses it).
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "api/dispatch.hpp"

namespace {

using nlohmann::json;

std::vector<std::string> operations;
// A request whose answer is fixed, asked again after every error.
const char* const probe_op = "lp";
const char* const probe_body = R"({"sense": "max", "objective": [3, 2], "constraints": [{"coefficients": [1, 1], "upper": 4}]})";
std::string probe_answer;
// Result members that are null by design ("multistart", "uniqueness": null when not asked
// for), and arrays whose entries may be null by design ("given_phenotype": null where the
// phenotype has probability 0).
// frequencies: groups / query when not asked for, one_in of a group of frequency 0, factors
// of a mixture, compatible_donors above the table limit, donor_group when not given, loss
// when undefined (0/0), up_to of the rarity band of groups of frequency 0. Each sits beside
// a number that a NaN would still make null.
const std::vector<std::string> nullable = {
    "multistart", "uniqueness", "groups", "query", "one_in", "factors", "compatible_donors", "donor_group", "loss",
    "up_to",
    // relatives, pregnancy, family: not defined for a phenotype of frequency 0 under least
    // squares (the response warns `undefined`), a population of the user's own, a father not
    // given, a person not typed, a summary not asked for.
    "probability", "effectiveness", "ratio", "tests", "sum", "random", "summary", "minimum", "average", "maximum",
    "minimum_phenotype", "maximum_phenotype", "population", "father", "any", "observed",
    // lp: an unbounded side of a variable's or constraint's bounds.
    "lower", "upper",
    // match counting mismatches per request (a MIP): uniqueness is not analysed (unique,
    // varying_pairs, tie_break, each pair's and request's fixed), costs are not rounded
    // (cost_scale), and a solution the time limit stopped has no gap bound. All but the gap
    // bound are booleans or integers, which no NaN can become; the gap bound sits beside the
    // objective's terms.
    "unique", "varying_pairs", "tie_break", "fixed", "cost_scale", "objective_gap_bound",
    // antigen_order: standard errors and the simulation's parts only for model 3, parts not
    // asked for (strategy, robustness, grid), a level without a runner-up, an order still
    // changing at its last checkpoint, an antigen beyond the cut-off in every order, a group no
    // simulated recipient had, the fields of the other kind of robustness variant.
    "se", "value_se", "difference_se", "simulation", "strategy", "stability", "robustness", "grid", "runner_up",
    "settled_draws", "first", "last", "likelihood", "label", "antigen", "factor",
    // simulate_issuing / merge_issuing: an interval from one replication, a trace not in the run.
    "low", "high", "trace",
    // acquisition: no smallest rate (batch model, or no target), a distribution not asked for.
    "minimum_rho", "distribution",
    // ordering: MAPE with no day of demand, traces not asked for, the (s, S) of rules without
    // one, a share of a gold standard costing 0, the order size of a rule that never orders.
    "mape", "values", "demand", "trace", "reorder", "target", "share_of_gold", "order_size",
    // ordering's STL members for the other forecasts, no predictor columns, a surface not asked
    // for; describe's default trend window (null: the paper's default from the seasonal window).
    "components", "regression", "stl", "surface", "trend_window",
    // ageing: no stock by phase given; the log of a state's probability 0 (no arrivals).
    "state", "log10_probability"};
// Arrays whose entries are numbers or null (lp's ranging: null = an unlimited end).
const std::vector<std::string> nullable_entries = {"given_phenotype", "distribution", "activity",
                                                   "objective_coefficient", "objective_at_break",
                                                   // ordering: a predictor the regression left out
                                                   "coefficients"};
// Arrays whose entries are numbers, or rows of numbers or null (ordering's cost surface: no cell
// where s > S; a rule's daily trace of costs is a row of numbers).
const std::vector<std::string> nullable_rows = {"cost"};
// Arrays whose entries are strings or null (lp's ranging: no limiting variable).
const std::vector<std::string> nullable_name_entries = {"limiting"};
int stdout_capture = -1;
constexpr double budget_seconds = 3;

[[noreturn]] void fail(const std::string& what, std::string_view op, std::string_view body, const std::string& response) {
  std::cerr << "request_fuzzer: " << what << "\n  op: " << op << "\n  body (" << body.size()
            << " bytes): " << body.substr(0, 2000) << "\n  response: " << response.substr(0, 2000) << std::endl;
  std::abort();
}

std::vector<std::string> operation_names() {
  const json d = json::parse(rbc::api::handle_request("describe", "{}"));
  std::vector<std::string> names;
  // {name: spec, ...} today; [{name, ...}, ...] is read too, should the registry list them.
  const json& ops = d.at("result").at("operations");
  if (ops.is_array())
    for (const auto& o : ops) names.push_back(o.at("name").get<std::string>());
  else
    for (const auto& [name, spec] : ops.items()) names.push_back(name);
  if (names.empty()) {
    std::cerr << "request_fuzzer: describe lists no operations\n";
    std::abort();
  }
  return names;
}

// Bytes written to stdout since the last call: fd 1 is a temporary file, truncated each time.
std::string take_stdout() {
  std::fflush(stdout);
  std::cout.flush();
  struct stat st {};
  if (fstat(stdout_capture, &st) != 0 || st.st_size == 0) return "";
  std::string text(static_cast<std::size_t>(st.st_size), '\0');
  const ssize_t got = pread(stdout_capture, text.data(), text.size(), 0);
  text.resize(got > 0 ? static_cast<std::size_t>(got) : 0);
  if (ftruncate(stdout_capture, 0) != 0) std::abort();
  lseek(stdout_capture, 0, SEEK_SET);
  return text;
}

// The JSON path of the first null in `v` that is not a nullable member, or "".
std::string stray_null(const json& v, const std::string& path) {
  if (v.is_null()) return path.empty() ? "(root)" : path;
  if (v.is_array())
    for (std::size_t i = 0; i < v.size(); ++i)
      if (auto p = stray_null(v[i], path + "[" + std::to_string(i) + "]"); !p.empty()) return p;
  if (v.is_object())
    for (const auto& [key, member] : v.items()) {
      if (member.is_null() && std::find(nullable.begin(), nullable.end(), key) != nullable.end()) continue;
      if (member.is_array() && std::find(nullable_entries.begin(), nullable_entries.end(), key) != nullable_entries.end()) {
        for (std::size_t i = 0; i < member.size(); ++i)
          if (!member[i].is_null() && !member[i].is_number())
            return path + "." + key + "[" + std::to_string(i) + "] (not a number)";
        continue;
      }
      if (member.is_array() && std::find(nullable_rows.begin(), nullable_rows.end(), key) != nullable_rows.end()) {
        for (std::size_t i = 0; i < member.size(); ++i) {
          const json& row = member[i];
          if (row.is_number()) continue;
          if (!row.is_array()) return path + "." + key + "[" + std::to_string(i) + "] (neither a number nor a row)";
          for (std::size_t j = 0; j < row.size(); ++j)
            if (!row[j].is_null() && !row[j].is_number())
              return path + "." + key + "[" + std::to_string(i) + "][" + std::to_string(j) + "] (not a number)";
        }
        continue;
      }
      if (member.is_array() &&
          std::find(nullable_name_entries.begin(), nullable_name_entries.end(), key) != nullable_name_entries.end()) {
        for (std::size_t i = 0; i < member.size(); ++i)
          if (!member[i].is_null() && !member[i].is_string())
            return path + "." + key + "[" + std::to_string(i) + "] (not a name)";
        continue;
      }
      if (auto p = stray_null(member, path + "." + key); !p.empty()) return p;
    }
  return "";
}

// Returns whether the response is an error.
bool check_response(std::string_view op, std::string_view body, const std::string& response) {
  json parsed;
  try {
    parsed = json::parse(response);
  } catch (const json::exception& e) {
    fail(std::string("response is not JSON: ") + e.what(), op, body, response);
  }
  const json& r = parsed;
  if (!r.is_object() || !r.contains("api_version") || !r.contains("op") || !r["op"].is_string())
    fail("response lacks api_version or op", op, body, response);
  if (r.contains("error")) {
    const json& e = r["error"];
    if (r.contains("result") || !e.is_object() || !e.contains("code") || !e.contains("message") || !e.contains("path") ||
        !e["code"].is_string() || !e["message"].is_string() || !e["path"].is_string())
      fail("malformed error response", op, body, response);
    const auto code = e["code"].get<std::string>();
    if (code == "internal_error" || code == "out_of_memory")
      fail("error code " + code + " (validation should have refused this input by name)", op, body, response);
    return true;
  }
  if (!r.contains("result") || !r.contains("warnings") || !r["warnings"].is_array())
    fail("response has neither error nor result and warnings", op, body, response);
  if (const auto p = stray_null(r["result"], "result"); !p.empty())
    fail("null (a NaN or infinity?) at " + p, op, body, response);
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  operations = operation_names();
  if (const char* list = std::getenv("RBCMATCH_FUZZ_LIST_OPERATIONS"); list && std::strcmp(list, "1") == 0) {
    for (const auto& op : operations) std::cout << op << '\n';
    std::exit(0);
  }
  probe_answer = rbc::api::handle_request(probe_op, probe_body);
  if (json::parse(probe_answer).contains("error")) {
    std::cerr << "request_fuzzer: the probe request fails: " << probe_answer << '\n';
    std::abort();
  }
  std::fflush(stdout);
  std::FILE* f = std::tmpfile();
  if (!f || dup2(fileno(f), STDOUT_FILENO) < 0) std::abort();
  stdout_capture = STDOUT_FILENO;
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t newline = input.find('\n');
  const std::string_view selector = input.substr(0, newline);
  const std::string_view body = newline == std::string_view::npos ? std::string_view() : input.substr(newline + 1);

  std::string op;
  for (const auto& name : operations)
    if (selector == name) op = name;
  if (op.empty()) {
    std::uint32_t h = 2166136261u;  // FNV-1a
    for (unsigned char c : selector) h = (h ^ c) * 16777619u;
    const std::size_t pick = h % (operations.size() + 1);
    op = pick < operations.size() ? operations[pick] : std::string(selector);
  }

  // A work budget: valid requests can run for minutes under the sanitizers (a 136-genotype
  // multistart), so each is cancelled at its first checkpoint after budget_seconds. That
  // keeps the run's time-outs for real hangs (loops without a checkpoint) and exercises the
  // cancel path on every long request.
  const auto started = std::chrono::steady_clock::now();
  const rbc::Progress budget(
      [started](double, std::string_view) {
        return std::chrono::steady_clock::now() - started < std::chrono::duration<double>(budget_seconds);
      },
      0.0);
  const std::string response = rbc::api::handle_request(op, body, budget);
  if (const auto out = take_stdout(); !out.empty()) fail("wrote to stdout: " + out.substr(0, 500), op, body, response);
  if (check_response(op, body, response)) {
    const std::string again = rbc::api::handle_request(probe_op, probe_body);
    if (again != probe_answer) fail("after this error the probe request answers differently: " + again, op, body, response);
  }
  return 0;
}
