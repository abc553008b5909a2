// SPDX-License-Identifier: MIT
// The accept loop: one session per connection. It knows sockets, not
// routes.
#pragma once

#include <memory>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/error.hpp>

#include "router.hpp"
#include "session.hpp"

namespace httpstatus::server {

/// Accepts connections on a listening acceptor and starts a session on
/// its own strand for each, until `stop`. A failed accept ends only that
/// connection; the loop goes on. Beyond `limits.max_connections` open
/// sessions, a new connection gets a 503 and is closed at once.
class listener : public std::enable_shared_from_this<listener> {
 public:
  /// Takes `acceptor`, already listening, whose executor must be a strand;
  /// `routes`, `limits`, `sessions`, `log` and `observers` must outlive the
  /// listener. Connections refused at the cap are counted in
  /// `observers.stats`.
  listener(boost::asio::io_context& ioc,
           boost::asio::ip::tcp::acceptor&& acceptor, const router& routes,
           const session_limits& limits, session_set& sessions,
           const logger& log, const session_observers& observers);

  /// Starts accepting.
  void run();

  /// Closes the acceptor, from any thread; sessions are left alone.
  void stop();

 private:
  void do_accept();
  void on_accept(boost::beast::error_code ec,
                 boost::asio::ip::tcp::socket socket);
  static void refuse(boost::asio::ip::tcp::socket socket);

  boost::asio::io_context& ioc_;
  boost::asio::ip::tcp::acceptor acceptor_;
  boost::asio::steady_timer backoff_;
  const router& routes_;
  const session_limits& limits_;
  session_set& sessions_;
  const logger& log_;
  const session_observers& observers_;
};

}  // namespace httpstatus::server
