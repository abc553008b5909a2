// SPDX-License-Identifier: MIT
// Lint reports as JSON, built with Boost.JSON so that escaping is never ours.
#include "lint_json.hpp"

#include <string>

#include "httpstatus/registry.hpp"

namespace httpstatus::lint {

namespace json = boost::json;

namespace {

json::string_view sv(std::string_view s) { return {s.data(), s.size()}; }

}  // namespace

json::object to_json(const finding& f) {
  json::object o;
  o["rule"] = sv(f.rule);
  o["strength"] = sv(to_string(f.strength));
  o["section"] = sv(f.section);
  o["url"] = sv(f.url);
  o["message"] = sv(f.message);
  return o;
}

json::array to_json(std::span<const finding> findings) {
  json::array a;
  for (const finding& f : findings) a.push_back(to_json(f));
  return a;
}

// Unknown stays visibly unknown: an unassigned code gets null for the
// registry's fields, and its meaning names the class it falls back on. A
// code outside 100..599 is no status code at all, so it has no
// registration either (null, as its class is), not "unassigned": IANA
// leaves 299 unassigned, but 600 and 000 are not in its registry.
json::object report_json(const response& res,
                         std::span<const finding> findings) {
  json::object o;
  o["version"] = sv(res.version);
  o["status"] = res.code;
  o["reason"] = sv(res.reason);
  const std::optional<status> entry = entry_for(res.code);
  const std::optional<status_class> cls = class_of(res.code);
  if (entry) {
    o["registered_reason"] = sv(entry->reason);
    o["meaning"] = sv(entry->meaning);
    o["registration"] = sv(to_string(entry->registration));
    o["reference"] = sv(entry->reference);
    o["reference_url"] = sv(entry->reference_url);
    if (!entry->vendor.empty()) o["vendor"] = sv(entry->vendor);
  } else {
    o["registered_reason"] = nullptr;
    if (cls) {
      const status fallback = *effective(res.code);
      o["meaning"] = "Not a registered code; clients treat it as " +
                     std::to_string(fallback.code) + " " +
                     std::string(fallback.reason) + ".";
    } else {
      o["meaning"] = "Not an HTTP status code: codes run from 100 to 599.";
    }
    if (!find_unofficial(res.code).empty())
      o["registration"] = "unofficial";
    else if (cls)
      o["registration"] = "unassigned";
    else
      o["registration"] = nullptr;
    o["reference"] = nullptr;
    o["reference_url"] = nullptr;
  }
  if (cls) {
    o["class"] = sv(info(*cls).label);
    o["class_name"] = sv(info(*cls).name);
  } else {
    o["class"] = nullptr;
    o["class_name"] = nullptr;
  }
  o["tunnel"] = res.tunnel;
  o["must_broken"] = breaks_must(findings);
  o["findings"] = to_json(findings);
  return o;
}

json::array reports_json(std::span<const response> responses,
                         const request_context& req) {
  json::array reports;
  for (const response& res : responses)
    reports.push_back(report_json(res, lint(res, req)));
  return reports;
}

bool any_must_broken(const json::array& reports) noexcept {
  for (const json::value& v : reports) {
    const json::object* o = v.if_object();
    if (o == nullptr) continue;
    const auto it = o->find("must_broken");
    if (it != o->end() && it->value().is_bool() && it->value().get_bool())
      return true;
  }
  return false;
}

}  // namespace httpstatus::lint
