#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Soak proof (`make check-hard`): a bounded wrk run against one server
ends with zero socket errors, only the expected statuses (200, and 404 for
the one unassigned code in the rotation), and an RSS that stops growing.

    soak.py PATH/TO/httpstatus [--seconds 60] [--connections 256]

RSS (VmRSS) is sampled every second. "Stops growing": the highest sample
of the last third exceeds the highest of the middle third by less than
max(8 MiB, 10 %). Loopback only; stops exactly the server it started."""

import argparse
import os
import re
import subprocess
import sys
import threading
import time

from common import Server, binary_from_argv, fail, get

HERE = os.path.dirname(os.path.abspath(__file__))
EXPECTED = {200, 404}


def main():
    binary = binary_from_argv()
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--connections", type=int, default=256)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()

    server = Server(binary, "--threads", str(args.threads),
                    "--max-connections", str(args.connections * 4))
    try:
        samples = []
        stop = threading.Event()

        def sample():
            while not stop.is_set():
                samples.append(server.rss_kib())
                stop.wait(1.0)
        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        wrk = subprocess.run(
            ["wrk", "-t2", f"-c{args.connections}", f"-d{args.seconds}s",
             "--timeout", "5s", "--latency", "-s", os.path.join(HERE, "soak.lua"),
             f"http://127.0.0.1:{server.port}/"],
            capture_output=True, text=True, timeout=args.seconds + 60)
        stop.set()
        sampler.join(5)
        out = wrk.stdout
        print(out)
        if wrk.returncode != 0:
            fail(f"wrk exit code {wrk.returncode}: {wrk.stderr}")

        errors = re.search(r"Socket errors: connect (\d+), read (\d+), "
                           r"write (\d+), timeout (\d+)", out)
        if errors and any(int(n) for n in errors.groups()):
            fail(f"socket errors: {errors.group(0)}")
        statuses = {int(s): int(n) for s, n in re.findall(r"status (\d+) (\d+)", out)}
        unexpected = {s: n for s, n in statuses.items() if s not in EXPECTED}
        if unexpected or not statuses:
            fail(f"unexpected statuses: {unexpected or 'none counted'}")

        third = max(1, len(samples) // 3)
        middle = max(samples[third:2 * third] or samples)
        last = max(samples[2 * third:] or samples)
        growth = last - middle
        print(f"statuses: {statuses}")
        print(f"RSS KiB: start {samples[0]}, max of middle third {middle}, "
              f"max of last third {last}, growth {growth}, "
              f"samples {len(samples)}")
        print("RSS samples (KiB): " + " ".join(str(s) for s in samples))
        if growth >= max(8 * 1024, middle // 10):
            fail(f"RSS still growing: +{growth} KiB in the last third")
        if get(server.port, "/healthz")[0] != 200:
            fail("server not serving after the soak")
        if server.terminate() != 0:
            fail("server did not exit 0 on SIGTERM")
        print("ok")
    finally:
        server.kill()


if __name__ == "__main__":
    sys.exit(main())
