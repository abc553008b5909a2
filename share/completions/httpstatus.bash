# SPDX-License-Identifier: MIT
# bash completion for httpstatus
_httpstatus() {
  local cur=${COMP_WORDS[COMP_CWORD]}
  local sub=${COMP_WORDS[1]}
  case "$sub" in
    list) COMPREPLY=($(compgen -W "--all --unofficial --json --no-color --help" -- "$cur")); return ;;
    search) COMPREPLY=($(compgen -W "--unofficial --json --no-color --help" -- "$cur")); return ;;
    serve) COMPREPLY=($(compgen -W "--host --port --threads --header-limit --body-limit --header-timeout --idle-timeout --timeout --shutdown-grace --max-connections --max-sleep --max-sleeping --max-sequences --no-access-log --no-metrics --help" -- "$cur")); return ;;
    check) COMPREPLY=($(compgen -W "-X -H -d -L --max-redirs --timeout --insecure --cacert --json --help" -- "$cur")); return ;;
    lint) COMPREPLY=($(compgen -f -W "--method --request-header --json --help -" -- "$cur")); return ;;
  esac
  if [[ $COMP_CWORD -eq 1 ]]; then
    COMPREPLY=($(compgen -W "list search serve check lint 1xx 2xx 3xx 4xx 5xx --json --no-color --help --version" -- "$cur"))
  fi
}
complete -F _httpstatus httpstatus
