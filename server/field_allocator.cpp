// SPDX-License-Identifier: MIT
// The allocator of the header fields of every request and response: blocks
// recycled per thread, so that serving a request does not call the global
// allocator once the server is warm.
#include "field_allocator.hpp"

#include <array>

namespace httpstatus::server::detail {
namespace {

// Four size classes, 64 to 512 bytes. A field is Beast's element (about
// 60 bytes with its tree and list hooks) plus its name and value: most of
// ours fit in 128, the Content-Security-Policy in 512. Longer ones (a
// client's cookies) go to operator new, as before.
constexpr std::size_t class_count = 4;
constexpr std::size_t smallest_block = 64;
constexpr std::size_t largest_block = smallest_block << (class_count - 1);

// A thread keeps at most this many free blocks per class (at most ~2 MB in
// all): enough for the fields of a few hundred responses in flight, and a
// bound on what an imbalance between threads (fields allocated on one,
// freed on another) can hold on to.
constexpr std::size_t cache_limit = 2048;

constexpr std::size_t class_of(std::size_t bytes) noexcept {
  std::size_t c = 0;
  while ((smallest_block << c) < bytes) ++c;
  return c;
}
static_assert(class_of(1) == 0 && class_of(64) == 0 && class_of(65) == 1);
static_assert(class_of(largest_block) == class_count - 1);

struct free_block {
  free_block* next;
};

// Trivially destructible, so that it can be read even while the thread
// exits; `reaper` empties it then and turns caching off.
struct thread_cache {
  std::array<free_block*, class_count> heads{};
  std::array<std::size_t, class_count> counts{};
  bool has_reaper = false;
  bool is_exiting = false;
};
constinit thread_local thread_cache cache;

struct reaper {
  reaper() = default;
  reaper(const reaper&) = delete;
  reaper& operator=(const reaper&) = delete;
  ~reaper() {
    cache.is_exiting = true;
    for (std::size_t c = 0; c < class_count; ++c) {
      while (free_block* b = cache.heads[c]) {
        cache.heads[c] = b->next;
        ::operator delete(b, smallest_block << c);
      }
      cache.counts[c] = 0;
    }
  }
};

// The reaper is a function-local thread_local, constructed on a thread's
// first cached block, so that threads that never serve pay nothing.
void ensure_reaper() {
  static thread_local reaper r;
  cache.has_reaper = true;
}

}  // namespace

void* field_block_allocate(std::size_t bytes) {
  if (bytes > largest_block) return ::operator new(bytes);
  const std::size_t c = class_of(bytes);
  if (free_block* b = cache.heads[c]) {
    cache.heads[c] = b->next;
    --cache.counts[c];
    return b;
  }
  return ::operator new(smallest_block << c);
}

void field_block_deallocate(void* p, std::size_t bytes) noexcept {
  if (p == nullptr) return;
  if (bytes > largest_block) {
    ::operator delete(p, bytes);
    return;
  }
  const std::size_t c = class_of(bytes);
  if (cache.is_exiting || cache.counts[c] >= cache_limit) {
    ::operator delete(p, smallest_block << c);
    return;
  }
  if (!cache.has_reaper) ensure_reaper();
  cache.heads[c] = new (p) free_block{cache.heads[c]};
  ++cache.counts[c];
}

}  // namespace httpstatus::server::detail
