#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the libFuzzer targets with clang into BUILD (default build-fuzz)
# and runs each for SECONDS (default 30), starting from the committed seed
# corpus in fuzz/corpus/<target>/. New inputs go to BUILD/corpus/<target>/,
# crashes to BUILD/crashes/. Exits non-zero if any target finds a crash.
#   fuzz/run.sh [SECONDS] [BUILD]          e.g. fuzz/run.sh 30
# A crash becomes a regression test in tests/unit (see fuzz/README.md).
set -euo pipefail
seconds=${1:-30}
root=$(cd "$(dirname "$0")/.." && pwd)
build=${2:-$root/build-fuzz}
jobs=${JOBS:-2}
cxx=${CXX_FUZZ:-clang++}

cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER="$cxx" -DHTTPSTATUS_BUILD_FUZZ=ON \
  -DHTTPSTATUS_BUILD_TESTS=OFF -DHTTPSTATUS_INSTALL=OFF >/dev/null
targets=()
configured=$(cmake --build "$build" --target help)
for t in fuzz_parse fuzz_query fuzz_spec fuzz_request; do
  if grep -qx "\.\.\. $t" <<<"$configured"; then
    targets+=("$t")
  else
    echo "fuzz: $t is not configured here (its component is missing); skipped"
  fi
done
cmake --build "$build" -j "$jobs" --target "${targets[@]}"

# ASan's leak check stays on; UBSan reports abort, so libFuzzer keeps them.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
failed=()
mkdir -p "$build/crashes"
for t in "${targets[@]}"; do
  mkdir -p "$build/corpus/$t"
  echo "== $t: ${seconds}s"
  log="$build/$t.log"
  if "$build/fuzz/$t" -max_total_time="$seconds" -timeout=10 \
      -rss_limit_mb=2048 -max_len=16384 -print_final_stats=1 \
      -artifact_prefix="$build/crashes/$t-" \
      "$build/corpus/$t" "$root/fuzz/corpus/$t" >"$log" 2>&1; then
    execs=$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}')
    rate=$(grep -E '^stat::average_exec_per_sec' "$log" | awk '{print $2}')
    cov=$(grep -oE 'cov: [0-9]+' "$log" | tail -1)
    echo "   ok: ${execs:-?} runs, ${rate:-?}/s, ${cov:-cov ?}"
  else
    echo "   FAILED: see $log and $build/crashes/"
    grep -E 'ERROR|SUMMARY|Test unit written' "$log" | head -5 || true
    failed+=("$t")
  fi
done
if ((${#failed[@]})); then
  echo "fuzz: crashes in ${failed[*]}"
  exit 1
fi
echo "fuzz: ${#targets[@]} targets, ${seconds}s each, no crash"
