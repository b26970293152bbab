// The `frequencies` operation through the request API: paging and order of the table.
#include <catch2/catch.hpp>
#include <map>
#include <tuple>
#include <nlohmann/json.hpp>

#include "api/dispatch.hpp"

using nlohmann::json;

namespace {

json result(const std::string& body) {
  const json r = json::parse(rbc::api::handle_request("frequencies", body));
  INFO(r.dump().substr(0, 400));
  REQUIRE(r.contains("result"));
  return r["result"];
}

const std::string seventeen = R"(["A","B","D","C","c","E","e","K","k","Fya","Fyb","Jka","Jkb","M","N","S","s"])";

}  // namespace

TEST_CASE("frequencies: pages of the table are the table's rows, in the order asked", "[api][property]") {
  const json full = result(R"({"antigens": ["A", "B", "D", "K"], "limit": 16})");
  REQUIRE(full["groups"].size() == 16);
  CHECK(full["total_groups"] == 16);
  const json page = result(R"({"antigens": ["A", "B", "D", "K"], "offset": 4, "limit": 4})");
  REQUIRE(page["groups"].size() == 4);
  for (std::size_t k = 0; k < 4; ++k) CHECK(page["groups"][k] == full["groups"][4 + k]);
  // Past the end: no rows, still the total.
  CHECK(result(R"({"antigens": ["A"], "offset": 9})")["groups"].empty());
}

TEST_CASE("frequencies: a 17-antigen table is ordered and paged, its sums are probabilities", "[api][property]") {
  const json rarest = result(R"({"antigens": )" + seventeen + R"(, "order": "rarest", "limit": 50})");
  CHECK(rarest["total_groups"] == 131072);
  REQUIRE(rarest["groups"].size() == 50);
  double previous = 0;
  for (const auto& g : rarest["groups"]) {
    const double f = g["frequency"];
    CHECK(f > 0);  // the rarest groups that occur
    CHECK(f >= previous);
    previous = f;
    for (const char* key : {"usability", "receivability"}) {
      CHECK(g[key].get<double>() >= 0);
      CHECK(g[key].get<double>() <= 1);
    }
  }
  const json commonest = result(R"({"antigens": )" + seventeen + R"(, "order": "commonest", "limit": 2})");
  CHECK(commonest["groups"][0]["frequency"].get<double>() >= commonest["groups"][1]["frequency"].get<double>());
  // The group with no antigen can serve everyone: exactly 1, not 1 plus rounding.
  const json first = result(R"({"antigens": )" + seventeen + R"(, "limit": 1})");
  CHECK(first["groups"][0]["usability"].get<double>() <= 1.0);
  CHECK(first["groups"][0]["usability"].get<double>() == Approx(1.0));
}

TEST_CASE("frequencies: bad paging and order name the field", "[api][regression]") {
  const auto error_path = [](const std::string& body) {
    return json::parse(rbc::api::handle_request("frequencies", body))["error"]["path"].get<std::string>();
  };
  CHECK(error_path(R"({"antigens": ["A"], "limit": 0})") == "limit");
  CHECK(error_path(R"({"antigens": ["A"], "limit": 100000})") == "limit");
  CHECK(error_path(R"({"antigens": ["A"], "offset": -1})") == "offset");
  CHECK(error_path(R"({"antigens": ["A"], "order": "random"})") == "order");
}

TEST_CASE("frequencies: donors and recipients from different populations, and mixtures", "[api][property]") {
  // Duffy, thesis sec. 3.5.2: Fy(a-b-) is 0.68 among Africans and 0 among Caucasians.
  const json mixed = result(R"({"antigens": ["Fya", "Fyb"], "group": [],
    "donors": [{"weight": 0.99, "populations": {"duffy": "duffy/caucasian-sec-3.5.2"}},
               {"weight": 0.01, "populations": {"duffy": "duffy/african-sec-3.5.2"}}],
    "recipients": {"duffy": "duffy/african-sec-3.5.2"}})");
  const json& q = mixed["query"];
  CHECK(q["frequency"].get<double>() == Approx(0.01 * 0.68).margin(1e-15));
  CHECK(q["recipient_frequency"].get<double>() == Approx(0.68).margin(1e-15));
  CHECK(q["factors"].is_null());  // a mixture's systems are not independent
  CHECK(q["components"].size() == 2);
  // Fy(a-b-) patients can receive only Fy(a-b-) donors: the donors' share of it.
  CHECK(q["receivability"].get<double>() == Approx(0.0068).margin(1e-15));
  // An Fy(a-b-) unit can be given to every recipient.
  CHECK(q["usability"].get<double>() == Approx(1.0).margin(1e-15));
  CHECK(mixed["donors"].size() == 2);
  CHECK(mixed["donors"][1]["tables"]["duffy"]["id"] == "duffy/african-sec-3.5.2");
  CHECK(mixed["recipients"].size() == 1);
  // In the table the same: frequency is the donors', usability the recipients'.
  const json t = result(R"({"antigens": ["Fya"], "donors": {"duffy": "duffy/african-sec-3.5.2"}})");
  CHECK(t["groups"][0]["frequency"].get<double>() == Approx(0.93).margin(1e-12));          // Fy(a-) donors
  CHECK(t["groups"][0]["recipient_frequency"].get<double>() == Approx(0.34).margin(1e-12)); // Table 4.4
  CHECK(t["groups"][1]["usability"].get<double>() == Approx(0.66).margin(1e-12));           // Fy(a+) recipients
  CHECK(t["groups"][1]["receivability"].get<double>() == Approx(1.0).margin(1e-12));
}

TEST_CASE("frequencies: compatible donor groups of a patient, best first, and one issue's loss",
          "[api][property]") {
  const json r = result(R"({"antigens": ["A", "B", "D", "K"], "group": ["A", "D"], "donor_group": ["D"], "table": false})");
  const json& q = r["query"];
  REQUIRE(q["compatible_donors"].size() == 4);  // {A, D}, {A}, {D}, {}
  CHECK(q["total_compatible_donors"] == 4);
  CHECK(q["compatible_donors"][0]["antigens"] == json({"A", "D"}));
  CHECK(q["compatible_donors"][0]["loss"] == 0.0);
  double previous = 0;
  for (const auto& d : q["compatible_donors"]) {
    CHECK(d["loss"].get<double>() >= previous);
    previous = d["loss"];
  }
  CHECK(q["compatible_donors"].back()["antigens"].empty());  // O D- K- serves most: loses most
  // Issuing D to A D: (F_D - F_AD) / F_D, with F the recipients' usability.
  const double f_d = q["donor_group"]["usability"], f_ad = q["usability"];
  CHECK(q["donor_group"]["loss"].get<double>() == Approx((f_d - f_ad) / f_d).margin(1e-15));
  for (const auto& d : q["compatible_donors"])
    if (d["antigens"] == json({"D"})) CHECK(d["loss"].get<double>() == Approx(q["donor_group"]["loss"].get<double>()));
}

TEST_CASE("frequencies: bad populations, mixtures and donor groups name the field", "[api][regression]") {
  const auto error = [](const std::string& body) -> std::pair<std::string, std::string> {
    const json r = json::parse(rbc::api::handle_request("frequencies", body));
    if (!r.contains("error")) return {"", ""};
    return {r["error"]["code"], r["error"]["path"]};
  };
  using CP = std::pair<std::string, std::string>;
  CHECK(error(R"({"antigens": ["A"], "donors": [{"weight": 0.5}, {"weight": 0.4}]})") == CP{"sum_not_one", "donors"});
  CHECK(error(R"({"antigens": ["A"], "donors": [{"weight": 1, "population": {}}]})") ==
        CP{"unknown_field", "donors[0].population"});
  CHECK(error(R"({"antigens": ["A"], "recipients": [{"populations": {}}]})") ==
        CP{"missing_field", "recipients[0].weight"});
  CHECK(error(R"({"antigens": ["A"], "recipients": [{"weight": 1, "populations": {"abo": "duffy/african-sec-3.5.2"}}]})")
            .second == "recipients[0].populations.abo");
  CHECK(error(R"({"antigens": ["A"], "donors": {"xyz": "a"}})") == CP{"unknown_system", "donors.xyz"});
  CHECK(error(R"({"antigens": ["A"], "donors": 3})") == CP{"invalid_field", "donors"});
  CHECK(error(R"({"antigens": ["A", "D"], "group": ["D"], "donor_group": ["A"]})") == CP{"incompatible", "donor_group"});
  CHECK(error(R"({"antigens": ["A", "D"], "donor_group": ["A"]})") == CP{"missing_field", "group"});
  CHECK(error(R"({"antigens": ["A", "D"], "group": ["D"], "donor_group": ["K"]})") ==
        CP{"unknown_antigen", "donor_group[0]"});
}

TEST_CASE("frequencies: a filter lists the matching groups only, and pages within them", "[api][property]") {
  const json all = result(R"({"antigens": ["A", "B", "D", "K", "Fya"], "limit": 32})");
  // O D- (A, B and D absent): 4 groups over K and Fya.
  const json o_neg = result(R"({"antigens": ["A", "B", "D", "K", "Fya"], "filter": {"absent": ["A", "B", "D"]}})");
  CHECK(o_neg["total_groups"] == 32);
  CHECK(o_neg["matching_groups"] == 4);
  REQUIRE(o_neg["groups"].size() == 4);
  for (const auto& g : o_neg["groups"]) {
    const std::size_t index = g["index"];
    CHECK((index & 7U) == 0);
    CHECK(g == all["groups"][index]);
  }
  const json k_pos = result(R"({"antigens": ["A", "B", "D", "K", "Fya"], "filter": {"present": ["K"], "absent": ["A"]},
                                "order": "rarest", "offset": 1, "limit": 2})");
  CHECK(k_pos["matching_groups"] == 8);
  REQUIRE(k_pos["groups"].size() == 2);
  CHECK(json::parse(rbc::api::handle_request("frequencies", R"({"antigens": ["A", "K"], "filter": {"present": ["K"], "absent": ["K"]}})"))
            ["error"]["path"] == "filter");
  CHECK(json::parse(rbc::api::handle_request("frequencies", R"({"antigens": ["A", "K"], "filter": {"present": ["D"]}})"))
            ["error"]["path"] == "filter.present[0]");
  CHECK(json::parse(rbc::api::handle_request("frequencies", R"({"antigens": ["A", "K"], "filter": {"negative": ["K"]}})"))
            ["error"]["path"] == "filter.negative");
}

TEST_CASE("frequencies: phenotypes a system cannot express, and clinically important zeros, are flagged",
          "[api][regression]") {
  const auto codes_of = [](const json& response) {
    std::map<std::string, std::string> codes;
    for (const auto& w : response["warnings"]) codes[w["code"]] = w["message"];
    return codes;
  };
  // The African MNS table lists S-s- rows (1.5 %) that the four-haplotype MNS system cannot
  // show: left out, said so, and the rest renormalised (also said).
  const json mns = json::parse(rbc::api::handle_request(
      "frequencies", R"({"antigens": ["S", "s"], "populations": {"mns": "mns/african-reid-2012"}})"));
  auto codes = codes_of(mns);
  REQUIRE(codes.count("not_expressible") == 1);
  CHECK(codes["not_expressible"].find("M+ N- S- s-") != std::string::npos);
  CHECK(codes["not_expressible"].find("1.5 %") != std::string::npos);
  CHECK(codes.count("renormalised") == 1);
  double sum = 0;
  for (const auto& g : mns["result"]["groups"]) sum += g["frequency"].get<double>();
  CHECK(sum == Approx(1.0).margin(1e-12));
  CHECK(mns["result"]["groups"][0]["frequency"] == 0.0);  // S-s-: not in this system
  // Fy(a-b-) is 0 among Caucasians (Table 4.4) but common among Africans: flagged when Duffy is used.
  codes = codes_of(json::parse(rbc::api::handle_request("frequencies", R"({"antigens": ["Fya"]})")));
  REQUIRE(codes.count("zero_frequency") == 1);
  CHECK(codes["zero_frequency"].find("Fy(a-b-)") != std::string::npos);
  CHECK(codes_of(json::parse(rbc::api::handle_request("frequencies", R"({"antigens": ["A", "D"]})"))).empty());
}

TEST_CASE("frequencies: rows ordered by usability or receivability, ties in colex order", "[api][property]") {
  for (const auto& [order, key, ascending] : {std::tuple{"least_usable", "usability", true},
                                              std::tuple{"most_usable", "usability", false},
                                              std::tuple{"least_receivable", "receivability", true},
                                              std::tuple{"most_receivable", "receivability", false}}) {
    INFO(order);
    const json r = result(std::string(R"({"antigens": ["A", "B", "D", "C", "K", "Fya"], "limit": 64, "order": ")") + order + "\"}");
    REQUIRE(r["groups"].size() == 64);
    for (std::size_t k = 1; k < 64; ++k) {
      const double prev = r["groups"][k - 1][key], cur = r["groups"][k][key];
      CHECK((ascending ? prev <= cur : prev >= cur));
      if (prev == cur) CHECK(r["groups"][k - 1]["index"].get<int>() < r["groups"][k]["index"].get<int>());
    }
  }
}

TEST_CASE("frequencies: the rarity bands count every group listed once, and their frequencies add up", "[api][property]") {
  const json r = result(R"({"antigens": ["A", "B", "D", "C", "c", "E", "e", "K", "Fya", "S", "s"], "limit": 1})");
  std::size_t groups = 0;
  double frequency = 0, previous = 0;
  for (const auto& band : r["rarity"]) {
    groups += band["groups"].get<std::size_t>();
    frequency += band["frequency"].get<double>();
    if (band["up_to"].is_null()) {
      CHECK(band["frequency"] == 0.0);
    } else {
      CHECK(band["up_to"].get<double>() > previous);
      previous = band["up_to"];
    }
  }
  CHECK(groups == 2048);
  CHECK(frequency == Approx(1.0).margin(1e-12));
  // With a filter: only the matching groups.
  const json o_neg = result(R"({"antigens": ["A", "B", "D", "K"], "filter": {"absent": ["A", "B", "D"]}})");
  std::size_t counted = 0;
  for (const auto& band : o_neg["rarity"]) counted += band["groups"].get<std::size_t>();
  CHECK(counted == 2);
}

TEST_CASE("frequencies: own phenotype frequencies, and systems of your own (a silent MNS allele shows S-s-)",
          "[api][property]") {
  // Own frequencies for a built-in system: the same numbers as the built-in table give the same answer.
  const json own = result(R"({"antigens": ["Fya", "Fyb"], "populations": {"duffy": [0.68, 0.06, 0.25, 0.01]}})");
  const json builtin = result(R"({"antigens": ["Fya", "Fyb"], "populations": {"duffy": "duffy/african-sec-3.5.2"}})");
  for (std::size_t g = 0; g < 4; ++g)
    CHECK(own["groups"][g]["frequency"].get<double>() == Approx(builtin["groups"][g]["frequency"].get<double>()).margin(1e-15));
  CHECK(own["donors"][0]["tables"]["duffy"]["name"] == "Your frequencies");
  // As {label: frequency}, labels not given are 0.
  const json labels = result(R"({"antigens": ["K"], "populations": {"kell": {"K+k+": 0.1, "K-k+": 0.9}}})");
  CHECK(labels["groups"][1]["frequency"].get<double>() == Approx(0.1).margin(1e-15));

  // MNS with a silent allele at the S/s locus replaces the built-in one; S-s- can now occur.
  const std::string mns = R"("mns": {"name": "MNS with a silent S/s allele", "antigens": ["M", "N", "S", "s"],
      "loci": [{"name": "GYPA", "alleles": [{"name": "M", "antigens": ["M"]}, {"name": "N", "antigens": ["N"]}]},
               {"name": "GYPB", "alleles": [{"name": "S", "antigens": ["S"]}, {"name": "s", "antigens": ["s"]},
                                            {"name": "u", "antigens": []}]}]})";
  const json silent = json::parse(rbc::api::handle_request("frequencies", R"({"antigens": ["S", "s"], "systems": {)" + mns +
      R"(}, "populations": {"mns": {"MS": 0.3, "Ms": 0.5, "M": 0.2}}})"));
  INFO(silent.dump().substr(0, 500));
  REQUIRE(silent.contains("result"));
  CHECK(silent["result"]["groups"][0]["frequency"].get<double>() == Approx(0.2).margin(1e-15));  // S-s-
  // A system of your own beside the six: its antigens join A.
  const std::string lu = R"("lu": {"name": "Lutheran", "antigens": ["Lua", "Lub"],
      "loci": [{"name": "LU", "alleles": [{"name": "a", "antigens": ["Lua"]}, {"name": "b", "antigens": ["Lub"]}]}]})";
  const json with_lu = result(R"({"antigens": ["K", "Lua"], "systems": {)" + lu + R"J(},
      "populations": {"lu": {"Lu(a+b-)": 0.001, "Lu(a+b+)": 0.076, "Lu(a-b+)": 0.923}}})J");
  CHECK(with_lu["groups"][2]["frequency"].get<double>() == Approx(0.91 * 0.077).margin(1e-12));  // K- Lua+
  CHECK(with_lu["systems"].size() == 7);
}

TEST_CASE("frequencies: systems of your own and own frequencies name the field when wrong", "[api][regression]") {
  const auto error = [](const std::string& body) -> std::pair<std::string, std::string> {
    const json r = json::parse(rbc::api::handle_request("frequencies", body));
    if (!r.contains("error")) return {"", ""};
    return {r["error"]["code"], r["error"]["path"]};
  };
  using CP = std::pair<std::string, std::string>;
  const std::string lu = R"({"name": "Lutheran", "antigens": ["Lua", "Lub"],
      "loci": [{"name": "LU", "alleles": [{"name": "a", "antigens": ["Lua"]}, {"name": "b", "antigens": ["Lub"]}]}]})";
  CHECK(error(R"({"antigens": ["Lua"], "systems": {"lu": )" + lu + "}}") == CP{"missing_field", "populations.lu"});
  CHECK(error(R"({"antigens": ["Lua"], "systems": {"lu": )" + lu + R"(}, "populations": {"lu": "kell/thesis-table-4.4"}})") ==
        CP{"invalid_field", "populations.lu"});
  CHECK(error(R"({"antigens": ["K"], "populations": {"kell": [0.5, 0.6, 0.1]}})") == CP{"sum_not_one", "populations.kell"});
  CHECK(error(R"({"antigens": ["K"], "populations": {"kell": [0.5, 0.5]}})") == CP{"wrong_length", "populations.kell"});
  CHECK(error(R"({"antigens": ["K"], "populations": {"kell": {"K+k+": 0.5, "Q": 0.5}}})") ==
        CP{"unknown_phenotype", "populations.kell.Q"});
  // An antigen in two systems is refused: K is Kell's.
  const std::string k_again = R"({"name": "Other", "antigens": ["K", "X"],
      "loci": [{"name": "L", "alleles": [{"name": "a", "antigens": ["K"]}, {"name": "b", "antigens": ["X"]}]}]})";
  CHECK(error(R"({"antigens": ["K"], "systems": {"other": )" + k_again + "}}") == CP{"duplicate_name", "systems.other"});
  CHECK(error(R"({"antigens": ["K"], "systems": {"other": 3}})") == CP{"invalid_field", "systems.other"});
  CHECK(error(R"({"antigens": ["K"], "systems": {"other": {"name": "x", "antigens": ["X"], "loci": []}}})").second.rfind(
            "systems.other", 0) == 0);
}

TEST_CASE("frequencies: donors and recipients with different frequencies of their own are not taken as one",
          "[api][regression]") {
  const json r = result(R"({"antigens": ["Fya"], "donors": {"duffy": [0.1, 0.3, 0.3, 0.3]},
                            "recipients": {"duffy": [0.5, 0.2, 0.2, 0.1]}})");
  CHECK(r["groups"][0]["frequency"].get<double>() == Approx(0.4).margin(1e-15));            // Fy(a-) donors
  CHECK(r["groups"][0]["recipient_frequency"].get<double>() == Approx(0.7).margin(1e-15));  // Fy(a-) patients
  CHECK(r["groups"][1]["usability"].get<double>() == Approx(0.3).margin(1e-15));            // Fy(a+) patients
  CHECK(r["same_population"] == false);
  CHECK(result(R"({"antigens": ["Fya"]})")["same_population"] == true);
}
