#!/usr/bin/env bash
# Installs the build tree into a scratch prefix, then builds the consumer
# three times: against the installed package, through add_subdirectory,
# and from the source tree's headers alone (no CMake, no generated file).
# Usage: run.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1 source=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cmake --install "$build" --prefix "$work/prefix" >/dev/null
test -f "$work/prefix/share/pkgconfig/httpstatus.pc"
# The man page names the version the binary reports.
grep -q "\"$("$work/prefix/bin/httpstatus" --version)\"" "$work/prefix/share/man/man1/httpstatus.1"
cflags=$(pkg-config --cflags "$work/prefix/share/pkgconfig/httpstatus.pc")
grep -q -- "-I$work/prefix/share/pkgconfig/../../include" <<<"$cflags"
# The user's standard wins: the flags carry no -std of their own, so a
# C++23 (GCC 12: c++2b) build through pkg-config stays C++23.
printf '%s\n' '#include <httpstatus/httpstatus.hpp>' \
  'static_assert(__cplusplus > 202002L, "pkg-config overrode -std");' \
  'int main() { return httpstatus::find(404) ? 0 : 1; }' >"$work/std.cpp"
# shellcheck disable=SC2086  # $cflags is a list of flags
"${CXX:-c++}" -std=c++2b $cflags "$work/std.cpp" -o "$work/std"
"$work/std"
cmake -S "$source/tests/consumer" -B "$work/installed" -DCMAKE_PREFIX_PATH="$work/prefix" >/dev/null
cmake --build "$work/installed" >/dev/null
"$work/installed/consumer"
cmake -S "$source/tests/consumer" -B "$work/subdir" -DHTTPSTATUS_SOURCE_DIR="$source" >/dev/null
cmake --build "$work/subdir" >/dev/null
"$work/subdir/consumer"
"${CXX:-c++}" -std=c++20 -I"$source/include" "$source/tests/consumer/main.cpp" \
  -o "$work/bare"
"$work/bare"
"$work/prefix/bin/httpstatus" 404 | head -1
