// SPDX-License-Identifier: MIT
// Request-target helpers: percent-decoding and query parameters.
#include "url.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

namespace {

using namespace httpstatus::server;

TEST(url, percent_decodes) {
  struct row {
    const char* text;
    bool plus_is_space;
    const char* expected;  // nullptr: malformed
  };
  const row rows[] = {
      {"", false, ""},
      {"/codes/404", false, "/codes/404"},
      {"%2F%2e%2E", false, "/.."},
      {"a+b", false, "a+b"},
      {"a+b", true, "a b"},
      {"%3Cscript%3E", true, "<script>"},
      {"%", false, nullptr},
      {"%4", false, nullptr},
      {"%zz", false, nullptr},
      {"ok%2", false, nullptr},
  };
  for (const row& r : rows) {
    const auto decoded = percent_decode(r.text, r.plus_is_space);
    if (r.expected == nullptr) {
      EXPECT_FALSE(decoded.has_value()) << r.text;
    } else {
      ASSERT_TRUE(decoded.has_value()) << r.text;
      EXPECT_EQ(*decoded, r.expected) << r.text;
    }
  }
}

static_assert(is_blank("") && is_blank(" \t") && !is_blank(" a "));

TEST(url, splits_query_parameters) {
  std::vector<std::string> seen;
  const bool ok = for_each_query_param(
      "q=not+found&&class=4xx&flag&x=%41",
      [&](const query_param& p) { seen.push_back(p.name + "=" + p.value); });
  EXPECT_TRUE(ok);
  EXPECT_EQ(seen, (std::vector<std::string>{"q=not found", "class=4xx",
                                            "flag=", "x=A"}));
}

TEST(url, stops_at_a_malformed_escape) {
  int calls = 0;
  EXPECT_FALSE(for_each_query_param("a=1&b=%zz&c=3",
                                    [&](const query_param&) { ++calls; }));
  EXPECT_EQ(calls, 1);
}

// A handler names the parameters it reads: the others, broken escapes and
// all, are skipped unread; a broken escape in one it reads still fails.
TEST(url, reads_only_the_parameters_named) {
  struct row {
    std::string_view query;
    bool ok;
    std::vector<std::string> seen;
  };
  const row rows[] = {
      {"_=%ZZ&q=a+b", true, {"q=a b"}},
      {"%ZZ=1&cl%61ss=4xx", true, {"class=4xx"}},
      {"x=%&class", true, {"class="}},
      {"q=1&class=%ZZ&q=2", false, {"q=1"}},
      {"", true, {}},
  };
  for (const row& r : rows) {
    std::vector<std::string> seen;
    EXPECT_EQ(for_each_query_param(r.query, {"class", "q"},
                                   [&](const query_param& p) {
                                     seen.push_back(p.name + "=" + p.value);
                                   }),
              r.ok)
        << r.query;
    EXPECT_EQ(seen, r.seen) << r.query;
  }
}

}  // namespace

TEST(url, takes_the_path_of_an_absolute_form_target) {
  struct row {
    std::string_view target;
    std::optional<std::string> origin;
  };
  const row rows[] = {
      {"http://example.com/codes/404", "/codes/404"},
      {"HTTP://example.com:8080/a%20b?q=x&y", "/a%20b?q=x&y"},
      {"https://example.com", "/"},
      {"http://example.com?q=1", "/?q=1"},
      {"http://[::1]:80/x", "/x"},
      {"http://example.com:/x", "/x"},  // an empty port is the default
      // RFC 9110 Section 4.2.1: an http URI with no host (or none at all)
      // MUST be rejected as invalid; Section 4.2.4: userinfo SHOULD be
      // taken as an error. All three were served.
      {"http:///codes/404", std::nullopt},
      {"http:/codes/404", std::nullopt},
      {"http://user@[::1]:80/x", std::nullopt},
      {"/codes", std::nullopt},  // already the origin form
      {"*", std::nullopt},
      {"example.com:443", std::nullopt},  // the authority form
      {"ftp://example.com/x", std::nullopt},
      {"http://exa mple.com/", std::nullopt},
      {"", std::nullopt},
  };
  for (const row& r : rows)
    EXPECT_EQ(origin_form_of(r.target), r.origin) << r.target;
}
