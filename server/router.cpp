// SPDX-License-Identifier: MIT
// The router: (method, path) -> handler, answering 400, 404, 405 and 500
// itself. It knows paths, not sockets.
#include "router.hpp"

#include <algorithm>
#include <exception>
#include <optional>
#include <utility>

#include <fmt/format.h>
#include <boost/beast/http/field.hpp>

#include "log.hpp"
#include "response.hpp"
#include "syntax.hpp"
#include "url.hpp"

namespace httpstatus::server {
namespace http = boost::beast::http;

router::router(error_builder errors, logger log)
    : errors_(std::move(errors)), log_(std::move(log)) {
  if (!errors_)
    errors_ = [](const request& req, std::string_view, int code,
                 std::string_view detail) {
      return problem_error(req, code, detail);
    };
  if (!log_) log_ = log_to_stderr;
}

router& router::add(http::verb method, std::string_view pattern, handler h,
                    content use) {
  route r{method, pattern_kind::exact, std::string(pattern), std::move(h)};
  r.use = use;
  const auto named = std::find(names_.begin(), names_.end(), pattern);
  r.id = static_cast<route_id>(named - names_.begin());
  if (named == names_.end()) names_.emplace_back(pattern);
  if (pattern.ends_with('*')) {
    r.kind = pattern_kind::prefix;
    r.literal = pattern.substr(0, pattern.size() - 1);
  } else if (pattern.ends_with('}')) {
    r.kind = pattern_kind::segment;
    r.literal = pattern.substr(0, pattern.rfind('{'));
  }
  routes_.push_back(std::move(r));
  return *this;
}

router& router::any(std::string_view pattern, exchange_handler h) {
  add(http::verb::unknown, pattern, {});
  routes_.back().exchange = std::move(h);
  return *this;
}

route_match router::match(http::verb method, std::string_view path) const {
  route_match m;
  std::vector<http::verb> allowed;
  for (const route& r : routes_) {
    std::string_view param;
    switch (r.kind) {
      case pattern_kind::exact:
        if (path != r.literal) continue;
        break;
      case pattern_kind::segment:
        if (!path.starts_with(r.literal)) continue;
        param = path.substr(r.literal.size());
        if (param.empty() || param.find('/') != std::string_view::npos)
          continue;
        break;
      case pattern_kind::prefix:
        if (!path.starts_with(r.literal)) continue;
        param = path.substr(r.literal.size());
        break;
    }
    const bool takes =
        r.exchange || r.method == method ||
        (method == http::verb::head && r.method == http::verb::get);
    if (takes) {
      m.result = verdict::found;
      if (r.exchange)
        m.exchange = &r.exchange;
      else
        m.target = &r.target;
      m.param = param;
      m.route = r.id;
      m.reads_content = r.use == content::read;
      return m;
    }
    allowed.push_back(r.method);
    if (r.method == http::verb::get) allowed.push_back(http::verb::head);
  }
  if (allowed.empty()) return m;
  m.result = verdict::method_not_allowed;
  for (std::size_t i = 0; i < allowed.size(); ++i) {
    bool seen = false;
    for (std::size_t j = 0; j < i; ++j) seen = seen || allowed[j] == allowed[i];
    if (seen) continue;
    if (!m.allow.empty()) m.allow += ", ";
    m.allow += http::to_string(allowed[i]);
  }
  return m;
}

// The one exception boundary. Handlers may throw (a renderer running out
// of memory, a bug); whatever escapes here would unwind io_context::run()
// and take every connection down, so it becomes a 500 and one log line.
// If even the error page cannot be built, a plain-text 500 is the answer.
response router::dispatch(const request& req) const noexcept {
  return answer(req).res;
}

reply router::answer(const request& req) const noexcept {
  return answer_routed(req).r;
}

routed_reply router::answer_routed(const request& req) const noexcept {
  routed_reply routed;
  reply& r = routed.r;
  try {
    r = route_request(req, routed.route);
  } catch (const std::exception& e) {
    log_(fmt::format("500 on {} {}: {}", req.method_string(), req.target(),
                     e.what()));
    r.extras.reset();
    try {
      r.res = errors_(req, req.target(), 500, "The server failed to answer.");
    } catch (const std::exception&) {
      r.res = problem_error(req, 500, "The server failed to answer.");
    }
  }
  if (req.method() == http::verb::head) strip_body(r.res);
  return routed;
}

// Mirrors the checks of `route_request` only as far as finding the route:
// a target it would refuse is answered from the header too (a 400, 414).
bool router::reads_content(const request& req) const {
  const std::string_view target = req.target();
  if (target.empty() || target.front() != '/' ||
      target.size() > max_target_bytes)
    return false;
  std::string_view path = target.substr(0, target.find('?'));
  std::optional<std::string> decoded;
  if (path.find('%') != std::string_view::npos) {
    decoded = percent_decode(path, false);
    if (!decoded) return false;
    path = *decoded;
  }
  return match(req.method(), path).reads_content;
}

// RFC 9110 Section 9.3.7: OPTIONS asks what a resource supports, which
// `Allow` says. From a browser it is also the CORS preflight (Fetch
// standard) of a request that is not "simple" (an `If-None-Match`, a JSON
// `Content-Type`): on a path other origins may read, it is granted the
// path's methods, and the headers asked for when each is a token (anything
// else could smuggle text into our response).
response router::options_answer(const request& req, std::string_view path,
                                std::string_view methods,
                                std::string_view allow) const {
  response res = make_response(req, 204);
  res.set(http::field::allow, allow);
  add_kind_headers(res, resource_kind::text);
  const bool is_preflight =
      !req[http::field::access_control_request_method].empty();
  if (is_preflight && is_cross_origin_ && is_cross_origin_(path)) {
    res.set(http::field::access_control_allow_origin, "*");
    res.set(http::field::access_control_allow_methods, methods);
    const list_field asked(req, http::field::access_control_request_headers);
    const std::string_view headers = lint::trim(asked.value());
    if (!headers.empty() && lint::is_token_list(headers))
      res.set(http::field::access_control_allow_headers, headers);
    res.set(http::field::access_control_max_age, "600");
    res.set(http::field::vary,
            "Access-Control-Request-Method, Access-Control-Request-Headers");
  }
  return res;
}

// Targets are checked before routing: only origin-form paths are served,
// and ".." is refused outright (even where it would be harmless) so that
// no handler, now or later, has to think about path traversal.
reply router::route_request(const request& req, route_id& answered) const {
  const std::string_view target = req.target();
  // The path picks the error's form (problem+json for the API and the
  // mock), as for every other error here.
  if (target.size() > max_target_bytes)
    return {errors_(req, target.substr(0, target.find('?')), 414,
                    fmt::format("The request target is longer than {} bytes.",
                                max_target_bytes))};
  // "OPTIONS *" asks about the server as a whole (RFC 9110 Section 9.3.7);
  // the absolute form ("http://host/path") is made a path by the session.
  if (target == "*" && req.method() == http::verb::options) {
    response res = make_response(req, 204);
    add_kind_headers(res, resource_kind::text);
    return {std::move(res)};
  }
  if (target.empty() || target.front() != '/')
    return {errors_(req, target, 400,
                    "The request target must be a path (\"/codes\") or an "
                    "http(s) URL with a host and no userinfo.")};
  const std::size_t question = target.find('?');
  const std::string_view raw_path = target.substr(0, question);
  const std::string_view query =
      question == std::string_view::npos ? "" : target.substr(question + 1);

  std::optional<std::string> decoded;
  std::string_view path = raw_path;
  if (raw_path.find('%') != std::string_view::npos) {
    decoded = percent_decode(raw_path, false);
    if (!decoded)
      return {errors_(req, raw_path, 400,
                      "The request path has a malformed percent escape.")};
    path = *decoded;
  }
  if (path.find("..") != std::string_view::npos)
    return {errors_(req, raw_path, 400,
                    "The request path must not contain \"..\".")};
  if (path.find('\0') != std::string_view::npos)
    return {errors_(req, raw_path, 400,
                    "The request path must not contain a NUL byte (%00).")};

  const route_match m = match(req.method(), path);
  switch (m.result) {
    case verdict::found:
      answered = m.route;
      if (m.exchange)
        return (*m.exchange)(req, route_params{path, query, m.param});
      return {(*m.target)(req, route_params{path, query, m.param})};
    case verdict::method_not_allowed: {
      // Every path answers OPTIONS too, so the Allow of both answers says
      // so; a preflight is granted the route's own methods.
      const std::string allow = m.allow + ", OPTIONS";
      if (req.method() == http::verb::options)
        return {options_answer(req, path, m.allow, allow)};
      // HEAD gets the header fields GET would (RFC 9110 Section 9.3.2),
      // Content-Length included, so its unsent detail is GET's.
      const auto method = req.method() == http::verb::head
                              ? http::to_string(http::verb::get)
                              : req.method_string();
      response res =
          errors_(req, path, 405,
                  fmt::format("{} is not allowed on {}; allowed: {}.", method,
                              path, allow));
      res.set(http::field::allow, allow);
      // Allow is no CORS-safelisted response field (Fetch standard): where
      // other origins may read the refusal, they may read what it allows.
      if (res.count(http::field::access_control_allow_origin) != 0) {
        std::string exposed(res[http::field::access_control_expose_headers]);
        exposed += exposed.empty() ? "Allow" : ", Allow";
        res.set(http::field::access_control_expose_headers, exposed);
      }
      return {std::move(res)};
    }
    case verdict::not_found:
      break;
  }
  // "/codes/404/" is the URL of the export's codes/404/index.html, and one
  // people type: a page that exists without the slash is sent there. Never
  // to "//host": that would leave this server. The redirect carries the
  // CORS headers of the resource it points to: a browser reads them on the
  // 301 itself before it follows it.
  const std::optional<std::string_view> bare =
      page_without_slash(raw_path, path);
  const bool is_read =
      req.method() == http::verb::get || req.method() == http::verb::head;
  if (bare && is_read) {
    std::string location(raw_path.substr(0, raw_path.size() - 1));
    if (!query.empty()) (location += '?') += query;
    response res = make_response(req, 301);
    res.set(http::field::location, location);
    const bool is_cross_origin = is_cross_origin_ && is_cross_origin_(*bare);
    add_kind_headers(
        res, is_cross_origin ? resource_kind::document : resource_kind::text);
    set_body(res, payload::owned("Moved to " + location + "\n"),
             "text/plain; charset=utf-8");
    return {std::move(res)};
  }
  // GET and HEAD take such a URL (to redirect), so OPTIONS says so, and a
  // preflight is granted them where the redirect is readable: refused, the
  // browser never sent the request that would have been redirected.
  if (bare && req.method() == http::verb::options)
    return {options_answer(req, *bare, "GET, HEAD", "GET, HEAD, OPTIONS")};
  return {
      errors_(req, path, 404, fmt::format("There is nothing at {}.", path))};
}

std::optional<std::string_view> router::page_without_slash(
    std::string_view raw_path, std::string_view path) const {
  if (path.size() <= 1 || !raw_path.ends_with('/') ||
      raw_path.starts_with("//") || raw_path.starts_with("/\\"))
    return std::nullopt;
  const std::string_view bare = path.substr(0, path.size() - 1);
  if (match(http::verb::get, bare).result != verdict::found)
    return std::nullopt;
  return bare;
}

}  // namespace httpstatus::server
