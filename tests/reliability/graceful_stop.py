#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Graceful-stop proof (`make check-hard`, about 10 s): SIGTERM during load
stops accepting, lets in-flight requests finish (a sleeping mock request
`/status/200?sleep=2000` too, when the mock is there: answered in full, at
the end of its sleep or earlier), and exits 0; no request is cut.

    graceful_stop.py PATH/TO/httpstatus [--clients 16]

A request is "cut" when its response started but did not finish, or when
it was answered with something other than 200. A keep-alive connection
that the server closes while idle, before it read the next request, is not
a cut (HTTP/1.1 clients retry those, RFC 9112 Section 9.3.1); the retry on
a new connection must then be refused, since the server stops accepting.
Loopback only; stops exactly the server it started."""

import argparse
import http.client
import sys
import threading
import time

from common import Server, binary_from_argv, fail, get

SLEEP_MS = 2000


class Counters:
    def __init__(self):
        self.lock = threading.Lock()
        self.ok = 0
        self.idle_closed = 0
        self.refused = 0
        self.cut = []

    def add(self, field, value=1):
        with self.lock:
            if field == "cut":
                self.cut.append(value)
            else:
                setattr(self, field, getattr(self, field) + value)


def client_loop(port, counters, stop_at):
    paths = ["/", "/codes/404", "/api/v1/codes?class=4xx", "/healthz"]
    i = 0
    conn = None
    while time.monotonic() < stop_at:
        path = paths[i % len(paths)]
        i += 1
        if conn is None:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        try:
            conn.request("GET", path)
        except ConnectionRefusedError:
            counters.add("refused")
            return
        except OSError:
            conn.close()
            conn = None
            continue
        try:
            res = conn.getresponse()
            body = res.read()
        except http.client.RemoteDisconnected:
            # Closed before a single byte of the response: an idle close.
            counters.add("idle_closed")
            conn.close()
            conn = None
            continue
        except (http.client.IncompleteRead, OSError) as e:
            counters.add("cut", f"{path}: {type(e).__name__} {e}")
            return
        if res.status != 200 or len(body) != int(res.getheader("Content-Length", "-1")):
            counters.add("cut", f"{path}: {res.status}, {len(body)} bytes")
            return
        counters.add("ok")
        if res.getheader("Connection", "").lower() == "close":
            conn.close()
            conn = None


def main():
    binary = binary_from_argv()
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--clients", type=int, default=16)
    args = parser.parse_args()

    server = Server(binary, "--threads", "2", "--shutdown-grace", "10000")
    try:
        has_mock = get(server.port, "/status/200")[0] != 404
        sleeper = {}
        if has_mock:
            def sleeping_request():
                start = time.monotonic()
                try:
                    status, body = get(server.port, f"/status/200?sleep={SLEEP_MS}",
                                       timeout=15)
                    sleeper["result"] = (status, time.monotonic() - start)
                except OSError as e:
                    sleeper["result"] = (f"{type(e).__name__}: {e}", 0)
            sleeper["thread"] = threading.Thread(target=sleeping_request)
        else:
            print("skip: /status/ answers 404 (no mock in this build); "
                  "the sleeping-request part is not run")

        counters = Counters()
        stop_at = time.monotonic() + 30
        clients = [threading.Thread(target=client_loop,
                                    args=(server.port, counters, stop_at))
                   for _ in range(args.clients)]
        for c in clients:
            c.start()
        if has_mock:
            sleeper["thread"].start()
        time.sleep(1.0)  # load is running; the sleeper is mid-sleep
        before = counters.ok
        signalled = time.monotonic()
        code = server.terminate(timeout=20)
        exited_after = time.monotonic() - signalled
        for c in clients:
            c.join(35)
        if has_mock:
            sleeper["thread"].join(20)

        print(f"requests answered: {counters.ok} ({before} before SIGTERM), "
              f"idle keep-alive closes: {counters.idle_closed}, "
              f"refused after stop: {counters.refused}, cut: {len(counters.cut)}")
        print(f"server exit code {code}, {exited_after:.2f} s after SIGTERM")
        if code != 0:
            fail(f"exit code {code}")
        if counters.cut:
            fail("cut requests: " + "; ".join(counters.cut[:5]))
        if before == 0:
            fail("no load before SIGTERM")
        if has_mock:
            status, took = sleeper.get("result", ("no result", 0))
            print(f"sleeping mock request: {status} after {took:.2f} s")
            # The server may answer it when the sleep ends or, as the mock
            # does, cut the sleep short on stop; either way it is answered
            # in full, not dropped.
            if status != 200:
                fail(f"sleeping request got {status}")
        try:
            get(server.port, "/healthz", timeout=2)
            fail("server still accepts after stopping")
        except ConnectionRefusedError:
            pass
        print("ok")
    finally:
        server.kill()


if __name__ == "__main__":
    sys.exit(main())
