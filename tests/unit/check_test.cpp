// SPDX-License-Identifier: MIT
// Tests of `httpstatus check` against a tiny Beast server on 127.0.0.1.
#include "check.hpp"

#include <gtest/gtest.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <map>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "http_client.hpp"
#include "lint_command.hpp"

namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = net::ip::tcp;
using namespace httpstatus;

constexpr std::string_view date = "Date: Sun, 06 Nov 1994 08:49:37 GMT\r\n";

// Answers each request with the raw bytes routed to its target ("{port}"
// replaced by the port), so a test can send exactly the bytes a broken
// server would. The acceptor listens before the thread starts, so there is
// nothing to wait for; the destructor stops and joins.
class test_server {
 public:
  explicit test_server(std::map<std::string, std::string> routes)
      : routes_(std::move(routes)),
        acceptor_(ioc_, tcp::endpoint(net::ip::make_address("127.0.0.1"), 0)),
        port_(acceptor_.local_endpoint().port()) {
    do_accept();
    thread_ = std::thread([this] { ioc_.run(); });
  }
  ~test_server() {
    ioc_.stop();
    thread_.join();
  }
  test_server(const test_server&) = delete;
  test_server& operator=(const test_server&) = delete;

  [[nodiscard]] std::string url(std::string_view path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + std::string(path);
  }

 private:
  void do_accept() {
    acceptor_.async_accept([this](beast::error_code ec, tcp::socket socket) {
      if (ec) return;
      serve(socket);
      do_accept();
    });
  }

  // Blocking is fine here: the client runs its own io_context elsewhere.
  void serve(tcp::socket& socket) {
    beast::flat_buffer buffer;
    http::request<http::string_body> req;
    beast::error_code ec;
    http::read(socket, buffer, req, ec);
    if (ec) return;
    const auto it = routes_.find(std::string(req.target()));
    std::string raw = it == routes_.end()
                          ? "HTTP/1.1 404 Not Found\r\n" + std::string(date) +
                                "Content-Length: 0\r\n\r\n"
                          : it->second;
    for (std::size_t at = raw.find("{port}"); at != std::string::npos;
         at = raw.find("{port}"))
      raw.replace(at, 6, std::to_string(port_));
    net::write(socket, net::buffer(raw), ec);
    socket.shutdown(tcp::socket::shutdown_both, ec);
  }

  std::map<std::string, std::string> routes_;
  net::io_context ioc_;
  tcp::acceptor acceptor_;
  unsigned short port_;
  std::thread thread_;
};

std::string ok_response() {
  return "HTTP/1.1 200 OK\r\n" + std::string(date) +
         "Content-Type: text/plain\r\nContent-Length: 2\r\n\r\nok";
}

std::map<std::string, std::string> routes() {
  return {
      {"/ok", ok_response()},
      {"/405", "HTTP/1.1 405 Method Not Allowed\r\n" + std::string(date) +
                   "Content-Length: 0\r\n\r\n"},
      {"/r1", "HTTP/1.1 302 Found\r\n" + std::string(date) +
                  "Location: r2\r\nContent-Length: 0\r\n\r\n"},
      {"/r2",
       "HTTP/1.1 301 Moved Permanently\r\n" + std::string(date) +
           "Location: http://127.0.0.1:{port}/ok\r\nContent-Length: 0\r\n\r\n"},
      {"/loop", "HTTP/1.1 307 Temporary Redirect\r\n" + std::string(date) +
                    "Location: /loop\r\nContent-Length: 0\r\n\r\n"},
      {"/continue", "HTTP/1.1 100 Continue\r\n\r\n" + ok_response()},
      {"/conflict",
       "HTTP/1.1 200 OK\r\n" + std::string(date) +
           "Content-Type: text/plain\r\nContent-Length: 2\r\n"
           "Transfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n"},
  };
}

struct run_result {
  int code;
  std::string out;
  std::string err;
};

run_result run_check_args(std::vector<std::string> args) {
  CLI::App app{"test"};
  cli::check_command cmd;
  cli::add_check_command(app, cmd);
  std::ostringstream out, err;
  args.insert(args.begin(), "check");
  try {
    std::reverse(args.begin(), args.end());
    app.parse(args);
  } catch (const CLI::ParseError& e) {
    (void)app.exit(e, out, err);
    return {cli::lint_usage, out.str(), err.str()};
  }
  const int code = cli::run_check(cmd, out, err);
  return {code, out.str(), err.str()};
}

// A port nothing listens on: bind to port 0, note the port, close.
unsigned short closed_port() {
  net::io_context ioc;
  tcp::acceptor acceptor(ioc,
                         tcp::endpoint(net::ip::make_address("127.0.0.1"), 0));
  return acceptor.local_endpoint().port();
}

TEST(check, clean_response) {
  const test_server server(routes());
  const run_result r = run_check_args({server.url("/ok")});
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_EQ(r.out.rfind("GET " + server.url("/ok") + "\nHTTP/1.1 200 OK\n", 0),
            0u)
      << r.out;
  EXPECT_NE(r.out.find("  class      2xx Success\n"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("  no findings\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  timings    connect "), std::string::npos) << r.out;
  EXPECT_EQ(r.err, "");
}

TEST(check, must_broken_exits_1) {
  const test_server server(routes());
  const run_result r = run_check_args({server.url("/405")});
  EXPECT_EQ(r.code, 1) << r.out << r.err;
  EXPECT_NE(
      r.out.find("405 without Allow: violates RFC 9110 \u00a715.5.6 (MUST)."),
      std::string::npos)
      << r.out;
}

TEST(check, follows_two_redirects) {
  const test_server server(routes());
  const run_result r = run_check_args({"-L", server.url("/r1")});
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  const std::vector<std::string> in_order = {
      "GET " + server.url("/r1"),          "HTTP/1.1 302 Found",
      "  redirect   " + server.url("/r2"), "GET " + server.url("/r2"),
      "HTTP/1.1 301 Moved Permanently",    "  redirect   " + server.url("/ok"),
      "GET " + server.url("/ok"),          "HTTP/1.1 200 OK"};
  std::size_t at = 0;
  for (const std::string& line : in_order) {
    at = r.out.find(line, at);
    ASSERT_NE(at, std::string::npos) << line << "\n" << r.out;
  }
}

TEST(check, without_follow_stops_at_first_hop) {
  const test_server server(routes());
  const run_result r = run_check_args({server.url("/r1")});
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_EQ(r.out.find("GET " + server.url("/r2")), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("  redirect   "), std::string::npos) << r.out;
}

TEST(check, max_redirs_is_a_request_failure) {
  const test_server server(routes());
  const run_result r =
      run_check_args({"-L", "--max-redirs", "2", server.url("/loop")});
  EXPECT_EQ(r.code, 3) << r.out << r.err;
  EXPECT_EQ(r.err,
            "httpstatus: error: stopped after 2 redirects (--max-redirs 2)\n");
}

TEST(check, shows_interim_responses) {
  const test_server server(routes());
  const run_result r = run_check_args({server.url("/continue")});
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  const std::size_t interim = r.out.find("HTTP/1.1 100 Continue\n");
  const std::size_t final_ = r.out.find("HTTP/1.1 200 OK\n");
  ASSERT_NE(interim, std::string::npos) << r.out;
  ASSERT_NE(final_, std::string::npos) << r.out;
  EXPECT_LT(interim, final_);
}

// Beast refuses Content-Length with Transfer-Encoding; the raw bytes are
// linted instead, so the conflict is a finding, not a failed request.
TEST(check, framing_conflict_is_a_finding) {
  const test_server server(routes());
  const run_result r = run_check_args({server.url("/conflict")});
  EXPECT_EQ(r.code, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("framing-conflict"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  note       Beast's parser refused the header"),
            std::string::npos)
      << r.out;
}

TEST(check, unreachable_port_exits_3) {
  const std::string port = std::to_string(closed_port());
  const run_result r = run_check_args({"http://127.0.0.1:" + port + "/"});
  EXPECT_EQ(r.code, 3);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "httpstatus: error: cannot connect to 127.0.0.1:" + port +
                       ": Connection refused\n");
}

TEST(check, json_has_hops_and_timings) {
  const test_server server(routes());
  const run_result r = run_check_args({"--json", "-L", server.url("/r2")});
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  for (const std::string_view key :
       {"\"hops\": [", "\"status\": 301", "\"status\": 200", "\"timings\": {",
        "\"first_byte_ms\":", "\"tls_ms\": null", "\"findings\": []",
        "\"must_broken\": false", "\"error\": null"})
    EXPECT_NE(r.out.find(key), std::string::npos) << key << "\n" << r.out;
}

TEST(check, usage_errors_exit_2) {
  const std::vector<std::vector<std::string>> rows = {
      {"ftp://example.com/"},
      {"example.com"},
      {"http://user:pw@example.com/"},
      {"-H", "NoColon", "http://127.0.0.1/"},
      {"-X", "GE T", "http://127.0.0.1/"},
      {"--timeout", "0", "http://127.0.0.1/"},
      {},
  };
  for (const auto& args : rows) {
    const run_result r = run_check_args(args);
    EXPECT_EQ(r.code, 2) << (args.empty() ? "" : args.back()) << "\n" << r.err;
  }
}

// --- URLs ----------------------------------------------------------------

TEST(url, parses_absolute_urls) {
  struct row {
    std::string_view text;
    std::string_view host, port, host_header, target;
  };
  const row rows[] = {
      {"http://example.com", "example.com", "80", "example.com", "/"},
      {"https://example.com/a?b=1#frag", "example.com", "443", "example.com",
       "/a?b=1"},
      {"http://127.0.0.1:8080/x", "127.0.0.1", "8080", "127.0.0.1:8080", "/x"},
      {"https://[::1]:8443/", "::1", "8443", "[::1]:8443", "/"},
      {"HTTP://Example.com:80/", "Example.com", "80", "Example.com", "/"},
  };
  for (const row& r : rows) {
    const cli::url_result u = cli::parse_url(r.text);
    ASSERT_EQ(u.error, "") << r.text;
    EXPECT_EQ(u.url.host, r.host) << r.text;
    EXPECT_EQ(u.url.port, r.port) << r.text;
    EXPECT_EQ(u.url.host_header, r.host_header) << r.text;
    EXPECT_EQ(u.url.target, r.target) << r.text;
  }
}

TEST(url, resolves_locations) {
  const cli::url_result base = cli::parse_url("http://h.example/a/b?q");
  ASSERT_EQ(base.error, "");
  struct row {
    std::string_view location, expected;
  };
  const row rows[] = {
      {"c", "http://h.example/a/c"},
      {"/x?y", "http://h.example/x?y"},
      {"../z", "http://h.example/z"},
      {"//other.example/p", "http://other.example/p"},
      {"https://s.example:8443/#top", "https://s.example:8443/"},
      {"?n=1", "http://h.example/a/b?n=1"},
  };
  for (const row& r : rows) {
    const cli::url_result u = cli::resolve_location(base.url, r.location);
    ASSERT_EQ(u.error, "") << r.location;
    EXPECT_EQ(u.url.text, r.expected) << r.location;
  }
}

}  // namespace
