// SPDX-License-Identifier: MIT
// The site's HTML pages and assets, rendered from the registry and site/.
#pragma once

#include <boost/json/array.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "httpstatus/status.hpp"

namespace httpstatus::render {

/// Describes one static asset compiled into the binary.
struct asset {
  std::string_view path;          ///< URL path, e.g. "/assets/site.css"
  std::string_view content_type;  ///< e.g. "text/css; charset=utf-8"
  std::string_view body;
  bool is_fingerprinted = false;  ///< `path` carries a hash of `body`, so
                                  ///< the asset may be cached as immutable
};

/// Returns the reference page served at "/": the seed page, from the
/// registry.
///
/// The page functions throw `std::logic_error` (or `std::invalid_argument`
/// from `fill`) only when a template or asset is missing from the build or
/// misuses a slot: a packaging bug that the tests and start-up catch.
[[nodiscard]] std::string index_page();

/// Returns "/codes": the whole registry by class, unassigned ranges and the
/// vendors' codes; with a non-empty `query`, only the rows that match it
/// (the no-JavaScript filter). `query` is escaped wherever it is echoed.
[[nodiscard]] std::string codes_page(std::string_view query);

/// Returns the page of `code` ("/codes/404"), covering its IANA entry and
/// every vendor's entry; `std::nullopt` if neither exists.
[[nodiscard]] std::optional<std::string> code_page(int code);

/// Returns a 404 page saying `why` (escaped, its bidi controls shown as
/// U+FFFD), linking to the page of `suggested` when it has one and to the
/// class of the code when `cls` is set.
[[nodiscard]] std::string not_found_page(
    std::string_view why, std::optional<status_class> cls,
    std::optional<int> suggested = std::nullopt);

/// Returns the page of a search the server could not read (a 400): headed
/// "Search not understood", saying `why` (escaped), with the filter form to
/// search again.
[[nodiscard]] std::string bad_search_page(std::string_view why);

/// Holds what the "/lint" form was sent with, to show it again.
struct lint_form {
  std::string_view response = {};         ///< the pasted raw response(s)
  std::string_view method = "GET";        ///< the request's method
  std::string_view request_headers = {};  ///< "Name: value" lines
};

/// Returns "/lint" as first served: an empty form to paste a raw response
/// into (with the request's method and headers), an example to try, and
/// how to call `POST /api/v1/lint`. Its script (lint.js) asks the API and
/// shows the answer on the page; without it the form posts to "/lint".
[[nodiscard]] std::string lint_page();

/// Returns "/api": the JSON API for people, rendered from `openapi_json`,
/// the OpenAPI document the server serves (one description of the API):
/// each operation's method and path, summary, description, parameters,
/// answers (linked to their code pages) and, for a GET, an example to
/// open. Throws `std::invalid_argument` when the document is not OpenAPI
/// JSON with `info` and `paths`.
[[nodiscard]] std::string api_page(std::string_view openapi_json);

/// Returns "/lint" answering its form: the fields filled with `form`, then
/// `problem` when it is not empty (why nothing was judged: bad input);
/// else the reports, one section per response with its findings and, beside
/// them, the code's class, meaning and reference; else (no reports: nothing
/// was pasted) what to paste. `reports` holds `lint::reports_json` objects,
/// the JSON of `POST /api/v1/lint`. Everything echoed is escaped.
[[nodiscard]] std::string lint_page(const lint_form& form,
                                    std::string_view problem,
                                    const boost::json::array& reports);

/// Returns the stylesheet, scripts and images the pages reference: the
/// stylesheet and scripts at fingerprinted paths
/// ("/assets/site.1a2b3c4d.css"), the favicon at "/favicon.svg" and
/// "/favicon.ico" (both SVG), and "/robots.txt". Computed once, on first
/// call.
[[nodiscard]] std::span<const asset> assets();

/// Returns an ISO date ("2026-06-26") as the pages write it ("June 26,
/// 2026"); returns `iso` unchanged if it is not a valid YYYY-MM-DD date.
[[nodiscard]] std::string long_date(std::string_view iso);

}  // namespace httpstatus::render
