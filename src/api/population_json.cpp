#include "api/population_json.hpp"

#include <algorithm>

#include "api/reader.hpp"
#include "bloodgroup/builtin_systems.hpp"
#include "common/input_error.hpp"
#include "frequency/populations.hpp"

namespace rbc::api {

using nlohmann::json;

const std::vector<std::string>& table_systems() {
  static const std::vector<std::string> systems = {"abo", "rh", "kell", "duffy", "kidd", "mns"};
  return systems;
}

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

void TableWarnings::add(const std::string& table, std::size_t system, const std::string& code,
                        const std::string& message, const std::string& path) {
  by_table.emplace(table + " " + code, std::pair{system, json{{"code", code}, {"message", message}, {"path", path}}});
}

frequency::Population load_population(const json* map, const std::string& path, json& tables,
                                      TableWarnings& warnings) {
  const auto& systems = table_systems();
  std::map<std::string, std::string> chosen;
  if (map) {
    if (!map->is_object())
      throw InputError("invalid_field", path, "Expected an object {system id: population id}");
    for (const auto& [system, id] : map->items()) {
      const auto p = field_member(path, system);
      if (std::find(systems.begin(), systems.end(), system) == systems.end())
        throw InputError("unknown_system", p, "'" + system + "' is not one of " + joined(systems));
      chosen[system] = read_string(id, p);
    }
  }
  frequency::Population out;
  for (const auto& id : systems) {
    const auto& s = bloodgroup::builtin_system(id);
    const bool named = chosen.count(id) > 0;
    const std::string p = named ? field_member(path, id) : path;
    const auto& t = frequency::builtin_population_for(s, named ? chosen[id] : id + "/thesis-table-4.4", p);
    const auto checked = frequency::check_phenotype_frequencies(frequency::frequencies_for(s, t), s.phenotypes().size(),
                                                                frequency::default_sum_tolerance, p);
    for (const auto& notice : frequency::table_notices(s, t)) warnings.add(t.id, out.size(), notice.code, notice.message, p);
    if (checked.renormalised)
      warnings.add(t.id, out.size(), "renormalised",
                   "The " + s.definition().name + " table '" + t.name + "' adds up to " +
                       frequency::describe_sum(checked.input_sum) + "; it was divided by that sum.",
                   p);
    out.push_back({&s, checked.f});
    tables[id] = {{"id", t.id}, {"name", t.name}, {"source", t.source}};
  }
  return out;
}

LoadedMixture load_mixture(const json* role, const std::string& role_path, const json* populations,
                           TableWarnings& warnings) {
  LoadedMixture out;
  const auto add = [&](double weight, const json* map, const std::string& path) {
    json tables = json::object();
    out.mixture.push_back({weight, load_population(map, path, tables, warnings)});
    out.description.push_back({{"weight", weight}, {"tables", tables}});
  };
  if (!role) {
    add(1.0, populations, "populations");
  } else if (role->is_object()) {
    add(1.0, role, role_path);
  } else if (role->is_array()) {
    std::vector<double> weights;
    for (std::size_t c = 0; c < role->size(); ++c) {
      ObjectReader component((*role)[c], field_index(role_path, c));
      weights.push_back(read_number(component.member("weight"), component.path_of("weight")));
      add(weights.back(), component.has("populations") ? &component.member("populations") : nullptr,
          component.path_of("populations"));
      component.finish();
    }
    weights = frequency::check_mixture_weights(weights, role_path);
    for (std::size_t c = 0; c < weights.size(); ++c) {
      out.mixture[c].weight = weights[c];
      out.description[c]["weight"] = weights[c];
    }
  } else {
    throw InputError("invalid_field", role_path,
                     "Expected one population {system id: population id} or a mixture [{weight, populations}]");
  }
  return out;
}

json systems_used(const std::vector<std::string>& antigens, const std::vector<frequency::AntigenPlace>& places,
                  const TableWarnings& warnings, std::vector<json>& warn) {
  json systems = json::array();
  for (const auto& id : table_systems())
    systems.push_back({{"id", id}, {"name", bloodgroup::builtin_system(id).definition().name}, {"antigens", json::array()}});
  for (std::size_t i = 0; i < places.size(); ++i)
    systems[static_cast<std::size_t>(places[i].system)]["antigens"].push_back(antigens[i]);
  for (const auto& [key, warning] : warnings.by_table)
    if (!systems[warning.first]["antigens"].empty()) warn.push_back(warning.second);
  return systems;
}

NamedGroup read_group(const json& value, const std::string& path, const std::vector<std::string>& antigens) {
  NamedGroup g;
  g.names = read_string_array(value, path);
  std::vector<bool> in(antigens.size(), false);
  for (std::size_t k = 0; k < g.names.size(); ++k) {
    const auto it = std::find(antigens.begin(), antigens.end(), g.names[k]);
    if (it == antigens.end())
      throw InputError("unknown_antigen", field_index(path, k),
                       "'" + g.names[k] + "' is not one of the antigens listed (" + joined(antigens) + ")");
    in[static_cast<std::size_t>(it - antigens.begin())] = true;
  }
  for (std::size_t a = 0; a < antigens.size(); ++a) {
    (in[a] ? g.present : g.absent).push_back(static_cast<int>(a));
    if (in[a] && a < 64) g.bits |= std::uint64_t{1} << a;
  }
  return g;
}

json names_of(std::uint64_t group, const std::vector<std::string>& antigens) {
  json present = json::array();
  for (std::size_t a = 0; a < antigens.size() && a < 64; ++a)
    if ((group >> a) & 1U) present.push_back(antigens[a]);
  return present;
}

}  // namespace rbc::api
