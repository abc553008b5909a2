// SPDX-License-Identifier: MIT
// Parsing user text ("404", "4xx", "Not Found", "not_found") into codes.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <system_error>

#include "httpstatus/registry.hpp"

namespace httpstatus {

/// Carries the result of `parse_code`, with `std::from_chars`'s contract:
/// `ec` is `std::errc{}` on success.
struct parse_result {
  int code = 0;   ///< the number read; 0 when `ec` is `invalid_argument`
  std::errc ec{}; ///< `invalid_argument` or `result_out_of_range` on failure
};

/// Reads a status code, which is written as exactly three ASCII digits
/// (RFC 9112 Section 4: `status-code = 3DIGIT`). Returns
/// `std::errc::invalid_argument`, `code` 0, for empty text, anything but
/// digits (signs, spaces, "4xx") and digits padded with zeros to more than
/// three ("0404", "00000000404"), which spell no code. Returns
/// `std::errc::result_out_of_range` for any other number that is not a code
/// in 100..599: three digits outside it ("600", "099") or a number of
/// another length ("99", "1000"); `code` then holds the number if it fits
/// an `int`, else 0. Does not consult the registry: 299 parses.
[[nodiscard]] constexpr parse_result parse_code(std::string_view text) noexcept {
  if (text.empty()) return {0, std::errc::invalid_argument};
  long long value = 0;
  bool overflow = false;
  for (const char c : text) {
    if (c < '0' || c > '9') return {0, std::errc::invalid_argument};
    if (!overflow) {
      value = value * 10 + (c - '0');
      if (value > 2147483647LL) overflow = true;
    }
  }
  if (text.size() > 3 && text[0] == '0') return {0, std::errc::invalid_argument};
  if (overflow) return {0, std::errc::result_out_of_range};
  const int code = static_cast<int>(value);
  if (text.size() != 3 || code < 100 || code > 599)
    return {code, std::errc::result_out_of_range};
  return {code, std::errc{}};
}

/// Returns the code that `text` spells with leading zeros ("0404",
/// "00000000404": 404), which `parse_code` refuses since a code is three
/// digits; `std::nullopt` for anything else. For "did you mean 404?".
[[nodiscard]] constexpr std::optional<int> zero_padded_code(
    std::string_view text) noexcept {
  const std::size_t digits = text.find_first_not_of('0');
  if (digits == 0 || digits == std::string_view::npos) return std::nullopt;
  const parse_result unpadded = parse_code(text.substr(digits));
  if (unpadded.ec != std::errc{}) return std::nullopt;
  return unpadded.code;
}

/// Reads a class written as "4xx" (any case of `x`) or as a bare digit
/// followed by "xx". Returns `std::nullopt` for anything else, including
/// "6xx" and "4x".
[[nodiscard]] constexpr std::optional<status_class> parse_class(
    std::string_view text) noexcept {
  if (text.size() != 3) return std::nullopt;
  if (text[0] < '1' || text[0] > '5') return std::nullopt;
  for (const char c : text.substr(1))
    if (c != 'x' && c != 'X') return std::nullopt;
  return static_cast<status_class>(text[0] - '0');
}

namespace detail {

inline constexpr std::size_t max_name_key = 48;

// Names compare on ASCII letters and digits only, lowercased: "Not Found",
// "not_found", "NOT-FOUND" and "notfound" are one name. Anything else
// (spaces, punctuation, non-ASCII bytes) is ignored.
struct name_key {
  std::array<char, max_name_key> chars{};
  std::size_t size = 0;
  bool too_long = false;

  constexpr name_key() noexcept = default;
  constexpr explicit name_key(std::string_view text) noexcept {
    for (const char c : text) {
      char k = c;
      if (k >= 'A' && k <= 'Z') k = static_cast<char>(k - 'A' + 'a');
      if (!((k >= 'a' && k <= 'z') || (k >= '0' && k <= '9'))) continue;
      if (size == max_name_key) {
        too_long = true;
        return;
      }
      chars[size++] = k;
    }
  }
  [[nodiscard]] constexpr std::string_view view() const noexcept {
    return {chars.data(), size};
  }
};

struct name_entry {
  name_key key;
  int code;
};

// Calls `f` with each name of `s` that `find_by_name` reads: its reason
// phrase, its legacy names, and its constants in other libraries, which a
// C++, Python or Go programmer has at hand ("k404NotFound",
// "NotFound_404", "StatusNotFound").
template <class F>
constexpr void for_each_name(const status& s, F&& f) noexcept {
  f(s.reason);
  for_each_alias(s, f);
  for (const std::string_view constant :
       {s.names.beast, s.names.drogon, s.names.httplib, s.names.python,
        s.names.go})
    if (!constant.empty()) f(constant);
}

constexpr std::size_t count_names() noexcept {
  std::size_t n = 0;
  for (const status& s : standard_table)
    for_each_name(s, [&](std::string_view) { ++n; });
  return n;
}

// Every name of every registered code, sorted by key at compile time, so
// that a name lookup is a binary search over fixed-size keys.
inline constexpr auto name_index = [] {
  std::array<name_entry, count_names()> index{};
  std::size_t n = 0;
  for (const status& s : standard_table)
    for_each_name(s, [&](std::string_view name) {
      index[n++] = {name_key(name), s.code};
    });
  std::sort(index.begin(), index.end(),
            [](const name_entry& a, const name_entry& b) {
              return a.key.view() < b.key.view();
            });
  return index;
}();

// Two spellings of one name ("NOT_FOUND", "not_found") may share a key;
// two codes may not, or a name would find whichever sorted first.
static_assert(
    [] {
      for (std::size_t i = 1; i < name_index.size(); ++i)
        if (name_index[i].key.view() == name_index[i - 1].key.view() &&
            name_index[i].code != name_index[i - 1].code)
          return false;
      return true;
    }(),
    "a name of the registry names two codes");

// The key of a name as a person writes or pastes it: a note in parentheses
// at the end is left out ("Not Extended (OBSOLETED)"), and so is the scope
// of a qualified constant, as no phrase holds a `.` or `:`
// ("http.StatusNotFound").
constexpr name_key key_of_written_name(std::string_view name) noexcept {
  const std::size_t last = name.find_last_not_of(" \t\r\n");
  if (last != std::string_view::npos && name[last] == ')')
    name = name.substr(0, name.rfind('(', last));
  if (const std::size_t scope = name.find_last_of(".:");
      scope != std::string_view::npos)
    name.remove_prefix(scope + 1);
  return name_key(name);
}

// The optimal string alignment distance of `a` and `b` (Damerau's: a
// letter left out, added, changed, or two neighbours swapped, each counts
// 1), or `limit + 1` as soon as it must exceed `limit`. Both are at most
// `max_name_key` long, so that the rows live on the stack.
constexpr std::size_t edit_distance(std::string_view a, std::string_view b,
                                    std::size_t limit) noexcept {
  const std::size_t apart =
      a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
  if (apart > limit || a.size() > max_name_key || b.size() > max_name_key)
    return limit + 1;
  // Three rows, taking turns: the one before the last, the last, this one.
  std::array<std::array<std::size_t, max_name_key + 1>, 3> rows{};
  for (std::size_t j = 0; j <= b.size(); ++j) rows[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    const auto& two_back = rows[(i + 1) % 3];
    const auto& back = rows[(i + 2) % 3];
    auto& row = rows[i % 3];
    row[0] = i;
    std::size_t best_in_row = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t changed = back[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      row[j] = std::min({back[j] + 1, row[j - 1] + 1, changed});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        row[j] = std::min(row[j], two_back[j - 2] + 1);
      best_in_row = std::min(best_in_row, row[j]);
    }
    // Every later row is at least this row's least cell.
    if (best_in_row > limit) return limit + 1;
  }
  return std::min(rows[a.size() % 3][b.size()], limit + 1);
}

}  // namespace detail

/// Returns the registered code whose reason phrase, alias or constant in
/// another library (`library_names`) is `name`, comparing letters and
/// digits only, case-insensitively ("Not Found", "not_found", "NOT-FOUND",
/// "Request Entity Too Large" for 413, "StatusNotFound", "k404NotFound").
/// A constant may be qualified: the part after the last `.` or `:` is read
/// ("http.StatusNotFound", "HTTPStatus.NOT_FOUND",
/// "boost::beast::http::status::not_found"). Returns `std::nullopt` for an
/// unknown, empty or over-long name. A note in parentheses at the end is
/// left out, so that IANA's Description column reads as it is: "Not
/// Extended (OBSOLETED)" is 510, and 104's "Upload Resumption Supported
/// (TEMPORARY - registered ...)" is 104.
[[nodiscard]] constexpr std::optional<int> find_by_name(
    std::string_view name) noexcept {
  const detail::name_key key = detail::key_of_written_name(name);
  if (key.size == 0 || key.too_long) return std::nullopt;
  const auto& index = detail::name_index;
  const auto* it = std::lower_bound(
      index.begin(), index.end(), key.view(),
      [](const detail::name_entry& e, std::string_view k) {
        return e.key.view() < k;
      });
  if (it == index.end() || it->key.view() != key.view()) return std::nullopt;
  return it->code;
}

/// Returns the registered code whose name (as `find_by_name` reads names)
/// `name` most likely misspells, for "did you mean 404 Not Found?":
/// "not fond", "Unauthorised", "Internal Server Eror", "StatusNotFund".
/// A name counts as misspelled when it is a few edits away (a letter left
/// out, added, changed, or two swapped): one for a name of four or five
/// letters and digits, two up to eleven, three beyond; shorter names are
/// too easily near each other. Returns `std::nullopt` when no name is that
/// near, when two codes' names are equally near, and for a name
/// `find_by_name` finds (nothing is misspelled). Reads the registered codes
/// only, not the vendors'.
[[nodiscard]] constexpr std::optional<int> suggest_by_name(
    std::string_view name) noexcept {
  const detail::name_key key = detail::key_of_written_name(name);
  if (key.too_long || key.size < 4) return std::nullopt;
  const std::size_t limit = key.size < 6 ? 1 : key.size < 12 ? 2 : 3;
  std::size_t nearest = limit + 1;
  std::optional<int> code;
  const auto& index = detail::name_index;
  for (std::size_t i = 0; i < index.size(); ++i) {
    const detail::name_entry& e = index[i];
    // Spellings of one name share a key ("NOT_FOUND", "not_found"); the
    // index is sorted, so they are neighbours.
    if (i > 0 && index[i - 1].key.view() == e.key.view()) continue;
    const std::size_t d =
        detail::edit_distance(key.view(), e.key.view(), limit);
    if (d == 0) return std::nullopt;
    if (d < nearest) {
      nearest = d;
      code = e.code;
    } else if (d == nearest && d <= limit && code != e.code) {
      code = std::nullopt;  // two codes tie: a guess would mislead
    }
  }
  return code;
}

}  // namespace httpstatus
