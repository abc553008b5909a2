# SPDX-License-Identifier: MIT
"""Shared helpers of the reliability proofs: start `httpstatus serve` on a
free loopback port, stop exactly that process, time requests, percentiles.

Every wait is bounded; every process started is stopped by its own pid."""

import http.client
import os
import signal
import socket
import subprocess
import sys
import threading
import time


def fail(message):
    print(f"FAIL: {message}", flush=True)
    sys.exit(1)


class Server:
    """`httpstatus serve --port 0` with extra flags; `port` is the one it
    printed on its "listening on" line. No access log: stdout is a pipe
    read only for that line, which a log would fill, and then stall."""

    def __init__(self, binary, *flags, port=0, startup_timeout=60.0):
        self.proc = subprocess.Popen(
            [binary, "serve", "--host", "127.0.0.1", "--port", str(port),
             "--no-access-log", *flags],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.stderr_lines = []
        line = self._read_line(startup_timeout)
        if not line.startswith("listening on http://127.0.0.1:"):
            self.kill()
            fail(f"server did not start: {line!r} {''.join(self.stderr_lines)}")
        self.port = int(line.rsplit(":", 1)[1])
        threading.Thread(target=self._drain, daemon=True).start()

    def _read_line(self, timeout):
        result = []
        reader = threading.Thread(
            target=lambda: result.append(self.proc.stdout.readline()), daemon=True)
        reader.start()
        reader.join(timeout)
        return result[0].strip() if result else ""

    def _drain(self):
        for line in self.proc.stderr:
            self.stderr_lines.append(line)

    @property
    def pid(self):
        return self.proc.pid

    def rss_kib(self):
        with open(f"/proc/{self.pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        return 0

    def terminate(self, timeout=30.0):
        """SIGTERM, then the exit code (None if it did not exit in time)."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            return None

    def kill(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)


def get(port, path, timeout=5.0, headers=None):
    """One GET on a new connection: (status, body bytes)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path, headers=headers or {})
        res = conn.getresponse()
        return res.status, res.read()
    finally:
        conn.close()


def wait_until(predicate, timeout, step=0.02):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(step)
    return predicate()


def percentile(values, p):
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, int(round(p / 100.0 * len(ordered))) - 1))
    return ordered[index]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def binary_from_argv():
    if len(sys.argv) < 2 or not os.access(sys.argv[1], os.X_OK):
        fail(f"usage: {sys.argv[0]} PATH/TO/httpstatus [options]")
    return sys.argv[1]
