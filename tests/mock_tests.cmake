# SPDX-License-Identifier: MIT
# The mock's core: specification, sequences and the response builder, tested
# without sockets. Included from tests/CMakeLists.txt.
add_executable(mock_unit_tests
  ${CMAKE_CURRENT_LIST_DIR}/unit/mock_spec_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/unit/mock_sequences_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/unit/mock_response_test.cpp)
target_link_libraries(mock_unit_tests PRIVATE
  httpstatus_mock Boost::json GTest::gtest_main httpstatus_warnings)
gtest_discover_tests(mock_unit_tests DISCOVERY_TIMEOUT 60)
