#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Load-balancer proof (`make check-hard`, about 20 s): three instances
behind Debian's nginx with deploy/nginx/httpstatus-lb.conf; during load,
one instance is killed (SIGKILL) and restarted, another stopped (SIGTERM)
and restarted, and the clients see no failed request. Before that, the
mock's own failures (444, 502) must take no instance out of the pool.

    load_balancer.py PATH/TO/httpstatus [--seconds 12] [--clients 8]

nginx runs from a private prefix (config, pid, logs, temp dirs in a fresh
temporary folder) on loopback ports the kernel chose; everything started
is stopped by its pid. Exits 77 (skipped) when nginx is not installed."""

import argparse
import http.client
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

from common import Server, binary_from_argv, fail, free_port, wait_until

HERE = os.path.dirname(os.path.abspath(__file__))
CONF = os.path.join(HERE, "..", "..", "deploy", "nginx", "httpstatus-lb.conf")
SKIP = 77


def nginx_binary():
    for candidate in (shutil.which("nginx"), "/usr/sbin/nginx"):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


def write_nginx_conf(prefix, listen_port, instance_ports):
    """The committed file with test ports, inside a minimal nginx.conf."""
    with open(CONF) as f:
        lb = f.read()
    for default, port in zip((8081, 8082, 8083), instance_ports):
        lb = lb.replace(f"127.0.0.1:{default} ", f"127.0.0.1:{port} ")
    lb = lb.replace("listen 127.0.0.1:8080;", f"listen 127.0.0.1:{listen_port};")
    if any(f"127.0.0.1:{p} " not in lb for p in instance_ports):
        fail("deploy/nginx/httpstatus-lb.conf no longer lists 8081-8083")
    with open(os.path.join(prefix, "httpstatus-lb.conf"), "w") as f:
        f.write(lb)
    user = "user root;\n" if os.geteuid() == 0 else ""
    temp = "\n".join(f"    {kind}_temp_path {prefix}/{kind}_temp;"
                     for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    conf = f"""{user}daemon off;
master_process on;
worker_processes 2;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    log_format upstreams '$status $upstream_addr $upstream_status';
    access_log {prefix}/access.log upstreams;
{temp}
    include {prefix}/httpstatus-lb.conf;
}}
"""
    path = os.path.join(prefix, "nginx.conf")
    with open(path, "w") as f:
        f.write(conf)
    return path


def get(port, path, headers=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=15)
    try:
        conn.request("GET", path, headers=headers or {})
        res = conn.getresponse()
        res.read()
        return res
    finally:
        conn.close()


def mock_answers_take_no_instance_out(port):
    """The mock's failures are answers, not an instance failing: a 444
    (which closes the connection) and a 502 each took every instance out
    of the pool for 5 s, so one request made the whole site answer 502."""
    get(port, "/status/444")
    for _ in range(2):
        get(port, "/status/502")
    statuses = [get(port, "/codes/404").status for _ in range(9)]
    if statuses != [200] * 9:
        fail(f"after /status/444 and /status/502 the pages answered {statuses}")
    # The README's retry test, through the load balancer.
    seq = [get(port, "/status/502,502,200?sequence=lb-retry").status
           for _ in range(4)]
    if seq != [502, 502, 200, 200]:
        fail(f"/status/502,502,200?sequence=K answered {seq}")
    # A WebSocket handshake reaches the mock (nginx forwards Upgrade only
    # when told to); and nginx names no version, as the server does not.
    with socket.create_connection(("127.0.0.1", port), timeout=15) as ws:
        ws.sendall(b"GET /status/101 HTTP/1.1\r\nHost: lb\r\n"
                   b"Upgrade: websocket\r\nConnection: Upgrade\r\n"
                   b"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                   b"Sec-WebSocket-Version: 13\r\n\r\n")
        status_line = ws.makefile("rb").readline()
    if not status_line.startswith(b"HTTP/1.1 101 "):
        fail(f"a WebSocket handshake through nginx got {status_line!r}")
    server = get(port, "/").getheader("Server", "")
    if "/" in server:
        fail(f"the Server header names a version: {server}")
    print("mock answers (444, 502, WebSocket) take no instance out: ok",
          flush=True)


def load(port, stop, failures, counts, lock):
    paths = ["/", "/codes/404", "/api/v1/codes/418", "/healthz", "/codes?q=redirect"]
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=15)
    i = 0
    while not stop.is_set():
        path = paths[i % len(paths)]
        i += 1
        try:
            conn.request("GET", path)
            res = conn.getresponse()
            body = res.read()
            ok = res.status == 200 and len(body) == int(res.getheader("Content-Length", len(body)))
            with lock:
                counts[0] += 1
                if not ok:
                    failures.append(f"{path}: {res.status}")
        except (OSError, http.client.HTTPException) as e:
            with lock:
                counts[0] += 1
                failures.append(f"{path}: {type(e).__name__} {e}")
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=15)
    conn.close()


def main():
    binary = binary_from_argv()
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--seconds", type=float, default=12)
    parser.add_argument("--clients", type=int, default=8)
    args = parser.parse_args()

    nginx = nginx_binary()
    if not nginx:
        print("skip: nginx is not installed (Debian package nginx-light)")
        return SKIP

    prefix = tempfile.mkdtemp(prefix="httpstatus-lb-")
    os.chmod(prefix, 0o755)
    flags = ("--threads", "1", "--idle-timeout", "15000")
    # Inside the try, so that a start that fails stops those already
    # started; on ports the kernel picks, not free_port()'s, which another
    # test running alongside could take first ("Address already in use"
    # failed the proof and left two instances running).
    instances = []
    proxy = None
    try:
        for _ in range(3):
            instances.append(Server(binary, *flags))
        ports = [s.port for s in instances]
        listen_port = free_port()
        conf = write_nginx_conf(prefix, listen_port, ports)
        proxy = subprocess.Popen([nginx, "-p", prefix, "-c", conf, "-e",
                                  os.path.join(prefix, "error.log")],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

        def nginx_up():
            try:
                c = http.client.HTTPConnection("127.0.0.1", listen_port, timeout=2)
                c.request("GET", "/healthz")
                return c.getresponse().status == 200
            except OSError:
                return False
        if not wait_until(nginx_up, 15):
            fail("nginx did not come up: " + open(os.path.join(prefix, "error.log")).read())
        mock_answers_take_no_instance_out(listen_port)

        stop = threading.Event()
        failures, counts, lock = [], [0], threading.Lock()
        clients = [threading.Thread(target=load, args=(listen_port, stop, failures, counts, lock))
                   for _ in range(args.clients)]
        for c in clients:
            c.start()

        t = args.seconds
        time.sleep(t * 0.15)
        print(f"kill -KILL instance on :{ports[1]}", flush=True)
        instances[1].kill()
        time.sleep(t * 0.15)
        print(f"restart instance on :{ports[1]}", flush=True)
        instances[1] = Server(binary, *flags, port=ports[1])
        time.sleep(t * 0.15)
        print(f"kill -TERM instance on :{ports[2]}", flush=True)
        if instances[2].terminate() != 0:
            fail("an instance did not exit 0 on SIGTERM")
        time.sleep(t * 0.15)
        print(f"restart instance on :{ports[2]}", flush=True)
        instances[2] = Server(binary, *flags, port=ports[2])
        time.sleep(t * 0.4)
        stop.set()
        for c in clients:
            c.join(30)

        proxy.send_signal(signal.SIGQUIT)
        proxy.wait(15)
        served = {}
        with open(os.path.join(prefix, "access.log")) as f:
            for line in f:
                for addr in re.findall(r"127\.0\.0\.1:(\d+)", line):
                    served[int(addr)] = served.get(int(addr), 0) + 1
        retried = sum(1 for line in open(os.path.join(prefix, "access.log"))
                      if "," in line)
        print(f"requests: {counts[0]}, failed: {len(failures)}, "
              f"retried by nginx on another instance: {retried}")
        print("upstream attempts per instance: " +
              ", ".join(f":{p} {served.get(p, 0)}" for p in ports))
        if failures:
            fail(f"{len(failures)} failed requests: " + "; ".join(failures[:5]))
        if counts[0] == 0:
            fail("no requests made")
        print("ok")
        return 0
    finally:
        # SIGTERM, not SIGKILL: the master stops its workers on the way
        # out, where a killed master left them running on the port.
        if proxy and proxy.poll() is None:
            proxy.terminate()
            try:
                proxy.wait(10)
            except subprocess.TimeoutExpired:
                proxy.kill()
                proxy.wait(10)
        for s in instances:
            s.terminate(10)
        shutil.rmtree(prefix, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
