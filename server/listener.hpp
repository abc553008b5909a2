// SPDX-License-Identifier: MIT
// The accept loop: one session per connection. It knows sockets, not
// routes.
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/error.hpp>

#include "router.hpp"
#include "session.hpp"

namespace httpstatus::server {

/// Accepts connections on a listening acceptor and starts a session for
/// each, on the io_contexts it is given in turn, until `stop`. A failed
/// accept ends only that connection; the loop goes on. Beyond
/// `limits.max_connections` open sessions, a new connection gets a 503 and
/// is closed at once.
class listener : public std::enable_shared_from_this<listener> {
 public:
  /// Takes `acceptor`, already listening, on an io_context that one thread
  /// runs, and `contexts`, each run by one thread, for the sessions (the
  /// acceptor's may be among them); `contexts`, `routes`, `limits`,
  /// `sessions`, `log` and `observers` must outlive the listener.
  /// Connections refused at the cap are counted in `observers.stats`.
  listener(
      const std::vector<std::unique_ptr<boost::asio::io_context>>& contexts,
      boost::asio::ip::tcp::acceptor&& acceptor, const router& routes,
      const session_limits& limits, session_set& sessions, const logger& log,
      const session_observers& observers);

  /// Starts accepting.
  void run();

  /// Closes the acceptor, from any thread (at once when called on the
  /// acceptor's own); sessions are left alone. A connection whose accept
  /// completes after that gets a 503 and is closed.
  void stop();

 private:
  void do_accept();
  void on_accept(boost::beast::error_code ec,
                 boost::asio::ip::tcp::socket socket);
  static void refuse(boost::asio::ip::tcp::socket socket,
                     std::string_view answer);

  const std::vector<std::unique_ptr<boost::asio::io_context>>& contexts_;
  std::size_t next_context_ = 0;  ///< where the next session goes
  boost::asio::ip::tcp::acceptor acceptor_;
  boost::asio::steady_timer backoff_;
  const router& routes_;
  const session_limits& limits_;
  session_set& sessions_;
  const logger& log_;
  const session_observers& observers_;
};

}  // namespace httpstatus::server
