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

/// Returns `html_escape(text)` with a `<wbr>` where a long identifier or
/// media type may wrap on a narrow screen: after "/", ":", "." and "_",
/// and between a lower-case letter and the capital that follows it
/// (`Status<wbr>Not<wbr>Found`). A browser breaks there only when the
/// whole does not fit, and copying the text copies no break.
[[nodiscard]] std::string html_escape_breakable(std::string_view text);

/// Appends `html_escape(text)` to `out` without a temporary string.
void append_escaped(std::string& out, std::string_view text);

/// Returns the ASCII letters and digits of `text` in lower case, each run
/// of other bytes between them as one `separator`, none at either end: an
/// id or slug ("Questions & answers" with '-' gives "questions-answers").
[[nodiscard]] std::string join_words(std::string_view text, char separator);

}  // namespace httpstatus::render
