# SPDX-License-Identifier: MIT
# Performance properties that a test can hold: heap allocations per request
# on the pre-rendered paths (issue #5). Its own executable, because it
# replaces the global operator new to count. Included from
# tests/CMakeLists.txt.
if(NOT TARGET httpstatus_server_lib)
  return()
endif()
if(NOT TARGET GTest::gtest_main)
  find_package(GTest 1.12 REQUIRED)
endif()
include(GoogleTest)

add_executable(httpstatus_alloc_tests ${CMAKE_CURRENT_LIST_DIR}/unit/alloc_test.cpp)
target_link_libraries(httpstatus_alloc_tests PRIVATE
  httpstatus_server_lib httpstatus_precompressed GTest::gtest_main
  httpstatus_warnings)
gtest_discover_tests(httpstatus_alloc_tests
  DISCOVERY_TIMEOUT 60 PROPERTIES TIMEOUT 120)
