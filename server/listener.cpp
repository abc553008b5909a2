// SPDX-License-Identifier: MIT
// The accept loop: one session per connection.
#include "listener.hpp"

#include <chrono>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>

#include <fmt/format.h>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/error.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/core/bind_handler.hpp>
#include <boost/beast/http/field.hpp>
#include <boost/beast/http/write.hpp>

#include "response.hpp"

namespace httpstatus::server {
namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = boost::asio::ip::tcp;
namespace {

// The whole answer to a connection the server will not serve: a problem
// document, as any refusal is, built once (the first refusal) so that a
// flood costs no formatting. `Retry-After` because both causes pass.
std::string refusal_bytes(std::string_view detail) {
  response res = problem_refusal(503, detail);
  res.set(http::field::retry_after, "1");
  std::ostringstream bytes;
  bytes << res;
  return std::move(bytes).str();
}

std::string_view busy_answer() {
  static const std::string bytes =
      refusal_bytes("The server has too many connections.");
  return bytes;
}

std::string_view stopping_answer() {
  static const std::string bytes = refusal_bytes("The server is stopping.");
  return bytes;
}

}  // namespace

listener::listener(
    const std::vector<std::unique_ptr<net::io_context>>& contexts,
    tcp::acceptor&& acceptor, const router& routes,
    const session_limits& limits, session_set& sessions, const logger& log,
    const session_observers& observers)
    : contexts_(contexts),
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

// Closing at once when called on the acceptor's own thread (the server's
// graceful stop runs there) matters: an accept that completed meanwhile
// then finds the acceptor closed, so no session can join the stopping
// server after it counted its sessions.
void listener::stop() {
  net::dispatch(acceptor_.get_executor(), [self = shared_from_this()] {
    beast::error_code ec;
    self->acceptor_.close(ec);
    self->backoff_.cancel();
  });
}

// Connections go to the io_contexts in turn, each of which one thread
// runs: a session's handlers then never run concurrently without a strand,
// and the connections (long-lived, with keep-alive) spread evenly over the
// threads. The new socket is registered with its io_context directly.
void listener::do_accept() {
  const net::any_io_executor target = contexts_[next_context_]->get_executor();
  next_context_ = (next_context_ + 1) % contexts_.size();
  acceptor_.async_accept(target, beast::bind_front_handler(&listener::on_accept,
                                                           shared_from_this()));
}

// An accept error belongs to one connection (reset before we took it) or
// to a passing shortage (out of file descriptors). Either way the loop
// goes on; after a shortage it waits a moment first, because retrying at
// once would spin on the same error.
void listener::on_accept(beast::error_code ec, tcp::socket socket) {
  if (ec == net::error::operation_aborted) return;
  if (!acceptor_.is_open()) {
    if (!ec) refuse(std::move(socket), stopping_answer());
    return;
  }
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
    refuse(std::move(socket), busy_answer());
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
// the connections being served keep going. A connection accepted just as
// the server stops gets the same, saying so.
void listener::refuse(tcp::socket socket, std::string_view answer) {
  beast::error_code ec;
  socket.non_blocking(true, ec);
  if (!ec) socket.write_some(net::buffer(answer.data(), answer.size()), ec);
  socket.shutdown(tcp::socket::shutdown_both, ec);
  socket.close(ec);
}

}  // namespace httpstatus::server
