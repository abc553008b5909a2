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
complete -c httpstatus -n "__fish_seen_subcommand_from serve" -l header-limit -r -d 'request header bytes (431 beyond)'
complete -c httpstatus -n "__fish_seen_subcommand_from serve" -l body-limit -r -d 'request body bytes (413 beyond)'
complete -c httpstatus -n "__fish_seen_subcommand_from serve" -l header-timeout -r -d 'ms for a whole header section'
complete -c httpstatus -n "__fish_seen_subcommand_from serve" -l idle-timeout -r -d 'ms a kept-alive connection may wait'
complete -c httpstatus -n "__fish_seen_subcommand_from serve" -l timeout -r -d 'ms for each body read and write'
complete -c httpstatus -n "__fish_seen_subcommand_from serve" -l shutdown-grace -r -d 'ms a graceful stop waits'
complete -c httpstatus -n "__fish_seen_subcommand_from serve" -l max-connections -r -d 'open connections (503 beyond)'
complete -c httpstatus -n "__fish_seen_subcommand_from serve" -l max-sleep -r -d 'longest mock sleep= in ms'
complete -c httpstatus -n "__fish_seen_subcommand_from serve" -l max-sleeping -r -d 'mock requests sleeping at once'
complete -c httpstatus -n "__fish_seen_subcommand_from serve" -l max-sequences -r -d 'mock sequence keys remembered'
complete -c httpstatus -n "__fish_seen_subcommand_from serve" -l no-access-log -d 'write no access log on stdout'
complete -c httpstatus -n "__fish_seen_subcommand_from serve" -l no-metrics -d 'serve no GET /metrics'
complete -c httpstatus -n "__fish_seen_subcommand_from check" -s L -d 'follow redirects'
complete -c httpstatus -n "__fish_seen_subcommand_from lint" -F
