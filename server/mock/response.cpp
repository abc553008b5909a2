// SPDX-License-Identifier: MIT
// The mock's response builder: a pure function from a chosen code, the
// registry's facts and the request's headers to the messages to send.
#include "response.hpp"

#include <algorithm>
#include <array>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <charconv>
#include <cstdio>
#include <ctime>
#include <numeric>
#include <span>
#include <string>
#include <utility>

#include "html.hpp"
#include "httpstatus/registry.hpp"
#include "json.hpp"
#include "syntax.hpp"

namespace httpstatus::server::mock {

namespace {

namespace json = boost::json;
using lint::any_entity_tag;
using lint::entity_tag;
using lint::iequals;
using lint::is_token;
using lint::parse_entity_tag;
using lint::trim;

// --- small text helpers ----------------------------------------------------

// Calls `f` with each trimmed, non-empty element of a comma-separated list
// (RFC 9110 Section 5.6.1); stops early when `f` returns true.
template <class F>
bool any_element(std::string_view list, F&& f) {
  while (true) {
    const std::size_t comma = list.find(',');
    const std::string_view item = trim(list.substr(0, comma));
    if (!item.empty() && f(item)) return true;
    if (comma == std::string_view::npos) return false;
    list.remove_prefix(comma + 1);
  }
}

// Whether a list field (`Connection`, `Upgrade`, `Expect`) names `token`;
// a protocol's version (`websocket/13`) and parameters are ignored.
bool has_token(std::string_view list, std::string_view token) {
  return any_element(list, [&](std::string_view item) {
    return iequals(trim(item.substr(0, item.find_first_of("/;"))), token);
  });
}

json::string_view sv(std::string_view s) { return {s.data(), s.size()}; }

// --- the facts every answer shares -------------------------------------------

// A script of another origin reads only the CORS-safelisted response
// fields (Fetch standard) unless the answer names the others; Connection
// it never sees.
constexpr std::string_view readable_unnamed[] = {
    "Cache-Control", "Content-Language", "Content-Length", "Content-Type",
    "Expires",       "Last-Modified",    "Pragma",         "Connection"};

// Names every field the registry asks of any code (Location, Retry-After,
// WWW-Authenticate, ETag, Date, Vary, ...) that such a script could not
// read otherwise, each once, in the registry's order: a client test run
// from a browser reads what the code's answer carries.
const std::string& exposed_headers() {
  static const std::string list = [] {
    std::string names;
    const auto add = [&](std::string_view field) {
      const bool readable =
          std::any_of(std::begin(readable_unnamed), std::end(readable_unnamed),
                      [&](std::string_view r) { return iequals(r, field); });
      if (field.empty() || readable ||
          any_element(names,
                      [&](std::string_view n) { return iequals(n, field); }))
        return;
      if (!names.empty()) names += ", ";
      names += field;
    };
    for (const std::span<const status> table : {all(), unofficial()})
      for (const status& s : table)
        for (const header_requirement& h : s.headers) add(h.field);
    return names;
  }();
  return list;
}

constexpr std::string_view auth_challenge = "Basic realm=\"httpstatus\"";

// A 206 with no `Range` still needs a range to send: the first bytes.
constexpr std::uint64_t default_part = 100;

bool has_field(const header_list& h, std::string_view name) noexcept {
  return std::any_of(h.begin(), h.end(), [&](const header_field& f) {
    return iequals(f.name, name);
  });
}

// Adds `name: value` unless a field of that name is already there, so the
// registry's list and the mock's own additions never send a field twice.
void add_unique(header_list& h, std::string_view name, std::string value) {
  if (!has_field(h, name)) h.push_back({std::string(name), std::move(value)});
}

void add_common(header_list& h) {
  // Client tests must see a fresh answer every time, and RFC 6585 forbids
  // storing 428, 429, 431 and 511 anyway: no-store fits every code.
  add_unique(h, "Cache-Control", "no-store");
  add_unique(h, "Access-Control-Allow-Origin", "*");
  add_unique(h, "Access-Control-Expose-Headers", exposed_headers());
  add_unique(h, "X-Content-Type-Options", "nosniff");
}

// --- bodies --------------------------------------------------------------

struct rendered {
  media_type type = media_type::text;
  std::string bytes;
};

std::string_view shown_reason(const target& t) {
  return t.is_unassigned ? std::string_view() : t.facts.reason;
}

// The sentence a body says about the code: its meaning, or for an
// unassigned code that it is read as the x00 of its class.
std::string meaning_of(const target& t) {
  if (!t.is_unassigned) return std::string(t.facts.meaning);
  return std::to_string(t.code) +
         " is an unassigned status code; clients treat it as " +
         std::to_string(t.facts.code) + " " + std::string(t.facts.reason) +
         ", the x00 of its class (RFC 9110, Section 15).";
}

std::string status_line_text(const target& t) {
  std::string line = std::to_string(t.code);
  if (!shown_reason(t).empty()) (line += ' ') += shown_reason(t);
  return line;
}

std::string text_body(const target& t, std::string_view note) {
  std::string out = status_line_text(t) + "\n" + meaning_of(t) + "\n";
  if (!note.empty()) (out += note) += '\n';
  return out;
}

std::string json_body(const target& t) {
  if (!t.is_unassigned)
    return render::serialize(render::to_json(t.facts), false);
  json::object o;
  o["code"] = t.code;
  o["reason"] = "";
  o["status"] = "unassigned";
  o["meaning"] = meaning_of(t);
  o["treated_as"] = render::to_json(t.facts);
  return render::serialize(o, false);
}

// RFC 9457: our own object rather than `problem_json`, whose title comes
// from the IANA table and so would miss vendors' and unassigned codes.
std::string problem_body(const target& t, std::string_view note) {
  json::object o;
  o["type"] = "about:blank";
  // The title is the code's phrase (RFC 9457 Section 4.2); a vendor's code
  // without one (AWS's 460) gets none rather than an empty title.
  if (t.is_unassigned)
    o["title"] = "Unassigned";
  else if (!t.facts.reason.empty())
    o["title"] = sv(t.facts.reason);
  o["status"] = t.code;
  if (note.empty())
    o["detail"] = meaning_of(t);
  else
    o["detail"] = sv(note);
  return render::serialize(o, false);
}

// Every echoed byte (the path, the reason, the note) goes through the
// escaper: the path is attacker-chosen.
std::string html_body(const target& t, const request_info& req,
                      std::string_view note) {
  const std::string title = render::html_escape(status_line_text(t));
  // An unassigned code has no page; the x00 it is treated as has.
  const std::string page = "/codes/" + std::to_string(t.facts.code);
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<title>" +
      title + "</title>\n</head>\n<body>\n<h1>" + title + "</h1>\n<p>" +
      render::html_escape(meaning_of(t)) + "</p>\n";
  if (!note.empty()) out += "<p>" + render::html_escape(note) + "</p>\n";
  out += "<p>A mock answer to <code>" + render::html_escape(req.path) +
         "</code>. " +
         (t.is_unassigned ? "About the code it is treated as: "
                          : "About this code: ") +
         "<a href=\"" + page + "\">" + page + "</a>.</p>\n</body>\n</html>\n";
  return out;
}

rendered render_body(const target& t, const request_info& req,
                     std::string_view note) {
  rendered r;
  r.type = negotiate(req.accept, is_error(t.code));
  switch (r.type) {
    case media_type::text:
      r.bytes = text_body(t, note);
      break;
    case media_type::json:
      r.bytes = json_body(t);
      break;
    case media_type::problem:
      r.bytes = problem_body(t, note);
      break;
    case media_type::html:
      r.bytes = html_body(t, req, note);
      break;
  }
  return r;
}

// --- header values, by field name -----------------------------------------

// What one response is being built from; `representation` is the body a
// 200 would have for this request, the resource that 206, 304 and 416 talk
// about and whose `ETag` they carry. `ok` is the 200's own header, for the
// codes whose rows ask for what a 200 would have had.
struct fill_context {
  const target& t;
  const request_info& req;
  const response_options& options;
  const rendered& representation;
  std::string content_range;
  const header_list* ok = nullptr;
};

std::string allow_value(std::string_view method) {
  // The 405 mock answers whatever method it gets, and `Allow` must not name
  // the method it refuses: the usual read methods, or POST for a reader.
  if (method == "GET" || method == "HEAD") return "POST, OPTIONS";
  if (method == "OPTIONS") return "GET, HEAD";
  return "GET, HEAD, OPTIONS";
}

// What a 103 hints at. It must exist on this server, and the site's
// stylesheet does not stay put: its URL carries a hash of its bytes
// ("/assets/site.1a2b3c4d.css"), so "/assets/css/site.css" was a 404. The
// favicon's URL is stable (browsers ask for it by name), so the mock names
// it without depending on the site's build. A preload needs `as=`
// (HTML's preload destinations): an SVG is an image.
constexpr std::string_view early_hint = "</favicon.svg>; rel=preload; as=image";

std::string link_value(const fill_context& c) {
  // 103 hints at something to preload; 451 names the blocker (RFC 7725),
  // here the code's own page on this server.
  if (is_informational(c.t.facts.code)) return std::string(early_hint);
  return "</codes/" + std::to_string(c.t.code) + ">; rel=\"blocked-by\"";
}

std::string location_of(const response_options& options) {
  return options.location.empty() ? std::string("/status/200")
                                  : std::string(options.location);
}

std::string location_value(const fill_context& c) {
  return location_of(c.options);
}

// The content of a 300 SHOULD list the choices (RFC 9110 Section 15.4.1),
// and that of a 511 SHOULD link to where the user logs in (RFC 6585
// Section 6). The mock has one of each: the `location=` path, which is the
// 300's Location too.
std::string link_note(const target& t, const response_options& options) {
  if (t.is_unassigned) return {};
  if (t.facts.code == 300)
    return "The choices: " + location_of(options) +
           " (the preferred one, also in Location).";
  if (t.facts.code == 511)
    return "Log in to the network at " + location_of(options) + ".";
  return {};
}

// One code path for every code: the registry names the fields a code
// needs, and this says how the mock fills each of them. A field without a
// filler stays out, and the mock tests, looping over the registry, fail.
std::optional<std::string> field_value(std::string_view field,
                                       const fill_context& c) {
  if (iequals(field, "Location") || iequals(field, "X-MS-Location"))
    return location_value(c);
  if (iequals(field, "Retry-After"))
    return std::to_string(c.options.retry_after.value_or(1));
  if (iequals(field, "WWW-Authenticate") ||
      iequals(field, "Proxy-Authenticate"))
    return std::string(auth_challenge);
  if (iequals(field, "Allow")) return allow_value(c.req.method);
  if (iequals(field, "Upgrade")) return "websocket";
  // A multipart 206 has none: each part carries its own.
  if (iequals(field, "Content-Range"))
    return c.content_range.empty() ? std::nullopt
                                   : std::optional(c.content_range);
  if (iequals(field, "ETag")) return etag_of(c.representation.bytes);
  if (iequals(field, "Date")) return http_date(c.req.now);
  if (iequals(field, "Link")) return link_value(c);
  if (iequals(field, "Ms-Echo-Request")) return "httpstatus-mock";
  // A 415 says what would have been taken (RFC 9110 Section 15.5.16): the
  // mock plays an API that takes JSON without a content coding.
  if (iequals(field, "Accept")) return "application/json";
  if (iequals(field, "Accept-Encoding")) return "identity";
  if (iequals(field, "Accept-Patch")) return "application/merge-patch+json";
  // RFC 9110 Section 7.8: Upgrade goes with the "upgrade" option; the
  // session keeps this token when it sets keep-alive.
  if (iequals(field, "Connection")) return "Upgrade";
  return std::nullopt;
}

// RFC 9110 Sections 15.3.7 and 15.4.5: a 206 or 304 carries each of
// these fields exactly when the 200 would have, with the 200's value, so
// a cache that updates its stored 200 from it keeps what it had. The mock
// has its 200 at hand and copies from it: Date, ETag, Cache-Control and
// Vary; it never sends Expires or Content-Location, so neither do these.
std::optional<std::string> value_in(const header_list& h,
                                    std::string_view name) {
  for (const header_field& f : h)
    if (iequals(f.name, name)) return f.value;
  return std::nullopt;
}

bool needs_the_200(const status& facts) noexcept {
  return std::any_of(facts.headers.begin(), facts.headers.end(),
                     [](const header_requirement& r) {
                       return r.condition == if_a_200_had_it;
                     });
}

void add_code_fields(header_list& h, const fill_context& c) {
  for (const header_requirement& r : c.t.facts.headers) {
    std::optional<std::string> v;
    if (r.condition == if_a_200_had_it) {
      if (c.ok) v = value_in(*c.ok, r.field);
    } else {
      v = field_value(r.field, c);
    }
    if (v) add_unique(h, r.field, std::move(*v));
  }
  // Asked for, Retry-After also tells a redirected client when to retry.
  if (c.options.retry_after && is_redirection(c.t.code))
    add_unique(h, "Retry-After", std::to_string(*c.options.retry_after));
}

// --- validators -------------------------------------------------------------

target must_resolve(int code) { return *resolve(code); }

// RFC 9110 Section 13.1.5: If-Range holds an entity-tag or a date. A tag
// matches by strong comparison (Section 8.8.3.2: neither weak, the same
// opaque-tag); a date only when it equals the Last-Modified, and the mock
// sends none, so a date, like anything unreadable, never matches.
bool if_range_matches(std::string_view if_range, std::string_view etag) {
  const std::optional<entity_tag> tag = parse_entity_tag(if_range);
  return tag && !tag->is_weak && tag->opaque == etag;
}

// Which answers the mock describes with an ETag: its 200 and the 206 that
// is a part of it. Only they have a current representation whose tag a
// precondition can compare; 304 is not a 2xx, whose preconditions RFC 9110
// Section 13.2.1 ignores, and the other codes carry no validator.
bool has_validator(const target& t) noexcept {
  return !t.is_unassigned && (t.code == 200 || t.code == 206);
}

struct failed_precondition {
  int code = 412;
  std::string note;
};

// RFC 9110 Section 13.2.2, steps 1 and 3 (If-Unmodified-Since and
// If-Modified-Since need a Last-Modified, which the mock never sends, and
// If-Range belongs to the 206): If-Match is false unless `*` or a tag
// strongly equal to the current one (Section 13.1.1), giving 412;
// If-None-Match is false when `*` or a tag weakly equal to it (Section
// 13.1.2), giving 304 to GET and HEAD and 412 to the rest. Section 13.2.1
// has CONNECT, OPTIONS and TRACE ignore preconditions.
std::optional<failed_precondition> check_preconditions(
    const target& t, const request_info& req) {
  if (req.if_match.empty() && req.if_none_match.empty()) return std::nullopt;
  if (!has_validator(t) || req.method == "CONNECT" || req.method == "OPTIONS" ||
      req.method == "TRACE")
    return std::nullopt;
  const std::string etag =
      etag_of(render_body(must_resolve(200), req, {}).bytes);
  if (!req.if_match.empty()) {
    const bool is_true =
        trim(req.if_match) == "*" ||
        any_entity_tag(req.if_match, [&](const entity_tag& tag) {
          return !tag.is_weak && tag.opaque == etag;
        });
    if (!is_true) {
      std::string note = "If-Match names no current entity-tag of this ";
      note += "resource; its ETag is " + etag + ".";
      return failed_precondition{412, std::move(note)};
    }
  }
  if (!req.if_none_match.empty()) {
    const bool is_false =
        trim(req.if_none_match) == "*" ||
        any_entity_tag(req.if_none_match, [&](const entity_tag& tag) {
          return tag.opaque == etag;
        });
    if (is_false) {
      if (req.method == "GET" || req.method == "HEAD")
        return failed_precondition{304, {}};
      std::string note =
          "If-None-Match names the current entity-tag of this resource (" +
          etag + "), so a ";
      note += req.method;
      note += " must not proceed.";
      return failed_precondition{412, std::move(note)};
    }
  }
  return std::nullopt;
}

// --- final and interim responses ------------------------------------------

std::string content_range_of(byte_span part, std::uint64_t length) {
  return "bytes " + std::to_string(part.first) + "-" +
         std::to_string(part.last) + "/" + std::to_string(length);
}

// A multipart boundary must not occur in the parts (RFC 2046 Section
// 5.1.1). This one holds the representation's tag, a hash of the very
// bytes it would have to occur in.
std::string byteranges_boundary(const rendered& whole) {
  const std::string tag = etag_of(whole.bytes);
  return "httpstatus-" + tag.substr(1, tag.size() - 2);
}

// RFC 9110 Section 14.6: each part has the representation's Content-Type
// and its own Content-Range, and the CRLF before a delimiter belongs to
// the delimiter, not to the part.
std::string byteranges_body(const rendered& whole,
                            const std::vector<byte_span>& parts,
                            std::string_view boundary) {
  std::string body;
  for (const byte_span& part : parts) {
    body += "--";
    body += boundary;
    body += "\r\nContent-Type: ";
    body += content_type(whole.type);
    body += "\r\nContent-Range: ";
    body += content_range_of(part, whole.bytes.size());
    body += "\r\n\r\n";
    body.append(whole.bytes, part.first, part.last - part.first + 1);
    body += "\r\n";
  }
  body += "--";
  body += boundary;
  body += "--\r\n";
  return body;
}

final_response make_final(target t, const request_info& req,
                          const response_options& options,
                          std::string_view note = {}) {
  const rendered representation = render_body(must_resolve(200), req, {});
  const auto length = static_cast<std::uint64_t>(representation.bytes.size());
  std::string content_range;
  std::string body_type;  // when not the body's own: a multipart 206's
  std::optional<rendered> body;

  if (t.facts.code == 206 && !t.is_unassigned) {
    // RFC 9110 Section 13.1.5: a Range sent with an If-Range that does not
    // match asks for the whole representation, which the client no longer
    // has a part of: the Range is ignored and the answer is the full 200.
    // An If-Range without a Range is ignored. So is a Range on any method
    // but GET, the only one that defines range handling (RFC 9110 Section
    // 14.2): a POST with `Range: bytes=999-` got a 416.
    const std::string_view range =
        req.method == "GET" ? req.range : std::string_view();
    if (!range.empty() && !req.if_range.empty() &&
        !if_range_matches(req.if_range, etag_of(representation.bytes)))
      return make_final(must_resolve(200), req, options);
    const byte_ranges r = parse_range(range, length);
    if (r.outcome == byte_ranges::kind::unsatisfiable) {
      t = must_resolve(416);
    } else if (r.outcome == byte_ranges::kind::none || r.parts.size() == 1) {
      const byte_span part =
          r.outcome == byte_ranges::kind::none
              ? byte_span{0, std::min(length, default_part) - 1}
              : r.parts.front();
      content_range = content_range_of(part, length);
      body = rendered{
          representation.type,
          representation.bytes.substr(part.first, part.last - part.first + 1)};
    } else {
      const std::string boundary = byteranges_boundary(representation);
      body_type = "multipart/byteranges; boundary=" + boundary;
      body = rendered{representation.type,
                      byteranges_body(representation, r.parts, boundary)};
    }
  }
  if (t.facts.code == 416 && !t.is_unassigned)
    content_range = "bytes */" + std::to_string(length);

  final_response f;
  f.code = t.code;
  f.reason = std::string(shown_reason(t));
  f.close = t.facts.code == 408;  // RFC 9110 Section 15.5.9
  // RFC 9110 Section 9.3.6: a 2xx to CONNECT turns the connection into a
  // tunnel after its header, so it has no content and no Content-Length
  // (a client would read a body as tunnel data). The mock tunnels nowhere:
  // the header, then the close.
  const bool opens_tunnel = req.method == "CONNECT" && t.code >= 200 &&
                            t.code <= 299;
  if (opens_tunnel) f.close = true;
  // The 200 has no row of this kind, so this recurses at most once.
  std::optional<final_response> ok;
  if (needs_the_200(t.facts)) ok = make_final(must_resolve(200), req, options);
  fill_context c{t, req, options, representation, content_range};
  if (ok) c.ok = &ok->headers;
  f.headers.push_back({"Date", http_date(req.now)});
  if (t.facts.body == body_rule::allowed && !opens_tunnel) {
    if (!body)
      body = render_body(t, req, note.empty() ? link_note(t, options) : note);
    if (body_type.empty()) body_type = content_type(body->type);
    f.headers.push_back({"Content-Type", std::move(body_type)});
    f.headers.push_back({"Vary", "Accept"});
  }
  add_code_fields(f.headers, c);
  if (t.code == 200)
    add_unique(f.headers, "ETag", etag_of(representation.bytes));
  add_common(f.headers);

  // RFC 9112 Section 6.3: 1xx, 204 and 304 have no content and no framing;
  // 205 frames its empty content explicitly; HEAD gets a GET's length.
  switch (opens_tunnel ? body_rule::none : t.facts.body) {
    case body_rule::none:
      break;
    case body_rule::empty:
      f.content_length = 0;
      break;
    case body_rule::allowed:
      f.content_length = body->bytes.size();
      if (req.method != "HEAD") f.body = std::move(body->bytes);
      break;
  }
  return f;
}

// The final answer for `t`, or the 304 or 412 a failed precondition asks
// for instead; that 304 carries what the 200 would have (make_final).
final_response make_answer(const target& t, const request_info& req,
                           const response_options& options) {
  if (std::optional<failed_precondition> failed = check_preconditions(t, req))
    return make_final(must_resolve(failed->code), req, options, failed->note);
  return make_final(t, req, options);
}

interim_response make_interim(const target& t, const request_info& req,
                              const response_options& options) {
  const rendered none;
  const fill_context c{t, req, options, none, {}};
  interim_response i;
  i.code = t.code;
  i.reason = std::string(shown_reason(t));
  add_code_fields(i.headers, c);
  return i;
}

bool wants_websocket(const request_info& req) {
  // RFC 9110 Section 7.8: an Upgrade received in an HTTP/1.0 request is
  // ignored, so only 1.1 may switch.
  return req.version >= 11 && has_token(req.upgrade, "websocket") &&
         has_token(req.connection, "upgrade");
}

// A request the mock cannot answer as asked: a problem document with the
// mock's usual fields, whatever the Accept.
final_response refusal(int code, std::string_view detail,
                       const request_info& req) {
  final_response f;
  f.code = code;
  f.reason = std::string(find(code)->reason);
  f.headers.push_back({"Date", http_date(req.now)});
  f.headers.push_back(
      {"Content-Type", std::string(content_type(media_type::problem))});
  add_common(f.headers);
  std::string body = render::problem_json(code, detail);
  f.content_length = body.size();
  if (req.method != "HEAD") f.body = std::move(body);
  return f;
}

// RFC 6455 Section 4.2.1: what an opening handshake holds besides its
// Upgrade: a GET, a key that is 16 bytes in base64, version 13. Beast
// refuses any other itself, but with a bare text body and none of the
// mock's fields; the mock answers it as it answers any bad request.
struct handshake_problem {
  int code = 400;
  std::string_view note;
};

bool is_websocket_key(std::string_view key) {
  constexpr std::string_view base64 =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  return key.size() == 24 && key.ends_with("==") &&
         key.substr(0, 22).find_first_not_of(base64) == std::string_view::npos;
}

std::optional<handshake_problem> websocket_handshake_problem(
    const request_info& req) {
  if (req.method != "GET")
    return handshake_problem{
        400, "A WebSocket opening handshake is a GET request (RFC 6455, "
             "Section 4.1)."};
  if (!is_websocket_key(trim(req.sec_websocket_key)))
    return handshake_problem{
        400, "A WebSocket opening handshake needs a Sec-WebSocket-Key of 16 "
             "bytes in base64 (RFC 6455, Section 4.1)."};
  if (trim(req.sec_websocket_version) != "13")
    return handshake_problem{
        426, "The mock speaks WebSocket version 13, as its "
             "Sec-WebSocket-Version says (RFC 6455, Section 4.4)."};
  return std::nullopt;
}

// Why a request for 101 got 426, from what it did ask: it said "asked for
// no upgrade" to `Upgrade: h2c` too. The Upgrade value is echoed, cut
// short, into a body that every media type escapes.
std::string why_no_switch(const request_info& req) {
  constexpr std::size_t max_echo = 64;
  std::string out =
      "101 Switching Protocols is only sent to an HTTP/1.1 request with "
      "\"Upgrade: websocket\" and \"Connection: Upgrade\"; ";
  const std::string_view asked = trim(req.upgrade);
  if (asked.empty()) return out + "this request asked for no upgrade.";
  out += "this request asked for \"Upgrade: ";
  out += asked.substr(0, max_echo);
  if (asked.size() > max_echo) out += "...";
  out += '"';
  if (req.version < 11)
    return out +
           " in HTTP/1.0, where Upgrade is ignored (RFC 9110, Section 7.8).";
  if (!has_token(req.upgrade, "websocket"))
    return out + ", a protocol the mock does not speak.";
  return out + " without \"Connection: Upgrade\".";
}

mock_response informational(const target& t, const request_info& req,
                            const response_options& options) {
  mock_response r;
  if (t.facts.code == 101 && !t.is_unassigned) {
    if (!wants_websocket(req)) {
      r.final_ =
          make_final(must_resolve(426), req, options, why_no_switch(req));
      return r;
    }
    if (const std::optional<handshake_problem> bad =
            websocket_handshake_problem(req)) {
      r.final_ = refusal(bad->code, bad->note, req);
      if (bad->code == 426) {  // the 426's own fields (Upgrade), then ours
        const rendered none;
        add_code_fields(r.final_.headers,
                        {must_resolve(426), req, options, none, {}});
        r.final_.headers.push_back({"Sec-WebSocket-Version", "13"});
      }
      return r;
    }
    r.action = action::websocket_echo;
    r.final_.code = 101;
    r.final_.reason = std::string(t.facts.reason);
    const rendered none;
    add_code_fields(r.final_.headers, {t, req, options, none, {}});
    add_common(r.final_.headers);  // as on every other answer
    return r;
  }
  // RFC 9110 Section 15.2: no 1xx to an HTTP/1.0 client. 100 answers only
  // an `Expect: 100-continue`; without one the final 200 comes alone.
  const bool is_invited =
      t.facts.code != 100 || has_token(req.expect, "100-continue");
  if (req.version >= 11 && is_invited)
    r.interim.push_back(make_interim(t, req, options));
  r.final_ = make_answer(must_resolve(200), req, options);
  return r;
}

// Media ranges of an `Accept` field, in the order written.
struct media_range {
  std::string_view type;
  std::string_view subtype;
  double q = 1.0;
};

std::optional<media_range> parse_media_range(std::string_view item) {
  const std::size_t semi = item.find(';');
  const std::string_view name = trim(item.substr(0, semi));
  const std::size_t slash = name.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  media_range m{trim(name.substr(0, slash)), trim(name.substr(slash + 1))};
  if (m.type.empty() || m.subtype.empty()) return std::nullopt;
  if (m.type == "*" && m.subtype != "*") return std::nullopt;
  std::string_view params =
      semi == std::string_view::npos ? "" : item.substr(semi + 1);
  while (!params.empty()) {
    const std::size_t next = params.find(';');
    const std::string_view p = trim(params.substr(0, next));
    if (p.size() > 2 && detail::ascii_lower(p[0]) == 'q' && p[1] == '=') {
      const std::string_view v = p.substr(2);
      const auto [ptr, ec] =
          std::from_chars(v.data(), v.data() + v.size(), m.q);
      if (ec != std::errc{} || ptr != v.data() + v.size() || m.q < 0 || m.q > 1)
        return std::nullopt;
    }
    if (next == std::string_view::npos) break;
    params.remove_prefix(next + 1);
  }
  return m;
}

}  // namespace

std::optional<std::string_view> final_response::header(
    std::string_view name) const noexcept {
  for (const header_field& f : headers)
    if (iequals(f.name, name)) return std::string_view(f.value);
  return std::nullopt;
}

std::optional<target> resolve(int code, std::string_view vendor) {
  if (code < 100 || code > 599) return std::nullopt;
  const std::span<const status> vendors = find_unofficial(code);
  if (!vendor.empty())
    for (const status& s : vendors)
      if (iequals(s.vendor, vendor)) return target{code, s, false};
  if (auto s = find(code)) return target{code, *s, false};
  if (!vendors.empty()) return target{code, vendors.front(), false};
  return target{code, *effective(code), true};
}

mock_response build_response(const target& t, const request_info& req,
                             const response_options& options) {
  if (t.facts.code == 444 && t.facts.vendor == "nginx") {
    mock_response r;
    r.action = action::close_without_response;
    r.final_.code = 444;
    r.final_.reason = std::string(t.facts.reason);
    return r;
  }
  mock_response r;
  if (is_informational(t.code))
    r = informational(t, req, options);
  else
    r.final_ = make_answer(t, req, options);
  // A client that sent `Expect: 100-continue` and got no 100 may still send
  // its body; RFC 9110 Section 10.1.1 lets the server close rather than
  // read it, and closing is the answer that never misreads a body as the
  // next request. In HTTP/1.0 the expectation MUST be ignored (the same
  // section): the body was read before the answer, and the connection may
  // stay.
  const bool is_continued = !r.interim.empty() && r.interim.front().code == 100;
  if (req.version >= 11 && req.has_body &&
      has_token(req.expect, "100-continue") && !is_continued &&
      r.action == action::respond)
    r.final_.close = true;
  return r;
}

mock_response build_error(std::string_view detail, const request_info& req) {
  mock_response r;
  r.final_ = refusal(400, detail, req);
  return r;
}

bool is_preflight(const request_info& req) noexcept {
  return req.method == "OPTIONS" && !req.access_control_request_method.empty();
}

mock_response build_preflight(const request_info& req) {
  mock_response r;
  final_response& f = r.final_;
  f.code = 204;
  f.reason = std::string(find(204)->reason);
  f.headers.push_back({"Date", http_date(req.now)});
  std::string methods = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";
  const std::string_view asked = trim(req.access_control_request_method);
  if (is_token(asked) &&
      !any_element(methods, [&](std::string_view m) { return m == asked; }))
    (methods += ", ") += asked;
  f.headers.push_back({"Access-Control-Allow-Methods", std::move(methods)});
  // Requested headers are echoed only when every one is a token: anything
  // else could smuggle text into our response.
  const std::string_view headers = trim(req.access_control_request_headers);
  const bool is_all_tokens =
      !any_element(headers, [](std::string_view h) { return !is_token(h); });
  if (!headers.empty() && is_all_tokens)
    f.headers.push_back({"Access-Control-Allow-Headers", std::string(headers)});
  f.headers.push_back({"Access-Control-Max-Age", "600"});
  f.headers.push_back(
      {"Vary",
       "Access-Control-Request-Method, Access-Control-Request-Headers"});
  add_common(f.headers);
  return r;
}

bool is_precomputable(int code, std::string_view method) noexcept {
  if (method != "GET" && method != "HEAD") return false;
  if (code < 200 || code > 599) return false;
  return code != 206 && code != 416 && code != 444;
}

media_type negotiate(std::string_view accept, bool allow_problem) noexcept {
  struct offer {
    media_type type;
    std::string_view major, minor;
  };
  // Server preference order, which decides only exact ties.
  constexpr std::array<offer, 4> offers{{
      {media_type::text, "text", "plain"},
      {media_type::json, "application", "json"},
      {media_type::problem, "application", "problem+json"},
      {media_type::html, "text", "html"},
  }};
  media_type best = media_type::text;
  double best_q = 0;
  int best_specificity = -1;
  std::size_t best_position = 0;
  for (const offer& o : offers) {
    if (o.type == media_type::problem && !allow_problem) continue;
    // The most specific range matching the offer sets its q (RFC 9110
    // Section 12.5.1); among equals the first written counts.
    double q = 0;
    int specificity = -1;
    std::size_t position = 0;
    std::size_t index = 0;
    any_element(accept, [&](std::string_view item) {
      const std::size_t here = index++;
      const auto m = parse_media_range(item);
      if (!m) return false;
      int s = -1;
      if (iequals(m->type, o.major) && iequals(m->subtype, o.minor))
        s = 2;
      else if (iequals(m->type, o.major) && m->subtype == "*")
        s = 1;
      else if (m->type == "*")
        s = 0;
      if (s > specificity) {
        specificity = s;
        q = m->q;
        position = here;
      }
      return false;
    });
    if (specificity < 0 || q <= 0) continue;
    const bool is_better =
        q > best_q ||
        (q == best_q &&
         (specificity > best_specificity ||
          (specificity == best_specificity && position < best_position)));
    if (is_better) {
      best = o.type;
      best_q = q;
      best_specificity = specificity;
      best_position = position;
    }
  }
  return best;
}

std::string_view content_type(media_type m) noexcept {
  switch (m) {
    case media_type::text:
      return "text/plain; charset=utf-8";
    case media_type::json:
      return "application/json";
    case media_type::html:
      return "text/html; charset=utf-8";
    case media_type::problem:
      return "application/problem+json";
  }
  return "text/plain; charset=utf-8";
}

namespace {

// Digits only; a number too large for 64 bits saturates, which is past
// any length we serve, so it still reads right.
std::optional<std::uint64_t> range_number(std::string_view digits) noexcept {
  if (digits.empty()) return std::nullopt;
  std::uint64_t n = 0;
  for (const char ch : digits) {
    if (ch < '0' || ch > '9') return std::nullopt;
    const auto d = static_cast<std::uint64_t>(ch - '0');
    n = n > (UINT64_MAX - d) / 10 ? UINT64_MAX : n * 10 + d;
  }
  return n;
}

// One range-spec of a set (RFC 9110 Section 14.1.1), read against `length`.
struct range_spec {
  byte_ranges::kind outcome = byte_ranges::kind::none;
  byte_span span;
};

// `none` when the spec is not in the grammar, else whether it is
// satisfiable and what it covers.
range_spec parse_range_spec(std::string_view spec,
                            std::uint64_t length) noexcept {
  using kind = byte_ranges::kind;
  const range_spec none;
  const range_spec unsatisfiable{kind::unsatisfiable, {}};
  const std::size_t dash = spec.find('-');
  if (dash == std::string_view::npos) return none;
  const std::string_view first_text = trim(spec.substr(0, dash));
  const std::string_view last_text = trim(spec.substr(dash + 1));
  if (first_text.empty()) {  // suffix: the last N bytes
    const auto n = range_number(last_text);
    if (!n) return none;
    if (*n == 0 || length == 0) return unsatisfiable;
    return {kind::satisfiable, {length - std::min(*n, length), length - 1}};
  }
  const auto first = range_number(first_text);
  if (!first) return none;
  std::uint64_t last = UINT64_MAX;
  if (!last_text.empty()) {
    const auto l = range_number(last_text);
    if (!l || *l < *first) return none;
    last = *l;
  }
  if (*first >= length) return unsatisfiable;
  return {kind::satisfiable, {*first, std::min(last, length - 1)}};
}

// RFC 9110 Section 14.2: a server may coalesce ranges that overlap or are
// close, whatever their order. The mock coalesces those that share or
// touch a byte, so that a client asking `0-4,10-14` gets the two parts it
// asked for, and keeps the parts in the order asked: a client that lists
// a later part first may need it first (Section 14.2 again).
std::vector<byte_span> coalesce(const std::vector<byte_span>& asked) {
  std::vector<std::size_t> by_start(asked.size());
  std::iota(by_start.begin(), by_start.end(), std::size_t{0});
  std::stable_sort(by_start.begin(), by_start.end(),
                   [&](std::size_t a, std::size_t b) {
                     return asked[a].first < asked[b].first;
                   });
  struct run {
    byte_span span;
    std::size_t first_asked;
  };
  std::vector<run> runs;
  for (const std::size_t i : by_start) {
    const byte_span& s = asked[i];
    // `last` is below the length, so `last + 1` cannot wrap.
    if (!runs.empty() && s.first <= runs.back().span.last + 1) {
      runs.back().span.last = std::max(runs.back().span.last, s.last);
      runs.back().first_asked = std::min(runs.back().first_asked, i);
    } else {
      runs.push_back({s, i});
    }
  }
  std::sort(runs.begin(), runs.end(), [](const run& a, const run& b) {
    return a.first_asked < b.first_asked;
  });
  std::vector<byte_span> parts;
  parts.reserve(runs.size());
  for (const run& r : runs) parts.push_back(r.span);
  return parts;
}

}  // namespace

// RFC 9110 Section 14.1.1: a range set is satisfiable if any of its ranges
// is, so an unsatisfiable range beside a satisfiable one must not make a
// 416; it is left out. An element outside the grammar makes the whole
// ranges-specifier invalid, which Section 14.2 lets a server ignore; empty
// list elements are skipped, as Section 5.6.1.2 asks.
byte_ranges parse_range(std::string_view range, std::uint64_t length) {
  using kind = byte_ranges::kind;
  range = trim(range);
  const std::size_t eq = range.find('=');
  if (eq == std::string_view::npos ||
      !iequals(trim(range.substr(0, eq)), "bytes"))
    return {};
  std::vector<byte_span> satisfiable;
  bool is_any = false;
  const bool is_invalid =
      any_element(range.substr(eq + 1), [&](std::string_view spec) {
        const range_spec r = parse_range_spec(spec, length);
        if (r.outcome == kind::none) return true;
        is_any = true;
        if (r.outcome == kind::satisfiable) satisfiable.push_back(r.span);
        return false;
      });
  if (is_invalid || !is_any) return {};
  if (satisfiable.empty()) return {kind::unsatisfiable, {}};
  return {kind::satisfiable, coalesce(satisfiable)};
}

std::string etag_of(std::string_view body) {
  std::uint64_t h = 14695981039346656037ULL;
  for (const char c : body) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  char buf[19];
  std::snprintf(buf, sizeof buf, "\"%016llx\"",
                static_cast<unsigned long long>(h));
  return buf;
}

std::string http_date(std::chrono::system_clock::time_point t) {
  static constexpr std::array<const char*, 7> days{"Sun", "Mon", "Tue", "Wed",
                                                   "Thu", "Fri", "Sat"};
  static constexpr std::array<const char*, 12> months{
      "Jan", "Feb", "Mar", "Apr", "May", "Jun",
      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const std::time_t seconds = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d GMT",
                days[static_cast<std::size_t>(tm.tm_wday)], tm.tm_mday,
                months[static_cast<std::size_t>(tm.tm_mon)], tm.tm_year + 1900,
                tm.tm_hour, tm.tm_min, tm.tm_sec);
  return buf;
}

}  // namespace httpstatus::server::mock
