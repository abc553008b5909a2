// SPDX-License-Identifier: MIT
// Inputs the fuzzers under fuzz/ once crashed on, one test each, so that a
// fixed crash stays fixed. Some fail only under `make test-asan` without
// their fix (an over-read that a plain build survives by luck).
#include "mock/spec.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cstring>
#include <memory>
#include <string_view>
#include <system_error>

namespace {

using httpstatus::server::mock::parse_spec;

// fuzz_spec, seed "404?sleep=100": Boost 1.81's parse_query measured the
// query with strlen and read past the end of a view that is not
// NUL-terminated, as the request target's query never is.
TEST(fuzz, spec_query_is_read_within_its_bounds) {
  constexpr std::string_view text = "sleep=100";
  const auto bytes = std::make_unique<char[]>(text.size());  // no NUL after
  std::memcpy(bytes.get(), text.data(), text.size());
  const auto r = parse_spec("404", std::string_view(bytes.get(), text.size()),
                            {});
  ASSERT_TRUE(r) << r.detail;
  EXPECT_EQ(r.spec.sleep, std::chrono::milliseconds(100));
}

// The fix copies the query to a NUL-terminated string; a raw NUL inside
// it, which no valid query holds, is refused rather than cut short there.
TEST(fuzz, spec_query_with_a_raw_nul_is_malformed) {
  const auto r = parse_spec("200", std::string_view("sleep=1\0sleep=2", 15),
                            {});
  EXPECT_EQ(r.ec, std::errc::invalid_argument);
  EXPECT_NE(r.detail.find("malformed"), std::string::npos) << r.detail;
}

}  // namespace
