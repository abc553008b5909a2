# SPDX-License-Identifier: MIT
# bash completion for httpstatus: the subcommands and flags that
# `httpstatus --help` and `httpstatus SUB --help` list, which
# tests/e2e/completions_test.sh holds this file to.
_httpstatus() {
  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
  # bash splits `--request=GET` at the `=`: complete the value of the
  # option before it.
  if [[ $cur == = ]]; then
    cur=
  elif [[ $prev == = && $COMP_CWORD -ge 2 ]]; then
    prev=${COMP_WORDS[COMP_CWORD - 2]}
  fi

  # The subcommand is the first word that is not an option: the global
  # options (-j, --json, --no-color, -h, --help, -V, --version) take no
  # value and may come first (`httpstatus --json list`).
  local i sub=
  for ((i = 1; i < COMP_CWORD; i++)); do
    case ${COMP_WORDS[i]} in
    -* | =) ;;
    *) sub=${COMP_WORDS[i]} && break ;;
    esac
  done

  # -j, --json and --no-color belong to the top level; list and search
  # print through them (they fall through from the subcommand).
  local output="-j --json --no-color"
  local methods="GET HEAD POST PUT DELETE CONNECT OPTIONS TRACE PATCH"
  local flags
  case $sub in
  "")
    if [[ $cur == -* ]]; then
      COMPREPLY=($(compgen -W "-h --help -V --version $output" -- "$cur"))
    else
      COMPREPLY=($(compgen -W "list search serve export check lint 1xx 2xx 3xx 4xx 5xx" -- "$cur"))
    fi
    return
    ;;
  list) flags="-h --help -a --all -u --unofficial $output" ;;
  search) flags="-h --help -u --unofficial $output" ;;
  serve)
    case $prev in
    --host | --port | --threads | --header-limit | --body-limit | \
      --header-timeout | --idle-timeout | --timeout | --shutdown-grace | \
      --max-connections | --max-sleep | --max-sleeping | --max-sequences)
      return ;;
    esac
    flags="-h --help --host --port --threads --header-limit --body-limit
      --header-timeout --idle-timeout --timeout --shutdown-grace
      --max-connections --max-sleep --max-sleeping --max-sequences
      --no-access-log --no-metrics"
    ;;
  export)
    if [[ $cur != -* ]]; then
      compopt -o filenames 2>/dev/null
      COMPREPLY=($(compgen -d -- "$cur"))
      return
    fi
    flags="-h --help -f --force"
    ;;
  check)
    case $prev in
    -X | --request)
      COMPREPLY=($(compgen -W "$methods" -- "$cur"))
      return ;;
    --cacert)
      compopt -o filenames 2>/dev/null
      COMPREPLY=($(compgen -f -- "$cur"))
      return ;;
    -H | --header | -d | --data | --max-redirs | --timeout) return ;;
    esac
    flags="-h --help -X --request -H --header -d --data -L --location
      --max-redirs --timeout -k --insecure --cacert -j --json"
    ;;
  lint)
    case $prev in
    -m | --method)
      COMPREPLY=($(compgen -W "$methods" -- "$cur"))
      return ;;
    -r | --request-header) return ;;
    esac
    if [[ $cur != -* ]]; then
      compopt -o filenames 2>/dev/null
      COMPREPLY=($(compgen -f -- "$cur"))
      return
    fi
    # A lone `-` is the FILE that means standard input.
    flags="-h --help -m --method -r --request-header -j --json -"
    ;;
  *) flags="-h --help -V --version $output" ;; # queries of the lookup
  esac
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$flags" -- "$cur"))
  fi
}
complete -F _httpstatus httpstatus
