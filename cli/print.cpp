// SPDX-License-Identifier: MIT
// Human output of the CLI: aligned, coloured on a terminal, plain otherwise.
#include "print.hpp"

#include <algorithm>
#include <ostream>

#include <fmt/color.h>
#include <fmt/format.h>
#include <fmt/ostream.h>

#include "httpstatus/registry.hpp"

namespace httpstatus::cli {

namespace {

// Colours follow the usual reading of the classes: neutral information,
// green success, cyan redirection, yellow client error, red server error.
fmt::text_style class_style(int code, const terminal& term) {
  if (!term.color) return {};
  switch (code / 100) {
    case 1: return fmt::fg(fmt::terminal_color::blue) | fmt::emphasis::bold;
    case 2: return fmt::fg(fmt::terminal_color::green) | fmt::emphasis::bold;
    case 3: return fmt::fg(fmt::terminal_color::cyan) | fmt::emphasis::bold;
    case 4: return fmt::fg(fmt::terminal_color::yellow) | fmt::emphasis::bold;
    default: return fmt::fg(fmt::terminal_color::red) | fmt::emphasis::bold;
  }
}

fmt::text_style dim(const terminal& term) {
  return term.color ? fmt::emphasis::faint : fmt::text_style{};
}

fmt::text_style bold(const terminal& term) {
  return term.color ? fmt::emphasis::bold : fmt::text_style{};
}

// The phrase shown for a code: vendors without a published phrase get
// their meaning in parentheses instead, never an invented phrase.
std::string display_reason(const status& s) {
  if (!s.reason.empty()) return std::string(s.reason);
  return "(no reason phrase)";
}

std::string badge(const status& s) {
  switch (s.registration) {
    case registration_status::standard: return "";
    case registration_status::unofficial:
      return fmt::format(" [unofficial: {}]", s.vendor);
    default: return fmt::format(" [{}]", to_string(s.registration));
  }
}

}  // namespace

void print_entry(std::ostream& out, const status& s, const terminal& term) {
  const class_info& c = info(class_of(s));
  fmt::print(out, "{} {}{}\n",
             fmt::styled(s.code, class_style(s.code, term)),
             fmt::styled(display_reason(s), bold(term)), badge(s));
  const auto field = [&](std::string_view name, std::string_view value) {
    if (value.empty()) return;
    fmt::print(out, "  {:<10} {}\n", fmt::styled(name, dim(term)), value);
  };
  field("class", fmt::format("{} {}", c.label, c.name));
  field("status", to_string(s.registration));
  field("meaning", s.meaning);
  if (!s.on_the_wire) field("sent", "never: no client receives this code");
  field("reference", s.reference);
  field("url", s.reference_url);
}

void print_rows(std::ostream& out, std::span<const status> rows,
                const terminal& term) {
  std::size_t reason_width = 0;
  for (const status& s : rows)
    reason_width = std::max(reason_width, display_reason(s).size() + badge(s).size());
  for (const status& s : rows) {
    const std::string name = display_reason(s) + badge(s);
    fmt::print(out, "{}  {}{}  {}\n",
               fmt::styled(s.code, class_style(s.code, term)),
               fmt::styled(name, bold(term)),
               std::string(reason_width - name.size(), ' '), s.meaning);
  }
}

void print_class_heading(std::ostream& out, const class_info& c,
                         const terminal& term) {
  fmt::print(out, "{} {}: {}\n", fmt::styled(c.label, bold(term)), c.name,
             c.description);
}

void print_unassigned(std::ostream& out, const code_range& r,
                      const terminal& term) {
  const std::string span = r.first == r.last
                               ? fmt::format("{}", r.first)
                               : fmt::format("{}-{}", r.first, r.last);
  fmt::print(out, "{}  Unassigned\n", fmt::styled(span, dim(term)));
}

namespace {

// The length of the well-formed UTF-8 sequence that begins `text` (RFC
// 3629: no overlong forms, no surrogates, nothing above U+10FFFF), and its
// code point; 0 when it is not one.
std::size_t utf8_sequence(std::string_view text, char32_t& code_point) {
  const auto byte = [&](std::size_t i) {
    return static_cast<unsigned char>(text[i]);
  };
  const unsigned char lead = byte(0);
  std::size_t length = 0;
  unsigned char low = 0x80, high = 0xBF;  // the second byte's range
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
    code_point = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    code_point = lead & 0x0F;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    code_point = lead & 0x07;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    return 0;
  }
  if (text.size() < length) return 0;
  for (std::size_t i = 1; i < length; ++i) {
    const unsigned char b = byte(i);
    if (b < (i == 1 ? low : 0x80) || b > (i == 1 ? high : 0xBF)) return 0;
    code_point = (code_point << 6) | (b & 0x3F);
  }
  return length;
}

// Characters a terminal acts on rather than shows: the C1 controls (U+009B
// is CSI to some terminals), the line and paragraph separators (a second
// line), and the bidirectional overrides and isolates, which reorder what
// follows them on screen.
bool acts_on_a_terminal(char32_t c) {
  return c < 0xA0 || c == 0x2028 || c == 0x2029 ||
         (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

}  // namespace

std::string printable(std::string_view text) {
  std::string result;
  result.reserve(text.size());
  while (!text.empty()) {
    const auto byte = static_cast<unsigned char>(text.front());
    char32_t code_point = 0;
    std::size_t keep = byte >= 0x20 && byte < 0x7f ? 1 : 0;
    if (byte >= 0x80) {
      keep = utf8_sequence(text, code_point);
      if (keep != 0 && acts_on_a_terminal(code_point)) keep = 0;
    }
    if (keep != 0) {
      result += text.substr(0, keep);
      text.remove_prefix(keep);
    } else {
      result += fmt::format("\\x{:02x}", byte);
      text.remove_prefix(1);
    }
  }
  return result;
}

}  // namespace httpstatus::cli
