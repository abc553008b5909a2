// SPDX-License-Identifier: MIT
// The site's handlers ("/", "/codes", "/codes/{code}", assets) and the
// errors the router answers itself.
#include "handlers/handlers.hpp"

#include <string>
#include <system_error>
#include <utility>

#include <fmt/format.h>
#include <boost/beast/http/field.hpp>

#include "httpstatus/parse.hpp"
#include "httpstatus/registry.hpp"
#include "json.hpp"
#include "pages.hpp"
#include "response.hpp"
#include "url.hpp"

namespace httpstatus::server::handlers {
namespace http = boost::beast::http;
namespace {

constexpr std::string_view html_type = "text/html; charset=utf-8";

// Errors are not stored: a 404 today may be a page after the next
// deployment adds a code.
constexpr std::string_view error_cache = "no-store";

response html_error(const request& req, int code, std::string_view why,
                    std::optional<status_class> cls,
                    std::optional<int> suggested = std::nullopt) {
  return serve_dynamic(req, render::not_found_page(why, cls, suggested),
                       html_type, resource_kind::page, error_cache, code);
}

}  // namespace

missing_code explain_missing(std::string_view text) {
  const parse_result parsed = parse_code(text);
  if (parsed.ec == std::errc::invalid_argument) {
    // parse_code refuses "0404" (a code is three digits), but the code the
    // digits spell is worth a hint.
    if (const std::optional<int> code = zero_padded_code(text))
      return {fmt::format("'{}' is not how a status code is written; did "
                          "you mean {}?",
                          text, *code),
              class_of(*code), *code};
    return {fmt::format("'{}' is not a status code", text), std::nullopt,
            std::nullopt};
  }
  if (parsed.ec == std::errc::result_out_of_range)
    return {fmt::format("{} is not an HTTP status code: codes run from 100 "
                        "to 599",
                        text),
            std::nullopt, std::nullopt};
  const int code = parsed.code;
  const std::optional<status_class> cls = class_of(code);
  if (is_unassigned(code) && find_unofficial(code).empty()) {
    const class_info& c = info(*cls);
    return {fmt::format("{} is unassigned in the IANA registry ({} {})", code,
                        c.label, c.name),
            cls, std::nullopt};
  }
  return {fmt::format("There is no page for {}", code), cls, std::nullopt};
}

response error(const request& req, std::string_view path, int code,
               std::string_view detail) {
  // Outside the API and the mock, a page that is not there is an HTML
  // page a reader can go on from. Every other refusal there (a method, a
  // precondition, a body too large) is what a program meets, and gets the
  // problem document any bad input gets.
  if (code == 404 && !answers_with_problems(path))
    return html_error(req, code, detail, std::nullopt);
  // A target too long for the router comes from the site's search box too:
  // its 256 characters, each up to 9 bytes once percent-encoded, can pass
  // the router's bound, and the reader then got a problem document.
  if (code == 414 && path == "/codes")
    return serve_dynamic(
        req,
        render::bad_search_page(fmt::format(
            "The search is too long: the address of a search may hold at "
            "most {} bytes. A word or two finds the same codes.",
            max_target_bytes)),
        html_type, resource_kind::page, error_cache, code);
  return serve_dynamic(req, render::problem_json(code, detail), problem_type,
                       resource_kind::document, error_cache, code);
}

// Preconditions apply only where the answer would otherwise be a 2xx
// (RFC 9110 Section 13.2.1), so only the 200s come here, never an error.
// Without If-Match, the common case, this is one lookup of the field.
namespace {

// The 412 carries the resource's current tag, in ETag as in its detail,
// for a client to fetch again or retry with.
response precondition_failed(const request& req, std::string_view path,
                             std::string_view etag) {
  response res =
      error(req, path, 412,
            fmt::format("If-Match names no current entity-tag of {}; its "
                        "ETag is {}.",
                        path, etag));
  res.set(http::field::etag, etag);
  return res;
}

}  // namespace

response serve_checked(const request& req, std::string_view path,
                       const resource& r) {
  const list_field if_match(req, http::field::if_match);
  if (!if_match.value().empty()) {
    const std::string_view etag = etag_for(req, r);
    if (!match_holds(if_match.value(), etag))
      return precondition_failed(req, path, etag);
  }
  return serve(req, r);
}

response serve_dynamic_checked(const request& req, std::string_view path,
                               std::string body, std::string_view content_type,
                               resource_kind kind,
                               std::string_view cache_control) {
  const list_field if_match(req, http::field::if_match);
  if (!if_match.value().empty()) {
    const std::string etag = dynamic_etag_for(req, body);
    if (!match_holds(if_match.value(), etag))
      return precondition_failed(req, path, etag);
  }
  return serve_dynamic(req, std::move(body), content_type, kind, cache_control);
}

response stored(const content& site, const request& req,
                const route_params& p) {
  if (const resource* r = site.find(p.path))
    return serve_checked(req, p.path, *r);
  return error(req, p.path, 404,
               fmt::format("There is nothing at {}.", p.path));
}

response codes_page(const content& site, const request& req,
                    const route_params& p) {
  std::string query;
  const bool well_formed =
      for_each_query_param(p.query, {"q"}, [&](const query_param& param) {
        if (param.name == "q") query = param.value;
      });
  if (!well_formed)
    return serve_dynamic(
        req,
        render::bad_search_page("The query has a malformed percent escape: a % "
                                "must be followed by two hex digits."),
        html_type, resource_kind::page, error_cache, 400);
  // A blank query is no filter: serve the stored page, compressed.
  if (is_blank(query)) return stored(site, req, p);
  const resource* whole = site.find(p.path);
  return serve_dynamic_checked(req, p.path, render::codes_page(query),
                               html_type, resource_kind::page,
                               whole ? std::string_view(whole->cache_control)
                                     : std::string_view("no-cache"));
}

response code_page(const content& site, const request& req,
                   const route_params& p) {
  if (const resource* r = site.find(p.path))
    return serve_checked(req, p.path, *r);
  const missing_code missing = explain_missing(p.param);
  return html_error(req, 404, missing.why, missing.cls, missing.suggested);
}

}  // namespace httpstatus::server::handlers
