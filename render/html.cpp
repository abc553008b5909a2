// SPDX-License-Identifier: MIT
// HTML escaping for text and quoted attribute values.
#include "html.hpp"

namespace httpstatus::render {

// Escaping these five characters is enough for text and for attribute
// values in double or single quotes, the only two places our templates put
// variables. Attribute values are always quoted in our templates; an
// unquoted one would also need spaces and `=` escaped. Control characters
// other than tab, newline and carriage return are parse errors in HTML (NUL
// worst of all): a client's bytes become U+FFFD instead of reaching the page.
void append_escaped(std::string& out, std::string_view text) {
  out.reserve(out.size() + text.size());
  for (const char c : text) {
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
        const bool is_control = (byte < 0x20 && c != '\t' && c != '\n' &&
                                 c != '\r') ||
                                byte == 0x7f;
        if (is_control)
          out += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER
        else
          out += c;
        break;
      }
    }
  }
}

std::string html_escape(std::string_view text) {
  std::string out;
  append_escaped(out, text);
  return out;
}

}  // namespace httpstatus::render
