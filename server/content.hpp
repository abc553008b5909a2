// SPDX-License-Identifier: MIT
// The pre-rendered site: every page and JSON document, rendered once at
// start-up (compressed at build time), looked up by path when serving.
#pragma once

#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <string_view>

#include "precompressed.hpp"

namespace httpstatus::server {

/// Says what a resource is, which decides the headers it is served with.
enum class resource_kind : std::uint8_t {
  page,      ///< HTML: security headers, short freshness, revalidation
  asset,     ///< stylesheet, script, image
  document,  ///< API JSON: CORS, short freshness
  text,      ///< plain text such as `/healthz`: never stored
};

/// Names the content codings the server can send.
enum class coding : std::uint8_t { identity, gzip, br };

/// Holds one encoding of a resource: its bytes and its strong `ETag`.
struct variant {
  std::string bytes;
  std::string etag;  ///< quoted, e.g. "\"1a2b...-br\""
  /// The header fields `serve` answers a 200 and a 304 of this variant
  /// with, serialized once (see `payload::prepared`); empty until the
  /// resource is added to a `content`.
  std::string fields_200;
  std::string fields_304;
};

/// Holds a resource in every encoding worth sending, with its headers.
struct resource {
  resource_kind kind = resource_kind::page;
  std::string content_type;
  std::string cache_control;
  variant identity;
  variant gzip;  ///< empty `bytes` when gzip would not be smaller
  variant br;    ///< empty `bytes` when brotli would not be smaller

  /// Returns whether a compressed variant exists, i.e. whether the choice
  /// depends on `Accept-Encoding` (and `Vary` must say so).
  [[nodiscard]] bool is_negotiated() const noexcept {
    return !gzip.bytes.empty() || !br.bytes.empty();
  }

  /// Returns the variant for `c`, which must exist (identity always does).
  [[nodiscard]] const variant& get(coding c) const noexcept {
    switch (c) {
      case coding::gzip:
        return gzip;
      case coding::br:
        return br;
      case coding::identity:
        break;
    }
    return identity;
  }
};

/// Returns a strong entity tag for `bytes`: its quoted 64-bit FNV-1a hash
/// (`fnv1a_64`) in hex, with `suffix` appended inside the quotes
/// ("\"…-gz\"").
[[nodiscard]] std::string make_etag(std::string_view bytes,
                                    std::string_view suffix = {});

/// Returns `body` as a resource of `kind`: its identity variant, gzip and
/// brotli variants when they are smaller, an `ETag` for each, and the
/// `Cache-Control` for the kind (a year and `immutable` for an asset whose
/// URL is `fingerprinted` with a hash of its bytes). The compressed
/// variants come from the entry of `precompressed` for `body`
/// (`find_precompressed`) when there is one, and are compressed now when
/// there is none (an empty table: always); the bytes are the same either
/// way. Throws `std::runtime_error` if an encoder fails.
[[nodiscard]] resource make_resource(
    std::string body, std::string content_type, resource_kind kind,
    bool fingerprinted = false,
    std::span<const precompressed_entry> precompressed = {});

/// Holds the pre-rendered resources by key: the URL path, plus a canonical
/// query for the API's filtered lists ("/api/v1/codes?class=4xx").
/// Immutable once built, so any number of threads may read it.
class content {
 public:
  /// Adds `r` under `key`, replacing any resource already there, with the
  /// header fields of each variant serialized (`prepare_fields`).
  void add(std::string key, resource r);

  /// Returns the resource stored under `key`, or `nullptr` if none is.
  [[nodiscard]] const resource* find(std::string_view key) const noexcept;

  /// Returns the number of resources.
  [[nodiscard]] std::size_t size() const noexcept { return resources_.size(); }

  /// Returns the resources by key, for iteration (tests, `export`).
  [[nodiscard]] const std::map<std::string, resource, std::less<>>& all()
      const noexcept {
    return resources_;
  }

 private:
  std::map<std::string, resource, std::less<>> resources_;
};

}  // namespace httpstatus::server
