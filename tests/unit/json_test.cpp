// SPDX-License-Identifier: MIT
// The JSON shape shared by the CLI and the API.
#include "json.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <cstddef>
#include <iterator>

#include "httpstatus/registry.hpp"
#include "support/codes_header.hpp"

namespace {

using namespace httpstatus;
namespace json = boost::json;

TEST(json, has_the_api_field_names) {
  const json::object o = render::to_json(*find(405));
  for (const char* key :
       {"code", "reason", "class", "class_name", "status", "meaning",
        "description", "reference", "reference_url", "heuristically_cacheable",
        "body", "headers", "related", "aliases"})
    EXPECT_TRUE(o.contains(key)) << key;
  EXPECT_FALSE(o.contains("vendor"));
  EXPECT_EQ(o.at("code"), 405);
  EXPECT_EQ(o.at("class"), "4xx");
  EXPECT_EQ(o.at("class_name"), "Client error");
  EXPECT_EQ(o.at("heuristically_cacheable"), true);
  const json::array& headers = o.at("headers").as_array();
  ASSERT_EQ(headers.size(), 1u);
  EXPECT_EQ(headers[0].at("field"), "Allow");
  EXPECT_EQ(headers[0].at("requirement"), "MUST");
}

// The constants object names this library's constant as codes.hpp
// spells it, and none for a vendor's code.
TEST(json, names_the_constant_of_codes_hpp) {
  const auto constants = test::code_constants();
  ASSERT_EQ(constants.size(), all().size());
  for (const auto& [name, value] : constants)
    EXPECT_EQ(render::to_json(*find(value)).at("constants").at("httpstatus"),
              name.c_str());
  for (const status& s : unofficial())
    EXPECT_TRUE(render::to_json(s).at("constants").at("httpstatus").is_null())
        << s.code << " " << s.vendor;
}

// RFC 9110 Section 15.4.5, in its order: each with the condition the
// response cannot show, so a client of the API can tell them apart from a
// plain MUST.
TEST(json, lists_what_a_304_carries_if_a_200_would_have) {
  const json::object o = render::to_json(*find(304));
  const json::array& headers = o.at("headers").as_array();
  const char* fields[] = {"Content-Location", "Date",   "ETag", "Vary",
                          "Cache-Control",    "Expires"};
  ASSERT_EQ(headers.size(), std::size(fields));
  for (std::size_t i = 0; i < headers.size(); ++i) {
    SCOPED_TRACE(fields[i]);
    EXPECT_EQ(headers[i].at("field"), fields[i]);
    EXPECT_EQ(headers[i].at("requirement"), "MUST");
    EXPECT_EQ(headers[i].at("condition"), "if a 200 would have had it");
    EXPECT_EQ(headers[i].at("reference_url"),
              "https://www.rfc-editor.org/rfc/rfc9110#section-15.4.5");
  }
}

TEST(json, names_the_vendor_of_unofficial_codes) {
  const json::object o = render::to_json(find_unofficial(444).front());
  EXPECT_EQ(o.at("vendor"), "nginx");
  EXPECT_EQ(o.at("status"), "unofficial");
  EXPECT_EQ(o.at("on_the_wire"), false);
  EXPECT_EQ(render::to_json(*find(404)).at("on_the_wire"), true);
}

TEST(json, pretty_output_parses_back_to_the_same_value) {
  const json::value v = render::to_json(all());
  const std::string text = render::serialize(v, true);
  EXPECT_EQ(json::parse(text), v);
  EXPECT_EQ(text.back(), '\n');
}

TEST(json, problem_documents_follow_rfc_9457) {
  const json::value v = json::parse(render::problem_json(404, "no \"such\" <code>"));
  EXPECT_EQ(v.at("type"), "about:blank");
  EXPECT_EQ(v.at("title"), "Not Found");
  EXPECT_EQ(v.at("status"), 404);
  EXPECT_EQ(v.at("detail"), "no \"such\" <code>");
}

// A problem's detail quotes what the client sent, percent-decoded: bytes
// that are not UTF-8 (`/status/%FF`) once made JSON a strict parser
// refuses. Boost.JSON's parser is one: it refuses ill-formed UTF-8.
TEST(json, text_that_is_not_utf8_becomes_replacement_characters) {
  const std::string replacement = "\xEF\xBF\xBD";
  const json::value problem =
      json::parse(render::problem_json(400, "weight '\xFF' is not a number"));
  EXPECT_EQ(std::string(problem.at("detail").as_string()),
            "weight '" + replacement + "' is not a number");
  for (const std::string bad :
       {"\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xE2\x82"}) {
    json::object o;
    o["text"] = "<" + bad + ">";
    for (const bool pretty : {false, true}) {
      const json::value back = json::parse(render::serialize(o, pretty));
      const std::string text(back.at("text").as_string());
      EXPECT_EQ(text.front(), '<');
      EXPECT_EQ(text.back(), '>');
      EXPECT_NE(text.find(replacement), std::string::npos) << text;
    }
  }
  // Well-formed text of every length passes unchanged.
  json::object fine;
  fine["text"] = "caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80";
  EXPECT_EQ(json::parse(render::serialize(fine, false)), fine);
}

}  // namespace
