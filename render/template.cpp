// SPDX-License-Identifier: MIT
// The template filler: one pass over the template, escaping by default.
#include "template.hpp"

#include <stdexcept>
#include <string>

#include "html.hpp"

namespace httpstatus::render {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

[[noreturn]] void fail(std::string_view what, std::string_view name) {
  throw std::invalid_argument("template: " + std::string(what) + " '" +
                              std::string(name) + "'");
}

const slot& lookup(std::span<const slot> slots, std::string_view name) {
  for (const slot& s : slots)
    if (s.name == name) return s;
  fail("no value for", name);
}

}  // namespace

std::string fill(std::string_view tmpl, std::span<const slot> slots) {
  std::string out;
  out.reserve(tmpl.size() + 256);
  std::size_t at = 0;
  while (at < tmpl.size()) {
    const std::size_t open = tmpl.find("{{", at);
    if (open == std::string_view::npos) {
      out.append(tmpl.substr(at));
      break;
    }
    out.append(tmpl.substr(at, open - at));
    // Three braces ask for raw HTML; the closing run must match.
    const bool raw = tmpl.substr(open, 3) == "{{{";
    const std::string_view closer = raw ? "}}}" : "}}";
    const std::size_t name_at = open + (raw ? 3 : 2);
    const std::size_t close = tmpl.find(closer, name_at);
    if (close == std::string_view::npos)
      fail("unclosed", tmpl.substr(open, 24));
    const std::string_view name = trim(tmpl.substr(name_at, close - name_at));
    at = close + closer.size();
    // A comment (the SPDX line of a template file) leaves nothing behind,
    // not even its line break.
    if (!raw && name.starts_with('!')) {
      if (at < tmpl.size() && tmpl[at] == '\n') ++at;
      continue;
    }
    const slot& s = lookup(slots, name);
    if (raw != s.is_html)
      fail(raw ? "{{{ }}} needs an HTML slot:" : "{{ }} needs a text slot:",
           name);
    if (raw)
      out.append(s.value);
    else
      append_escaped(out, s.value);
  }
  return out;
}

std::string fill(std::string_view tmpl, std::initializer_list<slot> slots) {
  return fill(tmpl, std::span<const slot>(slots.begin(), slots.size()));
}

}  // namespace httpstatus::render
