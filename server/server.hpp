// SPDX-License-Identifier: MIT
// The server as a whole: its configuration, an io_context per thread,
// signals and graceful stop. Free of Boost, so that the CLI can include it.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <system_error>

#include "precompressed.hpp"

namespace httpstatus::server {

class content;

/// Holds everything `httpstatus serve` can be told; the defaults are the
/// ones the CLI documents, but for `access_log`, which `serve` sets.
struct config {
  std::string host = "127.0.0.1";             ///< address or name to listen on
  std::uint16_t port = 8080;                  ///< 0 takes any free port
  unsigned threads = 0;                       ///< 0: one per hardware thread
  std::chrono::milliseconds timeout{30'000};  ///< per body read and write
  std::chrono::milliseconds shutdown_grace{10'000};  ///< graceful stop bound
  /// Bounds the time a whole request line and header section may take to
  /// arrive, counted from its first byte (or from the accept); a client
  /// slower than that is disconnected, however steadily it trickles.
  std::chrono::milliseconds header_timeout{10'000};
  /// Bounds the wait for the next request on a kept-alive connection.
  std::chrono::milliseconds idle_timeout{15'000};
  std::size_t header_limit = 8 * 1024;  ///< request header bytes; 431 beyond
  std::size_t body_limit = 64 * 1024;   ///< request body bytes; 413 beyond
  std::size_t pipeline_limit = 16;      ///< queued responses per connection
  /// Caps open connections; one more is answered 503 and closed at once,
  /// while the open ones are served as usual.
  std::size_t max_connections = 10'000;
  /// Caps mock requests sleeping (`sleep=`) at once; beyond it the mock
  /// answers 503 instead of sleeping.
  std::size_t max_sleeping = 1'000;
  /// Caps the mock's `sleep=`; a longer one is answered 400.
  std::chrono::milliseconds max_sleep{10'000};
  /// Caps the mock's remembered `sequence=` keys (least recently used go).
  std::size_t max_sequences = 10'000;
  /// Receives one line per failure the server survives (a handler that
  /// threw, an I/O error); empty writes them to stderr.
  std::function<void(std::string_view)> log;
  /// Receives one access-log line per request, newline included, when its
  /// final response is written: time, client, request, status, body
  /// bytes, duration (see `format_access_line` in access_log.hpp). Called
  /// from the serving threads; must not throw. Empty (the default here):
  /// no access log. `httpstatus serve` writes them to stdout
  /// (`write_access_line`) unless `--no-access-log`.
  std::function<void(std::string_view)> access_log;
  /// Counts requests (by route and status, with a latency histogram) and
  /// connections, and serves them at `GET /metrics` in the Prometheus text
  /// format; false does neither, at no cost per request.
  bool metrics = true;
  /// Holds the compressed variants `listen()` renders the site with
  /// (`render_site`); `httpstatus serve` passes `precompressed_site()`.
  /// Empty (the default): every body is compressed at start-up.
  std::span<const precompressed_entry> precompressed;
};

/// Returns the number of threads `cfg` asks for: `threads`, or the number
/// of hardware threads (at least 1) when it is 0.
[[nodiscard]] unsigned thread_count(const config& cfg) noexcept;

/// Returns "http://HOST:PORT" for `host` and `port`, with an IPv6 address
/// in brackets.
[[nodiscard]] std::string base_url(std::string_view host, std::uint16_t port);

/// Writes `line`, an access-log line, to standard output in one write(2):
/// whole even when several threads write (atomic for a pipe, since a line
/// is at most 4096 bytes), and unbuffered, so that it reaches journald or
/// a file at once. A pipe or socket that is full (its reader not reading)
/// gets no line: it is dropped, counted (`access_lines_dropped`), said once
/// on stderr, and the server goes on. When the output fails (a closed
/// pipe, `EPIPE`, once SIGPIPE is ignored) the access log stops, with one
/// line on stderr saying why. The `config::access_log` of `httpstatus
/// serve`.
void write_access_line(std::string_view line) noexcept;

/// Returns the access-log lines `write_access_line` dropped because
/// standard output was full.
[[nodiscard]] std::uint64_t access_lines_dropped() noexcept;

/// Serves the site and the API: listener -> session -> router -> handlers,
/// on `thread_count(cfg)` threads, each running its own io_context, which
/// serves the connections the listener hands it for their whole life. Serving
/// is lookups and writes of bytes rendered once, by `listen()` or by whoever
/// made the `content` passed in.
///
///     server s(cfg);
///     if (auto ec = s.listen()) return fail(ec.message());
///     std::cout << "listening on " << base_url(cfg.host, s.port()) << '\n';
///     s.handle_signals();
///     s.run();  // until SIGINT or SIGTERM
///
/// `listen()` may throw what rendering throws; nothing else does.
class server {
 public:
  /// Prepares a server for `cfg`; the site is rendered by `listen()`.
  explicit server(config cfg);

  /// Prepares a server for `cfg` serving `site`, so that many servers (in
  /// tests) can share one rendering.
  server(config cfg, std::shared_ptr<const content> site);

  /// Stops gracefully and joins the threads `start` made.
  ~server();

  server(const server&) = delete;
  server& operator=(const server&) = delete;

  /// Resolves the host, binds and listens, then renders the site unless
  /// one was given. Returns the error that prevented listening ("Address
  /// already in use", "Host not found"), or an empty code.
  [[nodiscard]] std::error_code listen();

  /// Returns the port it listens on (the real one when `cfg.port` was 0),
  /// or 0 before a successful `listen()`.
  [[nodiscard]] std::uint16_t port() const noexcept;

  /// Makes SIGINT and SIGTERM call `stop()`; a second signal during the
  /// stop ends it at once.
  void handle_signals();

  /// Serves on the calling thread and `thread_count - 1` more until
  /// stopped. Call after a successful `listen()`.
  void run();

  /// Serves on `thread_count` background threads and returns at once.
  void start();

  /// Stops gracefully, from any thread, any number of times: stops
  /// accepting, lets each connection finish the request it is reading and
  /// the responses it owes, then closes it; after `shutdown_grace` closes
  /// whatever is left. Returns at once; `run()` and `wait()` return when
  /// it is done.
  void stop();

  /// Waits for the threads `start` made to finish.
  void wait();

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace httpstatus::server
