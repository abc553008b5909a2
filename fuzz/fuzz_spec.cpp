// SPDX-License-Identifier: MIT
// Fuzzes the mock's specification parser (server/mock/spec.hpp): the bytes
// before the first '?' are the path after /status/, the rest the query.
// A spec that parses must keep every promise its header makes.
#include <cstddef>
#include <cstdint>
#include <random>
#include <string_view>

#include "mock/spec.hpp"
#include "httpstatus/registry.hpp"

namespace {

void check(bool holds) {
  if (!holds) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  namespace mock = httpstatus::server::mock;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::size_t question = text.find('?');
  const std::string_view codes = text.substr(0, question);
  const std::string_view query =
      question == std::string_view::npos ? "" : text.substr(question + 1);

  const mock::spec_limits limits{};
  const mock::spec_result r = mock::parse_spec(codes, query, limits);
  if (!r) {
    check(!r.detail.empty());
    return 0;
  }
  const mock::spec& s = r.spec;
  check(!s.choices.empty() && s.choices.size() <= mock::max_choices);
  for (const mock::choice& c : s.choices) {
    check(c.code >= 100 && c.code <= 599);
    check(c.weight >= 0.0);
  }
  check(s.sleep.count() >= 0 && s.sleep <= limits.max_sleep);
  if (s.retry_after) check(*s.retry_after <= mock::max_retry_after);
  if (!s.location.empty()) check(mock::is_local_path(s.location));

  // The choice is one of the listed codes, and a seed makes it repeatable.
  std::mt19937_64 engine(s.seed.value_or(1));
  const int chosen = mock::choose(s, engine);
  bool is_listed = false;
  for (const mock::choice& c : s.choices) is_listed |= c.code == chosen;
  check(is_listed);
  if (s.seed) check(mock::choose(s) == mock::choose(s));
  return 0;
}
