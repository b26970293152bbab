#include "api/system_json.hpp"

#include <utility>

#include "api/reader.hpp"
#include "bloodgroup/builtin_systems.hpp"
#include "common/input_error.hpp"

namespace rbc::api {

std::string system_field_description() {
  std::string ids;
  for (const auto& d : bloodgroup::builtin_system_definitions()) ids += (ids.empty() ? "" : ", ") + d.id;
  return "A built-in system id (" + ids + ") or a system definition "
         "{name, antigens: [names], loci: [{name, alleles: [{name, antigens: [names]}]}], "
         "empty_phenotype_label?}. At most " +
         std::to_string(bloodgroup::max_antigens) + " antigens, " + std::to_string(bloodgroup::max_loci) + " loci, " +
         std::to_string(bloodgroup::max_alleles_per_locus) + " alleles per locus and " +
         std::to_string(bloodgroup::max_haplotypes) + " haplotypes.";
}

using nlohmann::json;

namespace {

// Nested fields of a system definition (described in words by system_field_description()).
Field<std::string> name_field(const std::string& name, bool required = true) {
  return string_field(name, "", "", std::nullopt, {}, required);
}

bloodgroup::SystemDefinition read_definition(const json& value, const std::string& path) {
  ObjectReader r(value, path);
  bloodgroup::SystemDefinition def;
  def.name = r.get(name_field("name"));
  def.antigens = read_string_array(r.member("antigens"), r.path_of("antigens"));
  if (r.has("empty_phenotype_label")) def.empty_phenotype_label = r.get(name_field("empty_phenotype_label"));
  const auto& loci = read_array(r.member("loci"), r.path_of("loci"));
  for (std::size_t l = 0; l < loci.size(); ++l) {
    ObjectReader lr(loci[l], field_index(r.path_of("loci"), l));
    bloodgroup::LocusDefinition locus;
    locus.name = lr.get(name_field("name"));
    const auto& alleles = read_array(lr.member("alleles"), lr.path_of("alleles"));
    for (std::size_t a = 0; a < alleles.size(); ++a) {
      ObjectReader ar(alleles[a], field_index(lr.path_of("alleles"), a));
      bloodgroup::AlleleDefinition allele;
      allele.name = ar.get(name_field("name"));
      allele.antigens = read_string_array(ar.member("antigens"), ar.path_of("antigens"));
      ar.finish();
      locus.alleles.push_back(std::move(allele));
    }
    lr.finish();
    def.loci.push_back(std::move(locus));
  }
  r.finish();
  def.source = "user-defined";
  return def;
}

}  // namespace

bloodgroup::System read_system(const json& value, const std::string& path) {
  if (value.is_string()) return bloodgroup::builtin_system(value.get<std::string>(), path);
  if (!value.is_object())
    throw InputError("invalid_field", path, path + " must be a built-in system id or a system definition object");
  return bloodgroup::System::build(read_definition(value, path), path);
}

json system_to_json(const bloodgroup::System& s) {
  // Built in place (see op_stationary.cpp): nlohmann's initializer lists copy every element.
  const auto& d = s.definition();
  json::array_t loci;
  loci.reserve(d.loci.size());
  for (const auto& l : d.loci) {
    json::array_t alleles;
    alleles.reserve(l.alleles.size());
    for (const auto& a : l.alleles) {
      json::object_t allele;
      allele.emplace("name", a.name);
      allele.emplace("antigens", a.antigens);
      alleles.emplace_back(std::move(allele));
    }
    json::object_t locus;
    locus.emplace("name", l.name);
    locus.emplace("alleles", std::move(alleles));
    loci.emplace_back(std::move(locus));
  }
  json::array_t haplotypes;
  haplotypes.reserve(s.haplotypes().size());
  for (const auto& h : s.haplotypes()) haplotypes.emplace_back(h.name);
  json::array_t phenotypes;
  phenotypes.reserve(s.phenotypes().size());
  for (const auto& p : s.phenotypes()) {
    json::object_t phenotype;
    phenotype.emplace("label", p.label);
    phenotype.emplace("antigens", s.antigen_names(p.antigens));
    phenotypes.emplace_back(std::move(phenotype));
  }
  json::object_t out;
  out.emplace("id", d.id);
  out.emplace("name", d.name);
  out.emplace("antigens", d.antigens);
  out.emplace("loci", std::move(loci));
  out.emplace("haplotypes", std::move(haplotypes));
  out.emplace("genotype_count", s.genotypes().size());
  out.emplace("phenotypes", std::move(phenotypes));
  out.emplace("source", d.source);
  return out;
}

Eigen::VectorXd read_phenotype_frequencies(const json& v, const bloodgroup::System& system, const std::string& path) {
  if (v.is_array()) {
    const auto xs = read_number_array(v, path);
    return Eigen::Map<const Eigen::VectorXd>(xs.data(), static_cast<Eigen::Index>(xs.size()));
  }
  if (!v.is_object())
    throw InputError("invalid_field", path, path + " must be an array or an object {phenotype label: frequency}");
  Eigen::VectorXd f = Eigen::VectorXd::Zero(static_cast<Eigen::Index>(system.phenotypes().size()));
  for (const auto& [label, x] : v.items()) {
    const auto p = field_member(path, label);
    const int i = system.phenotype_by_label(label);
    if (i < 0) throw InputError("unknown_phenotype", p, system.why_not_a_phenotype(label));
    f[i] = read_number(x, p);
  }
  return f;
}

json genotypes_json(const bloodgroup::System& s) {
  json::array_t out;
  out.reserve(s.genotypes().size());
  for (const auto& g : s.genotypes()) {
    json::object_t o;
    o.emplace("label", g.label);
    o.emplace("haplotypes", json::array_t{json(g.first), json(g.second)});
    o.emplace("phenotype", g.phenotype);
    if (!g.short_label.empty()) o.emplace("short_label", g.short_label);
    out.emplace_back(std::move(o));
  }
  return out;
}

}  // namespace rbc::api
