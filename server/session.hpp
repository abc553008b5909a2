// SPDX-License-Identifier: MIT
// One connection: read -> dispatch -> write, with timeouts, limits,
// keep-alive and a bounded pipelining queue. It knows HTTP messages, not
// their meaning.
#pragma once

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string_view>
#include <unordered_map>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/parser.hpp>

#include "access_log.hpp"
#include "field_allocator.hpp"
#include "message.hpp"
#include "metrics.hpp"
#include "reply.hpp"
#include "router.hpp"

namespace httpstatus::server {

/// Holds the limits every session enforces.
struct session_limits {
  std::chrono::milliseconds timeout{30'000};  ///< per read and per write
  std::size_t header_limit = 8 * 1024;        ///< 431 beyond
  std::size_t body_limit = 64 * 1024;         ///< 413 beyond
  std::size_t pipeline_limit = 16;  ///< responses queued before reads pause
  /// Bounds a whole request line and header section, from its first byte
  /// (from the accept for a connection's first request).
  std::chrono::milliseconds header_timeout{10'000};
  /// Bounds the wait for the first byte of a kept-alive connection's next
  /// request.
  std::chrono::milliseconds idle_timeout{15'000};
  /// Caps open connections; the listener answers one more with 503 and
  /// closes it.
  std::size_t max_connections = 10'000;
};

/// Holds what sessions report each request to; both optional. A request
/// is reported once, when its final response has been written (or, for
/// one that gets none, when the session gives up on it).
struct session_observers {
  metrics* stats = nullptr;  ///< counts, latency, open connections
  /// Receives one access-log line (`format_access_line`) per request;
  /// empty: no access log. Called on the session's thread; must not throw.
  std::function<void(std::string_view)> access_log;

  /// Returns whether anything is observed, so that an unobserved session
  /// skips even reading the clock.
  [[nodiscard]] bool any() const noexcept { return stats || access_log; }
};

class session;
class websocket_session;

/// Tracks the live sessions, so that a graceful stop can reach each one
/// and learn when the last has gone. Thread-safe.
class session_set {
 public:
  /// Adds `s`; asks it to stop at once if `shutdown` has been called.
  void insert(const std::shared_ptr<session>& s);

  /// Removes `s` (called as it is destroyed).
  void erase(const session* s);

  /// Asks every session to finish the response it owes and close, and
  /// calls `on_empty` once when no session is left (at once if none is).
  void shutdown(std::function<void()> on_empty);

  /// Forgets the `on_empty` callback, so that sessions destroyed with
  /// their io_context after a forced stop call nothing.
  void cancel_on_empty();

  /// Returns the number of live sessions.
  [[nodiscard]] std::size_t size() const;

 private:
  mutable std::mutex mutex_;
  std::unordered_map<const session*, std::weak_ptr<session>> sessions_;
  std::function<void()> on_empty_;
  bool stopping_ = false;
};

/// Serves one connection on the socket's executor, one handler at a time,
/// until the peer closes, a timeout fires, a response says `Connection:
/// close`, or the server stops. Carries out a handler's `reply_extras`: the delay,
/// interim responses (a 100 before the body it invites), closing without
/// a response, and handing the connection to a `websocket_session`. Every
/// completion handler sorts its error code and never throws.
class session : public std::enable_shared_from_this<session> {
 public:
  /// Takes `socket`, whose executor must run one handler at a time (an
  /// io_context one thread runs, or a strand); `routes`, `sessions`, `log`
  /// and `observers` must outlive the session.
  session(boost::asio::ip::tcp::socket&& socket, const router& routes,
          const session_limits& limits, session_set& sessions,
          const logger& log, const session_observers& observers);
  ~session();

  session(const session&) = delete;
  session& operator=(const session&) = delete;

  /// Starts reading requests.
  void run();

  /// Asks the session, from any thread, to finish the request it is
  /// reading and the responses it owes, then close.
  void shutdown();

 private:
  void do_read();
  void arm_idle_check(std::chrono::steady_clock::time_point since);
  void on_idle_check(boost::beast::error_code ec);
  void new_parser();
  [[nodiscard]] bool skip_empty_lines();
  [[nodiscard]] bool read_higher_minor_version_as_1_1();
  void on_first_bytes(boost::beast::error_code ec, std::size_t bytes);
  void do_read_header();
  void on_header(boost::beast::error_code ec, std::size_t bytes);
  void on_read(boost::beast::error_code ec, std::size_t bytes);
  void refuse(int code, const std::string& detail);
  [[nodiscard]] bool must_close() const;
  void answer_on_header();
  void continue_then_answer();
  void on_continued_body(boost::beast::error_code ec, std::size_t bytes);
  void enqueue(reply r, route_id route = no_route);
  void do_write();
  void on_delay(boost::beast::error_code ec);
  void watch_while_sleeping();
  void on_watched(boost::beast::error_code ec, std::size_t bytes);
  void on_interim(boost::beast::error_code ec, std::size_t bytes);
  void on_write(boost::beast::error_code ec, std::size_t bytes);
  void do_abort();
  void do_upgrade();
  void on_shutdown();
  void do_close();
  void read_and_discard();
  void on_discarded(boost::beast::error_code ec, std::size_t bytes);
  void report(int status, std::uint64_t bytes) noexcept;
  struct pending;
  void report(const pending& p, int status, std::uint64_t bytes) noexcept;
  void fail(boost::beast::error_code ec, std::string_view what);

  /// Is a reply waiting to be written, with what its request's metrics and
  /// access-log line need: the request itself is gone by then (its parser
  /// makes way for the next one).
  struct pending {
    reply r;
    std::chrono::steady_clock::time_point start;  ///< the request's start
    route_id route = no_route;
    std::uint16_t method_size = 0;  ///< the method's bytes at `text`'s start
    std::uint8_t version = 11;
    bool is_cut = false;  ///< `text` holds the start of a longer target
    log_text text;        ///< method and target; empty without access log
  };

  boost::beast::tcp_stream stream_;
  boost::beast::flat_buffer buffer_;
  std::optional<boost::beast::http::request_parser<
      boost::beast::http::string_body, field_allocator<char>>>
      parser_;  ///< its message is a `request`: fields from the pool
  /// Front is being written. Its blocks come from the per-thread pool, so
  /// that the deque's node churn (one node per few replies) does not call
  /// the global allocator either.
  std::deque<pending, field_allocator<pending>> queue_;
  boost::asio::steady_timer timer_;  ///< the front reply's delay
  /// Holds an idle wait to `idle_timeout`; see `do_read`.
  boost::asio::steady_timer idle_timer_;
  std::chrono::steady_clock::time_point idle_since_;  ///< the wait's start
  bool is_idle_ = false;  ///< waiting for a kept-alive request's first byte
  bool is_idle_check_armed_ = false;
  bool is_sleeping_ = false;  ///< the front reply waits out its delay
  /// A read waits for the client to leave during the delay; see
  /// `watch_while_sleeping`.
  bool is_watching_ = false;
  /// The status line and fields of the front reply while it is written
  /// (`wire_buffers`); keeps its capacity from one reply to the next.
  std::string head_scratch_;
  std::size_t interim_sent_ = 0;     ///< of the front reply's interim list
  /// The back reply waits to write its 100 and then read its body.
  bool awaiting_continue_ = false;
  /// ... and is a placeholder, answered once the body is read.
  bool answer_after_content_ = false;
  std::weak_ptr<websocket_session> websocket_;  ///< once handed over
  const router& routes_;
  session_limits limits_;
  session_set& sessions_;
  const logger& log_;
  const session_observers& observers_;
  /// When the request being read began: its first byte on a kept-alive
  /// connection, the accept for the first one. Set only when observed.
  std::chrono::steady_clock::time_point request_start_;
  std::array<char, max_client_text> client_{};  ///< "ADDRESS:PORT"
  std::size_t client_size_ = 0;                 ///< 0 without an access log
  bool reading_ = false;   ///< a read is outstanding
  bool closing_ = false;   ///< read no more requests
  bool stopping_ = false;  ///< the server is stopping: close after this
  bool served_one_ = false;  ///< a request was read: the next waits idle
  bool peer_closed_ = false;  ///< the client's end of the stream was read
  bool skipped_empty_lines_ = false;  ///< before this request's line
  bool is_lingering_ = false;  ///< half-closed, discarding what still comes
  /// Requests parsed and answered from the buffer within one another's
  /// call (see `do_read_header`).
  std::size_t nested_parses_ = 0;
};

}  // namespace httpstatus::server
