// SPDX-License-Identifier: MIT
// Grammar checks for the header fields the lint reads (RFC 9110 ABNF).
#include "syntax.hpp"

#include <array>
#include <charconv>

namespace httpstatus::lint {

namespace {

constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

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
bool is_uri_reference(std::string_view s) noexcept {
  if (s.empty()) return false;
  constexpr std::string_view forbidden = "\"<>\\^`{|}";
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto byte = static_cast<unsigned char>(s[i]);
    if (byte <= 0x20 || byte >= 0x7f) return false;
    if (forbidden.find(s[i]) != std::string_view::npos) return false;
    if (s[i] == '%' &&
        (i + 2 >= s.size() || !is_hex(s[i + 1]) || !is_hex(s[i + 2])))
      return false;
  }
  return true;
}

// #token allows empty list elements ("GET, , HEAD") and optional
// whitespace around commas (RFC 9110 Section 5.6.1).
bool is_token_list(std::string_view s) noexcept {
  while (true) {
    const std::size_t comma = s.find(',');
    const std::string_view element = trim(s.substr(0, comma));
    if (!element.empty() && !is_token(element)) return false;
    if (comma == std::string_view::npos) return true;
    s.remove_prefix(comma + 1);
  }
}

}  // namespace httpstatus::lint
