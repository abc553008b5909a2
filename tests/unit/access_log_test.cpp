// SPDX-License-Identifier: MIT
// The access-log line: its exact format, escaping of what a client sent,
// the bound on its length, and the client's address.
#include "access_log.hpp"

#include <gtest/gtest.h>

#include <array>
#include <chrono>
#include <string>
#include <string_view>

#include <boost/asio/ip/address.hpp>

namespace {

using namespace httpstatus::server;
using namespace std::chrono;

static_assert(max_access_line == 4096);

// 2026-11-25T08:00:00.123Z
system_clock::time_point example_time() {
  return sys_days{year{2026} / November / 25} + hours{8} + milliseconds{123};
}

access_entry example() {
  access_entry e;
  e.time = example_time();
  e.client = "127.0.0.1:53122";
  e.method = "GET";
  e.target = "/codes/404";
  e.version = 11;
  e.status = 200;
  e.bytes = 3627;
  e.duration = microseconds{81};
  return e;
}

std::string format(const access_entry& e) {
  std::array<char, max_access_line> buffer{};
  return std::string(format_access_line(e, buffer));
}

TEST(accesslog, formats_the_documented_line) {
  EXPECT_EQ(format(example()),
            "2026-11-25T08:00:00.123Z 127.0.0.1:53122 "
            "\"GET /codes/404 HTTP/1.1\" 200 3627 0.081ms\n");
}

TEST(accesslog, formats_each_field) {
  struct row {
    const char* what;
    void (*change)(access_entry&);
    const char* expected;
  };
  const row rows[] = {
      {"HTTP/1.0", [](access_entry& e) { e.version = 10; },
       "2026-11-25T08:00:00.123Z 127.0.0.1:53122 "
       "\"GET /codes/404 HTTP/1.0\" 200 3627 0.081ms\n"},
      {"no response body, a 444",
       [](access_entry& e) {
         e.status = 444;
         e.bytes = 0;
       },
       "2026-11-25T08:00:00.123Z 127.0.0.1:53122 "
       "\"GET /codes/404 HTTP/1.1\" 444 0 0.081ms\n"},
      {"seconds-long duration",
       [](access_entry& e) { e.duration = nanoseconds{1'234'567'891}; },
       "2026-11-25T08:00:00.123Z 127.0.0.1:53122 "
       "\"GET /codes/404 HTTP/1.1\" 200 3627 1234.567ms\n"},
      {"zero duration", [](access_entry& e) { e.duration = {}; },
       "2026-11-25T08:00:00.123Z 127.0.0.1:53122 "
       "\"GET /codes/404 HTTP/1.1\" 200 3627 0.000ms\n"},
      {"no request line",
       [](access_entry& e) {
         e.method = "";
         e.target = "";
         e.status = 400;
       },
       "2026-11-25T08:00:00.123Z 127.0.0.1:53122 \"-\" 400 3627 0.081ms\n"},
      {"no client", [](access_entry& e) { e.client = ""; },
       "2026-11-25T08:00:00.123Z - "
       "\"GET /codes/404 HTTP/1.1\" 200 3627 0.081ms\n"},
      {"IPv6 client, another second",
       [](access_entry& e) {
         e.client = "[::1]:8080";
         e.time = sys_days{year{1999} / December / 31} + hours{23} +
                  minutes{59} + seconds{59} + milliseconds{7};
       },
       "1999-12-31T23:59:59.007Z [::1]:8080 "
       "\"GET /codes/404 HTTP/1.1\" 200 3627 0.081ms\n"},
      {"target cut by the session", [](access_entry& e) { e.is_cut = true; },
       "2026-11-25T08:00:00.123Z 127.0.0.1:53122 "
       "\"GET /codes/404\\... HTTP/1.1\" 200 3627 0.081ms\n"},
  };
  for (const row& r : rows) {
    access_entry e = example();
    r.change(e);
    EXPECT_EQ(format(e), r.expected) << r.what;
  }
}

// What a client sends must never end a line or a field early, nor reach a
// terminal as a control sequence.
TEST(accesslog, escapes_what_the_client_sent) {
  struct row {
    std::string_view target;
    const char* expected;
  };
  const row rows[] = {
      {"/a\nb", "/a\\x0Ab"},
      {"/a\r\nGET /forged HTTP/1.1", "/a\\x0D\\x0AGET /forged HTTP/1.1"},
      {"/\"quoted\"", "/\\x22quoted\\x22"},
      {"/back\\slash", "/back\\x5Cslash"},
      {"/\x1b[31mred", "/\\x1B[31mred"},
      {"/del\x7f", "/del\\x7F"},
      {"/caf\xc3\xa9", "/caf\\xC3\\xA9"},
      {std::string_view("/nul\0x", 6), "/nul\\x00x"},
      {"/tab\there", "/tab\\x09here"},
      {"/ok?a=1&b=%0A~", "/ok?a=1&b=%0A~"},
  };
  for (const row& r : rows) {
    access_entry e = example();
    e.target = r.target;
    EXPECT_EQ(format(e), std::string("2026-11-25T08:00:00.123Z "
                                     "127.0.0.1:53122 \"GET ") +
                             r.expected + " HTTP/1.1\" 200 3627 0.081ms\n")
        << r.expected;
  }
  access_entry e = example();
  e.method = "GE\"T";
  EXPECT_NE(format(e).find("\"GE\\x22T /codes/404 HTTP/1.1\""),
            std::string::npos);
}

TEST(accesslog, no_byte_breaks_a_line) {
  for (int byte = 0; byte < 256; ++byte) {
    const char c = static_cast<char>(byte);
    const std::string target = std::string("/x") + c + "y";
    access_entry e = example();
    e.target = target;
    const std::string line = format(e);
    ASSERT_EQ(line.back(), '\n') << byte;
    for (std::size_t i = 0; i + 1 < line.size(); ++i) {
      const auto u = static_cast<unsigned char>(line[i]);
      ASSERT_TRUE(u >= 0x20 && u < 0x7F) << "byte " << byte << " at " << i;
    }
    // Exactly the two quotes that delimit the request.
    std::size_t quotes = 0;
    for (const char x : line) quotes += x == '"' ? 1 : 0;
    EXPECT_EQ(quotes, 2U) << byte;
  }
}

// A line is at most one atomic pipe write; a request too long for it is
// cut, and says so with a mark that escaped text never contains.
TEST(accesslog, cuts_a_request_too_long_for_one_line) {
  for (const char fill : {'a', '\n'}) {
    const std::string target = "/" + std::string(10'000, fill);
    access_entry e = example();
    e.target = target;
    const std::string line = format(e);
    EXPECT_LE(line.size(), max_access_line);
    EXPECT_NE(line.find("\\... HTTP/1.1\" 200 3627 0.081ms\n"),
              std::string::npos)
        << line.substr(line.size() - 60);
    EXPECT_GT(line.size(), 3000U);
  }
}

TEST(accesslog, writes_the_client_address) {
  namespace ip = boost::asio::ip;
  struct row {
    const char* address;
    unsigned short port;
    const char* expected;
  };
  const row rows[] = {
      {"127.0.0.1", 53122, "127.0.0.1:53122"},
      {"255.255.255.255", 65535, "255.255.255.255:65535"},
      {"::1", 8080, "[::1]:8080"},
      {"2001:db8::42", 1, "[2001:db8::42]:1"},
      {"ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", 65535,
       "[ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff]:65535"},
  };
  for (const row& r : rows) {
    std::array<char, max_client_text> buffer{};
    const ip::tcp::endpoint endpoint(ip::make_address(r.address), r.port);
    EXPECT_EQ(format_client(endpoint, buffer), r.expected);
  }
}

}  // namespace
