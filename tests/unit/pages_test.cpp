// SPDX-License-Identifier: MIT
// The pages: the seed page word for word, /codes filtering and escaping,
// code pages, and the rules every page keeps (no inline script or style,
// assets that exist, landmarks and headings).
#include "pages.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json/parse.hpp>
#include <fstream>
#include <optional>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "html.hpp"
#include "httpstatus/registry.hpp"

namespace {

using namespace httpstatus;
using namespace httpstatus::render;

const std::string shared_dir = HTTPSTATUS_SHARED_DIR;

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

bool contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

// The page as text is laid out: without the <wbr> marks where a long name
// may wrap, which no reader sees and no copy keeps.
std::string without_wbr(std::string_view html) {
  std::string out;
  for (std::size_t at = 0; at < html.size();) {
    const std::size_t mark = html.find("<wbr>", at);
    out += html.substr(at, mark - at);
    if (mark == std::string_view::npos) break;
    at = mark + 5;
  }
  return out;
}

std::size_t count_of(std::string_view haystack, std::string_view needle) {
  std::size_t n = 0;
  for (std::size_t at = haystack.find(needle); at != std::string_view::npos;
       at = haystack.find(needle, at + needle.size()))
    ++n;
  return n;
}

std::string unescape(std::string_view s) {
  static const std::pair<std::string_view, std::string_view> refs[] = {
      {"&lt;", "<"},
      {"&gt;", ">"},
      {"&quot;", "\""},
      {"&#39;", "'"},
      {"&amp;", "&"}};
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    bool replaced = false;
    for (const auto& [from, to] : refs) {
      if (s.substr(i, from.size()) == from) {
        out += to;
        i += from.size();
        replaced = true;
        break;
      }
    }
    if (!replaced) out += s[i++];
  }
  return out;
}

// The text a reader sees in <body>, as the seed file writes it: tags
// removed, whitespace-only runs between tags dropped (the seed writes table
// cells side by side: "404Not FoundThe resource ..."), references decoded.
std::string visible_text(std::string_view html) {
  html.remove_prefix(std::min(html.size(), html.find("<body")));
  std::string out;
  std::size_t at = 0;
  while (at < html.size()) {
    const std::size_t lt = html.find('<', at);
    const std::string_view text =
        html.substr(at, lt == std::string_view::npos ? lt : lt - at);
    if (text.find_first_not_of(" \n\t") != std::string_view::npos)
      out += unescape(text);
    if (lt == std::string_view::npos) break;
    const std::size_t gt = html.find('>', lt);
    if (gt == std::string_view::npos) break;
    at = gt + 1;
  }
  return out;
}

std::vector<std::string> seed_lines() {
  std::vector<std::string> lines;
  std::istringstream in(
      read_text(shared_dir + "/seed/http-status-codes-page.txt"));
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

// The seed's table rows: the lines that start with a three-digit code.
std::vector<std::string> seed_rows() {
  std::vector<std::string> rows;
  static const std::regex row("^[1-5][0-9][0-9][A-Z].*");
  for (const std::string& line : seed_lines())
    if (std::regex_match(line, row)) rows.push_back(line);
  return rows;
}

// Two reports as `lint::reports_json` writes them (POST /api/v1/lint): a
// 405 that breaks a MUST, and an unassigned code, whose registry fields
// are null.
const boost::json::array& lint_reports() {
  static const boost::json::array reports = boost::json::parse(R"json([
  {"version": "HTTP/1.1", "status": 405, "reason": "Method Not Allowed",
   "registered_reason": "Method Not Allowed",
   "meaning": "The HTTP method is not supported for this resource.",
   "registration": "standard", "reference": "RFC 9110, Section 15.5.6",
   "reference_url": "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.6",
   "class": "4xx", "class_name": "Client error", "must_broken": true,
   "findings": [
     {"rule": "required-header", "strength": "MUST",
      "section": "RFC 9110, Section 15.5.6",
      "url": "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.6",
      "message": "405 without Allow: violates RFC 9110 \u00a715.5.6 (MUST)."},
     {"rule": "date-missing", "strength": "SHOULD",
      "section": "RFC 9110, Section 6.6.1",
      "url": "https://www.rfc-editor.org/rfc/rfc9110#section-6.6.1",
      "message": "No Date <b>here</b>."}]},
  {"version": "HTTP/2", "status": 299, "reason": "",
   "registered_reason": null,
   "meaning": "Not a registered code; clients treat it as 200 OK.",
   "registration": "unassigned", "reference": null, "reference_url": null,
   "class": "2xx", "class_name": "Success", "must_broken": false,
   "findings": []}
])json")
                                                .as_array();
  return reports;
}

// Every page the site serves, rendered once for the checks below.
struct named_page {
  std::string name;
  std::string html;
};

// A small OpenAPI document of the shape the server serves, with text that
// must be escaped.
constexpr std::string_view sample_openapi = R"json({
  "openapi": "3.1.0",
  "info": { "title": "t", "version": "1", "summary": "Codes as JSON <b>." },
  "paths": {
    "/api/v1/codes": { "get": {
      "summary": "List status codes",
      "description": "Sorted by code; `q` searches <script>.",
      "parameters": [
        { "name": "class", "in": "query",
          "schema": { "type": "string", "enum": ["1xx", "4xx"] } },
        { "name": "q", "in": "query", "description": "Words, `all` of them." }
      ],
      "responses": { "200": {}, "400": {} } } },
    "/api/v1/codes/{code}": { "get": {
      "summary": "Describe one status code",
      "parameters": [ { "name": "code", "in": "path", "required": true,
                        "schema": { "pattern": "^[0-9]{3}$" } } ],
      "responses": { "200": {}, "404": {} } } },
    "/api/v1/lint": { "post": { "summary": "Judge a raw HTTP response",
      "responses": { "413": {} } } }
  }
})json";

const std::vector<named_page>& all_pages() {
  static const std::vector<named_page> pages = [] {
    std::vector<named_page> list;
    list.push_back({"/", index_page()});
    list.push_back({"/codes", codes_page("")});
    list.push_back({"/codes?q=redirect", codes_page("redirect")});
    list.push_back(
        {"/codes?q=<script>", codes_page("<script>alert(1)</script>")});
    list.push_back({"404 page", not_found_page("299 is unassigned.",
                                               status_class::success)});
    list.push_back({"/lint", lint_page()});
    list.push_back(
        {"/lint answered",
         lint_page({"HTTP/1.1 405 <x>", "HEAD", "A: b"}, {}, lint_reports())});
    list.push_back(
        {"/lint refused", lint_page({"<script>alert(1)</script>", "GET", ""},
                                    "The input is not an HTTP response.", {})});
    list.push_back({"/lint empty", lint_page({}, {}, {})});
    list.push_back({"/api", api_page(sample_openapi)});
    for (int code = 100; code <= 599; ++code)
      if (std::optional<std::string> p = code_page(code))
        list.push_back({"/codes/" + std::to_string(code), *p});
    return list;
  }();
  return pages;
}

// ------------------------------------------------------------- index ---

TEST(pages, index_shows_every_seed_line_in_order) {
  const std::vector<std::string> lines = seed_lines();
  ASSERT_GT(lines.size(), 40u) << "cannot read the seed page in " << shared_dir;
  const std::string text = visible_text(index_page());
  std::size_t at = 0;
  for (const std::string& line : lines) {
    SCOPED_TRACE(line);
    const std::size_t found = text.find(line, at);
    ASSERT_NE(found, std::string::npos)
        << "missing, or out of the seed's order";
    at = found + line.size();
  }
}

TEST(pages, index_has_exactly_the_seed_rows) {
  const std::vector<std::string> rows = seed_rows();
  ASSERT_EQ(rows.size(), 28u);
  const std::string html = index_page();
  EXPECT_EQ(count_of(html, "<tr data-code="), rows.size());
  for (const std::string& row : rows) {
    SCOPED_TRACE(row);
    const int code = std::stoi(row.substr(0, 3));
    const std::optional<status> s = find(code);
    ASSERT_TRUE(s.has_value());
    EXPECT_EQ(row, std::to_string(code) + std::string(s->reason) +
                       std::string(s->meaning));
    EXPECT_TRUE(contains(html, "<a href=\"/codes/" + row.substr(0, 3) + "\">" +
                                   row.substr(0, 3) + "</a>"));
    EXPECT_TRUE(contains(html, "<td>" + html_escape(s->reason) + "</td><td>" +
                                   html_escape(s->meaning) + "</td>"));
  }
}

TEST(pages, index_dates_the_registry_data) {
  const std::string html = index_page();
  EXPECT_TRUE(contains(html, "Updated <time datetime=\"" +
                                 std::string(registry_checked_date) + "\">" +
                                 long_date(registry_checked_date) + "</time>"));
}

struct date_case {
  std::string_view iso;
  std::string_view expected;
};

constexpr date_case date_cases[] = {
    {"2026-06-26", "June 26, 2026"},
    {"2025-09-15", "September 15, 2025"},
    {"2024-01-01", "January 1, 2024"},
    {"1999-12-31", "December 31, 1999"},
    {"2026-13-01", "2026-13-01"},
    {"not a date", "not a date"},
    {"", ""},
};

TEST(pages, formats_long_dates) {
  for (const date_case& c : date_cases) {
    SCOPED_TRACE(c.iso);
    EXPECT_EQ(long_date(c.iso), c.expected);
  }
}

TEST(pages, index_links_each_reference_once) {
  const std::string html = index_page();
  for (const std::string_view url :
       {"https://www.rfc-editor.org/rfc/rfc9110\"",
        "https://www.iana.org/assignments/http-status-codes/\"",
        "https://www.rfc-editor.org/rfc/rfc8297\"",
        "https://www.rfc-editor.org/rfc/rfc6585\""}) {
    SCOPED_TRACE(url);
    // The IANA link also sits in the footer.
    const std::size_t expected = contains(url, "iana.org") ? 2u : 1u;
    EXPECT_EQ(count_of(html, "href=\"" + std::string(url)), expected);
  }
}

TEST(pages, index_answers_more_questions) {
  const std::string html = index_page();
  for (const std::string_view pair :
       {"302, 303 and 307", "400 or 422", "404 and 410", "500 and 503",
        "502 and 504"}) {
    SCOPED_TRACE(pair);
    EXPECT_TRUE(contains(html, pair));
  }
  EXPECT_EQ(count_of(html, "<h3>"), 7u);
}

TEST(pages, index_has_filter_form_and_theme_switch) {
  const std::string html = index_page();
  EXPECT_TRUE(contains(
      html, "<form class=\"filter\" action=\"/codes\" method=\"get\""));
  EXPECT_TRUE(contains(html, "<label for=\"q\">"));
  EXPECT_TRUE(contains(html, "<input type=\"search\" id=\"q\" name=\"q\""));
  for (const std::string_view theme : {"light", "dark", "system"}) {
    SCOPED_TRACE(theme);
    EXPECT_TRUE(
        contains(html, "<input type=\"radio\" name=\"theme\" id=\"theme-" +
                           std::string(theme) + "\""));
    EXPECT_TRUE(
        contains(html, "<label for=\"theme-" + std::string(theme) + "\">"));
  }
  EXPECT_TRUE(contains(html, "<legend"));
}

// ------------------------------------------------------------- /codes ---

TEST(pages, codes_lists_the_whole_registry) {
  const std::string html = codes_page("");
  for (const status& s : all()) {
    SCOPED_TRACE(s.code);
    EXPECT_TRUE(
        contains(html, "<tr data-code=\"" + std::to_string(s.code) + "\""));
  }
  for (const status& s : unofficial()) {
    SCOPED_TRACE(s.vendor);
    // Appended step by step: GCC 12 at -O2 sees a false overlap (-Wrestrict)
    // in `">" + html_escape(...)`.
    std::string heading = ">";
    heading += html_escape(s.vendor);
    heading += "</h3>";
    EXPECT_TRUE(contains(html, heading));
  }
  EXPECT_EQ(count_of(html, "<tr data-code="),
            all().size() + unofficial().size());
  for (const code_range& r : unassigned_ranges()) {
    SCOPED_TRACE(r.first);
    EXPECT_TRUE(contains(html, "<li>" + std::to_string(r.first)));
  }
  for (const std::string_view badge :
       {"deprecated", "unused", "temporary", "obsoleted"})
    EXPECT_TRUE(contains(
        html, "<span class=\"badge\">" + std::string(badge) + "</span>"))
        << badge;
  EXPECT_FALSE(contains(html, "codes match"));
}

struct filter_case {
  std::string_view query;
  std::vector<int> shown;
  std::vector<int> hidden;
};

TEST(pages, codes_filters_by_query) {
  const filter_case cases[] = {
      {"teapot", {418}, {404, 200}},
      {"404", {404}, {100, 201}},
      {"  redirect  ", {301, 302, 307, 308}, {200, 404}},
      {"nginx", {499, 444}, {200}},
      {"Not Found", {404}, {200}},
      {"no such words anywhere", {}, {100, 200, 404}},
  };
  for (const filter_case& c : cases) {
    SCOPED_TRACE(c.query);
    const std::string html = codes_page(c.query);
    for (const int code : c.shown)
      EXPECT_TRUE(
          contains(html, "<tr data-code=\"" + std::to_string(code) + "\""))
          << code;
    for (const int code : c.hidden)
      EXPECT_FALSE(
          contains(html, "<tr data-code=\"" + std::to_string(code) + "\""))
          << code;
    EXPECT_TRUE(contains(html, "match")) << "no result line";
    EXPECT_FALSE(contains(html, "id=\"unassigned\""));
  }
}

// A search that finds nothing offers the name it likely misspells, as the
// CLI does, with a link to that code's page; "not fond" got only "Try a
// code such as 404".
TEST(pages, codes_search_suggests_a_misspelled_name) {
  const std::string misspelled = codes_page("Unauthorised");
  EXPECT_TRUE(contains(misspelled, "0 codes match"));
  EXPECT_TRUE(contains(
      misspelled, "Did you mean <a href=\"/codes/401\">401 Unauthorized</a>?"))
      << misspelled;
  const std::string unknown = codes_page("zzzzzzzz");
  EXPECT_FALSE(contains(unknown, "Did you mean"));
  EXPECT_TRUE(contains(unknown, "Try a code such as 404"));
}

// Results go best match first, as the CLI and the API order them: by
// class and code, /codes?q=404 opened on 403 (whose description names
// 404), and q=4 on 102 (whose description names RFC 4918).
TEST(pages, codes_results_are_in_rank_order) {
  const auto first_row = [](const std::string& html) {
    const std::size_t at = html.find("<tr data-code=\"");
    return at == std::string::npos ? std::string() : html.substr(at + 15, 3);
  };
  EXPECT_EQ(first_row(codes_page("404")), "404");
  EXPECT_EQ(first_row(codes_page("4")), "400");
  EXPECT_EQ(first_row(codes_page("50")), "500");
  const std::string html = codes_page("404");
  EXPECT_LT(html.find("data-code=\"404\""), html.find("data-code=\"403\""));
}

TEST(pages, codes_counts_matches) {
  EXPECT_TRUE(contains(codes_page("teapot"),
                       "2 codes match \u201c<bdi>teapot</bdi>\u201d"));
  EXPECT_TRUE(contains(codes_page("Early Hints"),
                       "1 code matches \u201c<bdi>Early Hints</bdi>\u201d"));
  EXPECT_TRUE(contains(codes_page("zzzz"),
                       "0 codes match \u201c<bdi>zzzz</bdi>\u201d"));
}

TEST(pages, codes_blank_query_is_the_full_page) {
  EXPECT_EQ(codes_page("   "), codes_page(""));
}

TEST(pages, codes_escapes_the_query_everywhere) {
  const std::string_view attacks[] = {
      "<script>alert(1)</script>",
      "\"><img src=x onerror=alert(1)>",
      "' onfocus='alert(1)",
      "</title><script>x</script>",
  };
  for (const std::string_view q : attacks) {
    SCOPED_TRACE(q);
    const std::string html = codes_page(q);
    const std::string escaped = html_escape(q);
    EXPECT_FALSE(contains(html, q));
    EXPECT_TRUE(contains(html, "name=\"q\" value=\"" + escaped + "\""));
    EXPECT_TRUE(contains(html, "\u201c<bdi>" + escaped + "</bdi>\u201d"));
    EXPECT_EQ(count_of(html, "<script"), 2u);
  }
}

// A results page shows only matches: its heading and breadcrumb say so,
// and "All codes" is a link back, not the page the reader is on.
TEST(pages, codes_results_have_their_own_heading_and_crumb) {
  const std::string all = codes_page("");
  EXPECT_TRUE(contains(all, "<h1>All HTTP status codes</h1>"));
  EXPECT_TRUE(
      contains(all, "<a href=\"/codes\" aria-current=\"page\">All codes</a>"));
  const std::string hits = codes_page("teapot");
  EXPECT_FALSE(contains(hits, "<h1>All HTTP status codes</h1>"));
  // Nor does its introduction promise every code.
  EXPECT_TRUE(contains(all, "<p class=\"intro\">Every code in the IANA"));
  EXPECT_FALSE(contains(hits, "Every code in the IANA"));
  EXPECT_TRUE(contains(hits, "<p class=\"intro\">The codes whose number"));
  EXPECT_TRUE(
      contains(hits, "<h1>Codes matching \u201c<bdi>teapot</bdi>\u201d</h1>"));
  EXPECT_TRUE(contains(hits, "<li><a href=\"/codes\">All codes</a></li>"));
  EXPECT_EQ(count_of(hits, "aria-current=\"page\""), 1u);
  EXPECT_TRUE(contains(hits,
                       "<a href=\"/codes?q=teapot\" aria-current=\"page\">"
                       "Search results</a>"));
  // The query goes back into the link as a query, percent-encoded.
  EXPECT_TRUE(contains(codes_page("a&b c"), "href=\"/codes?q=a%26b%20c\""));
}

// The term sits in an isolate: a right-to-left mark in it cannot reorder
// the sentence around it ("Show all codes" drawn backwards).
TEST(pages, codes_isolates_the_query_wherever_it_is_echoed) {
  const std::string q = "\u202e404 abc";
  const std::string html = codes_page(q);
  EXPECT_TRUE(contains(html, "match \u201c<bdi>" + q + "</bdi>\u201d."));
  // <title> and the description hold text only: Unicode's own isolates.
  EXPECT_TRUE(contains(html, "\u201c\u2068" + q + "\u2069\u201d"));
  EXPECT_EQ(count_of(html, q), count_of(html, "\u2068" + q + "\u2069") +
                                   count_of(html, "<bdi>" + q + "</bdi>") +
                                   count_of(html, "value=\"" + q + "\""));
}

// ---------------------------------------------------------- /codes/N ---

// Each code page says how caches treat it; an interim 1xx said it could be
// stored with explicit freshness, where RFC 9111 Section 3 stores only
// final responses.
TEST(pages, code_pages_say_how_caches_treat_the_code) {
  const struct {
    int code;
    std::string_view note;
  } rows[] = {
      {103, "Never stored by a cache: only a final response is (RFC 9111, "
            "Section 3)."},
      {200, "Heuristically cacheable"},
      {200, "(RFC 9110, Section 15.1)"},
      // RFC 9110 Section 15.1 lists only its own codes; 451's RFC makes it
      // cacheable by default, and its page cited 15.1.
      {451, "explicit freshness information (RFC 7725, Section 3)."},
      // RFC 9111 Section 3: `public` lets a cache store it too.
      {201, "explicit freshness information (Cache-Control: max-age, "
            "Expires) or Cache-Control: public (RFC 9111, Section 3)."},
      {429, "A cache must not store it (RFC 6585)."},
  };
  for (const auto& row : rows) {
    SCOPED_TRACE(row.code);
    const std::optional<std::string> page = code_page(row.code);
    ASSERT_TRUE(page.has_value());
    EXPECT_TRUE(contains(*page, row.note));
  }
}

// A 205 is framed because RFC 9112 Section 6.3 does not count it among
// the implicitly empty answers; its page cited RFC 9110 Section 15.3.6,
// which says only that it has no content.
TEST(pages, code_205_says_where_its_framing_comes_from) {
  const std::optional<std::string> page = code_page(205);
  ASSERT_TRUE(page.has_value());
  EXPECT_TRUE(contains(*page, "Content-Length: 0, an empty chunked body, or "
                              "closing the connection (RFC 9112, Section "
                              "6.3)."));
}

TEST(pages, code_404_has_everything) {
  const std::optional<std::string> page = code_page(404);
  ASSERT_TRUE(page.has_value());
  const std::string_view expected[] = {
      "<title>404 Not Found \u2014 HTTP status codes \u2014 Utilumo</title>",
      "<meta name=\"description\" content=\"The resource does not exist at "
      "this URL.\">",
      "<h1>404 Not Found</h1>",
      "<a href=\"/\">HTTP status codes</a>",
      "<a href=\"/codes#4xx\">4xx Client error</a>",
      "href=\"https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5\"",
      "HTTP/1.1 404 Not Found\n",
      "Content-Type: text/plain; charset=utf-8\n",
      "<th "
      "scope=\"row\">httpstatus</th><td><code>httpstatus::code::not_found</"
      "code>",
      "<code>boost::beast::http::status::not_found</code>",
      "<code>drogon::k404NotFound</code>",
      "<code>httplib::StatusCode::NotFound_404</code>",
      "<code>http.HTTPStatus.NOT_FOUND</code>",
      "<code>http.StatusNotFound</code>",
      "<a href=\"/codes/410\">410 Gone</a>",
      "curl -i http://localhost:8080/status/404</code>",
      "data-copy=\"curl\"",
      "What the spec requires",
      "Heuristically cacheable",
  };
  const std::string text = without_wbr(*page);
  for (const std::string_view s : expected) {
    SCOPED_TRACE(s);
    EXPECT_TRUE(contains(text, s));
  }
  // Long constant names may wrap at their separators on a phone.
  EXPECT_TRUE(
      contains(*page, "<code>http.<wbr>Status<wbr>Not<wbr>Found</code>"));
}

// RFC 9110 Sections 15.3.7 and 15.4.5: the header table names every field
// a 206 or a 304 carries when a 200 would have had it, and the example
// response shows them.
TEST(pages, codes_206_and_304_list_what_a_200_would_have_had) {
  struct row {
    int code;
    std::string_view field;
    std::string_view when;
  };
  const row rows[] = {
      {206, "Content-Range", "single part"},
      {206, "Content-Type", "multipart/byteranges, for multiple parts"},
      {206, "Date", "if a 200 would have had it"},
      {206, "Cache-Control", "if a 200 would have had it"},
      {206, "ETag", "if a 200 would have had it"},
      {206, "Expires", "if a 200 would have had it"},
      {206, "Content-Location", "if a 200 would have had it"},
      {206, "Vary", "if a 200 would have had it"},
      {304, "Content-Location", "if a 200 would have had it"},
      {304, "Date", "if a 200 would have had it"},
      {304, "ETag", "if a 200 would have had it"},
      {304, "Vary", "if a 200 would have had it"},
      {304, "Cache-Control", "if a 200 would have had it"},
      {304, "Expires", "if a 200 would have had it"},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(std::to_string(r.code) + " " + std::string(r.field));
    const std::optional<std::string> page = code_page(r.code);
    ASSERT_TRUE(page.has_value());
    // Each part's MUST is in its own subsection of Section 15.3.7.
    const std::string section = r.field == "Content-Range"  ? "15.3.7.1"
                                : r.field == "Content-Type" ? "15.3.7.2"
                                : r.code == 206             ? "15.3.7"
                                                            : "15.4.5";
    EXPECT_TRUE(contains(
        without_wbr(*page),
        "<tr><th scope=\"row\"><code>" + std::string(r.field) +
            "</code></th><td>MUST</td><td>" + std::string(r.when) +
            "</td><td><a href=\"https://www.rfc-editor.org/rfc/"
            "rfc9110#section-" +
            section + "\">RFC 9110, Section " + section + "</a></td></tr>"));
    EXPECT_TRUE(contains(*page, "\n" + std::string(r.field) + ": "));
  }
}

TEST(pages, code_499_shows_both_vendors) {
  const std::optional<std::string> page = code_page(499);
  ASSERT_TRUE(page.has_value());
  ASSERT_EQ(find_unofficial(499).size(), 2u);
  for (const status& s : find_unofficial(499)) {
    SCOPED_TRACE(s.vendor);
    EXPECT_TRUE(contains(*page, "<h2 id=\""));
    EXPECT_TRUE(contains(*page, "\u2014 " + html_escape(s.vendor) + "</h2>"));
    EXPECT_TRUE(contains(*page, html_escape(s.reason)));
    EXPECT_TRUE(
        contains(*page, "href=\"" + html_escape(s.reference_url) + "\""));
  }
  EXPECT_TRUE(contains(*page, "Client Closed Request"));
  EXPECT_TRUE(contains(*page, "Token Required"));
  EXPECT_EQ(count_of(*page, "<h1>"), 1u);
}

// nginx logs 499 and never sends it, while Esri's 499 is a response: the
// page showed framing, caching and an example for both.
TEST(pages, a_code_no_server_sends_has_no_example_response) {
  const std::optional<std::string> page = code_page(499);
  ASSERT_TRUE(page.has_value());
  EXPECT_TRUE(contains(
      *page,
      "<p class=\"off-the-wire\">No response carries 499: it is nginx's own "
      "record of what happened"));
  EXPECT_FALSE(contains(*page, "id=\"nginx-example\""));
  EXPECT_TRUE(contains(*page, "id=\"esri-example\""));
  EXPECT_EQ(count_of(*page, "No real server sends it; the mock does"), 1u);
  const std::optional<std::string> p404 = code_page(404);
  ASSERT_TRUE(p404.has_value());
  EXPECT_FALSE(contains(*p404, "No response carries"));
}

// "Try it" asks the mock for what the page is about: each vendor's
// meaning by name, a 100 with a body and Expect, a 101 with a handshake.
TEST(pages, code_pages_try_what_the_page_is_about) {
  struct row {
    int code;
    std::vector<std::string_view> commands;
  };
  const row rows[] = {
      {404, {">curl -i http://localhost:8080/status/404</code>"}},
      {100,
       {">curl -i -H 'Expect: 100-continue' --data-binary 'a body' "
        "http://localhost:8080/status/100</code>"}},
      {101,
       {">curl -i --max-time 3 -H 'Connection: Upgrade' -H 'Upgrade: "
        "websocket' -H 'Sec-WebSocket-Version: 13' -H 'Sec-WebSocket-Key: "
        "dGhlIHNhbXBsZSBub25jZQ==' http://localhost:8080/status/101</code>"}},
      {499,
       {"id=\"curl-nginx\"", "'http://localhost:8080/status/499?vendor=nginx'",
        "id=\"curl-esri\"", "'http://localhost:8080/status/499?vendor=Esri'"}},
      {418,
       {">curl -i http://localhost:8080/status/418</code>",
        "'http://localhost:8080/status/418?vendor=RFC%202324'"}},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(r.code);
    const std::string page = code_page(r.code).value();
    for (const std::string_view c : r.commands) {
      std::string escaped = html_escape(c);
      // html_escape turns the markup of the expectation too: keep it.
      for (const auto& [from, to] :
           {std::pair<std::string, std::string>{"&lt;/code&gt;", "</code>"},
            {"&gt;curl", ">curl"},
            {"id=&quot;", "id=\""},
            {"&quot;", "\""}})
        for (std::size_t at = escaped.find(from); at != std::string::npos;
             at = escaped.find(from, at + to.size()))
          escaped.replace(at, from.size(), to);
      EXPECT_TRUE(contains(page, escaped)) << escaped;
    }
  }
}

TEST(pages, code_418_shows_iana_and_rfc_2324) {
  const std::optional<std::string> page = code_page(418);
  ASSERT_TRUE(page.has_value());
  EXPECT_TRUE(contains(*page, "IANA registry</h2>"));
  EXPECT_TRUE(contains(*page, "<span class=\"badge\">unused</span>"));
  ASSERT_FALSE(find_unofficial(418).empty());
  for (const status& s : find_unofficial(418)) {
    EXPECT_TRUE(contains(*page, "\u2014 " + html_escape(s.vendor) + "</h2>"));
    EXPECT_TRUE(
        contains(*page, "href=\"" + html_escape(s.reference_url) + "\""));
  }
  EXPECT_TRUE(contains(*page, "rfc2324"));
}

TEST(pages, code_page_exists_exactly_for_known_codes) {
  for (int code = 100; code <= 599; ++code) {
    SCOPED_TRACE(code);
    const bool known = is_registered(code) || !find_unofficial(code).empty();
    EXPECT_EQ(code_page(code).has_value(), known);
  }
  for (const int code : {299, 0, -1, 99, 600, 1000})
    EXPECT_FALSE(code_page(code).has_value()) << code;
}

// AWS's 460, 463 and 464 have no phrase: their pages were all titled
// "4xx (no reason phrase)", alike in tabs and search results.
TEST(pages, code_page_without_a_phrase_is_named_by_vendor_and_meaning) {
  for (const int code : {460, 463, 464, 530}) {
    SCOPED_TRACE(code);
    const std::string html = code_page(code).value();
    const status& v = find_unofficial(code).front();
    ASSERT_TRUE(v.reason.empty());
    EXPECT_FALSE(contains(html, "<h1>" + std::to_string(code) + " (no reason"));
    EXPECT_TRUE(contains(html, "<h1>" + std::to_string(code) + " \u2014 " +
                                   std::string(v.vendor) + ": " +
                                   html_escape(v.meaning) + "</h1>"));
  }
}

struct framing_case {
  int code;
  bool has_length;
  std::string_view length;
};

// 1xx, 204 and 304 end at the header section; 205 frames an empty body.
constexpr framing_case framing_cases[] = {
    {100, false, ""},
    {101, false, ""},
    {204, false, ""},
    {304, false, ""},
    {205, true, "Content-Length: 0\n"},
    {200, true, "Content-Length: 7\n"},
};

// A page names its own path for search engines; a page whose address holds
// what was typed (a search, a 404, a lint report) asks not to be indexed.
// No page said either, and /codes?q= served an indexable copy of /codes.
TEST(pages, each_page_says_how_it_is_indexed) {
  const std::string canonical = "<link rel=\"canonical\" href=\"";
  const std::string noindex = "<meta name=\"robots\" content=\"noindex\">";
  const std::pair<std::string, std::string> indexed[] = {
      {index_page(), "/"},
      {codes_page(""), "/codes"},
      {*code_page(404), "/codes/404"},
      {*code_page(499), "/codes/499"},
      {lint_page(), "/lint"},
  };
  for (const auto& [html, path] : indexed) {
    EXPECT_TRUE(contains(html, canonical + path + "\">")) << path;
    EXPECT_FALSE(contains(html, noindex)) << path;
  }
  for (const std::string& html :
       {codes_page("teapot"),
        not_found_page("There is nothing at /x.", std::nullopt),
        bad_search_page("The query has a malformed percent escape.")}) {
    EXPECT_TRUE(contains(html, noindex));
    EXPECT_FALSE(contains(html, canonical));
  }
}

TEST(pages, example_response_follows_body_rule) {
  for (const framing_case& c : framing_cases) {
    SCOPED_TRACE(c.code);
    const std::optional<std::string> page = code_page(c.code);
    ASSERT_TRUE(page.has_value());
    EXPECT_EQ(contains(*page, "Content-Length:"), c.has_length);
    if (c.has_length) {
      EXPECT_TRUE(contains(*page, c.length));
    }
  }
  EXPECT_TRUE(contains(*code_page(405), "\nAllow: GET, HEAD\n"));
  EXPECT_TRUE(contains(*code_page(401), "\nWWW-Authenticate: "));
  EXPECT_FALSE(contains(*code_page(100), "Date:"));
  // RFC 9112 Section 4: SP after the code, with or without a phrase.
  EXPECT_TRUE(contains(*code_page(463), "<pre><code>HTTP/1.1 463 \nDate:"));
  EXPECT_TRUE(contains(*code_page(404), "<pre><code>HTTP/1.1 404 Not Found\n"));
}

// --------------------------------------------------------------- 404 ---

// "0404" spells 404: the page links to it, not only names it. And a bidi
// control in the quoted path no longer reorders the rest of the sentence.
TEST(pages, not_found_links_the_suggestion_and_shows_bidi_controls) {
  const std::string html = not_found_page(
      "'0404' is not how a status code is written; did you mean 404?",
      status_class::client_error, 404);
  EXPECT_TRUE(contains(
      html, "<p>Go to <a href=\"/codes/404\">404 Not Found</a>.</p>"));
  const std::string evil =
      not_found_page("There is nothing at /\u202eevil\u2066x.", std::nullopt);
  EXPECT_FALSE(contains(evil, "\u202e"));
  EXPECT_FALSE(contains(evil, "\u2066"));
  EXPECT_TRUE(contains(evil, "There is nothing at /\uFFFDevil\uFFFDx."));
}

TEST(pages, not_found_escapes_why_and_links_class) {
  const std::string page =
      not_found_page("<b>299</b> is \"unassigned\"", status_class::success);
  EXPECT_TRUE(
      contains(page, "&lt;b&gt;299&lt;/b&gt; is &quot;unassigned&quot;"));
  EXPECT_FALSE(contains(page, "<b>299"));
  EXPECT_TRUE(contains(page, "<a href=\"/codes#2xx\">2xx Success codes</a>"));
  EXPECT_TRUE(contains(page, "<h1>Page not found</h1>"));
  const std::string plain = not_found_page("No such page.", std::nullopt);
  EXPECT_FALSE(contains(plain, "/codes#"));
}

// --------------------------------------------------------- every page ---

TEST(pages, no_inline_script_or_style) {
  static const std::regex inline_script("<script(?![^>]*\\ssrc=)[^>]*>",
                                        std::regex::icase);
  static const std::regex handler("<[^>]*\\son[a-z]+=", std::regex::icase);
  for (const named_page& p : all_pages()) {
    SCOPED_TRACE(p.name);
    EXPECT_FALSE(std::regex_search(p.html, inline_script));
    EXPECT_FALSE(contains(p.html, "<style"));
    EXPECT_FALSE(contains(p.html, " style="));
    EXPECT_FALSE(std::regex_search(p.html, handler));
    EXPECT_FALSE(contains(p.html, "javascript:"));
  }
}

TEST(pages, every_referenced_asset_exists) {
  std::set<std::string, std::less<>> paths;
  for (const asset& a : assets()) paths.emplace(a.path);
  static const std::regex ref("(?:href|src)=\"(/(?:assets/|favicon)[^\"]*)\"");
  std::size_t checked = 0;
  for (const named_page& p : all_pages()) {
    SCOPED_TRACE(p.name);
    for (auto it = std::sregex_iterator(p.html.begin(), p.html.end(), ref);
         it != std::sregex_iterator(); ++it) {
      EXPECT_TRUE(paths.contains((*it)[1].str())) << (*it)[1].str();
      ++checked;
    }
  }
  EXPECT_GE(checked, all_pages().size() * 4);
}

TEST(pages, assets_are_fingerprinted_and_typed) {
  static const std::regex fingerprinted(
      "/assets/[a-z]+\\.[0-9a-f]{8}\\.(css|js)");
  std::set<std::string, std::less<>> paths;
  for (const asset& a : assets()) {
    SCOPED_TRACE(a.path);
    EXPECT_TRUE(paths.emplace(a.path).second) << "duplicate path";
    EXPECT_FALSE(a.body.empty());
    EXPECT_FALSE(a.content_type.empty());
    EXPECT_EQ(a.is_fingerprinted,
              std::regex_match(std::string(a.path), fingerprinted));
    if (a.path.ends_with(".css")) {
      EXPECT_EQ(a.content_type, "text/css; charset=utf-8");
      EXPECT_LT(a.body.size(), 8u * 1024u);
      EXPECT_TRUE(contains(a.body, "@media print"));
      EXPECT_TRUE(contains(a.body, "prefers-color-scheme:dark"));
    }
    if (a.path.ends_with(".js")) {
      EXPECT_EQ(a.content_type, "text/javascript; charset=utf-8");
      EXPECT_LT(a.body.size(), 6u * 1024u);
    }
  }
  for (const std::string_view p :
       {"/favicon.svg", "/favicon.ico", "/robots.txt"})
    EXPECT_TRUE(paths.contains(p)) << p;
  std::size_t css = 0, js = 0;
  for (const asset& a : assets()) {
    css += a.path.ends_with(".css");
    js += a.path.ends_with(".js");
  }
  EXPECT_EQ(css, 1u);
  EXPECT_EQ(js, 3u);
}

// The API for people: each operation of the OpenAPI document, its
// parameters, its answers linked to their pages, and a GET to open.
TEST(pages, api_page_shows_every_operation_of_the_document) {
  const std::string html = api_page(sample_openapi);
  EXPECT_TRUE(contains(html, "<h1>JSON API</h1>"));
  EXPECT_TRUE(contains(html, "Codes as JSON &lt;b&gt;."));
  EXPECT_TRUE(contains(html, "<code>GET /api/v1/codes</code></h2>"));
  EXPECT_TRUE(contains(html, "<code>GET /api/v1/codes/{code}</code></h2>"));
  EXPECT_TRUE(contains(html, "<code>POST /api/v1/lint</code></h2>"));
  EXPECT_TRUE(contains(html, "; <code>q</code> searches &lt;script&gt;."));
  EXPECT_FALSE(contains(html, "<script>."));
  EXPECT_TRUE(contains(html, "<code>1xx</code>, <code>4xx</code>"));
  EXPECT_TRUE(contains(html, "Words, <code>all</code> of them."));
  EXPECT_TRUE(contains(html, "path, required"));
  EXPECT_TRUE(contains(html, "<code>^[0-9]{3}$</code>"));
  EXPECT_TRUE(contains(html, "<a href=\"/codes/404\">404 Not Found</a>"));
  EXPECT_TRUE(contains(html, "<a href=\"/codes/413\">413 Content Too Large"));
  EXPECT_TRUE(contains(html, "Try <a href=\"/api/v1/codes/404\">"));
  EXPECT_EQ(count_of(html, "Try <a"), 2u);  // the GETs, not the POST
  EXPECT_THROW((void)api_page("[]"), std::invalid_argument);
  EXPECT_THROW((void)api_page("not json"), std::invalid_argument);
}

TEST(pages, every_page_has_head_and_landmarks) {
  const std::string_view required[] = {
      "<!doctype html>\n<html lang=\"en\">",
      "<meta charset=\"utf-8\">",
      "<meta name=\"viewport\" content=\"width=device-width, "
      "initial-scale=1\">",
      "<meta name=\"color-scheme\" content=\"light dark\">",
      "<link rel=\"icon\" href=\"/favicon.svg\"",
      "<header",
      "<main id=\"main\">",
      "<footer",
      "href=\"/codes\"",
      "href=\"/api\"",
  };
  static const std::regex title("<title>[^<]{10,}</title>");
  static const std::regex description(
      "<meta name=\"description\" content=\"[^\"]{20,}\">");
  for (const named_page& p : all_pages()) {
    SCOPED_TRACE(p.name);
    for (const std::string_view s : required)
      EXPECT_TRUE(contains(p.html, s)) << s;
    EXPECT_TRUE(std::regex_search(p.html, title));
    EXPECT_TRUE(std::regex_search(p.html, description));
    EXPECT_EQ(count_of(p.html, "<h1>"), 1u);
    EXPECT_EQ(count_of(p.html, "<main"), 1u);
  }
}

// Headings never skip a level going down (h2 straight to h4), so a screen
// reader's outline has no holes; ids are unique so labels point right.
TEST(pages, headings_in_order_and_ids_unique) {
  static const std::regex heading("<h([1-6])[ >]");
  static const std::regex id(" id=\"([^\"]+)\"");
  for (const named_page& p : all_pages()) {
    SCOPED_TRACE(p.name);
    int previous = 0;
    for (auto it = std::sregex_iterator(p.html.begin(), p.html.end(), heading);
         it != std::sregex_iterator(); ++it) {
      const int level = std::stoi((*it)[1].str());
      EXPECT_LE(level, previous + 1) << "h" << previous << " then h" << level;
      previous = level;
    }
    std::set<std::string> ids;
    for (auto it = std::sregex_iterator(p.html.begin(), p.html.end(), id);
         it != std::sregex_iterator(); ++it)
      EXPECT_TRUE(ids.insert((*it)[1].str()).second) << (*it)[1].str();
  }
}

TEST(pages, tables_have_labels_and_scoped_headers) {
  static const std::regex table("<table( [^>]*)?>\\s*(<caption>)?");
  for (const named_page& p : all_pages()) {
    SCOPED_TRACE(p.name);
    for (auto it = std::sregex_iterator(p.html.begin(), p.html.end(), table);
         it != std::sregex_iterator(); ++it) {
      const bool labelled =
          contains((*it)[0].str(), "aria-labelledby=") || (*it)[2].matched;
      EXPECT_TRUE(labelled) << (*it)[0].str();
    }
    EXPECT_FALSE(contains(p.html, "<th>"));
  }
}

// ---------------------------------------------------------------- /lint ---

TEST(pages, lint_has_the_form_the_example_and_its_script) {
  const std::string page = lint_page();
  for (const std::string_view s : {
           "<form class=\"lint\" id=\"lint-form\" action=\"/lint\" "
           "method=\"post\">",
           "<textarea id=\"response\" name=\"response\"",
           "<select id=\"method\" name=\"method\"",
           "<option selected>GET</option>",
           "<option>HEAD</option>",
           "name=\"request_headers\"",
           "<button type=\"submit\">Check response</button>",
           "<button type=\"submit\" id=\"lint-example\">Try an "
           "example</button>",
           "value=\"HTTP/1.1 405 Method Not Allowed\n",
           "<p id=\"lint-empty\" class=\"notice\" hidden>",
           "POST /api/v1/lint",
       })
    EXPECT_TRUE(contains(page, s)) << s;
  // The example is the 405 without Allow: no Allow line in it.
  const std::size_t example = page.find("value=\"HTTP/1.1 405");
  EXPECT_FALSE(contains(
      page.substr(example, page.find('"', example + 7) - example), "Allow:"));
  EXPECT_FALSE(contains(page, "id=\"lint-result-h\""));
  static const std::regex lint_js(
      "<script src=\"/assets/lint\\.[0-9a-f]{8}"
      "\\.js\" defer></script>");
  EXPECT_TRUE(std::regex_search(page, lint_js));
  // Only /lint downloads lint.js.
  EXPECT_FALSE(contains(index_page(), "/assets/lint."));
  EXPECT_FALSE(contains(*code_page(404), "/assets/lint."));
}

TEST(pages, lint_shows_findings_beside_the_codes_explanation) {
  const std::string page = lint_page(
      {"HTTP/1.1 405 Method Not Allowed\n", "HEAD", "Accept-Encoding: gzip"},
      {}, lint_reports());
  for (const std::string_view s : {
           "<h2 id=\"lint-result-h\" tabindex=\"-1\">Results: 2 "
           "responses</h2>",
           "<h3 id=\"r1\">Response 1 of 2: <code>HTTP/1.1 405 Method Not "
           "Allowed</code></h3>",
           "<h3 id=\"r2\">Response 2 of 2: <code>HTTP/2 299</code></h3>",
           "<p class=\"verdict\">Breaks a MUST: 1 MUST, 1 SHOULD.</p>",
           "<li class=\"finding finding-must\"><p><strong>MUST</strong> "
           "<code>required-header</code> \u00b7 <a "
           "href=\"https://www.rfc-editor.org/rfc/"
           "rfc9110#section-15.5.6\">RFC 9110, Section 15.5.6</a></p>",
           "<li class=\"finding finding-should\">",
           "<p>No Date &lt;b&gt;here&lt;/b&gt;.</p>",
           "<h4 id=\"r1-code\">What 405 means</h4>",
           "<dt>Class</dt><dd>4xx Client error</dd>",
           "<dt>Meaning</dt><dd>The HTTP method is not supported for this "
           "resource.</dd>",
           "<a href=\"/codes/405\">More about 405</a>",
           "<p class=\"verdict\">No findings: this response breaks no rule "
           "the lint checks.</p>",
           "<h4 id=\"r2-code\">What 299 means</h4>",
           "<dd>Not a registered code; clients treat it as 200 OK.</dd>",
           "<option selected>HEAD</option>",
           "Accept-Encoding: gzip</textarea>",
       })
    EXPECT_TRUE(contains(page, s)) << s;
  // An unassigned code has no page to link to, and no name or source.
  EXPECT_FALSE(contains(page, "/codes/299"));
  EXPECT_EQ(count_of(page, "<dt>Source</dt>"), 1u);
  EXPECT_EQ(count_of(page, "<dt>Name</dt>"), 1u);
  EXPECT_TRUE(contains(page, "<p id=\"lint-empty\" class=\"notice\" hidden>"));

  const boost::json::array one(lint_reports().begin(),
                               lint_reports().begin() + 1);
  const std::string single = lint_page({.response = "x"}, {}, one);
  EXPECT_TRUE(contains(single, ">Result</h2>"));
  EXPECT_TRUE(contains(
      single, "<h3 id=\"r1\"><code>HTTP/1.1 405 Method Not Allowed</code>"));
}

TEST(pages, lint_escapes_everything_it_echoes) {
  const std::string page =
      lint_page({"</textarea><script>alert(1)</script>", "<b>\"x\"</b>",
                 "X: </textarea><img src=x onerror=alert(2)>"},
                "The input <i>is</i> not an HTTP response.", {});
  EXPECT_FALSE(contains(page, "<script>alert"));
  EXPECT_FALSE(contains(page, "<img src=x"));
  EXPECT_FALSE(contains(page, "<b>\"x"));
  EXPECT_FALSE(contains(page, "<i>is</i>"));
  EXPECT_TRUE(contains(page, "&lt;/textarea&gt;&lt;script&gt;alert(1)"));
  EXPECT_TRUE(contains(page,
                       "<option selected>&lt;b&gt;&quot;x&quot;&lt;/b&gt;"
                       "</option>"));
  EXPECT_TRUE(contains(page,
                       "<p class=\"notice\" id=\"lint-problem\">The input "
                       "&lt;i&gt;is&lt;/i&gt; not an HTTP response.</p>"));
  EXPECT_FALSE(contains(page, "id=\"lint-result-h\""));
}

TEST(pages, lint_without_text_says_what_to_paste) {
  const std::string page = lint_page({}, {}, {});
  EXPECT_TRUE(contains(page,
                       "<p id=\"lint-empty\" class=\"notice\">Paste a response "
                       "first"));
  EXPECT_FALSE(contains(page, "id=\"lint-problem\""));
  EXPECT_FALSE(contains(page, "id=\"lint-result-h\""));
}

TEST(pages, index_stays_small) { EXPECT_LT(index_page().size(), 24u * 1024u); }

}  // namespace
