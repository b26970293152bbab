#pragma once
// Running independent pieces of work (replications) side by side. The core never starts
// threads itself: a front door that can (the native CLI's --threads) passes a ParallelFor,
// and the wasm module, which runs one worker per core instead, passes nothing. Every piece
// must give the same answer wherever and in whatever order it runs (its own random stream),
// so the result never depends on the ParallelFor.
#include <cstddef>
#include <functional>

namespace rbc {

// Calls body(i) once for each i in [0, count), in any order and on any threads, and returns
// when all calls have returned. An exception thrown by a body is rethrown (the first one).
using ParallelFor = std::function<void(std::size_t count, const std::function<void(std::size_t)>& body)>;

// body(0), body(1), ... in order on this thread; the ParallelFor used when none is given.
inline void run_serially(std::size_t count, const std::function<void(std::size_t)>& body) {
  for (std::size_t i = 0; i < count; ++i) body(i);
}

}  // namespace rbc
