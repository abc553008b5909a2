#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Start-up of `httpstatus serve`: exec to the "listening on" line on stdout.
"""Times `BINARY serve --port 0 --threads 1 --no-access-log` from just
before exec to the first line of its stdout ("listening on http://..."),
then stops it with SIGTERM. The binaries take turns (A B A B ...), so that
a machine busy with something else slows them alike; one untimed warm-up
run each first loads the binary into the page cache. Prints the median,
min and max per binary, and each one's median against the first's.

    python3 bench/startup.py OLD_BINARY NEW_BINARY [--runs 10]

Every process it starts is bounded (--timeout seconds to print its line,
10 more to stop after SIGTERM, then SIGKILL) and waited for; it listens on
127.0.0.1 on a port the kernel picks.
"""
import argparse
import os
import select
import signal
import statistics
import subprocess
import sys
import time


def time_startup(binary, timeout):
    """Returns the seconds from exec to the "listening on" line."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [binary, "serve", "--port", "0", "--threads", "1", "--no-access-log"],
        stdout=subprocess.PIPE)
    try:
        out = b""
        while b"\n" not in out:
            left = start + timeout - time.perf_counter()
            if left <= 0:
                raise RuntimeError(f"{binary}: no line on stdout in {timeout} s")
            ready, _, _ = select.select([proc.stdout], [], [], left)
            if ready:
                chunk = os.read(proc.stdout.fileno(), 4096)
                if not chunk:
                    raise RuntimeError(
                        f"{binary}: exited ({proc.wait()}) before listening")
                out += chunk
        elapsed = time.perf_counter() - start
        line = out.split(b"\n", 1)[0].decode(errors="replace")
        if not line.startswith("listening on http://"):
            raise RuntimeError(f"{binary}: first line is {line!r}")
        return elapsed
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        proc.stdout.close()


def main():
    parser = argparse.ArgumentParser(
        description="exec to 'listening on' of httpstatus serve, A/B")
    parser.add_argument("binaries", nargs="+", metavar="BINARY")
    parser.add_argument("--runs", type=int, default=10,
                        help="timed runs per binary (default 10)")
    parser.add_argument("--timeout", type=float, default=30,
                        help="seconds a run may take to listen (default 30)")
    args = parser.parse_args()
    if not 1 <= args.runs <= 1000:
        parser.error("--runs must be between 1 and 1000")

    for binary in args.binaries:
        time_startup(binary, args.timeout)
    times = {binary: [] for binary in args.binaries}
    for _ in range(args.runs):
        for binary in args.binaries:
            times[binary].append(time_startup(binary, args.timeout))

    width = max(len(b) for b in args.binaries)
    print(f"exec to 'listening on', {args.runs} runs each, alternating "
          f"(nproc {os.cpu_count()}, load {os.getloadavg()[0]:.2f})")
    print(f"{'binary':<{width}}  {'median':>10}  {'min':>10}  {'max':>10}"
          f"  {'median / first':>14}")
    first = statistics.median(times[args.binaries[0]])
    for binary in args.binaries:
        ms = [t * 1000 for t in times[binary]]
        median = statistics.median(ms)
        print(f"{binary:<{width}}  {median:>7.1f} ms  {min(ms):>7.1f} ms"
              f"  {max(ms):>7.1f} ms  {median / (first * 1000):>14.3f}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except RuntimeError as e:
        print(f"startup.py: {e}", file=sys.stderr)
        sys.exit(1)
