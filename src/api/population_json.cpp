#include "api/population_json.hpp"

#include <algorithm>

#include "api/reader.hpp"
#include "api/system_json.hpp"
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

const SystemSet& SystemSet::builtin() {
  static const SystemSet set = [] {
    SystemSet s;
    for (const auto& id : table_systems()) {
      s.ids_.push_back(id);
      s.systems_.push_back(&bloodgroup::builtin_system(id));
      s.owned_.push_back(nullptr);
    }
    return s;
  }();
  return set;
}

SystemSet SystemSet::with_own(const json* own, const std::string& path) {
  SystemSet s = builtin();
  if (!own) return s;
  if (!own->is_object()) throw InputError("invalid_field", path, "Expected an object {system id: definition}");
  if (own->size() > max_own_systems)
    throw InputError("limit_exceeded", path,
                     "At most " + std::to_string(max_own_systems) + " systems of your own (got " +
                         std::to_string(own->size()) + ")");
  for (const auto& [id, definition] : own->items()) {
    const auto p = field_member(path, id);
    if (id.empty()) throw InputError("invalid_field", p, "A system needs a name (id)");
    if (!definition.is_object())
      throw InputError("invalid_field", p, "Expected a system definition {name, antigens, loci}");
    auto system = std::make_shared<const bloodgroup::System>(read_system(definition, p));
    const auto at = std::find(s.ids_.begin(), s.ids_.end(), id);
    const auto k = static_cast<std::size_t>(at - s.ids_.begin());
    if (at == s.ids_.end()) {
      s.ids_.push_back(id);
      s.systems_.push_back(system.get());
      s.owned_.push_back(system);
    } else {
      s.systems_[k] = system.get();
      s.owned_[k] = system;
    }
  }
  // An antigen name must say which system it belongs to.
  std::map<std::string, std::string> owner;
  for (std::size_t k = 0; k < s.size(); ++k)
    for (const auto& a : s.system(k).definition().antigens)
      if (const auto [it, fresh] = owner.emplace(a, s.id(k)); !fresh)
        throw InputError("duplicate_name", field_member(path, s.builtin(k) ? it->second : s.id(k)),
                         "Antigen '" + a + "' is in both '" + it->second + "' and '" + s.id(k) +
                             "'; rename it, or replace the built-in system by giving your definition its id");
  return s;
}

void TableWarnings::add(const std::string& table, std::size_t system, const std::string& code,
                        const std::string& message, const std::string& path) {
  by_table.emplace(table + " " + code, std::pair{system, json{{"code", code}, {"message", message}, {"path", path}}});
}

frequency::Population load_population(const SystemSet& systems, const json* map, const std::string& path,
                                      json& tables, TableWarnings& warnings) {
  std::map<std::string, const json*> chosen;
  if (map) {
    if (!map->is_object())
      throw InputError("invalid_field", path, "Expected an object {system id: population id or frequencies}");
    const auto ids = systems.ids();
    for (const auto& [system, value] : map->items()) {
      if (std::find(ids.begin(), ids.end(), system) == ids.end())
        throw InputError("unknown_system", field_member(path, system), "'" + system + "' is not one of " + joined(ids));
      chosen[system] = &value;
    }
  }
  frequency::Population out;
  for (std::size_t k = 0; k < systems.size(); ++k) {
    const auto& id = systems.id(k);
    const auto& s = systems.system(k);
    const json* given = chosen.count(id) ? chosen[id] : nullptr;
    const std::string p = given ? field_member(path, id) : path;
    const auto renormalised = [&](const std::string& key, const std::string& name, double sum) {
      warnings.add(key, out.size(), "renormalised",
                   "The " + s.definition().name + " table '" + name + "' adds up to " + frequency::describe_sum(sum) +
                       "; it was divided by that sum.",
                   p);
    };
    if (given && !given->is_string()) {
      // The user's own phenotype frequencies.
      const auto checked = frequency::check_phenotype_frequencies(read_phenotype_frequencies(*given, s, p),
                                                                  s.phenotypes().size(), frequency::default_sum_tolerance, p);
      if (checked.renormalised) renormalised(p, "your frequencies", checked.input_sum);
      out.push_back({&s, checked.f});
      tables[id] = {{"name", "Your frequencies"}, {"source", "given in the request"}};  // no id: not a built-in table
      continue;
    }
    if (!given && !systems.builtin(k))
      throw InputError("missing_field", field_member(path, id),
                       "Give phenotype frequencies for your system '" + id + "' (" + s.definition().name + ")");
    if (given && !systems.builtin(k))
      throw InputError("invalid_field", p,
                       "Your system '" + id + "' has no built-in tables: give its phenotype frequencies");
    const auto& t = frequency::builtin_population_for(s, given ? given->get<std::string>() : id + "/thesis-table-4.4", p);
    const auto checked = frequency::check_phenotype_frequencies(frequency::frequencies_for(s, t), s.phenotypes().size(),
                                                                frequency::sum_tolerance_for(true, frequency::default_sum_tolerance), p);
    for (const auto& notice : frequency::table_notices(s, t)) warnings.add(t.id, out.size(), notice.code, notice.message, p);
    if (checked.renormalised) renormalised(t.id, t.name, checked.input_sum);
    out.push_back({&s, checked.f});
    tables[id] = {{"id", t.id}, {"name", t.name}, {"source", t.source}};
  }
  return out;
}

LoadedMixture load_mixture(const SystemSet& systems, const json* role, const std::string& role_path,
                           const json* populations, TableWarnings& warnings) {
  LoadedMixture out;
  const auto add = [&](double weight, const json* map, const std::string& path) {
    json tables = json::object();
    out.mixture.push_back({weight, load_population(systems, map, path, tables, warnings)});
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

json systems_used(const SystemSet& set, const std::vector<std::string>& antigens,
                  const std::vector<frequency::AntigenPlace>& places, const TableWarnings& warnings,
                  std::vector<json>& warn) {
  json systems = json::array();
  for (std::size_t k = 0; k < set.size(); ++k)
    systems.push_back({{"id", set.id(k)}, {"name", set.system(k).definition().name}, {"antigens", json::array()}});
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
