#pragma once
// The operation registry: every operation is one record (name, summary, source, typed
// fields, result description, handler). Dispatch, `describe`, docs/api.md's tables, the
// CLI's usage and the page's forms all derive from these records (STYLE.md, habit 3), so an
// operation is written once: a core function, one record in its op_*.cpp, one line in
// registry.cpp.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/parallel.hpp"
#include "common/progress.hpp"

namespace rbc::api {

inline constexpr int api_version = 1;

// ---- Fields ----
struct FieldSpec {
  std::string name;
  std::string type;  // "number", "integer", "boolean", "string", or a composite described in words
  std::string description;
  std::string source;              // paper section, or "" when the field is ours
  nlohmann::json default_value;    // null: no default (required, or absent means "not given")
  std::optional<double> min, max;  // inclusive, for numbers and integers
  bool required = false;
  std::vector<std::string> choices;  // for strings: the only values accepted ({} = any)
  std::optional<int> max_items;      // for lists: the most entries accepted
};

// A declared field with the C++ type its value is read as. Handlers read fields through
// these objects (ObjectReader::get), so a misspelt field is a compile error, not a run-time one.
template <class T>
struct Field {
  FieldSpec spec;
};

Field<double> number_field(std::string name, std::string description, std::string source, double default_value,
                           std::optional<double> min, std::optional<double> max);
Field<int> integer_field(std::string name, std::string description, std::string source, int default_value,
                         std::optional<int> min, std::optional<int> max);
Field<bool> boolean_field(std::string name, std::string description, std::string source, bool default_value);
// default_value nullopt: absent means "not given" (or required, when `required`).
Field<std::string> string_field(std::string name, std::string description, std::string source,
                                std::optional<std::string> default_value, std::vector<std::string> choices = {},
                                bool required = false);
// A structured value (array or object) the handler reads itself; `type` describes it in words.
Field<nlohmann::json> json_field(std::string name, std::string type, std::string description, std::string source,
                                 bool required, nlohmann::json default_value = nullptr);

// ---- Results ----
struct ResultMember {
  std::string name;
  std::string type;
  std::string description;
};

// ---- Handlers ----
class ObjectReader;

// What a handler gets besides its request: where to put warnings the user should see
// (renormalised input, non-convergence) and the progress / cancel channel for long work.
struct Context {
  std::vector<nlohmann::json> warnings;
  Progress progress;
  // Runs independent pieces (replications) side by side; empty: one after another. The CLI's
  // --threads gives one; the answer never depends on it.
  ParallelFor parallel = {};
  void warn(const std::string& code, const std::string& message, const std::string& path = "");
};

// Reads the typed request, makes one core call, writes the result. Throws InputError for bad
// input; unknown top-level fields were already refused by the dispatcher.
using Handler = nlohmann::json (*)(ObjectReader& request, Context& context);

struct Operation {
  std::string name;
  std::string summary;
  std::string source;                 // paper sections, or ""
  std::vector<FieldSpec> fields;      // top-level request fields
  std::vector<ResultMember> result;   // top-level members of `result`
  bool long_running = false;          // reports progress and can be cancelled at checkpoints
  Handler handler = nullptr;
};

// Every operation, in the order `describe` and the docs list them.
const std::vector<Operation>& operations();
const Operation* find_operation(std::string_view name);
nlohmann::json describe_operations();

}  // namespace rbc::api
