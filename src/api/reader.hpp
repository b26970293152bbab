#pragma once
// Reads one JSON object of a request, field by field, against the declared fields: types,
// defaults, limits and choices are checked here, and every error names the field's path.
// finish() refuses fields nobody read, so no input is silently ignored.
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "api/registry.hpp"

namespace rbc::api {

class ObjectReader {
 public:
  // Throws InputError unless `value` is an object.
  ObjectReader(const nlohmann::json& value, std::string path);

  bool has(const std::string& key) const;
  // The raw member, marked as read; throws "missing_field" when absent.
  const nlohmann::json& member(const std::string& key);
  std::string path_of(const std::string& key) const;

  // A declared field's value, or its default when absent.
  double get(const Field<double>& field);
  int get(const Field<int>& field);
  bool get(const Field<bool>& field);
  std::string get(const Field<std::string>& field);
  // A structured field: nullptr when absent and not required (its default is the handler's).
  const nlohmann::json* get(const Field<nlohmann::json>& field);

  // Throws "unknown_field" naming the first member that was never read.
  void finish() const;

 private:
  const nlohmann::json* present(const FieldSpec& spec);
  const nlohmann::json& value_;
  std::string path_;
  std::set<std::string> read_;
};

// Helpers for nested values that have no FieldSpec of their own.
double read_number(const nlohmann::json& v, const std::string& path);
std::string read_string(const nlohmann::json& v, const std::string& path);
std::vector<std::string> read_string_array(const nlohmann::json& v, const std::string& path);
std::vector<double> read_number_array(const nlohmann::json& v, const std::string& path);
const nlohmann::json& read_array(const nlohmann::json& v, const std::string& path);

}  // namespace rbc::api
