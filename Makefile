# SPDX-License-Identifier: MIT
# The README's two commands: `make serve` and `make test`. Each installs what
# is missing from Debian (idempotent, non-interactive), builds, then acts.

BUILD ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS ?= $(shell nproc)
HOST ?= 127.0.0.1
PORT ?= 8080
CMAKE_FLAGS ?=

# Debian 12 packages the build and the tests need.
DEB_PACKAGES := cmake g++ make pkg-config \
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev libfmt-dev libcli11-dev \
  libgtest-dev libgmock-dev dpkg-dev libbenchmark-dev libbrotli-dev zlib1g-dev libssl-dev hyperfine

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps build test serve bench deb clean

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

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

serve: build
	$(BUILD)/cli/httpstatus serve --host $(HOST) --port $(PORT)

bench: deps
	cmake -S . -B $(BUILD)-bench -DCMAKE_BUILD_TYPE=Release -DHTTPSTATUS_BUILD_BENCH=ON
	cmake --build $(BUILD)-bench -j $(JOBS)
	bash bench/run.sh $(BUILD)-bench

# The Debian package (CPack), written to $(BUILD)/packages/.
deb: build
	cd $(BUILD) && cpack -G DEB -B packages

clean:
	rm -rf $(BUILD) $(BUILD)-bench
