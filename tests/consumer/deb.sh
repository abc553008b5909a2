#!/usr/bin/env bash
# Builds the .deb with CPack, unpacks it with dpkg -x into a clean folder
# and runs the packaged binary from there.
# Usage: deb.sh BUILD_DIR
set -euo pipefail
build=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$build" && cpack -G DEB -B "$work/out" >/dev/null)
deb=$(ls "$work"/out/httpstatus_*.deb)
dpkg-deb --info "$deb" | grep -E '^ (Package|Depends):'
dpkg -x "$deb" "$work/root"
"$work/root/usr/bin/httpstatus" 404 | head -1
test -f "$work/root/usr/include/httpstatus/httpstatus.hpp"
test -f "$work/root/usr/share/man/man1/httpstatus.1"
test -f "$work/root/usr/lib/systemd/system/httpstatus@.service"
