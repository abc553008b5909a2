// SPDX-License-Identifier: MIT
// Response builders: status lines from the registry, pre-rendered
// resources with content negotiation and revalidation, error bodies.
#include "response.hpp"

#include <algorithm>
#include <array>
#include <cassert>
#include <ctime>
#include <optional>
#include <utility>

#include <fmt/format.h>
#include <boost/beast/http/field.hpp>

#include "compress.hpp"
#include "json.hpp"
#include "httpstatus/registry.hpp"
#include "syntax.hpp"

namespace httpstatus::server {
namespace http = boost::beast::http;
namespace {

constexpr bool forbids_body(int code) noexcept {
  return (code >= 100 && code <= 199) || code == 204 || code == 304;
}

using httpstatus::detail::ascii_lower;
using lint::iequals;
using lint::trim;

// Reads a qvalue (RFC 9110 Section 12.4.2) as thousandths: "1" -> 1000,
// "0.5" -> 500. Returns -1 for anything malformed, so that the element is
// ignored rather than guessed at.
constexpr int parse_qvalue(std::string_view q) noexcept {
  if (q.empty() || (q[0] != '0' && q[0] != '1')) return -1;
  const int whole = q[0] - '0';
  if (q.size() == 1) return whole * 1000;
  if (q[1] != '.' || q.size() > 5) return -1;
  int thousandths = 0;
  int scale = 100;
  for (const char c : q.substr(2)) {
    if (c < '0' || c > '9') return -1;
    thousandths += (c - '0') * scale;
    scale /= 10;
  }
  if (whole == 1 && thousandths != 0) return -1;
  return whole * 1000 + thousandths;
}
static_assert(parse_qvalue("1") == 1000 && parse_qvalue("0.5") == 500);
static_assert(parse_qvalue("0") == 0 && parse_qvalue("0.001") == 1);
static_assert(parse_qvalue("1.5") == -1 && parse_qvalue("x") == -1);

// Calls `f` with each comma-separated element of a header list, trimmed,
// skipping empty ones (RFC 9110 Section 5.6.1 allows them).
template <class F>
constexpr void for_each_element(std::string_view list, F&& f) {
  while (!list.empty()) {
    const std::size_t comma = list.find(',');
    const std::string_view element = trim(list.substr(0, comma));
    if (!element.empty()) f(element);
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
}

// Splits "gzip;q=0.5" into its coding and q-value (1000 when absent).
struct coding_preference {
  std::string_view name;
  int q = 1000;
};

constexpr coding_preference parse_coding(std::string_view element) noexcept {
  coding_preference pref;
  const std::size_t semi = element.find(';');
  pref.name = trim(element.substr(0, semi));
  std::string_view params =
      semi == std::string_view::npos ? "" : element.substr(semi + 1);
  while (!params.empty()) {
    const std::size_t next = params.find(';');
    const std::string_view param = trim(params.substr(0, next));
    if (param.size() >= 2 && ascii_lower(param[0]) == 'q' && param[1] == '=')
      pref.q = parse_qvalue(trim(param.substr(2)));
    if (next == std::string_view::npos) break;
    params.remove_prefix(next + 1);
  }
  return pref;
}

// The reason phrase sent for `code`. Registered codes use the registry's;
// the server itself sends no others, but a vendor's phrase is better than
// Beast's "<unknown-status>" should one ever pass through. A lone space
// is the empty reason RFC 9112 allows, since Beast replaces an empty one.
std::string_view reason_for(int code) noexcept {
  if (const auto s = find(code)) return s->reason;
  const std::span<const status> vendors = find_unofficial(code);
  if (!vendors.empty()) return vendors.front().reason;
  return " ";
}

}  // namespace

response make_response(int code, unsigned version, bool keep_alive) {
  assert(code >= 100 && code <= 599);
  response res;
  res.version(version);
  // The integer overload: Beast's enum has no 103, 418 or 425.
  res.result(static_cast<unsigned>(code));
  res.reason(reason_for(code));
  res.set(http::field::server, server_name);
  res.keep_alive(keep_alive);
  return res;
}

response make_response(const request& req, int code) {
  return make_response(code, req.version(), req.keep_alive());
}

void set_body(response& res, payload body, std::string_view content_type) {
  if (forbids_body(static_cast<int>(res.result_int()))) return;
  res.set(http::field::content_type, content_type);
  res.content_length(body.view().size());
  res.body() = std::move(body);
}

// Every response says `nosniff`; pages add the policy that keeps them
// from being framed, leaking the referrer or running foreign script; API
// documents may be read from any origin (they are public and carry no
// credentials), their ETag too, for a script that revalidates with it.
std::span<const header_line> kind_headers(resource_kind kind) noexcept {
  static constexpr header_line nosniff = {"X-Content-Type-Options", "nosniff"};
  static constexpr std::array<header_line, 4> page = {{
      nosniff,
      {"Content-Security-Policy", content_security_policy},
      {"Referrer-Policy", "no-referrer"},
      {"X-Frame-Options", "DENY"},
  }};
  static constexpr std::array<header_line, 3> document = {{
      nosniff,
      {"Access-Control-Allow-Origin", "*"},
      {"Access-Control-Expose-Headers", "ETag"},
  }};
  static constexpr std::array<header_line, 1> other = {{nosniff}};
  switch (kind) {
    case resource_kind::page:
      return page;
    case resource_kind::document:
      return document;
    case resource_kind::asset:
    case resource_kind::text:
      break;
  }
  return other;
}

void add_kind_headers(response& res, resource_kind kind) {
  for (const header_line& h : kind_headers(kind)) res.set(h.name, h.value);
}

coding choose_coding(std::string_view accept_encoding, bool has_gzip,
                     bool has_br) noexcept {
  int q_br = -1;
  int q_gzip = -1;
  int q_identity = -1;
  int q_any = -1;
  for_each_element(accept_encoding, [&](std::string_view element) {
    const coding_preference pref = parse_coding(element);
    if (pref.q < 0) return;
    if (iequals(pref.name, "br"))
      q_br = pref.q;
    else if (iequals(pref.name, "gzip") || iequals(pref.name, "x-gzip"))
      q_gzip = pref.q;
    else if (iequals(pref.name, "identity"))
      q_identity = pref.q;
    else if (pref.name == "*")
      q_any = pref.q;
  });
  // A coding the header does not name takes the q of "*", or is refused;
  // identity alone stays acceptable unless excluded (RFC 9110 Section
  // 12.5.3), but as the last choice: "gzip;q=0.5" asks for gzip.
  if (q_br < 0) q_br = q_any < 0 ? 0 : q_any;
  if (q_gzip < 0) q_gzip = q_any < 0 ? 0 : q_any;
  if (q_identity < 0) q_identity = q_any < 0 ? 1 : q_any;
  if (!has_br) q_br = 0;
  if (!has_gzip) q_gzip = 0;
  if (q_br > 0 && q_br >= q_gzip && q_br >= q_identity) return coding::br;
  if (q_gzip > 0 && q_gzip >= q_identity) return coding::gzip;
  return coding::identity;
}

bool none_match_hits(std::string_view if_none_match,
                     std::string_view etag) noexcept {
  if (if_none_match.empty()) return false;
  if (trim(if_none_match) == "*") return true;
  // Weak comparison (RFC 9110 Section 13.1.2): the opaque-tags alone.
  const std::optional<lint::entity_tag> ours = lint::parse_entity_tag(etag);
  return ours && lint::any_entity_tag(if_none_match,
                                      [&](const lint::entity_tag& tag) {
                                        return tag.opaque == ours->opaque;
                                      });
}

bool match_holds(std::string_view if_match, std::string_view etag) noexcept {
  if (if_match.empty() || trim(if_match) == "*") return true;
  // Strong comparison (RFC 9110 Section 8.8.3.2): a weak tag, ours or the
  // client's, never matches.
  const std::optional<lint::entity_tag> ours = lint::parse_entity_tag(etag);
  return ours && !ours->is_weak &&
         lint::any_entity_tag(if_match, [&](const lint::entity_tag& tag) {
           return !tag.is_weak && tag.opaque == ours->opaque;
         });
}

namespace {

// RFC 9110 Section 15.4.5: a 304 carries the validators and caching
// headers the 200 would have (ETag, Cache-Control, Vary), and no body.
// The one place the fields of a stored resource are set: per request on
// the unprepared path, once per variant for `prepare_fields`.
response with_stored_fields(response res, const resource& r, coding c,
                            bool not_modified) {
  const variant& v = r.get(c);
  if (!not_modified) {
    set_body(res, payload::borrowed(v.bytes), r.content_type);
    if (c == coding::gzip) res.set(http::field::content_encoding, "gzip");
    if (c == coding::br) res.set(http::field::content_encoding, "br");
  }
  res.set(http::field::etag, v.etag);
  res.set(http::field::cache_control, r.cache_control);
  if (r.is_negotiated()) res.set(http::field::vary, "Accept-Encoding");
  add_kind_headers(res, r.kind);
  return res;
}

}  // namespace

void append_fields(const response& res, std::string& out) {
  for (const auto& f : res) {
    out.append(f.name_string());
    out.append(": ");
    out.append(f.value());
    out.append("\r\n");
  }
}

namespace {

coding coding_for(const request& req, const resource& r) {
  return choose_coding(list_field(req, http::field::accept_encoding).value(),
                       !r.gzip.bytes.empty(), !r.br.bytes.empty());
}

}  // namespace

std::string_view etag_for(const request& req, const resource& r) {
  return r.get(coding_for(req, r)).etag;
}

response serve(const request& req, const resource& r, int code) {
  const coding c = coding_for(req, r);
  const variant& v = r.get(c);
  const bool not_modified =
      code == 200 &&
      none_match_hits(list_field(req, http::field::if_none_match).value(),
                      v.etag);
  if (code == 200 && !v.fields_200.empty()) {
    // The message holds no field of its own yet: `Server` is among the
    // prepared ones, and the reason is Beast's ("OK", "Not Modified").
    response res;
    res.version(req.version());
    res.result(not_modified ? http::status::not_modified : http::status::ok);
    res.keep_alive(req.keep_alive());
    res.body() = not_modified ? payload::prepared(v.fields_304, {})
                              : payload::prepared(v.fields_200, v.bytes);
    return res;
  }
  return with_stored_fields(make_response(req, not_modified ? 304 : code), r,
                            c, not_modified);
}

void prepare_fields(resource& r) {
  for (const coding c : {coding::identity, coding::gzip, coding::br}) {
    variant& v = c == coding::gzip ? r.gzip
                 : c == coding::br ? r.br
                                   : r.identity;
    v.fields_200.clear();
    v.fields_304.clear();
    if (c != coding::identity && v.bytes.empty()) continue;
    append_fields(with_stored_fields(make_response(200, 11, true), r, c, false),
                  v.fields_200);
    append_fields(with_stored_fields(make_response(304, 11, true), r, c, true),
                  v.fields_304);
  }
}

wire_buffer_sequence wire_buffers(const response& res, std::string& scratch) {
  const unsigned code = res.result_int();
  scratch.clear();
  // HTTP/1.1 to every client, HTTP/1.0 ones too: a server SHOULD answer
  // with the highest minor version it conforms to (RFC 9110 Section 2.5).
  // The message keeps the request's version all the same, so that its
  // `Connection` field is the one that client reads (`keep-alive` for 1.0).
  scratch.append("HTTP/1.1 ");
  scratch.push_back(static_cast<char>('0' + code / 100));
  scratch.push_back(static_cast<char>('0' + code / 10 % 10));
  scratch.push_back(static_cast<char>('0' + code % 10));
  scratch.push_back(' ');
  // The reason set by `make_response` (the registry's) or by the mock (a
  // vendor's); Beast's own table only for the prepared 200 and 304. A lone
  // space is how the message holds an empty reason (Beast would put its
  // own in place of an empty one): the line ends "299 \r\n", SP then no
  // reason-phrase (RFC 9112 Section 4), not a phrase of one space.
  if (res.reason() != " ") scratch.append(res.reason());
  scratch.append("\r\n");
  const std::size_t status_line = scratch.size();
  append_fields(res, scratch);
  scratch.append("\r\n");
  const payload& p = res.body();
  return {boost::asio::buffer(scratch.data(), status_line),
          boost::asio::buffer(p.prepared_fields()),
          boost::asio::buffer(scratch.data() + status_line,
                              scratch.size() - status_line),
          boost::asio::buffer(p.view())};
}

std::string to_wire(const response& res) {
  std::string scratch;
  std::string wire;
  for (const boost::asio::const_buffer& b : wire_buffers(res, scratch))
    wire.append(static_cast<const char*>(b.data()), b.size());
  return wire;
}

// A body rendered for one request (a search's results, an error page) is
// compressed for that request, at the quick setting, when the client
// accepts it and the body is large enough to gain. Its tags follow the
// stored resources': the identity hash, with the coding's suffix.
namespace {

constexpr std::size_t min_compressed_bytes = 1024;

coding dynamic_coding(const request& req, std::string_view body) {
  return body.size() >= min_compressed_bytes
             ? choose_coding(
                   list_field(req, http::field::accept_encoding).value(), true,
                   true)
             : coding::identity;
}

std::string dynamic_etag(std::string_view body, coding c) {
  return make_etag(body, c == coding::gzip ? "-gz"
                         : c == coding::br ? "-br"
                                           : "");
}

}  // namespace

std::string dynamic_etag_for(const request& req, std::string_view body) {
  return dynamic_etag(body, dynamic_coding(req, body));
}

void set_negotiated_body(const request& req, response& res, std::string body,
                         std::string_view content_type) {
  const bool is_negotiated = body.size() >= min_compressed_bytes;
  const coding c = dynamic_coding(req, body);
  if (c == coding::gzip) body = gzip(body, effort::quick);
  if (c == coding::br) body = brotli(body, effort::quick);
  set_body(res, payload::owned(std::move(body)), content_type);
  if (c == coding::gzip) res.set(http::field::content_encoding, "gzip");
  if (c == coding::br) res.set(http::field::content_encoding, "br");
  if (is_negotiated) res.set(http::field::vary, "Accept-Encoding");
}

response serve_dynamic(const request& req, std::string body,
                       std::string_view content_type, resource_kind kind,
                       std::string_view cache_control, int code) {
  const coding c = dynamic_coding(req, body);
  const std::string etag = dynamic_etag(body, c);
  const bool not_modified =
      code == 200 &&
      none_match_hits(list_field(req, http::field::if_none_match).value(),
                      etag);
  response res = make_response(req, not_modified ? 304 : code);
  if (!not_modified)
    set_negotiated_body(req, res, std::move(body), content_type);
  else if (body.size() >= min_compressed_bytes)
    res.set(http::field::vary, "Accept-Encoding");
  // An ETag names the target's selected representation (RFC 9110 Section
  // 8.8.3); an error document is none, and its tag next to a 412 read as
  // the current tag of the resource, which it is not.
  if (code < 300) res.set(http::field::etag, etag);
  res.set(http::field::cache_control, cache_control);
  add_kind_headers(res, kind);
  return res;
}

namespace {

response with_problem(response res, int code, std::string_view detail) {
  set_body(res, payload::owned(render::problem_json(code, detail)),
           problem_type);
  add_kind_headers(res, resource_kind::document);
  res.set(http::field::cache_control, "no-store");
  return res;
}

}  // namespace

response problem_error(const request& req, int code, std::string_view detail) {
  return with_problem(make_response(req, code), code, detail);
}

response problem_refusal(int code, std::string_view detail) {
  return with_problem(make_response(code, 11, false), code, detail);
}

void strip_body(response& res) { res.body().drop_bytes(); }

// Formatting a date costs more than serving a cached page, and `Date` has
// a resolution of one second, so each thread keeps the last one it wrote,
// in a fixed buffer: the refresh once a second must not allocate either.
// Names are spelled out because strftime's follow the C locale.
std::string_view http_date() {
  static constexpr std::array<std::string_view, 7> days = {
      "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr std::array<std::string_view, 12> months = {
      "Jan", "Feb", "Mar", "Apr", "May", "Jun",
      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  thread_local std::time_t cached_second = -1;
  thread_local std::array<char, 32> cached{};
  thread_local std::size_t cached_size = 0;
  const std::time_t now = std::time(nullptr);
  if (now != cached_second) {
    std::tm tm{};
    gmtime_r(&now, &tm);
    const auto result = fmt::format_to_n(
        cached.data(), cached.size(), "{}, {:02} {} {:04} {:02}:{:02}:{:02} GMT",
        days[static_cast<std::size_t>(tm.tm_wday)], tm.tm_mday,
        months[static_cast<std::size_t>(tm.tm_mon)], tm.tm_year + 1900,
        tm.tm_hour, tm.tm_min, tm.tm_sec);
    cached_size = std::min(result.size, cached.size());
    cached_second = now;
  }
  return {cached.data(), cached_size};
}

}  // namespace httpstatus::server
