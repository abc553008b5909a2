// SPDX-License-Identifier: MIT
// The mock's specification: `/status/{codes}?options` parsed and checked,
// and the choice of one code from it.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace httpstatus::server::mock {

/// Gives the most codes one specification may list, after ranges expand.
inline constexpr std::size_t max_choices = 100;

/// Gives the largest `retry_after=` in seconds (one day).
inline constexpr std::uint32_t max_retry_after = 86400;

/// Holds the limits a deployment sets on specifications (`--max-sleep`).
struct spec_limits {
  std::chrono::milliseconds max_sleep{10000};  ///< cap on `sleep=`
};

/// Describes one code a specification may answer, with its weight; in a
/// uniform list every weight is 1.
struct choice {
  int code = 0;
  double weight = 1.0;
};

/// Holds a parsed, valid specification. `choices` keeps the written order
/// and duplicates (`503,503,200`), which sequences answer in order and a
/// uniform choice counts twice.
struct spec {
  std::vector<choice> choices;
  bool is_weighted = false;                  ///< written with `code:weight`
  std::optional<std::uint64_t> seed;         ///< `seed=N`: reproducible choice
  std::string sequence;                      ///< `sequence=KEY`; empty = none
  std::chrono::milliseconds sleep{0};        ///< `sleep=MS`, within the cap
  std::optional<std::uint32_t> retry_after;  ///< `retry_after=S`
  std::string location;  ///< `location=`: a path on this server; empty = none
  std::string vendor;    ///< `vendor=`: picks a vendor's unofficial entry
};

/// Carries the result of `parse_spec`: `ec` is `std::errc{}` on success;
/// otherwise `detail` names the problem in a sentence fit for a
/// problem+json `detail` (it never echoes more than 64 bytes of input).
struct spec_result {
  mock::spec spec;
  std::errc ec{};
  std::string detail;

  [[nodiscard]] explicit operator bool() const noexcept {
    return ec == std::errc{};
  }
};

/// Parses the path after `/status/` (`codes`, still percent-encoded as
/// received) and the query without its '?' (`query`). The list takes codes
/// (`200`), ranges of codes (`500-504`, every code in it) and weights
/// (`200:0.9,503:0.1`; all items weighted or none), joined by commas. The
/// query takes `seed`, `sequence`, `sleep`, `retry_after`, `location` and
/// `vendor`; other parameters are ignored, so cache-busters work. Each code
/// must lie in 200..599 or be a registered or unofficial 1xx.
///
/// Fails with `invalid_argument` for text that is not a number, a bad
/// weight, an empty list or item, a weighted sequence, a malformed query,
/// or a `location` that is not a path on this server; with
/// `result_out_of_range` for a code outside 100..599, an unassigned 1xx,
/// weights summing to zero, more than `max_choices` codes, a reversed or
/// too large range, `sleep` over `limits.max_sleep`, or `retry_after`
/// over `max_retry_after`.
///
///     auto r = parse_spec("200:0.9,503:0.1", "seed=7", {});
///     if (!r) return build_error(r.detail, req);
[[nodiscard]] spec_result parse_spec(std::string_view codes,
                                     std::string_view query,
                                     const spec_limits& limits);

/// Returns whether `location` is a path on this server: it starts with a
/// single '/', is followed by no '/' or '\\' (which browsers read as another
/// host), and holds only visible ASCII, so it is safe in a header field.
[[nodiscard]] bool is_local_path(std::string_view location) noexcept;

/// Returns a code of `s`, drawn from `engine` by weight (uniformly for an
/// unweighted list). Uses exactly one draw of `engine` (none for a single
/// choice), with arithmetic of our own rather than `<random>`
/// distributions, so a seed gives the same code on every platform.
/// Returns 0 only for an empty `s.choices`, which `parse_spec` never makes.
[[nodiscard]] int choose(const spec& s, std::mt19937_64& engine) noexcept;

/// Returns a code of `s`: from an engine seeded with `s.seed` when given
/// (the same code on every call), else from this thread's engine, which
/// `std::random_device` seeded once.
[[nodiscard]] int choose(const spec& s);

}  // namespace httpstatus::server::mock
