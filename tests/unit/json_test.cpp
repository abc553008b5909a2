// SPDX-License-Identifier: MIT
// The JSON shape shared by the CLI and the API.
#include "json.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "httpstatus/registry.hpp"

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

TEST(json, names_the_vendor_of_unofficial_codes) {
  const json::object o = render::to_json(find_unofficial(444).front());
  EXPECT_EQ(o.at("vendor"), "nginx");
  EXPECT_EQ(o.at("status"), "unofficial");
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

}  // namespace
