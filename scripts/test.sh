#!/usr/bin/env bash
# Runs every test: build, unit/store/HTTP tests on SQLite and PostgreSQL, the sanitizer build, browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)

echo "== build"
make --no-print-directory build
echo "== PostgreSQL (scratch cluster)"
PASSERELLES_TEST_PG=$(scripts/pg_test.sh start)
export PASSERELLES_TEST_PG
trap 'scripts/pg_test.sh stop' EXIT

# Every store and HTTP test runs once on each engine: the PostgreSQL copies in this optimised build, the SQLite copies
# in the sanitizer build below (each engine's SQL once, the C++ once under ASan/UBSan). Unit tests, CLI tests and the
# reference checks run here; the unit and CLI tests run again under the sanitizers.
echo "== unit tests, store and HTTP tests on PostgreSQL, reference checks"
(cd build && ctest --output-on-failure -j "$jobs" --timeout 300 -E '/"sqlite"$')

echo "== sanitizer build (ASan + UBSan)"
make --no-print-directory build-asan
lsan_supp="$(pwd)/tests/lsan.supp"  # absolute: the tests run inside build-asan
asan_ctest() {
  (cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    LSAN_OPTIONS="suppressions=$lsan_supp" ctest --output-on-failure --timeout 600 "$@")
}
echo "== unit tests, store and HTTP tests on SQLite, under the sanitizers"
# The walk of every route with bad input is the longest test (over three minutes under ASan): it starts first, beside
# the others, so that it does not end the run alone. The scipy reference checks (matching, survey statistics) spend
# their time in Python and ran above.
walk='^http[.]Engines/BadInput[.]EveryRoute.*/"sqlite"$'
asan_ctest -R "$walk" &
walk_pid=$!
asan_ctest -j "$jobs" -E "/\"postgresql\"\$|$walk|^matching_reference\$|^survey_stats_reference\$"
wait "$walk_pid"

if [ -d tests/e2e ] && ls tests/e2e/*.test.mjs >/dev/null 2>&1; then
  echo "== browser tests (Chromium + axe-core)"
  # Two files at a time, the longest first (the crawl of every page, pages.test.mjs, about three minutes): each file
  # starts its own server, database and Chromium, so they do not share state. All passed this way at load 10 too.
  node --test --test-concurrency=2 tests/e2e/pages.test.mjs $(ls tests/e2e/*.test.mjs | grep -v '/pages[.]test[.]mjs$')
fi
