// SPDX-License-Identifier: MIT
// Optional adapter: `fmt::formatter` for a status record and a status
// class (needs fmt 9+).
#pragma once

#include <fmt/format.h>

#include "httpstatus/registry.hpp"

/// Formats a status as "404 Not Found"; `{:c}` gives the code alone and
/// `{:r}` the reason phrase alone. Fill, alignment, width and precision
/// apply to the whole text, as for a string (`{:>16}`, `{:*^20c}`); a width
/// or precision taken from an argument (`{:{}}`) is refused.
///
///     fmt::print("{}\n", *httpstatus::find(404));   // 404 Not Found
template <>
struct fmt::formatter<httpstatus::status> : fmt::formatter<fmt::string_view> {
  char presentation = 'f';

  constexpr auto parse(format_parse_context& ctx) -> decltype(ctx.begin()) {
    auto spec_end = ctx.begin();
    while (spec_end != ctx.end() && *spec_end != '}') {
      // fmt would number the argument within the part handed on below, not
      // within the whole format string, and so read the wrong one.
      // FMT_THROW, not `throw`: it is fmt's own error path, so the adapter
      // builds with -fno-exceptions wherever fmt does (fmt then asserts).
      if (*spec_end == '{')
        FMT_THROW(format_error("a status takes no width from an argument"));
      ++spec_end;
    }
    const auto close = spec_end;
    // The presentation is the spec's last letter, where fmt puts a type;
    // what comes before it is a string's spec.
    if (spec_end != ctx.begin() && (spec_end[-1] == 'c' || spec_end[-1] == 'r'))
      presentation = *--spec_end;
    format_parse_context string_spec(fmt::string_view(
        ctx.begin(), static_cast<std::size_t>(spec_end - ctx.begin())));
    if (formatter<fmt::string_view>::parse(string_spec) != spec_end)
      FMT_THROW(format_error("invalid format"));
    return close;
  }

  template <class FormatContext>
  auto format(const httpstatus::status& s, FormatContext& ctx) const
      -> decltype(ctx.out()) {
    // The text is put together first so that the string spec pads or cuts
    // it whole; its inline storage holds any registry phrase, so this does
    // not allocate.
    fmt::basic_memory_buffer<char, 128> text;
    if (presentation != 'r') fmt::format_to(fmt::appender(text), "{}", s.code);
    if (presentation == 'f' && !s.reason.empty()) text.push_back(' ');
    if (presentation != 'c') text.append(s.reason);
    return formatter<fmt::string_view>::format(
        fmt::string_view(text.data(), text.size()), ctx);
  }
};

/// Formats a class as its label, "4xx", as `operator<<` writes it; a value
/// that is not one of the five classes as "status_class(7)". Takes a
/// string's spec (`{:>5}`).
template <>
struct fmt::formatter<httpstatus::status_class>
    : fmt::formatter<fmt::string_view> {
  template <class FormatContext>
  auto format(httpstatus::status_class c, FormatContext& ctx) const
      -> decltype(ctx.out()) {
    const std::string_view label = httpstatus::info(c).label;
    if (!label.empty())
      return formatter<fmt::string_view>::format(
          fmt::string_view(label.data(), label.size()), ctx);
    fmt::basic_memory_buffer<char, 32> text;
    fmt::format_to(fmt::appender(text), "status_class({})",
                   static_cast<unsigned>(c));
    return formatter<fmt::string_view>::format(
        fmt::string_view(text.data(), text.size()), ctx);
  }
};
