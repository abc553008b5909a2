// SPDX-License-Identifier: MIT
// The pre-rendered site: every page and JSON document, rendered once at
// start-up (compressed at build time), looked up by path when serving.
#include "content.hpp"

#include <cstdint>
#include <utility>

#include <fmt/format.h>

#include "compress.hpp"
#include "response.hpp"

namespace httpstatus::server {
namespace {

// Freshness by kind. Pages and unfingerprinted assets change only when a
// new build is deployed, so a short lifetime plus revalidation (a cheap 304
// thanks to the ETag) keeps them current without refetching. A fingerprinted
// asset's URL changes with its bytes, so it may be cached for a year.
// `/healthz` must reach the server every time.
constexpr std::string_view page_cache = "public, max-age=300, must-revalidate";
constexpr std::string_view asset_cache = "public, max-age=300, must-revalidate";
constexpr std::string_view immutable_cache =
    "public, max-age=31536000, immutable";
constexpr std::string_view document_cache = "public, max-age=300";
constexpr std::string_view text_cache = "no-store";

std::string_view cache_control_for(resource_kind kind, bool fingerprinted) {
  switch (kind) {
    case resource_kind::page:
      return page_cache;
    case resource_kind::asset:
      return fingerprinted ? immutable_cache : asset_cache;
    case resource_kind::document:
      return document_cache;
    case resource_kind::text:
      return text_cache;
  }
  return text_cache;
}

// Below this size a compressed body saves less than its own header costs.
constexpr std::size_t min_compress_bytes = 128;

// FNV-1a is not cryptographic, and need not be: an ETag only has to change
// when the bytes change, and 64 bits make an accidental collision between
// two deployments of one resource negligible. The hash is taken once per
// body and formatted for each of its variants.
std::string etag_of(std::uint64_t hash, std::string_view suffix) {
  return fmt::format("\"{:016x}{}\"", hash, suffix);
}

}  // namespace

std::string make_etag(std::string_view bytes, std::string_view suffix) {
  return etag_of(fnv1a_64(bytes), suffix);
}

// RFC 9110 Section 8.8.3: a strong validator is unique across every
// representation of a resource, and a gzip body is a different
// representation from the identity one. So each variant gets its own tag:
// the identity hash with a coding suffix, which also lets a log reader see
// which variant a client holds.
resource make_resource(std::string body, std::string content_type,
                       resource_kind kind, bool fingerprinted,
                       std::span<const precompressed_entry> precompressed) {
  resource r;
  r.kind = kind;
  r.content_type = std::move(content_type);
  r.cache_control = std::string(cache_control_for(kind, fingerprinted));
  const std::uint64_t hash = fnv1a_64(body);
  r.identity.etag = etag_of(hash, "");
  if (body.size() >= min_compress_bytes) {
    // Brotli at quality 11 is most of a second over the whole site, so the
    // build compresses the bodies it renders (server/precompress_main.cpp)
    // and start-up only copies them. A body the build did not see (edited
    // since, or not the site's) is compressed now, to the same bytes. The
    // table holds a variant only where it is smaller, so one rule below
    // decides for both sources.
    std::string gz;
    std::string br;
    if (const precompressed_entry* e =
            find_precompressed(precompressed, hash, body.size())) {
      gz = e->gzip;
      br = e->br;
    } else {
      gz = gzip(body);
      br = brotli(body);
    }
    if (!gz.empty() && gz.size() < body.size()) {
      r.gzip.etag = etag_of(hash, "-gz");
      r.gzip.bytes = std::move(gz);
    }
    if (!br.empty() && br.size() < body.size()) {
      r.br.etag = etag_of(hash, "-br");
      r.br.bytes = std::move(br);
    }
  }
  r.identity.bytes = std::move(body);
  return r;
}

void content::add(std::string key, resource r) {
  prepare_fields(r);
  resources_.insert_or_assign(std::move(key), std::move(r));
}

const resource* content::find(std::string_view key) const noexcept {
  const auto it = resources_.find(key);
  return it == resources_.end() ? nullptr : &it->second;
}

}  // namespace httpstatus::server
