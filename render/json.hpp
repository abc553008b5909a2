// SPDX-License-Identifier: MIT
// The registry as JSON: the one shape shared by `--json` and the JSON API.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "httpstatus/status.hpp"

namespace httpstatus::render {

/// Returns the JSON object of `s`, with the field names of the API:
/// code, reason, class, class_name, status, meaning, description,
/// reference, reference_url, heuristically_cacheable, cache, body, headers,
/// related, aliases, constants, vendor for unofficial codes, and
/// on_the_wire.
[[nodiscard]] boost::json::object to_json(const status& s);

/// Returns the name of `s`'s constant in `<httpstatus/codes.hpp>`
/// ("not_found" for `httpstatus::code::not_found`): its phrase in
/// snake_case, apostrophes dropped, "continue_" for the keyword. Empty for
/// a vendor's code, which has none.
[[nodiscard]] std::string constant_name(const status& s);

/// Returns a JSON array of `to_json` of each status.
[[nodiscard]] boost::json::array to_json(std::span<const status> list);

/// Returns the JSON object of a class: class, name, description, codes.
[[nodiscard]] boost::json::object to_json(const class_info& c);

/// Returns an RFC 9457 problem document (`application/problem+json`) with
/// `type` "about:blank", the registry's phrase of `code` as `title`, and
/// `detail`.
[[nodiscard]] std::string problem_json(int code, std::string_view detail);

/// Returns `value` serialized, pretty-printed with two-space indents and a
/// final newline when `pretty` is true (the CLI), compact otherwise. The
/// text is valid UTF-8: an ill-formed byte in a string becomes U+FFFD.
[[nodiscard]] std::string serialize(const boost::json::value& value,
                                    bool pretty);

}  // namespace httpstatus::render
