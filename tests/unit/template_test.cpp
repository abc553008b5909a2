// SPDX-License-Identifier: MIT
// The template filler and HTML escaping: substitution, opt-in raw HTML, errors.
#include "template.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <string_view>

#include "html.hpp"

namespace {

using httpstatus::render::fill;
using httpstatus::render::html_escape;
using httpstatus::render::html_escape_breakable;
using httpstatus::render::slot;

struct escape_case {
  std::string_view input;
  std::string_view expected;
};

// UTF-8 and tab, newline and carriage return pass through untouched; other
// control characters (NUL included) are HTML parse errors and become U+FFFD,
// as does each byte that is not well-formed UTF-8 (pages declare utf-8).
constexpr escape_case escape_cases[] = {
    {"", ""},
    {"plain text", "plain text"},
    {"<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"},
    {"a & b", "a &amp; b"},
    {"&amp;", "&amp;amp;"},
    {"\"quoted\"", "&quot;quoted&quot;"},
    {"it's", "it&#39;s"},
    {"\" onmouseover=\"x", "&quot; onmouseover=&quot;x"},
    {"tab\tnew\nline\r\x01\x1f", "tab\tnew\nline\r\xEF\xBF\xBD\xEF\xBF\xBD"},
    {std::string_view("nul\0x", 5), "nul\xEF\xBF\xBD" "x"},
    {"caf\xc3\xa9 \xe2\x80\x94 \xe2\x80\x9cq\xe2\x80\x9d",
     "caf\xc3\xa9 \xe2\x80\x94 \xe2\x80\x9cq\xe2\x80\x9d"},
    {"q=\xff", "q=\xEF\xBF\xBD"},
    {"caf\xc3", "caf\xEF\xBF\xBD"},                        // cut short
    {"\xc3\xa9\xc0\xaf", "\xc3\xa9\xEF\xBF\xBD\xEF\xBF\xBD"},  // overlong '/'
    {"\xed\xa0\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},  // a surrogate
    {"\xf0\x9f\x98\x80<", "\xf0\x9f\x98\x80&lt;"},
    {"</textarea><img src=x onerror=y>",
     "&lt;/textarea&gt;&lt;img src=x onerror=y&gt;"},
};

TEST(html, escapes_each_case) {
  for (const escape_case& c : escape_cases) {
    SCOPED_TRACE(c.input);
    EXPECT_EQ(html_escape(c.input), c.expected);
  }
}

TEST(html, replaces_embedded_nul) {
  const std::string input("a\0<b", 4);
  EXPECT_EQ(html_escape(input), "a\xEF\xBF\xBD&lt;b");
}

// Where a long name may wrap: at its separators and where a lower-case
// letter meets a capital; never inside a character reference.
TEST(html, marks_where_a_long_name_may_wrap) {
  EXPECT_EQ(html_escape_breakable("boost::beast::http::status::not_found"),
            "boost::<wbr>beast::<wbr>http::<wbr>status::<wbr>not_<wbr>found");
  EXPECT_EQ(html_escape_breakable("http.StatusNotFound"),
            "http.<wbr>Status<wbr>Not<wbr>Found");
  EXPECT_EQ(html_escape_breakable("multipart/byteranges"),
            "multipart/<wbr>byteranges");
  EXPECT_EQ(html_escape_breakable("a&Bc<D"), "a&amp;Bc&lt;D");
  EXPECT_EQ(html_escape_breakable("always"), "always");
  EXPECT_EQ(html_escape_breakable("trailing."), "trailing.");
  EXPECT_EQ(html_escape_breakable(""), "");
}

struct fill_case {
  std::string_view name;
  std::string_view tmpl;
  std::string_view value;
  std::string_view expected;
};

constexpr fill_case fill_cases[] = {
    {"no_slots", "<p>static</p>", "", "<p>static</p>"},
    {"text", "<p>{{v}}</p>", "hello", "<p>hello</p>"},
    {"spaces_in_braces", "<p>{{ v }}</p>", "hello", "<p>hello</p>"},
    {"twice", "{{v}}-{{v}}", "x", "x-x"},
    {"at_edges", "{{v}}", "only", "only"},
    {"script_tag", "<p>{{v}}</p>", "<script>alert(1)</script>",
     "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"},
    {"attribute_breakout", "<input value=\"{{v}}\">", "\"><script>x</script>",
     "<input value=\"&quot;&gt;&lt;script&gt;x&lt;/script&gt;\">"},
    {"single_quotes", "<a title='{{v}}'>", "' onclick='x",
     "<a title='&#39; onclick=&#39;x'>"},
    {"ampersand", "{{v}}", "Q&A", "Q&amp;A"},
    {"braces_in_value_stay", "{{v}}", "{{v}}", "{{v}}"},
    {"control_chars", "[{{v}}]", "\x01\x7f", "[\xEF\xBF\xBD\xEF\xBF\xBD]"},
    {"comment_dropped", "{{! SPDX line }}\n<p>{{v}}</p>", "x", "<p>x</p>"},
    {"single_brace_kept", "a { b } c {{v}}", "x", "a { b } c x"},
};

TEST(template, fills_each_case) {
  for (const fill_case& c : fill_cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(fill(c.tmpl, {{"v", c.value}}), c.expected);
  }
}

TEST(template, inserts_html_slot_raw_only_with_three_braces) {
  EXPECT_EQ(fill("<div>{{{body}}}</div>", {slot::html("body", "<b>hi</b>")}),
            "<div><b>hi</b></div>");
}

TEST(template, fills_several_slots) {
  EXPECT_EQ(fill("<a href=\"{{href}}\">{{text}}</a>{{{tail}}}",
                 {{"href", "/codes/404"},
                  {"text", "404 & co"},
                  slot::html("tail", "<br>")}),
            "<a href=\"/codes/404\">404 &amp; co</a><br>");
}

struct error_case {
  std::string_view name;
  std::string_view tmpl;
  std::string_view message;
};

// Every misuse throws, naming the slot, so it fails at start-up or in a
// test rather than putting broken or unescaped text on a page.
constexpr error_case error_cases[] = {
    {"unknown_name", "{{nope}}", "'nope'"},
    {"raw_on_text_slot", "{{{text}}}", "'text'"},
    {"text_on_html_slot", "{{html}}", "'html'"},
    {"unclosed", "<p>{{text</p>", "unclosed"},
    {"unclosed_raw", "{{{html}}", "unclosed"},
};

TEST(template, rejects_each_misuse) {
  for (const error_case& c : error_cases) {
    SCOPED_TRACE(c.name);
    try {
      (void)fill(c.tmpl, {{"text", "<x>"}, slot::html("html", "<b>")});
      ADD_FAILURE() << "no exception";
    } catch (const std::invalid_argument& e) {
      EXPECT_NE(std::string(e.what()).find(c.message), std::string::npos)
          << e.what();
    }
  }
}

}  // namespace
