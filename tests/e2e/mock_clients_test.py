#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Real HTTP clients against the real binary's mock (/status/...): curl,
# Python's urllib, requests (with urllib3's Retry) and a WebSocket client.
#
#   mock_clients_test.py PATH/TO/httpstatus curl|urllib|requests|websocket
#
# Exits 0 when every check passes, 1 on the first failure, and 77 (CTest's
# SKIP_RETURN_CODE) when the client is not installed.
import email
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

SKIP = 77


def check(condition, what):
    if not condition:
        print(f"FAIL: {what}", file=sys.stderr)
        sys.exit(1)
    print(f"ok: {what}")


def skip(why):
    print(f"SKIP: {why}")
    sys.exit(SKIP)


class server:
    """Runs `httpstatus serve` on a free port until the block ends."""

    def __init__(self, binary):
        self.binary = binary

    def __enter__(self):
        # The body limit is raised so that curl can send a "big" body
        # after its 100 Continue.
        self.proc = subprocess.Popen(
            [self.binary, "serve", "--host", "127.0.0.1", "--port", "0",
             "--threads", "2", "--body-limit", str(4 * 1024 * 1024),
             "--no-access-log"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        line = self.proc.stdout.readline()
        m = re.search(r"listening on (http://\S+)", line)
        if not m:
            self.proc.kill()
            raise SystemExit(f"FAIL: server did not start: {line!r}")
        self.url = m.group(1)
        return self

    def __exit__(self, *exc):
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        return False


def curl_checks(url):
    curl = shutil.which("curl")
    if not curl:
        skip("curl is not installed")

    def run(*args):
        return subprocess.run([curl, "-sS", *args], capture_output=True,
                              timeout=30)

    r = run("-L", "-o", "/dev/null", "-w", "%{http_code} %{num_redirects}",
            f"{url}/status/302")
    check(r.stdout.decode() == "200 1", f"curl -L follows 302 to 200 ({r.stdout!r})")

    with tempfile.NamedTemporaryFile() as big:
        big.write(os.urandom(2 * 1024 * 1024))
        big.flush()
        started = time.monotonic()
        r = run("-i", "-H", "Expect: 100-continue", "--data-binary",
                f"@{big.name}", f"{url}/status/100")
        elapsed = time.monotonic() - started
    out = r.stdout.decode("latin-1")
    check(re.search(r"^HTTP/1\.1 100 Continue\r?$", out, re.M) is not None,
          "curl -i with Expect: 100-continue shows the 100")
    check(re.search(r"^HTTP/1\.1 200 OK\r?$", out, re.M) is not None,
          "... then the 200 after the 2 MB body")
    # curl waits a second for a 100 that never comes; ours comes at once.
    check(elapsed < 1.0, f"... without curl's 1 s expect wait ({elapsed:.2f} s)")

    r = run("-i", f"{url}/status/103")
    out = r.stdout.decode("latin-1")
    check("HTTP/1.1 103 Early Hints" in out, "curl shows the 103 interim response")
    check(re.search(r"^Link: <[^>]+>; rel=preload", out, re.M | re.I) is not None,
          "... with its Link: rel=preload")
    check(out.index("103 Early Hints") < out.index("HTTP/1.1 200 OK"),
          "... before the final 200")

    # Two ranges apart: multipart/byteranges, read by Python's own MIME
    # parser, each part the bytes of the 200 that its Content-Range names.
    whole = run(f"{url}/status/200").stdout
    headers = tempfile.NamedTemporaryFile()
    r = run("-r", "0-4,10-14", "-D", headers.name, f"{url}/status/206")
    head = open(headers.name, "rb").read().decode("latin-1")
    headers.close()
    m = re.search(r"^Content-Type: (multipart/byteranges; boundary=\S+)\r?$",
                  head, re.M | re.I)
    check(head.startswith("HTTP/1.1 206 ") and m is not None,
          f"curl -r 0-4,10-14 gets a multipart/byteranges 206 ({head!r})")
    check(re.search(r"^Content-Range:", head, re.M | re.I) is None,
          "... with no Content-Range in its header")
    message = email.message_from_bytes(
        b"Content-Type: " + m.group(1).encode() + b"\r\n\r\n" + r.stdout)
    got = [(part["Content-Range"], part.get_payload(decode=True))
           for part in message.get_payload()]
    n = len(whole)
    check(message.is_multipart() and got == [
              (f"bytes 0-4/{n}", whole[0:5]), (f"bytes 10-14/{n}", whole[10:15])],
          f"... whose parts the email parser reads as the two ranges ({got!r})")

    r = run("-o", "/dev/null", "-w", "%{http_code}", f"{url}/status/444")
    check(r.returncode == 52, f"curl gets an empty reply from 444 (exit {r.returncode})")

    r = run("-o", "/dev/null", "-w", "%{http_code}", "-X", "DELETE",
            f"{url}/status/410")
    check(r.stdout.decode() == "410", "curl -X DELETE gets 410")


def urllib_checks(url):
    with urllib.request.urlopen(f"{url}/status/200") as r:
        check(r.status == 200 and r.reason == "OK", "urllib: 200 OK")
        check(r.headers["Content-Type"] == "text/plain; charset=utf-8",
              "urllib: text/plain by default")

    try:
        urllib.request.urlopen(f"{url}/status/418")
        check(False, "urllib: 418 raises HTTPError")
    except urllib.error.HTTPError as e:
        check(e.code == 418 and e.reason == "I'm a teapot",
              f"urllib: HTTPError 418 I'm a teapot ({e.code} {e.reason})")
        check("418 I'm a teapot" in e.read().decode(), "urllib: the teapot's body")

    try:
        urllib.request.urlopen(f"{url}/status/405")
    except urllib.error.HTTPError as e:
        check(e.code == 405 and e.headers["Allow"], "urllib: 405 with Allow")

    with urllib.request.urlopen(f"{url}/status/301") as r:
        check(r.status == 200 and r.url.endswith("/status/200"),
              f"urllib follows 301 to /status/200 ({r.url})")

    # A retry loop as client code writes it: honour Retry-After, stop on
    # success, give up after three tries.
    target = f"{url}/status/503,503,200?sequence=urllib&retry_after=0"
    codes = []
    for _ in range(3):
        try:
            with urllib.request.urlopen(target) as r:
                codes.append(r.status)
                break
        except urllib.error.HTTPError as e:
            codes.append(e.code)
            check(e.headers["Retry-After"] == "0", "urllib: 503 says Retry-After")
    check(codes == [503, 503, 200], f"urllib retries 503, 503 to 200 ({codes})")


def requests_checks(url):
    try:
        import requests
        from requests.adapters import HTTPAdapter
        from urllib3.util.retry import Retry
    except ImportError:
        skip("python3-requests is not installed (Debian: python3-requests)")

    r = requests.get(f"{url}/status/418", timeout=10)
    check(r.status_code == 418 and r.reason == "I'm a teapot",
          f"requests: 418 I'm a teapot ({r.status_code} {r.reason})")
    r = requests.get(f"{url}/status/404",
                     headers={"Accept": "application/json"}, timeout=10)
    check(r.json()["code"] == 404, "requests: the JSON body names the code")
    r = requests.get(f"{url}/status/401", timeout=10)
    check("WWW-Authenticate" in r.headers, "requests: 401 with WWW-Authenticate")
    r = requests.get(f"{url}/status/429?retry_after=7", timeout=10)
    check(r.headers.get("Retry-After") == "7", "requests: 429 with Retry-After: 7")
    r = requests.head(f"{url}/status/200", timeout=10)
    check(r.status_code == 200 and r.content == b"", "requests: HEAD has no body")
    r = requests.get(f"{url}/status/302", timeout=10)
    check(r.status_code == 200 and len(r.history) == 1,
          "requests follows 302 to 200")
    r = requests.post(f"{url}/status/201", data=b"x" * 100, timeout=10)
    check(r.status_code == 201 and r.headers.get("Location"),
          "requests: POST gets 201 with Location")

    # urllib3's Retry on 503, honouring Retry-After (0 here, so no wait).
    with requests.Session() as s:
        retry = Retry(total=2, status_forcelist=[503], backoff_factor=0)
        s.mount("http://", HTTPAdapter(max_retries=retry))
        r = s.get(f"{url}/status/503,503,200?sequence=requests&retry_after=0",
                  timeout=10)
        check(r.status_code == 200, "requests + Retry(total=2): 200 on the third try")
        check(len(r.raw.retries.history) == 2,
              f"... after two retries ({r.raw.retries.history})")

    with requests.Session() as s:
        retry = Retry(total=1, status_forcelist=[503], backoff_factor=0,
                      raise_on_status=False)
        s.mount("http://", HTTPAdapter(max_retries=retry))
        r = s.get(f"{url}/status/503,503,200?sequence=short&retry_after=0",
                  timeout=10)
        check(r.status_code == 503, "requests + Retry(total=1): still 503")


def websocket_checks(url):
    try:
        import asyncio
        import websockets
    except ImportError:
        skip("python3-websockets is not installed (Debian: python3-websockets)")

    ws_url = url.replace("http://", "ws://") + "/status/101"

    async def echo():
        async with websockets.connect(ws_url) as ws:
            check(ws.response_headers.get("Server") == "httpstatus",
                  "websocket: the 101 comes from httpstatus")
            await ws.send("hello")
            check(await ws.recv() == "hello", "websocket: text echoed as text")
            await ws.send(b"\x00\x01\xff")
            check(await ws.recv() == b"\x00\x01\xff",
                  "websocket: binary echoed as binary")

    asyncio.run(asyncio.wait_for(echo(), 20))

    try:
        urllib.request.urlopen(url + "/status/101")
        check(False, "plain GET /status/101 fails")
    except urllib.error.HTTPError as e:
        check(e.code == 426 and e.headers["Upgrade"] == "websocket",
              "without an upgrade: 426 with Upgrade: websocket")


def main():
    if len(sys.argv) != 3:
        raise SystemExit("usage: mock_clients_test.py BINARY "
                         "curl|urllib|requests|websocket")
    binary, client = sys.argv[1], sys.argv[2]
    checks = {"curl": curl_checks, "urllib": urllib_checks,
              "requests": requests_checks, "websocket": websocket_checks}
    if client not in checks:
        raise SystemExit(f"unknown client {client!r}")
    with server(binary) as s:
        checks[client](s.url)
    print(f"{client}: all checks passed")


if __name__ == "__main__":
    main()
