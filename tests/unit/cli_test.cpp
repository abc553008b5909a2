// SPDX-License-Identifier: MIT
// The CLI, run in-process with string streams: output and exit code.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <span>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "app.hpp"
#include "httpstatus/registry.hpp"
#include "print.hpp"

namespace {

using httpstatus::cli::printable;
using httpstatus::cli::run;

struct outcome {
  int code;
  std::string out;
  std::string err;
};

outcome run_cli(std::vector<std::string> args, bool color = false) {
  std::ostringstream out, err;
  const int code = run(args, out, err, {.color = color});
  return {code, out.str(), err.str()};
}

// Shows control characters in a failure message as escapes.
std::string printable_row(std::string_view text) {
  std::string shown;
  for (const char c : text)
    if (c == '\n')
      shown += "\\n";
    else if (c == '\r')
      shown += "\\r";
    else if (c == '\t')
      shown += "\\t";
    else
      shown += c;
  return shown;
}

TEST(cli, prints_one_code) {
  const outcome r = run_cli({"404"});
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out,
            "404 Not Found\n"
            "  class      4xx Client error\n"
            "  status     standard\n"
            "  meaning    The resource does not exist at this URL.\n"
            "  reference  RFC 9110, Section 15.5.5\n"
            "  url        https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5\n");
  EXPECT_EQ(r.err, "");
}

TEST(cli, says_when_no_server_sends_a_code) {
  const outcome r = run_cli({"460"});
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("\n  sent       never: no client receives this code\n"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(run_cli({"404"}).out.find("  sent"), std::string::npos);
}

TEST(cli, prints_several_codes) {
  const outcome r = run_cli({"404", "503"});
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("404 Not Found\n"), std::string::npos);
  EXPECT_NE(r.out.find("\n\n503 Service Unavailable\n"), std::string::npos);
}

TEST(cli, lists_a_class) {
  const outcome r = run_cli({"2xx"});
  EXPECT_EQ(r.code, 0);
  EXPECT_TRUE(r.out.starts_with(
      "2xx Success: The request was received, understood, and accepted.\n"
      "200  OK  "));
  EXPECT_NE(r.out.find("\n226  IM Used"), std::string::npos);
  EXPECT_EQ(r.out.find("\n404"), std::string::npos);
}

TEST(cli, resolves_names) {
  struct row {
    std::string query;
    std::string first_line;
  };
  const row rows[] = {
      {"teapot", "418 I'm a teapot [unused]\n"},
      {"Not Found", "404 Not Found\n"},
      {"not_found", "404 Not Found\n"},
      {"NOT-FOUND", "404 Not Found\n"},
      {"Payload Too Large", "413 Content Too Large\n"},
      // Other libraries' constants: "no status code matches" before.
      {"http.StatusNotFound", "404 Not Found\n"},
      // A no-break space copied from a page is no part of the query: it
      // listed 404, 403 and 410 as a search.
      {"\u00a0404\u00a0", "404 Not Found\n"},
      {" \u00a0 Not Found\u00a0\n", "404 Not Found\n"},
      {"k429TooManyRequests", "429 Too Many Requests\n"},
  };
  for (const row& r : rows) {
    const outcome o = run_cli({r.query});
    EXPECT_EQ(o.code, 0) << r.query;
    EXPECT_TRUE(o.out.starts_with(r.first_line)) << r.query << ":\n" << o.out;
  }
}

TEST(cli, shows_every_vendor_of_an_unofficial_code) {
  const outcome r = run_cli({"499"});
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("Client Closed Request [unofficial: nginx]"), std::string::npos);
  EXPECT_NE(r.out.find("Token Required [unofficial: Esri]"), std::string::npos);
}

TEST(cli, explains_what_it_cannot_find) {
  struct row {
    std::vector<std::string> args;
    int code;
    std::string err;
  };
  const row rows[] = {
      {{"299"},
       1,
       "httpstatus: 299 is unassigned in the IANA registry; clients treat it "
       "as 200 (2xx Success)\n"},
      {{"600"},
       1,
       "httpstatus: 600 is not an HTTP status code: codes run from 100 to "
       "599\n"},
      {{"99999999999999999999"},
       1,
       "httpstatus: 99999999999999999999 is not an HTTP status code: codes run "
       "from 100 to 599\n"},
      {{"-1"},
       1,
       "httpstatus: -1 is not an HTTP status code: codes run from 100 to "
       "599\n"},
      // A code is three digits: padding is no way to write 404.
      {{"0404"},
       1,
       "httpstatus: '0404' is not how a status code is written; did you "
       "mean 404?\n"},
      {{"00000000404"},
       1,
       "httpstatus: '00000000404' is not how a status code is written; did "
       "you mean 404?\n"},
      // Padded numbers that pad no code are numbers outside the range, as
      // "000" was; they were searched for as words.
      {{"0000"},
       1,
       "httpstatus: 0000 is not an HTTP status code: codes run from 100 to "
       "599\n"},
      {{"0600"},
       1,
       "httpstatus: 0600 is not an HTTP status code: codes run from 100 to "
       "599\n"},
      {{"abc"}, 1, "httpstatus: no status code matches 'abc'\n"},
      // A misspelled name says which it likely is.
      {{"not fond"},
       1,
       "httpstatus: no status code matches 'not fond'; did you mean 404 Not "
       "Found?\n"},
      {{"search", "Unauthorised"},
       1,
       "httpstatus: no status code matches 'Unauthorised'; did you mean 401 "
       "Unauthorized?\n"},
      // A mistyped command became a query; the nearest command is named.
      {{"serch"},
       1,
       "httpstatus: no status code matches 'serch'; did you mean the command "
       "'httpstatus search'?\n"},
      {{"Lint"},
       1,
       "httpstatus: no status code matches 'Lint'; did you mean the command "
       "'httpstatus lint'?\n"},
      {{"4xy"}, 1, "httpstatus: no status code matches '4xy'\n"},
      // Nearly a class: it found 418 and 449 through "4xx" in their text.
      {{"4x"}, 1, "httpstatus: '4x' is not a class; did you mean 4xx?\n"},
      {{"40x"}, 1, "httpstatus: '40x' is not a class; did you mean 4xx?\n"},
      {{"5X"}, 1, "httpstatus: '5X' is not a class; did you mean 5xx?\n"},
      {{"\xff\xfe"}, 1, "httpstatus: no status code matches '\\xff\\xfe'\n"},
      // A long argument is quoted in part: 10 KB made a 10 KB line. The
      // cut falls before a character, not inside one (two-byte "é").
      {{std::string(79, 'a') + "\xc3\xa9" + std::string(10000, 'b')},
       1,
       "httpstatus: no status code matches '" + std::string(79, 'a') +
           "\u2026'\n"},
      {{""},
       2,
       "httpstatus: error: empty query; give a code, a class such as 4xx, or "
       "a name\n"},
  };
  for (const row& r : rows) {
    const outcome o = run_cli(r.args);
    EXPECT_EQ(o.code, r.code) << r.args[0];
    EXPECT_EQ(o.err, r.err);
    EXPECT_EQ(o.out, "");
  }
}

// Errors and reports quote what they were given: characters show as
// themselves ("٤٠٤" was "\xd9\xa4..."), and what a terminal would act on
// rather than show, or what is not UTF-8, as escaped bytes (a raw 0x9b,
// or C1's CSI in UTF-8, used to reach check's and lint's output as is).
TEST(cli, quotes_text_as_characters_and_escapes_what_a_terminal_acts_on) {
  const std::pair<std::string_view, std::string_view> rows[] = {
      {"404 Not Found", "404 Not Found"},
      {"\xd9\xa4\xd9\xa0\xd9\xa4", "\xd9\xa4\xd9\xa0\xd9\xa4"},  // ٤٠٤
      {"\xc2\xa7 9.3", "\xc2\xa7 9.3"},                         // §
      {"\xf0\x9f\x8d\xb5", "\xf0\x9f\x8d\xb5"},                 // 🍵
      {"a\tb\nc\x7f", "a\\x09b\\x0ac\\x7f"},
      {"\x9b" "31m", "\\x9b31m"},                        // 8-bit CSI
      {"\xc2\x9b" "31m", "\\xc2\\x9b31m"},                // CSI as UTF-8
      {"\xe2\x80\xae" "abc", "\\xe2\\x80\\xaeabc"},        // RLO
      {"\xe2\x80\xa8", "\\xe2\\x80\\xa8"},                 // U+2028
      {"caf\xe9", "caf\\xe9"},                           // Latin-1
      {"\xc0\xaf", "\\xc0\\xaf"},                         // overlong '/'
      {"\xed\xa0\x80", "\\xed\\xa0\\x80"},                 // a surrogate
      {"\xe2\x82", "\\xe2\\x82"},                         // cut short
  };
  for (const auto& [text, shown] : rows)
    EXPECT_EQ(printable(text), shown) << printable_row(text);
  const outcome o = run_cli({"\xd9\xa4\xd9\xa0\xd9\xa4"});
  EXPECT_EQ(o.err,
            "httpstatus: no status code matches '\xd9\xa4\xd9\xa0\xd9\xa4'\n");
}

TEST(cli, searches_a_class_as_the_class) {
  const outcome r = run_cli({"search", "4XX"});
  EXPECT_EQ(r.code, 0);
  EXPECT_TRUE(r.out.starts_with("400  Bad Request")) << r.out;
  EXPECT_NE(r.out.find("\n404  Not Found"), std::string::npos);
  EXPECT_NE(r.out.find("\n451  Unavailable For Legal Reasons"),
            std::string::npos);
  EXPECT_EQ(r.out.find("\n5"), std::string::npos);
  EXPECT_EQ(r.err, "");
}

// `search` leaves the vendors' codes out unless -u; when some of them
// match, one line on stderr says so, where it used to say "no status code
// matches 'nginx'" though `httpstatus nginx` finds nginx's codes. Exit
// codes stay: 1 when nothing registered matches, 0 when something does.
// The counts are taken from `search -u`, so that they follow the search.
std::string unofficial_count(const std::string& query) {
  const outcome o = run_cli({"search", "-u", query});
  std::size_t n = 0;
  for (std::size_t at = o.out.find("[unofficial: "); at != std::string::npos;
       at = o.out.find("[unofficial: ", at + 1))
    ++n;
  return n == 1 ? "1 unofficial code" : std::to_string(n) + " unofficial codes";
}

TEST(cli, search_says_when_unofficial_codes_match_too) {
  ASSERT_EQ(unofficial_count("teapot"), "1 unofficial code");
  const std::string none_registered =
      "httpstatus: no registered status code matches ";
  struct row {
    std::vector<std::string> args;
    int code;
    std::string err;
  };
  const row rows[] = {
      {{"search", "nginx"}, 1,
       none_registered + "'nginx'; " + unofficial_count("nginx") +
           " do: httpstatus search -u nginx\n"},
      {{"search", "client", "closed"}, 1,
       none_registered + "'client closed'; " +
           unofficial_count("client closed") +
           " do: httpstatus search -u client closed\n"},
      {{"search", "teapot"}, 0,
       "httpstatus: 1 unofficial code also matches: httpstatus search -u "
       "teapot\n"},
      // The command it suggests quotes what a shell would read otherwise.
      {{"search", "client's"}, 0,
       "httpstatus: " + unofficial_count("client's") +
           " also match: httpstatus search -u 'client'\\''s'\n"},
      // Nothing left out, nothing said; no match at all reads as before.
      {{"search", "Not", "Found"}, 0, ""},
      {{"search", "-u", "teapot"}, 0, ""},
      {{"search", "-u", "nginx"}, 0, ""},
      {{"search", "abc"}, 1, "httpstatus: no status code matches 'abc'\n"},
      // A class is the registry's range, as the lookup shows it.
      {{"search", "4xx"}, 0, ""},
      // The hint is no part of --json's output, nor said beside it; the
      // not-found line is stderr's one line, as for any search.
      {{"--json", "search", "teapot"}, 0, ""},
      {{"--json", "search", "nginx"}, 1,
       none_registered + "'nginx'; " + unofficial_count("nginx") +
           " do: httpstatus search -u nginx\n"},
  };
  for (const row& r : rows) {
    const outcome o = run_cli(r.args);
    EXPECT_EQ(o.code, r.code) << r.args.back();
    EXPECT_EQ(o.err, r.err) << r.args.back();
    EXPECT_EQ(o.out.find("unofficial code"), std::string::npos) << o.out;
  }
  // The hint sits beside the results, which stay IANA's alone.
  const outcome teapot = run_cli({"search", "teapot"});
  EXPECT_TRUE(teapot.out.starts_with("418  I'm a teapot [unused]"))
      << teapot.out;
  EXPECT_EQ(std::count(teapot.out.begin(), teapot.out.end(), '\n'), 1)
      << teapot.out;
}

TEST(cli, trims_whitespace_around_queries) {
  const outcome plain = run_cli({"404"});
  for (const std::string_view query : {" 404 ", "\t404\r\n", "  404"}) {
    const outcome o = run_cli({std::string(query)});
    EXPECT_EQ(o.code, 0) << printable_row(query);
    EXPECT_EQ(o.out, plain.out) << printable_row(query);
    EXPECT_EQ(o.err, "");
  }
  EXPECT_TRUE(run_cli({" 4xx "}).out.starts_with("4xx Client error: "));
  EXPECT_TRUE(run_cli({" teapot\n"}).out.starts_with("418 I'm a teapot"));
  const outcome missing = run_cli({" abc "});
  EXPECT_EQ(missing.err, "httpstatus: no status code matches 'abc'\n");

  const outcome search = run_cli({"search", " 404\n"});
  EXPECT_EQ(search.code, 0);
  EXPECT_TRUE(search.out.starts_with("404  Not Found")) << search.out;
  const outcome nothing = run_cli({"search", " zebra\n"});
  EXPECT_EQ(nothing.code, 1);
  EXPECT_EQ(nothing.err, "httpstatus: no status code matches 'zebra'\n");
}

TEST(cli, rejects_blank_queries_as_usage_errors) {
  const std::string message =
      "httpstatus: error: empty query; give a code, a class such as 4xx, or "
      "a name\n";
  const std::vector<std::string> rows[] = {
      {""},
      {"   "},
      {"\t\n"},
      {"404", " "},
      {"search", ""},
      {"search", "  "},
      {"search", "", " "},
  };
  for (const std::vector<std::string>& args : rows) {
    const outcome o = run_cli(args);
    EXPECT_EQ(o.code, 2) << args.size() << " args, last '" << args.back()
                         << "'";
    EXPECT_EQ(o.err, message);
    EXPECT_EQ(o.out, "");
  }
}

TEST(cli, rejects_arguments_a_subcommand_does_not_take) {
  struct row {
    std::vector<std::string> args;
    std::string err;
  };
  const row rows[] = {
      {{"list", "extra"},
       "httpstatus: error: list: unexpected argument 'extra'\n"},
      {{"list", "--json", "extra"},
       "httpstatus: error: list: unexpected argument 'extra'\n"},
      {{"lint", "r.txt", "other.txt"},
       "httpstatus: error: lint: unexpected argument 'other.txt'\n"},
      {{"check", "http://127.0.0.1:1/", "extra"},
       "httpstatus: error: check: unexpected argument 'extra'\n"},
      {{"404", "search", "redirect"},
       "httpstatus: error: search: unexpected argument '404'\n"},
  };
  for (const row& r : rows) {
    const outcome o = run_cli(r.args);
    EXPECT_EQ(o.code, 2) << r.args[0] << ' ' << r.args[1];
    EXPECT_EQ(o.err, r.err);
    EXPECT_EQ(o.out, "");
  }
  // search takes any number of words.
  EXPECT_EQ(run_cli({"search", "moved", "permanently"}).code, 0);
}

// A repeated option takes one value each time: "-r 'Name: value' FILE"
// read FILE as a second request header, a usage error, and so did
// "check -H 'Name: value' -H ..." for anything but the last argument.
TEST(cli, a_request_header_option_takes_one_value) {
  const std::filesystem::path file =
      std::filesystem::temp_directory_path() /
      ("httpstatus-cli-test-" + std::to_string(::getpid()) + ".txt");
  std::ofstream(file) << "HTTP/1.1 200 OK\r\nDate: Sun, 06 Nov 1994 "
                         "08:49:37 GMT\r\nContent-Type: text/plain\r\n"
                         "Content-Encoding: gzip\r\nContent-Length: 0\r\n"
                         "\r\n";
  const outcome o =
      run_cli({"lint", "-r", "Accept-Encoding: gzip", file.string()});
  const outcome two = run_cli({"lint", "-r", "Accept-Language: en", "-r",
                               "Accept-Encoding: gzip", file.string()});
  std::filesystem::remove(file);
  for (const outcome& r : {o, two}) {
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.err, "");
    // The header reached the rule: the missing Vary is a SHOULD, not info.
    EXPECT_NE(r.out.find("SHOULD vary-missing"), std::string::npos) << r.out;
  }
  const outcome check = run_cli(
      {"check", "-H", "A: b", "-H", "C: d", "http://127.0.0.1:1/", "extra"});
  EXPECT_EQ(check.code, 2);
  EXPECT_EQ(check.err,
            "httpstatus: error: check: unexpected argument 'extra'\n");
}

// The top level's --json is the subcommand's for check and lint: `--json
// lint FILE` printed the text report. serve and export print no JSON, and
// took the flag silently. list's and search's --help name the flags.
TEST(cli, top_level_json_reaches_the_subcommand_or_is_refused) {
  const std::filesystem::path file =
      std::filesystem::temp_directory_path() /
      ("httpstatus-cli-json-" + std::to_string(::getpid()) + ".txt");
  std::ofstream(file) << "HTTP/1.1 204 No Content\r\nDate: Sun, 06 Nov 1994 "
                         "08:49:37 GMT\r\n\r\n";
  const outcome lint = run_cli({"--json", "lint", file.string()});
  std::filesystem::remove(file);
  EXPECT_EQ(lint.code, 0) << lint.err;
  EXPECT_TRUE(lint.out.starts_with("[")) << lint.out;
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"serve", "--json", "--host", "256.0.0.1"},
        std::vector<std::string>{"--json", "export", "/nonexistent/x"}}) {
    const outcome o = run_cli(args);
    EXPECT_EQ(o.code, 2) << args[0];
    EXPECT_NE(o.err.find(": --json applies to lookups, list, search, check "
                         "and lint\n"),
              std::string::npos)
        << o.err;
    EXPECT_EQ(o.out, "");
  }
  for (const std::string sub : {"list", "search"}) {
    const outcome help = run_cli({sub, "--help"});
    EXPECT_EQ(help.code, 0);
    EXPECT_NE(help.out.find("--json"), std::string::npos) << sub;
    EXPECT_NE(help.out.find("--no-color"), std::string::npos) << sub;
  }
}

TEST(cli, rejects_bad_flags_as_usage_errors) {
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"--frobnicate"},
        std::vector<std::string>{"search"}}) {
    const outcome o = run_cli(args);
    EXPECT_EQ(o.code, 2) << args[0];
    // One line, like every other error (CLI11's own form was two, without
    // our prefix).
    EXPECT_TRUE(o.err.starts_with("httpstatus: error: ")) << o.err;
    EXPECT_EQ(std::count(o.err.begin(), o.err.end(), '\n'), 1) << o.err;
    EXPECT_EQ(o.out, "") << args[0];
  }
  const outcome check = run_cli({"check"});
  EXPECT_EQ(check.err, "httpstatus: error: check: url is required (see httpstatus check --help)\n");
}

TEST(cli, numeric_flags_say_whether_a_value_is_no_number_or_out_of_range) {
  struct row {
    std::vector<std::string> args;
    std::string_view says;
  };
  const row rows[] = {
      // CLI11's Range said "not in range 0.001000 to 3600.000000" to both.
      {{"check", "--timeout", "abc", "http://127.0.0.1:1/"},
       "--timeout: 'abc' is not a number"},
      {{"check", "--timeout", "9999", "http://127.0.0.1:1/"},
       "--timeout: 9999 is out of range: 0.001 to 3600"},
      {{"check", "--max-redirs", "2.5", "http://127.0.0.1:1/"},
       "--max-redirs: '2.5' is not a whole number"},
      {{"serve", "--port", "70000"}, "--port: 70000 is out of range: 0 to 65535"},
      {{"serve", "--idle-timeout", "0"},
       "--idle-timeout: 0 is out of range: 1 to 86400000"},
      {{"serve", "--header-limit", "big"},
       "--header-limit: 'big' is not a whole number"},
      // What is echoed cannot drive the terminal.
      {{"check", "--timeout", "\x1b[2J", "http://127.0.0.1:1/"},
       "--timeout: '\\x1b[2J' is not a number"},
  };
  for (const row& r : rows) {
    const outcome o = run_cli(r.args);
    EXPECT_EQ(o.code, 2) << r.args[1];
    EXPECT_NE(o.err.find(r.says), std::string::npos) << o.err;
    EXPECT_EQ(std::count(o.err.begin(), o.err.end(), '\n'), 1) << o.err;
    EXPECT_EQ(o.out, "");
  }
}

TEST(cli, keeps_going_after_a_missing_code) {
  const outcome r = run_cli({"299", "404"});
  EXPECT_EQ(r.code, 1);
  EXPECT_TRUE(r.out.starts_with("404 Not Found\n"));
  EXPECT_NE(r.err.find("299 is unassigned"), std::string::npos);
}

TEST(cli, prints_json_object_for_one_code_and_array_otherwise) {
  const outcome one = run_cli({"--json", "404"});
  EXPECT_EQ(one.code, 0);
  EXPECT_TRUE(one.out.starts_with("{\n  \"code\": 404,\n  \"reason\": \"Not Found\",\n"));
  const outcome two = run_cli({"404", "503", "--json"});
  EXPECT_TRUE(two.out.starts_with("[\n  {\n    \"code\": 404,"));
  const outcome search = run_cli({"search", "redirect", "--json"});
  EXPECT_EQ(search.code, 0);
  EXPECT_TRUE(search.out.starts_with("[\n"));
  const outcome list = run_cli({"list", "--json"});
  EXPECT_TRUE(list.out.starts_with("[\n"));
}

TEST(cli, json_shape_follows_the_queries_not_the_hits) {
  struct row {
    std::vector<std::string> args;
    int code;
    std::string out_start;  // "" for no output at all
  };
  const row rows[] = {
      {{"--json", "404", "abc"}, 1, "[\n  {\n    \"code\": 404,"},
      {{"--json", "abc", "404"}, 1, "[\n  {\n    \"code\": 404,"},
      {{"--json", "299", "abc"}, 1, "[]\n"},
      {{"--json", "299"}, 1, ""},
      {{"--json", "4xx"}, 0, "[\n  {\n    \"code\": 400,"},
      {{"--json", "499"}, 0, "[\n  {\n    \"code\": 499,"},
      {{"--json", "teapot"}, 0, "[\n  {\n    \"code\": 418,"},
      // A searched word is an array even when it finds one code; it was an
      // object for `websocket` (one hit) and an array for `teapot` (two).
      {{"--json", "websocket"}, 0, "[\n  {\n    \"code\": 101,"},
      {{"--json", "not_found"}, 0, "{\n  \"code\": 404,"},
      {{"--json", "http.StatusNotFound"}, 0, "{\n  \"code\": 404,"},
      // A search prints an array even when nothing matches.
      {{"--json", "search", "nginx"}, 1, "[]\n"},
      {{"--json", "search", "zebra"}, 1, "[]\n"},
  };
  for (const row& r : rows) {
    const outcome o = run_cli(r.args);
    EXPECT_EQ(o.code, r.code) << r.args[1];
    if (r.out_start.empty())
      EXPECT_EQ(o.out, "") << r.args[1];
    else
      EXPECT_TRUE(o.out.starts_with(r.out_start)) << r.args[1] << ":\n"
                                                  << o.out;
  }
  EXPECT_EQ(run_cli({"--json", "299"}).err,
            "httpstatus: 299 is unassigned in the IANA registry; clients treat "
            "it as 200 (2xx Success)\n");
}

TEST(cli, lists_the_registry) {
  const outcome plain = run_cli({"list"});
  EXPECT_EQ(plain.code, 0);
  EXPECT_NE(plain.out.find("\n404  Not Found"), std::string::npos);
  EXPECT_EQ(plain.out.find("Unassigned"), std::string::npos);
  EXPECT_EQ(plain.out.find("\n306"), std::string::npos);
  EXPECT_EQ(plain.out.find("nginx"), std::string::npos);

  const outcome all = run_cli({"list", "--all"});
  EXPECT_NE(all.out.find("\n105-199  Unassigned\n"), std::string::npos);
  EXPECT_NE(all.out.find("\n306  Unused [unused]"), std::string::npos);
  EXPECT_LT(all.out.find("\n104  "), all.out.find("\n105-199"));
  EXPECT_LT(all.out.find("\n105-199"), all.out.find("\n200  "));

  const outcome vendors = run_cli({"list", "--unofficial"});
  EXPECT_NE(vendors.out.find("[unofficial: nginx]"), std::string::npos);
}

// --all adds the unassigned ranges; the JSON left them out while the
// table printed them. Each range comes in code order among the codes, as
// {first, last, class, class_name, status: "unassigned"}, and together
// with the codes the list covers 100..599 once.
TEST(cli, list_json_all_has_the_unassigned_ranges) {
  const outcome o = run_cli({"--json", "list", "--all"});
  ASSERT_EQ(o.code, 0) << o.err;
  const boost::json::array list = boost::json::parse(o.out).as_array();
  const std::span<const httpstatus::code_range> ranges =
      httpstatus::unassigned_ranges();
  std::size_t ranges_seen = 0;
  int next = 100;  // the lowest code not yet covered
  for (const boost::json::value& v : list) {
    const boost::json::object& e = v.as_object();
    if (e.contains("code")) {
      EXPECT_EQ(e.at("code").as_int64(), next) << e;
      ++next;
      continue;
    }
    ASSERT_LT(ranges_seen, ranges.size()) << e;
    const httpstatus::code_range& r = ranges[ranges_seen++];
    const auto cls = httpstatus::class_of(r.first);
    ASSERT_TRUE(cls.has_value());
    EXPECT_EQ(httpstatus::class_of(r.last), cls) << r.first;
    const boost::json::object expected = {
        {"first", r.first},
        {"last", r.last},
        {"class", std::string(httpstatus::info(*cls).label)},
        {"class_name", std::string(httpstatus::info(*cls).name)},
        {"status", "unassigned"}};
    EXPECT_EQ(e, expected);
    EXPECT_EQ(r.first, next) << e;
    next = r.last + 1;
  }
  EXPECT_EQ(ranges_seen, ranges.size());
  EXPECT_EQ(next, 600);
  // The first range as the table shows it: 105-199, after 104.
  EXPECT_NE(o.out.find("\"first\": 105,\n    \"last\": 199,"),
            std::string::npos)
      << o.out;
  // Without --all nothing changes: codes only.
  const boost::json::value codes =
      boost::json::parse(run_cli({"--json", "list"}).out);
  for (const boost::json::value& v : codes.as_array())
    EXPECT_TRUE(v.as_object().contains("code")) << v;
}

TEST(cli, colours_only_on_a_terminal) {
  EXPECT_EQ(run_cli({"404"}).out.find('\x1b'), std::string::npos);
  EXPECT_NE(run_cli({"404"}, true).out.find('\x1b'), std::string::npos);
  EXPECT_EQ(run_cli({"404", "--no-color"}, true).out.find('\x1b'), std::string::npos);
}

// Nothing to look up is a usage error: the help went to stdout, where
// `httpstatus --json` gave a script text that is not JSON.
TEST(cli, without_a_query_prints_the_help_on_stderr) {
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{}, std::vector<std::string>{"--json"}}) {
    const outcome o = run_cli(args);
    EXPECT_EQ(o.code, 2) << args.size();
    EXPECT_EQ(o.out, "") << args.size();
    EXPECT_NE(o.err.find("Usage: httpstatus"), std::string::npos) << o.err;
  }
}

TEST(cli, prints_help_and_version) {
  const outcome help = run_cli({"--help"});
  EXPECT_EQ(help.code, 0);
  EXPECT_NE(help.out.find("Exit codes:"), std::string::npos);
  // Every command exits 74 when its output cannot be written; the help of
  // lint and check listed their other codes but not that one.
  for (const std::string sub : {"lint", "check"}) {
    const outcome sub_help = run_cli({sub, "--help"});
    EXPECT_NE(sub_help.out.find("\n  74 the report could not be written"),
              std::string::npos)
        << sub;
  }
  const outcome version = run_cli({"--version"});
  EXPECT_EQ(version.code, 0);
  EXPECT_TRUE(version.out.starts_with("httpstatus "));
}

}  // namespace
