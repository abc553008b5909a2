// SPDX-License-Identifier: MIT
// Fuzzes one whole request without sockets: raw bytes through Beast's
// request parser (with the session's limits), the router and the handlers
// of the real site, and the response through Beast's serializer. Whatever
// parses must be answered with a response that serializes and whose
// Content-Length matches its body.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>

#include <boost/asio/buffer.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/field.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>

#include "content.hpp"
#include "field_allocator.hpp"
#include "message.hpp"
#include "router.hpp"
#include "routes.hpp"

namespace {

namespace beast = boost::beast;
namespace http = boost::beast::http;
namespace net = boost::asio;
namespace srv = httpstatus::server;

void check(bool holds) {
  if (!holds) __builtin_trap();
}

// The site is rendered once per process (about a second), like the
// server does at start-up; handler failures would be logged, so a log
// line is a finding too.
const srv::router& routes() {
  static const std::shared_ptr<const srv::content> site = srv::render_site();
  static const srv::router r =
      srv::make_router(*site, [](std::string_view) { __builtin_trap(); });
  return r;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  static_cast<void>(routes());
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  // The session's parser: the server's field allocator, its limits.
  http::request_parser<http::string_body, srv::field_allocator<char>> parser;
  parser.header_limit(8 * 1024);  // the defaults of server::config
  parser.body_limit(64 * 1024);
  parser.eager(true);
  beast::error_code ec;
  while (!in.empty() && !parser.is_done()) {
    const std::size_t used = parser.put(net::buffer(in.data(), in.size()), ec);
    in.remove_prefix(used);
    if (ec == http::error::need_more) {
      ec = {};
      if (used == 0) break;
      continue;
    }
    if (ec) return 0;
  }
  if (!parser.is_done()) {
    parser.put_eof(ec);
    if (ec || !parser.is_done()) return 0;
  }

  const srv::request& req = parser.get();
  srv::response res = routes().dispatch(req);
  check(res.result_int() >= 100 && res.result_int() <= 599);
  const std::string_view body = res.body().view();
  if (req.method() == http::verb::head) check(body.empty());
  const auto length = res.find(http::field::content_length);
  if (length != res.end() && req.method() != http::verb::head)
    check(length->value() == std::to_string(body.size()));

  std::ostringstream wire;
  wire << res;
  const std::string bytes = wire.str();
  check(bytes.starts_with("HTTP/1.1 ") || bytes.starts_with("HTTP/1.0 "));
  // No header line of the client's making: every CR is part of a CRLF.
  const std::size_t head_end = bytes.find("\r\n\r\n");
  check(head_end != std::string::npos);
  for (std::size_t i = 0; i < head_end; ++i)
    if (bytes[i] == '\r') check(bytes[i + 1] == '\n');
  for (std::size_t i = 0; i < head_end; ++i)
    if (bytes[i] == '\n') check(i > 0 && bytes[i - 1] == '\r');
  return 0;
}
