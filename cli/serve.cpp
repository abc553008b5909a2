// SPDX-License-Identifier: MIT
// The `httpstatus serve` subcommand: its flags and how it starts the server.
#include "serve.hpp"

#include <chrono>
#include <csignal>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <ostream>
#include <string>
#include <system_error>

#include <fmt/format.h>
#include <fmt/ostream.h>
#include <CLI/CLI.hpp>

#include "bounded.hpp"
#include "precompressed.hpp"
#include "router.hpp"
#include "server.hpp"

namespace httpstatus::cli {
namespace {

// Limits and timeouts: each a flag, each default the config's own, so that
// `serve --help` documents what runs.
void add_limit_options(CLI::App& sub, server::config& cfg) {
  const auto millis = [&sub](const char* name,
                             std::chrono::milliseconds& field,
                             const char* help) {
    sub.add_option_function<std::int64_t>(
           name,
           [&field](std::int64_t ms) { field = std::chrono::milliseconds(ms); },
           help)
        ->type_name("MS")
        ->check(bounded(std::int64_t{1}, std::int64_t{86'400'000}))
        ->default_str(std::to_string(field.count()));
  };
  const auto count = [&sub](const char* name, std::size_t& field,
                            const char* help, std::size_t low,
                            std::size_t high) {
    sub.add_option(name, field, help)
        ->type_name("N")
        ->check(bounded(low, high))
        ->capture_default_str();
  };
  const std::string header_limit_help = fmt::format(
      "bytes of request line and headers (431 beyond, 414 for the target; a "
      "target over {} bytes is 414 whatever this limit)",
      server::max_target_bytes);
  count("--header-limit", cfg.header_limit, header_limit_help.c_str(), 1024,
        1024 * 1024);
  count("--body-limit", cfg.body_limit, "bytes of request body (413 beyond)",
        0, 64 * 1024 * 1024);
  millis("--header-timeout", cfg.header_timeout,
         "time for a whole request header section to arrive; slower "
         "clients are disconnected");
  millis("--idle-timeout", cfg.idle_timeout,
         "time a kept-alive connection may wait for its next request");
  millis("--timeout", cfg.timeout, "time for each body read and each write");
  millis("--shutdown-grace", cfg.shutdown_grace,
         "time a graceful stop waits for in-flight requests");
  count("--max-connections", cfg.max_connections,
        "open connections; more are answered 503 and closed", 1, 1'000'000);
  millis("--max-sleep", cfg.max_sleep,
         "longest mock sleep= a request may ask for (400 beyond)");
  count("--max-sleeping", cfg.max_sleeping,
        "mock requests sleeping at once; more are answered 503", 0,
        1'000'000);
  count("--max-sequences", cfg.max_sequences,
        "mock sequence keys remembered (least recently used go first)", 1,
        10'000'000);
}

}  // namespace

void add_serve_command(CLI::App& app, serve_command& cmd) {
  cmd.sub = app.add_subcommand(
      "serve",
      "serve the reference site, the JSON API and the /status/ mock over HTTP");
  cmd.sub->footer(
      "Prints 'listening on http://HOST:PORT' once it accepts connections,\n"
      "then one access-log line per request on stdout:\n"
      "  2026-11-25T08:00:00.123Z 127.0.0.1:53122 \"GET /healthz HTTP/1.1\" "
      "200 2 0.031ms\n"
      "(UTC time, client, request, status, body bytes, duration); errors go\n"
      "to stderr. GET /metrics answers in the Prometheus text format.\n"
      "SIGINT or SIGTERM stop it after the requests in flight.\n\n"
      "Exit codes:\n"
      "  0  stopped by SIGINT or SIGTERM\n"
      "  2  bad flags, or it cannot listen on HOST:PORT\n");
  cmd.sub->add_option("--host", cmd.config.host, "address to listen on")
      ->capture_default_str();
  cmd.sub
      ->add_option("--port", cmd.config.port,
                   "port to listen on (0: any free port)")
      ->check(bounded(0, 65535))
      ->capture_default_str();
  cmd.sub
      ->add_option("--threads", cmd.config.threads,
                   "threads serving requests (default: one per core)")
      ->check(bounded(1, 1024));
  add_limit_options(*cmd.sub, cmd.config);
  // The access log is the CLI's default, not the library's (whose
  // embedders and tests choose their own sink).
  cmd.config.access_log = server::write_access_line;
  // The variants compressed at build time: start-up copies them instead
  // of spending a second on brotli (issue #5).
  cmd.config.precompressed = server::precompressed_site();
  cmd.sub->add_flag_callback(
      "--no-access-log", [&cmd] { cmd.config.access_log = nullptr; },
      "write no access log (one line per request on stdout)");
  cmd.sub->add_flag_callback(
      "--no-metrics", [&cmd] { cmd.config.metrics = false; },
      "serve no GET /metrics (Prometheus text) and count nothing for it");
}

// The "listening on" line is the signal scripts and tests wait for, so it
// is flushed at once and printed only when the site is rendered and the
// socket is listening: a request sent after it is served. It is always
// the first line: access-log lines (written straight to file descriptor
// 1) start with the first request, which `run` serves.
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
    // A reader of the access log that goes away (`serve | head`) must not
    // kill the server with SIGPIPE: the write fails with EPIPE instead,
    // and the access log stops with one line on stderr. Sockets are
    // written with MSG_NOSIGNAL anyway.
    if (cfg.access_log) std::signal(SIGPIPE, SIG_IGN);
    srv.handle_signals();
    srv.run();
    return 0;
  } catch (const std::exception& e) {
    fmt::print(err, "httpstatus: error: cannot serve: {}\n", e.what());
    return 1;
  }
}

}  // namespace httpstatus::cli
