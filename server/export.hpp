// SPDX-License-Identifier: MIT
// The static export: the pre-rendered site written to disk as files any
// static host or CDN can serve, with configuration for nginx and for hosts
// that read `_headers` and `_redirects` (Netlify, Cloudflare Pages).
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "content.hpp"

namespace httpstatus::server {

/// Returns the file, relative to the export's root, that holds the resource
/// stored under `key` as `kind`: a page's key plus "/index.html" ("/" ->
/// "index.html", "/codes/404" -> "codes/404/index.html"); a document's key
/// plus ".json" unless it already ends so ("/api/v1/codes/404" ->
/// "api/v1/codes/404.json"), with a query folded into the name
/// ("/api/v1/codes?class=4xx&unofficial=true" ->
/// "api/v1/codes.class-4xx.unofficial-true.json"); an asset at its own
/// path; a `text` resource at its own path ("/healthz" -> "healthz"), so
/// that the /api page's link to it resolves on any static host. Returns
/// `std::nullopt` for a key that is not an absolute path or contains "..",
/// and for a query on a page, an asset or a text.
[[nodiscard]] std::optional<std::string> export_path(std::string_view key,
                                                     resource_kind kind);

/// Gives the generic 404 page written as "404.html": a static host cannot
/// say which address was missing, so it says so in general.
inline constexpr std::string_view export_not_found_detail =
    "There is nothing at this address.";

/// Gives the note the exported "/lint" page shows above its form (HTML): a
/// static host answers neither the form's POST nor `POST /api/v1/lint`.
inline constexpr std::string_view export_lint_note =
    "This copy of the site is static files, which cannot check a response: "
    "the check needs the httpstatus server (<code>httpstatus serve</code>). "
    "Or run <code>httpstatus lint</code> on your own machine.";

/// Counts what `export_site` wrote.
struct export_summary {
  std::size_t files = 0;    ///< every file, compressed variants included
  std::uint64_t bytes = 0;  ///< their total size
};

/// Writes every page, document and asset of `site` under `dir` at
/// `export_path`, each compressed variant the server has beside it with
/// ".gz" and ".br" appended (the very bytes the server sends), the 404
/// page as "404.html" and the API's 404 as "api/404.json" (each with its
/// variants), and "nginx.conf", "_headers" and "_redirects". The "/lint"
/// page alone differs from the server's: it carries `export_lint_note`
/// above its form. Creates `dir`
/// and its folders as needed and overwrites files already there, leaving
/// others alone; refusing a non-empty `dir` is the caller's decision.
/// Throws `std::filesystem::filesystem_error` or `std::runtime_error`
/// (naming the file) when a folder or file cannot be written, and
/// `std::logic_error` if the headers of one kind of resource differ in a
/// way the nginx configuration cannot express, or the "/lint" page has no
/// form to put the note above (packaging bugs).
export_summary export_site(const content& site,
                           const std::filesystem::path& dir);

/// Returns the nginx configuration for an export rooted at `root`, to be
/// included in nginx's `http` block: `listen 8080`, `gzip_static`, the
/// `Content-Type`, security and cache headers the server sends, the
/// `/codes/404` -> `codes/404/index.html` mapping, the 404 pages and
/// "/healthz". `brotli_static` is written commented out, with how to
/// enable it (Debian's nginx needs libnginx-mod-http-brotli-static).
/// Throws `std::logic_error` like `export_site`.
[[nodiscard]] std::string nginx_config(const content& site,
                                       std::string_view root);

/// Returns a `_headers` file (Netlify, Cloudflare Pages) giving each URL
/// the security and cache headers the server sends, with one rule per
/// path pattern so that no header is ever sent twice.
[[nodiscard]] std::string headers_file(const content& site);

/// Returns a `_redirects` file (Netlify, Cloudflare Pages) that rewrites
/// each API address to its ".json" file with status 200.
[[nodiscard]] std::string redirects_file(const content& site);

}  // namespace httpstatus::server
