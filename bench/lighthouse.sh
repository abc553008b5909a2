#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Lighthouse 12.2.3 (pinned in bench/lighthouse/package-lock.json) with
# Debian's Chromium against a local `httpstatus serve`: the four category
# scores for / with the desktop preset and with the mobile default, and the
# size of / on the wire with gzip and with brotli.
#
# Usage: bench/lighthouse.sh [BUILD_DIR]     (default: $BUILD or ./build)
# Environment: HTTPSTATUS_BIN (default BUILD_DIR/cli/httpstatus),
#              CHROME_PATH (default /usr/bin/chromium),
#              LIGHTHOUSE_OUT (reports; default BUILD_DIR/lighthouse).
# Prints a Markdown section for bench/RESULTS.md, also saved as
# LIGHTHOUSE_OUT/RESULTS-section.md. Exits 1 when a category scores under 100.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(realpath -m "${1:-${BUILD:-$root/build}}")
bin=${HTTPSTATUS_BIN:-$build/cli/httpstatus}
out=${LIGHTHOUSE_OUT:-$build/lighthouse}
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
lh_dir=$root/bench/lighthouse

fail() { echo "lighthouse.sh: $*" >&2; exit 2; }
for tool in node npm curl; do command -v $tool >/dev/null || fail "$tool is not installed"; done
[ -x "$CHROME_PATH" ] || fail "Chromium not found at $CHROME_PATH (apt-get install chromium)"
[ -x "$bin" ] || fail "server binary not found: $bin (build it, or set HTTPSTATUS_BIN)"

# Lighthouse from the lockfile; npm ci only when missing or stale.
stamp=$lh_dir/node_modules/.package-lock.json
if [ ! -f "$stamp" ] || [ "$lh_dir/package-lock.json" -nt "$stamp" ]; then
  (cd "$lh_dir" && npm ci --no-audit --no-fund --loglevel=error) || fail "npm ci failed in $lh_dir"
fi

mkdir -p "$out"
tmp=$(mktemp -d)
server_pid=
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Start the server on a free port and read the port it prints.
"$bin" serve --host 127.0.0.1 --port 0 >"$tmp/server.out" 2>"$tmp/server.err" &
server_pid=$!
url=
for _ in $(seq 200); do
  url=$(sed -n 's|^listening on \(http://[^ ]*\).*|\1|p' "$tmp/server.out" | head -1)
  [ -n "$url" ] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$tmp/server.err" >&2; fail "server exited before listening"; }
  sleep 0.1
done
[ -n "$url" ] || fail "server printed no 'listening on' line in 20 s"
url=${url%/}

# Size of / on the wire, per encoding; the Content-Encoding header is checked
# so a server that ignores Accept-Encoding cannot pass as compressed.
wire() { # encoding -> "bytes content-encoding"
  curl -s -o /dev/null -H "Accept-Encoding: $1" -D "$tmp/h" -w '%{size_download}' "$url/"
  printf ' %s\n' "$(tr -d '\r' <"$tmp/h" | sed -n 's/^[Cc]ontent-[Ee]ncoding: *//p' | head -1)"
}
read -r size_id enc_id < <(wire identity)
read -r size_gz enc_gz < <(wire gzip)
read -r size_br enc_br < <(wire br)
# The same through curl's own decoder, as the brief's one-liner measures it.
size_br_curl=$(curl --compressed -H 'Accept-Encoding: br' -so /dev/null -w '%{size_download}' "$url/")

flags="--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run"
flags+=" --disable-background-networking --disable-component-update --disable-sync"
run_lh() { # name, extra lighthouse args...
  local name=$1; shift
  (cd "$lh_dir" && npx --no-install lighthouse "$url/" "$@" \
     --only-categories=performance,accessibility,best-practices,seo \
     --chrome-flags="$flags" --output=json --output=html \
     --output-path="$out/$name" --quiet) || fail "lighthouse ($name) failed"
}
run_lh desktop --preset=desktop
run_lh mobile

version=$(cd "$lh_dir" && npx --no-install lighthouse --version)
chromium_version=$("$CHROME_PATH" --version 2>/dev/null | head -1)

node - "$out" "${out#"$root"/}" "$url" "$version" "$chromium_version" \
  "$size_id" "$enc_id" "$size_gz" "$enc_gz" "$size_br" "$enc_br" "$size_br_curl" <<'EOF' | tee "$out/RESULTS-section.md"
const fs = require('fs');
const [out, shownOut, url, version, chromium, sizeId, encId, sizeGz, encGz, sizeBr, encBr, sizeBrCurl] = process.argv.slice(2);
const cats = ['performance', 'accessibility', 'best-practices', 'seo'];
const names = { performance: 'Performance', accessibility: 'Accessibility', 'best-practices': 'Best practices', seo: 'SEO' };
const runs = ['desktop', 'mobile'].map((r) => [r, JSON.parse(fs.readFileSync(`${out}/${r}.report.json`, 'utf8'))]);
const kb = (n) => `${n} B (${(n / 1024).toFixed(1)} KiB)`;
let below = 0;
const lines = [];
lines.push('## Lighthouse and page weight', '');
lines.push(`Lighthouse ${version}, ${chromium}, headless, against \`httpstatus serve\` on loopback;`,
  'run by `bench/lighthouse.sh`. Page: `/`.', '');
lines.push('| Category | Desktop (`--preset=desktop`) | Mobile (default) |', '|---|---|---|');
for (const c of cats) {
  const s = runs.map(([, j]) => j.categories[c].score === null ? 'n/a' : Math.round(j.categories[c].score * 100));
  s.forEach((v) => { if (v !== 100) below++; });
  lines.push(`| ${names[c]} | ${s[0]} | ${s[1]} |`);
}
lines.push('');
for (const [r, j] of runs) {
  const m = (id) => j.audits[id]?.displayValue ?? 'n/a';
  lines.push(`${r[0].toUpperCase() + r.slice(1)}: FCP ${m('first-contentful-paint')}, LCP ${m('largest-contentful-paint')}, ` +
    `TBT ${m('total-blocking-time')}, CLS ${m('cumulative-layout-shift')}, SI ${m('speed-index')}.`);
}
lines.push('', '| `/` on the wire | Bytes | Content-Encoding |', '|---|---|---|');
lines.push(`| identity | ${kb(+sizeId)} | ${encId || '(none)'} |`);
lines.push(`| gzip | ${kb(+sizeGz)} | ${encGz || '(none)'} |`);
lines.push(`| brotli | ${kb(+sizeBr)} | ${encBr || '(none)'} |`);
lines.push('', `(\`curl --compressed -H 'Accept-Encoding: br'\` counts ${sizeBrCurl} B downloaded. Budget: under 14 KB, one round trip.)`);
// Every audit that lost points, so a score under 100 says why.
const lost = [];
for (const [r, j] of runs) for (const c of cats) for (const ref of j.categories[c].auditRefs) {
  const a = j.audits[ref.id];
  if (ref.weight > 0 && a.score !== null && a.score < 1) lost.push(`- ${r}, ${names[c]}: \`${a.id}\` ${a.title} (score ${a.score}${a.displayValue ? ', ' + a.displayValue : ''})`);
}
if (lost.length) lines.push('', 'Audits that lost points:', ...lost);
lines.push('', `Reports: \`${shownOut}/{desktop,mobile}.report.{html,json}\`.`);
console.log(lines.join('\n'));
process.exitCode = below ? 1 : 0;
EOF
