# SPDX-License-Identifier: MIT
# What the load scripts in bench/server/ share; sourced, not run.

# Prints a TCP port on 127.0.0.1 that is free now.
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# Prints the CPU ticks (user + system) of each PID and its children (nginx's
# and gunicorn's workers), summed; /proc/PID/stat of a process counts all
# its threads, and a PID that is gone counts 0.
cpu_ticks() {
  local total=0 p
  for p in "$@" $(for q in "$@"; do pgrep -P "$q" || true; done); do
    [ -r "/proc/$p/stat" ] || continue
    total=$((total + $(awk '{sub(/^.*\) /, ""); print $12 + $13}' "/proc/$p/stat")))
  done
  echo $total
}

# Prints wrk's "1.23ms" / "456.00us" / "1.2s" in microseconds.
to_us() {
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) m = 1; else if (v ~ /ms$/) m = 1000;
                 else if (v ~ /s$/) m = 1000000; else m = 1; printf "%.0f", n * m }'
}
