# SPDX-License-Identifier: MIT
# fish completion for httpstatus: the subcommands and flags that
# `httpstatus --help` and `httpstatus SUB --help` list, which
# tests/e2e/completions_test.sh holds this file to.
set -l cmds list search serve export check lint
set -l methods GET HEAD POST PUT DELETE CONNECT OPTIONS TRACE PATCH
set -l top "not __fish_seen_subcommand_from $cmds"
complete -c httpstatus -f

# The top level: a subcommand first (none may follow a query: `httpstatus
# 404 list` is a usage error), or queries (a class is one).
set -l first __fish_use_subcommand
complete -c httpstatus -n $first -a list -d 'list the registry'
complete -c httpstatus -n $first -a search -d 'search codes, phrases, aliases, meanings and descriptions'
complete -c httpstatus -n $first -a serve -d 'serve the reference site, the JSON API and the mock'
complete -c httpstatus -n $first -a export -d 'write the site and the JSON API as static files'
complete -c httpstatus -n $first -a check -d 'request a URL, explain its status code and lint the response'
complete -c httpstatus -n $first -a lint -d 'judge a raw HTTP response against the spec'
complete -c httpstatus -n $top -a '1xx 2xx 3xx 4xx 5xx' -d class
complete -c httpstatus -s h -l help -d 'print help and exit'
complete -c httpstatus -n $top -s V -l version -d 'print the version and exit'
# -j, --json and --no-color belong to the top level; list and search print
# through them (check and lint have a -j, --json of their own).
set -l output "$top; or __fish_seen_subcommand_from list search"
complete -c httpstatus -n $output -s j -l json -d 'print JSON'
complete -c httpstatus -n $output -l no-color -d 'never colour the output'

complete -c httpstatus -n '__fish_seen_subcommand_from list' -s a -l all -d 'add reserved codes and unassigned ranges'
complete -c httpstatus -n '__fish_seen_subcommand_from list' -s u -l unofficial -d "add the vendors' unofficial codes"

complete -c httpstatus -n '__fish_seen_subcommand_from search' -s u -l unofficial -d "include the vendors' unofficial codes"

set -l serve '__fish_seen_subcommand_from serve'
complete -c httpstatus -n $serve -l host -x -a '(__fish_print_hostnames)' -d 'address to listen on'
complete -c httpstatus -n $serve -l port -x -d 'port to listen on (0: any free port)'
complete -c httpstatus -n $serve -l threads -x -d 'threads serving requests'
complete -c httpstatus -n $serve -l header-limit -x -d 'bytes of request line and headers (431 beyond)'
complete -c httpstatus -n $serve -l body-limit -x -d 'bytes of request body (413 beyond)'
complete -c httpstatus -n $serve -l header-timeout -x -d 'ms for a whole request header section'
complete -c httpstatus -n $serve -l idle-timeout -x -d 'ms a kept-alive connection may wait'
complete -c httpstatus -n $serve -l timeout -x -d 'ms for each body read and each write'
complete -c httpstatus -n $serve -l shutdown-grace -x -d 'ms a graceful stop waits'
complete -c httpstatus -n $serve -l max-connections -x -d 'open connections (503 beyond)'
complete -c httpstatus -n $serve -l max-sleep -x -d 'longest mock sleep= in ms (400 beyond)'
complete -c httpstatus -n $serve -l max-sleeping -x -d 'mock requests sleeping at once (503 beyond)'
complete -c httpstatus -n $serve -l max-sequences -x -d 'mock sequence keys remembered'
complete -c httpstatus -n $serve -l no-access-log -d 'write no access log on stdout'
complete -c httpstatus -n $serve -l no-metrics -d 'serve no GET /metrics'

set -l export '__fish_seen_subcommand_from export'
complete -c httpstatus -n $export -x -a '(__fish_complete_directories)'
complete -c httpstatus -n $export -s f -l force -d 'write into a folder that is not empty'

set -l check '__fish_seen_subcommand_from check'
complete -c httpstatus -n $check -s X -l request -x -a "$methods" -d 'request method'
complete -c httpstatus -n $check -s H -l header -x -d "request header, 'Name: value'"
complete -c httpstatus -n $check -s d -l data -x -d 'request content (implies POST)'
complete -c httpstatus -n $check -s L -l location -d 'follow redirects'
complete -c httpstatus -n $check -l max-redirs -x -d 'most redirects to follow'
complete -c httpstatus -n $check -l timeout -x -d 'seconds for each request'
complete -c httpstatus -n $check -s k -l insecure -d "do not verify the server's certificate"
complete -c httpstatus -n $check -l cacert -r -F -d 'PEM file of CA certificates to trust'
complete -c httpstatus -n $check -s j -l json -d 'print JSON'

set -l lint '__fish_seen_subcommand_from lint'
complete -c httpstatus -n $lint -F -a - -d 'standard input'
complete -c httpstatus -n $lint -s m -l method -x -a "$methods" -d "the request's method"
complete -c httpstatus -n $lint -s r -l request-header -x -d "a request header, 'Name: value'"
complete -c httpstatus -n $lint -s j -l json -d 'print a JSON array'
