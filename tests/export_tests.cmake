# SPDX-License-Identifier: MIT
# The static export (issue #7): its unit tests (the tree it writes, its
# configuration files, the command refusing a non-empty folder), the real
# binary refusing one, and the export served by Debian's nginx compared
# byte for byte with `httpstatus serve` (skipped without nginx). Included
# from tests/CMakeLists.txt.
if(NOT TARGET httpstatus_server_lib OR NOT TARGET httpstatus_cli)
  return()
endif()
if(NOT TARGET GTest::gtest_main)
  find_package(GTest 1.12 REQUIRED)
endif()
include(GoogleTest)

add_executable(httpstatus_export_tests ${CMAKE_CURRENT_LIST_DIR}/unit/export_test.cpp)
target_link_libraries(httpstatus_export_tests PRIVATE
  httpstatus_cli_lib httpstatus_server_lib httpstatus_precompressed
  ZLIB::ZLIB httpstatus::brotlidec GTest::gtest_main httpstatus_warnings)
target_include_directories(httpstatus_export_tests PRIVATE
  ${CMAKE_CURRENT_LIST_DIR})
gtest_discover_tests(httpstatus_export_tests
  DISCOVERY_TIMEOUT 60 PROPERTIES TIMEOUT 120)

# This folder is never empty, so the binary must refuse it and write nothing.
add_test(NAME cli.export_refuses_non_empty
  COMMAND sh -c "\"$0\" export \"$1\"; test $? -eq 2" $<TARGET_FILE:httpstatus_cli>
          ${CMAKE_CURRENT_LIST_DIR})
add_test(NAME cli.export_refusal_message
  COMMAND httpstatus_cli export ${CMAKE_CURRENT_LIST_DIR})
set_tests_properties(cli.export_refusal_message PROPERTIES
  PASS_REGULAR_EXPRESSION "is not empty; use --force to write into it anyway")

find_program(HTTPSTATUS_PYTHON3 python3)
if(HTTPSTATUS_PYTHON3)
  add_test(NAME export.nginx_serves_the_same_bytes
    COMMAND ${HTTPSTATUS_PYTHON3} ${CMAKE_CURRENT_LIST_DIR}/e2e/export_nginx_test.py
            $<TARGET_FILE:httpstatus_cli>)
  set_tests_properties(export.nginx_serves_the_same_bytes PROPERTIES
    SKIP_RETURN_CODE 77 TIMEOUT 180)
endif()
