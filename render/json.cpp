// SPDX-License-Identifier: MIT
// The registry as JSON, built with Boost.JSON so that escaping is never ours.
#include "json.hpp"

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <string>

#include "html.hpp"
#include "httpstatus/registry.hpp"
#include "utf8.hpp"

namespace httpstatus::render {

namespace json = boost::json;

namespace {

json::string_view sv(std::string_view s) { return {s.data(), s.size()}; }

json::array headers_json(const status& s) {
  json::array headers;
  for (const header_requirement& h : s.headers) {
    json::object o;
    o["field"] = sv(h.field);
    o["requirement"] = sv(to_string(h.level));
    if (!h.condition.empty()) o["condition"] = sv(h.condition);
    o["reference"] = sv(h.section);
    o["reference_url"] = sv(h.url);
    headers.push_back(std::move(o));
  }
  return headers;
}

json::object constants_json(const status& s) {
  const library_names& n = s.names;
  json::object o;
  auto put = [&](std::string_view key, std::string_view name) {
    if (name.empty())
      o[sv(key)] = nullptr;
    else
      o[sv(key)] = sv(name);
  };
  put("httpstatus", constant_name(s));
  put("boost_beast", n.beast);
  put("drogon", n.drogon);
  put("cpp_httplib", n.httplib);
  put("python", n.python);
  put("go", n.go);
  return o;
}

}  // namespace

json::object to_json(const status& s) {
  const class_info& c = info(class_of(s));
  json::object o;
  o["code"] = s.code;
  o["reason"] = sv(s.reason);
  o["class"] = sv(c.label);
  o["class_name"] = sv(c.name);
  o["status"] = sv(to_string(s.registration));
  o["meaning"] = sv(s.meaning);
  o["description"] = sv(s.description);
  o["reference"] = sv(s.reference);
  o["reference_url"] = sv(s.reference_url);
  o["heuristically_cacheable"] = is_heuristically_cacheable(s);
  o["cache"] = sv(to_string(s.cache));
  o["body"] = sv(to_string(s.body));
  o["headers"] = headers_json(s);
  json::array related;
  for (const std::int16_t r : related_codes(s)) related.push_back(r);
  o["related"] = std::move(related);
  json::array aliases;
  for_each_alias(s, [&](std::string_view a) { aliases.push_back(sv(a)); });
  o["aliases"] = std::move(aliases);
  o["constants"] = constants_json(s);
  if (!s.vendor.empty()) o["vendor"] = sv(s.vendor);
  o["on_the_wire"] = s.on_the_wire;
  return o;
}

std::string constant_name(const status& s) {
  if (!s.vendor.empty()) return {};
  // "I'm a teapot" is im_a_teapot: an apostrophe joins the letters.
  std::string phrase(s.reason);
  std::erase(phrase, '\'');
  std::string name = join_words(phrase, '_');
  if (name == "continue") name += '_';
  return name;
}

json::array to_json(std::span<const status> list) {
  json::array a;
  a.reserve(list.size());
  for (const status& s : list) a.push_back(to_json(s));
  return a;
}

json::object to_json(const class_info& c) {
  json::object o;
  o["class"] = sv(c.label);
  o["name"] = sv(c.name);
  o["description"] = sv(c.description);
  json::array codes;
  for (const status& s : in_class(c.value)) codes.push_back(s.code);
  o["codes"] = std::move(codes);
  return o;
}

std::string problem_json(int code, std::string_view detail) {
  json::object o;
  o["type"] = "about:blank";
  const auto s = find(code);
  o["title"] = s ? sv(s->reason) : json::string_view("Error");
  o["status"] = code;
  o["detail"] = sv(without_bidi_controls(detail));
  return serialize(o, false);
}

namespace {

// Boost 1.81 has no pretty printer; this indents the serialized scalars of
// a walk over the value, leaving string escaping to Boost.JSON.
void pretty_print(std::string& out, const json::value& v, int indent) {
  const auto newline = [&](int level) {
    out += '\n';
    out.append(static_cast<std::size_t>(level) * 2, ' ');
  };
  if (const json::object* o = v.if_object()) {
    if (o->empty()) {
      out += "{}";
      return;
    }
    out += '{';
    bool first = true;
    for (const auto& kv : *o) {
      if (!first) out += ',';
      first = false;
      newline(indent + 1);
      out += json::serialize(json::value(kv.key()));
      out += ": ";
      pretty_print(out, kv.value(), indent + 1);
    }
    newline(indent);
    out += '}';
  } else if (const json::array* a = v.if_array()) {
    if (a->empty()) {
      out += "[]";
      return;
    }
    out += '[';
    bool first = true;
    for (const json::value& e : *a) {
      if (!first) out += ',';
      first = false;
      newline(indent + 1);
      pretty_print(out, e, indent + 1);
    }
    newline(indent);
    out += ']';
  } else {
    out += json::serialize(v);
  }
}

// JSON text must be UTF-8 (RFC 8259, section 8.1), and Boost.JSON copies
// a string's bytes as they are: text a client sent (a percent-decoded
// path, a linted header) could make the document unreadable to a strict
// parser. Each ill-formed byte becomes U+FFFD; JSON's own syntax is ASCII,
// so only the insides of strings can change.
std::string with_valid_utf8(std::string text) {
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t size = utf8_sequence_size(std::string_view(text).substr(at));
    if (size > 0) {
      at += size;
      continue;
    }
    text.replace(at, 1, replacement_character);
    at += replacement_character.size();
  }
  return text;
}

}  // namespace

std::string serialize(const json::value& value, bool pretty) {
  if (!pretty) return with_valid_utf8(json::serialize(value));
  std::string out;
  pretty_print(out, value, 0);
  out += '\n';
  return with_valid_utf8(std::move(out));
}

}  // namespace httpstatus::render
