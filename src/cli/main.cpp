// rbcmatch <operation> < request.json: prints the response JSON. Exit status 0 on success,
// 1 when the response is an error, 2 on usage errors. No logic here: the request API decides.
#include <iostream>
#include <iterator>
#include <string>

#include <nlohmann/json.hpp>

#include "api/dispatch.hpp"

int main(int argc, char** argv) {
  if (argc != 2 || std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h") {
    std::cerr << "usage: rbcmatch <operation> < request.json\n"
                 "operations: version, describe, systems, stationary, lp (see docs/api.md)\n";
    return argc == 2 ? 0 : 2;
  }
  const std::string request{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
  const std::string response = rbc::api::handle_request(argv[1], request);
  std::cout << response << '\n';
  return nlohmann::json::parse(response).contains("error") ? 1 : 0;
}
