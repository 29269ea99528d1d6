# Passerelles front door: `make run` and `make test` work on a fresh Debian 12 machine.
SHELL := /bin/bash
JOBS ?= $(shell nproc)
BUILD ?= build
DB ?= sqlite:var/passerelles.db
LISTEN ?= 127.0.0.1:8080

.PHONY: all build build-asan install install-build install-lint run demo test test-unit test-asan test-e2e bench bench-dashboard bench-surveys bench-events bench-gallery bench-matching lint fmt clean

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
	@bench/dashboard.sh
	@bench/surveys.sh
	@bench/events.sh
	@bench/gallery.sh
	@bench/matching.sh

# The dashboard at 50,000 and 5,000,000 actions on SQLite and PostgreSQL (bench/dashboard.sh; ~30 min).
bench-dashboard: install build
	@bench/dashboard.sh

# The survey form and answers vs nginx, survey-stats vs scipy (bench/surveys.sh; ~1 min; set
# PASSERELLES_BENCH_PG=postgresql://… to add PostgreSQL).
bench-surveys: install build
	@bench/surveys.sh

# 200 concurrent bookings for the last 10 places of an event: exactly 10 booked, 190 waitlisted, read back from the
# database (bench/events.sh; a few seconds; set PASSERELLES_BENCH_PG=postgresql://… to add PostgreSQL).
bench-events: install build
	@bench/events.sh

# The public gallery with 10,000 portraits, one filter and a search word, vs nginx; the search at 1,000 and 100,000
# portraits (bench/gallery.sh; ~2 min; SQLite).
bench-gallery: install build
	@bench/gallery.sh

# The matching engine on 5,000 requests × 20,000 ambassadors, and on the same people as an assignment problem next to
# scipy (bench/matching.sh; ~1 min).
bench-matching: install build
	@bench/matching.sh

install-lint:
	@scripts/install.sh lint

# Fails on any formatting difference or clang-tidy finding. clang-tidy reads $(BUILD)/compile_commands.json,
# which configuring writes (no build needed); one process per file, JOBS at a time.
lint: install-lint $(BUILD)/Makefile
	@test -f $(BUILD)/compile_commands.json || { echo "lint: no $(BUILD)/compile_commands.json" >&2; exit 1; }
	@clang-format --dry-run -Werror $$(git ls-files 'src/*.cpp' 'src/*.hpp' 'tests/*.cpp' 'tests/*.hpp')
	@git ls-files -z 'src/*.cpp' | xargs -0 -n 1 -P $(JOBS) clang-tidy -p $(BUILD) --quiet \
	  2> >(grep -v 'warnings\? generated\.$$' >&2)

fmt:
	@clang-format -i $$(git ls-files 'src/*.cpp' 'src/*.hpp' 'tests/*.cpp' 'tests/*.hpp')

clean:
	rm -rf $(BUILD) build-asan
