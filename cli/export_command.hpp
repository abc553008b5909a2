// SPDX-License-Identifier: MIT
// The `httpstatus export DIR` subcommand: the site and API as static files.
#pragma once

#include <iosfwd>
#include <string>

namespace CLI {
class App;
}

namespace httpstatus::cli {

/// Holds the `export` subcommand and the values its arguments parse into.
struct export_command {
  CLI::App* sub = nullptr;
  std::string dir;     ///< where to write
  bool force = false;  ///< write into a folder that is not empty
};

/// Adds `export DIR [--force]` to `app`, binding it to `cmd`, which must
/// outlive `app`'s parse.
void add_export_command(CLI::App& app, export_command& cmd);

/// Renders the site and writes it under `cmd.dir` (see
/// `server::export_site`), then prints "wrote N files (B bytes) to DIR" to
/// `out`. Returns 0 on success; 2 with one "httpstatus: error: ..." line
/// on `err` when `dir` is a folder that is not empty and `force` is unset,
/// or is not a folder; 1 with one such line when a file cannot be written.
[[nodiscard]] int run_export(const export_command& cmd, std::ostream& out,
                             std::ostream& err);

}  // namespace httpstatus::cli
