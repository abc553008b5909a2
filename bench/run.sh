#!/usr/bin/env bash
# Runs the lookup benchmarks and the whole-process CLI timing.
# Usage: bench/run.sh BUILD_DIR   (make bench builds BUILD_DIR first)
set -euo pipefail
build=${1:-build-bench}
echo "== registry (Google Benchmark) =="
"$build/bench/httpstatus_bench" --benchmark_repetitions=3 --benchmark_report_aggregates_only=true
echo
echo "== httpstatus 404 as a whole process vs Python (hyperfine) =="
if command -v hyperfine >/dev/null; then
  hyperfine -N --warmup 20 --runs 300 \
    "$build/cli/httpstatus 404" \
    "python3 -c 'import http; print(http.HTTPStatus(404).phrase)'"
else
  echo "hyperfine is not installed (apt-get install hyperfine)"
fi
