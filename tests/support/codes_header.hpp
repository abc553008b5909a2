// SPDX-License-Identifier: MIT
// The named constants as <httpstatus/codes.hpp> spells them, read from its
// text, so that tests can hold the registry and the pages to the header.
#pragma once

#include <map>
#include <regex>
#include <string>
#include <utility>
#include <vector>

#include "support/csv.hpp"

namespace httpstatus::test {

/// Returns each `inline constexpr int NAME = CODE;` of the header, in its
/// order, as (NAME, CODE).
inline std::vector<std::pair<std::string, int>> code_constants() {
  const std::string header = read_file(std::string(HTTPSTATUS_SOURCE_DIR) +
                                       "/include/httpstatus/codes.hpp");
  const std::regex constant(R"(inline constexpr int (\w+) = (\d+);)");
  std::vector<std::pair<std::string, int>> out;
  for (auto it = std::sregex_iterator(header.begin(), header.end(), constant);
       it != std::sregex_iterator(); ++it)
    out.emplace_back((*it)[1], std::stoi((*it)[2]));
  return out;
}

}  // namespace httpstatus::test
