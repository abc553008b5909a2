// SPDX-License-Identifier: MIT
// What the e2e suites share: the in-process server (a free port, two
// threads, stopped and joined after each test) and a synchronous client.
#pragma once

#include <gtest/gtest.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "content.hpp"
#include "precompressed.hpp"
#include "routes.hpp"
#include "server.hpp"

namespace httpstatus::test {

/// Starts a server on 127.0.0.1, port 0, before each test and stops it
/// after; the site is rendered once per suite, with the variants the build
/// compressed (as `serve` renders it).
/// Suites derive from it and add their own client helpers.
class server_fixture : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    site_ = server::render_site(server::precompressed_site());
  }
  static void TearDownTestSuite() { site_.reset(); }

  void SetUp() override { start(base_config()); }

  void TearDown() override {
    if (server_) {
      server_->stop();
      server_->wait();
    }
  }

  /// Returns the configuration every test starts from; its log lines are
  /// kept in `log_`.
  server::config base_config() {
    server::config cfg;
    cfg.host = "127.0.0.1";
    cfg.port = 0;
    cfg.threads = 2;
    cfg.log = [this](std::string_view line) {
      const std::lock_guard lock(log_mutex_);
      log_.emplace_back(line);
    };
    return cfg;
  }

  /// Stops the running server, if any, and starts one with `cfg`.
  void start(server::config cfg) {
    if (server_) {
      server_->stop();
      server_->wait();
    }
    server_ = std::make_unique<server::server>(std::move(cfg), site_);
    const std::error_code ec = server_->listen();
    ASSERT_FALSE(ec) << ec.message();
    port_ = server_->port();
    ASSERT_NE(port_, 0);
    server_->start();
  }

  static inline std::shared_ptr<const server::content> site_;
  std::unique_ptr<server::server> server_;
  std::uint16_t port_ = 0;
  std::mutex log_mutex_;
  std::vector<std::string> log_;
};

/// Is every response a client reads.
using message =
    boost::beast::http::response<boost::beast::http::string_body>;

/// Holds request header fields, in order.
using headers = std::vector<std::pair<std::string, std::string>>;

/// Is a synchronous client on one keep-alive connection to 127.0.0.1.
class client {
 public:
  /// Connects to `port`; a `receive_buffer` (bytes) other than 0 sets the
  /// socket's receive buffer first, to keep what the server may send ahead
  /// of the reader small.
  explicit client(std::uint16_t port, int receive_buffer = 0)
      : socket_(ioc_) {
    if (receive_buffer > 0) {
      socket_.open(boost::asio::ip::tcp::v4());
      socket_.set_option(
          boost::asio::socket_base::receive_buffer_size(receive_buffer));
    }
    socket_.connect(boost::asio::ip::tcp::endpoint(
        boost::asio::ip::address_v4::loopback(), port));
  }

  /// Sends a request with no body.
  void send(boost::beast::http::verb method, std::string_view target,
            const headers& fields = {}, unsigned version = 11) {
    boost::beast::http::request<boost::beast::http::empty_body> req{
        method, target, version};
    req.set(boost::beast::http::field::host, "127.0.0.1");
    for (const auto& [name, value] : fields) req.set(name, value);
    boost::beast::http::write(socket_, req);
  }

  /// Sends a request whose method may be one Beast does not know, with a
  /// body when `body` is not empty.
  void send(std::string_view method, std::string_view target,
            const headers& fields = {}, std::string_view body = {},
            unsigned version = 11) {
    boost::beast::http::request<boost::beast::http::string_body> req;
    req.method_string(method);
    req.target(target);
    req.version(version);
    req.set(boost::beast::http::field::host, "127.0.0.1");
    for (const auto& [name, value] : fields) req.set(name, value);
    if (!body.empty()) {
      req.body() = std::string(body);
      req.prepare_payload();
    }
    boost::beast::http::write(socket_, req);
  }

  void send_raw(std::string_view bytes) {
    boost::asio::write(socket_, boost::asio::buffer(bytes.data(), bytes.size()));
  }

  /// Reads one response. A response to HEAD has a Content-Length but no
  /// body; the parser has to be told not to wait for one.
  message receive(bool is_head = false) {
    boost::beast::http::response_parser<boost::beast::http::string_body> parser;
    parser.body_limit(16 * 1024 * 1024);
    parser.skip(is_head);
    boost::beast::http::read(socket_, buffer_, parser);
    return parser.release();
  }

  message request(boost::beast::http::verb method, std::string_view target,
                  const headers& fields = {}, unsigned version = 11) {
    send(method, target, fields, version);
    return receive(method == boost::beast::http::verb::head);
  }

  message get(std::string_view target) {
    return request(boost::beast::http::verb::get, target);
  }

  /// Returns the interim responses and the final one of one exchange.
  std::vector<message> exchange(std::string_view method,
                                std::string_view target,
                                const headers& fields = {}) {
    send(method, target, fields);
    std::vector<message> all;
    do {
      all.push_back(receive(method == "HEAD"));
    } while (all.back().result_int() / 100 == 1);
    return all;
  }

  /// Returns every byte until the server closes.
  std::string read_to_end() {
    std::string bytes(static_cast<const char*>(buffer_.data().data()),
                      buffer_.size());
    buffer_.consume(buffer_.size());
    char chunk[4096];
    boost::beast::error_code ec;
    for (;;) {
      const std::size_t n = socket_.read_some(boost::asio::buffer(chunk), ec);
      if (ec) break;
      bytes.append(chunk, n);
    }
    return bytes;
  }

  /// Returns whether the server has closed the connection: the next read
  /// ends instead of delivering bytes.
  bool is_closed_by_server() {
    if (buffer_.size() > 0) return false;
    char byte = 0;
    boost::beast::error_code ec;
    socket_.read_some(boost::asio::buffer(&byte, 1), ec);
    return ec == boost::asio::error::eof ||
           ec == boost::asio::error::connection_reset;
  }

 private:
  boost::asio::io_context ioc_;
  boost::asio::ip::tcp::socket socket_;
  boost::beast::flat_buffer buffer_;
};

}  // namespace httpstatus::test
