// SPDX-License-Identifier: MIT
// The `httpstatus serve` subcommand: its flags and how it starts the server.
#pragma once

#include <iosfwd>

#include "server.hpp"

namespace CLI {
class App;
}

namespace httpstatus::cli {

/// Holds the `serve` subcommand and the values its flags parse into.
struct serve_command {
  CLI::App* sub = nullptr;
  server::config config;
};

/// Adds `serve` and its flags to `app`, binding them to `cmd`, which must
/// outlive `app`'s parse.
void add_serve_command(CLI::App& app, serve_command& cmd);

/// Runs the server until SIGINT or SIGTERM, after printing "listening on
/// http://HOST:PORT" (the real port for `--port 0`) to `out`, flushed;
/// returns the exit code: 0 after a clean stop, 2 when it cannot listen
/// (one "httpstatus: error: cannot listen on HOST:PORT: why" line on
/// `err`), 1 when the site cannot be rendered (a packaging bug).
[[nodiscard]] int run_serve(const serve_command& cmd, std::ostream& out,
                            std::ostream& err);

}  // namespace httpstatus::cli
