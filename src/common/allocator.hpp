#pragma once
// Keep freed memory in the process, as the wasm module's allocator does (its linear memory
// only grows). By default glibc serves blocks of 128 kB and more with mmap and returns them,
// and trims the heap's top, on every free: work that builds large tables again and again then
// pays the kernel's page faults every time. The 16-person Rh pedigree (`family`, cliques of
// 36^4 entries) took 15.6 ms per call natively that way and 2.8 ms with freed memory kept; a
// day of rule E1 in simulate_issuing (its flow network and the network simplex's arrays, tens
// of MB, built daily) spent half its time in page faults. Called first in every native main()
// (the CLI, the benchmarks); a library embedding the core decides for itself.
#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace rbc {

inline void keep_freed_memory() {
#if defined(__GLIBC__)
  mallopt(M_MMAP_THRESHOLD, 1 << 30);
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
#endif
}

}  // namespace rbc
