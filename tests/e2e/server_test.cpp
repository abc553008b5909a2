// SPDX-License-Identifier: MIT
// The server in-process, on a free port, through a small synchronous Beast
// client: every route, HEAD, 304, errors, compression, keep-alive,
// pipelining, HTTP/1.0, limits and graceful stop.
#include "server.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/json/parse.hpp>

#include "content.hpp"
#include "e2e/fixture.hpp"
#include "response.hpp"
#include "routes.hpp"
#include "support/decompress.hpp"

namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = boost::beast::http;
using tcp = boost::asio::ip::tcp;
using httpstatus::server::config;
using httpstatus::server::content;
using httpstatus::server::content_security_policy;

using reply = httpstatus::test::message;

using httpstatus::test::client;
using httpstatus::test::gunzip;
using httpstatus::test::unbrotli;

reply get(
    std::uint16_t port, std::string_view target,
    const std::vector<std::pair<std::string, std::string>>& headers = {}) {
  client c(port);
  return c.request(http::verb::get, target, headers);
}

// ---- the fixture
// -------------------------------------------------------------

// Each test gets its own server on a free port (tests/e2e/fixture.hpp).
class e2e : public httpstatus::test::server_fixture {};

// ---- tests
// ---------------------------------------------------------------------

TEST_F(e2e, serves_every_route) {
  struct row {
    const char* target;
    unsigned status;
    const char* reason;
    const char* content_type;
  };
  const row rows[] = {
      {"/", 200, "OK", "text/html; charset=utf-8"},
      {"/codes", 200, "OK", "text/html; charset=utf-8"},
      {"/codes?q=gateway", 200, "OK", "text/html; charset=utf-8"},
      {"/codes/404", 200, "OK", "text/html; charset=utf-8"},
      {"/codes/299", 404, "Not Found", "text/html; charset=utf-8"},
      {"/codes/600", 404, "Not Found", "text/html; charset=utf-8"},
      {"/codes/abc", 404, "Not Found", "text/html; charset=utf-8"},
      {"/api/v1/codes", 200, "OK", "application/json"},
      {"/api/v1/codes?class=4xx", 200, "OK", "application/json"},
      {"/api/v1/codes?q=redirect", 200, "OK", "application/json"},
      {"/api/v1/codes?unofficial=true", 200, "OK", "application/json"},
      {"/api/v1/codes?class=9xx", 400, "Bad Request",
       "application/problem+json"},
      {"/api/v1/codes/418", 200, "OK", "application/json"},
      {"/api/v1/codes/299", 404, "Not Found", "application/problem+json"},
      {"/api/v1/classes", 200, "OK", "application/json"},
      {"/api/v1/openapi.json", 200, "OK", "application/json"},
      {"/healthz", 200, "OK", "text/plain; charset=utf-8"},
      {"/lint", 200, "OK", "text/html; charset=utf-8"},
      {"/robots.txt", 200, "OK", "text/plain; charset=utf-8"},
      {"/favicon.svg", 200, "OK", "image/svg+xml"},
      {"/nowhere", 404, "Not Found", "text/html; charset=utf-8"},
      {"/api/nowhere", 404, "Not Found", "application/problem+json"},
  };
  for (const row& r : rows) {
    const reply res = get(port_, r.target);
    EXPECT_EQ(res.result_int(), r.status) << r.target;
    EXPECT_EQ(res.reason(), r.reason) << r.target;
    EXPECT_EQ(res[http::field::content_type], r.content_type) << r.target;
    EXPECT_EQ(res[http::field::content_length],
              std::to_string(res.body().size()))
        << r.target;
    EXPECT_EQ(res[http::field::server], "httpstatus") << r.target;
    EXPECT_FALSE(res[http::field::date].empty()) << r.target;
    EXPECT_EQ(res["X-Content-Type-Options"], "nosniff") << r.target;
  }
}

TEST_F(e2e, healthz_answers_ok) {
  const reply res = get(port_, "/healthz");
  EXPECT_EQ(res.result_int(), 200u);
  EXPECT_EQ(res.body(), "ok");
}

TEST_F(e2e, serves_fingerprinted_assets_as_immutable) {
  int seen = 0;
  for (const auto& [path, r] : site_->all()) {
    if (r.kind != httpstatus::server::resource_kind::asset ||
        !path.starts_with("/assets/"))
      continue;
    const reply res = get(port_, path);
    EXPECT_EQ(res.result_int(), 200u) << path;
    EXPECT_EQ(res[http::field::cache_control],
              "public, max-age=31536000, immutable")
        << path;
    ++seen;
  }
  EXPECT_GT(seen, 0);
}

TEST_F(e2e, head_has_the_headers_of_get_and_no_body) {
  for (const char* target : {"/", "/codes/404", "/api/v1/codes", "/healthz",
                             "/nowhere", "/api/v1/codes/299"}) {
    client c(port_);
    const reply with_get = c.request(http::verb::get, target);
    const reply head = c.request(http::verb::head, target);
    EXPECT_EQ(head.result_int(), with_get.result_int()) << target;
    EXPECT_TRUE(head.body().empty()) << target;
    for (const http::field f :
         {http::field::content_length, http::field::content_type,
          http::field::etag, http::field::cache_control, http::field::vary})
      EXPECT_EQ(head[f], with_get[f]) << target << " " << http::to_string(f);
    // The connection is still in step: a third request works.
    EXPECT_EQ(c.request(http::verb::get, "/healthz").body(), "ok") << target;
  }
}

TEST_F(e2e, if_none_match_gets_304_without_body) {
  for (const char* target : {"/", "/codes/404", "/api/v1/codes/404"}) {
    const reply first = get(port_, target, {{"Accept-Encoding", "br"}});
    const std::string etag(first[http::field::etag]);
    ASSERT_FALSE(etag.empty()) << target;
    const reply again = get(
        port_, target, {{"Accept-Encoding", "br"}, {"If-None-Match", etag}});
    EXPECT_EQ(again.result_int(), 304u) << target;
    EXPECT_EQ(again.reason(), "Not Modified");
    EXPECT_TRUE(again.body().empty()) << target;
    EXPECT_EQ(again[http::field::etag], etag) << target;
    EXPECT_EQ(again[http::field::cache_control],
              first[http::field::cache_control]);
    EXPECT_EQ(again[http::field::vary], "Accept-Encoding");
    // Another representation's tag does not validate this one.
    const reply other = get(
        port_, target, {{"Accept-Encoding", "gzip"}, {"If-None-Match", etag}});
    EXPECT_EQ(other.result_int(), 200u) << target;
  }
}

// RFC 9110 Section 5.3: a list field on two lines, as the audit sent them
// with curl's -H twice, is one list; the server read only the first line.
TEST_F(e2e, reads_a_list_field_from_every_line) {
  const std::string etag(get(port_, "/api/v1/codes/404",
                             {{"Accept-Encoding", "br"}})[http::field::etag]);
  ASSERT_FALSE(etag.empty());
  client c(port_);
  c.send_raw(
      "GET /api/v1/codes/404 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
      "Accept-Encoding: identity\r\nIf-None-Match: \"nope\"\r\n"
      "Accept-Encoding: br\r\nIf-None-Match: " +
      etag + "\r\n\r\n");
  EXPECT_EQ(c.receive().result_int(), 304u);
  c.send_raw(
      "GET /api/v1/codes/404 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
      "Accept-Encoding: identity\r\nAccept-Encoding: br\r\n"
      "If-Match: \"nope\"\r\nIf-Match: " +
      etag + "\r\n\r\n");
  const reply br = c.receive();
  EXPECT_EQ(br.result_int(), 200u);
  EXPECT_EQ(br[http::field::content_encoding], "br");
}

// RFC 9110 Section 13.1.1: If-Match is the origin server's to evaluate.
TEST_F(e2e, if_match_that_names_no_current_tag_gets_412) {
  const reply api =
      get(port_, "/api/v1/codes/404", {{"If-Match", "\"nomatch\""}});
  EXPECT_EQ(api.result_int(), 412u);
  EXPECT_EQ(api.reason(), "Precondition Failed");
  EXPECT_EQ(api[http::field::content_type], "application/problem+json");
  EXPECT_EQ(api[http::field::access_control_allow_origin], "*");
  const std::string etag(get(port_, "/codes/404")[http::field::etag]);
  EXPECT_EQ(get(port_, "/codes/404", {{"If-Match", "W/" + etag}}).result_int(),
            412u);
  EXPECT_EQ(get(port_, "/codes/404", {{"If-Match", etag}}).result_int(), 200u);
}

TEST_F(e2e, compresses_as_accept_encoding_asks) {
  const reply plain = get(port_, "/");
  ASSERT_EQ(plain.result_int(), 200u);
  EXPECT_EQ(plain.count(http::field::content_encoding), 0u);
  EXPECT_EQ(plain[http::field::vary], "Accept-Encoding");

  const reply br = get(port_, "/", {{"Accept-Encoding", "gzip, deflate, br"}});
  EXPECT_EQ(br[http::field::content_encoding], "br");
  EXPECT_EQ(br[http::field::content_length], std::to_string(br.body().size()));
  EXPECT_LT(br.body().size(), plain.body().size());
  EXPECT_EQ(unbrotli(br.body()), plain.body());

  const reply gz = get(port_, "/", {{"Accept-Encoding", "gzip, br;q=0"}});
  EXPECT_EQ(gz[http::field::content_encoding], "gzip");
  EXPECT_EQ(gunzip(gz.body()), plain.body());

  const reply refused =
      get(port_, "/", {{"Accept-Encoding", "br;q=0, gzip;q=0"}});
  EXPECT_EQ(refused.count(http::field::content_encoding), 0u);
  EXPECT_EQ(refused.body(), plain.body());

  const reply json = get(port_, "/api/v1/codes", {{"Accept-Encoding", "gzip"}});
  EXPECT_EQ(json[http::field::content_encoding], "gzip");
  EXPECT_FALSE(boost::json::parse(gunzip(json.body())).as_array().empty());
}

// A search's results and the error pages are rendered per request; they
// were sent uncompressed and without Vary whatever the client accepted
// (/codes?q=4 is 17.8 KB of HTML).
TEST_F(e2e, compresses_dynamic_pages_as_accept_encoding_asks) {
  for (const char* target : {"/codes?q=4", "/codes/999"}) {
    SCOPED_TRACE(target);
    const reply plain = get(port_, target);
    EXPECT_EQ(plain.count(http::field::content_encoding), 0u);
    EXPECT_EQ(plain[http::field::vary], "Accept-Encoding");
    EXPECT_NE(plain.body().find("</html>"), std::string::npos);

    const reply br = get(port_, target, {{"Accept-Encoding", "gzip, br"}});
    EXPECT_EQ(br.result_int(), plain.result_int());
    EXPECT_EQ(br[http::field::content_encoding], "br");
    EXPECT_EQ(br[http::field::vary], "Accept-Encoding");
    EXPECT_EQ(br[http::field::content_length],
              std::to_string(br.body().size()));
    EXPECT_LT(br.body().size(), plain.body().size() / 2);
    EXPECT_EQ(unbrotli(br.body()), plain.body());

    const reply gz = get(port_, target, {{"Accept-Encoding", "gzip"}});
    EXPECT_EQ(gz[http::field::content_encoding], "gzip");
    EXPECT_EQ(gunzip(gz.body()), plain.body());

    // Each coding is its own representation, with its own tag; an error
    // page is no representation of its target, and has none.
    if (plain.result_int() == 200) {
      EXPECT_NE(br[http::field::etag], plain[http::field::etag]);
      EXPECT_NE(br[http::field::etag], gz[http::field::etag]);
    } else {
      EXPECT_EQ(plain.count(http::field::etag), 0u);
    }
  }
  const reply first = get(port_, "/codes?q=4", {{"Accept-Encoding", "br"}});
  const std::string etag(first[http::field::etag]);
  const reply again = get(port_, "/codes?q=4",
                          {{"Accept-Encoding", "br"}, {"If-None-Match", etag}});
  EXPECT_EQ(again.result_int(), 304u);
  EXPECT_TRUE(again.body().empty());
  EXPECT_EQ(again[http::field::vary], "Accept-Encoding");
  const reply other =
      get(port_, "/codes?q=4",
          {{"Accept-Encoding", "gzip"}, {"If-None-Match", etag}});
  EXPECT_EQ(other.result_int(), 200u);
}

// A search the server cannot read is a page of the site saying why, with
// the box to search again, not a line of plain text.
TEST_F(e2e, malformed_search_gets_the_sites_error_page) {
  const reply res = get(port_, "/codes?q=%ZZ", {{"Accept-Encoding", "br"}});
  EXPECT_EQ(res.result_int(), 400u);
  EXPECT_EQ(res[http::field::content_type], "text/html; charset=utf-8");
  EXPECT_EQ(res[http::field::cache_control], "no-store");
  EXPECT_EQ(res["Content-Security-Policy"], content_security_policy);
  const std::string page = res[http::field::content_encoding] == "br"
                               ? unbrotli(res.body())
                               : res.body();
  EXPECT_NE(page.find("<h1>Search not understood</h1>"), std::string::npos);
  EXPECT_NE(page.find("malformed percent escape"), std::string::npos);
  EXPECT_NE(page.find("<form class=\"filter\""), std::string::npos);
}

TEST_F(e2e, html_pages_carry_security_headers) {
  for (const char* target :
       {"/", "/codes", "/codes/404", "/codes/299", "/nowhere", "/lint"}) {
    const reply res = get(port_, target);
    EXPECT_EQ(res["Content-Security-Policy"], content_security_policy)
        << target;
    EXPECT_EQ(res["Referrer-Policy"], "no-referrer") << target;
    EXPECT_EQ(res["X-Frame-Options"], "DENY") << target;
    EXPECT_EQ(res["X-Content-Type-Options"], "nosniff") << target;
  }
}

TEST_F(e2e, api_allows_any_origin) {
  for (const char* target : {"/api/v1/codes", "/api/v1/codes/404",
                             "/api/v1/codes/299", "/api/v1/nowhere"})
    EXPECT_EQ(get(port_, target)[http::field::access_control_allow_origin], "*")
        << target;
}

// A cross-origin fetch that revalidates (If-None-Match) or posts JSON to
// the lint is preflighted; the preflight got 405, so the browser refused
// the request, and a script could not read the ETag it would send back.
TEST_F(e2e, api_grants_cors_preflights_and_exposes_etag) {
  client c(port_);
  const reply pre = c.request(
      http::verb::options, "/api/v1/codes/404",
      {{"Origin", "https://example.com"},
       {"Access-Control-Request-Method", "GET"},
       {"Access-Control-Request-Headers", "if-none-match"}});
  EXPECT_EQ(pre.result_int(), 204u);
  EXPECT_EQ(pre[http::field::access_control_allow_origin], "*");
  EXPECT_EQ(pre[http::field::access_control_allow_methods], "GET, HEAD");
  EXPECT_EQ(pre[http::field::access_control_allow_headers], "if-none-match");
  EXPECT_EQ(pre[http::field::allow], "GET, HEAD, OPTIONS");

  const reply lint = c.request(
      http::verb::options, "/api/v1/lint",
      {{"Origin", "https://example.com"},
       {"Access-Control-Request-Method", "POST"},
       {"Access-Control-Request-Headers", "content-type, x(a)"}});
  EXPECT_EQ(lint.result_int(), 204u);
  EXPECT_EQ(lint[http::field::access_control_allow_methods], "POST");
  // Not every requested header is a token: none is echoed.
  EXPECT_EQ(lint.count(http::field::access_control_allow_headers), 0u);

  EXPECT_EQ(get(port_, "/api/v1/codes/404")
                [http::field::access_control_expose_headers],
            "ETag");
}

// OPTIONS says what a path takes; only the API, which other origins may
// read, grants preflights; a path nothing serves is still 404.
// A browser reads CORS headers on the redirect before following it.
TEST_F(e2e, api_trailing_slash_redirect_allows_any_origin) {
  for (const char* target :
       {"/api/v1/codes/404/", "/api/v1/classes/", "/api/v1/codes/?class=4xx"}) {
    const reply res = get(port_, target);
    EXPECT_EQ(res.result_int(), 301u) << target;
    EXPECT_EQ(res[http::field::access_control_allow_origin], "*") << target;
  }
  EXPECT_EQ(
      get(port_, "/codes/404/").count(http::field::access_control_allow_origin),
      0u);
}

// The preflight of "/api/v1/codes/404/" was a 404, so a browser never
// sent the GET that is redirected; "/api", an HTML page without
// Access-Control-Allow-Origin, had its preflight granted.
TEST_F(e2e, preflight_is_granted_where_get_is_readable) {
  client c(port_);
  const httpstatus::test::headers preflight = {
      {"Origin", "https://example.com"},
      {"Access-Control-Request-Method", "GET"}};
  const reply slash =
      c.request(http::verb::options, "/api/v1/codes/404/", preflight);
  EXPECT_EQ(slash.result_int(), 204u);
  EXPECT_EQ(slash[http::field::allow], "GET, HEAD, OPTIONS");
  EXPECT_EQ(slash[http::field::access_control_allow_origin], "*");
  EXPECT_EQ(slash[http::field::access_control_allow_methods], "GET, HEAD");
  const reply page = c.request(http::verb::options, "/api", preflight);
  EXPECT_EQ(page.result_int(), 204u);
  EXPECT_EQ(page.count(http::field::access_control_allow_origin), 0u);
  EXPECT_EQ(c.get("/api").count(http::field::access_control_allow_origin), 0u);
}

// RFC 9110 Section 9.3.2: HEAD's 405 said "HEAD is not allowed", one byte
// longer than GET's, and its Content-Length said so. Allow is exposed to
// the other origins that may read the 405.
TEST_F(e2e, head_405_has_the_length_of_get_405_and_exposes_allow) {
  client c(port_);
  const reply got = c.get("/api/v1/lint");
  const reply head = c.request(http::verb::head, "/api/v1/lint");
  EXPECT_EQ(head.result_int(), 405u);
  EXPECT_EQ(head[http::field::content_length],
            std::to_string(got.body().size()));
  EXPECT_EQ(got[http::field::access_control_expose_headers], "ETag, Allow");
  EXPECT_EQ(head[http::field::access_control_expose_headers], "ETag, Allow");
}

TEST_F(e2e, options_answers_allow_everywhere_and_cors_only_for_the_api) {
  client c(port_);
  const reply page = c.request(http::verb::options, "/codes/404",
                               {{"Origin", "https://example.com"},
                                {"Access-Control-Request-Method", "GET"}});
  EXPECT_EQ(page.result_int(), 204u);
  EXPECT_EQ(page[http::field::allow], "GET, HEAD, OPTIONS");
  EXPECT_EQ(page.count(http::field::access_control_allow_origin), 0u);
  EXPECT_EQ(c.request(http::verb::options, "/no/such/page").result_int(), 404u);
}

TEST_F(e2e, unknown_path_is_html_for_the_site_and_problem_for_the_api) {
  const reply page = get(port_, "/no/such/page");
  EXPECT_EQ(page.result_int(), 404u);
  EXPECT_NE(page.body().find("<html"), std::string::npos);

  const reply api = get(port_, "/api/v1/no/such");
  EXPECT_EQ(api.result_int(), 404u);
  const boost::json::value problem = boost::json::parse(api.body());
  EXPECT_EQ(problem.at("status"), 404);
  EXPECT_EQ(problem.at("detail"), "There is nothing at /api/v1/no/such.");
}

TEST_F(e2e, method_not_allowed_lists_allow) {
  client c(port_);
  const reply res = c.request(http::verb::post, "/codes/404");
  EXPECT_EQ(res.result_int(), 405u);
  EXPECT_EQ(res.reason(), "Method Not Allowed");
  EXPECT_EQ(res[http::field::allow], "GET, HEAD, OPTIONS");
  // A page's refusal is a problem document as the API's is (it was plain
  // text): bad input gets one everywhere.
  EXPECT_EQ(res[http::field::content_type], "application/problem+json");
  EXPECT_EQ(boost::json::parse(res.body()).at("detail"),
            "POST is not allowed on /codes/404; allowed: GET, HEAD, OPTIONS.");
  const reply api = c.request(http::verb::delete_, "/api/v1/codes");
  EXPECT_EQ(api.result_int(), 405u);
  EXPECT_EQ(api[http::field::allow], "GET, HEAD, OPTIONS");
  EXPECT_EQ(api[http::field::content_type], "application/problem+json");
}

TEST_F(e2e, echoed_query_is_inert) {
  const reply res = get(port_, "/codes?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
  EXPECT_EQ(res.result_int(), 200u);
  EXPECT_EQ(res.body().find("<script>alert(1)"), std::string::npos);
  EXPECT_NE(res.body().find("&lt;script&gt;"), std::string::npos);

  const reply api = get(port_, "/api/v1/codes/%3Cb%3E%22");
  EXPECT_EQ(api.result_int(), 404u);
  EXPECT_EQ(boost::json::parse(api.body()).at("detail"),
            "'<b>\"' is not a status code.");
  const reply page = get(port_, "/codes/%3Cb%3E");
  EXPECT_EQ(page.body().find("<b>"), std::string::npos);
}

// Pages say charset=utf-8; a client's bytes that are not UTF-8 must not
// reach them raw, where they echo a query or a path.
TEST_F(e2e, echoed_bytes_that_are_not_utf8_become_replacement_characters) {
  for (const char* target : {"/codes?q=%FF", "/nope%FF", "/codes/%FF"}) {
    const reply res = get(port_, target);
    EXPECT_EQ(res.body().find('\xff'), std::string::npos) << target;
    EXPECT_NE(res.body().find("\xEF\xBF\xBD"), std::string::npos) << target;
  }
}

TEST_F(e2e, rejects_bad_targets) {
  client c(port_);
  c.send_raw("GET /codes/../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(c.receive().result_int(), 400u);
  c.send_raw("GET codes HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(c.receive().result_int(), 400u);
  c.send_raw("GET /" + std::string(4000, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(c.receive().result_int(), 414u);
  // A mock path too long gets the mock's kind of error, as a shorter bad
  // one does (it was plain text).
  c.send_raw("GET /status/200?" + std::string(4000, 'a') +
             " HTTP/1.1\r\nHost: x\r\n\r\n");
  const reply mock = c.receive();
  EXPECT_EQ(mock.result_int(), 414u);
  EXPECT_EQ(mock[http::field::content_type], "application/problem+json");
  // The search box takes 256 characters, which percent-encode to more than
  // the bound: a reader gets the site's page, not a problem document.
  std::string cjk;
  for (int i = 0; i < 256; ++i) cjk += "%E6%BC%A2";
  c.send_raw("GET /codes?q=" + cjk + " HTTP/1.1\r\nHost: x\r\n\r\n");
  const reply search = c.receive();
  EXPECT_EQ(search.result_int(), 414u);
  EXPECT_EQ(search[http::field::content_type], "text/html; charset=utf-8");
  EXPECT_NE(search.body().find("The search is too long"), std::string::npos);
}

// RFC 9112 Section 3.2.2: a server MUST accept the absolute form; the
// path in it is what is served, whatever host it names.
TEST_F(e2e, serves_absolute_form_targets_as_their_path) {
  client c(port_);
  c.send_raw("GET http://example.com/api/v1/codes/404?x=1 HTTP/1.1\r\n"
             "Host: example.com\r\n\r\n");
  const reply api = c.receive();
  EXPECT_EQ(api.result_int(), 200u);
  EXPECT_EQ(boost::json::parse(api.body()).at("code"), 404);
  c.send_raw("GET HTTPS://127.0.0.1:1 HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(c.receive().result_int(), 200u);  // no path: "/"
  c.send_raw("GET http://x/status/418 HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(c.receive().result_int(), 418u);
  // Another scheme, or the authority form, is still no path of ours.
  c.send_raw("GET ftp://x/codes HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(c.receive().result_int(), 400u);
  c.send_raw("GET example.com:80 HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(c.receive().result_int(), 400u);
}

// "OPTIONS *" asks about the server itself (RFC 9110 Section 9.3.7).
TEST_F(e2e, options_asterisk_is_answered_and_other_methods_refused) {
  client c(port_);
  c.send_raw("OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n");
  const reply options = c.receive();
  EXPECT_EQ(options.result_int(), 204u);
  EXPECT_TRUE(options.body().empty());
  c.send_raw("GET * HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(c.receive().result_int(), 400u);
}

TEST_F(e2e, keep_alive_serves_two_requests_on_one_connection) {
  client c(port_);
  const reply first = c.request(http::verb::get, "/codes/404");
  EXPECT_EQ(first.result_int(), 200u);
  EXPECT_TRUE(first.keep_alive());
  const reply second = c.request(http::verb::get, "/api/v1/codes/404");
  EXPECT_EQ(second.result_int(), 200u);
  EXPECT_EQ(boost::json::parse(second.body()).at("code"), 404);
}

TEST_F(e2e, pipelined_requests_are_answered_in_order) {
  client c(port_);
  std::string batch;
  for (const char* target :
       {"/api/v1/codes/200", "/healthz", "/api/v1/codes/404", "/nowhere",
        "/api/v1/codes/503"})
    batch += std::string("GET ") + target + " HTTP/1.1\r\nHost: x\r\n\r\n";
  c.send_raw(batch);
  EXPECT_EQ(boost::json::parse(c.receive().body()).at("code"), 200);
  EXPECT_EQ(c.receive().body(), "ok");
  EXPECT_EQ(boost::json::parse(c.receive().body()).at("code"), 404);
  EXPECT_EQ(c.receive().result_int(), 404u);
  EXPECT_EQ(boost::json::parse(c.receive().body()).at("code"), 503);
}

TEST_F(e2e, pipelining_beyond_the_queue_limit_still_answers_all) {
  config cfg = base_config();
  cfg.pipeline_limit = 2;
  start(std::move(cfg));
  client c(port_);
  std::string batch;
  for (int i = 0; i < 10; ++i)
    batch += "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
  c.send_raw(batch);
  for (int i = 0; i < 10; ++i) EXPECT_EQ(c.receive().body(), "ok") << i;
}

// Requests that arrive together are parsed and answered from the buffer,
// one within another's call (issue #5): a thousand of them must neither
// exhaust the stack nor lose one.
TEST_F(e2e, a_thousand_pipelined_requests_in_one_write_are_all_answered) {
  client c(port_);
  std::string batch;
  for (int i = 0; i < 1000; ++i)
    batch += "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
  c.send_raw(batch);
  for (int i = 0; i < 1000; ++i) ASSERT_EQ(c.receive().body(), "ok") << i;
}

// A response is first written without waiting; what the socket does not
// take then goes out asynchronously. Six hundred pages (7 MB) asked for at
// once by a client with a small receive buffer, read only once all are
// asked for, overflow the socket's buffers (they grow to 4 MB), so some
// take both paths: each must arrive whole and in order.
TEST_F(e2e, responses_larger_than_the_socket_buffer_arrive_whole) {
  const std::string_view page = site_->find("/")->identity.bytes;
  client c(port_, 4096);
  std::string batch;
  for (int i = 0; i < 600; ++i)
    batch += "GET / HTTP/1.1\r\nHost: x\r\n\r\n";
  c.send_raw(batch);
  for (int i = 0; i < 600; ++i) {
    const reply res = c.receive();
    ASSERT_EQ(res.result_int(), 200u) << i;
    ASSERT_EQ(res.body().size(), page.size()) << i;
    EXPECT_TRUE(res.body() == page) << i;
  }
}

// An HTTP/1.0 client is answered in HTTP/1.1 (RFC 9110 Section 2.5: the
// highest minor version the server conforms to; it was HTTP/1.0), with the
// Connection field that says what happens next in both versions' terms.
TEST_F(e2e, http_1_0_closes_unless_asked_to_keep_alive) {
  {
    client c(port_);
    const reply res = c.request(http::verb::get, "/healthz", {}, 10);
    EXPECT_EQ(res.version(), 11u);
    EXPECT_EQ(res.body(), "ok");
    EXPECT_EQ(res[http::field::connection], "close");
    EXPECT_FALSE(res.keep_alive());
    EXPECT_TRUE(c.is_closed_by_server());
  }
  {
    client c(port_);
    const reply res = c.request(http::verb::get, "/status/418", {}, 10);
    EXPECT_EQ(res.version(), 11u);
    EXPECT_EQ(res.result_int(), 418u);
    EXPECT_EQ(res[http::field::connection], "close");
    EXPECT_TRUE(c.is_closed_by_server());
  }
  {
    client c(port_);
    const reply res = c.request(http::verb::get, "/healthz",
                                {{"Connection", "keep-alive"}}, 10);
    EXPECT_EQ(res.version(), 11u);
    EXPECT_TRUE(res.keep_alive());
    EXPECT_EQ(res[http::field::connection], "keep-alive");
    EXPECT_EQ(c.request(http::verb::get, "/healthz", {}, 10).body(), "ok");
  }
}

TEST_F(e2e, connection_close_is_honoured) {
  client c(port_);
  const reply res =
      c.request(http::verb::get, "/healthz", {{"Connection", "close"}});
  EXPECT_EQ(res.body(), "ok");
  EXPECT_FALSE(res.keep_alive());
  EXPECT_TRUE(c.is_closed_by_server());
}

// After a `Connection: close` the client may already have sent more
// requests. Closing the socket with them unread made the kernel reset the
// connection, which threw away responses written but not yet read: the
// client got the first of three, then ECONNRESET. The server now
// half-closes and discards what comes until the client closes (RFC 9112
// Section 9.6). The client reads slowly (a small receive buffer, a pause)
// so that the responses are still in flight when the server closes.
TEST_F(e2e, requests_after_a_close_do_not_destroy_the_responses_before_it) {
  const std::string_view list = "/api/v1/codes?unofficial=true";
  client c(port_, 4096);
  const std::string big = "GET " + std::string(list) +
                          " HTTP/1.1\r\nHost: x\r\n\r\n";
  std::string batch = big + big +
                      "GET /healthz HTTP/1.1\r\nHost: x\r\n"
                      "Connection: close\r\n\r\n";
  for (int i = 0; i < 20; ++i)
    batch += "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
  c.send_raw(batch);
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  for (int i = 0; i < 2; ++i) {
    const reply res = c.receive();
    ASSERT_EQ(res.result_int(), 200u) << i;
    EXPECT_GT(res.body().size(), 10'000u) << i;
  }
  const reply last = c.receive();
  EXPECT_EQ(last.body(), "ok");
  EXPECT_FALSE(last.keep_alive());
  EXPECT_TRUE(c.is_closed_by_server());
}

// Two Connection lines are one list (RFC 9110 Section 5.3): `close` on the
// second still closes, and the request pipelined after it is not
// answered (RFC 9112 Section 9.6). Only the first line was read.
TEST_F(e2e, connection_close_on_a_second_field_line_is_honoured) {
  client c(port_);
  c.send_raw(
      "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\n"
      "Connection: close\r\n\r\n"
      "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
  const reply res = c.receive();
  EXPECT_EQ(res.body(), "ok");
  EXPECT_FALSE(res.keep_alive());
  EXPECT_TRUE(c.is_closed_by_server());
}

TEST_F(e2e, oversized_header_gets_431_and_close) {
  client c(port_);
  c.send_raw("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(9000, 'a') +
             "\r\n\r\n");
  const reply res = c.receive();
  EXPECT_EQ(res.result_int(), 431u);
  EXPECT_EQ(res.reason(), "Request Header Fields Too Large");
  EXPECT_FALSE(res.keep_alive());
  EXPECT_FALSE(res[http::field::date].empty());
  // Bad input gets a problem document, readable from any origin.
  EXPECT_EQ(res[http::field::content_type], "application/problem+json");
  EXPECT_EQ(res[http::field::access_control_allow_origin], "*");
  EXPECT_NE(res.body().find(R"("status":431)"), std::string::npos) << res.body();
}

// A request Beast cannot parse is too broken to say whose it is: it got a
// text/plain answer without CORS, which a browser test could not read.
TEST_F(e2e, malformed_request_gets_a_problem_document) {
  client c(port_);
  c.send_raw("GET /status/200 HTTP/1.1\r\nHost: x\r\nContent-Length: 1x\r\n\r\n");
  const reply res = c.receive();
  EXPECT_EQ(res.result_int(), 400u);
  EXPECT_EQ(res[http::field::content_type], "application/problem+json");
  EXPECT_EQ(res[http::field::access_control_allow_origin], "*");
  EXPECT_EQ(res["X-Content-Type-Options"], "nosniff");
  EXPECT_NE(res.body().find(R"("title":"Bad Request")"), std::string::npos)
      << res.body();
  EXPECT_FALSE(res.keep_alive());
}

// The mock's own refusals are problem documents; so is the session's for a
// body over the limit on a mock path.
TEST_F(e2e, oversized_body_to_the_mock_gets_a_problem_document) {
  client c(port_);
  c.send_raw(
      "POST /status/200 HTTP/1.1\r\nHost: x\r\nContent-Length: 10000000\r\n\r\n");
  const reply res = c.receive();
  EXPECT_EQ(res.result_int(), 413u);
  EXPECT_EQ(res[http::field::content_type], "application/problem+json");
  EXPECT_EQ(res[http::field::access_control_allow_origin], "*");
}

TEST_F(e2e, oversized_body_gets_413) {
  client c(port_);
  c.send_raw(
      "POST /codes HTTP/1.1\r\nHost: x\r\nContent-Length: 10000000\r\n\r\n");
  const reply res = c.receive();
  EXPECT_EQ(res.result_int(), 413u);
  EXPECT_EQ(res.reason(), "Content Too Large");
  // Outside the API too, a refusal is a problem document (it was plain
  // text there, as a 405 was).
  EXPECT_EQ(res[http::field::content_type], "application/problem+json");
  EXPECT_NE(res.body().find(R"("status":413)"), std::string::npos) << res.body();
}

TEST_F(e2e, malformed_request_gets_400) {
  client c(port_);
  c.send_raw("GET / HTTP/1.1\r\nHost x\r\n\r\n");
  const reply res = c.receive();
  EXPECT_EQ(res.result_int(), 400u);
  EXPECT_TRUE(c.is_closed_by_server());
}

TEST_F(e2e, idle_connection_times_out) {
  config cfg = base_config();
  cfg.timeout = std::chrono::milliseconds(100);
  cfg.header_timeout = std::chrono::milliseconds(100);
  start(std::move(cfg));
  client c(port_);
  EXPECT_TRUE(c.is_closed_by_server());
}

TEST_F(e2e, kept_alive_connection_idle_beyond_the_timeout_is_closed) {
  config cfg = base_config();
  cfg.idle_timeout = std::chrono::milliseconds(100);
  start(std::move(cfg));
  client c(port_);
  EXPECT_EQ(c.get("/healthz").body(), "ok");
  const auto begin = std::chrono::steady_clock::now();
  EXPECT_TRUE(c.is_closed_by_server());
  EXPECT_GE(std::chrono::steady_clock::now() - begin,
            std::chrono::milliseconds(90));
}

// The idle deadline is kept per wait, and the idle timer checks it lazily
// (issue #5): a connection never idle for long must outlive several idle
// timeouts in all.
TEST_F(e2e, busy_connection_outlives_the_idle_timeout) {
  config cfg = base_config();
  cfg.idle_timeout = std::chrono::milliseconds(100);
  start(std::move(cfg));
  client c(port_);
  const auto begin = std::chrono::steady_clock::now();
  int requests = 0;
  while (std::chrono::steady_clock::now() - begin <
         std::chrono::milliseconds(500)) {
    ASSERT_EQ(c.get("/healthz").body(), "ok") << "request " << requests;
    ++requests;
  }
  EXPECT_GT(requests, 10);
}

TEST_F(e2e, second_server_on_the_same_port_fails_to_listen) {
  config cfg = base_config();
  cfg.port = port_;
  httpstatus::server::server second(std::move(cfg), site_);
  const std::error_code ec = second.listen();
  ASSERT_TRUE(ec);
  EXPECT_EQ(ec.message(), "Address already in use");
  EXPECT_EQ(second.port(), 0);
}

TEST_F(e2e, bad_host_fails_to_listen) {
  config cfg = base_config();
  cfg.host = "256.1.1.1";
  httpstatus::server::server bad(std::move(cfg), site_);
  EXPECT_TRUE(bad.listen());
}

TEST_F(e2e, stop_closes_idle_connections_and_refuses_new_ones) {
  client idle(port_);
  EXPECT_EQ(idle.request(http::verb::get, "/healthz").body(), "ok");
  server_->stop();
  server_->wait();
  EXPECT_TRUE(idle.is_closed_by_server());
  net::io_context ioc;
  tcp::socket late(ioc);
  beast::error_code ec;
  late.connect(tcp::endpoint(net::ip::address_v4::loopback(), port_), ec);
  EXPECT_EQ(ec, net::error::connection_refused);
}

// A connection stuck half-way through a request cannot hold the stop up
// past the grace period; whether it was cut at once or at the deadline,
// wait() returns and the connection is closed.
TEST_F(e2e, stop_is_bounded_by_the_grace_period) {
  config cfg = base_config();
  cfg.shutdown_grace = std::chrono::milliseconds(200);
  start(std::move(cfg));
  client stuck(port_);
  // One whole exchange first, so that the server holds the connection as
  // a session before it stops (one still being accepted would get a 503).
  ASSERT_EQ(stuck.request(http::verb::get, "/healthz").body(), "ok");
  stuck.send_raw("GET /healthz HTTP/1.1\r\nHost:");
  const auto begin = std::chrono::steady_clock::now();
  server_->stop();
  server_->wait();
  EXPECT_LT(std::chrono::steady_clock::now() - begin, std::chrono::seconds(5));
  server_.reset();  // a session cut off by the deadline dies with the server
  EXPECT_TRUE(stuck.is_closed_by_server());
}

// The stop may begin while the connection is still being accepted: it must
// not escape the grace period (it did, waiting out the 10 s header timeout,
// once each thread had its own io_context), and gets a 503 or a session.
TEST_F(e2e, stop_bounds_a_connection_accepted_as_it_begins) {
  config cfg = base_config();
  cfg.shutdown_grace = std::chrono::milliseconds(200);
  start(std::move(cfg));
  client late(port_);
  late.send_raw("GET /healthz HTTP/1.1\r\nHost:");
  const auto begin = std::chrono::steady_clock::now();
  server_->stop();
  server_->wait();
  EXPECT_LT(std::chrono::steady_clock::now() - begin, std::chrono::seconds(5));
  server_.reset();
  const std::string answer = late.read_to_end();
  EXPECT_TRUE(answer.empty() ||
              answer.starts_with("HTTP/1.1 503 Service Unavailable\r\n"))
      << answer;
}

TEST_F(e2e, stop_is_idempotent) {
  server_->stop();
  server_->stop();
  server_->wait();
  server_->stop();
}

TEST_F(e2e, logs_nothing_in_normal_operation) {
  for (const char* target : {"/", "/codes/404", "/api/v1/codes", "/nowhere"})
    (void)get(port_, target);
  server_->stop();
  server_->wait();
  const std::lock_guard lock(log_mutex_);
  EXPECT_TRUE(log_.empty()) << log_.front();
}

// ---- the lint (issue #8) ---------------------------------------------------

constexpr std::string_view lint_405 =
    "HTTP/1.1 405 Method Not Allowed\r\n"
    "Date: Sun, 06 Nov 1994 08:49:37 GMT\r\n"
    "Content-Type: text/plain\r\n"
    "Content-Length: 19\r\n"
    "\r\n"
    "Method Not Allowed\n";

TEST_F(e2e, lint_api_judges_a_posted_response) {
  client c(port_);
  c.send("POST", "/api/v1/lint", {{"Content-Type", "text/plain"}}, lint_405);
  const reply res = c.receive();
  EXPECT_EQ(res.result_int(), 200u);
  EXPECT_EQ(res.reason(), "OK");
  EXPECT_EQ(res[http::field::content_type], "application/json");
  EXPECT_EQ(res[http::field::content_length],
            std::to_string(res.body().size()));
  EXPECT_EQ(res[http::field::cache_control], "no-store");
  EXPECT_EQ(res[http::field::access_control_allow_origin], "*");
  const boost::json::value reports = boost::json::parse(res.body());
  ASSERT_EQ(reports.as_array().size(), 1u);
  EXPECT_EQ(reports.at(0).at("must_broken"), true);
  EXPECT_EQ(reports.at(0).at("findings").at(0).at("rule"), "required-header");
  // Keep-alive holds after a POST: the next request is answered too.
  EXPECT_EQ(c.request(http::verb::get, "/healthz").body(), "ok");
}

// RFC 9110 Section 10.1.1: a client that expects 100-continue waits for a
// 100 or a final status before it sends the content, and the server MUST
// send one at once. The lint reads the content, so it gets a 100, then its
// answer; any other route answers from the header and closes. Without
// that the server waited for the body: curl sat out its 1 s expect
// timeout. A short body timeout makes such a wait fail here at once.
TEST_F(e2e, expect_100_continue_is_answered_at_once_on_every_route) {
  config cfg = base_config();
  cfg.timeout = std::chrono::milliseconds(1000);
  start(std::move(cfg));
  {
    client c(port_);
    c.send_raw("POST /api/v1/lint HTTP/1.1\r\nHost: x\r\n"
               "Expect: 100-continue\r\nContent-Type: text/plain\r\n"
               "Content-Length: " + std::to_string(lint_405.size()) +
               "\r\n\r\n");
    const reply interim = c.receive();
    EXPECT_EQ(interim.result_int(), 100u);
    c.send_raw(lint_405);
    const reply res = c.receive();
    EXPECT_EQ(res.result_int(), 200u);
    EXPECT_EQ(res[http::field::content_type], "application/json");
    const boost::json::value reports = boost::json::parse(res.body());
    EXPECT_EQ(reports.at(0).at("must_broken"), true);
    EXPECT_TRUE(res.keep_alive());
    EXPECT_EQ(c.request(http::verb::get, "/healthz").body(), "ok");
  }
  const struct {
    std::string_view method, target;
    unsigned status;
  } from_header[] = {
      {"PUT", "/api/v1/codes", 405},
      {"POST", "/nowhere", 404},
      {"POST", "/codes/404", 405},
  };
  for (const auto& row : from_header) {
    client c(port_);
    c.send_raw(std::string(row.method) + " " + std::string(row.target) +
               " HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
               "Content-Length: 11\r\n\r\n");
    const reply res = c.receive();
    EXPECT_EQ(res.result_int(), row.status) << row.target;
    EXPECT_FALSE(res.keep_alive()) << row.target;
    c.send_raw("hello world");  // a client that gave up waiting sends it
    EXPECT_TRUE(c.is_closed_by_server()) << row.target;
  }
}

TEST_F(e2e, lint_page_is_served_stored_and_compressed) {
  const reply res = get(port_, "/lint", {{"Accept-Encoding", "br"}});
  EXPECT_EQ(res.result_int(), 200u);
  EXPECT_EQ(res[http::field::content_encoding], "br");
  EXPECT_EQ(res[http::field::etag], site_->find("/lint")->br.etag);
  EXPECT_EQ(res[http::field::cache_control],
            "public, max-age=300, must-revalidate");
  EXPECT_NE(unbrotli(res.body()).find("<h1>Check a response</h1>"),
            std::string::npos);
}

TEST_F(e2e, lint_form_answers_with_the_page) {
  client c(port_);
  c.send("POST", "/lint",
         {{"Content-Type", "application/x-www-form-urlencoded"}},
         "response=HTTP%2F1.1+405+Method+Not+Allowed%0D%0A%0D%0A");
  const reply res = c.receive();
  EXPECT_EQ(res.result_int(), 200u);
  EXPECT_EQ(res[http::field::content_type], "text/html; charset=utf-8");
  EXPECT_EQ(res["Content-Security-Policy"], content_security_policy);
  EXPECT_NE(res.body().find("<code>required-header</code>"), std::string::npos);
}

// The session refuses a body beyond `body_limit` (64 KB by default, as
// the API documents) before any handler runs.
TEST_F(e2e, lint_oversized_body_gets_413) {
  const std::size_t limit = config{}.body_limit;
  ASSERT_EQ(limit, 64u * 1024u);
  std::string big(lint_405);
  big.resize(limit + 1, 'x');  // the body runs on past the limit
  client c(port_);
  c.send("POST", "/api/v1/lint", {{"Content-Type", "text/plain"}}, big);
  const reply res = c.receive();
  EXPECT_EQ(res.result_int(), 413u);
  EXPECT_EQ(res.reason(), "Content Too Large");
  EXPECT_NE(res.body().find("larger than 65536 bytes"), std::string::npos);
  EXPECT_EQ(res[http::field::content_type], "application/problem+json");
  EXPECT_FALSE(res.keep_alive());

  // Exactly at the limit is judged.
  big.resize(limit);
  client at_limit(port_);
  at_limit.send("POST", "/api/v1/lint", {{"Content-Type", "text/plain"}},
                big);
  EXPECT_EQ(at_limit.receive().result_int(), 200u);
}

TEST_F(e2e, lint_api_get_is_405_with_allow_post) {
  const reply res = get(port_, "/api/v1/lint");
  EXPECT_EQ(res.result_int(), 405u);
  EXPECT_EQ(res.reason(), "Method Not Allowed");
  EXPECT_EQ(res[http::field::allow], "POST, OPTIONS");
  EXPECT_EQ(res[http::field::content_type], "application/problem+json");
  EXPECT_EQ(boost::json::parse(res.body()).at("status"), 405);
}

}  // namespace
