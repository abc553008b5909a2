# SPDX-License-Identifier: MIT
"""What the Python e2e scripts share to run servers on 127.0.0.1: a free
port, a bounded wait for a listener, and Debian's nginx. Standard library
only; the scripts import it from their own folder."""

import os
import shutil
import socket
import time


class StartFailure(Exception):
    """A server the test started did not come up."""


def find_nginx():
    return shutil.which("nginx") or next(
        (p for p in ("/usr/sbin/nginx",) if os.access(p, os.X_OK)), None)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port, proc, what):
    """Waits up to 30 s for something to accept on `port`; raises
    StartFailure if `proc` (when given) exits first, or on the deadline."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise StartFailure(f"{what} exited with {proc.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.05)
    raise StartFailure(f"{what} did not listen on {port} within 30 s")
