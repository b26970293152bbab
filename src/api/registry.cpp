#include "api/registry.hpp"

#include "api/operations.hpp"

namespace rbc::api {

using nlohmann::json;

Field<double> number_field(std::string name, std::string description, std::string source, double default_value,
                           std::optional<double> min, std::optional<double> max) {
  return {{std::move(name), "number", std::move(description), std::move(source), default_value, min, max}};
}

Field<int> integer_field(std::string name, std::string description, std::string source, int default_value,
                         std::optional<int> min, std::optional<int> max) {
  FieldSpec spec{std::move(name), "integer", std::move(description), std::move(source), default_value, {}, {}};
  if (min) spec.min = *min;
  if (max) spec.max = *max;
  return {spec};
}

Field<bool> boolean_field(std::string name, std::string description, std::string source, bool default_value) {
  return {{std::move(name), "boolean", std::move(description), std::move(source), default_value, {}, {}}};
}

Field<std::string> string_field(std::string name, std::string description, std::string source,
                                std::optional<std::string> default_value, std::vector<std::string> choices,
                                bool required) {
  return {{std::move(name), "string", std::move(description), std::move(source),
           default_value ? json(*default_value) : json(), {}, {}, required, std::move(choices)}};
}

Field<json> json_field(std::string name, std::string type, std::string description, std::string source,
                       bool required, json default_value) {
  return {{std::move(name), std::move(type), std::move(description), std::move(source), std::move(default_value), {},
           {}, required}};
}

void Context::warn(const std::string& code, const std::string& message, const std::string& path) {
  warnings.push_back({{"code", code}, {"message", message}, {"path", path}});
}

const std::vector<Operation>& operations() {
  static const std::vector<Operation> ops = {version_operation(),     describe_operation(), systems_operation(),
                                             system_operation(),      stationary_operation(), relatives_operation(),
                                             pregnancy_operation(),   family_operation(),     frequencies_operation(),
                                             allocate_operation(),    match_operation(),      lp_operation(),
                                             antigen_order_operation(), simulate_issuing_operation(),
                                             merge_issuing_operation(), acquisition_operation(),
                                             issuing_mdp_operation(),  ordering_operation(),
                                             ageing_operation()};
  return ops;
}

const Operation* find_operation(std::string_view name) {
  for (const auto& op : operations())
    if (op.name == name) return &op;
  return nullptr;
}

json describe_operations() {
  json ops = json::object();
  for (const auto& o : operations()) {
    json fields = json::array();
    for (const auto& f : o.fields) {
      json jf = {{"name", f.name}, {"type", f.type}, {"description", f.description}, {"required", f.required}};
      if (!f.source.empty()) jf["source"] = f.source;
      if (!f.default_value.is_null()) jf["default"] = f.default_value;
      if (f.min) jf["min"] = *f.min;
      if (f.max) jf["max"] = *f.max;
      if (!f.choices.empty()) jf["choices"] = f.choices;
      if (f.max_items) jf["max_items"] = *f.max_items;
      fields.push_back(jf);
    }
    json result = json::array();
    for (const auto& m : o.result) result.push_back({{"name", m.name}, {"type", m.type}, {"description", m.description}});
    ops[o.name] = {{"summary", o.summary},
                   {"source", o.source},
                   {"fields", fields},
                   {"result", result},
                   {"long_running", o.long_running}};
  }
  return {{"api_version", api_version}, {"operations", ops}};
}

}  // namespace rbc::api
