// SPDX-License-Identifier: MIT
// Issue #6's operability over real sockets: `GET /metrics` counting by
// route and status, open and refused connections, the mock's sequence
// keys; the access log, one escaped line per request.
#include "server.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <regex>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>

#include "e2e/fixture.hpp"

namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = boost::beast::http;
using tcp = boost::asio::ip::tcp;
using httpstatus::server::config;
using httpstatus::test::message;

using httpstatus::test::client;

// The value of the sample written exactly `series` ("name{labels}") in the
// Prometheus text `text`, or -1 when there is none.
double sample(const std::string& text, std::string_view series) {
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line))
    if (line.size() > series.size() && line.starts_with(series) &&
        line[series.size()] == ' ')
      return std::stod(line.substr(series.size() + 1));
  return -1;
}

class operability : public httpstatus::test::server_fixture {
 protected:
  // Starts a server whose access-log lines land in `lines_`.
  void start_logging() {
    config cfg = base_config();
    cfg.access_log = [this](std::string_view line) {
      const std::lock_guard lock(lines_mutex_);
      lines_.emplace_back(line);
      lines_changed_.notify_all();
    };
    start(std::move(cfg));
  }

  // A line is written once its response is, which may be just after the
  // client has read it: wait for them, bounded.
  std::vector<std::string> wait_for_lines(std::size_t n) {
    std::unique_lock lock(lines_mutex_);
    lines_changed_.wait_for(lock, std::chrono::seconds(10),
                            [&] { return lines_.size() >= n; });
    return lines_;
  }

  // Scrapes through `c` until `ready` holds on the text (a count made on
  // another thread may land just after the response was read), at most
  // 200 times; returns the last text.
  template <class Ready>
  static std::string scrape_until(client& c, Ready ready) {
    std::string text;
    for (int i = 0; i < 200; ++i) {
      const message res = c.get("/metrics");
      EXPECT_EQ(res.result_int(), 200U);
      text = res.body();
      if (ready(text)) break;
    }
    return text;
  }

  std::mutex lines_mutex_;
  std::condition_variable lines_changed_;
  std::vector<std::string> lines_;
};

// ---- /metrics -------------------------------------------------------------

TEST_F(operability, metrics_count_requests_by_route_and_status) {
  client c(port_);
  EXPECT_EQ(c.get("/codes/404").result_int(), 200U);
  EXPECT_EQ(c.get("/codes/404").result_int(), 200U);
  EXPECT_EQ(c.get("/codes/299").result_int(), 404U);
  EXPECT_EQ(c.get("/no/such/page").result_int(), 404U);
  EXPECT_EQ(c.request(http::verb::post, "/codes").result_int(), 405U);
  EXPECT_EQ(c.get("/status/418").result_int(), 418U);
  const std::string last =
      R"(httpstatus_http_requests_total{route="/status/*",code="418"})";
  const std::string text = scrape_until(
      c, [&](const std::string& t) { return sample(t, last) == 1; });
  struct row {
    const char* series;
    double expected;
  };
  const row rows[] = {
      {R"(httpstatus_http_requests_total{route="/codes/{code}",code="200"})",
       2},
      {R"(httpstatus_http_requests_total{route="/codes/{code}",code="404"})",
       1},
      {R"(httpstatus_http_requests_total{route="none",code="404"})", 1},
      {R"(httpstatus_http_requests_total{route="none",code="405"})", 1},
      {R"(httpstatus_http_requests_total{route="/status/*",code="418"})", 1},
      {R"(httpstatus_http_requests_total{route="/",code="200"})", -1},
      {R"(httpstatus_http_request_duration_seconds_count{route="/codes/{code}"})",
       3},
      {R"(httpstatus_http_request_duration_seconds_bucket{route="/codes/{code}",le="+Inf"})",
       3},
      {R"(httpstatus_http_request_duration_seconds_count{route="none"})", 2},
  };
  for (const row& r : rows)
    EXPECT_EQ(sample(text, r.series), r.expected) << r.series << "\n" << text;
  EXPECT_GT(
      sample(
          text,
          R"(httpstatus_http_request_duration_seconds_sum{route="/codes/{code}"})"),
      0);
  // The scrapes themselves are counted once written.
  const std::string again = c.get("/metrics").body();
  EXPECT_GE(
      sample(again,
             R"(httpstatus_http_requests_total{route="/metrics",code="200"})"),
      1);
}

TEST_F(operability, metrics_are_prometheus_text_never_stored) {
  client c(port_);
  const message res = c.get("/metrics");
  EXPECT_EQ(res.result_int(), 200U);
  EXPECT_EQ(res[http::field::content_type],
            "text/plain; version=0.0.4; charset=utf-8");
  EXPECT_EQ(res[http::field::cache_control], "no-store");
  EXPECT_NE(res.body().find("# TYPE httpstatus_http_requests_total counter\n"),
            std::string::npos);

  const message head = c.request(http::verb::head, "/metrics");
  EXPECT_EQ(head.result_int(), 200U);
  EXPECT_TRUE(head.body().empty());
  EXPECT_FALSE(head[http::field::content_length].empty());

  const message post = c.request(http::verb::post, "/metrics");
  EXPECT_EQ(post.result_int(), 405U);
  EXPECT_EQ(post[http::field::allow], "GET, HEAD, OPTIONS");
}

TEST_F(operability, metrics_see_open_connections) {
  client held(port_);
  EXPECT_EQ(held.get("/healthz").result_int(), 200U);
  client c(port_);
  const std::string text = c.get("/metrics").body();
  EXPECT_GE(sample(text, "httpstatus_connections_open"), 2) << text;
  EXPECT_GE(sample(text, "httpstatus_connections_total"), 2) << text;
  EXPECT_EQ(sample(text, "httpstatus_connections_refused_total"), 0) << text;
}

TEST_F(operability, metrics_count_connections_refused_at_the_cap) {
  config cfg = base_config();
  cfg.max_connections = 2;
  start(std::move(cfg));
  client a(port_);
  EXPECT_EQ(a.get("/healthz").result_int(), 200U);
  client b(port_);
  EXPECT_EQ(b.get("/healthz").result_int(), 200U);
  {
    client over(port_);
    EXPECT_TRUE(over.read_to_end().starts_with("HTTP/1.1 503 "));
  }
  const std::string text = b.get("/metrics").body();
  EXPECT_EQ(sample(text, "httpstatus_connections_refused_total"), 1) << text;
  EXPECT_EQ(sample(text, "httpstatus_connections_open"), 2) << text;
}

TEST_F(operability, metrics_show_mock_sequence_keys) {
  client c(port_);
  EXPECT_EQ(sample(c.get("/metrics").body(), "httpstatus_mock_sequence_keys"),
            0);
  EXPECT_EQ(c.get("/status/503,200?sequence=first").result_int(), 503U);
  EXPECT_EQ(c.get("/status/503,200?sequence=first").result_int(), 200U);
  EXPECT_EQ(c.get("/status/503,200?sequence=second").result_int(), 503U);
  const std::string text = c.get("/metrics").body();
  EXPECT_EQ(sample(text, "httpstatus_mock_sequence_keys"), 2) << text;
  EXPECT_EQ(sample(text, "httpstatus_mock_sleeping_requests"), 0) << text;
}

TEST_F(operability, metrics_off_is_not_found) {
  config cfg = base_config();
  cfg.metrics = false;
  start(std::move(cfg));
  client c(port_);
  EXPECT_EQ(c.get("/metrics").result_int(), 404U);
}

// ---- the access log -------------------------------------------------------

TEST_F(operability, access_log_writes_one_line_per_request) {
  start_logging();
  client c(port_);
  const message page = c.get("/codes/404");
  EXPECT_EQ(page.result_int(), 200U);
  EXPECT_EQ(c.request(http::verb::head, "/codes/404").result_int(), 200U);
  EXPECT_EQ(c.get("/no/such/page").result_int(), 404U);
  EXPECT_EQ(c.get("/status/418?x=1").result_int(), 418U);
  const std::vector<std::string> lines = wait_for_lines(4);
  ASSERT_EQ(lines.size(), 4U);
  const std::regex shape(
      R"re(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z 127\.0\.0\.1:\d+ "([^"]*)" (\d{3}) (\d+) \d+\.\d{3}ms\n$)re");
  struct row {
    const char* request;
    const char* status;
    std::string bytes;
  };
  const row rows[] = {
      {"GET /codes/404 HTTP/1.1", "200", std::to_string(page.body().size())},
      {"HEAD /codes/404 HTTP/1.1", "200", "0"},
      {"GET /no/such/page HTTP/1.1", "404", ""},
      {"GET /status/418?x=1 HTTP/1.1", "418", ""},
  };
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::smatch m;
    ASSERT_TRUE(std::regex_match(lines[i], m, shape)) << lines[i];
    EXPECT_EQ(m[1], rows[i].request);
    EXPECT_EQ(m[2], rows[i].status);
    if (!rows[i].bytes.empty()) {
      EXPECT_EQ(m[3], rows[i].bytes);
    }
  }
}

// Bytes a client may put in a target (Beast refuses control characters
// on the wire, but takes '"', '\' and bytes above 0x7F) come out escaped;
// a percent-escaped newline stays as sent.
TEST_F(operability, access_log_escapes_what_the_client_sent) {
  start_logging();
  client c(port_);
  c.send_raw("GET /x\"y\\z\xff%0A HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
  EXPECT_EQ(c.receive().result_int(), 404U);
  const std::vector<std::string> lines = wait_for_lines(1);
  ASSERT_EQ(lines.size(), 1U);
  EXPECT_NE(lines[0].find(R"("GET /x\x22y\x5Cz\xFF%0A HTTP/1.1" 404 )"),
            std::string::npos)
      << lines[0];
  EXPECT_EQ(lines[0].find('\n'), lines[0].size() - 1);
}

// A WebSocket upgrade's line names its request, with the status the client
// got: the request was handed to the WebSocket before the line copied it
// ("GET  HTTP/1.1"), and a refused upgrade was logged as the 101 it asked
// for.
TEST_F(operability, access_log_has_an_upgrade_as_answered) {
  constexpr std::string_view upgrade =
      "GET /status/101 HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
      "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\n";
  const struct {
    std::string key_field;
    unsigned status;
  } cases[] = {
      {"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n", 101},
      {"", 400},  // no key: Beast refuses the handshake
  };
  start_logging();
  std::size_t logged = 0;
  for (const auto& [key_field, status] : cases) {
    SCOPED_TRACE(status);
    {
      client c(port_);
      c.send_raw(std::string(upgrade) + key_field + "\r\n");
      EXPECT_EQ(c.receive().result_int(), status);
    }
    // Waiting for this line before the next exchange keeps them in order.
    const std::vector<std::string> lines = wait_for_lines(++logged);
    ASSERT_EQ(lines.size(), logged);
    EXPECT_NE(lines.back().find(R"("GET /status/101 HTTP/1.1" )" +
                                std::to_string(status) + " "),
              std::string::npos)
        << lines.back();
  }
}

// A request the session refuses itself (431 here) is logged too; one the
// mock answers by closing (444) gets a line with no bytes.
TEST_F(operability, access_log_covers_refusals_and_closes) {
  start_logging();
  {
    client c(port_);
    c.send_raw("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " +
               std::string(9000, 'a') + "\r\n\r\n");
    EXPECT_EQ(c.receive().result_int(), 431U);
  }
  {
    client c(port_);
    c.send_raw("GET /status/444 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    EXPECT_EQ(c.read_to_end(), "");
  }
  // Two connections, so the lines may come in either order.
  const std::vector<std::string> lines = wait_for_lines(2);
  ASSERT_EQ(lines.size(), 2U);
  const std::string both = lines[0] + lines[1];
  EXPECT_NE(both.find(R"("GET /healthz HTTP/1.1" 431 )"), std::string::npos)
      << both;
  EXPECT_NE(both.find(R"("GET /status/444 HTTP/1.1" 444 0 )"),
            std::string::npos)
      << both;
  client c(port_);
  const std::string text = scrape_until(c, [](const std::string& t) {
    return sample(
               t,
               R"(httpstatus_http_requests_total{route="/status/*",code="444"})") ==
           1;
  });
  EXPECT_EQ(
      sample(text,
             R"(httpstatus_http_requests_total{route="none",code="431"})"),
      1);
}

}  // namespace
