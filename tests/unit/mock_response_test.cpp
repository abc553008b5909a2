// SPDX-License-Identifier: MIT
// The mock's response builder over every code, and the entry point.
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <chrono>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "httpstatus/registry.hpp"
#include "mock/mock.hpp"
#include "mock/response.hpp"

namespace mock = httpstatus::server::mock;
using httpstatus::body_rule;
using httpstatus::requirement;
using httpstatus::status;

namespace {

// 1994-11-06 08:49:37 UTC, RFC 9110's example date.
const auto example_time =
    std::chrono::system_clock::time_point(std::chrono::seconds(784111777));

mock::request_info get(std::string_view path = "/status/x") {
  mock::request_info r;
  r.method = "GET";
  r.path = path;
  r.now = example_time;
  return r;
}

// The request that lets each 1xx show itself: 100 needs an Expect, 101 an
// upgrade; the others come as they are.
mock::request_info inviting(int code) {
  mock::request_info r = get();
  if (code == 100) {
    r.expect = "100-continue";
    r.has_body = true;
  }
  if (code == 101) {
    r.upgrade = "websocket";
    r.connection = "keep-alive, Upgrade";
    r.sec_websocket_key = "dGhlIHNhbXBsZSBub25jZQ==";  // RFC 6455's sample
    r.sec_websocket_version = "13";
  }
  return r;
}

mock::target target_of(const status& s) {
  return mock::target{s.code, s, false};
}

// RFC 9110 Section 15.4.1: a 300's content SHOULD list the choices; RFC
// 6585 Section 6: a 511's SHOULD link to the login. Both bodies said only
// what the code means.
TEST(mockresponse, a_300_lists_its_choice_and_a_511_links_the_login) {
  struct row {
    int code;
    std::string_view location;
    std::string_view says;
  };
  const row rows[] = {
      {300, "", "The choices: /status/200 (the preferred one, also in "
                "Location)."},
      {300, "/fr", "The choices: /fr"},
      {511, "", "Log in to the network at /status/200."},
      {511, "/login", "Log in to the network at /login."},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(r.code);
    for (const std::string_view accept : {"text/plain", "text/html"}) {
      mock::request_info req = get();
      req.accept = accept;
      const mock::final_response f =
          mock::build_response(*mock::resolve(r.code), req,
                               {.retry_after = {}, .location = r.location})
              .final_;
      EXPECT_NE(f.body.find(r.says), std::string::npos) << accept << f.body;
    }
  }
}

// The message that carries `code`: an interim one for 1xx, else the final.
struct carrier {
  int code = 0;
  std::string reason;
  const mock::header_list* headers = nullptr;
};

carrier carrier_of(const mock::mock_response& r, int code) {
  for (const mock::interim_response& i : r.interim)
    if (i.code == code) return {i.code, i.reason, &i.headers};
  return {r.final_.code, r.final_.reason, &r.final_.headers};
}

bool has_header(const mock::header_list& h, std::string_view name) {
  for (const mock::header_field& f : h)
    if (f.name.size() == name.size() &&
        std::equal(
            f.name.begin(), f.name.end(), name.begin(),
            [](char a, char b) { return std::tolower(a) == std::tolower(b); }))
      return true;
  return false;
}

std::vector<status> every_code() {
  std::vector<status> list(httpstatus::all().begin(), httpstatus::all().end());
  list.insert(list.end(), httpstatus::unofficial().begin(),
              httpstatus::unofficial().end());
  return list;
}

bool is_nginx_444(const status& s) {
  return s.code == 444 && s.vendor == "nginx";
}

}  // namespace

// The loop the DESIGN promises: the registry's rule rows, read by the lint,
// are all met by the mock's own answers, for every code.
TEST(mockresponse, sends_every_required_header_of_every_code) {
  for (const status& s : every_code()) {
    SCOPED_TRACE(std::to_string(s.code) + " " + std::string(s.vendor));
    const mock::mock_response r =
        mock::build_response(target_of(s), inviting(s.code), {});
    if (is_nginx_444(s)) {
      EXPECT_EQ(r.action, mock::action::close_without_response);
      continue;
    }
    const carrier c = carrier_of(r, s.code);
    EXPECT_EQ(c.code, s.code);
    EXPECT_EQ(c.reason, s.reason);
    for (const httpstatus::header_requirement& h : s.headers) {
      // The mock's 206 is one part, so Content-Range and not multipart.
      if (h.condition == "multipart/byteranges, for multiple parts") continue;
      // Rows that depend on the 200 are held to the mock's own 200 below.
      if (h.condition == httpstatus::if_a_200_had_it) continue;
      EXPECT_TRUE(has_header(*c.headers, h.field))
          << h.field << " (" << to_string(h.level) << ")";
    }
  }
}

// A browser's fetch reads only the response fields CORS exposes: each
// field a code's final answer carries for the registry (415's Accept-Patch
// was left out) is named in Access-Control-Expose-Headers, but those the
// Fetch standard safelists or forbids a script to read.
TEST(mockresponse, exposes_every_field_the_registry_asks_for) {
  constexpr std::string_view not_exposable[] = {
      "Connection",   "Cache-Control", "Content-Language", "Content-Length",
      "Content-Type", "Expires",       "Last-Modified",    "Pragma"};
  for (const status& s : every_code()) {
    if (is_nginx_444(s) || s.code < 200) continue;
    SCOPED_TRACE(std::to_string(s.code) + " " + std::string(s.vendor));
    const mock::final_response f =
        mock::build_response(target_of(s), inviting(s.code), {}).final_;
    const auto exposed = [&] {
      for (const mock::header_field& h : f.headers)
        if (h.name == "Access-Control-Expose-Headers") return h.value;
      return std::string();
    }();
    for (const httpstatus::header_requirement& h : s.headers) {
      if (std::find(std::begin(not_exposable), std::end(not_exposable),
                    h.field) != std::end(not_exposable) ||
          !has_header(f.headers, h.field))
        continue;
      EXPECT_NE((", " + exposed + ",").find(", " + std::string(h.field) + ","),
                std::string::npos)
          << h.field << " not in " << exposed;
    }
    // Each name once, and none a script reads unnamed.
    std::vector<std::string> names;
    for (std::size_t at = 0; at < exposed.size();) {
      const std::size_t comma =
          std::min(exposed.find(", ", at), exposed.size());
      names.push_back(exposed.substr(at, comma - at));
      at = comma + 2;
    }
    std::sort(names.begin(), names.end());
    EXPECT_EQ(std::adjacent_find(names.begin(), names.end()), names.end())
        << exposed;
    for (const std::string_view field : not_exposable)
      EXPECT_EQ(std::find(names.begin(), names.end(), field), names.end())
          << field << " in " << exposed;
  }
}

// RFC 9110 Sections 15.3.7 and 15.4.5: a 206 or a 304 carries the fields
// a 200 would have had. The mock's 200 to the same request is that 200:
// each such field it carries comes with the same value, and a field it
// lacks (Expires, Content-Location) is not made up.
TEST(mockresponse, gives_206_and_304_the_fields_of_its_200) {
  for (const status& s : every_code()) {
    const bool depends_on_the_200 =
        std::any_of(s.headers.begin(), s.headers.end(),
                    [](const httpstatus::header_requirement& h) {
                      return h.condition == httpstatus::if_a_200_had_it;
                    });
    if (!depends_on_the_200) continue;
    // A 200 to CONNECT opens a tunnel and has no Content-Type, so no Vary:
    // neither has a 304 or 206 to CONNECT.
    for (const auto& [method, accept] :
         {std::pair<std::string_view, std::string_view>{"GET", ""},
          {"GET", "application/json"},
          {"HEAD", "text/html"},
          {"CONNECT", ""}}) {
      SCOPED_TRACE(std::to_string(s.code) + " " + std::string(method) +
                   " Accept: " + std::string(accept));
      mock::request_info req = get();
      req.method = method;
      req.accept = accept;
      const mock::final_response ok =
          mock::build_response(*mock::resolve(200), req, {}).final_;
      const mock::final_response f =
          mock::build_response(target_of(s), req, {}).final_;
      ASSERT_EQ(f.code, s.code);
      std::size_t copied = 0;
      for (const httpstatus::header_requirement& h : s.headers) {
        if (h.condition != httpstatus::if_a_200_had_it) continue;
        SCOPED_TRACE(std::string(h.field));
        EXPECT_EQ(f.header(h.field), ok.header(h.field));
        if (ok.header(h.field)) ++copied;
      }
      // Date, Cache-Control, ETag and Vary (not to CONNECT); never Expires
      // nor Content-Location, which the mock's 200 does not send.
      EXPECT_EQ(copied, method == "CONNECT" ? 3u : 4u);
      EXPECT_FALSE(f.header("Expires"));
      EXPECT_FALSE(f.header("Content-Location"));
    }
  }
}

// The mock's 206 sends one range, so it is no multipart/byteranges, and
// its Content-Range row (single part) applies.
TEST(mockresponse, sends_206_as_one_part) {
  const mock::final_response f =
      mock::build_response(*mock::resolve(206), get(), {}).final_;
  ASSERT_TRUE(f.header("Content-Type"));
  EXPECT_EQ(f.header("Content-Type")->find("multipart/"), std::string::npos);
  EXPECT_TRUE(f.header("Content-Range"));
}

TEST(mockresponse, keeps_body_rules_for_every_code_and_method) {
  for (const status& s : every_code()) {
    if (is_nginx_444(s) || httpstatus::is_informational(s.code)) continue;
    for (const std::string_view method : {"GET", "HEAD", "POST", "DELETE"}) {
      SCOPED_TRACE(std::to_string(s.code) + " " + std::string(s.vendor) + " " +
                   std::string(method));
      mock::request_info req = get();
      req.method = method;
      const mock::final_response f =
          mock::build_response(target_of(s), req, {}).final_;
      EXPECT_EQ(f.code, s.code);
      EXPECT_FALSE(f.header("Content-Length"));
      switch (s.body) {
        case body_rule::none:
          EXPECT_TRUE(f.body.empty());
          EXPECT_FALSE(f.content_length);
          EXPECT_FALSE(f.header("Content-Type"));
          break;
        case body_rule::empty:
          EXPECT_TRUE(f.body.empty());
          EXPECT_EQ(f.content_length, 0u);
          break;
        case body_rule::allowed:
          ASSERT_TRUE(f.content_length);
          EXPECT_GT(*f.content_length, 0u);
          if (method == "HEAD") {
            EXPECT_TRUE(f.body.empty());
          } else {
            EXPECT_EQ(f.body.size(), *f.content_length);
          }
          EXPECT_TRUE(f.header("Content-Type"));
          break;
      }
      EXPECT_EQ(f.header("Cache-Control"), "no-store");
      EXPECT_EQ(f.header("Access-Control-Allow-Origin"), "*");
      EXPECT_TRUE(f.header("Access-Control-Expose-Headers"));
      EXPECT_EQ(f.header("Date"), "Sun, 06 Nov 1994 08:49:37 GMT");
    }
  }
}

TEST(mockresponse, gives_head_the_length_of_get) {
  for (const int code : {200, 206, 404, 418, 503}) {
    mock::request_info req = get();
    const auto t = *mock::resolve(code);
    const mock::final_response g = mock::build_response(t, req, {}).final_;
    req.method = "HEAD";
    const mock::final_response h = mock::build_response(t, req, {}).final_;
    EXPECT_EQ(h.content_length, g.content_length) << code;
    EXPECT_TRUE(h.body.empty());
    EXPECT_EQ(h.headers.size(), g.headers.size());
  }
}

namespace {

struct resolve_case {
  int code;
  std::string_view vendor;
  int facts_code;
  std::string_view reason;
  bool is_unassigned;
};

}  // namespace

TEST(mockresponse, resolves_registered_vendor_and_unassigned_codes) {
  const resolve_case cases[] = {
      {404, "", 404, "Not Found", false},
      {418, "", 418, "I'm a teapot", false},
      {499, "", 499, "Token Required", false},  // first vendor: Esri
      {499, "NGINX", 499, "Client Closed Request", false},
      {451, "microsoft", 451, "Redirect", false},  // vendor over IANA
      {451, "nobody", 451, "Unavailable For Legal Reasons", false},
      {299, "", 200, "OK", true},
      {599, "", 599, "Network Connect Timeout Error", false},
      {550, "", 500, "Internal Server Error", true},
  };
  for (const resolve_case& c : cases) {
    SCOPED_TRACE(c.code);
    const auto t = mock::resolve(c.code, c.vendor);
    ASSERT_TRUE(t);
    EXPECT_EQ(t->code, c.code);
    EXPECT_EQ(t->facts.code, c.facts_code);
    EXPECT_EQ(t->facts.reason, c.reason);
    EXPECT_EQ(t->is_unassigned, c.is_unassigned);
  }
  EXPECT_FALSE(mock::resolve(99));
  EXPECT_FALSE(mock::resolve(600));
}

TEST(mockresponse, sends_unassigned_codes_as_asked_with_their_class_rules) {
  for (const int code : {227, 299, 399, 499, 550}) {
    if (httpstatus::is_registered(code) ||
        !httpstatus::find_unofficial(code).empty())
      continue;
    SCOPED_TRACE(code);
    const mock::final_response f =
        mock::build_response(*mock::resolve(code), get(), {}).final_;
    EXPECT_EQ(f.code, code);
    EXPECT_EQ(f.reason, "");
    EXPECT_NE(f.body.find("unassigned"), std::string::npos) << f.body;
    if (httpstatus::is_redirection(code)) {
      EXPECT_EQ(f.header("Location"), "/status/200");
    }
  }
  mock::request_info json = get();
  json.accept = "application/json";
  const auto doc = boost::json::parse(
      mock::build_response(*mock::resolve(299), json, {}).final_.body);
  EXPECT_EQ(doc.at("code"), 299);
  EXPECT_EQ(doc.at("status"), "unassigned");
  EXPECT_EQ(doc.at("treated_as").at("code"), 200);
}

TEST(mockresponse, sends_interim_responses_only_when_they_fit) {
  struct row {
    int code;
    std::string_view expect;
    unsigned version;
    std::vector<int> interim;
  };
  const row rows[] = {
      {100, "100-continue", 11, {100}},
      {100, "", 11, {}},              // no Expect: the 200 comes alone
      {100, "100-continue", 10, {}},  // never a 1xx to HTTP/1.0
      {102, "", 11, {102}},
      {103, "", 11, {103}},
      {104, "", 11, {104}},
      {103, "", 10, {}},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(std::to_string(r.code) + " v" + std::to_string(r.version));
    mock::request_info req = get();
    req.expect = r.expect;
    req.version = r.version;
    const mock::mock_response m =
        mock::build_response(*mock::resolve(r.code), req, {});
    std::vector<int> interim;
    for (const auto& i : m.interim) interim.push_back(i.code);
    EXPECT_EQ(interim, r.interim);
    EXPECT_EQ(m.action, mock::action::respond);
    EXPECT_EQ(m.final_.code, 200);
    EXPECT_EQ(m.final_.reason, "OK");
  }
  const mock::mock_response early =
      mock::build_response(*mock::resolve(103), get(), {});
  ASSERT_EQ(early.interim.size(), 1u);
  EXPECT_EQ(early.interim[0].reason, "Early Hints");
  EXPECT_EQ(early.interim[0].headers.at(0).name, "Link");
  // A stable URL the server serves (the stylesheet's is fingerprinted),
  // with the `as=` a preload needs.
  EXPECT_EQ(early.interim[0].headers.at(0).value,
            "</favicon.svg>; rel=preload; as=image");
}

// A handshake Beast would refuse (with a bare text body and none of the
// mock's fields) is refused by the mock itself, as any bad request is.
TEST(mockresponse, refuses_a_bad_websocket_handshake_itself) {
  struct row {
    std::string_view method, key, version;
    int code;
    std::string_view says;
  };
  const row rows[] = {
      {"POST", "dGhlIHNhbXBsZSBub25jZQ==", "13", 400, "is a GET request"},
      {"GET", "", "13", 400, "needs a Sec-WebSocket-Key"},
      {"GET", "short", "13", 400, "needs a Sec-WebSocket-Key"},
      {"GET", "dGhlIHNhbXBsZSBub25jZQ==x", "13", 400, "Sec-WebSocket-Key"},
      {"GET", "dGhlIHNhbXBsZSBub25j!Q==", "13", 400, "Sec-WebSocket-Key"},
      {"GET", "dGhlIHNhbXBsZSBub25jZQ==", "", 426, "version 13"},
      {"GET", "dGhlIHNhbXBsZSBub25jZQ==", "8", 426, "version 13"},
  };
  for (const row& r : rows) {
    mock::request_info req = inviting(101);
    req.method = r.method;
    req.sec_websocket_key = r.key;
    req.sec_websocket_version = r.version;
    SCOPED_TRACE(std::string(r.method) + " key=" + std::string(r.key) +
                 " version=" + std::string(r.version));
    const mock::mock_response m =
        mock::build_response(*mock::resolve(101), req, {});
    EXPECT_EQ(m.action, mock::action::respond);
    EXPECT_EQ(m.final_.code, r.code);
    EXPECT_NE(m.final_.body.find(r.says), std::string::npos) << m.final_.body;
    EXPECT_EQ(m.final_.header("Cache-Control"), "no-store");
    EXPECT_EQ(m.final_.header("Access-Control-Allow-Origin"), "*");
    if (r.code == 426) {
      EXPECT_EQ(m.final_.header("Sec-WebSocket-Version"), "13");
      EXPECT_EQ(m.final_.header("Upgrade"), "websocket");
      EXPECT_EQ(m.final_.header("Connection"), "Upgrade");
    }
  }
}

TEST(mockresponse, switches_to_websocket_only_when_asked) {
  const mock::mock_response ws =
      mock::build_response(*mock::resolve(101), inviting(101), {});
  EXPECT_EQ(ws.action, mock::action::websocket_echo);
  EXPECT_EQ(ws.final_.code, 101);
  EXPECT_EQ(ws.final_.header("Upgrade"), "websocket");
  // The fields every answer has, which the 101 lacked.
  EXPECT_EQ(ws.final_.header("Cache-Control"), "no-store");
  EXPECT_EQ(ws.final_.header("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(ws.final_.header("Access-Control-Allow-Origin"), "*");

  // The body says what the request asked: it said "asked for no upgrade"
  // to every one of them.
  struct row {
    std::string_view upgrade, connection;
    unsigned version;
    std::string_view says;
  };
  const row refused[] = {
      {"", "", 11, "this request asked for no upgrade."},
      {"websocket", "", 11,  // Connection must name upgrade
       "asked for \"Upgrade: websocket\" without \"Connection: Upgrade\"."},
      {"h2c", "Upgrade", 11,  // not a protocol we speak
       "asked for \"Upgrade: h2c\", a protocol the mock does not speak."},
      {"websocket", "Upgrade", 10,  // HTTP/1.0 ignores Upgrade
       "asked for \"Upgrade: websocket\" in HTTP/1.0, where Upgrade is "
       "ignored"},
  };
  for (const row& r : refused) {
    mock::request_info req = get();
    req.upgrade = r.upgrade;
    req.connection = r.connection;
    req.version = r.version;
    const mock::mock_response m =
        mock::build_response(*mock::resolve(101), req, {});
    SCOPED_TRACE(std::string(r.upgrade) + "/" + std::string(r.connection));
    EXPECT_EQ(m.action, mock::action::respond);
    EXPECT_TRUE(m.interim.empty());
    EXPECT_EQ(m.final_.code, 426);
    EXPECT_EQ(m.final_.header("Upgrade"), "websocket");
    EXPECT_EQ(m.final_.header("Connection"), "Upgrade");
    EXPECT_NE(m.final_.body.find("Upgrade: websocket"), std::string::npos)
        << m.final_.body;
    EXPECT_NE(m.final_.body.find(r.says), std::string::npos) << m.final_.body;
    if (!r.upgrade.empty()) {
      EXPECT_EQ(m.final_.body.find("no upgrade"), std::string::npos)
          << m.final_.body;
    }
  }
  // What is echoed is cut short and, in HTML, escaped.
  mock::request_info req = get();
  const std::string long_upgrade = "<b>" + std::string(100, 'x');
  req.upgrade = long_upgrade;
  req.accept = "text/html";
  const std::string html =
      mock::build_response(*mock::resolve(101), req, {}).final_.body;
  EXPECT_EQ(html.find("<b>"), std::string::npos);
  EXPECT_NE(html.find("&lt;b&gt;" + std::string(61, 'x') + "..."),
            std::string::npos)
      << html;
}

// An HTML answer links to the code's page; an unassigned code has none
// (/codes/299 is a 404), so it links to the x00 it is treated as.
TEST(mockresponse, html_links_to_a_page_that_exists) {
  mock::request_info req = get();
  req.accept = "text/html";
  for (const auto& [code, page] :
       {std::pair{404, "/codes/404"}, std::pair{299, "/codes/200"},
        std::pair{452, "/codes/400"}, std::pair{598, "/codes/500"}}) {
    SCOPED_TRACE(code);
    const std::string html =
        mock::build_response(*mock::resolve(code), req, {}).final_.body;
    EXPECT_NE(html.find(std::string("<a href=\"") + page + "\">"),
              std::string::npos)
        << html;
  }
}

TEST(mockresponse, closes_without_response_for_nginx_444) {
  const mock::mock_response m =
      mock::build_response(*mock::resolve(444), get(), {});
  EXPECT_EQ(m.action, mock::action::close_without_response);
}

TEST(mockresponse, closes_after_408) {
  EXPECT_TRUE(
      mock::build_response(*mock::resolve(408), get(), {}).final_.close);
  EXPECT_FALSE(
      mock::build_response(*mock::resolve(404), get(), {}).final_.close);
}

TEST(mockresponse, closes_when_an_expected_body_was_not_invited) {
  struct row {
    int code;
    unsigned version;
    bool close;
  };
  const row rows[] = {
      {100, 11, false},  // 100 invites the body: read it, keep the connection
      {404, 11, true},
      {200, 11, true},
      {103, 11, true},
      // HTTP/1.0 ignores Expect (RFC 9110 Section 10.1.1): the body was read
      // before the answer, which closed the connection all the same.
      {100, 10, false},
      {404, 10, false},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(r.code);
    mock::request_info req = inviting(100);
    req.version = r.version;
    EXPECT_EQ(
        mock::build_response(*mock::resolve(r.code), req, {}).final_.close,
        r.close);
  }
}

namespace {

struct range_row {
  std::string_view range;
  int code;
  std::string content_range;  // "%L" stands for the length
  std::uint64_t first, last;  // of the 200 body; unused for 416
};

std::string with_length(std::string text, std::size_t length) {
  const std::size_t at = text.find("%L");
  if (at != std::string::npos) text.replace(at, 2, std::to_string(length));
  return text;
}

}  // namespace

TEST(mockresponse, serves_ranges_of_the_200_body) {
  mock::request_info req = get();
  const std::string whole =
      mock::build_response(*mock::resolve(200), req, {}).final_.body;
  const std::size_t n = whole.size();
  ASSERT_GT(n, 20u);
  const range_row rows[] = {
      {"", 206, "bytes 0-" + std::to_string(n - 1) + "/%L", 0, n - 1},
      {"bytes=0-9", 206, "bytes 0-9/%L", 0, 9},
      {"bytes=5-", 206, "bytes 5-" + std::to_string(n - 1) + "/%L", 5, n - 1},
      {"bytes=-7", 206,
       "bytes " + std::to_string(n - 7) + "-" + std::to_string(n - 1) + "/%L",
       n - 7, n - 1},
      {"bytes=3-100000", 206, "bytes 3-" + std::to_string(n - 1) + "/%L", 3,
       n - 1},
      {"bytes=-100000", 206, "bytes 0-" + std::to_string(n - 1) + "/%L", 0,
       n - 1},
      {"bytes=2-4, 3-9", 206, "bytes 2-9/%L", 2, 9},  // coalesced: one part
      // RFC 9110 Section 14.1.1: a set is satisfiable if any range is; one
      // satisfiable range is one part.
      {"bytes=100000-200000, 0-5", 206, "bytes 0-5/%L", 0, 5},
      {"bytes=100000-, -0, 3-4", 206, "bytes 3-4/%L", 3, 4},
      {"bytes=100000-, 200000-", 416, "bytes */%L", 0, 0},
      {"BYTES = 1-1", 206, "bytes 1-1/%L", 1, 1},
      {"items=0-5", 206, "bytes 0-" + std::to_string(n - 1) + "/%L", 0, n - 1},
      {"bytes=9-3", 206, "bytes 0-" + std::to_string(n - 1) + "/%L", 0, n - 1},
      {"bytes=100000-", 416, "bytes */%L", 0, 0},
      {"bytes=-0", 416, "bytes */%L", 0, 0},
  };
  for (const range_row& r : rows) {
    SCOPED_TRACE(r.range);
    req.range = r.range;
    const mock::final_response f =
        mock::build_response(*mock::resolve(206), req, {}).final_;
    EXPECT_EQ(f.code, r.code);
    EXPECT_EQ(f.header("Content-Range"), with_length(r.content_range, n));
    if (r.code == 206) {
      EXPECT_EQ(f.body, whole.substr(r.first, r.last - r.first + 1));
      EXPECT_EQ(f.header("ETag"), mock::etag_of(whole));
    } else {
      EXPECT_EQ(f.reason, "Range Not Satisfiable");
    }
  }
  req.range = "";
  const mock::final_response f416 =
      mock::build_response(*mock::resolve(416), req, {}).final_;
  EXPECT_EQ(f416.header("Content-Range"), "bytes */" + std::to_string(n));
}

// RFC 9110 Section 14.6: ranges apart are sent as multipart/byteranges,
// each part with the 200's Content-Type and its own Content-Range, and the
// header without Content-Range. The mock sent the first range alone.
TEST(mockresponse, serves_several_ranges_as_multipart_byteranges) {
  mock::request_info req = get();
  req.accept = "application/json";
  const std::string whole =
      mock::build_response(*mock::resolve(200), req, {}).final_.body;
  const std::string n = std::to_string(whole.size());
  req.range = "bytes=-3, 0-4";
  const mock::final_response f =
      mock::build_response(*mock::resolve(206), req, {}).final_;
  EXPECT_EQ(f.code, 206);
  EXPECT_FALSE(f.header("Content-Range"));
  EXPECT_EQ(f.header("ETag"), mock::etag_of(whole));
  const std::string_view type = f.header("Content-Type").value_or("");
  const std::string_view prefix = "multipart/byteranges; boundary=";
  ASSERT_TRUE(type.starts_with(prefix)) << type;
  const std::string boundary(type.substr(prefix.size()));
  EXPECT_FALSE(boundary.empty());
  EXPECT_LE(boundary.size(), 70u);  // RFC 2046 Section 5.1.1
  EXPECT_EQ(whole.find(boundary), std::string::npos);
  const std::string tail = whole.substr(whole.size() - 3);
  const std::string expected =
      "--" + boundary + "\r\nContent-Type: application/json\r\n" +
      "Content-Range: bytes " + std::to_string(whole.size() - 3) + "-" +
      std::to_string(whole.size() - 1) + "/" + n + "\r\n\r\n" + tail +
      "\r\n--" + boundary + "\r\nContent-Type: application/json\r\n" +
      "Content-Range: bytes 0-4/" + n + "\r\n\r\n" + whole.substr(0, 5) +
      "\r\n--" + boundary + "--\r\n";
  EXPECT_EQ(f.body, expected);
  EXPECT_EQ(f.content_length, expected.size());

  // The same tag, the same boundary: a retried request gets the same bytes.
  EXPECT_EQ(mock::build_response(*mock::resolve(206), req, {}).final_.body,
            f.body);
}

// GET is the only method that defines range handling; on any other the
// Range is ignored (RFC 9110 Section 14.2), so the 206 is its default part.
// A POST with an unsatisfiable Range got a 416, a PUT the range it named.
TEST(mockresponse, ignores_a_range_on_methods_but_get) {
  mock::request_info req = get();
  const std::string whole =
      mock::build_response(*mock::resolve(200), req, {}).final_.body;
  const mock::final_response plain =
      mock::build_response(*mock::resolve(206), req, {}).final_;
  for (const std::string_view method : {"POST", "PUT", "HEAD", "get"}) {
    SCOPED_TRACE(method);
    for (const std::string_view range : {"bytes=999999-", "bytes=0-3"}) {
      SCOPED_TRACE(range);
      req.method = method;
      req.range = range;
      req.if_range = "\"stale\"";
      const mock::final_response f =
          mock::build_response(*mock::resolve(206), req, {}).final_;
      EXPECT_EQ(f.code, 206);
      EXPECT_EQ(f.header("Content-Range"), plain.header("Content-Range"));
    }
  }
}

// RFC 9110 Section 13.1.5: a Range comes with an If-Range; when that is
// not the current ETag (strong comparison; a date never matches, since the
// mock sends no Last-Modified), the Range is ignored for the full 200.
TEST(mockresponse, honours_if_range_only_when_it_matches) {
  mock::request_info req = get();
  const std::string whole =
      mock::build_response(*mock::resolve(200), req, {}).final_.body;
  const std::string etag = mock::etag_of(whole);
  struct row {
    std::string if_range;
    std::string_view range;
    int code;
    std::string body;
  };
  const row rows[] = {
      {etag, "bytes=0-3", 206, whole.substr(0, 4)},
      {" " + etag + " ", "bytes=0-3", 206, whole.substr(0, 4)},
      {"\"stale\"", "bytes=0-3", 200, whole},
      {"W/" + etag, "bytes=0-3", 200, whole},  // weak: never a strong match
      {"Sun, 06 Nov 1994 08:49:37 GMT", "bytes=0-3", 200, whole},
      {"garbage", "bytes=0-3", 200, whole},
      {"\"stale\"", "bytes=100000-", 200, whole},  // not 416: Range ignored
      {etag, "bytes=100000-", 416, ""},
      {"\"stale\"", "", 206, whole.substr(0, 100)},  // no Range: ignored
  };
  for (const row& r : rows) {
    SCOPED_TRACE("If-Range: " + r.if_range +
                 ", Range: " + std::string(r.range));
    req.if_range = r.if_range;
    req.range = r.range;
    const mock::final_response f =
        mock::build_response(*mock::resolve(206), req, {}).final_;
    EXPECT_EQ(f.code, r.code);
    if (r.code != 416) {
      EXPECT_EQ(f.body, r.body);
    }
    EXPECT_EQ(f.header("Content-Range").has_value(), r.code != 200);
    if (r.code != 416) {
      EXPECT_EQ(f.header("ETag"), etag);
    }
  }
}

// RFC 9110 Sections 13.1.1, 13.1.2 and 13.2.2: the 200 sent a strong ETag
// but answered 200 to `If-None-Match: <that tag>` and to `If-Match: "nope"`.
TEST(mockresponse, evaluates_preconditions_on_answers_with_an_etag) {
  const std::string etag = mock::etag_of(
      mock::build_response(*mock::resolve(200), get(), {}).final_.body);
  struct row {
    int code;
    std::string_view method;
    std::string if_match, if_none_match;
    int answer;
  };
  const row rows[] = {
      {200, "GET", "", etag, 304},
      {200, "GET", "", "*", 304},
      {200, "HEAD", "", "W/" + etag, 304},  // weak comparison
      {200, "GET", "", "\"other\", " + etag, 304},
      {200, "GET", "", "\"other\"", 200},
      {200, "PUT", "", "*", 412},
      {200, "DELETE", "", etag, 412},
      {200, "GET", "\"nope\"", "", 412},
      {200, "GET", etag, "", 200},
      {200, "POST", "\"a,b\", " + etag, "", 200},  // a comma inside a tag
      {200, "GET", "W/" + etag, "", 412},          // strong comparison
      {200, "GET", "*", "", 200},
      {200, "GET", "\"nope\"", etag, 412},  // If-Match is evaluated first
      {200, "GET", etag, etag, 304},
      {206, "GET", "", etag, 304},
      {206, "GET", "\"nope\"", "", 412},
      {200, "CONNECT", "\"nope\"", "", 200},  // no representation selected
      {200, "OPTIONS", "\"nope\"", "*", 200},
      {304, "GET", "\"nope\"", "", 304},   // not a 2xx: ignored
      {201, "GET", "\"nope\"", "*", 201},  // no ETag: nothing to compare
      {404, "GET", "\"nope\"", "*", 404},
      {299, "GET", "\"nope\"", "*", 299},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(std::to_string(r.code) + " " + std::string(r.method) +
                 " If-Match: " + r.if_match +
                 " If-None-Match: " + r.if_none_match);
    mock::request_info req = get();
    req.method = r.method;
    req.if_match = r.if_match;
    req.if_none_match = r.if_none_match;
    const mock::final_response f =
        mock::build_response(*mock::resolve(r.code), req, {}).final_;
    EXPECT_EQ(f.code, r.answer);
    if (r.answer == 304) {
      // The 304 a 200 would have been: its ETag, no body (Section 15.4.5).
      EXPECT_EQ(f.header("ETag"), etag);
      EXPECT_EQ(f.header("Vary"), "Accept");
      EXPECT_TRUE(f.body.empty());
      EXPECT_FALSE(f.content_length);
    }
    if (r.answer == 412 && r.method != "HEAD") {
      EXPECT_NE(f.body.find(r.if_match.empty() ? "If-None-Match" : "If-Match"),
                std::string::npos)
          << f.body;
    }
  }
  // After an interim 103 the final answer is the mock's 200, judged alike.
  mock::request_info req = get();
  req.if_none_match = etag;
  const mock::mock_response early =
      mock::build_response(*mock::resolve(103), req, {});
  ASSERT_EQ(early.interim.size(), 1u);
  EXPECT_EQ(early.final_.code, 304);
}

TEST(mockresponse, sends_the_first_100_bytes_of_a_long_body) {
  mock::request_info req = get();
  req.accept = "application/json";  // the 200's JSON is longer than 100
  const std::string whole =
      mock::build_response(*mock::resolve(200), req, {}).final_.body;
  ASSERT_GT(whole.size(), 100u);
  const mock::final_response f =
      mock::build_response(*mock::resolve(206), req, {}).final_;
  EXPECT_EQ(f.header("Content-Range"),
            "bytes 0-99/" + std::to_string(whole.size()));
  EXPECT_EQ(f.body, whole.substr(0, 100));
  EXPECT_EQ(f.header("Content-Type"), "application/json");
}

TEST(mockresponse, gives_304_the_etag_of_the_200) {
  const mock::request_info req = get();
  const mock::final_response ok =
      mock::build_response(*mock::resolve(200), req, {}).final_;
  const mock::final_response not_modified =
      mock::build_response(*mock::resolve(304), req, {}).final_;
  ASSERT_TRUE(ok.header("ETag"));
  EXPECT_EQ(not_modified.header("ETag"), ok.header("ETag"));
  EXPECT_TRUE(not_modified.body.empty());
  EXPECT_FALSE(not_modified.content_length);
}

// A 2xx to CONNECT opens a tunnel right after its header: it had a body
// and a Content-Length, which a client reads as tunnel data. Now it has
// neither, and the connection closes (the mock tunnels nowhere).
TEST(mockresponse, answers_connect_with_a_header_only_2xx_and_a_close) {
  mock::request_info req = get();
  req.method = "CONNECT";
  for (const int code : {200, 204, 206}) {
    SCOPED_TRACE(code);
    const mock::final_response f =
        mock::build_response(*mock::resolve(code), req, {}).final_;
    EXPECT_EQ(f.code, code);
    EXPECT_FALSE(f.content_length);
    EXPECT_TRUE(f.body.empty());
    EXPECT_FALSE(f.header("Content-Type"));
    EXPECT_TRUE(f.close);
  }
  // Any other answer to CONNECT is an ordinary response.
  const mock::final_response refused =
      mock::build_response(*mock::resolve(407), req, {}).final_;
  EXPECT_TRUE(refused.content_length);
  EXPECT_FALSE(refused.body.empty());
}

// RFC 9110 Section 15.4.5: a 304 sends the Vary the 200 would have sent;
// the 200 is negotiated on Accept (its ETag changes with it), so a cache
// that stored the 304 would otherwise serve it to every Accept.
TEST(mockresponse, gives_304_the_vary_of_the_200) {
  const mock::request_info req = get();
  const mock::final_response ok =
      mock::build_response(*mock::resolve(200), req, {}).final_;
  const mock::final_response not_modified =
      mock::build_response(*mock::resolve(304), req, {}).final_;
  ASSERT_EQ(ok.header("Vary"), "Accept");
  EXPECT_EQ(not_modified.header("Vary"), ok.header("Vary"));
}

TEST(mockresponse, fills_code_specific_headers) {
  struct row {
    int code;
    std::string_view field;
    std::string_view value;
  };
  const row rows[] = {
      {201, "Location", "/status/200"},
      {301, "Location", "/status/200"},
      {300, "Location", "/status/200"},
      {401, "WWW-Authenticate", "Basic realm=\"httpstatus\""},
      {407, "Proxy-Authenticate", "Basic realm=\"httpstatus\""},
      {405, "Allow", "POST, OPTIONS"},
      {413, "Retry-After", "1"},
      {415, "Accept", "application/json"},
      {415, "Accept-Encoding", "identity"},
      {426, "Upgrade", "websocket"},
      {429, "Retry-After", "1"},
      {503, "Retry-After", "1"},
      {451, "Link", "</codes/451>; rel=\"blocked-by\""},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(r.code);
    const mock::final_response f =
        mock::build_response(*mock::resolve(r.code), get(), {}).final_;
    EXPECT_EQ(f.header(r.field), r.value);
  }
  const mock::final_response ms =
      mock::build_response(*mock::resolve(449, "Microsoft"), get(), {}).final_;
  EXPECT_TRUE(ms.header("Ms-Echo-Request"));
}

// Exchange ActiveSync's 451 may name the server to use in X-MS-Location
// (MS-ASHTTP Section 3.1.5.2.2), the registry's header row for it; the
// mock sent none. It points where the mock's 3xx would; the IANA 451 has
// none.
TEST(mockresponse, names_the_new_server_in_microsofts_451) {
  const auto redirect = *mock::resolve(451, "Microsoft");
  EXPECT_EQ(
      mock::build_response(redirect, get(), {}).final_.header("X-MS-Location"),
      "/status/200");
  const mock::response_options there{.retry_after = std::nullopt,
                                     .location = "/status/201"};
  EXPECT_EQ(mock::build_response(redirect, get(), there)
                .final_.header("X-MS-Location"),
            "/status/201");
  EXPECT_FALSE(mock::build_response(*mock::resolve(451), get(), there)
                   .final_.header("X-MS-Location"));
}

TEST(mockresponse, applies_location_and_retry_after_options) {
  const mock::response_options options{.retry_after = 120,
                                       .location = "/status/201"};
  for (const int code : {301, 302, 303, 307, 308}) {
    const mock::final_response f =
        mock::build_response(*mock::resolve(code), get(), options).final_;
    EXPECT_EQ(f.header("Location"), "/status/201") << code;
    EXPECT_EQ(f.header("Retry-After"), "120") << code;
  }
  for (const int code : {413, 429, 503}) {
    const mock::final_response f =
        mock::build_response(*mock::resolve(code), get(), options).final_;
    EXPECT_EQ(f.header("Retry-After"), "120") << code;
  }
  const mock::final_response plain =
      mock::build_response(*mock::resolve(404), get(), options).final_;
  EXPECT_FALSE(plain.header("Retry-After"));
  EXPECT_FALSE(plain.header("Location"));
}

TEST(mockresponse, never_allows_the_refused_method) {
  for (const std::string_view method :
       {"GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH"}) {
    mock::request_info req = get();
    req.method = method;
    const mock::final_response f =
        mock::build_response(*mock::resolve(405), req, {}).final_;
    const auto allow = f.header("Allow");
    ASSERT_TRUE(allow) << method;
    EXPECT_EQ(std::string(*allow).find(method), std::string::npos)
        << method << ": " << *allow;
  }
}

namespace {

struct accept_row {
  std::string_view accept;
  int code;
  std::string_view content_type;
};

}  // namespace

TEST(mockresponse, chooses_the_body_by_accept) {
  const accept_row rows[] = {
      {"", 418, "text/plain; charset=utf-8"},
      {"*/*", 418, "text/plain; charset=utf-8"},
      {"application/json", 418, "application/json"},
      {"application/json, text/plain, */*", 200, "application/json"},
      {"text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", 404,
       "text/html; charset=utf-8"},
      {"application/problem+json", 404, "application/problem+json"},
      {"application/problem+json", 200, "text/plain; charset=utf-8"},
      {"application/problem+json, application/json;q=0.5", 503,
       "application/problem+json"},
      {"application/*", 500, "application/json"},
      {"text/*;q=0.2, application/json;q=0.1", 200,
       "text/plain; charset=utf-8"},
      {"text/html;q=0, */*", 200, "text/plain; charset=utf-8"},
      {"text/plain;q=0, */*;q=0.5", 200, "application/json"},
      {"image/png", 200, "text/plain; charset=utf-8"},
      {"garbage, ;;, /", 200, "text/plain; charset=utf-8"},
      {"application/json;q=2", 200, "text/plain; charset=utf-8"},
      {"TEXT/HTML", 200, "text/html; charset=utf-8"},
  };
  for (const accept_row& r : rows) {
    SCOPED_TRACE(std::string(r.accept) + " for " + std::to_string(r.code));
    mock::request_info req = get();
    req.accept = r.accept;
    const mock::final_response f =
        mock::build_response(*mock::resolve(r.code), req, {}).final_;
    EXPECT_EQ(f.header("Content-Type"), r.content_type);
    EXPECT_EQ(f.header("Vary"), "Accept");
  }
}

TEST(mockresponse, writes_each_body_kind) {
  mock::request_info req = get("/status/418");
  const auto teapot = *mock::resolve(418);
  const std::string text = mock::build_response(teapot, req, {}).final_.body;
  EXPECT_EQ(text.rfind("418 I'm a teapot\n", 0), 0u) << text;

  req.accept = "application/json";
  const auto doc =
      boost::json::parse(mock::build_response(teapot, req, {}).final_.body);
  EXPECT_EQ(doc.at("code"), 418);
  EXPECT_EQ(doc.at("reason"), "I'm a teapot");

  req.accept = "application/problem+json";
  const auto problem =
      boost::json::parse(mock::build_response(teapot, req, {}).final_.body);
  EXPECT_EQ(problem.at("status"), 418);
  EXPECT_EQ(problem.at("title"), "I'm a teapot");
  EXPECT_EQ(problem.at("type"), "about:blank");

  req.accept = "text/html";
  const std::string html = mock::build_response(teapot, req, {}).final_.body;
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find("<title>418 I&#39;m a teapot</title>"),
            std::string::npos);
  EXPECT_NE(html.find("<a href=\"/codes/418\">"), std::string::npos);
}

// AWS's 460 has no published phrase: its problem document had "title": "".
TEST(mockresponse, problem_without_a_phrase_has_no_empty_title) {
  mock::request_info req = get();
  req.accept = "application/problem+json";
  const auto t = *mock::resolve(460);
  ASSERT_TRUE(t.facts.reason.empty());
  const auto problem =
      boost::json::parse(mock::build_response(t, req, {}).final_.body);
  EXPECT_EQ(problem.at("status"), 460);
  EXPECT_FALSE(problem.as_object().contains("title"));
  EXPECT_FALSE(problem.at("detail").as_string().empty());
}

TEST(mockresponse, echoes_nothing_live) {
  const std::string_view evil = "/status/418<script>alert(\"x\")</script>&'";
  mock::request_info req = get(evil);
  req.accept = "text/html, <script>alert(1)</script>";
  const std::string html =
      mock::build_response(*mock::resolve(418), req, {}).final_.body;
  EXPECT_EQ(html.find("<script"), std::string::npos) << html;
  EXPECT_NE(
      html.find("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;"),
      std::string::npos)
      << html;

  // A detail echoing input stays a JSON string.
  mock::sequence_store store;
  const mock::mock_answer a =
      mock::answer("\"><script>x</script>", "", get(), store, {});
  const auto doc = boost::json::parse(a.response.final_.body);
  EXPECT_EQ(doc.at("status"), 400);
  EXPECT_EQ(
      doc.at("detail"),
      "'\"><script>x</script>' is not a status code: expected three digits");
}

TEST(mockresponse, answers_a_preflight_and_mocks_a_plain_options) {
  mock::request_info req = get();
  req.method = "OPTIONS";
  EXPECT_FALSE(mock::is_preflight(req));
  const mock::final_response plain =
      mock::build_response(*mock::resolve(503), req, {}).final_;
  EXPECT_EQ(plain.code, 503);

  req.access_control_request_method = "PURGE";
  req.access_control_request_headers = "X-Requested-With, content-type";
  ASSERT_TRUE(mock::is_preflight(req));
  const mock::final_response f = mock::build_preflight(req).final_;
  EXPECT_EQ(f.code, 204);
  EXPECT_EQ(f.reason, "No Content");
  EXPECT_FALSE(f.content_length);
  EXPECT_TRUE(f.body.empty());
  EXPECT_EQ(f.header("Access-Control-Allow-Origin"), "*");
  EXPECT_EQ(f.header("Access-Control-Allow-Methods"),
            "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS, PURGE");
  EXPECT_EQ(f.header("Access-Control-Allow-Headers"),
            "X-Requested-With, content-type");
  EXPECT_EQ(f.header("Access-Control-Max-Age"), "600");

  req.access_control_request_method = "GET";
  req.access_control_request_headers = "X-Ok, Bad Header\r\nSet-Cookie: a=b";
  const mock::final_response g = mock::build_preflight(req).final_;
  EXPECT_EQ(g.header("Access-Control-Allow-Methods"),
            "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
  EXPECT_FALSE(g.header("Access-Control-Allow-Headers"));
}

TEST(mockresponse, reports_errors_as_problem_json) {
  mock::request_info req = get();
  const mock::final_response f =
      mock::build_error("sleep must be at most 10000 ms", req).final_;
  EXPECT_EQ(f.code, 400);
  EXPECT_EQ(f.reason, "Bad Request");
  EXPECT_EQ(f.header("Content-Type"), "application/problem+json");
  EXPECT_EQ(f.header("Cache-Control"), "no-store");
  const auto doc = boost::json::parse(f.body);
  EXPECT_EQ(doc.at("detail"), "sleep must be at most 10000 ms");
  EXPECT_EQ(f.content_length, f.body.size());
  req.method = "HEAD";
  const mock::final_response h = mock::build_error("x", req).final_;
  EXPECT_TRUE(h.body.empty());
  EXPECT_TRUE(h.content_length);
}

TEST(mockresponse, answers_through_the_entry_point) {
  mock::sequence_store store;
  const mock::spec_limits limits;
  const mock::request_info req = get();
  std::vector<int> codes;
  for (int i = 0; i < 4; ++i)
    codes.push_back(
        mock::answer("503,503,200", "sequence=client-a", req, store, limits)
            .response.final_.code);
  EXPECT_EQ(codes, (std::vector<int>{503, 503, 200, 200}));

  const mock::mock_answer slow =
      mock::answer("200", "sleep=250", req, store, limits);
  EXPECT_EQ(slow.sleep, std::chrono::milliseconds(250));

  const mock::mock_answer bad =
      mock::answer("600", "sleep=250", req, store, limits);
  EXPECT_EQ(bad.response.final_.code, 400);
  EXPECT_EQ(bad.sleep, std::chrono::milliseconds(0));

  const mock::mock_answer key = mock::answer(
      "200", "sequence=" + std::string(200, 'k'), req, store, limits);
  EXPECT_EQ(key.response.final_.code, 400);
  EXPECT_NE(key.response.final_.body.find("longer than 128 bytes"),
            std::string::npos);

  mock::request_info preflight = req;
  preflight.method = "OPTIONS";
  preflight.access_control_request_method = "DELETE";
  EXPECT_EQ(mock::answer("garbage", "", preflight, store, limits)
                .response.final_.code,
            204);

  const mock::mock_answer vendor =
      mock::answer("499", "vendor=nginx", req, store, limits);
  EXPECT_EQ(vendor.response.final_.reason, "Client Closed Request");

  const mock::mock_answer redirect =
      mock::answer("302", "location=%2Fcodes%2F302", req, store, limits);
  EXPECT_EQ(redirect.response.final_.header("Location"), "/codes/302");
}

// A request whose sleep the server refuses (--max-sleeping) answers no
// step of its sequence: the step was taken before the refusal, so a test
// that met the limit twice found its 500 and 502 gone, and got 200.
TEST(mockresponse, a_refused_sleep_uses_up_no_step) {
  mock::sequence_store store;
  const mock::spec_limits limits;
  const mock::request_info req = get();
  int asked = 0;
  const auto refuse = [&] {
    ++asked;
    return false;
  };
  for (int i = 0; i < 2; ++i) {
    const mock::mock_answer a = mock::answer(
        "500,502,200", "sequence=k&sleep=100", req, store, limits, refuse);
    EXPECT_TRUE(a.sleep_refused);
    EXPECT_EQ(a.sleep, std::chrono::milliseconds(0));
  }
  EXPECT_EQ(asked, 2);
  EXPECT_EQ(mock::answer("500,502,200", "sequence=k", req, store, limits)
                .response.final_.code,
            500);
  // Admitted, the sleep is kept and the step taken; without a sleep the
  // question is not asked.
  const mock::mock_answer admitted =
      mock::answer("500,502,200", "sequence=k&sleep=100", req, store, limits,
                   [] { return true; });
  EXPECT_FALSE(admitted.sleep_refused);
  EXPECT_EQ(admitted.sleep, std::chrono::milliseconds(100));
  EXPECT_EQ(admitted.response.final_.code, 502);
  EXPECT_FALSE(
      mock::answer("200", "", req, store, limits, refuse).sleep_refused);
  EXPECT_EQ(asked, 2);
}

TEST(mockresponse, reads_ranges) {
  using kind = mock::byte_ranges::kind;
  using parts = std::vector<mock::byte_span>;
  struct row {
    std::string_view range;
    std::uint64_t length;
    kind outcome;
    parts expected;
  };
  const row rows[] = {
      {"bytes=0-0", 10, kind::satisfiable, {{0, 0}}},
      {"bytes=0-", 10, kind::satisfiable, {{0, 9}}},
      {"bytes=-3", 10, kind::satisfiable, {{7, 9}}},
      {"bytes=-30", 10, kind::satisfiable, {{0, 9}}},
      {"bytes=4-99999999999999999999999", 10, kind::satisfiable, {{4, 9}}},
      {"bytes=10-", 10, kind::unsatisfiable, {}},
      {"bytes=99999999999999999999999-", 10, kind::unsatisfiable, {}},
      {"bytes=-0", 10, kind::unsatisfiable, {}},
      {"bytes=0-5", 0, kind::unsatisfiable, {}},
      {"", 10, kind::none, {}},
      {"bytes=", 10, kind::none, {}},
      {"bytes=a-b", 10, kind::none, {}},
      {"bytes=5-1", 10, kind::none, {}},
      {"bytes=1", 10, kind::none, {}},
      {"lines=1-2", 10, kind::none, {}},
      {"bytes=--1", 10, kind::none, {}},
      // A set: its unsatisfiable ranges are left out, wherever they stand.
      {"bytes=100-200, 0-5", 10, kind::satisfiable, {{0, 5}}},
      {"bytes=0-5, 100-200", 10, kind::satisfiable, {{0, 5}}},
      {"bytes=-0,10-,2-3", 10, kind::satisfiable, {{2, 3}}},
      {"bytes=1-2,,",
       10,
       kind::satisfiable,
       {{1, 2}}},  // empty elements skipped
      {"bytes=100-200, 10-", 10, kind::unsatisfiable, {}},
      {"bytes=100-200, x", 10, kind::none, {}},  // invalid set: ignored
      {"bytes=, ,", 10, kind::none, {}},
      // Apart, the parts stay apart, in the order asked.
      {"bytes=0-1, 5-6", 10, kind::satisfiable, {{0, 1}, {5, 6}}},
      {"bytes=5-6, 0-1", 10, kind::satisfiable, {{5, 6}, {0, 1}}},
      {"bytes=-2, 0-0", 10, kind::satisfiable, {{8, 9}, {0, 0}}},
      // Overlapping or adjacent ranges are coalesced into one part, which
      // stands where its first range was asked.
      {"bytes=0-3, 2-5", 10, kind::satisfiable, {{0, 5}}},
      {"bytes=0-1, 2-3", 10, kind::satisfiable, {{0, 3}}},
      {"bytes=0-1, 0-1", 10, kind::satisfiable, {{0, 1}}},
      {"bytes=8-9, 0-1, 1-4, 4-5", 10, kind::satisfiable, {{8, 9}, {0, 5}}},
      {"bytes=6-7, 0-1, 1-6", 10, kind::satisfiable, {{0, 7}}},
      {"bytes=7-, 0-0, -5", 10, kind::satisfiable, {{5, 9}, {0, 0}}},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(r.range);
    const mock::byte_ranges b = mock::parse_range(r.range, r.length);
    EXPECT_EQ(b.outcome, r.outcome);
    EXPECT_EQ(b.parts, r.expected);
  }
}

TEST(mockresponse, formats_dates_and_tags) {
  EXPECT_EQ(mock::http_date(example_time), "Sun, 06 Nov 1994 08:49:37 GMT");
  EXPECT_EQ(mock::etag_of(""), "\"cbf29ce484222325\"");  // FNV-1a offset basis
  EXPECT_EQ(mock::etag_of("abc"), mock::etag_of("abc"));
  EXPECT_NE(mock::etag_of("abc"), mock::etag_of("abd"));
}

TEST(mockresponse, knows_what_it_can_prepare) {
  EXPECT_TRUE(mock::is_precomputable(404, "GET"));
  EXPECT_TRUE(mock::is_precomputable(200, "HEAD"));
  EXPECT_FALSE(mock::is_precomputable(404, "POST"));
  EXPECT_FALSE(mock::is_precomputable(103, "GET"));
  EXPECT_FALSE(mock::is_precomputable(206, "GET"));
  EXPECT_FALSE(mock::is_precomputable(444, "GET"));
}
