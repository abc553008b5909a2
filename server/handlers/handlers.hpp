// SPDX-License-Identifier: MIT
// The handlers of the site and the API: pure functions from a request to
// a response, serving the pre-rendered content. They never see a socket.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <boost/json/object.hpp>

#include "content.hpp"
#include "httpstatus/status.hpp"
#include "message.hpp"
#include "mock/sequences.hpp"
#include "mock/spec.hpp"
#include "reply.hpp"
#include "router.hpp"

namespace httpstatus::server::handlers {

// ---- shared ---------------------------------------------------------------

/// Says why there is no page or document for the code written `text`,
/// and which class to point to.
struct missing_code {
  std::string why;  ///< "299 is unassigned in the IANA registry (2xx Success)"
  std::optional<status_class> cls;  ///< set when `text` is in 100..599
  std::optional<int> suggested;  ///< the code "0404" spells, to link to
};

/// Explains why `text` (the `{code}` of a URL) names no page: unassigned,
/// out of range, not written as a code ("0404"), or not a number.
[[nodiscard]] missing_code explain_missing(std::string_view text);

/// Returns whether `path` belongs to the API, whose errors are
/// `application/problem+json` rather than HTML.
[[nodiscard]] constexpr bool is_api_path(std::string_view path) noexcept {
  return path == "/api" || path.starts_with("/api/");
}

/// Returns whether other origins may read what `path` answers (its
/// responses carry `Access-Control-Allow-Origin: *`): the API's JSON
/// documents under /api/, not the HTML page "/api" that explains them.
[[nodiscard]] constexpr bool is_cross_origin_path(
    std::string_view path) noexcept {
  return path.starts_with("/api/");
}

/// What every mock path starts with: `/status/{codes}`.
inline constexpr std::string_view mock_prefix = "/status/";

/// Returns whether errors about `path` are `application/problem+json`:
/// the API's, and the mock's, whose own refusals already are.
[[nodiscard]] constexpr bool answers_with_problems(
    std::string_view path) noexcept {
  return is_api_path(path) || path.starts_with(mock_prefix);
}

/// Builds the errors the router answers itself: problem+json (RFC 9457)
/// under /api/ and /status/, the HTML 404 page elsewhere, plain text for
/// the other codes on the site's pages.
[[nodiscard]] response error(const request& req, std::string_view path,
                             int code, std::string_view detail);

/// Returns `serve(req, r)`, unless `req` has an `If-Match` that names no
/// current entity-tag of the variant it would get (RFC 9110 Section
/// 13.1.1, strong comparison): then a 412 from `error` for `path`. If-Match
/// is judged before If-None-Match (Section 13.2.2).
[[nodiscard]] response serve_checked(const request& req, std::string_view path,
                                     const resource& r);

/// Returns `serve_dynamic` of a 200 with `body`, or the 412 of
/// `serve_checked` when `req`'s `If-Match` does not hold for it.
[[nodiscard]] response serve_dynamic_checked(const request& req,
                                             std::string_view path,
                                             std::string body,
                                             std::string_view content_type,
                                             resource_kind kind,
                                             std::string_view cache_control);

/// Serves the resource stored under the request's path: "/", assets,
/// "/healthz", "/api/v1/classes", "/api/v1/openapi.json". The query is
/// ignored.
[[nodiscard]] response stored(const content& site, const request& req,
                              const route_params& p);

// ---- site -----------------------------------------------------------------

/// Serves "/codes"; with a non-empty `q`, renders the filtered page for
/// this request (the no-JavaScript filter). 400 for a malformed query.
[[nodiscard]] response codes_page(const content& site, const request& req,
                                  const route_params& p);

/// Serves "/codes/{code}", or the 404 page saying why there is none.
[[nodiscard]] response code_page(const content& site, const request& req,
                                 const route_params& p);

// ---- API ------------------------------------------------------------------

/// Returns the key "/api/v1/codes" is stored under for a `class` filter
/// and the `unofficial` flag: "/api/v1/codes?class=4xx&unofficial=true".
[[nodiscard]] std::string codes_list_key(std::optional<status_class> cls,
                                         bool with_unofficial);

/// Serves "/api/v1/codes" with `class` (1xx..5xx), `unofficial`
/// (true/false) and `q` (search words, best match first). The lists
/// without `q` are pre-rendered; a search runs per request. 400 with a
/// problem document for a bad value; unknown parameters are ignored.
[[nodiscard]] response api_codes(const content& site, const request& req,
                                 const route_params& p);

/// Serves "/api/v1/codes/{code}": the code's object when IANA registered
/// it; an array of the vendors' entries when only vendors use it; a 404
/// problem document saying why otherwise.
[[nodiscard]] response api_code(const content& site, const request& req,
                                const route_params& p);

/// Returns the OpenAPI 3.1 document of the API.
[[nodiscard]] std::string_view openapi_document() noexcept;

/// Returns the API's root, "/api/v1": every endpoint of
/// `openapi_document` (path, method, summary), with where the document
/// and the reference page are.
[[nodiscard]] boost::json::object api_index();

// ---- lint (issue #8) -------------------------------------------------------
// The server never fetches a URL: both read only the text they are sent.

/// Answers `POST /api/v1/lint`: the body is a raw response (or several, as
/// `curl -si` prints them), the query's `method` (default GET) and each
/// `request_header` ("Name: value") describe the request it answered.
/// 200 with `lint::reports_json`, the JSON `httpstatus lint --json`
/// prints; 400 with a problem document saying what was wrong for a body
/// that is not a response or a bad parameter. Any `Content-Type` is taken
/// as the raw text. Never stored (`no-store`).
[[nodiscard]] response api_lint(const request& req, const route_params& p);

/// Answers `POST /lint`, the page's form without JavaScript: the form
/// fields `response`, `method` and `request_headers` (one "Name: value" a
/// line), URL-encoded; the page rendered with the findings, or with what
/// to paste (200) when `response` is blank, or with what was wrong (400).
[[nodiscard]] response lint_form(const request& req, const route_params& p);

// ---- mock -----------------------------------------------------------------

/// Holds the bounds a deployment sets on the mock (`serve --max-sleep`,
/// `--max-sleeping`, `--max-sequences`).
struct mock_config {
  mock::sequence_limits sequences;  ///< keys held, idle expiry, key length
  mock::spec_limits spec;           ///< the cap on `sleep=`
  /// Caps the requests sleeping at once; beyond it `sleep=` gets a 503
  /// problem document with `Retry-After` instead of a wait. 0 refuses
  /// every `sleep=`.
  std::size_t max_sleeping = 1000;
  /// Prepares the common answers once (see `mock`); false builds every
  /// answer per request, which the tests compare them with.
  bool prepare_common_answers = true;
};

/// Holds what the mock keeps across requests: its sequences and the number
/// of requests sleeping now. Thread-safe; defined in mock.cpp.
class mock_state;

/// Returns a new mock state bounded by `cfg`.
[[nodiscard]] std::shared_ptr<mock_state> make_mock_state(
    const mock_config& cfg);

/// Holds what a mock state holds now, for `GET /metrics`.
struct mock_gauges {
  std::size_t sequence_keys = 0;  ///< `sequence=` keys remembered
  std::size_t sleeping = 0;       ///< requests waiting out their `sleep=`
};

/// Returns the sequence keys `state` remembers and its requests sleeping.
[[nodiscard]] mock_gauges gauges_of(const mock_state& state);

/// Answers `ANY /status/{codes}` with the mock core (`mock::answer`): the
/// final response with the mock's status, reason and fields, framed by its
/// `content_length` alone; the interim responses, the delay, closing
/// without a response (444) and the WebSocket echo (101) as `extras`. A
/// `sleep=` beyond the cap on sleeping requests gets 503 at once.
///
/// The common answers are prepared when `state` is made, fields serialized
/// and body rendered, so that they cost a lookup and allocate nothing: a
/// GET or HEAD of `/status/{code}` for one registered or unofficial code
/// (not 1xx, 206, 416 or 444, whose answers read more of the request),
/// spelt with three digits, with no query and no `Expect`, in each media
/// type `Accept` can pick. They are the very bytes the mock core builds
/// per request, `Date` aside, which the session sets.
[[nodiscard]] reply mock(mock_state& state, const request& req,
                         const route_params& p);

}  // namespace httpstatus::server::handlers
