// SPDX-License-Identifier: MIT
// Compiled with -fno-exceptions (tests/CMakeLists.txt): the fmt adapter
// reports a bad format spec through fmt's own error path, not a bare
// `throw`, so it builds wherever fmt does.
#include <httpstatus/fmt.hpp>

#include <string>

std::string format_404() {
  const httpstatus::status s = *httpstatus::find(404);
  return fmt::format("{} {:c} {:>12r}", s, s, s);
}
