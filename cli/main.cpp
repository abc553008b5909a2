// SPDX-License-Identifier: MIT
// The httpstatus binary: hands the command line to cli::run.
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "app.hpp"

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  const char* no_color = std::getenv("NO_COLOR");
  const httpstatus::cli::terminal term{
      .color = ::isatty(STDOUT_FILENO) == 1 &&
               (no_color == nullptr || *no_color == '\0')};
  return httpstatus::cli::run(args, std::cout, std::cerr, term);
}
