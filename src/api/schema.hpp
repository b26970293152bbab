#pragma once
// Every request field, declared once: name, type, default, limits, meaning and source.
// Validation (reader.hpp), the `describe` operation, docs/api.md and the page's defaults and
// limits all come from these records (STYLE.md, habit 3).
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace rbc::api {

inline constexpr int api_version = 1;

struct FieldSpec {
  std::string name;
  std::string type;  // "number", "integer", "boolean", "string", or a composite described in words
  std::string description;
  std::string source;               // paper section, or "" when the field is ours
  nlohmann::json default_value;     // null: no default (required, or absent means "not given")
  std::optional<double> min, max;   // inclusive, for numbers and integers
  bool required = false;
};

struct OperationSpec {
  std::string name;
  std::string summary;
  std::string source;
  std::vector<FieldSpec> fields;
};

const std::vector<OperationSpec>& operation_specs();
// Throws std::logic_error for an undeclared field: a programming error, not user input.
const FieldSpec& field_spec(const std::string& op, const std::string& field);
nlohmann::json describe_operations();

}  // namespace rbc::api
