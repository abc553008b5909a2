// SPDX-License-Identifier: MIT
// HTML escaping for text and quoted attribute values.
#include "html.hpp"

#include "httpstatus/search.hpp"  // detail::ascii_lower
#include "utf8.hpp"

namespace httpstatus::render {

// Escaping these five characters is enough for text and for attribute
// values in double or single quotes, the only two places our templates put
// variables. Attribute values are always quoted in our templates; an
// unquoted one would also need spaces and `=` escaped. Control characters
// other than tab, newline and carriage return are parse errors in HTML (NUL
// worst of all): a client's bytes become U+FFFD instead of reaching the page.
void append_escaped(std::string& out, std::string_view text) {
  out.reserve(out.size() + text.size());
  std::size_t at = 0;
  while (at < text.size()) {
    const char c = text[at];
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default: {
        const auto byte = static_cast<unsigned char>(c);
        if (byte >= 0x80) {
          // Pages are served as charset=utf-8, and a client's bytes (a
          // search query, a path) need not be UTF-8: a browser would show
          // its own replacement, a strict parser would stop.
          const std::size_t size = utf8_sequence_size(text.substr(at));
          if (size == 0) {
            out += replacement_character;
            ++at;
          } else {
            out += text.substr(at, size);
            at += size;
          }
          continue;
        }
        const bool is_control =
            (byte < 0x20 && c != '\t' && c != '\n' && c != '\r') || byte == 0x7f;
        if (is_control)
          out += replacement_character;
        else
          out += c;
        break;
      }
    }
    ++at;
  }
}

std::string html_escape(std::string_view text) {
  std::string out;
  append_escaped(out, text);
  return out;
}

std::string html_escape_breakable(std::string_view text) {
  // The escaped text is scanned, not `text`: a character reference
  // ("&amp;") holds none of the characters that mark a break.
  const std::string escaped = html_escape(text);
  const auto is_lower = [](char c) { return c >= 'a' && c <= 'z'; };
  const auto is_upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  std::string out;
  out.reserve(escaped.size() + escaped.size() / 4);
  for (std::size_t i = 0; i < escaped.size(); ++i) {
    const char c = escaped[i];
    if (i > 0 && is_upper(c) && is_lower(escaped[i - 1])) out += "<wbr>";
    out += c;
    const bool last = i + 1 == escaped.size();
    if (!last && (c == '/' || c == '.' || c == '_' ||
                  (c == ':' && escaped[i + 1] != ':')))
      out += "<wbr>";
  }
  return out;
}

std::string join_words(std::string_view text, char separator) {
  std::string out;
  for (const char c : text) {
    const char l = detail::ascii_lower(c);
    if ((l >= 'a' && l <= 'z') || (l >= '0' && l <= '9'))
      out += l;
    else if (!out.empty() && out.back() != separator)
      out += separator;
  }
  if (!out.empty() && out.back() == separator) out.pop_back();
  return out;
}

}  // namespace httpstatus::render
