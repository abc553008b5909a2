// SPDX-License-Identifier: MIT
// The site's and the API's handlers through the real route table, with
// constructed requests and no sockets.
#include "handlers/handlers.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include <boost/beast/http/field.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include "httpstatus/registry.hpp"
#include "lint.hpp"
#include "lint_json.hpp"
#include "response.hpp"
#include "precompressed.hpp"
#include "routes.hpp"

namespace {

using namespace httpstatus;
using namespace httpstatus::server;
namespace http = boost::beast::http;
namespace json = boost::json;

// Every test reads the same site, rendered as `serve` renders it.
const content& site() {
  static const std::shared_ptr<const content> rendered =
      render_site(precompressed_site());
  return *rendered;
}

const router& routes() {
  static const router r = make_router(site());
  return r;
}

// A stored page or document comes with its fields serialized once
// (`payload::prepared`); the tests read them back into the message, as a
// client reads them off the wire.
response with_fields(response res) {
  std::string_view lines = res.body().prepared_fields();
  if (lines.empty()) return res;
  while (!lines.empty()) {
    const std::size_t end = lines.find("\r\n");
    const std::string_view line = lines.substr(0, end);
    const std::size_t colon = line.find(": ");
    res.insert(line.substr(0, colon), line.substr(colon + 2));
    lines.remove_prefix(end + 2);
  }
  res.body() = payload::borrowed(res.body().view());
  return res;
}

response get(std::string_view target, http::verb method = http::verb::get) {
  return with_fields(routes().dispatch(request{method, target, 11}));
}

response post(std::string_view target, std::string body,
              std::string_view content_type = "text/plain") {
  request req{http::verb::post, target, 11};
  if (!content_type.empty()) req.set(http::field::content_type, content_type);
  req.body() = std::move(body);
  req.prepare_payload();
  return routes().dispatch(req);
}

json::value body_json(const response& res) {
  return json::parse(res.body().view());
}

// An API 400: problem+json (RFC 9457) readable from any origin, saying
// `detail`.
void expect_bad_request(const response& res, const char* detail) {
  EXPECT_EQ(res.result_int(), 400u);
  EXPECT_EQ(res[http::field::content_type], "application/problem+json");
  EXPECT_EQ(res[http::field::access_control_allow_origin], "*");
  const json::value problem = body_json(res);
  EXPECT_EQ(problem.at("status"), 400);
  EXPECT_EQ(problem.at("title"), "Bad Request");
  EXPECT_EQ(problem.at("detail"), detail);
}

int unofficial_only_code() {
  for (const status& s : unofficial())
    if (!find(s.code)) return s.code;
  return 0;
}

TEST(handlers, explains_missing_codes) {
  struct row {
    const char* text;
    const char* why;
    std::optional<status_class> cls;
  };
  const row rows[] = {
      {"299", "299 is unassigned in the IANA registry (2xx Success)",
       status_class::success},
      {"600", "600 is not an HTTP status code: codes run from 100 to 599",
       std::nullopt},
      {"99", "99 is not an HTTP status code: codes run from 100 to 599",
       std::nullopt},
      {"abc", "'abc' is not a status code", std::nullopt},
      {"4xx", "'4xx' is not a status code", std::nullopt},
      {"0404", "'0404' is not how a status code is written; did you mean 404?",
       status_class::client_error},
  };
  for (const row& r : rows) {
    const handlers::missing_code m = handlers::explain_missing(r.text);
    EXPECT_EQ(m.why, r.why);
    EXPECT_EQ(m.cls, r.cls) << r.text;
    // Only the zero-padded spelling has a code to link to.
    EXPECT_EQ(m.suggested, std::string_view(r.text) == "0404"
                               ? std::optional<int>(404)
                               : std::nullopt)
        << r.text;
  }
}

TEST(handlers, renders_a_page_for_every_registered_and_unofficial_code) {
  for (const status& s : all())
    EXPECT_NE(site().find("/codes/" + std::to_string(s.code)), nullptr)
        << s.code;
  for (const status& s : unofficial())
    EXPECT_NE(site().find("/codes/" + std::to_string(s.code)), nullptr)
        << s.code;
}

TEST(handlers, serves_every_route) {
  struct row {
    const char* target;
    unsigned status;
    const char* content_type;
  };
  const row rows[] = {
      {"/", 200, "text/html; charset=utf-8"},
      {"/codes", 200, "text/html; charset=utf-8"},
      {"/codes?q=redirect", 200, "text/html; charset=utf-8"},
      {"/codes/404", 200, "text/html; charset=utf-8"},
      {"/codes/418", 200, "text/html; charset=utf-8"},
      {"/codes/299", 404, "text/html; charset=utf-8"},
      {"/codes/abc", 404, "text/html; charset=utf-8"},
      {"/api/v1/codes", 200, "application/json"},
      {"/api/v1/codes?class=4xx", 200, "application/json"},
      {"/api/v1/codes?q=not+found", 200, "application/json"},
      {"/api/v1/codes?unofficial=true", 200, "application/json"},
      {"/api/v1/codes/404", 200, "application/json"},
      {"/api/v1/codes/299", 404, "application/problem+json"},
      {"/api/v1/classes", 200, "application/json"},
      {"/api/v1/openapi.json", 200, "application/json"},
      {"/healthz", 200, "text/plain; charset=utf-8"},
      {"/lint", 200, "text/html; charset=utf-8"},
      {"/favicon.ico", 200, "image/svg+xml"},
      {"/robots.txt", 200, "text/plain; charset=utf-8"},
      {"/nowhere", 404, "text/html; charset=utf-8"},
      {"/api/v1/nowhere", 404, "application/problem+json"},
  };
  for (const row& r : rows) {
    const response res = get(r.target);
    EXPECT_EQ(res.result_int(), r.status) << r.target;
    EXPECT_EQ(res[http::field::content_type], r.content_type) << r.target;
    EXPECT_EQ(res[http::field::content_length],
              std::to_string(res.body().view().size()))
        << r.target;
  }
}

TEST(handlers, serves_every_asset_the_renderer_lists) {
  for (const auto& [key, r] : site().all()) {
    if (r.kind != resource_kind::asset) continue;
    const response res = get(key);
    EXPECT_EQ(res.result_int(), 200u) << key;
    EXPECT_EQ(res.body().view(), r.identity.bytes) << key;
  }
}

TEST(handlers, healthz_says_ok) {
  const response res = get("/healthz");
  EXPECT_EQ(res.body().view(), "ok");
  EXPECT_EQ(res[http::field::cache_control], "no-store");
}

TEST(handlers, not_found_page_says_why_and_is_not_stored) {
  const response res = get("/codes/299");
  EXPECT_NE(res.body().view().find("299 is unassigned in the IANA registry"),
            std::string_view::npos);
  EXPECT_EQ(res[http::field::cache_control], "no-store");
  EXPECT_EQ(res["Content-Security-Policy"], content_security_policy);
}

TEST(handlers, filter_query_is_escaped) {
  const response res = get("/codes?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
  EXPECT_EQ(res.result_int(), 200u);
  const std::string_view body = res.body().view();
  EXPECT_EQ(body.find("<script>alert(1)"), std::string_view::npos);
  EXPECT_NE(body.find("&lt;script&gt;"), std::string_view::npos);
}

TEST(handlers, blank_filter_serves_the_stored_page) {
  EXPECT_EQ(get("/codes?q=+").body().view(),
            site().find("/codes")->identity.bytes);
}

TEST(handlers, api_lists_registered_codes) {
  const json::array list = body_json(get("/api/v1/codes")).as_array();
  EXPECT_EQ(list.size(), all().size());
  for (const json::value& v : list)
    EXPECT_FALSE(v.as_object().contains("vendor"));
}

TEST(handlers, api_filters_by_class) {
  const json::array list = body_json(get("/api/v1/codes?class=4xx")).as_array();
  EXPECT_EQ(list.size(), in_class(status_class::client_error).size());
  for (const json::value& v : list) EXPECT_EQ(v.at("class"), "4xx");
}

TEST(handlers, api_adds_unofficial_codes_on_request) {
  const json::array list =
      body_json(get("/api/v1/codes?unofficial=true")).as_array();
  EXPECT_EQ(list.size(), all().size() + unofficial().size());
  std::int64_t previous = 0;
  for (const json::value& v : list) {
    EXPECT_GE(v.at("code").as_int64(), previous);
    previous = v.at("code").as_int64();
  }
  EXPECT_EQ(body_json(get("/api/v1/codes?unofficial=false")).as_array().size(),
            all().size());
}

TEST(handlers, api_searches) {
  const json::array list = body_json(get("/api/v1/codes?q=teapot")).as_array();
  ASSERT_FALSE(list.empty());
  EXPECT_EQ(list[0].at("code"), 418);
  const json::array narrowed =
      body_json(get("/api/v1/codes?q=timeout&class=5xx")).as_array();
  ASSERT_FALSE(narrowed.empty());
  for (const json::value& v : narrowed) EXPECT_EQ(v.at("class"), "5xx");
}

TEST(handlers, api_rejects_bad_values_with_problem) {
  struct row {
    const char* target;
    const char* detail;
  };
  const row rows[] = {
      {"/api/v1/codes?class=9xx",
       "class must be one of 1xx, 2xx, 3xx, 4xx, 5xx; got '9xx'."},
      {"/api/v1/codes?unofficial=maybe",
       "unofficial must be true or false; got 'maybe'."},
      {"/api/v1/codes?q=%zz", "The query has a malformed percent escape."},
      // The last of two values silently won.
      {"/api/v1/codes?class=4xx&class=5xx", "class may be given once."},
      {"/api/v1/codes?q=redirect&q=teapot", "q may be given once."},
      {"/api/v1/codes?unofficial=true&class=4xx&unofficial=false",
       "unofficial may be given once."},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(r.target);
    expect_bad_request(get(r.target), r.detail);
  }
}

// The OpenAPI document says unknown parameters are ignored: a cache-buster
// with a broken escape got a 400, since the whole query was refused before
// any name was known. One we read still gets it, and so does the site's
// search (its HTML 400).
TEST(handlers, ignores_a_broken_escape_in_a_parameter_not_read) {
  for (const std::string_view target :
       {"/api/v1/codes?_=%ZZ", "/api/v1/codes?class=4xx&_=%ZZ",
        "/api/v1/codes?%ZZ=1", "/api/v1/codes?q=teapot&x=%", "/codes?x=%ZZ",
        "/codes/404?_=%ZZ", "/api/v1/codes/404?_=%ZZ"})
    EXPECT_EQ(get(target).result_int(), 200u) << target;
  EXPECT_EQ(body_json(get("/api/v1/codes?class=4xx&_=%ZZ"))
                .as_array()
                .at(0)
                .at("class"),
            "4xx");
  expect_bad_request(get("/api/v1/codes?class=%ZZ"),
                     "The query has a malformed percent escape.");
  expect_bad_request(get("/api/v1/codes?_=1&unofficial=%ZZ"),
                     "The query has a malformed percent escape.");
  const response search = get("/codes?q=%ZZ");
  EXPECT_EQ(search.result_int(), 400u);
  EXPECT_EQ(search[http::field::content_type], "text/html; charset=utf-8");

  EXPECT_EQ(
      post("/api/v1/lint?x=%ZZ", "HTTP/1.1 204 No Content\n\n").result_int(),
      200u);
  expect_bad_request(
      post("/api/v1/lint?request_header=%ZZ", "HTTP/1.1 204 No Content\n\n"),
      "The query has a malformed percent escape.");
}

// RFC 9110 Section 5.3: a list field on two lines is one list. A client
// (or a proxy) may send a tag per line; only the first line was read.
TEST(handlers, revalidates_with_every_if_none_match_line) {
  for (const std::string_view target :
       {"/api/v1/codes/404", "/api/v1/codes?q=teapot", "/codes/404",
        "/codes?q=teapot"}) {
    SCOPED_TRACE(target);
    const response first = get(target);
    ASSERT_EQ(first.result_int(), 200u);
    const std::string etag(first[http::field::etag]);
    request req{http::verb::get, target, 11};
    req.insert(http::field::if_none_match, "\"nope\"");
    req.insert(http::field::if_none_match, etag);
    EXPECT_EQ(routes().dispatch(req).result_int(), 304u);
  }
}

// RFC 9110 Section 13.1.1: an origin server MUST evaluate If-Match, by
// strong comparison; false is a 412, judged before If-None-Match (Section
// 13.2.2), and ignored where the answer would not be a 2xx (Section
// 13.2.1). If-Match was ignored everywhere but the mock.
TEST(handlers, answers_412_when_if_match_names_no_current_tag) {
  const std::string_view targets[] = {"/api/v1/codes/404",      "/api/v1/codes",
                                      "/api/v1/codes?q=teapot", "/codes/404",
                                      "/codes?q=teapot",        "/"};
  for (const std::string_view target : targets) {
    SCOPED_TRACE(target);
    const std::string etag(get(target)[http::field::etag]);
    ASSERT_FALSE(etag.empty());
    const auto with = [&](std::initializer_list<std::string_view> if_match,
                          std::string_view if_none_match = {},
                          http::verb method = http::verb::get) {
      request req{method, target, 11};
      for (const std::string_view line : if_match)
        req.insert(http::field::if_match, line);
      if (!if_none_match.empty())
        req.set(http::field::if_none_match, if_none_match);
      return with_fields(routes().dispatch(req));
    };
    EXPECT_EQ(with({etag}).result_int(), 200u);
    EXPECT_EQ(with({"*"}).result_int(), 200u);
    EXPECT_EQ(with({"\"nope\"", etag}).result_int(), 200u);
    EXPECT_EQ(with({etag}, etag).result_int(), 304u);
    EXPECT_EQ(with({"\"nope\""}, etag).result_int(), 412u);
    EXPECT_EQ(with({"W/" + etag}).result_int(), 412u);
    EXPECT_EQ(with({"\"nope\""}, {}, http::verb::head).result_int(), 412u);
    const response failed = with({"\"nomatch\""});
    EXPECT_EQ(failed.result_int(), 412u);
    EXPECT_EQ(failed.reason(), "Precondition Failed");
    EXPECT_EQ(failed[http::field::cache_control], "no-store");
    // The detail names the current tag, for a client to try again with.
    // On the site's pages too: only a missing page is HTML.
    EXPECT_EQ(failed[http::field::content_type], "application/problem+json");
    EXPECT_EQ(failed[http::field::access_control_allow_origin], "*");
    EXPECT_EQ(body_json(failed).at("status"), 412);
    const std::string detail(body_json(failed).at("detail").as_string());
    EXPECT_NE(detail.find(etag), std::string::npos) << detail;
    // So does ETag, which was the error document's own tag.
    EXPECT_EQ(failed[http::field::etag], etag);
  }
  // No representation to compare: the 404 stands.
  request missing{http::verb::get, "/api/v1/codes/299", 11};
  missing.set(http::field::if_match, "\"nomatch\"");
  EXPECT_EQ(routes().dispatch(missing).result_int(), 404u);
}

TEST(handlers, api_code_is_an_object_or_the_vendors_array) {
  const json::value registered = body_json(get("/api/v1/codes/404"));
  EXPECT_EQ(registered.at("code"), 404);
  EXPECT_EQ(registered.at("reason"), "Not Found");

  const int code = unofficial_only_code();
  ASSERT_NE(code, 0);
  const json::value vendors =
      body_json(get("/api/v1/codes/" + std::to_string(code)));
  ASSERT_TRUE(vendors.is_array());
  EXPECT_EQ(vendors.as_array().size(), find_unofficial(code).size());
  for (const json::value& v : vendors.as_array()) {
    EXPECT_EQ(v.at("code"), code);
    EXPECT_EQ(v.at("status"), "unofficial");
    EXPECT_TRUE(v.as_object().contains("vendor"));
  }
}

TEST(handlers, api_unknown_code_is_a_problem_saying_why) {
  struct row {
    const char* target;
    const char* detail;
  };
  const row rows[] = {
      {"/api/v1/codes/299",
       "299 is unassigned in the IANA registry (2xx Success)."},
      {"/api/v1/codes/600",
       "600 is not an HTTP status code: codes run from 100 to 599."},
      {"/api/v1/codes/abc", "'abc' is not a status code."},
      // A question takes no full stop: it read "did you mean 404?.".
      {"/api/v1/codes/0404",
       "'0404' is not how a status code is written; did you mean 404?"},
      // A right-to-left override in the path reordered the rest of the
      // detail wherever a client shows it; the 404 page showed U+FFFD.
      {"/api/v1/codes/%E2%80%AE404", "'\uFFFD404' is not a status code."},
  };
  for (const row& r : rows) {
    const response res = get(r.target);
    EXPECT_EQ(res.result_int(), 404u) << r.target;
    const json::value problem = body_json(res);
    EXPECT_EQ(problem.at("type"), "about:blank");
    EXPECT_EQ(problem.at("title"), "Not Found");
    EXPECT_EQ(problem.at("status"), 404);
    EXPECT_EQ(problem.at("detail"), r.detail);
  }
}

// An ETag names a representation of the target; an error document is
// none, and each of these carried its own document's tag.
TEST(handlers, errors_carry_no_etag) {
  const std::pair<std::string_view, http::verb> requests[] = {
      {"/api/v1/codes/299", http::verb::get},
      {"/api/v1/codes?class=9xx", http::verb::get},
      {"/api/v1/codes", http::verb::post},
      {"/no-such-page", http::verb::get},
      {"/codes?q=%ZZ", http::verb::get},
      {"/codes/404", http::verb::delete_},
  };
  for (const auto& [target, method] : requests) {
    const response res = get(target, method);
    EXPECT_GE(res.result_int(), 400u) << target;
    EXPECT_EQ(res[http::field::etag], "") << target;
  }
}

TEST(handlers, api_classes_lists_five) {
  const json::array list = body_json(get("/api/v1/classes")).as_array();
  ASSERT_EQ(list.size(), 5u);
  EXPECT_EQ(list[3].at("class"), "4xx");
  EXPECT_EQ(list[3].at("name"), "Client error");
}

TEST(handlers, api_405_is_a_problem_with_allow) {
  const response res = get("/api/v1/codes", http::verb::post);
  EXPECT_EQ(res.result_int(), 405u);
  EXPECT_EQ(res[http::field::allow], "GET, HEAD, OPTIONS");
  EXPECT_EQ(res[http::field::content_type], "application/problem+json");
  EXPECT_EQ(body_json(res).at("status"), 405);
}

// A preflight granted where GET sends no Access-Control-Allow-Origin lets
// the browser send a request whose answer it then refuses: "/api", the
// HTML page that documents the API, was granted one. And a preflight
// refused where GET redirects ("/api/v1/codes/404/") kept the browser
// from ever seeing the redirect.
TEST(handlers, grants_a_preflight_exactly_where_get_is_cross_origin) {
  struct row {
    const char* target;
    bool is_cross_origin;
  };
  const row rows[] = {
      {"/api", false},
      {"/api/", false},  // a 301 to the page
      {"/api/v1", true},
      {"/api/v1/", true},
      {"/api/v1/codes/404", true},
      {"/api/v1/codes/404/", true},
      {"/api/v1/openapi.json", true},
      {"/codes/404", false},
      {"/codes/404/", false},
      {"/lint", false},
  };
  for (const row& x : rows) {
    SCOPED_TRACE(x.target);
    request preflight{http::verb::options, x.target, 11};
    preflight.set(http::field::origin, "https://example.com");
    preflight.set(http::field::access_control_request_method, "GET");
    const response options = routes().dispatch(preflight);
    EXPECT_EQ(options.result_int(), 204u);
    EXPECT_EQ(options.count(http::field::access_control_allow_origin),
              x.is_cross_origin ? 1u : 0u);
    EXPECT_EQ(get(x.target).count(http::field::access_control_allow_origin),
              x.is_cross_origin ? 1u : 0u);
  }
}

TEST(handlers, exposes_allow_on_a_405) {
  for (const char* target : {"/api/v1/codes", "/api/v1/lint", "/codes"}) {
    const response res = get(target, http::verb::delete_);
    EXPECT_EQ(res.result_int(), 405u) << target;
    EXPECT_EQ(res[http::field::access_control_expose_headers], "ETag, Allow")
        << target;
  }
  EXPECT_EQ(get("/api/v1/codes")[http::field::access_control_expose_headers],
            "ETag");
}

// RFC 9110 Section 9.3.2: HEAD gets the fields GET gets. The 405's detail
// named the method, so HEAD's Content-Length was one more than GET's.
TEST(handlers, head_405_has_the_fields_of_get_405) {
  const response got = get("/api/v1/lint");
  const response head = get("/api/v1/lint", http::verb::head);
  EXPECT_EQ(head.result_int(), 405u);
  EXPECT_EQ(head[http::field::content_length],
            got[http::field::content_length]);
  EXPECT_EQ(head[http::field::content_length],
            std::to_string(got.body().view().size()));
  EXPECT_EQ(head[http::field::allow], got[http::field::allow]);
}

// RFC 9110 Section 9.1: 405 is for a method the server implements but
// the resource does not take, 501 for one it implements for no resource
// (Section 15.6.2). The mock answers every method, so none is a 501.
TEST(handlers, an_unknown_method_is_405_since_the_mock_takes_every_method) {
  for (const char* method : {"FOO", "PROPFIND", "BREW"}) {
    SCOPED_TRACE(method);
    request page{http::verb::unknown, "/codes/404", 11};
    page.method_string(method);
    const response res = routes().dispatch(page);
    EXPECT_EQ(res.result_int(), 405u);
    EXPECT_EQ(res[http::field::allow], "GET, HEAD, OPTIONS");
    EXPECT_EQ(res[http::field::content_type], "application/problem+json");
    request mock{http::verb::unknown, "/status/418", 11};
    mock.method_string(method);
    EXPECT_EQ(routes().dispatch(mock).result_int(), 418u);
  }
}

TEST(handlers, openapi_is_3_1_and_documents_every_api_route) {
  const json::value doc = json::parse(handlers::openapi_document());
  EXPECT_EQ(doc.at("openapi"), "3.1.0");
  const json::object& paths = doc.at("paths").as_object();
  std::set<std::string> documented;
  for (const auto& entry : paths) documented.emplace(entry.key());
  const std::set<std::string> served = {
      "/api/v1",       "/api/v1/codes",        "/api/v1/codes/{code}",
      "/api/v1/classes", "/api/v1/lint",       "/api/v1/openapi.json",
      "/healthz"};
  EXPECT_EQ(documented, served);
  for (const std::string& path : served) {
    const std::string target =
        path == "/api/v1/codes/{code}" ? "/api/v1/codes/404" : path;
    if (path == "/api/v1/lint") {
      ASSERT_TRUE(paths.at(path).as_object().contains("post"));
      EXPECT_EQ(post(target, "HTTP/1.1 204 No Content\r\n\r\n").result_int(),
                200u);
      continue;
    }
    EXPECT_EQ(get(target).result_int(), 200u) << path;
  }
}

// The API's root was a 404; it lists every documented operation, each
// answered where it says, and where the document and the reference are.
TEST(handlers, api_root_lists_every_endpoint) {
  const response res = get("/api/v1");
  ASSERT_EQ(res.result_int(), 200u);
  EXPECT_EQ(res[http::field::content_type], "application/json");
  EXPECT_EQ(res[http::field::access_control_allow_origin], "*");
  const json::object index = body_json(res).as_object();
  EXPECT_EQ(index.at("openapi"), "/api/v1/openapi.json");
  EXPECT_EQ(index.at("documentation"), "/api");
  EXPECT_EQ(get("/api").result_int(), 200u);
  const json::value doc = json::parse(handlers::openapi_document());
  std::size_t operations = 0;
  for (const auto& entry : doc.at("paths").as_object())
    operations += entry.value().as_object().size();
  const json::array& endpoints = index.at("endpoints").as_array();
  EXPECT_EQ(endpoints.size(), operations);
  bool lists_lint = false;
  for (const json::value& e : endpoints) {
    const std::string path(e.at("path").as_string());
    const std::string method(e.at("method").as_string());
    EXPECT_FALSE(e.at("summary").as_string().empty()) << path;
    if (path == "/api/v1/lint") {
      lists_lint = method == "POST";
      continue;
    }
    EXPECT_EQ(method, "GET") << path;
    const std::string target =
        path == "/api/v1/codes/{code}" ? "/api/v1/codes/404" : path;
    EXPECT_EQ(get(target).result_int(), 200u) << path;
  }
  EXPECT_TRUE(lists_lint);
}

// "/api" is rendered from the OpenAPI document the server serves, so it
// shows every operation the API has.
TEST(handlers, api_page_shows_every_documented_operation) {
  const response res = get("/api");
  ASSERT_EQ(res.result_int(), 200u);
  const std::string body(res.body().view());
  const json::value doc = json::parse(handlers::openapi_document());
  for (const auto& [path, item] : doc.at("paths").as_object())
    for (const auto& [method, op] : item.as_object()) {
      std::string upper(method);
      for (char& c : upper) c = static_cast<char>(std::toupper(c));
      const std::string heading =
          "<code>" + upper + " " + std::string(path) + "</code>";
      EXPECT_NE(body.find(heading), std::string::npos) << heading;
    }
}

TEST(handlers, every_stored_document_is_valid_json) {
  for (const auto& [key, r] : site().all()) {
    if (r.kind != resource_kind::document) continue;
    boost::system::error_code ec;
    (void)json::parse(r.identity.bytes, ec);
    EXPECT_FALSE(ec) << key;
  }
}

// ---- lint (issue #8) -------------------------------------------------------

constexpr std::string_view without_allow =
    "HTTP/1.1 405 Method Not Allowed\r\n"
    "Date: Sun, 06 Nov 1994 08:49:37 GMT\r\n"
    "Content-Type: text/plain\r\n"
    "Content-Length: 19\r\n"
    "\r\n"
    "Method Not Allowed\n";

constexpr std::string_view with_allow =
    "HTTP/1.1 405 Method Not Allowed\n"
    "Date: Sun, 06 Nov 1994 08:49:37 GMT\n"
    "Allow: GET, HEAD\n"
    "Content-Type: text/plain\n"
    "Content-Length: 19\n"
    "\n"
    "Method Not Allowed\n";

std::vector<std::string> rules_of(const json::value& report) {
  std::vector<std::string> rules;
  for (const json::value& f : report.at("findings").as_array())
    rules.emplace_back(f.at("rule").as_string());
  return rules;
}

// The form's body, URL-encoded as a browser sends it.
std::string form_encode(std::string_view text) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) || c == '-' || c == '.' || c == '_' || c == '*') {
      out += c;
    } else if (c == ' ') {
      out += '+';
    } else {
      out += '%';
      out += hex[byte >> 4];
      out += hex[byte & 15];
    }
  }
  return out;
}

TEST(handlers, lint_405_without_allow_breaks_the_required_header_must) {
  const response res = post("/api/v1/lint", std::string(without_allow));
  EXPECT_EQ(res.result_int(), 200u);
  EXPECT_EQ(res[http::field::content_type], "application/json");
  EXPECT_EQ(res[http::field::cache_control], "no-store");
  EXPECT_EQ(res[http::field::access_control_allow_origin], "*");
  const json::array reports = body_json(res).as_array();
  ASSERT_EQ(reports.size(), 1u);
  const json::value& r = reports[0];
  EXPECT_EQ(r.at("status"), 405);
  EXPECT_EQ(r.at("must_broken"), true);
  EXPECT_EQ(r.at("class"), "4xx");
  EXPECT_EQ(std::string(r.at("meaning").as_string().c_str()),
            find(405)->meaning);
  ASSERT_EQ(rules_of(r), std::vector<std::string>{"required-header"});
  const json::value& f = r.at("findings").as_array()[0];
  EXPECT_EQ(f.at("strength"), "MUST");
  EXPECT_EQ(f.at("section"), "RFC 9110, Section 15.5.6");
}

TEST(handlers, lint_clean_response_has_no_findings) {
  const json::array reports =
      body_json(post("/api/v1/lint", std::string(with_allow))).as_array();
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_EQ(reports[0].at("must_broken"), false);
  EXPECT_TRUE(reports[0].at("findings").as_array().empty());
}

// RFC 9110 Sections 13.1.1 and 13.1.2 ask a server to evaluate If-Match
// and If-None-Match for a request that selects a representation, and
// Section 13.2.1 to ignore them for a method that neither selects nor
// modifies one: the lint's POSTs answer the text they are sent, change
// nothing, and have no representation to lose to a concurrent update.
TEST(handlers, lint_posts_ignore_preconditions) {
  struct row {
    const char* target;
    std::string body;
    const char* content_type;
  };
  const row rows[] = {
      {"/api/v1/lint", std::string(with_allow), "text/plain"},
      {"/lint", "response=", "application/x-www-form-urlencoded"},
  };
  for (const row& x : rows) {
    for (const auto field : {http::field::if_match, http::field::if_none_match})
      for (const char* value : {"*", "\"nope\""}) {
        request req{http::verb::post, x.target, 11};
        req.set(http::field::content_type, x.content_type);
        req.set(field, value);
        req.body() = x.body;
        req.prepare_payload();
        EXPECT_EQ(routes().dispatch(req).result_int(), 200u)
            << x.target << " " << value;
      }
  }
}

// The API and `httpstatus lint --json` build their JSON in one function;
// this pins the API to it, parameters included.
TEST(handlers, lint_answers_what_the_cli_prints) {
  const std::string text = std::string(without_allow) + std::string(with_allow);
  const lint::parse_result parsed = lint::parse_responses(text, "HEAD");
  ASSERT_EQ(parsed.ec, std::errc{});
  lint::request_context req;
  req.method = "HEAD";
  req.headers.push_back({"Accept-Encoding", "gzip"});
  const response res = post(
      "/api/v1/lint?method=HEAD&request_header=Accept-Encoding%3A+gzip", text);
  EXPECT_EQ(body_json(res),
            json::value(lint::reports_json(parsed.responses, req)));
  EXPECT_EQ(body_json(res).as_array().size(), 2u);
}

TEST(handlers, lint_head_with_content_gets_the_head_body_finding) {
  const json::array get_reports =
      body_json(post("/api/v1/lint", std::string(with_allow))).as_array();
  EXPECT_TRUE(rules_of(get_reports[0]).empty());
  const json::array head_reports =
      body_json(post("/api/v1/lint?method=HEAD", std::string(with_allow)))
          .as_array();
  const std::vector<std::string> rules = rules_of(head_reports[0]);
  EXPECT_NE(std::find(rules.begin(), rules.end(), "head-body"), rules.end());
  EXPECT_EQ(head_reports[0].at("must_broken"), true);
}

// A proxy's answer to CONNECT before the origin's response (`curl -si -x`)
// is judged as a tunnel answer; the JSON said nothing of it, so a client of
// the API saw a 200 with no findings and no reason why. The page shows the
// same fact from the same JSON.
TEST(handlers, lint_says_which_response_is_a_proxy_tunnel) {
  const std::string text =
      "HTTP/1.1 200 Connection established\r\n\r\n"
      "HTTP/1.1 404 Not Found\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\n"
      "Content-Length: 0\r\n\r\n";
  const json::array reports =
      body_json(post("/api/v1/lint", text)).as_array();
  ASSERT_EQ(reports.size(), 2u);
  EXPECT_EQ(reports[0].at("tunnel"), true);
  EXPECT_EQ(reports[1].at("tunnel"), false);
  const std::string page(post("/lint", "response=" + form_encode(text),
                              "application/x-www-form-urlencoded")
                             .body()
                             .view());
  const std::string_view fact =
      "<dt>Answers</dt><dd>CONNECT: the proxy&#39;s tunnel, not the "
      "origin&#39;s response</dd>";
  const std::size_t first = page.find(fact);
  EXPECT_NE(first, std::string::npos) << page;
  EXPECT_EQ(page.find(fact, first + 1), std::string::npos) << page;
}

// The method reaches the reader too: a blank line after a HEAD response's
// header is a transcript's, not content sent in answer to HEAD.
TEST(handlers, lint_head_with_a_trailing_newline_has_no_content) {
  const std::string head =
      "HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\n"
      "Content-Type: text/plain\nContent-Length: 5\n\n\n";
  const json::array reports =
      body_json(post("/api/v1/lint?method=HEAD", head)).as_array();
  EXPECT_TRUE(rules_of(reports[0]).empty());
  EXPECT_EQ(reports[0].at("must_broken"), false);
}

TEST(handlers, lint_request_headers_reach_the_rules) {
  const std::string gzipped =
      "HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\n"
      "Content-Type: text/plain\nContent-Encoding: gzip\nContent-Length: 0\n\n";
  const auto vary_strength = [&](std::string_view target) {
    const json::value r = body_json(post(target, gzipped)).as_array()[0];
    for (const json::value& f : r.at("findings").as_array())
      if (f.at("rule") == "vary-missing")
        return std::string(f.at("strength").as_string());
    return std::string("none");
  };
  EXPECT_EQ(vary_strength("/api/v1/lint"), "info");
  EXPECT_EQ(vary_strength("/api/v1/lint?request_header=Accept-Encoding:gzip"),
            "SHOULD");
}

TEST(handlers, lint_reads_the_body_whatever_its_content_type) {
  for (const std::string_view type :
       {"", "text/plain; charset=utf-8", "message/http", "application/http",
        "application/x-www-form-urlencoded"}) {
    const response res = post("/api/v1/lint", std::string(without_allow), type);
    EXPECT_EQ(res.result_int(), 200u) << type;
    EXPECT_EQ(body_json(res).as_array()[0].at("must_broken"), true) << type;
  }
}

TEST(handlers, lint_refuses_what_is_not_a_response_with_a_problem) {
  struct row {
    const char* target;
    const char* body;
    const char* detail;
  };
  const row rows[] = {
      {"/api/v1/lint", "<!doctype html>\n<p>not a response</p>\n",
       "The input is not an HTTP response: it must start with a status line "
       "such as \"HTTP/1.1 200 OK\"."},
      {"/api/v1/lint", "",
       "The input is empty; expected a raw HTTP response such as `curl -si "
       "URL` prints."},
      {"/api/v1/lint?method=GE%20T", "HTTP/1.1 204 No Content\n\n",
       "The method 'GE T' is not a method name such as GET or HEAD."},
      {"/api/v1/lint?request_header=Accept-Encoding", "HTTP/1.1 204 OK\n\n",
       "The request header 'Accept-Encoding' is not written as 'Name: "
       "value'."},
      {"/api/v1/lint?method=%zz", "HTTP/1.1 204 No Content\n\n",
       "The query has a malformed percent escape."},
      // A second method was taken over the first, where /api/v1/codes
      // refuses a repeated class.
      {"/api/v1/lint?method=GET&method=HEAD", "HTTP/1.1 204 No Content\n\n",
       "method may be given once."},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(std::string(r.target) + ' ' + std::string(r.body));
    expect_bad_request(post(r.target, r.body), r.detail);
  }
}

// A report is many times its input (4096 "HTTP/1.1 204" lines, 57 KB, gave
// 3.9 MB), and was sent uncompressed whatever Accept-Encoding said, unlike
// every other answer rendered per request.
TEST(handlers, lint_reports_are_compressed_as_asked) {
  std::string many;
  for (int i = 0; i < 20; ++i) many += "HTTP/1.1 204 No Content\r\n\r\n";
  request req{http::verb::post, "/api/v1/lint", 11};
  req.set(http::field::accept_encoding, "gzip");
  req.body() = many;
  req.prepare_payload();
  const response gzipped = routes().dispatch(req);
  const response plain = post("/api/v1/lint", many);
  EXPECT_EQ(gzipped.result_int(), 200u);
  EXPECT_EQ(gzipped[http::field::content_encoding], "gzip");
  EXPECT_EQ(gzipped[http::field::vary], "Accept-Encoding");
  EXPECT_EQ(gzipped[http::field::etag], "");
  EXPECT_EQ(gzipped[http::field::cache_control], "no-store");
  EXPECT_TRUE(gzipped.body().view().starts_with("\x1f\x8b"));
  EXPECT_LT(gzipped.body().view().size() * 4, plain.body().view().size());
  EXPECT_EQ(plain[http::field::content_encoding], "");
}

// A compressed body was read as the response itself and refused as "not
// an HTTP response"; a coding the lint cannot read is a 415 that says
// which it takes (RFC 9110 Section 15.5.16).
TEST(handlers, lint_refuses_an_encoded_body_with_415) {
  request req{http::verb::post, "/api/v1/lint", 11};
  req.set(http::field::content_encoding, "gzip");
  req.body() = std::string("\x1f\x8b\x08\x00", 4);
  req.prepare_payload();
  const response res = routes().dispatch(req);
  EXPECT_EQ(res.result_int(), 415u);
  EXPECT_EQ(res[http::field::accept_encoding], "identity");
  EXPECT_EQ(res[http::field::content_type], "application/problem+json");
  EXPECT_EQ(body_json(res).at("status"), 415);
  request identity{http::verb::post, "/api/v1/lint", 11};
  identity.set(http::field::content_encoding, "identity");
  identity.body() = std::string(without_allow);
  identity.prepare_payload();
  EXPECT_EQ(routes().dispatch(identity).result_int(), 200u);
}

TEST(handlers, lint_api_takes_post_only) {
  for (const http::verb v : {http::verb::get, http::verb::head, http::verb::put,
                             http::verb::delete_}) {
    const response res = get("/api/v1/lint", v);
    EXPECT_EQ(res.result_int(), 405u);
    EXPECT_EQ(res[http::field::allow], "POST, OPTIONS");
    EXPECT_EQ(res[http::field::content_type], "application/problem+json");
  }
  EXPECT_EQ(get("/lint", http::verb::delete_)[http::field::allow],
            "GET, HEAD, POST, OPTIONS");
}

// GET /lint is pre-rendered like every page: the bytes served are the
// stored variant's (its headers are checked on the wire, in e2e).
TEST(handlers, lint_page_is_stored_and_compressed) {
  const resource* stored = site().find("/lint");
  ASSERT_NE(stored, nullptr);
  EXPECT_EQ(stored->kind, resource_kind::page);
  EXPECT_EQ(stored->content_type, "text/html; charset=utf-8");
  ASSERT_FALSE(stored->br.bytes.empty());
  ASSERT_FALSE(stored->gzip.bytes.empty());
  request req{http::verb::get, "/lint", 11};
  req.set(http::field::accept_encoding, "br");
  const response res = routes().dispatch(req);
  EXPECT_EQ(res.result_int(), 200u);
  EXPECT_EQ(res.body().view(), stored->br.bytes);
  EXPECT_EQ(get("/lint").body().view(), stored->identity.bytes);
}

TEST(handlers, lint_form_shows_the_findings_on_the_page) {
  const response res =
      post("/lint", "response=" + form_encode(without_allow) + "&method=GET",
           "application/x-www-form-urlencoded");
  EXPECT_EQ(res.result_int(), 200u);
  EXPECT_EQ(res[http::field::content_type], "text/html; charset=utf-8");
  EXPECT_EQ(res[http::field::cache_control], "no-store");
  EXPECT_EQ(res["Content-Security-Policy"], content_security_policy);
  const std::string_view page = res.body().view();
  EXPECT_NE(page.find("<code>required-header</code>"), std::string_view::npos);
  EXPECT_NE(page.find("Breaks a MUST: 1 MUST."), std::string_view::npos);
  EXPECT_NE(page.find(std::string(find(405)->meaning)), std::string_view::npos);
  EXPECT_NE(page.find("<a href=\"/codes/405\">"), std::string_view::npos);
  // The pasted text is back in the text area.
  EXPECT_NE(page.find("Content-Length: 19"), std::string_view::npos);
}

TEST(handlers, lint_form_escapes_everything_it_echoes) {
  const std::string hostile =
      "HTTP/1.1 200 <script>alert(1)</script>\r\n"
      "Content-Type: text/html\r\n"
      "X-Evil: \"><img src=x onerror=alert(2)>\r\n"
      "\r\n"
      "</textarea><script>alert(3)</script>\r\n";
  const response res =
      post("/lint",
           "response=" + form_encode(hostile) +
               "&method=" + form_encode("GET") + "&request_headers=" +
               form_encode("X-Req: </textarea><script>alert(4)</script>"),
           "application/x-www-form-urlencoded");
  EXPECT_EQ(res.result_int(), 200u);
  const std::string_view page = res.body().view();
  EXPECT_EQ(page.find("<script>alert"), std::string_view::npos);
  EXPECT_EQ(page.find("<img src=x"), std::string_view::npos);
  EXPECT_EQ(page.find("</textarea><script>"), std::string_view::npos);
  EXPECT_NE(page.find("&lt;script&gt;alert(1)&lt;/script&gt;"),
            std::string_view::npos);
  EXPECT_NE(page.find("&lt;/textarea&gt;&lt;script&gt;alert(4)"),
            std::string_view::npos);

  // An unknown method is echoed as an option, escaped too.
  const response bad_method = post("/lint",
                                   "response=" + form_encode(without_allow) +
                                       "&method=" + form_encode("<b>"),
                                   "application/x-www-form-urlencoded");
  EXPECT_EQ(bad_method.result_int(), 400u);
  EXPECT_EQ(bad_method.body().view().find("<b>"), std::string_view::npos);
  EXPECT_NE(bad_method.body().view().find(
                "The method &#39;&lt;b&gt;&#39; is not a method name"),
            std::string_view::npos);
}

TEST(handlers, lint_form_without_text_says_what_to_paste) {
  for (const std::string& body :
       {std::string(), std::string("response="),
        std::string("response=+%0D%0A&method=HEAD")}) {
    const response res =
        post("/lint", body, "application/x-www-form-urlencoded");
    EXPECT_EQ(res.result_int(), 200u) << body;
    const std::string_view page = res.body().view();
    EXPECT_NE(page.find("<p id=\"lint-empty\" class=\"notice\">Paste a "
                        "response first"),
              std::string_view::npos)
        << body;
    EXPECT_EQ(page.find("id=\"lint-result-h\""), std::string_view::npos);
  }
}

TEST(handlers, lint_form_says_what_was_wrong) {
  struct row {
    std::string body;
    const char* says;
  };
  const row rows[] = {
      {"response=" + form_encode("<html>not a response</html>"),
       "The input is not an HTTP response"},
      {"response=" + form_encode(without_allow) + "&request_headers=" +
           form_encode("Accept-Encoding: gzip\r\nno colon here"),
       "The request header &#39;no colon here&#39; is not written as"},
      {"response=%zz", "The form data has a malformed percent escape."},
  };
  for (const row& r : rows) {
    const response res =
        post("/lint", r.body, "application/x-www-form-urlencoded");
    EXPECT_EQ(res.result_int(), 400u) << r.body;
    EXPECT_EQ(res[http::field::content_type], "text/html; charset=utf-8");
    EXPECT_NE(res.body().view().find(r.says), std::string_view::npos) << r.body;
  }
}

// ---- the mock's prepared answers (issue #5) --------------------------------

// A response as a client compares two: status, reason, body, and the
// fields in sorted order without `Date`, whose value moves with the clock.
std::string comparable(const response& prepared_or_not) {
  const response res = with_fields(prepared_or_not);
  std::vector<std::string> lines;
  for (const auto& f : res)
    if (f.name() != http::field::date)
      lines.push_back(std::string(f.name_string()) + ": " +
                      std::string(f.value()));
  std::sort(lines.begin(), lines.end());
  std::string out = std::to_string(res.result_int()) + " " +
                    std::string(res.reason()) + "\n";
  for (const std::string& l : lines) out += l + "\n";
  return out + "\n" + std::string(res.body().view());
}

const router& unprepared_routes() {
  static const router r = [] {
    handlers::mock_config cfg;
    cfg.prepare_common_answers = false;
    return make_router(site(), {}, cfg);
  }();
  return r;
}

request mock_request(http::verb method, const std::string& target,
                     std::string_view accept, unsigned version,
                     http::field condition = http::field::unknown,
                     std::string_view tag = {}) {
  request req{method, target, version};
  if (!accept.empty()) req.set(http::field::accept, accept);
  if (condition != http::field::unknown) req.set(condition, tag);
  return req;
}

// Every code and media type the mock prepares, to GET and HEAD over both
// HTTP versions, is answered exactly as the core answers it per request.
TEST(handlers, mock_prepared_answers_are_the_cores) {
  const std::string_view accepts[] = {
      "", "application/json", "text/html", "application/problem+json",
      "text/*;q=0.5, application/json", "image/png"};
  std::set<int> codes;
  for (const status& s : all()) codes.insert(s.code);
  for (const status& s : unofficial()) codes.insert(s.code);
  std::size_t prepared = 0;
  for (const int code : codes) {
    const std::string target = "/status/" + std::to_string(code);
    for (const std::string_view accept : accepts)
      for (const http::verb method : {http::verb::get, http::verb::head})
        for (const unsigned version : {10U, 11U}) {
          const request req = mock_request(method, target, accept, version);
          const response fast = routes().dispatch(req);
          const response slow = unprepared_routes().dispatch(req);
          if (!fast.body().prepared_fields().empty()) ++prepared;
          EXPECT_TRUE(slow.body().prepared_fields().empty());
          EXPECT_EQ(comparable(fast), comparable(slow))
              << target << " Accept: " << accept << " HTTP/" << version;
          EXPECT_EQ(fast.keep_alive(), slow.keep_alive()) << target;
        }
  }
  // Most answers are prepared; the exceptions are named in the next test.
  EXPECT_GT(prepared, codes.size() * 8);
}

// A precondition can turn a prepared 200 into a 304 or 412 (RFC 9110
// Section 13.2.2): a request carrying one gets what the core answers per
// request, for every code, media type and method the mock prepares.
TEST(handlers, mock_prepared_answers_heed_preconditions) {
  const std::string_view accepts[] = {"", "application/json", "text/html"};
  std::set<int> codes;
  for (const status& s : all()) codes.insert(s.code);
  for (const status& s : unofficial()) codes.insert(s.code);
  for (const int code : codes) {
    const std::string target = "/status/" + std::to_string(code);
    for (const std::string_view accept : accepts)
      for (const http::verb method : {http::verb::get, http::verb::head}) {
        // The tag the 200 sends for this Accept, so that If-None-Match hits.
        const std::string etag(unprepared_routes().dispatch(mock_request(
            http::verb::get, "/status/200", accept, 11))[http::field::etag]);
        const std::pair<http::field, std::string> conditions[] = {
            {http::field::if_none_match, etag},
            {http::field::if_none_match, "*"},
            {http::field::if_none_match, "\"other\""},
            {http::field::if_match, "\"nope\""},
            {http::field::if_match, etag},
        };
        for (const auto& [field, tag] : conditions) {
          const request req =
              mock_request(method, target, accept, 11, field, tag);
          const response fast = routes().dispatch(req);
          const response slow = unprepared_routes().dispatch(req);
          EXPECT_EQ(comparable(fast), comparable(slow))
              << target << " Accept: " << accept << " "
              << http::to_string(field) << ": " << tag;
        }
      }
  }
  request fresh = mock_request(http::verb::get, "/status/200", "", 11);
  fresh.set(http::field::if_none_match, "*");
  const response res = routes().dispatch(fresh);
  EXPECT_EQ(res.result_int(), 304u);
  EXPECT_TRUE(res.body().prepared_fields().empty());
}

// The mock reads If-Match, If-None-Match and Accept from every line (RFC
// 9110 Section 5.3), and two Range lines, which are no ranges-specifier,
// as no Range at all: it sent the first line's range.
TEST(handlers, mock_reads_every_line_of_its_fields) {
  for (const router* r : {&routes(), &unprepared_routes()}) {
    const std::string etag(with_fields(r->dispatch(mock_request(
        http::verb::get, "/status/200", "", 11)))[http::field::etag]);
    ASSERT_FALSE(etag.empty());
    request none_match = mock_request(http::verb::get, "/status/200", "", 11);
    none_match.insert(http::field::if_none_match, "\"nope\"");
    none_match.insert(http::field::if_none_match, etag);
    EXPECT_EQ(r->dispatch(none_match).result_int(), 304u);

    request match = mock_request(http::verb::get, "/status/200", "", 11);
    match.insert(http::field::if_match, "\"nope\"");
    match.insert(http::field::if_match, etag);
    EXPECT_EQ(r->dispatch(match).result_int(), 200u);

    request accept = mock_request(http::verb::get, "/status/404", "", 11);
    accept.insert(http::field::accept, "image/png");
    accept.insert(http::field::accept, "text/html");
    EXPECT_EQ(with_fields(r->dispatch(accept))[http::field::content_type],
              with_fields(r->dispatch(
                  mock_request(http::verb::get, "/status/404", "text/html",
                               11)))[http::field::content_type]);

    request range = mock_request(http::verb::get, "/status/206", "", 11);
    range.insert(http::field::range, "bytes=0-1");
    range.insert(http::field::range, "bytes=3-4");
    const response part = with_fields(r->dispatch(range));
    const response whole = with_fields(
        r->dispatch(mock_request(http::verb::get, "/status/206", "", 11)));
    EXPECT_EQ(part.result_int(), 206u);
    EXPECT_EQ(part[http::field::content_range],
              whole[http::field::content_range]);
  }
}

TEST(handlers, mock_prepares_only_what_reads_no_more_of_the_request) {
  struct row {
    http::verb method;
    const char* target;
    bool is_prepared;
  };
  const row rows[] = {
      {http::verb::get, "/status/418", true},
      {http::verb::head, "/status/404", true},
      {http::verb::get, "/status/499", true},
      {http::verb::post, "/status/418", false},
      {http::verb::get, "/status/418?x=1", false},
      {http::verb::get, "/status/%34%31%38", false},
      {http::verb::get, "/status/0418", false},
      {http::verb::get, "/status/200,404", false},
      {http::verb::get, "/status/103", false},
      {http::verb::get, "/status/206", false},
      {http::verb::get, "/status/416", false},
      {http::verb::get, "/status/444", false},
      {http::verb::get, "/status/426", false},
      {http::verb::get, "/status/299", false},
  };
  for (const row& r : rows) {
    const response res = routes().dispatch(request{r.method, r.target, 11});
    EXPECT_EQ(!res.body().prepared_fields().empty(), r.is_prepared)
        << r.target;
  }
  request continued{http::verb::get, "/status/418", 11};
  continued.set(http::field::expect, "100-continue");
  EXPECT_TRUE(routes().dispatch(continued).body().prepared_fields().empty());
}

}  // namespace
