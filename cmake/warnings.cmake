# SPDX-License-Identifier: MIT
# Our warning flags, linked PRIVATE so that consumers never inherit them.
add_library(httpstatus_warnings INTERFACE)
target_compile_options(httpstatus_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
  -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Woverloaded-virtual
  $<$<BOOL:${HTTPSTATUS_WERROR}>:-Werror>)
if(HTTPSTATUS_SANITIZE)
  target_compile_options(httpstatus_warnings INTERFACE
    -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
  target_link_options(httpstatus_warnings INTERFACE -fsanitize=address,undefined)
endif()
