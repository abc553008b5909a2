// SPDX-License-Identifier: MIT
// The `httpstatus lint` subcommand, and the report printing `check` shares.
#pragma once

#include <iosfwd>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "lint.hpp"

namespace CLI {
class App;
}

namespace httpstatus::cli {

/// Exit codes of `lint` and `check`, as their `--help` documents them.
enum lint_exit : int {
  lint_clean = 0,           ///< no MUST broken (SHOULD, MAY, info may remain)
  lint_must_broken = 1,     ///< at least one response breaks a MUST
  lint_usage = 2,           ///< bad flags, unreadable input, not a response
  lint_request_failed = 3,  ///< `check` only: DNS, connect, TLS or timeout
};

/// Gives the most bytes `lint` reads from a file or stdin; more is a usage
/// error rather than a slow death (a response of gigabytes).
inline constexpr std::size_t max_lint_input = 64 * 1024 * 1024;

/// Holds the `lint` subcommand and the values its flags parse into.
struct lint_command {
  CLI::App* sub = nullptr;
  std::string file = "-";  ///< a path, or "-" for `input`
  std::string method = "GET";
  std::vector<std::string> request_headers;  ///< "Name: value"
  bool json = false;
  std::istream* input = nullptr;  ///< read for "-"; nullptr means std::cin
};

/// Adds `lint` and its flags to `app`, binding them to `cmd`, which must
/// outlive `app`'s parse.
void add_lint_command(CLI::App& app, lint_command& cmd);

/// Reads the raw response(s) `cmd` names, lints each and prints a report
/// (or JSON) to `out`; returns a `lint_exit` code, with one line on `err`
/// for a usage error. Never throws for bad input.
[[nodiscard]] int run_lint(const lint_command& cmd, std::ostream& out,
                           std::ostream& err);

/// Reads "Name: value" (a -H or --request-header argument) into `result`;
/// returns why it is not one (no colon, a name that is not a token, a
/// control character such as CR or LF in the value, which would write a
/// second header line), or an empty string. `result` is unspecified then.
[[nodiscard]] std::string_view parse_header_arg(std::string_view text,
                                                lint::field& result);

/// Prints the report on one response: its status line; the code's class,
/// meaning and spec link from the registry; then one block per finding
/// (strength, rule, section, sentence, URL), or "no findings".
void print_report(std::ostream& out, const lint::response& res,
                  std::span<const lint::finding> findings,
                  std::string_view indent = "");

}  // namespace httpstatus::cli
