// SPDX-License-Identifier: MIT
// What a handler may ask of the session besides writing one response:
// interim responses, a delay, closing without an answer, a WebSocket.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <vector>

#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/message.hpp>

#include "message.hpp"

namespace httpstatus::server {

/// Is an interim (1xx) response: a status line and header fields, with no
/// body and no framing (`Content-Length` never appears on one).
using interim_response =
    boost::beast::http::response<boost::beast::http::empty_body, fields>;

/// Says what the session does with a `reply` once its delay is over.
enum class reply_action : std::uint8_t {
  respond,                 ///< write `interim` in order, then the response
  close_without_response,  ///< write nothing and close at once (nginx 444)
  /// Accept the request's WebSocket upgrade, adding the response's header
  /// fields to the 101, and echo every message until the peer closes.
  websocket_echo,
};

/// Holds what the session does besides writing the response. The session
/// waits `delay` on a timer (never blocking a thread), then acts; a
/// graceful stop lets the wait run out within its grace, and closing the
/// connection cancels it.
///
/// When the request carries `Expect: 100-continue` and a body, the handler
/// answers from the header alone, before the body is read: a first interim
/// response of 100 makes the session write it, read the body, then write
/// the rest; any other answer is written at once and the connection closed
/// without reading the body (RFC 9110 Section 10.1.1).
struct reply_extras {
  reply_action action = reply_action::respond;
  std::vector<interim_response> interim;  ///< written first, in order
  std::chrono::milliseconds delay{0};     ///< waited before anything
  /// Is released when the delay is over: the handler's hold on a bounded
  /// resource (a slot among the requests allowed to sleep at once).
  std::shared_ptr<const void> hold;
};

/// Is what an `exchange_handler` returns: the response, and `extras` when
/// one response is not all (null for an ordinary response, which costs no
/// allocation).
struct reply {
  response res;
  std::unique_ptr<reply_extras> extras = nullptr;
};

}  // namespace httpstatus::server
