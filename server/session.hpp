// SPDX-License-Identifier: MIT
// One connection: read -> dispatch -> write, with timeouts, limits,
// keep-alive and a bounded pipelining queue. It knows HTTP messages, not
// their meaning.
#pragma once

#include <chrono>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <unordered_map>

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/parser.hpp>

#include "message.hpp"
#include "router.hpp"

namespace httpstatus::server {

/// Holds the limits every session enforces.
struct session_limits {
  std::chrono::milliseconds timeout{30'000};  ///< per read and per write
  std::size_t header_limit = 8 * 1024;        ///< 431 beyond
  std::size_t body_limit = 64 * 1024;         ///< 413 beyond
  std::size_t pipeline_limit = 16;  ///< responses queued before reads pause
};

class session;

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

/// Serves one connection on its own strand (the socket's executor) until
/// the peer closes, a timeout fires, a response says `Connection: close`,
/// or the server stops. Every completion handler sorts its error code and
/// never throws.
class session : public std::enable_shared_from_this<session> {
 public:
  /// Takes `socket`, whose executor must be a strand; `routes`, `sessions`
  /// and `log` must outlive the session.
  session(boost::asio::ip::tcp::socket&& socket, const router& routes,
          const session_limits& limits, session_set& sessions,
          const logger& log);
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
  void on_read(boost::beast::error_code ec, std::size_t bytes);
  void enqueue(response res);
  void do_write();
  void on_write(boost::beast::error_code ec, std::size_t bytes);
  void on_shutdown();
  void do_close();
  void fail(boost::beast::error_code ec, std::string_view what);

  boost::beast::tcp_stream stream_;
  boost::beast::flat_buffer buffer_;
  std::optional<
      boost::beast::http::request_parser<boost::beast::http::string_body>>
      parser_;
  std::deque<response> queue_;  ///< front is being written
  const router& routes_;
  session_limits limits_;
  session_set& sessions_;
  const logger& log_;
  bool reading_ = false;   ///< a read is outstanding
  bool closing_ = false;   ///< read no more requests
  bool stopping_ = false;  ///< the server is stopping: close after this
};

}  // namespace httpstatus::server
