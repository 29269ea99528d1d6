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

echo "== unit, store (SQLite + PostgreSQL) and HTTP tests"
(cd build && ctest --output-on-failure -j "$jobs" --timeout 300)

echo "== sanitizer build (ASan + UBSan)"
make --no-print-directory build-asan
lsan_supp="$(pwd)/tests/lsan.supp"  # absolute: the tests run inside build-asan
# Every test again, except the PostgreSQL copy of the bad-input walk: under ASan it is the longest test (over two
# minutes); its handlers and domain code are those of the SQLite copy, which runs here, and its PostgreSQL SQL ran in
# the ordinary build above.
(cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  LSAN_OPTIONS="suppressions=$lsan_supp" \
  ctest --output-on-failure -j "$jobs" --timeout 600 -E '^http[.]Engines/BadInput[.].*postgresql')

if [ -d tests/e2e ] && ls tests/e2e/*.test.mjs >/dev/null 2>&1; then
  echo "== browser tests (Chromium + axe-core)"
  # Two files at a time, the longest first (the crawl of every page, pages.test.mjs, about three minutes): each file
  # starts its own server, database and Chromium, so they do not share state. All passed this way at load 10 too.
  node --test --test-concurrency=2 tests/e2e/pages.test.mjs $(ls tests/e2e/*.test.mjs | grep -v '/pages[.]test[.]mjs$')
fi
