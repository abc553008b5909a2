// SPDX-License-Identifier: MIT
// Tests of `httpstatus check` against a tiny Beast server on 127.0.0.1.
#include "check.hpp"

#include <gtest/gtest.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
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
// server would; "{pause}" sends what comes before it and waits 50 ms, so
// that the client reads the two parts apart; "{hold}" at the end keeps the
// connection open after the bytes, until the client closes it, as a
// keep-alive server does; "{reset}" at the end resets the connection
// after the bytes (an RST: SO_LINGER with a zero timeout). The acceptor
// listens before the thread starts, so there is nothing to wait for; the
// destructor stops and joins. Each request's header is kept, for the tests
// of what the client sends.
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

  /// The header sections received so far, as Beast writes them out.
  [[nodiscard]] std::vector<std::string> requests() const {
    const std::lock_guard lock(mutex_);
    return requests_;
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
    {
      std::string header = std::string(req.method_string()) + " " +
                           std::string(req.target()) + " HTTP/1.1\r\n";
      for (const auto& f : req)
        header += std::string(f.name_string()) + ": " +
                  std::string(f.value()) + "\r\n";
      const std::lock_guard lock(mutex_);
      requests_.push_back(std::move(header));
    }
    const auto it = routes_.find(std::string(req.target()));
    std::string raw = it == routes_.end()
                          ? "HTTP/1.1 404 Not Found\r\n" + std::string(date) +
                                "Content-Length: 0\r\n\r\n"
                          : it->second;
    for (std::size_t at = raw.find("{port}"); at != std::string::npos;
         at = raw.find("{port}"))
      raw.replace(at, 6, std::to_string(port_));
    for (std::size_t at = raw.find("{pause}"); at != std::string::npos;
         at = raw.find("{pause}")) {
      net::write(socket, net::buffer(raw.data(), at), ec);
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      raw.erase(0, at + 7);
    }
    constexpr std::string_view hold = "{hold}";
    const bool held = raw.ends_with(hold);
    if (held) raw.resize(raw.size() - hold.size());
    constexpr std::string_view reset = "{reset}";
    const bool resets = raw.ends_with(reset);
    if (resets) raw.resize(raw.size() - reset.size());
    if (!raw.empty()) net::write(socket, net::buffer(raw), ec);
    if (resets) {
      socket.set_option(net::socket_base::linger(true, 0), ec);
      socket.close(ec);
      return;
    }
    if (held) {
      char sink[512];
      while (!ec) socket.read_some(net::buffer(sink), ec);
    }
    socket.shutdown(tcp::socket::shutdown_both, ec);
  }

  std::map<std::string, std::string> routes_;
  mutable std::mutex mutex_;
  std::vector<std::string> requests_;
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
      {"/dir/climb", "HTTP/1.1 302 Found\r\n" + std::string(date) +
                         "Location: ../../../r2?x=1#top\r\nContent-Length: "
                         "0\r\n\r\n"},
      {"/r1", "HTTP/1.1 302 Found\r\n" + std::string(date) +
                  "Location: r2\r\nContent-Length: 0\r\n\r\n"},
      {"/r2",
       "HTTP/1.1 301 Moved Permanently\r\n" + std::string(date) +
           "Location: http://127.0.0.1:{port}/ok\r\nContent-Length: 0\r\n\r\n"},
      {"/loop", "HTTP/1.1 307 Temporary Redirect\r\n" + std::string(date) +
                    "Location: /loop\r\nContent-Length: 0\r\n\r\n"},
      {"/empty-location", "HTTP/1.1 302 Found\r\n" + std::string(date) +
                              "Location: \r\nContent-Length: 0\r\n\r\n"},
      {"/continue", "HTTP/1.1 100 Continue\r\n\r\n" + ok_response()},
      {"/hints-apart",
       "HTTP/1.1 103 Early Hints\r\nLink: </a.css>; rel=preload\r\n\r\n"
       "{pause}" +
           ok_response()},
      {"/header-apart",
       "HTTP/1.1 200 OK\r\nContent-Ty{pause}pe: text/plain"
       "\r\n" +
           std::string(date) + "Content-Length: 2\r\n\r\nok"},
      {"/conflict",
       "HTTP/1.1 200 OK\r\n" + std::string(date) +
           "Content-Type: text/plain\r\nContent-Length: 2\r\n"
           "Transfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n"},
      {"/no-reason", "HTTP/1.1 404 \r\n" + std::string(date) +
                         "Content-Type: text/plain\r\nContent-Length: 0"
                         "\r\n\r\n"},
      {"/unassigned", "HTTP/1.1 299 \r\n" + std::string(date) +
                          "Content-Type: text/plain\r\nContent-Length: 0"
                          "\r\n\r\n"},
      {"/conflict-held",
       "HTTP/1.1 200 OK\r\n" + std::string(date) +
           "Content-Type: text/plain\r\nContent-Length: 2\r\n"
           "Transfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n{hold}"},
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

// The reason phrase is reported as sent: Beast fills in one of its own
// when the server sent none, so an empty phrase read as "Not Found" or
// "<unknown-status>", and the reason-phrase rule never saw it.
TEST(check, reports_the_reason_phrase_as_sent) {
  const test_server server(routes());
  for (const auto& [path, line] :
       {std::pair{"/no-reason", "HTTP/1.1 404\n"},
        std::pair{"/unassigned", "HTTP/1.1 299\n"}}) {
    SCOPED_TRACE(path);
    const run_result r = run_check_args({server.url(path)});
    EXPECT_NE(r.out.find(line), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("unknown-status"), std::string::npos) << r.out;
    const run_result json = run_check_args({"--json", server.url(path)});
    EXPECT_NE(json.out.find("\"reason\": \"\""), std::string::npos) << json.out;
  }
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

// Beast joins a folded field value (obs-fold) without a word, so `check`
// said "no findings" where `lint` reports the fold on the same bytes.
TEST(check, folded_header_line_is_a_finding_as_in_lint) {
  const std::string folded = "HTTP/1.1 200 OK\r\n" + std::string(date) +
                             "Content-Type: text/plain\r\nX-Fold: a\r\n"
                             "  b\r\nContent-Length: 2\r\n\r\nok";
  const std::string in_interim =
      "HTTP/1.1 103 Early Hints\r\nLink: </a.css>;\r\n\trel=preload\r\n"
      "\r\n" +
      ok_response();
  const test_server server(
      {{"/folded", folded}, {"/folded-interim", in_interim}});
  const std::string finding =
      "MUST   obsolete-line-folding (RFC 9112 \u00a75.2)";
  for (const std::string path : {"/folded", "/folded-interim"}) {
    const run_result r = run_check_args({server.url(path)});
    EXPECT_EQ(r.code, 1) << path << "\n" << r.out << r.err;
    EXPECT_NE(r.out.find(finding), std::string::npos) << path << "\n" << r.out;
  }
  // lint says the same of the same bytes.
  const lint::parse_result parsed = lint::parse_responses(folded);
  ASSERT_EQ(parsed.responses.size(), 1u);
  EXPECT_TRUE(parsed.responses[0].obs_fold);
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

// Dot segments that climb above the root are removed (RFC 3986 Section
// 5.2.4; "../../../g" from "http://a/b/c/d;p?q" is "http://a/g", Section
// 5.4.2): Boost.URL 1.81 kept them and check sent "GET /../../r2".
TEST(check, a_relative_location_never_climbs_above_the_root) {
  const test_server server(routes());
  const run_result r = run_check_args({"-L", server.url("/dir/climb")});
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("  redirect   " + server.url("/r2?x=1") + "\n"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("GET " + server.url("/r2?x=1") + "\n"),
            std::string::npos)
      << r.out;
}

// A token given with -H is for the origin the user named: a 302 to another
// origin (here another port) must not collect it, nor a Cookie, nor the
// Host the user set for the first server. A redirect within the origin
// keeps them.
TEST(check, credentials_stay_with_their_origin) {
  const test_server other(routes());
  const test_server first(
      {{"/away", "HTTP/1.1 302 Found\r\n" + std::string(date) +
                     "Location: " + other.url("/ok") +
                     "\r\nContent-Length: 0\r\n\r\n"},
       {"/near", "HTTP/1.1 302 Found\r\n" + std::string(date) +
                     "Location: /ok\r\nContent-Length: 0\r\n\r\n"},
       {"/ok", ok_response()}});
  const std::vector<std::string> credentials = {
      "-H", "Authorization: Bearer secret", "-H", "Cookie: sid=1",
      "-H", "Host: name.example"};
  std::vector<std::string> args = credentials;
  args.insert(args.end(), {"-L", first.url("/away")});
  const run_result away = run_check_args(args);
  EXPECT_EQ(away.code, 0) << away.out << away.err;
  ASSERT_EQ(first.requests().size(), 1u);
  EXPECT_NE(first.requests()[0].find("Authorization: Bearer secret\r\n"),
            std::string::npos);
  ASSERT_EQ(other.requests().size(), 1u);
  const std::string sent = other.requests()[0];
  EXPECT_EQ(sent.find("Authorization"), std::string::npos) << sent;
  EXPECT_EQ(sent.find("Cookie"), std::string::npos) << sent;
  EXPECT_EQ(sent.find("name.example"), std::string::npos) << sent;
  EXPECT_NE(sent.find("Host: 127.0.0.1:"), std::string::npos) << sent;
  EXPECT_NE(away.err.find("not sending Authorization, Cookie, Host to "
                          "http://127.0.0.1:"),
            std::string::npos)
      << away.err;

  args = credentials;
  args.insert(args.end(), {"-L", first.url("/near")});
  const run_result near = run_check_args(args);
  EXPECT_EQ(near.code, 0) << near.out << near.err;
  const std::vector<std::string> seen = first.requests();
  ASSERT_EQ(seen.size(), 3u);
  EXPECT_NE(seen[2].find("Authorization: Bearer secret\r\n"),
            std::string::npos)
      << seen[2];
  EXPECT_NE(seen[2].find("Cookie: sid=1\r\n"), std::string::npos) << seen[2];
  EXPECT_EQ(near.err, "");
}

// -d '' is a POST with empty content: framed with Content-Length: 0, as
// curl sends it (RFC 9110 Section 8.6), so that a server need not answer
// 411. A GET without -d carries no framing at all.
TEST(check, empty_data_is_framed) {
  const test_server server(routes());
  EXPECT_EQ(run_check_args({"-d", "", server.url("/ok")}).code, 0);
  EXPECT_EQ(run_check_args({server.url("/ok")}).code, 0);
  const std::vector<std::string> seen = server.requests();
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[0].rfind("POST /ok HTTP/1.1\r\n", 0), 0u) << seen[0];
  EXPECT_NE(seen[0].find("Content-Length: 0\r\n"), std::string::npos)
      << seen[0];
  EXPECT_EQ(seen[1].find("Content-Length"), std::string::npos) << seen[1];
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
  // One redirect is one: it read "stopped after 1 redirects".
  const run_result one =
      run_check_args({"-L", "--max-redirs", "1", server.url("/loop")});
  EXPECT_EQ(one.err,
            "httpstatus: error: stopped after 1 redirect (--max-redirs 1)\n");
}

// An empty Location is a valid URI-reference (RFC 3986 Section 4.1), so
// it is no MUST location-syntax; it points back at the same URL, so -L
// does not follow it round until --max-redirs (exit 3) but stops, says
// why, and reports it as info.
TEST(check, empty_location_is_not_followed) {
  const test_server server(routes());
  const run_result r = run_check_args({"-L", server.url("/empty-location")});
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_EQ(r.err,
            "httpstatus: not following: the Location is empty, which "
            "points back at " +
                server.url("/empty-location") + "\n");
  EXPECT_NE(r.out.find("info   location-empty (RFC 9110 \u00a710.2.2)"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(r.out.find("location-syntax"), std::string::npos) << r.out;
  EXPECT_EQ(server.requests().size(), 1u);
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

// The final response read apart from the 1xx before it, as a server that
// sends Early Hints while it works sends it: the client once read the rest
// into a copy of its buffer, lost it, and said the server closed the
// connection without a final response (exit 3), depending on timing.
TEST(check, final_response_read_apart_from_the_interim_one) {
  const test_server server(routes());
  const run_result r = run_check_args({server.url("/hints-apart")});
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("HTTP/1.1 103 Early Hints\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("HTTP/1.1 200 OK\n"), std::string::npos) << r.out;
}

TEST(check, header_read_in_two_parts) {
  const test_server server(routes());
  const run_result r = run_check_args({server.url("/header-apart")});
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("HTTP/1.1 200 OK\n"), std::string::npos) << r.out;
}

// Beast refuses Content-Length with Transfer-Encoding; the raw bytes are
// linted instead, so the conflict is a finding, not a failed request. The
// raw read stops where the chunked framing ends: a server that keeps the
// connection open used to make it a timeout.
TEST(check, framing_conflict_is_a_finding) {
  const test_server server(routes());
  for (const std::string path : {"/conflict", "/conflict-held"}) {
    const run_result r = run_check_args({"--timeout", "3", server.url(path)});
    EXPECT_EQ(r.code, 1) << path << "\n" << r.out << r.err;
    EXPECT_NE(r.out.find("framing-conflict"), std::string::npos) << path << "\n"
                                                                 << r.out;
    EXPECT_NE(r.out.find("  note       Beast's parser refused the header"),
              std::string::npos)
        << path << "\n"
        << r.out;
  }
}

TEST(check, unreachable_port_exits_3) {
  const std::string port = std::to_string(closed_port());
  const run_result r = run_check_args({"http://127.0.0.1:" + port + "/"});
  EXPECT_EQ(r.code, 3);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "httpstatus: error: cannot connect to 127.0.0.1:" + port +
                       ": Connection refused\n");
}

// With --json a failed first request still prints the object, its
// "error" the line stderr gets, so that a script parsing stdout learns why;
// it used to print nothing. Exit 3 as without --json.
TEST(check, json_reports_a_failed_first_request) {
  const std::string port = std::to_string(closed_port());
  const std::string url = "http://127.0.0.1:" + port + "/";
  const run_result r = run_check_args({"--json", url});
  EXPECT_EQ(r.code, 3);
  const std::string error =
      "cannot connect to 127.0.0.1:" + port + ": Connection refused";
  EXPECT_EQ(r.err, "httpstatus: error: " + error + "\n");
  boost::json::error_code ec;
  const boost::json::value v = boost::json::parse(r.out, ec);
  ASSERT_FALSE(ec) << "stdout is no JSON: '" << r.out << "'";
  const boost::json::object& o = v.as_object();
  EXPECT_EQ(o.at("url"), boost::json::value(url)) << r.out;
  EXPECT_TRUE(o.at("hops").as_array().empty()) << r.out;
  EXPECT_EQ(o.at("must_broken"), boost::json::value(false)) << r.out;
  EXPECT_EQ(o.at("error"), boost::json::value(error)) << r.out;
}

// A --cacert that cannot be loaded is a usage error found before any
// request, over http:// too (a redirect may go to https://).
TEST(check, unloadable_cacert_is_a_usage_error) {
  const std::string port = std::to_string(closed_port());
  const std::string dir = ::testing::TempDir();
  const std::string bogus =
      (std::filesystem::path(dir) / "check-test-bogus.pem").string();
  std::ofstream(bogus) << "not a certificate\n";
  struct row {
    std::string cacert;
    std::string scheme;
    std::string why;
  };
  const row rows[] = {
      {"/nonexistent/ca.pem", "https", "No such file or directory"},
      {"/nonexistent/ca.pem", "http", "No such file or directory"},
      {dir, "https", "Is a directory"},
      {bogus, "https", "no certificate or crl found"},
  };
  for (const row& r : rows) {
    const run_result res = run_check_args(
        {"--cacert", r.cacert, r.scheme + "://127.0.0.1:" + port + "/"});
    EXPECT_EQ(res.code, 2) << r.cacert << ' ' << r.scheme << '\n' << res.err;
    EXPECT_EQ(res.out, "");
    EXPECT_TRUE(
        res.err.starts_with("httpstatus: error: cannot load CA "
                            "certificates from " +
                            r.cacert + ": " + r.why))
        << res.err;
    EXPECT_EQ(res.err.find('\n'), res.err.size() - 1) << res.err;
  }
  std::filesystem::remove(bogus);
}

// --- what a server sends that it should not, or too much of (#8) -------

// Routes whose bytes a checker must not take at face value. An empty
// string is a server that closes without answering.
std::map<std::string, std::string> odd_routes() {
  const std::string d(date);
  return {
      {"/204", "HTTP/1.1 204 No Content\r\n" + d + "\r\n"},
      {"/204-content", "HTTP/1.1 204 No Content\r\n" + d + "\r\nhello"},
      {"/304-content", "HTTP/1.1 304 Not Modified\r\n" + d +
                           "ETag: \"x\"\r\nContent-Length: 5\r\n\r\nhello"},
      {"/head-content", "HTTP/1.1 200 OK\r\n" + d +
                            "Content-Type: text/plain\r\nContent-Length: "
                            "5\r\n\r\nhello"},
      {"/silent-close", ""},
      {"/ssh", "SSH-2.0-OpenSSH_9.2\r\n"},
      {"/ssh-held", "SSH-2.0-OpenSSH_9.2\r\n{hold}"},
      {"/tls-alert-held",
       std::string("\x15\x03\x01\x00\x02\x02\x46", 7) + "{hold}"},
      {"/h-then-ssh-held", "H{pause}SSH-2.0{hold}"},
      {"/continue-then-ssh-held",
       "HTTP/1.1 100 Continue\r\n\r\n{pause}SSH-2.0-OpenSSH_9.2\r\n{hold}"},
      {"/reset-before-answer", "{reset}"},
      {"/reset-in-header",
       "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n{pause}{reset}"},
      {"/close-in-header", "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"},
      {"/endless-interim",
       [] {
         std::string interims;
         for (int i = 0; i <= 4096; ++i)
           interims += "HTTP/1.1 102 Processing\r\n\r\n";
         return interims + "{hold}";
       }()},
      {"/reset-in-content", "HTTP/1.1 200 OK\r\n" + d +
                                "Content-Type: text/plain\r\nContent-Length:"
                                " 5\r\n\r\nab{pause}{reset}"},
      {"/bare-lf",
       "HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\n"
       "Content-Type: text/plain\n\nok"},
      {"/bare-lf-held",
       "HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\n"
       "Content-Type: text/plain\nContent-Length: 2\n\nhi{hold}"},
      {"/bare-lf-chunked-held",
       "HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\n"
       "Content-Type: text/plain\nTransfer-Encoding: chunked\n\n"
       "2\r\nhi\r\n0\r\n\r\n{hold}"},
      {"/bare-lf-chunks-held",
       "HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\n"
       "Content-Type: text/plain\nTransfer-Encoding: chunked\n\n"
       "2\nhi\n0\n\n{hold}"},
      {"/bare-lf-chunks",
       "HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\n"
       "Content-Type: text/plain\nTransfer-Encoding: chunked\n\n"
       "2\nhi\n0\n\n"},
      {"/bare-lf-chunks-cut",
       "HTTP/1.1 200 OK\r\n" + d +
           "Content-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"
           "5\nhello\n5\nworld\n"},
      {"/crlf-header-lf-chunks-held",
       "HTTP/1.1 200 OK\r\n" + d +
           "Content-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"
           "2\nhi\n0\n\n{hold}"},
      {"/crlf-header-pause-lf-chunks",
       "HTTP/1.1 200 OK\r\n" + d +
           "Content-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"
           "{pause}2\nhi\n0\n\n"},
      {"/crlf-then-lf-chunks-held",
       "HTTP/1.1 200 OK\r\n" + d +
           "Content-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"
           "1\r\nh\r\n{pause}1\ni\n0\n\n{hold}"},
      {"/lf-after-chunk-data-held",
       "HTTP/1.1 200 OK\r\n" + d +
           "Content-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"
           "2\r\nhi\n0\r\n\r\n{hold}"},
      {"/lf-trailer-held",
       "HTTP/1.1 200 OK\r\n" + d +
           "Content-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"
           "2\r\nhi\r\n0\r\nServer-Timing: db;dur=53\n\n{hold}"},
      {"/lf-crlf-held",
       "HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\n"
       "Content-Type: text/plain\nContent-Length: 2\n\r\nhi{hold}"},
      {"/leading-blank-lines", "\r\n\r\nHTTP/1.1 200 OK\r\n" + d +
                                   "Content-Type: text/plain\r\nContent-"
                                   "Length: 2\r\n\r\nhi"},
      {"/crlf-held", "HTTP/1.1 200 OK\r\n" + d +
                         "Content-Type: text/plain\r\nContent-Length: "
                         "2\r\n\r\nhi{hold}"},
      {"/short", "HTTP/1.1 200 OK\r\n" + d +
                     "Content-Type: text/plain\r\nContent-Length: "
                     "5\r\n\r\nab"},
      {"/short-chunked", "HTTP/1.1 200 OK\r\n" + d +
                             "Content-Type: text/plain\r\nTransfer-Encoding:"
                             " chunked\r\n\r\n5\r\nab"},
      {"/continue-only", "HTTP/1.1 100 Continue\r\n\r\n"},
      {"/bad-trailer", "HTTP/1.1 200 OK\r\n" + d +
                           "Content-Type: text/plain\r\nTransfer-Encoding:"
                           " chunked\r\n\r\n2\r\nhi\r\n0\r\nX-T: a\x01"
                           "b"
                           "\r\n\r\n"},
      {"/bad-length-held", "HTTP/1.1 200 OK\r\n" + d +
                               "Content-Type: text/plain\r\nContent-Length: "
                               "-1\r\n\r\nab{hold}"},
      {"/two-spaces-held",
       "HTTP/1.1  200 OK\r\n" + d + "Content-Length: 0\r\n\r\n{hold}"},
      {"/trailer-length",
       "HTTP/1.1 200 OK\r\n" + d +
           "Content-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"
           "2\r\nhi\r\n0\r\nContent-Length: 5\r\n\r\n"},
      {"/trailer-type",
       "HTTP/1.1 200 OK\r\n" + d +
           "Content-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"
           "2\r\nhi\r\n0\r\nServer-Timing: db;dur=53\r\nContent-Type: "
           "text/html\r\n\r\n"},
      {"/huge-length", "HTTP/1.1 200 OK\r\n" + d +
                           "Content-Type: text/plain\r\nContent-Length: "
                           "10737418240\r\n\r\nabc"},
  };
}

// Beast ends 204, 304 and responses to HEAD at their header; content the
// server sends anyway was dropped unseen, so these MUSTs never fired.
TEST(check, content_where_none_is_allowed_is_a_finding) {
  const test_server server(odd_routes());
  struct row {
    std::vector<std::string> args;
    std::string finding;
  };
  const row rows[] = {
      {{server.url("/204-content")},
       "204 with 5 bytes of content: violates RFC 9110 \u00a715.3.5 (MUST "
       "NOT)"},
      {{server.url("/304-content")},
       "304 with 5 bytes of content: violates RFC 9110 \u00a715.4.5 (MUST "
       "NOT)"},
      {{"-X", "HEAD", server.url("/head-content")},
       "Response to HEAD with 5 bytes of content: violates RFC 9110 "
       "\u00a79.3.2 (MUST NOT)"},
  };
  for (const row& r : rows) {
    const run_result res = run_check_args(r.args);
    EXPECT_EQ(res.code, 1) << r.args.back() << "\n" << res.out << res.err;
    EXPECT_NE(res.out.find(r.finding), std::string::npos) << r.finding << "\n"
                                                          << res.out;
  }
  // Without stray bytes a 204 stays clean.
  const run_result clean = run_check_args({server.url("/204")});
  EXPECT_EQ(clean.code, 0) << clean.out << clean.err;
  EXPECT_NE(clean.out.find("  no findings\n"), std::string::npos) << clean.out;
}

// Methods are case-sensitive (RFC 9110 Section 9.1): the client reads the
// content of an answer to `-X head` as for a GET, and the lint compared
// "head" with HEAD case-insensitively: a false MUST head-body.
TEST(check, lowercase_head_is_not_head) {
  const test_server server(odd_routes());
  const run_result r =
      run_check_args({"-X", "head", server.url("/head-content")});
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_EQ(r.out.find("head-body"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  no findings\n"), std::string::npos) << r.out;
}

// Each failed read says what the server did, not a bare "End of file".
// Chunks in bare LF cut by the close were "after 0 content bytes", though
// ten had come.
TEST(check, failed_reads_say_what_the_server_did) {
  const test_server server(odd_routes());
  const std::string where = server.url("").substr(7);  // 127.0.0.1:port
  struct row {
    std::string path;
    std::string error;
  };
  const row rows[] = {
      {"/silent-close", "no response from " + where +
                            ": the server closed the connection without "
                            "answering"},
      {"/ssh", "cannot read the response from " + where +
                   ": not an HTTP response; the 21 bytes received start "
                   "\"SSH-2.0-OpenSSH_9.2\\r\\n\""},
      {"/short", "cannot read the response from " + where +
                     ": the server closed the connection after 2 of the 5 "
                     "content bytes its Content-Length announced"},
      {"/short-chunked", "cannot read the response from " + where +
                             ": the server closed the connection after 2 "
                             "content bytes, before the last chunk"},
      {"/bare-lf-chunks-cut",
       "cannot read the response from " + where +
           ": the server closed the connection before the last chunk; its "
           "chunk lines end in bare LF, not CRLF (RFC 9112 \u00a77.1)"},
      {"/continue-only", "cannot read the response from " + where +
                             ": the server closed the connection after 100 "
                             "without a final response"},
  };
  for (const row& r : rows) {
    const run_result res = run_check_args({server.url(r.path)});
    EXPECT_EQ(res.code, 3) << r.path << "\n" << res.out;
    EXPECT_EQ(res.err, "httpstatus: error: " + r.error + "\n") << r.path;
  }
}

// A trailer section Beast refuses ended the check with exit 3 ("the
// trailer section after the last chunk is malformed (bad value)"), and one
// it took had its fields merged into the header's, where a trailer
// Content-Type was "Content-Type on two lines". The trailer is read
// leniently and its fields are judged as trailer fields.
TEST(check, trailer_fields_are_judged_as_trailer_fields) {
  const test_server server(odd_routes());
  struct row {
    std::string path;
    std::string finding;
    std::string note;
  };
  const row rows[] = {
      {"/bad-trailer",
       "The value of the trailer field X-T contains the control character "
       "0x01",
       "  note       Beast's parser refused the trailer section (bad value); "
       "it was read leniently\n"},
      {"/trailer-length",
       "Content-Length is sent in the trailer section: violates RFC 9110 "
       "\u00a76.5.1 (MUST NOT)",
       "  note       Beast's parser refused the trailer section (bad "
       "Content-Length); it was read leniently\n"},
      {"/trailer-type",
       "Content-Type is sent in the trailer section: violates RFC 9110 "
       "\u00a76.5.1 (MUST NOT)",
       ""},
  };
  for (const row& r : rows) {
    const run_result res = run_check_args({server.url(r.path)});
    EXPECT_EQ(res.code, 1) << r.path << "\n" << res.out << res.err;
    EXPECT_EQ(res.err, "") << r.path;
    EXPECT_NE(res.out.find(r.finding), std::string::npos) << r.path << "\n"
                                                          << res.out;
    std::string notes;
    std::istringstream lines(res.out);
    for (std::string line; std::getline(lines, line);)
      if (line.starts_with("  note ")) notes += line + "\n";
    EXPECT_EQ(notes, r.note) << r.path << "\n" << res.out;
    EXPECT_EQ(res.out.find("field-repeated"), std::string::npos) << res.out;
    EXPECT_NE(res.out.find("  findings   1 MUST\n"), std::string::npos)
        << r.path << "\n"
        << res.out;
  }
}

// Bytes that cannot begin "HTTP/" end the check as they arrive: a server
// that kept the connection open after its SSH banner was waited on until
// --timeout ("timed out"), and the promised "not an HTTP response" came
// only when the server closed; after an interim 100 it still was, until
// this was checked before every response. A reset says so, with the
// bytes seen.
TEST(check, not_http_and_resets_say_what_came_at_once) {
  const test_server server(odd_routes());
  const std::string where = server.url("").substr(7);  // 127.0.0.1:port
  struct row {
    std::string path;
    std::string error;
  };
  const row rows[] = {
      {"/ssh-held", "cannot read the response from " + where +
                        ": not an HTTP response; the 21 bytes received start "
                        "\"SSH-2.0-OpenSSH_9.2\\r\\n\""},
      {"/tls-alert-held", "cannot read the response from " + where +
                              ": not an HTTP response; the 7 bytes received "
                              "start \"\\x15\\x03\\x01\\x00\\x02\\x02F\""},
      {"/h-then-ssh-held", "cannot read the response from " + where +
                               ": not an HTTP response; the 8 bytes received "
                               "start \"HSSH-2.0\""},
      {"/continue-then-ssh-held",
       "cannot read the response from " + where +
           ": not an HTTP response after 100; the 21 bytes received start "
           "\"SSH-2.0-OpenSSH_9.2\\r\\n\""},
      {"/reset-before-answer",
       "no response from " + where +
           ": the server reset the connection without answering"},
      {"/reset-in-header",
       "cannot read the response from " + where +
           ": the server reset the connection before the header ended; the "
           "43 bytes received start \"HTTP/1.1 200 OK\\r\\nContent-Type: "
           "t\"..."},
      // A header cut short is incomplete, as when reset (RFC 9112 Section
      // 8); it was judged as if whole, and passed.
      {"/close-in-header",
       "cannot read the response from " + where +
           ": the server closed the connection before the header ended; the "
           "43 bytes received start \"HTTP/1.1 200 OK\\r\\nContent-Type: "
           "t\"..."},
      // Interim responses are kept, so their number is bounded: a server
      // streaming 102 took hundreds of MB. Reading stops at the bound, so
      // the message does not claim no final response was coming.
      {"/endless-interim",
       "cannot read the response from " + where +
           ": the server sent more than 4096 interim responses; reading "
           "stopped there, before any final one"},
      {"/reset-in-content", "cannot read the response from " + where +
                                ": the server reset the connection after 2 "
                                "content bytes"},
  };
  for (const row& r : rows) {
    const auto started = std::chrono::steady_clock::now();
    const run_result res =
        run_check_args({"--timeout", "5", server.url(r.path)});
    EXPECT_EQ(res.code, 3) << r.path << "\n" << res.out;
    EXPECT_EQ(res.err, "httpstatus: error: " + r.error + "\n") << r.path;
    EXPECT_LT(std::chrono::steady_clock::now() - started,
              std::chrono::seconds(4))
        << r.path;
  }
}

// A response whose framing cannot be read is over at its header: an
// invalid Content-Length is an unrecoverable error (RFC 9112 Section 6.3),
// and a first line that is no status line cannot become one. A server that
// kept the connection open was waited on until --timeout, and the report
// then said "timed out" instead of the finding or the bad line.
TEST(check, unreadable_framing_is_judged_at_once) {
  const test_server server(odd_routes());
  struct row {
    std::string path;
    int code;
    std::string says;
  };
  const row rows[] = {
      {"/bad-length-held", 1, "content-length-syntax"},
      {"/two-spaces-held", 3, "must start with a status line"},
  };
  for (const row& r : rows) {
    const auto started = std::chrono::steady_clock::now();
    const run_result res =
        run_check_args({"--timeout", "5", server.url(r.path)});
    EXPECT_EQ(res.code, r.code) << r.path << "\n" << res.out << res.err;
    EXPECT_NE((res.out + res.err).find(r.says), std::string::npos)
        << r.path << "\n"
        << res.out << res.err;
    EXPECT_LT(std::chrono::steady_clock::now() - started,
              std::chrono::seconds(4))
        << r.path;
  }
}

// A header whose lines end in bare LF is read leniently (RFC 9112 §2.2),
// as `httpstatus lint` reads it, and the report says so. Its end (LF LF,
// or LF CRLF) is recognised as it arrives: the client once waited for
// CRLF CRLF, so a server that kept the connection open after such a
// response timed the check out (exit 3), and one that closed got a note
// blaming the close. The content is framed as usual: Content-Length,
// chunked, or the close.
TEST(check, bare_lf_header_is_read_leniently) {
  const test_server server(odd_routes());
  const std::string note =
      "  note       the header's lines end in bare LF, not CRLF; they were "
      "read leniently (RFC 9112 \u00a72.2)\n";
  struct row {
    std::string path;
    std::string notes;  // every note line, in order
  };
  const row rows[] = {
      {"/bare-lf", note},
      {"/bare-lf-held", note},
      {"/bare-lf-chunked-held", note},
      {"/lf-crlf-held", note},
      {"/crlf-held", ""},
  };
  for (const row& r : rows) {
    const run_result res =
        run_check_args({"--timeout", "3", "--json", server.url(r.path)});
    EXPECT_EQ(res.code, 0) << r.path << "\n" << res.out << res.err;
    EXPECT_NE(res.out.find("\"status\": 200"), std::string::npos)
        << r.path << "\n"
        << res.out;
    EXPECT_NE(res.out.find("\"body_bytes\": 2,"), std::string::npos)
        << r.path << "\n"
        << res.out;
    const run_result text =
        run_check_args({"--timeout", "3", server.url(r.path)});
    EXPECT_EQ(text.code, 0) << r.path << "\n" << text.out << text.err;
    std::string notes;
    std::istringstream lines(text.out);
    for (std::string line; std::getline(lines, line);)
      if (line.starts_with("  note ")) notes += line + "\n";
    EXPECT_EQ(notes, r.notes) << r.path << "\n" << text.out;
  }
}

// A server that writes its header in bare LF writes its chunk lines so:
// Beast waited on them until --timeout (exit 3, "timed out"), or, after a
// close, said the last chunk never came. They are read leniently, and
// their line ends are the finding (RFC 9112 Section 7.1). So are bare-LF
// chunk lines behind a header in CRLF, which ended the check the same way,
// also when they came after the header in a later packet, and those that
// came after chunk lines in CRLF (Beast waited for a CR then too) or right
// after a chunk's data (which Beast called a bad chunk: exit 3).
TEST(check, bare_lf_chunk_lines_are_a_finding) {
  const test_server server(odd_routes());
  for (const std::string path :
       {"/bare-lf-chunks-held", "/bare-lf-chunks",
        "/crlf-header-lf-chunks-held", "/crlf-header-pause-lf-chunks",
        "/crlf-then-lf-chunks-held", "/lf-after-chunk-data-held"}) {
    const auto started = std::chrono::steady_clock::now();
    const run_result res =
        run_check_args({"--timeout", "5", "--json", server.url(path)});
    EXPECT_EQ(res.code, 1) << path << "\n" << res.out << res.err;
    EXPECT_NE(res.out.find("\"body_bytes\": 2,"), std::string::npos)
        << path << "\n"
        << res.out;
    EXPECT_NE(res.out.find("\"chunk-line-ending\""), std::string::npos)
        << path << "\n"
        << res.out;
    EXPECT_LT(std::chrono::steady_clock::now() - started,
              std::chrono::seconds(4))
        << path;
  }
}

// A trailer section in bare LF is read as RFC 9112 Section 2.2 lets a
// recipient read field lines, and noted; Beast waited on it for a CR.
TEST(check, bare_lf_trailer_is_read_leniently) {
  const test_server server(odd_routes());
  const auto started = std::chrono::steady_clock::now();
  const run_result res =
      run_check_args({"--timeout", "5", server.url("/lf-trailer-held")});
  EXPECT_EQ(res.code, 0) << res.out << res.err;
  EXPECT_NE(res.out.find("  note       the trailer section's lines end in "
                         "bare LF, not CRLF, which Beast's parser waits on; "
                         "it was read leniently (RFC 9112 \u00a72.2)\n"),
            std::string::npos)
      << res.out;
  EXPECT_EQ(res.out.find("chunk-line-ending"), std::string::npos) << res.out;
  EXPECT_LT(std::chrono::steady_clock::now() - started,
            std::chrono::seconds(4));
}

// Blank lines before the status line are skipped (RFC 9112 Section 2.2);
// they ended the header at once, and the report noted "Beast's parser
// refused the header (need more)" of a header it never saw.
TEST(check, blank_lines_before_the_status_line_are_skipped) {
  const test_server server(odd_routes());
  const run_result res = run_check_args({server.url("/leading-blank-lines")});
  EXPECT_EQ(res.code, 0) << res.out << res.err;
  EXPECT_NE(res.out.find("HTTP/1.1 200 OK\n"), std::string::npos) << res.out;
  EXPECT_EQ(res.out.find("note"), std::string::npos) << res.out;
}

// Reading stopped at the limit used to look like a complete response, and
// a Content-Length above it read as "Beast's parser refused the header".
TEST(check, content_over_the_limit_is_noted) {
  const std::string d(date);
  const std::string big(8 * 1024 * 1024 + 4096, 'x');
  std::map<std::string, std::string> big_routes = odd_routes();
  big_routes["/to-close"] =
      "HTTP/1.1 200 OK\r\n" + d + "Content-Type: text/plain\r\n\r\n" + big;
  big_routes["/conflict"] =
      "HTTP/1.1 200 OK\r\n" + d +
      "Content-Type: text/plain\r\nContent-Length: 2\r\nTransfer-Encoding: "
      "chunked\r\n\r\n" +
      big;
  const test_server server(std::move(big_routes));
  const std::string note =
      "  note       the content is larger than the 8 MiB (8388608 bytes) "
      "limit, so it was not read to its end";
  struct row {
    std::string path;
    int code;
    std::string notes;
  };
  const row rows[] = {
      {"/huge-length", 0, note + " (Content-Length: 10737418240)\n"},
      {"/to-close", 0, note + "\n"},
      {"/conflict", 1,
       "  note       Beast's parser refused the header (bad "
       "Transfer-Encoding); the raw bytes were read instead\n" +
           note + "\n"},
  };
  for (const row& r : rows) {
    const run_result res = run_check_args({server.url(r.path)});
    EXPECT_EQ(res.code, r.code) << r.path << "\n" << res.out << res.err;
    EXPECT_NE(res.out.find(r.notes), std::string::npos) << r.path << "\n"
                                                        << res.out;
    EXPECT_EQ(res.out.find("body limit exceeded"), std::string::npos)
        << r.path << "\n"
        << res.out;
  }
  const run_result json = run_check_args({"--json", server.url("/to-close")});
  for (const std::string_view key :
       {"\"body_bytes\": ", "\"body_truncated\": true",
        "\"notes\": [\n        \"the content is larger than"})
    EXPECT_NE(json.out.find(key), std::string::npos) << key << "\n" << json.out;
}

// The limit is the client's option: chunked content stops there too.
TEST(check, fetch_stops_at_the_body_limit) {
  const std::string d(date);
  std::string chunked;
  for (int i = 0; i < 64; ++i)
    chunked += "100\r\n" + std::string(256, 'y') + "\r\n";
  const test_server server(
      {{"/chunked", "HTTP/1.1 200 OK\r\n" + d +
                        "Content-Type: text/plain\r\nTransfer-Encoding: "
                        "chunked\r\n\r\n" +
                        chunked + "0\r\n\r\n"}});
  const cli::url_result url = cli::parse_url(server.url("/chunked"));
  ASSERT_EQ(url.error, "");
  cli::client_options opts;
  opts.body_limit = 1024;
  const cli::exchange ex = cli::fetch(url.url, {}, opts);
  ASSERT_EQ(ex.failed, cli::failure::none) << ex.error;
  EXPECT_TRUE(ex.final_response.body_truncated);
  EXPECT_LE(ex.final_response.body.size(), 1024u);
  ASSERT_EQ(ex.notes.size(), 1u);
  EXPECT_EQ(ex.notes[0],
            "the content is larger than the 1024 bytes limit, so it was not "
            "read to its end");
}

// Chunk lines in bare LF are read by the lenient reader, which read past
// the limit, and when they filled the read buffer (8 MiB of content, or
// less with long chunk extensions) ended with Beast's "buffer overflow"
// (exit 3) instead of a note and the finding.
TEST(check, bare_lf_chunks_stop_at_the_body_limit) {
  const std::string d(date);
  const std::string header = "HTTP/1.1 200 OK\r\n" + d +
                             "Content-Type: text/plain\r\nTransfer-Encoding: "
                             "chunked\r\n\r\n";
  std::string chunks;
  for (int i = 0; i < 64; ++i) chunks += "100\n" + std::string(256, 'y') + "\n";
  // 400 bytes of content in 84 KB of chunk lines; the whole chunks that
  // fit in the buffer (the limit and the header's 64 KiB) are read.
  const std::string padded_chunk = "1;pad=" + std::string(200, 'p') + "\ny\n";
  std::string padded;
  for (int i = 0; i < 400; ++i) padded += padded_chunk;
  const std::size_t buffer_size = 1024 + 64 * 1024;
  const test_server server({{"/chunks", header + chunks + "0\n\n"},
                            {"/padded", header + padded + "0\n\n"}});
  cli::client_options opts;
  opts.body_limit = 1024;
  const std::string limit_note =
      "the content is larger than the 1024 bytes limit, so it was not read "
      "to its end";
  const std::string buffer_note =
      "the chunk lines filled the 66560 bytes read buffer before the last "
      "chunk, so the content was not read to its end";
  struct row {
    std::string path;
    std::size_t body_bytes;
    std::string note;
  };
  for (const row& r :
       {row{"/chunks", 1024, limit_note},
        row{"/padded", buffer_size / padded_chunk.size(), buffer_note}}) {
    const cli::url_result url = cli::parse_url(server.url(r.path));
    ASSERT_EQ(url.error, "");
    const cli::exchange ex = cli::fetch(url.url, {}, opts);
    ASSERT_EQ(ex.failed, cli::failure::none) << r.path << ": " << ex.error;
    EXPECT_TRUE(ex.final_response.body_truncated) << r.path;
    EXPECT_TRUE(ex.final_response.chunk_lines_bare_lf) << r.path;
    EXPECT_EQ(ex.final_response.body.size(), r.body_bytes) << r.path;
    EXPECT_EQ(ex.final_response.body.find_first_not_of('y'), std::string::npos)
        << r.path;
    EXPECT_NE(std::find(ex.notes.begin(), ex.notes.end(), r.note),
              ex.notes.end())
        << r.path << ": " << ex.notes.size() << " notes";
  }
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
      {"-H", "X-A: a\r\nX-Injected: 1", "http://127.0.0.1/"},
      {"-H", "X-A: a\nb", "http://127.0.0.1/"},
      {"http://127.0.0.1:99999/"},
      {"http://127.0.0.1:65536/"},
      {"http://127.0.0.1:0/"},
      // Boost.URL reads these as another port and a path ("/-1/", "/x/");
      // each would have been a request to a port the user did not write.
      {"http://127.0.0.1:-1/"},
      {"http://127.0.0.1:1x/"},
      {"http://127.0.0.1.:18491/status/200"},
      {"http://127.0.0.1:18491:18491/"},
      {"http://[v1.x]:18491/"},
      {"-X", "GE T", "http://127.0.0.1/"},
      {"--timeout", "0", "http://127.0.0.1/"},
      {"--timeout", "nan", "http://127.0.0.1/"},
      {"--timeout", "-nan", "http://127.0.0.1/"},
      {"-X", "", "http://127.0.0.1/"},
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
      // An empty port is the default; leading zeros change nothing.
      {"http://127.0.0.1:/x", "127.0.0.1", "80", "127.0.0.1", "/x"},
      {"http://127.0.0.1:018150/", "127.0.0.1", "18150", "127.0.0.1:18150",
       "/"},
      {"https://h.example:00443/", "h.example", "443", "h.example", "/"},
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

TEST(url, refuses_a_location_whose_port_is_malformed) {
  const cli::url_result base = cli::parse_url("http://127.0.0.1:18491/a");
  ASSERT_EQ(base.error, "");
  for (const std::string_view location :
       {"http://127.0.0.1:-5/status/200", "//127.0.0.1:80x/", "http://[v1.x]/"}) {
    const cli::url_result u = cli::resolve_location(base.url, location);
    EXPECT_NE(u.error, "") << location << " resolved to " << u.url.text;
  }
}

}  // namespace
