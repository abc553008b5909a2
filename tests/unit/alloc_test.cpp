// SPDX-License-Identifier: MIT
// Heap allocations per request on the pre-rendered paths, counted by a
// replacement global operator new: routing, the handler, the response and
// its serialization into a buffer must not touch the heap once warm.
#include <gtest/gtest.h>

#include <array>
#include <atomic>
#include <boost/asio/buffer.hpp>
#include <boost/beast/core/buffers_range.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/http/field.hpp>
#include <boost/beast/http/serializer.hpp>
#include <chrono>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <iomanip>
#include <memory>
#include <new>
#include <ostream>
#include <streambuf>
#include <string>
#include <string_view>

#include "access_log.hpp"
#include "content.hpp"
#include "httpstatus/httpstatus.hpp"
#include "httpstatus/ostream.hpp"
#include "message.hpp"
#include "metrics.hpp"
#include "precompressed.hpp"
#include "response.hpp"
#include "routes.hpp"

// ---- the counting allocator ------------------------------------------------

// Every allocation in this executable passes through here. Counting is off
// except around the code under test, so gtest's own allocations never
// count; the counter is atomic because nothing stops a library from
// allocating on a thread of its own.
namespace {
std::atomic<bool> counting{false};
std::atomic<std::size_t> allocations{0};

void* counted_alloc(std::size_t size) {
  if (counting.load(std::memory_order_relaxed))
    allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}

void* counted_aligned_alloc(std::size_t size, std::align_val_t align) {
  if (counting.load(std::memory_order_relaxed))
    allocations.fetch_add(1, std::memory_order_relaxed);
  const auto a = static_cast<std::size_t>(align);
  if (void* p = std::aligned_alloc(a, (size + a - 1) / a * a)) return p;
  throw std::bad_alloc();
}
}  // namespace

void* operator new(std::size_t size) { return counted_alloc(size); }
void* operator new[](std::size_t size) { return counted_alloc(size); }
void* operator new(std::size_t size, std::align_val_t align) {
  return counted_aligned_alloc(size, align);
}
void* operator new[](std::size_t size, std::align_val_t align) {
  return counted_aligned_alloc(size, align);
}
// The nothrow forms too (std::stable_sort's temporary buffer uses them):
// left to the runtime, they would allocate with its operator new while our
// operator delete frees with free(), a mismatch AddressSanitizer reports.
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  if (counting.load(std::memory_order_relaxed))
    allocations.fetch_add(1, std::memory_order_relaxed);
  return std::malloc(size == 0 ? 1 : size);
}
void* operator new[](std::size_t size, const std::nothrow_t& tag) noexcept {
  return operator new(size, tag);
}
void* operator new(std::size_t size, std::align_val_t align,
                   const std::nothrow_t&) noexcept {
  if (counting.load(std::memory_order_relaxed))
    allocations.fetch_add(1, std::memory_order_relaxed);
  const auto a = static_cast<std::size_t>(align);
  return std::aligned_alloc(a, (size + a - 1) / a * a);
}
void* operator new[](std::size_t size, std::align_val_t align,
                     const std::nothrow_t& tag) noexcept {
  return operator new(size, align, tag);
}
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept {
  std::free(p);
}
void operator delete(void* p, std::align_val_t, const std::nothrow_t&) noexcept {
  std::free(p);
}
void operator delete[](void* p, std::align_val_t,
                       const std::nothrow_t&) noexcept {
  std::free(p);
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept {
  std::free(p);
}
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept {
  std::free(p);
}

namespace {

using namespace httpstatus::server;
namespace http = boost::beast::http;

const content& site() {
  static const std::shared_ptr<const content> rendered =
      render_site(precompressed_site());
  return *rendered;
}

const router& routes() {
  static const router r = make_router(site());
  return r;
}

// Writes `res` the way Beast's serializer hands the header and body
// buffers out (copied into `wire`, whose capacity is reserved).
void serialize(response& res, std::string& wire) {
  http::serializer<false, payload_body, response::fields_type> sr(res);
  boost::beast::error_code ec;
  wire.clear();
  while (!sr.is_done() && !ec) {
    sr.next(ec, [&](boost::beast::error_code&, const auto& buffers) {
      std::size_t n = 0;
      for (const boost::asio::const_buffer b :
           boost::beast::buffers_range_ref(buffers)) {
        wire.append(static_cast<const char*>(b.data()), b.size());
        n += b.size();
      }
      sr.consume(n);
    });
  }
}

// What one request costs, the way a session spends it: dispatch, the
// `Date` the session adds, and the serialization.
std::size_t serve_once(const request& req, std::string& wire) {
  response res = routes().dispatch(req);
  res.set(http::field::date, http_date());
  serialize(res, wire);
  return res.result_int();
}

// The same, observed as a session with metrics and an access log observes
// it (issue #6): the route that answered, the copy of the request's method
// and target the session keeps, the count and the time in `stats`, and
// the access-log line formatted into a stack buffer.
std::size_t observed_once(const router& r, metrics& stats, const request& req,
                          std::string& wire) {
  const auto start = std::chrono::steady_clock::now();
  routed_reply a = r.answer_routed(req);
  a.r.res.set(http::field::date, http_date());
  log_text text;
  text.reserve(req.method_string().size() + req.target().size());
  text.append(req.method_string()).append(req.target());
  serialize(a.r.res, wire);
  const auto status = static_cast<int>(a.r.res.result_int());
  const auto elapsed = std::chrono::steady_clock::now() - start;
  stats.record(a.route, status, elapsed);
  const std::string_view all = text;
  access_entry e;
  e.time = std::chrono::system_clock::now();
  e.client = "127.0.0.1:53122";
  e.method = all.substr(0, req.method_string().size());
  e.target = all.substr(req.method_string().size());
  e.status = status;
  e.bytes = payload_body::size(a.r.res.body());
  e.duration = elapsed;
  std::array<char, max_access_line> line;
  wire.append(format_access_line(e, line));
  return static_cast<std::size_t>(status);
}

struct row {
  const char* target;
  const char* accept_encoding;  // empty: no header
  unsigned status = 200;
  const char* accept = "";  // empty: no header
};

// Counts the allocations of `rounds` requests after a few to warm up
// (thread-local caches, the `Date` string, Beast's lazily built tables);
// `serve` is `serve_once` or a wrapper of `observed_once`.
template <class Serve>
std::size_t allocations_per_request(const row& r, int rounds, Serve serve) {
  request req{http::verb::get, r.target, 11};
  req.set(http::field::host, "127.0.0.1");
  if (*r.accept_encoding != '\0')
    req.set(http::field::accept_encoding, r.accept_encoding);
  if (*r.accept != '\0') req.set(http::field::accept, r.accept);
  std::string wire;
  wire.reserve(1 << 20);
  for (int i = 0; i < 8; ++i) EXPECT_EQ(serve(req, wire), r.status);
  allocations = 0;
  counting = true;
  for (int i = 0; i < rounds; ++i) (void)serve(req, wire);
  counting = false;
  return (allocations.load() + static_cast<std::size_t>(rounds) - 1) /
         static_cast<std::size_t>(rounds);
}

TEST(alloc, counter_sees_allocations) {
  counting = true;
  allocations = 0;
  auto p = std::make_unique<std::string>(100, 'x');
  counting = false;
  EXPECT_GE(allocations.load(), 1U);
}

// The library's promise (README, "The library"): nothing allocates. The
// ostream adapter built a std::string for 44 of 64 records; the stream
// here writes into a fixed array, so any allocation is the adapter's.
TEST(alloc, library_lookups_and_ostream_do_not_allocate) {
  struct fixed_buffer : std::streambuf {
    std::array<char, 256> bytes{};
    fixed_buffer() { setp(bytes.data(), bytes.data() + bytes.size()); }
    void restart() { setp(bytes.data(), bytes.data() + bytes.size()); }
    [[nodiscard]] std::string_view text() const {
      return {pbase(), static_cast<std::size_t>(pptr() - pbase())};
    }
  } buffer;
  std::ostream out(&buffer);
  std::size_t written = 0;
  allocations = 0;
  counting = true;
  for (const httpstatus::status& s : httpstatus::all()) {
    buffer.restart();
    out << std::setw(40) << std::left << s
        << httpstatus::class_of(s.code).value();
    written += buffer.text().size();
    (void)httpstatus::find_by_name(s.reason);
    (void)httpstatus::search(s.reason);
  }
  buffer.restart();
  out << static_cast<httpstatus::status_class>(7);
  counting = false;
  EXPECT_EQ(allocations.load(), 0U);
  EXPECT_EQ(buffer.text(), "status_class(7)");
  EXPECT_GT(written, 64U * 40U);
  EXPECT_TRUE(out.good());
}

TEST(alloc, pre_rendered_paths_do_not_allocate) {
  const row rows[] = {
      {"/", "gzip"},
      {"/", "br"},
      {"/", ""},
      {"/codes/404", "gzip, deflate, br"},
      {"/api/v1/codes/404", "gzip"},
      {"/api/v1/codes/404", ""},
      // The mock's common answers, prepared at start-up.
      {"/status/418", "", 418},
      {"/status/503", "gzip", 503, "application/problem+json"},
      {"/status/301", "", 301, "text/html"},
  };
  (void)site();
  (void)routes();
  for (const row& r : rows) {
    const std::size_t per_request =
        allocations_per_request(r, 1000, serve_once);
    EXPECT_EQ(per_request, 0U)
        << r.target << " with Accept-Encoding '" << r.accept_encoding << "'";
    std::printf("[ alloc    ] %-20s %-20s %zu per request\n", r.target,
                r.accept_encoding, per_request);
  }
}

// Metrics on (as `serve` runs by default), with and without the access
// log's share: counting and timing add no allocation, and neither does
// keeping the request line and formatting its log line.
TEST(alloc, metrics_and_access_log_do_not_allocate) {
  const row rows[] = {
      {"/", "gzip"},
      {"/codes/404", "br"},
      {"/api/v1/codes/404", ""},
      {"/codes/404?utm_source=newsletter&utm_medium=email", "gzip"},
  };
  metrics stats(2);
  const router observed = make_router(site(), {}, {}, &stats);
  const auto serve = [&](const request& req, std::string& wire) {
    return observed_once(observed, stats, req, wire);
  };
  for (const row& r : rows) {
    const std::size_t per_request = allocations_per_request(r, 1000, serve);
    EXPECT_EQ(per_request, 0U)
        << r.target << " with Accept-Encoding '" << r.accept_encoding << "'";
    std::printf("[ alloc    ] observed %-50s %-6s %zu per request\n", r.target,
                r.accept_encoding, per_request);
  }
  EXPECT_GE(stats.requests(1, 200), 1000U) << "the route \"/\" was counted";
}

}  // namespace
