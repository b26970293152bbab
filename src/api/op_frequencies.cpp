// The `frequencies` operation: blood-group frequencies over an antigen subset (thesis
// ch. 4, eq. 4.10-4.11), with usability and receivability (ch. 6) and the relative
// opportunity loss (Definition 6.3), from the built-in population tables of the systems of
// Table 4.4; donors and recipients may differ and each may be a mixture of populations.
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include "api/operations.hpp"
#include "api/population_json.hpp"
#include "api/reader.hpp"
#include "bloodgroup/builtin_systems.hpp"
#include "common/input_error.hpp"
#include "frequency/blood_groups.hpp"
#include "frequency/populations.hpp"

namespace rbc::api {

using nlohmann::json;

namespace {

// Rows returned per request: a 17-antigen table has 131 072 groups, far more than a page
// (or a JSON string) should carry at once; the order and offset choose which.
constexpr int max_rows = 4096;

struct FrequencyFields {
  Field<json> antigens, group, donor_group, systems, populations, donors, recipients;
  Field<bool> table;
  Field<json> filter;
  Field<std::string> order;
  Field<int> offset, limit;
  std::vector<FieldSpec> specs() const {
    return {antigens.spec, group.spec,  donor_group.spec, systems.spec, populations.spec, donors.spec,
            recipients.spec, table.spec, filter.spec,      order.spec,   offset.spec,      limit.spec};
  }
};

const FrequencyFields& fields() {
  static const std::string population_shape =
      "an object {system id: population id, or phenotype frequencies (an array in the system's phenotype order, or "
      "{label: frequency})} (one population; systems not named use their thesis Table 4.4 table), "
      "or a mixture: an array [{\"weight\": 0.99, \"populations\": {...}}, ...] whose weights add up to 1";
  static const FrequencyFields f{
      json_field("antigens", "string[]",
                 "The ordered antigen subset A (e.g. [\"A\", \"B\", \"D\", \"C\", \"E\", \"K\"]): antigens of ABO, Rh, "
                 "Kell, Duffy, Kidd and MNS. Its order fixes the groups' order (colexicographic, eq. 4.7).",
                 "thesis sec. 4.3, Table 4.1", true),
      json_field("group", "string[]",
                 "Optional: one (recipient) blood group, as the antigens of A that are present: its frequency with "
                 "the factor of each system (Example 4.1), its usability and receivability, and the donor groups "
                 "that can serve it, best first by relative opportunity loss (up to `limit`; when A has at most " +
                     std::to_string(frequency::max_table_antigens) + " antigens). At most " +
                     std::to_string(frequency::max_query_antigens) + " antigens in A.",
                 "thesis eq. 4.8, 4.10-4.11, Example 4.1; Definition 6.3", false),
      json_field("donor_group", "string[]",
                 "Optional, with `group`: a donor group (antigens of A present) to issue to `group`; its relative "
                 "opportunity loss (eq. 6.8). It must be compatible: no antigen that `group` lacks.",
                 "thesis Definition 6.3, eq. 6.8", false),
      json_field("systems", "object",
                 "Optional: blood-group systems of your own, {id: definition} with definition {name, antigens, loci: "
                 "[{name, alleles: [{name, antigens}]}]} as in `stationary`. An id of a built-in system (abo, rh, kell, "
                 "duffy, kidd, mns) replaces it (e.g. MNS with a silent allele, to express S-s-); another id adds an "
                 "independent system. Populations must give phenotype frequencies for each. At most " +
                     std::to_string(SystemSet::max_own_systems) + "; antigen names unique across all systems.",
                 "thesis sec. 3.1, eq. 4.11", false),
      json_field("populations", "object",
                 "Optional: {system id: population id (see the `systems` operation), or phenotype frequencies (an array "
                 "in the system's phenotype order, or {label: frequency})} for donors and recipients alike; a system "
                 "not named uses its thesis Table 4.4 table.",
                 "thesis Table 4.4", false),
      json_field("donors", "object | object[]",
                 "Optional: the donor population, replacing `populations` for donors: " + population_shape +
                     ". Frequencies, rarity and receivability are the donors'.",
                 "seed 004 (mixed-ancestry donor pool); Definition 6.2", false),
      json_field("recipients", "object | object[]",
                 "Optional: the recipient population, replacing `populations` for recipients, in the same form. "
                 "Usability and the opportunity loss are the recipients'.",
                 "seed 004; Definition 6.1", false),
      boolean_field("table",
                    "Tabulate the blood groups over A (2^|A| of them, at most " +
                        std::to_string(frequency::max_table_antigens) +
                        " antigens) with frequency, usability and receivability; `limit` rows are returned.",
                    "thesis eq. 4.11; Definitions 6.1-6.2", true),
      json_field("filter", "object",
                 "Optional: {\"present\": [...], \"absent\": [...]}, antigens of A: only the groups with every "
                 "antigen of present and none of absent are listed (e.g. O D- K-: absent [\"A\", \"B\", \"D\", "
                 "\"K\"]); order, offset and limit then apply to those.",
                 "", false),
      string_field("order",
                   "Order of the rows: colex (the thesis's order, eq. 4.7); rarest or commonest first (among donors; "
                   "rarest means the rarest groups that occur, those of frequency 0 last); least or most usable first "
                   "(usability); least or most receivable first (receivability: the hardest to supply first). Ties "
                   "keep the colexicographic order.",
                   "",
                   "colex", {"colex", "rarest", "commonest", "least_usable", "most_usable", "least_receivable",
                             "most_receivable"}),
      integer_field("offset", "How many rows of that order to skip (for the next page).", "", 0, 0, 1 << 20),
      integer_field("limit", "How many rows to return (table rows, and compatible donor groups).", "", 256, 1,
                    max_rows),
  };
  return f;
}

std::vector<std::string> read_names(const json* v, const std::string& path) {
  return v ? read_string_array(*v, path) : std::vector<std::string>{};
}

json one_in(double f) { return f > 0 ? json(1.0 / f) : json(nullptr); }
json maybe(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }

struct Roles {
  LoadedMixture donors, recipients;
  // The same population: equal weights and phenotype frequencies (descriptions alone do not
  // tell two tables of one's own frequencies apart).
  bool same() const {
    const auto& d = donors.mixture;
    const auto& r = recipients.mixture;
    if (d.size() != r.size()) return false;
    for (std::size_t c = 0; c < d.size(); ++c) {
      if (d[c].weight != r[c].weight || d[c].population.size() != r[c].population.size()) return false;
      for (std::size_t k = 0; k < d[c].population.size(); ++k)
        if (d[c].population[k].system != r[c].population[k].system ||
            d[c].population[k].phenotype_frequencies != r[c].population[k].phenotype_frequencies)
          return false;
    }
    return true;
  }
  // The donors' and the recipients' tables over A; one when they are the same population.
  std::pair<std::vector<double>, std::vector<double>> tables(const std::vector<frequency::AntigenPlace>& places) const {
    auto d = frequency::blood_group_table(donors.mixture, places, "antigens");
    auto r = same() ? d : frequency::blood_group_table(recipients.mixture, places, "antigens");
    return {std::move(d), std::move(r)};
  }
};

// The single-group query: eq. 4.10-4.11, usability and receivability without a table, and
// the compatible donor groups (Definition 6.3) when A is small enough to tabulate.
json query_json(const SystemSet& systems, const std::vector<std::string>& antigens, const NamedGroup& group,
                const json* donor_group, const Roles& roles, const std::vector<frequency::AntigenPlace>& places,
                std::size_t limit) {
  json components = json::array();
  for (const auto& c : roles.donors.mixture)
    components.push_back({{"weight", c.weight},
                          {"frequency", frequency::group_frequency(c.population, places, group.present).frequency}});
  json factors = nullptr;
  if (roles.donors.mixture.size() == 1) {
    factors = json::array();
    for (const auto& f : frequency::group_frequency(roles.donors.mixture[0].population, places, group.present).factors) {
      json a = json::array();
      for (int i : f.antigens) a.push_back(antigens[static_cast<std::size_t>(i)]);
      factors.push_back(
          {{"system", systems.id(static_cast<std::size_t>(f.system))}, {"antigens", a}, {"frequency", f.frequency}});
    }
  }
  const double frequency = frequency::share(roles.donors.mixture, places, group.present, group.absent);
  const double usability = frequency::share(roles.recipients.mixture, places, group.present, {});
  json out = {{"antigens", group.names},
              {"frequency", frequency},
              {"one_in", one_in(frequency)},
              {"recipient_frequency", frequency::share(roles.recipients.mixture, places, group.present, group.absent)},
              {"factors", factors},
              {"components", components},
              {"usability", usability},
              {"receivability", frequency::share(roles.donors.mixture, places, {}, group.absent)},
              {"compatible_donors", nullptr},
              {"total_compatible_donors", std::size_t{1} << std::min<std::size_t>(group.present.size(), 63)},
              {"donor_group", nullptr}};
  if (donor_group) {
    const auto d = read_group(*donor_group, "donor_group", antigens);
    for (int a : d.present)
      if (std::find(group.present.begin(), group.present.end(), a) == group.present.end())
        throw InputError("incompatible", "donor_group",
                         "A donor of this group has " + antigens[static_cast<std::size_t>(a)] +
                             ", which the patient's group lacks: the unit is not compatible");
    const double donor_usability = frequency::share(roles.recipients.mixture, places, d.present, {});
    out["donor_group"] = {{"antigens", d.names},
                          {"usability", donor_usability},
                          {"loss", maybe(frequency::opportunity_loss(donor_usability, usability))}};
  }
  if (antigens.size() <= frequency::max_table_antigens) {
    auto [donors, recipients] = roles.tables(places);
    const auto u = frequency::usability(std::move(recipients));
    json rows = json::array();
    for (const auto& c : frequency::compatible_donor_groups(group.bits, u)) {
      if (rows.size() == limit) break;
      rows.push_back({{"index", c.group},
                      {"antigens", names_of(c.group, antigens)},
                      {"frequency", donors[c.group]},
                      {"usability", u[c.group]},
                      {"loss", maybe(c.loss)}});
    }
    out["compatible_donors"] = rows;
  }
  return out;
}

// The rows [offset, offset + limit) of the table in the order asked.
// Which groups the table lists: those with every antigen of `present` and none of `absent`.
struct RowFilter {
  std::size_t present = 0, absent = 0;
  bool keeps(std::size_t group) const { return (group & present) == present && (group & absent) == 0; }
};

RowFilter read_filter(const json* value, const std::vector<std::string>& antigens) {
  RowFilter filter;
  if (!value) return filter;
  ObjectReader r(*value, "filter");
  for (const char* key : {"present", "absent"}) {
    if (!r.has(key)) continue;
    const auto group = read_group(r.member(key), r.path_of(key), antigens);
    (std::string(key) == "present" ? filter.present : filter.absent) = group.bits;
  }
  r.finish();
  if (filter.present & filter.absent)
    throw InputError("invalid_field", "filter",
                     "An antigen cannot be both present and absent: " +
                         names_of(filter.present & filter.absent, antigens)[0].get<std::string>());
  return filter;
}

// How rare the groups listed are, by decade of 1 / frequency: [{up_to, groups, frequency}],
// up_to = 10, 100, ... (a group "1 in 250" is in the band up to 1000), then the groups of
// frequency 0 with up_to null. Only bands that hold a group are listed.
json rarity_bands(const std::vector<double>& f, const std::vector<std::size_t>& groups) {
  std::map<int, std::pair<std::size_t, double>> bands;  // decade (-1: frequency 0) -> groups, frequency
  for (std::size_t g : groups) {
    const int decade = f[g] > 0 ? std::max(1, static_cast<int>(std::ceil(std::log10(1.0 / f[g]) - 1e-12))) : -1;
    auto& band = bands[decade];
    ++band.first;
    band.second += f[g];
  }
  json out = json::array();
  for (const auto& [decade, band] : bands)
    if (decade > 0) out.push_back({{"up_to", std::pow(10.0, decade)}, {"groups", band.first}, {"frequency", band.second}});
  if (bands.count(-1)) out.push_back({{"up_to", nullptr}, {"groups", bands[-1].first}, {"frequency", 0.0}});
  return out;
}

json table_rows(const std::vector<std::string>& antigens, const Roles& roles,
                const std::vector<frequency::AntigenPlace>& places, const RowFilter& filter, const std::string& order,
                std::size_t offset, std::size_t limit) {
  const auto tables = roles.tables(places);
  const std::vector<double>& f = tables.first;
  const std::vector<double>& recipients = tables.second;
  const auto u = frequency::usability(recipients);
  const auto rcv = frequency::receivability(f);
  std::vector<std::size_t> rows_order;
  for (std::size_t g = 0; g < f.size(); ++g)
    if (filter.keeps(g)) rows_order.push_back(g);
  // Ties keep the colexicographic order, so a page is the same every time. "Rarest" means
  // the rarest groups that occur: groups of frequency 0 come last.
  const auto rarity = [&](std::size_t g) { return f[g] > 0 ? f[g] : std::numeric_limits<double>::infinity(); };
  if (order == "rarest")
    std::stable_sort(rows_order.begin(), rows_order.end(), [&](std::size_t a, std::size_t b) { return rarity(a) < rarity(b); });
  const auto by = [&](const std::vector<double>& key, bool ascending) {
    std::stable_sort(rows_order.begin(), rows_order.end(),
                     [&](std::size_t a, std::size_t b) { return ascending ? key[a] < key[b] : key[a] > key[b]; });
  };
  if (order == "commonest") by(f, false);
  if (order == "least_usable") by(u, true);
  if (order == "most_usable") by(u, false);
  if (order == "least_receivable") by(rcv, true);
  if (order == "most_receivable") by(rcv, false);
  json rows = json::array();
  for (std::size_t k = offset; k < rows_order.size() && k < offset + limit; ++k) {
    const std::size_t g = rows_order[k];
    rows.push_back({{"index", g}, {"antigens", names_of(g, antigens)}, {"frequency", f[g]}, {"one_in", one_in(f[g])},
                    {"recipient_frequency", recipients[g]}, {"usability", u[g]}, {"receivability", rcv[g]}});
  }
  return {{"rows", rows}, {"total", f.size()}, {"matching", rows_order.size()}, {"rarity", rarity_bands(f, rows_order)}};
}

json handle(ObjectReader& r, Context& context) {
  const auto& F = fields();
  const auto antigens = read_names(r.get(F.antigens), "antigens");
  const json* group = r.get(F.group);
  const json* donor_group = r.get(F.donor_group);
  const json* populations = r.get(F.populations);
  const json* donors = r.get(F.donors);
  const json* recipients = r.get(F.recipients);
  const bool table = r.get(F.table);
  const json* filter = r.get(F.filter);
  const std::string order = r.get(F.order);
  const auto offset = static_cast<std::size_t>(r.get(F.offset));
  const auto limit = static_cast<std::size_t>(r.get(F.limit));
  if (donor_group && !group)
    throw InputError("missing_field", "group", "Give the patient's group (group) to issue the donor group to");

  const SystemSet set = SystemSet::with_own(r.get(F.systems), "systems");
  TableWarnings warnings;
  const Roles roles{load_mixture(set, donors, "donors", populations, warnings),
                    load_mixture(set, recipients, "recipients", populations, warnings)};
  const auto places = frequency::place_antigens(antigens, roles.donors.mixture[0].population, "antigens");
  const json systems = systems_used(set, antigens, places, warnings, context.warnings);

  json out = {{"antigens", antigens}, {"systems", systems}, {"donors", roles.donors.description},
              {"recipients", roles.recipients.description}, {"same_population", roles.same()},
              {"groups", nullptr}, {"query", nullptr}};
  if (group) out["query"] = query_json(set, antigens, read_group(*group, "group", antigens), donor_group, roles, places, limit);
  if (table) {
    const json t = table_rows(antigens, roles, places, read_filter(filter, antigens), order, offset, limit);
    out["groups"] = t["rows"];
    out["total_groups"] = t["total"];
    out["matching_groups"] = t["matching"];
    out["rarity"] = t["rarity"];
    out["offset"] = offset;
  }
  return out;
}

}  // namespace

Operation frequencies_operation() {
  return {"frequencies",
          "Blood-group frequencies over an antigen subset, with usability (the share of recipients a group can "
          "serve), receivability (the share of donors who can serve it), the donor groups that can serve a "
          "patient's group and the relative opportunity loss of each.",
          "thesis sec. 4.3-4.4, eq. 4.7-4.11, Example 4.1; Definitions 6.1-6.3",
          fields().specs(),
          {{"antigens", "string[]", "A, as given."},
           {"systems", "object[]", "Per system: id, name, and the antigens of A in it."},
           {"donors", "object[]",
            "The donor population: one entry per population of the mixture (one when not a mixture), each "
            "{weight, tables: {system id: {id, name, source}}} (no id for frequencies given in the request)."},
           {"recipients", "object[]", "The recipient population, in the same form."},
           {"same_population", "boolean",
            "Whether donors and recipients are the same population (same weights and phenotype frequencies)."},
           {"groups", "object[] | null",
            "`limit` groups from `offset` in the chosen order: index (the bit set over A), antigens present, "
            "frequency among donors (eq. 4.11), one_in (1 / frequency, null for 0), recipient_frequency, "
            "usability (share of recipients it can serve, eq. 6.6), receivability (share of donors who can serve "
            "it, eq. 6.7). null when table is false."},
           {"total_groups", "integer", "2^|A|, when table is true."},
           {"matching_groups", "integer", "How many groups pass `filter` (all of them without one), when table is true."},
           {"rarity", "object[]",
            "When table is true, the groups passing `filter` by rarity among donors: [{up_to, groups, frequency}] per "
            "decade (up_to 10: at least 1 in 10; 100: rarer, up to 1 in 100; ...), then up_to null for groups of "
            "frequency 0. Bands without a group are left out."},
           {"offset", "integer", "The offset of the first row returned, when table is true."},
           {"query", "object | null",
            "For `group`: antigens, frequency (donors), one_in, recipient_frequency, factors [{system, antigens, "
            "frequency}] (eq. 4.10; null for a mixture, whose systems are not independent), components [{weight, "
            "frequency}] (per population of the donors), usability, receivability, compatible_donors (best first: "
            "[{index, antigens, frequency, usability, loss}], at most `limit`; null above " +
                std::to_string(frequency::max_table_antigens) +
                " antigens), total_compatible_donors, and donor_group {antigens, usability, loss} for `donor_group` "
                "(loss null when no recipient can receive it)."}},
          false,
          handle};
}

}  // namespace rbc::api
