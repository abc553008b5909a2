// SPDX-License-Identifier: MIT
// The mock's response builder: a pure function from a chosen code, the
// registry's facts and the request's headers to the messages to send.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "httpstatus/status.hpp"

namespace httpstatus::server::mock {

/// Holds one header field of a response.
struct header_field {
  std::string name;
  std::string value;
};

/// Holds header fields in the order they are to be sent.
using header_list = std::vector<header_field>;

/// Describes an interim (1xx) response to send before the final one.
struct interim_response {
  int code = 100;
  std::string reason;
  header_list headers;
};

/// Describes the final response. `headers` never holds `Content-Length` nor
/// `Connection: close`: the session frames the message from
/// `content_length` and `close`. Set the status with Beast's integer
/// overload and `reason` as the phrase (Beast 1.81 does not know 103, 418,
/// 425 or the unofficial codes); `reason` is empty for unassigned codes.
struct final_response {
  int code = 200;
  std::string reason;
  header_list headers;
  std::string body;  ///< empty for HEAD and for codes without content
  /// `Content-Length` to send, or none at all (1xx, 204, 304, preflight);
  /// for HEAD it is the length a GET would get, while `body` stays empty.
  std::optional<std::uint64_t> content_length;
  /// Close the connection after this response: 408, and a request with
  /// `Expect: 100-continue` and a body that got no 100 (its body is unread).
  bool close = false;

  /// Returns the value of the first field named `name` (any case), or
  /// `std::nullopt`; the view lives as long as this response.
  [[nodiscard]] std::optional<std::string_view> header(
      std::string_view name) const noexcept;
};

/// Says what the session must do besides writing the messages.
enum class action : std::uint8_t {
  respond,                 ///< write `interim` in order, then `final_`
  close_without_response,  ///< nginx's 444: write nothing, close at once
  websocket_echo,          ///< accept the WebSocket upgrade (101) and echo
};

/// Holds everything the session sends for one mock request.
struct mock_response {
  mock::action action = action::respond;
  std::vector<interim_response> interim;  ///< only ever to HTTP/1.1
  final_response final_;  ///< for `websocket_echo`: the 101's extra headers
};

/// Describes the parts of the request the mock reads; views into the
/// request, which must outlive the call. Empty means "field absent".
struct request_info {
  std::string_view method = "GET";
  std::string_view path;  ///< request path as received, e.g. "/status/418"
  unsigned version = 11;  ///< 10 or 11, as Beast spells it
  std::string_view accept;
  std::string_view range;
  std::string_view if_range;
  std::string_view if_match;
  std::string_view if_none_match;
  std::string_view expect;
  std::string_view upgrade;
  std::string_view connection;
  std::string_view sec_websocket_key;
  std::string_view sec_websocket_version;
  std::string_view access_control_request_method;
  std::string_view access_control_request_headers;
  bool has_body = false;
  std::chrono::system_clock::time_point now{};  ///< for `Date`
};

/// Holds the chosen code with the facts that govern it: its registry entry,
/// a vendor's entry, or, for an unassigned code, its class's x00 entry.
struct target {
  int code = 0;
  status facts;
  bool is_unassigned = false;
};

/// Returns the target for `code`: the IANA entry when registered; else the
/// entry of `vendor` (any case) or the first vendor's entry; else, for an
/// unassigned code, the x00 of its class (`is_unassigned`). For a code
/// that has both, `vendor` picks the vendor's entry (`vendor=nginx`).
/// Returns `std::nullopt` outside 100..599.
[[nodiscard]] std::optional<target> resolve(int code,
                                            std::string_view vendor = {});

/// Holds the specification's options that shape a response.
struct response_options {
  std::optional<std::uint32_t> retry_after;  ///< else 1 where it is sent
  std::string_view location;  ///< a checked local path; empty = /status/200
};

/// Builds the mock's answer to `req` for `t`, from the registry's facts:
/// every header field `t.facts.headers` lists gets a value, and the body
/// rule decides body and framing. In short:
///
/// - 1xx: HTTP/1.1 gets the code as an interim response (100 only after
///   `Expect: 100-continue`), then a final 200; HTTP/1.0 gets only the
///   200 (RFC 9110 Section 15.2). 101 answers a WebSocket upgrade request
///   with `websocket_echo`, anything else with 426 saying why.
/// - 206 serves the `Range` of the 200's body (or its first 100 bytes): one
///   part with `Content-Range`, or several as `multipart/byteranges` (RFC
///   9110 Section 14.6), and a set with none satisfiable gets 416;
///   an `If-Range` that is not the 200's `ETag` (strong comparison; a date
///   never matches, as the mock sends no `Last-Modified`) gets the full
///   200 instead, whatever the `Range`; 204/304/1xx have no body and no
///   `Content-Length`, 205 has `Content-Length: 0`, HEAD never a body.
/// - Preconditions (RFC 9110 Section 13.2.2) are evaluated for the answers
///   the mock describes with an `ETag`, its 200 (also after a 1xx) and
///   206, except to CONNECT, OPTIONS and TRACE: an `If-Match` naming no
///   current tag (strong comparison) gets 412; an `If-None-Match` naming it
///   (weak comparison) or `*` gets 304 to GET and HEAD, 412 otherwise.
///   Other codes describe no representation and ignore them.
/// - 206 and 304 carry, with the same values, each field of their rows
///   marked `if_a_200_had_it` that the 200 to the same request carries
///   (`Date`, `ETag`, `Cache-Control`, `Vary`), and no other of them.
/// - 444 (nginx) is `close_without_response`; 408 closes after answering,
///   and so does a final answer to `Expect: 100-continue` without a 100.
/// - The body follows `Accept`: text/plain (default), application/json,
///   text/html, or application/problem+json for 4xx and 5xx.
/// - Every answer has `Date`, `Cache-Control: no-store`, CORS and
///   `X-Content-Type-Options: nosniff`.
///
///     auto t = resolve(503);
///     mock_response r = build_response(*t, req, {.retry_after = 5});
[[nodiscard]] mock_response build_response(const target& t,
                                           const request_info& req,
                                           const response_options& options);

/// Returns a 400 `application/problem+json` answer to `req` whose `detail`
/// is `detail`, with the headers every mock answer has.
[[nodiscard]] mock_response build_error(std::string_view detail,
                                        const request_info& req);

/// Returns whether `req` is a CORS preflight: `OPTIONS` carrying
/// `Access-Control-Request-Method`. A plain `OPTIONS` is mocked as usual.
[[nodiscard]] bool is_preflight(const request_info& req) noexcept;

/// Returns the 204 answer to a CORS preflight: any origin, the usual
/// methods (and the requested one when it is a token), the requested
/// headers when every one is a token, `Access-Control-Max-Age: 600`.
[[nodiscard]] mock_response build_preflight(const request_info& req);

/// Returns whether the answer for a single `code` without options to
/// `method` depends on nothing else but `Accept` and the `Date`, so that
/// the server may prepare it ahead (refreshing `Date`): GET or HEAD, and
/// not 1xx, 206, 416 or 444, whose answers read other request fields. A
/// request with `Expect`, `If-Match` or `If-None-Match` is never prepared.
[[nodiscard]] bool is_precomputable(int code, std::string_view method) noexcept;

/// Names the media types the mock's bodies come in.
enum class media_type : std::uint8_t { text, json, html, problem };

/// Returns the media type to send for `accept` (RFC 9110 Section 12.5.1):
/// the highest q-value wins; ties go to the more specific media range,
/// then to the range listed first, then to text, json, problem, html.
/// `problem` is offered only when `allow_problem`. An absent header, or
/// one that accepts none of them, gets text.
[[nodiscard]] media_type negotiate(std::string_view accept,
                                   bool allow_problem) noexcept;

/// Returns the `Content-Type` value of `m`, with `charset=utf-8` on text.
[[nodiscard]] std::string_view content_type(media_type m) noexcept;

/// A run of bytes of a representation, both ends included.
struct byte_span {
  std::uint64_t first = 0;
  std::uint64_t last = 0;

  friend bool operator==(const byte_span&, const byte_span&) = default;
};

/// Describes the outcome of reading a `Range` header against a length.
struct byte_ranges {
  enum class kind : std::uint8_t {
    none,           ///< absent or not understood: serve as if absent
    satisfiable,    ///< serve `parts`
    unsatisfiable,  ///< answer 416
  };
  kind outcome = kind::none;
  /// The parts to send when `satisfiable`: the satisfiable ranges with
  /// those that overlap or touch coalesced, so no two share or abut a byte,
  /// in the order their first range was asked.
  std::vector<byte_span> parts;
};

/// Reads `range` (`bytes=a-b`, `bytes=a-`, `bytes=-n`, or a comma-separated
/// set of them, RFC 9110 Section 14.1.2) against a representation of
/// `length` bytes, clamping the end. Of a set, every satisfiable range is
/// kept: overlapping and adjacent ones are coalesced into one part (RFC
/// 9110 Section 14.2 lets a server do so, whatever their order), the others
/// stay apart, in the order asked. A ranges-specifier not understood
/// (another unit, an element outside the grammar, or no element) is
/// `none`, as RFC 9110 Section 14.2 lets a server ignore it; a set in which
/// no range is satisfiable (a start at or past the end, a zero suffix) is
/// `unsatisfiable`.
[[nodiscard]] byte_ranges parse_range(std::string_view range,
                                      std::uint64_t length);

/// Returns a strong entity tag for `body` (quoted, 16 hex digits of a
/// 64-bit FNV-1a hash): stable across runs and builds.
[[nodiscard]] std::string etag_of(std::string_view body);

/// Returns `t` as an IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`).
[[nodiscard]] std::string http_date(std::chrono::system_clock::time_point t);

}  // namespace httpstatus::server::mock
