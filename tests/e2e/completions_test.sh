#!/bin/bash
# SPDX-License-Identifier: MIT
# The shell completions and the man page held to the binary's own --help,
# one behaviour per CTest entry, so that a new flag or subcommand fails here
# until share/ offers and documents it:
#   completions_test.sh BINARY SHARE_DIR BEHAVIOUR, one of
#   completion_bash_flags       bash offers each command's flags, no others
#   completion_bash_subcommand  ... after global options (--json list -<TAB>)
#   completion_bash_values      methods, files and folders where they go
#   completion_zsh_flags        each zsh branch names its command's flags, no others
#   completion_fish_flags       fish offers each command's flags, no others
#   man_page_options            the man page has an entry for every flag, command by command
#   man_page_exit_status        EXIT STATUS says what each command's --help says
# The lookup (no subcommand) is named "" below and "lookup" in messages.
set -u
bin=$1
share=$(cd "$2" && pwd) || exit 1
what=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0
fail() {
  echo "FAIL: $*"
  failed=1
}

# The subcommands, from the Subcommands section of `httpstatus --help`.
subcommands() {
  "$bin" --help | sed -n '/^Subcommands:/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p'
}
# The flags of one command, one a line, from the Options section of its
# --help: "  -X,--request TEXT ..." gives -X and --request.
help_flags() {
  "$bin" ${1:+"$1"} --help |
    sed -n '/^Options:/,/^$/s/^  \(-[^ ]*\).*/\1/p' | tr ',' '\n' | sort -u
}
# What a user can type after the command: its own flags, and for list and
# search the top level's -j, --json and --no-color too, which they print
# through (the top level falls through; see cli/app.cpp).
offered_flags() {
  {
    help_flags "$1"
    case $1 in
    list | search) help_flags "" | grep -Ex -- '-j|--json|--no-color' ;;
    esac
  } | sort -u
}
name() { echo "${1:-lookup}"; }
# Compares two sorted lists; says what one lacks and the other adds.
same() { # what expected actual
  local lacks adds
  lacks=$(comm -23 <(echo "$2") <(echo "$3") | sed '/^$/d' | tr '\n' ' ')
  adds=$(comm -13 <(echo "$2") <(echo "$3") | sed '/^$/d' | tr '\n' ' ')
  [ -z "$lacks$adds" ] && return 0
  fail "$1: lacks [ $lacks] adds [ $adds]"
}

# COMPREPLY, one a line, for the words of a command line whose last word is
# the one being completed; run in $work, so files are the test's own.
bash_complete() {
  (
    cd "$work" || exit 1
    # shellcheck source=/dev/null
    . "$share/completions/httpstatus.bash"
    COMP_WORDS=("$@")
    COMP_CWORD=$(($# - 1))
    COMP_LINE="$*"
    COMP_POINT=${#COMP_LINE}
    COMPREPLY=()
    _httpstatus httpstatus "${COMP_WORDS[COMP_CWORD]}" \
      "${COMP_WORDS[COMP_CWORD - 1]}"
    [ ${#COMPREPLY[@]} -eq 0 ] || printf '%s\n' "${COMPREPLY[@]}"
  )
}
# The flags bash offers for `-<TAB>`, less the lone `-` (lint's stdin).
bash_flags() { bash_complete "$@" - | grep -- '^-.' | sort -u; }
expect_bash() { # expected words...
  local expected=$1
  shift
  same "bash: httpstatus ${*:2}<TAB>" \
    "$(echo "$expected" | tr ' ' '\n' | sed '/^$/d' | sort -u)" \
    "$(bash_complete "$@" | sort -u)"
}

# The distinct flags in some text, one a line: -X, --request, ...
flags_in() {
  grep -oE -- '(^|[^-[:alnum:]])--?[[:alpha:]][-[:alnum:]]*' |
    sed -E 's/^[^-]//' | sort -u
}
# The quoted strings of shell code, less its comments.
quoted() { grep -v '^ *#' | grep -oE "'[^']*'|\"[^\"]*\""; }
# The man page source as text: \- is -, font changes are dropped.
man_text() {
  sed -e 's/\\-/-/g' -e 's/\\%//g' -e 's/\\f[BIRP]//g' -e 's/\\(en/-/g' \
    "$share/man/httpstatus.1.in"
}
# One section of it: from the line that names it to the next heading.
man_section() { # ".SH OPTIONS" or ".SS list"
  man_text | awk -v head="$1" '
    $0 == head { on = 1; next }
    on && /^\.S[HS]( |$)/ { exit }
    on { print }'
}
# The tags of a section's .TP entries: the line after each .TP.
man_tags() { man_section "$1" | awk 'tp { print; tp = 0 } /^\.TP/ { tp = 1 }'; }

case $what in
completion_bash_flags)
  for sub in "" $(subcommands); do
    same "bash: httpstatus $(name "$sub") -<TAB>" "$(offered_flags "$sub")" \
      "$(bash_flags httpstatus ${sub:+"$sub"})"
  done
  # After a query the lookup's flags are still offered.
  same "bash: httpstatus 404 -<TAB>" "$(offered_flags "")" \
    "$(bash_flags httpstatus 404)"
  expect_bash "$(subcommands; printf '%s\n' 1xx 2xx 3xx 4xx 5xx)" httpstatus ''
  ;;
completion_bash_subcommand)
  # The global options take no value, so the subcommand is the first word
  # that is not an option, after any of them.
  # What each subcommand offers is read once, not once per global option:
  # run 42 times, the sanitized binary took a minute on a busy machine.
  globals=$(help_flags "")
  for sub in $(subcommands); do
    offered=$(offered_flags "$sub")
    for global in $globals; do
      same "bash: httpstatus $global $sub -<TAB>" "$offered" \
        "$(bash_flags httpstatus "$global" "$sub")"
    done
  done
  same "bash: httpstatus --no-color -j list -<TAB>" "$(offered_flags list)" \
    "$(bash_flags httpstatus --no-color -j list)"
  expect_bash "--all" httpstatus --json list --a
  expect_bash "$(subcommands; printf '%s\n' 1xx 2xx 3xx 4xx 5xx)" \
    httpstatus --json ''
  ;;
completion_bash_values)
  touch "$work/ca.pem" "$work/response.txt" "$work/data.txt"
  mkdir "$work/dist"
  expect_bash "POST PUT PATCH" httpstatus check -X P
  expect_bash "DELETE" httpstatus --json check --request D
  expect_bash "HEAD" httpstatus lint -m H
  expect_bash "HEAD" httpstatus lint --method H
  # bash splits --method=HEAD at the =.
  expect_bash "GET" httpstatus check --request = G
  expect_bash "$(printf '%s\n' GET HEAD POST PUT DELETE CONNECT OPTIONS TRACE PATCH)" \
    httpstatus lint --method =
  expect_bash "ca.pem" httpstatus check --cacert c
  expect_bash "response.txt" httpstatus lint r
  expect_bash "dist" httpstatus export d
  # A value that is not a method or a file: nothing, and no flags.
  expect_bash "" httpstatus check -H -
  expect_bash "" httpstatus lint --request-header -
  expect_bash "" httpstatus serve --port -
  ;;
completion_zsh_flags)
  zsh_file=$share/completions/_httpstatus
  if command -v zsh >/dev/null; then
    zsh -n "$zsh_file" || fail "zsh: _httpstatus does not parse"
  fi
  # The flags are those in the specs, the quoted strings (not comments or
  # _arguments's own options). The top level's are before `case $state`,
  # less the commands' descriptions; each command's in its branch, from
  # `  SUB)` to `;;`.
  same "zsh: httpstatus -<TAB>" "$(offered_flags "")" \
    "$(sed -n '/^_httpstatus()/,/case \$state/p' "$zsh_file" |
      grep -v "^ *'[a-z]*:" | quoted | flags_in)"
  for sub in $(subcommands); do
    grep -q "^ *'$sub:" "$zsh_file" || fail "zsh: no command $sub"
    same "zsh: httpstatus $sub -<TAB>" "$(offered_flags "$sub")" \
      "$(awk -v sub_="$sub" '
        $0 ~ "^ *" sub_ "\\)" { on = 1 }
        on { print }
        on && /;;/ { exit }' "$zsh_file" | quoted | flags_in)"
  done
  ;;
completion_fish_flags)
  fish_file=$share/completions/httpstatus.fish
  if ! command -v fish >/dev/null; then
    # Without fish, the file's text: each command and long flag is named.
    echo "fish is not installed: reading httpstatus.fish as text"
    for sub in "" $(subcommands); do
      [ -z "$sub" ] || grep -q -- "-a $sub " "$fish_file" || fail "fish: no command $sub"
      for flag in $(offered_flags "$sub" | grep -- '^--'); do
        grep -q -- "-l ${flag#--} " "$fish_file" || fail "fish: no $flag"
      done
    done
    [ $failed -eq 0 ] && echo ok
    exit $failed
  fi
  fish -n "$fish_file" || fail "fish: httpstatus.fish does not parse"
  fish_complete() {
    fish --no-config -c "source '$fish_file'; complete -C '$1'" | cut -f1
  }
  for sub in "" $(subcommands); do
    same "fish: httpstatus $(name "$sub") -<TAB>" "$(offered_flags "$sub")" \
      "$(fish_complete "httpstatus ${sub:+$sub }-" | grep -- '^-.' | sort -u)"
  done
  same "fish: httpstatus --json list -<TAB>" "$(offered_flags list)" \
    "$(fish_complete "httpstatus --json list -" | sort -u)"
  same "fish: httpstatus <TAB>" \
    "$( (subcommands; printf '%s\n' 1xx 2xx 3xx 4xx 5xx) | sort -u)" \
    "$(fish_complete "httpstatus " | sort -u)"
  same "fish: httpstatus check -X P<TAB>" "$(printf '%s\n' PATCH POST PUT)" \
    "$(fish_complete "httpstatus check -X P" | sort -u)"
  ;;
man_page_options)
  # Each command's options are .TP entries in its own section: the lookup's
  # under OPTIONS, a subcommand's under `.SS SUB`. -h, --help is the same
  # everywhere and listed once, under OPTIONS.
  same "man: OPTIONS" "$(offered_flags "")" "$(man_tags ".SH OPTIONS" | flags_in)"
  for sub in $(subcommands); do
    man_text | grep -qx "\.SS $sub" || { fail "man: no section .SS $sub"; continue; }
    same "man: .SS $sub" "$(help_flags "$sub" | grep -vEx -- '-h|--help')" \
      "$(man_tags ".SS $sub" | flags_in)"
  done
  ;;
man_page_exit_status)
  # Every exit code in a command's --help has an entry under EXIT STATUS
  # that names the command (the lookup's need not) and says what --help
  # says: each item of its parenthesis, or its whole text if it has none.
  # Case and line breaks aside, the words must be the same.
  for sub in "" $(subcommands); do
    "$bin" ${sub:+"$sub"} --help |
      sed -n '/^Exit codes:/,/^$/s/^  \([0-9]\)  \(.*\)/\1 \2/p' >"$work/codes"
    while read -r code text; do
      entry=$(man_section ".SH EXIT STATUS" | awk -v code="$code" '
        /^\.TP/ { on = 0; next }
        /^\.B [0-9]/ { on = ($2 == code); next }
        on' | tr '\n' ' ' | tr -s ' ' | tr '[:upper:]' '[:lower:]')
      [ -n "$entry" ] || { fail "man: EXIT STATUS has no $code"; continue; }
      if [ -n "$sub" ] && ! echo "$entry" | grep -qw -- "$sub"; then
        fail "man: EXIT STATUS $code does not name $sub ($text)"
        continue
      fi
      case $text in
      *"("*")"*) items=$(echo "$text" | sed 's/.*(\(.*\)).*/\1/' | sed 's/, */\n/g') ;;
      *) items=$text ;;
      esac
      while IFS= read -r item; do
        item=$(echo "$item" | tr '[:upper:]' '[:lower:]')
        case $entry in
        *"$item"*) ;;
        *) fail "man: EXIT STATUS $code lacks '$item' ($(name "$sub") --help: $text)" ;;
        esac
      done <<<"$items"
    done <"$work/codes"
  done
  ;;
*)
  echo "unknown behaviour: $what"
  exit 1
  ;;
esac
[ $failed -eq 0 ] || exit 1
echo ok
