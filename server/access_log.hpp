// SPDX-License-Identifier: MIT
// The access log: one line per request, formatted into a fixed buffer
// without allocating, and written whole.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include <boost/asio/ip/tcp.hpp>

#include "field_allocator.hpp"

namespace httpstatus::server {

/// Is the copy of a request's method and target a session keeps for the
/// access-log line of its response: a string whose blocks come from the
/// per-thread pool of `field_allocator`, so that copying a target of up to
/// a few hundred bytes does not call the global allocator.
using log_text =
    std::basic_string<char, std::char_traits<char>, field_allocator<char>>;

/// Gives the longest access-log line, newline included: the size of an
/// atomic pipe write (`PIPE_BUF` on Linux), so that lines written by
/// several threads never interleave.
inline constexpr std::size_t max_access_line = 4096;

/// Gives the room `format_client` needs: "[IPv6 address%scope]:65535".
inline constexpr std::size_t max_client_text = 72;

/// Holds the facts of one access-log line. The views must live until the
/// line is formatted.
struct access_entry {
  std::chrono::system_clock::time_point time;  ///< the response's end
  std::string_view client;  ///< "127.0.0.1:53122", "[::1]:53122"
  std::string_view method;  ///< as received ("GET")
  std::string_view target;  ///< as received, not decoded
  bool is_cut = false;      ///< `target` is the start of a longer one
  unsigned version = 11;    ///< 10 or 11
  int status = 0;           ///< of the final response
  std::uint64_t bytes = 0;  ///< body bytes sent
  std::chrono::nanoseconds duration{0};  ///< first byte to response end
};

/// Formats `e` into `buffer` and returns the line, newline included:
///
///     2026-11-25T08:00:00.123Z 127.0.0.1:53122 "GET /codes/404 HTTP/1.1" 200
///     3627 0.081ms
///
/// Time is UTC with milliseconds; then the client, the request (method,
/// target, version) in double quotes, the status, the body bytes sent,
/// and the duration in milliseconds with microseconds. In the request,
/// every byte outside printable ASCII, `"` and `\` are written `\xHH`,
/// so that no client can break a line or a field; a request too long for
/// one line (or already cut, `is_cut`) ends in `\...`, which no escaped
/// text contains. An empty method and target (a request that could not
/// be parsed) are written `"-"`. Never allocates.
[[nodiscard]] std::string_view format_access_line(
    const access_entry& e, std::span<char, max_access_line> buffer) noexcept;

/// Writes `endpoint` as "ADDRESS:PORT" ("[ADDRESS]:PORT" for IPv6) into
/// `buffer` and returns it; empty if the address cannot be written.
[[nodiscard]] std::string_view format_client(
    const boost::asio::ip::tcp::endpoint& endpoint,
    std::span<char, max_client_text> buffer) noexcept;

// `write_access_line`, the sink `httpstatus serve` uses, is declared in
// server.hpp, which the CLI includes.

}  // namespace httpstatus::server
