#!/bin/sh
# SPDX-License-Identifier: MIT
# `httpstatus serve` as a user runs it: one behaviour per CTest entry.
#   serve_cli_test.sh BINARY listening      prints "listening on http://127.0.0.1:PORT"
#   serve_cli_test.sh BINARY sigterm        stops cleanly (exit 0) on SIGTERM
#   serve_cli_test.sh BINARY port_in_use    a taken port: one line, exit 2
#   serve_cli_test.sh BINARY access_log     one access-log line per request on stdout
#   serve_cli_test.sh BINARY no_access_log  --no-access-log: none
#   serve_cli_test.sh BINARY metrics        GET /metrics answers Prometheus text
#   serve_cli_test.sh BINARY no_metrics     --no-metrics: GET /metrics is 404
#   serve_cli_test.sh BINARY unread_stdout  stdout a pipe nobody reads: lines dropped, serving goes on
# The behaviours that make requests use curl, and skip (77) without it.
set -u
bin=$1
what=$2
out=$(mktemp)
err=$(mktemp)
fifo=$out.fifo
trap 'rm -f "$out" "$err" "$fifo"; [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null' EXIT

flags=
case $what in
access_log | no_access_log | metrics | no_metrics | unread_stdout)
  command -v curl >/dev/null || { echo "skip: curl is not installed"; exit 77; }
  ;;
esac
case $what in
no_access_log) flags=--no-access-log ;;
no_metrics) flags=--no-metrics ;;
esac

if [ "$what" = unread_stdout ]; then
  # A harness that reads the first line and no more: the pipe fills.
  mkfifo "$fifo"
  "$bin" serve --port 0 --threads 1 >"$fifo" 2>"$err" &
  pid=$!
  exec 3<"$fifo"
  IFS= read -r first <&3
  echo "$first" >"$out"
else
  "$bin" serve --port 0 --threads 1 $flags >"$out" 2>"$err" &
  pid=$!
fi
# Waiting on the line the server prints, not on a timer: it appears once
# the site is rendered and the socket listens.
i=0
until grep -q '^listening on ' "$out"; do
  i=$((i + 1))
  [ $i -gt 300 ] && { echo "no 'listening on' line"; cat "$out" "$err"; exit 1; }
  kill -0 "$pid" 2>/dev/null || { echo "server exited"; cat "$out" "$err"; exit 1; }
  sleep 0.1
done
line=$(head -n 1 "$out")
port=${line##*:}

# SIGTERM, and the exit code must be 0. Every response was written by
# then, and so was its access-log line (written unbuffered).
stop() {
  kill -TERM "$pid"
  wait "$pid"
  rc=$?
  pid=
  [ $rc -eq 0 ] || { echo "exit code $rc after SIGTERM"; cat "$err"; exit 1; }
}

# Three requests on three connections: 200 (2 bytes), 200, 404.
three_requests() {
  for path in /healthz /codes/404 /no/such/page; do
    curl -s -o /dev/null "http://127.0.0.1:$port$path" || {
      echo "curl failed on $path"; exit 1; }
  done
}

case $what in
listening)
  echo "$line" | grep -Eq '^listening on http://127\.0\.0\.1:[1-9][0-9]*$' || {
    echo "unexpected line: $line"; exit 1; }
  ;;
sigterm)
  stop
  ;;
port_in_use)
  err2=$("$bin" serve --port "$port" 2>&1 >/dev/null)
  rc=$?
  [ $rc -eq 2 ] || { echo "exit code $rc, expected 2"; exit 1; }
  [ "$err2" = "httpstatus: error: cannot listen on 127.0.0.1:$port: Address already in use" ] || {
    echo "unexpected error: $err2"; exit 1; }
  ;;
access_log)
  three_requests
  stop
  [ "$(head -n 1 "$out")" = "$line" ] || { echo "'listening on' is not first"; cat "$out"; exit 1; }
  [ "$(wc -l <"$out")" -eq 4 ] || { echo "expected 3 access-log lines:"; cat "$out"; exit 1; }
  shape='^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z 127\.0\.0\.1:[0-9]+ "GET /[^"]* HTTP/1\.1" [0-9]{3} [0-9]+ [0-9]+\.[0-9]{3}ms$'
  [ "$(tail -n +2 "$out" | grep -Ec "$shape")" -eq 3 ] || {
    echo "lines not in the access-log format:"; cat "$out"; exit 1; }
  for expected in '"GET /healthz HTTP/1.1" 200 2 ' '"GET /codes/404 HTTP/1.1" 200 ' \
                  '"GET /no/such/page HTTP/1.1" 404 '; do
    grep -qF "$expected" "$out" || { echo "no line with $expected:"; cat "$out"; exit 1; }
  done
  [ ! -s "$err" ] || { echo "unexpected stderr:"; cat "$err"; exit 1; }
  ;;
no_access_log)
  three_requests
  stop
  [ "$(cat "$out")" = "$line" ] || { echo "expected only the 'listening on' line:"; cat "$out"; exit 1; }
  ;;
metrics)
  three_requests
  text=$(curl -s "http://127.0.0.1:$port/metrics")
  echo "$text" | grep -qx '# TYPE httpstatus_http_requests_total counter' || {
    echo "no requests counter:"; echo "$text"; exit 1; }
  echo "$text" | grep -qx 'httpstatus_http_requests_total{route="/healthz",code="200"} 1' || {
    echo "/healthz not counted:"; echo "$text"; exit 1; }
  echo "$text" | grep -qx 'httpstatus_http_requests_total{route="none",code="404"} 1' || {
    echo "the 404 not counted:"; echo "$text"; exit 1; }
  ;;
no_metrics)
  code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/metrics")
  [ "$code" = 404 ] || { echo "GET /metrics answered $code with --no-metrics"; exit 1; }
  ;;
unread_stdout)
  # 2000 requests on one connection: some 180 KB of log, more than a
  # pipe holds (64 KB); a server blocked on it would stop answering.
  curl -s --max-time 30 "http://127.0.0.1:$port/healthz?n=[1-2000]" >/dev/null || {
    echo "the server stalled under its own access log"; cat "$err"; exit 1; }
  text=$(curl -s --max-time 5 "http://127.0.0.1:$port/metrics") || {
    echo "no answer after the pipe filled"; exit 1; }
  dropped=$(echo "$text" | sed -n 's/^httpstatus_access_log_dropped_total \([0-9]*\)$/\1/p')
  [ "${dropped:-0}" -gt 0 ] || { echo "no dropped lines counted:"; echo "$text" | tail -5; exit 1; }
  grep -q "^httpstatus: access log: standard output is not being read" "$err" || {
    echo "no word on stderr:"; cat "$err"; exit 1; }
  [ "$(wc -l <"$err")" -eq 1 ] || { echo "said more than once:"; cat "$err"; exit 1; }
  stop
  ;;
*)
  echo "unknown behaviour: $what"; exit 1
  ;;
esac
echo ok
