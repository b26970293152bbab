// The `frequencies` operation: blood-group frequencies over an antigen subset (thesis
// ch. 4, eq. 4.10-4.11), with usability and receivability (ch. 6), from the built-in
// population tables of the systems of Table 4.4.
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include "api/operations.hpp"
#include "api/reader.hpp"
#include "bloodgroup/builtin_systems.hpp"
#include "common/input_error.hpp"
#include "frequency/blood_groups.hpp"
#include "frequency/populations.hpp"

namespace rbc::api {

using nlohmann::json;

namespace {

// The independent systems of Table 4.4 (RhD is part of Rh, so it is not listed apart).
const std::vector<std::string> table_systems = {"abo", "rh", "kell", "duffy", "kidd", "mns"};

// Rows returned per request: a 17-antigen table has 131 072 groups, far more than a page
// (or a JSON string) should carry at once; the order and offset choose which.
constexpr int max_rows = 4096;

struct FrequencyFields {
  Field<json> antigens, group, populations;
  Field<bool> table;
  Field<std::string> order;
  Field<int> offset, limit;
  std::vector<FieldSpec> specs() const {
    return {antigens.spec, group.spec, populations.spec, table.spec, order.spec, offset.spec, limit.spec};
  }
};

const FrequencyFields& fields() {
  static const FrequencyFields f{
      json_field("antigens", "string[]",
                 "The ordered antigen subset A (e.g. [\"A\", \"B\", \"D\", \"C\", \"E\", \"K\"]): antigens of ABO, Rh, "
                 "Kell, Duffy, Kidd and MNS. Its order fixes the groups' order (colexicographic, eq. 4.7).",
                 "thesis sec. 4.3, Table 4.1", true),
      json_field("group", "string[]",
                 "Optional: one blood group, as the antigens of A that are present; its frequency with the factor of "
                 "each system (Example 4.1). At most " +
                     std::to_string(frequency::max_query_antigens) + " antigens in A.",
                 "thesis eq. 4.10-4.11, Example 4.1", false),
      json_field("populations", "object",
                 "Optional: {system id: population id} (see `systems`); a system not named uses its thesis Table 4.4 "
                 "table.",
                 "thesis Table 4.4", false),
      boolean_field("table",
                    "Tabulate the blood groups over A (2^|A| of them, at most " +
                        std::to_string(frequency::max_table_antigens) +
                        " antigens) with frequency, usability and receivability; `limit` rows are returned.",
                    "thesis eq. 4.11; Definitions 6.1-6.2", true),
      string_field("order",
                   "Order of the rows: colex (the thesis's order, eq. 4.7), rarest first (groups that occur; those of "
                   "frequency 0 last) or commonest first.",
                   "",
                   "colex", {"colex", "rarest", "commonest"}),
      integer_field("offset", "How many rows of that order to skip (for the next page).", "", 0, 0, 1 << 20),
      integer_field("limit", "How many rows to return.", "", 256, 1, max_rows),
  };
  return f;
}

std::vector<std::string> read_names(const json* v, const std::string& path) {
  return v ? read_string_array(*v, path) : std::vector<std::string>{};
}

json one_in(double f) { return f > 0 ? json(1.0 / f) : json(nullptr); }

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

// The populations of the Table 4.4 systems: those named in `populations`, else Table 4.4.
// Tables that do not sum to 1 are renormalised; that is reported for the systems A uses.
struct LoadedSystems {
  std::vector<frequency::SystemPopulation> populations;
  json description = json::array();
  std::vector<std::pair<std::size_t, json>> renormalised;  // system index, warning
};

LoadedSystems load_systems(const json* populations) {
  std::map<std::string, std::string> chosen;
  if (populations) {
    if (!populations->is_object())
      throw InputError("invalid_field", "populations", "populations must be an object {system id: population id}");
    for (const auto& [system, id] : populations->items()) {
      const auto p = field_member("populations", system);
      if (std::find(table_systems.begin(), table_systems.end(), system) == table_systems.end())
        throw InputError("unknown_system", p, "'" + system + "' is not one of " + joined(table_systems));
      chosen[system] = read_string(id, p);
    }
  }
  LoadedSystems out;
  for (const auto& id : table_systems) {
    const auto& s = bloodgroup::builtin_system(id);
    const bool named = chosen.count(id) > 0;
    const std::string path = named ? field_member("populations", id) : "populations";
    const auto& t = frequency::builtin_population_for(s, named ? chosen[id] : id + "/thesis-table-4.4", path);
    const auto checked = frequency::check_phenotype_frequencies(frequency::frequencies_for(s, t), s.phenotypes().size(),
                                                                frequency::default_sum_tolerance, path);
    if (checked.renormalised)
      out.renormalised.push_back({out.populations.size(),
                                  {{"code", "renormalised"},
                                   {"message", "The " + s.definition().name + " table '" + t.name + "' adds up to " +
                                                   frequency::describe_sum(checked.input_sum) +
                                                   "; it was divided by that sum."},
                                   {"path", path}}});
    out.populations.push_back({&s, checked.f});
    out.description.push_back({{"id", id}, {"name", s.definition().name}, {"population", t.id}, {"source", t.source},
                               {"antigens", json::array()}});
  }
  return out;
}

json query_json(const std::vector<std::string>& antigens, const json& group, const LoadedSystems& systems,
                const std::vector<frequency::AntigenPlace>& places) {
  const auto names = read_string_array(group, "group");
  std::vector<int> present;
  for (std::size_t g = 0; g < names.size(); ++g) {
    const auto it = std::find(antigens.begin(), antigens.end(), names[g]);
    if (it == antigens.end())
      throw InputError("unknown_antigen", field_index("group", g), "'" + names[g] + "' is not one of the antigens listed");
    present.push_back(static_cast<int>(it - antigens.begin()));
  }
  const auto q = frequency::group_frequency(systems.populations, places, present);
  json factors = json::array();
  for (const auto& f : q.factors) {
    json a = json::array();
    for (int i : f.antigens) a.push_back(antigens[static_cast<std::size_t>(i)]);
    factors.push_back({{"system", table_systems[static_cast<std::size_t>(f.system)]}, {"antigens", a}, {"frequency", f.frequency}});
  }
  return {{"antigens", names}, {"frequency", q.frequency}, {"one_in", one_in(q.frequency)}, {"factors", factors}};
}

// The rows [offset, offset + limit) of the table in the order asked.
json table_rows(const std::vector<std::string>& antigens, const LoadedSystems& systems,
                const std::vector<frequency::AntigenPlace>& places, const std::string& order, std::size_t offset,
                std::size_t limit) {
  const auto f = frequency::blood_group_table(systems.populations, places, "antigens");
  const auto u = frequency::usability(f);
  const auto rcv = frequency::receivability(f);
  std::vector<std::size_t> rows_order(f.size());
  for (std::size_t g = 0; g < f.size(); ++g) rows_order[g] = g;
  // Ties keep the colexicographic order, so a page is the same every time. "Rarest" means
  // the rarest groups that occur: groups of frequency 0 come last.
  const auto rarity = [&](std::size_t g) { return f[g] > 0 ? f[g] : std::numeric_limits<double>::infinity(); };
  if (order == "rarest")
    std::stable_sort(rows_order.begin(), rows_order.end(), [&](std::size_t a, std::size_t b) { return rarity(a) < rarity(b); });
  if (order == "commonest")
    std::stable_sort(rows_order.begin(), rows_order.end(), [&](std::size_t a, std::size_t b) { return f[a] > f[b]; });
  json rows = json::array();
  for (std::size_t k = offset; k < f.size() && k < offset + limit; ++k) {
    const std::size_t g = rows_order[k];
    json present = json::array();
    for (std::size_t a = 0; a < antigens.size(); ++a)
      if ((g >> a) & 1U) present.push_back(antigens[a]);
    rows.push_back({{"index", g}, {"antigens", present}, {"frequency", f[g]}, {"one_in", one_in(f[g])},
                    {"usability", u[g]}, {"receivability", rcv[g]}});
  }
  return {{"rows", rows}, {"total", f.size()}};
}

json handle(ObjectReader& r, Context& context) {
  const auto& F = fields();
  const auto antigens = read_names(r.get(F.antigens), "antigens");
  const json* group = r.get(F.group);
  const json* populations = r.get(F.populations);
  const bool table = r.get(F.table);
  const std::string order = r.get(F.order);
  const auto offset = static_cast<std::size_t>(r.get(F.offset));
  const auto limit = static_cast<std::size_t>(r.get(F.limit));

  LoadedSystems systems = load_systems(populations);
  const auto places = frequency::place_antigens(antigens, systems.populations, "antigens");
  for (std::size_t i = 0; i < places.size(); ++i)
    systems.description[static_cast<std::size_t>(places[i].system)]["antigens"].push_back(antigens[i]);
  for (const auto& [system, warning] : systems.renormalised)
    if (!systems.description[system]["antigens"].empty()) context.warnings.push_back(warning);

  json out = {{"antigens", antigens}, {"systems", systems.description}, {"groups", nullptr}, {"query", nullptr}};
  if (group) out["query"] = query_json(antigens, *group, systems, places);
  if (table) {
    const json t = table_rows(antigens, systems, places, order, offset, limit);
    out["groups"] = t["rows"];
    out["total_groups"] = t["total"];
    out["offset"] = offset;
  }
  return out;
}

}  // namespace

Operation frequencies_operation() {
  return {"frequencies",
          "Blood-group frequencies over an antigen subset, with usability (the share of recipients a group can "
          "serve) and receivability (the share of donors who can serve it).",
          "thesis sec. 4.3-4.4, eq. 4.7-4.11, Example 4.1; Definitions 6.1-6.2",
          fields().specs(),
          {{"antigens", "string[]", "A, as given."},
           {"systems", "object[]", "Per system: id, name, population used, its source, and the antigens of A in it."},
           {"groups", "object[] | null",
            "`limit` groups from `offset` in the chosen order: index (the bit set over A), antigens present, "
            "frequency (eq. 4.11), one_in (1 / frequency, null for 0), usability, receivability. null when table "
            "is false."},
           {"total_groups", "integer", "2^|A|, when table is true."},
           {"offset", "integer", "The offset of the first row returned, when table is true."},
           {"query", "object | null",
            "For `group`: antigens, frequency, one_in, and factors [{system, antigens, frequency}] (eq. 4.10)."}},
          false,
          handle};
}

}  // namespace rbc::api
