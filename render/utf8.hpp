// SPDX-License-Identifier: MIT
// Well-formed UTF-8, for the two kinds of text we send that declare it:
// JSON (RFC 8259 Section 8.1) and HTML served as charset=utf-8.
#pragma once

#include <cstddef>
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

}  // namespace httpstatus::render
