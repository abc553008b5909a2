// SPDX-License-Identifier: MIT
// The allocator of the header fields of every request and response: blocks
// recycled per thread, so that serving a request does not call the global
// allocator once the server is warm.
#pragma once

#include <cstddef>
#include <new>

namespace httpstatus::server {

namespace detail {

/// Returns a block of at least `bytes` from the calling thread's cache, or
/// from `operator new` when the cache is empty or `bytes` is large. Throws
/// `std::bad_alloc` when `operator new` does.
[[nodiscard]] void* field_block_allocate(std::size_t bytes);

/// Returns `p`, allocated by `field_block_allocate(bytes)` on any thread,
/// to the calling thread's cache, or to `operator delete` when the cache
/// is full, `bytes` is large or the thread is exiting.
void field_block_deallocate(void* p, std::size_t bytes) noexcept;

}  // namespace detail

/// Is the allocator of Beast's `basic_fields` in the server's `request` and
/// `response`. Each header field is one allocation of its name and value
/// (Beast's design), a dozen per response; this allocator hands them out
/// from small per-thread free lists by size class (64 to 512 bytes) and
/// takes them back there, so the steady state allocates nothing. It is
/// stateless: any two compare equal, and a block may be freed on another
/// thread than the one that allocated it (it then joins that thread's
/// cache).
template <class T>
class field_allocator {
 public:
  using value_type = T;
  static_assert(alignof(T) <= __STDCPP_DEFAULT_NEW_ALIGNMENT__);

  field_allocator() noexcept = default;
  template <class U>
  field_allocator(const field_allocator<U>&) noexcept {}  // NOLINT: rebind

  /// Returns room for `n` objects of `T`.
  [[nodiscard]] T* allocate(std::size_t n) {
    return static_cast<T*>(detail::field_block_allocate(n * sizeof(T)));
  }

  /// Gives back `p`, which `allocate(n)` returned.
  void deallocate(T* p, std::size_t n) noexcept {
    detail::field_block_deallocate(p, n * sizeof(T));
  }

  template <class U>
  friend bool operator==(const field_allocator&,
                         const field_allocator<U>&) noexcept {
    return true;
  }
};

}  // namespace httpstatus::server
