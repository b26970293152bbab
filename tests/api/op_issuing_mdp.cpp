// The `issuing_mdp` operation through the request API: bad inputs are refused naming the
// field before any work, the answer matches the core, a request share left out follows the
// donation share (eq. 5.19), and ties are listed.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>

#include "api/dispatch.hpp"

using nlohmann::json;

namespace {

json call(const json& request) {
  return json::parse(rbc::api::handle_request("issuing_mdp", request.dump()));
}

json result(const json& request) {
  const json r = call(request);
  INFO(r.dump().substr(0, 600));
  REQUIRE(r.contains("result"));
  return r["result"];
}

json abo() {
  return json::array({{{"name", "O"}, {"antigens", json::array()}, {"donation_share", 0.45}},
                      {{"name", "A"}, {"antigens", {"A"}}, {"donation_share", 0.4}},
                      {{"name", "B"}, {"antigens", {"B"}}, {"donation_share", 0.1}},
                      {{"name", "AB"}, {"antigens", {"A", "B"}}, {"donation_share", 0.05}}});
}

}  // namespace

TEST_CASE("issuing_mdp: bad inputs name their field", "[supply][api][regression]") {
  struct Case {
    json request;
    std::string path, code, words;
  };
  json twice = abo();
  twice[1]["name"] = "O";
  json same = abo();
  same[1]["antigens"] = json::array();
  json sum = abo();
  sum[0]["donation_share"] = 0.9;
  json share = abo();
  share[2]["request_share"] = 1.5;
  json repeated = abo();
  repeated[3]["antigens"] = {"A", "A"};
  json extra = abo();
  extra[0]["colour"] = "red";
  const Case cases[] = {
      {{{"phases", 0}}, "phases", "invalid_field", "phases must be >= 1"},
      {{{"phases", 11}}, "phases", "limit_exceeded", "10"},
      {{{"max_stock", 61}}, "max_stock", "limit_exceeded", "60"},
      {{{"groups", abo()}, {"phases", 3}, {"max_stock", 8}}, "max_stock", "limit_exceeded",
       "8 units over 4 blood groups x 3 ageing phases"},
      {{{"groups", abo()}, {"phases", 3}, {"max_stock", 6}, {"max_iterations", 1000}}, "max_iterations",
       "limit_exceeded", "at most 621 iterations fit the work limit"},
      {{{"max_iterations", 100001}}, "max_iterations", "limit_exceeded", "100000"},
      {{{"groups", json::array()}}, "groups", "invalid_field", "at least one blood group"},
      {{{"groups", twice}}, "groups[1].name", "invalid_field", "listed twice"},
      {{{"groups", same}}, "groups[1].antigens", "invalid_field", "same antigens"},
      {{{"groups", sum}}, "groups", "invalid_field", "shares of donations sum to"},
      {{{"groups", share}}, "groups[2].request_share", "invalid_field", "share of requests of group B"},
      {{{"groups", repeated}}, "groups[3].antigens[1]", "invalid_field", "listed twice"},
      {{{"groups", extra}}, "groups[0].colour", "unknown_field", "colour"},
      {{{"shortage_cost", -1}}, "shortage_cost", "invalid_field", "shortage_cost"},
      {{{"shelf_life", 0}}, "shelf_life", "invalid_field", "shelf_life"},
      {{{"tolerance", 0}}, "tolerance", "invalid_field", "tolerance"},
  };
  for (const auto& c : cases) {
    const json r = call(c.request);
    INFO(c.request.dump() << " -> " << r.dump());
    REQUIRE(r.contains("error"));
    CHECK(r["error"]["path"] == c.path);
    CHECK(r["error"]["code"] == c.code);
    CHECK(r["error"]["message"].get<std::string>().find(c.words) != std::string::npos);
  }
  // The module survives: a good request right after.
  CHECK(result({{"max_stock", 2}})["converged"] == true);
}

TEST_CASE("issuing_mdp: the bounds trace brackets the answer and the action table covers every state",
          "[supply][api][property]") {
  const json r = result({{"groups", abo()}, {"phases", 1}, {"max_stock", 3}, {"shelf_life", 10}});
  CHECK(r["converged"] == true);
  CHECK(r["states"] == 35);  // C(4 + 3, 3)
  CHECK(r["actions"].size() == 35);
  CHECK(r["bounds"].size() == r["iterations"].get<std::size_t>());
  const double g = r["average_cost"];
  for (const auto& b : r["bounds"]) {
    CHECK(b["lower"].get<double>() <= g * (1 + 1e-9));
    CHECK(b["upper"].get<double>() >= g * (1 - 1e-9));
  }
  CHECK(r["groups"][0]["serves"] == json({"O", "A", "B", "AB"}));
  CHECK(r["groups"][3]["serves"] == json({"AB"}));
  // The empty stock: every request is refused.
  for (const auto& b : r["actions"][0]["best"]) CHECK(b == json::array({-1}));
  CHECK(r["unit_types"][1] == json({{"group", "A"}, {"phase", 1}}));
  // A request share left out is the donation share (eq. 5.19).
  CHECK(r["groups"][1]["request_share"] == 0.4);
}

TEST_CASE("issuing_mdp: shares within 1e-6 of 1 are renormalised with a warning", "[supply][api][regression]") {
  json g = abo();
  g[0]["donation_share"] = 0.4500005;
  const json r = call({{"groups", g}, {"phases", 1}, {"max_stock", 2}});
  REQUIRE(r.contains("result"));
  REQUIRE(r["warnings"].size() == 1);
  CHECK(r["warnings"][0]["code"] == "renormalised");
}

TEST_CASE("issuing_mdp: with no costs every allowed action is listed as tied", "[supply][api][property]") {
  const json r = result({{"max_stock", 2}, {"phases", 1}, {"shortage_cost", 0}, {"outdating_cost", 0},
                         {"substitution_cost", 0}, {"actions", true}});
  // Stock [[1], [1]] (one D-, one D+): a D+ request may take either unit or be refused.
  for (const auto& row : r["actions"])
    if (row["stock"] == json({{1}, {1}})) CHECK(row["best"][1].size() == 3);
}

TEST_CASE("issuing_mdp: iterations running out give valid bounds and a warning", "[supply][api][regression]") {
  const json r = call({{"max_iterations", 2}, {"max_stock", 3}});
  REQUIRE(r.contains("result"));
  CHECK(r["result"]["converged"] == false);
  REQUIRE(r["warnings"].size() == 1);
  CHECK(r["warnings"][0]["code"] == "not_converged");
  CHECK(r["warnings"][0]["path"] == "max_iterations");
}
