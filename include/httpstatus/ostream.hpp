// SPDX-License-Identifier: MIT
// Optional adapter: `operator<<` for a status record and a status class.
#pragma once

#include <ostream>

#include "httpstatus/registry.hpp"

namespace httpstatus {

/// Writes `s` as its status line part, "404 Not Found" (a vendor code with
/// no published phrase writes the number alone).
inline std::ostream& operator<<(std::ostream& out, const status& s) {
  out << s.code;
  if (!s.reason.empty()) out << ' ' << s.reason;
  return out;
}

/// Writes a class as its label, "4xx".
inline std::ostream& operator<<(std::ostream& out, status_class c) {
  return out << info(c).label;
}

}  // namespace httpstatus
