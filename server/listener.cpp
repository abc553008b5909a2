// SPDX-License-Identifier: MIT
// The accept loop: one session per connection.
#include "listener.hpp"

#include <chrono>
#include <string_view>
#include <utility>

#include <fmt/format.h>
#include <boost/asio/error.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core/bind_handler.hpp>

namespace httpstatus::server {
namespace beast = boost::beast;
namespace net = boost::asio;
using tcp = boost::asio::ip::tcp;

listener::listener(net::io_context& ioc, tcp::acceptor&& acceptor,
                   const router& routes, const session_limits& limits,
                   session_set& sessions, const logger& log,
                   const session_observers& observers)
    : ioc_(ioc),
      acceptor_(std::move(acceptor)),
      backoff_(acceptor_.get_executor()),
      routes_(routes),
      limits_(limits),
      sessions_(sessions),
      log_(log),
      observers_(observers) {}

void listener::run() {
  net::dispatch(
      acceptor_.get_executor(),
      beast::bind_front_handler(&listener::do_accept, shared_from_this()));
}

void listener::stop() {
  net::post(acceptor_.get_executor(), [self = shared_from_this()] {
    beast::error_code ec;
    self->acceptor_.close(ec);
    self->backoff_.cancel();
  });
}

void listener::do_accept() {
  // Each connection gets its own strand, so a session's handlers never run
  // concurrently while different sessions use every thread.
  acceptor_.async_accept(
      net::make_strand(ioc_),
      beast::bind_front_handler(&listener::on_accept, shared_from_this()));
}

// An accept error belongs to one connection (reset before we took it) or
// to a passing shortage (out of file descriptors). Either way the loop
// goes on; after a shortage it waits a moment first, because retrying at
// once would spin on the same error.
void listener::on_accept(beast::error_code ec, tcp::socket socket) {
  if (ec == net::error::operation_aborted || !acceptor_.is_open()) return;
  if (ec) {
    log_(fmt::format("accept: {}", ec.message()));
    const bool is_shortage = ec == net::error::no_descriptors ||
                             ec == net::error::no_buffer_space ||
                             ec == net::error::no_memory;
    if (is_shortage) {
      backoff_.expires_after(std::chrono::milliseconds(50));
      backoff_.async_wait(
          [self = shared_from_this()](beast::error_code wait_ec) {
            if (!wait_ec && self->acceptor_.is_open()) self->do_accept();
          });
      return;
    }
  } else if (sessions_.size() >= limits_.max_connections) {
    if (observers_.stats) observers_.stats->connection_refused();
    refuse(std::move(socket));
  } else {
    auto s = std::make_shared<session>(std::move(socket), routes_, limits_,
                                       sessions_, log_, observers_);
    sessions_.insert(s);
    s->run();
  }
  do_accept();
}

// Over the connection cap, a connection is still accepted, so that the
// backlog never fills and leaves clients hanging in SYN_SENT: it gets a
// canned 503 if the socket takes it at once, and is closed. Nothing here
// waits on the peer, so a flood costs one accept and one close each, and
// the connections being served keep going.
void listener::refuse(tcp::socket socket) {
  static constexpr std::string_view busy =
      "HTTP/1.1 503 Service Unavailable\r\n"
      "Content-Type: text/plain; charset=utf-8\r\n"
      "Content-Length: 41\r\n"
      "Retry-After: 1\r\n"
      "Connection: close\r\n"
      "\r\n"
      "503 The server has too many connections.\n";
  beast::error_code ec;
  socket.non_blocking(true, ec);
  if (!ec) socket.write_some(net::buffer(busy.data(), busy.size()), ec);
  socket.shutdown(tcp::socket::shutdown_both, ec);
  socket.close(ec);
}

}  // namespace httpstatus::server
