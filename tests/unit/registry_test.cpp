// SPDX-License-Identifier: MIT
// The registry against the shared facts: IANA CSV, unofficial CSV, seed page.
#include "httpstatus/registry.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "httpstatus/parse.hpp"
#include "support/csv.hpp"

namespace {

using namespace httpstatus;

const std::string shared_dir = HTTPSTATUS_SHARED_DIR;

static_assert(find(404)->reason == "Not Found");
static_assert(!find(499).has_value());
static_assert(!find(99).has_value() && !find(600).has_value());
static_assert(*class_of(418) == status_class::client_error);
static_assert(!class_of(600).has_value());
static_assert(find_unofficial(499).size() == 2);
static_assert(is_unassigned(299) && !is_unassigned(200));
static_assert(in_class(status_class::informational).front().code == 100);

// IANA writes an annotation after the bare phrase: "Not Extended
// (OBSOLETED)". The registry keeps the bare phrase and the status apart.
std::string bare_phrase(const std::string& phrase) {
  const std::size_t paren = phrase.find(" (");
  return paren == std::string::npos ? phrase : phrase.substr(0, paren);
}

TEST(registry, has_every_iana_row_with_its_phrase) {
  const auto rows = test::read_csv(shared_dir + "/data/iana-http-status-codes.csv");
  ASSERT_EQ(rows.size(), 75u) << "cannot read the IANA CSV in " << shared_dir;
  std::size_t assigned = 0;
  for (const auto& row : rows) {
    SCOPED_TRACE(row[0]);
    if (row[1] == "Unassigned") continue;
    ++assigned;
    const int code = std::stoi(row[0]);
    const auto s = find(code);
    ASSERT_TRUE(s.has_value());
    if (row[1] == "(Unused)") {
      EXPECT_EQ(s->registration, registration_status::unused);
    } else {
      EXPECT_EQ(s->reason, bare_phrase(row[1]));
    }
  }
  EXPECT_EQ(assigned, 64u);
  EXPECT_EQ(all().size(), assigned);
}

// A name copied from IANA's table, annotation and all, finds its code.
TEST(registry, finds_every_iana_description_by_name) {
  const auto rows = test::read_csv(shared_dir + "/data/iana-http-status-codes.csv");
  ASSERT_EQ(rows.size(), 75u) << "cannot read the IANA CSV in " << shared_dir;
  for (const auto& row : rows) {
    if (row[1] == "Unassigned" || row[1] == "(Unused)") continue;
    EXPECT_EQ(find_by_name(row[1]), std::stoi(row[0])) << row[1];
  }
}

// IANA's Reference column names the defining documents; the registry may
// add a section ("RFC 2774" -> "RFC 2774, Section 7") but keeps every
// document, in order, joined with "; " as the CSV joins them (510 cites
// RFC 2774 and the status change that made it Historic).
TEST(registry, cites_every_iana_reference) {
  const auto rows = test::read_csv(shared_dir + "/data/iana-http-status-codes.csv");
  ASSERT_EQ(rows.size(), 75u) << "cannot read the IANA CSV in " << shared_dir;
  const auto split = [](std::string_view text) {
    std::vector<std::string> parts;
    for (;;) {
      const std::size_t semi = text.find("; ");
      parts.emplace_back(text.substr(0, semi));
      if (semi == std::string_view::npos) return parts;
      text.remove_prefix(semi + 2);
    }
  };
  for (const auto& row : rows) {
    if (row[1] == "Unassigned") continue;
    SCOPED_TRACE(row[0]);
    const auto s = find(std::stoi(row[0]));
    ASSERT_TRUE(s.has_value());
    const std::vector<std::string> cited = split(row[2]);
    const std::vector<std::string> ours = split(s->reference);
    ASSERT_EQ(ours.size(), cited.size()) << s->reference;
    for (std::size_t i = 0; i < cited.size(); ++i) {
      // IANA writes "RFC9110", the registry "RFC 9110".
      std::string doc = cited[i];
      if (doc.starts_with("RFC") && doc.size() > 3 && doc[3] != ' ')
        doc.insert(3, " ");
      EXPECT_TRUE(ours[i] == doc || ours[i].starts_with(doc + ","))
          << ours[i] << " does not cite " << doc;
    }
  }
}

TEST(registry, keeps_iana_annotations_as_status) {
  struct row {
    int code;
    registration_status expected;
  };
  const row rows[] = {
      {104, registration_status::temporary}, {305, registration_status::deprecated},
      {306, registration_status::unused},    {418, registration_status::unused},
      {510, registration_status::obsoleted}, {404, registration_status::standard},
  };
  for (const row& r : rows) EXPECT_EQ(find(r.code)->registration, r.expected) << r.code;
}

TEST(registry, knows_unassigned_ranges_exactly) {
  const auto rows = test::read_csv(shared_dir + "/data/iana-http-status-codes.csv");
  ASSERT_FALSE(rows.empty());
  std::set<int> unassigned;
  for (const auto& row : rows) {
    if (row[1] != "Unassigned") continue;
    const std::size_t dash = row[0].find('-');
    const int first = std::stoi(row[0].substr(0, dash));
    const int last = dash == std::string::npos ? first : std::stoi(row[0].substr(dash + 1));
    for (int c = first; c <= last; ++c) unassigned.insert(c);
  }
  for (int code = 100; code <= 599; ++code) {
    EXPECT_EQ(is_unassigned(code), unassigned.count(code) == 1) << code;
    EXPECT_NE(is_unassigned(code), is_registered(code)) << code;
  }
}

TEST(registry, has_every_unofficial_row_apart_from_iana) {
  const auto rows =
      test::read_csv(shared_dir + "/data/unofficial-http-status-codes.csv");
  ASSERT_EQ(rows.size(), 31u);
  EXPECT_EQ(unofficial().size(), rows.size());
  for (const auto& row : rows) {
    SCOPED_TRACE(row[0] + " " + row[1]);
    const int code = std::stoi(row[0]);
    const std::string& phrase = row[1];
    bool present = false;
    for (const status& s : find_unofficial(code)) {
      EXPECT_EQ(s.registration, registration_status::unofficial);
      EXPECT_FALSE(s.vendor.empty());
      // Vendors that publish no phrase keep an empty reason, so that no
      // description ever goes on the wire as a phrase.
      if (phrase.starts_with("(")) {
        if (s.reason.empty() && s.reference_url == row[3]) present = true;
      } else if (s.reason == phrase) {
        present = true;
      }
    }
    EXPECT_TRUE(present);
  }
}

// The README says whose codes the registry holds; a vendor it does not
// name (599's "Informal" was one) is a fact the reader never learns.
TEST(registry, names_every_vendor_in_the_readme) {
  const std::string readme =
      test::read_file(std::string(HTTPSTATUS_SOURCE_DIR) + "/README.md");
  const std::size_t from = readme.find("### Where the facts come from");
  ASSERT_NE(from, std::string::npos);
  // Prose wraps lines: compare with every run of blanks as one space.
  std::string section;
  for (const char c : readme.substr(from, readme.find("\n## ", from) - from)) {
    const bool blank = c == ' ' || c == '\n';
    if (!blank) section += c;
    else if (!section.empty() && section.back() != ' ') section += ' ';
  }
  std::set<std::string_view> vendors;
  for (const status& s : unofficial()) vendors.insert(s.vendor);
  for (const std::string_view v : vendors)
    EXPECT_NE(section.find(v), std::string::npos) << v;
}

TEST(registry, keeps_vendors_apart) {
  EXPECT_FALSE(find(499).has_value());
  std::set<std::pair<std::string_view, std::string_view>> found;
  for (const status& s : find_unofficial(499)) found.insert({s.vendor, s.reason});
  EXPECT_EQ(found, (std::set<std::pair<std::string_view, std::string_view>>{
                       {"nginx", "Client Closed Request"}, {"Esri", "Token Required"}}));
}

// A vendor's code that only its logs show, or that a client library makes
// up, reached no client: the pages showed an example response for it.
TEST(registry, says_which_codes_no_server_sends) {
  for (const status& s : all()) EXPECT_TRUE(s.on_the_wire) << s.code;
  std::set<std::pair<int, std::string_view>> never;
  for (const status& s : unofficial())
    if (!s.on_the_wire) never.insert({s.code, s.vendor});
  EXPECT_EQ(never,
            (std::set<std::pair<int, std::string_view>>{{444, "nginx"},
                                                        {460, "AWS"},
                                                        {494, "nginx"},
                                                        {495, "nginx"},
                                                        {496, "nginx"},
                                                        {497, "nginx"},
                                                        {499, "nginx"},
                                                        {599, "Tornado"}}));
}

// The seed page writes each row as code, name and meaning run together:
// "404Not FoundThe resource does not exist at this URL."
TEST(registry, has_the_seed_meanings_word_for_word) {
  const std::string page =
      test::read_file(shared_dir + "/seed/http-status-codes-page.txt");
  ASSERT_FALSE(page.empty());
  std::size_t rows = 0;
  std::size_t start = 0;
  while (start < page.size()) {
    std::size_t end = page.find('\n', start);
    if (end == std::string::npos) end = page.size();
    const std::string line = page.substr(start, end - start);
    start = end + 1;
    if (line.size() < 4 || line[0] < '1' || line[0] > '5' ||
        !std::isdigit(static_cast<unsigned char>(line[1])) ||
        !std::isdigit(static_cast<unsigned char>(line[2])) ||
        std::isdigit(static_cast<unsigned char>(line[3])))
      continue;
    // "301 vs 302..." is the callout, not a row.
    if (line[3] == ' ') continue;
    const int code = std::stoi(line.substr(0, 3));
    SCOPED_TRACE(line);
    const auto s = find(code);
    ASSERT_TRUE(s.has_value());
    const std::string rest = line.substr(3);
    ASSERT_TRUE(rest.starts_with(s->reason));
    EXPECT_EQ(s->meaning, rest.substr(s->reason.size()));
    ++rows;
  }
  EXPECT_EQ(rows, 28u);
}

TEST(registry, has_the_seed_class_names) {
  struct row {
    status_class c;
    std::string_view label, name, description;
  };
  const row rows[] = {
      {status_class::informational, "1xx", "Informational",
       "The request was received and the process is continuing."},
      {status_class::success, "2xx", "Success",
       "The request was received, understood, and accepted."},
      {status_class::redirection, "3xx", "Redirection",
       "Further action is needed to complete the request."},
      {status_class::client_error, "4xx", "Client error",
       "The request was malformed or not allowed."},
      {status_class::server_error, "5xx", "Server error",
       "The server failed to fulfil a valid request."},
  };
  for (const row& r : rows) {
    EXPECT_EQ(info(r.c).label, r.label);
    EXPECT_EQ(info(r.c).name, r.name);
    EXPECT_EQ(info(r.c).description, r.description);
  }
}

// A short table of facts that must hold, so that a bad edit to the data
// fails loudly.
// Descriptions an audit found short of their RFC: 425 did not say which
// requests it may answer (RFC 8470 Section 5), 418 called IANA's
// reservation permanent (RFC 9110 Section 15.5.19 lets it be reassigned),
// and 200 forgot that an answer to HEAD has no content.
TEST(registry, describes_what_the_rfc_says_of_a_code) {
  struct row {
    int code;
    std::string_view says;
  };
  const row rows[] = {
      {425, "an intermediary marked with Early-Data: 1"},
      {425, "never in early data again"},
      {418, "RFC 9110 lets it be reassigned if 4xx codes run out"},
      {200, "Apart from answers to HEAD and CONNECT"},
  };
  for (const row& r : rows) {
    const auto s = find(r.code);
    ASSERT_TRUE(s.has_value());
    EXPECT_NE(s->description.find(r.says), std::string_view::npos)
        << r.code << ": " << s->description;
  }
}

TEST(registry, holds_hand_checked_facts) {
  struct row {
    int code;
    std::string_view reason;
    std::string_view reference;
    bool heuristic;
    body_rule body;
  };
  const row rows[] = {
      {100, "Continue", "RFC 9110, Section 15.2.1", false, body_rule::none},
      {103, "Early Hints", "RFC 8297, Section 2", false, body_rule::none},
      {200, "OK", "RFC 9110, Section 15.3.1", true, body_rule::allowed},
      {204, "No Content", "RFC 9110, Section 15.3.5", true, body_rule::none},
      {205, "Reset Content", "RFC 9110, Section 15.3.6", false, body_rule::empty},
      {304, "Not Modified", "RFC 9110, Section 15.4.5", false, body_rule::none},
      {404, "Not Found", "RFC 9110, Section 15.5.5", true, body_rule::allowed},
      {413, "Content Too Large", "RFC 9110, Section 15.5.14", false, body_rule::allowed},
      {418, "I'm a teapot", "RFC 9110, Section 15.5.19", false, body_rule::allowed},
      {422, "Unprocessable Content", "RFC 9110, Section 15.5.21", false, body_rule::allowed},
      {429, "Too Many Requests", "RFC 6585, Section 4", false, body_rule::allowed},
      {451, "Unavailable For Legal Reasons", "RFC 7725, Section 3", true, body_rule::allowed},
      {510, "Not Extended",
       "RFC 2774, Section 7; Status change of HTTP experiments to Historic",
       false, body_rule::allowed},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(r.code);
    const auto s = find(r.code);
    ASSERT_TRUE(s.has_value());
    EXPECT_EQ(s->reason, r.reason);
    EXPECT_EQ(s->reference, r.reference);
    EXPECT_EQ(is_heuristically_cacheable(*s), r.heuristic);
    EXPECT_EQ(s->body, r.body);
  }
  EXPECT_EQ(find(429)->cache, cacheability::never_stored);
  // RFC 9111 Section 3: a cache stores only final responses. Every 1xx
  // was `explicit_only`, storable with explicit freshness.
  for (const status& s : all()) {
    if (s.code < 200) {
      EXPECT_EQ(s.cache, cacheability::never_stored) << s.code;
    }
  }
}

TEST(registry, requires_the_spec_headers) {
  struct row {
    int code;
    std::string_view field;
    requirement level;
  };
  const row rows[] = {
      {101, "Upgrade", requirement::must},
      {103, "Link", requirement::info},
      {206, "Content-Range", requirement::must},
      {206, "Content-Type", requirement::must},
      {206, "Cache-Control", requirement::must},
      {206, "Vary", requirement::must},
      {304, "ETag", requirement::must},
      {304, "Content-Location", requirement::must},
      {304, "Expires", requirement::must},
      {301, "Location", requirement::should},
      {401, "WWW-Authenticate", requirement::must},
      {405, "Allow", requirement::must},
      {407, "Proxy-Authenticate", requirement::must},
      {415, "Accept", requirement::info},
      {415, "Accept-Encoding", requirement::info},
      {416, "Content-Range", requirement::should},
      {426, "Upgrade", requirement::must},
      {429, "Retry-After", requirement::may},
      {451, "Link", requirement::should},
      {503, "Retry-After", requirement::may},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(r.code);
    bool found = false;
    const auto s = find(r.code);
    ASSERT_TRUE(s.has_value());
    for (const header_requirement& h : s->headers)
      if (h.field == r.field) {
        found = true;
        EXPECT_EQ(h.level, r.level);
      }
    EXPECT_TRUE(found);
  }
  EXPECT_TRUE(find(404)->headers.empty());
}

TEST(registry, relates_codes_often_confused) {
  const std::pair<int, int> pairs[] = {{401, 403}, {301, 302}, {302, 307},
                                       {301, 308}, {502, 504}, {404, 410},
                                       {400, 422}, {500, 503}};
  for (const auto& [a, b] : pairs) {
    bool found = false;
    for (const auto r : related_codes(*find(a))) found = found || r == b;
    EXPECT_TRUE(found) << a << " -> " << b;
  }
}

// Invariants, checked by walking the registry itself.
TEST(registry, keeps_its_invariants) {
  std::set<int> heuristic;
  for (const status& s : all()) {
    SCOPED_TRACE(s.code);
    EXPECT_FALSE(s.reason.empty());
    EXPECT_FALSE(s.meaning.empty());
    EXPECT_GE(s.description.size(), s.meaning.size());
    EXPECT_TRUE(s.reference_url.starts_with("https://"));
    EXPECT_TRUE(s.vendor.empty());
    if (s.code / 100 == 1 || s.code == 204 || s.code == 304)
      EXPECT_EQ(s.body, body_rule::none);
    else if (s.code == 205)
      EXPECT_EQ(s.body, body_rule::empty);
    else
      EXPECT_EQ(s.body, body_rule::allowed);
    if (is_heuristically_cacheable(s)) heuristic.insert(s.code);
    for (const auto r : related_codes(s)) {
      EXPECT_NE(r, s.code);
      EXPECT_TRUE(is_registered(r)) << "related " << r;
    }
    for (const header_requirement& h : s.headers) {
      EXPECT_FALSE(h.field.empty());
      EXPECT_TRUE(h.url.starts_with("https://")) << h.field;
    }
  }
  // RFC 9110 Section 15.1's list, plus 451 (RFC 7725 Section 3).
  EXPECT_EQ(heuristic, (std::set<int>{200, 203, 204, 206, 300, 301, 308, 404,
                                      405, 410, 414, 451, 501}));
  for (const status& s : unofficial()) {
    SCOPED_TRACE(s.code);
    EXPECT_FALSE(s.meaning.empty());
    EXPECT_TRUE(s.reference_url.starts_with("https://"));
  }
}

TEST(registry, classes_every_integer) {
  for (int code = -1000; code <= 1000; ++code) {
    const auto c = class_of(code);
    if (code < 100 || code > 599) {
      EXPECT_FALSE(c.has_value()) << code;
      EXPECT_FALSE(effective(code).has_value()) << code;
    } else {
      ASSERT_TRUE(c.has_value()) << code;
      EXPECT_EQ(static_cast<int>(*c), code / 100);
      EXPECT_EQ(effective(code)->code, is_registered(code) ? code : code / 100 * 100);
    }
  }
  EXPECT_TRUE(is_client_error(404) && !is_client_error(500));
  EXPECT_TRUE(is_redirection(399) && !is_redirection(400));
  EXPECT_TRUE(is_informational(100) && !is_informational(99));
  EXPECT_TRUE(is_success(299) && is_server_error(599) && !is_error(600));
  // The same questions of a record, which did not compile.
  for (const status& s : all()) {
    EXPECT_EQ(is_informational(s), is_informational(s.code)) << s.code;
    EXPECT_EQ(is_success(s), is_success(s.code)) << s.code;
    EXPECT_EQ(is_redirection(s), is_redirection(s.code)) << s.code;
    EXPECT_EQ(is_client_error(s), is_client_error(s.code)) << s.code;
    EXPECT_EQ(is_server_error(s), is_server_error(s.code)) << s.code;
    EXPECT_EQ(is_error(s), is_error(s.code)) << s.code;
  }
  static_assert(is_client_error(*find(404))&& noexcept(is_error(*find(503))));
}

// for_each_alias passes on the callback's noexcept, as docs/library.md
// promises for every function of the library.
constexpr auto quiet = [](std::string_view) noexcept {};
constexpr auto loud = [](std::string_view) {};
static_assert(noexcept(for_each_alias(*find(413), quiet)));
static_assert(!noexcept(for_each_alias(*find(413), loud)));

// A status_class holds any byte (its underlying type is std::uint8_t), and
// info() once indexed its table with the value unchecked.
static_assert(info(static_cast<status_class>(0)).name == "Unknown class");
static_assert(info(static_cast<status_class>(6)).label.empty());

TEST(registry, answers_info_for_any_class_value) {
  for (int v = 0; v <= 255; ++v) {
    SCOPED_TRACE(v);
    const class_info& c = info(static_cast<status_class>(v));
    if (v >= 1 && v <= 5) {
      EXPECT_EQ(c.label, std::string(1, static_cast<char>('0' + v)) + "xx");
      EXPECT_EQ(c.value, static_cast<status_class>(v));
    } else {
      EXPECT_TRUE(c.label.empty());
      EXPECT_EQ(c.name, "Unknown class");
    }
  }
}

TEST(registry, lists_classes_in_order) {
  std::size_t total = 0;
  for (const class_info& c : classes()) {
    for (const status& s : in_class(c.value))
      EXPECT_EQ(class_of(s), c.value) << s.code;
    total += in_class(c.value).size();
  }
  EXPECT_EQ(total, all().size());
}

}  // namespace
