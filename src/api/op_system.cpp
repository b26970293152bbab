// The `system` operation: a system definition expanded into its haplotypes, genotypes and
// phenotypes, so a page can show what a system of the user's own makes before using it (and
// in which order a `frequencies` array lists its phenotypes).
#include "api/operations.hpp"
#include "api/reader.hpp"
#include "api/system_json.hpp"

namespace rbc::api {

using nlohmann::json;

namespace {

const Field<json>& system_field() {
  static const Field<json> f = json_field("system", "string | object", system_field_description(), "thesis sec. 3.3.1",
                                          true);
  return f;
}

json handle(ObjectReader& r, Context&) {
  const bloodgroup::System system = read_system(*r.get(system_field()), "system");
  return {{"system", system_to_json(system)}, {"genotypes", genotypes_json(system)}};
}

}  // namespace

Operation system_operation() {
  return {"system",
          "One blood-group system, built-in or defined in the request, expanded into its haplotypes, genotypes and "
          "phenotypes.",
          "thesis sec. 3.3.1, eq. 3.9",
          {system_field().spec},
          {{"system", "object",
            "name, antigens, loci, haplotypes, genotype_count and phenotypes [{label, antigens}] in the order of a "
            "`frequencies` array (see `systems`)."},
           {"genotypes", "object[]",
            "Per genotype, in eq. 3.9 order: label, haplotypes [i, j], phenotype index, short_label where the "
            "system has one."}},
          false,
          handle};
}

}  // namespace rbc::api
