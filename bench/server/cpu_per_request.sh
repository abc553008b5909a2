#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# One quick A/B figure for a hot-path change: the server's CPU time per
# request (user + system from /proc, all threads) and requests/s, for one
# binary, one path, one server thread (or $THREADS), under `wrk -t1 -c50`
# (or -c$CONNS). Run it for the
# binary before and after a change, alternating, in one sitting:
#
#   for r in 1 2; do
#     bench/server/cpu_per_request.sh before /tmp/old/httpstatus / gzip
#     bench/server/cpu_per_request.sh after build/cli/httpstatus / gzip
#   done
#
# Usage: cpu_per_request.sh LABEL BINARY PATH [ENCODING] [DURATION]
# 127.0.0.1 only, a free port; it stops the server it started.
set -euo pipefail
label=${1:?label}; bin=${2:?binary}; path=${3:?path}
enc=${4:-gzip}; duration=${5:-5}
threads=${THREADS:-1}; conns=${CONNS:-50}
. "$(dirname "$0")/common.sh"
port=$(free_port)
"$bin" serve --port "$port" --threads "$threads" --no-access-log >/dev/null 2>&1 &
pid=$!
trap 'kill -INT $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT
for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$port/healthz" && break; sleep 0.1; done
wrk -t1 -c50 -d1s -H "Accept-Encoding: $enc" "http://127.0.0.1:$port$path" >/dev/null
t0=$(cpu_ticks "$pid")
out=$(wrk -t1 -c"$conns" -d"${duration}s" -H "Accept-Encoding: $enc" "http://127.0.0.1:$port$path")
t1=$(cpu_ticks "$pid")
requests=$(echo "$out" | awk '/requests in/{print $1}')
rps=$(echo "$out" | awk '/Requests\/sec/{print $2}')
awk -v l="$label" -v p="$path" -v e="$enc" -v r="$rps" -v t="$((t1 - t0))" \
    -v hz="$(getconf CLK_TCK)" -v n="$requests" \
    'BEGIN { printf "%s %s %s: %s requests/s, %.2f us CPU per request\n", l, p, e, r, t * 1e6 / hz / n }'
