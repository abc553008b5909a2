# SPDX-License-Identifier: MIT
# The README's two commands: `make serve` and `make test`. Each installs what
# is missing from Debian (idempotent, non-interactive), builds, then acts.

BUILD ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS ?= $(shell nproc)
HOST ?= 127.0.0.1
PORT ?= 8080
CMAKE_FLAGS ?=

# Debian 12 packages. Build: the compiler and libraries. Tests: the browser
# (Chromium; Node 20 and npm come with the machine), clang for the fuzzers
# and LeakSanitizer, nginx for the export and load-balancer tests, the real
# HTTP clients of the mock tests, and what the benchmarks drive and compare.
DEB_PACKAGES := cmake g++ make pkg-config dpkg-dev \
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev libfmt-dev \
  libcli11-dev libbrotli-dev zlib1g-dev libssl-dev \
  libgtest-dev libgmock-dev libbenchmark-dev \
  chromium clang libclang-rt-14-dev nginx libnginx-mod-http-brotli-static \
  curl python3 python3-requests python3-websockets \
  hyperfine wrk gunicorn python3-httpbin heaptrack openssl

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps build test serve bench bench-server deb clean

all: build

# Installs only what dpkg does not already list as installed, so a second
# run is instant and needs no network.
deps:
	@missing=$$(for p in $(DEB_PACKAGES); do \
	  dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; \
	done); \
	if [ -n "$$missing" ]; then \
	  echo "installing:" $$missing; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) -DHTTPSTATUS_WERROR=ON $(CMAKE_FLAGS)

build: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

# Every test: the suite (browser tests included), then the suite again under
# ASan + UBSan, the server's tests under TSan, and each fuzzer for
# CI_FUZZ_SECONDS. The long proofs are `make check-hard`.
CI_FUZZ_SECONDS ?= 15
test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)
	$(MAKE) test-asan test-tsan
	$(MAKE) fuzz-smoke FUZZ_SECONDS=$(CI_FUZZ_SECONDS)

serve: build
	$(BUILD)/cli/httpstatus serve --host $(HOST) --port $(PORT)

bench: deps
	cmake -S . -B $(BUILD)-bench -DCMAKE_BUILD_TYPE=Release -DHTTPSTATUS_BUILD_BENCH=ON
	cmake --build $(BUILD)-bench -j $(JOBS)
	bash bench/run.sh $(BUILD)-bench
	$(MAKE) bench-server

# Load test against nginx and httpbin (about 8 minutes): bench/server/.
# Each run's table is appended to $(BUILD)-bench/bench-server.md; the
# committed bench/server/RESULTS-server.md is a curated history, edited
# by hand, which a run must not overwrite.
bench-server: deps
	cmake -S . -B $(BUILD)-bench -DCMAKE_BUILD_TYPE=Release -DHTTPSTATUS_BUILD_BENCH=ON
	cmake --build $(BUILD)-bench -j $(JOBS) --target httpstatus_cli
	bash bench/server/run.sh $(BUILD)-bench/cli/httpstatus $(BUILD)-bench/bench-server.md
	bash bench/server/alloc.sh $(BUILD)-bench/cli/httpstatus / gzip

# The Debian package (CPack), written to $(BUILD)/packages/.
deb: build
	cd $(BUILD) && cpack -G DEB -B packages

clean:
	rm -rf $(BUILD) $(BUILD)-bench $(ASAN_BUILD) $(TSAN_BUILD) $(FUZZ_BUILD)

# ---- reliability: sanitizers, fuzzing, long proofs (issue #6) ---------------
# Each uses its own build tree, so none disturbs $(BUILD).
ASAN_BUILD ?= build-asan
TSAN_BUILD ?= build-tsan
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 30
SOAK_SECONDS ?= 60
SANITIZER_ENV := ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1

.PHONY: test-asan test-tsan fuzz-smoke check-hard

# The whole suite under AddressSanitizer (leaks included) + UBSan; Debug,
# which builds faster than an optimised tree. The browser test is left to
# `make test`: under ASan it adds minutes and finds nothing new.
test-asan: deps
	cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DHTTPSTATUS_WERROR=ON -DHTTPSTATUS_SANITIZE=ON $(CMAKE_FLAGS)
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	cd $(ASAN_BUILD) && $(SANITIZER_ENV) ctest --output-on-failure -j $(JOBS) -E '^browser\.'

# The server's tests (unit, mock, end-to-end, hostile) under ThreadSanitizer.
test-tsan: deps
	cmake -S . -B $(TSAN_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DHTTPSTATUS_WERROR=ON -DHTTPSTATUS_SANITIZE_THREAD=ON $(CMAKE_FLAGS)
	cmake --build $(TSAN_BUILD) -j $(JOBS) --target httpstatus_server_unit_tests mock_unit_tests e2e_tests
	cd $(TSAN_BUILD)/tests && $(SANITIZER_ENV) ./httpstatus_server_unit_tests && $(SANITIZER_ENV) ./mock_unit_tests && $(SANITIZER_ENV) ./e2e_tests

# Each libFuzzer target for FUZZ_SECONDS from the committed seeds (clang).
fuzz-smoke: deps
	JOBS=$(JOBS) bash fuzz/run.sh $(FUZZ_SECONDS) $(FUZZ_BUILD)

# The long proofs, on the release binary: a wrk soak (SOAK_SECONDS, 256
# connections), SIGTERM under load, and nginx in front of three instances
# with one killed and restarted mid-load.
check-hard: build
	python3 tests/reliability/soak.py $(BUILD)/cli/httpstatus --seconds $(SOAK_SECONDS) --connections 256
	python3 tests/reliability/graceful_stop.py $(BUILD)/cli/httpstatus
	python3 tests/reliability/load_balancer.py $(BUILD)/cli/httpstatus
