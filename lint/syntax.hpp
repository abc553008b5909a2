// SPDX-License-Identifier: MIT
// Grammar checks for the header fields the lint reads (RFC 9110 ABNF).
// The small ones are inline: the server's request path and the mock read
// fields with the same ones (tokens, entity-tags), so there is one copy of
// each.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "httpstatus/search.hpp"  // detail::ascii_lower

namespace httpstatus::lint {

/// Returns whether `c` is a tchar (RFC 9110 Section 5.6.2): a letter, a
/// digit or one of "!#$%&'*+-.^_`|~".
[[nodiscard]] constexpr bool is_tchar(char c) noexcept {
  if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
      (c >= 'A' && c <= 'Z'))
    return true;
  return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

/// Returns whether `c` is a DIGIT (RFC 5234 Appendix B.1).
[[nodiscard]] constexpr bool is_digit(char c) noexcept {
  return c >= '0' && c <= '9';
}

/// Returns whether `s` is an HTTP-version: "HTTP/" DIGIT "." DIGIT (RFC
/// 9112 Section 2.3). "HTTP/1" and "HTTP/1.10" are not.
[[nodiscard]] constexpr bool is_http_version(std::string_view s) noexcept {
  return s.size() == 8 && s.starts_with("HTTP/") && is_digit(s[5]) &&
         s[6] == '.' && is_digit(s[7]);
}

/// Returns whether `c` is a HEXDIG of a percent escape (RFC 3986 Section
/// 2.1), in either case.
[[nodiscard]] constexpr bool is_hex(char c) noexcept {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
         (c >= 'A' && c <= 'F');
}

/// Returns whether `s` is a token (RFC 9110 Section 5.6.2): one or more
/// tchars. Returns false for empty text.
[[nodiscard]] constexpr bool is_token(std::string_view s) noexcept {
  if (s.empty()) return false;
  for (const char c : s)
    if (!is_tchar(c)) return false;
  return true;
}

/// Returns `s` without leading and trailing spaces and tabs (OWS).
[[nodiscard]] constexpr std::string_view trim(std::string_view s) noexcept {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
    s.remove_suffix(1);
  return s;
}

/// Returns whether `c` is a control character a field value may not hold
/// (RFC 9110 Section 5.5: visible characters, obs-text, spaces and tabs):
/// NUL, CR, LF and the other C0 controls but tab, and DEL.
[[nodiscard]] constexpr bool is_field_value_control(char c) noexcept {
  const auto u = static_cast<unsigned char>(c);
  return (u < 0x20 && u != '\t') || u == 0x7f;
}

/// Returns whether `a` and `b` are equal ignoring ASCII case (field names,
/// tokens, codings).
[[nodiscard]] constexpr bool iequals(std::string_view a,
                                     std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (detail::ascii_lower(a[i]) != detail::ascii_lower(b[i])) return false;
  return true;
}

/// Holds an entity-tag (RFC 9110 Section 8.8.3) as read: whether it is
/// weak (`W/`), and its opaque-tag with the quotes, which is what strong
/// and weak comparison compare.
struct entity_tag {
  bool is_weak = false;
  std::string_view opaque;
};

/// Reads one entity-tag, surrounding spaces ignored; `std::nullopt` when
/// `text` is not one.
[[nodiscard]] constexpr std::optional<entity_tag> parse_entity_tag(
    std::string_view text) noexcept {
  text = trim(text);
  entity_tag t;
  if (text.starts_with("W/")) {
    t.is_weak = true;
    text.remove_prefix(2);
  }
  if (text.size() < 2 || text.front() != '"' || text.back() != '"')
    return std::nullopt;
  // etagc = %x21 / %x23-7E / obs-text: no space, quote or control.
  for (const char c : text.substr(1, text.size() - 2)) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == '"' || u == 0x7F) return std::nullopt;
  }
  t.opaque = text;
  return t;
}

/// Calls `f` with each element of a comma-separated list (RFC 9110 Section
/// 5.6.1), without the optional whitespace around it; empty elements
/// ("a, , b") are skipped. Quoted strings are not looked into: a comma in
/// one splits it.
template <class F>
constexpr void for_each_list_element(std::string_view list, F&& f) {
  while (true) {
    const std::size_t comma = list.find(',');
    const std::string_view element = trim(list.substr(0, comma));
    if (!element.empty()) f(element);
    if (comma == std::string_view::npos) return;
    list.remove_prefix(comma + 1);
  }
}

/// Calls `f` with each entity-tag of an If-Match or If-None-Match list and
/// returns true as soon as `f` does. Tags are read whole, since an
/// opaque-tag may hold a comma; an element that is no entity-tag is
/// skipped. (`*` is not a list element: callers check for it first.)
template <class F>
[[nodiscard]] constexpr bool any_entity_tag(std::string_view list, F&& f) {
  std::size_t i = 0;
  while (i < list.size()) {
    if (list[i] == ' ' || list[i] == '\t' || list[i] == ',') {
      ++i;
      continue;
    }
    const std::size_t start = i;
    if (list.substr(i, 2) == "W/") i += 2;
    std::size_t end = list.find(',', i);
    if (i < list.size() && list[i] == '"') {
      const std::size_t close = list.find('"', i + 1);
      if (close == std::string_view::npos) return false;
      end = list.find(',', close);
    }
    const std::optional<entity_tag> tag =
        parse_entity_tag(list.substr(start, end - start));
    if (tag && f(*tag)) return true;
    if (end == std::string_view::npos) return false;
    i = end + 1;
  }
  return false;
}

/// Returns whether `s` is an IMF-fixdate, the only HTTP-date form a sender
/// may generate (RFC 9110 Section 5.6.7): "Sun, 06 Nov 1994 08:49:37 GMT",
/// with a real calendar date and time (the weekday is not cross-checked).
[[nodiscard]] bool is_imf_fixdate(std::string_view s) noexcept;

/// Returns whether `s` is delay-seconds (RFC 9110 Section 10.2.3): one or
/// more ASCII digits.
[[nodiscard]] bool is_delay_seconds(std::string_view s) noexcept;

/// Returns whether `s` is a quoted-string (RFC 9110 Section 5.6.4): text
/// in double quotes, a quote or backslash inside escaped with a backslash.
[[nodiscard]] bool is_quoted_string(std::string_view s) noexcept;

/// Returns whether `s` is a media-type (RFC 9110 Section 8.3.1), as
/// `Content-Type` holds it: type "/" subtype, then parameters, each
/// `; name=value` with a token or a quoted string for value and no
/// whitespace around "=" ("text/html; charset=utf-8"). Surrounding spaces
/// are ignored.
[[nodiscard]] bool is_media_type(std::string_view s) noexcept;

/// Returns the first element of a `Cache-Control` value (RFC 9111 Section
/// 5.2) that does not match its grammar: an empty element (RFC 9110
/// Section 5.6.1.1), a directive name that is no token, an argument that
/// is neither a token nor a quoted string, or a `max-age` or `s-maxage`
/// argument that is not delta-seconds in the token form (Sections 5.2.2.1
/// and 5.2.2.10: "max-age=5", not "max-age=\"5\""). Commas inside a quoted
/// argument (`no-cache="Set-Cookie, Link"`) separate nothing. Returns
/// `std::nullopt` when every element matches.
[[nodiscard]] std::optional<std::string_view> bad_cache_directive(
    std::string_view value) noexcept;

/// Returns whether `s` is a valid `Retry-After` value: an IMF-fixdate or
/// delay-seconds, surrounding spaces ignored.
[[nodiscard]] bool is_retry_after(std::string_view s) noexcept;

/// Holds a `Content-Range` value as read: `first`/`last` are empty for an
/// unsatisfied range ("bytes */1234"), `length` is empty for "*".
struct content_range {
  std::string_view unit;  ///< "bytes", or another range unit
  std::optional<std::uint64_t> first;
  std::optional<std::uint64_t> last;
  std::optional<std::uint64_t> length;
};

/// Reads a `Content-Range` value (RFC 9110 Section 14.4): "bytes a-b/len",
/// "bytes a-b/*" or "bytes */len", requiring a <= b and, when the length
/// is known, b < len. Returns `std::nullopt` for anything else in the bytes
/// unit; any value in another unit is accepted with only `unit` set.
[[nodiscard]] std::optional<content_range> parse_content_range(
    std::string_view s) noexcept;

/// Returns whether `s` is a valid Host field value: a uri-host and an
/// optional port (RFC 9110 Section 7.2), that is a name or IPv4 address
/// (with valid percent escapes) or a bracketed IP literal, then ":" and
/// digits; an authority without userinfo. Empty is valid (a target without
/// authority). A server MUST answer 400 to any other value (RFC 9112
/// Section 3.2).
[[nodiscard]] bool is_host_and_port(std::string_view s) noexcept;

/// Returns whether `s` is a URI-reference (RFC 3986 Section 4.1), as
/// `Location` must be: a URI with a scheme, or a relative reference whose
/// first path segment has no ':' ("1http://x/" is neither). Each part has
/// only its own characters, so a space, a control or non-ASCII byte, a
/// second '#' or a '[' outside an IP literal fails, and every '%' is
/// followed by two hex digits. The empty string is one (it refers to the
/// request's own URI). Agrees with Boost.URL's `parse_uri_reference`,
/// which 1.81 is laxer than on ports with letters and a second '@'.
[[nodiscard]] bool is_uri_reference(std::string_view s) noexcept;

/// Returns whether the list `value` (RFC 9110 Section 5.6.1) has an empty
/// element: "a,", ", a" and "a, , b" do, and so does a value of spaces and
/// commas alone. Commas inside quoted strings (`realm="a, b"`) separate
/// nothing. An empty value is an empty list, not an empty element.
[[nodiscard]] bool has_empty_list_element(std::string_view value) noexcept;

/// Returns whether `s` is a comma-separated list of tokens (`#token`, as
/// `Allow` is defined in RFC 9110 Section 10.2.1); an empty list is valid.
[[nodiscard]] bool is_token_list(std::string_view s) noexcept;

}  // namespace httpstatus::lint
