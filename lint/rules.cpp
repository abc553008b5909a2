// SPDX-License-Identifier: MIT
// The lint's rules: each reads the registry's facts for the code it judges.
#include <algorithm>
#include <charconv>
#include <string>
#include <vector>

#include "httpstatus/registry.hpp"
#include "lint.hpp"
#include "syntax.hpp"

namespace httpstatus::lint {

namespace {

// A section of a spec that a rule cites when the fact is about HTTP in
// general rather than about one code (those sections come from the
// registry's own rows).
struct reference {
  std::string_view section;
  std::string_view url;
};

constexpr reference rfc9110_grammar = {
    "RFC 9110, Section 2.2",
    "https://www.rfc-editor.org/rfc/rfc9110#section-2.2"};
constexpr reference rfc9110_http_date = {
    "RFC 9110, Section 5.6.7",
    "https://www.rfc-editor.org/rfc/rfc9110#section-5.6.7"};
constexpr reference rfc9110_date = {
    "RFC 9110, Section 6.6.1",
    "https://www.rfc-editor.org/rfc/rfc9110#section-6.6.1"};
constexpr reference rfc9110_lists = {
    "RFC 9110, Section 5.6.1.1",
    "https://www.rfc-editor.org/rfc/rfc9110#section-5.6.1.1"};
constexpr reference rfc9110_field_order = {
    "RFC 9110, Section 5.3",
    "https://www.rfc-editor.org/rfc/rfc9110#section-5.3"};
constexpr reference rfc9110_field_values = {
    "RFC 9110, Section 5.5",
    "https://www.rfc-editor.org/rfc/rfc9110#section-5.5"};
constexpr reference rfc9110_trailer = {
    "RFC 9110, Section 6.5.1",
    "https://www.rfc-editor.org/rfc/rfc9110#section-6.5.1"};
constexpr reference rfc9110_upgrade = {
    "RFC 9110, Section 7.8",
    "https://www.rfc-editor.org/rfc/rfc9110#section-7.8"};
constexpr reference rfc9110_content_type = {
    "RFC 9110, Section 8.3",
    "https://www.rfc-editor.org/rfc/rfc9110#section-8.3"};
constexpr reference rfc9110_etag = {
    "RFC 9110, Section 8.8.3",
    "https://www.rfc-editor.org/rfc/rfc9110#section-8.8.3"};
constexpr reference rfc9110_content_length = {
    "RFC 9110, Section 8.6",
    "https://www.rfc-editor.org/rfc/rfc9110#section-8.6"};
constexpr reference rfc9110_head = {
    "RFC 9110, Section 9.3.2",
    "https://www.rfc-editor.org/rfc/rfc9110#section-9.3.2"};
constexpr reference rfc9110_allow = {
    "RFC 9110, Section 10.2.1",
    "https://www.rfc-editor.org/rfc/rfc9110#section-10.2.1"};
constexpr reference rfc9110_location = {
    "RFC 9110, Section 10.2.2",
    "https://www.rfc-editor.org/rfc/rfc9110#section-10.2.2"};
constexpr reference rfc9110_retry_after = {
    "RFC 9110, Section 10.2.3",
    "https://www.rfc-editor.org/rfc/rfc9110#section-10.2.3"};
constexpr reference rfc9110_vary = {
    "RFC 9110, Section 12.5.5",
    "https://www.rfc-editor.org/rfc/rfc9110#section-12.5.5"};
constexpr reference rfc9110_content_range = {
    "RFC 9110, Section 14.4",
    "https://www.rfc-editor.org/rfc/rfc9110#section-14.4"};
constexpr reference rfc9110_multiple_parts = {
    "RFC 9110, Section 15.3.7.2",
    "https://www.rfc-editor.org/rfc/rfc9110#section-15.3.7.2"};
constexpr reference rfc9110_byteranges = {
    "RFC 9110, Section 14.6",
    "https://www.rfc-editor.org/rfc/rfc9110#section-14.6"};
constexpr reference rfc9110_status_codes = {
    "RFC 9110, Section 15",
    "https://www.rfc-editor.org/rfc/rfc9110#section-15"};
constexpr reference rfc9111_age = {
    "RFC 9111, Section 5.1",
    "https://www.rfc-editor.org/rfc/rfc9111#section-5.1"};
constexpr reference rfc9111_cache_control = {
    "RFC 9111, Section 5.2",
    "https://www.rfc-editor.org/rfc/rfc9111#section-5.2"};
constexpr reference rfc9111_expires = {
    "RFC 9111, Section 5.3",
    "https://www.rfc-editor.org/rfc/rfc9111#section-5.3"};
constexpr reference rfc9112_version = {
    "RFC 9112, Section 2.3",
    "https://www.rfc-editor.org/rfc/rfc9112#section-2.3"};
constexpr reference rfc9112_reason = {
    "RFC 9112, Section 4", "https://www.rfc-editor.org/rfc/rfc9112#section-4"};
constexpr reference rfc9112_field_syntax = {
    "RFC 9112, Section 5", "https://www.rfc-editor.org/rfc/rfc9112#section-5"};
constexpr reference rfc9112_obs_fold = {
    "RFC 9112, Section 5.2",
    "https://www.rfc-editor.org/rfc/rfc9112#section-5.2"};
constexpr reference rfc9112_transfer_encoding = {
    "RFC 9112, Section 6.1",
    "https://www.rfc-editor.org/rfc/rfc9112#section-6.1"};
constexpr reference rfc9112_chunked = {
    "RFC 9112, Section 7.1",
    "https://www.rfc-editor.org/rfc/rfc9112#section-7.1"};
constexpr reference rfc9112_content_length = {
    "RFC 9112, Section 6.2",
    "https://www.rfc-editor.org/rfc/rfc9112#section-6.2"};
constexpr reference rfc9112_body_length = {
    "RFC 9112, Section 6.3",
    "https://www.rfc-editor.org/rfc/rfc9112#section-6.3"};

// What every rule sees: the response, the request, and the registry's
// facts for the code (`entry` is the code's own row, or the row of a sole
// vendor for an unofficial code; `rules` is `effective(code)`, the row that
// governs an unregistered code per RFC 9110 Section 15).
struct subject {
  const response& res;
  const request_context& req;
  std::optional<status> entry;
  std::optional<status> rules;
  std::vector<finding>& out;

  [[nodiscard]] bool has_content() const noexcept {
    return res.body_present && res.body_size > 0;
  }
  [[nodiscard]] std::optional<std::string_view> get(
      std::string_view name) const noexcept {
    return header(res.fields, name);
  }
  void add(std::string_view rule, requirement strength,
           std::string_view section, std::string_view url,
           std::string message) const {
    out.push_back({rule, strength, section, url, std::move(message)});
  }
  void add(std::string_view rule, requirement strength, reference ref,
           std::string message) const {
    add(rule, strength, ref.section, ref.url, std::move(message));
  }
};

// Calls `check` on the value of every field named `name`.
template <class F>
void each(const subject& s, std::string_view name, F&& check) {
  for (const field& f : s.res.fields)
    if (iequals(f.name, name)) check(f.value);
}

// "0x1B": how a message names a control character it found.
std::string hex_byte(char c) {
  constexpr std::string_view hex = "0123456789ABCDEF";
  const auto byte = static_cast<unsigned char>(c);
  return {'0', 'x', hex[byte >> 4], hex[byte & 0xF]};
}

// The code as its status line spelled it: three digits, so "000" stays
// "000" rather than becoming "0".
std::string code_text(const subject& s) {
  std::string digits = std::to_string(s.res.code);
  if (digits.size() < 3) digits.insert(0, 3 - digits.size(), '0');
  return digits;
}

// "violates RFC 9110 §15.5.6 (MUST)" for MUST, "goes against ... (SHOULD)"
// for SHOULD: the verb follows the strength so the sentence stays true.
std::string verdict(requirement r, std::string_view section,
                    std::string_view keyword = {}) {
  const std::string k(keyword.empty() ? to_string(r) : keyword);
  const std::string where = short_section(section);
  switch (r) {
    case requirement::must:
      return "violates " + where + " (" + k + ")";
    case requirement::should:
      return "goes against " + where + " (" + k + ")";
    case requirement::may:
      return where + " allows it (" + k + ")";
    case requirement::info:
      return "see " + where;
  }
  return where;
}

// The sections that define a field give its grammar, but the MUST a
// malformed value breaks is RFC 9110 Section 2.2's: "A sender MUST NOT
// generate protocol elements that do not match the grammar defined by the
// corresponding ABNF rules."
std::string grammar_verdict(reference grammar) {
  return "does not match its grammar (" + short_section(grammar.section) +
         "): " +
         verdict(requirement::must, rfc9110_grammar.section, "MUST NOT");
}

// Quotes a line or value that a finding names, cut after its first 80
// bytes (at a character boundary): a megabyte-long line makes one readable
// finding, not a megabyte of output.
std::string quoted(std::string_view text) {
  constexpr std::size_t shown = 80;
  if (text.size() <= shown) return "\"" + std::string(text) + "\"";
  std::size_t cut = shown;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
    --cut;
  return "\"" + std::string(text.substr(0, cut)) + "...\" (" +
         std::to_string(text.size()) + " bytes)";
}

std::string a_or_an(std::string_view word) {
  const char c = word.empty() ? 'x' : word.front();
  const bool vowel =
      std::string_view("AEIOUaeiou").find(c) != std::string_view::npos;
  return std::string(vowel ? "an " : "a ") + std::string(word);
}

// Advice for a missing field, said once per field rather than per code.
std::string_view field_advice(std::string_view field) {
  if (iequals(field, "Allow"))
    return " listing the methods this resource supports";
  if (iequals(field, "Location"))
    return " with the URI the client should go to";
  if (iequals(field, "Retry-After"))
    return " saying when to try again (seconds or an HTTP-date)";
  if (iequals(field, "Upgrade")) return " naming the protocol to switch to";
  if (iequals(field, "ETag"))
    return " with the entity tag of the representation";
  return "";
}

// --- status code -------------------------------------------------------

// RFC 9110 Section 15 calls such a value invalid, and has clients treat it
// as a 5xx: a response no client can take for what it says. It is held as
// a MUST, though the section words it without the keyword, so the message
// quotes the section rather than claiming one.
bool status_code_range(const subject& s) {
  if (s.res.code >= 100 && s.res.code <= 599) return true;
  s.add("status-code-range", requirement::must, rfc9110_status_codes,
        "Status code " + code_text(s) + " is outside 100..599, which " +
            short_section(rfc9110_status_codes.section) +
            " calls invalid; a client treats it as a 5xx (Server Error). "
            "Send a registered code.");
  return false;
}

// Deprecated, reserved, temporary, obsoleted, unofficial and unassigned
// codes all work on the wire, so these are info: worth knowing, not a
// violation. The registry's own annotation decides which applies.
void code_registration(const subject& s) {
  const std::string code = code_text(s);
  if (const auto entry = find(s.res.code)) {
    std::string why;
    switch (entry->registration) {
      case registration_status::standard:
        return;
      case registration_status::deprecated:
        why = " is deprecated. Use a current code instead.";
        break;
      case registration_status::unused:
        why =
            " is reserved and unused in the IANA registry. Use a registered "
            "code with a defined meaning.";
        break;
      case registration_status::temporary:
        why = " has only a temporary IANA registration, which may expire.";
        break;
      case registration_status::obsoleted:
        why =
            " is obsoleted: its specification is Historic. Use a current code.";
        break;
      case registration_status::unassigned:
      case registration_status::unofficial:
        break;
    }
    if (why.empty()) return;
    s.add("code-registration", requirement::info, entry->reference,
          entry->reference_url, code + " " + std::string(entry->reason) + why);
    return;
  }
  const status fallback = *effective(s.res.code);
  const std::string treated = " Clients that do not know it treat it as " +
                              std::to_string(fallback.code) + " " +
                              std::string(fallback.reason) +
                              "; prefer a registered code.";
  const std::span<const status> vendors = find_unofficial(s.res.code);
  if (!vendors.empty()) {
    std::string who;
    for (const status& v : vendors) {
      if (!who.empty()) who += ", ";
      who += std::string(v.vendor) +
             (v.reason.empty() ? std::string(", with no reason phrase")
                               : "'s \"" + std::string(v.reason) + "\"");
    }
    s.add("code-registration", requirement::info, rfc9110_status_codes,
          code + " is not registered with IANA; it is unofficial (" + who +
              ")." + treated);
    return;
  }
  s.add("code-registration", requirement::info, rfc9110_status_codes,
        code + " is unassigned in the IANA registry." + treated);
}

// RFC 9112 Section 4: clients ignore the reason phrase, so a different one
// breaks nothing; it still misleads whoever reads the logs.
// A proxy's answer to CONNECT says "Connection established" by custom, and
// is not held to the registry's "OK".
// HTTP-version = "HTTP/" DIGIT "." DIGIT (RFC 9112 Section 2.3); the
// reader takes any digits, so that "HTTP/1" or "HTTP/1.10" is judged, not
// dropped. curl prints HTTP/2 and HTTP/3 responses as "HTTP/2" and
// "HTTP/3", which pass.
void http_version(const subject& s) {
  const std::string_view v = s.res.version;
  if (is_http_version(v)) return;
  // curl writes these status lines itself; no server sends one on an
  // HTTP/1.1 connection.
  if (!s.req.from_the_wire && (v == "HTTP/2" || v == "HTTP/3")) return;
  s.add("http-version-syntax", requirement::must, rfc9112_version,
        "The status line's version " + quoted(v) +
            " is not HTTP/ and a digit, a dot and a digit: " +
            verdict(requirement::must, rfc9112_version.section) +
            ". Send HTTP/1.1 (or HTTP/1.0).");
}

// status-line = HTTP-version SP status-code SP [ reason-phrase ]: the
// second space is there even when no phrase follows (RFC 9112 Section 4).
// curl writes HTTP/2's and HTTP/3's status lines itself, without it.
void status_line_space(const subject& s) {
  if (s.res.space_after_code || !is_http_version(s.res.version)) return;
  s.add("status-line-syntax", requirement::must, rfc9112_reason,
        "The status line \"" + s.res.version + " " + code_text(s) +
            "\" ends without a space after the code: " +
            verdict(requirement::must, rfc9112_reason.section) + ". Send \"" +
            s.res.version + " " + code_text(s) +
            " \", or a reason phrase after the space.");
}

void reason_phrase(const subject& s) {
  // reason-phrase = 1*( HTAB / SP / VCHAR / obs-text ), the characters of
  // a field value: a control character breaks the status line's grammar,
  // which a sender MUST NOT do (RFC 9110 Section 2.2); clients may refuse
  // the response.
  const auto control = std::find_if(
      s.res.reason.begin(), s.res.reason.end(), is_field_value_control);
  if (control != s.res.reason.end()) {
    s.add("reason-phrase-syntax", requirement::must, rfc9112_reason,
          "The reason phrase contains the control character " +
              hex_byte(*control) + ": " +
              verdict(requirement::must, rfc9112_reason.section) +
              ". Send only visible characters, spaces and tabs.");
    return;
  }
  if (is_success(s.res.code) && s.req.method == "CONNECT") return;
  const auto entry = find(s.res.code);
  if (!entry || entry->reason.empty() || s.res.reason.empty()) return;
  if (iequals(trim(s.res.reason), entry->reason)) return;
  s.add("reason-phrase", requirement::info, rfc9112_reason,
        "Reason phrase " + quoted(s.res.reason) +
            " differs from the registry's \"" + std::string(entry->reason) +
            "\" for " + code_text(s) + ". Clients ignore it, but \"" +
            std::string(entry->reason) +
            "\" tells people reading logs what happened.");
}

// RFC 9110 Section 7.8: a sender of Upgrade MUST also send Connection with
// the "upgrade" option, so that an intermediary, which removes the fields
// Connection names, does not pass Upgrade on to a hop that never offered
// it. A 101 and a 426 require Upgrade, so this is their rule too.
void upgrade_connection(const subject& s) {
  bool upgrade = false;
  each(s, "Upgrade", [&](std::string_view v) {
    if (!trim(v).empty()) upgrade = true;
  });
  if (!upgrade) return;
  bool named = false;
  each(s, "Connection", [&](std::string_view list) {
    for_each_list_element(list, [&](std::string_view option) {
      if (iequals(option, "upgrade")) named = true;
    });
  });
  if (named) return;
  s.add("upgrade-connection", requirement::must, rfc9110_upgrade,
        "Upgrade is sent without \"upgrade\" in Connection: " +
            verdict(requirement::must, rfc9110_upgrade.section) +
            ". Add \"Connection: upgrade\" (beside keep-alive or close, if "
            "sent), so that a proxy drops Upgrade rather than pass it on.");
}

// A server MUST NOT switch to a protocol that the request's Upgrade did not
// offer (RFC 9110 Section 7.8). A protocol is a name and an optional
// "/version"; names compare case-insensitively, as WebSocket's must (RFC
// 6455 Section 4.1), and an offer without a version takes any.
void upgrade_offered(const subject& s) {
  if (s.res.code != 101) return;
  std::vector<std::string_view> offered;
  for (const field& f : s.req.headers)
    if (iequals(f.name, "Upgrade"))
      for_each_list_element(f.value,
                            [&](std::string_view p) { offered.push_back(p); });
  const auto was_offered = [&](std::string_view chosen) {
    const std::string_view name = chosen.substr(0, chosen.find('/'));
    return std::any_of(offered.begin(), offered.end(),
                       [&](std::string_view offer) {
                         return iequals(offer, chosen) ||
                                (offer.find('/') == std::string_view::npos &&
                                 iequals(offer, name));
                       });
  };
  if (offered.empty()) {
    // From curl's transcript the request is unknown unless -r named it.
    if (!s.req.from_the_wire) return;
    s.add("upgrade-not-offered", requirement::must, rfc9110_upgrade,
          "101 Switching Protocols to a request without Upgrade: " +
              verdict(requirement::must, rfc9110_upgrade.section, "MUST NOT") +
              ". Switch only to a protocol the request offers; answer this "
              "one in HTTP.");
    return;
  }
  each(s, "Upgrade", [&](std::string_view list) {
    for_each_list_element(list, [&](std::string_view chosen) {
      if (was_offered(chosen)) return;
      s.add(
          "upgrade-not-offered", requirement::must, rfc9110_upgrade,
          "101 switches to \"" + std::string(chosen) +
              "\", which the request's Upgrade did not offer: " +
              verdict(requirement::must, rfc9110_upgrade.section, "MUST NOT") +
              ". Switch only to a protocol the request offers.");
    });
  });
}

// --- required header fields (the registry's `headers` rows) -------------

// Whether a requirement's condition can be judged from the response alone.
// Conditions that start with "if" name a circumstance the response cannot
// show ("if a 200 would have had it", "if the condition is temporary"), so
// a missing field is reported as info with the condition quoted. Others
// describe the field's form and always apply, except the two kinds of 206
// (a multipart/byteranges one carries Content-Range in each part instead
// of its header, "single part", and only it has that Content-Type) and a
// 415's Accept-Patch, which is for an answer to a PATCH.
enum class applicability { applies, unknown, not_applicable };

constexpr std::string_view single_part = "single part";
constexpr std::string_view multiple_parts =
    "multipart/byteranges, for multiple parts";
// A 415's Accept-Patch (RFC 5789 Section 2.2) is for a PATCH, which the
// request tells: `--method PATCH`, or check's own request.
constexpr std::string_view to_a_patch =
    "to a PATCH whose patch format is not supported";

// Whether the response is a multipart/byteranges one. Type and subtype
// are case-insensitive (RFC 9110 Section 8.3.1), so
// "Multipart/Byteranges; boundary=B" is one too; parameters aside.
bool is_multipart_byteranges(const subject& s) {
  const auto type = s.get("Content-Type");
  return type && iequals(trim(type->substr(0, type->find(';'))),
                         "multipart/byteranges");
}

applicability applies(const subject& s, const header_requirement& h) {
  const std::string_view c = h.condition;
  if (c.empty()) return applicability::applies;
  if (c.substr(0, 3) == "if ") return applicability::unknown;
  if (c == single_part && is_multipart_byteranges(s))
    return applicability::not_applicable;
  if (c == multiple_parts && !is_multipart_byteranges(s))
    return applicability::not_applicable;
  if (c == to_a_patch && s.req.method != "PATCH")
    return applicability::not_applicable;
  return applicability::applies;
}

// Whether a required field is there with a value that can meet the
// requirement. A blank value says nothing for most: a 401's
// WWW-Authenticate and a 407's Proxy-Authenticate need at least one
// challenge (RFC 9110 Sections 11.6.1 and 11.7.1), Upgrade a protocol.
// Allow is the exception: an empty list says that no method is allowed
// (Section 10.2.1). Retry-After and Content-Range have syntax rules that
// report a blank value as a MUST already, so it counts here; a blank
// Location is a valid reference to the request's own URI, which the
// location-empty rule points out. A list of empty elements (",, ,") is
// as blank: RFC 9110 Section 5.6.1 has recipients ignore them, which
// leaves no challenge.
enum class presence { absent, blank, present };

presence find_required(const subject& s, std::string_view name) {
  constexpr std::string_view blank_is_a_value[] = {
      "Allow", "Location", "Retry-After", "Content-Range"};
  const bool blank_counts =
      std::any_of(std::begin(blank_is_a_value), std::end(blank_is_a_value),
                  [&](std::string_view f) { return iequals(f, name); });
  presence found = presence::absent;
  for (const field& f : s.res.fields) {
    if (!iequals(f.name, name)) continue;
    bool has_element = false;
    for_each_list_element(f.value,
                          [&](std::string_view) { has_element = true; });
    if (blank_counts || has_element) return presence::present;
    found = presence::blank;
  }
  return found;
}

// Rows under the same "if" condition of the same section are judged as
// one: RFC 9110 Sections 15.3.7 and 15.4.5 ask a 206 or a 304 for five
// fields (Date aside) "if a 200 would have had them", and most 200s have
// only some. A response that carries one of them shows that its server
// passes on what its 200 had, and the rest were likely never there: no
// finding, or every conforming 304 (nginx's has only ETag) would draw one.
// A response that carries none is worth one info finding naming them all.
// A group of one row ("if the condition is temporary") is that field.
struct conditional_group {
  const header_requirement* row;  // the first; level, condition, section
  std::vector<std::string> missing;
  bool is_blank = false;     // the sole missing field is there but empty
  bool carries_one = false;  // some field of the group is present
};

std::string listed(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " or " : ", ";
    out += names[i];
  }
  return out;
}

void add_conditional(const subject& s, const std::string& code,
                     const conditional_group& g) {
  if (g.carries_one || g.missing.empty()) return;
  const header_requirement& h = *g.row;
  const std::string level(to_string(h.level));
  std::string message;
  if (g.missing.size() == 1) {
    const std::string& field = g.missing.front();
    message = code + (g.is_blank ? " with an empty " : " without ") + field +
              ": " + short_section(h.section) + " requires it (" + level +
              ") " + std::string(h.condition) + ". " +
              (g.is_blank ? "Send " : "Add ") + a_or_an(field) + " header" +
              std::string(field_advice(field)) + " if that applies.";
  } else {
    message = code + " without any of " + listed(g.missing) + ": " +
              short_section(h.section) + " requires each (" + level + ") " +
              std::string(h.condition) + ". Add each one that applies.";
  }
  s.add("required-header", requirement::info, h.section, h.url,
        std::move(message));
}

void required_header(const subject& s) {
  if (!s.rules) return;
  // A sole vendor's row carries that vendor's rules (449 needs
  // Ms-Echo-Request); otherwise the governing registered row does.
  const status row = s.entry ? *s.entry : *s.rules;
  const std::string code = code_text(s);
  std::vector<conditional_group> groups;
  for (const header_requirement& h : row.headers) {
    if (h.field.empty() || h.level == requirement::info) continue;
    // Date is judged for every code by the date-missing rule (RFC 9110
    // Section 6.6.1), and Connection by upgrade-connection, which reads
    // its "upgrade" option; each is at least as strict, and one finding
    // is enough.
    if (iequals(h.field, "Date") || iequals(h.field, "Connection")) continue;
    const applicability a = applies(s, h);
    if (a == applicability::not_applicable) continue;
    const presence p = find_required(s, h.field);
    const std::string field(h.field);
    const bool blank = p == presence::blank;
    if (a == applicability::unknown) {
      const auto same = [&](const conditional_group& g) {
        return g.row->level == h.level && g.row->condition == h.condition &&
               g.row->section == h.section;
      };
      auto g = std::find_if(groups.begin(), groups.end(), same);
      if (g == groups.end()) g = groups.insert(groups.end(), {&h, {}});
      if (p == presence::present) {
        g->carries_one = true;
      } else {
        g->is_blank = g->missing.empty() && blank;
        g->missing.push_back(field);
      }
      continue;
    }
    if (p == presence::present) continue;
    std::string message =
        code + (blank ? " with an empty " : " without ") + field + ": ";
    const std::string add = blank ? "Send " : "Add ";
    if (h.level == requirement::may) {
      message += verdict(h.level, h.section) +
                 (blank ? ". Consider sending " : ". Consider adding ") +
                 a_or_an(field) + " header" + std::string(field_advice(field)) +
                 ".";
    } else {
      message += verdict(h.level, h.section) + ". " + add + a_or_an(field) +
                 " header" + std::string(field_advice(field));
      if (!h.condition.empty())
        message += " (" + std::string(h.condition) + ")";
      message += ".";
    }
    s.add("required-header", h.level, h.section, h.url, std::move(message));
  }
  for (const conditional_group& g : groups) add_conditional(s, code, g);
}

// A multipart 206 says each part's range in that part's own header; a
// Content-Range in the message's header section would claim one range for
// all of them (RFC 9110 Section 15.3.7.2).
void multipart_content_range(const subject& s) {
  if (s.res.code != 206 || !is_multipart_byteranges(s) ||
      !s.get("Content-Range"))
    return;
  s.add("multipart-content-range", requirement::must, rfc9110_multiple_parts,
        "206 multipart/byteranges with Content-Range in its header section: " +
            verdict(requirement::must, rfc9110_multiple_parts.section,
                    "MUST NOT") +
            ". Send a Content-Range in each part's header instead.");
}

// The `boundary` parameter of a multipart Content-Type, unquoted; empty
// when there is none. Parameter names are case-insensitive (RFC 9110
// Section 5.6.6).
std::string_view boundary_of(std::string_view content_type) {
  std::string_view rest = content_type;
  for (std::size_t semi = rest.find(';'); semi != std::string_view::npos;
       semi = rest.find(';')) {
    rest.remove_prefix(semi + 1);
    const std::string_view parameter = trim(rest.substr(0, rest.find(';')));
    const std::size_t eq = parameter.find('=');
    if (eq == std::string_view::npos ||
        !iequals(trim(parameter.substr(0, eq)), "boundary"))
      continue;
    std::string_view value = trim(parameter.substr(eq + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
      value = value.substr(1, value.size() - 2);
    return value;
  }
  return {};
}

// The header section of each body part of a multipart content, in order
// (RFC 2046 Section 5.1.1): the text after each delimiter line up to its
// blank line, until the close delimiter. A delimiter starts a line; lines
// may end in CRLF or, in a transcript, LF.
std::vector<std::string_view> part_headers(std::string_view body,
                                           std::string_view boundary) {
  const std::string delimiter = "--" + std::string(boundary);
  std::vector<std::string_view> parts;
  std::size_t at = body.starts_with(delimiter) ? 0 : std::string_view::npos;
  if (at == std::string_view::npos) {
    const std::size_t found = body.find("\n" + delimiter);
    if (found != std::string_view::npos) at = found + 1;
  }
  while (at != std::string_view::npos) {
    std::string_view rest = body.substr(at + delimiter.size());
    if (rest.starts_with("--")) break;  // the close delimiter
    const std::size_t line_end = rest.find('\n');
    if (line_end == std::string_view::npos) break;
    rest.remove_prefix(line_end + 1);
    std::size_t header_end = rest.find("\r\n\r\n");
    const std::size_t bare = rest.find("\n\n");
    if (bare < header_end) header_end = bare;
    if (rest.starts_with("\r\n") || rest.starts_with('\n')) header_end = 0;
    parts.push_back(rest.substr(0, header_end));
    const std::size_t next = rest.find("\n" + delimiter);
    if (next == std::string_view::npos) break;
    at = static_cast<std::size_t>(rest.data() - body.data()) + next + 1;
  }
  return parts;
}

// A multipart 206 is read part by part: the boundary the media type
// requires (RFC 9110 Section 14.6) must be there to find the parts, and
// each part's header MUST carry the Content-Range of the bytes it holds
// (Section 15.3.7.2), or a client cannot place them. Judged on content
// that is shown whole and not content-coded.
void byteranges_parts(const subject& s) {
  if (s.res.code != 206 || !is_multipart_byteranges(s) || !s.has_content() ||
      s.res.body_truncated || s.get("Content-Encoding"))
    return;
  const std::string_view boundary = boundary_of(*s.get("Content-Type"));
  if (boundary.empty()) {
    s.add("byteranges-parts", requirement::must, rfc9110_byteranges,
          "206 multipart/byteranges without a boundary parameter: the media "
          "type requires one (" +
              short_section(rfc9110_byteranges.section) +
              "), and without it the parts cannot be told apart.");
    return;
  }
  const std::vector<std::string_view> parts =
      part_headers(s.res.body, boundary);
  if (parts.empty()) {
    s.add("byteranges-parts", requirement::must, rfc9110_multiple_parts,
          "206 multipart/byteranges whose content has no part delimited by "
          "\"--" +
              std::string(boundary) + "\": each range comes as a part (" +
              short_section(rfc9110_multiple_parts.section) + ").");
    return;
  }
  std::vector<std::string> without;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    bool has_range = false;
    std::string_view lines = parts[i];
    while (!lines.empty() && !has_range) {
      const std::size_t end = lines.find('\n');
      std::string_view line = lines.substr(0, end);
      // Parts are CRLF-delimited (RFC 2046 Section 5.1.1); the CR is not
      // part of the field value.
      if (line.ends_with('\r')) line.remove_suffix(1);
      const std::size_t colon = line.find(':');
      has_range = colon != std::string_view::npos &&
                  iequals(trim(line.substr(0, colon)), "Content-Range") &&
                  parse_content_range(trim(line.substr(colon + 1))).has_value();
      lines.remove_prefix(end == std::string_view::npos ? lines.size()
                                                        : end + 1);
    }
    if (!has_range) without.push_back(std::to_string(i + 1));
  }
  if (without.empty()) return;
  std::string which;
  for (const std::string& n : without) which += (which.empty() ? "" : ", ") + n;
  s.add("byteranges-parts", requirement::must, rfc9110_multiple_parts,
        "206 multipart/byteranges with " +
            std::string(without.size() == 1 ? "part " : "parts ") + which +
            " of " + std::to_string(parts.size()) +
            " lacking a valid Content-Range in the part's header: " +
            verdict(requirement::must, rfc9110_multiple_parts.section) +
            ". Each part says which bytes it holds, e.g. \"Content-Range: "
            "bytes 0-4/46\".");
}

// --- content and framing ------------------------------------------------

// The body rule is the registry's: `none` for 1xx, 204 and 304 (the message
// ends with its header section, RFC 9112 Section 6.3), `empty` for 205.
// The section cited is the code's own definition, where the spec says so.
void body_allowed(const subject& s) {
  if (!s.rules) return;
  const std::string code = code_text(s);
  // A 205 shown without its content (HEAD, curl -I) still says how much it
  // has: "Content-Length: 5" announces the 5 bytes it MUST NOT send. (A
  // 304's length may be the 200's; a 204's is content-length-forbidden.)
  if (s.rules->body == body_rule::empty && !s.res.body_present) {
    const std::optional<std::string_view> length = s.get("Content-Length");
    std::uint64_t n = 0;
    const std::string_view v = length ? trim(*length) : std::string_view();
    const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
    if (length && ec == std::errc{} && end == v.data() + v.size() && n > 0)
      s.add("body-not-allowed", requirement::must, s.rules->reference,
            s.rules->reference_url,
            code + " with Content-Length: " + std::string(v) +
                ", content that was not shown: " +
                verdict(requirement::must, s.rules->reference, "MUST NOT") +
                ". Send no content with " + code +
                "; frame it with Content-Length: 0.");
  }
  if (!s.has_content()) return;
  const std::string size = std::to_string(s.res.body_size) +
                           (s.res.body_size == 1 ? " byte" : " bytes");
  if (s.rules->body == body_rule::none || s.rules->body == body_rule::empty) {
    s.add("body-not-allowed", requirement::must, s.rules->reference,
          s.rules->reference_url,
          code + " with " + size + " of content: " +
              verdict(requirement::must, s.rules->reference, "MUST NOT") +
              ". Send no content with " + code +
              (s.rules->body == body_rule::empty
                   ? "; frame it with Content-Length: 0."
                   : "."));
  }
  // Methods are case-sensitive (RFC 9110 Section 9.1): "head" is not HEAD,
  // and `check -X head` reads the content as for a GET.
  if (s.req.method == "HEAD") {
    s.add("head-body", requirement::must, rfc9110_head,
          "Response to HEAD with " + size + " of content: " +
              verdict(requirement::must, rfc9110_head.section, "MUST NOT") +
              ". Send the headers a GET would get, but no content.");
  }
}

// RFC 9110 Section 8.6 and RFC 9112 Section 6.1 name 1xx and 204 (not
// 304, which may carry the length a 200 would have had), and any 2xx to
// CONNECT: the connection becomes a tunnel after its header section, so
// there is no content to frame (RFC 9110 Section 9.3.6).
void framing_forbidden(const subject& s) {
  const bool tunnel = is_success(s.res.code) && s.req.method == "CONNECT";
  if (!is_informational(s.res.code) && s.res.code != 204 && !tunnel) return;
  const std::string code = code_text(s) + (tunnel ? " to CONNECT" : "");
  const std::string responses =
      tunnel ? "2xx responses to CONNECT" : code_text(s) + " responses";
  if (s.get("Content-Length"))
    s.add("content-length-forbidden", requirement::must, rfc9110_content_length,
          code + " with Content-Length: " +
              verdict(requirement::must, rfc9110_content_length.section,
                      "MUST NOT") +
              ". Remove Content-Length from " + responses + ".");
  if (s.get("Transfer-Encoding"))
    s.add("transfer-encoding-forbidden", requirement::must,
          rfc9112_transfer_encoding,
          code + " with Transfer-Encoding: " +
              verdict(requirement::must, rfc9112_transfer_encoding.section,
                      "MUST NOT") +
              ". Remove Transfer-Encoding from " + responses + ".");
}

// Every Content-Length must be digits, and all of them the same number;
// next to Transfer-Encoding it must not be sent at all: a recipient that
// picks the other one reads a different message (request smuggling). That
// sender's MUST NOT is in RFC 9112 Section 6.2 (Content-Length); Section
// 6.1 only says how a recipient resolves the conflict.
void framing_conflict(const subject& s) {
  std::optional<std::uint64_t> length;
  bool differ = false;
  for (const field& f : s.res.fields) {
    if (!iequals(f.name, "Content-Length")) continue;
    const std::string_view v = trim(f.value);
    std::uint64_t n = 0;
    const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
    // 1*DIGIT beyond 2^64 - 1 is valid grammar, only more bytes than any
    // recipient can count: RFC 9110 Section 8.6 asks recipients to guard
    // against such numbers, and most refuse the message.
    if (ec == std::errc::result_out_of_range && end == v.data() + v.size()) {
      s.add("content-length-size", requirement::info, rfc9110_content_length,
            "Content-Length " + quoted(v) +
                " is a number of bytes, but beyond 2^64 - 1 (16 EiB), "
                "more than any recipient can count (" +
                short_section(rfc9110_content_length.section) +
                "): most will refuse the message. Send the content's real "
                "length.");
      continue;
    }
    if (v.empty() || ec != std::errc{} || end != v.data() + v.size()) {
      s.add("content-length-syntax", requirement::must, rfc9110_content_length,
            "Content-Length " + quoted(f.value) +
                " is not a number of bytes: it " +
                grammar_verdict(rfc9110_content_length) +
                ". Send one decimal number.");
      return;
    }
    if (length && *length != n) differ = true;
    length = n;
  }
  if (differ)
    s.add("content-length-syntax", requirement::must, rfc9110_content_length,
          "Several Content-Length fields with different values: together "
          "they " +
              grammar_verdict(rfc9110_content_length) +
              ". Send exactly one Content-Length.");
  if (length && s.get("Transfer-Encoding"))
    s.add("framing-conflict", requirement::must, rfc9112_content_length,
          "Content-Length together with Transfer-Encoding: " +
              verdict(requirement::must, rfc9112_content_length.section,
                      "MUST NOT") +
              ". Drop Content-Length when the content is chunked.");
}

// A single valid Content-Length frames the content (RFC 9112 Section 6.3):
// a recipient that gets fewer bytes MUST consider the message incomplete,
// and bytes beyond it are read as the start of the next response on the
// connection. Judged where the content is shown whole, as sent: not for
// HEAD, a tunnel, or a code that may have no content (body-not-allowed
// judges those), chunked content or a coded one
// (`curl --compressed` prints it decoded). Line ends that an editor or a
// terminal rewrote (CRLF to LF, or back) are not held against the server.
void content_length_matches(const subject& s) {
  if (!s.res.body_present || s.res.body_truncated || s.res.tunnel ||
      s.req.method == "HEAD" ||
      (s.rules && s.rules->body != body_rule::allowed) ||
      s.get("Transfer-Encoding") || s.get("Content-Encoding"))
    return;
  std::optional<std::uint64_t> announced;
  for (const field& f : s.res.fields) {
    if (!iequals(f.name, "Content-Length")) continue;
    const std::string_view v = trim(f.value);
    std::uint64_t n = 0;
    const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
    // Malformed or differing values are content-length-syntax's finding.
    if (ec != std::errc{} || end != v.data() + v.size() ||
        (announced && *announced != n))
      return;
    announced = n;
  }
  const std::uint64_t shown = s.res.body_size;
  if (!announced || *announced == shown) return;
  const std::string_view body = s.res.body;
  const auto line_feeds =
      static_cast<std::uint64_t>(std::count(body.begin(), body.end(), '\n'));
  std::uint64_t crlfs = 0;
  for (std::size_t at = body.find("\r\n"); at != std::string_view::npos;
       at = body.find("\r\n", at + 2))
    ++crlfs;
  const std::uint64_t bare_lfs = line_feeds - crlfs;
  if (*announced == shown + bare_lfs || *announced == shown - crlfs) return;
  const std::string want = std::to_string(*announced);
  const std::string got = std::to_string(shown);
  if (shown < *announced)
    s.add("content-length-mismatch", requirement::must, rfc9112_body_length,
          "Content-Length announces " + want +
              " bytes, but the content ends after " + got +
              ": a recipient MUST consider the message incomplete (" +
              short_section(rfc9112_body_length.section) +
              ") and close the connection. Send the content's real length, "
              "and check that the server does not stop writing early.");
  else
    s.add("content-length-mismatch", requirement::must, rfc9112_body_length,
          "Content-Length announces " + want + " bytes, but " + got +
              " follow the header section: Content-Length frames the "
              "message (" +
              short_section(rfc9112_body_length.section) +
              "), so a recipient reads the other " +
              std::to_string(shown - *announced) +
              " as the start of the next response. Send the content's "
              "real length.");
}

// --- field syntax -------------------------------------------------------

void field_lines(const subject& s) {
  const auto check_lines = [&](const std::vector<std::string>& lines,
                               std::string_view kind) {
    for (const std::string& line : lines)
      s.add("field-syntax", requirement::must, rfc9112_field_syntax,
            std::string(kind) + " line " + quoted(line) +
                " is not \"Name: value\": " +
                verdict(requirement::must, rfc9112_field_syntax.section) +
                ". Write a token, a colon right after it, then the value.");
  };
  check_lines(s.res.malformed_lines, "Header");
  check_lines(s.res.malformed_trailer_lines, "Trailer");
  // A field value is visible characters, spaces and tabs (and obs-text);
  // a NUL, a bare CR or another control character is what request
  // smuggling and header injection are made of, and recipients may reject
  // the message or replace it with a space.
  const auto check_values = [&](const std::vector<field>& fields,
                                std::string_view kind) {
    for (const field& f : fields) {
      const auto control = std::find_if(f.value.begin(), f.value.end(),
                                        is_field_value_control);
      if (control == f.value.end()) continue;
      s.add("field-value-characters", requirement::must, rfc9110_field_values,
            "The value of " + std::string(kind) + f.name +
                " contains the control character " + hex_byte(*control) +
                ", so it " + grammar_verdict(rfc9110_field_values) +
                ". Send only visible characters, spaces and tabs.");
    }
  };
  check_values(s.res.fields, "");
  check_values(s.res.trailer_fields, "the trailer field ");
  if (s.res.obs_fold)
    s.add("obsolete-line-folding", requirement::must, rfc9112_obs_fold,
          "A header value is folded onto a continuation line: " +
              verdict(requirement::must, rfc9112_obs_fold.section, "MUST NOT") +
              ". Put each field value on one line.");
}

// The fields of a response whose grammar in RFC 9110 and RFC 9111 is one
// value, not a list: a sender MUST NOT send one of them on two lines
// (RFC 9110 Section 5.3), which a recipient would join into "a, b", a value
// their grammar does not allow; which line wins differs between clients
// (`check -L` follows the first Location). Set-Cookie, which the RFC
// exempts from that rule, is not among them. Server is products and
// comments, not a list; Access-Control-Allow-Origin (the Fetch standard)
// is one origin, and a browser fails the CORS check of a response that
// repeats it.
constexpr std::string_view singleton_fields[] = {"Access-Control-Allow-Origin",
                                                 "Age",
                                                 "Content-Length",
                                                 "Content-Location",
                                                 "Content-Range",
                                                 "Content-Type",
                                                 "Date",
                                                 "ETag",
                                                 "Expires",
                                                 "Last-Modified",
                                                 "Location",
                                                 "Retry-After",
                                                 "Server"};

void repeated_fields(const subject& s) {
  for (const std::string_view name : singleton_fields) {
    std::size_t lines = 0;
    bool same = true;
    const field* first = nullptr;
    for (const field& f : s.res.fields) {
      if (!iequals(f.name, name)) continue;
      ++lines;
      if (first == nullptr)
        first = &f;
      else if (trim(f.value) != trim(first->value))
        same = false;
    }
    if (lines < 2) continue;
    // Content-Lengths that differ are content-length-syntax's finding.
    if (name == "Content-Length" && !same) continue;
    s.add("field-repeated", requirement::must, rfc9110_field_order,
          std::string(name) + " is sent on " + std::to_string(lines) +
              " lines" + (same ? " with the same value" : "") + ": " +
              verdict(requirement::must, rfc9110_field_order.section,
                      "MUST NOT") +
              ", since its value is one " + std::string(name) +
              ", not a list. Send it once.");
  }
}

// chunk = chunk-size [ chunk-ext ] CRLF chunk-data CRLF (RFC 9112 Section
// 7.1): the leniency of Section 2.2, a bare LF read as a line end, is for
// the start line and the fields. Judged only on bytes read from the wire:
// a transcript saved or pasted on Unix has bare LF throughout.
void chunk_line_ends(const subject& s) {
  if (!s.res.chunk_lines_bare_lf || !s.req.from_the_wire) return;
  s.add("chunk-line-ending", requirement::must, rfc9112_chunked,
        "The chunked framing ends its lines in bare LF, where the grammar of " +
            short_section(rfc9112_chunked.section) +
            " has CRLF: a recipient may read no chunk at all (Section 2.2 "
            "lets it accept a bare LF in the header only). End chunk lines "
            "with CRLF.");
}

// Transfer codings came with HTTP/1.1: a recipient of an HTTP/1.0
// message with Transfer-Encoding MUST treat its framing as faulty, even
// beside a Content-Length, and close the connection after it (RFC 9112
// Section 6.1), since an HTTP/1.0 hop may have passed the coding on
// without decoding it.
void transfer_encoding_in_http10(const subject& s) {
  if (s.res.version != "HTTP/1.0" || !s.get("Transfer-Encoding")) return;
  s.add("transfer-encoding-http10", requirement::must,
        rfc9112_transfer_encoding,
        "An HTTP/1.0 response with Transfer-Encoding: " +
            short_section(rfc9112_transfer_encoding.section) +
            " says a recipient MUST treat its framing as faulty, as HTTP/1.0 "
            "has no transfer codings. Send HTTP/1.1 in the status line, or "
            "frame the content with Content-Length.");
}

// RFC 9110 Section 6.5.1: a sender MUST NOT put a field in the trailer
// section unless its definition allows it there. These are the fields of
// the kinds that section names as needed before the content (framing,
// routing, authentication, response control, content format), none of
// which allows it: a recipient has already acted on the header without
// them, and most discard them.
constexpr std::string_view header_only_fields[] = {"Age",
                                                   "Cache-Control",
                                                   "Connection",
                                                   "Content-Encoding",
                                                   "Content-Length",
                                                   "Content-Range",
                                                   "Content-Type",
                                                   "Date",
                                                   "Expires",
                                                   "Host",
                                                   "Location",
                                                   "Proxy-Authenticate",
                                                   "Retry-After",
                                                   "Trailer",
                                                   "Transfer-Encoding",
                                                   "Upgrade",
                                                   "Vary",
                                                   "WWW-Authenticate"};

void trailer_fields_allowed(const subject& s) {
  for (const field& f : s.res.trailer_fields) {
    const bool header_only = std::any_of(
        std::begin(header_only_fields), std::end(header_only_fields),
        [&](std::string_view name) { return iequals(name, f.name); });
    if (!header_only) continue;
    s.add("trailer-field-not-allowed", requirement::must, rfc9110_trailer,
          f.name + " is sent in the trailer section: " +
              verdict(requirement::must, rfc9110_trailer.section, "MUST NOT") +
              " for a field whose definition does not allow it there, and a "
              "recipient needs this one before the content. Send it in the "
              "header section.");
  }
}

// A sender MUST NOT chunk a message twice (RFC 9112 Section 6.1): a
// recipient that decodes once reads the inner chunks' sizes as content.
// "chunked, chunked" on one line or two is the same list.
void chunked_twice(const subject& s) {
  std::size_t times = 0;
  each(s, "Transfer-Encoding", [&](std::string_view list) {
    for_each_list_element(list, [&](std::string_view coding) {
      if (iequals(trim(coding.substr(0, coding.find(';'))), "chunked"))
        ++times;
    });
  });
  if (times > 1)
    s.add("chunked-twice", requirement::must, rfc9112_transfer_encoding,
          "Transfer-Encoding applies chunked " + std::to_string(times) +
              " times: " +
              verdict(requirement::must, rfc9112_transfer_encoding.section,
                      "MUST NOT") +
              ". Chunk the content once.");
}

// Fields whose grammar is a list (RFC 9110 Section 5.6.1) of elements that
// hold no comma outside a quoted string, so that an empty element shows.
// Cache-Control has its own rule (cache-control-syntax); Link's URIs and
// Via's comments may hold commas of their own, so they are left out.
constexpr std::string_view list_fields[] = {"Accept-Patch",
                                            "Accept-Post",
                                            "Accept-Ranges",
                                            "Access-Control-Allow-Headers",
                                            "Access-Control-Allow-Methods",
                                            "Access-Control-Expose-Headers",
                                            "Allow",
                                            "Connection",
                                            "Content-Encoding",
                                            "Content-Language",
                                            "Proxy-Authenticate",
                                            "Trailer",
                                            "Transfer-Encoding",
                                            "Upgrade",
                                            "Vary",
                                            "WWW-Authenticate"};

// A sender MUST NOT generate an empty list element (RFC 9110 Section
// 5.6.1.1). A recipient ignores a few (Section 5.6.1.2), so the response
// works; but "Vary: Accept," is most often a list that lost a name on the
// way (a variable that came out empty), which is worth a look.
void list_elements(const subject& s) {
  for (const field& f : s.res.fields) {
    const bool is_list = std::any_of(
        std::begin(list_fields), std::end(list_fields),
        [&](std::string_view name) { return iequals(f.name, name); });
    if (!is_list || !has_empty_list_element(f.value)) continue;
    s.add("list-empty-element", requirement::must, rfc9110_lists,
          f.name + " " + quoted(f.value) + " has an empty list element: " +
              verdict(requirement::must, rfc9110_lists.section, "MUST NOT") +
              ". Recipients skip it, but it often stands where a value was "
              "meant. Remove the extra comma.");
  }
}

void value_syntax(const subject& s) {
  const auto bad = [&](std::string_view rule, std::string_view name,
                       std::string_view value, reference ref,
                       std::string_view fix) {
    s.add(rule, requirement::must, ref,
          std::string(name) + " " + quoted(value) + " " + grammar_verdict(ref) +
              ". " + std::string(fix));
  };
  each(s, "Retry-After", [&](std::string_view v) {
    if (!is_retry_after(v))
      bad("retry-after-syntax", "Retry-After", v, rfc9110_retry_after,
          "Send delay-seconds (\"120\") or an IMF-fixdate (\"Sun, 06 Nov "
          "1994 08:49:37 GMT\").");
  });
  // Date, Last-Modified and Expires are HTTP-dates. A recipient reads the
  // obsolete forms too (their grammar is HTTP-date); the MUST is the
  // sender's, Section 5.6.7: generate the IMF-fixdate.
  const auto http_date = [&](std::string_view rule, std::string_view name,
                             std::string_view consequence) {
    each(s, name, [&](std::string_view v) {
      if (is_imf_fixdate(trim(v))) return;
      s.add(rule, requirement::must, rfc9110_http_date,
            std::string(name) + " " + quoted(v) + " is not an IMF-fixdate: " +
                verdict(requirement::must, rfc9110_http_date.section) +
                ", the one form a sender generates" + std::string(consequence) +
                ". Send e.g. \"Sun, 06 Nov 1994 08:49:37 GMT\".");
    });
  };
  http_date("date-syntax", "Date", "");
  http_date("last-modified-syntax", "Last-Modified", "");
  // "Expires: 0" is the common case, and it works: a cache MUST read an
  // invalid Expires as a time in the past (RFC 9111 Section 5.3). Saying
  // so tells the sender what the value does and what says it validly.
  http_date("expires-syntax", "Expires",
            "; a cache reads an invalid Expires as already expired (" +
                short_section(rfc9111_expires.section) +
                "), so a past date says the same validly");
  // A cache that cannot read a directive ignores it (RFC 9111 Section
  // 5.2.3): "max-age=3600;" or "max-age=\"60\"" leaves the response to
  // heuristic freshness, which is not what its sender meant.
  each(s, "Cache-Control", [&](std::string_view v) {
    const std::optional<std::string_view> element = bad_cache_directive(v);
    if (!element) return;
    bad("cache-control-syntax", "Cache-Control", v, rfc9111_cache_control,
        element->empty()
            ? "Remove the empty list element: a sender MUST NOT generate "
              "one (" +
                  short_section(rfc9110_lists.section) + ")."
            : "The directive " + quoted(*element) +
                  " is not a token, optionally with \"=\" and a token or a "
                  "quoted string; max-age and s-maxage take whole seconds "
                  "unquoted. Send e.g. \"public, max-age=3600\".");
  });
  // A recipient that cannot parse Content-Type may take it as missing and
  // sniff the content (RFC 9110 Section 8.3), or, with nosniff, refuse it.
  each(s, "Content-Type", [&](std::string_view v) {
    if (!is_media_type(v))
      bad("content-type-syntax", "Content-Type", v, rfc9110_content_type,
          "Send type/subtype, then any parameters as \"; name=value\" with "
          "no space around \"=\", e.g. \"text/html; charset=utf-8\".");
  });
  each(s, "Age", [&](std::string_view v) {
    if (!is_delay_seconds(trim(v)))
      bad("age-syntax", "Age", v, rfc9111_age,
          "Send the age in whole seconds, e.g. \"Age: 30\".");
  });
  each(s, "ETag", [&](std::string_view v) {
    if (!parse_entity_tag(v))
      bad("etag-syntax", "ETag", v, rfc9110_etag,
          "Send the tag in double quotes, with no space or quote inside: "
          "ETag: \"v2\", or W/\"v2\" for a weak validator.");
  });
  // An empty Location is a valid URI-reference (RFC 3986 Section 4.1) that
  // points at the request's own URI: worth knowing (a client that follows
  // a 3xx to it asks again for what it just asked), not a MUST.
  each(s, "Location", [&](std::string_view v) {
    if (trim(v).empty()) {
      s.add("location-empty", requirement::info, rfc9110_location,
            "Location is empty: a valid URI-reference, but it points at the "
            "request's own URI" +
                std::string(is_redirection(s.res.code)
                                ? ", so a client that follows this " +
                                      code_text(s) +
                                      " asks for the same resource again"
                                : "") +
                " (" + short_section(rfc9110_location.section) +
                "). Send the URI the client should go to.");
      return;
    }
    if (!is_uri_reference(trim(v)))
      bad("location-syntax", "Location", v, rfc9110_location,
          "Send a URI-reference, with spaces and other unsafe characters "
          "percent-encoded.");
  });
  each(s, "Allow", [&](std::string_view v) {
    if (!is_token_list(v))
      bad("allow-syntax", "Allow", v, rfc9110_allow,
          "List method names separated by commas, e.g. \"GET, HEAD\".");
  });
  each(s, "Content-Range", [&](std::string_view v) {
    const std::optional<content_range> r = parse_content_range(v);
    if (!r) {
      bad("content-range-syntax", "Content-Range", v, rfc9110_content_range,
          "Send \"bytes first-last/length\" with first <= last < length, or "
          "\"bytes */length\" for an unsatisfiable range.");
      return;
    }
    // A 206 sends a part of the representation, so its range must be a
    // satisfied one; "*/length" belongs on a 416.
    if (s.res.code == 206 && iequals(r->unit, "bytes") && !r->first)
      bad("content-range-syntax", "Content-Range", v, rfc9110_content_range,
          "A 206 must say which bytes it carries, e.g. \"bytes 0-499/1234\".");
    // And a 416 carries none: it says how long the representation is, so
    // that the client can ask again for bytes that exist.
    if (s.res.code == 416 && iequals(r->unit, "bytes") && r->first)
      s.add("content-range-syntax", requirement::should, rfc9110_content_range,
            "416 with Content-Range " + quoted(v) +
                ", a range of bytes it does not carry: " +
                verdict(requirement::should, rfc9110_content_range.section) +
                ", which asks a 416 to a byte-range request for an "
                "unsatisfied range. Send \"bytes */" +
                (r->length ? std::to_string(*r->length) : "length") +
                "\", with the representation's current length.");
  });
}

// --- Date, Content-Type, Vary -------------------------------------------

// An origin server with a clock MUST send Date in 2xx, 3xx and 4xx
// responses and MAY in 1xx and 5xx (RFC 9110 Section 6.6.1). A 2xx to
// CONNECT comes from the proxy that opens the tunnel, not from an origin
// server, so that MUST is not its.
void date_missing(const subject& s) {
  if (s.res.code < 200 || s.res.code > 499 || s.get("Date")) return;
  // RFC 9110 Section 6.6.1 binds origin servers: a proxy's answer to
  // CONNECT and its 407 are not theirs.
  if (is_success(s.res.code) && s.req.method == "CONNECT") return;
  if (s.res.code == 407) return;
  s.add("date-missing", requirement::must, rfc9110_date,
        code_text(s) + " without Date: " +
            verdict(requirement::must, rfc9110_date.section) +
            " for an origin server with a clock. Add a Date header with the "
            "current time as an IMF-fixdate.");
}

void content_type_missing(const subject& s) {
  if (s.get("Content-Type")) return;
  if (s.rules && s.rules->body != body_rule::allowed) return;
  // Content that was not shown (HEAD, curl -I) still has a type; the
  // Content-Length says whether there is any.
  bool content = s.has_content();
  if (!s.res.body_present) {
    const auto cl = s.get("Content-Length");
    content = cl && trim(*cl) != "0";
  }
  if (!content) return;
  s.add("content-type-missing", requirement::should, rfc9110_content_type,
        code_text(s) + " with content but without Content-Type: " +
            verdict(requirement::should, rfc9110_content_type.section) +
            ". Add a Content-Type header, e.g. \"text/html; charset=utf-8\".");
}

// A compressed response that a cache may hand to a client that cannot
// decompress it. Only when the request offered encodings do we know the
// choice was negotiated, so only then is it a SHOULD (RFC 9110 12.5.5).
void vary_missing(const subject& s) {
  const auto encoding = s.get("Content-Encoding");
  if (!encoding || iequals(trim(*encoding), "identity")) return;
  bool varies = false;
  each(s, "Vary", [&](std::string_view v) {
    for_each_list_element(v, [&](std::string_view item) {
      if (iequals(item, "Accept-Encoding") || item == "*") varies = true;
    });
  });
  if (varies) return;
  const bool negotiated = header(s.req.headers, "Accept-Encoding").has_value();
  const requirement r = negotiated ? requirement::should : requirement::info;
  s.add("vary-missing", r, rfc9110_vary,
        quoted("Content-Encoding: " + std::string(trim(*encoding))) +
            " without Vary: Accept-Encoding: " +
            (negotiated ? verdict(r, rfc9110_vary.section)
                        : "caches may serve it to clients that cannot decode "
                          "it (" +
                              short_section(rfc9110_vary.section) + ")") +
            ". Add \"Vary: Accept-Encoding\" if the encoding depends on the "
            "request.");
}

// --- caching ------------------------------------------------------------

// 428, 429, 431 and 511 MUST NOT be stored by a cache (the registry's
// `never_stored`, from RFC 6585). That MUST binds caches, not the origin,
// so nothing here is a MUST: a response that invites storing anyway, with
// explicit freshness (max-age, s-maxage, Expires) or `public`, tells
// caches the opposite of what the spec lets them do, which is worth a
// SHOULD. `no-store` outweighs any of those; `private`, `no-cache` and
// other directives invite nothing, and leave the response unstored.
//
// A 1xx is never stored either (RFC 9111 Section 3), but only because it is
// not final: no cache weighs its fields, so they invite nothing.
void never_stored(const subject& s) {
  if (!s.entry || s.entry->cache != cacheability::never_stored ||
      s.entry->code < 200)
    return;
  bool no_store = false;
  std::string invitation;
  each(s, "Cache-Control", [&](std::string_view cc) {
    for_each_list_element(cc, [&](std::string_view item) {
      const std::string_view name = trim(item.substr(0, item.find('=')));
      if (iequals(name, "no-store")) no_store = true;
      if (invitation.empty() &&
          (iequals(name, "max-age") || iequals(name, "s-maxage") ||
           iequals(name, "public")))
        invitation = quoted("Cache-Control: " + std::string(trim(cc)));
    });
  });
  if (no_store) return;
  if (invitation.empty()) {
    if (const auto expires = s.get("Expires"))
      invitation = quoted("Expires: " + std::string(trim(*expires)));
  }
  if (invitation.empty()) return;
  const std::string code = code_text(s);
  s.add("never-stored", requirement::should, s.entry->reference,
        s.entry->reference_url,
        code + " with " + invitation + " invites caches to store it, but " +
            short_section(s.entry->reference) +
            " says caches MUST NOT store a " + code +
            ". Send \"Cache-Control: no-store\" instead, or no caching "
            "headers at all.");
}

// A response of a thousand bad header lines drew a thousand findings (and
// 1 MB of bad lines, 45 MB of output): past the first few of a rule, more
// of the same says nothing new. They are kept in rule order and counted in
// one last finding of the rule.
constexpr std::size_t shown_per_rule = 5;

void collapse_repeats(std::vector<finding>& out) {
  std::vector<finding> kept;
  std::vector<std::pair<std::string_view, std::size_t>> counts;
  for (finding& f : out) {
    auto it = std::find_if(counts.begin(), counts.end(),
                           [&](const auto& c) { return c.first == f.rule; });
    if (it == counts.end()) it = counts.insert(counts.end(), {f.rule, 0});
    if (++it->second <= shown_per_rule) kept.push_back(std::move(f));
  }
  // Not a structured binding: Clang 14 (the fuzzing build) cannot capture
  // one in a lambda.
  for (const auto& entry : counts) {
    const std::string_view rule = entry.first;
    const std::size_t count = entry.second;
    if (count <= shown_per_rule) continue;
    const auto last =
        std::find_if(kept.rbegin(), kept.rend(),
                     [&](const finding& f) { return f.rule == rule; });
    finding more = *last;
    more.message = std::to_string(count - shown_per_rule) + " more " +
                   std::string(rule) +
                   " findings like the ones above are not shown (" +
                   std::to_string(count) + " in this response).";
    kept.insert(last.base(), std::move(more));
  }
  out = std::move(kept);
}

}  // namespace

std::string short_section(std::string_view section) {
  constexpr std::string_view marker = ", Section ";
  const std::size_t at = section.find(marker);
  if (at == std::string_view::npos) return std::string(section);
  return std::string(section.substr(0, at)) + " \u00a7" +
         std::string(section.substr(at + marker.size()));
}

std::optional<status> entry_for(int code) noexcept {
  if (auto entry = find(code)) return entry;
  const std::span<const status> vendors = find_unofficial(code);
  if (vendors.size() == 1) return vendors.front();
  return std::nullopt;
}

bool breaks_must(std::span<const finding> findings) noexcept {
  return std::any_of(findings.begin(), findings.end(), [](const finding& f) {
    return f.strength == requirement::must;
  });
}

// The rules run in a fixed order, and the findings are then ordered by
// strength, so the worst problem is read first and output is stable.
std::vector<finding> lint(const response& res, const request_context& req) {
  std::vector<finding> out;
  // A tunnel answer in curl's output answered the CONNECT curl sent the
  // proxy, whatever was asked of the origin.
  request_context connect;
  if (res.tunnel) {
    connect = req;
    connect.method = "CONNECT";
  }
  subject s{res, res.tunnel ? connect : req, std::nullopt, std::nullopt, out};
  http_version(s);
  status_line_space(s);
  field_lines(s);
  if (status_code_range(s)) {
    s.entry = entry_for(res.code);
    s.rules = effective(res.code);
    code_registration(s);
    reason_phrase(s);
    upgrade_offered(s);
    upgrade_connection(s);
    required_header(s);
    multipart_content_range(s);
    byteranges_parts(s);
    body_allowed(s);
    framing_forbidden(s);
    date_missing(s);
    content_type_missing(s);
    never_stored(s);
  }
  framing_conflict(s);
  content_length_matches(s);
  repeated_fields(s);
  chunked_twice(s);
  transfer_encoding_in_http10(s);
  chunk_line_ends(s);
  trailer_fields_allowed(s);
  value_syntax(s);
  list_elements(s);
  vary_missing(s);
  collapse_repeats(out);
  std::stable_sort(
      out.begin(), out.end(), [](const finding& a, const finding& b) {
        return static_cast<int>(a.strength) < static_cast<int>(b.strength);
      });
  return out;
}

}  // namespace httpstatus::lint
