// SPDX-License-Identifier: MIT
// Mock sequences: where each `sequence=KEY` stands, in bounded, expiring,
// thread-safe memory.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace httpstatus::server::mock {

/// Holds the bounds of a `sequence_store`.
struct sequence_limits {
  /// Keys held at most; a new key beyond it evicts the least recently used.
  std::size_t max_keys = 10000;
  /// Idle time after which a key is forgotten and starts over.
  std::chrono::seconds idle_expiry{600};
  /// Longest key accepted; longer ones are refused.
  std::size_t max_key_bytes = 128;
};

/// Returns a sentence naming what is wrong with `key` (empty, longer than
/// `max_bytes`, or holding a byte other than ASCII letters, digits and
/// `-._~:`), or `std::nullopt` when it is a valid sequence key.
[[nodiscard]] std::optional<std::string> key_problem(std::string_view key,
                                                     std::size_t max_bytes);

/// Carries the result of `sequence_store::next`: the index into the
/// sequence to answer, or, when `detail` is not empty, why the key was
/// refused.
struct sequence_step {
  std::size_t index = 0;
  std::string detail;

  [[nodiscard]] explicit operator bool() const noexcept {
    return detail.empty();
  }
};

/// Remembers, for each sequence key, how many requests it has answered, so
/// that `/status/503,503,200?sequence=K` answers 503, 503, 200, 200, ...
/// Memory is bounded: at most `max_keys` keys (the least recently used one
/// is evicted first) and a key idle for `idle_expiry` starts over. The
/// state is per process, so behind a load balancer a key must stick to one
/// instance. Safe to call from any thread; nothing throws but allocation.
class sequence_store {
 public:
  /// Returns the current time; tests inject a fake one instead of sleeping.
  using clock_fn = std::function<std::chrono::steady_clock::time_point()>;

  /// Makes an empty store with `limits`, reading the time from `clock`.
  explicit sequence_store(
      sequence_limits limits = {},
      clock_fn clock = [] { return std::chrono::steady_clock::now(); });

  /// Returns the index to answer for `key` in the sequence `codes` (the
  /// list as the request spelt it) of `length` codes, and advances the key:
  /// 0, 1, ..., `length - 1`, then `length - 1` for ever. A new, evicted or
  /// expired key starts at 0, and so does a key asked with another list
  /// than last time (a test that reuses a key for a new sequence gets that
  /// sequence from its start). Refuses an invalid key (see `key_problem`)
  /// with a `detail`; `length` 0 yields index 0.
  [[nodiscard]] sequence_step next(std::string_view key, std::string_view codes,
                                   std::size_t length);

  /// Returns how many keys are held now (expired ones may linger until the
  /// next call to `next`).
  [[nodiscard]] std::size_t size() const;

 private:
  struct entry {
    std::string key;
    std::size_t codes_hash = 0;  ///< of the list last asked with the key
    std::size_t answered = 0;
    std::chrono::steady_clock::time_point last_used;
  };
  // Transparent hashing lets `find` take a `string_view` without a copy.
  struct key_hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept {
      return std::hash<std::string_view>{}(s);
    }
  };
  using lru_list = std::list<entry>;  // most recently used first

  void expire(std::chrono::steady_clock::time_point now);

  sequence_limits limits_;
  clock_fn clock_;
  mutable std::mutex mutex_;
  lru_list lru_;
  std::unordered_map<std::string, lru_list::iterator, key_hash, std::equal_to<>>
      index_;
};

}  // namespace httpstatus::server::mock
