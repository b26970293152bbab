#include "bloodgroup/system.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>

#include "common/input_error.hpp"

namespace rbc::bloodgroup {
namespace {

void require_name(const std::string& name, const std::string& path) {
  if (name.empty()) throw InputError("invalid_field", path, path + " must be a non-empty name");
  if (name.size() > 32) throw InputError("invalid_field", path, path + " is longer than 32 characters");
}

void require_limit(std::size_t count, std::size_t limit, const std::string& path, const char* what) {
  if (count > limit) {
    throw InputError("limit_exceeded", path,
                     path + " has " + std::to_string(count) + " " + what + "; the limit is " +
                         std::to_string(limit));
  }
}

// "Fy" for {"Fya", "Fyb"}: the shared prefix that the a+b- notation factors out, or "" when
// the antigens do not share one (or a name would be left empty).
std::string common_prefix(const std::vector<std::string>& names) {
  if (names.size() < 2) return "";
  std::string prefix = names.front();
  for (const auto& n : names) {
    std::size_t k = 0;
    while (k < prefix.size() && k < n.size() && prefix[k] == n[k]) ++k;
    prefix.resize(k);
  }
  for (const auto& n : names)
    if (n.size() == prefix.size()) return "";
  return prefix;
}

// The name two antigens may not share: case is folded, except for one-letter names, where
// it is the notation (C and c are the two antithetical Rh antigens).
std::string antigen_key(const std::string& name) {
  if (name.size() == 1) return name;
  std::string key = name;
  for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return key;
}

}  // namespace

System System::build(const SystemDefinition& def, const std::string& path) {
  System s;
  s.definition_ = def;

  const std::string antigens_path = field_member(path, "antigens");
  if (def.antigens.empty())
    throw InputError("invalid_field", antigens_path, antigens_path + " must list at least one antigen");
  require_limit(def.antigens.size(), max_antigens, antigens_path, "antigens");
  std::map<std::string, std::string> seen_antigens;  // folded name -> name as given
  for (std::size_t a = 0; a < def.antigens.size(); ++a) {
    const auto p = field_index(antigens_path, a);
    require_name(def.antigens[a], p);
    const auto [it, fresh] = seen_antigens.emplace(antigen_key(def.antigens[a]), def.antigens[a]);
    if (!fresh)
      throw InputError("duplicate_name", p,
                       it->second == def.antigens[a]
                           ? "Antigen '" + def.antigens[a] + "' is listed twice"
                           : "Antigens '" + it->second + "' and '" + def.antigens[a] +
                                 "' differ only in upper and lower case, which reads as the same antigen; only "
                                 "one-letter antigens (C and c, E and e, K and k, S and s) are told apart by case");
  }

  const std::string loci_path = field_member(path, "loci");
  if (def.loci.empty()) throw InputError("invalid_field", loci_path, loci_path + " must list at least one locus");
  require_limit(def.loci.size(), max_loci, loci_path, "loci");
  std::size_t haplotype_count = 1;
  std::vector<std::vector<AntigenSet>> allele_sets(def.loci.size());
  std::set<std::string> seen_loci;
  for (std::size_t l = 0; l < def.loci.size(); ++l) {
    const auto& locus = def.loci[l];
    const auto lp = field_index(loci_path, l);
    require_name(locus.name, field_member(lp, "name"));
    if (!seen_loci.insert(locus.name).second)
      throw InputError("duplicate_name", field_member(lp, "name"),
                       field_member(lp, "name") + ": locus '" + locus.name + "' is listed twice");
    const auto ap = field_member(lp, "alleles");
    if (locus.alleles.empty()) throw InputError("invalid_field", ap, ap + " must list at least one allele");
    require_limit(locus.alleles.size(), max_alleles_per_locus, ap, "alleles");
    std::set<std::string> seen_alleles;
    for (std::size_t i = 0; i < locus.alleles.size(); ++i) {
      const auto& allele = locus.alleles[i];
      const auto ip = field_index(ap, i);
      require_name(allele.name, field_member(ip, "name"));
      if (!seen_alleles.insert(allele.name).second)
        throw InputError("duplicate_name", field_member(ip, "name"),
                         field_member(ip, "name") + ": allele '" + allele.name + "' is listed twice in locus '" +
                             locus.name + "'");
      for (std::size_t k = 0; k < allele.antigens.size(); ++k)
        for (std::size_t j = 0; j < k; ++j)
          if (allele.antigens[j] == allele.antigens[k])
            throw InputError("duplicate_name", field_index(field_member(ip, "antigens"), k),
                             "Allele '" + allele.name + "' lists antigen '" + allele.antigens[k] + "' twice");
      allele_sets[l].push_back(s.antigen_set(allele.antigens, field_member(ip, "antigens")));
    }
    haplotype_count *= locus.alleles.size();
    require_limit(haplotype_count, max_haplotypes, loci_path, "haplotypes (the product of the allele counts)");
  }

  // Haplotypes in mixed-radix order, first locus slowest: with Rh loci D (d, D), C (c, C),
  // E (e, E) this is the thesis's order dce, dcE, dCe, ..., DCE (sec. 3.3.1).
  for (std::size_t h = 0; h < haplotype_count; ++h) {
    Haplotype hap;
    hap.alleles.resize(def.loci.size());
    std::size_t rest = h;
    for (std::size_t l = def.loci.size(); l-- > 0;) {
      const std::size_t n = def.loci[l].alleles.size();
      hap.alleles[l] = static_cast<int>(rest % n);
      rest /= n;
    }
    for (std::size_t l = 0; l < def.loci.size(); ++l) {
      hap.name += def.loci[l].alleles[hap.alleles[l]].name;
      hap.antigens |= allele_sets[l][hap.alleles[l]];
    }
    s.haplotypes_.push_back(std::move(hap));
  }
  std::set<std::string> seen_haplotypes;
  for (const auto& hap : s.haplotypes_)
    if (!seen_haplotypes.insert(hap.name).second)
      throw InputError("duplicate_name", loci_path,
                       loci_path + ": two haplotypes are both named '" + hap.name +
                           "'; choose allele names that stay distinct when joined");

  // Genotypes in the order of eq. 3.9; phenotypes are the expressed antigen sets (codominant).
  std::map<AntigenSet, int> phenotype_of_set;
  const int h = static_cast<int>(s.haplotypes_.size());
  for (int a = 0; a < h; ++a)
    for (int b = a; b < h; ++b) {
      Genotype g;
      g.first = a;
      g.second = b;
      g.label = s.haplotypes_[a].name + "/" + s.haplotypes_[b].name;
      g.short_label = s.short_genotype_label(a, b);
      phenotype_of_set.emplace(s.haplotypes_[a].antigens | s.haplotypes_[b].antigens, 0);
      s.genotypes_.push_back(std::move(g));
    }
  int index = 0;
  for (auto& [set, idx] : phenotype_of_set) {  // std::map iterates in integer (colex) order
    idx = index++;
    s.phenotypes_.push_back(Phenotype{set, s.phenotype_label(set), {}});
  }
  // Labels name phenotypes in requests ({label: frequency}) and on screen, so no two may
  // coincide: antigens "A B", "A" and "B" would label {A B} and {A, B} alike, and the
  // empty_phenotype_label may repeat another phenotype's label.
  std::map<std::string, AntigenSet> labels;
  for (const auto& p : s.phenotypes_)
    if (auto [it, fresh] = labels.emplace(p.label, p.antigens); !fresh) {
      const auto where = it->second == 0 || p.antigens == 0 ? field_member(path, "empty_phenotype_label") : antigens_path;
      throw InputError("duplicate_name", where,
                       where + ": two phenotypes are both labelled '" + p.label +
                           "'; rename an antigen or the empty_phenotype_label");
    }
  for (std::size_t g = 0; g < s.genotypes_.size(); ++g) {
    auto& gt = s.genotypes_[g];
    gt.phenotype = phenotype_of_set.at(s.haplotypes_[gt.first].antigens | s.haplotypes_[gt.second].antigens);
    s.phenotypes_[gt.phenotype].genotypes.push_back(static_cast<int>(g));
  }
  return s;
}

int System::genotype_index(int a, int b) const {
  if (a > b) std::swap(a, b);
  const int h = static_cast<int>(haplotypes_.size());
  // Row a of eq. 3.9 starts after rows 0..a-1, which hold h, h-1, ..., h-a+1 genotypes.
  return a * h - a * (a - 1) / 2 + (b - a);
}

int System::phenotype_index(AntigenSet antigens) const {
  auto it = std::lower_bound(phenotypes_.begin(), phenotypes_.end(), antigens,
                             [](const Phenotype& p, AntigenSet s) { return p.antigens < s; });
  return it != phenotypes_.end() && it->antigens == antigens ? static_cast<int>(it - phenotypes_.begin()) : -1;
}

int System::phenotype_by_label(const std::string& label) const {
  for (std::size_t i = 0; i < phenotypes_.size(); ++i)
    if (phenotypes_[i].label == label) return static_cast<int>(i);
  return -1;
}

std::string System::short_genotype_label(int a, int b) const {
  const auto& notation = definition_.haplotype_notation;
  auto rank = [&](int h) {
    for (std::size_t i = 0; i < notation.size(); ++i)
      if (notation[i].first == haplotypes_[static_cast<std::size_t>(h)].name) return static_cast<int>(i);
    return -1;
  };
  const int ra = rank(a), rb = rank(b);
  if (ra < 0 || rb < 0) return "";
  return ra <= rb ? notation[ra].second + notation[rb].second : notation[rb].second + notation[ra].second;
}

std::string System::why_not_a_phenotype(const std::string& label) const {
  if (phenotype_by_label(label) >= 0) return "";
  const auto& names = definition_.antigens;
  // Read the label as antigens: names separated by spaces, or one-letter names run together.
  std::optional<AntigenSet> wanted;
  // The label this system would give an antigen set, for every set (at most 2^16).
  for (AntigenSet t = 0; t < (AntigenSet{1} << names.size()) && !wanted; ++t)
    if (phenotype_label(t) == label) wanted = t;
  if (!wanted && label == definition_.empty_phenotype_label) wanted = 0;
  auto index_of = [&](const std::string& name) { return std::find(names.begin(), names.end(), name) - names.begin(); };
  if (!wanted) {
    AntigenSet set = 0;
    bool ok = !label.empty();
    std::string word;
    std::vector<std::string> words;
    for (char c : label + " ")
      if (c == ' ') { if (!word.empty()) words.push_back(word); word.clear(); } else word += c;
    if (words.size() == 1 && index_of(words[0]) == static_cast<long>(names.size())) {
      words.clear();
      for (char c : label) words.emplace_back(1, c);
    }
    for (const auto& w : words) {
      const auto i = index_of(w);
      if (i == static_cast<long>(names.size())) ok = false; else set |= AntigenSet{1} << i;
    }
    if (ok) wanted = set;
  }
  std::string known;
  for (std::size_t i = 0; i < phenotypes_.size() && i < 24; ++i) known += (i ? ", " : "") + phenotypes_[i].label;
  if (phenotypes_.size() > 24) known += ", ...";
  if (!wanted)
    return "'" + label + "' is not a phenotype label of this system; its phenotypes are " + known + ".";
  // A locus each of whose alleles carries an antigen outside the wanted set forces one of
  // them on every haplotype, so no one lacks them all.
  for (const auto& locus : definition_.loci) {
    bool forced = true;
    AntigenSet carried = 0;
    for (const auto& allele : locus.alleles) {
      const AntigenSet a = antigen_set(allele.antigens, "");
      carried |= a;
      forced = forced && (a & ~*wanted) != 0;
    }
    if (forced) {
      std::string list;
      for (const auto& n : antigen_names(carried & ~*wanted)) list += (list.empty() ? "" : " or ") + n;
      return "No one in this system has phenotype '" + label + "': every allele of its locus '" + locus.name +
             "' carries " + list + " (the locus has no silent allele), so every person has at least one of them. "
             "To count people without them, define a system whose locus '" + locus.name +
             "' has an allele with no antigens.";
    }
  }
  return "No pair of this system's haplotypes expresses exactly the antigens of '" + label +
         "'; its phenotypes are " + known + ".";
}

std::vector<std::string> System::antigen_names(AntigenSet antigens) const {
  std::vector<std::string> names;
  for (std::size_t a = 0; a < definition_.antigens.size(); ++a)
    if (antigens & (AntigenSet{1} << a)) names.push_back(definition_.antigens[a]);
  return names;
}

AntigenSet System::antigen_set(const std::vector<std::string>& names, const std::string& path) const {
  AntigenSet set = 0;
  for (std::size_t i = 0; i < names.size(); ++i) {
    const auto& list = definition_.antigens;
    auto it = std::find(list.begin(), list.end(), names[i]);
    if (it == list.end())
      throw InputError("unknown_antigen", field_index(path, i),
                       field_index(path, i) + ": '" + names[i] + "' is not one of the system's antigens");
    set |= AntigenSet{1} << (it - list.begin());
  }
  return set;
}

// Notation clinicians read: "Fy(a+b-)" when the antigens share a prefix (Duffy, Kidd),
// "DCce" when every antigen is one letter (Rh, ABO, MNS), else names joined by spaces.
std::string System::phenotype_label(AntigenSet antigens) const {
  const auto& all = definition_.antigens;
  const std::string prefix = common_prefix(all);
  if (!prefix.empty()) {
    std::string label = prefix + "(";
    for (std::size_t a = 0; a < all.size(); ++a)
      label += all[a].substr(prefix.size()) + ((antigens >> a) & 1U ? "+" : "-");
    return label + ")";
  }
  if (definition_.plus_minus_labels) {
    std::string label;
    for (std::size_t a = 0; a < all.size(); ++a) label += all[a] + ((antigens >> a) & 1U ? "+" : "-");
    return label;
  }
  if (antigens == 0) return definition_.empty_phenotype_label;
  const auto names = antigen_names(antigens);
  const bool letters = std::all_of(all.begin(), all.end(), [](const auto& n) { return n.size() == 1; });
  std::string label;
  for (const auto& n : names) label += (label.empty() || letters ? "" : " ") + n;
  return label;
}

}  // namespace rbc::bloodgroup
