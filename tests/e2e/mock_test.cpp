// SPDX-License-Identifier: MIT
// The mock (`ANY /status/{codes}`) in-process, over real sockets: every
// code of the registry and of the vendors, interim responses, 100-continue,
// the WebSocket echo, 444, sleeps, sequences, bad specifications, CORS, and
// the lint's verdict on every answer.
#include "server.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/websocket/stream.hpp>
#include <boost/json/parse.hpp>

#include "content.hpp"
#include "e2e/fixture.hpp"
#include "httpstatus/registry.hpp"
#include "lint.hpp"
#include "mock/response.hpp"
#include "routes.hpp"

namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = boost::beast::http;
namespace websocket = boost::beast::websocket;
namespace mock = httpstatus::server::mock;
using tcp = boost::asio::ip::tcp;
using httpstatus::status;
using httpstatus::server::config;
using httpstatus::server::content;
using httpstatus::test::headers;
using httpstatus::test::message;
using clock_type = std::chrono::steady_clock;

using httpstatus::test::client;

std::string encode(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == ' ')
      out += "%20";
    else
      out += c;
  }
  return out;
}

std::string target_of(const status& s) {
  std::string t = "/status/" + std::to_string(s.code);
  if (!s.vendor.empty()) t += "?vendor=" + encode(s.vendor);
  return t;
}

// Every registered code, then every vendor's.
std::vector<status> every_code() {
  std::vector<status> list(httpstatus::all().begin(), httpstatus::all().end());
  list.insert(list.end(), httpstatus::unofficial().begin(),
              httpstatus::unofficial().end());
  return list;
}

bool is_nginx_444(const status& s) {
  return s.code == 444 && s.vendor == "nginx";
}

// What a GET of `/status/{code}` answers finally, per the issue: the 1xx
// come as an interim response before a 200 (100 only after an Expect, 101
// only to an upgrade request: without one it is 426).
int final_code_of(int code) {
  if (code == 101) return 426;
  if (code / 100 == 1) return 200;
  return code;
}

// ---- the fixture
// --------------------------------------------------------------

class mockwire : public httpstatus::test::server_fixture {
 protected:
  message get(std::string_view target, const headers& fields = {}) {
    client c(port_);
    return c.exchange("GET", target, fields).back();
  }

  // With one sleeping slot: probes (each a 1 ms sleep) until one is refused
  // with 503, which shows that a sleeper holds the slot, without a fixed
  // wait. False when no probe of 1000 was refused.
  bool sleeper_holds_the_slot() {
    for (int i = 0; i < 1000; ++i)
      if (get("/status/204?sleep=1").result_int() == 503) return true;
    return false;
  }

  // Returns the final response's status line as sent, without its CRLF:
  // Beast's parser would hide an empty reason behind its own table's
  // phrase ("<unknown-status>", or "Network Connect Timeout Error" for a
  // 599 sent without one). Interim responses, which have no content, are
  // skipped.
  std::string final_status_line(std::string_view method,
                                std::string_view target) {
    client c(port_);
    c.send(method, target, {{"Connection", "close"}});
    const std::string bytes = c.read_to_end();
    std::size_t at = 0;
    while (bytes.compare(at, 10, "HTTP/1.1 1") == 0) {
      const std::size_t end = bytes.find("\r\n\r\n", at);
      if (end == std::string::npos) return {};
      at = end + 4;
    }
    return bytes.substr(at, bytes.find("\r\n", at) - at);
  }
};

// ---- every code -------------------------------------------------------------

TEST_F(mockwire, answers_every_code_as_the_registry_says) {
  for (const status& s : every_code()) {
    if (is_nginx_444(s)) continue;  // closes_without_response_on_444
    SCOPED_TRACE(target_of(s));
    for (const std::string_view method : {"GET", "HEAD"}) {
      SCOPED_TRACE(method);
      client c(port_);
      const std::vector<message> all = c.exchange(method, target_of(s));
      const message& res = all.back();
      const int final_code = final_code_of(s.code);
      ASSERT_EQ(res.result_int(), static_cast<unsigned>(final_code));

      // The interim response, for 102, 103, 104 and the vendors' 1xx.
      const bool has_interim =
          s.code / 100 == 1 && s.code != 100 && s.code != 101;
      ASSERT_EQ(all.size(), has_interim ? 2U : 1U);
      if (has_interim) {
        const message& interim = all.front();
        EXPECT_EQ(interim.result_int(), static_cast<unsigned>(s.code));
        EXPECT_EQ(interim.reason(), s.reason);
        EXPECT_FALSE(interim.has_content_length());
        for (const auto& h : s.headers) {
          if (h.field.empty()) continue;
          EXPECT_TRUE(interim.count(h.field)) << "interim lacks " << h.field;
        }
      }

      // The final response's facts: the code's own, or the 200's/426's.
      const std::optional<mock::target> t =
          mock::resolve(final_code, final_code == s.code ? s.vendor : "");
      ASSERT_TRUE(t);
      // SP, then the phrase: none at all for a code without one.
      EXPECT_EQ(final_status_line(method, target_of(s)),
                "HTTP/1.1 " + std::to_string(final_code) + " " +
                    std::string(t->facts.reason));
      std::optional<message> ok;  // the 200, for fields that follow it
      for (const auto& h : t->facts.headers) {
        if (h.field.empty()) continue;
        // One range is one part: Content-Range, not multipart/byteranges.
        if (h.condition == "multipart/byteranges, for multiple parts") {
          EXPECT_EQ(res[http::field::content_type].find("multipart/"),
                    std::string_view::npos);
          continue;
        }
        // RFC 9110 Sections 15.3.7 and 15.4.5: there exactly when the
        // mock's 200 to the same request has it.
        if (h.condition == httpstatus::if_a_200_had_it) {
          if (!ok) ok = client(port_).exchange(method, "/status/200").back();
          EXPECT_EQ(res.count(h.field), ok->count(h.field))
              << "unlike the 200: " << h.field;
          continue;
        }
        EXPECT_TRUE(res.count(h.field)) << "missing " << h.field;
      }
      EXPECT_EQ(res[http::field::access_control_allow_origin], "*");
      EXPECT_FALSE(res[http::field::date].empty());

      switch (t->facts.body) {
        case httpstatus::body_rule::none:
          EXPECT_FALSE(res.has_content_length());
          EXPECT_TRUE(res.body().empty());
          break;
        case httpstatus::body_rule::empty:
          EXPECT_EQ(res[http::field::content_length], "0");
          EXPECT_TRUE(res.body().empty());
          break;
        case httpstatus::body_rule::allowed:
          ASSERT_TRUE(res.has_content_length());
          if (method == "HEAD") {
            EXPECT_TRUE(res.body().empty());
            EXPECT_NE(res[http::field::content_length], "0");
          } else {
            EXPECT_EQ(res[http::field::content_length],
                      std::to_string(res.body().size()));
            EXPECT_FALSE(res.body().empty());
          }
          break;
      }
    }
  }
}

TEST_F(mockwire, sends_reasons_beast_does_not_know) {
  struct row {
    const char* target;
    unsigned code;
    const char* reason;
  };
  const row rows[] = {
      {"/status/418", 418, "I'm a teapot"},
      {"/status/425", 425, "Too Early"},
      {"/status/299", 299, ""},  // unassigned: sent as asked, no reason
      {"/status/520?vendor=Cloudflare", 520,
       "Web server returns an unknown error"},
      {"/status/499?vendor=nginx", 499, "Client Closed Request"},
  };
  for (const row& r : rows) {
    const message res = get(r.target);
    EXPECT_EQ(res.result_int(), r.code) << r.target;
    EXPECT_EQ(final_status_line("GET", r.target),
              "HTTP/1.1 " + std::to_string(r.code) + " " + r.reason)
        << r.target;
  }
  client c(port_);
  const std::vector<message> all = c.exchange("GET", "/status/103");
  ASSERT_EQ(all.size(), 2U);
  EXPECT_EQ(all[0].reason(), "Early Hints");
  EXPECT_NE(all[0][http::field::link].find("rel=preload"), std::string::npos);
}

// RFC 9112 Section 4: status-line = HTTP-version SP status-code SP
// [ reason-phrase ]. An unassigned code (built per request) and a vendor's
// code without a phrase (AWS's 460, a prepared answer) were sent as
// "299  \r\n", a reason of one space, where the README promises none.
TEST_F(mockwire, sends_an_empty_reason_as_nothing_after_the_space) {
  for (const std::string_view code : {"299", "460", "550"})
    EXPECT_EQ(final_status_line("GET", "/status/" + std::string(code)),
              "HTTP/1.1 " + std::string(code) + " ");
  EXPECT_EQ(final_status_line("GET", "/status/418"),
            "HTTP/1.1 418 I'm a teapot");
}

// The 103's Link pointed at "/assets/css/site.css", a 404: the stylesheet
// is served at a fingerprinted URL. What it hints at must be there, as
// something a preload can fetch (`as=` names what it is).
TEST_F(mockwire, early_hints_point_at_something_that_exists) {
  client c(port_);
  const std::vector<message> all = c.exchange("GET", "/status/103");
  ASSERT_EQ(all.size(), 2U);
  const std::string link(all[0][http::field::link]);
  ASSERT_EQ(link.front(), '<');
  const std::string target = link.substr(1, link.find('>') - 1);
  EXPECT_NE(link.find("rel=preload"), std::string::npos);
  EXPECT_NE(link.find("as=image"), std::string::npos);
  const message res = get(target);
  EXPECT_EQ(res.result_int(), 200U) << target;
  EXPECT_EQ(res[http::field::content_type].substr(0, 6), "image/") << target;
}

// An interim response and its final one are two writes. With Nagle's
// algorithm on, the second waited for the client's delayed ACK of the
// first: 40 ms for every such answer after a connection's first.
TEST_F(mockwire, interim_and_final_answers_are_not_held_back) {
  client c(port_);
  const auto begin = clock_type::now();
  for (int i = 0; i < 10; ++i)
    ASSERT_EQ(c.exchange("GET", "/status/103").size(), 2U) << i;
  EXPECT_LT(clock_type::now() - begin, std::chrono::milliseconds(200));
}

TEST_F(mockwire, chooses_the_body_by_accept) {
  struct row {
    const char* target;
    const char* accept;
    const char* content_type;
  };
  const row rows[] = {
      {"/status/418", "", "text/plain; charset=utf-8"},
      {"/status/418", "application/json", "application/json"},
      {"/status/418", "text/html", "text/html; charset=utf-8"},
      {"/status/418", "application/problem+json", "application/problem+json"},
      {"/status/503", "application/problem+json", "application/problem+json"},
      {"/status/200", "application/problem+json", "text/plain; charset=utf-8"},
      {"/status/200", "application/json", "application/json"},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(std::string(r.target) + " " + r.accept);
    const message res =
        *r.accept ? get(r.target, {{"Accept", r.accept}}) : get(r.target);
    EXPECT_EQ(res[http::field::content_type], r.content_type);
    EXPECT_NE(res[http::field::vary].find("Accept"), std::string::npos);
  }
  EXPECT_NE(get("/status/418").body().find("418 I'm a teapot"),
            std::string::npos);
  const auto json = boost::json::parse(
      get("/status/404", {{"Accept", "application/json"}}).body());
  EXPECT_EQ(json.at("code").as_int64(), 404);
  const auto problem = boost::json::parse(
      get("/status/404", {{"Accept", "application/problem+json"}}).body());
  EXPECT_EQ(problem.at("status").as_int64(), 404);
}

// ---- 1xx --------------------------------------------------------------------

// The 100 must come before the body is sent: the client reads it with
// nothing but the header written, then sends the body. Expect is a list
// whose members compare case-insensitively (RFC 9110 Section 10.1.1):
// with another member beside 100-continue, no 100 came until the body did.
TEST_F(mockwire, writes_100_before_reading_the_body) {
  for (const std::string_view expect :
       {"100-continue", "100-Continue", "100-continue, x-foo"}) {
    SCOPED_TRACE(expect);
    client c(port_);
    c.send_raw("POST /status/100 HTTP/1.1\r\nHost: x\r\nExpect: " +
               std::string(expect) + "\r\nContent-Length: 11\r\n\r\n");
    const message interim = c.receive();
    EXPECT_EQ(interim.result_int(), 100U);
    EXPECT_EQ(interim.reason(), "Continue");
    c.send_raw("hello world");
    const message res = c.receive();
    EXPECT_EQ(res.result_int(), 200U);
    EXPECT_TRUE(res.keep_alive());
    // The connection stays usable: the body was read, not left as garbage.
    c.send("GET", "/status/204");
    EXPECT_EQ(c.receive().result_int(), 204U);
  }
}

TEST_F(mockwire, answers_expect_without_100_and_closes) {
  client c(port_);
  c.send_raw(
      "PUT /status/201 HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
      "Content-Length: 11\r\n\r\n");
  const message res = c.receive();
  EXPECT_EQ(res.result_int(), 201U);
  EXPECT_FALSE(res.keep_alive());
  EXPECT_TRUE(c.is_closed_by_server());
}

TEST_F(mockwire, writes_interim_responses_before_the_final_200) {
  for (const int code : {102, 103, 104}) {
    SCOPED_TRACE(code);
    client c(port_);
    const std::vector<message> all =
        c.exchange("GET", "/status/" + std::to_string(code));
    ASSERT_EQ(all.size(), 2U);
    EXPECT_EQ(all[0].result_int(), static_cast<unsigned>(code));
    EXPECT_EQ(all[1].result_int(), 200U);
    EXPECT_FALSE(all[1].body().empty());
  }
  // HTTP/1.0 gets no 1xx at all (RFC 9110 Section 15.2).
  client c(port_);
  c.send("GET", "/status/103", {}, {}, 10);
  EXPECT_EQ(c.receive().result_int(), 200U);
}

TEST_F(mockwire, echoes_over_websocket_after_101) {
  net::io_context ioc;
  websocket::stream<tcp::socket> ws(ioc);
  ws.next_layer().connect(
      tcp::endpoint(net::ip::address_v4::loopback(), port_));
  websocket::response_type handshake;
  ws.handshake(handshake, "127.0.0.1", "/status/101");
  EXPECT_EQ(handshake.result_int(), 101U);
  EXPECT_EQ(handshake[http::field::server], "httpstatus");

  ws.text(true);
  ws.write(net::buffer(std::string_view("hello")));
  beast::flat_buffer buffer;
  ws.read(buffer);
  EXPECT_TRUE(ws.got_text());
  EXPECT_EQ(beast::buffers_to_string(buffer.data()), "hello");

  buffer.clear();
  ws.binary(true);
  const std::string bytes("\x00\x01\xff", 3);
  ws.write(net::buffer(bytes));
  ws.read(buffer);
  EXPECT_TRUE(ws.got_binary());
  EXPECT_EQ(beast::buffers_to_string(buffer.data()), bytes);

  ws.close(websocket::close_code::normal);
}

// RFC 9110 Section 5.3: `Connection: keep-alive` then `Connection:
// Upgrade` is one list that asks for the upgrade. The mock read only the
// first line and answered 426; Beast's handshake does the same.
TEST_F(mockwire, reads_an_upgrade_asked_for_on_a_second_connection_line) {
  client c(port_);
  c.send_raw(
      "GET /status/101 HTTP/1.1\r\nHost: x\r\n"
      "Connection: keep-alive\r\nConnection: Upgrade\r\n"
      "Upgrade: websocket\r\nSec-WebSocket-Version: 13\r\n"
      "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n");
  const message res = c.receive();
  EXPECT_EQ(res.result_int(), 101U) << res;
  // RFC 6455 Section 1.3's example key and answer.
  EXPECT_EQ(res[http::field::sec_websocket_accept],
            "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
}

TEST_F(mockwire, answers_426_without_an_upgrade) {
  const message res = get("/status/101");
  EXPECT_EQ(res.result_int(), 426U);
  EXPECT_EQ(res[http::field::upgrade], "websocket");
  EXPECT_NE(res.body().find("Upgrade"), std::string::npos);
}

// The 426 said "this request asked for no upgrade" to a request that
// asked for h2c, or for websocket over HTTP/1.0.
TEST_F(mockwire, says_what_upgrade_the_426_refused) {
  const message h2c =
      get("/status/101", {{"Upgrade", "h2c"}, {"Connection", "Upgrade"}});
  EXPECT_EQ(h2c.result_int(), 426U);
  EXPECT_NE(h2c.body().find("asked for \"Upgrade: h2c\""), std::string::npos)
      << h2c.body();
  EXPECT_EQ(h2c.body().find("no upgrade"), std::string::npos) << h2c.body();

  client c(port_);
  c.send("GET", "/status/101",
         {{"Upgrade", "websocket"}, {"Connection", "Upgrade"}}, {}, 10);
  const message old = c.receive();
  EXPECT_EQ(old.result_int(), 426U);
  EXPECT_NE(old.body().find("in HTTP/1.0"), std::string::npos) << old.body();
  // Whoever sends Upgrade sends the `upgrade` option too (RFC 9110 Section
  // 7.8); the close for HTTP/1.0 replaced it.
  EXPECT_EQ(old[http::field::connection], "Upgrade, close");
}

// A handshake Beast would refuse got Beast's bare text answer, without the
// mock's Content-Type, Cache-Control, CORS or nosniff; the mock now
// refuses it as any bad request.
TEST_F(mockwire, refuses_a_bad_websocket_handshake_as_a_problem) {
  const headers upgrade = {{"Upgrade", "websocket"},
                           {"Connection", "Upgrade"},
                           {"Sec-WebSocket-Version", "13"}};
  const message no_key = get("/status/101", upgrade);
  EXPECT_EQ(no_key.result_int(), 400U);
  EXPECT_EQ(no_key[http::field::content_type], "application/problem+json");
  EXPECT_EQ(no_key[http::field::access_control_allow_origin], "*");
  EXPECT_EQ(no_key["X-Content-Type-Options"], "nosniff");
  EXPECT_NE(no_key.body().find("Sec-WebSocket-Key"), std::string::npos);

  const message old_version =
      get("/status/101", {{"Upgrade", "websocket"},
                          {"Connection", "Upgrade"},
                          {"Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ=="},
                          {"Sec-WebSocket-Version", "8"}});
  EXPECT_EQ(old_version.result_int(), 426U);
  EXPECT_EQ(old_version[http::field::sec_websocket_version], "13");
  EXPECT_EQ(old_version[http::field::content_type],
            "application/problem+json");
}

// ---- 444, sleep, sequences
// ---------------------------------------------------

TEST_F(mockwire, closes_without_response_on_444) {
  client c(port_);
  c.send("GET", "/status/444");
  EXPECT_EQ(c.read_to_end(), "");
}

TEST_F(mockwire, sleeps_before_answering) {
  const auto started = clock_type::now();
  const message res = get("/status/200?sleep=50");
  EXPECT_EQ(res.result_int(), 200U);
  EXPECT_GE(clock_type::now() - started, std::chrono::milliseconds(50));
}

TEST_F(mockwire, refuses_a_sleep_over_the_cap) {
  config cfg = base_config();
  cfg.max_sleep = std::chrono::milliseconds(100);
  start(cfg);
  const message res = get("/status/200?sleep=101");
  EXPECT_EQ(res.result_int(), 400U);
  EXPECT_EQ(res[http::field::content_type], "application/problem+json");
  EXPECT_EQ(get("/status/200?sleep=100").result_int(), 200U);
}

TEST_F(mockwire, answers_503_when_too_many_sleep) {
  config cfg = base_config();
  cfg.max_sleeping = 0;
  start(cfg);
  const message res = get("/status/200?sleep=10");
  EXPECT_EQ(res.result_int(), 503U);
  EXPECT_EQ(res[http::field::retry_after], "1");
  EXPECT_EQ(res[http::field::content_type], "application/problem+json");
  EXPECT_NE(res.body().find("sleeping"), std::string::npos);
  EXPECT_EQ(get("/status/200").result_int(), 200U);  // no sleep, no cap
}

// A sleeping request is a response owed: a graceful stop lets its sleep
// run out and then answers it, with `Connection: close`. The sleeper holds
// the only sleeping slot, so a probe that gets 503 shows it is asleep,
// without a fixed wait. A probe sleeps too (1 ms), so on a slow machine
// (sanitizers) the sleeper can arrive while a probe holds the slot and be
// refused with 503 itself; that round proves nothing and is run again on a
// fresh server.
TEST_F(mockwire, graceful_stop_lets_a_sleep_finish) {
  config cfg = base_config();
  cfg.max_sleeping = 1;
  for (int round = 0; round < 10; ++round) {
    start(cfg);
    const auto started = clock_type::now();
    client sleeper(port_);
    sleeper.send("GET", "/status/200?sleep=300");
    sleeper_holds_the_slot();  // a refused sleeper shows as its own 503
    server_->stop();
    const message res = sleeper.receive();
    if (res.result_int() == 503) {
      server_->wait();
      continue;
    }
    EXPECT_EQ(res.result_int(), 200U);
    EXPECT_FALSE(res.keep_alive());
    EXPECT_GE(clock_type::now() - started, std::chrono::milliseconds(300));
    server_->wait();
    return;
  }
  FAIL() << "the sleeper was refused in every round";
}

// The grace bounds the stop: a sleep longer than it is cut, the
// connection closed without an answer, and the server done. Rounds where
// the sleeper itself was refused (see above) are run again.
TEST_F(mockwire, shutdown_grace_cuts_a_longer_sleep) {
  config cfg = base_config();
  cfg.max_sleeping = 1;
  cfg.shutdown_grace = std::chrono::milliseconds(100);
  for (int round = 0; round < 10; ++round) {
    start(cfg);
    client sleeper(port_);
    sleeper.send("GET", "/status/200?sleep=10000");
    sleeper_holds_the_slot();  // a refused sleeper shows as its own 503
    const auto started = clock_type::now();
    server_->stop();
    server_->wait();
    EXPECT_LT(clock_type::now() - started, std::chrono::seconds(5));
    server_.reset();  // the forced stop's sessions close with the server
    const std::string rest = sleeper.read_to_end();
    if (rest.starts_with("HTTP/1.1 503")) continue;
    EXPECT_EQ(rest, "");
    return;
  }
  FAIL() << "the sleeper was refused in every round";
}

// A 102 or a 103 says the final answer is coming: it goes out at once, and
// only the final answer waits out the sleep (it used to wait with it).
TEST_F(mockwire, interim_response_does_not_wait_for_the_sleep) {
  client c(port_);
  const auto started = clock_type::now();
  c.send("GET", "/status/103?sleep=1500");
  const message interim = c.receive();
  const auto interim_at = clock_type::now() - started;
  const message final_answer = c.receive();
  EXPECT_EQ(interim.result_int(), 103U);
  EXPECT_LT(interim_at, std::chrono::milliseconds(1000));
  EXPECT_EQ(final_answer.result_int(), 200U);
  EXPECT_GE(clock_type::now() - started, std::chrono::milliseconds(1500));
}

// A connection whose answer sleeps is not idle: a sleep longer than the
// idle timeout is answered (the idle check used to close the connection
// mid-sleep, and the client got no response at all).
TEST_F(mockwire, sleep_longer_than_the_idle_timeout_is_answered) {
  config cfg = base_config();
  cfg.idle_timeout = std::chrono::milliseconds(100);
  start(cfg);
  client c(port_);
  EXPECT_EQ(c.get("/status/204").result_int(), 204U);
  EXPECT_EQ(c.get("/status/200?sleep=400").result_int(), 200U);
}

// A client that gives up while its answer sleeps (what a timeout test
// does) frees its sleeping slot at once, and its line says 499; the slot
// used to stay taken until the sleep ended, so that clients retrying after
// timeouts filled `--max-sleeping` and everyone else got 503. Rounds
// where the sleeper itself was refused (see above) are run again.
// A request whose answer ends the connection (`Connection: close`, an
// HTTP/1.0 client such as Python's urllib, an `Expect` answered without a
// 100) left no read pending while it slept, so its client's leaving went
// unseen: the slot stayed taken for the whole sleep and the log said 200.
TEST_F(mockwire, client_that_leaves_mid_sleep_frees_its_slot) {
  struct way {
    const char* name;
    headers fields;
    std::string_view body;
    unsigned version;
  };
  const way ways[] = {
      {"keep-alive", {}, {}, 11},
      {"Connection: close", {{"Connection", "close"}}, {}, 11},
      {"HTTP/1.0", {}, {}, 10},
      {"Expect without a 100",
       {{"Expect", "100-continue"}, {"Content-Length", "5"}},
       {},
       11},
  };
  for (const way& w : ways) {
    SCOPED_TRACE(w.name);
    config cfg = base_config();
    cfg.max_sleeping = 1;
    std::vector<std::string> lines;
    std::mutex lines_mutex;
    cfg.access_log = [&](std::string_view line) {
      const std::lock_guard lock(lines_mutex);
      lines.emplace_back(line);
    };
    bool was_asleep = false;
    for (int round = 0; round < 10 && !was_asleep; ++round) {
      start(cfg);
      {
        client sleeper(port_);
        sleeper.send("POST", "/status/201?sleep=10000", w.fields, w.body,
                     w.version);
        was_asleep = sleeper_holds_the_slot();
      }  // the sleeper closes its connection
      if (!was_asleep) {
        server_->stop();
        server_->wait();
        continue;
      }
      const auto left = clock_type::now();
      unsigned probe = 503;
      while (probe == 503 &&
             clock_type::now() - left < std::chrono::milliseconds(3000))
        probe = get("/status/204?sleep=1").result_int();
      EXPECT_EQ(probe, 204U) << "the slot stayed taken after the client left";
      server_->stop();
      server_->wait();
      const std::lock_guard lock(lines_mutex);
      EXPECT_TRUE(std::any_of(lines.begin(), lines.end(), [](const auto& l) {
        return l.find("/status/201?sleep=10000") != std::string::npos &&
               l.find(" 499 0 ") != std::string::npos;
      })) << "no 499 line for the sleeper";
    }
    EXPECT_TRUE(was_asleep) << "the sleeper was refused in every round";
  }
}

TEST_F(mockwire, retries_through_a_sequence) {
  const std::string target = "/status/503,503,200?sequence=retry-test";
  int attempts = 0;
  unsigned last = 0;
  for (; attempts < 5 && last != 200; ++attempts) {
    const message res = get(target);
    last = res.result_int();
    if (last == 503) {
      EXPECT_EQ(res[http::field::retry_after], "1");
    }
  }
  EXPECT_EQ(last, 200U);
  EXPECT_EQ(attempts, 3);
  EXPECT_EQ(get(target).result_int(), 200U);  // the last code stays
  EXPECT_EQ(get("/status/503,200?sequence=other").result_int(), 503U);
}

// ---- ranges and conditional requests
// ---------------------------------------------------

// RFC 9110 Section 14.1.1: a range set is satisfiable if any of its ranges
// is. `bytes=100000-200000, 0-5` got 416 while the other order got 206.
TEST_F(mockwire, serves_the_satisfiable_range_of_a_set) {
  for (const char* range : {"bytes=100000-200000, 0-5", "bytes=0-5, 100000-"}) {
    SCOPED_TRACE(range);
    const message res = get("/status/206", {{"Range", range}});
    EXPECT_EQ(res.result_int(), 206U);
    const std::string whole = get("/status/200").body();
    EXPECT_EQ(res[http::field::content_range],
              "bytes 0-5/" + std::to_string(whole.size()));
    EXPECT_EQ(res.body(), whole.substr(0, 6));
  }
  const message none =
      get("/status/206", {{"Range", "bytes=100000-, 200000-"}});
  EXPECT_EQ(none.result_int(), 416U);
}

// RFC 9110 Section 13.1.5: `If-Range: "stale"` got a 206 of the stale
// representation; a validator that does not match asks for the full 200.
TEST_F(mockwire, ignores_the_range_when_if_range_does_not_match) {
  const message ok = get("/status/200");
  const std::string etag(ok[http::field::etag]);
  ASSERT_FALSE(etag.empty());
  const message fresh =
      get("/status/206", {{"Range", "bytes=0-3"}, {"If-Range", etag}});
  EXPECT_EQ(fresh.result_int(), 206U);
  EXPECT_EQ(fresh.body(), ok.body().substr(0, 4));
  const message stale =
      get("/status/206", {{"Range", "bytes=0-3"}, {"If-Range", "\"stale\""}});
  EXPECT_EQ(stale.result_int(), 200U);
  EXPECT_EQ(stale.body(), ok.body());
  EXPECT_FALSE(stale.count(http::field::content_range));
}

// RFC 9110 Sections 13.1.1 and 13.1.2: `/status/200` sends a strong ETag,
// and answered 200 to `If-None-Match: <it>`, to `*` and to `If-Match:
// "nope"`. These requests also leave the prepared answers' fast path.
TEST_F(mockwire, answers_preconditions_on_the_200) {
  const message ok = get("/status/200");
  const std::string etag(ok[http::field::etag]);
  ASSERT_FALSE(etag.empty());
  for (const std::string& tag : {etag, std::string("*")}) {
    SCOPED_TRACE(tag);
    const message res = get("/status/200", {{"If-None-Match", tag}});
    EXPECT_EQ(res.result_int(), 304U);
    EXPECT_EQ(res[http::field::etag], etag);
    EXPECT_FALSE(res.has_content_length());
    EXPECT_TRUE(res.body().empty());
  }
  EXPECT_EQ(get("/status/200", {{"If-Match", "\"nope\""}}).result_int(), 412U);
  EXPECT_EQ(get("/status/200", {{"If-Match", etag}}).result_int(), 200U);
  client c(port_);
  c.send("PUT", "/status/200", {{"If-None-Match", "*"}});
  EXPECT_EQ(c.receive().result_int(), 412U);
}

// Microsoft's 451 ("Redirect") came without the X-MS-Location that names
// the server to use (MS-ASHTTP Section 3.1.5.2.2).
TEST_F(mockwire, names_the_new_server_in_microsofts_451) {
  const message res = get("/status/451?vendor=microsoft&location=/status/204");
  EXPECT_EQ(res.result_int(), 451U);
  EXPECT_EQ(res.reason(), "Redirect");
  EXPECT_EQ(res["X-MS-Location"], "/status/204");
  EXPECT_NE(
      res[http::field::access_control_expose_headers].find("X-MS-Location"),
      std::string::npos);
  EXPECT_EQ(get("/status/451?vendor=Microsoft")["X-MS-Location"],
            "/status/200");
  EXPECT_FALSE(get("/status/451").count("X-MS-Location"));
}

// ---- errors, methods, CORS
// ---------------------------------------------------

TEST_F(mockwire, answers_bad_specifications_with_problem_json) {
  const char* const targets[] = {
      "/status/abc",
      "/status/700",
      "/status/99",
      "/status/",
      "/status/200,,500",
      "/status/200:0,500:0",
      "/status/200:x",
      "/status/200-399",
      "/status/200?sleep=99999999",
      "/status/302?location=//evil.example",
      "/status/200?sequence=bad%20key",
  };
  for (const char* target : targets) {
    SCOPED_TRACE(target);
    const message res = get(target);
    EXPECT_EQ(res.result_int(), 400U);
    EXPECT_EQ(res[http::field::content_type], "application/problem+json");
    const auto problem = boost::json::parse(res.body());
    EXPECT_EQ(problem.at("status").as_int64(), 400);
    EXPECT_FALSE(problem.at("detail").as_string().empty());
  }
}

TEST_F(mockwire, answers_every_method) {
  for (const std::string_view method :
       {"POST", "PUT", "PATCH", "DELETE", "OPTIONS", "BREW"}) {
    client c(port_);
    c.send(method, "/status/418", {}, method == "POST" ? "x=1" : "");
    EXPECT_EQ(c.receive().result_int(), 418U) << method;
  }
}

TEST_F(mockwire, tells_a_preflight_from_a_plain_options) {
  const headers preflight = {{"Origin", "http://example.test"},
                             {"Access-Control-Request-Method", "PUT"},
                             {"Access-Control-Request-Headers", "X-Token"}};
  client c(port_);
  const std::vector<message> all =
      c.exchange("OPTIONS", "/status/500", preflight);
  const message& res = all.back();
  EXPECT_EQ(res.result_int(), 204U);
  EXPECT_NE(res[http::field::access_control_allow_methods].find("PUT"),
            std::string::npos);
  EXPECT_EQ(res[http::field::access_control_allow_headers], "X-Token");
  EXPECT_FALSE(res.has_content_length());

  client plain(port_);
  EXPECT_EQ(plain.exchange("OPTIONS", "/status/500").back().result_int(), 500U);
}

// ---- the lint's verdict
// ------------------------------------------------------

// The mock and the lint read one rule table; the mock's own answers, as
// bytes on the wire, must break none of its MUST or SHOULD rules. A
// vendor's meaning of a registered code (Microsoft's 451 "Redirect") is
// left out: the lint sees only the number and judges it by IANA's entry.
TEST_F(mockwire, every_answer_lints_clean) {
  for (const status& s : every_code()) {
    if (is_nginx_444(s)) continue;
    if (!s.vendor.empty() && httpstatus::find(s.code)) continue;
    for (const std::string_view method : {"GET", "HEAD"}) {
      const std::string target = target_of(s);
      SCOPED_TRACE(target + " " + std::string(method));
      client c(port_);
      c.send(method, target, {{"Connection", "close"}});
      const std::string bytes = c.read_to_end();
      const httpstatus::lint::parse_result parsed =
          httpstatus::lint::parse_responses(bytes);
      ASSERT_EQ(parsed.ec, std::errc{}) << parsed.error << "\n" << bytes;
      for (const httpstatus::lint::response& res : parsed.responses) {
        httpstatus::lint::response r = res;
        if (method == "HEAD") r.body_present = false;
        const auto findings = httpstatus::lint::lint(
            r, {.method = std::string(method), .headers = {}});
        for (const auto& f : findings) {
          EXPECT_TRUE(f.strength != httpstatus::requirement::must &&
                      f.strength != httpstatus::requirement::should)
              << res.code << " " << httpstatus::to_string(f.strength) << " "
              << f.rule << ": " << f.message;
        }
      }
    }
  }
}

// The multipart answer to ranges apart, in each media type, is read part
// by part by the lint (byteranges-parts) and breaks none of its rules.
TEST_F(mockwire, multipart_ranges_lint_clean) {
  for (const char* accept : {"text/plain", "application/json", "text/html",
                             "application/problem+json"}) {
    SCOPED_TRACE(accept);
    client c(port_);
    c.send("GET", "/status/206",
           {{"Connection", "close"},
            {"Accept", accept},
            {"Range", "bytes=0-4,-3"}});
    const std::string bytes = c.read_to_end();
    ASSERT_NE(bytes.find("multipart/byteranges; boundary="), std::string::npos)
        << bytes;
    const httpstatus::lint::parse_result parsed =
        httpstatus::lint::parse_responses(bytes);
    ASSERT_EQ(parsed.ec, std::errc{}) << parsed.error << "\n" << bytes;
    ASSERT_EQ(parsed.responses.size(), 1U);
    for (const auto& f : httpstatus::lint::lint(
             parsed.responses.front(), {.method = "GET", .headers = {}}))
      EXPECT_TRUE(f.strength != httpstatus::requirement::must &&
                  f.strength != httpstatus::requirement::should)
          << f.rule << ": " << f.message;
  }
}

}  // namespace
