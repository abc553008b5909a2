// SPDX-License-Identifier: MIT
// The router's verdicts, target checks, HEAD and its exception boundary,
// with constructed requests and no sockets.
#include "router.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include <boost/beast/http/field.hpp>

#include "response.hpp"

namespace {

using namespace httpstatus::server;
namespace http = boost::beast::http;

// A handler that echoes what the router gave it, so a test can see the
// path, the query and the parameter.
response echo(const request& req, const route_params& p) {
  response res = make_response(req, 200);
  set_body(res,
           payload::owned(std::string(p.path) + "|" + std::string(p.query) +
                          "|" + std::string(p.param)),
           "text/plain");
  return res;
}

router make_table() {
  router r;
  r.get("/", echo)
      .get("/codes", echo)
      .get("/codes/{code}", echo)
      .add(http::verb::post, "/api/v1/lint", echo)
      .add(http::verb::delete_, "/codes/{code}", echo)
      .get("/status/*", echo);
  return r;
}

request make_request(http::verb method, std::string_view target) {
  return request{method, target, 11};
}

bool is_api(std::string_view path) noexcept {
  return path.starts_with("/api/");
}

TEST(router, matches_table) {
  const router r = make_table();
  struct row {
    http::verb method;
    const char* path;
    verdict expected;
    const char* param;
    const char* allow;
  };
  const row rows[] = {
      {http::verb::get, "/", verdict::found, "", ""},
      {http::verb::head, "/", verdict::found, "", ""},
      {http::verb::get, "/codes", verdict::found, "", ""},
      {http::verb::get, "/codes/404", verdict::found, "404", ""},
      {http::verb::get, "/codes/", verdict::not_found, "", ""},
      {http::verb::get, "/codes/404/x", verdict::not_found, "", ""},
      {http::verb::get, "/codesx", verdict::not_found, "", ""},
      {http::verb::get, "/status/418", verdict::found, "418", ""},
      {http::verb::get, "/status/200,418/x", verdict::found, "200,418/x", ""},
      {http::verb::post, "/codes", verdict::method_not_allowed, "",
       "GET, HEAD"},
      {http::verb::delete_, "/codes/404", verdict::found, "404", ""},
      {http::verb::put, "/codes/404", verdict::method_not_allowed, "",
       "GET, HEAD, DELETE"},
      {http::verb::get, "/api/v1/lint", verdict::method_not_allowed, "",
       "POST"},
      {http::verb::get, "/nowhere", verdict::not_found, "", ""},
  };
  for (const row& x : rows) {
    const route_match m = r.match(x.method, x.path);
    EXPECT_EQ(m.result, x.expected) << x.path;
    EXPECT_EQ(m.param, x.param) << x.path;
    EXPECT_EQ(m.allow, x.allow) << x.path;
    EXPECT_EQ(m.target != nullptr, x.expected == verdict::found) << x.path;
  }
}

TEST(router, passes_path_query_and_param_to_handler) {
  const router r = make_table();
  const response res =
      r.dispatch(make_request(http::verb::get, "/codes/404?x=1&y=%41"));
  EXPECT_EQ(res.result_int(), 200u);
  EXPECT_EQ(res.body().view(), "/codes/404|x=1&y=%41|404");
}

TEST(router, decodes_the_path_before_matching) {
  const router r = make_table();
  const response res =
      r.dispatch(make_request(http::verb::get, "/codes/%34%30%34"));
  EXPECT_EQ(res.body().view(), "/codes/404||404");
}

TEST(router, rejects_bad_targets_with_400_or_414) {
  const router r = make_table();
  struct row {
    std::string target;
    unsigned status;
  };
  const row rows[] = {
      {"codes", 400},
      {"*", 400},
      {"http://example.com/codes", 400},
      {"/codes/../etc/passwd", 400},
      {"/..", 400},
      {"/codes/%2e%2e", 400},
      {"/codes/%zz", 400},
      {"/codes/%00", 400},
      {"/" + std::string(max_target_bytes, 'a'), 414},
  };
  for (const row& x : rows) {
    const response res = r.dispatch(make_request(http::verb::get, x.target));
    EXPECT_EQ(res.result_int(), x.status) << x.target;
  }
  // The detail names what is wrong: a NUL was once called "..".
  EXPECT_NE(r.dispatch(make_request(http::verb::get, "/codes/%00"))
                .body()
                .view()
                .find("NUL"),
            std::string_view::npos);
  // ".." in the query is not a path.
  EXPECT_EQ(
      r.dispatch(make_request(http::verb::get, "/codes?q=..")).result_int(),
      200u);
}

// "/codes/404/" (the export's folder, or typed) was a 404 from the server.
TEST(router, sends_a_trailing_slash_to_the_page_without_it) {
  const router r = make_table();
  const response res =
      r.dispatch(make_request(http::verb::get, "/codes/404/?q=1"));
  EXPECT_EQ(res.result_int(), 301u);
  EXPECT_EQ(res[http::field::location], "/codes/404?q=1");
  EXPECT_EQ(r.dispatch(make_request(http::verb::head, "/codes/")).result_int(),
            301u);
  // Only where the page exists, only for reads, and never off this host.
  for (const std::string target : {"/nowhere/", "//codes/", "/codes/404%2F"})
    EXPECT_EQ(r.dispatch(make_request(http::verb::get, target)).result_int(),
              404u)
        << target;
  EXPECT_EQ(
      r.dispatch(make_request(http::verb::post, "/codes/404/")).result_int(),
      404u);
}

// A browser reads CORS headers on the redirect itself before following
// it; the API's 301s had the site's headers, without
// Access-Control-Allow-Origin.
TEST(router, redirects_a_trailing_slash_with_the_paths_cors_headers) {
  router r;
  r.cross_origin(is_api).get("/api/v1/codes", echo).get("/codes", echo);
  for (const std::string_view target :
       {"/api/v1/codes/", "/api/v1/codes/?class=4xx"}) {
    const response api = r.dispatch(make_request(http::verb::get, target));
    EXPECT_EQ(api.result_int(), 301u) << target;
    EXPECT_EQ(api[http::field::access_control_allow_origin], "*") << target;
  }
  const response page = r.dispatch(make_request(http::verb::get, "/codes/"));
  EXPECT_EQ(page.result_int(), 301u);
  EXPECT_EQ(page.count(http::field::access_control_allow_origin), 0u);
}

// GET "/api/v1/codes/404/" is a 301 to the code, but its preflight was a
// 404: a browser refused the request and never saw the redirect. OPTIONS
// now answers where GET redirects, and only there.
TEST(router, answers_options_where_a_trailing_slash_redirects) {
  router r;
  r.cross_origin(is_api)
      .get("/api/v1/codes/{code}", echo)
      .get("/codes/{code}", echo)
      .add(http::verb::post, "/api/v1/lint", echo);
  struct row {
    const char* target;
    unsigned get;
    unsigned options;
    bool is_cross_origin;
  };
  const row rows[] = {
      {"/api/v1/codes/404/", 301, 204, true},
      {"/codes/404/", 301, 204, false},
      {"/api/v1/lint/", 404, 404, false},  // no GET without the slash
      {"/nowhere/", 404, 404, false},
      {"//codes/404/", 404, 404, false},  // never off this host
  };
  for (const row& x : rows) {
    SCOPED_TRACE(x.target);
    const response get = r.dispatch(make_request(http::verb::get, x.target));
    request preflight = make_request(http::verb::options, x.target);
    preflight.set(http::field::access_control_request_method, "GET");
    const response options = r.dispatch(preflight);
    EXPECT_EQ(get.result_int(), x.get);
    EXPECT_EQ(options.result_int(), x.options);
    if (x.options != 204) continue;
    // What GET and HEAD get is the redirect; other methods get a 404.
    EXPECT_EQ(options[http::field::allow], "GET, HEAD, OPTIONS");
    EXPECT_EQ(options.count(http::field::access_control_allow_origin),
              x.is_cross_origin ? 1u : 0u);
    EXPECT_EQ(get.count(http::field::access_control_allow_origin),
              x.is_cross_origin ? 1u : 0u);
    if (x.is_cross_origin) {
      EXPECT_EQ(options[http::field::access_control_allow_methods],
                "GET, HEAD");
    }
  }
}

// The redirect's CORS headers are those of the resource it points to:
// "/api/" led to the page "/api" with Access-Control-Allow-Origin, which
// the page itself does not send.
TEST(router, redirects_with_the_cors_headers_of_the_target) {
  router r;
  r.cross_origin(is_api).get("/api", echo).get("/api/v1", echo);
  const response page = r.dispatch(make_request(http::verb::get, "/api/"));
  EXPECT_EQ(page.result_int(), 301u);
  EXPECT_EQ(page.count(http::field::access_control_allow_origin), 0u);
  const response api = r.dispatch(make_request(http::verb::get, "/api/v1/"));
  EXPECT_EQ(api.result_int(), 301u);
  EXPECT_EQ(api[http::field::access_control_allow_origin], "*");
}

// RFC 9110 Section 5.3: a preflight's Access-Control-Request-Headers on
// two lines is one list; the grant named only the first line's headers.
TEST(router, grants_a_preflight_every_line_of_its_headers) {
  router r;
  r.cross_origin(is_api).get("/api/v1/codes", echo);
  request req = make_request(http::verb::options, "/api/v1/codes");
  req.set(http::field::access_control_request_method, "GET");
  req.insert(http::field::access_control_request_headers, "if-none-match");
  req.insert(http::field::access_control_request_headers, "x-requested-with");
  const response res = r.dispatch(req);
  EXPECT_EQ(res.result_int(), 204u);
  EXPECT_EQ(res[http::field::access_control_allow_headers],
            "if-none-match, x-requested-with");
}

TEST(router, answers_405_with_allow) {
  const router r = make_table();
  const response res = r.dispatch(make_request(http::verb::post, "/codes"));
  EXPECT_EQ(res.result_int(), 405u);
  EXPECT_EQ(res.reason(), "Method Not Allowed");
  EXPECT_EQ(res[http::field::allow], "GET, HEAD, OPTIONS");
  EXPECT_NE(res.body().view().find("POST is not allowed on /codes"),
            std::string_view::npos);
}

// RFC 9110 Section 9.3.2: HEAD gets the header fields GET would, and a
// 405's detail named the method, so HEAD's Content-Length was one more.
TEST(router, answers_head_405_with_the_fields_of_get_405) {
  const router r = make_table();
  const response get =
      r.dispatch(make_request(http::verb::get, "/api/v1/lint"));
  const response head =
      r.dispatch(make_request(http::verb::head, "/api/v1/lint"));
  EXPECT_EQ(head.result_int(), 405u);
  EXPECT_TRUE(head.body().view().empty());
  const std::string get_wire = to_wire(get);
  EXPECT_EQ(to_wire(head),
            get_wire.substr(0, get_wire.size() - get.body().view().size()));
}

// Allow is no CORS-safelisted response field (Fetch standard): a script
// of another origin that met a 405 could not read what it may do instead.
TEST(router, exposes_allow_on_a_cross_origin_405) {
  const router r = make_table();
  const response res =
      r.dispatch(make_request(http::verb::get, "/api/v1/lint"));
  EXPECT_EQ(res.result_int(), 405u);
  EXPECT_EQ(res[http::field::access_control_allow_origin], "*");
  EXPECT_EQ(res[http::field::access_control_expose_headers], "ETag, Allow");
  // An error builder that grants no other origin gets nothing exposed.
  router plain([](const request& req, std::string_view, int code,
                  std::string_view) { return make_response(req, code); });
  plain.get("/", echo);
  EXPECT_EQ(plain.dispatch(make_request(http::verb::post, "/"))
                .count(http::field::access_control_expose_headers),
            0u);
}

TEST(router, answers_404_through_the_error_builder) {
  std::vector<std::string> calls;
  router r([&](const request& req, std::string_view path, int code,
               std::string_view detail) {
    calls.push_back(std::to_string(code) + " " + std::string(path) + " " +
                    std::string(detail));
    return make_response(req, code);
  });
  r.get("/", echo);
  EXPECT_EQ(r.dispatch(make_request(http::verb::get, "/missing")).result_int(),
            404u);
  ASSERT_EQ(calls.size(), 1u);
  EXPECT_EQ(calls[0], "404 /missing There is nothing at /missing.");
}

TEST(router, head_gets_get_headers_without_body) {
  const router r = make_table();
  const response get = r.dispatch(make_request(http::verb::get, "/codes/404"));
  const response head =
      r.dispatch(make_request(http::verb::head, "/codes/404"));
  EXPECT_EQ(head.result_int(), 200u);
  EXPECT_TRUE(head.body().view().empty());
  EXPECT_EQ(head[http::field::content_length],
            get[http::field::content_length]);
  EXPECT_EQ(head[http::field::content_type], get[http::field::content_type]);
}

TEST(router, turns_a_throwing_handler_into_500_and_one_log_line) {
  std::vector<std::string> lines;
  router r({}, [&](std::string_view line) { lines.emplace_back(line); });
  r.get("/boom", [](const request&, const route_params&) -> response {
    throw std::runtime_error("kaboom");
  });
  const response res = r.dispatch(make_request(http::verb::get, "/boom"));
  EXPECT_EQ(res.result_int(), 500u);
  EXPECT_EQ(res.reason(), "Internal Server Error");
  EXPECT_EQ(res.body().view().find("kaboom"), std::string_view::npos)
      << "the exception text is for the log, not the client";
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0], "500 on GET /boom: kaboom");
}

// Metrics count by route pattern: one id per distinct pattern (shared by
// its methods), `no_route` for what the router answers itself.
TEST(router, names_each_pattern_once) {
  const router r = make_table();
  const std::vector<std::string> expected = {
      "none", "/", "/codes", "/codes/{code}", "/api/v1/lint", "/status/*"};
  EXPECT_EQ(r.route_names(), expected);
  const std::vector<std::string>& names = r.route_names();
  struct row {
    http::verb method;
    const char* path;
    const char* route;
  };
  const row rows[] = {
      {http::verb::get, "/", "/"},
      {http::verb::head, "/codes", "/codes"},
      {http::verb::get, "/codes/404", "/codes/{code}"},
      {http::verb::delete_, "/codes/404", "/codes/{code}"},
      {http::verb::get, "/status/418", "/status/*"},
      {http::verb::post, "/codes", "none"},  // 405
      {http::verb::get, "/nowhere", "none"},
  };
  for (const row& x : rows)
    EXPECT_EQ(names.at(r.match(x.method, x.path).route), x.route) << x.path;
}

TEST(router, says_which_route_answered) {
  router r({}, [](std::string_view) {});
  r.get("/", echo).get("/boom",
                       [](const request&, const route_params&) -> response {
                         throw std::runtime_error("kaboom");
                       });
  struct row {
    const char* target;
    unsigned status;
    route_id route;
  };
  const row rows[] = {
      {"/", 200, 1},
      {"/?q=1", 200, 1},
      {"/boom", 500, 2},  // a handler that threw counts for its route
      {"/nowhere", 404, no_route},
      {"/a/../b", 400, no_route},
      {"relative", 400, no_route},
  };
  for (const row& x : rows) {
    const routed_reply a =
        r.answer_routed(make_request(http::verb::get, x.target));
    EXPECT_EQ(a.r.res.result_int(), x.status) << x.target;
    EXPECT_EQ(a.route, x.route) << x.target;
  }
  EXPECT_EQ(r.answer_routed(make_request(http::verb::post, "/")).route,
            no_route);
}

TEST(router, keeps_keep_alive_of_the_request) {
  const router r = make_table();
  request one_zero = make_request(http::verb::get, "/");
  one_zero.version(10);
  EXPECT_FALSE(r.dispatch(one_zero).keep_alive());
  EXPECT_TRUE(r.dispatch(make_request(http::verb::get, "/")).keep_alive());
  request closing = make_request(http::verb::get, "/");
  closing.keep_alive(false);
  EXPECT_FALSE(r.dispatch(closing).keep_alive());
}

}  // namespace
