// SPDX-License-Identifier: MIT
// The JSON API's handlers: "/api/v1/codes" and "/api/v1/codes/{code}".
#include "handlers/handlers.hpp"

#include <string>
#include <vector>

#include <fmt/format.h>
#include <boost/json/array.hpp>

#include "httpstatus/parse.hpp"
#include "httpstatus/registry.hpp"
#include "httpstatus/search.hpp"
#include "json.hpp"
#include "response.hpp"
#include "url.hpp"

namespace httpstatus::server::handlers {
namespace {

constexpr std::string_view json_type = "application/json";

response bad_request(const request& req, std::string_view path,
                     std::string_view detail) {
  return error(req, path, 400, detail);
}

}  // namespace

std::string codes_list_key(std::optional<status_class> cls,
                           bool with_unofficial) {
  std::string key = "/api/v1/codes";
  char sep = '?';
  if (cls) {
    key += fmt::format("{}class={}", sep, info(*cls).label);
    sep = '&';
  }
  if (with_unofficial) key += fmt::format("{}unofficial=true", sep);
  return key;
}

// Parameters are strict about their values (a typo in `class` would
// otherwise quietly return every code) and lenient about names, like the
// other routes, so that cache-busting parameters do no harm.
response api_codes(const content& site, const request& req,
                   const route_params& p) {
  std::optional<status_class> cls;
  bool with_unofficial = false;
  std::string query;
  std::string problem;
  // Each parameter is one value: "?class=4xx&class=5xx" would otherwise
  // answer with whichever came last, as if the first were never sent.
  bool seen_class = false, seen_unofficial = false, seen_q = false;
  const auto once = [&](bool& seen, std::string_view name) {
    if (seen && problem.empty())
      problem = fmt::format("{} may be given once.", name);
    seen = true;
  };
  const bool well_formed = for_each_query_param(
      p.query, {"class", "unofficial", "q"}, [&](const query_param& param) {
        if (param.name == "class") once(seen_class, "class");
        if (param.name == "unofficial") once(seen_unofficial, "unofficial");
        if (param.name == "q") once(seen_q, "q");
        if (!problem.empty()) return;
        if (param.name == "class") {
          cls = parse_class(param.value);
          if (!cls)
            problem = fmt::format(
                "class must be one of 1xx, 2xx, 3xx, 4xx, 5xx; got '{}'.",
                param.value);
        } else if (param.name == "unofficial") {
          if (param.value == "true")
            with_unofficial = true;
          else if (param.value == "false")
            with_unofficial = false;
          else
            problem = fmt::format("unofficial must be true or false; got '{}'.",
                                  param.value);
        } else if (param.name == "q") {
          query = param.value;
        }
      });
  if (!well_formed)
    return bad_request(req, p.path,
                       "The query has a malformed percent escape.");
  if (!problem.empty()) return bad_request(req, p.path, problem);

  const resource* list = site.find(codes_list_key(cls, with_unofficial));
  if (list == nullptr)
    return error(req, p.path, 500, "The list of codes is missing.");
  if (is_blank(query)) return serve_checked(req, p.path, *list);

  // A search is the one per-request rendering of the API: ranked hits,
  // narrowed to the class, uncompressed.
  std::vector<status> hits;
  for (const search_hit& hit :
       search(query, with_unofficial ? search_scope::with_unofficial
                                     : search_scope::registered))
    if (!cls || class_of(*hit.entry) == *cls) hits.push_back(*hit.entry);
  return serve_dynamic_checked(
      req, p.path, render::serialize(render::to_json(hits), false), json_type,
      resource_kind::document, list->cache_control);
}

response api_code(const content& site, const request& req,
                  const route_params& p) {
  if (const resource* r = site.find(p.path))
    return serve_checked(req, p.path, *r);
  // A sentence that asks ("did you mean 404?") takes no full stop after it.
  std::string detail = explain_missing(p.param).why;
  if (!detail.ends_with('?')) detail += '.';
  return error(req, p.path, 404, detail);
}

}  // namespace httpstatus::server::handlers
