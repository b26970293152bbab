// rbcmatch <operation> < request.json: prints the response JSON. Exit status 0 on success,
// 1 when the response is an error, 2 on usage errors. No logic here: the request API decides.
#include <iostream>
#include <iterator>
#include <string>

#include <nlohmann/json.hpp>

#include "api/dispatch.hpp"
#include "api/registry.hpp"

namespace {

void usage(std::ostream& out) {
  out << "usage: rbcmatch <operation> < request.json\n\noperations:\n";
  for (const auto& op : rbc::api::operations()) out << "  " << op.name << std::string(12 - std::min<std::size_t>(op.name.size(), 11), ' ') << op.summary << '\n';
  out << "\n`rbcmatch describe < /dev/null` lists every field; see docs/api.md.\n";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2 || std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h") {
    usage(argc == 2 ? std::cout : std::cerr);
    return argc == 2 ? 0 : 2;
  }
  const std::string request{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
  const std::string response = rbc::api::handle_request(argv[1], request);
  std::cout << response << '\n';
  return nlohmann::json::parse(response).contains("error") ? 1 : 0;
}
