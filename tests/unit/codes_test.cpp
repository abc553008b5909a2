// SPDX-License-Identifier: MIT
// The named constants against the registry they name.
#include "httpstatus/codes.hpp"

#include <gtest/gtest.h>

#include <map>
#include <string>

#include "httpstatus/parse.hpp"
#include "httpstatus/registry.hpp"
#include "support/codes_header.hpp"

namespace {

// The constants are read from the header's text, so that a code added to
// the registry without its constant (or a constant for a code the registry
// lacks) fails here, and not in a user's build.
TEST(codes, name_every_registered_code) {
  std::map<int, std::string> named;
  for (const auto& [name, value] : httpstatus::test::code_constants()) {
    EXPECT_TRUE(named.emplace(value, name).second)
        << value << " has two constants: " << named[value] << " and " << name;
    EXPECT_EQ(httpstatus::find_by_name(name), value)
        << name << " does not name " << value << " in the registry";
  }
  for (const httpstatus::status& s : httpstatus::all())
    EXPECT_TRUE(named.contains(s.code)) << s.code << " has no constant";
  EXPECT_EQ(named.size(), httpstatus::all().size());
}

TEST(codes, are_what_lookups_take) {
  static_assert(httpstatus::find(httpstatus::code::not_found)->reason ==
                "Not Found");
  static_assert(httpstatus::find(httpstatus::code::continue_)->code == 100);
  EXPECT_EQ(httpstatus::find(httpstatus::code::content_too_large)->reason,
            "Content Too Large");
  EXPECT_EQ(httpstatus::find(httpstatus::code::im_a_teapot)->registration,
            httpstatus::registration_status::unused);
}

}  // namespace
