// SPDX-License-Identifier: MIT
// The variants compressed at build time: the table covers every body the
// site renders, gives the bytes live compression gives, and is used only
// for a body whose hash and size both match.
#include "precompressed.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "compress.hpp"
#include "content.hpp"
#include "routes.hpp"
#include "support/decompress.hpp"

namespace {

using httpstatus::server::content;
using httpstatus::server::find_precompressed;
using httpstatus::server::fnv1a_64;
using httpstatus::server::make_etag;
using httpstatus::server::make_resource;
using httpstatus::server::precompressed_entry;
using httpstatus::server::precompressed_site;
using httpstatus::server::render_site;
using httpstatus::server::resource;
using httpstatus::server::resource_kind;
using httpstatus::test::gunzip;
using httpstatus::test::unbrotli;

// The FNV-1a test vectors (Fowler, Noll, Vo): the ETags of every release
// so far were made with this hash, and the table is keyed by it.
static_assert(fnv1a_64("") == 0xcbf29ce484222325ULL);
static_assert(fnv1a_64("a") == 0xaf63dc4c8601ec8cULL);
static_assert(fnv1a_64("foobar") == 0x85944171f73967e8ULL);

// Rendered once per process, as `serve` renders it.
const content& site() {
  static const std::shared_ptr<const content> rendered =
      render_site(precompressed_site());
  return *rendered;
}

// A body no page has: long and repetitive enough to compress well.
std::string fresh_body() {
  std::string body;
  for (int i = 0; i < 100; ++i)
    body += "<li>not a page of the site, so not in the table</li>\n";
  return body;
}

TEST(precompressed, table_is_sorted_by_hash_and_size_without_duplicates) {
  const std::span<const precompressed_entry> table = precompressed_site();
  ASSERT_FALSE(table.empty());
  const auto key = [](const precompressed_entry& e) {
    return std::tuple(e.hash, e.size);
  };
  EXPECT_TRUE(
      std::ranges::adjacent_find(table, [&](const auto& a, const auto& b) {
        return key(a) >= key(b);
      }) == table.end());
}

// A template edited without the generator running again, or a page that
// renders something of the moment (a date, a counter), would miss here
// and silently cost start-up its second of brotli again.
TEST(precompressed, covers_every_body_the_site_renders) {
  ASSERT_GT(site().size(), 100u);
  for (const auto& [key, r] : site().all())
    EXPECT_NE(find_precompressed(precompressed_site(), r.identity.bytes),
              nullptr)
        << key << " was rendered differently at build time";
}

TEST(precompressed, variants_decompress_to_the_bodies) {
  std::size_t gzipped = 0;
  std::size_t brotlied = 0;
  for (const auto& [key, r] : site().all()) {
    const precompressed_entry* e =
        find_precompressed(precompressed_site(), r.identity.bytes);
    ASSERT_NE(e, nullptr) << key;
    if (!e->gzip.empty()) {
      EXPECT_EQ(gunzip(e->gzip), r.identity.bytes) << key;
      EXPECT_LT(e->gzip.size(), r.identity.bytes.size()) << key;
      ++gzipped;
    }
    if (!e->br.empty()) {
      EXPECT_EQ(unbrotli(e->br), r.identity.bytes) << key;
      EXPECT_LT(e->br.size(), r.identity.bytes.size()) << key;
      ++brotlied;
    }
  }
  // Nearly every page and document compresses; none would mean an empty
  // table slipped through.
  EXPECT_GT(gzipped, 100u);
  EXPECT_GT(brotlied, 100u);
}

// What users receive must not change: the table's variants are the very
// bytes gzip level 9 and brotli quality 11 give at start-up, with the same
// ETags.
TEST(precompressed, site_is_the_same_as_compressed_live) {
  const std::shared_ptr<const content> live = render_site();
  ASSERT_EQ(live->size(), site().size());
  for (const auto& [key, r] : live->all()) {
    const resource* built = site().find(key);
    ASSERT_NE(built, nullptr) << key;
    EXPECT_EQ(built->identity.bytes, r.identity.bytes) << key;
    EXPECT_EQ(built->gzip.bytes, r.gzip.bytes) << key;
    EXPECT_EQ(built->br.bytes, r.br.bytes) << key;
    EXPECT_EQ(built->identity.etag, r.identity.etag) << key;
    EXPECT_EQ(built->gzip.etag, r.gzip.etag) << key;
    EXPECT_EQ(built->br.etag, r.br.etag) << key;
    EXPECT_EQ(built->br.fields_200, r.br.fields_200) << key;
  }
}

TEST(precompressed, body_missing_from_the_table_is_compressed_live) {
  const std::string body = fresh_body();
  ASSERT_EQ(find_precompressed(precompressed_site(), body), nullptr);
  const resource r = make_resource(body, "text/html", resource_kind::page,
                                   false, precompressed_site());
  EXPECT_EQ(r.identity.bytes, body);
  EXPECT_EQ(r.gzip.bytes, httpstatus::server::gzip(body));
  EXPECT_EQ(r.br.bytes, httpstatus::server::brotli(body));
  EXPECT_EQ(gunzip(r.gzip.bytes), body);
  EXPECT_EQ(unbrotli(r.br.bytes), body);
  EXPECT_EQ(r.br.etag, make_etag(body, "-br"));
}

// Stand-in variants that no encoder would make show which source
// `make_resource` took them from.
TEST(precompressed, make_resource_takes_the_variants_of_a_matching_entry) {
  const std::string body = fresh_body();
  const precompressed_entry table[] = {
      {fnv1a_64(body), body.size(), "stand-in gzip", "stand-in br"}};
  const resource r =
      make_resource(body, "text/html", resource_kind::page, false, table);
  EXPECT_EQ(r.gzip.bytes, "stand-in gzip");
  EXPECT_EQ(r.br.bytes, "stand-in br");
  EXPECT_EQ(r.gzip.etag, make_etag(body, "-gz"));
  EXPECT_EQ(r.br.etag, make_etag(body, "-br"));
  EXPECT_EQ(r.identity.etag, make_etag(body));
}

// An entry whose variants are both empty says neither is smaller (an
// image, say): the resource gets none, and nothing is compressed.
TEST(precompressed, entry_without_variants_gives_identity_only) {
  const std::string body = fresh_body();
  const precompressed_entry table[] = {{fnv1a_64(body), body.size(), {}, {}}};
  const resource r =
      make_resource(body, "text/html", resource_kind::page, false, table);
  EXPECT_FALSE(r.is_negotiated());
  EXPECT_TRUE(r.gzip.etag.empty());
  EXPECT_TRUE(r.br.etag.empty());
}

TEST(precompressed, lookup_needs_hash_and_size_to_match) {
  const std::string body = fresh_body();
  const std::uint64_t hash = fnv1a_64(body);
  const precompressed_entry table[] = {
      {hash - 1, body.size(), "lower hash", ""},
      {hash, body.size() - 1, "shorter", ""},
      {hash, body.size(), "match", ""},
      {hash, body.size() + 1, "longer", ""},
      {hash + 1, body.size(), "higher hash", ""},
  };
  struct row {
    std::uint64_t hash;
    std::size_t size;
    const char* found;  // nullptr: no entry
  };
  const row rows[] = {
      {hash, body.size(), "match"},
      {hash, body.size() - 1, "shorter"},
      {hash, body.size() + 1, "longer"},
      {hash - 1, body.size(), "lower hash"},
      {hash + 1, body.size(), "higher hash"},
      {hash, body.size() + 2, nullptr},
      {hash, 0, nullptr},
      {hash + 2, body.size(), nullptr},
      {hash - 2, body.size(), nullptr},
  };
  for (const row& r : rows) {
    const precompressed_entry* e = find_precompressed(table, r.hash, r.size);
    if (r.found == nullptr) {
      EXPECT_EQ(e, nullptr) << r.hash << " " << r.size;
    } else {
      ASSERT_NE(e, nullptr) << r.found;
      EXPECT_EQ(e->gzip, r.found);
    }
  }
  EXPECT_EQ(find_precompressed({}, body), nullptr);
  EXPECT_EQ(find_precompressed(table, body)->gzip, "match");
}

// A body whose hash is in the table under another size (a page that grew
// by a byte, in the unlikely case its hash did not change) must not get
// that entry's bytes.
TEST(precompressed, same_hash_of_another_size_is_compressed_live) {
  const std::string body = fresh_body();
  const precompressed_entry table[] = {
      {fnv1a_64(body), body.size() + 1, "stand-in gzip", "stand-in br"}};
  const resource r =
      make_resource(body, "text/html", resource_kind::page, false, table);
  EXPECT_EQ(gunzip(r.gzip.bytes), body);
  EXPECT_EQ(unbrotli(r.br.bytes), body);
}

}  // namespace
