// SPDX-License-Identifier: MIT
// Optional adapter: conversions to and from `boost::beast::http::status`.
#pragma once

#include <optional>
// Boost 1.81's boost/core/detail/string_view.hpp, which status.hpp pulls
// in, uses std::ostream without including <ostream>: included first, so
// that this header compiles on its own.
#include <ostream>

#include <boost/beast/http/status.hpp>

#include "httpstatus/registry.hpp"

namespace httpstatus {

/// Returns Beast's enumerator for `s`. Beast's enum is an `unsigned` that
/// holds any number, so codes Beast 1.81 does not name (103, 104, 306, 418,
/// 425, most vendors' codes) convert too. Take the reason phrase from `s`:
/// Beast prints "<unknown-status>" for those, and its own phrase for the
/// vendors' numbers it does name (444, 499, 599), which for Esri's 499
/// ("Token Required") is nginx's "Client Closed Request".
[[nodiscard]] constexpr boost::beast::http::status to_beast(
    const status& s) noexcept {
  return static_cast<boost::beast::http::status>(s.code);
}

/// Returns the registry's entry for Beast's `value`, or `std::nullopt` when
/// IANA has none (an unassigned number or `status::unknown`).
[[nodiscard]] constexpr std::optional<status> from_beast(
    boost::beast::http::status value) noexcept {
  return find(static_cast<int>(value));
}

}  // namespace httpstatus
