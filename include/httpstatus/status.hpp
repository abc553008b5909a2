// SPDX-License-Identifier: MIT
// The status record: one HTTP status code with its protocol facts.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

// One clear message instead of a page of errors about std::span: GCC 12
// compiles C++17 unless told otherwise (pkg-config gives no -std flag).
static_assert(__cplusplus >= 202002L, "httpstatus needs C++20: add -std=c++20");

namespace httpstatus {

/// Names the five classes of RFC 9110 Section 15 by their first digit.
enum class status_class : std::uint8_t {
  informational = 1,
  success = 2,
  redirection = 3,
  client_error = 4,
  server_error = 5,
};

/// Describes where a code stands in the IANA registry (or outside it).
enum class registration_status : std::uint8_t {
  standard,    ///< assigned and current
  deprecated,  ///< assigned but deprecated (305)
  unused,      ///< reserved, "(Unused)" (306, 418)
  temporary,   ///< temporary registration that expires (104)
  obsoleted,   ///< its specification was moved to Historic (510)
  unassigned,  ///< no registration: an IANA "Unassigned" range
  unofficial,  ///< used by a vendor, never registered with that meaning
};

/// Says whether a response with this code may carry content (a body).
enum class body_rule : std::uint8_t {
  allowed,  ///< content is allowed
  none,     ///< never content, and no `Content-Length` (1xx, 204) or an
            ///< implicitly empty body (304): RFC 9112 Section 6.3
  empty,    ///< no content (205, RFC 9110 Section 15.3.6), but not
            ///< implicitly empty, so framed: `Content-Length: 0`, an empty
            ///< chunked body or a close (RFC 9112 Section 6.3)
};

/// Says how a cache may treat a response with this code.
enum class cacheability : std::uint8_t {
  heuristic,     ///< heuristically cacheable (RFC 9110 Section 15.1)
  explicit_only, ///< storable only with explicit freshness information
  never_stored,  ///< a cache MUST NOT store it: every 1xx, which is not a
                 ///< final response (RFC 9111 Section 3), and 428, 429,
                 ///< 431, 511 (RFC 6585)
};

/// Gives the strength of a requirement in BCP 14 terms; `info` marks a
/// field the spec describes without a keyword.
enum class requirement : std::uint8_t { must, should, may, info };

/// Describes one header field the spec asks for in a response with a code.
struct header_requirement {
  std::string_view field;      ///< field name, e.g. "Allow"; empty = unused
  requirement level;           ///< MUST, SHOULD, MAY or info
  std::string_view condition;  ///< when it applies; empty = always
  std::string_view section;    ///< e.g. "RFC 9110, Section 15.5.6"
  std::string_view url;        ///< link to that section
};

/// Is the `condition` of a field that a 206 or a 304 carries exactly when a
/// 200 to the same request would have carried it (RFC 9110 Sections 15.3.7
/// and 15.4.5): `Date`, `ETag`, `Cache-Control`, `Vary` and the like. The
/// response alone cannot show it, so the lint reports a missing one as
/// info, and the mock copies the field from its own 200.
inline constexpr std::string_view if_a_200_had_it =
    "if a 200 would have had it";

/// Names the constant for a code in other popular libraries; an empty
/// name means the library has no constant for the code.
struct library_names {
  std::string_view beast;    ///< `boost::beast::http::status::...`
  std::string_view drogon;   ///< `drogon::HttpStatusCode` (`k404NotFound`)
  std::string_view httplib;  ///< `httplib::StatusCode` (`NotFound_404`)
  std::string_view python;   ///< `http.HTTPStatus.` member
  std::string_view go;       ///< `net/http` constant (`StatusNotFound`)
};

/// Holds every fact about one status code. Registered codes and the
/// vendors' unofficial codes share this type, so that the CLI, the pages,
/// the mock and the lint treat both alike; `vendor` is empty for IANA codes.
struct status {
  int code;                      ///< 100..599
  std::string_view reason;       ///< reason phrase; empty if none published
  registration_status registration;
  std::string_view meaning;      ///< one line
  std::string_view description;  ///< two to four sentences
  std::string_view reference;    ///< "RFC 9110, Section 15.5.5"; where
                                 ///< IANA cites two documents, both,
                                 ///< joined with "; " (510)
  std::string_view reference_url;  ///< link to the first document
  cacheability cache;
  body_rule body;
  std::span<const header_requirement> headers;  ///< required/recommended
  std::array<std::int16_t, 4> related;  ///< codes often confused; unused: 0
  std::string_view aliases;  ///< other names, separated by '|'
  library_names names;
  std::string_view vendor;   ///< "nginx", "Cloudflare", ...; empty for IANA
  /// Whether a server sends the code to a client. False for a vendor's code
  /// that only its configuration and logs show (nginx 444, 494-497 and 499;
  /// AWS 460) or that a client library reports itself (Tornado 599).
  bool on_the_wire = true;
};

/// Describes one class of codes as the reference page shows it.
struct class_info {
  status_class value;
  std::string_view label;        ///< "4xx"
  std::string_view name;         ///< "Client error"
  std::string_view description;  ///< one line
};

/// Describes an IANA "Unassigned" range, both ends included.
struct code_range {
  int first;
  int last;
};

/// Returns the class of `code` for any integer in 100..599, the digit
/// that RFC 9110 Section 15 says a client reads even for a code it does not
/// know; returns `std::nullopt` outside 100..599.
[[nodiscard]] constexpr std::optional<status_class> class_of(int code) noexcept {
  if (code < 100 || code > 599) return std::nullopt;
  return static_cast<status_class>(code / 100);
}

/// Returns the registry annotation as the JSON API spells it ("standard").
[[nodiscard]] constexpr std::string_view to_string(registration_status s) noexcept {
  switch (s) {
    case registration_status::standard: return "standard";
    case registration_status::deprecated: return "deprecated";
    case registration_status::unused: return "unused";
    case registration_status::temporary: return "temporary";
    case registration_status::obsoleted: return "obsoleted";
    case registration_status::unassigned: return "unassigned";
    case registration_status::unofficial: return "unofficial";
  }
  return "";
}

/// Returns the body rule as the JSON API spells it ("allowed").
[[nodiscard]] constexpr std::string_view to_string(body_rule b) noexcept {
  switch (b) {
    case body_rule::allowed: return "allowed";
    case body_rule::none: return "none";
    case body_rule::empty: return "empty";
  }
  return "";
}

/// Returns the cache rule as the JSON API spells it ("heuristic").
[[nodiscard]] constexpr std::string_view to_string(cacheability c) noexcept {
  switch (c) {
    case cacheability::heuristic: return "heuristic";
    case cacheability::explicit_only: return "explicit_only";
    case cacheability::never_stored: return "never_stored";
  }
  return "";
}

/// Returns the BCP 14 keyword ("MUST") or "info".
[[nodiscard]] constexpr std::string_view to_string(requirement r) noexcept {
  switch (r) {
    case requirement::must: return "MUST";
    case requirement::should: return "SHOULD";
    case requirement::may: return "MAY";
    case requirement::info: return "info";
  }
  return "";
}

/// Returns whether a cache may reuse a response with `s` without explicit
/// freshness information (RFC 9110 Section 15.1).
[[nodiscard]] constexpr bool is_heuristically_cacheable(const status& s) noexcept {
  return s.cache == cacheability::heuristic;
}

}  // namespace httpstatus
