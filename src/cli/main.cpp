// rbcmatch [--threads N] <operation> < request.json: prints the response JSON. Exit status 0
// on success, 1 when the response is an error, 2 on usage errors. No logic here: the request
// API decides. --threads runs independent pieces of work (simulate_issuing's replications) on
// N threads; the response is the same as with one.
#include <atomic>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <iterator>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/dispatch.hpp"
#include "common/allocator.hpp"
#include "api/registry.hpp"

namespace {

void usage(std::ostream& out) {
  out << "usage: rbcmatch [--threads N] <operation> < request.json\n\noperations:\n";
  for (const auto& op : rbc::api::operations()) out << "  " << op.name << std::string(12 - std::min<std::size_t>(op.name.size(), 11), ' ') << op.summary << '\n';
  out << "\n--threads N: run replications on N threads (0: one per core), with the numbers of one thread.\n"
         "`rbcmatch describe < /dev/null` lists every field; see docs/api.md.\n";
}

// body(0 .. count - 1) on `threads` threads, each taking the next index; the first exception
// is rethrown once all have stopped.
rbc::ParallelFor thread_pool(unsigned threads) {
  return [threads](std::size_t count, const std::function<void(std::size_t)>& body) {
    std::atomic<std::size_t> next{0};
    std::exception_ptr failure;
    std::mutex lock;
    const auto work = [&] {
      for (std::size_t i; (i = next++) < count;) {
        try {
          body(i);
        } catch (...) {
          const std::lock_guard<std::mutex> guard(lock);
          if (!failure) failure = std::current_exception();
        }
      }
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads && t < count; ++t) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
    if (failure) std::rethrow_exception(failure);
  };
}

}  // namespace

int main(int argc, char** argv) {
  rbc::keep_freed_memory();
  std::vector<std::string> args(argv + 1, argv + argc);
  unsigned threads = 1;
  if (args.size() >= 2 && args[0] == "--threads") {
    char* end = nullptr;
    const long n = std::strtol(args[1].c_str(), &end, 10);
    if (args[1].empty() || *end != '\0' || n < 0 || n > 1024) {
      std::cerr << "--threads takes a whole number from 0 (one per core) to 1024\n";
      return 2;
    }
    threads = n == 0 ? std::max(1U, std::thread::hardware_concurrency()) : static_cast<unsigned>(n);
    args.erase(args.begin(), args.begin() + 2);
  }
  if (args.size() != 1 || args[0] == "--help" || args[0] == "-h") {
    const bool asked = args.size() == 1;
    usage(asked ? std::cout : std::cerr);
    return asked ? 0 : 2;
  }
  const std::string request{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
  const std::string response =
      rbc::api::handle_request(args[0], request, {}, threads > 1 ? thread_pool(threads) : rbc::ParallelFor{});
  std::cout << response << '\n';
  return nlohmann::json::parse(response).contains("error") ? 1 : 0;
}
