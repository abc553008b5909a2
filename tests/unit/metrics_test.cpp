// SPDX-License-Identifier: MIT
// The metrics: counting by route and status from many threads, and the
// Prometheus text they render (valid exposition format, counters that
// grow, cumulative histogram buckets).
#include "metrics.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <boost/beast/http/field.hpp>

namespace {

using namespace httpstatus::server;
using namespace std::chrono_literals;
namespace http = boost::beast::http;

static_assert(metrics::bucket_bounds.front() == 0.00005);
static_assert(metrics::bucket_bounds.back() == 10);

// "none", then two routes, as a router names them.
void name(metrics& m) { m.name_routes({"none", "/codes/{code}", "/status/*"}); }

// One parsed sample line: `name{labels} value`.
struct sample {
  std::string name;
  std::string labels;  // as written, without the braces
  double value = 0;
};

// Checks `text` against the text exposition format 0.0.4 as Prometheus
// parses it: each line a `# HELP`, a `# TYPE` or a sample; names and label
// names well formed, label values quoted with only \\, \" and \n escaped;
// each family typed once, before its samples, its samples together; a
// value that parses. Returns the samples; records failures with gtest.
std::vector<sample> parse_exposition(const std::string& text) {
  static const std::regex help(R"(^# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) .+$)");
  static const std::regex type(
      R"(^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)$)");
  static const std::regex line(
      R"(^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{((?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\[\\"n])*",?)*)\})? ([-+]?(?:[0-9]+(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|\+Inf|-Inf|NaN))$)");
  std::vector<sample> samples;
  std::map<std::string, std::string> types;
  std::set<std::string> finished;  // families whose samples have ended
  std::string current;
  EXPECT_FALSE(text.empty());
  EXPECT_EQ(text.back(), '\n');
  std::istringstream in(text);
  std::string l;
  while (std::getline(in, l)) {
    std::smatch m;
    if (std::regex_match(l, m, help)) continue;
    if (std::regex_match(l, m, type)) {
      EXPECT_EQ(types.count(m[1]), 0U) << "typed twice: " << l;
      types[m[1]] = m[2];
      continue;
    }
    if (!std::regex_match(l, m, line)) {
      ADD_FAILURE() << "not a valid line: " << l;
      continue;
    }
    std::string family = m[1];
    for (const char* suffix : {"_bucket", "_sum", "_count"}) {
      const std::string s = suffix;
      if (family.size() > s.size() && family.ends_with(s) &&
          types.count(family.substr(0, family.size() - s.size())) &&
          types[family.substr(0, family.size() - s.size())] == "histogram")
        family.resize(family.size() - s.size());
    }
    EXPECT_EQ(types.count(family), 1U) << "sample before its TYPE: " << l;
    if (family != current) {
      EXPECT_EQ(finished.count(family), 0U) << "family split: " << l;
      if (!current.empty()) finished.insert(current);
      current = family;
    }
    samples.push_back({m[1], m[3], std::stod(m[4])});
  }
  return samples;
}

// The value of the one sample named `name` with exactly `labels`, or -1.
double value_of(const std::vector<sample>& samples, std::string_view name,
                std::string_view labels = "") {
  for (const sample& s : samples)
    if (s.name == name && s.labels == labels) return s.value;
  return -1;
}

TEST(metrics, counts_by_route_and_status) {
  metrics m(4);
  name(m);
  m.record(1, 200, 10us);
  m.record(1, 200, 10us);
  m.record(1, 404, 10us);
  m.record(2, 418, 10us);
  m.record(0, 405, 10us);
  m.record(99, 400, 10us);  // an unknown route counts as "none"
  m.record(2, 999, 10us);   // timed, but not counted by status
  EXPECT_EQ(m.requests(1, 200), 2U);
  EXPECT_EQ(m.requests(1, 404), 1U);
  EXPECT_EQ(m.requests(2, 418), 1U);
  EXPECT_EQ(m.requests(0, 405), 1U);
  EXPECT_EQ(m.requests(0, 400), 1U);
  EXPECT_EQ(m.requests(2, 200), 0U);
  EXPECT_EQ(m.requests(2, 999), 0U);
  EXPECT_EQ(m.requests(7, 200), 0U);

  const std::vector<sample> s = parse_exposition(m.render({}));
  EXPECT_EQ(value_of(s, "httpstatus_http_requests_total",
                     R"(route="/codes/{code}",code="200")"),
            2);
  EXPECT_EQ(value_of(s, "httpstatus_http_requests_total",
                     R"(route="none",code="400")"),
            1);
  EXPECT_EQ(value_of(s, "httpstatus_http_requests_total",
                     R"(route="/status/*",code="200")"),
            -1)
      << "a pair never counted is not rendered";
  EXPECT_EQ(value_of(s, "httpstatus_http_request_duration_seconds_count",
                     R"(route="/status/*")"),
            2);
}

TEST(metrics, records_nothing_before_routes_are_named) {
  metrics m;
  m.record(0, 200, 1ms);
  EXPECT_EQ(m.requests(0, 200), 0U);
  parse_exposition(m.render({}));
}

TEST(metrics, renders_valid_exposition_format) {
  metrics m(2);
  m.name_routes({"none", "/", "/we\"ird\\route\n"});
  m.record(1, 200, 30us);
  m.record(2, 500, 2s);
  m.connection_opened();
  const std::string text = m.render({3, 1});
  const std::vector<sample> s = parse_exposition(text);
  EXPECT_FALSE(s.empty());
  EXPECT_NE(text.find("# TYPE httpstatus_http_requests_total counter\n"),
            std::string::npos);
  EXPECT_NE(
      text.find("# TYPE httpstatus_http_request_duration_seconds histogram\n"),
      std::string::npos);
  EXPECT_NE(text.find(R"(route="/we\"ird\\route\n")"), std::string::npos)
      << "label values are escaped";
  EXPECT_EQ(value_of(s, "httpstatus_mock_sequence_keys"), 3);
  EXPECT_EQ(value_of(s, "httpstatus_mock_sleeping_requests"), 1);
  EXPECT_EQ(value_of(s, "httpstatus_connections_open"), 1);
  EXPECT_EQ(value_of(s, "httpstatus_connections_total"), 1);
  EXPECT_EQ(value_of(s, "httpstatus_connections_refused_total"), 0);
  for (const sample& x : s) {
    if (x.name == "httpstatus_build_info") {
      EXPECT_EQ(x.value, 1);
    }
  }
}

TEST(metrics, counters_only_grow) {
  metrics m;
  name(m);
  m.record(1, 200, 1ms);
  const auto before = parse_exposition(m.render({}));
  m.record(1, 200, 1ms);
  m.record(1, 304, 1ms);
  m.connection_opened();
  m.connection_refused();
  const auto after = parse_exposition(m.render({}));
  const std::string labels = R"(route="/codes/{code}",code="200")";
  EXPECT_EQ(value_of(before, "httpstatus_http_requests_total", labels), 1);
  EXPECT_EQ(value_of(after, "httpstatus_http_requests_total", labels), 2);
  EXPECT_EQ(value_of(after, "httpstatus_http_requests_total",
                     R"(route="/codes/{code}",code="304")"),
            1);
  for (const sample& b : before) {
    if (b.name.find("_total") == std::string::npos &&
        b.name.find("_bucket") == std::string::npos &&
        b.name.find("_count") == std::string::npos &&
        b.name.find("_sum") == std::string::npos)
      continue;
    EXPECT_GE(value_of(after, b.name, b.labels), b.value)
        << b.name << "{" << b.labels << "}";
  }
  EXPECT_EQ(value_of(after, "httpstatus_connections_refused_total"), 1);
}

// Buckets count observations at or below their bound, cumulatively; +Inf
// equals _count; _sum is exact to the nanosecond.
TEST(metrics, histogram_buckets_are_cumulative) {
  metrics m;
  name(m);
  m.record(2, 200, 30us);
  m.record(2, 200, 50us);  // on the bound: in le="0.00005"
  m.record(2, 200, 200us);
  m.record(2, 200, 3ms);
  m.record(2, 200, 20s);  // beyond the last bound: +Inf only
  const std::vector<sample> s = parse_exposition(m.render({}));
  const std::string name = "httpstatus_http_request_duration_seconds_bucket";
  struct row {
    const char* le;
    double expected;
  };
  const row rows[] = {{"0.00005", 2}, {"0.0001", 2}, {"0.00025", 3},
                      {"0.0005", 3},  {"0.001", 3},  {"0.0025", 3},
                      {"0.005", 4},   {"1", 4},      {"2.5", 4},
                      {"10", 4},      {"+Inf", 5}};
  for (const row& r : rows)
    EXPECT_EQ(value_of(s, name,
                       std::string(R"(route="/status/*",le=")") + r.le + "\""),
              r.expected)
        << r.le;
  EXPECT_EQ(value_of(s, "httpstatus_http_request_duration_seconds_count",
                     R"(route="/status/*")"),
            5);
  EXPECT_DOUBLE_EQ(value_of(s, "httpstatus_http_request_duration_seconds_sum",
                            R"(route="/status/*")"),
                   20.00328);
  // Every route's buckets never decrease, in the order written.
  std::map<std::string, double> last;
  std::size_t buckets = 0;
  for (const sample& x : s) {
    if (x.name != name) continue;
    const std::string route = x.labels.substr(0, x.labels.find(",le="));
    if (last.count(route)) {
      EXPECT_GE(x.value, last[route]) << x.labels;
    }
    last[route] = x.value;
    ++buckets;
  }
  EXPECT_EQ(buckets, metrics::bucket_bounds.size() + 1)
      << "only routes with requests get a histogram";
}

TEST(metrics, counts_connections) {
  metrics m;
  name(m);
  m.connection_opened();
  m.connection_opened();
  m.connection_closed();
  m.connection_refused();
  EXPECT_EQ(m.connections_open(), 1);
  const std::vector<sample> s = parse_exposition(m.render({}));
  EXPECT_EQ(value_of(s, "httpstatus_connections_open"), 1);
  EXPECT_EQ(value_of(s, "httpstatus_connections_total"), 2);
  EXPECT_EQ(value_of(s, "httpstatus_connections_refused_total"), 1);
}

// Threads count in their own shards (and share them when there are more
// threads than shards); nothing is lost either way.
TEST(metrics, counts_from_many_threads) {
  for (const unsigned shards : {1U, 2U, 16U}) {
    metrics m(shards);
    name(m);
    constexpr int per_thread = 20'000;
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
      threads.emplace_back([&m] {
        for (int i = 0; i < per_thread; ++i) {
          m.record(1, 200, 1us);
          m.connection_opened();
          m.connection_closed();
        }
      });
    for (std::thread& t : threads) t.join();
    EXPECT_EQ(m.requests(1, 200), 4U * per_thread) << shards;
    EXPECT_EQ(m.connections_open(), 0);
    const std::vector<sample> s = parse_exposition(m.render({}));
    EXPECT_EQ(value_of(s, "httpstatus_http_request_duration_seconds_count",
                       R"(route="/codes/{code}")"),
              4 * per_thread);
  }
}

TEST(metrics, response_is_prometheus_text_and_not_stored) {
  metrics m;
  name(m);
  m.record(1, 200, 1ms);
  const request req{http::verb::get, "/metrics", 11};
  const response res = metrics_response(req, m, {});
  EXPECT_EQ(res.result_int(), 200U);
  EXPECT_EQ(res[http::field::content_type],
            "text/plain; version=0.0.4; charset=utf-8");
  EXPECT_EQ(res[http::field::cache_control], "no-store");
  EXPECT_EQ(std::string(res.body().view()), m.render({}));
}

}  // namespace
