// SPDX-License-Identifier: MIT
// Reading raw responses as curl prints them, tolerant of what the lint reports.
#include <charconv>
#include <optional>

#include "httpstatus/registry.hpp"
#include "lint.hpp"
#include "syntax.hpp"

namespace httpstatus::lint {

namespace {

// Beast's `http::response_parser` would be the natural reader, but it
// refuses exactly the responses a linter exists to explain: Content-Length
// with Transfer-Encoding, differing Content-Length values, "HTTP/2 200"
// status lines from `curl -si` over HTTP/2, and a body that curl has
// already de-chunked under a `Transfer-Encoding: chunked` header. So the
// lint reads the text itself, keeps every oddity as data, and lets the
// rules judge it. (The `check` client does read with Beast, and falls back
// on this reader when Beast refuses a header.)

// A status line: "HTTP/" 1*DIGIT [ "." 1*DIGIT ] SP 3DIGIT [ SP reason ].
struct status_line {
  std::string version;
  int code = 0;
  std::string reason;
  bool space_after_code = false;
};

std::optional<status_line> read_status_line(std::string_view line) {
  if (line.substr(0, 5) != "HTTP/") return std::nullopt;
  std::size_t i = 5;
  const std::size_t major = i;
  while (i < line.size() && is_digit(line[i])) ++i;
  if (i == major) return std::nullopt;
  if (i < line.size() && line[i] == '.') {
    const std::size_t minor = ++i;
    while (i < line.size() && is_digit(line[i])) ++i;
    if (i == minor) return std::nullopt;
  }
  status_line s;
  s.version = std::string(line.substr(0, i));
  if (i + 4 > line.size() || line[i] != ' ' || !is_digit(line[i + 1]) ||
      !is_digit(line[i + 2]) || !is_digit(line[i + 3]))
    return std::nullopt;
  s.code = (line[i + 1] - '0') * 100 + (line[i + 2] - '0') * 10 +
           (line[i + 3] - '0');
  i += 4;
  if (i < line.size()) {
    if (line[i] != ' ') return std::nullopt;
    s.space_after_code = true;
    s.reason = std::string(line.substr(i + 1));
  }
  return s;
}

// A cursor over the input that hands out lines without their CR LF or LF.
struct cursor {
  std::string_view text;
  std::size_t pos = 0;

  [[nodiscard]] bool done() const noexcept { return pos >= text.size(); }

  std::string_view next_line() noexcept {
    const std::size_t end = text.find('\n', pos);
    std::string_view line = end == std::string_view::npos
                                ? text.substr(pos)
                                : text.substr(pos, end - pos);
    pos = end == std::string_view::npos ? text.size() : end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return line;
  }
};

// Returns whether a status line starts at `pos` (which is a line start).
bool status_line_at(std::string_view text, std::size_t pos) {
  const std::size_t end = text.find('\n', pos);
  std::string_view line = text.substr(
      pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return read_status_line(line).has_value();
}

// Finds the next line start at or after `from` where a status line begins.
std::size_t next_status_line(std::string_view text, std::size_t from) {
  if (from < text.size() && status_line_at(text, from)) return from;
  std::size_t nl = text.find('\n', from);
  while (nl != std::string_view::npos && nl + 1 < text.size()) {
    if (status_line_at(text, nl + 1)) return nl + 1;
    nl = text.find('\n', nl + 1);
  }
  return std::string_view::npos;
}

// Drops the one line end a terminal transcript puts between a body and
// the next response, so that a body is not charged for it.
std::string_view drop_final_newline(std::string_view body) {
  if (!body.empty() && body.back() == '\n') body.remove_suffix(1);
  if (!body.empty() && body.back() == '\r') body.remove_suffix(1);
  return body;
}

// Whether `res` can have no content: 1xx, 204 and 304 end at their header
// section (RFC 9112 Section 6.3), a 205 has none (RFC 9110 Section
// 15.3.6), and neither has any answer to HEAD. After such a response, line
// ends that a transcript's editor or shell added cannot be told from
// content by their framing, so they are read as the transcript's. After
// any other response they may be content: a body delimited by the close
// of the connection can end with a line end. Methods are case-sensitive
// (RFC 9110 Section 9.1): "head" is some other method, answered with
// content as a GET is.
bool cannot_have_content(const response& res, std::string_view method) {
  if (method == "HEAD") return true;
  const std::optional<status> rules = effective(res.code);
  return rules && rules->body != body_rule::allowed;
}

// Whether `res` ends at its header section whatever framing it names: an
// answer to HEAD, a 1xx, 204 or 304 (RFC 9112 Section 6.3). A 205 cannot
// have content either, but is not implicitly empty, so it is framed.
bool ends_at_header(const response& res, std::string_view method) {
  if (method == "HEAD") return true;
  const std::optional<status> rules = effective(res.code);
  return rules && rules->body == body_rule::none;
}

// Decodes chunked content (RFC 9112 Section 7.1); `std::nullopt` when the
// bytes are not chunked, as after curl has already de-chunked them. Line
// ends may be bare LF, as in a transcript saved on Unix; `bare_lf` (when
// given) says whether any chunk line ended so.
// `trailer` gets the trailer section's lines, up to the empty line that
// ends the message. `whole_chunks` (when given) gets the content of the
// chunks whose data came whole when the text ends before the last chunk
// (not when it turns out not to be chunked).
std::optional<std::string> dechunk(
    std::string_view text, std::size_t& used, std::string_view& trailer,
    bool* bare_lf = nullptr,
    std::optional<std::string>* whole_chunks = nullptr) {
  std::string out;
  std::size_t whole = 0;  // bytes of `out` from chunks read whole
  cursor c{text};
  const auto note_line_end = [&] {
    if (bare_lf && c.pos > 0 && text[c.pos - 1] == '\n' &&
        (c.pos < 2 || text[c.pos - 2] != '\r'))
      *bare_lf = true;
  };
  const auto ran_out = [&]() -> std::optional<std::string> {
    if (whole_chunks) {
      out.resize(whole);
      *whole_chunks = std::move(out);
    }
    return std::nullopt;
  };
  while (!c.done()) {
    std::string_view size_line = c.next_line();
    note_line_end();
    size_line = size_line.substr(0, size_line.find(';'));  // chunk extension
    size_line = trim(size_line);
    std::size_t size = 0;
    const auto [end, ec] = std::from_chars(
        size_line.data(), size_line.data() + size_line.size(), size, 16);
    if (size_line.empty() || ec != std::errc{} ||
        end != size_line.data() + size_line.size())
      return std::nullopt;
    if (size == 0) {
      // Trailer fields, then the empty line that ends the message.
      const std::size_t trailer_start = c.pos;
      while (!c.done() && !c.next_line().empty()) {
      }
      trailer = text.substr(trailer_start, c.pos - trailer_start);
      used = c.pos;
      return out;
    }
    // Compared with what is left, not as pos + size, which a chunk size
    // near 2^64 wraps round to an earlier line: that was an endless loop.
    if (size > text.size() - c.pos) return ran_out();
    out.append(text.substr(c.pos, size));
    c.pos += size;
    const std::string_view rest = c.next_line();
    if (!rest.empty()) return std::nullopt;
    note_line_end();
    whole = out.size();
  }
  return ran_out();
}

// Reads the header block after the status line into `res`: field lines,
// folded continuations (obs-fold) and lines that are not fields at all.
void read_fields(cursor& c, response& res) {
  while (!c.done()) {
    const std::string_view line = c.next_line();
    if (line.empty()) return;
    if ((line.front() == ' ' || line.front() == '\t') && !res.fields.empty()) {
      res.obs_fold = true;
      res.fields.back().value += ' ';
      res.fields.back().value += std::string(trim(line));
      continue;
    }
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0 ||
        !is_token(line.substr(0, colon))) {
      // "Name : value" (space before the colon) is kept as a field under
      // its trimmed name too, so the other rules still see it.
      if (colon != std::string_view::npos &&
          is_token(trim(line.substr(0, colon))))
        res.fields.push_back({std::string(trim(line.substr(0, colon))),
                              std::string(trim(line.substr(colon + 1)))});
      res.malformed_lines.emplace_back(line);
      continue;
    }
    res.fields.push_back({std::string(line.substr(0, colon)),
                          std::string(trim(line.substr(colon + 1)))});
  }
}

// Trailer fields have the grammar of header fields (RFC 9112 Section
// 7.1.2).
void read_trailer(std::string_view trailer, response& res) {
  response trailers;
  cursor lines{trailer};
  read_fields(lines, trailers);
  res.trailer_fields = std::move(trailers.fields);
  res.malformed_trailer_lines = std::move(trailers.malformed_lines);
  res.obs_fold = res.obs_fold || trailers.obs_fold;
}

// Whether `res` is one that a client answers with another request on the
// same exchange, so that curl's output may go on with the next response
// after content whose end the text does not show: an interim 1xx, a
// redirect it follows (-L), a challenge it answers (--digest, --anyauth,
// --proxy-user). After any other response such content is the last thing
// on its connection, delimited by the close (RFC 9112 Section 6.3).
bool may_be_followed(const response& res) {
  if (res.code >= 100 && res.code <= 199) return true;
  if (res.code >= 300 && res.code <= 399)
    return header(res.fields, "Location").has_value();
  if (res.code == 401)
    return header(res.fields, "WWW-Authenticate").has_value();
  if (res.code == 407)
    return header(res.fields, "Proxy-Authenticate").has_value();
  return false;
}

// Whether `res`, followed at once by another response, can only be a
// proxy's answer to CONNECT: an HTTP/1.x 2xx that frames no content is
// delimited by the close of its connection (RFC 9112 Section 6.3), unless
// it answers HEAD or opens a tunnel (RFC 9110 Section 9.3.6), after which
// curl prints the origin's response. A 204 or 205 ends at its header, and
// HTTP/2 frames content without Content-Length, so the response after one
// of those is the next URL's (`curl -si A B`). To HEAD, every response
// ends at its header: there the proxy's own words tell its answer apart
// (`curl -sI -x PROXY https://...`).
bool is_tunnel_answer(const response& res, std::string_view method) {
  if (res.code < 200 || res.code > 299 || res.code == 204 || res.code == 205 ||
      !is_http_version(res.version) || header(res.fields, "Content-Length") ||
      header(res.fields, "Transfer-Encoding"))
    return false;
  return method != "HEAD" || iequals(res.reason, "Connection established");
}

// Whether chunked is the last transfer coding `res` names, which frames its
// content (RFC 9112 Section 6.3).
bool ends_in_chunked(const response& res) {
  for (const field& f : res.fields)
    if (iequals(f.name, "Transfer-Encoding") &&
        iequals(trim(f.value.substr(f.value.rfind(',') + 1)), "chunked"))
      return true;
  return false;
}

// The length a single valid Content-Length of `res` announces, or
// `std::nullopt` when it has none or its value is not one number (a list,
// a sign, trailing text), which frames nothing a reader can trust.
std::optional<std::uint64_t> announced_length(const response& res) {
  const std::optional<std::string_view> cl =
      header(res.fields, "Content-Length");
  if (!cl) return std::nullopt;
  std::uint64_t length = 0;
  const auto [end, ec] =
      std::from_chars(cl->data(), cl->data() + cl->size(), length);
  if (ec != std::errc{} || end != cl->data() + cl->size()) return std::nullopt;
  return length;
}

// Whether `text` ends with an empty line, as a header or trailer section
// does once it is whole.
bool ends_with_empty_line(std::string_view text) {
  return text.ends_with("\n\n") || text.ends_with("\n\r\n");
}

// Reads the content after a header block, which ends at `c.pos`; returns
// where the next response starts (or the end of the text).
std::size_t read_body(std::string_view text, std::size_t start, response& res,
                      std::string_view method) {
  if (start >= text.size()) return text.size();
  // Nothing but line ends between this header block and the next status
  // line: the body was not shown (1xx, curl -L's redirect hops, HEAD), or
  // there is none (a tunnel answer; a 204's blank lines).
  const std::size_t first = text.find_first_not_of("\r\n", start);
  const bool next_follows =
      first != std::string_view::npos && status_line_at(text, first);
  if (status_line_at(text, start) ||
      (next_follows && is_tunnel_answer(res, method))) {
    res.tunnel = is_tunnel_answer(res, method);
    return first;
  }
  // After a 101 the connection speaks the protocol it switched to (RFC
  // 9110 Section 15.2.2): what follows, unless curl printed a response of
  // it (h2c), is no content of the 101 and no HTTP text to read.
  if (res.code == 101 && !next_follows) return text.size();
  const bool no_content = cannot_have_content(res, method);
  if (no_content && (first == std::string_view::npos || next_follows))
    return first == std::string_view::npos ? text.size() : first;
  const std::string_view rest = text.substr(start);
  // A response that ends at its header may still name chunked (RFC 9112
  // Section 6.1): a zero chunk after it is no framing but bytes a client
  // reads as the next response.
  if (ends_in_chunked(res) && !ends_at_header(res, method)) {
    std::size_t used = 0;
    std::string_view trailer;
    if (auto decoded = dechunk(rest, used, trailer, &res.chunk_lines_bare_lf)) {
      read_trailer(trailer, res);
      res.body = std::move(*decoded);
      res.body_size = res.body.size();
      res.body_present = true;
      const std::size_t next = next_status_line(text, start + used);
      return next == std::string_view::npos ? text.size() : next;
    }
  }
  // With a single valid Content-Length, take exactly that many bytes when
  // they are there and are followed by the end or by another response.
  if (const std::optional<std::uint64_t> length = announced_length(res)) {
    if (*length <= rest.size()) {
      const auto n = static_cast<std::size_t>(*length);
      std::size_t after = start + n;
      std::string_view gap = text.substr(after);
      const std::size_t gap_end = gap.find_first_not_of("\r\n");
      if (gap_end == std::string_view::npos ||
          status_line_at(text, after + gap_end)) {
        res.body = std::string(rest.substr(0, n));
        res.body_size = *length;
        res.body_present = true;
        return gap_end == std::string_view::npos ? text.size()
                                                 : after + gap_end;
      }
    }
  }
  // The text does not show where this content ends (curl has de-chunked
  // it, or it runs to the close): only after a response that a client
  // follows with another request can a status line end it.
  const std::size_t next = may_be_followed(res) ? next_status_line(text, start)
                                                : std::string_view::npos;
  std::string_view body =
      next == std::string_view::npos
          ? rest
          : drop_final_newline(text.substr(start, next - start));
  if (no_content) body = body.substr(0, body.find_last_not_of("\r\n") + 1);
  res.body = std::string(body);
  res.body_size = res.body.size();
  res.body_present = true;
  return next == std::string_view::npos ? text.size() : next;
}

}  // namespace

std::optional<std::string_view> header(std::span<const field> fields,
                                       std::string_view name) noexcept {
  for (const field& f : fields)
    if (iequals(f.name, name)) return std::string_view(f.value);
  return std::nullopt;
}

bool holds_final_response(std::string_view text, std::string_view method) {
  std::size_t pos = text.find_first_not_of("\r\n");
  while (pos != std::string_view::npos) {
    cursor c{text, pos};
    const std::optional<status_line> s = read_status_line(c.next_line());
    // A whole first line that is no status line cannot become one.
    if (!s) return text.find('\n', pos) != std::string_view::npos;
    response res;
    res.code = s->code;
    read_fields(c, res);
    if (!ends_with_empty_line(text.substr(0, c.pos))) return false;
    const std::string_view rest = text.substr(c.pos);
    if (s->code >= 100 && s->code <= 199 && s->code != 101) {
      pos = text.find_first_not_of("\r\n", c.pos);
      continue;
    }
    // What follows a 101 is the new protocol's; a 204, a 304 and an answer
    // to HEAD end at their header, whatever fields they carry.
    if (s->code == 101 || s->code == 204 || s->code == 304 || method == "HEAD")
      return true;
    // Transfer-Encoding overrides Content-Length; a coding other than
    // chunked last runs to the close.
    if (header(res.fields, "Transfer-Encoding")) {
      if (!ends_in_chunked(res)) return false;
      std::size_t used = 0;
      std::string_view trailer;
      return dechunk(rest, used, trailer).has_value() &&
             ends_with_empty_line(rest.substr(0, used));
    }
    // A Content-Length that is not one number is an unrecoverable framing
    // error (RFC 9112 Section 6.3): the response is over.
    const std::optional<std::uint64_t> length = announced_length(res);
    if (!length) return header(res.fields, "Content-Length").has_value();
    return *length <= rest.size();
  }
  return false;
}

parse_result parse_responses(std::string_view text, std::string_view method) {
  parse_result result;
  // A byte order mark is what a Windows editor puts before the text.
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  // Leading blank lines are what a shell or an editor adds; skip them.
  const std::size_t first = text.find_first_not_of("\r\n");
  if (first == std::string_view::npos) {
    result.ec = std::errc::invalid_argument;
    result.error =
        "the input is empty; expected a raw HTTP response "
        "such as `curl -si URL` prints";
    return result;
  }
  cursor c{text, first};
  while (!c.done()) {
    // Each response becomes a report; a flood of them (a 24-byte "100
    // Continue" repeated) took gigabytes to report in JSON.
    if (result.responses.size() == max_responses) {
      result.ec = std::errc::value_too_large;
      result.error = "the input holds more than " +
                     std::to_string(max_responses) +
                     " responses; lint them in parts";
      result.responses.clear();
      return result;
    }
    const std::size_t line_start = c.pos;
    const std::string_view line = c.next_line();
    const std::optional<status_line> s = read_status_line(line);
    if (!s) {
      result.ec = std::errc::invalid_argument;
      result.error =
          result.responses.empty()
              ? "the input is not an HTTP response: it must start with a "
                "status line such as \"HTTP/1.1 200 OK\""
              : "unexpected text after response " +
                    std::to_string(result.responses.size()) + " at byte " +
                    std::to_string(line_start);
      result.responses.clear();
      return result;
    }
    response res;
    res.version = s->version;
    res.code = s->code;
    res.reason = s->reason;
    res.space_after_code = s->space_after_code;
    read_fields(c, res);
    c.pos = read_body(text, c.pos, res, method);
    result.responses.push_back(std::move(res));
    // Trailing blank lines after the last response are not another one.
    const std::size_t more = text.find_first_not_of("\r\n", c.pos);
    if (more == std::string_view::npos) break;
    c.pos = more;
  }
  return result;
}

bool read_remaining_chunks(std::string_view text, response& res,
                           std::size_t body_limit, bool all_there) {
  std::size_t used = 0;
  std::string_view trailer;
  bool bare_lf = false;
  std::optional<std::string> whole_chunks;
  std::optional<std::string> content =
      dechunk(text, used, trailer, &bare_lf, &whole_chunks);
  const std::size_t room =
      body_limit > res.body.size() ? body_limit - res.body.size() : 0;
  // Content cut short is read as far as its chunks go once no more can
  // come, or once they reach the limit, where reading would stop anyway.
  const bool cut_short =
      !content && whole_chunks && (all_there || whole_chunks->size() >= room);
  if (!content && !cut_short) return false;
  if (cut_short) content = std::move(whole_chunks);
  res.chunk_lines_bare_lf = res.chunk_lines_bare_lf || bare_lf;
  res.body_truncated = cut_short || content->size() > room;
  if (content->size() > room) content->resize(room);
  res.body += *content;
  res.body_size = res.body.size();
  res.body_present = true;
  // The trailer section comes after all the content.
  if (!res.body_truncated) read_trailer(trailer, res);
  return true;
}

}  // namespace httpstatus::lint
