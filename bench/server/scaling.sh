#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# How the server's throughput and cost grow with its threads and with the
# number of connections (issue #5): for one binary and one path, wrk with
# WRK_THREADS threads against `httpstatus serve --threads T` for T in
# THREADS, at each of CONNS connections. Prints a Markdown table of
# requests/s, p99 latency and the server's CPU time per request (user +
# system from /proc, all threads). Each server is started once per thread
# count; the runs of one table come from one sitting, so compare them as
# ratios.
#
#   bench/server/scaling.sh BINARY [PATH] [ENCODING]
#
# Environment (defaults): THREADS="1 .. nproc", CONNS="10 50 256 1000",
# DURATION=5 seconds, WRK_THREADS=2. 127.0.0.1 only, free ports; it stops
# each server it started.
set -euo pipefail
bin=${1:?usage: bench/server/scaling.sh BINARY [PATH] [ENCODING]}
path=${2:-/}
enc=${3:-gzip}
THREADS=${THREADS:-$(seq -s ' ' 1 "$(nproc)")}
CONNS=${CONNS:-"10 50 256 1000"}
DURATION=${DURATION:-5}
WRK_THREADS=${WRK_THREADS:-2}
HZ=$(getconf CLK_TCK)
. "$(dirname "$0")/common.sh"

command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)"; exit 1; }
pid=
trap '[ -n "$pid" ] && kill -INT "$pid" 2>/dev/null; wait 2>/dev/null || true' EXIT


echo "## Scaling: $path (Accept-Encoding: ${enc:-none}), $(nproc) CPUs, $(date -u '+%Y-%m-%d %H:%M UTC')"
echo
echo "wrk -t$WRK_THREADS, ${DURATION} s per run; command: \`THREADS=\"$THREADS\" CONNS=\"$CONNS\" bench/server/scaling.sh $bin $path $enc\`"
echo
echo "| server threads | connections | requests/s | p99 us | CPU us/req |"
echo "|---:|---:|---:|---:|---:|"
for threads in $THREADS; do
  port=$(free_port)
  "$bin" serve --port "$port" --threads "$threads" --no-access-log >/dev/null 2>&1 &
  pid=$!
  for _ in $(seq 300); do curl -s -o /dev/null "http://127.0.0.1:$port/healthz" && break; sleep 0.1; done
  wrk -t1 -c10 -d1s "http://127.0.0.1:$port$path" >/dev/null
  for conns in $CONNS; do
    [ "$conns" -lt "$WRK_THREADS" ] && continue
    t0=$(cpu_ticks "$pid")
    out=$(wrk -t"$WRK_THREADS" -c"$conns" -d"${DURATION}s" --latency \
              ${enc:+-H "Accept-Encoding: $enc"} "http://127.0.0.1:$port$path")
    t1=$(cpu_ticks "$pid")
    requests=$(awk '/requests in/ {print $1}' <<<"$out")
    rps=$(awk '/^Requests\/sec/ {printf "%.0f", $2}' <<<"$out")
    p99=$(to_us "$(awk '$1 == "99%" {print $2}' <<<"$out")")
    cpu=$(awk -v t="$((t1 - t0))" -v hz="$HZ" -v n="$requests" \
              'BEGIN { printf "%.1f", t * 1e6 / hz / n }')
    echo "| $threads | $conns | $rps | $p99 | $cpu |"
  done
  kill -INT "$pid"; wait "$pid" 2>/dev/null || true; pid=
done
