// The `allocate` operation through the request API: errors name the field, the result's
// parts agree with each other, warnings say when the optimum is not unique.
#include <catch2/catch.hpp>
#include <cmath>
#include <nlohmann/json.hpp>

#include "api/dispatch.hpp"

using nlohmann::json;

namespace {

// Table 6.1's instance (Fig. 6.2), with `extra` merged in.
json table_6_1(const json& extra = json::object()) {
  json stock = json::array();
  const std::vector<std::pair<json, std::vector<int>>> rows = {
      {json::array(), {4, 2, 0}}, {{"A"}, {0, 1, 5}}, {{"B"}, {0, 1, 3}}, {{"A", "B"}, {0, 0, 2}}};
  for (const auto& [group, units] : rows)
    for (int r = 0; r <= 2; ++r) stock.push_back({{"group", group}, {"residual_shelf_life", r}, {"units", units[r]}});
  json requests = json::array();
  for (const json& g : {json::array(), json{"A"}, json{"B"}, json{"A", "B"}}) requests.push_back({{"group", g}, {"units", 2}});
  json r = {{"antigens", {"A", "B"}}, {"stock", stock}, {"requests", requests}, {"max_shelf_life", 2}, {"gamma", 0.5}};
  r.merge_patch(extra);
  return r;
}

json response(const json& request) { return json::parse(rbc::api::handle_request("allocate", request.dump())); }

json result(const json& request) {
  const json r = response(request);
  INFO(r.dump().substr(0, 400));
  REQUIRE(r.contains("result"));
  return r;
}

std::pair<std::string, std::string> error(const json& request) {
  const json r = response(request);
  if (!r.contains("error")) return {"", ""};
  return {r["error"]["code"], r["error"]["path"]};
}

using CP = std::pair<std::string, std::string>;

}  // namespace

TEST_CASE("allocate: every bad input names its field", "[api][regression]") {
  CHECK(error(table_6_1()) == CP{"", ""});
  // Antigens: unknown to every system, or not in A when a group names them.
  CHECK(error(table_6_1({{"antigens", {"A", "Q"}}})) == CP{"unknown_antigen", "antigens[1]"});
  json r = table_6_1();
  r["stock"][4]["group"] = {"D"};
  CHECK(error(r) == CP{"unknown_antigen", "stock[4].group[0]"});
  r = table_6_1();
  r["requests"][3]["group"] = {"A", "K"};
  CHECK(error(r) == CP{"unknown_antigen", "requests[3].group[1]"});
  r = table_6_1();
  r["stock"][0]["group"] = "O";
  CHECK(error(r) == CP{"invalid_field", "stock[0].group"});
  // Counts: negative, fractional, too large, missing, of the wrong type.
  r = table_6_1();
  r["stock"][1]["units"] = -2;
  CHECK(error(r) == CP{"invalid_field", "stock[1].units"});
  r["stock"][1]["units"] = 1.5;
  CHECK(error(r) == CP{"invalid_field", "stock[1].units"});
  r["stock"][1]["units"] = 2000000;
  CHECK(error(r) == CP{"limit_exceeded", "stock[1].units"});
  r["stock"][1]["units"] = "2";
  CHECK(error(r) == CP{"invalid_field", "stock[1].units"});
  r["stock"][1].erase("units");
  CHECK(error(r) == CP{"missing_field", "stock[1].units"});
  r = table_6_1();
  r["requests"][2]["units"] = -1;
  CHECK(error(r) == CP{"invalid_field", "requests[2].units"});
  // Residual shelf life beyond R, or negative.
  r = table_6_1();
  r["stock"][5]["residual_shelf_life"] = 3;
  CHECK(error(r) == CP{"invalid_field", "stock[5].residual_shelf_life"});
  r["stock"][5]["residual_shelf_life"] = -1;
  CHECK(error(r) == CP{"invalid_field", "stock[5].residual_shelf_life"});
  CHECK(error(table_6_1({{"max_shelf_life", 0}})) == CP{"invalid_field", "max_shelf_life"});
  CHECK(error(table_6_1({{"max_shelf_life", 1001}})) == CP{"limit_exceeded", "max_shelf_life"});
  // Cost parameters.
  CHECK(error(table_6_1({{"gamma", 1.5}})).second == "gamma");
  CHECK(error(table_6_1({{"gamma", -0.1}})) == CP{"invalid_field", "gamma"});
  CHECK(error(table_6_1({{"cost", "quadratic"}})) == CP{"invalid_field", "cost"});
  CHECK(error(table_6_1({{"alpha", -1}})) == CP{"invalid_field", "alpha"});
  CHECK(error(table_6_1({{"beta", 1000}})) == CP{"limit_exceeded", "beta"});
  // An entry twice, an unknown member, the wrong shape.
  r = table_6_1();
  r["stock"].push_back(r["stock"][3]);
  CHECK(error(r) == CP{"duplicate_entry", "stock[12]"});
  r = table_6_1();
  r["requests"][1]["group"] = json::array();
  CHECK(error(r) == CP{"duplicate_entry", "requests[1]"});
  r = table_6_1();
  r["stock"][2]["colour"] = "red";
  CHECK(error(r) == CP{"unknown_field", "stock[2].colour"});
  CHECK(error(table_6_1({{"stock", {{"group", json::array()}}}})) == CP{"invalid_field", "stock"});
  CHECK(error(table_6_1({{"requests", 3}})) == CP{"invalid_field", "requests"});
  CHECK(error(table_6_1({{"recipients", {{"rhesus", "rh/thesis-table-4.4"}}}})) == CP{"unknown_system", "recipients.rhesus"});
  CHECK(error(table_6_1({{"recipients", {{"abo", "rh/thesis-table-4.4"}}}})).second == "recipients.abo");
  CHECK(error(table_6_1({{"speed", 1}})) == CP{"unknown_field", "speed"});
  // And after all that, a good request works.
  CHECK(error(table_6_1()) == CP{"", ""});
}

TEST_CASE("allocate: sizes over the limits are refused before any work", "[api][regression]") {
  json r = table_6_1();
  r["stock"] = json::array();
  for (int k = 0; k < 20001; ++k) r["stock"].push_back(json::object());
  CHECK(error(r) == CP{"limit_exceeded", "stock"});
  r = table_6_1();
  r["requests"] = json::array();
  for (int k = 0; k < 5001; ++k) r["requests"].push_back(json::object());
  CHECK(error(r) == CP{"limit_exceeded", "requests"});
  // 600 O entries with 500 requested groups each: 300 000 compatible pairs, over 250 000.
  r = table_6_1({{"antigens", {"A", "B", "D", "C", "c", "E", "e", "K", "k"}}, {"max_shelf_life", 1000}});
  r["stock"] = json::array();
  for (int k = 0; k < 600; ++k) r["stock"].push_back({{"group", json::array()}, {"residual_shelf_life", k}, {"units", 1}});
  r["requests"] = json::array();
  const std::vector<std::string> a = r["antigens"];
  for (int g = 0; g < 500; ++g) {
    json names = json::array();
    for (std::size_t b = 0; b < a.size(); ++b)
      if ((g >> b) & 1) names.push_back(a[b]);
    r["requests"].push_back({{"group", names}, {"units", 1}});
  }
  CHECK(error(r) == CP{"limit_exceeded", "stock"});
  CHECK(error(table_6_1({{"antigens", json(std::vector<std::string>(33, "A"))}})).second.rfind("antigens", 0) == 0);
}

TEST_CASE("allocate: the result's parts agree, and Table 6.1's cells are addressable", "[api][property]") {
  const json r = result(table_6_1())["result"];
  CHECK(r["status"] == "optimal");
  CHECK(r["issued"] == 8);
  CHECK(r["shortage"] == 0);
  CHECK(r["remaining"] == 18 - 8);
  CHECK(r["unique"] == true);
  CHECK(r["stock"][1]["label"] == "{}, r = 1");
  CHECK(r["stock"][1]["remaining"] == 2);
  CHECK(r["stock_groups"][3]["label"] == "{A, B}");
  int issued = 0, identical = 0;
  for (const auto& f : r["allocation"]) {
    issued += f["units"].get<int>();
    if (f["from"].get<std::string>().rfind(f["to"].get<std::string>() + ",", 0) == 0) identical += f["units"].get<int>();
    CHECK(r["stock"][f["stock"].get<std::size_t>()]["label"] == f["from"]);
  }
  CHECK(issued == 8);
  CHECK(r["identical"] == identical);
  CHECK(r["identical"].get<int>() + r["compatible"].get<int>() == 8);
  for (const auto& q : r["requests"]) CHECK(q["delivered"].get<int>() + q["shortage"].get<int>() == q["units"].get<int>());
  CHECK(r["requests"][0]["usability"] == Approx(1.0));
  CHECK(r["requests"][3]["usability"] == Approx(0.04));
  CHECK(r["solver"]["cost_scale"].get<double>() >= 1e6);
  CHECK(r["objective_gap_bound"].get<double>() <= 1e-5);
}

TEST_CASE("allocate: a non-unique optimum says so in a warning and in the fixed flags", "[api][property]") {
  const json mrol = result(table_6_1({{"gamma", 1}}));
  CHECK(mrol["result"]["unique"] == false);
  REQUIRE(mrol["warnings"].size() == 1);
  CHECK(mrol["warnings"][0]["code"] == "not_unique");
  for (const auto& g : mrol["result"]["stock_groups"]) CHECK(g["fixed"] == true);
  CHECK(mrol["result"]["stock"][0]["fixed"] == false);
  CHECK(mrol["result"]["tie_break"]["unique"] == true);
  CHECK(result(table_6_1())["warnings"].empty());
}

TEST_CASE("allocate: exponential costs (eq. 6.10) and another recipient population", "[api][property]") {
  const json e = result(table_6_1({{"cost", "exponential"}}))["result"];
  CHECK(e["cost"]["shape"] == "exponential");
  double objective = 0;
  for (const auto& f : e["allocation"]) {
    const double loss = f["loss"], r = e["stock"][f["stock"].get<std::size_t>()]["residual_shelf_life"];
    const double c = 0.5 * (1 - std::pow(2.0, -7 * loss)) + 0.5 * (1 - std::pow(2.0, -7 * r / 2));
    CHECK(f["cost"].get<double>() == Approx(c).margin(1e-12));
    objective += c * f["units"].get<double>();
  }
  CHECK(e["objective"].get<double>() == Approx(objective).margin(1e-12));
  // The usability, so the losses, are the recipients': Table 3.1 by default, another table
  // when asked.
  const json thesis = result(table_6_1())["result"];
  CHECK(thesis["requests"][1]["usability"].get<double>() == Approx(0.47).margin(1e-12));
  const json african = result(table_6_1({{"recipients", {{"abo", "abo/african-reid-2012"}}}}))["result"];
  CHECK(african["recipients"][0]["tables"]["abo"]["id"] == "abo/african-reid-2012");
  CHECK(african["requests"][1]["usability"].get<double>() != Approx(0.47).margin(1e-6));
}
