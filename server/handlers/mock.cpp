// SPDX-License-Identifier: MIT
// The mock's handler: `ANY /status/{codes}` in, the mock core's answer out,
// as a reply the session knows how to send.
#include "handlers.hpp"

#include <array>
#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <boost/beast/http/field.hpp>

#include "httpstatus/parse.hpp"
#include "httpstatus/registry.hpp"
#include "json.hpp"
#include "mock/mock.hpp"
#include "response.hpp"

namespace httpstatus::server::handlers {
namespace http = boost::beast::http;

namespace {

// Beast replaces an empty reason with its own table's, which lacks 103,
// 418, 425 and every unofficial code; a lone space stands for the empty
// reason RFC 9112 allows, and `wire_buffers` writes it as none.
std::string_view shown(const std::string& reason) noexcept {
  return reason.empty() ? std::string_view(" ") : std::string_view(reason);
}

// The fields the mock reads as lists, each from all its lines (RFC 9110
// Section 5.3): a second `If-None-Match` line is as much the field as the
// first. `Range` and `If-Range` take one value; two lines of either
// combine into a value that does not parse, and the mock then ignores the
// field, as RFC 9110 Sections 13.1.5 and 14.2 let it.
struct request_lists {
  explicit request_lists(const request& req)
      : accept(req, http::field::accept),
        range(req, http::field::range),
        if_range(req, http::field::if_range),
        if_match(req, http::field::if_match),
        if_none_match(req, http::field::if_none_match),
        access_control_request_headers(
            req, http::field::access_control_request_headers),
        expect(req, http::field::expect),
        upgrade(req, http::field::upgrade),
        connection(req, http::field::connection) {}

  list_field accept;
  list_field range;
  list_field if_range;
  list_field if_match;
  list_field if_none_match;
  list_field access_control_request_headers;
  list_field expect;
  list_field upgrade;
  list_field connection;
};

// The views point into `req` and `lists`, which outlive the call to
// `mock::answer`. Whether a body comes is read from the framing fields,
// not from what was read: before a `100 Continue` the body has not been
// read at all.
mock::request_info info_of(const request& req, const request_lists& lists) {
  mock::request_info info;
  info.method = req.method_string();
  const std::string_view target = req.target();
  info.path = target.substr(0, target.find('?'));
  info.version = req.version();
  info.accept = lists.accept.value();
  info.range = lists.range.value();
  info.if_range = lists.if_range.value();
  info.if_match = lists.if_match.value();
  info.if_none_match = lists.if_none_match.value();
  info.expect = lists.expect.value();
  info.upgrade = lists.upgrade.value();
  info.connection = lists.connection.value();
  info.sec_websocket_key = req[http::field::sec_websocket_key];
  info.sec_websocket_version = req[http::field::sec_websocket_version];
  info.access_control_request_method =
      req[http::field::access_control_request_method];
  info.access_control_request_headers =
      lists.access_control_request_headers.value();
  const std::string_view length = req[http::field::content_length];
  info.has_body = req.chunked() ||
                  (!length.empty() &&
                   length.find_first_not_of('0') != std::string_view::npos);
  info.now = std::chrono::system_clock::now();
  return info;
}

// The mock frames the message itself: `Content-Length` comes from
// `content_length` alone, so 1xx, 204 and 304 go out with none, and Beast's
// prepare_payload (which throws on 204/304 bodies) is never called.
// Keep-alive is set last, because it edits the `Connection` field the mock
// may have filled (`Connection: Upgrade` on a 426).
response final_of(mock::final_response& f, const request& req) {
  response res;
  res.version(req.version());
  res.result(static_cast<unsigned>(f.code));
  res.reason(shown(f.reason));
  res.set(http::field::server, server_name);
  for (const mock::header_field& h : f.headers) res.insert(h.name, h.value);
  if (f.content_length) res.content_length(*f.content_length);
  if (!f.body.empty()) res.body() = payload::owned(std::move(f.body));
  res.keep_alive(req.keep_alive() && !f.close);
  return res;
}

interim_response interim_of(const mock::interim_response& i) {
  interim_response res;
  res.version(11);
  res.result(static_cast<unsigned>(i.code));
  res.reason(shown(i.reason));
  for (const mock::header_field& h : i.headers) res.insert(h.name, h.value);
  return res;
}

// Refusing to sleep is the mock's own problem document, with the headers
// every mock answer has, so that clients see the same shape as a 400.
mock::mock_response too_many_sleeping(const mock::request_info& info,
                                      std::size_t cap) {
  const std::string detail = fmt::format(
      "Too many requests are sleeping at once (at most {}); try again "
      "later.",
      cap);
  mock::mock_response r = mock::build_error(detail, info);
  mock::final_response& f = r.final_;
  f.code = 503;
  f.reason = "Service Unavailable";
  f.headers.push_back({"Retry-After", "1"});
  std::string body = render::problem_json(503, detail);
  f.content_length = body.size();
  f.body = info.method == "HEAD" ? std::string() : std::move(body);
  return r;
}

// One common answer, ready to send: what `final_of` makes of the mock
// core's answer, with the fields serialized as `payload::prepared` takes
// them (all but `Date` and `Connection`, which the message adds).
struct prepared_answer {
  int code = 0;
  std::string reason;
  std::string fields;
  std::string body;  ///< a GET's; a HEAD gets none, with the same length
  bool close = false;
};

constexpr std::array<mock::media_type, 4> media_types = {
    mock::media_type::text, mock::media_type::json, mock::media_type::html,
    mock::media_type::problem};

// An `Accept` that negotiates to `m`, to have the core render `m`.
constexpr std::string_view accept_for(mock::media_type m) noexcept {
  switch (m) {
    case mock::media_type::json:
      return "application/json";
    case mock::media_type::html:
      return "text/html";
    case mock::media_type::problem:
      return "application/problem+json";
    case mock::media_type::text:
      break;
  }
  return "text/plain";
}

// Reads "/status/418" (no query, exactly three digits) as 418; 0 for
// anything else, which the core answers per request.
int plain_code(std::string_view target) noexcept {
  if (!target.starts_with(mock_prefix)) return 0;
  const std::string_view digits = target.substr(mock_prefix.size());
  if (digits.size() != 3) return 0;
  const parse_result parsed = parse_code(digits);
  return parsed.ec == std::errc{} ? parsed.code : 0;
}

// The common answers (see `handlers::mock`), indexed by code and media
// type. Each is built by the core itself, from a request that differs from
// the ones it stands for only in what the core does not read for that
// code, so the two can never disagree on a fact; the handler tests check
// every one against the core's answer built per request.
class prepared_answers {
 public:
  explicit prepared_answers(bool enabled) {
    if (!enabled) return;
    index_.fill(none);
    for (int code = first_code; code <= last_code; ++code) {
      const bool is_named = find(code) || !find_unofficial(code).empty();
      if (!is_named || !mock::is_precomputable(code, "GET")) continue;
      for (const mock::media_type m : media_types)
        if (m != mock::media_type::problem || is_error(code)) prepare(code, m);
    }
  }

  // Returns the answer prepared for `req`, or null if the core must build
  // one.
  [[nodiscard]] const prepared_answer* find_for(
      const request& req) const noexcept {
    if (answers_.empty()) return nullptr;
    if (req.method() != http::verb::get && req.method() != http::verb::head)
      return nullptr;
    const int code = plain_code(req.target());
    if (code < first_code || code > last_code) return nullptr;
    if (!req[http::field::expect].empty()) return nullptr;
    // A precondition may turn the 200 into a 304 or 412 (RFC 9110 Section
    // 13.2.2); the core judges it, for every code alike.
    if (!list_field(req, http::field::if_match).value().empty() ||
        !list_field(req, http::field::if_none_match).value().empty())
      return nullptr;
    const mock::media_type m = mock::negotiate(
        list_field(req, http::field::accept).value(), is_error(code));
    const std::int16_t i = index_[slot(code, m)];
    return i == none ? nullptr : &answers_[static_cast<std::size_t>(i)];
  }

 private:
  static constexpr int first_code = 200;
  static constexpr int last_code = 599;
  static constexpr std::int16_t none = -1;

  static std::size_t slot(int code, mock::media_type m) noexcept {
    return static_cast<std::size_t>(code - first_code) * media_types.size() +
           static_cast<std::size_t>(m);
  }

  // An answer that takes more than one plain message (an interim, a
  // close without answer) or that speaks for the connection itself
  // (`Connection: Upgrade` on 426) stays with the core.
  void prepare(int code, mock::media_type m) {
    const std::string path = fmt::format("{}{}", mock_prefix, code);
    mock::request_info info;
    info.method = "GET";
    info.path = path;
    info.accept = accept_for(m);
    const std::optional<mock::target> t = mock::resolve(code);
    if (!t) return;
    mock::mock_response r = mock::build_response(*t, info, {});
    if (r.action != mock::action::respond || !r.interim.empty() ||
        r.final_.header("Connection"))
      return;
    response res = final_of(r.final_, request{http::verb::get, path, 11});
    res.erase(http::field::date);
    res.erase(http::field::connection);
    prepared_answer a;
    a.code = static_cast<int>(res.result_int());
    a.reason = std::string(res.reason());
    a.close = r.final_.close;
    a.body = std::string(res.body().view());
    append_fields(res, a.fields);
    index_[slot(code, m)] = static_cast<std::int16_t>(answers_.size());
    answers_.push_back(std::move(a));
  }

  std::vector<prepared_answer> answers_;
  std::array<std::int16_t, (last_code - first_code + 1) * media_types.size()>
      index_{};
};

// A prepared answer is written as it is, with `Date` and the connection's
// fate the only fields made per request; it borrows the state's bytes.
reply prepared_reply(const prepared_answer& a, const request& req) {
  response res;
  res.version(req.version());
  res.result(static_cast<unsigned>(a.code));
  res.reason(a.reason);
  res.keep_alive(req.keep_alive() && !a.close);
  const bool is_head = req.method() == http::verb::head;
  res.body() = payload::prepared(
      a.fields, is_head ? std::string_view() : std::string_view(a.body));
  return {std::move(res), nullptr};
}

}  // namespace

// The count of sleeping requests is the only cross-request state besides
// the sequences. A slot is a shared_ptr whose deleter gives it back, so
// that however the reply ends (the delay over, the connection gone, the
// server stopped), the count comes down exactly once; the deleter holds
// the state alive for as long as any slot is out.
class mock_state : public std::enable_shared_from_this<mock_state> {
 public:
  explicit mock_state(const mock_config& cfg)
      : sequences(cfg.sequences),
        limits(cfg.spec),
        prepared(cfg.prepare_common_answers),
        max_sleeping_(cfg.max_sleeping) {}

  [[nodiscard]] std::shared_ptr<const void> try_sleep() {
    if (sleeping_.fetch_add(1) >= max_sleeping_) {
      sleeping_.fetch_sub(1);
      return nullptr;
    }
    return {&sleeping_, [self = shared_from_this()](const void*) {
              self->sleeping_.fetch_sub(1);
            }};
  }

  [[nodiscard]] std::size_t max_sleeping() const noexcept {
    return max_sleeping_;
  }

  [[nodiscard]] std::size_t sleeping() const noexcept {
    return sleeping_.load(std::memory_order_relaxed);
  }

  mock::sequence_store sequences;
  const mock::spec_limits limits;
  const prepared_answers prepared;

 private:
  const std::size_t max_sleeping_;
  std::atomic<std::size_t> sleeping_{0};
};

std::shared_ptr<mock_state> make_mock_state(const mock_config& cfg) {
  return std::make_shared<mock_state>(cfg);
}

mock_gauges gauges_of(const mock_state& state) {
  return {state.sequences.size(), state.sleeping()};
}


reply mock(mock_state& state, const request& req, const route_params& p) {
  if (const prepared_answer* a = state.prepared.find_for(req))
    return prepared_reply(*a, req);
  const request_lists lists(req);
  const mock::request_info info = info_of(req, lists);
  // The core wants the codes as received, percent-encoded; the router's
  // `param` is decoded, which is only the fallback for a target that spelt
  // "/status/" itself with escapes.
  const std::string_view codes = info.path.starts_with(mock_prefix)
                                     ? info.path.substr(mock_prefix.size())
                                     : p.param;
  std::shared_ptr<const void> hold;
  mock::mock_answer a =
      mock::answer(codes, p.query, info, state.sequences, state.limits, [&] {
        hold = state.try_sleep();
        return hold != nullptr;
      });
  if (a.sleep_refused)
    a.response = too_many_sleeping(info, state.max_sleeping());

  reply r{final_of(a.response.final_, req), nullptr};
  const bool is_plain = a.response.action == mock::action::respond &&
                        a.response.interim.empty() && a.sleep.count() == 0;
  if (is_plain) return r;
  r.extras = std::make_unique<reply_extras>();
  reply_extras& x = *r.extras;
  switch (a.response.action) {
    case mock::action::respond:
      x.action = reply_action::respond;
      break;
    case mock::action::close_without_response:
      x.action = reply_action::close_without_response;
      r.res.keep_alive(false);
      break;
    case mock::action::websocket_echo:
      x.action = reply_action::websocket_echo;
      break;
  }
  x.interim.reserve(a.response.interim.size());
  for (const mock::interim_response& i : a.response.interim)
    x.interim.push_back(interim_of(i));
  x.delay = a.sleep;
  x.hold = std::move(hold);
  return r;
}

}  // namespace httpstatus::server::handlers
