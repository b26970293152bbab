#pragma once
// Blood-group systems: loci, alleles, haplotypes, genotypes and phenotypes (thesis 3.3.1).
//
// An allele encodes a set of antigens (a silent allele encodes none). A haplotype takes one
// allele per locus; a genotype is an unordered pair of haplotypes, listed in the order of
// eq. 3.9; a phenotype is the set of antigens a genotype expresses (codominant expression),
// and the genotype -> phenotype map is the matrix S of eq. 3.10.
#include <cstdint>
#include <string>
#include <vector>

namespace rbc::bloodgroup {

// Bit i set <=> antigen i of the system's antigen list is present (thesis ch. 4). The integer
// order of these sets is the colexicographic order used for phenotypes.
using AntigenSet = std::uint32_t;

// ---- Limits, refused up front with the limit named ----
inline constexpr std::size_t max_antigens = 16;
inline constexpr std::size_t max_loci = 6;
inline constexpr std::size_t max_alleles_per_locus = 16;
inline constexpr std::size_t max_haplotypes = 24;  // so at most 300 genotypes (eq. 3.9)

// ---- Definition: what a user (or the built-in table) writes ----
struct AlleleDefinition {
  std::string name;
  std::vector<std::string> antigens;  // names from SystemDefinition::antigens; empty = silent
};

struct LocusDefinition {
  std::string name;
  std::vector<AlleleDefinition> alleles;  // in the order haplotypes are enumerated
};

struct SystemDefinition {
  std::string id;    // "rh"; empty for a user-defined system
  std::string name;  // "Rh"
  std::vector<std::string> antigens;  // ordered; fixes the bit order of AntigenSet
  std::vector<LocusDefinition> loci;  // the first locus varies slowest over haplotypes
  std::string empty_phenotype_label = "none";  // label of the phenotype with no antigen
  std::string source;                          // paper section the definition follows
  // Short names staff use for haplotypes ({"DCe", "R1"}, ...), in the order they are written
  // in a genotype (R1r, not rR1); empty when the system has none.
  std::vector<std::pair<std::string, std::string>> haplotype_notation = {};
  // Phenotypes written with every antigen and its + or - ("K+k-", "M+N-S+s+"), as staff
  // write Kell and MNS; otherwise one-letter antigens run together ("DCce") and names that
  // share a prefix use the prefix form ("Fy(a+b-)").
  bool plus_minus_labels = false;
};

// ---- The built system ----
struct Haplotype {
  std::string name;          // allele names concatenated over loci: "dCe"
  std::vector<int> alleles;  // allele index per locus
  AntigenSet antigens = 0;
};

struct Genotype {
  int first = 0;   // haplotype index, first <= second (eq. 3.9)
  int second = 0;
  int phenotype = 0;  // index into System::phenotypes()
  std::string label;  // "dce/DCe"
  std::string short_label;  // "R1r" where the system has haplotype_notation, else ""
};

struct Phenotype {
  AntigenSet antigens = 0;
  std::string label;           // "DCce", "Fy(a+b-)", "O"
  std::vector<int> genotypes;  // genotypes expressing it: the column of S (eq. 3.10)
};

class System {
 public:
  // Validates the definition; throws rbc::InputError naming the field under `path`
  // (e.g. "system.loci[0].alleles[1].name") for duplicates, unknown antigens and limits.
  static System build(const SystemDefinition& definition, const std::string& path = "system");

  const SystemDefinition& definition() const { return definition_; }
  const std::vector<Haplotype>& haplotypes() const { return haplotypes_; }
  const std::vector<Genotype>& genotypes() const { return genotypes_; }
  const std::vector<Phenotype>& phenotypes() const { return phenotypes_; }

  // Index of the genotype {a, b} in eq. 3.9 order; a and b in either order.
  int genotype_index(int a, int b) const;
  // Index of the phenotype with exactly these antigens, or -1 if no genotype expresses them.
  int phenotype_index(AntigenSet antigens) const;
  // Names of the antigens in a set, in the system's antigen order.
  std::vector<std::string> antigen_names(AntigenSet antigens) const;
  // Parses a list of antigen names into a set; throws InputError at `path` for unknown names.
  AntigenSet antigen_set(const std::vector<std::string>& names, const std::string& path) const;
  // Finds a phenotype by its label; -1 if none.
  int phenotype_by_label(const std::string& label) const;
  // In words, why `label` names no phenotype of this system and what to do about it: it
  // reads as antigens no genotype expresses together (MNS without a silent S/s allele has
  // no "M" phenotype), or it is not a label at all. "" when it is a phenotype.
  std::string why_not_a_phenotype(const std::string& label) const;

 private:
  std::string phenotype_label(AntigenSet antigens) const;
  std::string short_genotype_label(int a, int b) const;

  SystemDefinition definition_;
  std::vector<Haplotype> haplotypes_;
  std::vector<Genotype> genotypes_;
  std::vector<Phenotype> phenotypes_;
};

}  // namespace rbc::bloodgroup
