#pragma once
// Compressing a blood group to the antigens a strategy keeps (thesis appendix 7.5.1): the
// kept bits, packed in order (a software PEXT: wasm has no such instruction), by one table
// of 256 entries per byte of the group.
#include <array>
#include <bit>
#include <cstdint>

namespace rbc::antigen_order {

class Compressor {
 public:
  static constexpr int max_bits = 24;
  explicit Compressor(std::uint32_t kept) {
    int below = 0;
    for (int c = 0; c < 3; ++c) {
      const std::uint32_t byte_mask = (kept >> (8 * c)) & 0xFFU;
      for (std::uint32_t v = 0; v < 256; ++v) {
        std::uint32_t packed = 0;
        int out = 0;
        for (int b = 0; b < 8; ++b)
          if ((byte_mask >> b) & 1U) packed |= ((v >> b) & 1U) << out++;
        table_[static_cast<std::size_t>(c)][v] = packed << below;
      }
      below += std::popcount(byte_mask);
    }
  }
  std::uint32_t operator()(std::uint32_t group) const {
    return table_[0][group & 0xFFU] | table_[1][(group >> 8) & 0xFFU] | table_[2][(group >> 16) & 0xFFU];
  }

 private:
  std::array<std::array<std::uint32_t, 256>, 3> table_{};
};

}  // namespace rbc::antigen_order
