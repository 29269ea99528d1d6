#!/usr/bin/env bash
# `make bench-gallery`: the public gallery of portraits (issue 3, point 10), two figures:
#  1. GET /portraits?domaine=usinage&q=usineuse (one filter and a search word) with GALLERY_PORTRAITS (10,000) published
#     portraits, vs nginx serving the same bytes as a static file, wrk in alternating rounds (64 connections): req/s,
#     p99, and the ratio passerelles/nginx (median of the rounds). Goal: ratio >= 0.4 and p99 < 20 ms. The page's body
#     is kept in memory per query until a portrait changes (web/gallery_support.hpp), so this is the gallery as
#     visitors get it; figure 2 is the search itself.
#  2. The search at GALLERY_SMALL (1,000) and GALLERY_LARGE (100,000) portraits, through GET /api/v1/portraits (never
#     cached: count + first page + photos + JSON), one connection, mean and p50 latency; and the store's pass over the
#     matching rows alone (the same FTS5 MATCH) timed in the sqlite3 shell. Two searches: « usineuse » in usinage, whose matches are 7.5 %
#     of the portraits at every size (the time follows the matches: counting them is the work), and « souffleuse »,
#     one portrait at every size (the time follows the index, not the data). Prints both sizes and their ratio.
# Data (bench/gallery_data.py): 41 portraits with generated photos imported by `passerelles import portraits` (so
# their search columns are the application's), then 40 of them copied with SQL up to each size (same fields and
# photos, own slug and publication time); a fifth of the jobs are usinage ones.
# Takes about two minutes. SQLite only.
#
# Environment (all optional):
#   PASSERELLES_BIN        binary (default build/passerelles; built with `make build` when absent)
#   PASSERELLES_DATA_DIR   reference data (default ../shared/data; the gallery needs none of it)
#   GALLERY_PORTRAITS=10000 GALLERY_SMALL=1000 GALLERY_LARGE=100000   the data sets
#   GALLERY_ROUNDS=3 GALLERY_DURATION=10 GALLERY_CONNECTIONS=64 GALLERY_THREADS=2   the wrk runs of figure 1
#   GALLERY_SEARCH_DURATION=5   seconds of each one-connection run of figure 2
#   GALLERY_IO_THREADS=1 GALLERY_DB_THREADS=2   the server
#   GALLERY_NGINX_WORKERS=auto  nginx worker_processes (auto: one per core, nginx at its best)
#   GALLERY_STRICT=1            exit 1 when a goal is missed (default: report only)
set -euo pipefail
cd "$(dirname "$0")/.."

bin=${PASSERELLES_BIN:-build/passerelles}
data_dir=${PASSERELLES_DATA_DIR:-../shared/data}
portraits=${GALLERY_PORTRAITS:-10000}
small=${GALLERY_SMALL:-1000}
large=${GALLERY_LARGE:-100000}
rounds=${GALLERY_ROUNDS:-3}
duration=${GALLERY_DURATION:-10}
conns=${GALLERY_CONNECTIONS:-64}
threads=${GALLERY_THREADS:-2}
search_secs=${GALLERY_SEARCH_DURATION:-5}
io_threads=${GALLERY_IO_THREADS:-1}
db_threads=${GALLERY_DB_THREADS:-2}
nginx_workers=${GALLERY_NGINX_WORKERS:-auto}
strict=${GALLERY_STRICT:-0}
python=/usr/bin/python3  # Debian's; bench/gallery_data.py needs only its standard library
page_path='/portraits?domaine=usinage&q=usineuse'
fts_query='"usineu"*'  # what the store binds for « usineuse » (domain::search_query_fr, last stem as a prefix)

bench_name=bench-gallery
# shellcheck source=bench/lib.sh
. bench/lib.sh
bench_require wrk nginx curl sqlite3
[ -x "$python" ] || bench_die "no $python"
for v in "$portraits" "$small" "$large"; do
  if ! [[ $v =~ ^[0-9]+$ ]] || [ "$v" -lt 40 ]; then bench_die "the portrait counts must be whole numbers of at least 40"; fi
done
if [ ! -x "$bin" ]; then
  [ "$bin" = build/passerelles ] || bench_die "no binary at $bin"
  echo "== no $bin: make build"
  make build >/dev/null
fi
command_line=""  # for the summary: the settings given in the environment, then the script
for var in PASSERELLES_BIN GALLERY_PORTRAITS GALLERY_SMALL GALLERY_LARGE GALLERY_ROUNDS GALLERY_DURATION \
  GALLERY_CONNECTIONS GALLERY_THREADS GALLERY_SEARCH_DURATION GALLERY_IO_THREADS GALLERY_DB_THREADS \
  GALLERY_NGINX_WORKERS; do
  [ -z "${!var:-}" ] || command_line+="$var=$(printf %q "${!var}") "
done
command_line+=bench/gallery.sh

# shellcheck disable=SC2317  # run by the EXIT trap
cleanup() {
  bench_stop_all
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- data ------------------------------------------------------------------------------------------------------
echo "== $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $bin $("$bin" version | cut -d' ' -f2)"
echo "== data ($tmp)"
template="$tmp/template.db"
timeout 60 "$bin" --db "sqlite:$template" migrate >/dev/null
sqlite3 -bail "$template" "INSERT INTO territories (slug, name, kind, departments, academy, created_at)
  VALUES ('bench-galerie', 'Banc d''essai de la galerie', 'cmq', '025,039,070,090', 'Besançon',
  CAST(strftime('%s','now') AS INTEGER));"
"$python" bench/gallery_data.py templates "$tmp/templates"
timeout 120 "$bin" --db "sqlite:$template" import portraits "$tmp/templates/portraits.csv" --photos "$tmp/templates" \
  --campaign "Banc d'essai de la galerie" --territory bench-galerie >"$tmp/import.log" 2>&1 ||
  { cat "$tmp/import.log" >&2; bench_die "the import of the template portraits failed"; }
imported=$(sqlite3 "$template" "SELECT COUNT(*) FROM portraits WHERE status = 'published';")
[ "$imported" = 41 ] || { cat "$tmp/import.log" >&2; bench_die "41 template portraits expected, $imported imported"; }
sqlite3 "$template" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null

# make_db COUNT: $tmp/gallery-COUNT.db with COUNT published portraits; prints its path.
make_db() {
  local db="$tmp/gallery-$1.db" started
  cp "$template" "$db"
  started=$(date +%s.%N)
  "$python" bench/gallery_data.py grow "$1" | sqlite3 -bail "$db" >/dev/null
  echo "   $1 portraits in $(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s" >&2
  echo "$db"
}
# matches DB: published usinage portraits whose search column holds the stem (the expected `total`).
matches() {
  sqlite3 "$1" "SELECT COUNT(*) FROM portraits p WHERE p.status = 'published' AND p.domain = 'usinage' AND
    p.id IN (SELECT rowid FROM portraits_fts WHERE portraits_fts MATCH '$fts_query');"
}

# ---- 1. the gallery page vs nginx --------------------------------------------------------------------------------
db=$(make_db "$portraits")
port=$(free_port)
base="http://127.0.0.1:$port"
start_server "sqlite:$db" "$port" "$io_threads" "$db_threads"
code=$(curl -s -o "$tmp/page.html" -w '%{http_code}' --max-time 10 "$base$page_path")
[ "$code" = 200 ] || bench_die "$page_path answered $code"
ctype=$(curl -s -o /dev/null -w '%{content_type}' --max-time 10 "$base$page_path")
want=$(matches "$db")
shown=$(grep -o '[^>]* portraits correspondent' "$tmp/page.html" | tr -dc '0-9' || true)
[ "$shown" = "$want" ] || bench_die "the page says ${shown:-nothing} portraits found, the database $want"
cards=$(grep -c 'class="portrait-card"' "$tmp/page.html" || true)
echo "page: $page_path — $(stat -c %s "$tmp/page.html") bytes, $ctype, $cards cards of $want portraits found" \
  "among $portraits"
start_nginx "$tmp/page.html" "$ctype" "$nginx_workers"

run_wrk() {  # NAME SECONDS URL: "REQ_PER_S P99_MS"
  wrk_measure "$1" "$2" 30 -t "$threads" -c "$conns" --timeout 5s "$3" | awk '{ printf "%.0f %.2f\n", $1, $3 }'
}
median() { sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

echo "== $rounds alternating rounds of ${duration} s, $conns connections, $threads wrk threads"
echo "   passerelles: --io-threads $io_threads --db-threads $db_threads --access-log false; nginx: worker_processes" \
  "$nginx_workers"
run_wrk warmup 2 "http://127.0.0.1:$nport/" >/dev/null
run_wrk warmup 2 "$base$page_path" >/dev/null
printf '%-6s %-12s %10s %9s\n' round server "req/s" "p99 ms"
: >"$tmp/results"
for r in $(seq "$rounds"); do
  read -r n_rps n_p99 <<<"$(run_wrk nginx "$duration" "http://127.0.0.1:$nport/")"
  printf '%-6s %-12s %10s %9s\n' "$r" nginx "$n_rps" "$n_p99"
  read -r p_rps p_p99 <<<"$(run_wrk passerelles "$duration" "$base$page_path")"
  printf '%-6s %-12s %10s %9s\n' "$r" passerelles "$p_rps" "$p_p99"
  echo "$n_rps $n_p99 $p_rps $p_p99" >>"$tmp/results"
done
stop_server
stop_nginx
n_rps=$(awk '{ print $1 }' "$tmp/results" | median)
n_p99=$(awk '{ print $2 }' "$tmp/results" | median)
p_rps=$(awk '{ print $3 }' "$tmp/results" | median)
p_p99=$(awk '{ print $4 }' "$tmp/results" | median)
ratio=$(awk '{ printf "%.4f\n", $3 / $1 }' "$tmp/results" | median)
rm -f "$db" "$db-wal" "$db-shm"

# ---- 2. the search at two sizes ------------------------------------------------------------------------------------
# sql_ms DB WHERE: the store's pass over the matching rows (their publication times, from which it takes the count and
# the page's ids; reading those 24 rows is then the same at every size), 20 times in one sqlite3 process minus that
# process alone; milliseconds per search.
sql_ms() {
  local db=$1 where=$2 start mid end
  local pass="SELECT COUNT(*), MAX(p.published_at) FROM portraits p WHERE $where;"
  start=$(date +%s%N)
  sqlite3 "$db" "SELECT 1;" >/dev/null
  mid=$(date +%s%N)
  for _ in $(seq 20); do printf '%s\n' "$pass"; done | sqlite3 "$db" >/dev/null
  end=$(date +%s%N)
  awk -v a="$start" -v b="$mid" -v c="$end" 'BEGIN { v = ((c - b) - (b - a)) / 20 / 1e6; printf "%.2f", v < 0 ? 0 : v }'
}
public="p.status = 'published' AND (',' || p.consents || ',') LIKE '%,job,%'"
# name|API query|SQL condition: a frequent word with a filter (its matches grow with the data), a rare word (one match).
fts="p.id IN (SELECT rowid FROM portraits_fts WHERE portraits_fts MATCH"
searches=(
  "usineuse|domain=usinage&q=usineuse|$public AND p.domain = 'usinage' AND $fts '\"usineu\"*')"
  "souffleuse|q=souffleuse|$public AND $fts '\"souffleu\"*')"
)
declare -A S
echo "== search: /api/v1/portraits?…, one connection for ${search_secs} s per size and query"
printf '%-10s %-11s %7s %9s %9s %9s %9s\n' portraits words found "req/s" "mean ms" "p50 ms" "SQL ms"
for size in "$small" "$large"; do
  db=$(make_db "$size")
  port=$(free_port)
  base="http://127.0.0.1:$port"
  start_server "sqlite:$db" "$port" "$io_threads" "$db_threads"
  for s in "${searches[@]}"; do
    IFS='|' read -r name query where <<<"$s"
    url="$base/api/v1/portraits?$query"
    want=$(sqlite3 "$db" "SELECT COUNT(*) FROM portraits p WHERE $where;")
    total=$(curl -s --max-time 30 "$url&per_page=1" | "$python" -c 'import json, sys; print(json.load(sys.stdin)["total"])')
    [ "$total" = "$want" ] || bench_die "at $size portraits the API found $total « $name », the database $want"
    wrk_measure "search warmup $size $name" 1 30 -t 1 -c 1 "$url" >/dev/null
    read -r rps p50 _ <<<"$(wrk_measure "search $size $name" "$search_secs" 30 -t 1 -c 1 --timeout 10s "$url")"
    mean=$(awk -v r="$rps" 'BEGIN { printf "%.2f", 1000 / r }')
    sql=$(sql_ms "$db" "$where")
    S[$size:$name:found]=$want S[$size:$name:mean]=$mean S[$size:$name:sql]=$sql
    printf '%-10s %-11s %7s %9.0f %9s %9s %9s\n' "$size" "$name" "$want" "$rps" "$mean" "$p50" "$sql"
  done
  stop_server
  rm -f "$db" "$db-wal" "$db-shm"
done

# ---- summary -------------------------------------------------------------------------------------------------------
echo
echo "== summary ($(nproc) shared cores, load average at the end $(cut -d' ' -f1-3 /proc/loadavg))"
ratio_ok=$(awk -v r="$ratio" 'BEGIN { print (r >= 0.4) ? "ok" : "MISSED" }')
p99_ok=$(awk -v p="$p_p99" 'BEGIN { print (p < 20) ? "ok" : "MISSED" }')
echo "gallery, $portraits portraits, $page_path:"
echo "   nginx $n_rps req/s (p99 $n_p99 ms), passerelles $p_rps req/s (p99 $p_p99 ms), medians of $rounds rounds"
echo "   ratio $(awk -v r="$ratio" 'BEGIN { printf "%.2f", r }') (goal >= 0.4: $ratio_ok), p99 $p_p99 ms" \
  "(goal < 20 ms: $p99_ok)"
for name in usineuse souffleuse; do
  a=${S[$small:$name:mean]} b=${S[$large:$name:mean]} qa=${S[$small:$name:sql]} qb=${S[$large:$name:sql]}
  echo "search « $name », $small → $large portraits (data × $((large / small)), found ${S[$small:$name:found]} →" \
    "${S[$large:$name:found]}): API mean $a → $b ms (× $(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.1f", b / a }'))," \
    "store pass $qa → $qb ms (× $(awk -v a="$qa" -v b="$qb" 'BEGIN { printf "%.1f", (a > 0) ? b / a : 0 }'))"
done
echo "command: $command_line"
[ "$strict" = 1 ] && [ "$ratio_ok$p99_ok" != okok ] && exit 1
exit 0
