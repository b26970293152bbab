#include "api/reader.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "common/input_error.hpp"

namespace rbc::api {
namespace {

using nlohmann::json;

std::string type_name(const json& v) {
  if (v.is_null()) return "null";
  if (v.is_boolean()) return "a boolean";
  if (v.is_number()) return "a number";
  if (v.is_string()) return "a string";
  if (v.is_array()) return "an array";
  return "an object";
}

[[noreturn]] void wrong_type(const json& v, const std::string& path, const std::string& expected) {
  throw InputError("invalid_field", path, path + " must be " + expected + " (got " + type_name(v) + ")");
}

void check_range(double x, const FieldSpec& spec, const std::string& path) {
  std::ostringstream msg;
  if (spec.min && x < *spec.min) msg << path << " must be >= " << *spec.min << " (got " << x << ")";
  else if (spec.max && x > *spec.max) msg << path << " must be <= " << *spec.max << " (got " << x << ")";
  else return;
  throw InputError(spec.max && x > *spec.max ? "limit_exceeded" : "invalid_field", path, msg.str());
}

}  // namespace

ObjectReader::ObjectReader(const json& value, std::string path) : value_(value), path_(std::move(path)) {
  if (!value_.is_object()) wrong_type(value_, path_.empty() ? "the request" : path_, "an object");
}

bool ObjectReader::has(const std::string& key) const { return value_.contains(key); }

std::string ObjectReader::path_of(const std::string& key) const { return field_member(path_, key); }

const json& ObjectReader::member(const std::string& key) {
  read_.insert(key);
  if (!value_.contains(key)) throw InputError("missing_field", path_of(key), path_of(key) + " is required");
  return value_.at(key);
}

const json* ObjectReader::present(const FieldSpec& spec) {
  read_.insert(spec.name);
  if (value_.contains(spec.name)) return &value_.at(spec.name);
  if (spec.required) throw InputError("missing_field", path_of(spec.name), path_of(spec.name) + " is required");
  return nullptr;
}

double ObjectReader::get(const Field<double>& field) {
  const FieldSpec& spec = field.spec;
  const json* v = present(spec);
  if (!v) return spec.default_value.get<double>();
  const double x = read_number(*v, path_of(spec.name));
  check_range(x, spec, path_of(spec.name));
  return x;
}

int ObjectReader::get(const Field<int>& field) {
  const FieldSpec& spec = field.spec;
  const json* v = present(spec);
  if (!v) return spec.default_value.get<int>();
  const auto p = path_of(spec.name);
  const double x = read_number(*v, p);
  if (x != std::floor(x)) throw InputError("invalid_field", p, p + " must be a whole number");
  check_range(x, spec, p);
  return static_cast<int>(x);
}

bool ObjectReader::get(const Field<bool>& field) {
  const FieldSpec& spec = field.spec;
  const json* v = present(spec);
  if (!v) return spec.default_value.get<bool>();
  if (!v->is_boolean()) wrong_type(*v, path_of(spec.name), "true or false");
  return v->get<bool>();
}

std::string ObjectReader::get(const Field<std::string>& field) {
  const FieldSpec& spec = field.spec;
  const json* v = present(spec);
  if (!v) return spec.default_value.is_string() ? spec.default_value.get<std::string>() : std::string();
  std::string s = read_string(*v, path_of(spec.name));
  if (!spec.choices.empty() && std::find(spec.choices.begin(), spec.choices.end(), s) == spec.choices.end()) {
    std::string list;
    for (const auto& c : spec.choices) list += (list.empty() ? "\"" : ", \"") + c + "\"";
    throw InputError("invalid_field", path_of(spec.name),
                     path_of(spec.name) + " must be one of " + list + " (got \"" + s + "\")");
  }
  return s;
}

const json* ObjectReader::get(const Field<json>& field) { return present(field.spec); }

void ObjectReader::finish() const {
  for (const auto& [key, v] : value_.items())
    if (!read_.count(key))
      throw InputError("unknown_field", path_of(key),
                       path_of(key) + " is not a field of this request (see the `describe` operation)");
}

double read_number(const json& v, const std::string& path) {
  if (!v.is_number()) wrong_type(v, path, "a number");
  const double x = v.get<double>();
  if (!std::isfinite(x)) throw InputError("invalid_field", path, path + " must be finite");
  return x;
}

std::string read_string(const json& v, const std::string& path) {
  if (!v.is_string()) wrong_type(v, path, "a string");
  return v.get<std::string>();
}

const json& read_array(const json& v, const std::string& path) {
  if (!v.is_array()) wrong_type(v, path, "an array");
  return v;
}

// The element's path is built only for an error: requests can hold thousands of elements.
std::vector<std::string> read_string_array(const json& v, const std::string& path) {
  std::vector<std::string> out;
  out.reserve(read_array(v, path).size());
  for (std::size_t i = 0; i < v.size(); ++i)
    out.push_back(v[i].is_string() ? v[i].get<std::string>() : read_string(v[i], field_index(path, i)));
  return out;
}

std::vector<double> read_number_array(const json& v, const std::string& path) {
  std::vector<double> out;
  out.reserve(read_array(v, path).size());
  for (std::size_t i = 0; i < v.size(); ++i) {
    const bool plain = v[i].is_number() && std::isfinite(v[i].get<double>());
    out.push_back(plain ? v[i].get<double>() : read_number(v[i], field_index(path, i)));
  }
  return out;
}

}  // namespace rbc::api
