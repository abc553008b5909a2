// SPDX-License-Identifier: MIT
// The site's and the API's handlers through the real route table, with
// constructed requests and no sockets.
#include "handlers/handlers.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <set>
#include <string>

#include <boost/beast/http/field.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include "httpstatus/registry.hpp"
#include "response.hpp"
#include "routes.hpp"

namespace {

using namespace httpstatus;
using namespace httpstatus::server;
namespace http = boost::beast::http;
namespace json = boost::json;

// Rendering takes about a second; every test reads the same site.
const content& site() {
  static const std::shared_ptr<const content> rendered = render_site();
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

json::value body_json(const response& res) {
  return json::parse(res.body().view());
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
  };
  for (const row& r : rows) {
    const response res = get(r.target);
    EXPECT_EQ(res.result_int(), 400u) << r.target;
    EXPECT_EQ(res[http::field::content_type], "application/problem+json");
    EXPECT_EQ(res[http::field::access_control_allow_origin], "*");
    const json::value problem = body_json(res);
    EXPECT_EQ(problem.at("status"), 400);
    EXPECT_EQ(problem.at("title"), "Bad Request");
    EXPECT_EQ(problem.at("detail"), r.detail);
  }
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

TEST(handlers, api_classes_lists_five) {
  const json::array list = body_json(get("/api/v1/classes")).as_array();
  ASSERT_EQ(list.size(), 5u);
  EXPECT_EQ(list[3].at("class"), "4xx");
  EXPECT_EQ(list[3].at("name"), "Client error");
}

TEST(handlers, api_405_is_a_problem_with_allow) {
  const response res = get("/api/v1/codes", http::verb::post);
  EXPECT_EQ(res.result_int(), 405u);
  EXPECT_EQ(res[http::field::allow], "GET, HEAD");
  EXPECT_EQ(res[http::field::content_type], "application/problem+json");
  EXPECT_EQ(body_json(res).at("status"), 405);
}

TEST(handlers, openapi_is_3_1_and_documents_every_api_route) {
  const json::value doc = json::parse(handlers::openapi_document());
  EXPECT_EQ(doc.at("openapi"), "3.1.0");
  const json::object& paths = doc.at("paths").as_object();
  std::set<std::string> documented;
  for (const auto& entry : paths) documented.emplace(entry.key());
  const std::set<std::string> served = {"/api/v1/codes", "/api/v1/codes/{code}",
                                        "/api/v1/classes",
                                        "/api/v1/openapi.json", "/healthz"};
  EXPECT_EQ(documented, served);
  for (const std::string& path : served) {
    const std::string target =
        path == "/api/v1/codes/{code}" ? "/api/v1/codes/404" : path;
    EXPECT_EQ(get(target).result_int(), 200u) << path;
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

}  // namespace
