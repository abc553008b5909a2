// SPDX-License-Identifier: MIT
// A tiny template filler: `{{name}}` is escaped text, `{{{name}}}` is HTML.
#pragma once

#include <initializer_list>
#include <span>
#include <string>
#include <string_view>

namespace httpstatus::render {

/// Holds one named value for `fill`: text, which is escaped where it is
/// substituted, or HTML that was already rendered (made with `slot::html`).
struct slot {
  std::string_view name;
  std::string value;
  bool is_html = false;

  /// Makes a text slot; `fill` escapes `text`.
  slot(std::string_view name_, std::string_view text)
      : name(name_), value(text) {}

  /// Makes a slot holding `html` verbatim: only for fragments that were
  /// themselves built by `fill` or from constant markup.
  [[nodiscard]] static slot html(std::string_view name, std::string html) {
    slot s(name, std::string_view());
    s.value = std::move(html);
    s.is_html = true;
    return s;
  }
};

/// Returns `tmpl` with every `{{name}}` replaced by the escaped text of the
/// slot called `name` and every `{{{name}}}` by the HTML of a slot made
/// with `slot::html`. Spaces inside the braces are ignored (`{{ name }}`);
/// `{{! text }}` is a comment, dropped with the line break right after it.
/// Raw output takes both sides opting in, so a text slot can never reach the
/// page unescaped.
///
/// Throws `std::invalid_argument`, naming the slot, for a name without a
/// slot, for `{{{name}}}` on a text slot or `{{name}}` on an HTML slot, and
/// for an unclosed `{{`. Pages are rendered once, at start-up and in tests,
/// so such a mistake stops the server before it serves anything.
///
///     fill("<p>{{who}}</p>", {{"who", "<b>"}}) == "<p>&lt;b&gt;</p>"
[[nodiscard]] std::string fill(std::string_view tmpl,
                               std::span<const slot> slots);

/// Same as the `std::span` overload, for a braced list of slots.
[[nodiscard]] std::string fill(std::string_view tmpl,
                               std::initializer_list<slot> slots);

}  // namespace httpstatus::render
