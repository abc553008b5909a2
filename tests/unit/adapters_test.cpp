// SPDX-License-Identifier: MIT
// The optional adapters: fmt, ostream and Boost.Beast.
#include <gtest/gtest.h>

#include <iomanip>
#include <sstream>

#include "httpstatus/beast.hpp"
#include "httpstatus/fmt.hpp"
#include "httpstatus/ostream.hpp"

namespace {

using namespace httpstatus;

TEST(adapters, formats_with_fmt) {
  const status s = *find(404);
  EXPECT_EQ(fmt::format("{}", s), "404 Not Found");
  EXPECT_EQ(fmt::format("{:c}", s), "404");
  EXPECT_EQ(fmt::format("{:r}", s), "Not Found");
  // A vendor code without a published phrase prints its number alone.
  EXPECT_EQ(fmt::format("{}", find_unofficial(460).front()), "460");
}

// With exceptions on, a spec the adapter does not know is fmt's
// format_error (tests/compile/fmt_without_exceptions.cpp builds it without).
TEST(adapters, rejects_an_unknown_fmt_spec) {
  const status s = *find(404);
  EXPECT_THROW((void)fmt::format(fmt::runtime("{:x}"), s), fmt::format_error);
  EXPECT_THROW((void)fmt::format(fmt::runtime("{:cr}"), s), fmt::format_error);
  EXPECT_THROW((void)fmt::format(fmt::runtime("{:5d}"), s), fmt::format_error);
  // A width taken from an argument is refused, not read from the wrong one.
  EXPECT_THROW((void)fmt::format(fmt::runtime("{:{}}"), s, 20),
               fmt::format_error);
}

// Fill, alignment, width and precision apply to the whole text, as for a
// string, so that a table lines up with fmt as it does with std::setw; the
// adapter refused any of them.
TEST(adapters, fmt_width_pads_the_whole_status) {
  const status s = *find(404);
  EXPECT_EQ(fmt::format("[{:16}]", s), "[404 Not Found   ]");
  EXPECT_EQ(fmt::format("[{:>8}]", *find(200)), "[  200 OK]");
  EXPECT_EQ(fmt::format("[{:*^15}]", s), "[*404 Not Found*]");
  EXPECT_EQ(fmt::format("[{:>5c}|{:<12r}]", s, s), "[  404|Not Found   ]");
  EXPECT_EQ(fmt::format("[{:.3r}]", s), "[Not]");
  // A fill character may be one of the adapter's own letters.
  EXPECT_EQ(fmt::format("[{:c>6c}]", s), "[ccc404]");
  EXPECT_EQ(fmt::format(fmt::runtime("[{:8}]"), s), "[404 Not Found]");
}

// A class formats as it streams; fmt::format("{}", status_class) did not
// compile.
TEST(adapters, formats_a_class_with_fmt) {
  EXPECT_EQ(fmt::format("{} [{:>5}] {}", status_class::client_error,
                        status_class::success, static_cast<status_class>(7)),
            "4xx [  2xx] status_class(7)");
  EXPECT_EQ(fmt::format("{}", *class_of(503)), "5xx");
}

TEST(adapters, streams_with_ostream) {
  std::ostringstream out;
  out << *find(418) << " is " << status_class::client_error;
  EXPECT_EQ(out.str(), "418 I'm a teapot is 4xx");
}

// A width pads the whole text, as for a string; it padded the code alone,
// "404      Not Found", which broke a table laid out with std::setw.
TEST(adapters, ostream_width_pads_the_whole_status) {
  std::ostringstream out;
  out << '[' << std::left << std::setw(16) << *find(404) << "][" << std::right
      << std::setw(8) << *find(200) << ']';
  EXPECT_EQ(out.str(), "[404 Not Found   ][  200 OK]");
}

// A value outside the five classes writes its number, not another class's
// label nor bytes from past the table's end.
TEST(adapters, streams_an_unknown_class_as_its_number) {
  std::ostringstream out;
  out << static_cast<status_class>(0) << ' ' << static_cast<status_class>(7)
      << ' ' << static_cast<status_class>(255);
  EXPECT_EQ(out.str(), "status_class(0) status_class(7) status_class(255)");
  // A width pads the whole text; it padded "status_class(" alone.
  std::ostringstream padded;
  padded << std::left << std::setfill('.') << std::setw(20)
         << static_cast<status_class>(7) << '|' << std::setw(5)
         << status_class::client_error << '|';
  EXPECT_EQ(padded.str(), "status_class(7).....|4xx..|");
}

TEST(adapters, converts_to_and_from_beast) {
  namespace http = boost::beast::http;
  EXPECT_EQ(to_beast(*find(404)), http::status::not_found);
  EXPECT_EQ(static_cast<unsigned>(to_beast(*find(418))), 418u);
  EXPECT_EQ(from_beast(http::status::service_unavailable)->reason,
            "Service Unavailable");
  EXPECT_FALSE(from_beast(http::status::unknown).has_value());
}

}  // namespace
