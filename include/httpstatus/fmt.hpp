// SPDX-License-Identifier: MIT
// Optional adapter: `fmt::formatter` for a status record (needs fmt 9+).
#pragma once

#include <fmt/format.h>

#include "httpstatus/registry.hpp"

/// Formats a status as "404 Not Found"; `{:c}` gives the code alone and
/// `{:r}` the reason phrase alone.
///
///     fmt::print("{}\n", *httpstatus::find(404));   // 404 Not Found
template <>
struct fmt::formatter<httpstatus::status> {
  char presentation = 'f';

  constexpr auto parse(format_parse_context& ctx) -> decltype(ctx.begin()) {
    auto it = ctx.begin();
    if (it != ctx.end() && (*it == 'c' || *it == 'r')) presentation = *it++;
    // FMT_THROW, not `throw`: it is fmt's own error path, so the adapter
    // builds with -fno-exceptions wherever fmt does (fmt then asserts).
    if (it != ctx.end() && *it != '}')
      FMT_THROW(format_error("invalid format"));
    return it;
  }

  template <class FormatContext>
  auto format(const httpstatus::status& s, FormatContext& ctx) const
      -> decltype(ctx.out()) {
    if (presentation == 'c') return fmt::format_to(ctx.out(), "{}", s.code);
    if (presentation == 'r') return fmt::format_to(ctx.out(), "{}", s.reason);
    if (s.reason.empty()) return fmt::format_to(ctx.out(), "{}", s.code);
    return fmt::format_to(ctx.out(), "{} {}", s.code, s.reason);
  }
};
