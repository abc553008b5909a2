// SPDX-License-Identifier: MIT
// The httpstatus binary: hands the command line to cli::run.
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "app.hpp"

namespace {

// NO_COLOR set and not empty (no-color.org), or a terminal that says it
// cannot show colours, turns colour off.
bool wants_color() {
  const char* no_color = std::getenv("NO_COLOR");
  const char* term = std::getenv("TERM");
  return ::isatty(STDOUT_FILENO) == 1 &&
         (no_color == nullptr || *no_color == '\0') &&
         (term == nullptr || std::string_view(term) != "dumb");
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  const httpstatus::cli::terminal term{.color = wants_color()};
  const int code = httpstatus::cli::run(args, std::cout, std::cerr, term);
  // Output that did not reach its file must not pass for success: `list >
  // /dev/full` exited 0 with nothing written. As GNU tools do, one line
  // says so; a pipe closed early ends the process by SIGPIPE before this,
  // unless SIGPIPE is ignored.
  // The reason is known when the last flush failed; a write that failed
  // earlier, mid-output, left only its mark on the stream.
  errno = 0;
  std::cout.flush();
  const int error = errno;
  if (!std::cout || std::fflush(stdout) != 0 || std::ferror(stdout) != 0) {
    std::cerr << "httpstatus: write error";
    if (error != 0) std::cerr << ": " << std::strerror(error);
    std::cerr << '\n';
    return httpstatus::cli::exit_write_error;
  }
  return code;
}
