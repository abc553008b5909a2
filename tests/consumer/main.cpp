// SPDX-License-Identifier: MIT
// A consumer looks a code up and prints it.
#include <httpstatus/httpstatus.hpp>

#include <cstdio>

int main() {
  const auto s = httpstatus::find(httpstatus::code::not_found);
  if (!s) return 1;
  std::printf("%d %.*s (httpstatus %.*s)\n", s->code,
              static_cast<int>(s->reason.size()), s->reason.data(),
              static_cast<int>(httpstatus::version.size()),
              httpstatus::version.data());
  return 0;
}
