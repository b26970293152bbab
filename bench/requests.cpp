// Times request-API calls natively and prints one JSON line {name: median ms}, which the node
// benchmarks (bench/relatives.mjs) set beside the same requests in the wasm module:
//   bench_requests <op> <repeats> <name> <body> [<name> <body> ...]
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "api/dispatch.hpp"
#include "timing.hpp"

int main(int argc, char** argv) {
  if (argc < 5 || (argc - 3) % 2 != 0) {
    std::cerr << "usage: bench_requests <op> <repeats> <name> <body> [<name> <body> ...]\n";
    return 2;
  }
  const std::string op = argv[1];
  const int repeats = std::stoi(argv[2]);
  nlohmann::json out = nlohmann::json::object();
  volatile std::size_t sink = 0;
  for (int k = 3; k + 1 < argc; k += 2) {
    const std::string body = argv[k + 1];
    out[argv[k]] = rbc::bench::median_ms([&] { sink = sink + rbc::api::handle_request(op, body).size(); }, repeats);
  }
  std::cout << out.dump() << '\n';
}
