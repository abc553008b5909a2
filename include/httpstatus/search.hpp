// SPDX-License-Identifier: MIT
// Ranked search over codes, phrases, aliases, meanings and descriptions.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <type_traits>

#include "httpstatus/parse.hpp"
#include "httpstatus/registry.hpp"

namespace httpstatus {

/// Says where a search matched, best first; a hit's rank is the worst field
/// any of the query's words needed.
enum class match_rank : std::uint8_t {
  code,         ///< a word is the code ("404"), its start ("40") or class ("4xx")
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

/// Holds search hits in rank order, best first (see `search`); never
/// allocates.
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

// Reads the character of `query` at `i` as a search reads it: `length` is
// how many bytes it takes, and `c` the lowercased byte it stands for, or
// '\0' for one that separates words. Blanks and the punctuation that wraps
// or joins words in prose and code ("teapot?", "\"not found\"", not_found,
// "404,") separate them; the apostrophe and the hyphen stay, as the
// registry's own words have them ("I'm", "Multi-Status"). A phone's
// typographic apostrophe is read as the ASCII one, and typographic quotes
// and the no-break space as blanks.
struct query_char {
  char c;
  std::size_t length;
};

constexpr query_char read_query_char(std::string_view query,
                                     std::size_t i) noexcept {
  const auto byte = [&](std::size_t at) {
    return at < query.size() ? static_cast<unsigned char>(query[at]) : 0u;
  };
  if (byte(i) == 0xC2 && byte(i + 1) == 0xA0) return {'\0', 2};  // U+00A0
  if (byte(i) == 0xE2 && byte(i + 1) == 0x80) {
    switch (byte(i + 2)) {
      case 0x98:
      case 0x99:
        return {'\'', 3};  // ‘ ’
      case 0x9C:
      case 0x9D:
        return {'\0', 3};  // “ ”
      default:
        break;
    }
  }
  const char c = query[i];
  constexpr std::string_view separators = " \t\r\n\"()[]{}<>,;:!?._/\\|=+*`";
  if (separators.find(c) != std::string_view::npos) return {'\0', 1};
  return {ascii_lower(c), 1};
}

struct query_words {
  std::array<std::array<char, 64>, max_query_words> storage{};
  std::array<std::string_view, max_query_words> words{};
  std::size_t size = 0;

  // Splits into words (`read_query_char`) and lowercases; words past the
  // limit or longer than 64 bytes are cut, which only widens the search.
  constexpr explicit query_words(std::string_view query) noexcept {
    std::size_t i = 0;
    std::size_t n = 0;
    const auto end_word = [&] {
      if (n > 0 && size < max_query_words) {
        words[size] = std::string_view(storage[size].data(), n);
        ++size;
      }
      n = 0;
    };
    while (i < query.size() && size < max_query_words) {
      const query_char q = read_query_char(query, i);
      i += q.length;
      if (q.c == '\0') {
        end_word();
      } else if (n < storage[size].size()) {
        storage[size][n++] = q.c;
      }
    }
    end_word();
  }
};

// Whether `word` is the code ("404") or how it starts ("50" for 500-508):
// whoever types digits means a code, and 405's description mentioning 503
// should not come before 501. Every code in the tables has three digits.
constexpr bool is_code_word(const status& s, std::string_view word) noexcept {
  if (word.empty() || word.size() > 3) return false;
  const int digits[3] = {s.code / 100, s.code / 10 % 10, s.code % 10};
  for (std::size_t i = 0; i < word.size(); ++i)
    if (word[i] - '0' != digits[i]) return false;
  return true;
}

// The searchable text of every record, lowercased once at compile time, so
// that a query runs `string_view::find` (memchr underneath) instead of a
// case-folding compare at every byte. Each record's text is laid out as
// "name\nmeaning\ndescription\n", where name covers the reason phrase,
// the aliases and the vendor; the newlines keep a word from spanning two
// fields.
struct searchable {
  std::uint32_t name_end;
  std::uint32_t meaning_end;
  std::uint32_t description_end;
};

constexpr std::size_t searchable_size(const status& s) noexcept {
  return s.reason.size() + s.aliases.size() + s.vendor.size() + 3 +
         s.meaning.size() + 1 + s.description.size() + 1;
}

constexpr std::size_t searchable_total() noexcept {
  std::size_t n = 0;
  for (const status& s : standard_table) n += searchable_size(s);
  for (const status& s : unofficial_table) n += searchable_size(s);
  return n;
}

inline constexpr std::size_t record_count =
    std::size(standard_table) + std::size(unofficial_table);

struct searchable_text {
  std::array<char, searchable_total()> chars{};
  std::array<searchable, record_count> records{};
};

inline constexpr searchable_text lowered = [] {
  searchable_text t;
  std::size_t at = 0;
  auto append = [&](std::string_view field, char end) {
    for (const char c : field) t.chars[at++] = c == '|' ? ' ' : ascii_lower(c);
    t.chars[at++] = end;
  };
  std::size_t r = 0;
  auto add = [&](const status& s) {
    append(s.reason, ' ');
    append(s.aliases, ' ');  // its '|' separators are spaces once lowered
    append(s.vendor, '\n');
    t.records[r].name_end = static_cast<std::uint32_t>(at);
    append(s.meaning, '\n');
    t.records[r].meaning_end = static_cast<std::uint32_t>(at);
    append(s.description, '\n');
    t.records[r].description_end = static_cast<std::uint32_t>(at);
    ++r;
  };
  for (const status& s : standard_table) add(s);
  for (const status& s : unofficial_table) add(s);
  return t;
}();

// Returns where `word` first occurs in `text`, or `std::string_view::npos`.
// At run time this is `string_view::find` (memchr underneath). During
// constant evaluation under GCC it is a plain loop: GCC 12 with
// -fsanitize=undefined (its null checks turn off
// -fdelete-null-pointer-checks) cannot fold the `pointer == nullptr` test
// inside `char_traits::find`, so a constexpr `search` would not compile for
// a user who builds with UBSan. Clang has no such quirk, and the loop costs
// it more evaluation steps than its default limit allows for a two-word
// query over both tables, so Clang always takes `find`.
constexpr std::size_t find_word(std::string_view text,
                                std::string_view word) noexcept {
#if defined(__clang__)
  return text.find(word);
#else
  if (!std::is_constant_evaluated()) return text.find(word);
  if (word.size() > text.size()) return std::string_view::npos;
  for (std::size_t at = 0; at + word.size() <= text.size(); ++at) {
    std::size_t i = 0;
    while (i < word.size() && text[at + i] == word[i]) ++i;
    if (i == word.size()) return at;
  }
  return std::string_view::npos;
#endif
}

// Where a word first occurs in a record: its best field (a `match_rank`,
// or -1 when nowhere), where the field ends, and, when it is the name, how
// long the spelling that holds the word is (the reason phrase, an alias or
// the vendor).
struct word_match {
  int rank = -1;
  std::size_t field_end = 0;
  std::size_t spelling_length = 0;
};

// Returns the length of the spelling of `s`'s name at `offset` in its
// searchable name field: the reason phrase, the aliases and the vendor,
// each followed by one blank, which no query word holds.
constexpr std::size_t spelling_length(const status& s,
                                      std::size_t offset) noexcept {
  if (offset < s.reason.size()) return s.reason.size();
  offset -= s.reason.size() + 1;
  if (offset >= s.aliases.size()) return s.vendor.size();
  const std::size_t bar = s.aliases.rfind('|', offset);
  const std::size_t start = bar == std::string_view::npos ? 0 : bar + 1;
  const std::string_view alias = s.aliases.substr(start);
  return alias.substr(0, alias.find('|')).size();
}

// Returns where `word` first occurs in record number `r`. Fields are laid
// out in rank order, each ended by a newline that no word holds.
constexpr word_match match_word(std::size_t r, const status& s,
                                std::string_view word) noexcept {
  if (is_code_word(s, word)) return {static_cast<int>(match_rank::code)};
  const std::string_view all(lowered.chars.data(), lowered.chars.size());
  const searchable& rec = lowered.records[r];
  const std::size_t begin = r == 0 ? 0 : lowered.records[r - 1].description_end;
  const std::size_t found =
      find_word(all.substr(begin, rec.description_end - begin), word);
  if (found == std::string_view::npos) return {};
  const std::size_t at = begin + found;
  if (at < rec.name_end)
    return {static_cast<int>(match_rank::name), rec.name_end,
            spelling_length(s, found)};
  if (at < rec.meaning_end)
    return {static_cast<int>(match_rank::meaning), rec.meaning_end};
  return {static_cast<int>(match_rank::description), rec.description_end};
}

// Counts the fields of record number `r` after the one `m` found `word`
// in that hold it too.
constexpr std::size_t later_fields_holding(std::size_t r, std::string_view word,
                                           const word_match& m) noexcept {
  const std::string_view all(lowered.chars.data(), lowered.chars.size());
  const searchable& rec = lowered.records[r];
  const std::uint32_t ends[] = {rec.name_end, rec.meaning_end,
                                rec.description_end};
  std::size_t count = 0;
  for (std::size_t f = 1; f < std::size(ends); ++f)
    if (ends[f] > m.field_end &&
        find_word(all.substr(ends[f - 1], ends[f] - ends[f - 1]), word) !=
            std::string_view::npos)
      ++count;
  return count;
}

// Orders the text matches of one rank. Whoever searches "auth" means
// 401 more likely than 203, whose phrase holds it too
// ("Non-Authoritative"), and "too large" 413 more likely than 431: a word
// that is more of a short name ("Unauthorized", "Content Too Large") comes
// first. Then come the codes that say it in more of their name, meaning
// and description (407 before 203, both 29 letters long).
struct hit_order {
  bool vendor = false;  // a vendor's code comes after the registered ones
  std::size_t spelling_length = 0;  // name matches only: shorter first
  std::size_t fields = 0;           // more first
};

}  // namespace detail

/// Finds the codes matching every word of `query` (separated by blanks and
/// punctuation, case-insensitive) in their code, reason phrase, aliases,
/// vendor, meaning or description; a query that is a name in any spelling
/// (`find_by_name`: "not_found") finds its code as a name match too. A word of
/// one to three digits matches the codes that start with it ("50": 500-508).
/// Ranks code matches first, in code order, then phrase, then meaning, then
/// description. Of one of these, the registered codes come before the
/// vendors'; of the phrase matches, the shorter name first, since the words
/// are more of it ("auth": 401 Unauthorized before 203 Non-Authoritative
/// Information); then the codes that hold the words in more of their name,
/// meaning and description; then by code. On one code the registered entry
/// comes before the vendors' (418, then RFC 2324's 418). A word that is a class
/// ("4xx", "4XX") matches the codes of that class, as a code match, and no
/// text: "4xx" alone lists the class in code order, "4xx timeout" finds 408 and
/// not 504. Returns no hits for an empty or blank query.
///
///     for (const auto& hit : httpstatus::search("redirect")) ...
[[nodiscard]] constexpr search_results search(
    std::string_view query,
    search_scope scope = search_scope::registered) noexcept {
  search_results results;
  const detail::query_words words(query);
  if (words.size == 0) return results;

  // Insertion keeps the hits sorted by rank. Code matches ("4xx", "40")
  // are a listing, in code order; text matches go by `hit_order`, then by
  // code. A hit never moves ahead of an equal one, so the tables' order
  // breaks what ties are left: IANA's 418 before RFC 2324's.
  std::array<detail::hit_order, search_results::capacity> order{};
  auto insert = [&](const search_hit& hit, const detail::hit_order& key) {
    const auto after = [&](std::size_t i) {
      const search_hit& h = results.hits[i];
      const detail::hit_order& k = order[i];
      if (h.rank != hit.rank) return h.rank > hit.rank;
      if (hit.rank != match_rank::code) {
        if (k.vendor != key.vendor) return k.vendor;
        if (k.spelling_length != key.spelling_length)
          return k.spelling_length > key.spelling_length;
        if (k.fields != key.fields) return k.fields < key.fields;
      }
      return h.entry->code > hit.entry->code;
    };
    std::size_t at = results.size;
    while (at > 0 && after(at - 1)) {
      results.hits[at] = results.hits[at - 1];
      order[at] = order[at - 1];
      --at;
    }
    results.hits[at] = hit;
    order[at] = key;
    ++results.size;
  };

  // A class is a range of codes, not text: as text "4xx" finds only the
  // few descriptions that mention it (418's), while whoever types it wants
  // the class, as the lookup `httpstatus 4xx` shows it. Done here so the
  // CLI, the site's /codes?q= and the API's ?q= all agree.
  std::array<std::optional<status_class>, detail::max_query_words> classes{};
  for (std::size_t w = 0; w < words.size; ++w)
    classes[w] = parse_class(words.words[w]);
  // A name in any spelling ("not_found", "NOT-FOUND", "I'm a teapot") is
  // its code, as `httpstatus not_found` and `find_by_name` read it, though
  // its words may be no text of the registry's.
  const std::optional<int> named = find_by_name(query);

  std::array<detail::word_match, detail::max_query_words> matches{};
  auto consider = [&](std::size_t record, const status& s) {
    // The name itself comes before any hit whose text holds its words.
    if (named && *named == s.code &&
        record < std::size(detail::standard_table)) {
      insert({&s, match_rank::name}, {});
      return;
    }
    // Every word must match; only then are the fields counted.
    int worst = 0;
    for (std::size_t w = 0; w < words.size; ++w) {
      matches[w] = !classes[w] ? detail::match_word(record, s, words.words[w])
                   : class_of(s) == *classes[w]
                       ? detail::word_match{static_cast<int>(match_rank::code)}
                       : detail::word_match{};
      if (matches[w].rank < 0) return;
      worst = std::max(worst, matches[w].rank);
    }
    detail::hit_order key{.vendor = !s.vendor.empty()};
    for (std::size_t w = 0; w < words.size; ++w) {
      if (matches[w].rank == static_cast<int>(match_rank::code)) continue;
      key.spelling_length =
          std::max(key.spelling_length, matches[w].spelling_length);
      key.fields +=
          1 + detail::later_fields_holding(record, words.words[w], matches[w]);
    }
    if (worst != static_cast<int>(match_rank::name)) key.spelling_length = 0;
    insert({&s, static_cast<match_rank>(worst)}, key);
  };
  std::size_t record = 0;
  for (const status& s : detail::standard_table) consider(record++, s);
  if (scope == search_scope::with_unofficial)
    for (const status& s : detail::unofficial_table) consider(record++, s);
  return results;
}

}  // namespace httpstatus
