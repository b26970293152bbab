// Built-in phenotype frequency tables. Every number carries its source; "rare" in the
// source is entered as 0 (thesis sec. 4.5: rare combinations are assumed to have frequency 0).
#include "frequency/populations.hpp"

namespace rbc::frequency {

const std::vector<PopulationTable>& builtin_populations() {
  static const char* t44 = "thesis Table 4.4 (from [94])";
  static const char* t34 = "thesis Table 3.4";
  static const char* t31 = "thesis Table 3.1";
  static const char* s352 = "thesis sec. 3.5.2 (from [94])";
  // Seed 004 takes the African and European frequencies of its donors and patients from
  // this book; the numbers are its commonly reproduced phenotype tables, not checked against
  // the book in this repository.
  static const char* reid = "Reid, Lomas-Francis & Olsson, The Blood Group Antigen FactsBook, 3rd ed. (2012), cited by seed 004";
  static const char* aabb =
      "AABB Technical Manual, 16th ed. (2008), Rh phenotype frequencies (Westhoff), as reproduced by Medscape "
      "(medscape.com/answers/1731214-166740)";
  static const char* aabb_note =
      "Its White column is the thesis's Table 3.4, value for value; taken from a reproduction of the table, not "
      "checked against the manual itself.";
  static const char* reid_note =
      "Entered from the book's phenotype table as commonly reproduced; cross-checked against other published copies "
      "and antigen frequencies (docs/methods/frequencies.md), not against the book itself.";
  static const char* wsc24 =
      "Oyebolu et al. (2024), their simulator (github.com/HDSci/BloodMatcher-WSC24, "
      "data/bloodgroup_frequencies/Fy.tsv, column black_frequency)";
  static const std::string fy_null =
      "Fy(a-b-) is 68 % among people of African ancestry (thesis sec. 3.5.2); a patient with it needs Fy(a-b-) "
      "blood, so choose an African Duffy table for such patients or donors.";
  static const std::string jk_null =
      "Jk(a-b-) is rare but real (most often in Polynesian and East Asian people); a patient with it needs Jk(a-b-) "
      "blood.";
  static const std::vector<PopulationTable> tables = {
      {"abo/thesis-table-4.4", "abo", "Caucasian, thesis Tables 3.1 / 4.4", t44, "",
       {{{}, 0.44, t44}, {{"A"}, 0.43, t44}, {{"B"}, 0.09, t44}, {{"A", "B"}, 0.04, t44}}},
      {"rhd/thesis-table-3.1", "rhd", "Caucasian, thesis Table 3.1", t31, "",
       {{{}, 0.168, t31}, {{"D"}, 0.832, t31}}},
      {"rh/thesis-table-3.4", "rh", "Caucasian, thesis Table 3.4", t34,
       "Phenotypes the table lists as 'other' are 0.",
       {{{"D", "C", "c", "e"}, 0.349, t34},
        {{"D", "C", "e"}, 0.185, t34},
        {{"c", "e"}, 0.151, t34},
        {{"D", "C", "c", "E", "e"}, 0.133, t34},
        {{"D", "c", "E", "e"}, 0.118, t34},
        {{"D", "c", "E"}, 0.023, t34},
        {{"D", "c", "e"}, 0.021, t34},
        {{"c", "E", "e"}, 0.009, t34},
        {{"C", "c", "e"}, 0.008, t34},
        {{"D", "C", "E", "e"}, 0.002, t34},
        {{"D", "C", "c", "E"}, 0.001, t34}}},
      // The AABB table whose White column is the thesis's Table 3.4, value for value.
      {"rh/african-aabb-2008", "rh", "Black, AABB Technical Manual 2008", aabb,
       std::string(aabb_note) + " 'Rare' phenotypes (DCEe, DCcE, Cce, cEe) are 0, so the rows add up to 98.4 %.",
       {{{"D", "c", "e"}, 0.458, aabb},
        {{"D", "C", "c", "e"}, 0.210, aabb},
        {{"D", "c", "E", "e"}, 0.186, aabb},
        {{"c", "e"}, 0.068, aabb},
        {{"D", "C", "c", "E", "e"}, 0.040, aabb},
        {{"D", "C", "e"}, 0.020, aabb},
        {{"D", "c", "E"}, 0.002, aabb},
        {{"D", "C", "E", "e"}, 0.0, aabb},
        {{"D", "C", "c", "E"}, 0.0, aabb},
        {{"C", "c", "e"}, 0.0, aabb},
        {{"c", "E", "e"}, 0.0, aabb}}},
      {"rh/asian-aabb-2008", "rh", "Asian, AABB Technical Manual 2008", aabb,
       std::string(aabb_note) + " 'Rare' cEe is 0; the rows add up to 99.5 %.",
       {{{"D", "C", "e"}, 0.518, aabb},
        {{"D", "C", "c", "E", "e"}, 0.300, aabb},
        {{"D", "C", "c", "e"}, 0.085, aabb},
        {{"D", "c", "E"}, 0.044, aabb},
        {{"D", "c", "E", "e"}, 0.025, aabb},
        {{"D", "C", "E", "e"}, 0.014, aabb},
        {{"D", "C", "c", "E"}, 0.004, aabb},
        {{"D", "c", "e"}, 0.003, aabb},
        {{"C", "c", "e"}, 0.001, aabb},
        {{"c", "e"}, 0.001, aabb},
        {{"c", "E", "e"}, 0.0, aabb}}},
      {"rh/thesis-table-4.4", "rh", "Caucasian, thesis Table 4.4", t44,
       "Rounded to two decimals; 'rare' phenotypes are 0. R1Rz (DCEe) and DCcE print as 0.00.",
       {{{"c", "e"}, 0.15, t44},
        {{"c", "E", "e"}, 0.01, t44},
        {{"C", "c", "e"}, 0.01, t44},
        {{"D", "c", "e"}, 0.02, t44},
        {{"D", "c", "E"}, 0.02, t44},
        {{"D", "c", "E", "e"}, 0.12, t44},
        {{"D", "C", "e"}, 0.19, t44},
        {{"D", "C", "E", "e"}, 0.00, t44},
        {{"D", "C", "c", "e"}, 0.35, t44},
        {{"D", "C", "c", "E"}, 0.00, t44},
        {{"D", "C", "c", "E", "e"}, 0.13, t44}}},
      {"kell/thesis-table-4.4", "kell", "Caucasian, thesis Table 4.4", t44,
       "K+k- prints as 0.00; the K-k- row ('rare') needs a silent allele this system leaves out.",
       {{{"K"}, 0.00, t44}, {{"k"}, 0.91, t44}, {{"K", "k"}, 0.09, t44}}},
      {"duffy/thesis-table-4.4", "duffy", "Caucasian, thesis Table 4.4", t44, "Fy(a-b-) is 'rare' (0).",
       {{{}, 0.0, t44, fy_null}, {{"Fya"}, 0.17, t44}, {{"Fyb"}, 0.34, t44}, {{"Fya", "Fyb"}, 0.49, t44}}},
      {"duffy/caucasian-sec-3.5.2", "duffy", "Caucasian, thesis sec. 3.5.2", s352, "",
       {{{}, 0.0, s352, fy_null}, {{"Fya"}, 0.18, s352}, {{"Fyb"}, 0.33, s352}, {{"Fya", "Fyb"}, 0.49, s352}}},
      {"duffy/african-sec-3.5.2", "duffy", "African, thesis sec. 3.5.2", s352,
       "As printed in the thesis (its ref. [94]). Other published copies of the African Duffy phenotypes give "
       "Fy(a+b-) 9 % and Fy(a-b+) 22 % (the thesis: 6 % and 25 %); Fy(a-b-) 68 % and Fy(a+b+) 1 % agree.",
       {{{}, 0.68, s352}, {{"Fya"}, 0.06, s352}, {{"Fyb"}, 0.25, s352}, {{"Fya", "Fyb"}, 0.01, s352}}},
      {"duffy/african-oyebolu-2024", "duffy", "African, Oyebolu et al. 2024 (Fy(a-b-) as Fy(a-b+))", wsc24,
       "The table Oyebolu et al. (2024) computed their results with. It has no Fy(a-b-): most people of African ancestry who "
       "type Fy(a-b-) carry FY*B silenced in red cells only (the GATA promoter variant), keep Fyb elsewhere and "
       "rarely make anti-Fyb, so for matching they count as Fy(a-b+). Its other rows are those of the thesis's "
       "sec. 3.5.2 copy as other sources print them (Fy(a+b-) 9 %, Fy(a+b+) 1 %).",
       {{{}, 0.0, wsc24}, {{"Fya"}, 0.09, wsc24}, {{"Fyb"}, 0.90, wsc24}, {{"Fya", "Fyb"}, 0.01, wsc24}}},
      {"kidd/thesis-table-4.4", "kidd", "Caucasian, thesis Table 4.4", t44,
       "Jk(a-b-) is 'rare' (0); the printed values sum to 0.99 and are renormalised.",
       {{{}, 0.0, t44, jk_null}, {{"Jka"}, 0.26, t44}, {{"Jkb"}, 0.23, t44}, {{"Jka", "Jkb"}, 0.50, t44}}},
      {"mns/thesis-table-4.4", "mns", "Caucasian, thesis Table 4.4", t44,
       "Phenotypes without S and s ('rare') need a silent allele this system leaves out.",
       {{{"M", "S"}, 0.06, t44},
        {{"N", "S"}, 0.01, t44},
        {{"M", "N", "S"}, 0.04, t44},
        {{"M", "s"}, 0.08, t44},
        {{"N", "s"}, 0.15, t44},
        {{"M", "N", "s"}, 0.22, t44},
        {{"M", "S", "s"}, 0.14, t44},
        {{"N", "S", "s"}, 0.06, t44},
        {{"M", "N", "S", "s"}, 0.24, t44}}},
      {"abo/african-reid-2012", "abo", "African, Reid et al. 2012", reid, reid_note,
       {{{}, 0.49, reid}, {{"A"}, 0.27, reid}, {{"B"}, 0.20, reid}, {{"A", "B"}, 0.04, reid}}},
      {"abo/asian-reid-2012", "abo", "Asian, Reid et al. 2012", reid, reid_note,
       {{{}, 0.43, reid}, {{"A"}, 0.27, reid}, {{"B"}, 0.25, reid}, {{"A", "B"}, 0.05, reid}}},
      {"kell/african-reid-2012", "kell", "African, Reid et al. 2012", reid,
       std::string(reid_note) + " K+k- is 'rare' (0).",
       {{{"K"}, 0.0, reid}, {{"K", "k"}, 0.02, reid}, {{"k"}, 0.98, reid}}},
      {"kidd/african-reid-2012", "kidd", "African, Reid et al. 2012", reid,
       std::string(reid_note) + " Jk(a-b-) is 'rare' (0).",
       {{{}, 0.0, reid, jk_null}, {{"Jka"}, 0.511, reid}, {{"Jkb"}, 0.081, reid}, {{"Jka", "Jkb"}, 0.408, reid}}},
      {"mns/african-reid-2012", "mns", "African, Reid et al. 2012", reid,
       std::string(reid_note) + " The S-s- rows (1.5 %) need a silent allele this system leaves out. M+N+S-s+ is "
                                "32.5 % as in two published copies of the table (first entered as 33 %); the rows "
                                "then add up to 100 %.",
       {{{"M", "S"}, 0.02, reid},
        {{"M", "S", "s"}, 0.07, reid},
        {{"M", "s"}, 0.16, reid},
        {{"M"}, 0.004, reid},
        {{"M", "N", "S"}, 0.02, reid},
        {{"M", "N", "S", "s"}, 0.13, reid},
        {{"M", "N", "s"}, 0.325, reid},
        {{"M", "N"}, 0.004, reid},
        {{"N", "S"}, 0.02, reid},
        {{"N", "S", "s"}, 0.05, reid},
        {{"N", "s"}, 0.19, reid},
        {{"N"}, 0.007, reid}}},
  };
  return tables;
}

}  // namespace rbc::frequency
