// SPDX-License-Identifier: MIT
// The static export: the pre-rendered site written to disk as files any
// static host or CDN can serve, with configuration for nginx and for hosts
// that read `_headers` and `_redirects` (Netlify, Cloudflare Pages).
#include "export.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "httpstatus/version.hpp"
#include "json.hpp"
#include "pages.hpp"
#include "response.hpp"

namespace httpstatus::server {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view html_type = "text/html; charset=utf-8";

// Error pages are never stored, as the server's are not: a 404 today may
// be a page after the next deployment.
constexpr std::string_view error_cache = "no-store";

// The file names of the two error pages, relative to the root; nginx's
// `error_page` and static hosts' conventions point at them.
constexpr std::string_view not_found_page_file = "404.html";
constexpr std::string_view not_found_document_file = "api/404.json";

bool is_safe_key(std::string_view key) {
  return key.starts_with('/') && key.find("..") == std::string_view::npos &&
         key.find('\0') == std::string_view::npos &&
         key.find('\\') == std::string_view::npos;
}

// The headers one kind of resource is served with, which must be the same
// for every resource of that kind (but assets, which get a location each):
// nginx and `_headers` say them once per URL pattern.
struct served_as {
  std::string_view content_type;
  std::string_view cache_control;
  friend bool operator==(const served_as&, const served_as&) = default;
};

std::optional<served_as> uniform(const content& site, resource_kind kind) {
  std::optional<served_as> found;
  for (const auto& [key, r] : site.all()) {
    if (r.kind != kind) continue;
    const served_as s{r.content_type, r.cache_control};
    if (found && *found != s)
      throw std::logic_error(fmt::format(
          "export: resources of one kind are served with different headers "
          "({} is '{}', '{}'; another is '{}', '{}')",
          key, s.content_type, s.cache_control, found->content_type,
          found->cache_control));
    found = s;
  }
  return found;
}

// nginx strings are double-quoted; a value of ours never holds a quote or
// a backslash, but a future one must not break the configuration, and the
// export folder's path may hold anything. nginx has no escape for "$",
// which starts a variable: a "$" is written as the variable
// `$httpstatus_dollar`, which the configuration defines as one.
std::string nginx_string(std::string_view value) {
  std::string out = "\"";
  for (const char c : value) {
    if (c == '$') {
      out += "${httpstatus_dollar}";
      continue;
    }
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  out += '"';
  return out;
}

// `always`: the server sends these headers on every status, 404 included,
// and nginx adds them only to 2xx and 3xx without it. A location that has
// its own `add_header` inherits none from the server block, so each
// location says all of its own.
std::string add_headers(resource_kind kind, std::string_view cache_control,
                        std::string_view indent) {
  std::string out;
  for (const header_line& h : kind_headers(kind))
    out += fmt::format("{}add_header {} {} always;\n", indent, h.name,
                       nginx_string(h.value));
  out += fmt::format("{}add_header Cache-Control {} always;\n", indent,
                     nginx_string(cache_control));
  return out;
}

// Each file is written beside its place and renamed onto it: a server
// reading the folder during a re-export (--force) sees the old file or the
// new one, never a truncated one (which nginx served as an empty 200 that
// caches kept), and a symbolic link in the folder is replaced, not written
// through to a file outside it.
void write_file(const fs::path& path, std::string_view bytes,
                export_summary& summary) {
  fs::create_directories(path.parent_path());
  const fs::path temporary = path.string() + ".httpstatus-export";
  std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) {
    const int error = errno;
    std::error_code ignored;
    fs::remove(temporary, ignored);
    throw std::runtime_error(fmt::format("cannot write {}: {}", path.string(),
                                         std::strerror(error)));
  }
  std::error_code ec;
  fs::rename(temporary, path, ec);
  if (ec) {
    std::error_code ignored;
    fs::remove(temporary, ignored);
    throw std::runtime_error(
        fmt::format("cannot write {}: {}", path.string(), ec.message()));
  }
  ++summary.files;
  summary.bytes += bytes.size();
}

// A resource and its variants, under the names nginx's `gzip_static` and
// `brotli_static` (and most CDNs' precompression support) look for.
void write_resource(const fs::path& dir, std::string_view file,
                    const resource& r, export_summary& summary) {
  const fs::path path = dir / fs::path(file);
  write_file(path, r.identity.bytes, summary);
  if (!r.gzip.bytes.empty())
    write_file(fs::path(path.string() + ".gz"), r.gzip.bytes, summary);
  if (!r.br.bytes.empty())
    write_file(fs::path(path.string() + ".br"), r.br.bytes, summary);
}

// The lint page's form posts to "/lint" and its script to "/api/v1/lint",
// and a static host answers neither; without a word, a visitor without
// JavaScript would get the host's 405 and one with it a late notice. So
// the exported page says so above the form, in the HTML itself.
resource static_lint_page(const resource& served) {
  constexpr std::string_view form = "<form class=\"lint\" id=\"lint-form\"";
  std::string html = served.identity.bytes;
  const std::size_t at = html.find(form);
  if (at == std::string::npos)
    throw std::logic_error(
        "export: the /lint page has no form to put the static note above");
  html.insert(at, fmt::format("<p class=\"notice\" id=\"lint-static\">{}</p>\n",
                              export_lint_note));
  return make_resource(std::move(html), served.content_type, served.kind);
}

// The directory part of a key: "/codes/404" -> "/codes/", "/" -> "/".
std::string_view parent_of(std::string_view key) {
  return key.substr(0, key.rfind('/') + 1);
}

}  // namespace

std::optional<std::string> export_path(std::string_view key,
                                       resource_kind kind) {
  if (!is_safe_key(key)) return std::nullopt;
  const std::size_t question = key.find('?');
  std::string path(key.substr(1, question == std::string_view::npos
                                     ? std::string_view::npos
                                     : question - 1));
  switch (kind) {
    case resource_kind::page:
      if (question != std::string_view::npos) return std::nullopt;
      if (!path.empty() && !path.ends_with('/')) path += '/';
      return path + "index.html";
    case resource_kind::document:
      if (question != std::string_view::npos) {
        // "class=4xx&unofficial=true" -> ".class-4xx.unofficial-true":
        // names the nginx configuration can rebuild from `$arg_...`.
        path += '.';
        for (const char c : key.substr(question + 1))
          path += c == '&' ? '.' : c == '=' ? '-' : c;
      }
      if (question == std::string_view::npos && path.ends_with(".json"))
        return path;
      return path + ".json";
    case resource_kind::asset:
    case resource_kind::text:
      if (question != std::string_view::npos || path.empty() ||
          path.ends_with('/'))
        return std::nullopt;
      return path;
  }
  return std::nullopt;
}

export_summary export_site(const content& site, const fs::path& dir) {
  // Checked before the first file is written, so that a packaging bug
  // leaves no half-written export behind.
  const std::string config = nginx_config(site, fs::absolute(dir).string());
  const std::string headers = headers_file(site);
  const std::string redirects = redirects_file(site);

  // Built before the first file is written, like the configuration.
  const resource* lint = site.find("/lint");
  const std::optional<resource> exported_lint =
      lint ? std::optional<resource>(static_lint_page(*lint)) : std::nullopt;

  export_summary summary;
  fs::create_directories(dir);
  for (const auto& [key, r] : site.all())
    if (const std::optional<std::string> file = export_path(key, r.kind))
      write_resource(dir, *file, key == "/lint" ? *exported_lint : r, summary);

  // The error pages are rendered per request by the server, with the
  // address that was missing; the export's say it in general.
  const resource not_found = make_resource(
      render::not_found_page(export_not_found_detail, std::nullopt),
      std::string(html_type), resource_kind::page);
  write_resource(dir, not_found_page_file, not_found, summary);
  const resource not_found_json =
      make_resource(render::problem_json(404, export_not_found_detail),
                    std::string(problem_type), resource_kind::document);
  write_resource(dir, not_found_document_file, not_found_json, summary);

  write_file(dir / "nginx.conf", config, summary);
  write_file(dir / "_headers", headers, summary);
  write_file(dir / "_redirects", redirects, summary);
  return summary;
}

// One location per URL shape, each saying the `Content-Type` and headers
// the server sends for it: `types {}` is empty, so that nginx never guesses
// a type from an extension ("/favicon.ico" is SVG, as the server says),
// and `default_type` in each location gives the type exactly, charset
// included. `try_files` serves the file it finds within the location it
// is in, so `gzip_static` looks for that file's ".gz".
std::string nginx_config(const content& site, std::string_view root) {
  const std::optional<served_as> page = uniform(site, resource_kind::page);
  const std::optional<served_as> document =
      uniform(site, resource_kind::document);
  if (!page || !document)
    throw std::logic_error("export: the site has no pages or no documents");

  std::string out = fmt::format(
      "# nginx configuration for the static export of httpstatus {}, written\n"
      "# by `httpstatus export`. Include it in the http block of nginx.conf:\n"
      "#     http {{ include \"{}/nginx.conf\"; }}\n"
      "# It serves the files with the Content-Type, security and cache\n"
      "# headers `httpstatus serve` sends, and the precompressed .gz files.\n"
      "#\n"
      "# Brotli: Debian's nginx has no brotli module built in. Install\n"
      "# libnginx-mod-http-brotli-static (Debian 12 has it), which loads\n"
      "# through /etc/nginx/modules-enabled/, or add at the top of nginx.conf\n"
      "#     load_module modules/ngx_http_brotli_static_module.so;\n"
      "# and uncomment `brotli_static on;` below, to serve the .br files.\n"
      "#\n"
      "# Unlike the server: ETags are nginx's own (mtime and size); a search\n"
      "# (/codes?q=..., /api/v1/codes?q=...) answers the unfiltered page or\n"
      "# list; a malformed `class` or `unofficial` value answers the\n"
      "# unfiltered list instead of 400; other errors are nginx's own.\n\n",
      version, root);

  out +=
      "# A \"$\" in a string: nginx has no escape for it.\n"
      "geo $httpstatus_dollar {\n"
      "    default \"$\";\n"
      "}\n\n"
      "# /api/v1/codes?class=4xx&unofficial=true is the file\n"
      "# api/v1/codes.class-4xx.unofficial-true.json.\n"
      "map $arg_class $httpstatus_class {\n"
      "    default \"\";\n"
      "    \"~*^([1-5])xx$\" \".class-$1xx\";\n"
      "}\n"
      "map $arg_unofficial $httpstatus_unofficial {\n"
      "    default \"\";\n"
      "    true \".unofficial-true\";\n"
      "}\n\n";

  out += fmt::format(
      "server {{\n"
      "    listen 8080;\n"
      "    root {};\n"
      "    server_tokens off;\n"
      "    charset off;\n"
      "    types {{ }}\n"
      "    default_type application/octet-stream;\n"
      "    gzip off;\n"
      "    gzip_static on;\n"
      "    gzip_vary on;\n"
      "    # brotli_static on;\n"
      "    error_page 404 /{};\n\n",
      nginx_string(root), not_found_page_file);

  // Pages: "/" and "/codes/404" are folders holding an index.html.
  const std::string page_headers =
      add_headers(resource_kind::page, page->cache_control, "        ");
  out += fmt::format(
      "    location = / {{\n"
      "        default_type {};\n{}"
      "        try_files /index.html =404;\n"
      "    }}\n"
      "    location / {{\n"
      "        default_type {};\n{}"
      "        try_files $uri/index.html =404;\n"
      "    }}\n"
      "    location = /{} {{\n"
      "        internal;\n"
      "        default_type {};\n{}"
      "    }}\n\n",
      nginx_string(page->content_type), page_headers, nginx_string(page->content_type),
      page_headers, not_found_page_file, nginx_string(html_type),
      add_headers(resource_kind::page, error_cache, "        "));

  // Documents: "/api/v1/codes/404" is "api/v1/codes/404.json". Only that
  // name: with `$uri` as well, the folder's other files answered as JSON
  // (/api/v1/codes/404.json.gz, /api/index.html) where the server has
  // nothing. A document whose URL names its file is an exact location.
  const std::string document_headers =
      add_headers(resource_kind::document, document->cache_control,
                  "        ");
  for (const auto& [key, r] : site.all())
    if (r.kind == resource_kind::document && key.ends_with(".json") &&
        key.find('?') == std::string::npos && export_path(key, r.kind))
      out += fmt::format(
          "    location = {} {{\n"
          "        default_type {};\n{}"
          "        try_files $uri =404;\n"
          "    }}\n",
          key, nginx_string(document->content_type), document_headers);
  out += fmt::format(
      "    location /api/ {{\n"
      "        default_type {};\n{}"
      "        error_page 404 /{};\n"
      "        try_files $uri.json =404;\n"
      "    }}\n"
      "    location = /api/v1/codes {{\n"
      "        default_type {};\n{}"
      "        error_page 404 /{};\n"
      "        try_files "
      "/api/v1/codes$httpstatus_class$httpstatus_unofficial.json =404;\n"
      "    }}\n"
      "    location = /{} {{\n"
      "        internal;\n"
      "        default_type {};\n{}"
      "    }}\n\n",
      nginx_string(document->content_type), document_headers,
      not_found_document_file, nginx_string(document->content_type),
      document_headers, not_found_document_file, not_found_document_file,
      nginx_string(problem_type),
      add_headers(resource_kind::document, error_cache, "        "));

  // Assets and small texts: one exact location each, with their own type
  // and freshness (a year for a fingerprinted URL).
  for (const auto& [key, r] : site.all()) {
    if (r.kind == resource_kind::asset && export_path(key, r.kind)) {
      out += fmt::format(
          "    location = {} {{\n"
          "        default_type {};\n{}"
          "    }}\n",
          key, nginx_string(r.content_type),
          add_headers(r.kind, r.cache_control, "        "));
    } else if (r.kind == resource_kind::text && is_safe_key(key) &&
               key.find('?') == std::string_view::npos &&
               r.identity.bytes.size() <= 64) {
      out += fmt::format(
          "    location = {} {{\n"
          "        default_type {};\n{}"
          "        return 200 {};\n"
          "    }}\n",
          key, nginx_string(r.content_type),
          add_headers(r.kind, r.cache_control, "        "),
          nginx_string(r.identity.bytes));
    }
  }
  out += "}\n";
  return out;
}

// Netlify and Cloudflare Pages apply every rule whose pattern matches and
// join repeated headers with a comma, so each URL must match exactly one
// rule: a key takes the widest folder pattern ("/api/*") whose resources
// all have the same headers, or its own path.
std::string headers_file(const content& site) {
  std::map<std::string, std::string, std::less<>> lines_of;  // key -> lines
  for (const auto& [key, r] : site.all()) {
    if (!is_safe_key(key) || key.find('?') != std::string_view::npos ||
        !export_path(key, r.kind))
      continue;
    std::string lines;
    for (const header_line& h : kind_headers(r.kind))
      lines += fmt::format("  {}: {}\n", h.name, h.value);
    lines += fmt::format("  Cache-Control: {}\n", r.cache_control);
    // "healthz" has no extension for the host to take a type from, and
    // "/favicon.ico" one that misleads: it is SVG, and with nosniff a
    // browser takes the host's image/x-icon at its word. The files under
    // /assets/ have the extensions of their types.
    if (r.kind == resource_kind::text ||
        (r.kind == resource_kind::asset && !key.starts_with("/assets/")))
      lines += fmt::format("  Content-Type: {}\n", r.content_type);
    lines_of.emplace(key, std::move(lines));
  }
  auto is_uniform_under = [&](std::string_view folder,
                              std::string_view lines) {
    for (const auto& [key, other] : lines_of)
      if (key.starts_with(folder) && other != lines) return false;
    return true;
  };
  std::map<std::string, std::string, std::less<>> rules;  // pattern -> lines
  for (const auto& [key, lines] : lines_of) {
    std::string pattern = key;
    // Folders from the top down, the root excepted ("/*" would also match
    // the API and the pages).
    const std::string_view parent = parent_of(key);
    for (std::size_t slash = parent.find('/', 1);
         slash != std::string_view::npos; slash = parent.find('/', slash + 1)) {
      const std::string_view folder = parent.substr(0, slash + 1);
      if (is_uniform_under(folder, lines)) {
        pattern = fmt::format("{}*", folder);
        break;
      }
    }
    rules.emplace(std::move(pattern), lines);
  }
  std::string out =
      "# The headers `httpstatus serve` sends, for hosts that read _headers\n"
      "# (Netlify, Cloudflare Pages). Written by `httpstatus export`.\n";
  for (const auto& [pattern, lines] : rules)
    out += fmt::format("{}\n{}", pattern, lines);
  return out;
}

std::string redirects_file(const content& site) {
  std::string out =
      "# The API's addresses are .json files; these rewrites (status 200)\n"
      "# serve them at the server's URLs. Written by `httpstatus export`.\n";
  for (const auto& [key, r] : site.all()) {
    if (r.kind != resource_kind::document ||
        key.find('?') != std::string_view::npos)
      continue;
    const std::optional<std::string> file = export_path(key, r.kind);
    if (file && "/" + *file != key) out += fmt::format("{} /{} 200\n", key, *file);
  }
  return out;
}

}  // namespace httpstatus::server
