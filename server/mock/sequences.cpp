// SPDX-License-Identifier: MIT
// Mock sequences: where each `sequence=KEY` stands, in bounded, expiring,
// thread-safe memory.
#include "sequences.hpp"

#include <utility>

namespace httpstatus::server::mock {

namespace {

bool is_key_char(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
         c == '~' || c == ':';
}

}  // namespace

std::optional<std::string> key_problem(std::string_view key,
                                       std::size_t max_bytes) {
  if (key.empty()) return "sequence needs a key";
  if (key.size() > max_bytes)
    return "sequence key is longer than " + std::to_string(max_bytes) +
           " bytes";
  for (const char c : key)
    if (!is_key_char(c))
      return "sequence key may hold only ASCII letters, digits and -._~:";
  return std::nullopt;
}

sequence_store::sequence_store(sequence_limits limits, clock_fn clock)
    : limits_(limits), clock_(std::move(clock)) {}

// The list is in order of last use, so the idle keys are all at its back:
// expiry pops from the back until it meets a fresh key, which keeps each
// call O(1) amortized without a timer thread.
void sequence_store::expire(std::chrono::steady_clock::time_point now) {
  while (!lru_.empty() && now - lru_.back().last_used >= limits_.idle_expiry) {
    index_.erase(lru_.back().key);
    lru_.pop_back();
  }
}

sequence_step sequence_store::next(std::string_view key,
                                   std::string_view codes,
                                   std::size_t length) {
  sequence_step step;
  if (auto problem = key_problem(key, limits_.max_key_bytes)) {
    step.detail = std::move(*problem);
    return step;
  }
  const auto now = clock_();
  const std::lock_guard lock(mutex_);
  expire(now);

  auto found = index_.find(key);
  if (found == index_.end()) {
    if (limits_.max_keys == 0) return step;  // a store that keeps nothing
    if (lru_.size() >= limits_.max_keys) {
      index_.erase(lru_.back().key);
      lru_.pop_back();
    }
    lru_.push_front(entry{std::string(key), 0, 0, now});
    found = index_.emplace(lru_.front().key, lru_.begin()).first;
  } else {
    lru_.splice(lru_.begin(), lru_, found->second);  // iterators stay valid
  }

  entry& e = *found->second;
  e.last_used = now;
  // A hash, not the list: a list may be as long as a target, and a
  // collision costs no more than a sequence that does not start over.
  const std::size_t codes_hash = std::hash<std::string_view>{}(codes);
  if (e.answered != 0 && e.codes_hash != codes_hash) e.answered = 0;
  e.codes_hash = codes_hash;
  const std::size_t last = length == 0 ? 0 : length - 1;
  step.index = e.answered < last ? e.answered : last;
  // Saturate rather than wrap: a key polled for ever stays on its last code.
  if (e.answered <= last) ++e.answered;
  return step;
}

std::size_t sequence_store::size() const {
  const std::lock_guard lock(mutex_);
  return lru_.size();
}

}  // namespace httpstatus::server::mock
