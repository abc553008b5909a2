// SPDX-License-Identifier: MIT
// Parsing codes, classes and names.
#include "httpstatus/parse.hpp"

#include <gtest/gtest.h>

#include <string>
#include <system_error>
#include <utility>

namespace {

using namespace httpstatus;

static_assert(parse_code("404").code == 404);
static_assert(parse_code("4xx").ec == std::errc::invalid_argument);
static_assert(parse_code("0404").ec == std::errc::invalid_argument);
static_assert(*parse_class("4xx") == status_class::client_error);
static_assert(*find_by_name("Not Found") == 404);

TEST(parse, reads_codes_like_from_chars) {
  struct row {
    std::string_view text;
    int code;
    std::errc ec;
  };
  const row rows[] = {
      {"404", 404, std::errc{}},
      {"100", 100, std::errc{}},
      {"599", 599, std::errc{}},
      {"299", 299, std::errc{}},
      // A code is exactly three digits (RFC 9112: status-code = 3DIGIT);
      // padding once read "0404" and "00000000404" as 404.
      {"0404", 0, std::errc::invalid_argument},
      {"00000000404", 0, std::errc::invalid_argument},
      {"0000", 0, std::errc::invalid_argument},
      {"099", 99, std::errc::result_out_of_range},
      {"000", 0, std::errc::result_out_of_range},
      {"0", 0, std::errc::result_out_of_range},
      {"99", 99, std::errc::result_out_of_range},
      {"600", 600, std::errc::result_out_of_range},
      {"1000", 1000, std::errc::result_out_of_range},
      {"4040", 4040, std::errc::result_out_of_range},
      {"99999999999999999999", 0, std::errc::result_out_of_range},
      {"", 0, std::errc::invalid_argument},
      {"-1", 0, std::errc::invalid_argument},
      {"+404", 0, std::errc::invalid_argument},
      {" 404", 0, std::errc::invalid_argument},
      {"4xy", 0, std::errc::invalid_argument},
      {"abc", 0, std::errc::invalid_argument},
      {"\xff\xfe", 0, std::errc::invalid_argument},
  };
  for (const row& r : rows) {
    const parse_result result = parse_code(r.text);
    EXPECT_EQ(result.ec, r.ec) << r.text;
    EXPECT_EQ(result.code, r.code) << r.text;
  }
}

// Whatever parses is written as the code it gives: three digits, no sign,
// no padding, so callers may echo either.
TEST(parse, accepts_only_three_digits) {
  for (int n = 0; n <= 10000; ++n) {
    for (const std::string& text :
         {std::to_string(n), "0" + std::to_string(n), "00" + std::to_string(n)}) {
      const parse_result result = parse_code(text);
      if (result.ec == std::errc{}) {
        EXPECT_EQ(text.size(), 3u) << text;
        EXPECT_EQ(text, std::to_string(result.code)) << text;
      }
    }
  }
}

// The code behind a "did you mean" hint, for the CLI and the site alike.
TEST(parse, names_the_code_zero_padded_digits_spell) {
  static_assert(zero_padded_code("0404") == 404);
  EXPECT_EQ(zero_padded_code("00000000404"), 404);
  for (const std::string_view none : {"404", "0", "000", "0600", "0099",
                                      "04x4", "", "-0404"})
    EXPECT_FALSE(zero_padded_code(none).has_value()) << none;
}

TEST(parse, reads_classes) {
  EXPECT_EQ(parse_class("1xx"), status_class::informational);
  EXPECT_EQ(parse_class("5XX"), status_class::server_error);
  EXPECT_EQ(parse_class("3xX"), status_class::redirection);
  for (const std::string_view bad : {"6xx", "0xx", "4x", "4xxx", "xx4", "", "4xy"})
    EXPECT_FALSE(parse_class(bad).has_value()) << bad;
}

TEST(parse, reads_names_in_any_spelling) {
  struct row {
    std::string_view name;
    int code;
  };
  const row rows[] = {
      {"Not Found", 404},
      {"not found", 404},
      {"NOT_FOUND", 404},
      {"not-found", 404},
      {"notfound", 404},
      {"Payload Too Large", 413},
      {"Request Entity Too Large", 413},
      {"Content Too Large", 413},
      {"Unprocessable Entity", 422},
      {"Request-URI Too Long", 414},
      {"Requested Range Not Satisfiable", 416},
      {"I'm a teapot", 418},
      {"IM_A_TEAPOT", 418},
      {"OK", 200},
      {"Moved Temporarily", 302},
      {"Not Extended (OBSOLETED)", 510},  // as IANA's table writes it
      // A line read with its end: the note was kept, and nothing found.
      {"Not Extended (OBSOLETED)\r\n", 510},
      {"Not Found\n", 404},
  };
  for (const row& r : rows) {
    const auto code = find_by_name(r.name);
    ASSERT_TRUE(code.has_value()) << r.name;
    EXPECT_EQ(*code, r.code) << r.name;
  }
  const std::string_view unknown[] = {
      "", "   ", "Not Foundd", "teapot", "(Unused)", "Teapot (Not Found)", "Client Closed Request", "\xff\xfe",
      "a very long name that is longer than any reason phrase in the registry"};
  for (const std::string_view bad : unknown)
    EXPECT_FALSE(find_by_name(bad).has_value()) << bad;
}

// Every reason phrase and every alias must lead back to its own code.
TEST(parse, reads_every_phrase_and_alias) {
  for (const status& s : all()) {
    EXPECT_EQ(find_by_name(s.reason), s.code) << s.reason;
    for_each_alias(s, [&](std::string_view alias) {
      EXPECT_EQ(find_by_name(alias), s.code) << alias;
    });
  }
}

// A programmer has another library's constant at hand: each one the
// record lists finds its code, bare or qualified as its language writes it.
// `httpstatus StatusNotFound` said "no status code matches".
TEST(parse, reads_every_constant_of_other_libraries) {
  std::size_t constants = 0;
  for (const status& s : all()) {
    for (const std::string_view constant :
         {s.names.beast, s.names.drogon, s.names.httplib, s.names.python,
          s.names.go}) {
      if (constant.empty()) continue;
      ++constants;
      EXPECT_EQ(find_by_name(constant), s.code) << constant;
    }
  }
  EXPECT_GT(constants, 250u);
  const std::pair<std::string_view, int> qualified[] = {
      {"http.StatusNotFound", 404},
      {"HTTPStatus.IM_A_TEAPOT", 418},
      {"http.HTTPStatus.TOO_MANY_REQUESTS", 429},
      {"boost::beast::http::status::not_found", 404},
      {"http::status::continue_", 100},
      {"drogon::k503ServiceUnavailable", 503},
      {"httplib::StatusCode::NotFound_404", 404},
  };
  for (const auto& [name, code] : qualified)
    EXPECT_EQ(find_by_name(name), code) << name;
  EXPECT_FALSE(find_by_name("http.").has_value());
  EXPECT_FALSE(find_by_name("http.StatusNotThere").has_value());
}

// A name nearly right is "did you mean": a letter left out, added,
// changed or two swapped, in a phrase, an alias or a constant. `httpstatus
// "not fond"` said only "no status code matches".
TEST(parse, suggests_the_code_a_misspelled_name_means) {
  static_assert(*suggest_by_name("not fond") == 404);
  const std::pair<std::string_view, int> rows[] = {
      {"not fond", 404},
      {"Unauthorised", 401},          // British spelling, one change
      {"Internal Server Eror", 500},  // one left out
      {"Gateway Timout", 504},
      {"Bad Requets", 400},          // two swapped
      {"Service Unavailible", 503},  // two changes
      {"Network Authentication Requred", 511},
      {"too many request", 429},
      {"Unprocesable Entity", 422},  // a legacy name, misspelled
      {"StatusNotFund", 404},        // a Go constant, misspelled
      {"http.StatusNotFund", 404},   // qualified, as find_by_name reads
      {"Permanant Redirect", 308},
      {"Not Extnded (OBSOLETED)", 510},  // IANA's note is left out
  };
  for (const auto& [name, code] : rows)
    EXPECT_EQ(suggest_by_name(name), code) << name;
  const std::string_view nothing[] = {
      "Not Found",  // found, so nothing is misspelled
      "",
      "oka",      // too short to tell from others
      "teapott",  // a word of the search, not a name ("I'm a teapot")
      "zzzzzzzz",
      "redirect",  // no name is two edits from it
      "Not Fooooooound",
      "a very long name that is longer than any reason phrase in the registry",
  };
  for (const std::string_view name : nothing)
    EXPECT_FALSE(suggest_by_name(name).has_value()) << name;
}

// The distance counts each kind of edit once, and stops at its limit.
TEST(parse, edit_distance_counts_each_edit_once) {
  using detail::edit_distance;
  static_assert(edit_distance("notfound", "notfound", 3) == 0);
  static_assert(edit_distance("notfond", "notfound", 3) == 1);    // left out
  static_assert(edit_distance("notfoound", "notfound", 3) == 1);  // added
  static_assert(edit_distance("notfaund", "notfound", 3) == 1);   // changed
  static_assert(edit_distance("notfuond", "notfound", 3) == 1);   // swapped
  static_assert(edit_distance("", "abc", 3) == 3);
  static_assert(edit_distance("abcdef", "fedcba", 2) == 3);  // limit + 1
  static_assert(edit_distance("a", "abcdefgh", 3) == 4);     // too apart
  EXPECT_EQ(edit_distance("kitten", "sitting", 5), 3u);
}

}  // namespace
