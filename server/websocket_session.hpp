// SPDX-License-Identifier: MIT
// The mock's WebSocket (`/status/101` with an upgrade request): accept the
// upgrade, then echo every message until the peer closes.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/websocket/stream.hpp>

#include "message.hpp"
#include "router.hpp"

namespace httpstatus::server {

/// Echoes WebSocket messages on a connection the HTTP session handed over,
/// on that connection's executor: text as text, binary as binary, until the
/// peer closes, a Beast timeout (idle pings) fires, or `shutdown` is
/// called. Every completion handler sorts its error code and never throws.
class websocket_session
    : public std::enable_shared_from_this<websocket_session> {
 public:
  /// Is one header field to add to the 101 response.
  using field_list = std::vector<std::pair<std::string, std::string>>;

  /// Takes the connection `stream` (whose executor runs one handler at a
  /// time), keeping `owner` (the HTTP session) alive until the echo ends,
  /// so that a graceful stop still finds it; `log` must outlive the
  /// session.
  websocket_session(boost::beast::tcp_stream&& stream,
                    std::shared_ptr<const void> owner, const logger& log);

  /// Is told the status of the handshake's answer once it is written: 101,
  /// or the 400 or 426 Beast refuses a bad upgrade request with.
  using answered_handler = std::function<void(int status)>;

  /// Accepts `req` (an upgrade request the caller has checked), adding
  /// `extra` to the 101, and starts echoing; `max_message` bounds a message
  /// (larger ones close the connection with code 1009). `answered` is
  /// called once, on this connection's executor, when the handshake ends.
  void run(request req, field_list extra, std::size_t max_message,
           answered_handler answered);

  /// Asks the session, from any thread, to close with 1001 (going away).
  void shutdown();

 private:
  void on_accept(boost::beast::error_code ec);
  void do_read();
  void on_read(boost::beast::error_code ec, std::size_t bytes);
  void on_write(boost::beast::error_code ec, std::size_t bytes);
  void on_shutdown();
  void fail(boost::beast::error_code ec, std::string_view what);

  boost::beast::websocket::stream<boost::beast::tcp_stream> ws_;
  boost::beast::flat_buffer buffer_;
  request req_;  ///< the upgrade request, kept until the accept completes
  answered_handler answered_;
  int handshake_status_ = 0;  ///< what the handshake's answer says, once built
  std::shared_ptr<const void> owner_;
  const logger& log_;
  bool closing_ = false;  ///< a close frame was sent or is on its way
};

}  // namespace httpstatus::server
