// SPDX-License-Identifier: MIT
// One connection: read -> dispatch -> write, with timeouts, limits,
// keep-alive and a bounded pipelining queue.
#include "session.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <boost/asio/bind_allocator.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/error.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/recycling_allocator.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/bind_handler.hpp>
#include <boost/beast/core/buffers_suffix.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/field.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/rfc7230.hpp>
#include <boost/beast/http/write.hpp>

#include "json.hpp"
#include "response.hpp"
#include "syntax.hpp"
#include "url.hpp"
#include "websocket_session.hpp"

namespace httpstatus::server {
namespace beast = boost::beast;
namespace http = boost::beast::http;
namespace net = boost::asio;
using tcp = boost::asio::ip::tcp;

namespace {

// How long a closing connection reads on, discarding, for the client to
// close its end (see `do_close`): nginx's lingering_timeout, here a bound
// on the whole wait. A client that read our `Connection: close` closes at
// once; this bounds the one that does not.
constexpr std::chrono::seconds linger_time{5};

// RFC 9112 Section 3.2: a server MUST answer 400 to an HTTP/1.1 request
// without Host, and to any request with more than one Host or an invalid
// one. Returns why `req` is such a request. It runs on every request:
// one pass over the fields, comparing their known names as numbers, costs
// about 70 instructions, where two lookups by name in Beast's index cost
// 350 (callgrind).
std::optional<std::string> host_problem(const request& req) {
  std::size_t hosts = 0;
  std::string_view host;
  for (const auto& f : req) {
    if (f.name() != http::field::host) continue;
    ++hosts;
    host = f.value();
  }
  if (hosts == 0) {
    if (req.version() < 11) return std::nullopt;
    return "An HTTP/1.1 request needs a Host header field (RFC 9112, "
           "Section 3.2).";
  }
  if (hosts > 1)
    return "A request may carry one Host header field, not " +
           std::to_string(hosts) + " (RFC 9112, Section 3.2).";
  if (!lint::is_host_and_port(host))
    return "The Host header field is not a host and port (RFC 9112, "
           "Section 3.2).";
  return std::nullopt;
}

// RFC 9112 Section 6: a request's Transfer-Encoding must end in chunked,
// or its length cannot be known (Section 6.3: 400, then close); the codings
// before chunked must be ones the server implements, and this one
// implements none (Section 6.1: 501); and HTTP/1.0 has no transfer codings
// (Section 6.1: the framing is faulty). Beast reads a request whose codings
// do not end in chunked as one without a body, so its body would be read
// as the next request. Returns the status and why, or nothing when the
// framing is sound.
std::optional<std::pair<int, std::string>> framing_problem(
    const request& req) {
  bool has_codings = false;
  std::string_view final_coding;  // empty for an empty field value
  std::string_view unknown;       // the first coding before it, not chunked
  for (const auto& f : req) {
    if (f.name() != http::field::transfer_encoding) continue;
    has_codings = true;
    for (const auto& coding : http::token_list{f.value()}) {
      if (unknown.empty() && !final_coding.empty() &&
          !beast::iequals(final_coding, "chunked"))
        unknown = final_coding;
      final_coding = coding;
    }
  }
  if (!has_codings) return std::nullopt;
  if (req.version() < 11)
    return std::pair{400, std::string("An HTTP/1.0 request cannot use "
                                      "Transfer-Encoding (RFC 9112, Section "
                                      "6.1).")};
  if (!beast::iequals(final_coding, "chunked"))
    return std::pair{400, std::string("The request's Transfer-Encoding does "
                                      "not end in chunked, so its length "
                                      "cannot be known (RFC 9112, Section "
                                      "6.3).")};
  if (!unknown.empty())
    return std::pair{501, fmt::format("The transfer coding '{}' is not "
                                      "implemented here: only chunked is "
                                      "(RFC 9112, Section 6.1).",
                                      unknown)};
  return std::nullopt;
}

// The bytes the parser was given and has not consumed: the start of the
// request it refused.
std::string_view request_head(const beast::flat_buffer& buffer) {
  const auto data = buffer.data();
  return {static_cast<const char*>(data.data()), data.size()};
}

// The version a request line names, when it has the form HTTP/DIGIT.DIGIT
// (RFC 9112 Section 2.3); the head is the buffer the parser refused.
std::optional<std::string_view> request_line_version(std::string_view head) {
  const std::string_view line = head.substr(0, head.find("\r\n"));
  const std::size_t space = line.rfind(' ');
  if (space == std::string_view::npos) return std::nullopt;
  const std::string_view version = line.substr(space + 1);
  if (!lint::is_http_version(version)) return std::nullopt;
  return version;
}

// The version a request line names when it is well formed but of another
// major version ("HTTP/2.0" sent as text, by mistake or as a probe). Beast
// refuses every version but 1.0 and 1.1 alike, as malformed; RFC 9110
// Section 15.6.6 has a status for a major version the server does not
// speak.
std::optional<std::string_view> unsupported_major_version(
    std::string_view head) {
  const std::optional<std::string_view> version = request_line_version(head);
  if (!version || (*version)[5] == '1') return std::nullopt;
  return version;
}

// Beast reads a request line that ends in a bare LF as a bad version (it
// expects CR after the version), which misleads whoever reads the 400.
bool ends_in_bare_lf(std::string_view head) {
  const std::size_t lf = head.find('\n');
  return lf != std::string_view::npos && (lf == 0 || head[lf - 1] != '\r');
}

}  // namespace

// ---- session_set -------------------------------------------------------

void session_set::insert(const std::shared_ptr<session>& s) {
  bool stop_now = false;
  {
    const std::lock_guard lock(mutex_);
    sessions_.emplace(s.get(), s);
    stop_now = stopping_;
  }
  // A connection accepted just as the server began to stop is still
  // served its first response, then closed, like every other.
  if (stop_now) s->shutdown();
}

void session_set::erase(const session* s) {
  std::function<void()> on_empty;
  {
    const std::lock_guard lock(mutex_);
    sessions_.erase(s);
    if (stopping_ && sessions_.empty()) on_empty = std::exchange(on_empty_, {});
  }
  if (on_empty) on_empty();
}

void session_set::shutdown(std::function<void()> on_empty) {
  std::vector<std::weak_ptr<session>> live;
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
    if (sessions_.empty()) {
      on_empty();
      return;
    }
    on_empty_ = std::move(on_empty);
    live.reserve(sessions_.size());
    for (const auto& [key, weak] : sessions_) live.push_back(weak);
  }
  // Outside the lock: a session that dies meanwhile erases itself, which
  // takes the lock.
  for (const std::weak_ptr<session>& weak : live)
    if (const std::shared_ptr<session> s = weak.lock()) s->shutdown();
}

void session_set::cancel_on_empty() {
  const std::lock_guard lock(mutex_);
  on_empty_ = {};
}

std::size_t session_set::size() const {
  const std::lock_guard lock(mutex_);
  return sessions_.size();
}

// ---- session -----------------------------------------------------------

// The peer's address is read once, for the access log only: it is a
// system call, and the connection's other requests reuse the text.
session::session(tcp::socket&& socket, const router& routes,
                 const session_limits& limits, session_set& sessions,
                 const logger& log, const session_observers& observers)
    : stream_(std::move(socket)),
      timer_(stream_.get_executor()),
      idle_timer_(stream_.get_executor()),
      routes_(routes),
      limits_(limits),
      sessions_(sessions),
      log_(log),
      observers_(observers) {
  // libstdc++'s deque nodes are 512 bytes while an element is smaller:
  // then the pool recycles them.
  static_assert(sizeof(pending) < 512);
  // Writes are tried at once and must never block (see `do_write`). And
  // no Nagle: a message written in two parts (an interim response and the
  // final one, or what the socket did not take at once) must not wait for
  // the peer's delayed ACK, which held each such answer on a kept-alive
  // connection for 40 ms.
  beast::error_code ec;
  stream_.socket().non_blocking(true, ec);
  stream_.socket().set_option(tcp::no_delay(true), ec);
  if (observers_.stats) observers_.stats->connection_opened();
  if (observers_.access_log) {
    const tcp::endpoint peer = stream_.socket().remote_endpoint(ec);
    if (!ec) client_size_ = format_client(peer, client_).size();
  }
}

session::~session() {
  if (observers_.stats) observers_.stats->connection_closed();
  sessions_.erase(this);
}

void session::run() {
  // Run on the socket's executor from the start, so no member is ever
  // touched by two threads at once.
  net::dispatch(
      stream_.get_executor(),
      beast::bind_front_handler(&session::do_read, shared_from_this()));
}

void session::shutdown() {
  net::post(
      stream_.get_executor(),
      beast::bind_front_handler(&session::on_shutdown, shared_from_this()));
}

// A fresh parser per message: Beast parsers are single-use, and a new one
// carries fresh limits, so one large request cannot raise them for the
// next.
//
// Three deadlines guard a read, so that a slow client holds a connection
// only briefly. A kept-alive connection waits `idle_timeout` for the first
// byte of its next request. From that byte (from the accept, for the first
// request) the request line and the whole header section must arrive
// within `header_timeout`; then the body gets `timeout`. A tcp_stream
// deadline covers a whole operation, not each read, which is what makes
// the header bound total: trickling a byte a second does not extend it.
//
// The idle wait comes once per request, so it is the cheap kind: a read
// on the socket itself, and a deadline that is only a time kept in the
// session, which the idle timer, armed at most once per `idle_timeout`,
// holds the wait to (`on_idle_check`). A tcp_stream read would arm and
// cancel a timer for every request (issue #5).
void session::do_read() {
  if (reading_ || closing_) return;
  new_parser();
  skipped_empty_lines_ = false;
  reading_ = true;
  if (served_one_ && buffer_.size() == 0) {
    idle_since_ = std::chrono::steady_clock::now();
    is_idle_ = true;
    if (!is_idle_check_armed_) arm_idle_check(idle_since_);
    stream_.socket().async_read_some(
        buffer_.prepare(4096),
        beast::bind_front_handler(&session::on_first_bytes,
                                  shared_from_this()));
    return;
  }
  do_read_header();
}

void session::new_parser() {
  parser_.emplace();
  parser_->header_limit(static_cast<std::uint32_t>(limits_.header_limit));
  parser_->body_limit(limits_.body_limit);
}

// RFC 9112 Section 2.2: a server SHOULD ignore at least one empty line
// before a request line (a client's stray CRLF after a POST body, say);
// Beast's parser calls it a bad method. The line ends in the buffer then
// are dropped and the request read again, once per request, so that a
// client cannot hold the connection with line ends alone (each retry
// would restart the header deadline).
bool session::skip_empty_lines() {
  if (skipped_empty_lines_) return false;
  const std::string_view head = request_head(buffer_);
  const std::size_t blank = head.find_first_not_of("\r\n");
  if (blank == 0 || head.empty()) return false;
  skipped_empty_lines_ = true;
  buffer_.consume(blank == std::string_view::npos ? head.size() : blank);
  new_parser();
  return true;
}

// RFC 9110 Section 2.5: a request of HTTP/1.x with x above 1 SHOULD be
// processed as HTTP/1.1, the highest minor version this server speaks.
// Beast refuses any version but 1.0 and 1.1, so the minor digit is
// rewritten to 1 in the buffer (the whole header is there: Beast parses
// the start line only once the header's end is in) and the request read
// again. The rewritten line is HTTP/1.1, so this happens once a request.
bool session::read_higher_minor_version_as_1_1() {
  const std::optional<std::string_view> version =
      request_line_version(request_head(buffer_));
  if (!version || (*version)[5] != '1' || (*version)[7] <= '1') return false;
  const auto head = buffer_.data();
  const std::size_t minor = static_cast<std::size_t>(
      version->data() + 7 - static_cast<const char*>(head.data()));
  static_cast<char*>(head.data())[minor] = '1';
  new_parser();
  return true;
}

// The timer holds the session only weakly, so that a connection that ends
// is never kept open by its idle timer.
void session::arm_idle_check(std::chrono::steady_clock::time_point since) {
  is_idle_check_armed_ = true;
  idle_timer_.expires_at(since + limits_.idle_timeout);
  idle_timer_.async_wait(
      [weak = weak_from_this()](beast::error_code ec) {
        if (const std::shared_ptr<session> self = weak.lock())
          self->on_idle_check(ec);
      });
}

// An idle wait that outlived its deadline is ended as a tcp_stream timeout
// ends one, by closing the socket: the read then completes with
// `operation_aborted`, and the session ends quietly.
void session::on_idle_check(beast::error_code ec) {
  is_idle_check_armed_ = false;
  if (ec || !is_idle_) return;
  const auto now = std::chrono::steady_clock::now();
  // A connection that owes a response (one that sleeps, or a slow
  // client's) is not idle: its wait starts once the last is written.
  if (!queue_.empty()) return arm_idle_check(now);
  if (now - idle_since_ < limits_.idle_timeout)
    return arm_idle_check(idle_since_);
  beast::error_code ignored;
  stream_.socket().close(ignored);
}

void session::on_first_bytes(beast::error_code ec, std::size_t bytes) {
  is_idle_ = false;
  if (ec == net::error::eof) ec = http::error::end_of_stream;
  if (ec) return on_read(ec, 0);
  buffer_.commit(bytes);
  do_read_header();
}

// A request usually arrives whole, in the bytes already read (the first
// bytes of a kept-alive connection's next request, or a pipelined one):
// then it is parsed here, at once, since an asynchronous read would only
// complete at once too, after a composed operation and a trip through the
// scheduler (issue #5). The parser takes nothing of a header that is not
// all there (`need_more`), so the read below starts where it stood.
void session::do_read_header() {
  if (observers_.any()) request_start_ = std::chrono::steady_clock::now();
  if (buffer_.size() > 0 && nested_parses_ < limits_.pipeline_limit) {
    beast::error_code ec;
    const std::size_t used = parser_->put(buffer_.data(), ec);
    buffer_.consume(used);
    if (ec != http::error::need_more && (ec || parser_->is_header_done())) {
      // Answering may write at once and come back here for the next
      // pipelined request: the nesting is bounded, and beyond the bound the
      // asynchronous read gives the stack back.
      ++nested_parses_;
      on_header(ec, used);
      --nested_parses_;
      return;
    }
  }
  stream_.expires_after(limits_.header_timeout);
  http::async_read_header(
      stream_, buffer_, *parser_,
      beast::bind_front_handler(&session::on_header, shared_from_this()));
}

void session::on_header(beast::error_code ec, std::size_t bytes) {
  if (ec) return on_read(ec, bytes);
  const request& req = parser_->get();
  if (std::optional<std::string> why = host_problem(req)) {
    reading_ = false;
    return refuse(400, *why);
  }
  if (std::optional<std::pair<int, std::string>> why = framing_problem(req)) {
    reading_ = false;
    return refuse(why->first, why->second);
  }
  // Routes, handlers and the access log read the origin form; the
  // absolute form is what a proxy-minded client sends (RFC 9112 Section
  // 3.2.2), and its host is not ours to check.
  if (!req.target().starts_with('/'))
    if (std::optional<std::string> origin = origin_form_of(req.target()))
      parser_->get().target(*origin);
  if (parser_->is_done()) return on_read(ec, bytes);
  // RFC 9110 Section 10.1.1: a client that expects 100-continue waits
  // before it sends the content, and the server MUST answer at once,
  // either a 100 or the final status when the header decides it. Expect
  // is a list: "100-continue, x-foo" expects it too (compared whole, the
  // client waited for a 100 that only its body would bring).
  if (req.version() >= 11 &&
      http::token_list(req[http::field::expect]).exists("100-continue"))
    return routes_.reads_content(req) ? continue_then_answer()
                                      : answer_on_header();
  stream_.expires_after(limits_.timeout);
  http::async_read(
      stream_, buffer_, *parser_,
      beast::bind_front_handler(&session::on_read, shared_from_this()));
}

// Errors while reading split three ways. A clean end between messages, a
// timeout, a close mid-message and our own cancellation end the session
// quietly. A request Beast refuses to parse gets the status that names the
// problem, then the connection closes (the stream can no longer be
// trusted to be in sync). Anything else is an I/O failure worth a line.
void session::on_read(beast::error_code ec, std::size_t) {
  reading_ = false;
  // A client that leaves while its answer sleeps (as one does when it
  // times out, which is what `sleep=` is for) takes nothing: the answer
  // is dropped and logged as 499, as any response the client did not take,
  // and its `--max-sleeping` slot is freed now, not when the sleep ends.
  // Like nginx, a half-close counts as leaving.
  if (is_sleeping_ && (ec == http::error::end_of_stream ||
                       ec == http::error::partial_message ||
                       ec == net::error::connection_reset)) {
    report(499, 0);
    queue_.clear();
    peer_closed_ = true;
    return do_close();
  }
  if (ec == http::error::end_of_stream) {
    peer_closed_ = true;
    closing_ = true;
    if (queue_.empty()) do_close();
    return;
  }
  if (ec == beast::error::timeout || ec == net::error::operation_aborted ||
      ec == http::error::partial_message)
    return;
  if (ec == http::error::bad_method && skip_empty_lines()) {
    reading_ = true;
    return do_read_header();
  }
  if (ec == http::error::bad_version && read_higher_minor_version_as_1_1()) {
    reading_ = true;
    return do_read_header();
  }
  if (ec &&
      ec.category() == make_error_code(http::error::header_limit).category()) {
    int code = 400;
    std::string detail =
        fmt::format("The request is malformed: {}.", ec.message());
    if (ec == http::error::header_limit) {
      code = 431;
      detail = fmt::format("The request header is larger than {} bytes.",
                           limits_.header_limit);
      // Beast does not say which part overflowed. It parses the request
      // line as soon as the line is in one read; one that was not stays in
      // the buffer, unparsed, until the header's end, which never came.
      // Then the larger part of what was buffered is blamed: a request line
      // that did not end, or that is longer than the field lines after it,
      // has a target too long (414, as the router says of a shorter one);
      // otherwise the fields are too large (431). An unparsed line alone
      // was taken for a long target: 500 bytes of target with 9000 bytes of
      // fields, read in pieces, were a 414.
      // The limit named is the one that was hit: `--header-limit` when it
      // is the smaller (the request line did not fit in it).
      const std::string_view head = request_head(buffer_);
      const std::size_t line_end = head.find('\n');
      if (parser_->get().target().empty() &&
          (line_end == std::string_view::npos ||
           line_end + 1 > head.size() - (line_end + 1))) {
        code = 414;
        detail = fmt::format("The request target is longer than {} bytes.",
                             std::min(max_target_bytes, limits_.header_limit));
      }
    } else if (ec == http::error::bad_version) {
      if (const std::optional<std::string_view> version =
              unsupported_major_version(request_head(buffer_))) {
        code = 505;
        detail = fmt::format(
            "This server speaks HTTP/1.1 and HTTP/1.0, not {}.", *version);
      } else if (ends_in_bare_lf(request_head(buffer_))) {
        detail =
            "The request line ends in a bare LF: HTTP/1.1 lines end in CRLF "
            "(RFC 9112, Section 2.2).";
      }
    } else if (ec == http::error::body_limit) {
      code = 413;
      detail = fmt::format("The request body is larger than {} bytes.",
                           limits_.body_limit);
    }
    closing_ = true;
    // A body over the limit comes with a whole header (Beast judges the
    // Content-Length once every field is read, before `is_header_done`),
    // so the router's error builder answers as the path's own errors are:
    // problem+json under /api/ and /status/. Otherwise the request is too
    // broken to say whose it is, and it gets the problem document any bad
    // input gets, readable from any origin (a browser test of a client
    // sees why its request was refused).
    if (ec != http::error::body_limit) return refuse(code, detail);
    const std::string_view target = parser_->get().target();
    response res = routes_.error(
        parser_->get(), target.substr(0, target.find('?')), code, detail);
    res.keep_alive(false);
    res.set(http::field::cache_control, "no-store");
    enqueue({std::move(res)});
    return;
  }
  if (ec) return fail(ec, "read");

  served_one_ = true;
  routed_reply routed = routes_.answer_routed(parser_->get());
  reply& r = routed.r;
  // Keep-alive is the response's decision (it follows the request's
  // version and Connection header); stopping overrides it, and so does a
  // `close` on any Connection line (`must_close`). After an upgrade the
  // bytes that follow are WebSocket frames, not requests.
  if (must_close()) r.res.keep_alive(false);
  if (!r.res.keep_alive()) closing_ = true;
  if (r.extras && r.extras->action == reply_action::websocket_echo)
    closing_ = true;  // the parser keeps the request for do_upgrade
  enqueue(std::move(r), routed.route);
  if (queue_.size() < limits_.pipeline_limit) do_read();
}

// Whether the connection ends after the request being answered: the
// server is stopping, or the request asked to close. Handlers read the
// request's keep-alive from its first Connection line (Beast's message
// looks no further); the parser has read every line, and `Connection:
// keep-alive` then `Connection: close` is one list that holds `close`
// (RFC 9110 Section 5.3), after which RFC 9112 Section 9.6 says MUST
// close.
bool session::must_close() const {
  return stopping_ || !parser_->keep_alive();
}

// Answers a request that cannot be served as sent with `code` and a
// problem document, then closes: what follows it on the connection can no
// longer be trusted to be in step.
void session::refuse(int code, const std::string& detail) {
  closing_ = true;
  enqueue({problem_refusal(code, detail)});
}

// A client that sent `Expect: 100-continue` waits for a 100 before it
// sends the body, so a route whose answer does not depend on the content
// (a page, an error, the mock) is asked now. An answer that starts with a
// 100 (the mock's) gets it written (after the responses owed before it),
// then the body read, then the rest. Any other answer goes out at once and
// the body is never read, so the connection closes after it (lingering on
// what the client sends meanwhile): RFC 9110 Section 10.1.1 allows either.
void session::answer_on_header() {
  served_one_ = true;
  routed_reply routed = routes_.answer_routed(parser_->get());
  reply& r = routed.r;
  const bool continues = r.extras &&
                         r.extras->action == reply_action::respond &&
                         !r.extras->interim.empty() &&
                         r.extras->interim.front().result_int() == 100;
  if (!continues) {
    reading_ = false;
    closing_ = true;
    r.res.keep_alive(false);
    enqueue(std::move(r), routed.route);
    return;
  }
  awaiting_continue_ = true;  // `reading_` stays set: the body is to come
  if (must_close()) r.res.keep_alive(false);
  if (!r.res.keep_alive()) closing_ = true;
  enqueue(std::move(r), routed.route);
}

// A route whose answer depends on the content (the lint's POST) gets a
// 100, in its turn after the responses owed before it, and the answer once
// the content is read (`on_continued_body`): until then the queue holds a
// placeholder whose only part that is written is the 100.
void session::continue_then_answer() {
  served_one_ = true;
  reply placeholder;
  placeholder.extras = std::make_unique<reply_extras>();
  placeholder.extras->interim.emplace_back(http::status::continue_, 11);
  answer_after_content_ = true;
  awaiting_continue_ = true;  // `reading_` stays set: the body is to come
  enqueue(std::move(placeholder));
}

// After the 100, a body that fails to arrive whole voids the answer made
// from the header: the error's own response (413, 400) replaces it, as any
// final status may follow a 100.
void session::on_continued_body(beast::error_code ec, std::size_t bytes) {
  awaiting_continue_ = false;
  const bool answer_now = std::exchange(answer_after_content_, false);
  if (ec) {
    queue_.pop_front();
    interim_sent_ = 0;
    return on_read(ec, bytes);
  }
  reading_ = false;
  if (answer_now) {
    routed_reply routed = routes_.answer_routed(parser_->get());
    pending& p = queue_.front();
    p.r = std::move(routed.r);
    p.route = routed.route;
    p.r.res.set(http::field::date, http_date());
  }
  // As in on_read: the response decides, unless the connection must end.
  response& res = queue_.front().r.res;
  if (must_close()) res.keep_alive(false);
  if (!res.keep_alive()) closing_ = true;
  do_write();
  if (queue_.size() < limits_.pipeline_limit) do_read();
}

// The request's method and target are copied for the access log now,
// since the parser is about to be replaced by the next request's; a
// target longer than a log line can hold is cut, and the line says so.
void session::enqueue(reply r, route_id route) {
  r.res.set(http::field::date, http_date());
  // The status line says HTTP/1.1 to every client (wire_buffers), and a
  // 1.1 response without `close` promises to keep the connection (RFC 9112
  // Section 9.3), which an HTTP/1.0 exchange without keep-alive does not.
  // The options already there stay: `upgrade` goes with every `Upgrade`
  // field (RFC 9110 Section 7.8; the mock's 426).
  if (r.res.version() == 10 && !r.res.keep_alive()) {
    const std::string_view options = r.res[http::field::connection];
    if (options.empty())
      r.res.set(http::field::connection, "close");
    else
      r.res.set(http::field::connection, std::string(options) + ", close");
  }
  pending& p = queue_.emplace_back();
  p.r = std::move(r);
  p.start = request_start_;
  p.route = route;
  if (observers_.access_log && parser_) {
    const request& req = parser_->get();
    const std::string_view method = req.method_string().substr(0, 64);
    const std::string_view target = req.target();
    const std::size_t kept = std::min(target.size(), max_access_line);
    p.text.reserve(method.size() + kept);
    p.text.append(method).append(target.substr(0, kept));
    p.method_size = static_cast<std::uint16_t>(method.size());
    p.version = static_cast<std::uint8_t>(req.version());
    p.is_cut = kept < target.size();
  }
  if (queue_.size() == 1) do_write();
}

// std::deque keeps references to its elements valid across push_back, so
// the front message stays put while Beast serializes it.
//
// Beast allocates the write operation (it holds the serializer) with the
// handler's allocator; Asio's recycling allocator reuses that block per
// thread, where the default would call operator new for every response.
//
// A reply with extras goes in steps, each one resuming here: its interim
// responses, at once (a 102 or a 103 says the final answer is coming, so
// it must not wait for the final answer's `sleep=`); the delay on the
// timer; then the close, the handover or the final response. A graceful
// stop lets the delay run out, since the response is owed and the client
// asked for the wait (`--max-sleep` should not exceed `--shutdown-grace`);
// the grace's deadline, or the connection closing, ends the wait for good.
void session::do_write() {
  reply& front = queue_.front().r;
  if (front.extras) {
    reply_extras& x = *front.extras;
    if (interim_sent_ < x.interim.size()) {
      stream_.expires_after(limits_.timeout);
      http::async_write(stream_, x.interim[interim_sent_],
                        beast::bind_front_handler(&session::on_interim,
                                                  shared_from_this()));
      return;
    }
    if (x.delay.count() > 0) {
      is_sleeping_ = true;
      timer_.expires_after(std::exchange(x.delay, {}));
      timer_.async_wait(
          beast::bind_front_handler(&session::on_delay, shared_from_this()));
      if (closing_ && !reading_) watch_while_sleeping();
      return;
    }
    x.hold.reset();
    if (x.action == reply_action::close_without_response) return do_abort();
    if (x.action == reply_action::websocket_echo) return do_upgrade();
  }
  // One gathered write of the header, as one or two buffers (a stored
  // page's fields are serialized once, at start-up), and the body. Most
  // responses fit in the socket's send buffer, so the write is tried at
  // once, without blocking (the socket is non-blocking): then it takes no
  // asynchronous operation, no timer and no trip through the scheduler
  // (issue #5). What the socket does not take goes out asynchronously,
  // under the write timeout.
  const wire_buffer_sequence wire = wire_buffers(front.res, head_scratch_);
  beast::error_code ec;
  const std::size_t sent = stream_.socket().write_some(wire, ec);
  if (!ec && sent == net::buffer_size(wire)) return on_write(ec, sent);
  if (ec && ec != net::error::would_block && ec != net::error::try_again)
    return on_write(ec, 0);
  beast::buffers_suffix<wire_buffer_sequence> rest(wire);
  rest.consume(sent);
  stream_.expires_after(limits_.timeout);
  net::async_write(
      stream_, rest,
      net::bind_allocator(
          net::recycling_allocator<void>(),
          beast::bind_front_handler(&session::on_write, shared_from_this())));
}

void session::on_delay(beast::error_code ec) {
  is_sleeping_ = false;
  if (is_watching_) {
    beast::error_code ignored;
    stream_.socket().cancel(ignored);  // the watch ends with the sleep
  }
  if (ec) return fail(ec, "sleep");
  if (stopping_) queue_.front().r.res.keep_alive(false);
  queue_.front().r.res.set(http::field::date, http_date());
  do_write();
}

// A client that leaves during a sleep is seen by the read that waits for
// its next request (`on_read`). A connection that ends with this answer
// (`Connection: close`, HTTP/1.0 without keep-alive, an `Expect` answered
// without a 100) reads no next request, so its client's leaving went
// unseen: the slot stayed taken for the whole sleep and the log said 200.
// This read watches for the end instead; the bytes it gets are dropped, as
// `do_close` would drop them, since no request after this one is read.
void session::watch_while_sleeping() {
  is_watching_ = true;
  stream_.socket().async_read_some(
      buffer_.prepare(4096),
      beast::bind_front_handler(&session::on_watched, shared_from_this()));
}

void session::on_watched(beast::error_code ec, std::size_t) {
  is_watching_ = false;
  if (!is_sleeping_ || ec == net::error::operation_aborted) return;
  if (!ec) return watch_while_sleeping();
  if (ec == net::error::eof || ec == net::error::connection_reset) {
    report(499, 0);
    queue_.clear();
    peer_closed_ = true;
    do_close();
  }
}

// A 100 that answers `Expect: 100-continue` invites the body, which is
// read before anything more is written.
void session::on_interim(beast::error_code ec, std::size_t) {
  if (ec) {
    report(499, 0);
    return fail(ec, "write");
  }
  ++interim_sent_;
  if (awaiting_continue_ && queue_.size() == 1 && interim_sent_ == 1) {
    stream_.expires_after(limits_.timeout);
    http::async_read(stream_, buffer_, *parser_,
                     beast::bind_front_handler(&session::on_continued_body,
                                               shared_from_this()));
    return;
  }
  do_write();
}

// A response the client did not take (it went away, or stopped reading
// until the write timed out) is logged as nginx's 499, "client closed
// request", with no bytes: what reached the client is unknown.
void session::on_write(beast::error_code ec, std::size_t) {
  if (ec) {
    report(499, 0);
    return fail(ec, "write");
  }
  const response& res = queue_.front().r.res;
  report(static_cast<int>(res.result_int()), payload_body::size(res.body()));
  const bool keep_alive = res.keep_alive();
  queue_.pop_front();
  interim_sent_ = 0;
  if (is_idle_ && queue_.empty())
    idle_since_ = std::chrono::steady_clock::now();
  if (!keep_alive) return do_close();
  if (!queue_.empty()) {
    do_write();
  } else if (closing_) {
    return do_close();
  }
  // Reads paused at the pipelining limit resume once there is room.
  if (queue_.size() < limits_.pipeline_limit) do_read();
}

// Graceful stop: a request already arriving is read and answered (with
// `Connection: close`); responses owed are written; an idle connection is
// closed at once, which cancels its pending read.
void session::on_shutdown() {
  if (const std::shared_ptr<websocket_session> ws = websocket_.lock())
    return ws->shutdown();
  stopping_ = true;
  if (reading_ && parser_ && parser_->got_some()) return;
  closing_ = true;
  if (queue_.empty()) do_close();
}

// Half-close first, so the peer reads every byte we sent before it sees
// the end. A read still waiting (an idle connection, closed by a graceful
// stop) is cancelled, which drops the last reference to the session and
// closes the socket.
//
// Otherwise the client may still be sending: the requests it pipelined
// after a `Connection: close`, or after one we refused. Closing a socket
// with bytes unread makes the kernel send a reset, which throws away what
// we sent and the client has not read yet (responses cut mid-body). So,
// as RFC 9112 Section 9.6 asks, the session reads on and discards until
// the client closes too, for at most `linger_time`.
void session::do_close() {
  if (is_lingering_) return;
  closing_ = true;
  timer_.cancel();
  idle_timer_.cancel();
  beast::error_code ec;
  stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
  if (reading_) return stream_.cancel();
  if (peer_closed_ || ec) return;
  is_lingering_ = true;
  buffer_.clear();
  stream_.expires_after(linger_time);  // one deadline for all the reads
  read_and_discard();
}

void session::read_and_discard() {
  stream_.async_read_some(
      buffer_.prepare(4096),
      beast::bind_front_handler(&session::on_discarded, shared_from_this()));
}

// The client's close, a reset or the deadline ends the session; bytes are
// dropped uncommitted.
void session::on_discarded(beast::error_code ec, std::size_t) {
  if (!ec) read_and_discard();
}

// nginx's 444: no response at all, and the connection closed at once. The
// responses written before it stand; nothing after it is read or sent.
void session::do_abort() {
  report(444, 0);
  closing_ = true;
  queue_.clear();
  interim_sent_ = 0;
  beast::error_code ec;
  stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
  stream_.close();
}

// The WebSocket takes the connection and keeps this session alive until
// it ends, so that a graceful stop still reaches it through the session
// set. The handshake's own fields are Beast's to write; the mock's others
// (Date, CORS, nosniff) join the 101.
void session::do_upgrade() {
  // The request's metrics and access-log line wait for the handshake's
  // answer: Beast may refuse the upgrade with 400 or 426 instead of the 101.
  auto handed = std::make_shared<pending>(std::move(queue_.front()));
  queue_.clear();
  interim_sent_ = 0;
  // The request waited in its parser until now (no other is read after
  // it: `closing_` is set), so that enqueue could copy its method and
  // target for the access log.
  if (!parser_) return;
  request upgrade = parser_->release();
  // Beast's handshake reads `Connection` and `Upgrade` from their first
  // line only; the mock judged every line (RFC 9110 Section 5.3), so each
  // list goes on as one line, or Beast would refuse what the mock granted.
  for (const http::field name : {http::field::connection, http::field::upgrade}) {
    std::string joined(list_field(upgrade, name).value());
    if (!joined.empty()) upgrade.set(name, std::move(joined));
  }
  websocket_session::field_list extra;
  for (const auto& f : handed->r.res) {
    const std::string_view name = f.name_string();
    if (f.name() == http::field::upgrade ||
        f.name() == http::field::connection ||
        f.name() == http::field::content_length ||
        f.name() == http::field::server ||
        (name.size() >= 14 &&
         beast::iequals(name.substr(0, 14), "Sec-WebSocket-")))
      continue;
    extra.emplace_back(std::string(name), std::string(f.value()));
  }
  auto ws = std::make_shared<websocket_session>(std::move(stream_),
                                                shared_from_this(), log_);
  websocket_ = ws;
  handed->r = {};  // only what the report reads is kept
  ws->run(std::move(upgrade), std::move(extra), limits_.body_limit,
          [self = shared_from_this(), handed](int status) {
            self->report(*handed, status, 0);
          });
}

// The duration runs from the request's start to now, when its response is
// written: it includes a mock's `sleep=` and the wait behind pipelined
// responses, like nginx's $request_time.
void session::report(int status, std::uint64_t bytes) noexcept {
  if (!queue_.empty()) report(queue_.front(), status, bytes);
}

void session::report(const pending& p, int status,
                     std::uint64_t bytes) noexcept {
  if (!observers_.any()) return;
  const std::chrono::nanoseconds elapsed =
      std::chrono::steady_clock::now() - p.start;
  if (observers_.stats) observers_.stats->record(p.route, status, elapsed);
  if (!observers_.access_log) return;
  const std::string_view text = p.text;
  access_entry e;
  e.time = std::chrono::system_clock::now();
  e.client = std::string_view(client_.data(), client_size_);
  e.method = text.substr(0, p.method_size);
  e.target = text.substr(p.method_size);
  e.is_cut = p.is_cut;
  e.version = p.version;
  e.status = status;
  e.bytes = bytes;
  e.duration = elapsed;
  std::array<char, max_access_line> line;
  observers_.access_log(format_access_line(e, line));
}

void session::fail(beast::error_code ec, std::string_view what) {
  if (ec == beast::error::timeout || ec == net::error::operation_aborted)
    return;
  log_(fmt::format("{}: {}", what, ec.message()));
}

}  // namespace httpstatus::server
