// SPDX-License-Identifier: MIT
// The registry: constant-time lookups over the status table.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "httpstatus/detail/registry_data.hpp"
#include "httpstatus/status.hpp"

namespace httpstatus {

/// Gives the date the registry's content was last checked against the IANA
/// registry, as "YYYY-MM-DD".
inline constexpr std::string_view registry_checked_date =
    detail::registry_checked_date;

/// Gives the IANA registry's own "Last Updated" date, as "YYYY-MM-DD".
inline constexpr std::string_view iana_last_updated = detail::iana_last_updated;

namespace detail {

inline constexpr std::uint8_t no_entry = 0xff;

// A code maps straight to its row: 500 slots, one byte each, built at
// compile time, so a lookup is one load and one compare.
inline constexpr auto code_index = [] {
  std::array<std::uint8_t, 500> index{};
  for (auto& slot : index) slot = no_entry;
  for (std::size_t i = 0; i < std::size(standard_table); ++i)
    index[static_cast<std::size_t>(standard_table[i].code - 100)] =
        static_cast<std::uint8_t>(i);
  return index;
}();

static_assert(std::size(standard_table) < no_entry);

constexpr bool is_sorted_by_code(std::span<const status> table) noexcept {
  for (std::size_t i = 1; i < table.size(); ++i)
    if (table[i - 1].code > table[i].code) return false;
  return true;
}
static_assert(is_sorted_by_code(standard_table));
static_assert(is_sorted_by_code(unofficial_table));

}  // namespace detail

/// Returns every IANA-registered code (assigned, temporary, obsoleted and
/// the reserved "(Unused)" ones), sorted by code.
[[nodiscard]] constexpr std::span<const status> all() noexcept {
  return detail::standard_table;
}

/// Returns the vendors' unofficial codes, sorted by code; a code may appear
/// once per vendor (nginx's 499 and Esri's 499 are two entries).
[[nodiscard]] constexpr std::span<const status> unofficial() noexcept {
  return detail::unofficial_table;
}

/// Returns IANA's "Unassigned" ranges, in order; they and `all()` cover
/// 100..599 without gap or overlap.
[[nodiscard]] constexpr std::span<const code_range> unassigned_ranges() noexcept {
  return detail::unassigned_table;
}

/// Returns the status registered for `code`, or `std::nullopt` if IANA has
/// none (an unassigned code, an unofficial one such as 499, or a number
/// outside 100..599). Never falls back to another code. The record holds
/// only views of static data, so a copy may be kept for ever; bind it to a
/// variable before looping over its `headers`: a range-for over a member of
/// the temporary (`for (auto& h : find(405)->headers)`) dangles unless the
/// compiler extends the temporary's life (P2718, in GCC 15 and Clang 19,
/// not in GCC 12 even with -std=c++23).
///
///     if (auto s = httpstatus::find(404)) std::puts(s->reason.data());
[[nodiscard]] constexpr std::optional<status> find(int code) noexcept {
  if (code < 100 || code > 599) return std::nullopt;
  const std::uint8_t i = detail::code_index[static_cast<std::size_t>(code - 100)];
  if (i == detail::no_entry) return std::nullopt;
  return detail::standard_table[i];
}

/// Returns whether IANA has registered `code` (including the reserved ones).
[[nodiscard]] constexpr bool is_registered(int code) noexcept {
  return find(code).has_value();
}

/// Returns whether `code` lies in one of IANA's "Unassigned" ranges; false
/// outside 100..599.
[[nodiscard]] constexpr bool is_unassigned(int code) noexcept {
  for (const code_range& r : detail::unassigned_table)
    if (code >= r.first && code <= r.last) return true;
  return false;
}

/// Returns the vendors' entries for `code` (empty if no vendor uses it).
[[nodiscard]] constexpr std::span<const status> find_unofficial(int code) noexcept {
  const std::span<const status> table = detail::unofficial_table;
  std::size_t first = 0;
  while (first < table.size() && table[first].code < code) ++first;
  std::size_t last = first;
  while (last < table.size() && table[last].code == code) ++last;
  return table.subspan(first, last - first);
}

/// Returns the registered codes of class `c`, sorted by code.
[[nodiscard]] constexpr std::span<const status> in_class(status_class c) noexcept {
  const std::span<const status> table = detail::standard_table;
  const int digit = static_cast<int>(c);
  std::size_t first = 0;
  while (first < table.size() && table[first].code / 100 < digit) ++first;
  std::size_t last = first;
  while (last < table.size() && table[last].code / 100 == digit) ++last;
  return table.subspan(first, last - first);
}

/// Returns the five classes with the reference page's names and lines.
[[nodiscard]] constexpr std::span<const class_info> classes() noexcept {
  return detail::class_table;
}

/// Returns the name and one-line description of class `c`. For a value
/// that is not one of the five classes (a cast from any other number)
/// returns an entry whose `label` is empty and whose `name` is "Unknown
/// class", never another class's entry.
[[nodiscard]] constexpr const class_info& info(status_class c) noexcept {
  const auto digit = static_cast<std::size_t>(c);
  if (digit < 1 || digit > std::size(detail::class_table))
    return detail::unknown_class;
  return detail::class_table[digit - 1];
}

/// Returns the class `s` belongs to.
[[nodiscard]] constexpr status_class class_of(const status& s) noexcept {
  return static_cast<status_class>(s.code / 100);
}

/// Returns whether `code` is 1xx (Informational); false outside 100..599.
[[nodiscard]] constexpr bool is_informational(int code) noexcept {
  return code >= 100 && code <= 199;
}
/// Returns whether `code` is 2xx (Success).
[[nodiscard]] constexpr bool is_success(int code) noexcept {
  return code >= 200 && code <= 299;
}
/// Returns whether `code` is 3xx (Redirection).
[[nodiscard]] constexpr bool is_redirection(int code) noexcept {
  return code >= 300 && code <= 399;
}
/// Returns whether `code` is 4xx (Client error).
[[nodiscard]] constexpr bool is_client_error(int code) noexcept {
  return code >= 400 && code <= 499;
}
/// Returns whether `code` is 5xx (Server error).
[[nodiscard]] constexpr bool is_server_error(int code) noexcept {
  return code >= 500 && code <= 599;
}
/// Returns whether `code` is 4xx or 5xx.
[[nodiscard]] constexpr bool is_error(int code) noexcept {
  return code >= 400 && code <= 599;
}

/// The same questions of a record (`is_client_error(*find(404))`).
[[nodiscard]] constexpr bool is_informational(const status& s) noexcept {
  return is_informational(s.code);
}
[[nodiscard]] constexpr bool is_success(const status& s) noexcept {
  return is_success(s.code);
}
[[nodiscard]] constexpr bool is_redirection(const status& s) noexcept {
  return is_redirection(s.code);
}
[[nodiscard]] constexpr bool is_client_error(const status& s) noexcept {
  return is_client_error(s.code);
}
[[nodiscard]] constexpr bool is_server_error(const status& s) noexcept {
  return is_server_error(s.code);
}
[[nodiscard]] constexpr bool is_error(const status& s) noexcept {
  return is_error(s.code);
}

/// Returns the facts that govern an unregistered `code` in 100..599: the
/// x00 of its class, as RFC 9110 Section 15 tells clients to treat it.
/// Returns the code's own entry when it is registered, and `std::nullopt`
/// outside 100..599.
[[nodiscard]] constexpr std::optional<status> effective(int code) noexcept {
  if (auto s = find(code)) return s;
  if (code < 100 || code > 599) return std::nullopt;
  return find(code / 100 * 100);
}

/// Calls `f` with each alias of `s` (legacy and other common names), in
/// order; never calls it for a code without aliases. Is `noexcept` when
/// calling `f` with a `std::string_view` is.
template <class F>
constexpr void for_each_alias(const status& s, F&& f) noexcept(
    noexcept(f(std::string_view{}))) {
  std::string_view rest = s.aliases;
  while (!rest.empty()) {
    const std::size_t bar = rest.find('|');
    f(rest.substr(0, bar));
    if (bar == std::string_view::npos) break;
    rest.remove_prefix(bar + 1);
  }
}

/// Holds up to four codes by value, so that it outlives the record it came
/// from (`find` returns records by value).
struct code_list {
  std::array<std::int16_t, 4> codes{};
  std::size_t size = 0;
  [[nodiscard]] constexpr const std::int16_t* begin() const noexcept { return codes.data(); }
  [[nodiscard]] constexpr const std::int16_t* end() const noexcept { return codes.data() + size; }
  [[nodiscard]] constexpr bool empty() const noexcept { return size == 0; }
};

/// Returns the codes related to `s` (often confused with it).
[[nodiscard]] constexpr code_list related_codes(const status& s) noexcept {
  code_list list;
  list.codes = s.related;
  while (list.size < s.related.size() && s.related[list.size] != 0) ++list.size;
  return list;
}

}  // namespace httpstatus
