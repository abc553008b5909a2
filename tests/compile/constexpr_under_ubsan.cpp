// SPDX-License-Identifier: MIT
// Compiled with -fsanitize=undefined (tests/CMakeLists.txt): every lookup
// stays a constant expression for a user who builds with UBSan, whose null
// checks stop GCC 12 from folding `pointer == nullptr` at compile time.
// Also compiled by Clang with its default limits (library.constexpr_clang).
#include <httpstatus/httpstatus.hpp>

#include <string_view>

namespace {

using namespace httpstatus;

static_assert(search("teapot").size == 1);
static_assert(search("not found")[0].entry->code == 404);
static_assert(search("gateway timeout")[0].entry->code == 504);
static_assert(!search("timeout", search_scope::with_unofficial).empty());
static_assert(search("").empty());
static_assert(search("4xx").size == in_class(status_class::client_error).size());
static_assert(search("4xx timeout").size == 1);
// The longest evaluation: two words over both tables. Clang stopped at its
// default -fconstexpr-steps here.
static_assert(search("not found", search_scope::with_unofficial).size == 2);
static_assert(find_by_name("not_found") == 404);
static_assert(parse_code("404").code == 404);
static_assert(parse_class("5xx") == status_class::server_error);
static_assert(find(404)->reason == "Not Found");
static_assert(effective(299)->code == 200);
static_assert(find_unofficial(499).size() == 2);
static_assert(info(status_class::client_error).label == "4xx");

constexpr int alias_count() {
  int n = 0;
  for (const status& s : all()) for_each_alias(s, [&](std::string_view) { ++n; });
  return n;
}
static_assert(alias_count() > 0);

}  // namespace
