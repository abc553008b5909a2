// SPDX-License-Identifier: MIT
// The site's gzip and brotli variants, compressed at build time: a table
// that start-up looks each rendered body up in instead of compressing it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace httpstatus::server {

/// Returns the 64-bit FNV-1a hash of `bytes` (0xcbf29ce484222325 for none):
/// the hash in a resource's `ETag`, and the key of a body in the table of
/// precompressed variants.
[[nodiscard]] constexpr std::uint64_t fnv1a_64(
    std::string_view bytes) noexcept {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (const char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

/// Holds the compressed variants of one identity body, made at build time
/// exactly as `make_resource` makes them live (gzip level 9, brotli
/// quality 11); a variant is empty when it would not be smaller.
struct precompressed_entry {
  std::uint64_t hash = 0;  ///< `fnv1a_64` of the identity bytes
  std::size_t size = 0;    ///< the number of identity bytes
  std::string_view gzip;   ///< a gzip member, or empty
  std::string_view br;     ///< a brotli stream, or empty
};

/// Returns the entry of `table` (sorted by `hash`, then `size`) whose hash
/// and size are `hash` and `size`, or `nullptr` if there is none (a body
/// rendered differently from the build's, or an empty table).
[[nodiscard]] const precompressed_entry* find_precompressed(
    std::span<const precompressed_entry> table, std::uint64_t hash,
    std::size_t size) noexcept;

/// Returns the entry of `table` for the identity body `bytes`: the one
/// with its `fnv1a_64` hash and its size, or `nullptr` if there is none.
[[nodiscard]] inline const precompressed_entry* find_precompressed(
    std::span<const precompressed_entry> table,
    std::string_view bytes) noexcept {
  return find_precompressed(table, fnv1a_64(bytes), bytes.size());
}

/// Returns the table of every body `render_site()` renders, sorted by hash
/// and size, with its variants compressed at build time by
/// `httpstatus_precompress`. Defined in the generated library
/// `httpstatus_precompressed`, which the CLI links and the server library
/// does not (the generator is built from the server library); pass it to
/// `render_site` or `config::precompressed`.
[[nodiscard]] std::span<const precompressed_entry>
precompressed_site() noexcept;

}  // namespace httpstatus::server
