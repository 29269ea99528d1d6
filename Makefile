# Passerelles front door: `make run` and `make test` work on a fresh Debian 12 machine.
SHELL := /bin/bash
JOBS ?= $(shell nproc)
BUILD ?= build
DB ?= sqlite:var/passerelles.db
LISTEN ?= 127.0.0.1:8080

.PHONY: all build build-asan install install-build run demo test test-unit test-asan test-e2e bench lint fmt clean

all: build

install-build:
	@scripts/install.sh build

install:
	@scripts/install.sh test

$(BUILD)/Makefile: CMakeLists.txt
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null

build: install-build $(BUILD)/Makefile
	cmake --build $(BUILD) -j $(JOBS)

build-asan: install-build
	cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DPASSERELLES_SANITIZE=ON >/dev/null
	cmake --build build-asan -j $(JOBS)

# Builds, creates the demo database if needed, and serves it.
run: build
	@scripts/run_demo.sh "$(DB)" "$(LISTEN)"

test: install
	@scripts/test.sh

bench: install build
	@bench/http.sh

lint: install-build $(BUILD)/Makefile
	@clang-format --dry-run -Werror $$(git ls-files 'src/*.cpp' 'src/*.hpp' 'tests/*.cpp' 'tests/*.hpp')
	@clang-tidy -p $(BUILD) --quiet $$(git ls-files 'src/*.cpp') 2>/dev/null

fmt:
	@clang-format -i $$(git ls-files 'src/*.cpp' 'src/*.hpp' 'tests/*.cpp' 'tests/*.hpp')

clean:
	rm -rf $(BUILD) build-asan
