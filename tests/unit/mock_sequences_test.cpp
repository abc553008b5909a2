// SPDX-License-Identifier: MIT
// Mock sequences: order, independence, LRU eviction, expiry, threads.
#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "mock/sequences.hpp"

namespace mock = httpstatus::server::mock;
using namespace std::chrono_literals;

namespace {

// A clock the test moves by hand, so expiry needs no sleeping.
struct fake_clock {
  std::shared_ptr<std::chrono::steady_clock::time_point> now =
      std::make_shared<std::chrono::steady_clock::time_point>();
  mock::sequence_store::clock_fn fn() const {
    return [now = now] { return *now; };
  }
  void advance(std::chrono::steady_clock::duration d) const { *now += d; }
};

std::size_t step(mock::sequence_store& store, std::string_view key,
                 std::size_t length) {
  const mock::sequence_step s = store.next(key, "503,503,200", length);
  EXPECT_TRUE(s) << s.detail;
  return s.index;
}

}  // namespace

TEST(mocksequence, answers_in_order_then_repeats_the_last) {
  // /status/503,503,200?sequence=k: 503, 503, 200, 200, 200.
  mock::sequence_store store;
  const int codes[] = {503, 503, 200};
  std::vector<int> answered;
  for (int i = 0; i < 5; ++i) answered.push_back(codes[step(store, "k", 3)]);
  EXPECT_EQ(answered, (std::vector<int>{503, 503, 200, 200, 200}));
}

TEST(mocksequence, keeps_keys_apart) {
  mock::sequence_store store;
  EXPECT_EQ(step(store, "a", 3), 0u);
  EXPECT_EQ(step(store, "a", 3), 1u);
  EXPECT_EQ(step(store, "b", 3), 0u);
  EXPECT_EQ(step(store, "a", 3), 2u);
  EXPECT_EQ(step(store, "b", 3), 1u);
  EXPECT_EQ(store.size(), 2u);
}

// A key reused with another list (the next test of a suite, say) carried
// its position over: /status/201,202 then /status/203,204 under one key
// answered 201, then 204, and 203 never.
TEST(mocksequence, starts_over_when_the_key_gets_another_list) {
  mock::sequence_store store;
  EXPECT_EQ(store.next("k", "201,202", 2).index, 0u);
  EXPECT_EQ(store.next("k", "203,204", 2).index, 0u);
  EXPECT_EQ(store.next("k", "203,204", 2).index, 1u);
  EXPECT_EQ(store.next("k", "203,204", 2).index, 1u);
  EXPECT_EQ(store.next("k", "201,202", 2).index, 0u);
  EXPECT_EQ(store.size(), 1u);
}

TEST(mocksequence, treats_a_one_code_sequence_as_constant) {
  mock::sequence_store store;
  for (int i = 0; i < 3; ++i) EXPECT_EQ(step(store, "k", 1), 0u);
  EXPECT_EQ(step(store, "z", 0), 0u);
}

TEST(mocksequence, evicts_the_least_recently_used_key_at_the_cap) {
  mock::sequence_store store({.max_keys = 3});
  (void)step(store, "a", 5);
  (void)step(store, "b", 5);
  (void)step(store, "c", 5);
  (void)step(store, "a", 5);  // a is now the most recent; b the least
  (void)step(store, "d", 5);  // evicts b
  EXPECT_EQ(store.size(), 3u);
  EXPECT_EQ(step(store, "a", 5), 2u);  // kept its place
  EXPECT_EQ(step(store, "c", 5), 1u);  // kept
  EXPECT_EQ(step(store, "b", 5), 0u);  // started over (and evicted d)
  EXPECT_EQ(step(store, "d", 5), 0u);  // d was evicted in turn
}

TEST(mocksequence, expires_idle_keys) {
  const fake_clock clock;
  mock::sequence_store store({.idle_expiry = 600s}, clock.fn());
  EXPECT_EQ(step(store, "k", 3), 0u);
  clock.advance(599s);
  EXPECT_EQ(step(store, "k", 3), 1u);  // use refreshes the idle time
  clock.advance(599s);
  EXPECT_EQ(step(store, "k", 3), 2u);
  (void)step(store, "other", 3);
  clock.advance(600s);
  EXPECT_EQ(step(store, "k", 3), 0u);  // idle 600 s: new again
  EXPECT_EQ(store.size(), 1u);         // and "other" was dropped
}

namespace {

struct key_case {
  std::string key;
  const char* detail;  // nullptr: valid
};

}  // namespace

TEST(mocksequence, refuses_bad_keys) {
  const key_case cases[] = {
      {"retry-test_1.a~b:c", nullptr},
      {std::string(128, 'k'), nullptr},
      {"", "sequence needs a key"},
      {std::string(129, 'k'), "sequence key is longer than 128 bytes"},
      {"a b", "sequence key may hold only ASCII letters, digits and -._~:"},
      {"<script>",
       "sequence key may hold only ASCII letters, digits and -._~:"},
      {"caf\xc3\xa9",
       "sequence key may hold only ASCII letters, digits and -._~:"},
  };
  mock::sequence_store store;
  for (const key_case& c : cases) {
    SCOPED_TRACE(c.key);
    const mock::sequence_step s = store.next(c.key, "503,200", 2);
    if (c.detail == nullptr) {
      EXPECT_TRUE(s);
    } else {
      EXPECT_FALSE(s);
      EXPECT_EQ(s.detail, c.detail);
    }
  }
  EXPECT_EQ(store.size(), 2u);  // refused keys take no room
}

TEST(mocksequence, counts_every_step_across_threads) {
  // Two threads advance one key; with a lock, exactly 2000 steps happen, so
  // a sequence of 2001 codes has reached index 2000 on the next call.
  mock::sequence_store store;
  auto work = [&] {
    for (int i = 0; i < 1000; ++i) {
      (void)store.next("shared", "(2001 codes)", 2001);  // one list
      // Appended, not `"k" + to_string(...)`: GCC 12's -Wrestrict
      // misfires on that operator+ in optimised builds.
      std::string key = "k";
      key += std::to_string(i % 50);
      (void)store.next(key, "503,503,200", 3);
    }
  };
  std::thread a(work);
  std::thread b(work);
  a.join();
  b.join();
  EXPECT_EQ(store.next("shared", "(2001 codes)", 2001).index, 2000u);
  EXPECT_EQ(store.size(), 51u);
}
