// SPDX-License-Identifier: MIT
// The outbound HTTP(S) client behind `httpstatus check`, on Beast and Asio.
//
// STYLE.md keeps Beast headers in server/. This file is the one exception:
// `check` makes an outbound request, which the server never does (it must
// not fetch URLs for anyone), so the client lives with the command that
// needs it, and no other CLI file sees Beast.
#include "http_client.hpp"

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509_vfy.h>

#include <algorithm>
#include <boost/asio/buffers_iterator.hpp>
#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/error.hpp>
#include <boost/asio/ssl/host_name_verification.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/buffer_ref.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>
#include <boost/url/parse.hpp>
#include <boost/url/url.hpp>
#include <charconv>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "httpstatus/version.hpp"

// When the server is built, Asio is compiled once in server/beast.cpp
// (BOOST_ASIO_SEPARATE_COMPILATION, inherited through httpstatus_server_lib)
// without its SSL part, which only this client uses: compile that here.
#if defined(BOOST_ASIO_SEPARATE_COMPILATION)
#include <boost/asio/ssl/impl/src.hpp>
#endif

namespace httpstatus::cli {

namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
namespace ssl = net::ssl;
namespace urls = boost::urls;
using tcp = net::ip::tcp;
using clock_type = std::chrono::steady_clock;

// With an authority, the path is empty or begins with '/' (RFC 3986
// Section 3.3). Boost.URL 1.81 ends a host or port at the first character it
// cannot hold and reads the rest as the path: "127.0.0.1:1x/" would be port
// 1 and the path "x/", and "127.0.0.1.:8080/" port 80 and the path
// ".:8080/", a request to a port nobody wrote. Returns the error to report,
// or an empty string.
std::string malformed_authority(const urls::url_view_base& u) {
  const std::string_view path = u.encoded_path();
  if (!u.has_authority() || path.empty() || path.front() == '/') return {};
  return "'" + std::string(u.buffer()) +
         "' has a malformed host or port: a port is digits only, after the "
         "host and one ':'";
}

url_result from_view(const urls::url_view& u) {
  url_result r;
  r.error = malformed_authority(u);
  if (!r.error.empty()) return r;
  // Schemes are case-insensitive (RFC 3986 Section 3.1): "HTTP://" is http.
  const std::string scheme = u.scheme_id() == urls::scheme::https  ? "https"
                             : u.scheme_id() == urls::scheme::http ? "http"
                                                                   : "";
  if (scheme.empty()) {
    r.error = "only http:// and https:// URLs can be checked";
    return r;
  }
  if (!u.has_authority() || u.encoded_host().empty()) {
    r.error = "the URL has no host";
    return r;
  }
  if (u.has_userinfo()) {
    r.error =
        "user info in URLs is not supported; send an Authorization "
        "header with -H instead";
    return r;
  }
  // No resolver knows an IPvFuture literal ("[v1.x]"); it would be looked
  // up as the name "v1.x".
  if (u.host_type() == urls::host_type::ipvfuture) {
    r.error = "the URL's host " + std::string(u.encoded_host()) +
              " is an IPvFuture address, which cannot be connected to";
    return r;
  }
  url_parts& p = r.url;
  p.scheme = scheme;
  p.host_is_name = u.host_type() == urls::host_type::name;
  p.host = u.host_type() == urls::host_type::name
               ? std::string(u.host_name())
               : std::string(u.host_address());
  const std::string default_port = scheme == "https" ? "443" : "80";
  // An empty port ("host:/") is the scheme's default and leading zeros
  // ("018150") change nothing (RFC 3986 Section 3.2.3). Read here, since
  // Boost.URL's port_number() wraps a port beyond 65535 round (99999 is
  // 34463).
  const bool has_port = u.has_port() && !u.port().empty();
  if (has_port) {
    const std::string_view digits = u.port();
    unsigned long number = 0;
    const auto [end, ec] =
        std::from_chars(digits.data(), digits.data() + digits.size(), number);
    if (ec != std::errc{} || end != digits.data() + digits.size() ||
        number == 0 || number > 65535) {
      r.error = "the port must be a number from 1 to 65535";
      return r;
    }
    p.port = std::to_string(number);
  } else {
    p.port = default_port;
  }
  p.host_header = std::string(u.encoded_host());
  if (p.port != default_port) p.host_header += ":" + p.port;
  p.target = std::string(u.encoded_target());
  if (p.target.empty() || p.target.front() != '/') p.target = "/" + p.target;
  p.text = scheme + "://" + p.host_header + p.target;
  return r;
}

// Runs the operations queued on `ioc` to completion. Each step below
// starts one asynchronous operation and then calls this, so the code reads
// like the synchronous Beast client while every step keeps its timeout
// (synchronous Asio calls cannot time out).
void run(net::io_context& ioc) {
  ioc.restart();
  ioc.run();
}

// Reads what arrives into `into` (one read), running `ioc` until it ends;
// returns the bytes read, and `ec` says why the read stopped.
template <class Stream>
std::size_t read_once(net::io_context& ioc, Stream& stream,
                      net::mutable_buffer into, beast::error_code& ec) {
  std::size_t n = 0;
  stream.async_read_some(into, [&](beast::error_code e, std::size_t bytes) {
    ec = e;
    n = bytes;
  });
  run(ioc);
  return n;
}

std::string describe(const beast::error_code& ec) {
  if (ec == beast::error::timeout || ec == net::error::operation_aborted)
    return "timed out";
  return ec.message();
}

failure receive_failure(const beast::error_code& ec) noexcept {
  return ec == beast::error::timeout ? failure::timeout : failure::receive;
}

// The peer closed: end of stream, or on TLS a close without close_notify,
// which OpenSSL 3 reports as a truncated stream.
bool is_close(const beast::error_code& ec) noexcept {
  return ec == net::error::eof || ec == ssl::error::stream_truncated;
}

// "8 MiB (8388608 bytes)": the limit as it is set and as a byte count.
std::string size_text(std::size_t bytes) {
  constexpr std::size_t mib = 1024 * 1024;
  if (bytes % mib != 0) return std::to_string(bytes) + " bytes";
  return std::to_string(bytes / mib) + " MiB (" + std::to_string(bytes) +
         " bytes)";
}

std::string truncation_note(std::size_t limit,
                            std::optional<std::uint64_t> announced) {
  std::string note = "the content is larger than the " + size_text(limit) +
                     " limit, so it was not read to its end";
  if (announced)
    note += " (Content-Length: " + std::to_string(*announced) + ")";
  return note;
}

// Quotes the first bytes of something that is not HTTP, escaped, so that
// the error line shows what answered instead: an SSH banner, a TLS alert,
// binary noise.
std::string quote_start(std::string_view raw) {
  constexpr std::size_t shown = 32;
  constexpr std::string_view hex = "0123456789abcdef";
  std::string out = "\"";
  for (const char c : raw.substr(0, shown)) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '\r') {
      out += "\\r";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (u >= 0x20 && u < 0x7f) {
      out += c;
    } else {
      out += "\\x";
      out += hex[u >> 4];
      out += hex[u & 0xf];
    }
  }
  out += '"';
  if (raw.size() > shown) out += "...";
  return out;
}

std::vector<lint::field> fields_of(const http::fields& m) {
  std::vector<lint::field> fields;
  for (const auto& f : m)
    fields.push_back({std::string(f.name_string()), std::string(f.value())});
  return fields;
}

// `header` is the raw header section Beast parsed `m` from: its status
// line gives the reason phrase as sent. Beast's `reason()` makes one up
// from its own table when the server sent none ("HTTP/1.1 299 " read as
// "<unknown-status>", "HTTP/1.1 404 " as "Not Found"), which hid what the
// reason-phrase rule judges.
lint::response to_lint(const http::response<http::string_body>& m,
                       bool body_present, std::string_view header) {
  lint::response r;
  r.version = "HTTP/" + std::to_string(m.version() / 10) + "." +
              std::to_string(m.version() % 10);
  r.code = static_cast<int>(m.result_int());
  // Stray line ends before a status line are skipped, as Beast skips them.
  header.remove_prefix(
      std::min(header.size(), header.find_first_not_of("\r\n")));
  std::string_view status_line = header.substr(0, header.find('\n'));
  if (status_line.ends_with('\r')) status_line.remove_suffix(1);
  // "HTTP/1.1 404 " is 13 bytes; Beast has checked that much.
  constexpr std::size_t reason_at = 13;
  if (status_line.size() > reason_at)
    r.reason = std::string(status_line.substr(reason_at));
  r.fields = fields_of(m);
  r.body = m.body();
  r.body_size = r.body.size();
  r.body_present = body_present;
  return r;
}

// Beast adds the trailer fields of chunked content to the message's
// fields, each beside the fields of its name. `r` read after the content
// gets back the `header` read before it, and the rest as its trailer.
void split_trailer(lint::response& r, const std::vector<lint::field>& header) {
  std::vector<bool> matched(header.size(), false);
  std::vector<lint::field> trailer;
  for (lint::field& f : r.fields) {
    bool in_header = false;
    for (std::size_t i = 0; i < header.size() && !in_header; ++i) {
      in_header =
          !matched[i] && header[i].name == f.name && header[i].value == f.value;
      if (in_header) matched[i] = true;
    }
    if (!in_header) trailer.push_back(std::move(f));
  }
  r.fields = header;
  r.trailer_fields = std::move(trailer);
}

// Whether a header section (status line first) folds a field value onto
// a continuation line: a line after the first field line that starts with
// a space or a tab (obs-fold, RFC 9112 Section 5.2). Beast joins such
// lines without a word, so the raw bytes are read for it, as the lint's
// reader reads them (a first line that starts so is no fold but a
// malformed line, which Beast refuses).
bool folds_a_line(std::string_view header) {
  std::size_t line = 0;
  for (std::size_t at = header.find('\n');
       at != std::string_view::npos && at + 1 < header.size();
       at = header.find('\n', at + 1)) {
    ++line;
    const char c = header[at + 1];
    if (line > 1 && (c == ' ' || c == '\t')) return true;
  }
  return false;
}

constexpr std::size_t header_limit = 64 * 1024;
constexpr std::size_t read_size = 16 * 1024;
// Interim responses are kept to be shown, so their number is bounded: a
// server streaming "102 Processing" took 727 MB in 8 seconds. A server
// that reports progress every second of the longest --timeout sends 3600.
constexpr std::size_t max_interim = 4096;

// The end of a header for `net::async_read_until`: a blank line, where each
// line may end in CRLF or in a bare LF (RFC 9112 Section 2.2 lets a
// recipient accept a bare LF as a line end). So LF LF and LF CRLF end it,
// and CRLF CRLF (which holds LF CRLF) too. It is matched as the bytes
// arrive: a server that sends a bare-LF header and keeps the connection
// open was waited on until the timeout when only CRLF CRLF ended a header.
// (The `result_type` is what makes Asio take it for a match condition.)
struct header_end {
  using iterator =
      net::buffers_iterator<beast::flat_buffer::const_buffers_type>;
  using result_type = std::pair<iterator, bool>;
  result_type operator()(iterator begin, iterator end) const {
    for (iterator i = begin; i != end; ++i) {
      if (*i != '\n') continue;
      iterator next = i + 1;
      if (next != end && *next == '\r') ++next;
      if (next == end) return {i, false};  // resume at this LF
      if (*next == '\n') return {next + 1, true};
    }
    return {end, false};
  }
};

// Returns `header` with every bare LF line end made CRLF, as Beast's strict
// parser wants it; a header already in CRLF comes back unchanged.
std::string crlf_line_ends(std::string_view header) {
  std::string out;
  out.reserve(header.size() + 32);
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (header[i] == '\n' && (i == 0 || header[i - 1] != '\r')) out += '\r';
    out += header[i];
  }
  return out;
}

// After the last chunk, Beast reads the trailer section as it reads a
// header; its errors are a field's ("bad value", or "bad Content-Length"
// of a response whose header sent none).
bool refuses_trailer(const beast::error_code& ec,
                     const http::response_parser<http::string_body>& p) {
  return p.chunked() &&
         (ec == http::error::bad_field || ec == http::error::bad_value ||
          ec == http::error::header_limit ||
          ec == http::error::bad_content_length ||
          ec == http::error::multiple_content_length ||
          ec == http::error::bad_transfer_encoding);
}

// The bytes a buffer holds (a flat_buffer's are one contiguous block).
std::string_view buffered(const beast::flat_buffer& buffer) {
  return {static_cast<const char*>(buffer.data().data()), buffer.size()};
}

// Whether the bytes Beast left unparsed in chunked content hold a line
// that ends in bare LF: after a chunk's data (and its line end), what Beast
// cannot parse yet is a chunk line or the trailer section, which it reads
// only when each line ends in CRLF.
bool waits_on_bare_lf(const beast::flat_buffer& unparsed) {
  std::string_view rest = buffered(unparsed);
  if (rest.starts_with("\r\n")) rest.remove_prefix(2);
  for (std::size_t lf = rest.find('\n'); lf != std::string_view::npos;
       lf = rest.find('\n', lf + 1))
    if (lf == 0 || rest[lf - 1] != '\r') return true;
  return false;
}

// Says why the content could not be read to its end. A close before the
// announced length or the last chunk is the server's fault; a close of a
// TLS connection without close_notify leaves content that runs to the
// close in doubt (it may have been cut short by an attacker).
std::string content_error(const beast::error_code& ec,
                          const http::response_parser<http::string_body>& p) {
  if (ec == http::error::partial_message || is_close(ec)) {
    const std::string got = std::to_string(p.get().body().size());
    if (const auto length = p.content_length())
      return "the server closed the connection after " + got + " of the " +
             std::to_string(*length) +
             " content bytes its Content-Length announced";
    if (p.chunked())
      return "the server closed the connection after " + got +
             " content bytes, before the last chunk";
    return "the server closed the TLS connection without close_notify, so "
           "the content may be cut short (" +
           ec.message() + ")";
  }
  if (ec == net::error::connection_reset)
    return "the server reset the connection after " +
           std::to_string(p.get().body().size()) + " content bytes";
  if (ec == http::error::bad_chunk || ec == http::error::bad_chunk_extension)
    return "the chunked content is malformed (" + ec.message() + ")";
  if (refuses_trailer(ec, p))
    return "the trailer section after the last chunk is malformed (" +
           ec.message() + "; RFC 9112 Section 7.1.2)";
  return describe(ec);
}

// Marks the final response as cut at the body limit; its size is the
// announced one when there is a Content-Length.
void mark_truncated(exchange& ex, const client_options& opts,
                    const http::response_parser<http::string_body>& parser) {
  ex.final_response.body_truncated = true;
  std::optional<std::uint64_t> announced;
  if (const auto length = parser.content_length()) announced = *length;
  if (announced) ex.final_response.body_size = *announced;
  ex.notes.push_back(truncation_note(opts.body_limit, announced));
}

// Reads the rest of the exchange as raw bytes, to the close, to the end
// its framing shows (a server may keep the connection open, though the
// request asked it to close), or to `limit` bytes in all, and hands them
// to the lint's lenient reader, which keeps what Beast refuses (framing
// conflicts, bare LF line ends) as findings. `raw` holds the bytes read so
// far. A timeout is a failure here too: the response is not all there.
template <class Stream>
void read_raw(net::io_context& ioc, Stream& stream, std::string raw,
              std::string_view method, std::size_t limit,
              const client_options& opts, exchange& ex,
              const std::string& where) {
  beast::error_code ec;
  bool truncated = false;
  std::vector<char> chunk(read_size);
  while (!lint::holds_final_response(raw, method)) {
    if (raw.size() >= limit) {
      truncated = true;
      break;
    }
    raw.append(chunk.data(), read_once(ioc, stream, net::buffer(chunk), ec));
    if (ec == beast::error::timeout) {
      ex.failed = failure::timeout;
      ex.error = "cannot read the response from " + where + ": timed out";
      return;
    }
    // A close ends the response; so does a reset after it, as when the
    // server closes with part of the request unread.
    if (ec) break;
  }
  lint::parse_result parsed = lint::parse_responses(raw);
  if (parsed.ec != std::errc{}) {
    const std::size_t first = raw.find_first_not_of("\r\n");
    const bool looks_http =
        first != std::string::npos && raw.compare(first, 5, "HTTP/") == 0;
    ex.failed = failure::receive;
    ex.error = "cannot read the response from " + where + ": " +
               (looks_http ? parsed.error : "not an HTTP response") + "; the " +
               std::to_string(raw.size()) + " bytes received start " +
               quote_start(raw);
    return;
  }
  // Bytes after a HEAD response's header stay content here (the method is
  // not passed on): a server that sends them is what the head-body rule
  // reports.
  for (lint::response& r : parsed.responses) ex.interim.push_back(std::move(r));
  ex.final_response = std::move(ex.interim.back());
  ex.interim.pop_back();
  if (truncated) {
    ex.final_response.body_truncated = true;
    ex.notes.push_back(truncation_note(opts.body_limit, std::nullopt));
  }
}

// Beast ends a 204, a 304 and a response to HEAD at their header,
// whatever follows. The request asked for `Connection: close`, so bytes the
// server sends before it closes are content sent where none is allowed:
// read them into the final response, so that the body-not-allowed and
// head-body rules see what `httpstatus lint` would see in the same bytes.
// A server that keeps the connection open costs `uninvited_wait` at most,
// and is not a failure.
constexpr std::chrono::milliseconds uninvited_wait{500};

template <class Stream>
void read_uninvited(net::io_context& ioc, Stream& stream,
                    beast::flat_buffer& buffer, clock_type::time_point deadline,
                    const client_options& opts, exchange& ex) {
  std::string extra(buffered(buffer));
  buffer.consume(buffer.size());
  beast::get_lowest_layer(stream).expires_at(
      std::min(deadline, clock_type::now() + uninvited_wait));
  beast::error_code ec;
  std::vector<char> chunk(read_size);
  while (!ec && extra.size() < opts.body_limit) {
    extra.append(chunk.data(), read_once(ioc, stream, net::buffer(chunk), ec));
  }
  if (extra.empty()) return;
  lint::response& r = ex.final_response;
  if (extra.size() > opts.body_limit) extra.resize(opts.body_limit);
  r.body = std::move(extra);
  r.body_size = r.body.size();
  r.body_present = true;
  if (!ec) {
    r.body_truncated = true;
    ex.notes.push_back(truncation_note(opts.body_limit, std::nullopt));
  }
}

// Reads one exchange's response from `stream`, which is connected (and
// past its TLS handshake). Interim 1xx responses are recorded and reading
// goes on; 101 ends the exchange, since the connection then leaves HTTP.
template <class Stream>
void read_responses(net::io_context& ioc, Stream& stream,
                    clock_type::time_point start, const http_request& req,
                    const client_options& opts, exchange& ex,
                    const std::string& where) {
  const auto since = [&] {
    return std::chrono::duration_cast<std::chrono::microseconds>(
        clock_type::now() - start);
  };
  beast::flat_buffer buffer;
  beast::error_code ec;
  // One read before the parser, to time the first byte of the response.
  std::size_t n = read_once(ioc, stream, buffer.prepare(read_size), ec);
  if (ec) {
    ex.failed = receive_failure(ec);
    ex.error = "no response from " + where + ": " +
               (is_close(ec) ? std::string("the server closed the connection "
                                           "without answering")
                : ec == net::error::connection_reset
                    ? std::string("the server reset the connection without "
                                  "answering")
                    : describe(ec));
    return;
  }
  buffer.commit(n);
  ex.times.first_byte = since();
  const bool head = req.method == "HEAD";
  const auto raw_bytes = [&] { return std::string(buffered(buffer)); };
  while (true) {
    // A response starts with "HTTP/" (after stray line ends), the final
    // one after an interim 1xx too. Bytes that cannot begin it (an SSH
    // banner, a TLS alert) end the check as soon as they arrive: waiting
    // for a blank line that will never come held a server that keeps the
    // connection open until the timeout. Fewer than five bytes that could
    // still begin it are read on.
    constexpr std::string_view http_prefix = "HTTP/";
    while (true) {
      const std::string raw = raw_bytes();
      const std::size_t first = raw.find_first_not_of("\r\n");
      const std::string_view begins =
          first == std::string::npos ? std::string_view()
                                     : std::string_view(raw).substr(first);
      if (begins.substr(0, http_prefix.size()) !=
          http_prefix.substr(0, std::min(begins.size(), http_prefix.size()))) {
        ex.failed = failure::receive;
        ex.error = "cannot read the response from " + where +
                   ": not an HTTP response" +
                   (ex.interim.empty()
                        ? std::string()
                        : " after " + std::to_string(ex.interim.back().code)) +
                   "; the " + std::to_string(raw.size()) +
                   " bytes received start " + quote_start(raw);
        return;
      }
      if (ec || begins.size() >= http_prefix.size()) {
        // Line ends before the status line are skipped, as Beast skips
        // them: left in the buffer, they were the blank line that ends a
        // header, and Beast's "need more" was noted as a refusal.
        if (first != std::string::npos) buffer.consume(first);
        break;
      }
      n = read_once(ioc, stream, buffer.prepare(read_size), ec);
      buffer.commit(n);
      // A close or reset here is said below, as for a header cut short.
    }
    // The header is read up to its blank line by hand and then handed to
    // Beast's parser, so that its raw bytes are still at hand when Beast
    // refuses them (Content-Length with Transfer-Encoding, differing
    // lengths): those are findings, not failures. The reader of the lint
    // then takes the raw bytes to the end (the request asked for
    // `Connection: close`, so the end is where the server closes).
    buffer.max_size(header_limit);
    // Through beast::ref: Asio keeps a copy of a dynamic buffer passed by
    // value, and what it read into a copy of the flat_buffer was lost. Not
    // after a close or reset seen while reading the first bytes: that is
    // what the server did, and a read after it could wait for nothing.
    if (!ec) {
      net::async_read_until(stream, beast::ref(buffer), header_end{},
                            [&](beast::error_code e, std::size_t bytes) {
                              ec = e;
                              n = bytes;
                            });
      run(ioc);
    }
    // No blank line before the close or reset: the header was cut short,
    // and a message whose header is incomplete is incomplete (RFC 9112
    // Section 8), whatever its lines already said. Line ends alone, which
    // may precede a response, are no response at all.
    if ((is_close(ec) || ec == net::error::connection_reset) &&
        buffer.size() > 0) {
      const std::string raw = raw_bytes();
      ex.failed = failure::receive;
      ex.error = "cannot read the response from " + where + ": " +
                 (raw.find_first_not_of("\r\n") == std::string::npos
                      ? std::string("not an HTTP response")
                      : std::string("the server ") +
                            (is_close(ec) ? "closed" : "reset") +
                            " the connection before the header ended") +
                 "; the " + std::to_string(raw.size()) +
                 " bytes received start " + quote_start(raw);
      return;
    }
    if (ec) {
      ex.failed = receive_failure(ec);
      ex.error =
          "cannot read the response from " + where + ": " +
          (ec == net::error::not_found ? "the header is larger than 64 KiB"
           : is_close(ec) && !ex.interim.empty()
               ? "the server closed the connection after " +
                     std::to_string(ex.interim.back().code) +
                     " without a final response"
               : describe(ec));
      return;
    }
    // Beast wants CRLF; a header in bare LF is handed to it in CRLF and
    // then read as any other, its content framed by Content-Length or
    // chunked. Beast never sees the raw bytes, so the note keeps the fact.
    const std::string_view header_bytes = buffered(buffer).substr(0, n);
    const std::string with_crlf = crlf_line_ends(header_bytes);
    if (with_crlf.size() != header_bytes.size())
      ex.notes.emplace_back(
          "the header's lines end in bare LF, not CRLF; they were read "
          "leniently (RFC 9112 \u00a72.2)");
    http::response_parser<http::string_body> parser;
    parser.header_limit(header_limit);
    parser.body_limit(opts.body_limit);
    if (head) parser.skip(true);
    parser.put(net::buffer(with_crlf), ec);
    // A Content-Length above the limit is refused as soon as the header
    // is read, with the header parsed: nothing more is read.
    if (ec == http::error::body_limit) {
      ex.final_response = to_lint(parser.get(), !head, with_crlf);
      ex.final_response.obs_fold = folds_a_line(header_bytes);
      mark_truncated(ex, opts, parser);
      ex.times.total = since();
      return;
    }
    if (ec) {
      ex.notes.push_back("Beast's parser refused the header (" + ec.message() +
                         "); the raw bytes were read instead");
      read_raw(ioc, stream, raw_bytes(), req.method, n + opts.body_limit, opts,
               ex, where);
      if (ex.failed == failure::none) ex.times.total = since();
      return;
    }
    // Read before the buffer lets go of the header's bytes.
    const bool folded = folds_a_line(header_bytes);
    buffer.max_size(opts.body_limit + header_limit);
    buffer.consume(n);
    const int code = static_cast<int>(parser.get().result_int());
    if (code >= 100 && code <= 199 && code != 101) {
      if (ex.interim.size() == max_interim) {
        ex.failed = failure::receive;
        ex.error =
            "cannot read the response from " + where +
            ": the server sent more than " + std::to_string(max_interim) +
            " interim responses; reading stopped there, before any final one";
        return;
      }
      ex.interim.push_back(to_lint(parser.get(), false, with_crlf));
      ex.interim.back().obs_fold = folded;
      continue;
    }
    // Fields Beast adds from here on are the trailer's.
    const std::vector<lint::field> header_fields = fields_of(parser.get());
    // What Beast refuses or waits on after the chunks it read (a trailer
    // field it refuses, chunk lines in bare LF) is still in the buffer: the
    // lint's lenient reader reads it, as it would in a transcript, after
    // the content Beast has read. `refusal` is Beast's error, empty when
    // Beast waits on a bare LF; `buffer_full` says that no more can be
    // read, so that the chunks there are what there is.
    const auto read_rest_leniently = [&](const std::string& refusal,
                                         bool buffer_full = false) {
      std::string_view tail = buffered(buffer);
      lint::response res = to_lint(parser.get(), !head, with_crlf);
      // Beast adds each trailer field as it parses it, so the fields
      // before one it refused are in the message already; the lenient
      // reader reads the whole trailer section again.
      res.fields = header_fields;
      // The line end after the last chunk's data.
      if (tail.starts_with("\r\n")) {
        tail.remove_prefix(2);
      } else if (tail.starts_with('\n')) {
        tail.remove_prefix(1);
        res.chunk_lines_bare_lf = true;
      }
      if (!lint::read_remaining_chunks(tail, res, opts.body_limit, buffer_full))
        return false;
      ex.notes.push_back(
          !refusal.empty() && res.chunk_lines_bare_lf
              ? "Beast's parser refused the chunked content (" + refusal +
                    "): its chunk lines end in bare LF, not CRLF; the rest "
                    "was read leniently (RFC 9112 \u00a77.1)"
          : !refusal.empty() ? "Beast's parser refused the trailer section (" +
                                   refusal + "); it was read leniently"
          : res.chunk_lines_bare_lf
              ? "the chunk lines end in bare LF, not CRLF, which Beast's "
                "parser waits on; the rest was read leniently (RFC 9112 "
                "\u00a77.1)"
              : "the trailer section's lines end in bare LF, not CRLF, which "
                "Beast's parser waits on; it was read leniently (RFC 9112 "
                "\u00a72.2)");
      // The buffer holds the content's limit and the header's, so chunks
      // under the limit fill it only with framing: long chunk extensions.
      if (res.body_truncated)
        ex.notes.push_back(
            res.body.size() >= opts.body_limit
                ? truncation_note(opts.body_limit, std::nullopt)
                : "the chunk lines filled the " + size_text(buffer.max_size()) +
                      " read buffer before the last chunk, so the content "
                      "was not read to its end");
      ex.final_response = std::move(res);
      ex.final_response.obs_fold = ex.final_response.obs_fold || folded;
      ex.times.total = since();
      return true;
    };
    // Beast's read loop (http::read), with a look at what it left unparsed
    // after each read: Beast wants CRLF in chunk lines and waits for a CR
    // after one in bare LF until the server closes (and then blames the
    // close, though the last chunk came) or until the timeout.
    bool truncated = false;
    parser.eager(true);
    while (!parser.is_done()) {
      if (buffer.size() > 0) {
        buffer.consume(parser.put(buffer.data(), ec));
        if (ec != http::error::need_more) {
          if (ec) break;
          continue;
        }
        ec = {};
        // Content can be complete only after a line end; looking only then
        // keeps content that arrives in many reads from being scanned
        // again at each one.
        if (parser.chunked() && buffered(buffer).ends_with('\n') &&
            waits_on_bare_lf(buffer) && read_rest_leniently({}))
          return;
      }
      const std::size_t room =
          std::min(read_size, buffer.max_size() - buffer.size());
      if (room == 0) {
        // Beast consumes the chunks it parses; only what it waits on or
        // refuses fills the buffer.
        if (parser.chunked() && waits_on_bare_lf(buffer) &&
            read_rest_leniently({}, true))
          return;
        ec = http::error::buffer_overflow;
        break;
      }
      buffer.commit(read_once(ioc, stream, buffer.prepare(room), ec));
      if (ec == net::error::eof) {
        ec = {};
        parser.put_eof(ec);
        break;
      }
      if (ec) break;
    }
    if (ec == http::error::body_limit) {
      truncated = true;
    } else if (ec) {
      // A chunk's data followed by a bare LF is a bad chunk to Beast.
      const bool bare_lf_chunk = ec == http::error::bad_chunk &&
                                 parser.chunked() && waits_on_bare_lf(buffer);
      if ((refuses_trailer(ec, parser) || bare_lf_chunk) &&
          read_rest_leniently(ec.message()))
        return;
      ex.failed = receive_failure(ec);
      // Beast counts only the chunks it parsed, not those in bare LF that
      // waited for the lenient reader: "after 0 content bytes" was wrong.
      const bool closed_in_bare_lf =
          (ec == http::error::partial_message || is_close(ec)) &&
          parser.chunked() && waits_on_bare_lf(buffer);
      ex.error = "cannot read the response from " + where + ": " +
                 (closed_in_bare_lf
                      ? "the server closed the connection before the last "
                        "chunk; its chunk lines end in bare LF, not CRLF "
                        "(RFC 9112 \u00a77.1)"
                      : content_error(ec, parser));
      return;
    }
    ex.final_response = to_lint(parser.get(), !head, with_crlf);
    split_trailer(ex.final_response, header_fields);
    ex.final_response.obs_fold = folded;
    if (truncated) mark_truncated(ex, opts, parser);
    // The response ended where its framing says; waiting for stray bytes
    // is not part of its time.
    ex.times.total = since();
    if (head || code == 204 || code == 304)
      read_uninvited(ioc, stream, buffer, start + opts.timeout, opts, ex);
    return;
  }
}

http::request<http::string_body> build_request(const url_parts& url,
                                               const http_request& req) {
  http::request<http::string_body> r;
  r.method_string(req.method);
  r.target(url.target);
  r.version(11);
  r.set(http::field::host, url.host_header);
  r.set(http::field::user_agent, "httpstatus/" + std::string(version));
  r.set(http::field::accept, "*/*");
  // One request per connection: closing tells us where the response ends
  // even when its framing is broken, which is what we are checking for.
  r.set(http::field::connection, "close");
  if (req.body)
    r.set(http::field::content_type, "application/x-www-form-urlencoded");
  for (const lint::field& f : req.headers) {
    const http::field known = http::string_to_field(f.name);
    if (known == http::field::host || known == http::field::user_agent ||
        known == http::field::accept || known == http::field::connection ||
        known == http::field::content_type)
      r.set(known, f.value);
    else
      r.insert(f.name, f.value);
  }
  if (req.body) {
    r.body() = *req.body;
    r.prepare_payload();
  }
  return r;
}

}  // namespace

url_result parse_url(std::string_view text) {
  const auto parsed = urls::parse_uri(text);
  if (!parsed) {
    url_result r;
    r.error = "'" + std::string(text) +
              "' is not an absolute URL such as https://example.com/path";
    return r;
  }
  urls::url without_fragment(*parsed);
  without_fragment.remove_fragment();
  return from_view(without_fragment);
}

// Boost.URL 1.81's resolve keeps ".." segments that climb above the root
// ("http://a/../g"), where RFC 3986 Section 5.2.4 removes them: the
// server was asked for "/../g". Everything else about dot segments it
// resolves, so what is left to drop is a run of leading "/..".
namespace {
void drop_segments_above_root(urls::url& u) {
  std::string path(u.encoded_path());
  std::size_t cut = 0;
  while (path.compare(cut, 4, "/../") == 0) cut += 3;
  if (path.compare(cut, std::string::npos, "/..") == 0) {
    path = "/";
  } else if (cut == 0) {
    return;
  } else {
    path.erase(0, cut);
  }
  u.set_encoded_path(path);
}
}  // namespace

url_result resolve_location(const url_parts& base, std::string_view location) {
  url_result r;
  const auto ref = urls::parse_uri_reference(location);
  if (!ref) {
    r.error =
        "the Location '" + std::string(location) + "' is not a URI reference";
    return r;
  }
  r.error = malformed_authority(*ref);
  if (!r.error.empty()) return r;
  urls::url dest;
  const auto resolved = urls::resolve(urls::url_view(base.text), *ref, dest);
  if (!resolved) {
    r.error = "cannot resolve the Location '" + std::string(location) + "'";
    return r;
  }
  dest.remove_fragment();
  drop_segments_above_root(dest);
  return from_view(dest);
}

std::string cacert_problem(const std::string& path) {
  const std::string what = "cannot load CA certificates from " + path + ": ";
  // OpenSSL would say "no certificate or crl found" of a directory.
  std::error_code fs_ec;
  if (std::filesystem::is_directory(path, fs_ec))
    return what + std::make_error_code(std::errc::is_a_directory).message();
  boost::system::error_code ec;
  ssl::context(ssl::context::tls_client).load_verify_file(path, ec);
  return ec ? what + ec.message() : std::string();
}

exchange fetch(const url_parts& url, const http_request& req,
               const client_options& opts) {
  exchange ex;
  net::io_context ioc;
  const clock_type::time_point start = clock_type::now();
  const clock_type::time_point deadline = start + opts.timeout;
  const auto since = [&] {
    return std::chrono::duration_cast<std::chrono::microseconds>(
        clock_type::now() - start);
  };
  const std::string where =
      (url.host.find(':') == std::string::npos ? url.host
                                               : "[" + url.host + "]") +
      ":" + url.port;
  beast::error_code ec;

  // The resolver has no timeout of its own; a timer cancels it.
  tcp::resolver resolver(ioc);
  tcp::resolver::results_type endpoints;
  net::steady_timer timer(ioc, deadline);
  bool timed_out = false;
  timer.async_wait([&](beast::error_code e) {
    if (!e) {
      timed_out = true;
      resolver.cancel();
    }
  });
  resolver.async_resolve(
      url.host, url.port,
      [&](beast::error_code e, tcp::resolver::results_type r) {
        ec = e;
        endpoints = std::move(r);
        timer.cancel();
      });
  run(ioc);
  ex.times.resolve = since();
  if (ec) {
    ex.failed = timed_out ? failure::timeout : failure::resolve;
    ex.error = "cannot resolve " + url.host + ": " +
               (timed_out ? std::string("timed out") : ec.message());
    return ex;
  }

  const http::request<http::string_body> request = build_request(url, req);
  const auto connect = [&](beast::tcp_stream& tcp_stream) {
    tcp_stream.expires_at(deadline);
    tcp_stream.async_connect(
        endpoints, [&](beast::error_code e, const tcp::endpoint&) { ec = e; });
    run(ioc);
    ex.times.connect = since();
    if (!ec) return true;
    ex.failed =
        ec == beast::error::timeout ? failure::timeout : failure::connect;
    ex.error = "cannot connect to " + where + ": " + describe(ec);
    return false;
  };
  const auto send_and_read = [&](auto& stream) {
    http::async_write(stream, request,
                      [&](beast::error_code e, std::size_t) { ec = e; });
    run(ioc);
    if (ec) {
      ex.failed =
          ec == beast::error::timeout ? failure::timeout : failure::send;
      ex.error = "cannot send the request to " + where + ": " + describe(ec);
      return;
    }
    read_responses(ioc, stream, start, req, opts, ex, where);
  };

  if (url.scheme == "http") {
    beast::tcp_stream stream(ioc);
    if (!connect(stream)) return ex;
    send_and_read(stream);
    return ex;
  }

  ssl::context ctx(ssl::context::tls_client);
  if (opts.insecure) {
    ctx.set_verify_mode(ssl::verify_none);
  } else {
    ctx.set_verify_mode(ssl::verify_peer);
    if (opts.cacert.empty())
      ctx.set_default_verify_paths(ec);
    else
      ctx.load_verify_file(opts.cacert, ec);
    if (ec) {
      ex.failed = failure::tls;
      ex.error =
          "cannot load CA certificates" +
          (opts.cacert.empty() ? std::string() : " from " + opts.cacert) +
          ": " + ec.message();
      return ex;
    }
  }
  beast::ssl_stream<beast::tcp_stream> stream(ioc, ctx);
  if (!opts.insecure)
    stream.set_verify_callback(ssl::host_name_verification(url.host));
  // SNI carries names only; an IP literal is sent without it (RFC 6066).
  // This is SSL_set_tlsext_host_name spelled out: the macro's C cast
  // breaks -Wold-style-cast under -Werror.
  if (url.host_is_name &&
      SSL_ctrl(stream.native_handle(), SSL_CTRL_SET_TLSEXT_HOSTNAME,
               TLSEXT_NAMETYPE_host_name,
               const_cast<char*>(url.host.c_str())) != 1) {
    ex.failed = failure::tls;
    ex.error = "cannot set the TLS server name " + url.host;
    return ex;
  }
  if (!connect(beast::get_lowest_layer(stream))) return ex;
  stream.async_handshake(ssl::stream_base::client,
                         [&](beast::error_code e) { ec = e; });
  run(ioc);
  ex.times.tls = since();
  if (ec) {
    ex.failed = ec == beast::error::timeout ? failure::timeout : failure::tls;
    std::string why = describe(ec);
    const long verify = SSL_get_verify_result(stream.native_handle());
    // The host name check runs in the verify callback; when it rejects a
    // chain OpenSSL accepted, OpenSSL only knows "unspecified".
    if (verify == X509_V_ERR_UNSPECIFIED)
      why = "certificate verify failed: the certificate is not for " + url.host;
    else if (verify != X509_V_OK)
      why = std::string("certificate verify failed: ") +
            X509_verify_cert_error_string(verify);
    // What OpenSSL makes of a plain-text answer ("HTTP/1.1 400") read as a
    // TLS record header.
    else if (ec.category() == net::error::get_ssl_category() &&
             ERR_GET_REASON(static_cast<unsigned long>(ec.value())) ==
                 SSL_R_WRONG_VERSION_NUMBER)
      why = "the answer is not TLS (" + why +
            "); if the port serves plain HTTP, use an http:// URL";
    ex.error = "TLS handshake with " + where + " failed: " + why;
    return ex;
  }
  send_and_read(stream);
  return ex;
}

}  // namespace httpstatus::cli
