// SPDX-License-Identifier: MIT
// The site's gzip and brotli variants, compressed at build time: a table
// that start-up looks each rendered body up in instead of compressing it.
#include "precompressed.hpp"

#include <algorithm>
#include <functional>
#include <tuple>

namespace httpstatus::server {

// The size is part of the key, not only a check: two bodies of different
// lengths that share a 64-bit hash are still told apart, and a body that
// grew since the build misses even in the unlikely case its hash did not
// change.
const precompressed_entry* find_precompressed(
    std::span<const precompressed_entry> table, std::uint64_t hash,
    std::size_t size) noexcept {
  const auto key = [](const precompressed_entry& e) {
    return std::tuple(e.hash, e.size);
  };
  const auto it = std::ranges::lower_bound(table, std::tuple(hash, size),
                                           std::ranges::less{}, key);
  if (it == table.end() || it->hash != hash || it->size != size) return nullptr;
  return &*it;
}

}  // namespace httpstatus::server
