# SPDX-License-Identifier: MIT
# fish completion for httpstatus
set -l cmds list search serve check lint
complete -c httpstatus -f
complete -c httpstatus -n "not __fish_seen_subcommand_from $cmds" -a "$cmds 1xx 2xx 3xx 4xx 5xx"
complete -c httpstatus -l json -s j -d 'print JSON'
complete -c httpstatus -l no-color -d 'never colour the output'
complete -c httpstatus -l version -s V -d 'print the version'
complete -c httpstatus -n "__fish_seen_subcommand_from list" -l all -s a -d 'add reserved codes and unassigned ranges'
complete -c httpstatus -n "__fish_seen_subcommand_from list search" -l unofficial -s u -d 'add vendor codes'
complete -c httpstatus -n "__fish_seen_subcommand_from serve" -l host -r -d 'address to listen on'
complete -c httpstatus -n "__fish_seen_subcommand_from serve" -l port -r -d 'port (0 = any free)'
complete -c httpstatus -n "__fish_seen_subcommand_from serve" -l threads -r -d 'worker threads'
complete -c httpstatus -n "__fish_seen_subcommand_from check" -s L -d 'follow redirects'
complete -c httpstatus -n "__fish_seen_subcommand_from lint" -F
