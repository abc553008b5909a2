// SPDX-License-Identifier: MIT
// Well-formed UTF-8, for the two kinds of text we send that declare it:
// JSON (RFC 8259 Section 8.1) and HTML served as charset=utf-8.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace httpstatus::render {

/// The U+FFFD REPLACEMENT CHARACTER, in UTF-8: what each ill-formed byte of
/// a client's text becomes.
inline constexpr std::string_view replacement_character = "\xEF\xBF\xBD";

/// Returns the length of the well-formed UTF-8 sequence at the start of
/// `text` (RFC 3629: no overlong forms, no surrogates, nothing above
/// U+10FFFF), or 0 if it starts with an ill-formed one or is empty.
[[nodiscard]] constexpr std::size_t utf8_sequence_size(
    std::string_view text) noexcept {
  if (text.empty()) return 0;
  const auto byte = [&](std::size_t i) {
    return static_cast<unsigned char>(text[i]);
  };
  const unsigned char lead = byte(0);
  if (lead < 0x80) return 1;
  std::size_t size = 0;
  unsigned char low = 0x80, high = 0xBF;  // the second byte's range
  if (lead >= 0xC2 && lead <= 0xDF) {
    size = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    size = 3;
    if (lead == 0xE0) low = 0xA0;   // overlong
    if (lead == 0xED) high = 0x9F;  // surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    size = 4;
    if (lead == 0xF0) low = 0x90;   // overlong
    if (lead == 0xF4) high = 0x8F;  // above U+10FFFF
  } else {
    return 0;
  }
  if (text.size() < size || byte(1) < low || byte(1) > high) return 0;
  for (std::size_t i = 2; i < size; ++i)
    if (byte(i) < 0x80 || byte(i) > 0xBF) return 0;
  return size;
}

/// Returns `text` with its bidirectional controls (U+061C, U+200E-U+200F,
/// U+202A-U+202E, U+2066-U+2069) replaced by U+FFFD. A sentence that
/// quotes a visitor's path (a 404 page's reason, a problem's `detail`)
/// cannot isolate the quote as the search term is with <bdi>, and a
/// right-to-left override in it reordered the rest of the sentence.
[[nodiscard]] inline std::string without_bidi_controls(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = [&](std::size_t at) {
      return at < text.size() ? static_cast<unsigned char>(text[at]) : 0u;
    };
    const bool arabic_mark = byte(i) == 0xD8 && byte(i + 1) == 0x9C;
    const bool in_general_punctuation =
        byte(i) == 0xE2 &&
        ((byte(i + 1) == 0x80 &&
          (byte(i + 2) == 0x8E || byte(i + 2) == 0x8F ||
           (byte(i + 2) >= 0xAA && byte(i + 2) <= 0xAE))) ||
         (byte(i + 1) == 0x81 && byte(i + 2) >= 0xA6 && byte(i + 2) <= 0xA9));
    if (arabic_mark || in_general_punctuation) {
      out += replacement_character;
      i += arabic_mark ? 2 : 3;
    } else {
      out += text[i++];
    }
  }
  return out;
}

}  // namespace httpstatus::render
