// SPDX-License-Identifier: MIT
// The httpstatus command line: set-up and run, testable without a process.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace httpstatus::cli {

/// Exit codes, as `--help` and the README document them.
enum exit_code : int {
  exit_found = 0,      ///< everything asked for was found
  exit_not_found = 1,  ///< a code, class or name was not found
  exit_usage = 2,      ///< bad flags or input that is not a query at all
  /// The output could not be written (a full disk, a closed pipe); the
  /// number is sysexits.h's EX_IOERR, so that no command's own codes
  /// (check's 3) are mistaken for it.
  exit_write_error = 74,
};

/// Describes the terminal the output goes to.
struct terminal {
  bool color = false;  ///< use ANSI colours (stdout is a TTY, no NO_COLOR)
};

/// Runs `httpstatus` with `args` (without the program name), writing
/// results to `out` and diagnostics to `err`; returns the exit code. Never
/// throws for bad input.
[[nodiscard]] int run(const std::vector<std::string>& args, std::ostream& out,
                      std::ostream& err, const terminal& term = {});

}  // namespace httpstatus::cli
