// SPDX-License-Identifier: MIT
// The route table, and the pre-rendered site its handlers serve.
#include "routes.hpp"

#include <algorithm>
#include <array>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <boost/beast/http/verb.hpp>
#include <boost/json/array.hpp>

#include "handlers/handlers.hpp"
#include "httpstatus/registry.hpp"
#include "json.hpp"
#include "pages.hpp"

namespace httpstatus::server {
namespace {

namespace http = boost::beast::http;

constexpr std::string_view html_type = "text/html; charset=utf-8";
constexpr std::string_view json_type = "application/json";

// Registered codes first, then each vendor's, by code: the order of
// "/api/v1/codes?unofficial=true".
std::vector<status> codes_of(std::optional<status_class> cls,
                             bool with_unofficial) {
  std::vector<status> list;
  auto keep = [&](const status& s) { return !cls || class_of(s) == *cls; };
  for (const status& s : all())
    if (keep(s)) list.push_back(s);
  if (with_unofficial) {
    for (const status& s : unofficial())
      if (keep(s)) list.push_back(s);
    std::stable_sort(
        list.begin(), list.end(),
        [](const status& a, const status& b) { return a.code < b.code; });
  }
  return list;
}

}  // namespace

// Every URL the site can answer with 200 is rendered here, once; a handler
// then only picks the stored bytes. The few responses that depend on free
// text (a search, a 404 saying why) are the exception and are rendered per
// request.
std::shared_ptr<const content> render_site(
    std::span<const precompressed_entry> precompressed) {
  auto site = std::make_shared<content>();
  auto page = [&](std::string path, std::string html) {
    site->add(std::move(path),
              make_resource(std::move(html), std::string(html_type),
                            resource_kind::page, false, precompressed));
  };
  auto document = [&](std::string key, const boost::json::value& value) {
    site->add(
        std::move(key),
        make_resource(render::serialize(value, false), std::string(json_type),
                      resource_kind::document, false, precompressed));
  };

  page("/", render::index_page());
  page("/codes", render::codes_page(""));
  page("/lint", render::lint_page());
  page("/api", render::api_page(handlers::openapi_document()));
  std::set<int> codes;
  for (const status& s : all()) codes.insert(s.code);
  for (const status& s : unofficial()) codes.insert(s.code);
  for (const int code : codes)
    if (std::optional<std::string> html = render::code_page(code))
      page(fmt::format("/codes/{}", code), std::move(*html));

  for (const render::asset& a : render::assets())
    site->add(
        std::string(a.path),
        make_resource(std::string(a.body), std::string(a.content_type),
                      resource_kind::asset, a.is_fingerprinted, precompressed));

  constexpr std::array<std::optional<status_class>, 6> filters = {
      std::nullopt,
      status_class::informational,
      status_class::success,
      status_class::redirection,
      status_class::client_error,
      status_class::server_error};
  for (const std::optional<status_class> cls : filters)
    for (const bool with_unofficial : {false, true})
      document(handlers::codes_list_key(cls, with_unofficial),
               render::to_json(codes_of(cls, with_unofficial)));

  // A registered code is an object; a code only vendors use is an array of
  // their entries, since two vendors may give one number two meanings.
  for (const int code : codes) {
    const std::string key = fmt::format("/api/v1/codes/{}", code);
    if (const std::optional<status> s = find(code))
      document(key, render::to_json(*s));
    else
      document(key, render::to_json(find_unofficial(code)));
  }

  // The API's root answers what is under it (it was a 404).
  document("/api/v1", handlers::api_index());

  boost::json::array classes_json;
  for (const class_info& c : classes())
    classes_json.push_back(render::to_json(c));
  document("/api/v1/classes", classes_json);

  site->add("/api/v1/openapi.json",
            make_resource(std::string(handlers::openapi_document()),
                          std::string(json_type), resource_kind::document,
                          false, precompressed));
  site->add("/healthz",
            make_resource("ok", "text/plain; charset=utf-8",
                          resource_kind::text, false, precompressed));
  return site;
}

// The route table: one line per route. Handlers are free functions of
// (site, request, params); binding the site here is all the wiring there
// is. The mock (issue #4) answers every method under "/status/", and its
// state lives in the handler, so it lasts exactly as long as the router.
router make_router(const content& site, logger log,
                   const handlers::mock_config& mock, metrics* stats) {
  const auto with_site = [&site](auto fn) {
    return std::bind_front(fn, std::cref(site));
  };
  const std::shared_ptr<handlers::mock_state> state =
      handlers::make_mock_state(mock);
  const auto with_mock = [state](const request& req, const route_params& p) {
    return handlers::mock(*state, req, p);
  };
  router r(handlers::error, std::move(log));
  r.cross_origin(handlers::is_cross_origin_path)
      .get("/", with_site(handlers::stored))
      .get("/codes", with_site(handlers::codes_page))
      .get("/codes/{code}", with_site(handlers::code_page))
      .get("/lint", with_site(handlers::stored))
      .add(http::verb::post, "/lint", handlers::lint_form,
           router::content::read)
      .get("/api", with_site(handlers::stored))
      .get("/api/v1", with_site(handlers::stored))
      .get("/api/v1/codes", with_site(handlers::api_codes))
      .get("/api/v1/codes/{code}", with_site(handlers::api_code))
      .get("/api/v1/classes", with_site(handlers::stored))
      .get("/api/v1/openapi.json", with_site(handlers::stored))
      .add(http::verb::post, "/api/v1/lint", handlers::api_lint,
           router::content::read)
      .get("/healthz", with_site(handlers::stored))
      .any("/status/*", with_mock);
  for (const render::asset& a : render::assets())
    r.get(a.path, with_site(handlers::stored));
  // Issue #6: on by default, beside the site (`serve --no-metrics` drops
  // it); the routes are named once the table is complete.
  if (stats) {
    r.get("/metrics", [stats, state](const request& req, const route_params&) {
      const handlers::mock_gauges g = handlers::gauges_of(*state);
      return metrics_response(req, *stats, {g.sequence_keys, g.sleeping});
    });
    stats->name_routes(r.route_names());
  }
  return r;
}

}  // namespace httpstatus::server
