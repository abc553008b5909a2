// SPDX-License-Identifier: MIT
// The access log: one line per request, formatted into a fixed buffer
// without allocating, and written whole.
#include "access_log.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <ctime>
#include <limits>

#include <fmt/format.h>

#include "log.hpp"
#include "server.hpp"

namespace httpstatus::server {
namespace {

// Appends to a fixed buffer and silently stops at its end, so that no
// input can write past it; the caller sizes the fields to fit.
class line_writer {
 public:
  explicit line_writer(std::span<char> buffer) noexcept
      : begin_(buffer.data()),
        at_(buffer.data()),
        end_(buffer.data() + buffer.size()) {}

  void put(std::string_view s) noexcept {
    const std::size_t n =
        std::min(s.size(), static_cast<std::size_t>(end_ - at_));
    std::memcpy(at_, s.data(), n);
    at_ += n;
  }

  void put(char c) noexcept {
    if (at_ != end_) *at_++ = c;
  }

  // `value` in decimal, zero-padded to `width` digits.
  void put_number(std::uint64_t value, int width = 0) noexcept {
    std::array<char, 24> digits{};
    const auto [end, ec] =
        std::to_chars(digits.data(), digits.data() + digits.size(), value);
    const auto n = static_cast<int>(end - digits.data());
    for (int i = n; i < width; ++i) put('0');
    put(std::string_view(digits.data(), static_cast<std::size_t>(n)));
  }

  // `text` with every byte outside printable ASCII, '"' and '\' as \xHH,
  // up to `limit`; returns false when it had to stop short.
  bool put_escaped(std::string_view text, char* limit) noexcept {
    static constexpr std::string_view hex = "0123456789ABCDEF";
    limit = std::min(limit, end_);
    for (const char c : text) {
      const auto byte = static_cast<unsigned char>(c);
      const bool is_plain =
          byte >= 0x20 && byte < 0x7F && byte != '"' && byte != '\\';
      if (at_ + (is_plain ? 1 : 4) > limit) return false;
      if (is_plain) {
        *at_++ = c;
      } else {
        *at_++ = '\\';
        *at_++ = 'x';
        *at_++ = hex[byte >> 4];
        *at_++ = hex[byte & 0xF];
      }
    }
    return true;
  }

  [[nodiscard]] char* at() const noexcept { return at_; }
  [[nodiscard]] std::string_view text() const noexcept {
    return {begin_, static_cast<std::size_t>(at_ - begin_)};
  }

 private:
  char* begin_;
  char* at_;
  char* end_;
};

// Room for everything but the request: the time (24), the client (at most
// `max_client_text`), the status, the bytes (20 digits), the duration, the
// version, quotes, spaces, the cut mark and the newline.
constexpr std::size_t room_for_the_rest = 256;
static_assert(room_for_the_rest >
              24 + max_client_text + 11 + 20 + 26 + 9 + 4 + 6 + 1);

// "2026-11-25T08:00:00": formatted once a second per thread, like `Date`.
void put_time(line_writer& w,
              std::chrono::system_clock::time_point time) noexcept {
  using namespace std::chrono;
  const auto since_epoch = time.time_since_epoch();
  const auto seconds = floor<std::chrono::seconds>(since_epoch);
  const auto millis = duration_cast<milliseconds>(since_epoch - seconds);
  thread_local std::int64_t cached_second =
      std::numeric_limits<std::int64_t>::min();
  thread_local std::array<char, 19> cached{};
  if (seconds.count() != cached_second) {
    const auto t = static_cast<std::time_t>(seconds.count());
    std::tm tm{};
    gmtime_r(&t, &tm);
    line_writer c(cached);
    c.put_number(static_cast<std::uint64_t>(tm.tm_year + 1900), 4);
    c.put('-');
    c.put_number(static_cast<std::uint64_t>(tm.tm_mon + 1), 2);
    c.put('-');
    c.put_number(static_cast<std::uint64_t>(tm.tm_mday), 2);
    c.put('T');
    c.put_number(static_cast<std::uint64_t>(tm.tm_hour), 2);
    c.put(':');
    c.put_number(static_cast<std::uint64_t>(tm.tm_min), 2);
    c.put(':');
    c.put_number(static_cast<std::uint64_t>(tm.tm_sec), 2);
    cached_second = seconds.count();
  }
  w.put(std::string_view(cached.data(), cached.size()));
  w.put('.');
  w.put_number(static_cast<std::uint64_t>(millis.count()), 3);
  w.put('Z');
}

}  // namespace

std::string_view format_access_line(
    const access_entry& e, std::span<char, max_access_line> buffer) noexcept {
  line_writer w(buffer);
  put_time(w, e.time);
  w.put(' ');
  w.put(e.client.empty() ? std::string_view("-")
                         : e.client.substr(0, max_client_text));
  w.put(" \"");
  if (e.method.empty() && e.target.empty()) {
    w.put('-');
  } else {
    char* const limit = buffer.data() + buffer.size() - room_for_the_rest;
    const bool is_whole = w.put_escaped(e.method, limit) &&
                          (w.put(' '), w.put_escaped(e.target, limit));
    if (!is_whole || e.is_cut) w.put("\\...");
    w.put(" HTTP/");
    w.put_number(e.version / 10);
    w.put('.');
    w.put_number(e.version % 10);
  }
  w.put("\" ");
  w.put_number(static_cast<std::uint64_t>(std::max(e.status, 0)));
  w.put(' ');
  w.put_number(e.bytes);
  w.put(' ');
  const auto micros = static_cast<std::uint64_t>(
      std::max<std::int64_t>(e.duration.count(), 0) / 1000);
  w.put_number(micros / 1000);
  w.put('.');
  w.put_number(micros % 1000, 3);
  w.put("ms\n");
  return w.text();
}

std::string_view format_client(
    const boost::asio::ip::tcp::endpoint& endpoint,
    std::span<char, max_client_text> buffer) noexcept {
  std::array<char, 64> address{};
  const boost::asio::ip::address a = endpoint.address();
  const bool is_v6 = a.is_v6();
  if (is_v6) {
    const auto bytes = a.to_v6().to_bytes();
    if (!inet_ntop(AF_INET6, bytes.data(), address.data(), address.size()))
      return {};
  } else {
    const auto bytes = a.to_v4().to_bytes();
    if (!inet_ntop(AF_INET, bytes.data(), address.data(), address.size()))
      return {};
  }
  line_writer w(buffer);
  if (is_v6) w.put('[');
  w.put(std::string_view(address.data()));
  if (is_v6) w.put(']');
  w.put(':');
  w.put_number(endpoint.port());
  return w.text();
}

namespace {

// Standard output as the access log sees it. A pipe or a socket whose
// reader stops reading (a test harness that read "listening on" and no
// more, a stalled journald) must not stall the server: its lines are
// dropped instead, counted, and said once on stderr. A pipe gets a file
// description of its own, non-blocking, so that the inherited one (which
// a shell may share) keeps its flags; a socket is sent to with
// MSG_DONTWAIT. A file, a terminal or /dev/null is written as it is: it
// does not fill up.
struct stdout_sink {
  enum class kind : std::uint8_t { plain, pipe, socket };

  stdout_sink() noexcept {
    struct stat st {};
    if (::fstat(STDOUT_FILENO, &st) != 0) return;
    if (S_ISSOCK(st.st_mode)) {
      how = kind::socket;
    } else if (S_ISFIFO(st.st_mode)) {
      const int own =
          ::open("/proc/self/fd/1", O_WRONLY | O_NONBLOCK | O_CLOEXEC);
      if (own >= 0) {
        fd = own;
        how = kind::pipe;
      }
    }
  }

  // Returns what write(2) returns. A line of at most PIPE_BUF bytes goes
  // into a pipe whole or not at all; a socket may take part of it, and
  // then gets the rest blocking, so that no line is left cut.
  [[nodiscard]] ssize_t put(std::string_view bytes,
                            bool is_rest) const noexcept {
    if (how != kind::socket) return ::write(fd, bytes.data(), bytes.size());
    const int flags = MSG_NOSIGNAL | (is_rest ? 0 : MSG_DONTWAIT);
    return ::send(fd, bytes.data(), bytes.size(), flags);
  }

  int fd = STDOUT_FILENO;
  kind how = kind::plain;
};

std::atomic<std::uint64_t> dropped_lines{0};

}  // namespace

// No buffering on purpose: a line appears when its response is done, which
// is what someone following the log (or journald) wants, and one write(2)
// per line keeps lines whole without a lock.
void write_access_line(std::string_view line) noexcept {
  static const stdout_sink out;
  static std::atomic<bool> is_broken{false};
  static std::atomic<bool> told_dropped{false};
  if (is_broken.load(std::memory_order_relaxed)) return;
  bool is_rest = false;
  while (!line.empty()) {
    const ssize_t n = out.put(line, is_rest);
    if (n > 0) {
      line.remove_prefix(static_cast<std::size_t>(n));
      is_rest = true;
      continue;
    }
    if (n == 0) return;
    const int error = errno;
    if (error == EINTR) continue;
    if (error == EAGAIN || error == EWOULDBLOCK) {
      dropped_lines.fetch_add(1, std::memory_order_relaxed);
      if (!told_dropped.exchange(true))
        log_to_stderr(
            "access log: standard output is not being read; lines are "
            "dropped while it is full");
    } else if (!is_broken.exchange(true)) {
      // Within the buffer's inline 500 bytes: nothing to allocate.
      fmt::memory_buffer why;
      fmt::format_system_error(why, error, "access log");
      why.append(std::string_view("; access log off"));
      log_to_stderr(std::string_view(why.data(), why.size()));
    }
    return;
  }
}

std::uint64_t access_lines_dropped() noexcept {
  return dropped_lines.load(std::memory_order_relaxed);
}

}  // namespace httpstatus::server
