#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Slow-client proof (in `make test`, about 10 s): hundreds of connections
that trickle header bytes do not stop a normal client from being served
with normal latency, and the header deadline then closes every one of them.

    slow_client.py PATH/TO/httpstatus [--slow 300] [--p99-ms 200]

Loopback only; the server it starts is stopped by its pid."""

import argparse
import socket
import sys
import threading
import time

from common import Server, binary_from_argv, fail, get, percentile

HEADER_TIMEOUT_MS = 3000


def measure(port, seconds):
    """Sequential GETs on new connections for `seconds`: latencies in ms."""
    latencies = []
    paths = ["/healthz", "/codes/404", "/api/v1/codes/418", "/"]
    end = time.monotonic() + seconds
    i = 0
    while time.monotonic() < end:
        start = time.perf_counter()
        status, _ = get(port, paths[i % len(paths)], timeout=5.0)
        latencies.append((time.perf_counter() - start) * 1000.0)
        if status != 200:
            fail(f"normal client got {status} for {paths[i % len(paths)]}")
        i += 1
    return latencies


def main():
    binary = binary_from_argv()
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--slow", type=int, default=300)
    parser.add_argument("--p99-ms", type=float, default=200.0)
    args = parser.parse_args()

    server = Server(binary, "--threads", "2",
                    "--header-timeout", str(HEADER_TIMEOUT_MS))
    try:
        baseline = measure(server.port, 1.0)

        slow = []
        for _ in range(args.slow):
            s = socket.create_connection(("127.0.0.1", server.port), timeout=5)
            s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ")
            slow.append(s)
        opened = time.monotonic()
        closed = [False] * len(slow)
        got_bytes = [False] * len(slow)
        stop = threading.Event()

        # One byte per connection every 100 ms: each is always "sending",
        # none ever finishes its header section.
        def trickle():
            while not stop.is_set():
                for i, s in enumerate(slow):
                    if closed[i]:
                        continue
                    try:
                        s.send(b"a")
                    except OSError:
                        closed[i] = True
                stop.wait(0.1)
        trickler = threading.Thread(target=trickle, daemon=True)
        trickler.start()

        loaded = measure(server.port, 2.0)

        # The header deadline counts from each connection's start, so all
        # of them must be gone shortly after it, with nothing answered.
        deadline = opened + HEADER_TIMEOUT_MS / 1000.0 + 3.0
        while time.monotonic() < deadline and not all(closed):
            time.sleep(0.1)
        stop.set()
        trickler.join(5)
        for i, s in enumerate(slow):
            s.setblocking(False)
            try:
                data = s.recv(4096)
                if data:
                    got_bytes[i] = True
                closed[i] = True  # b"" is EOF
            except BlockingIOError:
                pass
            except OSError:
                closed[i] = True
            s.close()
        still_open = closed.count(False)
        answered = got_bytes.count(True)

        print(f"normal client alone:      {len(baseline)} requests, "
              f"p50 {percentile(baseline, 50):.2f} ms, p99 {percentile(baseline, 99):.2f} ms")
        print(f"with {args.slow} slow clients: {len(loaded)} requests, "
              f"p50 {percentile(loaded, 50):.2f} ms, p99 {percentile(loaded, 99):.2f} ms, "
              f"max {max(loaded):.2f} ms")
        print(f"slow clients closed by the {HEADER_TIMEOUT_MS} ms header deadline: "
              f"{len(slow) - still_open}/{len(slow)}, answered: {answered}")
        if percentile(loaded, 99) >= args.p99_ms:
            fail(f"p99 {percentile(loaded, 99):.1f} ms >= {args.p99_ms} ms")
        if still_open:
            fail(f"{still_open} slow connections still open after the header deadline")
        if answered:
            fail(f"{answered} slow connections got response bytes")
        if get(server.port, "/healthz")[0] != 200:
            fail("server not serving after the slow clients")
        code = server.terminate()
        if code != 0:
            fail(f"server exit code {code}")
        print("ok")
    finally:
        server.kill()


if __name__ == "__main__":
    sys.exit(main())
