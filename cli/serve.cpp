// SPDX-License-Identifier: MIT
// The `httpstatus serve` subcommand: its flags and how it starts the server.
#include "serve.hpp"

#include <exception>
#include <ostream>
#include <system_error>

#include <fmt/format.h>
#include <fmt/ostream.h>
#include <CLI/CLI.hpp>

#include "server.hpp"

namespace httpstatus::cli {

void add_serve_command(CLI::App& app, serve_command& cmd) {
  cmd.sub = app.add_subcommand(
      "serve", "serve the reference site and the JSON API over HTTP");
  cmd.sub->add_option("--host", cmd.config.host, "address to listen on")
      ->capture_default_str();
  cmd.sub
      ->add_option("--port", cmd.config.port,
                   "port to listen on (0: any free port)")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  cmd.sub
      ->add_option("--threads", cmd.config.threads,
                   "threads serving requests (default: one per core)")
      ->check(CLI::Range(1, 1024));
}

// The "listening on" line is the signal scripts and tests wait for, so it
// is flushed at once and printed only when the site is rendered and the
// socket is listening: a request sent after it is served.
int run_serve(const serve_command& cmd, std::ostream& out, std::ostream& err) {
  const server::config& cfg = cmd.config;
  try {
    server::server srv(cfg);
    if (const std::error_code ec = srv.listen()) {
      fmt::print(err, "httpstatus: error: cannot listen on {}:{}: {}\n",
                 cfg.host, cfg.port, ec.message());
      return 2;
    }
    fmt::print(out, "listening on {}\n",
               server::base_url(cfg.host, srv.port()));
    out.flush();
    srv.handle_signals();
    srv.run();
    return 0;
  } catch (const std::exception& e) {
    fmt::print(err, "httpstatus: error: cannot serve: {}\n", e.what());
    return 1;
  }
}

}  // namespace httpstatus::cli
