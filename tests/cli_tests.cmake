# SPDX-License-Identifier: MIT
# CLI end-to-end: the real binary, one behaviour per CTest entry. Output is
# matched with PASS_REGULAR_EXPRESSION; a failing exit code with WILL_FAIL.
function(httpstatus_cli_test name)
  cmake_parse_arguments(arg "WILL_FAIL" "PASS;EXIT" "ARGS" ${ARGN})
  if(DEFINED arg_EXIT)
    # A precise exit code: run through the shell and compare.
    add_test(NAME cli.${name}
      COMMAND sh -c "\"$0\" \"$@\"; test $? -eq ${arg_EXIT}"
              $<TARGET_FILE:httpstatus_cli> ${arg_ARGS})
  else()
    add_test(NAME cli.${name} COMMAND httpstatus_cli ${arg_ARGS})
  endif()
  if(arg_PASS)
    set_tests_properties(cli.${name} PROPERTIES PASS_REGULAR_EXPRESSION "${arg_PASS}")
  endif()
  if(arg_WILL_FAIL)
    set_tests_properties(cli.${name} PROPERTIES WILL_FAIL TRUE)
  endif()
endfunction()

httpstatus_cli_test(code_404 ARGS 404 PASS "^404 Not Found\n  class +4xx Client error")
httpstatus_cli_test(two_codes ARGS 404 503 PASS "404 Not Found.*503 Service Unavailable")
httpstatus_cli_test(class_4xx ARGS 4xx PASS "^4xx Client error: .*\n400  Bad Request")
httpstatus_cli_test(padded_code ARGS " 404 " PASS "^404 Not Found\n  class +4xx Client error")
httpstatus_cli_test(name_teapot ARGS teapot PASS "^418 I'm a teapot")
httpstatus_cli_test(name_snake ARGS not_found PASS "^404 Not Found")
httpstatus_cli_test(search_redirect ARGS search redirect PASS "301  Moved Permanently")
httpstatus_cli_test(search_class ARGS search 4xx
  PASS "^400  Bad Request .*\n404  Not Found .*\n451  ")
httpstatus_cli_test(json_object ARGS --json 404 PASS "^{\n  \"code\": 404,\n  \"reason\": \"Not Found\"")
# Two queries give an array, though only one is found (stderr's line about
# abc shares the output, before or after).
httpstatus_cli_test(json_array_for_two_queries ARGS --json 404 abc
  PASS "(^|\n)\\[\n  {\n    \"code\": 404,")
httpstatus_cli_test(unassigned_exit ARGS 299 EXIT 1)
httpstatus_cli_test(unassigned_says_class ARGS 299 PASS "299 is unassigned")
httpstatus_cli_test(not_a_code_exit ARGS 600 EXIT 1)
httpstatus_cli_test(garbage_exit ARGS abc EXIT 1)
httpstatus_cli_test(huge_number_exit ARGS 99999999999999999999 EXIT 1)
# CMake drops empty list elements, so "" never reaches the binary from here
# (empty_query_exit runs `httpstatus` alone, which prints help and exits 2);
# the empty queries are tested in tests/unit/cli_test.cpp.
httpstatus_cli_test(empty_query_exit ARGS "" EXIT 2)
httpstatus_cli_test(blank_query_exit ARGS "   " EXIT 2)
httpstatus_cli_test(blank_query_says_why ARGS "   " PASS "error: empty query")
httpstatus_cli_test(search_blank_exit ARGS search "  " EXIT 2)
# A word a subcommand does not take is a usage error, not silently dropped.
httpstatus_cli_test(list_extra_exit ARGS list extra EXIT 2)
httpstatus_cli_test(list_extra_says_which ARGS list extra
  PASS "^httpstatus: error: list: unexpected argument 'extra'\n$")
httpstatus_cli_test(lint_second_file_exit
  ARGS lint ${CMAKE_CURRENT_SOURCE_DIR}/data/responses/405-with-allow.txt
       other.txt EXIT 2)
httpstatus_cli_test(export_extra_exit
  ARGS export ${CMAKE_CURRENT_BINARY_DIR}/export-extra-unused extra EXIT 2)
httpstatus_cli_test(serve_extra_exit ARGS serve --port 0 extra EXIT 2)
# Without the check it would serve until killed.
set_tests_properties(cli.serve_extra_exit PROPERTIES TIMEOUT 10)
httpstatus_cli_test(bad_flag_exit ARGS --frobnicate EXIT 2)
httpstatus_cli_test(version ARGS --version PASS "^httpstatus [0-9]+\\.[0-9]+\\.[0-9]+")
httpstatus_cli_test(help_lists_exit_codes ARGS --help PASS "Exit codes:")

# The shell completions and the man page against the binary's --help, so
# that neither drifts from the flags (tests/e2e/completions_test.sh).
foreach(behaviour completion_bash_flags completion_bash_subcommand
                  completion_bash_values completion_zsh_flags
                  completion_fish_flags man_page_options man_page_exit_status)
  add_test(NAME cli.${behaviour}
    COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/e2e/completions_test.sh
            $<TARGET_FILE:httpstatus_cli> ${PROJECT_SOURCE_DIR}/share
            ${behaviour})
  set_tests_properties(cli.${behaviour} PROPERTIES TIMEOUT 60)
endforeach()

# Output that cannot be written is an error, not a silent success: `list`
# into a full disk exited 0 with nothing written. The number is sysexits'
# EX_IOERR, and one line says why.
add_test(NAME cli.write_error_is_reported
  COMMAND sh -c "err=$(\"$0\" list 2>&1 >/dev/full); rc=$?; echo \"$err\"; test $rc -eq 74"
          $<TARGET_FILE:httpstatus_cli>)
set_tests_properties(cli.write_error_is_reported PROPERTIES
  PASS_REGULAR_EXPRESSION "^httpstatus: write error(: No space left on device)?\n$")
add_test(NAME cli.write_error_names_its_reason
  COMMAND sh -c "err=$(\"$0\" 404 2>&1 >/dev/full); rc=$?; echo \"$err\"; test $rc -eq 74"
          $<TARGET_FILE:httpstatus_cli>)
set_tests_properties(cli.write_error_names_its_reason PROPERTIES
  PASS_REGULAR_EXPRESSION "^httpstatus: write error: No space left on device\n$")
add_test(NAME cli.write_error_exit_code
  COMMAND sh -c "\"$0\" --help >/dev/full 2>/dev/null; test $? -eq 74"
          $<TARGET_FILE:httpstatus_cli>)

# A terminal that says it shows no colours (TERM=dumb) gets none; it got six
# escape sequences for one lookup. `script` gives the binary a terminal.
add_test(NAME cli.no_colour_on_a_dumb_terminal
  COMMAND sh -c "TERM=dumb script -qec \"'$0' 404\" /dev/null | grep -c \"$(printf '\\033')\"; test $? -eq 1"
          $<TARGET_FILE:httpstatus_cli>)
