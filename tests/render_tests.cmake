# SPDX-License-Identifier: MIT
# Render tests: the template filler, HTML escaping and the pages. Included
# from tests/CMakeLists.txt when the CLI (and so httpstatus_render) is built;
# pages_test.cpp reads the seed page through HTTPSTATUS_SHARED_DIR.
target_sources(unit_tests PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/unit/template_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/unit/pages_test.cpp)
target_link_libraries(unit_tests PRIVATE httpstatus_render)
