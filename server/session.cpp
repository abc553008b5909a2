// SPDX-License-Identifier: MIT
// One connection: read -> dispatch -> write, with timeouts, limits,
// keep-alive and a bounded pipelining queue.
#include "session.hpp"

#include <utility>
#include <vector>

#include <fmt/format.h>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/error.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/core/bind_handler.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/field.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>

#include "response.hpp"

namespace httpstatus::server {
namespace beast = boost::beast;
namespace http = boost::beast::http;
namespace net = boost::asio;
using tcp = boost::asio::ip::tcp;

// ---- session_set -------------------------------------------------------

void session_set::insert(const std::shared_ptr<session>& s) {
  bool stop_now = false;
  {
    const std::lock_guard lock(mutex_);
    sessions_.emplace(s.get(), s);
    stop_now = stopping_;
  }
  // A connection accepted just as the server began to stop is still
  // served its first response, then closed, like every other.
  if (stop_now) s->shutdown();
}

void session_set::erase(const session* s) {
  std::function<void()> on_empty;
  {
    const std::lock_guard lock(mutex_);
    sessions_.erase(s);
    if (stopping_ && sessions_.empty()) on_empty = std::exchange(on_empty_, {});
  }
  if (on_empty) on_empty();
}

void session_set::shutdown(std::function<void()> on_empty) {
  std::vector<std::weak_ptr<session>> live;
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
    if (sessions_.empty()) {
      on_empty();
      return;
    }
    on_empty_ = std::move(on_empty);
    live.reserve(sessions_.size());
    for (const auto& [key, weak] : sessions_) live.push_back(weak);
  }
  // Outside the lock: a session that dies meanwhile erases itself, which
  // takes the lock.
  for (const std::weak_ptr<session>& weak : live)
    if (const std::shared_ptr<session> s = weak.lock()) s->shutdown();
}

void session_set::cancel_on_empty() {
  const std::lock_guard lock(mutex_);
  on_empty_ = {};
}

std::size_t session_set::size() const {
  const std::lock_guard lock(mutex_);
  return sessions_.size();
}

// ---- session -----------------------------------------------------------

session::session(tcp::socket&& socket, const router& routes,
                 const session_limits& limits, session_set& sessions,
                 const logger& log)
    : stream_(std::move(socket)),
      routes_(routes),
      limits_(limits),
      sessions_(sessions),
      log_(log) {}

session::~session() { sessions_.erase(this); }

void session::run() {
  // Run on the strand from the start, so no member is ever touched by two
  // threads at once.
  net::dispatch(
      stream_.get_executor(),
      beast::bind_front_handler(&session::do_read, shared_from_this()));
}

void session::shutdown() {
  net::post(
      stream_.get_executor(),
      beast::bind_front_handler(&session::on_shutdown, shared_from_this()));
}

// A fresh parser per message: Beast parsers are single-use, and a new one
// carries fresh limits, so one large request cannot raise them for the
// next.
void session::do_read() {
  if (reading_ || closing_) return;
  parser_.emplace();
  parser_->header_limit(static_cast<std::uint32_t>(limits_.header_limit));
  parser_->body_limit(limits_.body_limit);
  stream_.expires_after(limits_.timeout);
  reading_ = true;
  http::async_read(
      stream_, buffer_, *parser_,
      beast::bind_front_handler(&session::on_read, shared_from_this()));
}

// Errors while reading split three ways. A clean end between messages, a
// timeout, a close mid-message and our own cancellation end the session
// quietly. A request Beast refuses to parse gets the status that names the
// problem, then the connection closes (the stream can no longer be
// trusted to be in sync). Anything else is an I/O failure worth a line.
void session::on_read(beast::error_code ec, std::size_t) {
  reading_ = false;
  if (ec == http::error::end_of_stream) {
    closing_ = true;
    if (queue_.empty()) do_close();
    return;
  }
  if (ec == beast::error::timeout || ec == net::error::operation_aborted ||
      ec == http::error::partial_message)
    return;
  if (ec &&
      ec.category() == make_error_code(http::error::header_limit).category()) {
    int code = 400;
    std::string detail =
        fmt::format("The request is malformed: {}.", ec.message());
    if (ec == http::error::header_limit) {
      code = 431;
      detail = fmt::format("The request header is larger than {} bytes.",
                           limits_.header_limit);
    } else if (ec == http::error::body_limit) {
      code = 413;
      detail = fmt::format("The request body is larger than {} bytes.",
                           limits_.body_limit);
    }
    closing_ = true;
    response res = make_response(code, 11, false);
    set_body(res, payload::owned(fmt::format("{} {}\n", code, detail)),
             "text/plain; charset=utf-8");
    res.set(http::field::cache_control, "no-store");
    enqueue(std::move(res));
    return;
  }
  if (ec) return fail(ec, "read");

  response res = routes_.dispatch(parser_->get());
  // Keep-alive is the response's decision (it follows the request's
  // version and Connection header); stopping overrides it.
  if (stopping_) res.keep_alive(false);
  if (!res.keep_alive()) closing_ = true;
  enqueue(std::move(res));
  if (queue_.size() < limits_.pipeline_limit) do_read();
}

void session::enqueue(response res) {
  res.set(http::field::date, http_date());
  queue_.push_back(std::move(res));
  if (queue_.size() == 1) do_write();
}

// std::deque keeps references to its elements valid across push_back, so
// the front message stays put while Beast serializes it.
void session::do_write() {
  stream_.expires_after(limits_.timeout);
  http::async_write(
      stream_, queue_.front(),
      beast::bind_front_handler(&session::on_write, shared_from_this()));
}

void session::on_write(beast::error_code ec, std::size_t) {
  if (ec) return fail(ec, "write");
  const bool keep_alive = queue_.front().keep_alive();
  queue_.pop_front();
  if (!keep_alive) return do_close();
  if (!queue_.empty()) {
    do_write();
  } else if (closing_) {
    return do_close();
  }
  // Reads paused at the pipelining limit resume once there is room.
  if (queue_.size() < limits_.pipeline_limit) do_read();
}

// Graceful stop: a request already arriving is read and answered (with
// `Connection: close`); responses owed are written; an idle connection is
// closed at once, which cancels its pending read.
void session::on_shutdown() {
  stopping_ = true;
  if (reading_ && parser_ && parser_->got_some()) return;
  closing_ = true;
  if (queue_.empty()) do_close();
}

// Half-close first, so the peer reads every byte we sent before it sees
// the end; then cancel a read still waiting, which drops the last
// reference to the session and closes the socket.
void session::do_close() {
  closing_ = true;
  beast::error_code ec;
  stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
  if (reading_) stream_.cancel();
}

void session::fail(beast::error_code ec, std::string_view what) {
  if (ec == beast::error::timeout || ec == net::error::operation_aborted)
    return;
  log_(fmt::format("{}: {}", what, ec.message()));
}

}  // namespace httpstatus::server
