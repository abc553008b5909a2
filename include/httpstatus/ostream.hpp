// SPDX-License-Identifier: MIT
// Optional adapter: `operator<<` for a status record and a status class.
#pragma once

#include <array>
#include <charconv>
#include <cstddef>
#include <initializer_list>
#include <ios>
#include <ostream>
#include <string_view>

#include "httpstatus/registry.hpp"

namespace httpstatus {

namespace detail {

// Writes `parts` as one formatted field, as `out << std::string` would:
// the stream's width and fill pad the whole text (on the right with
// `std::left`, else on the left) and the width is reset. The parts go
// straight to the stream's buffer, so nothing is allocated; it built a
// std::string first.
inline std::ostream& write_field(
    std::ostream& out, std::initializer_list<std::string_view> parts) {
  const std::ostream::sentry ready(out);
  if (!ready) return out;
  std::size_t size = 0;
  for (const std::string_view part : parts) size += part.size();
  const std::streamsize width = out.width();
  const std::size_t pad = width > 0 && static_cast<std::size_t>(width) > size
                              ? static_cast<std::size_t>(width) - size
                              : 0;
  const bool pad_after =
      (out.flags() & std::ios_base::adjustfield) == std::ios_base::left;
  std::streambuf& buffer = *out.rdbuf();
  bool is_written = true;
  const auto fill = [&] {
    for (std::size_t i = 0; i < pad && is_written; ++i)
      is_written = buffer.sputc(out.fill()) != std::char_traits<char>::eof();
  };
  if (!pad_after) fill();
  for (const std::string_view part : parts)
    if (is_written)
      is_written = buffer.sputn(part.data(),
                                static_cast<std::streamsize>(part.size())) ==
                   static_cast<std::streamsize>(part.size());
  if (pad_after) fill();
  out.width(0);
  if (!is_written) out.setstate(std::ios_base::badbit);
  return out;
}

// The decimal digits of `n`, in `digits`.
inline std::string_view decimal(unsigned n, std::array<char, 12>& digits) {
  const std::to_chars_result r =
      std::to_chars(digits.data(), digits.data() + digits.size(), n);
  return {digits.data(), static_cast<std::size_t>(r.ptr - digits.data())};
}

}  // namespace detail

/// Writes `s` as its status line part, "404 Not Found" (a vendor code with
/// no published phrase writes the number alone). The stream's width and
/// fill apply to the whole text, as for a string: `std::setw(20)` pads
/// "404 Not Found", not the number alone. Allocates nothing.
inline std::ostream& operator<<(std::ostream& out, const status& s) {
  std::array<char, 12> digits{};
  const std::string_view code =
      detail::decimal(static_cast<unsigned>(s.code), digits);
  if (s.reason.empty()) return detail::write_field(out, {code});
  return detail::write_field(out, {code, " ", s.reason});
}

/// Writes a class as its label, "4xx"; a value that is not one of the five
/// classes writes as "status_class(7)", the number it holds. A width pads
/// the whole text, as for a status.
inline std::ostream& operator<<(std::ostream& out, status_class c) {
  const std::string_view label = info(c).label;
  if (!label.empty()) return detail::write_field(out, {label});
  std::array<char, 12> digits{};
  return detail::write_field(
      out, {"status_class(", detail::decimal(static_cast<unsigned>(c), digits),
            ")"});
}

}  // namespace httpstatus
