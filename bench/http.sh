#!/usr/bin/env bash
# `make bench`: one DB-backed page served by Passerelles vs the same bytes served by nginx, wrk in alternating rounds.
# Prints requests/s and p99 latency per round, the medians, and the ratio passerelles/nginx (median of the rounds).
# Goal (issue): ratio >= 0.5 and p99 < 10 ms at 64 connections. Builds nothing: expects the binary.
#
# Environment (all optional):
#   PASSERELLES_BIN        server binary (default build/passerelles)
#   PASSERELLES_DATA_DIR   reference data for `demo` (default ../shared/data)
#   BENCH_ROUNDS=3 BENCH_DURATION=10 BENCH_CONNECTIONS=64 BENCH_THREADS=2   the wrk runs
#   BENCH_TUNE="1:1 1:2 1:4 2:2 2:4"  io:db thread pairs tried first (5 s each); kept: the best req/s among those
#                                   with p99 < 10 ms (among all if none).
#                                   Empty: no tuning, use BENCH_IO_THREADS / BENCH_DB_THREADS (default 1 / 2).
#   BENCH_NGINX_WORKERS=auto        nginx worker_processes. "auto" (one per core, 2 here) is nginx at its best on this
#                                   machine, so the ratio is the conservative one; 1 is the single-process comparison.
#   BENCH_STRICT=1                  exit 1 when a goal is missed (default: report only, exit 0)
set -euo pipefail
cd "$(dirname "$0")/.."

bin=${PASSERELLES_BIN:-build/passerelles}
data_dir=${PASSERELLES_DATA_DIR:-../shared/data}
rounds=${BENCH_ROUNDS:-3}
duration=${BENCH_DURATION:-10}
conns=${BENCH_CONNECTIONS:-64}
threads=${BENCH_THREADS:-2}
tune=${BENCH_TUNE-"1:1 1:2 1:4 2:2 2:4"}
io_threads=${BENCH_IO_THREADS:-1}
db_threads=${BENCH_DB_THREADS:-2}
nginx_workers=${BENCH_NGINX_WORKERS:-auto}
email=bench-coordinatrice@passerelles.test
password=bench-mot-de-passe-2026

bench_name=bench
# shellcheck source=bench/lib.sh
. bench/lib.sh
bench_require wrk nginx curl
[ -x "$bin" ] || { echo "bench: no binary at $bin (make build, or set PASSERELLES_BIN)" >&2; exit 2; }

db="sqlite:$tmp/bench.db"
cleanup() {
  bench_stop_all
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- data: territory, coordinator, schools ------------------------------------------------------
echo "== $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine skews absolute figures;"
echo "   alternating rounds keep the ratio fair)"
echo "== database ($tmp)"
timeout 60 "$bin" --db "$db" migrate >/dev/null
territory=""
if timeout 300 "$bin" --db "$db" --data-dir "$data_dir" demo >"$tmp/demo.log" 2>&1; then
  territory=cmq-msi-bfc
  echo "seeded by \`passerelles demo\` (territory $territory)"
else
  echo "demo unavailable ($(tail -1 "$tmp/demo.log")); territory + schools through the CLI"
  territory=bench-035
  command -v sqlite3 >/dev/null || { echo "bench: sqlite3 is needed without demo" >&2; exit 2; }
  sqlite3 "$tmp/bench.db" "INSERT INTO territories (slug, name, kind, departments, created_at)
    VALUES ('$territory', 'Banc d''essai Ille-et-Vilaine', 'cmq', '035', CAST(strftime('%s','now') AS INTEGER));"
  if timeout 300 "$bin" --db "$db" import schools --quiet "$data_dir/schools/annuaire-education-2023_dep035.csv" \
      >"$tmp/import.log" 2>"$tmp/import.err"; then
    echo "schools imported from annuaire-education-2023_dep035.csv (importer output: $tmp/import.log)"
  else
    echo "schools importer unavailable ($(tail -1 "$tmp/import.err"))"
  fi
fi
echo "$password" | timeout 60 "$bin" --db "$db" user add --email "$email" --role coordinator \
  --territory "$territory" --password-stdin >/dev/null

# ---- passerelles ------------------------------------------------------------------------------------
port=$(free_port)
base="http://127.0.0.1:$port"
start_server "$db" "$port" "$io_threads" "$db_threads"

# Log in once (Argon2 makes logins deliberately slow): CSRF cookie and field, then the session cookie.
jar="$tmp/cookies"
form=$(curl -sf --max-time 10 -c "$jar" "$base/connexion")
csrf=$(sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' <<<"$form" | head -1)
curl -sf --max-time 10 -b "$jar" -c "$jar" -o /dev/null \
  --data-urlencode "csrf=$csrf" --data-urlencode "email=$email" --data-urlencode "password=$password" \
  --data-urlencode "suite=/tableau-de-bord" "$base/connexion"
session=$(awk '$6 == "passerelles" || $6 == "__Host-passerelles" { print $6 "=" $7 }' "$jar" | tail -1)
[ -n "$session" ] || { echo "bench: login failed" >&2; cat "$tmp/server.log" >&2; exit 1; }
cookie="Cookie: $session"

# The page: the school list (50 rows a page) when it exists, else the dashboard.
path=/annuaire/etablissements?page=1
if [ "$(curl -s -o "$tmp/page.html" -w '%{http_code}' --max-time 10 -H "$cookie" "$base$path")" != 200 ]; then
  echo "NOTE: $path is not available yet; benchmarking /tableau-de-bord (3 COUNT queries) instead"
  path=/tableau-de-bord
  curl -sf --max-time 10 -H "$cookie" -o "$tmp/page.html" "$base$path"
fi
ctype=$(curl -s -o /dev/null -w '%{content_type}' --max-time 10 -H "$cookie" "$base$path")
rows=$(grep -o '<tr' "$tmp/page.html" | wc -l || true)
size=$(stat -c %s "$tmp/page.html")
echo "page: $path — $size bytes, $ctype, $rows <tr> (header row included)"
[ "$path" = /tableau-de-bord ] || [ "$rows" -ge 51 ] || echo "NOTE: fewer than 50 rows on the page"

# ---- nginx with the same bytes ----------------------------------------------------------------------
start_nginx "$tmp/page.html" "$ctype" "$nginx_workers"

# ---- wrk ----------------------------------------------------------------------------------------------
# run_wrk NAME SECONDS URL [HEADER]: prints "REQ_PER_S P99_MS"; fails on non-2xx answers or socket errors.
run_wrk() {
  local name=$1 secs=$2 url=$3
  shift 3
  wrk_measure "$name" "$secs" 30 -t "$threads" -c "$conns" --timeout 5s "$@" "$url" |
    awk '{ printf "%.0f %.2f\n", $1, $3 }'
}
median() { sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

if [ -n "$tune" ]; then
  echo "== tuning passerelles threads (5 s each, $conns connections)"
  printf '%-10s %10s %9s\n' "io:db" "req/s" "p99 ms"
  best=""; best_rps=0; best_meets=0
  for pair in $tune; do
    stop_server
    start_server "$db" "$port" "${pair%%:*}" "${pair##*:}"
    run_wrk warmup 2 "$base$path" -H "$cookie" >/dev/null
    res=$(run_wrk "passerelles $pair" 5 "$base$path" -H "$cookie")
    read -r rps p99 <<<"$res"
    printf '%-10s %10s %9s\n' "$pair" "$rps" "$p99"
    # Best req/s among the pairs that meet the p99 goal; among all pairs if none does.
    meets=$(awk -v p="$p99" 'BEGIN { print (p < 10) ? 1 : 0 }')
    if [ "$meets" -gt "$best_meets" ] || { [ "$meets" = "$best_meets" ] && [ "$rps" -gt "$best_rps" ]; }; then
      best_rps=$rps; best=$pair; best_meets=$meets
    fi
  done
  io_threads=${best%%:*}
  db_threads=${best##*:}
  stop_server
  start_server "$db" "$port" "$io_threads" "$db_threads"
fi

echo "== $rounds alternating rounds of ${duration} s, $conns connections, $threads wrk threads"
echo "   passerelles: --io-threads $io_threads --db-threads $db_threads --access-log false; nginx: worker_processes $nginx_workers"
run_wrk warmup 2 "http://127.0.0.1:$nport/" >/dev/null
run_wrk warmup 2 "$base$path" -H "$cookie" >/dev/null
printf '%-6s %-12s %10s %9s\n' round server "req/s" "p99 ms"
: >"$tmp/results"
for r in $(seq "$rounds"); do
  res=$(run_wrk nginx "$duration" "http://127.0.0.1:$nport/")
  read -r n_rps n_p99 <<<"$res"
  printf '%-6s %-12s %10s %9s\n' "$r" nginx "$n_rps" "$n_p99"
  res=$(run_wrk passerelles "$duration" "$base$path" -H "$cookie")
  read -r p_rps p_p99 <<<"$res"
  printf '%-6s %-12s %10s %9s\n' "$r" passerelles "$p_rps" "$p_p99"
  echo "$n_rps $n_p99 $p_rps $p_p99" >>"$tmp/results"
done

n_rps=$(awk '{ print $1 }' "$tmp/results" | median)
n_p99=$(awk '{ print $2 }' "$tmp/results" | median)
p_rps=$(awk '{ print $3 }' "$tmp/results" | median)
p_p99=$(awk '{ print $4 }' "$tmp/results" | median)
ratio=$(awk '{ printf "%.3f\n", $3 / $1 }' "$tmp/results" | median)
ok_ratio=$(awk -v r="$ratio" 'BEGIN { print (r >= 0.5) ? "met" : "MISSED" }')
ok_p99=$(awk -v p="$p_p99" 'BEGIN { print (p < 10) ? "met" : "MISSED" }')
echo "== medians over $rounds rounds ($path, $size bytes)"
printf '%-12s %10s req/s   p99 %6s ms\n' nginx "$n_rps" "$n_p99" passerelles "$p_rps" "$p_p99"
echo "ratio passerelles/nginx (median of per-round ratios): $ratio   goal >= 0.5: $ok_ratio"
echo "p99 passerelles: $p_p99 ms   goal < 10 ms: $ok_p99"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -n "${BENCH_STRICT:-}" ] && { [ "$ok_ratio" != met ] || [ "$ok_p99" != met ]; }; then exit 1; fi
