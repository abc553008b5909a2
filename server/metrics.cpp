// SPDX-License-Identifier: MIT
// The server's metrics for `GET /metrics`: lock-free counting, Prometheus
// text on demand.
#include "metrics.hpp"

#include <algorithm>
#include <iterator>
#include <utility>

#include <fmt/format.h>
#include <boost/beast/http/field.hpp>

#include "httpstatus/version.hpp"
#include "response.hpp"
#include "server.hpp"

namespace httpstatus::server {
namespace {

constexpr std::size_t first_code = 100;
constexpr std::size_t code_count = 500;  // 100..599
constexpr std::size_t bucket_count = metrics::bucket_bounds.size() + 1;
constexpr std::size_t cells_per_line = 8;
constexpr unsigned max_shards = 16;

// The bounds in nanoseconds, so that recording compares integers.
constexpr std::array<std::int64_t, metrics::bucket_bounds.size()> bounds_ns =
    [] {
      std::array<std::int64_t, metrics::bucket_bounds.size()> ns{};
      for (std::size_t i = 0; i < ns.size(); ++i)
        ns[i] =
            static_cast<std::int64_t>(metrics::bucket_bounds[i] * 1e9 + 0.5);
      return ns;
    }();
static_assert(bounds_ns.front() == 50'000 &&
              bounds_ns.back() == 10'000'000'000);

// Threads take shards in the order they first record, so that the few
// threads of one server never share one while they are fewer than the
// shards.
std::size_t this_thread_slot() noexcept {
  static std::atomic<std::size_t> next{0};
  thread_local const std::size_t slot =
      next.fetch_add(1, std::memory_order_relaxed);
  return slot;
}

// Label values escape backslash, double quote and newline (the text
// format's rules); route patterns are ours, but the rule costs nothing.
std::string label(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (const char c : value) {
    if (c == '\\')
      out += "\\\\";
    else if (c == '"')
      out += "\\\"";
    else if (c == '\n')
      out += "\\n";
    else
      out += c;
  }
  return out;
}

// "0.00005", "2.5", "10": the bound as written, without an exponent.
std::string bound_label(double bound) {
  std::string s = fmt::format("{:.6f}", bound);
  s.erase(s.find_last_not_of('0') + 1);
  if (s.back() == '.') s.pop_back();
  return s;
}

}  // namespace

metrics::metrics(unsigned shards)
    : shards_(std::clamp(shards, 1U, max_shards)) {}

metrics::~metrics() = default;

// One block per shard, each a whole number of cache lines: the counts by
// status for every route, then the histogram buckets of every route, then
// each route's sum of nanoseconds.
void metrics::name_routes(std::vector<std::string> names) {
  if (names.empty()) names.emplace_back("none");
  names_ = std::move(names);
  const std::size_t cells = names_.size() * (code_count + bucket_count + 1);
  stride_ = (cells + cells_per_line - 1) / cells_per_line * cells_per_line;
  lines_ = std::make_unique<line[]>(shards_ * stride_ / cells_per_line);
}

std::atomic<std::uint64_t>& metrics::cell(std::size_t shard,
                                          std::size_t index) const {
  const std::size_t i = shard * stride_ + index;
  return lines_[i / cells_per_line].cells[i % cells_per_line];
}

std::uint64_t metrics::sum(std::size_t index) const noexcept {
  std::uint64_t total = 0;
  for (std::size_t s = 0; s < shards_; ++s)
    total += cell(s, index).load(std::memory_order_relaxed);
  return total;
}

void metrics::record(std::size_t route, int status,
                     std::chrono::nanoseconds elapsed) noexcept {
  if (!lines_) return;
  const std::size_t routes = names_.size();
  if (route >= routes) route = 0;
  const std::size_t shard = this_thread_slot() % shards_;
  constexpr auto relaxed = std::memory_order_relaxed;
  if (status >= static_cast<int>(first_code) &&
      status < static_cast<int>(first_code + code_count))
    cell(shard,
         route * code_count + static_cast<std::size_t>(status) - first_code)
        .fetch_add(1, relaxed);
  const std::int64_t ns = std::max<std::int64_t>(elapsed.count(), 0);
  std::size_t bucket = 0;
  while (bucket < bounds_ns.size() && ns > bounds_ns[bucket]) ++bucket;
  cell(shard, routes * code_count + route * bucket_count + bucket)
      .fetch_add(1, relaxed);
  cell(shard, routes * (code_count + bucket_count) + route)
      .fetch_add(static_cast<std::uint64_t>(ns), relaxed);
}

void metrics::connection_opened() noexcept {
  open_.fetch_add(1, std::memory_order_relaxed);
  accepted_.fetch_add(1, std::memory_order_relaxed);
}

void metrics::connection_closed() noexcept {
  open_.fetch_sub(1, std::memory_order_relaxed);
}

void metrics::connection_refused() noexcept {
  refused_.fetch_add(1, std::memory_order_relaxed);
}

std::uint64_t metrics::requests(std::size_t route, int status) const noexcept {
  if (!lines_ || route >= names_.size() ||
      status < static_cast<int>(first_code) ||
      status >= static_cast<int>(first_code + code_count))
    return 0;
  return sum(route * code_count + static_cast<std::size_t>(status) -
             first_code);
}

std::int64_t metrics::connections_open() const noexcept {
  return open_.load(std::memory_order_relaxed);
}

// Each bucket is read once and the cumulative counts, `_count` included,
// are built from that one reading, so they stay monotonic and `+Inf`
// equals `_count` even while requests are being counted.
std::string metrics::render(const external_gauges& gauges) const {
  std::string out;
  auto it = std::back_inserter(out);
  const std::size_t routes = lines_ ? names_.size() : 0;

  fmt::format_to(it,
                 "# HELP httpstatus_http_requests_total Requests answered, by "
                 "route pattern and status code.\n"
                 "# TYPE httpstatus_http_requests_total counter\n");
  for (std::size_t r = 0; r < routes; ++r) {
    const std::string route = label(names_[r]);
    for (std::size_t c = 0; c < code_count; ++c)
      if (const std::uint64_t n = sum(r * code_count + c))
        fmt::format_to(
            it,
            "httpstatus_http_requests_total{{route=\"{}\",code=\"{}\"}} {}\n",
            route, first_code + c, n);
  }

  fmt::format_to(it,
                 "# HELP httpstatus_http_request_duration_seconds Time from "
                 "the first byte of a request to the end of its response, by "
                 "route pattern.\n"
                 "# TYPE httpstatus_http_request_duration_seconds histogram\n");
  std::array<std::string, bucket_count> les;
  for (std::size_t b = 0; b < bucket_bounds.size(); ++b)
    les[b] = bound_label(bucket_bounds[b]);
  les.back() = "+Inf";
  for (std::size_t r = 0; r < routes; ++r) {
    std::array<std::uint64_t, bucket_count> counts{};
    std::uint64_t total = 0;
    for (std::size_t b = 0; b < bucket_count; ++b) {
      counts[b] = sum(routes * code_count + r * bucket_count + b);
      total += counts[b];
    }
    if (total == 0) continue;
    const std::string route = label(names_[r]);
    std::uint64_t cumulative = 0;
    for (std::size_t b = 0; b < bucket_count; ++b) {
      cumulative += counts[b];
      fmt::format_to(it,
                     "httpstatus_http_request_duration_seconds_bucket{{route="
                     "\"{}\",le=\"{}\"}} {}\n",
                     route, les[b], cumulative);
    }
    const std::uint64_t ns = sum(routes * (code_count + bucket_count) + r);
    fmt::format_to(
        it,
        "httpstatus_http_request_duration_seconds_sum{{route=\"{}\"}}"
        " {}.{:09}\n"
        "httpstatus_http_request_duration_seconds_count{{route=\"{}"
        "\"}} {}\n",
        route, ns / 1'000'000'000, ns % 1'000'000'000, route, total);
  }

  fmt::format_to(
      it,
      "# HELP httpstatus_connections_open Connections open now.\n"
      "# TYPE httpstatus_connections_open gauge\n"
      "httpstatus_connections_open {}\n"
      "# HELP httpstatus_connections_total Connections accepted and served.\n"
      "# TYPE httpstatus_connections_total counter\n"
      "httpstatus_connections_total {}\n"
      "# HELP httpstatus_connections_refused_total Connections refused with "
      "503 at the connection cap.\n"
      "# TYPE httpstatus_connections_refused_total counter\n"
      "httpstatus_connections_refused_total {}\n"
      "# HELP httpstatus_mock_sequence_keys Mock sequence keys remembered "
      "now.\n"
      "# TYPE httpstatus_mock_sequence_keys gauge\n"
      "httpstatus_mock_sequence_keys {}\n"
      "# HELP httpstatus_mock_sleeping_requests Mock requests waiting out "
      "their sleep now.\n"
      "# TYPE httpstatus_mock_sleeping_requests gauge\n"
      "httpstatus_mock_sleeping_requests {}\n"
      "# HELP httpstatus_access_log_dropped_total Access-log lines dropped "
      "because standard output was full (not being read).\n"
      "# TYPE httpstatus_access_log_dropped_total counter\n"
      "httpstatus_access_log_dropped_total {}\n"
      "# HELP httpstatus_build_info The server's version; always 1.\n"
      "# TYPE httpstatus_build_info gauge\n"
      "httpstatus_build_info{{version=\"{}\"}} 1\n",
      std::max<std::int64_t>(connections_open(), 0),
      accepted_.load(std::memory_order_relaxed),
      refused_.load(std::memory_order_relaxed), gauges.mock_sequence_keys,
      gauges.mock_sleeping, access_lines_dropped(), label(httpstatus::version));
  return out;
}

response metrics_response(const request& req, const metrics& m,
                          const external_gauges& gauges) {
  response res = make_response(req, 200);
  set_body(res, payload::owned(m.render(gauges)), metrics_content_type);
  res.set(boost::beast::http::field::cache_control, "no-store");
  return res;
}

}  // namespace httpstatus::server
