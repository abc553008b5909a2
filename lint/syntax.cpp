// SPDX-License-Identifier: MIT
// Grammar checks for the header fields the lint reads (RFC 9110 ABNF).
#include "syntax.hpp"

#include <algorithm>
#include <array>
#include <charconv>

namespace httpstatus::lint {

namespace {

// Reads exactly `s.size()` digits as a number; false for anything else.
bool read_number(std::string_view s, int& value) noexcept {
  if (s.empty()) return false;
  for (const char c : s)
    if (!is_digit(c)) return false;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  return ec == std::errc{} && end == s.data() + s.size();
}

// Reads 1*DIGIT as an unsigned 64-bit number; overflow is not a number.
std::optional<std::uint64_t> read_u64(std::string_view s) noexcept {
  if (s.empty()) return std::nullopt;
  for (const char c : s)
    if (!is_digit(c)) return std::nullopt;
  std::uint64_t value = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc{} || end != s.data() + s.size()) return std::nullopt;
  return value;
}

constexpr bool is_leap(int year) noexcept {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

}  // namespace

// IMF-fixdate = day-name "," SP date1 SP time-of-day SP GMT, 29 characters
// at fixed places: "Sun, 06 Nov 1994 08:49:37 GMT". Only this form may be
// generated; the obsolete RFC 850 and asctime forms are for recipients.
bool is_imf_fixdate(std::string_view s) noexcept {
  if (s.size() != 29) return false;
  constexpr std::array<std::string_view, 7> days = {"Mon", "Tue", "Wed", "Thu",
                                                    "Fri", "Sat", "Sun"};
  constexpr std::array<std::string_view, 12> months = {
      "Jan", "Feb", "Mar", "Apr", "May", "Jun",
      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  bool day_ok = false;
  for (const std::string_view d : days) day_ok = day_ok || s.substr(0, 3) == d;
  int month = 0;
  for (std::size_t i = 0; i < months.size(); ++i)
    if (s.substr(8, 3) == months[i]) month = static_cast<int>(i) + 1;
  if (!day_ok || month == 0 || s.substr(3, 2) != ", " || s[7] != ' ' ||
      s[11] != ' ' || s[16] != ' ' || s[19] != ':' || s[22] != ':' ||
      s.substr(25) != " GMT")
    return false;
  int day = 0, year = 0, hour = 0, minute = 0, second = 0;
  if (!read_number(s.substr(5, 2), day) ||
      !read_number(s.substr(12, 4), year) ||
      !read_number(s.substr(17, 2), hour) ||
      !read_number(s.substr(20, 2), minute) ||
      !read_number(s.substr(23, 2), second))
    return false;
  constexpr std::array<int, 12> month_days = {31, 28, 31, 30, 31, 30,
                                              31, 31, 30, 31, 30, 31};
  int last_day = month_days[static_cast<std::size_t>(month - 1)];
  if (month == 2 && is_leap(year)) last_day = 29;
  // A leap second (60) is allowed by the grammar's time-of-day.
  return day >= 1 && day <= last_day && hour <= 23 && minute <= 59 &&
         second <= 60;
}

bool is_delay_seconds(std::string_view s) noexcept {
  if (s.empty()) return false;
  for (const char c : s)
    if (!is_digit(c)) return false;
  return true;
}

namespace {

// Returns where the first `separator` outside a quoted string is in `s`,
// from `at` on, or `s.size()`: a list element or a parameter ends there.
std::size_t find_unquoted(std::string_view s, char separator,
                          std::size_t at = 0) noexcept {
  bool in_quotes = false;
  for (; at < s.size(); ++at) {
    if (in_quotes && s[at] == '\\') {
      ++at;
    } else if (s[at] == '"') {
      in_quotes = !in_quotes;
    } else if (!in_quotes && s[at] == separator) {
      return at;
    }
  }
  return s.size();
}

}  // namespace

bool is_quoted_string(std::string_view s) noexcept {
  if (s.size() < 2 || s.front() != '"' || s.back() != '"') return false;
  // qdtext and quoted-pair: tab, space, visible ASCII and obs-text.
  const auto allowed = [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return c == '\t' || (u >= 0x20 && u != 0x7F);
  };
  for (std::size_t i = 1; i + 1 < s.size(); ++i) {
    if (s[i] == '"') return false;
    if (s[i] == '\\') {
      ++i;
      if (i + 1 >= s.size()) return false;  // the closing quote, escaped
    }
    if (!allowed(s[i])) return false;
  }
  return true;
}

bool is_media_type(std::string_view s) noexcept {
  s = trim(s);
  std::size_t end = find_unquoted(s, ';');
  // parameters = *( OWS ";" OWS [ parameter ] ): spaces before ';' only.
  const std::string_view type = trim(s.substr(0, end));
  const std::size_t slash = type.find('/');
  if (slash == std::string_view::npos || !is_token(type.substr(0, slash)) ||
      !is_token(type.substr(slash + 1)))
    return false;
  while (end < s.size()) {
    const std::size_t start = end + 1;
    end = find_unquoted(s, ';', start);
    const std::string_view parameter = trim(s.substr(start, end - start));
    if (parameter.empty()) continue;
    const std::size_t eq = parameter.find('=');
    if (eq == std::string_view::npos || !is_token(parameter.substr(0, eq)))
      return false;
    const std::string_view value = parameter.substr(eq + 1);
    if (!is_token(value) && !is_quoted_string(value)) return false;
  }
  return true;
}

std::optional<std::string_view> bad_cache_directive(
    std::string_view value) noexcept {
  const auto matches = [](std::string_view element) {
    const std::size_t eq = element.find('=');
    const std::string_view name = element.substr(0, eq);
    if (!is_token(name)) return false;
    if (eq == std::string_view::npos) return true;
    const std::string_view argument = element.substr(eq + 1);
    if (iequals(name, "max-age") || iequals(name, "s-maxage"))
      return is_delay_seconds(argument);
    return is_token(argument) || is_quoted_string(argument);
  };
  if (trim(value).empty()) return std::nullopt;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = find_unquoted(value, ',', start);
    const std::string_view element = trim(value.substr(start, end - start));
    if (!matches(element)) return element;
    if (end == value.size()) return std::nullopt;
    start = end + 1;
  }
}

bool is_retry_after(std::string_view s) noexcept {
  s = trim(s);
  return is_delay_seconds(s) || is_imf_fixdate(s);
}

// Content-Range = range-unit SP ( range-resp / unsatisfied-range )
// range-resp = incl-range "/" ( complete-length / "*" ); incl-range =
// first-pos "-" last-pos; unsatisfied-range = "*/" complete-length.
std::optional<content_range> parse_content_range(std::string_view s) noexcept {
  s = trim(s);
  const std::size_t space = s.find(' ');
  if (space == std::string_view::npos) return std::nullopt;
  content_range r;
  r.unit = s.substr(0, space);
  if (!is_token(r.unit)) return std::nullopt;
  // Other range units have their own grammar; only bytes is checked.
  if (!iequals(r.unit, "bytes")) return r;
  const std::string_view rest = s.substr(space + 1);
  const std::size_t slash = rest.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  const std::string_view range = rest.substr(0, slash);
  const std::string_view length = rest.substr(slash + 1);
  if (length != "*") {
    r.length = read_u64(length);
    if (!r.length) return std::nullopt;
  }
  if (range == "*") {
    // An unsatisfied range must say the complete length.
    if (!r.length) return std::nullopt;
    return r;
  }
  const std::size_t dash = range.find('-');
  if (dash == std::string_view::npos) return std::nullopt;
  r.first = read_u64(range.substr(0, dash));
  r.last = read_u64(range.substr(dash + 1));
  if (!r.first || !r.last || *r.first > *r.last) return std::nullopt;
  if (r.length && *r.last >= *r.length) return std::nullopt;
  return r;
}

// RFC 3986 allows unreserved, reserved and pct-encoded characters; every
// other byte (space, controls, DEL, non-ASCII, and " < > \ ^ ` { | }) must
// be percent-encoded before it may appear in a URI-reference.
namespace {

// The character classes of RFC 3986 Section 2.
constexpr bool is_alpha(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
constexpr bool is_unreserved(char c) noexcept {
  return is_alpha(c) || is_digit(c) || c == '-' || c == '.' || c == '_' ||
         c == '~';
}
constexpr bool is_sub_delim(char c) noexcept {
  return std::string_view("!$&'()*+,;=").find(c) != std::string_view::npos;
}

// unreserved / sub-delims as a table: the server checks every request's
// Host with it, one lookup per character instead of the two tests above.
constexpr std::array<bool, 256> unreserved_or_sub_delim = [] {
  std::array<bool, 256> table{};
  for (int c = 0; c < 256; ++c)
    table[static_cast<std::size_t>(c)] = is_unreserved(static_cast<char>(c)) ||
                                         is_sub_delim(static_cast<char>(c));
  return table;
}();
// Whether each character of `s` is unreserved, a sub-delim, one of
// `extra`, or starts a pct-encoded triplet.
bool all_of_class(std::string_view s, std::string_view extra) noexcept {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '%') {
      if (i + 2 >= s.size() || !is_hex(s[i + 1]) || !is_hex(s[i + 2]))
        return false;
      i += 2;
      continue;
    }
    if (!unreserved_or_sub_delim[static_cast<unsigned char>(c)] &&
        extra.find(c) == std::string_view::npos)
      return false;
  }
  return true;
}

// path characters: pchar (":" and "@" besides the above) and "/".
bool is_path(std::string_view s) noexcept { return all_of_class(s, ":@/"); }
// query and fragment: pchar, "/" and "?".
bool is_query(std::string_view s) noexcept { return all_of_class(s, ":@/?"); }

// IPv4address = dec-octet "." dec-octet "." dec-octet "." dec-octet
bool is_ipv4(std::string_view s) noexcept {
  for (int part = 0; part < 4; ++part) {
    const std::size_t dot = part < 3 ? s.find('.') : s.size();
    if (dot == std::string_view::npos) return false;
    const std::string_view octet = s.substr(0, dot);
    int value = 0;
    if (octet.size() > 3 || !read_number(octet, value) || value > 255 ||
        (octet.size() > 1 && octet[0] == '0'))
      return false;
    s.remove_prefix(std::min(dot + 1, s.size()));
  }
  return s.empty();
}

// IPv6address (RFC 3986 Section 3.2.2): eight 16-bit pieces, the last two
// of which may be an IPv4address, with one "::" standing for one or more
// zero pieces.
bool is_ipv6(std::string_view s) noexcept {
  const std::size_t gap = s.find("::");
  if (gap != std::string_view::npos &&
      s.find("::", gap + 1) != std::string_view::npos)
    return false;
  int pieces = 0;
  const auto read_pieces = [&](std::string_view part, bool may_end_in_v4) {
    if (part.empty()) return true;
    while (true) {
      const std::size_t colon = part.find(':');
      const std::string_view piece = part.substr(0, colon);
      if (colon == std::string_view::npos && may_end_in_v4 &&
          piece.find('.') != std::string_view::npos) {
        pieces += 2;
        return is_ipv4(piece);
      }
      if (piece.empty() || piece.size() > 4) return false;
      for (const char c : piece)
        if (!is_hex(c)) return false;
      ++pieces;
      if (colon == std::string_view::npos) return true;
      part.remove_prefix(colon + 1);
    }
  };
  if (gap == std::string_view::npos) return read_pieces(s, true) && pieces == 8;
  return read_pieces(s.substr(0, gap), false) &&
         read_pieces(s.substr(gap + 2), true) && pieces < 8;
}

// IP-literal = "[" ( IPv6address / IPvFuture ) "]", without the brackets.
// IPvFuture = "v" 1*HEXDIG "." 1*( unreserved / sub-delims / ":" )
bool is_ip_literal(std::string_view s) noexcept {
  if (!s.empty() && (s[0] == 'v' || s[0] == 'V')) {
    const std::size_t dot = s.find('.');
    if (dot == std::string_view::npos || dot == 1) return false;
    for (const char c : s.substr(1, dot - 1))
      if (!is_hex(c)) return false;
    const std::string_view rest = s.substr(dot + 1);
    return !rest.empty() && rest.find('%') == std::string_view::npos &&
           all_of_class(rest, ":");
  }
  return is_ipv6(s);
}

// authority = [ userinfo "@" ] host [ ":" port ]
bool is_authority(std::string_view s) noexcept {
  const std::size_t at = s.find('@');
  if (at != std::string_view::npos) {
    if (!all_of_class(s.substr(0, at), ":")) return false;
    s.remove_prefix(at + 1);
  }
  return is_host_and_port(s);
}

}  // namespace

// host [ ":" port ], the authority after any userinfo.
bool is_host_and_port(std::string_view s) noexcept {
  std::string_view port;
  if (!s.empty() && s[0] == '[') {
    const std::size_t close = s.find(']');
    if (close == std::string_view::npos ||
        !is_ip_literal(s.substr(1, close - 1)))
      return false;
    const std::string_view after = s.substr(close + 1);
    if (!after.empty() && after[0] != ':') return false;
    port = after.empty() ? after : after.substr(1);
  } else {
    const std::size_t colon = s.find(':');
    // reg-name (which covers IPv4address) has no ':' of its own.
    if (!all_of_class(s.substr(0, colon), "")) return false;
    if (colon != std::string_view::npos) port = s.substr(colon + 1);
  }
  for (const char c : port)
    if (!is_digit(c)) return false;
  return true;
}

// URI-reference = URI / relative-ref (RFC 3986 Section 4.1), read from the
// outside in: the fragment after the first '#', the query after the first
// '?', a scheme before a ':' that comes before any '/', then an authority
// after "//" and the path.
bool is_uri_reference(std::string_view s) noexcept {
  const std::size_t hash = s.find('#');
  if (hash != std::string_view::npos) {
    if (!is_query(s.substr(hash + 1))) return false;
    s = s.substr(0, hash);
  }
  const std::size_t question = s.find('?');
  if (question != std::string_view::npos) {
    if (!is_query(s.substr(question + 1))) return false;
    s = s.substr(0, question);
  }
  const std::size_t colon = s.find(':');
  const std::size_t slash = s.find('/');
  const bool has_scheme_part =
      colon != std::string_view::npos &&
      (slash == std::string_view::npos || colon < slash);
  if (has_scheme_part) {
    // scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ). A ':' in the
    // first segment of a relative reference (path-noscheme) is not
    // allowed either, so a prefix that is no scheme fails here.
    const std::string_view scheme = s.substr(0, colon);
    if (scheme.empty() || !is_alpha(scheme[0])) return false;
    for (const char c : scheme)
      if (!is_alpha(c) && !is_digit(c) && c != '+' && c != '-' && c != '.')
        return false;
    s.remove_prefix(colon + 1);
  }
  if (s.substr(0, 2) == "//") {
    s.remove_prefix(2);
    const std::size_t path = s.find('/');
    if (!is_authority(s.substr(0, path))) return false;
    s = path == std::string_view::npos ? std::string_view() : s.substr(path);
  }
  return is_path(s);
}

bool has_empty_list_element(std::string_view value) noexcept {
  if (trim(value).empty()) return false;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = find_unquoted(value, ',', start);
    if (trim(value.substr(start, end - start)).empty()) return true;
    if (end == value.size()) return false;
    start = end + 1;
  }
}

// #token allows empty list elements ("GET, , HEAD") and optional
// whitespace around commas (RFC 9110 Section 5.6.1).
bool is_token_list(std::string_view s) noexcept {
  bool tokens = true;
  for_each_list_element(s, [&](std::string_view element) {
    tokens = tokens && is_token(element);
  });
  return tokens;
}

}  // namespace httpstatus::lint
