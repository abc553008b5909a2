# SPDX-License-Identifier: MIT
# Our warning flags, linked PRIVATE so that consumers never inherit them.
add_library(httpstatus_warnings INTERFACE)
target_compile_options(httpstatus_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
  -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Woverloaded-virtual
  $<$<BOOL:${HTTPSTATUS_WERROR}>:-Werror>
  # GCC has sized operator delete on by default from C++14, clang before 19
  # does not; server/field_allocator.cpp calls it (the fuzz build is clang).
  $<$<CXX_COMPILER_ID:Clang>:-fsized-deallocation>)

# Sanitizers ride on the same target, so every library, test and tool of
# ours that takes the warnings is instrumented too (`httpstatus_site` is
# generated data, with no code to instrument).
#
# GCC 12 quirk: UBSan's null, nonnull-attribute and returns-nonnull-attribute
# checks turn off -fdelete-null-pointer-checks, and then GCC can no longer
# fold `ptr == nullptr` inside constant evaluation, so the registry's
# constexpr search (string_view::find at compile time) fails to compile.
# Those three are left out; a null dereference still stops the run, as
# AddressSanitizer's SEGV report.
if(HTTPSTATUS_SANITIZE AND HTTPSTATUS_SANITIZE_THREAD)
  message(FATAL_ERROR
    "HTTPSTATUS_SANITIZE and HTTPSTATUS_SANITIZE_THREAD exclude each other")
endif()
if(HTTPSTATUS_SANITIZE)
  target_compile_options(httpstatus_warnings INTERFACE
    -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
    $<$<CXX_COMPILER_ID:GNU>:-fno-sanitize=null,nonnull-attribute,returns-nonnull-attribute>)
  target_link_options(httpstatus_warnings INTERFACE -fsanitize=address,undefined)
endif()
# GCC warns (-Wtsan) that ThreadSanitizer does not model the
# atomic_thread_fence calls inside Asio; that is a note about TSan, not
# about our code, so it must not fail a -Werror build.
if(HTTPSTATUS_SANITIZE_THREAD)
  target_compile_options(httpstatus_warnings INTERFACE
    -fsanitize=thread -fno-omit-frame-pointer
    $<$<CXX_COMPILER_ID:GNU>:-Wno-tsan>)
  target_link_options(httpstatus_warnings INTERFACE -fsanitize=thread)
endif()

# The fuzz build (fuzz/run.sh, clang) instruments all our code for
# libFuzzer's coverage and for ASan + UBSan; only the fuzzers themselves
# link libFuzzer's main.
if(HTTPSTATUS_BUILD_FUZZ)
  target_compile_options(httpstatus_warnings INTERFACE
    -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
    -fno-sanitize-recover=all)
  target_link_options(httpstatus_warnings INTERFACE -fsanitize=address,undefined)
endif()
