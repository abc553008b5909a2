#!/usr/bin/env bash
# Checks the unit template with systemd-analyze verify, as the instance
# httpstatus@8080, pointing ExecStart at the freshly built binary (and
# dropping the man: link, which needs the man page installed). Exits 77
# (skipped) where systemd-analyze is not available.
# Usage: verify.sh BINARY
set -euo pipefail
command -v systemd-analyze >/dev/null || { echo "systemd-analyze not available"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sed -e "s|^ExecStart=httpstatus |ExecStart=$1 |" -e '/^Documentation=/d' \
  "$(dirname "$0")/httpstatus@.service" > "$work/httpstatus@.service"
grep -q "^ExecStart=$1 serve .*--port %i\$" "$work/httpstatus@.service"
systemd-analyze verify "$work/httpstatus@8080.service"
echo "unit verified"
