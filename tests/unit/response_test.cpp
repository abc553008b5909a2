// SPDX-License-Identifier: MIT
// Response builders: content negotiation, revalidation, status lines,
// pre-rendered variants, the Date cache.
#include "response.hpp"

#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <sstream>
#include <string>

#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/field.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>

#include "compress.hpp"
#include "content.hpp"

namespace {

using namespace httpstatus::server;
namespace http = boost::beast::http;

request get(std::string_view target) {
  request req{http::verb::get, target, 11};
  return req;
}

TEST(response, chooses_coding_from_accept_encoding) {
  struct row {
    const char* accept;
    coding expected;
  };
  const row rows[] = {
      {"", coding::identity},
      {"gzip", coding::gzip},
      {"br", coding::br},
      {"gzip, deflate, br", coding::br},
      {"gzip, br;q=0", coding::gzip},
      {"br;q=0, gzip;q=0", coding::identity},
      {"gzip;q=0.5, br;q=0.4", coding::gzip},
      {"BR, GZIP", coding::br},
      {"x-gzip", coding::gzip},
      {"*", coding::br},
      {"*;q=0, gzip", coding::gzip},
      {"identity", coding::identity},
      {"identity;q=1, gzip;q=0.5", coding::identity},
      {"deflate", coding::identity},
      {"gzip;q=oops, br;q=1.5", coding::identity},
      {"gzip ; q=0.8 , br ; q=0.9", coding::br},
      {" , ,gzip", coding::gzip},
  };
  for (const row& r : rows)
    EXPECT_EQ(choose_coding(r.accept, true, true), r.expected) << r.accept;
}

TEST(response, chooses_only_variants_that_exist) {
  EXPECT_EQ(choose_coding("br, gzip", true, false), coding::gzip);
  EXPECT_EQ(choose_coding("br", true, false), coding::identity);
  EXPECT_EQ(choose_coding("br, gzip", false, false), coding::identity);
}

TEST(response, matches_if_none_match_weakly) {
  struct row {
    const char* header;
    bool hits;
  };
  const row rows[] = {
      {"\"abc\"", true}, {"W/\"abc\"", true}, {"\"x\", \"abc\"", true},
      {"*", true},       {"\"abcd\"", false}, {"", false},
      {"abc", false},
  };
  for (const row& r : rows)
    EXPECT_EQ(none_match_hits(r.header, "\"abc\""), r.hits) << r.header;
}

TEST(response, takes_reason_from_registry_even_where_beast_has_none) {
  // Boost 1.81 knows neither 103 nor 425; the registry does.
  EXPECT_EQ(make_response(418, 11, true).reason(), "I'm a teapot");
  EXPECT_EQ(make_response(425, 11, true).reason(), "Too Early");
  EXPECT_EQ(make_response(103, 11, true).reason(), "Early Hints");
  EXPECT_EQ(make_response(404, 10, false).reason(), "Not Found");
  EXPECT_EQ(make_response(404, 11, true)[http::field::server], "httpstatus");
}

TEST(response, set_body_drops_bodies_the_status_forbids) {
  for (const int code : {100, 204, 304}) {
    response res = make_response(code, 11, true);
    set_body(res, payload::owned("text"), "text/plain");
    EXPECT_TRUE(res.body().view().empty()) << code;
    EXPECT_EQ(res.count(http::field::content_length), 0u) << code;
  }
  response ok = make_response(200, 11, true);
  set_body(ok, payload::owned("text"), "text/plain");
  EXPECT_EQ(ok.body().view(), "text");
  EXPECT_EQ(ok[http::field::content_length], "4");
}

TEST(response, payload_view_survives_moves) {
  payload p = payload::owned("short");  // small enough for SSO
  payload moved = std::move(p);
  payload copy = moved;
  EXPECT_EQ(moved.view(), "short");
  EXPECT_EQ(copy.view(), "short");
}

TEST(response, make_resource_adds_smaller_variants_with_distinct_etags) {
  std::string body;
  for (int i = 0; i < 200; ++i)
    body += "<tr><td>404</td><td>Not Found</td></tr>\n";
  const resource r = make_resource(body, "text/html", resource_kind::page);
  EXPECT_EQ(r.identity.bytes, body);
  EXPECT_LT(r.gzip.bytes.size(), body.size());
  EXPECT_LT(r.br.bytes.size(), r.gzip.bytes.size());
  EXPECT_TRUE(r.is_negotiated());
  EXPECT_NE(r.identity.etag, r.gzip.etag);
  EXPECT_NE(r.identity.etag, r.br.etag);
  EXPECT_NE(r.gzip.etag, r.br.etag);
  EXPECT_EQ(r.identity.etag, make_etag(body));
  EXPECT_TRUE(
      std::regex_match(r.identity.etag, std::regex("\"[0-9a-f]{16}\"")));
}

TEST(response, make_resource_skips_compression_of_tiny_bodies) {
  const resource r = make_resource("ok", "text/plain", resource_kind::text);
  EXPECT_FALSE(r.is_negotiated());
  EXPECT_EQ(r.cache_control, "no-store");
}

TEST(response, cache_control_follows_kind) {
  EXPECT_EQ(make_resource("x", "t", resource_kind::asset, true).cache_control,
            "public, max-age=31536000, immutable");
  EXPECT_EQ(make_resource("x", "t", resource_kind::asset, false).cache_control,
            "public, max-age=300, must-revalidate");
  EXPECT_EQ(make_resource("x", "t", resource_kind::page).cache_control,
            "public, max-age=300, must-revalidate");
  EXPECT_EQ(make_resource("x", "t", resource_kind::document).cache_control,
            "public, max-age=300");
}

TEST(response, serve_picks_variant_and_answers_304) {
  std::string body(1000, 'a');
  const resource r =
      make_resource(body, "text/html; charset=utf-8", resource_kind::page);
  request req = get("/");
  req.set(http::field::accept_encoding, "gzip");
  const response gz = serve(req, r);
  EXPECT_EQ(gz.result_int(), 200u);
  EXPECT_EQ(gz[http::field::content_encoding], "gzip");
  EXPECT_EQ(gz[http::field::etag], r.gzip.etag);
  EXPECT_EQ(gz.body().view(), r.gzip.bytes);
  EXPECT_EQ(gz[http::field::vary], "Accept-Encoding");
  EXPECT_EQ(gz[http::field::content_length],
            std::to_string(r.gzip.bytes.size()));

  req.set(http::field::if_none_match, r.gzip.etag);
  const response not_modified = serve(req, r);
  EXPECT_EQ(not_modified.result_int(), 304u);
  EXPECT_TRUE(not_modified.body().view().empty());
  EXPECT_EQ(not_modified.count(http::field::content_length), 0u);
  EXPECT_EQ(not_modified[http::field::etag], r.gzip.etag);
  EXPECT_EQ(not_modified[http::field::cache_control], r.cache_control);

  // The identity tag does not validate the gzip representation.
  req.set(http::field::if_none_match, r.identity.etag);
  EXPECT_EQ(serve(req, r).result_int(), 200u);
}

// RFC 9110 Section 5.3: lines that repeat a list field's name are one
// list. Only the first line was read, so a tag on the second never hit
// and a coding named there was never chosen.
TEST(response, serve_reads_every_line_of_a_list_field) {
  const resource r = make_resource(
      std::string(1000, 'a'), "text/html; charset=utf-8", resource_kind::page);
  request req = get("/");
  req.insert(http::field::accept_encoding, "identity");
  req.insert(http::field::accept_encoding, "br");
  const response br = serve(req, r);
  EXPECT_EQ(br.result_int(), 200u);
  EXPECT_EQ(br[http::field::content_encoding], "br");

  req.insert(http::field::if_none_match, "\"nope\"");
  req.insert(http::field::if_none_match, r.br.etag);
  EXPECT_EQ(serve(req, r).result_int(), 304u);

  // A body rendered per request: the same two lines.
  const std::string body(2000, 'b');
  const response first =
      serve_dynamic(req, body, "text/plain", resource_kind::text, "no-cache");
  const std::string etag(first[http::field::etag]);
  EXPECT_EQ(etag, make_etag(body, "-br"));
  request again = get("/");
  again.insert(http::field::accept_encoding, "identity");
  again.insert(http::field::accept_encoding, "br");
  again.insert(http::field::if_none_match, "\"nope\"");
  again.insert(http::field::if_none_match, etag);
  EXPECT_EQ(
      serve_dynamic(again, body, "text/plain", resource_kind::text, "no-cache")
          .result_int(),
      304u);
}

// RFC 9110 Section 13.1.1: If-Match compares strongly, so a weak tag, even
// of the current representation, never matches; "*" matches any.
TEST(response, matches_if_match_strongly) {
  struct row {
    std::string_view if_match;
    bool holds;
  };
  const row rows[] = {
      {"", true},  // no If-Match
      {"*", true},
      {"\"abc\"", true},
      {"\"x\", \"abc\"", true},
      {"\"x,y\", \"abc\"", true},
      {"W/\"abc\"", false},
      {"\"nomatch\"", false},
      {"abc", false},
  };
  for (const row& r : rows)
    EXPECT_EQ(match_holds(r.if_match, "\"abc\""), r.holds) << r.if_match;
  EXPECT_FALSE(match_holds("W/\"abc\"", "W/\"abc\""));
}

TEST(response, pages_carry_security_headers_and_documents_cors) {
  response page = make_response(200, 11, true);
  add_kind_headers(page, resource_kind::page);
  EXPECT_EQ(page["Content-Security-Policy"], content_security_policy);
  EXPECT_EQ(page["X-Content-Type-Options"], "nosniff");
  EXPECT_EQ(page["Referrer-Policy"], "no-referrer");
  EXPECT_EQ(page.count(http::field::access_control_allow_origin), 0u);
  EXPECT_EQ(content_security_policy.find("unsafe-inline"), std::string::npos);

  response doc = make_response(200, 11, true);
  add_kind_headers(doc, resource_kind::document);
  EXPECT_EQ(doc[http::field::access_control_allow_origin], "*");
  EXPECT_EQ(doc.count("Content-Security-Policy"), 0u);
}

TEST(response, formats_date_as_imf_fixdate) {
  const std::string date(http_date());
  EXPECT_TRUE(std::regex_match(
      date, std::regex("(Mon|Tue|Wed|Thu|Fri|Sat|Sun), [0-3][0-9] "
                       "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) "
                       "[0-9]{4} [0-2][0-9]:[0-5][0-9]:[0-6][0-9] GMT")))
      << date;
}

// What a client sees of the bytes on the wire: the status line, the fields
// as a multimap (their order is not part of HTTP's meaning), the body.
struct seen {
  unsigned version = 0;
  unsigned code = 0;
  std::string reason;
  std::multimap<std::string, std::string> fields;
  std::string body;
  friend bool operator==(const seen&, const seen&) = default;
};

seen read_wire(const std::string& wire, bool head) {
  http::response_parser<http::string_body> parser;
  parser.skip(head);
  boost::beast::error_code ec;
  std::string_view rest = wire;
  while (!ec && !parser.is_done() && !rest.empty())
    rest.remove_prefix(parser.put(boost::asio::buffer(rest), ec));
  if (!ec && !parser.is_done()) parser.put_eof(ec);
  EXPECT_FALSE(ec) << ec.message() << "\n" << wire;
  EXPECT_TRUE(parser.is_done()) << wire;
  const auto& res = parser.get();
  seen s{res.version(), res.result_int(), std::string(res.reason()), {}, res.body()};
  for (const auto& f : res)
    s.fields.emplace(std::string(f.name_string()), std::string(f.value()));
  return s;
}

// Beast's own serialization of `res`: the reference the server's writer
// (`wire_buffers`) is held to.
// What Beast's serializer writes, with the status line the server sends
// every client, HTTP/1.0 ones too (RFC 9110 Section 2.5): HTTP/1.1.
std::string beast_wire(const response& res) {
  std::ostringstream out;
  out << res;
  std::string wire = std::move(out).str();
  if (wire.starts_with("HTTP/1.0 ")) wire[7] = '1';
  return wire;
}

// The server writes every response with `wire_buffers`; without prepared
// fields it must send exactly the bytes Beast's serializer would.
TEST(response, writes_what_beasts_serializer_writes) {
  response teapot = make_response(418, 11, true);
  set_body(teapot, payload::owned("short and stout"), "text/plain");
  teapot.set(http::field::date, "Sun, 06 Nov 1994 08:49:37 GMT");
  response vendor = make_response(499, 10, false);
  vendor.reason("Token Required");
  response no_content = make_response(204, 11, false);
  response head = make_response(200, 11, true);
  set_body(head, payload::owned("hello"), "text/plain");
  strip_body(head);
  for (const response* res : {&teapot, &vendor, &no_content, &head})
    EXPECT_EQ(to_wire(*res), beast_wire(*res));
  EXPECT_TRUE(to_wire(teapot).starts_with("HTTP/1.1 418 I'm a teapot\r\n"));
  // An empty reason, held as a lone space, is sent as none: SP, then the
  // line's end (RFC 9112 Section 4), where Beast writes the space.
  const response unregistered = make_response(299, 11, true);
  EXPECT_EQ(to_wire(unregistered),
            "HTTP/1.1 299 \r\nServer: httpstatus\r\n\r\n");
  EXPECT_EQ(beast_wire(unregistered),
            "HTTP/1.1 299  \r\nServer: httpstatus\r\n\r\n");
  // A message for an HTTP/1.0 client says HTTP/1.1 all the same.
  EXPECT_TRUE(to_wire(vendor).starts_with("HTTP/1.1 499 Token Required\r\n"));
}

// A resource held by a `content` is served from its prepared fields; the
// bytes a client reads must be the ones the field-by-field path sends, for
// every variant, 304, HEAD, HTTP/1.0 and `Connection: close`.
TEST(response, prepared_responses_send_what_the_unprepared_path_sends) {
  const resource plain = make_resource(std::string(2000, 'x'),
                                       "text/html; charset=utf-8",
                                       resource_kind::page);
  resource prepared = plain;
  prepare_fields(prepared);
  ASSERT_FALSE(prepared.br.fields_200.empty());

  struct ask {
    const char* accept_encoding;
    bool revalidate;
    unsigned version;
    bool close;
    bool head;
  };
  for (const ask& a : {ask{"br", false, 11, false, false},
                       ask{"gzip", false, 11, false, false},
                       ask{"", false, 11, false, false},
                       ask{"gzip", true, 11, false, false},
                       ask{"br", false, 11, true, false},
                       ask{"br", false, 10, false, false},
                       ask{"br", false, 10, true, false},
                       ask{"gzip", false, 11, false, true}}) {
    request req{a.head ? http::verb::head : http::verb::get, "/", a.version};
    req.set(http::field::accept_encoding, a.accept_encoding);
    if (a.revalidate) req.set(http::field::if_none_match, plain.gzip.etag);
    if (a.version == 10 && !a.close) req.set(http::field::connection, "keep-alive");
    if (a.version == 11 && a.close) req.set(http::field::connection, "close");
    response expected = serve(req, plain);
    response actual = serve(req, prepared);
    EXPECT_TRUE(expected.body().prepared_fields().empty());
    EXPECT_FALSE(actual.body().prepared_fields().empty());
    if (a.head) {
      strip_body(expected);
      strip_body(actual);
    }
    // What the session adds before writing.
    for (response* res : {&expected, &actual})
      res->set(http::field::date, "Sun, 06 Nov 1994 08:49:37 GMT");
    EXPECT_EQ(expected.keep_alive(), actual.keep_alive());
    const std::string wire = to_wire(actual);
    EXPECT_EQ(read_wire(beast_wire(expected), a.head), read_wire(wire, a.head))
        << a.accept_encoding << (a.revalidate ? " revalidate" : "") << " HTTP/"
        << a.version << (a.close ? " close" : "") << (a.head ? " HEAD" : "")
        << "\n" << wire.substr(0, wire.find("\r\n\r\n"));
  }
}

TEST(response, strip_body_keeps_prepared_fields) {
  resource r = make_resource("hello", "text/plain", resource_kind::text);
  prepare_fields(r);
  response res = serve(get("/healthz"), r);
  strip_body(res);
  EXPECT_TRUE(res.body().view().empty());
  EXPECT_NE(to_wire(res).find("Content-Length: 5\r\n"), std::string::npos);
}

TEST(response, strip_body_keeps_content_length) {
  response res = make_response(200, 11, true);
  set_body(res, payload::owned("hello"), "text/plain");
  strip_body(res);
  EXPECT_TRUE(res.body().view().empty());
  EXPECT_EQ(res[http::field::content_length], "5");
}

}  // namespace
