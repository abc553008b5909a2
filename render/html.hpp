// SPDX-License-Identifier: MIT
// HTML escaping: the one function every page goes through for text.
#pragma once

#include <string>
#include <string_view>

namespace httpstatus::render {

/// Returns `text` with `&`, `<`, `>`, `"` and `'` replaced by character
/// references, so that it is inert both as element text and inside a
/// quoted attribute value. Leaves every other byte alone, including control
/// characters and UTF-8 sequences; returns "" for "".
///
///     html_escape("<a href='x'>") == "&lt;a href=&#39;x&#39;&gt;"
[[nodiscard]] std::string html_escape(std::string_view text);

/// Appends `html_escape(text)` to `out` without a temporary string.
void append_escaped(std::string& out, std::string_view text);

}  // namespace httpstatus::render
