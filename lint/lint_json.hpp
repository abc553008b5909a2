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

/// Returns a JSON array of `to_json` of each finding.
[[nodiscard]] boost::json::array to_json(std::span<const finding> findings);

/// Returns the report on one response: version, status (the code), reason
/// (as sent), registered_reason, meaning, class, class_name, registration,
/// reference, reference_url (from `entry_for`; null for an unassigned
/// code, where meaning says which code clients treat it as), must_broken and
/// findings. Callers add their own keys (`check` adds hops and timings).
[[nodiscard]] boost::json::object report_json(
    const response& res, std::span<const finding> findings);

}  // namespace httpstatus::lint
