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
  node --test --test-concurrency=1 tests/e2e/
fi
