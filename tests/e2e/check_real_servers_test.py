#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# `httpstatus check` against real servers and hostile ones (issue #8): the
# findings on what Debian's nginx and python3-httpbin really send are the
# ones the spec calls for, and a server that sends too much, garbage, or
# nothing ends the check with one clear line, the documented exit code, in
# bounded time and memory.
#
#   check_real_servers_test.py HTTPSTATUS_BINARY GROUP [NAME_PART]
#
# GROUP is one of (NAME_PART runs only the scenarios whose name has it)
#   nginx    nginx over HTTP and HTTPS (a throwaway certificate, --cacert):
#            405 from `return 405;`, a redirect chain with -L and a loop
#            with --max-redirs, 304 from If-None-Match with nginx's own
#            ETag, HEAD, timings
#   tls      a certificate for another name, one nobody trusts, both,
#            --insecure, a --cacert that is not a certificate, https:// at
#            a plain port and http:// at a TLS port
#   httpbin  python3-httpbin under gunicorn: /status/418 (also HEAD), 405,
#            401, 204, 304, /redirect-to (307 keeps POST, 303 makes GET)
#            and /redirect/3 with -L
#   hostile  raw TCP servers in this script: endless content (with a
#            length, chunked, to the close, with a framing conflict), an
#            endless header, garbage (also where TLS was expected), bare LF
#            line ends, content after 204/304/HEAD, content cut short, a
#            close without a byte, silence, a trickle (--timeout), codes
#            outside 100..599
#
# Exits 77, which CTest reports as skipped, when nginx, openssl, gunicorn
# or httpbin are missing. Everything listens on 127.0.0.1 only, on ports
# picked by binding port 0; every wait is bounded; each process started
# here is stopped by its own pid (nginx through its pid file) in `finally`.
import http.client
import os
import re
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import time

from localhost import find_nginx, free_port, wait_for_port

SKIP = 77
BINARY = ""
# What the whole-exchange clock of `check` allows a test before it is a
# hang; the hostile servers would otherwise keep a check busy forever.
HANG = 30.0
# 8 MiB of content are read at most (client_options::body_limit); the
# process may hold the content twice (buffer and body) plus the program.
# A sanitizer build keeps freed memory in quarantine and shadow memory
# beside it, so its CTest entry raises the bound (tests/lint_tests.cmake).
RSS_LIMIT_KIB = int(os.environ.get("HTTPSTATUS_CHECK_RSS_LIMIT_MIB", "96")) * 1024


class Failure(Exception):
    pass


class Result:
    def __init__(self, code, out, err, seconds, maxrss_kib):
        self.code = code
        self.out = out
        self.err = err
        self.seconds = seconds
        self.maxrss_kib = maxrss_kib

    def __str__(self):
        return (f"exit {self.code} after {self.seconds:.2f} s, max RSS "
                f"{self.maxrss_kib} KiB\n--- stdout\n{self.out}"
                f"--- stderr\n{self.err}---")


def run_check(*args, limit=HANG):
    """Runs `httpstatus check ARGS`; kills it after `limit` seconds. The
    child is reaped with wait4, so its peak RSS is known."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.monotonic()
        proc = subprocess.Popen([BINARY, "check", *args], stdout=out,
                                stderr=err, stdin=subprocess.DEVNULL)
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() - start > limit:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.01)
        proc.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.monotonic() - start
        out.seek(0)
        err.seek(0)
        return Result(proc.returncode, out.read().decode("utf-8", "replace"),
                      err.read().decode("utf-8", "replace"), seconds,
                      usage.ru_maxrss)


def expect(condition, what, result=None):
    if not condition:
        raise Failure(what + ("\n" + str(result) if result else ""))


def expect_exit(result, code):
    expect(result.code == code, f"expected exit {code}", result)


def expect_in(text, result, stream="out"):
    haystack = getattr(result, stream)
    expect(text in haystack, f"expected {text!r} on std{stream}", result)


def expect_not_in(text, result, stream="out"):
    haystack = getattr(result, stream)
    expect(text not in haystack, f"did not expect {text!r} on std{stream}",
           result)


def expect_order(lines, result):
    at = 0
    for line in lines:
        found = result.out.find(line, at)
        expect(found >= 0, f"expected {line!r} (in this order: {lines})",
               result)
        at = found + len(line)


def expect_error_line(result, pattern):
    """stderr is exactly one `httpstatus: error:` line matching `pattern`."""
    expect(re.fullmatch(r"httpstatus: error: " + pattern + r"\n", result.err)
           is not None, f"expected one error line matching {pattern!r}",
           result)


def rules_of(result):
    """(strength, rule) of every finding printed, in order."""
    return re.findall(r"^  (MUST|SHOULD|MAY|info)\s+([a-z-]+) \(",
                      result.out, re.M)


def expect_rules(result, expected):
    got = rules_of(result)
    expect(got == expected, f"expected findings {expected}, got {got}",
           result)


# --- certificates and nginx -----------------------------------------------

def make_cert(openssl, folder, name, san):
    """A self-signed certificate (it is its own CA, so --cacert trusts it)
    for `san`; returns (certificate, key) paths."""
    cert = os.path.join(folder, f"{name}.pem")
    key = os.path.join(folder, f"{name}.key")
    subprocess.run(
        [openssl, "req", "-x509", "-newkey", "ec", "-pkeyopt",
         "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", key, "-out",
         cert, "-days", "2", "-subj", f"/CN={name}", "-addext",
         f"subjectAltName={san}"],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        timeout=30)
    return cert, key


class Nginx:
    """Debian's nginx as a daemon with its own prefix, config and pid file
    in `tmp`; `stop` sends SIGQUIT to the pid in that file only."""

    def __init__(self, nginx, tmp, servers, ports, cleanups):
        self.pid_file = os.path.join(tmp, "nginx.pid")
        cleanups.append(self.stop)
        conf = os.path.join(tmp, "nginx.conf")
        with open(conf, "w") as f:
            f.write(
                f"daemon on;\nworker_processes 1;\npid {self.pid_file};\n"
                f"error_log {tmp}/error.log;\n"
                "events { worker_connections 64; }\n"
                "http {\n    access_log off;\n"
                "    types { text/plain txt; text/html html; }\n"
                "    default_type application/octet-stream;\n"
                + "".join(f"    {k}_temp_path {tmp}/{k};\n" for k in
                          ("client_body", "proxy", "fastcgi", "uwsgi",
                           "scgi"))
                + servers + "}\n")
        subprocess.run([nginx, "-p", tmp, "-e", f"{tmp}/error.log", "-c",
                        conf], check=True, timeout=30)
        for port in ports:
            wait_for_port(port, None, "nginx")

    def stop(self):
        if not os.path.exists(self.pid_file):
            return
        try:
            os.kill(int(open(self.pid_file).read().strip()), signal.SIGQUIT)
        except (ValueError, ProcessLookupError):
            return
        deadline = time.monotonic() + 10
        while os.path.exists(self.pid_file) and time.monotonic() < deadline:
            time.sleep(0.05)



def nginx_tools():
    nginx = find_nginx()
    openssl = shutil.which("openssl")
    if nginx is None:
        return None, None, "nginx is not installed (apt-get install nginx)"
    if openssl is None:
        return None, None, "openssl is not installed (apt-get install openssl)"
    return nginx, openssl, None


def site_locations():
    """The routes of the nginx group: a 405 without Allow, a chain of
    three redirects ending at a static file, and a loop."""
    return (
        "        location = /405 { return 405; }\n"
        "        location = /old { return 301 /a; }\n"
        "        location = /a { return 302 /b; }\n"
        "        location = /b { return 307 /static.txt; }\n"
        "        location = /loop { return 302 /loop; }\n")


def prepare_root(tmp):
    # nginx's workers run as nobody when the master is root.
    os.chmod(tmp, 0o755)
    root = os.path.join(tmp, "www")
    os.mkdir(root)
    os.chmod(root, 0o755)
    with open(os.path.join(root, "static.txt"), "w") as f:
        f.write("a static file with an ETag\n")
    os.chmod(os.path.join(root, "static.txt"), 0o644)
    return root


def etag_of(port, path, tls_context=None):
    if tls_context is None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    else:
        conn = http.client.HTTPSConnection("localhost", port, timeout=10,
                                           context=tls_context)
    try:
        conn.request("GET", path)
        res = conn.getresponse()
        res.read()
        etag = res.getheader("ETag")
        expect(res.status == 200 and etag, f"nginx sent no ETag for {path}")
        return etag
    finally:
        conn.close()


def nginx_scenarios(label, base, port, cacert_args, tls_context):
    """The same checks over HTTP (`cacert_args` empty) and HTTPS; `label`
    prefixes their names."""
    scheme = base.split(":", 1)[0]

    def status_405():
        # `return 405;` sends nginx's HTML error page and no Allow: RFC 9110
        # Section 15.5.6 says the origin server MUST generate Allow. nginx's
        # own reason phrase "Not Allowed" is worth an info.
        r = run_check(*cacert_args, f"{base}/405")
        expect_exit(r, 1)
        expect_in("HTTP/1.1 405 Not Allowed\n", r)
        expect_rules(r, [("MUST", "required-header"),
                         ("info", "reason-phrase")])
        expect_in("405 without Allow: violates RFC 9110 \u00a715.5.6 (MUST)."
                  " Add an Allow header", r)
        expect(r.err == "", "stderr not empty", r)

    def redirect_not_followed():
        # A 301 with Location (the SHOULD of Section 15.4.2 is met): no
        # finding, and without -L nothing else is requested.
        r = run_check(*cacert_args, f"{base}/old")
        expect_exit(r, 0)
        expect_in(f"GET {base}/old\nHTTP/1.1 301 Moved Permanently\n", r)
        expect_rules(r, [])
        expect_not_in("  redirect ", r)
        expect(r.out.count("\nGET ") == 0, "followed without -L", r)

    def redirect_chain():
        # 301 -> 302 -> 307 -> 200: each hop printed with the absolute
        # Location nginx generated, and the method kept. Only nginx's 302
        # reason phrase, "Moved Temporarily" (RFC 2068's), is remarked on.
        r = run_check(*cacert_args, "-L", f"{base}/old")
        expect_exit(r, 0)
        expect_order([
            f"GET {base}/old\n", "HTTP/1.1 301 Moved Permanently\n",
            f"  redirect   {base}/a\n",
            f"GET {base}/a\n", "HTTP/1.1 302 Moved Temporarily\n",
            f"  redirect   {base}/b\n",
            f"GET {base}/b\n", "HTTP/1.1 307 Temporary Redirect\n",
            f"  redirect   {base}/static.txt\n",
            f"GET {base}/static.txt\n", "HTTP/1.1 200 OK\n"], r)
        expect(r.out.count("  no findings\n") == 3, "hops with findings", r)
        expect_rules(r, [("info", "reason-phrase")])
        expect(r.err == "", "stderr not empty", r)

    def redirect_limit():
        r = run_check(*cacert_args, "-L", "--max-redirs", "3",
                      f"{base}/loop")
        expect_exit(r, 3)
        expect_error_line(r, re.escape(
            "stopped after 3 redirects (--max-redirs 3)"))
        expect(r.out.count("HTTP/1.1 302 Moved Temporarily\n") == 4,
               "expected 4 hops", r)

    def not_modified():
        # nginx's own ETag sent back: 304 with no content, which meets
        # Section 15.4.5 (no body) and the required Date; no finding.
        etag = etag_of(port, "/static.txt", tls_context)
        r = run_check(*cacert_args, "-H", f"If-None-Match: {etag}",
                      f"{base}/static.txt")
        expect_exit(r, 0)
        expect_in("HTTP/1.1 304 Not Modified\n", r)
        expect_rules(r, [])
        r = run_check(*cacert_args, "--json", "-H",
                      f"If-None-Match: {etag}", f"{base}/static.txt")
        expect_exit(r, 0)
        expect_in('"status": 304', r)
        expect_in('"body_bytes": 0', r)
        expect_in('"must_broken": false', r)
        # Another ETag: the file itself, 200.
        r = run_check(*cacert_args, "-H", 'If-None-Match: "other"',
                      f"{base}/static.txt")
        expect_exit(r, 0)
        expect_in("HTTP/1.1 200 OK\n", r)

    def head():
        # nginx answers HEAD with GET's header and no content: no head-body.
        r = run_check(*cacert_args, "-X", "HEAD", f"{base}/static.txt")
        expect_exit(r, 0)
        expect_in(f"HEAD {base}/static.txt\nHTTP/1.1 200 OK\n", r)
        expect_rules(r, [])

    def timings():
        r = run_check(*cacert_args, f"{base}/static.txt")
        expect_exit(r, 0)
        expect(re.search(r"  timings    connect [0-9.]+ ms, " +
                         (r"TLS [0-9.]+ ms, " if scheme == "https" else "") +
                         r"first byte [0-9.]+ ms, total [0-9.]+ ms\n",
                         r.out) is not None, "timings line", r)

    return [(f"{label}_405_without_allow", status_405),
            (f"{label}_redirect_not_followed", redirect_not_followed),
            (f"{label}_redirect_chain", redirect_chain),
            (f"{label}_redirect_limit", redirect_limit),
            (f"{label}_304_if_none_match", not_modified),
            (f"{label}_head", head),
            (f"{label}_timings", timings)]


def group_nginx(tmp, cleanups):
    nginx, openssl, why = nginx_tools()
    if why:
        return why
    root = prepare_root(tmp)
    cert, key = make_cert(openssl, tmp, "localhost",
                          "DNS:localhost,IP:127.0.0.1")
    http_port, https_port = free_port(), free_port()
    Nginx(nginx, tmp, (
        "    server {\n"
        f"        listen 127.0.0.1:{http_port};\n"
        f"        listen 127.0.0.1:{https_port} ssl;\n"
        f"        ssl_certificate {cert};\n"
        f"        ssl_certificate_key {key};\n"
        f"        root {root};\n"
        + site_locations() + "    }\n"), [http_port, https_port],
        cleanups)
    tls_context = ssl.create_default_context(cafile=cert)
    # By name (SNI, DNS SAN) and, for one case, by address (IP SAN).
    return (nginx_scenarios("http", f"http://127.0.0.1:{http_port}",
                            http_port, [], None)
            + nginx_scenarios("https", f"https://localhost:{https_port}",
                              https_port, ["--cacert", cert], tls_context)
            + nginx_scenarios("https_ip", f"https://127.0.0.1:{https_port}",
                              https_port, ["--cacert", cert],
                              tls_context)[:1])


def group_tls(tmp, cleanups):
    nginx, openssl, why = nginx_tools()
    if why:
        return why
    root = prepare_root(tmp)
    good_cert, good_key = make_cert(openssl, tmp, "localhost",
                                    "DNS:localhost,IP:127.0.0.1")
    other_cert, other_key = make_cert(openssl, tmp, "other.example",
                                      "DNS:other.example")
    good, other, plain = free_port(), free_port(), free_port()
    Nginx(nginx, tmp, (
        "    server {\n"
        f"        listen 127.0.0.1:{good} ssl;\n"
        f"        ssl_certificate {good_cert};\n"
        f"        ssl_certificate_key {good_key};\n"
        f"        root {root};\n"
        "    }\n"
        "    server {\n"
        f"        listen 127.0.0.1:{other} ssl;\n"
        f"        ssl_certificate {other_cert};\n"
        f"        ssl_certificate_key {other_key};\n"
        f"        root {root};\n"
        "    }\n"
        "    server {\n"
        f"        listen 127.0.0.1:{plain};\n"
        f"        root {root};\n"
        "    }\n"), [good, other, plain], cleanups)

    def refused(host, port, why, *cacert):
        """`check` of https://HOST:PORT/ fails verification: exit 3 and
        the one line saying why."""
        r = run_check(*cacert, f"https://{host}:{port}/static.txt")
        expect_exit(r, 3)
        expect_error_line(r, re.escape(
            f"TLS handshake with {host}:{port} failed: certificate "
            f"verify failed: {why}"))
        return r

    def other_name_ip():
        # Trusted (it is the CA given), but for other.example, not for the
        # address connected to.
        r = refused("127.0.0.1", other, "the certificate is not for 127.0.0.1",
                    "--cacert", other_cert)
        expect(r.out == "", "stdout not empty", r)

    def other_name_localhost():
        refused("localhost", other, "the certificate is not for localhost",
                "--cacert", other_cert)

    def untrusted():
        # Without --cacert the system store does not know the throwaway CA.
        refused("localhost", good, "self-signed certificate")

    def untrusted_other_name():
        # Both wrong: the chain is judged first.
        refused("127.0.0.1", other, "self-signed certificate")

    def insecure():
        for port in (good, other):
            r = run_check("--insecure", f"https://127.0.0.1:{port}/static.txt")
            expect_exit(r, 0)
            expect_in("HTTP/1.1 200 OK\n", r)
            expect_rules(r, [])

    def trusted():
        r = run_check("--cacert", good_cert,
                      f"https://localhost:{good}/static.txt")
        expect_exit(r, 0)
        expect_in("HTTP/1.1 200 OK\n", r)

    def cacert_not_a_certificate():
        # A --cacert that cannot be loaded is a usage error (exit 2), found
        # before anything is sent.
        bogus = os.path.join(tmp, "bogus.pem")
        with open(bogus, "w") as f:
            f.write("not a certificate\n")
        for path in (bogus, os.path.join(tmp, "missing.pem")):
            r = run_check("--cacert", path, f"https://localhost:{good}/")
            expect_exit(r, 2)
            expect_error_line(r, re.escape(
                f"cannot load CA certificates from {path}: ") + ".+")

    def tls_to_plain_port():
        # An HTTPS URL at a plain HTTP port: nginx answers the ClientHello
        # with a 400 in clear text, which OpenSSL reads as a record of an
        # unknown version.
        r = run_check(f"https://127.0.0.1:{plain}/")
        expect_exit(r, 3)
        expect_error_line(r, re.escape(
            f"TLS handshake with 127.0.0.1:{plain} failed: the answer is not "
            "TLS (wrong version number (SSL routines)); if the port serves "
            "plain HTTP, use an http:// URL"))

    def plain_to_tls_port():
        # The other way round nginx answers in clear text: a real 400, which
        # breaks no rule.
        r = run_check(f"http://127.0.0.1:{good}/")
        expect_exit(r, 0)
        expect_in("HTTP/1.1 400 Bad Request\n", r)
        expect_rules(r, [])

    return [("tls_other_name_ip", other_name_ip),
            ("tls_other_name_localhost", other_name_localhost),
            ("tls_untrusted", untrusted),
            ("tls_untrusted_other_name", untrusted_other_name),
            ("tls_insecure", insecure),
            ("tls_trusted", trusted),
            ("tls_cacert_not_a_certificate", cacert_not_a_certificate),
            ("tls_to_plain_port", tls_to_plain_port),
            ("tls_plain_to_tls_port", plain_to_tls_port)]


# --- httpbin under gunicorn -------------------------------------------------

def find_gunicorn():
    """Debian's gunicorn and httpbin run on Debian's interpreter, not on
    whatever python3 comes first on PATH."""
    python = "/usr/bin/python3"
    if not os.access(python, os.X_OK):
        return None, "Debian's /usr/bin/python3 is not installed"
    probe = subprocess.run([python, "-c", "import gunicorn, httpbin"],
                           stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, timeout=30)
    if probe.returncode != 0:
        return None, ("gunicorn or httpbin is missing (apt-get install "
                      "gunicorn python3-httpbin)")
    if os.access("/usr/bin/gunicorn", os.X_OK):
        return ["/usr/bin/gunicorn"], None
    return [python, "-m", "gunicorn"], None


def group_httpbin(tmp, cleanups):
    gunicorn, why = find_gunicorn()
    if why:
        return why
    port = free_port()
    proc = subprocess.Popen(
        gunicorn + ["--bind", f"127.0.0.1:{port}", "--workers", "1",
                    "--worker-tmp-dir", tmp, "--graceful-timeout", "2",
                    "--log-level", "warning", "httpbin:app"],
        cwd=tmp, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def stop():
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(10)

    cleanups.append(stop)
    wait_for_port(port, proc, "gunicorn")
    base = f"http://127.0.0.1:{port}"

    def teapot():
        # httpbin replaces the header fields of a 418 with its own, so the
        # ASCII-art teapot goes out without Content-Type (a SHOULD of RFC
        # 9110 Section 8.3); 418 is reserved and unused in the registry
        # (RFC 9110 Section 15.5.19), which is worth an info. The reason in
        # capitals matches the registry's, case aside: no reason-phrase.
        r = run_check(f"{base}/status/418")
        expect_exit(r, 0)
        expect_in("HTTP/1.1 418 I'M A TEAPOT\n", r)
        expect_rules(r, [("SHOULD", "content-type-missing"),
                         ("info", "code-registration")])
        expect_in("418 I'm a teapot is reserved and unused in the IANA "
                  "registry.", r)
        # HEAD: no content comes, but Content-Length says GET has some, so
        # the missing Content-Type still counts.
        r = run_check("-X", "HEAD", f"{base}/status/418")
        expect_exit(r, 0)
        expect_rules(r, [("SHOULD", "content-type-missing"),
                         ("info", "code-registration")])

    def not_allowed():
        # httpbin sends a bare 405: no Allow, which Section 15.5.6 requires.
        r = run_check(f"{base}/status/405")
        expect_exit(r, 1)
        expect_in("HTTP/1.1 405 METHOD NOT ALLOWED\n", r)
        expect_rules(r, [("MUST", "required-header")])
        expect_in("405 without Allow: violates RFC 9110 \u00a715.5.6 (MUST)",
                  r)

    def unauthorized():
        # WWW-Authenticate: Basic realm="Fake Realm" is there (Section
        # 15.5.2 MUST): no required-header finding.
        r = run_check(f"{base}/status/401")
        expect_exit(r, 0)
        expect_in("HTTP/1.1 401 UNAUTHORIZED\n", r)
        expect_rules(r, [])

    def no_content():
        # gunicorn drops Content-Length from a 204 and sends nothing after
        # the header: clean.
        r = run_check(f"{base}/status/204")
        expect_exit(r, 0)
        expect_in("HTTP/1.1 204 NO CONTENT\n", r)
        expect_rules(r, [])

    def not_modified():
        # A 304 with no ETag nor any other field Section 15.4.5 requires
        # if a 200 would have had it, which the response cannot show: one
        # info finding naming them all, exit 0.
        r = run_check(f"{base}/status/304")
        expect_exit(r, 0)
        expect_in("HTTP/1.1 304 NOT MODIFIED\n", r)
        expect_rules(r, [("info", "required-header")])
        expect_in("304 without any of Content-Location, ETag, Vary, "
                  "Cache-Control or Expires: RFC 9110 \u00a715.4.5 requires "
                  "each (MUST) if a 200 would have had it.", r)

    def redirect_to():
        # A relative Location; 307 keeps the method, so POST stays POST.
        r = run_check("-L", "-d", "x=1",
                      f"{base}/redirect-to?url=/anything&status_code=307")
        expect_exit(r, 0)
        expect_order([
            f"POST {base}/redirect-to?url=/anything&status_code=307\n",
            "HTTP/1.1 307 TEMPORARY REDIRECT\n",
            f"  redirect   {base}/anything\n",
            f"POST {base}/anything\n", "HTTP/1.1 200 OK\n"], r)
        # 303 turns POST into GET.
        r = run_check("-L", "-d", "x=1",
                      f"{base}/redirect-to?url=/get&status_code=303")
        expect_exit(r, 0)
        expect_order(["HTTP/1.1 303 SEE OTHER\n", f"GET {base}/get\n",
                      "HTTP/1.1 200 OK\n"], r)
        # Relative Locations, three hops.
        r = run_check("-L", f"{base}/redirect/3")
        expect_exit(r, 0)
        expect_order([
            f"GET {base}/redirect/3\n", "HTTP/1.1 302 FOUND\n",
            f"  redirect   {base}/relative-redirect/2\n",
            f"  redirect   {base}/relative-redirect/1\n",
            f"  redirect   {base}/get\n",
            f"GET {base}/get\n", "HTTP/1.1 200 OK\n"], r)
        expect_rules(r, [])

    return [("httpbin_418", teapot), ("httpbin_405", not_allowed),
            ("httpbin_401", unauthorized), ("httpbin_204", no_content),
            ("httpbin_304", not_modified),
            ("httpbin_redirect_to", redirect_to)]


# --- hostile raw TCP servers ------------------------------------------------

DATE = "Date: Sun, 06 Nov 1994 08:49:37 GMT\r\n"


class RawServer:
    """Accepts on 127.0.0.1:0 and hands each connection to `behaviour`
    (socket) on its own thread; `stop` closes the listener and every
    connection, and joins the threads."""

    def __init__(self, behaviour):
        self.behaviour = behaviour
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(16)
        self.port = self.listener.getsockname()[1]
        self.stopping = threading.Event()
        self.connections = []
        self.threads = []
        self.lock = threading.Lock()
        self.acceptor = threading.Thread(target=self._accept, daemon=True)
        self.acceptor.start()

    def _accept(self):
        while not self.stopping.is_set():
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            with self.lock:
                self.connections.append(conn)
            t = threading.Thread(target=self._serve, args=(conn,),
                                 daemon=True)
            self.threads.append(t)
            t.start()

    def _serve(self, conn):
        try:
            conn.settimeout(HANG)
            self.behaviour(conn, self.stopping)
        except OSError:
            pass  # the client went away: the point of most of these tests
        finally:
            conn.close()

    def url(self, path="/"):
        return f"http://127.0.0.1:{self.port}{path}"

    def stop(self):
        self.stopping.set()
        try:
            self.listener.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.listener.close()
        with self.lock:
            for conn in self.connections:
                try:
                    conn.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
        self.acceptor.join(10)
        for t in self.threads:
            t.join(10)


def read_request(conn):
    data = b""
    while b"\r\n\r\n" not in data and len(data) < 65536:
        chunk = conn.recv(4096)
        if not chunk:
            break
        data += chunk
    return data


def endless(header, piece):
    """Sends `header`, then `piece` until the client goes (or the test
    ends)."""
    def behaviour(conn, stopping):
        read_request(conn)
        conn.sendall(header.encode())
        while not stopping.is_set():
            conn.sendall(piece)
    return behaviour


def send_then(data, hold):
    """Sends `data`; then closes, or holds the connection open silently."""
    def behaviour(conn, stopping):
        read_request(conn)
        conn.sendall(data)
        if hold:
            stopping.wait(HANG)
    return behaviour


def trickle(conn, stopping):
    read_request(conn)
    conn.sendall(("HTTP/1.1 200 OK\r\n" + DATE +
                  "Content-Type: text/plain\r\nContent-Length: 1000\r\n\r\n")
                 .encode())
    while not stopping.wait(0.2):
        conn.sendall(b"x")


def silent(conn, stopping):
    stopping.wait(HANG)


def group_hostile(tmp, cleanups):
    def start(behaviour):
        s = RawServer(behaviour)
        cleanups.append(s.stop)
        return s

    zeros = b"\0" * 65536

    def endless_case(header, what):
        s = start(endless(header, zeros if "chunked" not in header else
                          b"10000\r\n" + zeros + b"\r\n"))
        r = run_check("--json", s.url())
        r_text = run_check(s.url())
        for res in (r, r_text):
            expect(res.seconds < 10, f"{what}: took {res.seconds:.1f} s", res)
            expect(res.maxrss_kib < RSS_LIMIT_KIB,
                   f"{what}: max RSS {res.maxrss_kib} KiB", res)
            expect_exit(res, 0)
        expect_in('"body_truncated": true', r)
        expect_in("  note       the content is larger than the 8 MiB "
                  "(8388608 bytes) limit, so it was not read to its end",
                  r_text)
        return r, r_text

    def endless_with_length():
        r, text = endless_case(
            "HTTP/1.1 200 OK\r\n" + DATE + "Content-Type: text/plain\r\n"
            "Content-Length: 10737418240\r\n\r\n", "Content-Length: 10 GiB")
        expect_in("to its end (Content-Length: 10737418240)\n", text)

    def endless_chunked():
        endless_case(
            "HTTP/1.1 200 OK\r\n" + DATE + "Content-Type: text/plain\r\n"
            "Transfer-Encoding: chunked\r\n\r\n", "chunked")

    def endless_to_close():
        endless_case(
            "HTTP/1.1 200 OK\r\n" + DATE + "Content-Type: text/plain\r\n\r\n",
            "read to the close")

    def endless_framing_conflict():
        # Beast refuses Content-Length with Transfer-Encoding; the raw read
        # must stop at the same limit.
        s = start(endless(
            "HTTP/1.1 200 OK\r\n" + DATE + "Content-Type: text/plain\r\n"
            "Content-Length: 10\r\nTransfer-Encoding: chunked\r\n\r\n",
            zeros))
        r = run_check(s.url())
        expect(r.seconds < 10, f"took {r.seconds:.1f} s", r)
        expect(r.maxrss_kib < RSS_LIMIT_KIB, f"max RSS {r.maxrss_kib}", r)
        expect_exit(r, 1)
        expect(("MUST", "framing-conflict") in rules_of(r), "finding", r)
        expect_in("  note       Beast's parser refused the header (bad "
                  "Transfer-Encoding); the raw bytes were read instead\n"
                  "  note       the content is larger than the 8 MiB "
                  "(8388608 bytes) limit, so it was not read to its end\n", r)

    def endless_header():
        s = start(endless("HTTP/1.1 200 OK\r\n", b"X-Fill: " + b"a" * 1000 +
                          b"\r\n"))
        r = run_check(s.url())
        expect(r.seconds < 10, f"took {r.seconds:.1f} s", r)
        expect_exit(r, 3)
        expect_error_line(r, re.escape(
            f"cannot read the response from 127.0.0.1:{s.port}: the header "
            "is larger than 64 KiB"))

    def garbage():
        # Not HTTP, then a close: the line quotes what came instead.
        junk = bytes(range(256)) * 8
        start_of_junk = ('"' + "".join(f"\\x{b:02x}" for b in range(10)) +
                         "\\n\\x0b\\x0c\\r" +
                         "".join(f"\\x{b:02x}" for b in range(14, 32)) +
                         '"...')
        for data, what in ((junk, start_of_junk),
                           (junk + b"\r\n\r\n" + junk, start_of_junk),
                           (b"SSH-2.0-OpenSSH_9.2\r\n",
                            '"SSH-2.0-OpenSSH_9.2\\r\\n"'),
                           (b"\r\n\r\n", '"\\r\\n\\r\\n"')):
            s = start(send_then(data, False))
            r = run_check("--timeout", "5", s.url())
            expect_exit(r, 3)
            expect(r.out == "", "stdout not empty", r)
            expect_error_line(r, re.escape(
                f"cannot read the response from 127.0.0.1:{s.port}: not an "
                f"HTTP response; the {len(data)} bytes received start {what}"
            ))

    def garbage_over_tls():
        # An SSH banner where a TLS server was expected: sent at once, as
        # SSH servers do, without waiting for the ClientHello.
        def banner(conn, stopping):
            conn.sendall(b"SSH-2.0-OpenSSH_9.2\r\n")
            stopping.wait(HANG)
        s = start(banner)
        r = run_check("--timeout", "5", f"https://127.0.0.1:{s.port}/")
        expect(r.seconds < 5, f"took {r.seconds:.1f} s", r)
        expect_exit(r, 3)
        expect_error_line(r, re.escape(
            f"TLS handshake with 127.0.0.1:{s.port} failed: the answer is "
            "not TLS (wrong version number (SSL routines)); if the port "
            "serves plain HTTP, use an http:// URL"))

    def bare_lf():
        # Line ends of bare LF: read leniently, judged, noted, whether the
        # server then closes (content to the close) or holds the
        # connection open after a Content-Length (the header's end is seen
        # as it arrives, not waited on until the timeout).
        note = ("  note       the header's lines end in bare LF, not CRLF; "
                "they were read leniently (RFC 9112 \u00a72.2)\n")
        lf_date = DATE.replace("\r", "")
        s = start(send_then(("HTTP/1.0 200 OK\n" + lf_date +
                             "Content-Type: text/plain\n\nhello").encode(),
                            False))
        r = run_check(s.url())
        expect_exit(r, 0)
        expect_in("HTTP/1.0 200 OK\n", r)
        expect_in(note, r)
        held = start(send_then(("HTTP/1.1 200 OK\n" + lf_date +
                                "Content-Type: text/plain\n"
                                "Content-Length: 2\n\nhi").encode(), True))
        r = run_check("--timeout", "5", held.url())
        expect(r.seconds < 5, f"took {r.seconds:.1f} s", r)
        expect_exit(r, 0)
        expect_in("HTTP/1.1 200 OK\n", r)
        expect_in(note, r)

    def content_where_none_is_allowed():
        # 204, 304 and HEAD end at their header for Beast; what the server
        # sends after it is still content, and a MUST NOT.
        cases = (
            ("HTTP/1.1 204 No Content\r\n" + DATE + "\r\nhello", [],
             "body-not-allowed"),
            ("HTTP/1.1 304 Not Modified\r\n" + DATE + 'ETag: "x"\r\n'
             "Content-Length: 5\r\n\r\nhello", [], "body-not-allowed"),
            ("HTTP/1.1 200 OK\r\n" + DATE + "Content-Type: text/plain\r\n"
             "Content-Length: 5\r\n\r\nhello", ["-X", "HEAD"], "head-body"))
        for data, args, rule in cases:
            s = start(send_then(data.encode(), False))
            r = run_check(*args, s.url())
            expect_exit(r, 1)
            expect(("MUST", rule) in rules_of(r), f"{rule} expected", r)
        # One that keeps the connection open costs half a second, no more.
        s = start(send_then(("HTTP/1.1 204 No Content\r\n" + DATE +
                             "\r\n").encode(), True))
        r = run_check(s.url())
        expect_exit(r, 0)
        expect(r.seconds < 3, f"took {r.seconds:.1f} s", r)
        expect_rules(r, [])

    def cut_short():
        d = "HTTP/1.1 200 OK\r\n" + DATE + "Content-Type: text/plain\r\n"
        for data, why in (
                (d + "Content-Length: 5\r\n\r\nab",
                 "the server closed the connection after 2 of the 5 content "
                 "bytes its Content-Length announced"),
                (d + "Transfer-Encoding: chunked\r\n\r\n5\r\nab",
                 "the server closed the connection after 2 content bytes, "
                 "before the last chunk"),
                (d + "Transfer-Encoding: chunked\r\n\r\nzz\r\nab",
                 "the chunked content is malformed (bad chunk)")):
            s = start(send_then(data.encode(), False))
            r = run_check(s.url())
            expect_exit(r, 3)
            expect_error_line(r, re.escape(
                f"cannot read the response from 127.0.0.1:{s.port}: {why}"))

    def garbage_then_silence():
        # Bytes that cannot begin "HTTP/" end the check as they arrive, not
        # at --timeout: the server need not close first.
        s = start(send_then(bytes(range(256)), True))
        r = run_check("--timeout", "5", s.url())
        expect(r.seconds < 1, f"took {r.seconds:.1f} s", r)
        expect_exit(r, 3)
        expect_error_line(r, re.escape(
            f"cannot read the response from 127.0.0.1:{s.port}: not an "
            "HTTP response; the 256 bytes received start \"\\x00\\x01") +
            ".*")

    def closes_without_answer():
        s = start(send_then(b"", False))
        r = run_check(s.url())
        expect_exit(r, 3)
        expect_error_line(r, re.escape(
            f"no response from 127.0.0.1:{s.port}: the server closed the "
            "connection without answering"))

    def never_answers():
        s = start(silent)
        r = run_check("--timeout", "1.5", s.url())
        expect(1.4 < r.seconds < 5, f"took {r.seconds:.1f} s", r)
        expect_exit(r, 3)
        expect_error_line(r, re.escape(
            f"no response from 127.0.0.1:{s.port}: timed out"))

    def never_handshakes():
        # TLS: the TCP connection is accepted, the ClientHello unanswered.
        s = start(silent)
        r = run_check("--timeout", "1.5",
                      f"https://127.0.0.1:{s.port}/")
        expect(1.4 < r.seconds < 5, f"took {r.seconds:.1f} s", r)
        expect_exit(r, 3)
        expect_error_line(r, re.escape(
            f"TLS handshake with 127.0.0.1:{s.port} failed: timed out"))

    def trickles():
        # The timeout covers the whole exchange, not each read: a server
        # that sends one byte every 200 ms cannot keep the check alive.
        s = start(trickle)
        r = run_check("--timeout", "1.5", s.url())
        expect(1.4 < r.seconds < 5, f"took {r.seconds:.1f} s", r)
        expect_exit(r, 3)
        expect_error_line(r, re.escape(
            f"cannot read the response from 127.0.0.1:{s.port}: timed out"))

    def bad_status_codes():
        for line, rule in (("HTTP/1.1 999 Odd", "status-code-range"),
                           ("HTTP/1.1 600 Odd", "status-code-range")):
            s = start(send_then((line + "\r\n" + DATE +
                                 "Content-Length: 0\r\n\r\n").encode(),
                                False))
            r = run_check(s.url())
            expect_exit(r, 1)
            expect(("MUST", rule) in rules_of(r), f"{line}: {rule}", r)

    return [("hostile_endless_with_length", endless_with_length),
            ("hostile_endless_chunked", endless_chunked),
            ("hostile_endless_to_close", endless_to_close),
            ("hostile_endless_framing_conflict", endless_framing_conflict),
            ("hostile_endless_header", endless_header),
            ("hostile_garbage", garbage),
            ("hostile_garbage_over_tls", garbage_over_tls),
            ("hostile_bare_lf", bare_lf),
            ("hostile_content_where_none_is_allowed",
             content_where_none_is_allowed),
            ("hostile_cut_short", cut_short),
            ("hostile_garbage_then_silence", garbage_then_silence),
            ("hostile_closes_without_answer", closes_without_answer),
            ("hostile_never_answers", never_answers),
            ("hostile_never_handshakes", never_handshakes),
            ("hostile_trickle", trickles),
            ("hostile_bad_status_codes", bad_status_codes)]


GROUPS = {"nginx": group_nginx, "tls": group_tls, "httpbin": group_httpbin,
          "hostile": group_hostile}


def main():
    global BINARY
    if len(sys.argv) not in (3, 4) or sys.argv[2] not in GROUPS:
        sys.exit("usage: check_real_servers_test.py HTTPSTATUS_BINARY "
                 f"{{{'|'.join(GROUPS)}}} [ONLY]")
    BINARY = sys.argv[1]
    only = sys.argv[3] if len(sys.argv) == 4 else None
    tmp = tempfile.mkdtemp(prefix="httpstatus-check-")
    cleanups = []
    started = time.monotonic()
    try:
        scenarios = GROUPS[sys.argv[2]](tmp, cleanups)
        if isinstance(scenarios, str):
            print(f"SKIP: {scenarios}")
            return SKIP
        failed = 0
        scenarios = [(n, f) for n, f in scenarios if not only or only in n]
        for name, scenario in scenarios:
            t = time.monotonic()
            try:
                scenario()
                print(f"ok   {name} ({time.monotonic() - t:.2f} s)",
                      flush=True)
            except Failure as e:
                failed += 1
                print(f"FAIL {name}: {e}", flush=True)
        print(f"{len(scenarios) - failed} of {len(scenarios)} passed in "
              f"{time.monotonic() - started:.1f} s")
        return 1 if failed else 0
    finally:
        for stop in reversed(cleanups):
            stop()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
