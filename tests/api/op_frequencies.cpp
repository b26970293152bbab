// The `frequencies` operation through the request API: paging and order of the table.
#include <catch2/catch.hpp>
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
