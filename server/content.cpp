// SPDX-License-Identifier: MIT
// The pre-rendered site: every page and JSON document, rendered and
// compressed once at start-up, looked up by path when serving.
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

}  // namespace

// FNV-1a is not cryptographic, and need not be: an ETag only has to change
// when the bytes change, and 64 bits make an accidental collision between
// two deployments of one resource negligible.
std::string make_etag(std::string_view bytes, std::string_view suffix) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (const char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return fmt::format("\"{:016x}{}\"", hash, suffix);
}

// RFC 9110 Section 8.8.3: a strong validator is unique across every
// representation of a resource, and a gzip body is a different
// representation from the identity one. So each variant gets its own tag:
// the identity hash with a coding suffix, which also lets a log reader see
// which variant a client holds.
resource make_resource(std::string body, std::string content_type,
                       resource_kind kind, bool fingerprinted) {
  resource r;
  r.kind = kind;
  r.content_type = std::move(content_type);
  r.cache_control = std::string(cache_control_for(kind, fingerprinted));
  r.identity.etag = make_etag(body);
  if (body.size() >= min_compress_bytes) {
    std::string gz = gzip(body);
    if (gz.size() < body.size()) {
      r.gzip.etag = make_etag(body, "-gz");
      r.gzip.bytes = std::move(gz);
    }
    std::string br = brotli(body);
    if (br.size() < body.size()) {
      r.br.etag = make_etag(body, "-br");
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
