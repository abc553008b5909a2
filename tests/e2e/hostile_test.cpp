// SPDX-License-Identifier: MIT
// Hostile input over a real loopback socket: raw bytes a well-behaved
// client would never send, slow and idle clients, and a connection flood.
// Each must end in a 4xx/5xx or a clean close, never a crash or a hang.
#include "server.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <boost/json/parse.hpp>
#include <boost/system/error_code.hpp>

#include "content.hpp"
#include "e2e/fixture.hpp"
#include "routes.hpp"

namespace {

using httpstatus::server::config;
using httpstatus::server::content;
using clock_type = std::chrono::steady_clock;
using std::chrono::milliseconds;

// ---- a raw client: bytes in, bytes out, every wait bounded ---------------

// Plain POSIX sockets rather than Beast: these tests send what no HTTP
// library would, and each read has a deadline so that a server that hangs
// fails the test instead of stalling it.
class raw_client {
 public:
  explicit raw_client(std::uint16_t port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    is_connected_ =
        ::connect(fd_, reinterpret_cast<const sockaddr*>(&addr),
                  sizeof addr) == 0;
    const int one = 1;
    ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  }
  ~raw_client() {
    if (fd_ >= 0) ::close(fd_);
  }
  raw_client(const raw_client&) = delete;
  raw_client& operator=(const raw_client&) = delete;

  [[nodiscard]] bool is_connected() const noexcept { return is_connected_; }

  // Returns false when the server has already closed (EPIPE / reset).
  bool send(std::string_view bytes) {
    while (!bytes.empty()) {
      const ssize_t n = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
      if (n <= 0) return false;
      bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
  }

  void half_close() { ::shutdown(fd_, SHUT_WR); }

  // Reads until the server closes or `limit` passes; says which.
  struct outcome {
    std::string bytes;
    bool is_closed = false;  ///< EOF or reset before the limit
  };
  outcome read_until_close(milliseconds limit) {
    outcome out;
    const auto end = clock_type::now() + limit;
    for (;;) {
      const auto left = std::chrono::duration_cast<milliseconds>(
          end - clock_type::now());
      if (left.count() <= 0) return out;
      pollfd p{fd_, POLLIN, 0};
      if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) return out;
      char buf[4096];
      const ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
      if (n <= 0) {
        out.is_closed = true;
        return out;
      }
      out.bytes.append(buf, static_cast<std::size_t>(n));
    }
  }

  // Reads until a whole response head and `Content-Length` body arrived,
  // or `limit` passes; returns the bytes read.
  std::string read_response(milliseconds limit) {
    std::string bytes;
    const auto end = clock_type::now() + limit;
    for (;;) {
      const std::size_t head_end = bytes.find("\r\n\r\n");
      if (head_end != std::string::npos) {
        std::size_t length = 0;
        const std::size_t cl = bytes.find("Content-Length: ");
        if (cl != std::string::npos && cl < head_end)
          length = std::stoul(bytes.substr(cl + 16));
        if (bytes.size() >= head_end + 4 + length) return bytes;
      }
      const auto left = std::chrono::duration_cast<milliseconds>(
          end - clock_type::now());
      if (left.count() <= 0) return bytes;
      pollfd p{fd_, POLLIN, 0};
      if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) return bytes;
      char buf[4096];
      const ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
      if (n <= 0) return bytes;
      bytes.append(buf, static_cast<std::size_t>(n));
    }
  }

 private:
  int fd_ = -1;
  bool is_connected_ = false;
};

// Returns the status code of the first response in `bytes`, or 0 when
// there is none.
int status_of(std::string_view bytes) {
  if (!bytes.starts_with("HTTP/1.1 ") || bytes.size() < 12) return 0;
  return std::stoi(std::string(bytes.substr(9, 3)));
}

constexpr milliseconds patience{5000};  // far above any expected wait

// ---- the fixture ---------------------------------------------------------

class hostile : public httpstatus::test::server_fixture {
 protected:
  // The server still answers a plain request on a new connection.
  void expect_still_serving() {
    raw_client c(port_);
    ASSERT_TRUE(c.is_connected());
    c.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    const std::string res = c.read_response(patience);
    EXPECT_EQ(status_of(res), 200) << res;
  }
};

// ---- malformed requests: one row each ------------------------------------

struct malformed_row {
  const char* name;
  std::string bytes;
  int expected;  ///< the status, or 0 for "a clean close, no response"
};

// Every row ends in the expected status (or none) and a close within the
// patience, and the server serves the next client as if nothing happened.
TEST_F(hostile, malformed_requests_get_400_or_a_clean_close) {
  const std::string tls_client_hello(
      "\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03"
      "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f"
      "\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f"
      "\x00\x00\x20\xc0\x2b\xc0\x2f\x00\x9e\xcc\xa9\xcc\xa8\xc0\x0a\xc0\x09",
      61);
  const std::vector<malformed_row> rows = {
      {"request line without target", "GET\r\n\r\n", 400},
      {"request line with spaces", "GET  /  HTTP/1.1\r\nHost: x\r\n\r\n", 400},
      {"lowercase version", "GET / http/1.1\r\nHost: x\r\n\r\n", 400},
      {"bad method characters", "G(T / HTTP/1.1\r\nHost: x\r\n\r\n", 400},
      {"header without colon", "GET / HTTP/1.1\r\nHost x\r\n\r\n", 400},
      {"space before colon", "GET / HTTP/1.1\r\nHost : x\r\n\r\n", 400},
      {"control byte in a header value",
       std::string("GET / HTTP/1.1\r\nHost: x\r\nX: a\x01"
                   "b\r\n\r\n"),
       400},
      {"NUL in the request line", std::string("GET /\0 HTTP/1.1\r\n\r\n", 20),
       400},
      {"bare LF line ends", "GET / HTTP/1.1\nHost: x\n\n", 400},
      {"bad chunk size",
       "POST /codes HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
       "zz\r\nhello\r\n0\r\n\r\n",
       400},
      {"chunk without its CRLF",
       "POST /codes HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
       "5\r\nhelloXX0\r\n\r\n",
       400},
      {"chunk size overflow",
       "POST /codes HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
       "ffffffffffffffffff\r\n",
       400},
      {"two Content-Lengths that disagree",
       "POST /codes HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n"
       "Content-Length: 4\r\n\r\nabcd",
       400},
      {"Content-Length not a number",
       "POST /codes HTTP/1.1\r\nHost: x\r\nContent-Length: 3x\r\n\r\nabc", 400},
      {"negative Content-Length",
       "POST /codes HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n", 400},
      {"Content-Length and chunked together",
       "POST /codes HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n"
       "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
       400},
      // RFC 9112 Sections 6.1 and 6.3: a body whose length cannot be known
      // or whose coding is not implemented. Each was answered as if it had
      // no body, so its body was read as the next request (a desync).
      {"Transfer-Encoding that does not end in chunked",
       "POST /status/201 HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n"
       "\r\nGET /status/418 HTTP/1.1\r\nHost: x\r\n\r\n",
       400},
      {"chunked before another coding",
       "POST /status/201 HTTP/1.1\r\nHost: x\r\n"
       "Transfer-Encoding: chunked, gzip\r\n\r\n0\r\n\r\n",
       400},
      {"a coding this server does not implement",
       "POST /status/201 HTTP/1.1\r\nHost: x\r\n"
       "Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n",
       501},
      {"codings over two fields",
       "POST /status/201 HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n"
       "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
       501},
      {"HTTP/1.0 with Transfer-Encoding",
       "POST /status/201 HTTP/1.0\r\nConnection: keep-alive\r\n"
       "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
       400},
      // RFC 9112 Section 3.2: the request whose Host is missing (in
      // HTTP/1.1), doubled or not a host; all were answered as if fine.
      {"HTTP/1.1 without Host", "GET /status/200 HTTP/1.1\r\n\r\n", 400},
      {"two Host fields",
       "GET /status/200 HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400},
      {"Host that is not a host",
       "GET /status/200 HTTP/1.1\r\nHost: a b/c\r\n\r\n", 400},
      {"Host with two ports", "GET /status/200 HTTP/1.1\r\nHost: x:1:2\r\n\r\n",
       400},
      {"Host with an unclosed IP literal",
       "GET /status/200 HTTP/1.1\r\nHost: [::1\r\n\r\n", 400},
      {"HTTP/1.0 with two Host fields",
       "GET /status/200 HTTP/1.0\r\nHost: a\r\nHost: b\r\n\r\n", 400},
      // Another major version is one this server does not speak (RFC 9110
      // Section 15.6.6; it was a 400 as if malformed), and a version that
      // is no version is malformed.
      {"HTTP/2 connection preface", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", 505},
      {"HTTP/3.0 request line", "GET / HTTP/3.0\r\nHost: x\r\n\r\n", 505},
      {"HTTP/1.2 request line ending in a bare LF",
       "GET / HTTP/1.2\nHost: x\n\n", 400},
      {"HTTP/2 without a minor version", "GET / HTTP/2\r\nHost: x\r\n\r\n",
       400},
      {"TLS ClientHello on the plain port", tls_client_hello, 400},
      {"garbage", std::string(64, '\xff'), 400},
  };
  for (const malformed_row& row : rows) {
    SCOPED_TRACE(row.name);
    raw_client c(port_);
    ASSERT_TRUE(c.is_connected());
    c.send(row.bytes);
    const raw_client::outcome out = c.read_until_close(patience);
    EXPECT_TRUE(out.is_closed) << "the server kept the connection open";
    EXPECT_EQ(status_of(out.bytes), row.expected) << out.bytes;
  }
  expect_still_serving();
}

// Beast calls a request line that ends in a bare LF a bad version; the
// problem document said "bad version", which sends the reader looking at
// the wrong part of the line.
TEST_F(hostile, bare_lf_request_line_is_told_to_end_in_crlf) {
  raw_client c(port_);
  ASSERT_TRUE(c.is_connected());
  c.send("GET /status/200 HTTP/1.1\nHost: x\n\n");
  const raw_client::outcome out = c.read_until_close(patience);
  EXPECT_EQ(status_of(out.bytes), 400) << out.bytes;
  EXPECT_NE(out.bytes.find("end in CRLF"), std::string::npos) << out.bytes;
}

// RFC 9110 Section 2.5: a higher minor version of HTTP/1 is served as
// HTTP/1.1 (a SHOULD), kept alive as 1.1 is; Beast refused it and the
// server answered 400 "bad version" and closed.
TEST_F(hostile, a_higher_minor_version_is_served_as_http_1_1) {
  for (const std::string version : {"HTTP/1.2", "HTTP/1.9"}) {
    SCOPED_TRACE(version);
    raw_client c(port_);
    c.send("GET /status/418 " + version + "\r\nHost: x\r\n\r\n"
           "GET /healthz " + version + "\r\nHost: x\r\n"
           "Connection: close\r\n\r\n");
    const std::string bytes = c.read_until_close(patience).bytes;
    EXPECT_TRUE(bytes.starts_with("HTTP/1.1 418 ")) << bytes.substr(0, 200);
    EXPECT_NE(bytes.find("HTTP/1.1 200 "), std::string::npos) << bytes;
    EXPECT_TRUE(bytes.ends_with("\r\n\r\nok")) << bytes;
  }
}

// RFC 9112 Section 2.2: empty lines before a request line (a stray CRLF
// after a POST's body, as old browsers sent) are ignored, on a new
// connection and between pipelined requests; they were a 400 "bad
// method" that closed the connection.
TEST_F(hostile, empty_lines_before_a_request_line_are_ignored) {
  for (const std::string request :
       {"\r\nGET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        "\r\n\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\n"
        "Connection: close\r\n\r\n",
        "POST /status/201 HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nhi"
        "\r\nGET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"}) {
    SCOPED_TRACE(request);
    raw_client c(port_);
    c.send(request);
    const std::string bytes = c.read_until_close(patience).bytes;
    EXPECT_EQ(bytes.find("400 Bad Request"), std::string::npos) << bytes;
    EXPECT_TRUE(bytes.ends_with("\r\n\r\nok")) << bytes;
  }
}

// HTTP/1.0 has no Host requirement; an IPv6 literal with a port is a host.
TEST_F(hostile, hosts_that_are_fine_are_served) {
  for (const std::string request :
       {"GET /status/200 HTTP/1.0\r\n\r\n",
        "GET /status/200 HTTP/1.1\r\nHost: [::1]:8080\r\nConnection: close\r\n\r\n",
        "GET /status/200 HTTP/1.1\r\nHost: xn--bcher-kva.example\r\n"
        "Connection: close\r\n\r\n"}) {
    SCOPED_TRACE(request);
    raw_client c(port_);
    c.send(request);
    const std::string bytes = c.read_until_close(patience).bytes;
    EXPECT_TRUE(bytes.starts_with("HTTP/1.1 200 ") ||
                bytes.starts_with("HTTP/1.0 200 "))
        << bytes.substr(0, 200);
  }
}

// A body shorter than its Content-Length, then the client's end: nothing
// to answer, so the server closes without a word (and without waiting
// for the rest).
TEST_F(hostile, body_shorter_than_content_length_closes_cleanly) {
  raw_client c(port_);
  c.send("POST /codes HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc");
  c.half_close();
  const raw_client::outcome out = c.read_until_close(patience);
  EXPECT_TRUE(out.is_closed);
  EXPECT_EQ(out.bytes, "");
  expect_still_serving();
}

// A body longer than its Content-Length: the excess is read as the next
// request, which is not one, so a 405 for the POST is followed by a 400.
TEST_F(hostile, body_longer_than_content_length_is_a_bad_next_request) {
  raw_client c(port_);
  c.send("POST /codes HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\n"
         "abc{\"smuggled\": true}\r\n\r\n");
  const raw_client::outcome out = c.read_until_close(patience);
  EXPECT_TRUE(out.is_closed);
  EXPECT_EQ(status_of(out.bytes), 405) << out.bytes;
  EXPECT_NE(out.bytes.find("HTTP/1.1 400 "), std::string::npos) << out.bytes;
}

// ---- size limits -----------------------------------------------------------

TEST_F(hostile, header_section_over_the_limit_gets_431) {
  std::string req = "GET / HTTP/1.1\r\nHost: x\r\n";
  for (int i = 0; i < 200; ++i) req += "X-Filler-" + std::to_string(i) + ": " +
                                       std::string(40, 'a') + "\r\n";
  req += "\r\n";
  raw_client c(port_);
  c.send(req);
  const raw_client::outcome out = c.read_until_close(patience);
  EXPECT_EQ(status_of(out.bytes), 431) << out.bytes;
  EXPECT_TRUE(out.is_closed);
}

// The fields overflowed, not the target: a target of 500 bytes with 9000
// bytes of fields got a 414 saying the target was longer than 2048 bytes.
TEST_F(hostile, large_fields_after_a_longer_target_get_431) {
  raw_client c(port_);
  c.send("GET /codes?q=" + std::string(500, 'a') +
         " HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(9000, 'b') +
         "\r\n\r\n");
  const raw_client::outcome out = c.read_until_close(patience);
  EXPECT_EQ(status_of(out.bytes), 431) << out.bytes.substr(0, 300);
  EXPECT_NE(out.bytes.find("The request header is larger than 8192 bytes."),
            std::string::npos)
      << out.bytes.substr(0, 600);
}

TEST_F(hostile, target_over_the_header_limit_gets_414) {
  raw_client c(port_);
  c.send("GET /" + std::string(20000, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n");
  const raw_client::outcome out = c.read_until_close(patience);
  EXPECT_EQ(status_of(out.bytes), 414) << out.bytes.substr(0, 200);
  EXPECT_TRUE(out.is_closed);
}

TEST_F(hostile, target_over_the_router_limit_gets_414) {
  raw_client c(port_);
  c.send("GET /" + std::string(4000, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(status_of(c.read_response(patience)), 414);
}

TEST_F(hostile, header_limit_follows_the_config) {
  config cfg = base_config();
  cfg.header_limit = 2048;
  start(std::move(cfg));
  raw_client c(port_);
  c.send("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(3000, 'a') +
         "\r\n\r\n");
  EXPECT_EQ(status_of(c.read_until_close(patience).bytes), 431);
}

// A target that does not fit in a --header-limit below the router's 2048
// bytes gets a 414 that names the limit it broke; it said 2048.
TEST_F(hostile, target_over_a_small_header_limit_names_that_limit) {
  config cfg = base_config();
  cfg.header_limit = 1024;
  start(std::move(cfg));
  raw_client c(port_);
  c.send("GET /" + std::string(1000, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n");
  const std::string bytes = c.read_until_close(patience).bytes;
  EXPECT_EQ(status_of(bytes), 414) << bytes;
  EXPECT_NE(bytes.find("longer than 1024 bytes"), std::string::npos) << bytes;
}

TEST_F(hostile, chunked_body_over_the_limit_gets_413) {
  config cfg = base_config();
  cfg.body_limit = 1024;
  start(std::move(cfg));
  raw_client c(port_);
  std::string req =
      "POST /codes HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
  for (int i = 0; i < 4; ++i) req += "200\r\n" + std::string(512, 'a') + "\r\n";
  req += "0\r\n\r\n";
  c.send(req);
  const raw_client::outcome out = c.read_until_close(patience);
  EXPECT_EQ(status_of(out.bytes), 413) << out.bytes;
  EXPECT_TRUE(out.is_closed);
}

// ---- slow and idle clients ---------------------------------------------------

// The header deadline is total: a client that sends a byte every 20 ms,
// which would satisfy any per-read timeout, is still cut off once the
// whole header section has taken longer than `header_timeout`.
TEST_F(hostile, header_trickled_slower_than_the_deadline_is_cut_off) {
  config cfg = base_config();
  cfg.header_timeout = milliseconds(300);
  start(std::move(cfg));
  raw_client c(port_);
  const auto begin = clock_type::now();
  const std::string req = "GET / HTTP/1.1\r\nHost: x\r\nX-Slow: " +
                          std::string(500, 'a') + "\r\n\r\n";
  bool is_cut = false;
  for (const char byte : req) {
    if (!c.send(std::string_view(&byte, 1))) {
      is_cut = true;
      break;
    }
    std::this_thread::sleep_for(milliseconds(20));
    if (clock_type::now() - begin > patience) break;
  }
  const raw_client::outcome out = c.read_until_close(patience);
  const auto took = clock_type::now() - begin;
  EXPECT_TRUE(is_cut || out.is_closed);
  EXPECT_EQ(status_of(out.bytes), 0) << "a slow client gets no response";
  EXPECT_LT(took, milliseconds(3000));
  EXPECT_GE(took, milliseconds(250));
  expect_still_serving();
}

// A connection that sends nothing at all is closed by the header deadline.
TEST_F(hostile, silent_connection_is_closed_by_the_header_deadline) {
  config cfg = base_config();
  cfg.header_timeout = milliseconds(200);
  cfg.idle_timeout = milliseconds(60'000);
  start(std::move(cfg));
  raw_client c(port_);
  const auto begin = clock_type::now();
  EXPECT_TRUE(c.read_until_close(patience).is_closed);
  EXPECT_LT(clock_type::now() - begin, milliseconds(3000));
}

// After a response, a kept-alive connection waits `idle_timeout` for the
// next request, not `header_timeout`.
TEST_F(hostile, kept_alive_connection_is_closed_after_the_idle_timeout) {
  config cfg = base_config();
  cfg.header_timeout = milliseconds(60'000);
  cfg.idle_timeout = milliseconds(200);
  start(std::move(cfg));
  raw_client c(port_);
  c.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(status_of(c.read_response(patience)), 200);
  const auto begin = clock_type::now();
  const raw_client::outcome out = c.read_until_close(patience);
  EXPECT_TRUE(out.is_closed);
  EXPECT_EQ(out.bytes, "");
  EXPECT_LT(clock_type::now() - begin, milliseconds(3000));
}

// A request that starts within the idle timeout is then given the full
// header deadline, even if it finishes after the idle timeout.
TEST_F(hostile, idle_timeout_does_not_cut_a_request_in_progress) {
  config cfg = base_config();
  cfg.header_timeout = milliseconds(5000);
  cfg.idle_timeout = milliseconds(300);
  start(std::move(cfg));
  raw_client c(port_);
  c.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(status_of(c.read_response(patience)), 200);
  c.send("GET /healthz HTTP/1.1\r\n");
  std::this_thread::sleep_for(milliseconds(600));
  c.send("Host: x\r\n\r\n");
  EXPECT_EQ(status_of(c.read_response(patience)), 200);
}

// ---- the connection cap ----------------------------------------------------

// Beyond `max_connections`, a new connection is answered 503 and closed at
// once; the connections already open keep being served, and a slot freed
// is a slot usable again.
TEST_F(hostile, connections_beyond_the_cap_get_503_and_the_others_go_on) {
  config cfg = base_config();
  cfg.max_connections = 2;
  start(std::move(cfg));
  auto a = std::make_unique<raw_client>(port_);
  raw_client b(port_);
  for (raw_client* c : {a.get(), &b}) {
    c->send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    EXPECT_EQ(status_of(c->read_response(patience)), 200);
  }
  {
    raw_client over(port_);
    const auto begin = clock_type::now();
    const raw_client::outcome out = over.read_until_close(patience);
    EXPECT_TRUE(out.is_closed);
    EXPECT_EQ(status_of(out.bytes), 503) << out.bytes;
    EXPECT_NE(out.bytes.find("Retry-After: 1\r\n"), std::string::npos);
    // A problem document, as any refusal (it was plain text).
    EXPECT_NE(out.bytes.find("Content-Type: application/problem+json\r\n"),
              std::string::npos) << out.bytes;
    EXPECT_TRUE(out.bytes.ends_with(
        R"("status":503,"detail":"The server has too many connections."})"))
        << out.bytes;
    EXPECT_LT(clock_type::now() - begin, milliseconds(1000));
  }
  b.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(status_of(b.read_response(patience)), 200);

  a.reset();  // frees a slot, once the server has seen the close
  const auto end = clock_type::now() + patience;
  int status = 0;
  while (status != 200 && clock_type::now() < end) {
    raw_client c(port_);
    c.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    status = status_of(c.read_response(patience));
    if (status != 200) std::this_thread::sleep_for(milliseconds(10));
  }
  EXPECT_EQ(status, 200);
}

// ---- nothing echoed comes back live ------------------------------------------

// Client text that the server repeats (path, query, Accept) comes back
// inert: in HTML no live tag and no broken-out attribute; in JSON a valid
// document (a quote that broke out of its string would break it) with
// control bytes escaped; and never a header line of the client's making.
// C0 control bytes are left as they are in HTML text, which the renderer
// does on purpose (they cannot end a text run or a quoted attribute).
TEST_F(hostile, echoed_text_is_escaped_everywhere) {
  const std::vector<std::string> payloads = {
      "%3Cscript%3Ealert(1)%3C%2Fscript%3E",  // <script>alert(1)</script>
      "%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",  // "><img ...>
      "%27%3Balert(1)%2F%2F",                            // ';alert(1)//
      "%5C%22%7D%2C%7B%22x%22%3A1",                      // \"},{"x":1
      "%01%07%1B%5B31m%0D%0ASet-Cookie%3A%20x%3D1",      // control bytes
  };
  const std::vector<std::string> places = {
      "/codes?q=",          "/codes/",     "/api/v1/codes?q=",
      "/api/v1/codes/",     "/api/v1/codes?class=",
      "/api/v1/codes?unofficial=", "/nothing/here/",  "/api/v1/nothing/",
      "/status/",           "/status/200?location=", "/status/418?vendor=",
  };
  for (const std::string& place : places) {
    for (const std::string& payload : payloads) {
      const std::string target = place + payload;
      SCOPED_TRACE(target);
      raw_client c(port_);
      c.send("GET " + target +
             " HTTP/1.1\r\nHost: x\r\nAccept: text/html, <script>x</script>, "
             "\"quoted\"\r\n\r\n");
      const std::string res = c.read_response(patience);
      ASSERT_NE(status_of(res), 0) << res;
      const std::size_t split = res.find("\r\n\r\n");
      const std::string_view head = std::string_view(res).substr(0, split);
      const std::string_view body = std::string_view(res).substr(split + 4);
      EXPECT_EQ(head.find("Set-Cookie"), std::string_view::npos) << head;
      const bool is_json = head.find("json") != std::string_view::npos;
      if (is_json) {
        boost::system::error_code ec;
        static_cast<void>(boost::json::parse(body, ec));
        EXPECT_FALSE(ec) << body;
        EXPECT_EQ(body.find("\"},{\"x\":1"), std::string_view::npos);
        for (const char ch : body)
          EXPECT_GE(static_cast<unsigned char>(ch), 0x20u) << body;
      } else {
        EXPECT_EQ(body.find("<script>alert"), std::string_view::npos);
        EXPECT_EQ(body.find("<img src=x"), std::string_view::npos);
        EXPECT_EQ(body.find("\"><img"), std::string_view::npos);
        EXPECT_EQ(body.find("';alert"), std::string_view::npos);
        EXPECT_EQ(body.find("<script>x"), std::string_view::npos);
      }
    }
  }
}

// ---- no traversal, no open redirect ------------------------------------------

// There is no file serving at all, and ".." is refused before routing in
// every spelling: plain, percent-encoded, and mixed with backslashes.
TEST_F(hostile, path_traversal_is_refused_in_every_spelling) {
  const std::vector<std::string> targets = {
      "/../etc/passwd",         "/%2e%2e/etc/passwd",   "/%2E%2E%2Fetc%2Fpasswd",
      "/codes/..%2f..%2fetc",   "/assets/..%5c..%5cwin", "/api/v1/codes/%2e%2e",
      "/status/..%2f200",
  };
  for (const std::string& target : targets) {
    SCOPED_TRACE(target);
    raw_client c(port_);
    c.send("GET " + target + " HTTP/1.1\r\nHost: x\r\n\r\n");
    EXPECT_EQ(status_of(c.read_response(patience)), 400);
  }
}

// The mock's `location=` must stay on this server: whatever a client
// asks, a Location header names a path here or is not sent (400).
// Skipped until the mock (issue #4) serves /status/.
TEST_F(hostile, mock_redirects_stay_on_this_server) {
  {
    raw_client probe(port_);
    probe.send("GET /status/200 HTTP/1.1\r\nHost: x\r\n\r\n");
    if (status_of(probe.read_response(patience)) == 404)
      GTEST_SKIP() << "/status/ answers 404: no mock in this build";
  }
  const std::vector<std::string> locations = {
      "//evil.example/",        "https://evil.example/", "%2F%2Fevil.example",
      "/%2F/evil.example",      "/\\evil.example",     "%5C%5Cevil.example",
      "http:evil.example",      "javascript:alert(1)",   "/ok%0D%0ASet-Cookie:x",
      "%09//evil.example",
  };
  for (const std::string& location : locations) {
    SCOPED_TRACE(location);
    raw_client c(port_);
    c.send("GET /status/302?location=" + location +
           " HTTP/1.1\r\nHost: x\r\n\r\n");
    const std::string res = c.read_response(patience);
    const std::string_view head =
        std::string_view(res).substr(0, res.find("\r\n\r\n"));
    EXPECT_EQ(head.find("Set-Cookie"), std::string_view::npos);
    const std::size_t at = head.find("\r\nLocation: ");
    if (at == std::string_view::npos) {
      EXPECT_EQ(status_of(res), 400) << head;
      continue;
    }
    const std::string_view value = head.substr(at + 12);
    EXPECT_TRUE(value.starts_with('/')) << head;
    EXPECT_FALSE(value.starts_with("//")) << head;
    EXPECT_FALSE(value.starts_with("/\\")) << head;
  }
}

}  // namespace
