#include "bloodgroup/system.hpp"

#include <catch2/catch.hpp>
#include <map>

#include "bloodgroup/builtin_systems.hpp"
#include "common/input_error.hpp"

using namespace rbc::bloodgroup;

TEST_CASE("System::build: Rh has 8 haplotypes, 36 genotypes, 18 phenotypes (thesis 3.3.1, 3.5.1)",
          "[bloodgroup][validation]") {
  const auto& rh = builtin_system("rh");
  CHECK(rh.haplotypes().size() == 8);
  CHECK(rh.genotypes().size() == 36);  // eq. 3.9: h(h + 1) / 2
  CHECK(rh.phenotypes().size() == 18);
  // The thesis's haplotype order (sec. 3.3.1 table).
  std::vector<std::string> names;
  for (const auto& h : rh.haplotypes()) names.push_back(h.name);
  CHECK(names == std::vector<std::string>{"dce", "dcE", "dCe", "dCE", "Dce", "DcE", "DCe", "DCE"});
  CHECK(rh.genotypes()[6].label == "dce/DCe");
  CHECK(rh.phenotypes()[rh.genotypes()[6].phenotype].label == "DCce");
}

TEST_CASE("System::build: ABO genotypes in the order of eq. 3.5", "[bloodgroup][validation]") {
  const auto& abo = builtin_system("abo");
  std::vector<std::string> labels;
  for (const auto& g : abo.genotypes()) labels.push_back(g.label);
  CHECK(labels == std::vector<std::string>{"O/O", "O/A", "O/B", "A/A", "A/B", "B/B"});
  std::vector<std::string> phenotypes;
  for (const auto& p : abo.phenotypes()) phenotypes.push_back(p.label);
  CHECK(phenotypes == std::vector<std::string>{"O", "A", "B", "AB"});
}

TEST_CASE("System::build: Duffy labels and the silent allele (sec. 3.5.2)", "[bloodgroup][validation]") {
  const auto& fy = builtin_system("duffy");
  std::vector<std::string> phenotypes;
  for (const auto& p : fy.phenotypes()) phenotypes.push_back(p.label);
  CHECK(phenotypes == std::vector<std::string>{"Fy(a-b-)", "Fy(a+b-)", "Fy(a-b+)", "Fy(a+b+)"});
  CHECK(fy.phenotypes()[0].genotypes.size() == 1);  // only Fy/Fy is Fy(a-b-)
}

TEST_CASE("System::genotype_index: inverts the eq. 3.9 enumeration", "[bloodgroup][property]") {
  for (const auto& d : builtin_system_definitions()) {
    const auto& s = builtin_system(d.id);
    for (std::size_t g = 0; g < s.genotypes().size(); ++g) {
      const auto& gt = s.genotypes()[g];
      CHECK(s.genotype_index(gt.first, gt.second) == static_cast<int>(g));
      CHECK(s.genotype_index(gt.second, gt.first) == static_cast<int>(g));
    }
  }
}

TEST_CASE("System::build: bad definitions name the field", "[bloodgroup][regression]") {
  SystemDefinition d{"", "Test", {"X", "Y"}, {{"L", {{"a", {"X"}}, {"a", {"Y"}}}}}};
  try {
    System::build(d);
    FAIL("duplicate allele names were accepted");
  } catch (const rbc::InputError& e) {
    CHECK(e.code() == "duplicate_name");
    CHECK(e.path() == "system.loci[0].alleles[1].name");
  }
  d.loci[0].alleles[1] = {"b", {"Z"}};
  CHECK_THROWS_AS(System::build(d), rbc::InputError);
  try {
    System::build(d);
  } catch (const rbc::InputError& e) {
    CHECK(e.code() == "unknown_antigen");
    CHECK(e.path() == "system.loci[0].alleles[1].antigens[0]");
  }
  // 5 x 5 = 25 haplotypes > max_haplotypes.
  SystemDefinition big{"", "Big", {"A"}, {}};
  for (int l = 0; l < 2; ++l) {
    LocusDefinition locus{"L" + std::to_string(l), {}};
    for (int a = 0; a < 5; ++a) locus.alleles.push_back({"a" + std::to_string(a), {}});
    big.loci.push_back(locus);
  }
  try {
    System::build(big);
    FAIL("a system over the haplotype limit was accepted");
  } catch (const rbc::InputError& e) {
    CHECK(e.code() == "limit_exceeded");
    CHECK(e.path() == "system.loci");
  }
}

TEST_CASE("System::build: names that read as the same antigen are refused", "[bloodgroup][regression]") {
  auto error_of = [](const SystemDefinition& d) -> std::pair<std::string, std::string> {
    try {
      System::build(d);
    } catch (const rbc::InputError& e) {
      return {e.code(), e.path()};
    }
    return {"", ""};
  };
  using CP = std::pair<std::string, std::string>;
  // Fya and FYA are one antigen written twice; C and c are two (the one-letter convention).
  CHECK(error_of({"", "T", {"Fya", "FYA"}, {{"L", {{"a", {"Fya"}}, {"b", {}}}}}}) ==
        CP{"duplicate_name", "system.antigens[1]"});
  CHECK(error_of({"", "T", {"C", "c"}, {{"L", {{"a", {"C"}}, {"b", {"c"}}}}}}) == CP{"", ""});
  // An allele listing an antigen twice.
  CHECK(error_of({"", "T", {"K", "k"}, {{"L", {{"a", {"K", "K"}}, {"b", {"k"}}}}}}) ==
        CP{"duplicate_name", "system.loci[0].alleles[0].antigens[1]"});
}

TEST_CASE("System::why_not_a_phenotype: says why MNS has no 'M' phenotype and what to do", "[bloodgroup][regression]") {
  const auto& mns = rbc::bloodgroup::builtin_system("mns");
  CHECK(mns.why_not_a_phenotype("M+N+S+s+").empty());
  const std::string m = mns.why_not_a_phenotype("M");
  CHECK_THAT(m, Catch::Contains("S or s") && Catch::Contains("no silent allele") && Catch::Contains("define a system"));
  CHECK_THAT(mns.why_not_a_phenotype("Fy(a+)"), Catch::Contains("not a phenotype label") && Catch::Contains("M+N+S+s+"));
  // The system's own notation for the missing phenotype reads too.
  CHECK_THAT(mns.why_not_a_phenotype("M+N-S-s-"), Catch::Contains("S or s"));
  // With a silent allele at the S locus the phenotype exists.
  SystemDefinition d = mns.definition();
  d.id.clear();
  d.loci[1].alleles.push_back({"u", {}});
  const auto with_silent = System::build(d);
  CHECK(with_silent.phenotype_by_label("M+N-S-s-") >= 0);
  CHECK(with_silent.why_not_a_phenotype("M+N-S-s-").empty());
}

TEST_CASE("System::build: Rh genotypes carry the notation blood banks write (R1r for DCe/dce)", "[bloodgroup][validation]") {
  const auto& rh = rbc::bloodgroup::builtin_system("rh");
  std::map<std::string, std::string> short_of;
  for (const auto& g : rh.genotypes()) short_of[g.label] = g.short_label;
  CHECK(short_of["dce/DCe"] == "R1r");
  CHECK(short_of["DCe/DCe"] == "R1R1");
  CHECK(short_of["dce/DcE"] == "R2r");
  CHECK(short_of["dce/dce"] == "rr");
  CHECK(short_of["DcE/DCe"] == "R1R2");
  CHECK(rbc::bloodgroup::builtin_system("abo").genotypes()[0].short_label.empty());
}

TEST_CASE("System::build: two phenotypes with one label are refused", "[bloodgroup][regression]") {
  // Found reading the code while fuzzing: {A B} and {A, B} were both labelled "A B", so a
  // frequency given as {"A B": f} silently went to the first of them.
  const SystemDefinition spaces{"", "Spaces", {"A B", "A", "B"}, {{"L", {{"x", {"A B"}}, {"a", {"A"}}, {"b", {"B"}}}}}};
  try {
    System::build(spaces);
    FAIL("two phenotypes labelled 'A B' were accepted");
  } catch (const rbc::InputError& e) {
    CHECK(e.code() == "duplicate_name");
    CHECK(e.path() == "system.antigens");
  }
  SystemDefinition empty{"", "Empty", {"A"}, {{"L", {{"o", {}}, {"a", {"A"}}}}}};
  empty.empty_phenotype_label = "A";
  try {
    System::build(empty);
    FAIL("an empty_phenotype_label equal to another label was accepted");
  } catch (const rbc::InputError& e) {
    CHECK(e.code() == "duplicate_name");
    CHECK(e.path() == "system.empty_phenotype_label");
  }
  empty.empty_phenotype_label = "none";
  CHECK(System::build(empty).phenotypes().size() == 2);
}
