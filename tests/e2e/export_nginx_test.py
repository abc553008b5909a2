#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# The static export served by Debian's nginx answers every page, document
# and asset with the very bytes `httpstatus serve` sends, with the same
# Content-Type, Content-Encoding and security and cache headers, for
# identity, gzip and (when libnginx-mod-http-brotli-static is installed)
# br. Exits 77, which CTest reports as skipped, when nginx is missing.
#
#   export_nginx_test.py HTTPSTATUS_BINARY
#
# Both servers listen on 127.0.0.1 only, on ports the kernel picks; each
# is stopped at the end (nginx through its pid file), and every wait is
# bounded.
import http.client
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

from localhost import find_nginx, free_port, wait_for_port

SKIP = 77
BROTLI_MODULE = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so"
# Headers whose values must match; ETag (nginx makes its own from mtime and
# size), Date, Server, Connection and Vary (nginx adds it only when it
# could have compressed) are not compared.
COMPARED = ["content-type", "content-encoding", "cache-control",
            "x-content-type-options", "content-security-policy",
            "referrer-policy", "x-frame-options",
            "access-control-allow-origin"]


def urls_of(root):
    """The URL of every exported resource, rebuilt from its file name."""
    urls = []
    for folder, _, files in os.walk(root):
        for name in files:
            rel = os.path.relpath(os.path.join(folder, name), root)
            if (rel in ("nginx.conf", "_headers", "_redirects", "404.html",
                        "api/404.json") or rel.endswith((".gz", ".br"))):
                continue
            if rel == "index.html" or rel.endswith("/index.html"):
                urls.append("/" + rel[:-len("index.html")].rstrip("/"))
            elif rel.startswith("api/") and rel != "api/v1/openapi.json":
                base, _, last = rel[:-len(".json")].rpartition("/")
                name, *params = last.split(".")
                query = "&".join(p.replace("-", "=", 1) for p in params)
                urls.append(f"/{base}/{name}" + (f"?{query}" if query else ""))
            else:
                urls.append("/" + rel)
    return sorted(set(urls))


def fetch(conn, url, coding):
    headers = {"Host": "127.0.0.1"}
    if coding:
        headers["Accept-Encoding"] = coding
    conn.request("GET", url, headers=headers)
    res = conn.getresponse()
    body = res.read()
    return res.status, {k: res.getheader(k) for k in COMPARED}, body


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: export_nginx_test.py HTTPSTATUS_BINARY")
    binary = sys.argv[1]
    nginx = find_nginx()
    if nginx is None:
        print("SKIP: nginx is not installed (apt-get install nginx)")
        return SKIP

    tmp = tempfile.mkdtemp(prefix="httpstatus-nginx-")
    serve = None
    pid_file = os.path.join(tmp, "nginx.pid")
    try:
        # nginx's workers run as nobody when the master is root.
        os.chmod(tmp, 0o755)
        # A "$" in the path: nginx has no escape for it, and "\\$" in the
        # configuration was read as a variable ("unknown variable").
        site = os.path.join(tmp, "si$te")
        subprocess.run([binary, "export", site], check=True,
                       stdout=subprocess.DEVNULL, timeout=120)
        for folder, dirs, files in os.walk(tmp):
            for d in dirs:
                os.chmod(os.path.join(folder, d), 0o755)

        serve = subprocess.Popen(
            [binary, "serve", "--host", "127.0.0.1", "--port", "0",
             "--threads", "1", "--no-access-log"],
            stdout=subprocess.PIPE, text=True)
        line = serve.stdout.readline()
        m = re.match(r"listening on http://127\.0\.0\.1:(\d+)$", line.strip())
        if not m:
            sys.exit(f"unexpected first line from serve: {line!r}")
        serve_port = int(m.group(1))

        nginx_port = free_port()
        snippet = open(os.path.join(site, "nginx.conf")).read()
        snippet = snippet.replace("listen 8080;",
                                  f"listen 127.0.0.1:{nginx_port};")
        has_brotli = os.path.exists(BROTLI_MODULE)
        if has_brotli:
            snippet = snippet.replace("# brotli_static on;",
                                      "brotli_static on;")
        conf = os.path.join(tmp, "nginx.conf")
        with open(conf, "w") as f:
            f.write(
                (f"load_module {BROTLI_MODULE};\n" if has_brotli else "") +
                f"daemon on;\nworker_processes 1;\npid {pid_file};\n"
                f"error_log {tmp}/error.log;\n"
                "events { worker_connections 64; }\n"
                "http {\n    access_log off;\n"
                + "".join(f"    {k}_temp_path {tmp}/{k};\n" for k in
                          ("client_body", "proxy", "fastcgi", "uwsgi",
                           "scgi"))
                + f"    include {tmp}/server.conf;\n}}\n")
        with open(os.path.join(tmp, "server.conf"), "w") as f:
            f.write(snippet)
        subprocess.run([nginx, "-p", tmp, "-e", f"{tmp}/error.log", "-c",
                        conf], check=True, timeout=30)
        wait_for_port(nginx_port, None, "nginx")
        wait_for_port(serve_port, serve, "httpstatus serve")

        urls = urls_of(site)
        codings = ["", "gzip"] + (["br"] if has_brotli else [])
        ours = http.client.HTTPConnection("127.0.0.1", serve_port, timeout=10)
        theirs = http.client.HTTPConnection("127.0.0.1", nginx_port,
                                            timeout=10)
        failures = []
        checked = 0
        for url in urls + ["/healthz"]:
            for coding in codings:
                a = fetch(ours, url, coding)
                b = fetch(theirs, url, coding)
                checked += 1
                if a[0] != 200 or b[0] != 200:
                    failures.append(f"{url} [{coding or 'identity'}]: status "
                                    f"{a[0]} from serve, {b[0]} from nginx")
                elif url != "/lint" and a[2] != b[2]:
                    failures.append(f"{url} [{coding or 'identity'}]: bodies "
                                    f"differ ({len(a[2])} vs {len(b[2])} "
                                    "bytes)")
                elif url == "/lint" and not coding and (
                        b'id="lint-static"' not in b[2] or
                        b'id="lint-static"' in a[2]):
                    # The one page the export changes: it says that the
                    # check needs the server (export_test.cpp checks the
                    # rest of its bytes and its variants).
                    failures.append("/lint: the export's page lacks its "
                                    "note, or the server's has it")
                elif a[1] != b[1]:
                    diff = {k: (a[1][k], b[1][k]) for k in COMPARED
                            if a[1][k] != b[1][k]}
                    failures.append(f"{url} [{coding or 'identity'}]: "
                                    f"headers differ (serve, nginx): {diff}")
        # Addresses that are not there: a 404 of the same type from both.
        # The export's own file names are no URLs of the server: nginx
        # answered them 200 as JSON (a .gz file's raw bytes among them).
        for url in ("/codes/299", "/no/such/page", "/api/v1/codes/299",
                    "/api/v1/codes/404.json", "/api/v1/codes/404.json.gz",
                    "/api/index.html", "/api/v1.json",
                    "/api/v1/openapi.json.json"):
            a = fetch(ours, url, "gzip")
            b = fetch(theirs, url, "gzip")
            checked += 1
            if (a[0], a[1]["content-type"]) != (b[0], b[1]["content-type"]):
                failures.append(f"{url}: serve {a[0]} {a[1]['content-type']}"
                                f", nginx {b[0]} {b[1]['content-type']}")
        # A class in capitals is a class to the server, and so to nginx.
        for url in ("/api/v1/codes?class=4XX",
                    "/api/v1/codes?class=5xx&unofficial=true"):
            a = fetch(ours, url, "")
            b = fetch(theirs, url, "")
            checked += 1
            if (a[0], a[2]) != (b[0], b[2]):
                failures.append(f"{url}: serve {a[0]} ({len(a[2])} bytes), "
                                f"nginx {b[0]} ({len(b[2])} bytes)")
        for f in failures[:40]:
            print("FAIL", f)
        if failures:
            print(f"{len(failures)} of {checked} checks failed")
            return 1
        print(f"ok: {len(urls) + 1} URLs x {len(codings)} codings "
              f"({', '.join(c or 'identity' for c in codings)}) identical; "
              "404s agree")
        return 0
    finally:
        if serve is not None and serve.poll() is None:
            serve.send_signal(signal.SIGTERM)
            try:
                serve.wait(timeout=15)
            except subprocess.TimeoutExpired:
                serve.kill()
        if os.path.exists(pid_file):
            try:
                os.kill(int(open(pid_file).read().strip()), signal.SIGQUIT)
            except (ValueError, ProcessLookupError):
                pass
            deadline = time.monotonic() + 10
            while os.path.exists(pid_file) and time.monotonic() < deadline:
                time.sleep(0.05)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
