#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Heap allocations per request of the whole server (parser, session,
# router, handler, response, writes), counted by heaptrack on the real
# binary: two runs of different lengths, the difference in allocation
# calls divided by the difference in requests (so start-up rendering
# cancels out).
#
#   bench/server/alloc.sh HTTPSTATUS_BINARY [PATH] [ACCEPT_ENCODING]
#
# Needs heaptrack and wrk; 127.0.0.1 only; stops what it starts.
set -euo pipefail
bin=${1:?usage: bench/server/alloc.sh HTTPSTATUS_BINARY [PATH] [ACCEPT_ENCODING]}
path=${2:-/}
enc=${3:-gzip}
for tool in heaptrack heaptrack_print wrk; do
  command -v $tool >/dev/null || { echo "$tool is not installed"; exit 1; }
done
tmp=$(mktemp -d /tmp/httpstatus-alloc.XXXXXX)
pid=
app=
trap '[ -n "$app" ] && kill -TERM "$app" 2>/dev/null; [ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$tmp"' EXIT

# One run: serve under heaptrack, wrk for $1 seconds over 8 connections,
# stop; prints "REQUESTS ALLOCATIONS".
run() {
  heaptrack -o "$tmp/ht$1" "$bin" serve --port 0 --threads 1 >"$tmp/out$1" 2>&1 &
  pid=$!
  for _ in $(seq 600); do grep -q '^listening on ' "$tmp/out$1" && break; sleep 0.1; done
  port=$(sed -n 's/^listening on http:\/\/127\.0\.0\.1:\([0-9]*\)$/\1/p' "$tmp/out$1")
  [ -n "$port" ] || { echo "serve did not start"; cat "$tmp/out$1"; exit 1; }
  requests=$(wrk -t1 -c8 -d"$1"s -H "Accept-Encoding: $enc" "http://127.0.0.1:$port$path" |
             awk '/requests in/ {print $1}')
  # heaptrack is a script that runs the server as its child: stop that
  # child, then let heaptrack finish writing its file.
  app=
  for c in $(pgrep -P "$pid"); do
    [ "$(readlink "/proc/$c/exe")" = "$(readlink -f "$bin")" ] && app=$c
  done
  [ -n "$app" ] && kill -TERM "$app"
  wait "$pid" || true; pid=
  allocs=$(heaptrack_print "$tmp"/ht"$1".* 2>/dev/null |
           awk '/^calls to allocation functions:/ {print $5}')
  echo "$requests $allocs"
}
read -r r1 a1 < <(run 1)
read -r r2 a2 < <(run 4)
echo "short run: $r1 requests, $a1 allocation calls"
echo "long run:  $r2 requests, $a2 allocation calls"
awk -v r1="$r1" -v r2="$r2" -v a1="$a1" -v a2="$a2" -v p="$path" -v e="$enc" \
  'BEGIN { printf "%s (%s): %.3f allocations per request\n", p, e, (a2 - a1) / (r2 - r1) }'
