// SPDX-License-Identifier: MIT
// The mock's specification: parsing, every error message, and the choice.
#include <gtest/gtest.h>

#include <map>
#include <random>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "mock/spec.hpp"

namespace mock = httpstatus::server::mock;

namespace {

struct list_case {
  std::string_view codes;
  std::vector<int> expected;
  bool is_weighted;
};

}  // namespace

TEST(mockspec, parses_code_lists) {
  const list_case cases[] = {
      {"200", {200}, false},
      {"200,500", {200, 500}, false},
      {"503,503,200", {503, 503, 200}, false},
      {"500-504", {500, 501, 502, 503, 504}, false},
      {"200,500-502", {200, 500, 501, 502}, false},
      {"200:0.9,503:0.1", {200, 503}, true},
      {"200:1,500-501:2", {200, 500, 501}, true},
      {"418", {418}, false},
      {"299", {299}, false},  // unassigned: sent as asked
      {"499", {499}, false},  // unofficial only
      {"103", {103}, false},
      {"100-110", {100, 101, 102, 103, 104}, false},  // skips unassigned 1xx
      {"200%2C404", {200, 404}, false},               // percent-encoded comma
      {" 200 , 404 ", {200, 404}, false},
      {"599-599", {599}, false},
  };
  for (const list_case& c : cases) {
    SCOPED_TRACE(c.codes);
    const mock::spec_result r = mock::parse_spec(c.codes, "", {});
    ASSERT_TRUE(r) << r.detail;
    std::vector<int> codes;
    for (const mock::choice& ch : r.spec.choices) codes.push_back(ch.code);
    EXPECT_EQ(codes, c.expected);
    EXPECT_EQ(r.spec.is_weighted, c.is_weighted);
  }
}

TEST(mockspec, shares_a_range_weight_among_its_codes) {
  const mock::spec_result r = mock::parse_spec("200:0.5,500-504:0.5", "", {});
  ASSERT_TRUE(r);
  ASSERT_EQ(r.spec.choices.size(), 6u);
  EXPECT_DOUBLE_EQ(r.spec.choices[0].weight, 0.5);
  EXPECT_DOUBLE_EQ(r.spec.choices[1].weight, 0.1);
  // Among the codes the range keeps: 100-199 holds five a mock sends (100
  // to 104); the other 95 once took their shares of the weight with them.
  const mock::spec_result informational =
      mock::parse_spec("100-199:1,200:1", "", {});
  ASSERT_TRUE(informational);
  double sum = 0;
  for (const mock::choice& c : informational.spec.choices)
    if (c.code < 200) sum += c.weight;
  EXPECT_DOUBLE_EQ(sum, 1.0);
}

TEST(mockspec, parses_query_options) {
  const mock::spec_result r = mock::parse_spec(
      "302",
      "seed=42&sequence=retry-1&sleep=250&retry_after=30"
      "&location=%2Fstatus%2F201%3Fx%3D1&vendor=nginx&_=cachebuster",
      {});
  ASSERT_TRUE(r) << r.detail;
  EXPECT_EQ(r.spec.seed, 42u);
  EXPECT_EQ(r.spec.sequence, "retry-1");
  EXPECT_EQ(r.spec.sleep, std::chrono::milliseconds(250));
  EXPECT_EQ(r.spec.retry_after, 30u);
  EXPECT_EQ(r.spec.location, "/status/201?x=1");
  EXPECT_EQ(r.spec.vendor, "nginx");
}

// A cache-buster or tracking parameter with a broken escape refused the
// whole request, though the mock does not read it.
TEST(mockspec, ignores_what_it_does_not_read_even_when_malformed) {
  const mock::spec_result r =
      mock::parse_spec("200", "foo=%zz&%zz=1&sleep=5&bare&=x", {});
  ASSERT_TRUE(r) << r.detail;
  EXPECT_EQ(r.spec.sleep, std::chrono::milliseconds(5));
}

// A path with a space or an "é" is a path on this server; the Location
// carries it escaped, as a URI must (it was refused).
TEST(mockspec, escapes_a_location_again_for_the_header) {
  const std::pair<std::string_view, std::string_view> rows[] = {
      {"location=/a%20b", "/a%20b"},
      {"location=/a+b", "/a%20b"},  // '+' is a space in a query
      {"location=/caf%C3%A9?q=%2525", "/caf%C3%A9?q=%25"},
      {"location=/100%25", "/100%25"},  // a "%" that starts no escape
  };
  for (const auto& [query, location] : rows) {
    const mock::spec_result r = mock::parse_spec("302", query, {});
    ASSERT_TRUE(r) << query << ": " << r.detail;
    EXPECT_EQ(r.spec.location, location) << query;
    EXPECT_TRUE(mock::is_local_path(r.spec.location)) << query;
  }
}

TEST(mockspec, takes_sleep_up_to_the_configured_cap) {
  const mock::spec_limits limits{std::chrono::milliseconds(500)};
  EXPECT_TRUE(mock::parse_spec("200", "sleep=500", limits));
  const mock::spec_result r = mock::parse_spec("200", "sleep=501", limits);
  EXPECT_EQ(r.ec, std::errc::result_out_of_range);
  EXPECT_EQ(r.detail, "sleep must be at most 500 ms");
}

namespace {

struct error_case {
  std::string_view codes;
  std::string_view query;
  std::errc ec;
  std::string_view detail;
};

}  // namespace

TEST(mockspec, names_every_problem) {
  using std::errc;
  const error_case cases[] = {
      {"", "", errc::invalid_argument, "the code list is empty"},
      {"abc", "", errc::invalid_argument,
       "'abc' is not a status code: expected three digits"},
      {"20x", "", errc::invalid_argument,
       "'20x' is not a status code: expected three digits"},
      {"99", "", errc::result_out_of_range, "'99' is outside 100-599"},
      {"0200", "", errc::invalid_argument,
       "'0200' is not a status code: expected three digits"},
      {"-1", "", errc::invalid_argument,
       "range '-1' needs a code on each side of '-'"},
      {"500-", "", errc::invalid_argument,
       "range '500-' needs a code on each side of '-'"},
      {"600", "", errc::result_out_of_range, "'600' is outside 100-599"},
      {"99999999999", "", errc::result_out_of_range,
       "'99999999999' is outside 100-599"},
      {"150", "", errc::result_out_of_range,
       "150 is an unassigned 1xx code; only 100-104 can be mocked"},
      {"200,,500", "", errc::invalid_argument,
       "an item of the code list is empty"},
      {"200,", "", errc::invalid_argument, "an item of the code list is empty"},
      {"200:abc", "", errc::invalid_argument, "weight 'abc' is not a number"},
      {"200:", "", errc::invalid_argument, "weight '' is not a number"},
      {"200:inf", "", errc::invalid_argument, "weight 'inf' is not a number"},
      // Numbers, but none a double holds: not "not a number".
      {"200:1e-400", "", errc::result_out_of_range,
       "weight '1e-400' is out of a double's range"},
      {"200:1e400", "", errc::result_out_of_range,
       "weight '1e400' is out of a double's range"},
      {"200:-1", "", errc::invalid_argument, "weight '-1' is negative"},
      {"200:0,500:0", "", errc::result_out_of_range, "the weights sum to zero"},
      {"200:1e308,500:1e308", "", errc::result_out_of_range,
       "the weights sum to more than a double holds"},
      {"200:1,500", "", errc::invalid_argument,
       "either every item has a weight or none has"},
      {"504-500", "", errc::result_out_of_range, "range 504-500 is reversed"},
      {"100-599", "", errc::result_out_of_range,
       "range 100-599 has 500 codes; at most 100 are allowed"},
      {"200-299,300-399", "", errc::result_out_of_range,
       "the code list has more than 100 choices"},
      {"150-160", "", errc::invalid_argument,
       "the code list holds no code that can be mocked"},
      {"200%zz", "", errc::invalid_argument,
       "the code list has a malformed percent escape"},
      {"200", "seed=x", errc::invalid_argument,
       "seed must be a whole number from 0 to 2^64-1"},
      {"200", "seed=-1", errc::invalid_argument,
       "seed must be a whole number from 0 to 2^64-1"},
      {"200", "sequence=", errc::invalid_argument, "sequence needs a key"},
      {"200", "sleep=soon", errc::invalid_argument,
       "sleep must be a whole number of milliseconds"},
      {"200", "sleep=10001", errc::result_out_of_range,
       "sleep must be at most 10000 ms"},
      {"200", "retry_after=x", errc::invalid_argument,
       "retry_after must be a whole number of seconds"},
      {"200", "retry_after=86401", errc::result_out_of_range,
       "retry_after must be at most 86400 seconds"},
      // Whole numbers too large for 64 bits said "must be a whole number".
      {"200", "sleep=99999999999999999999999", errc::result_out_of_range,
       "sleep must be at most 10000 ms"},
      {"200", "retry_after=99999999999999999999", errc::result_out_of_range,
       "retry_after must be at most 86400 seconds"},
      // A second value was taken over the first without a word.
      {"302", "location=/a&location=/b", errc::invalid_argument,
       "location is given twice; give it once"},
      {"499", "vendor=nginx&vendor=Esri", errc::invalid_argument,
       "vendor is given twice; give it once"},
      {"429", "retry_after=1&retry_after=2", errc::invalid_argument,
       "retry_after is given twice; give it once"},
      {"200", "sleep=1&_=x&sleep=", errc::invalid_argument,
       "sleep is given twice; give it once"},
      {"302", "location=https://evil.example/", errc::invalid_argument,
       "location must be a path on this server"},
      {"302", "location=//evil.example/", errc::invalid_argument,
       "location must be a path on this server"},
      {"302", "location=%2F%2Fevil.example", errc::invalid_argument,
       "location must be a path on this server"},
      {"302", "location=/%5Cevil.example", errc::invalid_argument,
       "location must be a path on this server"},
      {"302", "sleep=1%zz", errc::invalid_argument,
       "sleep has a malformed percent escape"},
      {"499", "vendor=ngnix", errc::invalid_argument,
       "vendor 'ngnix' is none of AWS, Cloudflare, Esri, Informal, Laravel, "
       "Microsoft, nginx, Node.js, RFC 2324, Tornado, Twitter"},
      {"302", "location=/a%0D%0ASet-Cookie:x", errc::invalid_argument,
       "location must be a path on this server"},
      {"302", "location=", errc::invalid_argument,
       "location must be a path on this server"},
      {"302", "location=status/200", errc::invalid_argument,
       "location must be a path on this server"},
      {"200:1,503:1", "sequence=k", errc::invalid_argument,
       "a sequence answers its codes in order, so it takes no weights"},
  };
  for (const error_case& c : cases) {
    SCOPED_TRACE(std::string(c.codes) + "?" + std::string(c.query));
    const mock::spec_result r = mock::parse_spec(c.codes, c.query, {});
    EXPECT_FALSE(r);
    EXPECT_EQ(r.ec, c.ec);
    EXPECT_EQ(r.detail, c.detail);
  }
}

TEST(mockspec, cuts_long_input_in_details) {
  const std::string garbage(1000, 'x');
  const mock::spec_result r = mock::parse_spec(garbage, "", {});
  EXPECT_FALSE(r);
  EXPECT_LT(r.detail.size(), 120u);
}

TEST(mockspec, knows_local_paths) {
  EXPECT_TRUE(mock::is_local_path("/"));
  EXPECT_TRUE(mock::is_local_path("/status/200?a=b"));
  EXPECT_FALSE(mock::is_local_path("//host"));
  EXPECT_FALSE(mock::is_local_path("/\\host"));
  EXPECT_FALSE(mock::is_local_path("http://host/"));
  EXPECT_FALSE(mock::is_local_path("/a b"));
  EXPECT_FALSE(mock::is_local_path("/\xc3\xa9"));
  EXPECT_FALSE(mock::is_local_path(""));
}

// With a fixed seed the draws are ours (not <random>'s distributions), so
// these counts are the same on every platform.
TEST(mockchoice, follows_weights_with_a_fixed_engine) {
  const mock::spec_result r = mock::parse_spec("200:0.9,503:0.1", "", {});
  ASSERT_TRUE(r);
  std::mt19937_64 engine(12345);
  std::map<int, int> counts;
  for (int i = 0; i < 10000; ++i) ++counts[mock::choose(r.spec, engine)];
  EXPECT_EQ(counts.size(), 2u);
  EXPECT_NEAR(counts[200], 9000, 150);
  EXPECT_NEAR(counts[503], 1000, 150);
}

TEST(mockchoice, is_uniform_without_weights) {
  const mock::spec_result r = mock::parse_spec("500-504", "", {});
  ASSERT_TRUE(r);
  std::mt19937_64 engine(7);
  std::map<int, int> counts;
  for (int i = 0; i < 10000; ++i) ++counts[mock::choose(r.spec, engine)];
  ASSERT_EQ(counts.size(), 5u);
  for (const auto& [code, n] : counts) EXPECT_NEAR(n, 2000, 150) << code;
}

TEST(mockchoice, never_picks_a_zero_weight) {
  const mock::spec_result r = mock::parse_spec("200:0,404:1,500:0", "", {});
  ASSERT_TRUE(r);
  std::mt19937_64 engine(1);
  for (int i = 0; i < 1000; ++i) EXPECT_EQ(mock::choose(r.spec, engine), 404);
}

TEST(mockchoice, reproduces_a_seeded_choice) {
  for (const std::string_view seed : {"seed=1", "seed=2", "seed=99"}) {
    const mock::spec_result r =
        mock::parse_spec("200,201,202,203,204", seed, {});
    ASSERT_TRUE(r);
    const int first = mock::choose(r.spec);
    for (int i = 0; i < 20; ++i) EXPECT_EQ(mock::choose(r.spec), first) << seed;
  }
}

TEST(mockchoice, varies_between_seeds) {
  std::map<int, int> seen;
  for (int seed = 0; seed < 50; ++seed) {
    const mock::spec_result r = mock::parse_spec(
        "200,201,202,203,204", "seed=" + std::to_string(seed), {});
    ASSERT_TRUE(r);
    ++seen[mock::choose(r.spec)];
  }
  EXPECT_EQ(seen.size(), 5u);
}

TEST(mockchoice, answers_a_single_code_without_drawing) {
  const mock::spec_result r = mock::parse_spec("418", "", {});
  ASSERT_TRUE(r);
  std::mt19937_64 engine(3);
  const std::mt19937_64 before = engine;
  EXPECT_EQ(mock::choose(r.spec, engine), 418);
  EXPECT_EQ(engine, before);
}
