#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The server's user-space instructions per request, counted by callgrind:
# unlike CPU time, the same for the same binary whatever else the machine
# is doing, so it shows a hot-path change on a shared machine. The server
# runs under valgrind with one thread; wrk warms it up for 2 s, the counts
# are zeroed, wrk runs DURATION seconds more, and the instructions counted
# are divided by the requests wrk completed. Kernel time (the system calls,
# TCP on loopback) is not counted: see cpu_per_request.sh for that.
#
#   bench/server/instructions_per_request.sh BINARY PATH [ENCODING]
#
# Environment: DURATION=4 seconds, CONNS=20. 127.0.0.1 only, a free port;
# it stops the server it started.
set -euo pipefail
bin=${1:?usage: instructions_per_request.sh BINARY PATH [ENCODING]}
path=${2:?path}
enc=${3:-gzip}
DURATION=${DURATION:-4}
CONNS=${CONNS:-20}
command -v valgrind >/dev/null || { echo "valgrind is not installed"; exit 1; }
command -v wrk >/dev/null || { echo "wrk is not installed"; exit 1; }

out=$(mktemp -d /tmp/httpstatus-callgrind.XXXXXX)
. "$(dirname "$0")/common.sh"
port=$(free_port)
valgrind --tool=callgrind --callgrind-out-file="$out/cg.out" \
  "$bin" serve --port "$port" --threads 1 --no-access-log >/dev/null 2>&1 &
pid=$!
trap 'kill -INT $pid 2>/dev/null; wait $pid 2>/dev/null || true; rm -rf "$out"' EXIT
for _ in $(seq 300); do curl -s -o /dev/null "http://127.0.0.1:$port/healthz" && break; sleep 0.2; done
wrk -t1 -c"$CONNS" -d2s -H "Accept-Encoding: $enc" "http://127.0.0.1:$port$path" >/dev/null
callgrind_control -z "$pid" >/dev/null
requests=$(wrk -t1 -c"$CONNS" -d"${DURATION}s" -H "Accept-Encoding: $enc" \
             "http://127.0.0.1:$port$path" | awk '/requests in/ {print $1}')
callgrind_control -d "$pid" >/dev/null
for _ in $(seq 50); do ls "$out"/cg.out.* >/dev/null 2>&1 && break; sleep 0.1; done
sleep 0.5
instructions=$(awk '/^(summary|totals):/ {n = $2} END {print n}' "$out"/cg.out.*)
echo "$(basename "$bin") $path $enc: $requests requests, $((instructions / requests)) instructions per request"
