// SPDX-License-Identifier: MIT
// HTML escaping: the one function every page goes through for text.
#pragma once

#include <string>
#include <string_view>

namespace httpstatus::render {

/// Returns `text` with `&`, `<`, `>`, `"` and `'` replaced by character
/// references, so that it is inert both as element text and inside a
/// quoted attribute value; control characters other than tab, CR and LF,
/// and each byte that is not part of well-formed UTF-8, become U+FFFD.
/// Leaves every other byte alone; returns "" for "".
///
///     html_escape("<a href='x'>") == "&lt;a href=&#39;x&#39;&gt;"
[[nodiscard]] std::string html_escape(std::string_view text);

/// Appends `html_escape(text)` to `out` without a temporary string.
void append_escaped(std::string& out, std::string_view text);

}  // namespace httpstatus::render
