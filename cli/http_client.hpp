// SPDX-License-Identifier: MIT
// The outbound HTTP(S) client behind `httpstatus check`: one request, timed.
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lint.hpp"

namespace httpstatus::cli {

/// Holds an absolute http(s) URL split into what a request needs.
struct url_parts {
  std::string scheme;        ///< "http" or "https"
  std::string host;          ///< name or address, without IPv6 brackets
  std::string port;          ///< explicit port, or the scheme's default
  std::string host_header;   ///< Host field: host (bracketed if IPv6)
                             ///< plus ":port" when not the default
  std::string target;        ///< path and query, "/" at least; never a fragment
  bool host_is_name = true;  ///< false for an IP literal (no SNI then)
  std::string text;          ///< the whole URL, normalised, without fragment
};

/// Carries the result of `parse_url`: `error` is empty on success.
struct url_result {
  url_parts url;
  std::string error;  ///< one sentence when the text is not usable
};

/// Reads an absolute "http://" or "https://" URL (Boost.URL, RFC 3986).
/// Returns an error for relative references, other schemes, user info,
/// a missing host or a port outside 1..65535.
[[nodiscard]] url_result parse_url(std::string_view text);

/// Returns the absolute URL `location` points at when read against `base`
/// (RFC 3986 Section 5 resolution, as clients follow `Location`), or an
/// error as in `parse_url`.
[[nodiscard]] url_result resolve_location(const url_parts& base,
                                          std::string_view location);

/// Describes the request to send.
struct http_request {
  std::string method = "GET";
  std::vector<lint::field> headers;  ///< override Host, User-Agent, Accept
  /// Sent with Content-Length when set, even when empty (-d ''), as curl
  /// does: RFC 9110 Section 8.6 asks a user agent to frame a POST.
  std::optional<std::string> body;
};

/// Says how to send it.
struct client_options {
  std::chrono::milliseconds timeout{30'000};  ///< for the whole exchange
  bool insecure = false;  ///< skip certificate and host name checks
  std::string cacert;     ///< PEM file to trust instead of the system store
  /// Reads at most this many bytes of content; a larger response is judged
  /// on its header and this much content, with
  /// `response::body_truncated` set and a note saying so.
  std::size_t body_limit = 8 * 1024 * 1024;
};

/// Holds the times of one exchange, each from its start (as curl's
/// time_connect, time_appconnect, time_starttransfer, time_total do).
struct timings {
  std::chrono::microseconds resolve{0};
  std::chrono::microseconds connect{0};
  std::chrono::microseconds tls{0};  ///< zero for plain HTTP
  std::chrono::microseconds first_byte{0};
  std::chrono::microseconds total{0};
};

/// Names the step at which an exchange failed.
enum class failure { none, resolve, connect, tls, send, receive, timeout };

/// Holds what one request got back: interim 1xx responses, the final
/// response, timings, or the failure with one line saying what happened.
struct exchange {
  std::vector<lint::response> interim;
  lint::response final_response;
  timings times;
  failure failed = failure::none;
  std::string
      error;  ///< e.g. "cannot connect to 127.0.0.1:1: Connection refused"
  /// Sentences about how the response was read, for the report: the raw
  /// bytes were read because Beast's strict parser refused the header
  /// (framing conflicts) or the header never ended; the content was larger
  /// than `client_options::body_limit`. Empty for an ordinary response.
  std::vector<std::string> notes;
};

/// Returns why the PEM file `path` cannot be the CA certificates to trust
/// ("cannot load CA certificates from PATH: No such file or directory"),
/// or an empty string when it loads. Reads the file; never throws.
[[nodiscard]] std::string cacert_problem(const std::string& path);

/// Sends `req` to `url` over HTTP/1.1 (TLS for https, verified against the
/// system store or `opts.cacert`, with SNI and a host name check) and reads
/// the response with `Connection: close`, all within `opts.timeout`. Never
/// throws for network failures or bytes that are not HTTP: they come back
/// in `failed` and `error` (which quotes the first bytes received when they
/// are not a response).
[[nodiscard]] exchange fetch(const url_parts& url, const http_request& req,
                             const client_options& opts);

}  // namespace httpstatus::cli
