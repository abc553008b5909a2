// SPDX-License-Identifier: MIT
// The mock's specification: `/status/{codes}?options` parsed and checked,
// and the choice of one code from it.
#include "spec.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "httpstatus/parse.hpp"
#include "httpstatus/registry.hpp"
#include "response.hpp"
#include "syntax.hpp"
#include "url.hpp"

namespace httpstatus::server::mock {

using lint::iequals;
using lint::is_hex;
using lint::trim;

namespace {

// Input echoed in an error detail is cut, so that a 10 kB path cannot make
// a 10 kB error; the detail is serialized by Boost.JSON, which escapes it.
constexpr std::size_t max_echo = 64;

std::string quoted(std::string_view text) {
  std::string out = "'";
  out.append(text.substr(0, max_echo));
  if (text.size() > max_echo) out += "...";
  out += '\'';
  return out;
}

spec_result fail(std::errc ec, std::string detail) {
  spec_result r;
  r.ec = ec;
  r.detail = std::move(detail);
  return r;
}

// Which numbers the mock answers: anything registered or used by a vendor,
// and the unassigned 2xx..5xx, which RFC 9110 Section 15 has clients treat
// as the x00 of their class. An unassigned 1xx is refused: it would be an
// interim response no client expects, for no testing purpose. A range's
// ends may be such codes (`100-110`): the range skips them.
std::optional<spec_result> code_problem(std::string_view text,
                                        bool is_range_end = false) {
  const parse_result p = parse_code(text);
  // parse_code takes exactly three digits, and refuses "0200".
  if (p.ec == std::errc::invalid_argument)
    return fail(std::errc::invalid_argument,
                quoted(text) + " is not a status code: expected three digits");
  if (p.ec != std::errc{})
    return fail(p.ec, quoted(text) + " is outside 100-599");
  if (!is_range_end && is_informational(p.code) && !is_registered(p.code) &&
      find_unofficial(p.code).empty())
    return fail(std::errc::result_out_of_range,
                std::to_string(p.code) +
                    " is an unassigned 1xx code; only 100-104 can be mocked");
  return std::nullopt;
}

template <class Int>
std::optional<Int> whole_number(std::string_view text) noexcept {
  Int value{};
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc{} || ptr != end || text.empty()) return std::nullopt;
  return value;
}

// As `whole_number`, but digits too many for Int are still a whole number:
// they read as Int's largest, which the caller's cap then refuses with its
// own "at most" (the detail said "must be a whole number" of one).
template <class Int>
std::optional<Int> whole_number_to_cap(std::string_view text) noexcept {
  Int value{};
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ptr != end) return std::nullopt;
  if (ec == std::errc::result_out_of_range)
    return std::numeric_limits<Int>::max();
  if (ec != std::errc{}) return std::nullopt;
  return value;
}

// Parses "code", "first-last", either with ":weight", into `out`. Without
// weights every code counts once (`200,500-504`: 200 one time in six). A
// range's weight is shared by its codes, so `500-504:0.1` means "a 5xx, 10%
// of the time" rather than 50%.
std::optional<spec_result> parse_item(std::string_view item,
                                      std::vector<choice>& out,
                                      bool& weighted) {
  const std::size_t colon = item.find(':');
  const std::string_view codes = trim(item.substr(0, colon));
  double weight = 1.0;
  weighted = colon != std::string_view::npos;
  if (weighted) {
    const std::string_view w = trim(item.substr(colon + 1));
    const char* end = w.data() + w.size();
    const auto [ptr, ec] = std::from_chars(w.data(), end, weight);
    // A number a double cannot hold (1e-400, 1e400) is a number still.
    if (!w.empty() && ptr == end && ec == std::errc::result_out_of_range)
      return fail(std::errc::result_out_of_range,
                  "weight " + quoted(w) + " is out of a double's range");
    if (w.empty() || ec != std::errc{} || ptr != end || !std::isfinite(weight))
      return fail(std::errc::invalid_argument,
                  "weight " + quoted(w) + " is not a number");
    if (weight < 0)
      return fail(std::errc::invalid_argument,
                  "weight " + quoted(w) + " is negative");
  }
  if (codes.empty())
    return fail(std::errc::invalid_argument,
                "an item of the code list is empty");

  const std::size_t dash = codes.find('-');
  const std::string_view first_text = trim(codes.substr(0, dash));
  const bool is_range = dash != std::string_view::npos;
  // "-1" and "500-" are ranges missing an end (the first read as a
  // negative number, whose detail once quoted an empty code).
  if (is_range && (first_text.empty() || trim(codes.substr(dash + 1)).empty()))
    return fail(std::errc::invalid_argument,
                "range " + quoted(codes) + " needs a code on each side of '-'");
  if (auto problem = code_problem(first_text, is_range)) return problem;
  const int first = parse_code(first_text).code;
  if (dash == std::string_view::npos) {
    out.push_back({first, weight});
    return std::nullopt;
  }

  const std::string_view last_text = trim(codes.substr(dash + 1));
  if (auto problem = code_problem(last_text, true)) return problem;
  const int last = parse_code(last_text).code;
  const std::string range = std::to_string(first) + "-" + std::to_string(last);
  if (last < first)
    return fail(std::errc::result_out_of_range,
                "range " + range + " is reversed");
  const auto count = static_cast<std::size_t>(last - first + 1);
  if (count > max_choices)
    return fail(std::errc::result_out_of_range,
                "range " + range + " has " + std::to_string(count) +
                    " codes; at most " + std::to_string(max_choices) +
                    " are allowed");
  // Unassigned 1xx inside a range are skipped rather than refused:
  // `100-199` means "the informational codes". The weight is shared by the
  // codes kept: divided by all 100, `100-199:1,200:1` sent a 1xx 4% of the
  // time, not half.
  const std::size_t kept_from = out.size();
  for (int code = first; code <= last; ++code)
    if (!code_problem(std::to_string(code))) out.push_back({code, 1.0});
  const auto kept = static_cast<double>(out.size() - kept_from);
  if (weighted)
    for (std::size_t i = kept_from; i < out.size(); ++i)
      out[i].weight = weight / kept;
  return std::nullopt;
}

std::optional<spec_result> parse_list(std::string_view encoded, spec& s) {
  const std::optional<std::string> decoded = percent_decode(encoded, false);
  if (!decoded)
    return fail(std::errc::invalid_argument,
                "the code list has a malformed percent escape");
  std::string_view rest = *decoded;
  if (trim(rest).empty())
    return fail(std::errc::invalid_argument, "the code list is empty");

  bool any_weighted = false;
  bool any_plain = false;
  while (true) {
    const std::size_t comma = rest.find(',');
    bool weighted = false;
    if (auto error = parse_item(rest.substr(0, comma), s.choices, weighted))
      return error;
    (weighted ? any_weighted : any_plain) = true;
    if (s.choices.size() > max_choices)
      return fail(std::errc::result_out_of_range,
                  "the code list has more than " + std::to_string(max_choices) +
                      " choices");
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
  if (any_weighted && any_plain)
    return fail(std::errc::invalid_argument,
                "either every item has a weight or none has");
  s.is_weighted = any_weighted;
  if (s.choices.empty())
    return fail(std::errc::invalid_argument,
                "the code list holds no code that can be mocked");
  double total = 0;
  for (const choice& c : s.choices) total += c.weight;
  if (!(total > 0))
    return fail(std::errc::result_out_of_range, "the weights sum to zero");
  // Each weight is finite, but their sum may not be (`200:1e308,500:1e308`):
  // then every draw would land on the last code.
  if (!std::isfinite(total))
    return fail(std::errc::result_out_of_range,
                "the weights sum to more than a double holds");
  return std::nullopt;
}

// Percent-encodes what a URI may not hold as it is (RFC 3986): a space,
// non-ASCII bytes, "\"<>\\^`{|}", and a "%" that starts no escape. An
// escape already there ("/a%20b" from `location=/a%2520b`) is kept.
std::string escaped_for_location(std::string_view decoded) {
  static constexpr std::string_view unsafe = "\"<>\\^`{|}";
  static constexpr std::string_view hex = "0123456789ABCDEF";
  std::string out;
  out.reserve(decoded.size());
  for (std::size_t i = 0; i < decoded.size(); ++i) {
    const char c = decoded[i];
    const auto byte = static_cast<unsigned char>(c);
    const bool starts_escape = c == '%' && i + 2 < decoded.size() &&
                               is_hex(decoded[i + 1]) && is_hex(decoded[i + 2]);
    if (byte == ' ' || byte >= 0x80 || unsafe.find(c) != std::string_view::npos ||
        (c == '%' && !starts_escape)) {
      out += '%';
      out += hex[byte >> 4];
      out += hex[byte & 0x0F];
    } else
      out += c;
  }
  return out;
}

// Whether `name` is a vendor of the registry's unofficial codes, in any
// case ("nginx", "microsoft"), as `resolve` matches them.
bool is_vendor(std::string_view name) {
  return std::any_of(unofficial().begin(), unofficial().end(),
                     [&](const status& u) { return iequals(u.vendor, name); });
}

// "AWS, Cloudflare, ...": each vendor once, in alphabetical order.
std::string vendor_names() {
  std::vector<std::string_view> names;
  for (const status& u : unofficial())
    if (std::find(names.begin(), names.end(), u.vendor) == names.end())
      names.push_back(u.vendor);
  std::sort(names.begin(), names.end(), [](std::string_view a, std::string_view b) {
    return std::lexicographical_compare(
        a.begin(), a.end(), b.begin(), b.end(),
        [](char x, char y) { return detail::ascii_lower(x) < detail::ascii_lower(y); });
  });
  std::string out;
  for (const std::string_view n : names) {
    if (!out.empty()) out += ", ";
    out += n;
  }
  return out;
}

// The options `apply_param` reads; any other parameter is ignored, even one
// whose escapes are broken, so that cache-busting parameters (`?_=123`)
// pass through whatever they hold.
constexpr std::array<std::string_view, 6> option_names = {
    "seed", "sequence", "sleep", "retry_after", "location", "vendor"};

// One query parameter, already decoded.
std::optional<spec_result> apply_param(std::string_view name,
                                       std::string_view value, spec& s,
                                       const spec_limits& limits) {
  if (name == "seed") {
    auto n = whole_number<std::uint64_t>(value);
    if (!n)
      return fail(std::errc::invalid_argument,
                  "seed must be a whole number from 0 to 2^64-1");
    s.seed = *n;
  } else if (name == "sequence") {
    if (value.empty())
      return fail(std::errc::invalid_argument, "sequence needs a key");
    s.sequence = value;
  } else if (name == "sleep") {
    auto n = whole_number_to_cap<std::uint64_t>(value);
    if (!n)
      return fail(std::errc::invalid_argument,
                  "sleep must be a whole number of milliseconds");
    const auto cap = static_cast<std::uint64_t>(limits.max_sleep.count());
    if (*n > cap)
      return fail(std::errc::result_out_of_range,
                  "sleep must be at most " + std::to_string(cap) + " ms");
    s.sleep = std::chrono::milliseconds(static_cast<std::int64_t>(*n));
  } else if (name == "retry_after") {
    auto n = whole_number_to_cap<std::uint64_t>(value);
    if (!n)
      return fail(std::errc::invalid_argument,
                  "retry_after must be a whole number of seconds");
    if (*n > max_retry_after)
      return fail(std::errc::result_out_of_range,
                  "retry_after must be at most " +
                      std::to_string(max_retry_after) + " seconds");
    s.retry_after = static_cast<std::uint32_t>(*n);
  } else if (name == "location") {
    // No open redirect: the mock only ever points at itself. The value
    // was percent-decoded with the query, so what a Location cannot carry
    // as it is (a space, an "é") is escaped again; a backslash, which some
    // browsers read as a slash, and control bytes are refused.
    const bool has_control = std::any_of(value.begin(), value.end(), [](char c) {
      return static_cast<unsigned char>(c) < 0x20 || c == 0x7F;
    });
    std::string location = escaped_for_location(value);
    if (has_control || value.find('\\') != std::string_view::npos ||
        !is_local_path(location))
      return fail(std::errc::invalid_argument,
                  "location must be a path on this server");
    s.location = std::move(location);
  } else if (name == "vendor") {
    // A misspelt vendor would quietly give another meaning of the code.
    if (!is_vendor(value))
      return fail(std::errc::invalid_argument,
                  "vendor " + quoted(value) + " is none of " + vendor_names());
    s.vendor = value;
  }
  return std::nullopt;
}

std::optional<spec_result> parse_query_options(std::string_view query, spec& s,
                                               const spec_limits& limits) {
  // No valid query holds a raw NUL; one would only reach a header.
  if (query.find('\0') != std::string_view::npos)
    return fail(std::errc::invalid_argument, "the query string is malformed");
  // Each option once: of two `location=` one would be dropped without a
  // word, as the JSON API refuses a second `class=`.
  std::array<bool, option_names.size()> seen{};
  std::optional<spec_result> error;
  // Each parameter is decoded on its own: a broken escape in a parameter
  // the mock does not read must not refuse the request.
  (void)for_each_encoded_query_param(
      query, [&](std::string_view encoded_name, std::string_view encoded_value) {
        const std::optional<std::string> name =
            percent_decode(encoded_name, true);
        const auto option =
            name ? std::find(option_names.begin(), option_names.end(), *name)
                 : option_names.end();
        if (option == option_names.end()) return true;
        bool& given =
            seen[static_cast<std::size_t>(option - option_names.begin())];
        if (given) {
          error = fail(std::errc::invalid_argument,
                       *name + " is given twice; give it once");
          return false;
        }
        given = true;
        const std::optional<std::string> value =
            percent_decode(encoded_value, true);
        if (!value) {
          error = fail(std::errc::invalid_argument,
                       *name + " has a malformed percent escape");
          return false;
        }
        error = apply_param(*name, *value, s, limits);
        return !error;
      });
  return error;
}

}  // namespace

bool is_local_path(std::string_view location) noexcept {
  if (location.empty() || location[0] != '/') return false;
  if (location.size() > 1 && (location[1] == '/' || location[1] == '\\'))
    return false;
  for (const char c : location)
    if (c <= ' ' || c > '~' || c == '\\') return false;
  return true;
}

spec_result parse_spec(std::string_view codes, std::string_view query,
                       const spec_limits& limits) {
  spec_result result;
  if (auto error = parse_list(codes, result.spec)) return std::move(*error);
  if (auto error = parse_query_options(query, result.spec, limits))
    return std::move(*error);
  if (!result.spec.sequence.empty() && result.spec.is_weighted)
    return fail(std::errc::invalid_argument,
                "a sequence answers its codes in order, so it takes no "
                "weights");
  return result;
}

// The draw is ours, not `std::discrete_distribution`'s: the standard leaves
// distributions' algorithms to each library, and a seed must give the same
// code wherever the server runs. 53 random bits make a double in [0, 1).
int choose(const spec& s, std::mt19937_64& engine) noexcept {
  if (s.choices.empty()) return 0;
  if (s.choices.size() == 1) return s.choices.front().code;
  double total = 0;
  for (const choice& c : s.choices) total += c.weight;
  const double unit = static_cast<double>(engine() >> 11) * 0x1.0p-53;
  const double target = unit * total;
  double running = 0;
  int last_positive = s.choices.front().code;
  for (const choice& c : s.choices) {
    if (c.weight <= 0) continue;
    running += c.weight;
    last_positive = c.code;
    if (target < running) return c.code;
  }
  return last_positive;  // rounding left `target` at the very top
}

int choose(const spec& s) {
  if (s.seed) {
    std::mt19937_64 seeded(*s.seed);
    return choose(s, seeded);
  }
  thread_local std::mt19937_64 engine = [] {
    std::random_device device;
    std::seed_seq seq{device(), device(), device(), device()};
    return std::mt19937_64(seq);
  }();
  return choose(s, engine);
}

}  // namespace httpstatus::server::mock
