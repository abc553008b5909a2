// SPDX-License-Identifier: MIT
// The default logger: one line per failure, on stderr.
#include "log.hpp"

#include <cstdio>
#include <mutex>

namespace httpstatus::server {

void log_to_stderr(std::string_view line) {
  // One lock per line keeps lines from different sessions from
  // interleaving mid-line.
  static std::mutex mutex;
  const std::lock_guard lock(mutex);
  std::fprintf(stderr, "httpstatus: %.*s\n", static_cast<int>(line.size()),
               line.data());
}

}  // namespace httpstatus::server
