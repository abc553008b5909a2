// SPDX-License-Identifier: MIT
// Optional adapter: `operator<<` for a status record and a status class.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "httpstatus/registry.hpp"

namespace httpstatus {

/// Writes `s` as its status line part, "404 Not Found" (a vendor code with
/// no published phrase writes the number alone). The stream's width and
/// fill apply to the whole text, as for a string: `std::setw(20)` pads
/// "404 Not Found", not the number alone.
inline std::ostream& operator<<(std::ostream& out, const status& s) {
  std::string text = std::to_string(s.code);
  if (!s.reason.empty()) (text += ' ') += s.reason;
  return out << text;
}

/// Writes a class as its label, "4xx"; a value that is not one of the five
/// classes writes as "status_class(7)", the number it holds.
inline std::ostream& operator<<(std::ostream& out, status_class c) {
  const std::string_view label = info(c).label;
  if (label.empty())
    return out << "status_class(" << static_cast<unsigned>(c) << ')';
  return out << label;
}

}  // namespace httpstatus
