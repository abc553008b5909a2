# SPDX-License-Identifier: MIT
# The response lint and the `check` / `lint` subcommands: unit tests (the
# `check` ones against an in-test Beast server on 127.0.0.1, port 0) and
# CTest entries that run the real binary on committed sample responses.
find_package(Boost 1.81 REQUIRED COMPONENTS json url)
find_package(OpenSSL REQUIRED)
find_package(Threads REQUIRED)

add_executable(lint_unit_tests unit/lint_test.cpp unit/check_test.cpp)
target_link_libraries(lint_unit_tests PRIVATE
  httpstatus_lint httpstatus_lint_json httpstatus_render
  CLI11::CLI11 httpstatus_fmt Boost::headers Boost::url OpenSSL::SSL OpenSSL::Crypto
  Threads::Threads GTest::gtest_main httpstatus_warnings)

# The subcommands join httpstatus_cli_lib once cli/CMakeLists.txt lists
# them; until then the tests compile them directly, so they can run before
# the binary knows `check` and `lint`.
get_target_property(lint_cli_sources httpstatus_cli_lib SOURCES)
list(FILTER lint_cli_sources INCLUDE REGEX "(^|/)lint_command\\.cpp$")
if(lint_cli_sources)
  target_link_libraries(lint_unit_tests PRIVATE httpstatus_cli_lib)
  set(lint_cli_wired TRUE)
else()
  target_sources(lint_unit_tests PRIVATE
    ${PROJECT_SOURCE_DIR}/cli/check.cpp
    ${PROJECT_SOURCE_DIR}/cli/http_client.cpp
    ${PROJECT_SOURCE_DIR}/cli/lint_command.cpp)
  target_include_directories(lint_unit_tests PRIVATE ${PROJECT_SOURCE_DIR}/cli)
  target_link_libraries(lint_unit_tests PRIVATE httpstatus)
  set(lint_cli_wired FALSE)
endif()
# A reader that loops (as dechunk once did on a huge chunk size) fails in
# two minutes rather than CTest's default 25.
gtest_discover_tests(lint_unit_tests DISCOVERY_TIMEOUT 60 PROPERTIES TIMEOUT 120)

# The real binary on sample responses: one behaviour per entry, exit code
# compared through the shell, output matched with PASS_REGULAR_EXPRESSION.
if(NOT lint_cli_wired)
  message(STATUS "lint: `httpstatus lint` is not wired into cli/ yet; "
                 "skipping the binary's lint.* tests")
  return()
endif()
set(lint_samples ${CMAKE_CURRENT_SOURCE_DIR}/data/responses)
function(httpstatus_lint_test name)
  cmake_parse_arguments(arg "" "PASS;EXIT" "ARGS" ${ARGN})
  add_test(NAME lint.${name}
    COMMAND sh -c "\"$0\" \"$@\"; test $? -eq ${arg_EXIT}"
            $<TARGET_FILE:httpstatus_cli> ${arg_ARGS})
  if(arg_PASS)
    set_tests_properties(lint.${name} PROPERTIES PASS_REGULAR_EXPRESSION "${arg_PASS}")
  endif()
endfunction()

httpstatus_lint_test(405_without_allow_exit
  ARGS lint ${lint_samples}/405-without-allow.txt EXIT 1)
httpstatus_lint_test(405_without_allow_says_why
  ARGS lint ${lint_samples}/405-without-allow.txt EXIT 1
  PASS "405 without Allow: violates RFC 9110 .+15\\.5\\.6 \\(MUST\\)")
httpstatus_lint_test(405_with_allow_clean
  ARGS lint ${lint_samples}/405-with-allow.txt EXIT 0 PASS "no findings")
httpstatus_lint_test(continue_then_ok
  ARGS lint ${lint_samples}/100-continue-then-200.txt EXIT 0
  PASS "HTTP/1\\.1 100 Continue.*HTTP/1\\.1 200 OK")
httpstatus_lint_test(redirect_chain
  ARGS lint ${lint_samples}/curl-L-redirects.txt EXIT 0
  PASS "HTTP/1\\.1 301 Moved Permanently.*HTTP/2 302.*HTTP/2 200")
# curl -si -x PROXY https://...: the proxy's tunnel answer, then the
# origin's response; the first is judged as an answer to CONNECT (no Date
# needed), not as the origin's.
httpstatus_lint_test(proxy_tunnel_then_origin
  ARGS lint ${lint_samples}/curl-proxy-tunnel.txt EXIT 0
  PASS "200 Connection established\n  answers +CONNECT: the proxy's tunnel.*HTTP/2 200")
# A de-chunked page that quotes a status line is one response.
httpstatus_lint_test(page_quoting_a_status_line
  ARGS lint ${lint_samples}/200-page-quoting-a-status-line.txt EXIT 0
  PASS "no findings")
set_tests_properties(lint.page_quoting_a_status_line PROPERTIES
  FAIL_REGULAR_EXPRESSION "404")
httpstatus_lint_test(204_with_content_length
  ARGS lint ${lint_samples}/204-with-content-length.txt EXIT 1
  PASS "content-length-forbidden")
httpstatus_lint_test(204_trailing_newlines_are_no_content
  ARGS lint ${lint_samples}/204-trailing-newlines.txt EXIT 0 PASS "no findings")
httpstatus_lint_test(head_trailing_newline_is_no_content
  ARGS lint --method HEAD ${lint_samples}/head-trailing-newline.txt EXIT 0
  PASS "no findings")
httpstatus_lint_test(429_cacheable
  ARGS lint ${lint_samples}/429-cacheable.txt EXIT 0 PASS "SHOULD +never-stored")
httpstatus_lint_test(head_with_body
  ARGS lint --method HEAD ${lint_samples}/200-with-body.txt EXIT 1 PASS "head-body")
httpstatus_lint_test(json
  ARGS lint --json ${lint_samples}/405-without-allow.txt EXIT 1
  PASS "\"rule\": \"required-header\"")
httpstatus_lint_test(not_a_response
  ARGS lint ${lint_samples}/not-a-response.txt EXIT 2
  PASS "is not an HTTP response")
httpstatus_lint_test(missing_file
  ARGS lint ${lint_samples}/no-such-file.txt EXIT 2
  PASS "cannot read .+no-such-file.txt: No such file or directory")
httpstatus_lint_test(directory
  ARGS lint ${lint_samples} EXIT 2 PASS "cannot read .+: Is a directory")
httpstatus_lint_test(check_unreachable
  ARGS check http://127.0.0.1:1/ EXIT 3 PASS "cannot connect to 127\\.0\\.0\\.1:1")
httpstatus_lint_test(check_bad_url ARGS check ftp://example.com/ EXIT 2)
httpstatus_lint_test(check_missing_cacert
  ARGS check https://127.0.0.1:1/ --cacert /nonexistent EXIT 2)

# `check` against Debian's nginx (HTTP, HTTPS with a throwaway certificate,
# certificate errors), python3-httpbin under gunicorn, and hostile raw
# servers in the script: endless content, garbage, silence (issue #8). One
# entry per group; each skips (77) when nginx, openssl, gunicorn or httpbin
# is missing. The script needs only the standard library.
find_program(HTTPSTATUS_PYTHON3 python3 PATHS /usr/bin NO_DEFAULT_PATH)
find_program(HTTPSTATUS_PYTHON3 python3)
if(HTTPSTATUS_PYTHON3)
  foreach(group nginx tls httpbin hostile)
    add_test(NAME lint.check_${group}
      COMMAND ${HTTPSTATUS_PYTHON3}
              ${CMAKE_CURRENT_LIST_DIR}/e2e/check_real_servers_test.py
              $<TARGET_FILE:httpstatus_cli> ${group})
    set_tests_properties(lint.check_${group} PROPERTIES
      TIMEOUT 60 SKIP_RETURN_CODE 77)
    if(HTTPSTATUS_SANITIZE OR HTTPSTATUS_SANITIZE_THREAD)
      set_tests_properties(lint.check_${group} PROPERTIES
        ENVIRONMENT HTTPSTATUS_CHECK_RSS_LIMIT_MIB=1024)
    endif()
  endforeach()
endif()
