// SPDX-License-Identifier: MIT
// The router: (method, path) -> handler, answering 400, 404, 405 and 500
// itself. It knows paths, not sockets.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/beast/http/verb.hpp>

#include "message.hpp"
#include "reply.hpp"

namespace httpstatus::server {

/// Carries what a handler needs from the request target besides the
/// request itself. The views point into the request or the router's
/// decoded copy and live for the duration of the handler call.
struct route_params {
  std::string_view path;   ///< the decoded path, e.g. "/codes/404"
  std::string_view query;  ///< the raw query, after '?', not decoded
  std::string_view param;  ///< what `{name}` or a trailing `*` matched
};

/// Is a handler: a function from a request to a response. It never sees a
/// socket. It may throw; the router turns that into a 500.
using handler = std::function<response(const request&, const route_params&)>;

/// Is a handler that may ask more of the session than one response (see
/// `reply_extras`: interim responses, a delay, closing, an upgrade). It
/// answers from the request header: when the request waits for
/// `100 Continue`, the session calls it before reading the body, which it
/// then never sees. It may throw; the router turns that into a 500.
using exchange_handler =
    std::function<reply(const request&, const route_params&)>;

/// Builds the body of an error the router answers itself (400, 404, 405,
/// 414, 500) for `path` (decoded, or raw when it could not be decoded);
/// `detail` says what went wrong in one sentence.
using error_builder = std::function<response(
    const request&, std::string_view path, int code, std::string_view detail)>;

/// Receives one line about a failure the server survived.
using logger = std::function<void(std::string_view)>;

/// Says how a (method, path) pair fared against the route table.
enum class verdict : std::uint8_t { found, method_not_allowed, not_found };

/// Identifies a route pattern for metrics: an index into
/// `router::route_names()`. Routes registered with the same pattern (for
/// different methods) share one.
using route_id = std::uint16_t;

/// Is the `route_id` of everything no route answered: the router's own
/// 400, 404, 405 and 414, and the session's 413 and 431.
inline constexpr route_id no_route = 0;

/// Holds the outcome of `router::match`.
struct route_match {
  verdict result = verdict::not_found;
  const handler* target = nullptr;  ///< set when `found` on a `handler`
  const exchange_handler* exchange = nullptr;  ///< or on an `any` route
  bool reads_content = false;       ///< the route was added so (`found`)
  std::string_view param;           ///< what `{name}` or `*` matched
  std::string allow;                ///< "GET, HEAD" when `method_not_allowed`
  route_id route = no_route;        ///< the pattern, when `found`
};

/// Holds what `router::answer_routed` returns: the reply, and the route
/// whose handler made it (`no_route` when the router answered itself).
struct routed_reply {
  reply r;
  route_id route = no_route;
};

/// Gives the longest request target the router accepts (414 beyond).
inline constexpr std::size_t max_target_bytes = 2048;

/// Maps methods and paths to handlers. Patterns are exact ("/codes"), end
/// in one `{name}` segment ("/codes/{code}", no '/' in the match), or end
/// in `*` for a prefix ("/status/*", the rest of the path). The first
/// matching route wins. A route for GET also answers HEAD, with the same
/// headers and no body; an `any` route answers every method.
///
///     router r(errors, log);
///     r.get("/codes/{code}", code_page)
///      .get("/healthz", healthz)
///      .any("/status/*", mock);
///     response res = r.dispatch(req);
///
/// Registration is not thread-safe; `match` and `dispatch` are, once built.
class router {
 public:
  /// Uses `errors` for the bodies of the errors it answers
  /// (`problem_error` when empty) and `log` for handler failures (stderr when empty).
  explicit router(error_builder errors = {}, logger log = {});

  /// Says whether a route's handler reads the request's content (a posted
  /// form or document) or answers from the header alone.
  enum class content : std::uint8_t { ignored, read };

  /// Adds a route for `method` and `pattern`; `use` says whether its
  /// handler reads the content, which decides how a request that expects
  /// 100-continue is answered (`reads_content`).
  router& add(boost::beast::http::verb method, std::string_view pattern,
              handler h, content use = content::ignored);

  /// Adds a GET (and so HEAD) route.
  router& get(std::string_view pattern, handler h) {
    return add(boost::beast::http::verb::get, pattern, std::move(h));
  }

  /// Adds a route for every method (known or not) on `pattern`, whose
  /// handler may ask more of the session than one response.
  router& any(std::string_view pattern, exchange_handler h);

  /// Says which paths other origins may read (their responses carry
  /// `Access-Control-Allow-Origin: *`): an OPTIONS there that is a CORS
  /// preflight is granted the path's methods and the headers it asks for,
  /// and the redirect of a trailing slash to such a path carries the same.
  router& cross_origin(bool (*is_cross_origin)(std::string_view path) noexcept) {
    is_cross_origin_ = is_cross_origin;
    return *this;
  }

  /// Returns the route for `method` on `path` (already decoded), or why
  /// there is none: `method_not_allowed` with the methods the path takes.
  [[nodiscard]] route_match match(boost::beast::http::verb method,
                                  std::string_view path) const;

  /// Answers `req`: 400 for a target that is not an absolute path, contains
  /// "..", or has a bad escape; 414 for one longer than `max_target_bytes`;
  /// 404 and 405 (with `Allow`, exposed where the error may be read from
  /// other origins) from `match`, but 204 with `Allow` for an OPTIONS of a
  /// path some route takes; 301 to the path without a trailing slash when
  /// GET takes that one (and 204 to OPTIONS there); otherwise the
  /// handler's response, or a 500 if it throws. Strips the body for HEAD.
  [[nodiscard]] response dispatch(const request& req) const noexcept;

  /// Answers `req` as `dispatch` does, with the extras an `any` route's
  /// handler asks for.
  [[nodiscard]] reply answer(const request& req) const noexcept;

  /// Answers `req` as `answer` does, and says which route answered (a
  /// handler that threw still counts for its route); what the session
  /// calls.
  [[nodiscard]] routed_reply answer_routed(const request& req) const noexcept;

  /// Returns the name of every `route_id`: "none" for `no_route`, then each
  /// distinct pattern in the order it was first registered
  /// ("/codes/{code}", "/status/*").
  [[nodiscard]] const std::vector<std::string>& route_names() const noexcept {
    return names_;
  }

  /// Returns the error the router would answer for `path` with `code` and
  /// `detail` (problem+json under /api/): for the errors the session finds
  /// before routing, such as a body over its limit.
  [[nodiscard]] response error(const request& req, std::string_view path,
                               int code, std::string_view detail) const {
    return errors_(req, path, code, detail);
  }

  /// Returns whether the answer to `req` depends on its content: whether
  /// it goes to a route added with `content::read`. A request that expects
  /// 100-continue (RFC 9110 Section 10.1.1) gets a 100 then; otherwise its
  /// answer, decided from the header, goes out at once: a page, a 404, a
  /// 405, a refused target, or the mock's `any` route (whose handler sends
  /// the 100 itself when it answers one).
  [[nodiscard]] bool reads_content(const request& req) const;

 private:
  enum class pattern_kind : std::uint8_t { exact, segment, prefix };
  struct route {
    boost::beast::http::verb method;
    pattern_kind kind;
    std::string literal;  ///< the path, or what precedes `{name}` / `*`
    handler target;
    exchange_handler exchange = {};  ///< set instead of `target` on `any`
    route_id id = no_route;
    content use = content::ignored;
  };

  [[nodiscard]] reply route_request(const request& req,
                                    route_id& answered) const;
  /// Returns `path` without its trailing slash when `raw_path` (as sent)
  /// ends in one that GET redirects away from: a page or document exists
  /// without it, and the redirect stays on this host.
  [[nodiscard]] std::optional<std::string_view> page_without_slash(
      std::string_view raw_path, std::string_view path) const;
  [[nodiscard]] response options_answer(const request& req,
                                        std::string_view path,
                                        std::string_view methods,
                                        std::string_view allow) const;

  std::vector<route> routes_;
  std::vector<std::string> names_{"none"};
  bool (*is_cross_origin_)(std::string_view) noexcept = nullptr;
  error_builder errors_;
  logger log_;
};

}  // namespace httpstatus::server
