#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs the browser tests: Debian's Chromium driven by playwright-core, against
# the real server binary. Installs the npm packages from the committed
# lockfile when node_modules is missing or older than the lockfile.
#
# Environment (all optional):
#   HTTPSTATUS_BIN             server binary (default ../../build/cli/httpstatus)
#   HTTPSTATUS_SHARED_DIR      folder with seed/http-status-codes-page.txt (default ../../../shared)
#   HTTPSTATUS_SCREENSHOT_DIR  where the screenshots go (default ../../build/screenshots)
#   CHROME_PATH                Chromium (default /usr/bin/chromium)
# Extra arguments go to `node --test` (e.g. a single file: run.sh theme.test.js).
set -euo pipefail
cd "$(dirname "$0")"

fail() { echo "browser tests: $*" >&2; exit 1; }

command -v node >/dev/null || fail "node is not installed (apt-get install nodejs npm)"
command -v npm >/dev/null || fail "npm is not installed (apt-get install npm)"
major=$(node -p 'process.versions.node.split(".")[0]')
[ "$major" -ge 20 ] || fail "node $(node --version) is too old; node 20 or newer is needed"
chrome=${CHROME_PATH:-/usr/bin/chromium}
[ -x "$chrome" ] || fail "Chromium not found at $chrome (apt-get install chromium, or set CHROME_PATH)"
export CHROME_PATH=$chrome

bin=${HTTPSTATUS_BIN:-../../build/cli/httpstatus}
[ -x "$bin" ] || fail "server binary not found: $bin (build it first, or set HTTPSTATUS_BIN)"

# npm ci when node_modules is missing, or the lockfile changed since the last
# install (npm writes node_modules/.package-lock.json on every install).
stamp=node_modules/.package-lock.json
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ] || [ package.json -nt "$stamp" ]; then
  echo "browser tests: npm ci"
  npm ci --no-audit --no-fund --loglevel=error || fail "npm ci failed (is the npm registry reachable?)"
fi

exec node --test --test-reporter=spec "$@"
