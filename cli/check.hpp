// SPDX-License-Identifier: MIT
// The `httpstatus check` subcommand: request a URL, explain and lint the
// answer.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace httpstatus::cli {

/// Holds the `check` subcommand and the values its flags parse into.
struct check_command {
  CLI::App* sub = nullptr;
  std::string url;
  std::string method;  ///< -X; when not given, GET, or POST with `data`
  std::vector<std::string> headers;  ///< "Name: value"
  std::string data;
  bool has_data = false;
  bool follow = false;  ///< -L
  int max_redirs = 10;
  double timeout_seconds = 30;
  bool insecure = false;
  std::string cacert;
  bool json = false;
};

/// Adds `check` and its flags to `app`, binding them to `cmd`, which must
/// outlive `app`'s parse.
void add_check_command(CLI::App& app, check_command& cmd);

/// Sends the request `cmd` describes (following redirects with `-L`),
/// prints every hop's status line, the code's meaning, class and spec link,
/// interim 1xx responses, timings and lint findings (or JSON) to `out`;
/// returns a `lint_exit` code: 0 no MUST broken, 1 a MUST broken, 2 usage,
/// 3 the request failed, with one line on `err` saying which step failed.
/// Never throws for network failures or bad input.
[[nodiscard]] int run_check(const check_command& cmd, std::ostream& out,
                            std::ostream& err);

}  // namespace httpstatus::cli
