#!/bin/sh
# SPDX-License-Identifier: MIT
# `httpstatus serve` as a user runs it: one behaviour per CTest entry.
#   serve_cli_test.sh BINARY listening    prints "listening on http://127.0.0.1:PORT"
#   serve_cli_test.sh BINARY sigterm      stops cleanly (exit 0) on SIGTERM
#   serve_cli_test.sh BINARY port_in_use  a taken port: one line, exit 2
set -u
bin=$1
what=$2
out=$(mktemp)
trap 'rm -f "$out"; [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null' EXIT

"$bin" serve --port 0 --threads 1 >"$out" 2>&1 &
pid=$!
# Waiting on the line the server prints, not on a timer: it appears once
# the site is rendered and the socket listens.
i=0
until grep -q '^listening on ' "$out"; do
  i=$((i + 1))
  [ $i -gt 300 ] && { echo "no 'listening on' line"; cat "$out"; exit 1; }
  kill -0 "$pid" 2>/dev/null || { echo "server exited"; cat "$out"; exit 1; }
  sleep 0.1
done
line=$(head -n 1 "$out")
port=${line##*:}

case $what in
listening)
  echo "$line" | grep -Eq '^listening on http://127\.0\.0\.1:[1-9][0-9]*$' || {
    echo "unexpected line: $line"; exit 1; }
  ;;
sigterm)
  kill -TERM "$pid"
  wait "$pid"
  rc=$?
  pid=
  [ $rc -eq 0 ] || { echo "exit code $rc after SIGTERM"; exit 1; }
  ;;
port_in_use)
  err=$("$bin" serve --port "$port" 2>&1 >/dev/null)
  rc=$?
  [ $rc -eq 2 ] || { echo "exit code $rc, expected 2"; exit 1; }
  [ "$err" = "httpstatus: error: cannot listen on 127.0.0.1:$port: Address already in use" ] || {
    echo "unexpected error: $err"; exit 1; }
  ;;
*)
  echo "unknown behaviour: $what"; exit 1
  ;;
esac
echo ok
