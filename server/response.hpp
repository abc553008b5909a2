// SPDX-License-Identifier: MIT
// Response builders: status lines from the registry, pre-rendered
// resources with content negotiation and revalidation, error bodies.
#pragma once

#include <array>
#include <span>
#include <string>
#include <string_view>

#include <boost/asio/buffer.hpp>

#include "content.hpp"
#include "message.hpp"

namespace httpstatus::server {

/// Gives the `Content-Security-Policy` of every HTML page: nothing inline,
/// everything from this origin, no framing.
inline constexpr std::string_view content_security_policy =
    "default-src 'none'; style-src 'self'; script-src 'self'; "
    "img-src 'self' data:; connect-src 'self'; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'";

/// Gives the `Server` header: the product, never its version.
inline constexpr std::string_view server_name = "httpstatus";

/// Returns an empty response with status `code` (100..599) and the
/// registry's reason phrase for it (none for an unregistered code), the
/// HTTP `version` (10 or 11), keep-alive as asked, and `Server`. Never
/// consults Beast's own status table, which lacks 103, 418 and 425.
[[nodiscard]] response make_response(int code, unsigned version,
                                     bool keep_alive);

/// Returns `make_response` for `code` answering `req` (its version and
/// keep-alive).
[[nodiscard]] response make_response(const request& req, int code);

/// Sets the body of `res` to `body` with its `Content-Type` and
/// `Content-Length`. Drops the body when the status forbids one (1xx, 204,
/// 304), since Beast would otherwise throw or send it.
void set_body(response& res, payload body, std::string_view content_type);

/// Is one header field: its name and its value.
struct header_line {
  std::string_view name;
  std::string_view value;
};

/// Returns the headers every response of `kind` carries: `nosniff` always;
/// the CSP, `Referrer-Policy` and `X-Frame-Options` on pages;
/// `Access-Control-Allow-Origin: *` on API documents. The one list both
/// the server and `httpstatus export` (nginx, `_headers`) read.
[[nodiscard]] std::span<const header_line> kind_headers(
    resource_kind kind) noexcept;

/// Adds `kind_headers(kind)` to `res`.
void add_kind_headers(response& res, resource_kind kind);

/// Returns the coding to send for a resource with the given variants,
/// according to `accept_encoding` (RFC 9110 Section 12.5.3): the highest
/// q-value wins, ties go to br, then gzip, then identity; `q=0` and `*`
/// are honoured. An absent or empty header gets identity. Identity is the
/// answer of last resort even when the client refuses it.
[[nodiscard]] coding choose_coding(std::string_view accept_encoding,
                                   bool has_gzip, bool has_br) noexcept;

/// Returns whether `if_none_match` (a list of entity tags, or "*") matches
/// `etag` by weak comparison (RFC 9110 Section 13.1.2).
[[nodiscard]] bool none_match_hits(std::string_view if_none_match,
                                   std::string_view etag) noexcept;

/// Returns whether `if_match` (a list of entity tags, or "*") holds for a
/// current representation tagged `etag` by strong comparison (RFC 9110
/// Section 13.1.1): a weak tag never matches. An empty `if_match` (no
/// `If-Match`) holds.
[[nodiscard]] bool match_holds(std::string_view if_match,
                               std::string_view etag) noexcept;

/// Returns the `ETag` `serve` gives `r` answering `req`: the tag of the
/// variant `Accept-Encoding` picks.
[[nodiscard]] std::string_view etag_for(const request& req, const resource& r);

/// Returns the `ETag` `serve_dynamic` gives `body` answering `req`.
[[nodiscard]] std::string dynamic_etag_for(const request& req,
                                           std::string_view body);

/// Returns `r` answering `req` with status `code`: the variant
/// `Accept-Encoding` picks, with `ETag`, `Cache-Control`, `Vary` when
/// there is a choice, and the kind's headers; a 304 without a body when a
/// 200's `If-None-Match` matches. The body borrows `r`'s bytes. A 200 or
/// 304 of a resource held by a `content` is `prepared`: its fields are the
/// variant's serialized ones, not the message's (see `wire_buffers`).
[[nodiscard]] response serve(const request& req, const resource& r,
                             int code = 200);

/// Appends the header fields of `res` to `out`, one "Name: value\r\n"
/// line each, in order: the form `payload::prepared` takes.
void append_fields(const response& res, std::string& out);

/// Serializes the header fields `serve` sends with each variant of `r`
/// for a 200 and a 304 into the variant's `fields_200` and `fields_304`,
/// from the very fields the unprepared path sets.
void prepare_fields(resource& r);

/// Holds the buffers a response is written with: the status line, the
/// prepared fields (empty unless the body is `prepared`), the message's own
/// fields with the blank line, and the body.
using wire_buffer_sequence = std::array<boost::asio::const_buffer, 4>;

/// Returns the buffers that write `res`, formatting its status line and
/// its own fields into `scratch` (cleared first; no allocation once its
/// capacity suffices); `scratch` must outlive the write. The session
/// writes every final response so, not with Beast's serializer, whose
/// buffer sequence of one buffer per field cost more than the rest of a
/// request (issue #5). Bodies are never chunked: every response the server
/// sends has a `Content-Length` or no content. The status line says
/// HTTP/1.1 whatever the message's version, which decides only how
/// `Connection` is written (RFC 9110 Section 2.5).
[[nodiscard]] wire_buffer_sequence wire_buffers(const response& res,
                                                std::string& scratch);

/// Returns the bytes `wire_buffers` writes for `res`, as one string: for
/// tests and tools, not for the hot path.
[[nodiscard]] std::string to_wire(const response& res);

/// Sets `body` on `res` as `serve_dynamic` does, compressed from 1 KB on
/// as `Accept-Encoding` asks, with `Vary: Accept-Encoding`, but without an
/// `ETag`: for an answer to one request's content (a POST), which is no
/// representation to validate.
void set_negotiated_body(const request& req, response& res, std::string body,
                         std::string_view content_type);

/// Returns `body`, rendered for this request only, answering `req` like
/// `serve` does (with an `ETag` and 304): from 1 KB on, compressed as
/// `Accept-Encoding` asks (quickly, for this request alone), with
/// `Vary: Accept-Encoding`.
[[nodiscard]] response serve_dynamic(const request& req, std::string body,
                                     std::string_view content_type,
                                     resource_kind kind,
                                     std::string_view cache_control,
                                     int code = 200);

/// Is the media type of a problem document (RFC 9457).
inline constexpr std::string_view problem_type = "application/problem+json";

/// Returns a problem document answering `req`: status `code`, the
/// registry's title and `detail`, readable from any origin, never stored.
/// What bad input gets where no richer answer fits (the router's own
/// errors, a handler that failed).
[[nodiscard]] response problem_error(const request& req, int code,
                                     std::string_view detail);

/// Returns `problem_error` for a request that cannot be read, or a
/// connection that cannot be served: HTTP/1.1, and the connection closes.
[[nodiscard]] response problem_refusal(int code, std::string_view detail);

/// Removes the body of a response to HEAD, keeping every header including
/// the `Content-Length` a GET would have had.
void strip_body(response& res);

/// Returns the current time as an IMF-fixdate for `Date`
/// ("Sun, 06 Nov 1994 08:49:37 GMT"). Formats at most once a second per
/// thread; the view stays valid on this thread until the next call.
[[nodiscard]] std::string_view http_date();

}  // namespace httpstatus::server
