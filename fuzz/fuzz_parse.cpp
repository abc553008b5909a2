// SPDX-License-Identifier: MIT
// Fuzzes the library's parsers of user text: parse_code, parse_class,
// find_by_name and search, checking the contracts their headers state.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <system_error>

#include "httpstatus/parse.hpp"
#include "httpstatus/registry.hpp"
#include "httpstatus/search.hpp"

namespace {

// A broken contract is a crash, so that libFuzzer keeps the input.
void check(bool holds) {
  if (!holds) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  const httpstatus::parse_result code = httpstatus::parse_code(text);
  if (code.ec == std::errc{}) check(code.code >= 100 && code.code <= 599);
  if (code.ec == std::errc::invalid_argument) check(code.code == 0);

  if (const std::optional<httpstatus::status_class> cls =
          httpstatus::parse_class(text)) {
    const int digit = static_cast<int>(*cls);
    check(digit >= 1 && digit <= 5);
  }

  // A name always finds a registered code.
  if (const std::optional<int> by_name = httpstatus::find_by_name(text))
    check(httpstatus::find(*by_name).has_value());

  // Hits are registry entries, ranked best first, never over capacity.
  for (const httpstatus::search_scope scope :
       {httpstatus::search_scope::registered,
        httpstatus::search_scope::with_unofficial}) {
    const httpstatus::search_results hits = httpstatus::search(text, scope);
    check(hits.size <= httpstatus::search_results::capacity);
    for (std::size_t i = 0; i < hits.size; ++i) {
      check(hits[i].entry != nullptr);
      if (i > 0) check(hits[i - 1].rank <= hits[i].rank);
    }
  }
  return 0;
}
