// SPDX-License-Identifier: MIT
// The server's metrics for `GET /metrics`: requests by route and status, a
// latency histogram, connections; recorded lock-free, rendered in the
// Prometheus text format on demand.
#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "message.hpp"

namespace httpstatus::server {

/// Holds the gauges whose state lives elsewhere (the mock's), read when
/// the metrics are rendered.
struct external_gauges {
  std::size_t mock_sequence_keys = 0;  ///< `sequence=` keys remembered
  std::size_t mock_sleeping = 0;       ///< mock requests in their `sleep=`
};

/// Gives the `Content-Type` of the Prometheus text exposition format.
inline constexpr std::string_view metrics_content_type =
    "text/plain; version=0.0.4; charset=utf-8";

/// Counts what the server does, for `GET /metrics`. Recording is a few
/// relaxed atomic increments, no lock and no allocation: each thread
/// counts in its own shard (cache-line aligned) and `render` adds the
/// shards up. Requests are counted by route (`route_id`, named by
/// `name_routes`) and status (100..599; others are not counted by status),
/// and timed into one histogram per route.
///
///     metrics m(threads);
///     m.name_routes(router.route_names());  // before the first record
///     m.record(route, 200, elapsed);        // from any thread
///     std::string text = m.render({});
///
/// Only `name_routes` and `render` allocate (and may throw `bad_alloc`).
class metrics {
 public:
  /// Gives the upper bounds of the latency histogram's buckets, in
  /// seconds (the last bucket, `+Inf`, is implied). Pre-rendered answers
  /// take tens of microseconds; the mock's `sleep=` up to 10 s.
  static constexpr std::array<double, 17> bucket_bounds = {
      0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
      0.05,    0.1,    0.25,    0.5,    1,     2.5,    5,     10};

  /// Makes empty metrics recorded by up to `shards` threads (1 to 16;
  /// more threads share shards) without sharing a cache line.
  explicit metrics(unsigned shards = 1);

  ~metrics();
  metrics(const metrics&) = delete;
  metrics& operator=(const metrics&) = delete;

  /// Names the routes: `names[id]` is the `route` label of `route_id`
  /// `id`. Call once, before the first `record`; not thread-safe.
  void name_routes(std::vector<std::string> names);

  /// Counts one request answered by `route` with `status`, which took
  /// `elapsed`. A `route` beyond the names counts as route 0 ("none").
  void record(std::size_t route, int status,
              std::chrono::nanoseconds elapsed) noexcept;

  /// Counts a connection accepted and served.
  void connection_opened() noexcept;

  /// Counts a served connection gone.
  void connection_closed() noexcept;

  /// Counts a connection refused at the cap (`--max-connections`).
  void connection_refused() noexcept;

  /// Returns the requests counted for `route` and `status` so far.
  [[nodiscard]] std::uint64_t requests(std::size_t route,
                                       int status) const noexcept;

  /// Returns the connections open now.
  [[nodiscard]] std::int64_t connections_open() const noexcept;

  /// Returns every metric in the Prometheus text exposition format
  /// (version 0.0.4), with `gauges`. Counters by route and status appear
  /// once counted; a route's histogram once it has a request.
  [[nodiscard]] std::string render(const external_gauges& gauges) const;

 private:
  struct alignas(64) line {
    std::array<std::atomic<std::uint64_t>, 8> cells{};
  };

  [[nodiscard]] std::atomic<std::uint64_t>& cell(std::size_t shard,
                                                 std::size_t index) const;
  [[nodiscard]] std::uint64_t sum(std::size_t index) const noexcept;

  unsigned shards_;
  std::vector<std::string> names_;
  std::size_t stride_ = 0;  ///< cells per shard, a whole number of lines
  std::unique_ptr<line[]> lines_;
  alignas(64) std::atomic<std::int64_t> open_{0};
  std::atomic<std::uint64_t> accepted_{0};
  std::atomic<std::uint64_t> refused_{0};
};

/// Returns the response to `GET /metrics` answering `req`: `m` rendered
/// with `gauges`, `Cache-Control: no-store`.
[[nodiscard]] response metrics_response(const request& req, const metrics& m,
                                        const external_gauges& gauges);

}  // namespace httpstatus::server
