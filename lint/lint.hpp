// SPDX-License-Identifier: MIT
// The response lint: judges a real HTTP response against the registry's facts.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "httpstatus/status.hpp"

namespace httpstatus::lint {

/// Holds one header field as it was received: name and value, unchanged.
struct field {
  std::string name;
  std::string value;
};

/// Describes one response as received, before any judgement: what `check`
/// read from a socket or what `parse_responses` read from `curl -si` text.
struct response {
  std::string version;        ///< "HTTP/1.1", "HTTP/1.0", "HTTP/2"
  int code = 0;               ///< the three digits of the status line
  std::string reason;         ///< the reason phrase; empty if none was sent
  /// Whether a space followed the code, as RFC 9112 Section 4 asks even
  /// with no reason phrase ("HTTP/1.1 204 ").
  bool space_after_code = true;
  std::vector<field> fields;  ///< header fields in the order received
  /// Trailer fields after chunked content, in the order received.
  std::vector<field> trailer_fields;
  std::string body;           ///< content bytes (decoded from chunked framing)
  std::uint64_t body_size = 0;  ///< size of the content (may exceed `body`
                                ///< when reading stopped at a limit)
  bool body_present = false;    ///< whether content bytes were shown at all:
                                ///< false for `curl -sI` or a HEAD request
  bool body_truncated = false;  ///< whether reading stopped at a limit
  /// Header lines that are not `name: value` (kept for the field-syntax
  /// rule, so that a malformed line is reported, not dropped).
  std::vector<std::string> malformed_lines;
  /// Trailer lines that are not `name: value`, kept apart so that the
  /// report names the section they came from.
  std::vector<std::string> malformed_trailer_lines;
  bool obs_fold = false;  ///< whether a field value was folded over lines
  /// Whether a line of the chunked framing (a chunk size, the end of a
  /// chunk's data) ended in a bare LF rather than CRLF.
  bool chunk_lines_bare_lf = false;
  /// Whether this is a proxy's 2xx answer to CONNECT that `curl -si -x
  /// PROXY https://...` prints before the origin's response (set by
  /// `parse_responses`); `lint` judges it as an answer to CONNECT.
  bool tunnel = false;
};

/// Describes the request a response answers, where a rule depends on it.
struct request_context {
  std::string method = "GET";  ///< "HEAD" expects no content, "CONNECT"
                               ///< no framing on a 2xx; compared
                               ///< case-sensitively, as methods are
                               ///< (RFC 9110 Section 9.1): "head" is not
                               ///< HEAD
  std::vector<field> headers;  ///< `Accept-Encoding` and `Upgrade` are
                               ///< the ones rules read
  /// Whether the response was read from the connection the request went
  /// out on (`check`), not from curl's transcript (`lint`): then `headers`
  /// hold every `Upgrade` the request had, so a 101 without one was not
  /// asked for; and the status line is the server's own, where curl writes
  /// "HTTP/2 200" itself.
  bool from_the_wire = false;
};

/// Holds one broken or doubtful rule in a response.
struct finding {
  std::string_view rule;     ///< stable id, e.g. "required-header"
  requirement strength;      ///< MUST, SHOULD, MAY or info
  std::string_view section;  ///< "RFC 9110, Section 15.5.6"
  std::string_view url;      ///< link to that section
  std::string message;       ///< one sentence: what is wrong, what to change
};

/// Returns the findings for `res`, answering `req`, most severe first (MUST,
/// SHOULD, MAY, info) and in rule order within a strength. Returns an empty
/// list for a response that breaks nothing. Every rule reads the registry
/// (`find`, `find_unofficial`, `effective`) for the code's facts; a code
/// outside 100..599 yields one MUST finding and no per-code rules. Never
/// throws except `std::bad_alloc`.
///
///     for (const auto& f : lint::lint(res, {.method = "HEAD"}))
///       std::cout << to_string(f.strength) << ' ' << f.message << '\n';
[[nodiscard]] std::vector<finding> lint(const response& res,
                                        const request_context& req = {});

/// Returns the registry row that describes `code` in a report: its IANA
/// entry, else the entry of the one vendor that uses it (nginx's 499 is
/// ambiguous with Esri's, so it yields none), else `std::nullopt` (an
/// unassigned code, or one outside 100..599).
[[nodiscard]] std::optional<status> entry_for(int code) noexcept;

/// Returns whether any of `findings` has strength MUST.
[[nodiscard]] bool breaks_must(std::span<const finding> findings) noexcept;

/// Returns the value of the first field named `name` (case-insensitive),
/// or `std::nullopt` if `fields` has none.
[[nodiscard]] std::optional<std::string_view> header(
    std::span<const field> fields, std::string_view name) noexcept;

/// Carries the result of `parse_responses`, with `std::from_chars`'s
/// contract: `ec` is `std::errc{}` on success, and then `responses` holds at
/// least one response; otherwise `error` says why in one sentence.
struct parse_result {
  std::vector<response> responses;
  std::errc ec{};
  std::string error;
};

/// Reads one or more raw responses as `curl -si` or `curl -sI` prints them
/// (interim 1xx responses before the final one, every hop of `curl -L`, a
/// proxy's tunnel answer before the origin's response), with CRLF or bare
/// LF line ends and "HTTP/2 200" status lines. Tolerates what a linter must
/// see rather than refuse: conflicting framing headers, folded lines,
/// malformed field lines, missing bodies (HEAD, `-I`, redirect bodies that
/// curl does not print). A body is cut at `Content-Length` when that many
/// bytes follow, and decoded when it is validly chunked. Otherwise its end
/// is not in the text: it runs to the end of the input, unless the response
/// is one that a client answers with another request (a 1xx, a 3xx with
/// `Location`, a 401 with `WWW-Authenticate`, a 407 with
/// `Proxy-Authenticate`), when it runs to the next status line; so a line
/// of a page that looks like a status line stays content. A 2xx that frames
/// no content (no `Content-Length`, no `Transfer-Encoding`, not to HEAD)
/// and is followed at once by another status line is a tunnel answer
/// (`response::tunnel`): any other such 2xx runs to the close of its
/// connection, where no response can follow. Bytes after a header block are
/// read as content whatever the request was, so that content sent in answer
/// to HEAD, or on a 204, can be reported; except line ends alone after a
/// response that cannot have content (1xx, 204, 205, 304, or any response
/// when `method` is HEAD), which are the blank lines a terminal or an
/// editor adds, and likewise the line ends that close such content.
/// Returns `std::errc::invalid_argument` for empty input or input that does
/// not start with a status line, and `std::errc::value_too_large` for more
/// than `max_responses` responses. A leading UTF-8 byte order mark is
/// skipped.
[[nodiscard]] parse_result parse_responses(std::string_view text,
                                           std::string_view method = "GET");

/// The most responses `parse_responses` reads from one input: far above a
/// redirect chain (curl follows 50) with its interim responses, far below
/// what exhausts memory when each becomes a report.
inline constexpr std::size_t max_responses = 4096;

/// Returns whether `text`, the bytes read so far from a connection, holds
/// a final response whose end its framing shows (RFC 9112 Section 6.3),
/// after any interim 1xx responses: a 101, 204 or 304, or an answer to
/// HEAD, at the empty line after its header; chunked content at the empty
/// line after its last chunk (Transfer-Encoding overrides Content-Length);
/// else as many bytes as one valid Content-Length announces. A response
/// that cannot be framed is over too: at the empty line after its header
/// when its Content-Length is not one number (an unrecoverable error), and
/// at the end of a first line that is no status line. Returns false while
/// more is to come, and for content that runs to the close (another
/// transfer coding last, or no framing), so that a client reading
/// leniently knows when to stop reading without waiting for the server to
/// close.
[[nodiscard]] bool holds_final_response(std::string_view text,
                                        std::string_view method = "GET");

/// Reads the rest of chunked content from a chunk line on: its chunks,
/// appended to `res`'s body, then the last chunk and trailer section
/// ("3\ndef\n0\r\nX-Sum: 1\r\n\r\n", CRLF or bare LF) into its trailer
/// fields and malformed trailer lines, as `parse_responses` reads them,
/// noting chunk lines in bare LF. The body stops at `body_limit` bytes
/// (what `res` holds already included), with `body_truncated` set, as a
/// client stops reading there. Returns false, leaving `res` alone, when
/// `text` is no complete chunked content and its whole chunks stay under
/// the limit, unless `all_there` says no more of it can be read (a full
/// buffer): then the chunks that came whole are read, and the body marked
/// truncated. `check` reads with it what Beast refuses or waits on after
/// the chunks it read: a trailer section with a field it refuses, chunk
/// lines in bare LF.
bool read_remaining_chunks(std::string_view text, response& res,
                           std::size_t body_limit, bool all_there = false);

/// Returns `section` in the short form messages use: "RFC 9110, Section
/// 15.5.6" becomes "RFC 9110 §15.5.6"; other text is returned unchanged.
[[nodiscard]] std::string short_section(std::string_view section);

}  // namespace httpstatus::lint
