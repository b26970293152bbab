// Times request-API calls natively and prints one JSON line {name: median ms}, which the node
// benchmarks (bench/relatives.mjs, allocate.mjs, match.mjs) set beside the same requests in the
// wasm module:
//   bench_requests <op> <repeats> <name> <body> [<name> <body> ...]
// A body "@path" is read from that file (requests longer than a command line allows).
#include <fstream>
#include <iostream>
#include <iterator>
#include <stdexcept>
#include <nlohmann/json.hpp>
#include <string>

#include "api/dispatch.hpp"
#include "timing.hpp"

namespace {
std::string body_of(const std::string& arg) {
  if (arg.empty() || arg[0] != '@') return arg;
  std::ifstream in(arg.substr(1), std::ios::binary);
  if (!in) throw std::runtime_error("bench_requests: cannot read " + arg.substr(1));
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}
}  // namespace

int main(int argc, char** argv) {
  rbc::bench::keep_freed_memory();
  if (argc < 5 || (argc - 3) % 2 != 0) {
    std::cerr << "usage: bench_requests <op> <repeats> <name> <body> [<name> <body> ...]\n";
    return 2;
  }
  const std::string op = argv[1];
  const int repeats = std::stoi(argv[2]);
  nlohmann::json out = nlohmann::json::object();
  volatile std::size_t sink = 0;
  for (int k = 3; k + 1 < argc; k += 2) {
    const std::string body = body_of(argv[k + 1]);
    out[argv[k]] = rbc::bench::median_ms([&] { sink = sink + rbc::api::handle_request(op, body).size(); }, repeats);
  }
  std::cout << out.dump() << '\n';
}
