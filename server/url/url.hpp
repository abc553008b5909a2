// SPDX-License-Identifier: MIT
// Request-target helpers: percent-decoding and query parameters.
#pragma once

#include <algorithm>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace httpstatus::server {

/// Returns `text` with %XX escapes decoded (RFC 3986 Section 2.1), and '+'
/// read as a space when `plus_is_space` (HTML form encoding, for queries).
/// Returns `std::nullopt` for a '%' not followed by two hex digits.
[[nodiscard]] std::optional<std::string> percent_decode(std::string_view text,
                                                        bool plus_is_space);

/// Returns the origin form ("/path?query") of an absolute-form request
/// target ("http://host:8080/path?query", RFC 9112 Section 3.2.2), which a
/// server MUST accept: "/" when the URI has no path. Returns
/// `std::nullopt` for any other target, for a scheme other than http and
/// https, which this server does not serve, and for a URI without a host
/// or with userinfo, which is invalid (RFC 9110 Sections 4.2.1, 4.2.4).
[[nodiscard]] std::optional<std::string> origin_form_of(std::string_view target);

/// Returns whether `text` is empty or only blanks: a filter that filters
/// nothing ("?q=+").
[[nodiscard]] constexpr bool is_blank(std::string_view text) noexcept {
  return text.find_first_not_of(" \t") == std::string_view::npos;
}

/// Holds one decoded `name=value` pair of a query string.
struct query_param {
  std::string name;
  std::string value;
};

/// Calls `f(name, value)` with the still-encoded name and value of each
/// `&`-separated parameter of `query` (without the '?'); a parameter
/// without '=' has an empty value and empty ones ("a&&b") are skipped.
/// Stops when `f` returns false; returns whether it never did.
template <class F>
[[nodiscard]] bool for_each_encoded_query_param(std::string_view query,
                                                F&& f) {
  while (!query.empty()) {
    const std::size_t amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    if (!pair.empty()) {
      const std::size_t eq = pair.find('=');
      if (!f(pair.substr(0, eq), eq == std::string_view::npos
                                     ? std::string_view()
                                     : pair.substr(eq + 1)))
        return false;
    }
    if (amp == std::string_view::npos) break;
    query.remove_prefix(amp + 1);
  }
  return true;
}

/// Calls `f(const query_param&)` for each parameter of `query`, decoded.
/// Returns false, having called `f` for the parameters before it, at the
/// first malformed escape.
template <class F>
[[nodiscard]] bool for_each_query_param(std::string_view query, F&& f) {
  return for_each_encoded_query_param(
      query, [&](std::string_view name, std::string_view value) {
        auto decoded_name = percent_decode(name, true);
        auto decoded_value = percent_decode(value, true);
        if (!decoded_name || !decoded_value) return false;
        f(query_param{std::move(*decoded_name), std::move(*decoded_value)});
        return true;
      });
}

/// Calls `f(const query_param&)` for each parameter of `query` whose
/// decoded name is one of `names`, decoded, in order; the others are
/// skipped unread, so that a malformed escape in a parameter nobody reads
/// (a cache-buster, "?_=%ZZ") does no harm, and a name with a malformed
/// escape is never one of `names`. Returns false, having called `f` for
/// the parameters before it, at the first value of a parameter in `names`
/// with a malformed escape.
template <class F>
[[nodiscard]] bool for_each_query_param(
    std::string_view query, std::initializer_list<std::string_view> names,
    F&& f) {
  return for_each_encoded_query_param(
      query, [&](std::string_view name, std::string_view value) {
        auto decoded_name = percent_decode(name, true);
        if (!decoded_name || std::find(names.begin(), names.end(),
                                       *decoded_name) == names.end())
          return true;
        auto decoded_value = percent_decode(value, true);
        if (!decoded_value) return false;
        f(query_param{std::move(*decoded_name), std::move(*decoded_value)});
        return true;
      });
}

}  // namespace httpstatus::server
