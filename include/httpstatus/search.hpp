// SPDX-License-Identifier: MIT
// Ranked search over codes, phrases, aliases, meanings and descriptions.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "httpstatus/registry.hpp"

namespace httpstatus {

/// Says where a search matched, best first; a hit's rank is the worst field
/// any of the query's words needed.
enum class match_rank : std::uint8_t {
  code,         ///< a word is the code itself ("404")
  name,         ///< reason phrase, alias or vendor
  meaning,      ///< the one-line meaning
  description,  ///< the longer description
};

/// Describes one search hit; `entry` points into the registry's static
/// tables and stays valid for the whole program.
struct search_hit {
  const status* entry;
  match_rank rank;
};

/// Holds search hits in rank order, then by code; never allocates.
struct search_results {
  static constexpr std::size_t capacity =
      std::size(detail::standard_table) + std::size(detail::unofficial_table);
  std::array<search_hit, capacity> hits{};
  std::size_t size = 0;

  [[nodiscard]] constexpr const search_hit* begin() const noexcept { return hits.data(); }
  [[nodiscard]] constexpr const search_hit* end() const noexcept { return hits.data() + size; }
  [[nodiscard]] constexpr bool empty() const noexcept { return size == 0; }
  [[nodiscard]] constexpr const search_hit& operator[](std::size_t i) const noexcept {
    return hits[i];
  }
};

/// Says which tables a search covers.
enum class search_scope : std::uint8_t { registered, with_unofficial };

namespace detail {

inline constexpr std::size_t max_query_words = 16;

constexpr char ascii_lower(char c) noexcept {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

// Case-insensitive (ASCII) substring test; the query word is already lower.
constexpr bool contains_word(std::string_view text, std::string_view word) noexcept {
  if (word.size() > text.size()) return false;
  for (std::size_t i = 0; i + word.size() <= text.size(); ++i) {
    std::size_t j = 0;
    while (j < word.size() && ascii_lower(text[i + j]) == word[j]) ++j;
    if (j == word.size()) return true;
  }
  return false;
}

struct query_words {
  std::array<std::array<char, 64>, max_query_words> storage{};
  std::array<std::string_view, max_query_words> words{};
  std::size_t size = 0;

  // Splits on blanks and lowercases; words past the limit or longer than
  // 64 bytes are cut, which only widens the search.
  constexpr explicit query_words(std::string_view query) noexcept {
    std::size_t i = 0;
    while (i < query.size() && size < max_query_words) {
      while (i < query.size() && (query[i] == ' ' || query[i] == '\t')) ++i;
      std::size_t n = 0;
      while (i < query.size() && query[i] != ' ' && query[i] != '\t') {
        if (n < storage[size].size()) storage[size][n++] = ascii_lower(query[i]);
        ++i;
      }
      if (n > 0) {
        words[size] = std::string_view(storage[size].data(), n);
        ++size;
      }
    }
  }
};

constexpr bool is_code_word(const status& s, std::string_view word) noexcept {
  return word.size() == 3 && word[0] - '0' == s.code / 100 &&
         word[1] - '0' == s.code / 10 % 10 && word[2] - '0' == s.code % 10;
}

// Returns the best field `word` occurs in, or nothing.
constexpr int best_rank(const status& s, std::string_view word) noexcept {
  if (is_code_word(s, word)) return static_cast<int>(match_rank::code);
  bool in_name = contains_word(s.reason, word) ||
                 contains_word(s.aliases, word) ||
                 contains_word(s.vendor, word);
  if (in_name) return static_cast<int>(match_rank::name);
  if (contains_word(s.meaning, word)) return static_cast<int>(match_rank::meaning);
  if (contains_word(s.description, word))
    return static_cast<int>(match_rank::description);
  return -1;
}

}  // namespace detail

/// Finds the codes matching every word of `query` (blank-separated,
/// case-insensitive) in their code, reason phrase, aliases, vendor, meaning
/// or description. Ranks exact code matches first, then phrase, then
/// meaning, then description; ties go by code. Returns no hits for an empty
/// or blank query.
///
///     for (const auto& hit : httpstatus::search("redirect")) ...
[[nodiscard]] constexpr search_results search(
    std::string_view query,
    search_scope scope = search_scope::registered) noexcept {
  search_results results;
  const detail::query_words words(query);
  if (words.size == 0) return results;

  auto consider = [&](const status& s) {
    int worst = 0;
    for (std::size_t w = 0; w < words.size; ++w) {
      const int rank = detail::best_rank(s, words.words[w]);
      if (rank < 0) return;
      if (rank > worst) worst = rank;
    }
    // Insertion keeps the hits sorted by rank, then by table order (code).
    std::size_t at = results.size;
    while (at > 0 && static_cast<int>(results.hits[at - 1].rank) > worst) {
      results.hits[at] = results.hits[at - 1];
      --at;
    }
    results.hits[at] = {&s, static_cast<match_rank>(worst)};
    ++results.size;
  };
  for (const status& s : detail::standard_table) consider(s);
  if (scope == search_scope::with_unofficial)
    for (const status& s : detail::unofficial_table) consider(s);
  return results;
}

}  // namespace httpstatus
