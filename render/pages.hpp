// SPDX-License-Identifier: MIT
// The site's HTML pages and assets, rendered from the registry and site/.
#pragma once

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
};

/// Returns the reference page served at "/": the seed page, from the
/// registry.
[[nodiscard]] std::string index_page();

/// Returns "/codes": the whole registry by class, unassigned ranges and the
/// vendors' codes; with a non-empty `query`, only the rows that match it
/// (the no-JavaScript filter). `query` is escaped wherever it is echoed.
[[nodiscard]] std::string codes_page(std::string_view query);

/// Returns the page of `code` ("/codes/404"), covering its IANA entry and
/// every vendor's entry; `std::nullopt` if neither exists.
[[nodiscard]] std::optional<std::string> code_page(int code);

/// Returns a 404 page saying `why` (escaped), linking to the class of the
/// code when `cls` is set.
[[nodiscard]] std::string not_found_page(std::string_view why,
                                         std::optional<status_class> cls);

/// Returns the stylesheet, scripts and images the pages reference.
[[nodiscard]] std::span<const asset> assets();

}  // namespace httpstatus::render
