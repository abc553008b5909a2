// SPDX-License-Identifier: MIT
// A CLI11 check for a numeric flag that says which way a value is wrong.
#pragma once

#include <string>
#include <type_traits>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

namespace httpstatus::cli {

/// Accepts a number from `low` to `high`. CLI11's own `Range` answers
/// `--timeout abc` and `--timeout 9999` alike ("Value abc not in range
/// 0.001000 to 3600.000000"); this one tells a word from a number too big,
/// and prints the bounds as they were written. The description, shown by
/// `--help`, keeps CLI11's form.
template <typename T>
[[nodiscard]] CLI::Validator bounded(T low, T high) {
  static_assert(std::is_arithmetic_v<T>);
  return CLI::Validator(
      [low, high](std::string& input) -> std::string {
        T value{};
        if (!CLI::detail::lexical_cast(input, value))
          return fmt::format("'{}' is not {}", input,
                             std::is_integral_v<T> ? "a whole number"
                                                   : "a number");
        // Written so that NaN, which compares false to everything, is out
        // of range too.
        if (!(value >= low && value <= high))
          return fmt::format("{} is out of range: {} to {}", input, low, high);
        return {};
      },
      fmt::format("{} in [{} - {}]", CLI::detail::type_name<T>(), low, high));
}

}  // namespace httpstatus::cli
