# SPDX-License-Identifier: MIT
# The server's tests, included from tests/CMakeLists.txt: unit tests of its
# components (no sockets), in-process end-to-end tests on a free port, and
# a few runs of `httpstatus serve` itself.
if(NOT TARGET httpstatus_server_lib)
  return()
endif()
if(NOT TARGET GTest::gtest_main)
  find_package(GTest 1.12 REQUIRED)
endif()
include(GoogleTest)
find_package(ZLIB REQUIRED)

add_executable(httpstatus_server_unit_tests
  ${CMAKE_CURRENT_LIST_DIR}/unit/access_log_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/unit/handlers_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/unit/metrics_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/unit/response_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/unit/router_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/unit/url_test.cpp)
target_link_libraries(httpstatus_server_unit_tests PRIVATE
  httpstatus_server_lib httpstatus_precompressed httpstatus_lint_json Boost::json GTest::gtest_main
  httpstatus_warnings)
gtest_discover_tests(httpstatus_server_unit_tests
  DISCOVERY_TIMEOUT 60 PROPERTIES TIMEOUT 60)

# The variants compressed at build time (server/precompress_main.cpp):
# they cover the site and decompress to it, and start-up compresses live
# what they miss. Decoded with zlib and brotli's decoder.
add_executable(httpstatus_precompressed_tests
  ${CMAKE_CURRENT_LIST_DIR}/unit/precompressed_test.cpp)
target_link_libraries(httpstatus_precompressed_tests PRIVATE
  httpstatus_server_lib httpstatus_precompressed ZLIB::ZLIB
  httpstatus::brotlidec GTest::gtest_main httpstatus_warnings)
target_include_directories(httpstatus_precompressed_tests PRIVATE
  ${CMAKE_CURRENT_LIST_DIR})
gtest_discover_tests(httpstatus_precompressed_tests
  DISCOVERY_TIMEOUT 60 PROPERTIES TIMEOUT 120)

# Sockets on loopback only, ports chosen by the kernel; a test that hangs
# (a read the server never answers) is cut by the CTest timeout.
add_executable(e2e_tests ${CMAKE_CURRENT_LIST_DIR}/e2e/server_test.cpp
                         ${CMAKE_CURRENT_LIST_DIR}/e2e/hostile_test.cpp
                         ${CMAKE_CURRENT_LIST_DIR}/e2e/operability_test.cpp)
target_link_libraries(e2e_tests PRIVATE
  httpstatus_server_lib httpstatus_precompressed Boost::json ZLIB::ZLIB httpstatus::brotlidec
  GTest::gtest_main httpstatus_warnings)
target_include_directories(e2e_tests PRIVATE ${CMAKE_CURRENT_LIST_DIR})
gtest_discover_tests(e2e_tests DISCOVERY_TIMEOUT 60 PROPERTIES TIMEOUT 60)

# The mock over real sockets (issue #4), its answers judged by the lint.
target_sources(e2e_tests PRIVATE ${CMAKE_CURRENT_LIST_DIR}/e2e/mock_test.cpp)
target_link_libraries(e2e_tests PRIVATE httpstatus_lint)

# Real clients (curl, Python's urllib and requests, a WebSocket client)
# against the real binary; each skips (77) when its client is missing.
if(TARGET httpstatus_cli)
  find_program(HTTPSTATUS_CURL curl)
  # Debian's interpreter, where python3-requests and python3-websockets go.
  find_program(HTTPSTATUS_PYTHON3 python3 PATHS /usr/bin NO_DEFAULT_PATH)
  find_program(HTTPSTATUS_PYTHON3 python3)
  foreach(client curl urllib requests websocket)
    add_test(NAME mock.clients_${client}
      COMMAND ${HTTPSTATUS_PYTHON3} ${CMAKE_CURRENT_LIST_DIR}/e2e/mock_clients_test.py
              $<TARGET_FILE:httpstatus_cli> ${client})
    set_tests_properties(mock.clients_${client} PROPERTIES
      TIMEOUT 60 SKIP_RETURN_CODE 77)
  endforeach()
endif()

# Inputs the fuzzers (fuzz/) once crashed on, kept as regression tests.
if(TARGET httpstatus_mock)
  add_executable(fuzz_regression_tests
    ${CMAKE_CURRENT_LIST_DIR}/unit/fuzz_regression_test.cpp)
  target_link_libraries(fuzz_regression_tests PRIVATE
    httpstatus_mock GTest::gtest_main httpstatus_warnings)
  gtest_discover_tests(fuzz_regression_tests
    DISCOVERY_TIMEOUT 60 PROPERTIES TIMEOUT 60)
endif()

if(TARGET httpstatus_cli)
  foreach(behaviour listening sigterm port_in_use access_log no_access_log
                    metrics no_metrics unread_stdout)
    add_test(NAME cli.serve_${behaviour}
      COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/e2e/serve_cli_test.sh
              $<TARGET_FILE:httpstatus_cli> ${behaviour})
    set_tests_properties(cli.serve_${behaviour} PROPERTIES
      TIMEOUT 60 SKIP_RETURN_CODE 77)
  endforeach()
endif()

# Reliability proofs on the real binary (tests/reliability/, issue #6) that
# are quick enough for `make test`; the soak runs in `make check-hard`.
# slow_client measures latency, so it runs alone; load_balancer skips (77)
# without nginx.
if(TARGET httpstatus_cli)
  find_program(HTTPSTATUS_PYTHON3 python3 PATHS /usr/bin NO_DEFAULT_PATH)
  find_program(HTTPSTATUS_PYTHON3 python3)
  foreach(proof slow_client graceful_stop load_balancer)
    add_test(NAME reliability.${proof}
      COMMAND ${HTTPSTATUS_PYTHON3}
              ${CMAKE_CURRENT_LIST_DIR}/reliability/${proof}.py
              $<TARGET_FILE:httpstatus_cli>)
    set_tests_properties(reliability.${proof} PROPERTIES
      TIMEOUT 120 SKIP_RETURN_CODE 77)
  endforeach()
  set_tests_properties(reliability.slow_client PROPERTIES RUN_SERIAL TRUE)
endif()
