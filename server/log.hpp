// SPDX-License-Identifier: MIT
// The default logger: one line per failure, on stderr.
#pragma once

#include <string_view>

namespace httpstatus::server {

/// Writes "httpstatus: `line`" and a newline to stderr, whole, even when
/// several threads log at once.
void log_to_stderr(std::string_view line);

}  // namespace httpstatus::server
