// SPDX-License-Identifier: MIT
// Ranked search over the registry.
#include "httpstatus/search.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

namespace {

using namespace httpstatus;

static_assert(search("404")[0].entry->code == 404);
static_assert(search("").empty());
static_assert(search("5xx").size ==
              in_class(status_class::server_error).size());

std::vector<int> codes(const search_results& results) {
  std::vector<int> out;
  for (const search_hit& hit : results) out.push_back(hit.entry->code);
  return out;
}

TEST(search, ranks_code_then_phrase_then_meaning_then_description) {
  struct row {
    std::string_view query;
    int first;
    match_rank rank;
  };
  const row rows[] = {
      {"404", 404, match_rank::code},
      {"not found", 404, match_rank::name},
      {"NOT FOUND", 404, match_rank::name},
      {"teapot", 418, match_rank::name},
      {"gateway", 502, match_rank::name},
      {"redirect", 307, match_rank::name},
      {"entity", 422, match_rank::name},  // its alias Unprocessable Entity
      {"bookmarks", 301, match_rank::meaning},
  };
  for (const row& r : rows) {
    const search_results results = search(r.query);
    ASSERT_FALSE(results.empty()) << r.query;
    EXPECT_EQ(results[0].entry->code, r.first) << r.query;
    EXPECT_EQ(results[0].rank, r.rank) << r.query;
  }
}

// Digits are a code being typed: "50" lists 500-508 as code matches,
// before the descriptions that merely mention 503 (405's, 429's).
TEST(search, digits_match_the_codes_they_start) {
  const search_results fifty = search("50");
  std::vector<int> code_hits;
  for (const search_hit& hit : fifty)
    if (hit.rank == match_rank::code) code_hits.push_back(hit.entry->code);
  std::vector<int> expected;
  for (const status& s : in_class(status_class::server_error))
    if (s.code < 510) expected.push_back(s.code);
  EXPECT_EQ(code_hits, expected);
  EXPECT_EQ(fifty[0].entry->code, 500);
  EXPECT_EQ(search("4")[0].entry->code, 400);
  // With words, every word must match: the start of a code and a phrase.
  const std::vector<int> gateways = codes(search("50 gateway"));
  ASSERT_GE(gateways.size(), 2u);
  EXPECT_EQ(gateways[0], 502);
  EXPECT_EQ(gateways[1], 504);
  // Three digits are one code, and four are no code at all.
  EXPECT_EQ(codes(search("404")).front(), 404);
  EXPECT_TRUE(search("4040").empty());
}

TEST(search, orders_hits_by_rank_then_code) {
  const search_results results = search("redirect");
  ASSERT_GE(results.size, 3u);
  for (std::size_t i = 1; i < results.size; ++i) {
    const search_hit& a = results[i - 1];
    const search_hit& b = results[i];
    EXPECT_TRUE(a.rank < b.rank || (a.rank == b.rank && a.entry->code < b.entry->code));
  }
  // Every 3xx that redirects matches, 301 and 302 among them.
  const std::vector<int> found = codes(results);
  EXPECT_NE(std::find(found.begin(), found.end(), 301), found.end());
  EXPECT_NE(std::find(found.begin(), found.end(), 302), found.end());
}

TEST(search, needs_every_word) {
  const std::vector<int> found = codes(search("too large"));
  EXPECT_EQ(found.front(), 413);
  for (const int code : found) EXPECT_NE(code, 404);
  EXPECT_TRUE(search("teapot zebra").empty());
}

TEST(search, covers_unofficial_codes_on_request) {
  EXPECT_TRUE(search("nginx").empty());
  const search_results results = search("nginx", search_scope::with_unofficial);
  std::size_t by_vendor = 0;
  for (const search_hit& hit : results)
    if (hit.rank == match_rank::name) {
      EXPECT_EQ(hit.entry->vendor, "nginx") << hit.entry->code;
      ++by_vendor;
    }
  // 444, 494, 495, 496, 497 and 499.
  EXPECT_EQ(by_vendor, 6u);
}

TEST(search, finds_a_whole_class) {
  for (const std::string_view query : {"4xx", "4XX", " 4xX\t"}) {
    const search_results results = search(query);
    const std::span<const status> expected =
        in_class(status_class::client_error);
    ASSERT_EQ(results.size, expected.size()) << query;
    for (std::size_t i = 0; i < results.size; ++i) {
      EXPECT_EQ(results[i].entry, &expected[i]) << query;
      EXPECT_EQ(results[i].rank, match_rank::code) << query;
    }
  }
  // With the vendors' codes the class is still in code order (it was
  // registered codes, then the vendors': ... 451 418 419 ... 499).
  const std::vector<int> with_vendors =
      codes(search("4xx", search_scope::with_unofficial));
  EXPECT_GT(with_vendors.size(), in_class(status_class::client_error).size());
  EXPECT_NE(std::find(with_vendors.begin(), with_vendors.end(), 499),
            with_vendors.end());
  EXPECT_TRUE(std::is_sorted(with_vendors.begin(), with_vendors.end()));
  for (const int code : with_vendors) EXPECT_EQ(code / 100, 4);
  // Beside other words a class narrows them to its codes; as text "4xx"
  // was in no record but 418's, so "4xx timeout" found nothing. A class
  // that does not exist is text again.
  EXPECT_EQ(codes(search("4xx teapot")), std::vector<int>{418});
  EXPECT_EQ(codes(search("4xx timeout")), std::vector<int>{408});
  EXPECT_EQ(codes(search("timeout 5XX")), std::vector<int>{504});
  EXPECT_EQ(codes(search("4xx 5xx")), std::vector<int>{});
  EXPECT_TRUE(search("6xx").empty());
}

// Code matches are a listing in code order, and on one code the registered
// entry comes first: IANA's 418, then RFC 2324's, then Laravel's 419.
// Text matches of one rank put the registered codes before the vendors'.
// Every query here matched vendors' codes out of code order before.
TEST(search, orders_ties_by_code_registered_first) {
  struct row {
    std::string_view query;
    search_scope scope;
  };
  const row rows[] = {
      {"4xx", search_scope::with_unofficial},
      {"5xx", search_scope::with_unofficial},
      {"4", search_scope::with_unofficial},
      {"request", search_scope::with_unofficial},
      {"4xx", search_scope::registered},
      {"request", search_scope::registered},
      {"timeout", search_scope::with_unofficial},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(r.query);
    const search_results results = search(r.query, r.scope);
    ASSERT_GE(results.size, 2u);
    for (std::size_t i = 1; i < results.size; ++i) {
      const search_hit& a = results[i - 1];
      const search_hit& b = results[i];
      const bool in_order =
          a.rank < b.rank ||
          (a.rank == b.rank &&
           (a.rank == match_rank::code
                ? a.entry->code < b.entry->code ||
                      (a.entry->code == b.entry->code &&
                       !b.entry->vendor.empty())
                : a.entry->vendor.empty() || !b.entry->vendor.empty()));
      EXPECT_TRUE(in_order) << a.entry->code << " before " << b.entry->code;
    }
  }
  const search_results teapots = search("4xx", search_scope::with_unofficial);
  const auto at = std::find_if(teapots.begin(), teapots.end(),
                               [](const search_hit& h) { return h.entry->code == 418; });
  ASSERT_NE(at, teapots.end());
  EXPECT_TRUE(at[0].entry->vendor.empty());
  EXPECT_EQ(at[1].entry->vendor, "RFC 2324");
  EXPECT_EQ(at[2].entry->code, 419);
}

// Of two names that hold a word, the one it is more of comes first:
// "auth" found 203 (Non-Authoritative Information) before 401
// (Unauthorized), "unavailable" 451 before 503 (Service Unavailable). Of
// two names as long, the one whose meaning and description say it too:
// 407 (Proxy Authentication Required) before 203. And the vendors' codes
// that say "timeout" in their phrase came before 408 and 504.
TEST(search, puts_the_likelier_code_first) {
  struct row {
    std::string_view query;
    search_scope scope;
    std::vector<int> first;
  };
  const row rows[] = {
      {"auth", search_scope::registered, {401, 407, 203}},
      {"unavailable", search_scope::registered, {503, 451}},
      {"too large", search_scope::registered, {413, 431}},
      {"moved", search_scope::registered, {301, 302}},
      {"timeout", search_scope::with_unofficial, {408, 504}},
  };
  for (const row& r : rows) {
    std::vector<int> found = codes(search(r.query, r.scope));
    ASSERT_GE(found.size(), r.first.size()) << r.query;
    found.resize(r.first.size());
    EXPECT_EQ(found, r.first) << r.query;
  }
}

// In code order at compile time too: 418 (registered), 418, 419, 420, 421.
static_assert(search("4xx", search_scope::with_unofficial)[19].entry->code == 418);
static_assert(search("4xx", search_scope::with_unofficial)[20].entry->code == 419);

// What a developer pastes or a phone types: a constant's name, a phrase
// in quotes or with a question mark, a typographic apostrophe, a no-break
// space. Each found nothing: words were split on blanks alone, and a
// name's spelling was the lookup's only.
TEST(search, reads_names_and_punctuation_as_people_type_them) {
  struct row {
    std::string_view query;
    int first;
  };
  const row rows[] = {
      {"not_found", 404},
      {"NOT_FOUND", 404},
      {"not-found", 404},
      {"\"not found\"", 404},
      {"not\u00a0found", 404},
      {"teapot?", 418},
      {"I\u2019m a teapot", 418},
      {"\u201cteapot\u201d", 418},
      {"404,", 404},
      {"(gateway timeout)", 504},
  };
  for (const row& r : rows) {
    const search_results results = search(r.query);
    ASSERT_FALSE(results.empty()) << r.query;
    EXPECT_EQ(results[0].entry->code, r.first) << r.query;
  }
  // A name found by its spelling is one hit, not two.
  const std::vector<int> found = codes(search("not found"));
  EXPECT_EQ(std::count(found.begin(), found.end(), 404), 1);
  // The apostrophe and the hyphen stay inside a word.
  EXPECT_EQ(codes(search("i'm")), std::vector<int>{418});
}

TEST(search, survives_odd_input) {
  EXPECT_TRUE(search("   ").empty());
  // The separator between a code's aliases is no text of the registry's:
  // it found 413 and 414, whose aliases it joins.
  EXPECT_TRUE(search("|").empty());
  EXPECT_TRUE(search("\xff\xfe\x01").empty());
  const std::string long_query(10000, 'a');
  EXPECT_TRUE(search(long_query).empty());
}

}  // namespace
