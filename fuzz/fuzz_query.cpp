// SPDX-License-Identifier: MIT
// Fuzzes the request-target helpers (server/url/url.hpp): percent_decode and
// for_each_query_param, against the contracts their header states.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "url.hpp"

namespace {

void check(bool holds) {
  if (!holds) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  namespace srv = httpstatus::server;

  // Decoding never grows the text; '+' stays '+' unless asked otherwise;
  // text without '%' decodes to itself.
  for (const bool plus_is_space : {false, true}) {
    const std::optional<std::string> decoded =
        srv::percent_decode(text, plus_is_space);
    if (decoded) check(decoded->size() <= text.size());
    if (text.find('%') == std::string_view::npos) {
      check(decoded.has_value());
      if (!plus_is_space) check(*decoded == text);
    }
  }

  // Each parameter decodes to no more bytes than its part of the query,
  // and the parameters together to no more than the whole query.
  std::size_t total = 0;
  const bool well_formed =
      srv::for_each_query_param(text, [&](const srv::query_param& p) {
        total += p.name.size() + p.value.size();
      });
  check(total <= text.size());
  if (text.find('%') == std::string_view::npos) check(well_formed);
  return 0;
}
