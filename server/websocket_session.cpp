// SPDX-License-Identifier: MIT
// The mock's WebSocket (`/status/101` with an upgrade request): accept the
// upgrade, then echo every message until the peer closes.
#include "websocket_session.hpp"

#include <string_view>
#include <utility>

#include <fmt/format.h>
#include <boost/asio/error.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/core/bind_handler.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/core/role.hpp>
#include <boost/beast/http/field.hpp>
#include <boost/beast/websocket/error.hpp>
#include <boost/beast/websocket/rfc6455.hpp>

#include "response.hpp"

namespace httpstatus::server {
namespace beast = boost::beast;
namespace http = boost::beast::http;
namespace net = boost::asio;
namespace websocket = boost::beast::websocket;

websocket_session::websocket_session(beast::tcp_stream&& stream,
                                     std::shared_ptr<const void> owner,
                                     const logger& log)
    : ws_(std::move(stream)), owner_(std::move(owner)), log_(log) {}

// Beast's WebSocket keeps its own timeouts (a handshake bound, and an idle
// bound that pings first), so the tcp_stream's deadline goes: it would cut
// a quiet but live connection. The handshake's own fields (Upgrade,
// Connection, Sec-WebSocket-*) are Beast's to set; the mock's others
// (Date, CORS, nosniff) are added to the 101.
void websocket_session::run(request req, field_list extra,
                            std::size_t max_message,
                            answered_handler answered) {
  req_ = std::move(req);
  answered_ = std::move(answered);
  beast::get_lowest_layer(ws_).expires_never();
  ws_.set_option(
      websocket::stream_base::timeout::suggested(beast::role_type::server));
  ws_.read_message_max(max_message);
  // Beast decorates its refusals (400, 426) too, so the decorator is also
  // where the handshake's status is learnt, for the access log. The stream
  // that keeps the decorator is this object's, so `this` outlives it.
  ws_.set_option(websocket::stream_base::decorator(
      [this, extra = std::move(extra)](websocket::response_type& res) {
        for (const auto& [name, value] : extra) res.set(name, value);
        res.set(http::field::server, server_name);
        handshake_status_ = static_cast<int>(res.result_int());
      }));
  ws_.async_accept(req_,
                   beast::bind_front_handler(&websocket_session::on_accept,
                                             shared_from_this()));
}

void websocket_session::shutdown() {
  net::post(ws_.get_executor(),
            beast::bind_front_handler(&websocket_session::on_shutdown,
                                      shared_from_this()));
}

void websocket_session::on_accept(beast::error_code ec) {
  req_ = {};
  if (answered_) {
    // 0 when no answer was built (the connection failed first): the
    // client got nothing, as a 499 says elsewhere.
    std::exchange(answered_, nullptr)(handshake_status_ ? handshake_status_
                                                        : 499);
  }
  // A request Beast refuses (not GET, no key) has had its 400 written.
  if (ec == websocket::error::closed ||
      ec.category() == make_error_code(websocket::error::no_sec_key).category())
    return;
  if (ec) return fail(ec, "websocket accept");
  if (closing_) {  // the stop came during the handshake
    closing_ = false;
    return on_shutdown();
  }
  do_read();
}

void websocket_session::do_read() {
  ws_.async_read(buffer_, beast::bind_front_handler(&websocket_session::on_read,
                                                    shared_from_this()));
}

// Text comes back as text and binary as binary; one message is in flight
// at a time, so the buffer is the message until its echo is written.
void websocket_session::on_read(beast::error_code ec, std::size_t) {
  if (ec == websocket::error::closed) return;
  if (ec) return fail(ec, "websocket read");
  if (closing_) return;
  ws_.text(ws_.got_text());
  ws_.async_write(buffer_.data(),
                  beast::bind_front_handler(&websocket_session::on_write,
                                            shared_from_this()));
}

void websocket_session::on_write(beast::error_code ec, std::size_t) {
  if (ec) return fail(ec, "websocket write");
  buffer_.consume(buffer_.size());
  do_read();
}

// A graceful stop says goodbye with 1001; the pending read then completes
// with `closed` once the peer answers the close, or Beast's close timeout
// ends it.
void websocket_session::on_shutdown() {
  if (closing_) return;
  closing_ = true;
  if (!ws_.is_open()) return;
  ws_.async_close(websocket::close_code::going_away,
                  [self = shared_from_this()](beast::error_code ec) {
                    if (ec) self->fail(ec, "websocket close");
                  });
}

void websocket_session::fail(beast::error_code ec, std::string_view what) {
  if (ec == beast::error::timeout || ec == net::error::operation_aborted ||
      ec == net::error::eof || ec == net::error::connection_reset ||
      ec == websocket::error::closed)
    return;
  log_(fmt::format("{}: {}", what, ec.message()));
}

}  // namespace httpstatus::server
