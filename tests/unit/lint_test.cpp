// SPDX-License-Identifier: MIT
// Tests of the response lint: the reader, the grammar checks and every rule.
#include "lint.hpp"

#include <gtest/gtest.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <boost/url/parse.hpp>
#include <filesystem>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "httpstatus/registry.hpp"
#include "lint_command.hpp"
#include "syntax.hpp"

namespace {

using namespace httpstatus;
using lint::finding;

constexpr std::string_view date = "Date: Sun, 06 Nov 1994 08:49:37 GMT\n";

std::vector<finding> lint_text(const std::string& text,
                               const lint::request_context& req = {}) {
  const lint::parse_result parsed = lint::parse_responses(text, req.method);
  EXPECT_EQ(parsed.ec, std::errc{}) << parsed.error << "\n" << text;
  if (parsed.responses.empty()) return {};
  return lint::lint(parsed.responses.back(), req);
}

std::string rules_of(const std::vector<finding>& findings) {
  std::string s;
  for (const finding& f : findings)
    s += std::string(f.rule) + ":" + std::string(to_string(f.strength)) + " ";
  return s;
}

// --- one row per rule case: the response, the request, what must show ---

struct rule_case {
  std::string_view name;
  std::string text;
  std::string method = "GET";
  std::vector<lint::field> request_headers;
  std::string_view rule;                // the rule this row is about
  std::optional<requirement> expected;  // nullopt: the rule must not fire
  std::string_view section = {};        // if set, the section it must cite
  bool from_the_wire = false;           // read by check, not from curl
};

std::string with_date(std::string_view status_line, std::string_view rest) {
  return std::string(status_line) + "\n" + std::string(date) +
         std::string(rest);
}

// The fields RFC 9110 Sections 15.3.7 and 15.4.5 ask of a 206 or a 304
// when a 200 would have had them (Date aside), so that a row about
// something else draws no info about them.
const std::string as_a_200 =
    "Cache-Control: max-age=60\nETag: \"a\"\nExpires: Sun, 06 Nov 1994 "
    "09:49:37 GMT\nContent-Location: /doc\nVary: Accept\n";

const std::vector<rule_case>& rule_cases() {
  static const std::vector<rule_case> cases = {
      {"405_without_allow",
       with_date("HTTP/1.1 405 Method Not Allowed", "Content-Length: 0\n\n"),
       "GET",
       {},
       "required-header",
       requirement::must},
      {"405_with_allow",
       with_date("HTTP/1.1 405 Method Not Allowed",
                 "Allow: GET, HEAD\nContent-Length: 0\n\n"),
       "GET",
       {},
       "required-header",
       std::nullopt},
      {"401_without_challenge",
       with_date("HTTP/1.1 401 Unauthorized", "\n"),
       "GET",
       {},
       "required-header",
       requirement::must},
      {"401_with_empty_challenge",
       with_date("HTTP/1.1 401 Unauthorized", "WWW-Authenticate:  \n\n"),
       "GET",
       {},
       "required-header",
       requirement::must},
      // An empty list is no challenge (RFC 9110 Section 5.6.1); it passed.
      {"401_with_only_commas",
       with_date("HTTP/1.1 401 Unauthorized", "WWW-Authenticate: , ,,\n\n"),
       "GET",
       {},
       "required-header",
       requirement::must},
      {"401_with_empty_then_real_challenge",
       with_date("HTTP/1.1 401 Unauthorized",
                 "WWW-Authenticate:\nWWW-Authenticate: Basic "
                 "realm=\"x\"\n\n"),
       "GET",
       {},
       "required-header",
       std::nullopt},
      {"407_with_empty_challenge",
       with_date("HTTP/1.1 407 Proxy Authentication Required",
                 "Proxy-Authenticate: \n\n"),
       "GET",
       {},
       "required-header",
       requirement::must},
      {"407_with_challenge",
       with_date("HTTP/1.1 407 Proxy Authentication Required",
                 "Proxy-Authenticate: Basic realm=\"proxy\"\n\n"),
       "GET",
       {},
       "required-header",
       std::nullopt},
      {"405_with_empty_allow",
       with_date("HTTP/1.1 405 Method Not Allowed",
                 "Allow: \nContent-Length: 0\n\n"),
       "GET",
       {},
       "required-header",
       std::nullopt},
      {"301_without_location",
       with_date("HTTP/1.1 301 Moved Permanently", "\n"),
       "GET",
       {},
       "required-header",
       requirement::should},
      {"503_without_retry_after",
       with_date("HTTP/1.1 503 Service Unavailable", "\n"),
       "GET",
       {},
       "required-header",
       requirement::may},
      {"304_without_etag_is_conditional",
       with_date("HTTP/1.1 304 Not Modified", "\n"),
       "GET",
       {},
       "required-header",
       requirement::info},
      {"206_multipart_needs_no_content_range",
       with_date(
           "HTTP/1.1 206 Partial Content",
           as_a_200 + "Content-Type: multipart/byteranges; boundary=x\n\n"),
       "GET",
       {},
       "required-header",
       std::nullopt},
      {"206_multipart_in_any_case_needs_no_content_range",
       with_date(
           "HTTP/1.1 206 Partial Content",
           as_a_200 + "Content-Type: Multipart/Byteranges; boundary=B\n\n"),
       "GET",
       {},
       "required-header",
       std::nullopt},
      // The multipart/byteranges Content-Type is asked of several parts
      // only: a single part without any Content-Type breaks no MUST here
      // (content-type-missing says what it does break).
      {"206_single_part_needs_no_multipart_content_type",
       with_date(
           "HTTP/1.1 206 Partial Content",
           as_a_200 + "Content-Range: bytes 0-1/10\nContent-Length: 2\n\nhi"),
       "GET",
       {},
       "required-header",
       std::nullopt},
      // Fields the spec describes without a keyword are not asked for:
      // 415's Accept and Accept-Encoding ("can", "ought to"), 103's Link.
      {"415_without_accept_is_no_finding",
       with_date("HTTP/1.1 415 Unsupported Media Type",
                 "Content-Length: 0\n\n"),
       "GET",
       {},
       "required-header",
       std::nullopt},
      // RFC 5789 Section 2.2: a 415 to a PATCH SHOULD say which patch
      // formats are taken; to another method, Accept-Patch is not asked.
      {"415_to_a_patch_without_accept_patch",
       with_date("HTTP/1.1 415 Unsupported Media Type",
                 "Content-Length: 0\n\n"),
       "PATCH",
       {},
       "required-header",
       requirement::should,
       "RFC 5789, Section 2.2"},
      {"415_to_a_patch_with_accept_patch",
       with_date("HTTP/1.1 415 Unsupported Media Type",
                 "Accept-Patch: application/merge-patch+json\n"
                 "Content-Length: 0\n\n"),
       "PATCH",
       {},
       "required-header",
       std::nullopt},
      {"103_without_link_is_no_finding",
       "HTTP/1.1 103 Early Hints\n\n",
       "GET",
       {},
       "required-header",
       std::nullopt},
      {"304_with_what_a_200_had",
       with_date("HTTP/1.1 304 Not Modified", as_a_200 + "\n"),
       "GET",
       {},
       "required-header",
       std::nullopt},
      {"206_single_part_without_content_range",
       with_date("HTTP/1.1 206 Partial Content",
                 "ETag: \"a\"\nContent-Type: text/plain\n\n"),
       "GET",
       {},
       "required-header",
       requirement::must},
      {"206_multipart_with_content_range",
       with_date("HTTP/1.1 206 Partial Content",
                 "ETag: \"a\"\nContent-Type: multipart/byteranges; "
                 "boundary=B\nContent-Range: bytes 0-1/10\n\n"),
       "GET",
       {},
       "multipart-content-range",
       requirement::must,
       "RFC 9110, Section 15.3.7.2"},
      {"206_multipart_without_content_range",
       with_date("HTTP/1.1 206 Partial Content",
                 "ETag: \"a\"\nContent-Type: multipart/byteranges; "
                 "boundary=B\n\n"),
       "GET",
       {},
       "multipart-content-range",
       std::nullopt},
      // RFC 9110 Sections 14.6 and 15.3.7.2: the parts are found by the
      // boundary, and each says its range; neither was judged.
      {"206_multipart_without_boundary",
       with_date("HTTP/1.1 206 Partial Content",
                 "ETag: \"a\"\nContent-Type: multipart/byteranges\n"
                 "Content-Length: 5\n\nhello"),
       "GET",
       {},
       "byteranges-parts",
       requirement::must,
       "RFC 9110, Section 14.6"},
      {"206_multipart_part_without_content_range",
       with_date("HTTP/1.1 206 Partial Content",
                 "ETag: \"a\"\nContent-Type: multipart/byteranges; "
                 "boundary=\"B\"\n\n--B\r\nContent-Type: text/plain\r\n"
                 "Content-Range: bytes 0-1/10\r\n\r\nhi\r\n--B\r\n"
                 "Content-Type: text/plain\r\n\r\nyo\r\n--B--\r\n"),
       "GET",
       {},
       "byteranges-parts",
       requirement::must,
       "RFC 9110, Section 15.3.7.2"},
      {"206_multipart_with_no_part",
       with_date("HTTP/1.1 206 Partial Content",
                 "ETag: \"a\"\nContent-Type: multipart/byteranges; "
                 "boundary=B\n\nhello"),
       "GET",
       {},
       "byteranges-parts",
       requirement::must,
       "RFC 9110, Section 15.3.7.2"},
      {"206_multipart_well_formed",
       with_date("HTTP/1.1 206 Partial Content",
                 "ETag: \"a\"\nContent-Type: Multipart/Byteranges; "
                 "BOUNDARY=B\n\n--B\r\nContent-Type: text/plain\r\n"
                 "content-range: bytes 0-1/10\r\n\r\nhi\r\n--B\r\n"
                 "Content-Range: bytes 8-9/10\r\n\r\nyo\r\n--B--\r\n"),
       "GET",
       {},
       "byteranges-parts",
       std::nullopt},
      // Go's net/http writes Content-Range before Content-Type in a part;
      // the line's CR was kept and the valid range read as missing.
      {"206_multipart_with_content_range_first_in_the_part",
       with_date("HTTP/1.1 206 Partial Content",
                 "ETag: \"a\"\nContent-Type: multipart/byteranges; "
                 "boundary=B\n\n--B\r\nContent-Range: bytes 0-1/10\r\n"
                 "Content-Type: text/plain\r\n\r\nhi\r\n--B--\r\n"),
       "GET",
       {},
       "byteranges-parts",
       std::nullopt},
      {"206_single_part_with_content_range",
       with_date("HTTP/1.1 206 Partial Content",
                 "ETag: \"a\"\nContent-Type: text/plain\nContent-Range: "
                 "bytes 0-1/10\nContent-Length: 2\n\nhi"),
       "GET",
       {},
       "multipart-content-range",
       std::nullopt},
      // RFC 9112 Section 4: the space after the code is sent even when the
      // reason phrase is empty. curl writes HTTP/2's status line itself.
      {"status_line_without_space_after_code",
       with_date("HTTP/1.1 204", "\n"),
       "GET",
       {},
       "status-line-syntax",
       requirement::must,
       "RFC 9112, Section 4"},
      {"status_line_with_space_and_no_reason",
       with_date("HTTP/1.1 204 ", "\n"),
       "GET",
       {},
       "status-line-syntax",
       std::nullopt},
      {"http2_status_line_from_curl",
       with_date("HTTP/2 204", "\n"),
       "GET",
       {},
       "status-line-syntax",
       std::nullopt},
      // What follows a 101 is the new protocol's (RFC 9110 Section
      // 15.2.2): a WebSocket frame after it is no content of the 101.
      {"101_then_the_new_protocol",
       "HTTP/1.1 101 Switching Protocols\nUpgrade: websocket\nConnection: "
       "Upgrade\n\n\x81\x05hello",
       "GET",
       {},
       "body-not-allowed",
       std::nullopt},
      // RFC 9110 Section 7.8: no switch the request did not offer. check
      // knows the request; curl's transcript does not show it.
      {"101_on_the_wire_to_a_request_without_upgrade",
       "HTTP/1.1 101 Switching Protocols\nUpgrade: websocket\nConnection: "
       "Upgrade\n\n",
       "GET",
       {},
       "upgrade-not-offered",
       requirement::must,
       "RFC 9110, Section 7.8",
       true},
      {"101_in_a_transcript_of_an_unknown_request",
       "HTTP/1.1 101 Switching Protocols\nUpgrade: websocket\nConnection: "
       "Upgrade\n\n",
       "GET",
       {},
       "upgrade-not-offered",
       std::nullopt},
      {"101_to_a_protocol_not_offered",
       "HTTP/1.1 101 Switching Protocols\nUpgrade: websocket\nConnection: "
       "Upgrade\n\n",
       "GET",
       {{"Upgrade", "h2c"}},
       "upgrade-not-offered",
       requirement::must},
      {"101_to_the_protocol_offered",
       "HTTP/1.1 101 Switching Protocols\nUpgrade: websocket\nConnection: "
       "Upgrade\n\n",
       "GET",
       {{"Upgrade", "h2c, WebSocket"}},
       "upgrade-not-offered",
       std::nullopt,
       {},
       true},
      // RFC 9110 Section 7.8: Upgrade goes with Connection's "upgrade".
      {"101_without_connection_upgrade",
       "HTTP/1.1 101 Switching Protocols\nUpgrade: websocket\n\n",
       "GET",
       {{"Upgrade", "websocket"}},
       "upgrade-connection",
       requirement::must,
       "RFC 9110, Section 7.8"},
      {"426_whose_connection_names_only_keep_alive",
       with_date("HTTP/1.1 426 Upgrade Required",
                 "Upgrade: HTTP/3.0\nConnection: keep-alive\nContent-Length: "
                 "0\n\n"),
       "GET",
       {},
       "upgrade-connection",
       requirement::must},
      {"426_with_upgrade_among_connection_options",
       with_date("HTTP/1.1 426 Upgrade Required",
                 "Upgrade: HTTP/3.0\nConnection: keep-alive, UPGRADE\n"
                 "Content-Length: 0\n\n"),
       "GET",
       {},
       "upgrade-connection",
       std::nullopt},
      {"200_advertising_an_upgrade_without_connection",
       with_date("HTTP/1.1 200 OK", "Upgrade: h2c\nContent-Length: 0\n\n"),
       "GET",
       {},
       "upgrade-connection",
       requirement::must},
      {"http2_status_line_on_an_http1_connection",
       with_date("HTTP/2 204", "\n"),
       "GET",
       {},
       "http-version-syntax",
       requirement::must,
       {},
       true},
      // RFC 9112 Section 7.1: chunk lines end in CRLF; judged from the
      // wire only, as a saved transcript may have bare LF throughout.
      {"chunk_lines_in_bare_lf_on_the_wire",
       "HTTP/1.1 200 OK\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\n"
       "Content-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"
       "2\nhi\n0\n\n",
       "GET",
       {},
       "chunk-line-ending",
       requirement::must,
       "RFC 9112, Section 7.1",
       true},
      {"chunk_lines_in_bare_lf_in_a_transcript",
       "HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\n"
       "Content-Type: text/plain\nTransfer-Encoding: chunked\n\n"
       "2\nhi\n0\n\n",
       "GET",
       {},
       "chunk-line-ending",
       std::nullopt},
      {"chunk_lines_in_crlf_on_the_wire",
       "HTTP/1.1 200 OK\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\n"
       "Content-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"
       "2\r\nhi\r\n0\r\n\r\n",
       "GET",
       {},
       "chunk-line-ending",
       std::nullopt,
       {},
       true},
      {"101_without_upgrade",
       "HTTP/1.1 101 Switching Protocols\n\n",
       "GET",
       {},
       "required-header",
       requirement::must},
      {"204_with_content_length",
       with_date("HTTP/1.1 204 No Content", "Content-Length: 0\n\n"),
       "GET",
       {},
       "content-length-forbidden",
       requirement::must},
      {"204_without_content_length",
       with_date("HTTP/1.1 204 No Content", "\n"),
       "GET",
       {},
       "content-length-forbidden",
       std::nullopt},
      {"304_may_carry_content_length",
       with_date("HTTP/1.1 304 Not Modified",
                 "ETag: \"a\"\nContent-Length: 42\n\n"),
       "GET",
       {},
       "content-length-forbidden",
       std::nullopt},
      {"connect_200_with_content_length",
       with_date("HTTP/1.1 200 Connection Established",
                 "Content-Length: 0\n\n"),
       "CONNECT",
       {},
       "content-length-forbidden",
       requirement::must,
       "RFC 9110, Section 8.6"},
      {"get_200_with_content_length",
       with_date("HTTP/1.1 200 OK", "Content-Length: 0\n\n"),
       "GET",
       {},
       "content-length-forbidden",
       std::nullopt},
      {"connect_200_with_transfer_encoding",
       with_date("HTTP/1.1 200 Connection Established",
                 "Transfer-Encoding: chunked\n\n"),
       "CONNECT",
       {},
       "transfer-encoding-forbidden",
       requirement::must,
       "RFC 9112, Section 6.1"},
      {"lowercase_connect_is_another_method",
       with_date("HTTP/1.1 200 OK", "Content-Length: 0\n\n"),
       "connect",
       {},
       "content-length-forbidden",
       std::nullopt},
      {"connect_200_without_framing",
       with_date("HTTP/1.1 200 Connection Established", "\n"),
       "CONNECT",
       {},
       "transfer-encoding-forbidden",
       std::nullopt},
      {"connect_407_with_content_length",
       with_date("HTTP/1.1 407 Proxy Authentication Required",
                 "Proxy-Authenticate: Basic realm=\"p\"\nContent-Length: "
                 "0\n\n"),
       "CONNECT",
       {},
       "content-length-forbidden",
       std::nullopt},
      {"100_with_transfer_encoding",
       "HTTP/1.1 100 Continue\nTransfer-Encoding: chunked\n\n",
       "GET",
       {},
       "transfer-encoding-forbidden",
       requirement::must,
       "RFC 9112, Section 6.1"},
      {"304_with_body",
       with_date("HTTP/1.1 304 Not Modified", "ETag: \"a\"\n\nhello"),
       "GET",
       {},
       "body-not-allowed",
       requirement::must},
      {"304_without_body",
       with_date("HTTP/1.1 304 Not Modified", "ETag: \"a\"\n\n"),
       "GET",
       {},
       "body-not-allowed",
       std::nullopt},
      // RFC 9110 Section 15.4.5: a 304 ends at its header even when it
      // names chunked (RFC 9112 Section 6.1 lets it); a zero chunk after
      // it is bytes a client reads as the next response. check said so;
      // the lint de-chunked them into no content.
      {"304_with_a_zero_chunk",
       with_date("HTTP/1.1 304 Not Modified",
                 "ETag: \"a\"\nTransfer-Encoding: chunked\n\n0\r\n\r\n"),
       "GET",
       {},
       "body-not-allowed",
       requirement::must},
      // A 205 is not implicitly empty: an empty chunked body frames it.
      {"205_with_an_empty_chunked_body",
       with_date("HTTP/1.1 205 Reset Content",
                 "Transfer-Encoding: chunked\n\n0\r\n\r\n"),
       "GET",
       {},
       "body-not-allowed",
       std::nullopt},
      {"204_with_trailing_blank_lines",
       with_date("HTTP/1.1 204 No Content", "\n\n\n"),
       "GET",
       {},
       "body-not-allowed",
       std::nullopt},
      {"304_with_trailing_crlf_lines",
       "HTTP/1.1 304 Not Modified\r\nETag: \"a\"\r\n" +
           std::string(date.substr(0, date.size() - 1)) + "\r\n\r\n\r\n\r\n",
       "GET",
       {},
       "body-not-allowed",
       std::nullopt},
      {"204_with_content_and_trailing_newline",
       with_date("HTTP/1.1 204 No Content", "\nhello\n\n"),
       "GET",
       {},
       "body-not-allowed",
       requirement::must},
      // curl -I shows no content, but the length announces it.
      {"205_announcing_content_not_shown",
       with_date("HTTP/1.1 205 Reset Content", "Content-Length: 5\n\n"),
       "HEAD",
       {},
       "body-not-allowed",
       requirement::must},
      {"205_announcing_no_content",
       with_date("HTTP/1.1 205 Reset Content", "Content-Length: 0\n\n"),
       "HEAD",
       {},
       "body-not-allowed",
       std::nullopt},
      {"205_with_content",
       with_date("HTTP/1.1 205 Reset Content", "Content-Length: 2\n\nhi"),
       "GET",
       {},
       "body-not-allowed",
       requirement::must},
      {"205_empty",
       with_date("HTTP/1.1 205 Reset Content", "Content-Length: 0\n\n"),
       "GET",
       {},
       "body-not-allowed",
       std::nullopt},
      {"head_with_body",
       with_date("HTTP/1.1 200 OK",
                 "Content-Type: text/plain\nContent-Length: 2\n\nhi"),
       "HEAD",
       {},
       "head-body",
       requirement::must},
      {"head_with_a_zero_chunk",
       with_date("HTTP/1.1 200 OK",
                 "Content-Type: text/plain\nTransfer-Encoding: chunked\n\n"
                 "0\r\n\r\n"),
       "HEAD",
       {},
       "head-body",
       requirement::must},
      {"head_with_trailing_newline",
       with_date("HTTP/1.1 200 OK",
                 "Content-Type: text/plain\nContent-Length: 1234\n\n\n"),
       "HEAD",
       {},
       "head-body",
       std::nullopt},
      {"head_without_body",
       with_date("HTTP/1.1 200 OK",
                 "Content-Type: text/plain\nContent-Length: 1234\n\n"),
       "HEAD",
       {},
       "head-body",
       std::nullopt},
      // Methods are case-sensitive (RFC 9110 Section 9.1): "head" is not
      // HEAD, and `check -X head` reads its content as for a GET.
      {"lowercase_head_is_another_method",
       with_date("HTTP/1.1 200 OK",
                 "Content-Type: text/plain\nContent-Length: 2\n\nhi"),
       "head",
       {},
       "head-body",
       std::nullopt},
      {"content_length_and_transfer_encoding",
       with_date("HTTP/1.1 200 OK",
                 "Content-Type: text/plain\nContent-Length: "
                 "2\nTransfer-Encoding: chunked\n\n2\nhi\n0\n\n"),
       "GET",
       {},
       "framing-conflict",
       requirement::must,
       "RFC 9112, Section 6.2"},
      {"chunked_alone",
       with_date("HTTP/1.1 200 OK",
                 "Content-Type: text/plain\nTransfer-Encoding: "
                 "chunked\n\n2\nhi\n0\n\n"),
       "GET",
       {},
       "framing-conflict",
       std::nullopt},
      {"differing_content_lengths",
       with_date("HTTP/1.1 200 OK",
                 "Content-Type: text/plain\nContent-Length: 2\nContent-Length: "
                 "3\n\nhi"),
       "GET",
       {},
       "content-length-syntax",
       requirement::must},
      // Valid 1*DIGIT, only beyond 2^64 - 1: not "not a number of bytes".
      {"content_length_beyond_64_bits",
       with_date("HTTP/1.1 200 OK",
                 "Content-Type: text/plain\nContent-Length: "
                 "99999999999999999999999\n\nhi"),
       "GET",
       {},
       "content-length-size",
       requirement::info},
      {"content_length_beyond_64_bits_is_no_syntax_error",
       with_date("HTTP/1.1 200 OK",
                 "Content-Type: text/plain\nContent-Length: "
                 "99999999999999999999999\n\nhi"),
       "GET",
       {},
       "content-length-syntax",
       std::nullopt},
      {"content_length_in_64_bits",
       with_date("HTTP/1.1 200 OK",
                 "Content-Type: text/plain\nContent-Length: 2\n\nhi"),
       "GET",
       {},
       "content-length-size",
       std::nullopt},
      // RFC 9112 Section 6.3: Content-Length frames the content; neither
      // a short body nor bytes beyond it were noticed.
      {"content_length_more_than_the_content",
       with_date("HTTP/1.1 200 OK",
                 "Content-Type: text/plain\nContent-Length: 10\n\nhello"),
       "GET",
       {},
       "content-length-mismatch",
       requirement::must,
       "RFC 9112, Section 6.3"},
      {"content_length_less_than_the_content",
       with_date("HTTP/1.1 200 OK",
                 "Content-Type: text/plain\nContent-Length: 3\n\nhello"),
       "GET",
       {},
       "content-length-mismatch",
       requirement::must},
      {"content_length_of_the_content",
       with_date("HTTP/1.1 200 OK",
                 "Content-Type: text/plain\nContent-Length: 5\n\nhello\n"),
       "GET",
       {},
       "content-length-mismatch",
       std::nullopt},
      // Sent as "a\r\nb" (4 bytes); an editor saved it with LF.
      {"content_length_of_content_whose_crlf_became_lf",
       with_date("HTTP/1.1 200 OK",
                 "Content-Type: text/plain\nContent-Length: 4\n\na\nb"),
       "GET",
       {},
       "content-length-mismatch",
       std::nullopt},
      // curl --compressed prints the content decoded.
      {"content_length_of_coded_content",
       with_date("HTTP/1.1 200 OK",
                 "Content-Type: text/plain\nContent-Encoding: gzip\n"
                 "Content-Length: 25\n\nhello"),
       "GET",
       {},
       "content-length-mismatch",
       std::nullopt},
      {"bad_retry_after",
       with_date("HTTP/1.1 503 Service Unavailable", "Retry-After: soon\n\n"),
       "GET",
       {},
       "retry-after-syntax",
       requirement::must},
      {"retry_after_seconds",
       with_date("HTTP/1.1 503 Service Unavailable", "Retry-After: 120\n\n"),
       "GET",
       {},
       "retry-after-syntax",
       std::nullopt},
      {"retry_after_date",
       with_date("HTTP/1.1 503 Service Unavailable",
                 "Retry-After: Fri, 31 Dec 1999 23:59:59 GMT\n\n"),
       "GET",
       {},
       "retry-after-syntax",
       std::nullopt},
      {"bad_content_range",
       with_date("HTTP/1.1 206 Partial Content",
                 "ETag: \"a\"\nContent-Type: text/plain\nContent-Range: bytes "
                 "5-1/10\n\n"),
       "GET",
       {},
       "content-range-syntax",
       requirement::must},
      {"unsatisfied_range_on_206",
       with_date("HTTP/1.1 206 Partial Content",
                 "ETag: \"a\"\nContent-Type: text/plain\nContent-Range: bytes "
                 "*/10\n\n"),
       "GET",
       {},
       "content-range-syntax",
       requirement::must},
      {"cache_control_semicolon",
       with_date("HTTP/1.1 200 OK",
                 "Content-Length: 0\nCache-Control: max-age=3600;\n\n"),
       "GET",
       {},
       "cache-control-syntax",
       requirement::must},
      {"cache_control_quoted_max_age",
       with_date("HTTP/1.1 200 OK",
                 "Content-Length: 0\nCache-Control: max-age=\"60\"\n\n"),
       "GET",
       {},
       "cache-control-syntax",
       requirement::must},
      {"cache_control_negative_max_age",
       with_date("HTTP/1.1 200 OK",
                 "Content-Length: 0\nCache-Control: public, max-age=-1\n\n"),
       "GET",
       {},
       "cache-control-syntax",
       requirement::must},
      {"cache_control_trailing_comma",
       with_date("HTTP/1.1 200 OK",
                 "Content-Length: 0\nCache-Control: no-cache,\n\n"),
       "GET",
       {},
       "cache-control-syntax",
       requirement::must},
      {"cache_control_space_before_equals",
       with_date("HTTP/1.1 200 OK",
                 "Content-Length: 0\nCache-Control: max-age = 60\n\n"),
       "GET",
       {},
       "cache-control-syntax",
       requirement::must},
      {"cache_control_good",
       with_date("HTTP/1.1 200 OK",
                 "Content-Length: 0\nCache-Control: public, max-age=60, "
                 "stale-while-revalidate=30\n\n"),
       "GET",
       {},
       "cache-control-syntax",
       std::nullopt},
      {"cache_control_quoted_list",
       with_date("HTTP/1.1 200 OK",
                 "Content-Length: 0\nCache-Control: no-cache=\"Set-Cookie, "
                 "Link\", max-age=0\n\n"),
       "GET",
       {},
       "cache-control-syntax",
       std::nullopt},
      {"cache_control_extension",
       with_date(
           "HTTP/1.1 200 OK",
           "Content-Length: 0\nCache-Control: private, community=\"UCI\"\n\n"),
       "GET",
       {},
       "cache-control-syntax",
       std::nullopt},
      {"content_type_no_slash",
       with_date("HTTP/1.1 200 OK",
                 "Content-Length: 2\nContent-Type: json\n\nhi"),
       "GET",
       {},
       "content-type-syntax",
       requirement::must},
      {"content_type_no_semicolon",
       with_date(
           "HTTP/1.1 200 OK",
           "Content-Length: 2\nContent-Type: text/html charset=utf-8\n\nhi"),
       "GET",
       {},
       "content-type-syntax",
       requirement::must},
      {"content_type_space_around_equals",
       with_date(
           "HTTP/1.1 200 OK",
           "Content-Length: 2\nContent-Type: text/html; charset = utf-8\n\nhi"),
       "GET",
       {},
       "content-type-syntax",
       requirement::must},
      {"content_type_parameter_without_value",
       with_date("HTTP/1.1 200 OK",
                 "Content-Length: 2\nContent-Type: text/html; charset\n\nhi"),
       "GET",
       {},
       "content-type-syntax",
       requirement::must},
      {"content_type_good",
       with_date(
           "HTTP/1.1 200 OK",
           "Content-Length: 2\nContent-Type: text/html;charset=utf-8\n\nhi"),
       "GET",
       {},
       "content-type-syntax",
       std::nullopt},
      {"content_type_quoted",
       with_date("HTTP/1.1 200 OK",
                 "Content-Length: 2\nContent-Type: multipart/byteranges; "
                 "boundary=\"a;b c\"\n\nhi"),
       "GET",
       {},
       "content-type-syntax",
       std::nullopt},
      {"content_type_trailing_semicolon",
       with_date("HTTP/1.1 200 OK",
                 "Content-Length: 2\nContent-Type: application/json;\n\nhi"),
       "GET",
       {},
       "content-type-syntax",
       std::nullopt},
      {"age_not_seconds",
       with_date("HTTP/1.1 200 OK", "Content-Length: 0\nAge: 1.5\n\n"),
       "GET",
       {},
       "age-syntax",
       requirement::must},
      {"age_seconds",
       with_date("HTTP/1.1 200 OK", "Content-Length: 0\nAge: 30\n\n"),
       "GET",
       {},
       "age-syntax",
       std::nullopt},
      {"vary_trailing_comma",
       with_date("HTTP/1.1 200 OK", "Content-Length: 0\nVary: Accept,\n\n"),
       "GET",
       {},
       "list-empty-element",
       requirement::must},
      {"allow_leading_comma",
       with_date("HTTP/1.1 405 Method Not Allowed",
                 "Content-Length: 0\nAllow: , GET\n\n"),
       "GET",
       {},
       "list-empty-element",
       requirement::must},
      {"content_language_double_comma",
       with_date("HTTP/1.1 200 OK",
                 "Content-Length: 0\ncontent-language: en, ,fr\n\n"),
       "GET",
       {},
       "list-empty-element",
       requirement::must},
      {"challenge_trailing_comma",
       with_date("HTTP/1.1 401 Unauthorized",
                 "Content-Length: 0\nWWW-Authenticate: Basic realm=\"a\",\n\n"),
       "GET",
       {},
       "list-empty-element",
       requirement::must},
      {"challenge_quoted_comma",
       with_date("HTTP/1.1 401 Unauthorized",
                 "Content-Length: 0\nWWW-Authenticate: Basic realm=\"a, b\", "
                 "charset=\"UTF-8\"\n\n"),
       "GET",
       {},
       "list-empty-element",
       std::nullopt},
      {"empty_allow_is_an_empty_list",
       with_date("HTTP/1.1 405 Method Not Allowed",
                 "Content-Length: 0\nAllow: \n\n"),
       "GET",
       {},
       "list-empty-element",
       std::nullopt},
      {"link_comma_in_uri",
       with_date("HTTP/1.1 200 OK",
                 "Content-Length: 0\nLink: </a,>; rel=next\n\n"),
       "GET",
       {},
       "list-empty-element",
       std::nullopt},
      {"satisfied_range_on_416",
       with_date("HTTP/1.1 416 Range Not Satisfiable",
                 "Content-Range: bytes 0-1/10\n\n"),
       "GET",
       {},
       "content-range-syntax",
       requirement::should},
      {"unsatisfied_range_on_416",
       with_date("HTTP/1.1 416 Range Not Satisfiable",
                 "Content-Range: bytes */10\n\n"),
       "GET",
       {},
       "content-range-syntax",
       std::nullopt},
      {"good_content_range",
       with_date("HTTP/1.1 206 Partial Content",
                 "ETag: \"a\"\nContent-Type: text/plain\nContent-Range: bytes "
                 "0-1/10\nContent-Length: 2\n\nhi"),
       "GET",
       {},
       "content-range-syntax",
       std::nullopt},
      {"location_with_space",
       with_date("HTTP/1.1 302 Found", "Location: /a b\n\n"),
       "GET",
       {},
       "location-syntax",
       requirement::must},
      {"location_relative",
       with_date("HTTP/1.1 302 Found", "Location: /a%20b?x=1\n\n"),
       "GET",
       {},
       "location-syntax",
       std::nullopt},
      // RFC 3986 grammar, not only characters: a ':' in the first segment
      // of a relative reference, a second '#', '[' outside an IP literal.
      {"location_colon_in_first_segment",
       with_date("HTTP/1.1 302 Found", "Location: 1http://x/\n\n"),
       "GET",
       {},
       "location-syntax",
       requirement::must},
      {"location_two_fragments",
       with_date("HTTP/1.1 302 Found", "Location: /a#b#c\n\n"),
       "GET",
       {},
       "location-syntax",
       requirement::must},
      {"location_bracket_in_path",
       with_date("HTTP/1.1 302 Found", "Location: /a[1]\n\n"),
       "GET",
       {},
       "location-syntax",
       requirement::must},
      // The empty string is a URI-reference (RFC 3986 Section 4.1): the
      // request's own URI. Useless in a redirect, so info, not a MUST.
      {"location_empty_is_valid",
       with_date("HTTP/1.1 302 Found", "Location: \n\n"),
       "GET",
       {},
       "location-syntax",
       std::nullopt},
      {"location_empty",
       with_date("HTTP/1.1 302 Found", "Location: \n\n"),
       "GET",
       {},
       "location-empty",
       requirement::info},
      {"location_not_empty",
       with_date("HTTP/1.1 302 Found", "Location: /b\n\n"),
       "GET",
       {},
       "location-empty",
       std::nullopt},
      {"allow_without_commas",
       with_date("HTTP/1.1 405 Method Not Allowed", "Allow: GET HEAD\n\n"),
       "GET",
       {},
       "allow-syntax",
       requirement::must},
      {"allow_empty_list",
       with_date("HTTP/1.1 405 Method Not Allowed", "Allow: \n\n"),
       "GET",
       {},
       "allow-syntax",
       std::nullopt},
      {"bad_date",
       "HTTP/1.1 200 OK\nDate: yesterday\nContent-Length: 0\n\n",
       "GET",
       {},
       "date-syntax",
       requirement::must,
       "RFC 9110, Section 5.6.7"},
      // An obsolete form is a valid HTTP-date to receive (RFC 9110 Section
      // 6.6.1's grammar allows it); the MUST is the sender's, Section 5.6.7,
      // which the finding cited as Section 6.6.1.
      {"obsolete_date_form",
       "HTTP/1.1 200 OK\nDate: Sunday, 06-Nov-94 08:49:37 GMT\n"
       "Content-Length: 0\n\n",
       "GET",
       {},
       "date-syntax",
       requirement::must,
       "RFC 9110, Section 5.6.7"},
      // Last-Modified, Expires and ETag were not judged at all: a date in
      // another form, Expires: 0 and an unquoted tag passed.
      {"bad_last_modified",
       with_date("HTTP/1.1 200 OK",
                 "Last-Modified: 2026-12-03T12:00:00Z\nContent-Length: 0\n\n"),
       "GET",
       {},
       "last-modified-syntax",
       requirement::must,
       "RFC 9110, Section 5.6.7"},
      {"good_last_modified",
       with_date("HTTP/1.1 200 OK",
                 "Last-Modified: Tue, 15 Nov 1994 12:45:26 GMT\n"
                 "Content-Length: 0\n\n"),
       "GET",
       {},
       "last-modified-syntax",
       std::nullopt},
      {"expires_zero",
       with_date("HTTP/1.1 200 OK", "Expires: 0\nContent-Length: 0\n\n"),
       "GET",
       {},
       "expires-syntax",
       requirement::must,
       "RFC 9110, Section 5.6.7"},
      {"good_expires",
       with_date(
           "HTTP/1.1 200 OK",
           "Expires: Thu, 01 Dec 1994 16:00:00 GMT\nContent-Length: 0\n\n"),
       "GET",
       {},
       "expires-syntax",
       std::nullopt},
      {"unquoted_etag",
       with_date("HTTP/1.1 200 OK", "ETag: abc123\nContent-Length: 0\n\n"),
       "GET",
       {},
       "etag-syntax",
       requirement::must,
       "RFC 9110, Section 8.8.3"},
      {"etag_with_a_space",
       with_date("HTTP/1.1 200 OK", "ETag: \"a b\"\nContent-Length: 0\n\n"),
       "GET",
       {},
       "etag-syntax",
       requirement::must},
      {"weak_etag",
       with_date("HTTP/1.1 200 OK", "ETag: W/\"v2\"\nContent-Length: 0\n\n"),
       "GET",
       {},
       "etag-syntax",
       std::nullopt},
      // HTTP/1.0 has no transfer codings: a recipient must take the
      // framing as faulty (RFC 9112 Section 6.1). It passed.
      {"transfer_encoding_in_http10",
       "HTTP/1.0 200 OK\n" + std::string(date) +
           "Content-Type: text/plain\nTransfer-Encoding: chunked\n\n"
           "2\nhi\n0\n\n",
       "GET",
       {},
       "transfer-encoding-http10",
       requirement::must,
       "RFC 9112, Section 6.1"},
      {"transfer_encoding_in_http11",
       with_date("HTTP/1.1 200 OK",
                 "Content-Type: text/plain\nTransfer-Encoding: chunked\n\n"
                 "2\nhi\n0\n\n"),
       "GET",
       {},
       "transfer-encoding-http10",
       std::nullopt},
      // RFC 9110 Section 6.5.1: a field a recipient needs before the
      // content has no place in the trailer section.
      {"content_length_in_the_trailer",
       with_date("HTTP/1.1 200 OK",
                 "Content-Type: text/plain\nTransfer-Encoding: chunked\n\n"
                 "2\nhi\n0\nContent-Length: 2\n\n"),
       "GET",
       {},
       "trailer-field-not-allowed",
       requirement::must,
       "RFC 9110, Section 6.5.1"},
      {"server_timing_in_the_trailer",
       with_date("HTTP/1.1 200 OK",
                 "Content-Type: text/plain\nTransfer-Encoding: chunked\n\n"
                 "2\nhi\n0\nServer-Timing: db;dur=53\n\n"),
       "GET",
       {},
       "trailer-field-not-allowed",
       std::nullopt},
      // A 407 comes from a proxy; Section 6.6.1 binds origin servers.
      {"missing_date_on_407",
       "HTTP/1.1 407 Proxy Authentication Required\nProxy-Authenticate: "
       "Basic realm=\"p\"\nContent-Length: 0\n\n",
       "GET",
       {},
       "date-missing",
       std::nullopt},
      {"missing_date",
       "HTTP/1.1 200 OK\nContent-Length: 0\n\n",
       "GET",
       {},
       "date-missing",
       requirement::must},
      {"missing_date_on_5xx",
       "HTTP/1.1 500 Internal Server Error\nContent-Length: 0\n\n",
       "GET",
       {},
       "date-missing",
       std::nullopt},
      {"content_without_type",
       with_date("HTTP/1.1 200 OK", "Content-Length: 2\n\nhi"),
       "GET",
       {},
       "content-type-missing",
       requirement::should},
      {"head_content_without_type",
       with_date("HTTP/1.1 200 OK", "Content-Length: 2\n\n"),
       "HEAD",
       {},
       "content-type-missing",
       requirement::should},
      {"empty_without_type",
       with_date("HTTP/1.1 200 OK", "Content-Length: 0\n\n"),
       "GET",
       {},
       "content-type-missing",
       std::nullopt},
      {"gzip_without_vary",
       with_date("HTTP/1.1 200 OK",
                 "Content-Type: text/plain\nContent-Encoding: gzip\n\n"),
       "GET",
       {},
       "vary-missing",
       requirement::info},
      {"negotiated_gzip_without_vary",
       with_date("HTTP/1.1 200 OK",
                 "Content-Type: text/plain\nContent-Encoding: gzip\n\n"),
       "GET",
       {{"Accept-Encoding", "gzip"}},
       "vary-missing",
       requirement::should},
      {"gzip_with_vary",
       with_date("HTTP/1.1 200 OK",
                 "Content-Type: text/plain\nContent-Encoding: gzip\nVary: "
                 "Origin, accept-encoding\n\n"),
       "GET",
       {{"Accept-Encoding", "gzip"}},
       "vary-missing",
       std::nullopt},
      {"429_with_max_age",
       with_date("HTTP/1.1 429 Too Many Requests",
                 "Cache-Control: max-age=60\n\n"),
       "GET",
       {},
       "never-stored",
       requirement::should,
       "RFC 6585, Section 4"},
      {"511_with_expires",
       with_date("HTTP/1.1 511 Network Authentication Required",
                 "Expires: Fri, 31 Dec 1999 23:59:59 GMT\n\n"),
       "GET",
       {},
       "never-stored",
       requirement::should},
      {"431_no_cache",
       with_date("HTTP/1.1 431 Request Header Fields Too Large",
                 "Cache-Control: no-cache\n\n"),
       "GET",
       {},
       "never-stored",
       std::nullopt},
      // A 1xx is never stored because it is not final, so no cache reads
      // its caching fields: nothing to report.
      {"103_with_max_age",
       "HTTP/1.1 103 Early Hints\nLink: </a.css>; rel=preload\n"
       "Cache-Control: max-age=60\n\n",
       "GET",
       {},
       "never-stored",
       std::nullopt},
      {"428_private",
       with_date("HTTP/1.1 428 Precondition Required",
                 "Cache-Control: private\n\n"),
       "GET",
       {},
       "never-stored",
       std::nullopt},
      {"429_private_with_max_age",
       with_date("HTTP/1.1 429 Too Many Requests",
                 "Cache-Control: private, max-age=60\n\n"),
       "GET",
       {},
       "never-stored",
       requirement::should},
      {"431_public",
       with_date("HTTP/1.1 431 Request Header Fields Too Large",
                 "Cache-Control: public\n\n"),
       "GET",
       {},
       "never-stored",
       requirement::should},
      {"429_with_no_store",
       with_date("HTTP/1.1 429 Too Many Requests",
                 "Cache-Control: no-store, max-age=0\n\n"),
       "GET",
       {},
       "never-stored",
       std::nullopt},
      {"200_with_max_age",
       with_date("HTTP/1.1 200 OK",
                 "Cache-Control: max-age=60\nContent-Length: 0\n\n"),
       "GET",
       {},
       "never-stored",
       std::nullopt},
      {"418_is_unused",
       with_date("HTTP/1.1 418 I'm a teapot", "\n"),
       "GET",
       {},
       "code-registration",
       requirement::info},
      {"499_is_unofficial",
       with_date("HTTP/1.1 499 Client Closed Request", "\n"),
       "GET",
       {},
       "code-registration",
       requirement::info},
      {"299_is_unassigned",
       with_date("HTTP/1.1 299 Whatever", "Content-Length: 0\n\n"),
       "GET",
       {},
       "code-registration",
       requirement::info},
      {"305_is_deprecated",
       with_date("HTTP/1.1 305 Use Proxy", "Location: http://proxy/\n\n"),
       "GET",
       {},
       "code-registration",
       requirement::info},
      {"404_is_standard",
       with_date("HTTP/1.1 404 Not Found", "\n"),
       "GET",
       {},
       "code-registration",
       std::nullopt},
      {"reason_nope",
       with_date("HTTP/1.1 404 Nope", "\n"),
       "GET",
       {},
       "reason-phrase",
       requirement::info},
      {"reason_not_found",
       with_date("HTTP/1.1 404 Not Found", "\n"),
       "GET",
       {},
       "reason-phrase",
       std::nullopt},
      {"no_reason_http2",
       with_date("HTTP/2 404", "\n"),
       "GET",
       {},
       "reason-phrase",
       std::nullopt},
      // reason-phrase = 1*( HTAB / SP / VCHAR / obs-text ) (RFC 9112
      // Section 4): an ESC breaks the grammar, more than a differing phrase.
      {"control_character_in_reason",
       with_date("HTTP/1.1 200 O\x1bK", "Content-Length: 0\n\n"),
       "GET",
       {},
       "reason-phrase-syntax",
       requirement::must},
      {"tab_in_reason",
       with_date("HTTP/1.1 404 Not\tFound", "Content-Length: 0\n\n"),
       "GET",
       {},
       "reason-phrase-syntax",
       std::nullopt},
      {"code_600",
       with_date("HTTP/1.1 600 Beyond", "\n"),
       "GET",
       {},
       "status-code-range",
       requirement::must},
      {"folded_value",
       with_date("HTTP/1.1 200 OK", "Content-Length: 0\nX-Long: a\n  b\n\n"),
       "GET",
       {},
       "obsolete-line-folding",
       requirement::must},
      {"control_character_in_value",
       with_date(
           "HTTP/1.1 200 OK",
           std::string("Content-Length: 0\nX-Trace: a\x01") + '\0' + "b\n\n"),
       "GET",
       {},
       "field-value-characters",
       requirement::must},
      // Trailer fields have the header's grammar; they were skipped.
      {"control_character_in_trailer",
       with_date("HTTP/1.1 200 OK",
                 "Content-Type: text/plain\nTransfer-Encoding: chunked\n\n"
                 "2\r\nhi\r\n0\r\nX-Trace: a\x01"
                 "b\r\n\r\n"),
       "GET",
       {},
       "field-value-characters",
       requirement::must},
      {"tab_in_value",
       with_date("HTTP/1.1 200 OK", "Content-Length: 0\nX-Trace: a\tb\n\n"),
       "GET",
       {},
       "field-value-characters",
       std::nullopt},
      // One value on two lines is "5, 5" to a recipient (RFC 9110
      // Section 5.3), which the lint reported written on one line only.
      {"repeated_content_length",
       with_date("HTTP/1.1 200 OK",
                 "Content-Type: text/plain\nContent-Length: 5\n"
                 "Content-Length: 5\n\nhello"),
       "GET",
       {},
       "field-repeated",
       requirement::must},
      {"repeated_location",
       with_date("HTTP/1.1 302 Found",
                 "Location: /a\nlocation: /b\nContent-Length: 0\n\n"),
       "GET",
       {},
       "field-repeated",
       requirement::must},
      // Neither is a list; both passed on two lines.
      {"repeated_server",
       with_date("HTTP/1.1 200 OK",
                 "Server: nginx\nServer: envoy\nContent-Length: 0\n\n"),
       "GET",
       {},
       "field-repeated",
       requirement::must},
      {"repeated_allow_origin",
       with_date("HTTP/1.1 200 OK",
                 "Access-Control-Allow-Origin: *\n"
                 "Access-Control-Allow-Origin: *\nContent-Length: 0\n\n"),
       "GET",
       {},
       "field-repeated",
       requirement::must},
      // A list field may take several lines; Content-Lengths that differ
      // are content-length-syntax's, not reported twice.
      {"repeated_list_field",
       with_date("HTTP/1.1 200 OK",
                 "Content-Length: 0\nCache-Control: no-cache\n"
                 "Cache-Control: private\nSet-Cookie: a=1\n"
                 "Set-Cookie: b=2\n\n"),
       "GET",
       {},
       "field-repeated",
       std::nullopt},
      {"differing_content_lengths",
       with_date("HTTP/1.1 200 OK",
                 "Content-Length: 5\nContent-Length: 6\n\nhello"),
       "GET",
       {},
       "field-repeated",
       std::nullopt},
      {"chunked_twice",
       with_date("HTTP/1.1 200 OK",
                 "Content-Type: text/plain\nTransfer-Encoding: chunked\n"
                 "Transfer-Encoding: Chunked\n\n0\r\n\r\n"),
       "GET",
       {},
       "chunked-twice",
       requirement::must},
      {"chunked_after_gzip",
       with_date("HTTP/1.1 200 OK",
                 "Content-Type: text/plain\nTransfer-Encoding: gzip, "
                 "chunked\n\n0\r\n\r\n"),
       "GET",
       {},
       "chunked-twice",
       std::nullopt},
      // The reader takes any digits after "HTTP/"; the grammar, one and one.
      {"version_without_minor",
       with_date("HTTP/1 200 OK", "Content-Length: 0\n\n"),
       "GET",
       {},
       "http-version-syntax",
       requirement::must},
      {"version_of_two_digit_minor",
       with_date("HTTP/1.10 200 OK", "Content-Length: 0\n\n"),
       "GET",
       {},
       "http-version-syntax",
       requirement::must},
      {"curl_http2_version",
       with_date("HTTP/2 200", "Content-Length: 0\n\n"),
       "GET",
       {},
       "http-version-syntax",
       std::nullopt},
      {"space_before_colon",
       with_date("HTTP/1.1 200 OK", "Content-Length : 0\n\n"),
       "GET",
       {},
       "field-syntax",
       requirement::must},
  };
  return cases;
}

TEST(lint, every_rule_case) {
  for (const rule_case& c : rule_cases()) {
    SCOPED_TRACE(std::string(c.name));
    lint::request_context req{c.method, c.request_headers, c.from_the_wire};
    const std::vector<finding> findings = lint_text(c.text, req);
    const auto it =
        std::find_if(findings.begin(), findings.end(),
                     [&](const finding& f) { return f.rule == c.rule; });
    if (c.expected) {
      ASSERT_NE(it, findings.end()) << "got: " << rules_of(findings);
      EXPECT_EQ(it->strength, *c.expected) << it->message;
      EXPECT_FALSE(it->message.empty());
      EXPECT_EQ(it->url.substr(0, 8), "https://");
      if (!c.section.empty()) {
        EXPECT_EQ(it->section, c.section);
      }
    } else {
      EXPECT_EQ(it, findings.end()) << "got: " << rules_of(findings);
    }
  }
}

// Every rule id the engine can emit has a failing row above, so a rule
// without a test fails here.
TEST(lint, every_rule_has_a_failing_case) {
  const std::vector<std::string_view> rules = {"status-code-range",
                                               "code-registration",
                                               "reason-phrase",
                                               "required-header",
                                               "multipart-content-range",
                                               "byteranges-parts",
                                               "body-not-allowed",
                                               "head-body",
                                               "content-length-forbidden",
                                               "transfer-encoding-forbidden",
                                               "content-length-syntax",
                                               "content-length-size",
                                               "content-length-mismatch",
                                               "reason-phrase-syntax",
                                               "framing-conflict",
                                               "field-syntax",
                                               "field-value-characters",
                                               "field-repeated",
                                               "chunked-twice",
                                               "chunk-line-ending",
                                               "trailer-field-not-allowed",
                                               "transfer-encoding-http10",
                                               "http-version-syntax",
                                               "status-line-syntax",
                                               "upgrade-not-offered",
                                               "obsolete-line-folding",
                                               "retry-after-syntax",
                                               "date-syntax",
                                               "last-modified-syntax",
                                               "expires-syntax",
                                               "etag-syntax",
                                               "location-syntax",
                                               "location-empty",
                                               "allow-syntax",
                                               "content-range-syntax",
                                               "date-missing",
                                               "content-type-missing",
                                               "vary-missing",
                                               "never-stored"};
  for (const std::string_view rule : rules) {
    const bool failing = std::any_of(
        rule_cases().begin(), rule_cases().end(),
        [&](const rule_case& c) { return c.rule == rule && c.expected; });
    const bool passing = std::any_of(
        rule_cases().begin(), rule_cases().end(),
        [&](const rule_case& c) { return c.rule == rule && !c.expected; });
    EXPECT_TRUE(failing) << rule;
    EXPECT_TRUE(passing || rule == "head-body" || rule == "field-syntax" ||
                rule == "obsolete-line-folding" ||
                rule == "status-code-range" || rule == "date-syntax" ||
                rule == "content-length-syntax")
        << rule;
  }
}

std::vector<finding> required_headers_of(const std::string& text) {
  std::vector<finding> out;
  for (const finding& f : lint_text(text))
    if (f.rule == "required-header") out.push_back(f);
  return out;
}

// RFC 9110 Section 15.4.5 names six fields a 304 MUST carry if a 200 would
// have had them, which the response cannot show. Carrying none is one info
// finding naming them all, not one each; carrying any (nginx's 304 has an
// ETag and nothing else of them) shows the server passes on what its 200
// had, and is no finding.
TEST(lint, groups_fields_a_200_would_have_had) {
  struct row {
    std::string_view name;
    std::string text;
    std::string message;  // empty: no required-header finding
  };
  const row rows[] = {
      {"bare_304", with_date("HTTP/1.1 304 Not Modified", "\n"),
       "304 without any of Content-Location, ETag, Vary, Cache-Control or "
       "Expires: RFC 9110 \u00a715.4.5 requires each (MUST) if a 200 would "
       "have had it. Add each one that applies."},
      {"304_with_an_empty_etag_only",
       with_date("HTTP/1.1 304 Not Modified", "ETag:\n\n"),
       "304 without any of Content-Location, ETag, Vary, Cache-Control or "
       "Expires: RFC 9110 \u00a715.4.5 requires each (MUST) if a 200 would "
       "have had it. Add each one that applies."},
      {"304_with_etag_only",
       with_date("HTTP/1.1 304 Not Modified", "ETag: \"a\"\n\n"), ""},
      {"304_with_cache_control_only",
       with_date("HTTP/1.1 304 Not Modified", "Cache-Control: max-age=60\n\n"),
       ""},
      {"206_with_content_range",
       with_date("HTTP/1.1 206 Partial Content",
                 "Content-Type: text/plain\nContent-Range: bytes 0-1/10\n"
                 "Content-Length: 2\n\nhi"),
       "206 without any of Cache-Control, ETag, Expires, Content-Location or "
       "Vary: RFC 9110 \u00a715.3.7 requires each (MUST) if a 200 would have "
       "had it. Add each one that applies."},
      {"206_with_vary",
       with_date("HTTP/1.1 206 Partial Content",
                 "Content-Type: text/plain\nVary: Accept\nContent-Range: "
                 "bytes 0-1/10\nContent-Length: 2\n\nhi"),
       ""},
      // A group of one row keeps its own sentence.
      {"413_without_retry_after",
       with_date("HTTP/1.1 413 Content Too Large", "Content-Length: 0\n\n"),
       "413 without Retry-After: RFC 9110 \u00a715.5.14 requires it (SHOULD) "
       "if the condition is temporary. Add a Retry-After header saying when "
       "to try again (seconds or an HTTP-date) if that applies."},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(std::string(r.name));
    const std::vector<finding> found = required_headers_of(r.text);
    if (r.message.empty()) {
      EXPECT_TRUE(found.empty()) << rules_of(found);
      continue;
    }
    ASSERT_EQ(found.size(), 1u) << rules_of(found);
    EXPECT_EQ(found[0].strength, requirement::info);
    EXPECT_EQ(found[0].message, r.message);
    EXPECT_EQ(found[0].section.substr(0, 20), "RFC 9110, Section 15");
  }
  // A 206 of one part without Content-Range breaks a MUST of its own,
  // beside the one info finding.
  const std::vector<finding> single = required_headers_of(with_date(
      "HTTP/1.1 206 Partial Content", "Content-Type: text/plain\n\n"));
  ASSERT_EQ(single.size(), 2u) << rules_of(single);
  EXPECT_EQ(single[0].strength, requirement::must);
  EXPECT_EQ(single[1].strength, requirement::info);
}

TEST(lint, message_405_names_section_and_fix) {
  const auto findings = lint_text(
      with_date("HTTP/1.1 405 Method Not Allowed", "Content-Length: 0\n\n"));
  ASSERT_EQ(findings.size(), 1u) << rules_of(findings);
  EXPECT_EQ(findings[0].message,
            "405 without Allow: violates RFC 9110 \u00a715.5.6 (MUST). Add an "
            "Allow header listing the methods this resource supports.");
  EXPECT_EQ(findings[0].section, "RFC 9110, Section 15.5.6");
  EXPECT_EQ(findings[0].url,
            "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.6");
  EXPECT_TRUE(lint::breaks_must(findings));
}

// A blank challenge field is there but carries no challenge; the message
// says so rather than calling the field missing.
// The zero chunk after a 304 is one byte once its line ends go; the
// message said "1 bytes".
TEST(lint, message_for_one_byte_of_content_says_byte) {
  const auto findings = lint_text(
      with_date("HTTP/1.1 304 Not Modified",
                "ETag: \"a\"\nTransfer-Encoding: chunked\n\n0\r\n\r\n"));
  ASSERT_EQ(findings.size(), 1u) << rules_of(findings);
  EXPECT_EQ(findings[0].message,
            "304 with 1 byte of content: violates RFC 9110 \u00a715.4.5 "
            "(MUST NOT). Send no content with 304.");
}

// Section 10.2.3 gives Retry-After's grammar but holds no MUST; the
// sender's MUST NOT is Section 2.2's, which the message did not name.
TEST(lint, message_for_a_malformed_value_names_the_grammar_must) {
  const auto findings = lint_text(with_date(
      "HTTP/1.1 503 Service Unavailable", "Retry-After: soon\n\n"));
  ASSERT_EQ(findings.size(), 1u) << rules_of(findings);
  EXPECT_EQ(findings[0].section, "RFC 9110, Section 10.2.3");
  EXPECT_TRUE(findings[0].message.starts_with(
      "Retry-After \"soon\" does not match its grammar (RFC 9110 "
      "\u00a710.2.3): violates RFC 9110 \u00a72.2 (MUST NOT)."))
      << findings[0].message;
}

TEST(lint, message_for_an_empty_challenge_says_it_is_empty) {
  const auto findings = lint_text(
      with_date("HTTP/1.1 401 Unauthorized", "WWW-Authenticate:\n\n"));
  ASSERT_EQ(findings.size(), 1u) << rules_of(findings);
  EXPECT_EQ(findings[0].message,
            "401 with an empty WWW-Authenticate: violates RFC 9110 "
            "\u00a715.5.2 (MUST). Send a WWW-Authenticate header (with at "
            "least one challenge).");
}

// A malformed trailer line was reported as a header line, which sent the
// reader to look in the wrong section.
TEST(lint, message_for_a_malformed_trailer_line_names_the_trailer) {
  const auto findings = lint_text(
      with_date("HTTP/1.1 200 OK",
                "Content-Type: text/plain\nTransfer-Encoding: chunked\n\n"
                "2\r\nhi\r\n0\r\nnot a field\r\n\r\n"));
  ASSERT_EQ(findings.size(), 1u) << rules_of(findings);
  EXPECT_EQ(findings[0].rule, "field-syntax");
  EXPECT_TRUE(findings[0].message.starts_with(
      "Trailer line \"not a field\" is not \"Name: value\""))
      << findings[0].message;
}

TEST(lint, message_for_framing_on_a_tunnel_names_connect) {
  const auto findings =
      lint_text(with_date("HTTP/1.1 200 OK", "Content-Length: 0\n\n"),
                lint::request_context{"CONNECT", {}});
  ASSERT_EQ(findings.size(), 1u) << rules_of(findings);
  EXPECT_EQ(findings[0].message,
            "200 to CONNECT with Content-Length: violates RFC 9110 \u00a78.6 "
            "(MUST NOT). Remove Content-Length from 2xx responses to "
            "CONNECT.");
}

// The MUST NOT of RFC 6585 binds caches; the origin's response is told
// only that it invites what caches must not do.
TEST(lint, message_for_a_cacheable_429_says_whom_the_must_binds) {
  const auto findings =
      lint_text(with_date("HTTP/1.1 429 Too Many Requests",
                          "Retry-After: 60\nCache-Control: max-age=60\n"
                          "Content-Length: 0\n\n"));
  ASSERT_EQ(findings.size(), 1u) << rules_of(findings);
  EXPECT_EQ(
      findings[0].message,
      "429 with \"Cache-Control: max-age=60\" invites caches to store it, "
      "but RFC 6585 \u00a74 says caches MUST NOT store a 429. Send "
      "\"Cache-Control: no-store\" instead, or no caching headers at "
      "all.");
  EXPECT_FALSE(lint::breaks_must(findings));
}

TEST(lint, clean_responses_have_no_findings) {
  const std::vector<std::string> clean = {
      with_date("HTTP/1.1 405 Method Not Allowed",
                "Allow: GET, HEAD\nContent-Length: 0\n\n"),
      with_date("HTTP/1.1 200 OK",
                "Content-Type: text/plain\nContent-Length: 2\n\nok"),
      with_date("HTTP/1.1 204 No Content", "\n"),
      with_date("HTTP/1.1 304 Not Modified", "ETag: \"x\"\n\n"),
      with_date("HTTP/1.1 401 Unauthorized",
                "WWW-Authenticate: Bearer realm=\"api\"\nContent-Length: "
                "0\n\n"),
      with_date("HTTP/1.1 301 Moved Permanently",
                "Location: https://example.com/\nContent-Length: 0\n\n"),
  };
  for (const std::string& text : clean) {
    const auto findings = lint_text(text);
    EXPECT_TRUE(findings.empty()) << text << "\n" << rules_of(findings);
  }
}

TEST(lint, findings_are_sorted_by_strength) {
  const auto findings = lint_text("HTTP/1.1 404 Nope\nContent-Length: 2\n\nhi");
  ASSERT_GE(findings.size(), 3u);
  EXPECT_TRUE(std::is_sorted(findings.begin(), findings.end(),
                             [](const finding& a, const finding& b) {
                               return a.strength < b.strength;
                             }))
      << rules_of(findings);
  EXPECT_EQ(findings.front().rule, "date-missing");
  EXPECT_EQ(findings.back().rule, "reason-phrase");
}

// Conditions in the registry that do not start with "if" are read as
// always applying; a new condition must be looked at before it lands.
TEST(lint, registry_conditions_are_understood) {
  const std::vector<std::string_view> descriptive = {
      "single part", "multipart/byteranges, for multiple parts",
      "with at least one challenge", "bytes */length, for byte ranges",
      "rel=\"blocked-by\"",
      // Judged by upgrade-connection, which reads the option.
      "naming the upgrade option, as Upgrade is sent",
      // Applies when the request was a PATCH.
      "to a PATCH whose patch format is not supported"};
  const auto check = [&](const status& s) {
    for (const header_requirement& h : s.headers) {
      if (h.level == requirement::info || h.condition.empty()) continue;
      if (h.condition.substr(0, 3) == "if ") continue;
      EXPECT_NE(std::find(descriptive.begin(), descriptive.end(), h.condition),
                descriptive.end())
          << s.code << " " << h.field << ": " << h.condition;
    }
  };
  for (const status& s : all()) check(s);
  for (const status& s : unofficial()) check(s);
}

// --- the reader --------------------------------------------------------

TEST(reader, lf_and_crlf_read_alike) {
  const auto lf = lint::parse_responses(
      "HTTP/1.1 200 OK\nContent-Type: text/plain\nContent-Length: 2\n\nok");
  const auto crlf = lint::parse_responses(
      "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: "
      "2\r\n\r\nok");
  for (const auto* r : {&lf, &crlf}) {
    ASSERT_EQ(r->ec, std::errc{}) << r->error;
    ASSERT_EQ(r->responses.size(), 1u);
    const lint::response& res = r->responses[0];
    EXPECT_EQ(res.version, "HTTP/1.1");
    EXPECT_EQ(res.code, 200);
    EXPECT_EQ(res.reason, "OK");
    ASSERT_EQ(res.fields.size(), 2u);
    EXPECT_EQ(res.fields[1].name, "Content-Length");
    EXPECT_EQ(res.fields[1].value, "2");
    EXPECT_EQ(res.body, "ok");
    EXPECT_TRUE(res.body_present);
  }
}

TEST(reader, interim_then_final) {
  const auto r = lint::parse_responses(
      "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: "
      "2\r\n\r\nok");
  ASSERT_EQ(r.ec, std::errc{}) << r.error;
  ASSERT_EQ(r.responses.size(), 2u);
  EXPECT_EQ(r.responses[0].code, 100);
  EXPECT_FALSE(r.responses[0].body_present);
  EXPECT_EQ(r.responses[1].code, 200);
  EXPECT_EQ(r.responses[1].body, "ok");
}

TEST(reader, redirect_chain_without_bodies) {
  // curl -siL prints every hop's header but only the last body.
  const auto r = lint::parse_responses(
      "HTTP/1.1 301 Moved Permanently\nLocation: /b\nContent-Length: 120\n\n"
      "HTTP/2 302\nlocation: /c\n\n"
      "HTTP/2 200\ncontent-type: text/plain\n\nhello\n");
  ASSERT_EQ(r.ec, std::errc{}) << r.error;
  ASSERT_EQ(r.responses.size(), 3u);
  EXPECT_FALSE(r.responses[0].body_present);
  EXPECT_EQ(r.responses[1].version, "HTTP/2");
  EXPECT_EQ(r.responses[1].reason, "");
  EXPECT_EQ(r.responses[2].body, "hello\n");
}

TEST(reader, body_cut_at_content_length_before_next_response) {
  const auto r = lint::parse_responses(
      "HTTP/1.1 302 Found\nContent-Length: 3\n\nabc\nHTTP/1.1 200 OK\n\nz");
  ASSERT_EQ(r.responses.size(), 2u);
  EXPECT_EQ(r.responses[0].body, "abc");
  EXPECT_EQ(r.responses[1].body, "z");
}

// Line ends after a response that cannot have content are the blank lines
// of a transcript (an editor's final newline, a shell's echo); after a body
// that may run to the close they may be content, and stay.
TEST(reader, trailing_line_ends_are_content_only_where_content_may_be) {
  struct row {
    std::string_view name;
    std::string text;
    std::string_view method;
    std::vector<std::string> bodies;  // per response; "-" for none shown
  };
  const row rows[] = {
      {"204_lf", "HTTP/1.1 204 No Content\n\n\n", "GET", {"-"}},
      {"204_several_crlf",
       "HTTP/1.1 204 No Content\r\n\r\n\r\n\r\n\r\n",
       "GET",
       {"-"}},
      {"304_with_length",
       "HTTP/1.1 304 Not Modified\nContent-Length: 42\n\n\n",
       "GET",
       {"-"}},
      {"205_without_length",
       "HTTP/1.1 205 Reset Content\n\n\r\n",
       "GET",
       {"-"}},
      {"100_then_200",
       "HTTP/1.1 100 Continue\n\n\n\nHTTP/1.1 200 OK\n\nok",
       "GET",
       {"-", "ok"}},
      {"204_then_200",
       "HTTP/1.1 204 No Content\n\n\n\n\nHTTP/1.1 200 OK\n\nok",
       "GET",
       {"-", "ok"}},
      {"head_200",
       "HTTP/1.1 200 OK\nContent-Length: 1234\n\n\n",
       "HEAD",
       {"-"}},
      {"head_200_crlf",
       "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n\r\n\r\n",
       "HEAD",
       {"-"}},
      {"lowercase_head_is_another_method",
       "HTTP/1.1 200 OK\r\n\r\n\r\n",
       "head",
       {"\r\n"}},
      {"204_real_bytes_kept",
       "HTTP/1.1 204 No Content\n\nhello\r\n\n",
       "GET",
       {"hello"}},
      {"head_real_bytes_kept", "HTTP/1.1 200 OK\n\nhello\n", "HEAD", {"hello"}},
      {"get_200_to_close_keeps_newline",
       "HTTP/1.1 200 OK\n\nhello\n",
       "GET",
       {"hello\n"}},
      {"get_200_newline_only_is_content",
       "HTTP/1.1 200 OK\n\n\n",
       "GET",
       {"\n"}},
      {"content_length_then_line_ends",
       "HTTP/1.1 200 OK\nContent-Length: 2\n\nhi\r\n\r\n",
       "GET",
       {"hi"}},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(std::string(r.name));
    const auto parsed = lint::parse_responses(r.text, r.method);
    ASSERT_EQ(parsed.ec, std::errc{}) << parsed.error;
    ASSERT_EQ(parsed.responses.size(), r.bodies.size());
    for (std::size_t i = 0; i < r.bodies.size(); ++i) {
      const lint::response& res = parsed.responses[i];
      if (r.bodies[i] == "-") {
        EXPECT_EQ(res.body_size, 0u) << i;
        EXPECT_FALSE(res.body_present) << i;
      } else {
        EXPECT_EQ(res.body, r.bodies[i]) << i;
        EXPECT_EQ(res.body_size, r.bodies[i].size()) << i;
      }
    }
  }
}

// `curl -si -x http://proxy https://origin/` prints the proxy's answer to
// its CONNECT before the origin's response. It was judged as the origin's
// (MUST date-missing, exit 1); RFC 9110 Section 6.6.1 binds origin
// servers. A 2xx that frames no content is delimited by its connection's
// close, so one followed by another response can only be a tunnel answer;
// one that frames content, or answers HEAD (`curl -sI A B`), is not.
TEST(reader, proxy_tunnel_answer_is_judged_as_an_answer_to_connect) {
  const std::string origin = "HTTP/2 200\r\n" + std::string(date) +
                             "content-type: text/html\r\n"
                             "content-length: 2\r\n\r\nhi";
  struct row {
    std::string_view name;
    std::string text;
    std::string_view method;
    bool tunnel;
  };
  const row rows[] = {
      {"tunnel", "HTTP/1.1 200 Connection established\r\n\r\n" + origin, "GET",
       true},
      {"tunnel_then_blank_line",
       "HTTP/1.1 200 Connection established\r\n\r\n\r\n" + origin, "GET", true},
      {"tunnel_with_a_header",
       "HTTP/1.0 200 Connection established\nProxy-agent: p/1\n\n" + origin,
       "POST", true},
      {"framed_200_then_another",
       "HTTP/1.1 200 OK\r\n" + std::string(date) + "Content-Length: 0\r\n\r\n" +
           origin,
       "GET", false},
      {"head_200_then_another",
       "HTTP/1.1 200 OK\r\n" + std::string(date) + "\r\n" + origin, "HEAD",
       false},
      // curl -sI -x PROXY https://...: the proxy's answer says what it is.
      {"tunnel_before_a_head_response",
       "HTTP/1.1 200 Connection Established\r\n\r\n" + origin, "HEAD", true},
      // A 204 ends at its header (RFC 9112 Section 6.3), so the next
      // response is the next URL's (curl -si A B), not the origin's behind
      // a tunnel; and HTTP/2 frames content without Content-Length.
      {"204_then_another", "HTTP/1.1 204 No Content\r\n\r\n" + origin, "GET",
       false},
      {"http2_200_then_another", "HTTP/2 200\r\n\r\n" + origin, "GET", false},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(std::string(r.name));
    const auto parsed = lint::parse_responses(r.text, r.method);
    ASSERT_EQ(parsed.ec, std::errc{}) << parsed.error;
    ASSERT_EQ(parsed.responses.size(), 2u);
    EXPECT_EQ(parsed.responses[0].tunnel, r.tunnel);
    EXPECT_FALSE(parsed.responses[1].tunnel);
    EXPECT_EQ(parsed.responses[1].body, "hi");
    const lint::request_context req{std::string(r.method), {}};
    const std::vector<finding> findings = lint::lint(parsed.responses[0], req);
    if (r.tunnel) {
      EXPECT_TRUE(findings.empty()) << rules_of(findings);
    }
  }
  // A tunnel answer is held to the rules of one: no framing fields.
  lint::response tunnel;
  tunnel.version = "HTTP/1.1";
  tunnel.code = 200;
  tunnel.fields = {{"Transfer-Encoding", "chunked"}};
  tunnel.tunnel = true;
  EXPECT_EQ(rules_of(lint::lint(tunnel)), "transfer-encoding-forbidden:MUST ");
}

// A file saved by a Windows editor starts with a byte order mark; it was
// "not an HTTP response". A flood of responses is refused before each
// becomes a report: 10 MB of "100 Continue" took 1.4 GB in JSON.
TEST(reader, skips_a_byte_order_mark_and_bounds_the_responses) {
  const auto bom = lint::parse_responses(
      "\xEF\xBB\xBFHTTP/1.1 204 No Content\r\n" + std::string(date) + "\r\n");
  ASSERT_EQ(bom.ec, std::errc{}) << bom.error;
  EXPECT_EQ(bom.responses.at(0).code, 204);
  std::string flood;
  for (std::size_t i = 0; i < lint::max_responses; ++i)
    flood += "HTTP/1.1 100 Continue\r\n\r\n";
  const std::string final_response =
      "HTTP/1.1 204 No Content\r\n" + std::string(date) + "\r\n";
  const auto at_the_bound = lint::parse_responses(
      flood.substr(0, flood.size() - 25) + final_response);
  EXPECT_EQ(at_the_bound.ec, std::errc{}) << at_the_bound.error;
  EXPECT_EQ(at_the_bound.responses.size(), lint::max_responses);
  const auto beyond = lint::parse_responses(flood + final_response);
  EXPECT_EQ(beyond.ec, std::errc::value_too_large);
  EXPECT_EQ(beyond.error,
            "the input holds more than 4096 responses; lint "
            "them in parts");
  EXPECT_TRUE(beyond.responses.empty());
}

// A vendor code without a phrase of its own is said so; it read
// 'Tornado's ""'.
TEST(lint, a_vendor_without_a_phrase_is_said_so) {
  const std::vector<finding> findings = lint_text(with_date(
      "HTTP/1.1 599 Network Connect Timeout Error", "Content-Length: 0\n\n"));
  const auto it = std::find_if(
      findings.begin(), findings.end(),
      [](const finding& f) { return f.rule == "code-registration"; });
  ASSERT_NE(it, findings.end()) << rules_of(findings);
  EXPECT_NE(it->message.find("Tornado, with no reason phrase"),
            std::string::npos)
      << it->message;
  EXPECT_EQ(it->message.find("\"\""), std::string::npos) << it->message;
}

// `curl --http2 -si http://...` prints the 101 of an h2c upgrade and then
// the HTTP/2 response; any other bytes after a 101 are the new protocol's.
TEST(reader, a_101_ends_the_http_text) {
  const std::string upgrade =
      "HTTP/1.1 101 Switching Protocols\r\nUpgrade: h2c\r\nConnection: "
      "Upgrade\r\n\r\n";
  const auto h2c =
      lint::parse_responses(upgrade + "HTTP/2 200\r\n" + std::string(date) +
                            "content-length: 2\r\n\r\nhi");
  ASSERT_EQ(h2c.ec, std::errc{}) << h2c.error;
  ASSERT_EQ(h2c.responses.size(), 2u);
  EXPECT_EQ(h2c.responses[1].body, "hi");
  const auto frames = lint::parse_responses(upgrade + "\x81\x02hi\r\n");
  ASSERT_EQ(frames.ec, std::errc{}) << frames.error;
  ASSERT_EQ(frames.responses.size(), 1u);
  EXPECT_FALSE(frames.responses[0].body_present);
  EXPECT_EQ(frames.responses[0].body, "");
}

// A body whose end the text does not show (curl has de-chunked it, or it
// ran to the close) was cut at any line that looked like a status line,
// inventing a response: a page quoting "HTTP/1.1 404 Not Found". Only a
// response that a client follows with another request (1xx, a 3xx with
// Location, a 401 or 407 with a challenge) can be followed in curl's
// output after such a body; a framed body ends where its framing says.
TEST(reader, status_line_inside_content_is_content) {
  const std::string quoted =
      "<pre>\nHTTP/1.1 404 Not Found\nContent-Type: text/html\n\nGone\n"
      "</pre>\n";
  struct row {
    std::string_view name;
    std::string text;
    std::vector<int> codes;
  };
  const row rows[] = {
      {"dechunked_200",
       "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + quoted,
       {200}},
      {"200_to_the_close", "HTTP/1.1 200 OK\r\n\r\n" + quoted, {200}},
      {"404_to_the_close", "HTTP/1.1 404 Not Found\n\n" + quoted, {404}},
      {"302_without_location",
       "HTTP/1.1 302 Found\n\nmoved\nHTTP/1.1 200 OK\n\nok",
       {302}},
      // And what curl does print goes on being read as several responses.
      {"302_followed",
       "HTTP/1.1 302 Found\nLocation: /b\n\nmoved\n"
       "HTTP/1.1 200 OK\n\nok",
       {302, 200}},
      {"401_answered",
       "HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Digest realm=\"r\"\n\n"
       "denied\nHTTP/1.1 200 OK\n\nok",
       {401, 200}},
      {"407_answered",
       "HTTP/1.1 407 Proxy Authentication Required\nProxy-Authenticate: "
       "Basic realm=\"p\"\n\ndenied\nHTTP/1.1 200 OK\n\nok",
       {407, 200}},
      {"framed_200_then_another",
       "HTTP/1.1 200 OK\nContent-Length: 3\n\nabc\nHTTP/1.1 404 Not "
       "Found\nContent-Length: 0\n\n",
       {200, 404}},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(std::string(r.name));
    const auto parsed = lint::parse_responses(r.text);
    ASSERT_EQ(parsed.ec, std::errc{}) << parsed.error;
    std::vector<int> codes;
    for (const lint::response& res : parsed.responses)
      codes.push_back(res.code);
    EXPECT_EQ(codes, r.codes);
  }
  const auto page = lint::parse_responses(
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + quoted);
  ASSERT_EQ(page.responses.size(), 1u);
  EXPECT_EQ(page.responses[0].body, quoted);
}

TEST(reader, chunked_body_is_decoded) {
  const auto r = lint::parse_responses(
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
      "2\r\nhe\r\n3;ext=1\r\nllo\r\n0\r\n\r\n");
  ASSERT_EQ(r.responses.size(), 1u);
  EXPECT_EQ(r.responses[0].body, "hello");
  EXPECT_EQ(r.responses[0].body_size, 5u);
}

// A chunk size near 2^64 wrapped the reader's position round to an earlier
// line, which it then read again for ever (lint, check and /api/v1/lint
// spun at 100 % CPU). Such a body is not chunked the way it says: it is
// kept as it came.
TEST(reader, chunk_size_beyond_the_text_ends_the_chunked_reading) {
  const std::string_view chunks = "1\r\nA\r\nffffffffffffffec\r\n";
  const auto r = lint::parse_responses(
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" +
      std::string(chunks));
  ASSERT_EQ(r.responses.size(), 1u);
  EXPECT_EQ(r.responses[0].body, chunks);
}

TEST(reader, dechunked_by_curl_is_kept) {
  const auto r = lint::parse_responses(
      "HTTP/1.1 200 OK\nTransfer-Encoding: chunked\n\nhello");
  ASSERT_EQ(r.responses.size(), 1u);
  EXPECT_EQ(r.responses[0].body, "hello");
}

TEST(reader, head_output_has_no_body) {
  const auto r =
      lint::parse_responses("HTTP/1.1 200 OK\r\nContent-Length: 1234\r\n\r\n");
  ASSERT_EQ(r.responses.size(), 1u);
  EXPECT_FALSE(r.responses[0].body_present);
}

TEST(reader, rejects_what_is_not_a_response) {
  struct row {
    std::string_view text;
    std::string_view error;
  };
  const row rows[] = {
      {"",
       "the input is empty; expected a raw HTTP response such as `curl -si "
       "URL` prints"},
      {"\n\n",
       "the input is empty; expected a raw HTTP response such as `curl -si "
       "URL` prints"},
      {"hello world\n",
       "the input is not an HTTP response: it must start with a "
       "status line such as \"HTTP/1.1 200 OK\""},
      {"GET / HTTP/1.1\r\nHost: x\r\n\r\n",
       "the input is not an HTTP response: it "
       "must start with a status line such as "
       "\"HTTP/1.1 200 OK\""},
      {std::string_view("\x7f\x45\x4c\x46\x02\x01\x00\x00", 8),
       "the input is not an HTTP response: it must start with a status line "
       "such as \"HTTP/1.1 200 OK\""},
      {"HTTP/1.1 20 OK\n\n",
       "the input is not an HTTP response: it must start "
       "with a status line such as \"HTTP/1.1 200 OK\""},
  };
  for (const row& r : rows) {
    const auto result = lint::parse_responses(r.text);
    EXPECT_EQ(result.ec, std::errc::invalid_argument) << r.text;
    EXPECT_EQ(result.error, r.error);
    EXPECT_TRUE(result.responses.empty());
  }
}

// check reads leniently until the framing shows the end; a wrong "whole"
// stops it short, a wrong "not yet" waits for a close that may never come.
TEST(reader, holds_final_response_follows_the_framing) {
  struct row {
    std::string_view bytes;
    std::string_view method;
    bool whole;
  };
  const row rows[] = {
      {"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", "GET", true},
      {"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\no", "GET", false},
      {"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n", "GET", false},
      {"HTTP/1.1 200 OK\nContent-Length: 2\n\nok", "GET", true},
      // Transfer-Encoding overrides Content-Length (RFC 9112 Section 6.3).
      {"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nTransfer-Encoding: "
       "chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n",
       "GET", true},
      {"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nTransfer-Encoding: "
       "chunked\r\n\r\n2\r\nok",
       "GET", false},
      {"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n", "GET",
       false},
      {"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nX-T: "
       "a\r\n",
       "GET", false},
      {"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nX-T: "
       "a\r\n\r\n",
       "GET", true},
      {"HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\nabc", "GET", false},
      // An invalid Content-Length is an unrecoverable framing error (RFC
      // 9112 Section 6.3), and a first line that is no status line cannot
      // become one: nothing more is worth waiting for.
      {"HTTP/1.1 200 OK\r\nContent-Length: 2, 3\r\n\r\nabc", "GET", true},
      {"HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n", "GET", true},
      {"HTTP/1.1 200 OK\r\nContent-Length: 99999999999999999999999\r\n\r\n",
       "GET", true},
      {"HTTP/1.1 200 OK\r\nContent-Length: -1\r\n", "GET", false},
      {"HTTP/1.1  200 OK\r\n", "GET", true},
      {"HTTP/1.1 20", "GET", false},
      {"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 20", "GET", false},
      {"HTTP/1.1 200 OK\r\n\r\nabc", "GET", false},
      {"HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\n", "HEAD", true},
      {"HTTP/1.1 304 Not Modified\r\nContent-Length: 9\r\n\r\n", "GET", true},
      {"HTTP/1.1 100 Continue\r\n\r\n", "GET", false},
      {"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n", "GET",
       true},
      {"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n", "GET",
       true},
      {"SSH-2.0-OpenSSH_9.2\r\n", "GET", true},
  };
  for (const row& r : rows)
    EXPECT_EQ(lint::holds_final_response(r.bytes, r.method), r.whole)
        << r.method << ' ' << r.bytes;
}

// --- grammar -----------------------------------------------------------

TEST(syntax, http_dates) {
  EXPECT_TRUE(lint::is_imf_fixdate("Sun, 06 Nov 1994 08:49:37 GMT"));
  EXPECT_TRUE(lint::is_imf_fixdate("Tue, 29 Feb 2000 00:00:00 GMT"));
  EXPECT_FALSE(lint::is_imf_fixdate("Sunday, 06-Nov-94 08:49:37 GMT"));
  EXPECT_FALSE(lint::is_imf_fixdate("Sun Nov  6 08:49:37 1994"));
  EXPECT_FALSE(lint::is_imf_fixdate("Sun, 06 Nov 1994 08:49:37 UTC"));
  EXPECT_FALSE(lint::is_imf_fixdate("Mon, 29 Feb 1900 00:00:00 GMT"));
  EXPECT_FALSE(lint::is_imf_fixdate("Sun, 06 Nov 1994 24:00:00 GMT"));
  EXPECT_TRUE(lint::is_retry_after(" 120 "));
  EXPECT_FALSE(lint::is_retry_after("-1"));
  EXPECT_FALSE(lint::is_retry_after(""));
}

TEST(syntax, content_ranges) {
  struct row {
    std::string_view text;
    bool valid;
  };
  const row rows[] = {
      {"bytes 0-499/1234", true},
      {"bytes 0-0/1", true},
      {"bytes 500-999/*", true},
      {"bytes */1234", true},
      {"items 1-2/3", true},
      {"bytes 5-1/10", false},
      {"bytes 0-10/10", false},
      {"bytes */*", false},
      {"bytes 0-/10", false},
      {"bytes=0-1/2", false},
      {"", false},
      {"bytes -1-2/3", false},
  };
  for (const row& r : rows)
    EXPECT_EQ(lint::parse_content_range(r.text).has_value(), r.valid) << r.text;
}

TEST(syntax, uri_references_and_token_lists) {
  // RFC 3986's grammar, row by row. Boost.URL's parser (which `check -L`
  // resolves Location with) agrees, except where 1.81 is lenient: a port
  // that is not all digits, and a second '@' in the authority. That is why
  // the lint keeps a grammar of its own (and stays std-only).
  struct row {
    std::string_view text;
    bool valid;
    bool boost_agrees = true;
  };
  const row rows[] = {
      {"https://example.com/a?b=c#d", true},
      {"/relative%20path", true},
      {"", true},
      {"?q", true},
      {"#top", true},
      {"b/c", true},
      {"./1http:x", true},
      {"//host:8080/p", true},
      {"http://[::1]:8080/", true},
      {"http://[2001:db8::7]/", true},
      {"http://[::ffff:192.0.2.1]/", true},
      {"http://[v1.fe]/", true},
      {"http://user:pw@host/", true},
      {"mailto:a@b", true},
      {"urn:isbn:0451450523", true},
      {"/a?b?c/d", true},
      {"/a#b?c/d", true},
      {"http://h:/", true},
      {"/a b", false},
      {"/a%2", false},
      {"/a%zz", false},
      {"/caf\xc3\xa9", false},
      {"/a\tb", false},
      {"1http://x/", false},
      {"a:b:c/d", true},
      {"/a#b#c", false},
      {"/a[1]", false},
      {"http://[::1/", false},
      {"http://[1:2:3]/", false},
      {"http://[::1::2]/", false},
      {"http://h:80a/", false, false},
      {"http://a@b@c/", false, false},
      {"http://h/a\"b", false},
      {"/a{b}", false},
      {"/a\\b", false},
      {"-x:y", false},
  };
  for (const row& r : rows) {
    EXPECT_EQ(lint::is_uri_reference(r.text), r.valid) << r.text;
    EXPECT_EQ(boost::urls::parse_uri_reference(r.text).has_value(),
              r.valid == r.boost_agrees)
        << "Boost.URL: " << r.text;
  }
  EXPECT_TRUE(lint::is_token_list("GET, HEAD,OPTIONS"));
  EXPECT_TRUE(lint::is_token_list(""));
  EXPECT_FALSE(lint::is_token_list("GET HEAD"));
  EXPECT_FALSE(lint::is_token_list("GET; HEAD"));
}

// The server's request path and the mock read fields with these too.
TEST(syntax, tokens_trimming_and_case) {
  static_assert(lint::is_token("X-Requested-With"));
  EXPECT_TRUE(lint::is_token("!#$%&'*+-.^_`|~09azAZ"));
  EXPECT_FALSE(lint::is_token(""));
  EXPECT_FALSE(lint::is_token("a b"));
  EXPECT_FALSE(lint::is_token("a:b"));
  EXPECT_FALSE(lint::is_token("caf\xc3\xa9"));
  EXPECT_EQ(lint::trim(" \t gzip \t"), "gzip");
  EXPECT_EQ(lint::trim(" \t "), "");
  EXPECT_EQ(lint::trim("\r\ngzip"), "\r\ngzip");  // OWS is space and tab only
  EXPECT_TRUE(lint::iequals("Content-Type", "content-TYPE"));
  EXPECT_FALSE(lint::iequals("gzip", "gzi"));
  EXPECT_FALSE(lint::iequals("\xc3\xa9", "\xc3\x89"));  // ASCII only
}

// The server's page revalidation and the mock's preconditions read
// entity-tags with these.
TEST(syntax, entity_tags_and_their_lists) {
  static_assert(lint::parse_entity_tag("W/\"v1\"")->is_weak);
  EXPECT_EQ(lint::parse_entity_tag(" \"a,b\" ")->opaque, "\"a,b\"");
  EXPECT_FALSE(lint::parse_entity_tag("abc"));
  EXPECT_FALSE(lint::parse_entity_tag("\"a\"b\""));
  EXPECT_FALSE(lint::parse_entity_tag("w/\"a\""));  // W is upper case
  std::vector<std::string> seen;
  const bool found = lint::any_entity_tag(
      "\"a,b\", junk, W/\"c\"", [&](const lint::entity_tag& t) {
        seen.emplace_back(t.opaque);
        return t.is_weak;
      });
  EXPECT_TRUE(found);
  EXPECT_EQ(seen, (std::vector<std::string>{"\"a,b\"", "\"c\""}));
  int calls = 0;  // a quote left open swallows the rest of the list
  EXPECT_FALSE(lint::any_entity_tag("\"open, \"x\"",
                                    [&](const lint::entity_tag&) {
                                      ++calls;
                                      return true;
                                    }));
  EXPECT_EQ(calls, 0);
}

// --- the `lint` command --------------------------------------------------

struct run_result {
  int code;
  std::string out;
  std::string err;
};

run_result run_lint_args(std::vector<std::string> args,
                         const std::string& input) {
  CLI::App app{"test"};
  cli::lint_command cmd;
  cli::add_lint_command(app, cmd);
  std::istringstream in(input);
  cmd.input = &in;
  std::ostringstream out, err;
  args.insert(args.begin(), "lint");
  try {
    std::reverse(args.begin(), args.end());
    app.parse(args);
  } catch (const CLI::ParseError& e) {
    (void)app.exit(e, out, err);
    return {cli::lint_usage, out.str(), err.str()};
  }
  const int code = cli::run_lint(cmd, out, err);
  return {code, out.str(), err.str()};
}

TEST(command, exit_codes) {
  struct row {
    std::string_view name;
    std::vector<std::string> args;
    std::string input;
    int code;
  };
  const row rows[] = {
      {"must_broken",
       {},
       with_date("HTTP/1.1 405 Method Not Allowed", "\n"),
       1},
      {"clean",
       {},
       with_date("HTTP/1.1 405 Method Not Allowed", "Allow: GET\n\n"),
       0},
      {"should_only",
       {},
       with_date("HTTP/1.1 200 OK", "Content-Length: 2\n\nhi"),
       0},
      {"head_body",
       {"--method", "HEAD"},
       with_date("HTTP/1.1 200 OK",
                 "Content-Type: text/plain\nContent-Length: 2\n\nhi"),
       1},
      {"garbage", {}, "hello", 2},
      {"bad_method", {"--method", "GE T"}, "HTTP/1.1 200 OK\n\n", 2},
      {"bad_request_header",
       {"--request-header", "NoColon"},
       "HTTP/1.1 200 OK\n\n",
       2},
      {"request_header_with_a_line_break",
       {"--request-header", "Accept-Encoding: gzip\r\nX: 1"},
       "HTTP/1.1 200 OK\n\n",
       2},
      {"unknown_flag", {"--frobnicate"}, "", 2},
      {"missing_file", {"/nonexistent/response.txt"}, "", 2},
  };
  for (const row& r : rows) {
    const run_result result = run_lint_args(r.args, r.input);
    EXPECT_EQ(result.code, r.code) << r.name << "\n"
                                   << result.out << result.err;
  }
}

// The help names the request headers a rule reads (vary-missing reads
// Accept-Encoding, upgrade-not-offered Upgrade) and no other: it once
// promised Range and If-None-Match, which no rule reads.
TEST(command, request_header_help_names_only_headers_a_rule_reads) {
  CLI::App app{"test"};
  cli::lint_command cmd;
  cli::add_lint_command(app, cmd);
  EXPECT_EQ(cmd.sub->get_option("--request-header")->get_description(),
            "a request header, 'Name: value' (rules read Accept-Encoding "
            "and Upgrade)");
  EXPECT_EQ(cmd.sub->get_option("--method")->get_description(),
            "the request's method (HEAD expects no content, a 2xx to CONNECT "
            "no framing)");
}

TEST(command, prints_report) {
  const run_result r = run_lint_args(
      {},
      with_date("HTTP/1.1 405 Method Not Allowed", "Content-Length: 0\n\n"));
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(
      r.out,
      "HTTP/1.1 405 Method Not Allowed\n"
      "  class      4xx Client error\n"
      "  phrase     Method Not Allowed\n"
      "  meaning    " +
          std::string(find(405)->meaning) +
          "\n"
          "  reference  RFC 9110, Section 15.5.6  "
          "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.6\n"
          "  findings   1 MUST\n"
          "  MUST   required-header (RFC 9110 \u00a715.5.6)\n"
          "         405 without Allow: violates RFC 9110 \u00a715.5.6 (MUST). "
          "Add an Allow header listing the methods this resource supports.\n"
          "         https://www.rfc-editor.org/rfc/rfc9110#section-15.5.6\n");
  EXPECT_EQ(r.err, "");
}

// The status line is reproduced as received: "000" was printed as "0".
TEST(command, prints_the_code_as_received) {
  const run_result r = run_lint_args({}, "HTTP/1.1 000 Zero\r\n\r\n");
  EXPECT_EQ(r.code, 1);
  EXPECT_TRUE(r.out.starts_with("HTTP/1.1 000 Zero\n")) << r.out;
  EXPECT_NE(r.out.find("Status code 000 is outside 100..599"),
            std::string::npos)
      << r.out;
  // RFC 9110 Section 15 calls it invalid and has clients treat it as a
  // 5xx; the message claimed a "(MUST)" the section does not word, and
  // that clients cannot interpret it.
  EXPECT_NE(r.out.find("which RFC 9110 \u00a715 calls invalid; a client "
                       "treats it as a 5xx (Server Error)"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(r.out.find("\u00a715 (MUST)"), std::string::npos) << r.out;
}

TEST(command, garbage_says_why) {
  const run_result r = run_lint_args({}, "<html>hi</html>");
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err,
            "httpstatus: error: stdin: the input is not an HTTP response: it "
            "must start with a status line such as \"HTTP/1.1 200 OK\"\n");
}

TEST(command, directory_cannot_be_read) {
  const std::string dir = std::filesystem::temp_directory_path().string();
  const run_result r = run_lint_args({dir}, "");
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err,
            "httpstatus: error: cannot read " + dir + ": Is a directory\n");
}

TEST(command, json_has_one_object_per_response) {
  const run_result r =
      run_lint_args({"--json"}, "HTTP/1.1 100 Continue\n\n" +
                                    with_date("HTTP/1.1 429 Too Many Requests",
                                              "Cache-Control: max-age=60\n\n"));
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("\"status\": 100"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"status\": 429"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"rule\": \"never-stored\""), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("\"class\": \"4xx\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"reference_url\": "
                       "\"https://www.rfc-editor.org/rfc/rfc6585#section-4\""),
            std::string::npos)
      << r.out;
}

// A code outside 100..599 is no status code, not an unassigned one: the
// JSON said "registration": "unassigned" of 600 and 000, while the report
// says "not an HTTP status code" and IANA's unassigned ranges lie within
// 100..599. Such a code has no registration, as it has no class.
TEST(command, json_registration_of_codes_outside_the_registry) {
  struct row {
    std::string_view status_line;
    std::string_view registration;  // empty: null
    std::string_view class_;        // empty: null
  };
  const row rows[] = {
      {"HTTP/1.1 600 Beyond", "", ""},
      {"HTTP/1.1 000 Zero", "", ""},
      {"HTTP/1.1 299 Odd", "unassigned", "2xx"},
      {"HTTP/1.1 499 Client Closed Request", "unofficial", "4xx"},
      {"HTTP/1.1 404 Not Found", "standard", "4xx"},
  };
  for (const row& r : rows) {
    const run_result res =
        run_lint_args({"--json"}, with_date(r.status_line, "\n"));
    const boost::json::value v = boost::json::parse(res.out);
    const boost::json::object& report = v.as_array().at(0).as_object();
    for (const auto& [key, expected] :
         {std::pair{"registration", r.registration},
          std::pair{"class", r.class_}}) {
      const boost::json::value& got = report.at(key);
      if (expected.empty())
        EXPECT_TRUE(got.is_null())
            << r.status_line << ' ' << key << ": " << got;
      else
        EXPECT_EQ(got, boost::json::value(expected))
            << r.status_line << ' ' << key;
    }
  }
  // The human report says the same of 600.
  const run_result text =
      run_lint_args({}, with_date("HTTP/1.1 600 Beyond", "\n"));
  EXPECT_NE(text.out.find("  meaning    not an HTTP status code: codes run "
                          "from 100 to 599\n"),
            std::string::npos)
      << text.out;
}

TEST(command, control_characters_are_escaped) {
  const run_result r =
      run_lint_args({}, with_date("HTTP/1.1 404 No\x1b[31mpe", "\n"));
  EXPECT_EQ(r.out.find('\x1b'), std::string::npos);
  EXPECT_NE(r.out.find("No\\x1b[31mpe"), std::string::npos) << r.out;
}

}  // namespace

TEST(lint, tells_a_host_and_port_from_what_is_not_one) {
  struct row {
    std::string_view value;
    bool valid;
  };
  const row rows[] = {
      {"example.com", true},
      {"127.0.0.1:8080", true},
      {"localhost:", true},  // an empty port is the default
      {"", true},            // the target had no authority
      {"[::1]", true},
      {"[::1]:8080", true},
      {"[v1.fe]:80", true},  // an IPvFuture literal
      {"ex%41mple.com", true},
      // RFC 9112 Section 3.2: each was answered as if it named a host,
      // because only its characters were checked.
      {"x:y:z", false},
      {"example.com:80a", false},
      {"[::1", false},
      {"::1", false},
      {"[::1]x", false},
      {"a]b", false},
      {"ex%4", false},
      {"ex%zzample", false},
      {"user@example.com", false},
      {"a b", false},
      {"example.com/x", false},
  };
  for (const row& r : rows)
    EXPECT_EQ(lint::is_host_and_port(r.value), r.valid) << r.value;
}

// A thousand bad header lines drew a thousand findings, each quoting its
// whole line: 1 MB of them made 45 MB of output. Past five findings of a
// rule one more counts the rest, and a quoted line stops after 80 bytes.
TEST(lint, a_flood_of_bad_lines_makes_a_short_report) {
  std::string text = with_date("HTTP/1.1 200 OK", "");
  for (int i = 0; i < 1000; ++i)
    text +=
        "bad line " + std::to_string(i) + " " + std::string(1000, 'x') + "\n";
  text += "Content-Length: 0\n\n";
  std::vector<finding> syntax;
  for (const finding& f : lint_text(text))
    if (f.rule == "field-syntax") syntax.push_back(f);
  ASSERT_EQ(syntax.size(), 6u);
  EXPECT_NE(syntax[0].message.find("\"bad line 0 xxx"), std::string::npos);
  EXPECT_NE(syntax[0].message.find("...\" (1011 bytes)"), std::string::npos)
      << syntax[0].message;
  EXPECT_LT(syntax[0].message.size(), 300u);
  EXPECT_NE(syntax[4].message.find("\"bad line 4 "), std::string::npos);
  EXPECT_EQ(syntax[5].strength, requirement::must);
  EXPECT_EQ(syntax[5].message,
            "995 more field-syntax findings like the ones above are not shown "
            "(1000 in this response).");
  // A number of a thousand digits is quoted cut too.
  std::size_t sizes = 0;
  for (const finding& f : lint_text(
           with_date("HTTP/1.1 200 OK",
                     "Content-Length: " + std::string(1000, '9') + "\n\n"))) {
    if (f.rule != "content-length-size") continue;
    ++sizes;
    EXPECT_LT(f.message.size(), 300u) << f.message;
  }
  EXPECT_EQ(sizes, 1u);
  // So are the values two cache rules echo.
  const std::string long_value(1000, 'z');
  std::size_t echoes = 0;
  for (const finding& f : lint_text(with_date(
           "HTTP/1.1 429 Too Many Requests",
           "Content-Encoding: " + long_value + "\nCache-Control: public, " +
               long_value + "\nContent-Length: 0\n\n"))) {
    if (f.rule != "vary-missing" && f.rule != "never-stored") continue;
    ++echoes;
    EXPECT_LT(f.message.size(), 400u) << f.message;
  }
  EXPECT_EQ(echoes, 2u);
}
