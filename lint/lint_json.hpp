// SPDX-License-Identifier: MIT
// Lint reports as JSON: one shape for `--json` and for POST /api/v1/lint.
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <span>

#include "lint.hpp"

namespace httpstatus::lint {

/// Returns `f` as {rule, strength, section, url, message}; `strength` is
/// "MUST", "SHOULD", "MAY" or "info".
[[nodiscard]] boost::json::object to_json(const finding& f);

/// Says what a tunnel answer (`response::tunnel`) is, where a report shows
/// it to a reader.
inline constexpr std::string_view tunnel_sentence =
    "CONNECT: the proxy's tunnel, not the origin's response";

/// Returns a JSON array of `to_json` of each finding.
[[nodiscard]] boost::json::array to_json(std::span<const finding> findings);

/// Returns the report on one response: version, status (the code), reason
/// (as sent), registered_reason, meaning, class, class_name, registration,
/// reference, reference_url (from `entry_for`; null for an unassigned
/// code, where meaning says which code clients treat it as), tunnel
/// (`response::tunnel`: a proxy's answer to CONNECT), must_broken and
/// findings. registration is "unassigned" for an unregistered code in
/// 100..599, "unofficial" for a vendor's code, and null, as class and
/// class_name are, for a code outside 100..599 (600, 000). Callers add
/// their own keys (`check` adds hops and timings).
[[nodiscard]] boost::json::object report_json(
    const response& res, std::span<const finding> findings);

/// Lints each of `responses` against `req` and returns their reports
/// (`report_json`) in order: what `httpstatus lint --json` prints and
/// `POST /api/v1/lint` answers. Interim 1xx responses answer the same
/// request as the final one, so all are judged with the same `req`.
/// Returns an empty array for no responses.
///
///     const parse_result p = parse_responses(text);
///     if (p.ec == std::errc{}) print(reports_json(p.responses, {}));
[[nodiscard]] boost::json::array reports_json(
    std::span<const response> responses, const request_context& req);

/// Returns whether any report in `reports` (from `reports_json`) has
/// `must_broken` set; false for an empty array or an element that is not
/// a report.
[[nodiscard]] bool any_must_broken(const boost::json::array& reports) noexcept;

}  // namespace httpstatus::lint
