// SPDX-License-Identifier: MIT
// The site's pages: the registry poured into the templates of site/.
#include "pages.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "html.hpp"
#include "httpstatus/registry.hpp"
#include "httpstatus/search.hpp"
#include "json.hpp"
#include "lint_json.hpp"
#include "site_files.hpp"
#include "template.hpp"
#include "utf8.hpp"

namespace httpstatus::render {

namespace {

// Which codes the reference page lists is page content (the seed's rows),
// so it is written here once; their names and meanings come from the
// registry, whose meanings for these 28 codes are the seed's own words.
constexpr int seed_codes[] = {100, 101, 103, 200, 201, 202, 204, 206, 301, 302,
                              303, 304, 307, 308, 400, 401, 403, 404, 405, 409,
                              410, 422, 429, 500, 501, 502, 503, 504};

constexpr std::string_view site_name = "Utilumo";
constexpr std::string_view rfc9110_section15 =
    "https://www.rfc-editor.org/rfc/rfc9110#section-15";

// ---------------------------------------------------------------- site/ ---

// A template or asset missing from the build is a packaging error, not a
// request-time condition: it stops start-up (and fails the tests).
std::string_view site_file(std::string_view path) {
  for (const site::file& f : site::files())
    if (f.path == path) return f.body;
  throw std::logic_error("site file not embedded: " + std::string(path));
}

std::string_view template_of(std::string_view name) {
  return site_file(fmt::format("templates/{}.html", name));
}

std::string_view content_type_of(std::string_view path) {
  struct entry {
    std::string_view ext;
    std::string_view type;
  };
  static constexpr entry types[] = {
      {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".txt", "text/plain; charset=utf-8"},
  };
  for (const entry& e : types)
    if (path.ends_with(e.ext)) return e.type;
  return "application/octet-stream";
}

// Stylesheets, scripts and images are served under a name carrying the
// first 8 hex digits of their SHA-256 (computed at build time), so the
// server can mark them immutable and a new build can never be served stale.
// The favicon also answers at the fixed names browsers ask for, and
// robots.txt at its fixed name.
struct asset_store {
  std::vector<std::string> paths;  // owns every asset::path; never resized
  std::vector<asset> list;
  std::string css;
  std::string theme_js;
  std::string site_js;
  std::string lint_js;  // "/lint" only: the check without leaving the page
  std::string favicon;
};

asset_store make_assets() {
  struct source {
    const site::file* file;
    std::string path;
    bool fingerprinted;
  };
  std::vector<source> sources;
  for (const site::file& f : site::files()) {
    if (!f.path.starts_with("assets/")) continue;
    const std::string_view name = f.path.substr(f.path.rfind('/') + 1);
    if (name == "favicon.svg") {
      sources.push_back({&f, "/favicon.svg", false});
      sources.push_back({&f, "/favicon.ico", false});
    } else if (name == "robots.txt") {
      sources.push_back({&f, "/robots.txt", false});
    } else {
      const std::size_t dot = name.rfind('.');
      sources.push_back({&f,
                         fmt::format("/assets/{}.{}{}", name.substr(0, dot),
                                     f.fingerprint, name.substr(dot)),
                         true});
    }
  }
  asset_store store;
  store.paths.reserve(sources.size());
  for (const source& s : sources) store.paths.push_back(s.path);
  for (std::size_t i = 0; i < sources.size(); ++i) {
    const std::string_view path = store.paths[i];
    store.list.push_back({path, content_type_of(sources[i].file->path),
                          sources[i].file->body, sources[i].fingerprinted});
    const std::string_view file = sources[i].file->path;
    if (file == "assets/css/site.css") store.css = path;
    if (file == "assets/js/theme.js") store.theme_js = path;
    if (file == "assets/js/site.js") store.site_js = path;
    if (file == "assets/js/lint.js") store.lint_js = path;
    if (path == "/favicon.svg") store.favicon = path;
  }
  if (store.css.empty() || store.theme_js.empty() || store.site_js.empty() ||
      store.lint_js.empty() || store.favicon.empty())
    throw std::logic_error(
        "site/assets lacks site.css, theme.js, site.js, lint.js or "
        "favicon.svg");
  return store;
}

const asset_store& assets_once() {
  static const asset_store store = make_assets();
  return store;
}

// ------------------------------------------------------------ fragments ---

std::string code_text(int code) { return std::to_string(code); }

// A vendor's phrase may be missing; the page says so rather than invent one.
std::string_view display_reason(const status& s) {
  return s.reason.empty() ? std::string_view("(no reason phrase)") : s.reason;
}

// What goes on the status line: nothing for a missing or bracketed phrase.
std::string_view wire_reason(const status& s) {
  if (s.reason.empty() || s.reason.front() == '(') return {};
  return s.reason;
}

std::string class_heading(const class_info& c) {
  return fmt::format("{} \u2014 {}", c.label, c.name);
}

const class_info& class_info_of(int code) {
  return info(static_cast<status_class>(code / 100));
}

// Marks a registration that is not plain "standard". In tables the
// unofficial mark is left out: those rows sit under "Unofficial codes".
std::string badge(const status& s) {
  if (s.registration == registration_status::standard) return {};
  return fill(R"(<span class="badge">{{b}}</span>)",
              {{"b", to_string(s.registration)}});
}

std::string row_badge(const status& s) {
  if (s.registration == registration_status::unofficial) return {};
  const std::string b = badge(s);
  return b.empty() ? b : " " + b;
}

// The live filter matches the row's visible text plus these names.
std::string aliases_attribute(const status& s) {
  std::string words;
  for_each_alias(s, [&](std::string_view a) {
    if (!words.empty()) words += ' ';
    words += a;
  });
  if (words.empty()) return {};
  return fill(R"( data-aliases="{{a}}")", {{"a", words}});
}

std::string code_row(const status& s) {
  return fill(
      "<tr data-code=\"{{code}}\"{{{aliases}}}><th scope=\"row\"><a "
      "href=\"/codes/{{code}}\">{{code}}</a></th><td>{{reason}}{{{badge}}}</td>"
      "<td>{{meaning}}</td></tr>\n",
      {{"code", code_text(s.code)},
       slot::html("aliases", aliases_attribute(s)),
       {"reason", display_reason(s)},
       slot::html("badge", row_badge(s)),
       {"meaning", s.meaning}});
}

std::string code_table(std::string_view labelled_by, std::string rows) {
  return fill(
      "<table class=\"codes\" aria-labelledby=\"{{by}}\">\n<thead><tr><th "
      "scope=\"col\">Code</th>"
      "<th scope=\"col\">Name</th><th scope=\"col\">Meaning</th></tr></thead>\n"
      "<tbody>\n{{{rows}}}</tbody>\n</table>\n",
      {{"by", labelled_by}, slot::html("rows", std::move(rows))});
}

// One class's section; `id` is the label ("4xx") so that /codes#4xx and
// the 404 page's class link land on it.
std::string class_section(const class_info& c, std::string rows) {
  const std::string heading_id = fmt::format("{}-h", c.label);
  return fill(
      "<section id=\"{{label}}\" aria-labelledby=\"{{hid}}\" data-group>\n"
      "<h2 id=\"{{hid}}\">{{heading}}</h2>\n<p>{{description}}</p>\n"
      "{{{table}}}</section>\n",
      {{"label", c.label},
       {"hid", heading_id},
       {"heading", class_heading(c)},
       {"description", c.description},
       slot::html("table", code_table(heading_id, std::move(rows)))});
}

std::string filter_form(std::string_view query) {
  return fill(template_of("filter"), {{"query", query}});
}

// "2026-06-26" -> "June 26, 2026"; anything else is shown as given.
std::string long_date_of(std::string_view iso) {
  static constexpr std::array<std::string_view, 12> months = {
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  const auto digits = [&](std::size_t at, std::size_t n) {
    int v = 0;
    for (std::size_t i = at; i < at + n; ++i) {
      if (i >= iso.size() || iso[i] < '0' || iso[i] > '9') return -1;
      v = v * 10 + (iso[i] - '0');
    }
    return v;
  };
  const int year = digits(0, 4);
  const int month = digits(5, 2);
  const int day = digits(8, 2);
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-' || year < 0 ||
      month < 1 || month > 12 || day < 1 || day > 31)
    return std::string(iso);
  return fmt::format("{} {}, {}", months[static_cast<std::size_t>(month - 1)],
                     day, year);
}

// The Date of the example responses: noon on the day the data was checked,
// so the examples never pretend to be live.
std::string example_date() {
  static constexpr std::array<std::string_view, 7> days = {
      "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr std::array<std::string_view, 12> months = {
      "Jan", "Feb", "Mar", "Apr", "May", "Jun",
      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const std::string_view iso = registry_checked_date;
  const auto num = [&](std::size_t at, std::size_t n) {
    int v = 0;
    for (std::size_t i = at; i < at + n && i < iso.size(); ++i)
      v = v * 10 + (iso[i] - '0');
    return v;
  };
  int y = num(0, 4);
  const int m = std::clamp(num(5, 2), 1, 12);
  const int d = num(8, 2);
  // Sakamoto's day-of-week for the Gregorian calendar.
  static constexpr int offset[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
  if (m < 3) --y;
  const int wd = (y + y / 4 - y / 100 + y / 400 +
                  offset[static_cast<std::size_t>(m - 1)] + d) %
                 7;
  return fmt::format("{}, {:02} {} {} 12:00:00 GMT",
                     days[static_cast<std::size_t>(wd)], d,
                     months[static_cast<std::size_t>(m - 1)], num(0, 4));
}

// Wraps `main` in the layout shared by every page. A page that needs a
// script of its own names it in `page_script`, so that no other page
// downloads it. `canonical` is the page's own path, which search engines
// index it by (a page reached as `/codes/404?utm=x` is `/codes/404`); a
// page without one (search results, a lint report, a 404) asks not to be
// indexed, since its address holds what was typed.
std::string page(std::string_view title, std::string_view description,
                 std::string_view canonical, std::string main,
                 std::string_view page_script = {}) {
  const asset_store& a = assets_once();
  return fill(
      template_of("layout"),
      {{"title", title},
       {"description", description},
       slot::html(
           "index_hint",
           canonical.empty()
               ? std::string("<meta name=\"robots\" content=\"noindex\">")
               : fill("<link rel=\"canonical\" href=\"{{path}}\">",
                      {{"path", canonical}})),
       {"favicon", a.favicon},
       {"css", a.css},
       {"theme_js", a.theme_js},
       {"site_js", a.site_js},
       slot::html("scripts",
                  page_script.empty()
                      ? std::string()
                      : fill("<script src=\"{{src}}\" defer></script>",
                             {{"src", page_script}})),
       slot::html("main", std::move(main)),
       {"checked_iso", registry_checked_date},
       {"checked", long_date_of(registry_checked_date)}});
}

std::string page_title(std::string_view what) {
  return fmt::format("{} \u2014 HTTP status codes \u2014 {}", what, site_name);
}

// ---------------------------------------------------------- references ---

// "RFC 8297, Section 2" -> "RFC 8297"; a URL loses its #fragment, so that
// every section of one document dedupes to the document.
std::string_view document_of(std::string_view reference) {
  return reference.substr(0, reference.find(','));
}
std::string_view without_fragment(std::string_view url) {
  return url.substr(0, url.find('#'));
}

// RFC 9110 and the IANA registry are in the template; this lists each other
// document that defines a code on the page, once, with its codes.
std::string references_of_seed() {
  struct reference {
    std::string_view document;
    std::string_view url;
    std::vector<std::string> codes;
  };
  std::vector<reference> refs;
  for (const int code : seed_codes) {
    const std::optional<status> s = find(code);
    if (!s || s->reference.empty()) continue;
    const std::string_view doc = document_of(s->reference);
    if (doc == "RFC 9110") continue;
    auto it = std::find_if(refs.begin(), refs.end(), [&](const reference& r) {
      return r.document == doc;
    });
    if (it == refs.end()) {
      refs.push_back(reference{doc, without_fragment(s->reference_url), {}});
      it = std::prev(refs.end());
    }
    it->codes.push_back(fmt::format("{} {}", s->code, s->reason));
  }
  std::string out;
  for (const reference& r : refs)
    out += fill("<li><a href=\"{{url}}\">{{doc}}</a>, for {{codes}}</li>\n",
                {{"url", r.url},
                 {"doc", r.document},
                 {"codes", fmt::format("{}", fmt::join(r.codes, ", "))}});
  return out;
}

// ------------------------------------------------------------ code page ---

std::string_view status_note(registration_status r) {
  switch (r) {
    case registration_status::standard:
      return "Registered with IANA and current.";
    case registration_status::deprecated:
      return "Registered with IANA, but deprecated: do not use it.";
    case registration_status::unused:
      return "Reserved by IANA: the number is kept but not to be used.";
    case registration_status::temporary:
      return "A temporary IANA registration, which expires unless renewed.";
    case registration_status::obsoleted:
      return "Registered with IANA, but its specification is now Historic.";
    case registration_status::unassigned:
      return "Not assigned by IANA.";
    case registration_status::unofficial:
      return "Unofficial: used by a vendor, never registered with IANA with "
             "this meaning.";
  }
  return "";
}

std::string body_note(const status& s) {
  switch (s.body) {
    case body_rule::allowed:
      return "May carry content (a body), with Content-Type and framing.";
    case body_rule::none:
      return "Never carries content: the response ends after the header "
             "section, and a server must not send Content-Length in a 1xx "
             "or 204 response (RFC 9110, Section 8.6; RFC 9112, Section 6.3).";
    case body_rule::empty:
      return "Must not carry content (RFC 9110, Section 15.3.6), but unlike "
             "a 204 it is not implicitly empty, so its end is framed: "
             "Content-Length: 0, an empty chunked body, or closing the "
             "connection (RFC 9112, Section 6.3).";
  }
  return "";
}

std::string cache_note(const status& s) {
  switch (s.cache) {
    case cacheability::heuristic:
      // RFC 9110 Section 15.1 lists its own codes; a code defined elsewhere
      // (451, RFC 7725 Section 3) is cacheable by default by its own RFC.
      return fmt::format(
          "Heuristically cacheable: a cache may store and reuse it without "
          "explicit freshness information ({}).",
          s.reference.starts_with("RFC 9110") ? "RFC 9110, Section 15.1"
                                              : s.reference);
    case cacheability::explicit_only:
      return "Stored by a cache only when the response allows it: explicit "
             "freshness information (Cache-Control: max-age, Expires) or "
             "Cache-Control: public (RFC 9111, Section 3).";
    case cacheability::never_stored:
      if (s.code < 200)
        return "Never stored by a cache: only a final response is (RFC 9111, "
               "Section 3).";
      return "A cache must not store it (RFC 6585).";
  }
  return "";
}

bool same_field(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return detail::ascii_lower(x) == detail::ascii_lower(y);
         });
}

// Plausible values for the fields the registry asks for, so the example
// response reads like a real one.
std::string example_value(std::string_view field, int code,
                          std::size_t body_size) {
  struct entry {
    std::string_view field;
    std::string_view value;
  };
  static constexpr entry values[] = {
      {"Allow", "GET, HEAD"},
      {"WWW-Authenticate", "Bearer realm=\"example\""},
      {"Proxy-Authenticate", "Basic realm=\"proxy\""},
      {"Retry-After", "120"},
      {"Connection", "Upgrade"},
      {"ETag", "\"33a64df5\""},
      {"Vary", "Accept-Encoding"},
      {"Cache-Control", "max-age=3600"},
      {"Content-Location", "/items/42"},
      {"Last-Modified", "Thu, 25 Jun 2026 08:00:00 GMT"},
      {"Accept", "application/json"},
      {"Accept-Encoding", "gzip, br"},
      {"Accept-Ranges", "bytes"},
      {"Accept-Patch", "application/merge-patch+json"},
      {"Content-Type", "text/plain; charset=utf-8"},
      {"Early-Data", "1"},
      {"Ms-Echo-Request", "1"},
      {"X-MS-Location",
       "https://mail2.example.com/Microsoft-Server-ActiveSync"},
  };
  if (same_field(field, "Location"))
    return code == 201 ? "/items/42" : "https://example.com/new-place";
  // HTTP/2 is not reached by Upgrade (RFC 9113 Section 3.1 deprecates
  // h2c); RFC 9110 Section 15.5.22's own 426 example asks for HTTP/3.0.
  if (same_field(field, "Upgrade"))
    return code == 101 ? "websocket" : "HTTP/3.0";
  if (same_field(field, "Link"))
    return code == 451 ? "<https://example.com/legal>; rel=\"blocked-by\""
                       : "</site.css>; rel=preload; as=style";
  if (same_field(field, "Content-Range"))
    return code == 206 ? fmt::format("bytes 0-{}/4096", body_size - 1)
                       : "bytes */4096";
  if (same_field(field, "Expires")) return "Fri, 26 Jun 2026 13:00:00 GMT";
  for (const entry& e : values)
    if (same_field(field, e.field)) return std::string(e.value);
  return "\u2026";
}

// A raw response as the spec wants it: the phrase on the status line, the
// registry's header fields, and content framing by the body rule (none at
// all for 1xx, 204 and 304). The space after the code stays when there is
// no phrase (RFC 9112 Section 4); the example of Tornado's 599 lacked it.
std::string example_response(const status& s) {
  std::string out =
      fmt::format("HTTP/1.1 {} {}\n", s.code, wire_reason(s));
  std::vector<std::string_view> sent;
  const auto emit = [&](std::string_view field, std::string_view value) {
    for (const std::string_view f : sent)
      if (same_field(f, field)) return;
    sent.push_back(field);
    out += fmt::format("{}: {}\n", field, value);
  };
  const std::string body =
      s.body == body_rule::allowed
          ? fmt::format("{} {}\n", s.code, display_reason(s))
          : std::string();
  if (!is_informational(s.code)) emit("Date", example_date());
  for (const header_requirement& h : s.headers) {
    if (h.field.empty()) continue;
    emit(h.field, example_value(h.field, s.code, body.size()));
  }
  switch (s.body) {
    case body_rule::allowed:
      emit("Content-Type", "text/plain; charset=utf-8");
      emit("Content-Length", std::to_string(body.size()));
      out += "\n" + body;
      break;
    case body_rule::empty:
      emit("Content-Length", "0");
      out += "\n";
      break;
    case body_rule::none:
      out += "\n";
      break;
  }
  return out;
}

std::string header_table(const status& s) {
  std::string rows;
  for (const header_requirement& h : s.headers) {
    if (h.field.empty()) continue;
    const std::string level = h.level == requirement::info
                                  ? std::string("described")
                                  : std::string(to_string(h.level));
    const std::string source =
        h.url.empty()
            ? html_escape(h.section.empty() ? std::string_view("\u2014")
                                            : h.section)
            : fill("<a href=\"{{url}}\">{{section}}</a>",
                   {{"url", h.url},
                    {"section", h.section.empty() ? h.url : h.section}});
    rows += fill(
        "<tr><th scope=\"row\"><code>{{field}}</code></th><td>{{level}}</td>"
        "<td>{{{when}}}</td><td>{{{source}}}</td></tr>\n",
        {{"field", h.field},
         {"level", level},
         slot::html("when", html_escape_breakable(
                                h.condition.empty() ? std::string_view("always")
                                                    : h.condition)),
         slot::html("source", source)});
  }
  if (rows.empty()) return "<p>No header field is required.</p>\n";
  return fill(
      "<table class=\"fields\">\n"
      "<caption>Header fields</caption>\n"
      "<thead><tr><th scope=\"col\">Field</th><th scope=\"col\">Level</th>"
      "<th scope=\"col\">When</th><th scope=\"col\">Source</th></tr></thead>\n"
      "<tbody>\n{{{rows}}}</tbody>\n</table>\n",
      {slot::html("rows", std::move(rows))});
}

// Links to the codes confused with this one; a code without a page (none
// should exist) is named without a link.
std::string related_list(const status& s) {
  std::string items;
  for (const std::int16_t r : related_codes(s)) {
    const int code = r;
    std::string_view reason;
    if (const std::optional<status> rs = find(code))
      reason = rs->reason;
    else if (const auto v = find_unofficial(code); !v.empty())
      reason = v.front().reason;
    else {
      items += fill("<li>{{code}}</li>\n", {{"code", code_text(code)}});
      continue;
    }
    items +=
        fill("<li><a href=\"/codes/{{code}}\">{{code}} {{reason}}</a></li>\n",
             {{"code", code_text(code)}, {"reason", reason}});
  }
  if (items.empty()) return {};
  return fill("<ul class=\"related\">\n{{{items}}}</ul>\n",
              {slot::html("items", std::move(items))});
}

std::string names_table(const status& s, std::string_view labelled_by) {
  struct library {
    std::string_view name;
    std::string_view prefix;
    std::string_view constant;
  };
  const std::string ours = constant_name(s);
  const library libraries[] = {
      {"httpstatus", "httpstatus::code::", ours},
      {"Boost.Beast", "boost::beast::http::status::", s.names.beast},
      {"Drogon", "drogon::", s.names.drogon},
      {"cpp-httplib", "httplib::StatusCode::", s.names.httplib},
      {"Python", "http.HTTPStatus.", s.names.python},
      {"Go", "http.", s.names.go},
  };
  std::string rows;
  for (const library& l : libraries) {
    const std::string cell = l.constant.empty()
                                 ? std::string("none")
                                 : "<code>" +
                                       html_escape_breakable(fmt::format(
                                           "{}{}", l.prefix, l.constant)) +
                                       "</code>";
    rows += fill("<tr><th scope=\"row\">{{lib}}</th><td>{{{cell}}}</td></tr>\n",
                 {{"lib", l.name}, slot::html("cell", cell)});
  }
  return fill(
      "<table aria-labelledby=\"{{by}}\">\n<thead><tr><th "
      "scope=\"col\">Library</th><th scope=\"col\">Constant</th></tr></thead>\n"
      "<tbody>\n{{{rows}}}</tbody>\n</table>\n",
      {{"by", labelled_by}, slot::html("rows", std::move(rows))});
}

std::string heading(int level, std::string_view id, std::string_view text) {
  return fill("<h{{n}} id=\"{{id}}\">{{text}}</h{{n}}>\n",
              {{"n", std::to_string(level)}, {"id", id}, {"text", text}});
}

std::string slug(std::string_view text) { return join_words(text, '-'); }

// One entry (IANA's or a vendor's) of a code page. On a page with a single
// entry its subsections are h2s under the page's h1; with several entries
// each gets an h2 of its own (`title`) and h3 subsections.
std::string entry_html(const status& s, std::string_view title) {
  const bool titled = !title.empty();
  const int sub = titled ? 3 : 2;
  const std::string id =
      s.vendor.empty() ? std::string("iana") : slug(s.vendor);
  std::string out;
  if (titled) out += heading(2, id, title);
  if (!s.meaning.empty())
    out += fill("<p class=\"lead\">{{m}}</p>\n", {{"m", s.meaning}});
  const class_info& c = class_info_of(s.code);
  std::string facts = fill(
      "<dt>Class</dt><dd><a href=\"/codes#{{label}}\">{{label}} "
      "{{name}}</a></dd>\n"
      "<dt>Status</dt><dd>{{{badge}}}{{note}}</dd>\n",
      {{"label", c.label},
       {"name", c.name},
       slot::html("badge", s.registration == registration_status::standard
                               ? std::string()
                               : badge(s) + " "),
       {"note", status_note(s.registration)}});
  if (!s.vendor.empty())
    facts += fill("<dt>Used by</dt><dd>{{v}}</dd>\n", {{"v", s.vendor}});
  if (!s.reference.empty())
    facts += s.reference_url.empty()
                 ? fill("<dt>Source</dt><dd>{{r}}</dd>\n", {{"r", s.reference}})
                 : fill("<dt>Source</dt><dd><a href=\"{{u}}\">{{r}}</a></dd>\n",
                        {{"u", s.reference_url}, {"r", s.reference}});
  for_each_alias(s, [&](std::string_view a) {
    facts += fill("<dt>Also called</dt><dd>{{a}}</dd>\n", {{"a", a}});
  });
  out += fill("<dl class=\"facts\">\n{{{facts}}}</dl>\n",
              {slot::html("facts", std::move(facts))});
  if (!s.description.empty())
    out += fill("<p>{{d}}</p>\n", {{"d", s.description}});

  out +=
      heading(sub, id + "-rules",
              s.vendor.empty() ? "What the spec requires" : "How to treat it");
  if (s.on_the_wire) {
    out += fill(
        "<ul>\n<li><strong>Body:</strong> {{body}}</li>\n"
        "<li><strong>Caching:</strong> {{cache}}</li>\n</ul>\n",
        {{"body", body_note(s)}, {"cache", cache_note(s)}});
    out += header_table(s);
    out += heading(sub, id + "-example", "Example response");
    out +=
        fill("<pre><code>{{r}}</code></pre>\n", {{"r", example_response(s)}});
  } else {
    // Framing, caching and an example would describe a response that no
    // client ever gets.
    out += fill(
        "<p class=\"off-the-wire\">No response carries {{code}}: it is "
        "{{vendor}}'s own record of what happened, never a status a client "
        "receives, so it has no body or caching rules and no example "
        "response. Handle what the client does see, as described "
        "above.</p>\n",
        {{"code", std::to_string(s.code)}, {"vendor", s.vendor}});
  }

  if (std::string related = related_list(s); !related.empty()) {
    out += heading(sub, id + "-related", "Related codes");
    out += related;
  }
  out += heading(sub, id + "-names", "Constant names");
  out += names_table(s, id + "-names");
  if (!titled) return out;
  return fill("<section aria-labelledby=\"{{id}}\">\n{{{body}}}</section>\n",
              {{"id", id}, slot::html("body", std::move(out))});
}

// ------------------------------------------------------------- Try it ---

// Text as a URL's query value: everything but RFC 3986's unreserved
// characters percent-encoded, so the link asks for exactly these bytes.
std::string percent_encoded(std::string_view text) {
  std::string out;
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if ((u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') ||
        (u >= '0' && u <= '9') || c == '-' || c == '.' || c == '_' || c == '~')
      out += c;
    else
      out += fmt::format("%{:02X}", u);
  }
  return out;
}

// Where the commands point without JavaScript: `httpstatus serve`'s default
// address, as the README gives it. site.js puts the page's own origin in
// its place (the `data-origin` attribute names the text to replace).
constexpr std::string_view mock_origin = "http://localhost:8080";

// A curl command that gets `s` from the mock, as the mock answers it (see
// README, "What each code sends"): a vendor's meaning only with
// ?vendor=, a 100 only to a body sent with Expect: 100-continue, a 101 only
// to a WebSocket handshake. The handshake's Upgrade and Connection values
// are the registry's example ones for 101; Sec-WebSocket-Key is RFC 6455's
// sample nonce (Section 1.3). After the 101 the connection speaks
// WebSocket, which curl does not, so the command bounds its own wait.
std::string try_command(const status& s) {
  std::string url = fmt::format("{}/status/{}", mock_origin, s.code);
  if (!s.vendor.empty()) url += "?vendor=" + percent_encoded(s.vendor);
  std::string flags;
  if (s.code == 100)
    flags = " -H 'Expect: 100-continue' --data-binary 'a body'";
  if (s.code == 101)
    flags = fmt::format(
        " --max-time 3 -H 'Connection: {}' -H 'Upgrade: {}' "
        "-H 'Sec-WebSocket-Version: 13' "
        "-H 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ=='",
        example_value("Connection", 101, 0), example_value("Upgrade", 101, 0));
  // A shell would read the ? of a query as a wildcard: quote the URL then.
  const bool quoted = url.find('?') != std::string::npos;
  return fmt::format("curl -i{} {}{}{}", flags, quoted ? "'" : "", url,
                     quoted ? "'" : "");
}

// What the person sees besides the status line, where that is not obvious.
std::string_view try_note(const status& s) {
  if (s.code == 100)
    return "curl prints the 100 Continue, sends the body, then prints the "
           "final 200 OK.";
  if (s.code == 101)
    return "curl prints the 101 Switching Protocols; the mock then echoes "
           "WebSocket messages, which curl cannot send, so it stops after 3 "
           "seconds.";
  if (is_informational(s.code))
    return "An interim response: curl prints it, then the final 200 OK.";
  if (s.code == 444 && s.vendor == "nginx")
    return "Like nginx, the mock closes the connection without any response: "
           "curl reports an empty reply.";
  if (!s.on_the_wire)
    return "No real server sends it; the mock does, for a client test that "
           "wants one.";
  return {};
}

// One command per entry of the page (IANA's, then each vendor's), each
// with its Copy button; on a page with several entries each command says
// whose meaning it asks for.
std::string try_commands(const std::optional<status>& iana,
                         std::span<const status> vendors) {
  std::vector<const status*> entries;
  if (iana) entries.push_back(&*iana);
  for (const status& v : vendors) entries.push_back(&v);
  const bool several = entries.size() > 1;
  std::string out;
  for (const status* s : entries) {
    const std::string id =
        several ? "curl-" + (s->vendor.empty() ? std::string("iana")
                                               : slug(s->vendor))
                : std::string("curl");
    if (several)
      out += fill(
          "<p>{{whose}}: {{code}} {{reason}}</p>\n",
          {{"whose", s->vendor.empty() ? std::string_view("IANA") : s->vendor},
           {"code", code_text(s->code)},
           {"reason", display_reason(*s)}});
    out += fill(
        "<div class=\"copy\"><pre><code id=\"{{id}}\" "
        "data-origin=\"{{origin}}\">{{command}}</code></pre><button "
        "type=\"button\" class=\"copy-btn\" data-copy=\"{{id}}\" "
        "hidden>Copy</button><span class=\"copied\" role=\"status\"></span>"
        "</div>\n",
        {{"id", id}, {"origin", mock_origin}, {"command", try_command(*s)}});
    if (const std::string_view note = try_note(*s); !note.empty())
      out += fill("<p class=\"hint\">{{note}}</p>\n", {{"note", note}});
  }
  return out;
}

// --------------------------------------------------------------- /codes ---

// The visitor's words, echoed in the middle of a sentence, are isolated
// from it: a right-to-left mark in them ("\u202e404") would otherwise
// reorder the words after them too. In markup that is <bdi>; <title> and
// attributes hold text only, so there it is Unicode's first-strong isolate
// (U+2068 ... U+2069).
std::string isolated(std::string_view text) {
  return fmt::format("\u2068{}\u2069", text);
}

std::string trim_blanks(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
    s.remove_suffix(1);
  return std::string(s);
}

std::string range_text(const code_range& r) {
  return r.first == r.last ? code_text(r.first)
                           : fmt::format("{}\u2013{}", r.first, r.last);
}

std::string unassigned_section() {
  std::string items;
  for (const code_range& r : unassigned_ranges())
    items += fill("<li>{{r}}</li>\n", {{"r", range_text(r)}});
  return fill(
      "<section id=\"unassigned\" aria-labelledby=\"unassigned-h\" "
      "data-hide-when-filtering>\n"
      "<h2 id=\"unassigned-h\">Unassigned codes</h2>\n"
      "<p>IANA has not assigned these codes. A client that receives one "
      "treats it as the x00 code of its class (<a href=\"{{url}}\">RFC 9110, "
      "Section 15</a>).</p>\n<ul class=\"ranges\">\n{{{items}}}</ul>\n"
      "</section>\n",
      {{"url", rfc9110_section15}, slot::html("items", std::move(items))});
}

// The vendors' codes, one table per vendor, vendors in alphabetical order.
std::string unofficial_section(const std::vector<const status*>& shown) {
  std::vector<std::string_view> vendors;
  for (const status* s : shown)
    if (std::find(vendors.begin(), vendors.end(), s->vendor) == vendors.end())
      vendors.push_back(s->vendor);
  std::sort(vendors.begin(), vendors.end(),
            [](std::string_view a, std::string_view b) {
              return std::lexicographical_compare(
                  a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
                    return detail::ascii_lower(x) < detail::ascii_lower(y);
                  });
            });
  if (vendors.empty()) return {};
  std::string groups;
  for (const std::string_view vendor : vendors) {
    std::string rows;
    for (const status* s : shown)
      if (s->vendor == vendor) rows += code_row(*s);
    const std::string id = "vendor-" + slug(vendor);
    groups += fill(
        "<section id=\"{{id}}\" data-group>\n<h3 "
        "id=\"{{id}}-h\">{{vendor}}</h3>\n"
        "{{{table}}}</section>\n",
        {{"id", id},
         {"vendor", vendor},
         slot::html("table", code_table(id + "-h", std::move(rows)))});
  }
  return fill(
      "<section id=\"unofficial\" aria-labelledby=\"unofficial-h\" "
      "data-group>\n"
      "<h2 id=\"unofficial-h\">Unofficial codes</h2>\n"
      "<p>Codes that vendors use but IANA has not registered with that "
      "meaning. Expect them only from the software that sends them.</p>\n"
      "{{{groups}}}</section>\n",
      {slot::html("groups", std::move(groups))});
}

// ---------------------------------------------------------------- /lint ---

namespace json = boost::json;

// The methods the form offers; any other token it was sent with is added,
// so the answer shows the request as it was described.
constexpr std::array<std::string_view, 7> lint_methods = {
    "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"};

std::string method_options(std::string_view chosen) {
  std::string out;
  bool listed = false;
  for (const std::string_view m : lint_methods) {
    listed = listed || m == chosen;
    out += fill(
        "<option{{{selected}}}>{{m}}</option>\n",
        {slot::html("selected", m == chosen ? " selected" : ""), {"m", m}});
  }
  if (!listed && !chosen.empty())
    out += fill("<option selected>{{m}}</option>\n", {{"m", chosen}});
  return out;
}

// The example the page offers: a 405 without the Allow header RFC 9110
// requires of it, the one MUST the lint is best known for.
std::string lint_example() {
  return fmt::format(
      "HTTP/1.1 405 Method Not Allowed\nDate: {}\nContent-Type: text/plain; "
      "charset=utf-8\nContent-Length: 19\n\nMethod Not Allowed\n",
      example_date());
}

// The reports are read as `lint::reports_json` wrote them, the very JSON
// the API answers and lint.js renders, so the page with and without
// JavaScript shows the same facts. A missing or null field reads as empty.
std::string_view text_at(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  if (v == nullptr || !v->is_string()) return {};
  return {v->get_string().data(), v->get_string().size()};
}

std::string code_at(const json::object& o) {
  const json::value* v = o.if_contains("status");
  return v != nullptr && v->is_int64() ? std::to_string(v->get_int64())
                                       : std::string("?");
}

const json::array& findings_at(const json::object& o) {
  static const json::array none;
  const json::value* v = o.if_contains("findings");
  return v != nullptr && v->is_array() ? v->get_array() : none;
}

// "1 MUST, 2 SHOULD": the findings come most severe first, so counting in
// order of appearance lists the strengths in that order too.
std::string strength_counts(const json::array& findings) {
  std::vector<std::pair<std::string_view, int>> counts;
  for (const json::value& f : findings) {
    if (!f.is_object()) continue;
    const std::string_view strength = text_at(f.get_object(), "strength");
    auto it = std::find_if(counts.begin(), counts.end(),
                           [&](const auto& c) { return c.first == strength; });
    if (it == counts.end())
      counts.emplace_back(strength, 1);
    else
      ++it->second;
  }
  std::string out;
  for (const auto& [strength, n] : counts)
    out += fmt::format("{}{} {}", out.empty() ? "" : ", ", n, strength);
  return out;
}

std::string lint_verdict(const json::object& report) {
  const json::array& findings = findings_at(report);
  const json::value* must = report.if_contains("must_broken");
  if (findings.empty())
    return "<p class=\"verdict\">No findings: this response breaks no rule "
           "the lint checks.</p>\n";
  if (must != nullptr && must->is_bool() && must->get_bool())
    return fill("<p class=\"verdict\">Breaks a MUST: {{counts}}.</p>\n",
                {{"counts", strength_counts(findings)}});
  return fill("<p class=\"verdict\">No MUST broken; {{counts}}.</p>\n",
              {{"counts", strength_counts(findings)}});
}

std::string finding_item(const json::object& f) {
  std::string strength(text_at(f, "strength"));
  std::string modifier = strength;
  for (char& c : modifier) c = detail::ascii_lower(c);
  const std::string_view section = text_at(f, "section");
  const std::string_view url = text_at(f, "url");
  const std::string source = url.empty()
                                 ? html_escape(section)
                                 : fill("<a href=\"{{url}}\">{{section}}</a>",
                                        {{"url", url}, {"section", section}});
  return fill(
      "<li class=\"finding finding-{{modifier}}\"><p><strong>{{strength}}"
      "</strong> <code>{{rule}}</code> \u00b7 {{{source}}}</p>"
      "<p>{{message}}</p></li>\n",
      {{"modifier", modifier},
       {"strength", strength},
       {"rule", text_at(f, "rule")},
       slot::html("source", source),
       {"message", text_at(f, "message")}});
}

// The code's explanation beside the findings: the registry's facts as the
// report carries them, and a link to the code's page where there is one
// (every registered code and every vendor's code has a page).
std::string code_explanation(const json::object& r, std::string_view id) {
  const std::string code = code_at(r);
  std::string facts;
  if (const json::value* tunnel = r.if_contains("tunnel");
      tunnel != nullptr && tunnel->is_bool() && tunnel->get_bool())
    facts += fill("<dt>Answers</dt><dd>{{what}}</dd>\n",
                  {{"what", lint::tunnel_sentence}});
  if (const std::string_view name = text_at(r, "registered_reason");
      !name.empty()) {
    const std::string_view vendor = text_at(r, "vendor");
    facts += fill("<dt>Name</dt><dd>{{name}}</dd>\n",
                  {{"name", vendor.empty() ? std::string(name)
                                           : fmt::format("{} ({}, unofficial)",
                                                         name, vendor)}});
  }
  if (const std::string_view cls = text_at(r, "class"); !cls.empty())
    facts += fill("<dt>Class</dt><dd>{{cls}} {{name}}</dd>\n",
                  {{"cls", cls}, {"name", text_at(r, "class_name")}});
  facts += fill("<dt>Meaning</dt><dd>{{meaning}}</dd>\n",
                {{"meaning", text_at(r, "meaning")}});
  const std::string_view reference = text_at(r, "reference");
  const std::string_view reference_url = text_at(r, "reference_url");
  if (!reference.empty())
    facts += reference_url.empty()
                 ? fill("<dt>Source</dt><dd>{{r}}</dd>\n", {{"r", reference}})
                 : fill("<dt>Source</dt><dd><a href=\"{{u}}\">{{r}}</a></dd>\n",
                        {{"u", reference_url}, {"r", reference}});
  std::string more;
  if (!text_at(r, "class").empty() &&
      text_at(r, "registration") != "unassigned")
    more = fill("<p><a href=\"/codes/{{code}}\">More about {{code}}</a></p>\n",
                {{"code", code}});
  return fill(
      "<div class=\"explain\">\n<h4 id=\"{{id}}\">What {{code}} means</h4>\n"
      "<dl class=\"facts\">\n{{{facts}}}</dl>\n{{{more}}}</div>\n",
      {{"id", id},
       {"code", code},
       slot::html("facts", std::move(facts)),
       slot::html("more", std::move(more))});
}

std::string lint_report(const json::object& r, std::size_t index,
                        std::size_t total) {
  const std::string id = fmt::format("r{}", index + 1);
  const std::string_view reason = text_at(r, "reason");
  const std::string status_line =
      fmt::format("{} {}{}{}", text_at(r, "version"), code_at(r),
                  reason.empty() ? "" : " ", reason);
  std::string items;
  for (const json::value& f : findings_at(r))
    if (f.is_object()) items += finding_item(f.get_object());
  const std::string findings =
      items.empty() ? std::string()
                    : fill("<ol class=\"findings\">\n{{{items}}}</ol>\n",
                           {slot::html("items", std::move(items))});
  return fill(
      "<section aria-labelledby=\"{{id}}\" class=\"lint-report\">\n"
      "<h3 id=\"{{id}}\">{{position}}<code>{{status_line}}</code></h3>\n"
      "<div class=\"lint-cols\">\n<div>\n<h4 id=\"{{id}}-findings\">Findings"
      "</h4>\n{{{verdict}}}{{{findings}}}</div>\n{{{explanation}}}</div>\n"
      "</section>\n",
      {{"id", id},
       {"position", total > 1
                        ? fmt::format("Response {} of {}: ", index + 1, total)
                        : std::string()},
       {"status_line", status_line},
       slot::html("verdict", lint_verdict(r)),
       slot::html("findings", findings),
       slot::html("explanation", code_explanation(r, id + "-code"))});
}

std::string lint_results(const json::array& reports) {
  std::string sections;
  for (std::size_t i = 0; i < reports.size(); ++i)
    if (reports[i].is_object())
      sections += lint_report(reports[i].get_object(), i, reports.size());
  return fill(
      "<section aria-labelledby=\"lint-result-h\" class=\"lint-results\">\n"
      "<h2 id=\"lint-result-h\" tabindex=\"-1\">{{heading}}</h2>\n"
      "{{{sections}}}</section>\n",
      {{"heading", reports.size() == 1
                       ? std::string("Result")
                       : fmt::format("Results: {} responses", reports.size())},
       slot::html("sections", std::move(sections))});
}

std::string lint_main(const lint_form& form, bool show_empty,
                      std::string result) {
  return fill(template_of("lint"),
              {{"response", form.response},
               slot::html("methods", method_options(form.method)),
               {"request_headers", form.request_headers},
               {"example", lint_example()},
               slot::html("empty_hidden", show_empty ? "" : " hidden"),
               slot::html("result", std::move(result))});
}

// The empty form is /lint's page; a report answers a POST and is no page
// to index.
std::string lint_wrap(std::string main, bool is_report) {
  return page(page_title("Check a response"),
              "Paste a raw HTTP response and see which rules of the HTTP "
              "specification it breaks, beside what its status code means.",
              is_report ? "" : "/lint", std::move(main), assets_once().lint_js);
}

}  // namespace

// ---------------------------------------------------------------- pages ---

std::string long_date(std::string_view iso) { return long_date_of(iso); }

std::string index_page() {
  std::string sections;
  for (const class_info& c : classes()) {
    std::string rows;
    for (const int code : seed_codes) {
      if (code / 100 != static_cast<int>(c.value)) continue;
      if (const std::optional<status> s = find(code)) rows += code_row(*s);
    }
    sections += class_section(c, std::move(rows));
  }
  std::string main = fill(template_of("index"),
                          {{"updated_iso", registry_checked_date},
                           {"updated", long_date_of(registry_checked_date)},
                           slot::html("filter", filter_form("")),
                           slot::html("sections", std::move(sections)),
                           slot::html("references", references_of_seed())});
  return page(fmt::format("HTTP status codes \u2014 {}", site_name),
              "What each HTTP status code means, from 100 Continue to 504 "
              "Gateway Timeout: the five classes, the codes you meet most, "
              "301 vs 302, and common questions.",
              "/", std::move(main));
}

std::string codes_page(std::string_view query) {
  const std::string q = trim_blanks(query);
  const bool filtered = !q.empty();
  std::vector<const status*> hits;
  if (filtered)
    for (const search_hit& h : search(q, search_scope::with_unofficial))
      hits.push_back(h.entry);

  std::string sections;
  std::vector<const status*> vendors_shown;
  if (!filtered) {
    for (const class_info& c : classes()) {
      std::string rows;
      for (const status& s : in_class(c.value)) rows += code_row(s);
      sections += class_section(c, std::move(rows));
    }
    for (const status& s : unofficial()) vendors_shown.push_back(&s);
  } else {
    // Results keep search()'s order, best match first: the class of the
    // best hit comes first, and in each class its hits go by rank, so that
    // /codes?q=404 opens on 404, not on 403 whose description names it.
    std::vector<status_class> order;
    for (const status* s : hits) {
      if (!s->vendor.empty()) {
        vendors_shown.push_back(s);
        continue;
      }
      if (std::find(order.begin(), order.end(), class_of(*s)) == order.end())
        order.push_back(class_of(*s));
    }
    for (const status_class cls : order) {
      std::string rows;
      for (const status* s : hits)
        if (s->vendor.empty() && class_of(*s) == cls) rows += code_row(*s);
      sections += class_section(info(cls), std::move(rows));
    }
  }

  // Nothing found: the name the query likely misspells ("not fond"), or
  // else an example of what a search reads.
  std::string hint;
  if (hits.empty()) {
    if (const std::optional<int> code = suggest_by_name(q))
      hint = fill(
          " Did you mean <a href=\"/codes/{{code}}\">{{code}} "
          "{{reason}}</a>?",
          {{"code", std::to_string(*code)}, {"reason", find(*code)->reason}});
    else
      hint = " Try a code such as 404, or a word such as redirect.";
  }
  std::string result;
  if (filtered)
    result = fill(
        "<p class=\"result\">{{count}} \u201c<bdi>{{query}}</bdi>\u201d."
        "{{{hint}}} <a href=\"/codes\">Show all codes</a></p>\n",
        {{"count", hits.size() == 1
                       ? std::string("1 code matches")
                       : fmt::format("{} codes match", hits.size())},
         {"query", q},
         slot::html("hint", std::move(hint))});
  // A results page is not "All codes": the crumb links back to it, and the
  // page itself is the search.
  const std::string crumbs =
      filtered ? fill(
                     "<li><a href=\"/codes\">All codes</a></li><li><a "
                     "href=\"/codes?q={{q}}\" aria-current=\"page\">Search "
                     "results</a></li>",
                     {{"q", percent_encoded(q)}})
               : std::string(
                     "<li><a href=\"/codes\" aria-current=\"page\">All "
                     "codes</a></li>");
  const std::string heading =
      filtered ? fill("Codes matching \u201c<bdi>{{q}}</bdi>\u201d", {{"q", q}})
               : std::string("All HTTP status codes");
  std::string main =
      fill(template_of("codes"),
           {slot::html("crumbs", crumbs),
            slot::html("heading", heading),
            {"intro", filtered ? "The codes whose number, name, meaning or "
                                 "description match, best match first: the "
                                 "IANA registry's, then the ones vendors "
                                 "use."
                               : "Every code in the IANA registry, by class, "
                                 "with the ranges IANA leaves unassigned and "
                                 "the unofficial codes that vendors use."},
            {"iana_iso", iana_last_updated},
            {"iana", long_date_of(iana_last_updated)},
            slot::html("filter", filter_form(q)),
            slot::html("result", std::move(result)),
            slot::html("sections", std::move(sections)),
            slot::html("unassigned",
                       filtered ? std::string() : unassigned_section()),
            slot::html("unofficial", unofficial_section(vendors_shown))});
  if (!filtered)
    return page(page_title("All codes"),
                "Every HTTP status code in the IANA registry by class, with "
                "unassigned ranges and the unofficial codes of nginx, "
                "Cloudflare and other vendors.",
                "/codes", std::move(main));
  return page(
      page_title(fmt::format("Codes matching \u201c{}\u201d", isolated(q))),
      fmt::format("HTTP status codes matching \u201c{}\u201d.", isolated(q)),
      "", std::move(main));
}

std::optional<std::string> code_page(int code) {
  const std::optional<status> iana = find(code);
  const std::span<const status> vendors = find_unofficial(code);
  if (!iana && vendors.empty()) return std::nullopt;

  // The page's name: IANA's phrase if registered, else the vendors' phrases.
  std::string name = code_text(code);
  if (iana) {
    name += fmt::format(" {}", display_reason(*iana));
  } else {
    std::vector<std::string_view> phrases;
    for (const status& v : vendors)
      if (!v.reason.empty() &&
          std::find(phrases.begin(), phrases.end(), v.reason) == phrases.end())
        phrases.push_back(v.reason);
    // A code no vendor gave a phrase (AWS's 460, 463 and 464) is named by
    // its vendor and meaning: "(no reason phrase)" titled three tabs alike.
    if (phrases.empty())
      name += fmt::format(" \u2014 {}: {}", vendors.front().vendor,
                          vendors.front().meaning);
    else
      name += fmt::format(" {}", fmt::join(phrases, " / "));
  }

  std::string entries;
  const bool several = (iana ? 1u : 0u) + vendors.size() > 1;
  if (iana)
    entries +=
        entry_html(*iana, several ? fmt::format("{} {} \u2014 IANA registry",
                                                code, display_reason(*iana))
                                  : std::string());
  for (const status& v : vendors)
    entries += entry_html(v, several ? fmt::format("{} {} \u2014 {}", code,
                                                   display_reason(v), v.vendor)
                                     : std::string());

  const status& first = iana ? *iana : vendors.front();
  std::string description(first.meaning);
  if (description.empty()) description = std::string(first.description);
  if (description.empty())
    description = fmt::format(
        "What HTTP status code {} means and what the "
        "specification requires of it.",
        name);

  const class_info& c = class_info_of(code);
  std::string main =
      fill(template_of("code"),
           {{"class_label", c.label},
            {"class_name", c.name},
            {"code", code_text(code)},
            {"heading", name},
            slot::html("entries", std::move(entries)),
            slot::html("commands", try_commands(iana, vendors))});
  return page(page_title(name), description, "/codes/" + std::to_string(code),
              std::move(main));
}

std::string not_found_page(std::string_view why,
                           std::optional<status_class> cls,
                           std::optional<int> suggested) {
  std::string class_link;
  if (suggested &&
      (is_registered(*suggested) || !find_unofficial(*suggested).empty())) {
    const std::optional<status> s = find(*suggested);
    class_link = fill(
        "<p>Go to <a href=\"/codes/{{code}}\">{{name}}</a>.</p>\n",
        {{"code", code_text(*suggested)},
         {"name", s ? fmt::format("{} {}", *suggested, display_reason(*s))
                    : code_text(*suggested)}});
  }
  if (cls) {
    const class_info& c = info(*cls);
    class_link += fill(
        "<p>See the <a href=\"/codes#{{label}}\">{{label}} {{name}} codes</a>."
        "</p>\n",
        {{"label", c.label}, {"name", c.name}});
  }
  // The reason reads as a sentence on the page; the same text without the
  // full stop also serves the CLI and problem+json details.
  std::string sentence = without_bidi_controls(why);
  if (!sentence.empty() && sentence.back() != '.' && sentence.back() != '?')
    sentence += '.';
  std::string main = fill(template_of("not_found"),
                          {{"heading", "Page not found"},
                           {"why", sentence},
                           slot::html("class_link", std::move(class_link)),
                           slot::html("filter", filter_form(""))});
  return page(page_title("Page not found"),
              "This page does not exist. Find an HTTP status code on the "
              "reference page or in the list of all codes.",
              "", std::move(main));
}

std::string bad_search_page(std::string_view why) {
  std::string main =
      fill(template_of("not_found"), {{"heading", "Search not understood"},
                                      {"why", why},
                                      slot::html("class_link", std::string()),
                                      slot::html("filter", filter_form(""))});
  return page(page_title("Search not understood"),
              "The search could not be read. Find an HTTP status code on the "
              "reference page or in the list of all codes.",
              "", std::move(main));
}

std::span<const asset> assets() { return assets_once().list; }

std::string lint_page() { return lint_wrap(lint_main({}, false, {}), false); }

namespace {

// ---------------------------------------------------------------- /api ---

// The OpenAPI descriptions mark code with backquotes, as Markdown does;
// the page shows those spans as <code>. Everything else is escaped text.
std::string with_code_spans(std::string_view text) {
  std::string out;
  bool in_code = false;
  for (std::size_t at = 0; at <= text.size();) {
    const std::size_t tick = std::min(text.find('`', at), text.size());
    out += html_escape(text.substr(at, tick - at));
    if (tick == text.size()) break;
    out += in_code ? "</code>" : "<code>";
    in_code = !in_code;
    at = tick + 1;
  }
  if (in_code) out += "</code>";
  return out;
}

// What a parameter may be: its values when they are listed, else its
// description, else its type.
std::string parameter_values(const boost::json::object& p) {
  const boost::json::object* schema = nullptr;
  if (const boost::json::value* s = p.if_contains("schema"))
    schema = s->if_object();
  if (schema)
    if (const boost::json::value* e = schema->if_contains("enum");
        e && e->is_array()) {
      std::string out;
      for (const boost::json::value& v : e->get_array()) {
        const std::string_view text =
            v.is_string() ? std::string_view(v.get_string().data(),
                                             v.get_string().size())
                          : std::string_view();
        out += (out.empty() ? "<code>" : ", <code>") + html_escape(text) +
               "</code>";
      }
      return out;
    }
  if (const std::string_view d = text_at(p, "description");
      !d.empty())
    return with_code_spans(d);
  if (schema && schema->contains("pattern"))
    return "<code>" + html_escape(text_at(*schema, "pattern")) +
           "</code>";
  return schema ? html_escape(text_at(*schema, "type"))
                : std::string();
}

std::string parameter_table(const boost::json::value* params,
                            std::string_view id) {
  if (!params || !params->is_array() || params->get_array().empty())
    return {};
  std::string rows;
  for (const boost::json::value& v : params->get_array()) {
    const boost::json::object* p = v.if_object();
    if (!p) continue;
    const boost::json::value* required = p->if_contains("required");
    rows += fill(
        "<tr><th scope=\"row\"><code>{{name}}</code></th><td>{{in}}{{req}}"
        "</td><td>{{{values}}}</td></tr>\n",
        {{"name", text_at(*p, "name")},
         {"in", text_at(*p, "in")},
         {"req", required && required->is_bool() && required->get_bool()
                     ? ", required"
                     : ""},
         slot::html("values", parameter_values(*p))});
  }
  return fill(
      "<table class=\"params\" aria-labelledby=\"{{id}}\">\n<thead><tr><th "
      "scope=\"col\">Parameter</th><th scope=\"col\">In</th><th "
      "scope=\"col\">Values</th></tr></thead>\n<tbody>\n{{{rows}}}</tbody>\n"
      "</table>\n",
      {{"id", id}, slot::html("rows", std::move(rows))});
}

// The answers an operation documents, each linked to its code's page.
std::string answer_list(const boost::json::value* responses) {
  if (!responses || !responses->is_object()) return {};
  std::string out;
  for (const auto& r : responses->get_object()) {
    const std::string_view code{r.key().data(), r.key().size()};
    const parse_result parsed = parse_code(code);
    std::string item =
        parsed.ec == std::errc{} && find(parsed.code)
            ? fill("<a href=\"/codes/{{code}}\">{{code}} {{reason}}</a>",
                   {{"code", code}, {"reason", find(parsed.code)->reason}})
            : html_escape(code);
    out += (out.empty() ? "" : ", ") + item;
  }
  return out.empty() ? out : "<p>Answers: " + out + ".</p>\n";
}

// A GET to open as it is: its path, with 404 for a code.
std::string example_link(std::string_view method, std::string_view path) {
  if (method != "get") return {};
  std::string target(path);
  if (const std::size_t at = target.find("{code}"); at != std::string::npos)
    target.replace(at, 6, "404");
  return fill("<p>Try <a href=\"{{t}}\"><code>{{t}}</code></a>.</p>\n",
              {{"t", target}});
}

}  // namespace

std::string api_page(std::string_view openapi_json) {
  boost::system::error_code ec;
  const boost::json::value doc = boost::json::parse(
      boost::json::string_view(openapi_json.data(), openapi_json.size()), ec);
  const boost::json::object* root = ec ? nullptr : doc.if_object();
  const boost::json::object* info =
      root && root->contains("info") ? root->at("info").if_object() : nullptr;
  const boost::json::object* paths =
      root && root->contains("paths") ? root->at("paths").if_object() : nullptr;
  if (!info || !paths)
    throw std::invalid_argument("api_page: not an OpenAPI document");
  std::string operations;
  for (const auto& [path_key, item] : *paths) {
    const std::string_view path{path_key.data(), path_key.size()};
    if (!item.is_object()) continue;
    for (const auto& [method_key, op_value] : item.get_object()) {
      const boost::json::object* op = op_value.if_object();
      if (!op) continue;
      const std::string_view method{method_key.data(), method_key.size()};
      std::string upper(method);
      for (char& c : upper)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
      const std::string id = slug(upper + " " + std::string(path));
      operations += fill(
          "<section aria-labelledby=\"{{id}}\">\n<h2 id=\"{{id}}\"><code>"
          "{{method}} {{path}}</code></h2>\n<p>{{summary}}.</p>\n"
          "{{{description}}}{{{parameters}}}{{{answers}}}{{{example}}}"
          "</section>\n",
          {{"id", id},
           {"method", upper},
           {"path", path},
           {"summary", text_at(*op, "summary")},
           slot::html("description",
                      op->contains("description")
                          ? "<p>" +
                                with_code_spans(
                                    text_at(*op, "description")) +
                                "</p>\n"
                          : std::string()),
           slot::html("parameters",
                      parameter_table(op->if_contains("parameters"), id)),
           slot::html("answers", answer_list(op->if_contains("responses"))),
           slot::html("example", example_link(method, path))});
    }
  }
  const std::string_view summary = text_at(*info, "summary");
  std::string main = fill(
      template_of("api"),
      {{"summary", summary},
       {"version", text_at(*root, "openapi")},
       slot::html("operations", std::move(operations))});
  return page(page_title("JSON API"),
              "The JSON API of this HTTP status code reference: every "
              "registered and unofficial code, its class and protocol "
              "facts, and a check of raw responses.",
              "/api", std::move(main));
}

std::string lint_page(const lint_form& form, std::string_view problem,
                      const boost::json::array& reports) {
  if (!problem.empty())
    return lint_wrap(
        lint_main(
            form, false,
            fill("<p class=\"notice\" id=\"lint-problem\">{{problem}}</p>\n",
                 {{"problem", problem}})),
        true);
  if (reports.empty()) return lint_wrap(lint_main(form, true, {}), true);
  return lint_wrap(lint_main(form, false, lint_results(reports)), true);
}

}  // namespace httpstatus::render
