#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Issue #5's load benchmark: `httpstatus serve` against Debian's nginx
# serving the static export of the same bytes, and python3-httpbin under
# gunicorn for /status/418, driven by wrk on 127.0.0.1, alternating the
# servers run by run. Prints a Markdown table: requests/s, p50, p99, the
# server's CPU time per request, and the ratios to nginx and httpbin.
#
#   bench/server/run.sh HTTPSTATUS_BINARY [REPORT.md]
#
# The table goes to stdout and, when REPORT.md is given, is appended to it
# (never overwriting what the file already holds).
# It builds nothing: give it a release binary. Environment (defaults):
#   DURATION=10   seconds per wrk run          ROUNDS=2  A B A B rounds
#   CONNS="50 256" connections per case         WRK_THREADS=2
#   THREADS=$(nproc) server threads = nginx workers = gunicorn workers
# Runs: cases x conns x rounds x servers, e.g. 5 x 2 x 2 x 2 + 2 x 2 (httpbin)
# = 44 runs of DURATION seconds (about 8 minutes at 10 s).
# Needs wrk; nginx, gunicorn and python3-httpbin are each optional (their
# columns say "-"). Every process it starts is stopped on exit.
set -euo pipefail

bin=${1:?usage: bench/server/run.sh HTTPSTATUS_BINARY [REPORT.md]}
report=${2:-}
here=$(cd "$(dirname "$0")" && pwd)
. "$here/common.sh"
DURATION=${DURATION:-10}
ROUNDS=${ROUNDS:-2}
CONNS=${CONNS:-"50 256"}
WRK_THREADS=${WRK_THREADS:-2}
THREADS=${THREADS:-$(nproc)}
HZ=$(getconf CLK_TCK)
BROTLI_MODULE=/usr/lib/nginx/modules/ngx_http_brotli_static_module.so

command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)"; exit 1; }
[ -x "$bin" ] || { echo "not an executable: $bin"; exit 1; }
nginx=$(command -v nginx || { [ -x /usr/sbin/nginx ] && echo /usr/sbin/nginx; } || true)
gunicorn=$(command -v gunicorn || true)
if [ -n "$gunicorn" ] && ! /usr/bin/python3 -c 'import httpbin' 2>/dev/null; then
  echo "python3-httpbin is not installed: httpbin skipped"; gunicorn=
fi

tmp=$(mktemp -d /tmp/httpstatus-bench.XXXXXX)
chmod 755 "$tmp"  # nginx's workers run as nobody when started by root
serve_pid=
gunicorn_pid=

# Stops exactly what this script started: the server by its pid, nginx
# and gunicorn through their masters' pids, each with a bounded wait.
cleanup() {
  [ -n "$serve_pid" ] && kill -TERM "$serve_pid" 2>/dev/null
  [ -n "$gunicorn_pid" ] && kill -TERM "$gunicorn_pid" 2>/dev/null
  if [ -s "$tmp/nginx.pid" ]; then kill -QUIT "$(cat "$tmp/nginx.pid")" 2>/dev/null; fi
  for _ in $(seq 50); do
    alive=0
    for p in $serve_pid $gunicorn_pid; do kill -0 "$p" 2>/dev/null && alive=1; done
    [ -s "$tmp/nginx.pid" ] && alive=1
    [ $alive = 0 ] && break
    sleep 0.1
  done
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

wait_port() {  # PORT WHAT: bounded wait until something accepts on PORT
  for _ in $(seq 300); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.1
  done
  echo "$2 did not listen on $1"; exit 1
}

# ---- start the servers ------------------------------------------------------

"$bin" export "$tmp/site" >/dev/null
find "$tmp/site" -type d -exec chmod 755 {} +

# No access log, as nginx runs here (`access_log off`); metrics stay on,
# as `serve` runs by default.
"$bin" serve --host 127.0.0.1 --port 0 --threads "$THREADS" --no-access-log >"$tmp/serve.out" 2>&1 &
serve_pid=$!
for _ in $(seq 300); do grep -q '^listening on ' "$tmp/serve.out" && break; sleep 0.1; done
serve_port=$(sed -n 's/^listening on http:\/\/127\.0\.0\.1:\([0-9]*\)$/\1/p' "$tmp/serve.out")
[ -n "$serve_port" ] || { echo "httpstatus serve did not start:"; cat "$tmp/serve.out"; exit 1; }

nginx_port=
if [ -n "$nginx" ]; then
  nginx_port=$(free_port)
  load_brotli=
  sed_brotli=
  if [ -f "$BROTLI_MODULE" ]; then
    load_brotli="load_module $BROTLI_MODULE;"
    sed_brotli='s/# brotli_static on;/brotli_static on;/'
  fi
  # The export's server block, on our port, plus nginx's tiny `return 418`.
  sed -e "s/listen 8080;/listen 127.0.0.1:$nginx_port;/" -e "$sed_brotli" \
      "$tmp/site/nginx.conf" | sed '$d' >"$tmp/site.conf"
  printf '    location = /status/418 {\n        return 418;\n    }\n}\n' >>"$tmp/site.conf"
  sed -e "s|@PREFIX@|$tmp|g" -e "s|@WORKERS@|$THREADS|g" \
      -e "s|@LOAD_BROTLI@|$load_brotli|g" -e "s|@PORT@|$nginx_port|g" \
      "$here/nginx.conf.in" >"$tmp/nginx.conf"
  "$nginx" -p "$tmp" -e "$tmp/nginx-error.log" -c "$tmp/nginx.conf"
  wait_port "$nginx_port" nginx
fi

httpbin_port=
if [ -n "$gunicorn" ]; then
  httpbin_port=$(free_port)
  # gunicorn's default (sync) workers, one per server thread, as the
  # httpbin a user installs from Debian would run; they close each
  # connection, so wrk reconnects for every request.
  "$gunicorn" --workers "$THREADS" --bind "127.0.0.1:$httpbin_port" \
      --log-level warning httpbin:app >"$tmp/gunicorn.log" 2>&1 &
  gunicorn_pid=$!
  wait_port "$httpbin_port" gunicorn
fi

nginx_master() { cat "$tmp/nginx.pid"; }

# ---- the runs ---------------------------------------------------------------

# /status/418: is the mock there yet?
status418=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$serve_port/status/418" || true)
cases=("/|gzip" "/|br" "/codes/404|gzip" "/api/v1/codes/404|gzip")
if [ "$status418" = 418 ]; then
  cases+=("/status/418|")
else
  echo "note: httpstatus serve answers /status/418 with $status418 (the mock is not built yet); that case is skipped" >&2
fi

results=$tmp/results   # server case conns round requests rps p50 p99 ticks
: >"$results"

run_one() {  # SERVER PORT PIDS... -- PATH ENCODING CONNS ROUND
  local server=$1 port=$2; shift 2
  local pids=() ; while [ "$1" != -- ]; do pids+=("$1"); shift; done; shift
  local path=$1 enc=$2 conns=$3 round=$4 out before after
  local header=()
  [ -n "$enc" ] && header=(-H "Accept-Encoding: $enc")
  before=$(cpu_ticks "${pids[@]}")
  out=$(wrk -t "$WRK_THREADS" -c "$conns" -d "${DURATION}s" --timeout 5s --latency \
            "${header[@]}" "http://127.0.0.1:$port$path")
  after=$(cpu_ticks "${pids[@]}")
  local requests rps p50 p99
  requests=$(awk '/requests in/ {print $1}' <<<"$out")
  rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
  p50=$(to_us "$(awk '$1 == "50%" {print $2}' <<<"$out")")
  p99=$(to_us "$(awk '$1 == "99%" {print $2}' <<<"$out")")
  echo "$server $path|$enc $conns $round $requests $rps $p50 $p99 $((after - before))" >>"$results"
  printf '  %-8s %-24s c=%-4s round %s: %9s req/s  p50 %6s us  p99 %7s us\n' \
    "$server" "$path ${enc:-identity}" "$conns" "$round" "$rps" "$p50" "$p99" >&2
}

echo "warming up" >&2
wrk -t1 -c4 -d1s "http://127.0.0.1:$serve_port/" >/dev/null
[ -n "$nginx_port" ] && wrk -t1 -c4 -d1s "http://127.0.0.1:$nginx_port/" >/dev/null

for conns in $CONNS; do
  for c in "${cases[@]}"; do
    path=${c%%|*}; enc=${c#*|}
    for round in $(seq "$ROUNDS"); do
      run_one ours "$serve_port" "$serve_pid" -- "$path" "$enc" "$conns" "$round"
      [ -n "$nginx_port" ] && run_one nginx "$nginx_port" "$(nginx_master)" -- "$path" "$enc" "$conns" "$round"
      if [ "$path" = /status/418 ] && [ -n "$httpbin_port" ]; then
        run_one httpbin "$httpbin_port" "$gunicorn_pid" -- "$path" "$enc" "$conns" "$round"
      fi
    done
  done
  # httpbin alone when our /status/418 is not there yet, for reference.
  if [ "$status418" != 418 ] && [ -n "$httpbin_port" ]; then
    for round in $(seq "$ROUNDS"); do
      [ -n "$nginx_port" ] && run_one nginx "$nginx_port" "$(nginx_master)" -- /status/418 "" "$conns" "$round"
      run_one httpbin "$httpbin_port" "$gunicorn_pid" -- /status/418 "" "$conns" "$round"
    done
  fi
done

hwm=$(awk '/^VmHWM/ {print $2, $3}' "/proc/$serve_pid/status")
rss=$(awk '/^VmRSS/ {print $2, $3}' "/proc/$serve_pid/status")
total=$(awk '$1 == "ours" {n += $5} END {print n + 0}' "$results")

# ---- the table ----------------------------------------------------------------

# Per server, case and connections: requests/s and latency are the means
# of the rounds; CPU per request is all CPU over all requests.
table=$(awk -v hz="$HZ" '
  { k = $2 SUBSEP $3; s = $1; n[s, k]++; req[s, k] += $5; rps[s, k] += $6
    p50[s, k] += $7; p99[s, k] += $8; ticks[s, k] += $9
    if (!(k in seen)) { seen[k] = 1; order[++m] = k } }
  function cpu(s, k) { return req[s, k] ? ticks[s, k] / hz * 1e6 / req[s, k] : 0 }
  function cell(s, k) {
    if (!n[s, k]) return "- | - | - | -"
    return sprintf("%.0f | %.0f | %.0f | %.1f", rps[s, k] / n[s, k], p50[s, k] / n[s, k],
                   p99[s, k] / n[s, k], cpu(s, k))
  }
  function ratio(a, b, k, what) {
    if (!n[a, k] || !n[b, k]) return "-"
    if (what == "rps") return sprintf("%.2f", (rps[a, k] / n[a, k]) / (rps[b, k] / n[b, k]))
    return cpu(b, k) ? sprintf("%.2f", cpu(a, k) / cpu(b, k)) : "-"
  }
  BEGIN {
    print "| case | conns | ours req/s | p50 us | p99 us | CPU us/req | nginx req/s | p50 us | p99 us | CPU us/req | req/s ours/nginx | CPU ours/nginx | httpbin req/s | p50 us | p99 us | CPU us/req | req/s ours/httpbin |"
    print "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  }
  END {
    for (i = 1; i <= m; i++) {
      k = order[i]; split(k, parts, SUBSEP); split(parts[1], pe, "|")
      name = pe[1] (pe[2] == "" ? "" : " (" pe[2] ")")
      printf "| %s | %s | %s | %s | %s | %s | %s | %s |\n", name, parts[2], cell("ours", k),
        cell("nginx", k), ratio("ours", "nginx", k, "rps"), ratio("ours", "nginx", k, "cpu"),
        cell("httpbin", k), ratio("ours", "httpbin", k, "rps")
    }
  }' "$results")

{
  echo "## Server load benchmark (bench/server/run.sh)"
  echo
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- machine: $(nproc) CPUs, $(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo), $(uname -sr)"
  echo "- httpstatus: $("$bin" --version), $THREADS threads; nginx: $([ -n "$nginx" ] && "$nginx" -v 2>&1 | sed 's/.*: //') ($THREADS workers$([ -f "$BROTLI_MODULE" ] && echo ', brotli_static')); httpbin: $([ -n "$gunicorn" ] && echo "python3-httpbin under gunicorn $("$gunicorn" --version 2>&1 | tr -dc '0-9.'), $THREADS sync workers" || echo none)"
  echo "- wrk $(wrk -v 2>&1 | awk 'NR==1 {print $2}'): -t$WRK_THREADS, ${DURATION} s per run, $ROUNDS rounds alternating the servers, keep-alive, 127.0.0.1"
  echo "- command: \`DURATION=$DURATION ROUNDS=$ROUNDS CONNS=\"$CONNS\" bench/server/run.sh $bin\`"
  echo "- our /status/418: $([ "$status418" = 418 ] && echo measured || echo "answered $status418 (mock not built yet): not measured")"
  echo "- our peak RSS (VmHWM) after $total requests: $hwm (VmRSS now $rss)"
  echo
  echo "$table"
  echo
  echo "requests/s, p50 and p99 are the means over the rounds; CPU us/req is the"
  echo "server's user+system time (all threads, or master and workers) over the"
  echo "runs divided by the requests wrk completed (resolution 1/$HZ s)."
} | tee ${report:+-a "$report"}
