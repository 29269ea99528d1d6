#!/usr/bin/env bash
# `make bench-dashboard`: the dashboard at national scale. For each engine (SQLite, PostgreSQL) and each size (50,000
# and 5,000,000 actions over 300 territories and 10 years, from `passerelles generate-history`), serves the database
# and measures /tableau-de-bord with wrk for one territory (default period and 10 years), the whole country (admin,
# default period and 10 years) and filtered views (type + niveau, which read the actions rather than the aggregates:
# one territory over the default period and 10 years, the whole country over the default period).
# Prints p50/p99 and requests/s per case, the ratio largest/smallest size (goal: <= 2) and p50 at the largest size
# (goal: < 100 ms); the baseline in the same run is nginx serving the same bytes as a static file. Then the cost of
# keeping the aggregates up to date: 1,000 inserts, validations, edits and deletions through the store API
# (`passerelles bench-writes`) at each size.
#
# Environment (all optional):
#   PASSERELLES_BIN        binary (default build/passerelles; built with `make build` when absent)
#   PASSERELLES_DATA_DIR   reference data (default ../shared/data): the schools come from
#                          schools/geoloc-colleges-france_2024.csv (every collège of France)
#   DASH_ENGINES="sqlite postgresql"   DASH_SIZES="50000 5000000" (the first size is the ratio's baseline)
#   DASH_TERRITORIES=300 DASH_YEARS=10 DASH_SEED=1   the generated history
#   DASH_TERRITORY=bench-101          the coordinator's territory (2 départements)
#   DASH_DURATION=10 DASH_CONNECTIONS=2 DASH_THREADS=2   each wrk run (2 connections: one per server worker, so
#                                     that latency is the page's, not a queue's)
#   DASH_IO_THREADS=1 DASH_DB_THREADS=2   the server
#   DASH_WRITES=1000                  actions for bench-writes (0: skip)
#   DASH_APPLICATIONS=0               applications to companies' offers added over the whole period (issue 7's
#                                     funnel reads them on every dashboard): 5 offers per territory, statuses,
#                                     sexes and days spread evenly; run with 0 and with, say, 300000 to see the cost
#   PASSERELLES_TEST_PG_PORT=55432    the PostgreSQL test server (scripts/pg_test.sh starts it when it is down);
#                                     a scratch database per size is created on it and dropped at the end
#   DASH_KEEP=1                       keep the databases (for EXPLAIN); their URLs are printed
#   BENCH_STRICT=1                    exit 1 when a goal is missed
set -euo pipefail
cd "$(dirname "$0")/.."

bin=${PASSERELLES_BIN:-build/passerelles}
data_dir=${PASSERELLES_DATA_DIR:-../shared/data}
engines=${DASH_ENGINES:-sqlite postgresql}
sizes=${DASH_SIZES:-50000 5000000}
n_territories=${DASH_TERRITORIES:-300}
years=${DASH_YEARS:-10}
seed=${DASH_SEED:-1}
territory=${DASH_TERRITORY:-bench-101}
duration=${DASH_DURATION:-10}
conns=${DASH_CONNECTIONS:-2}
threads=${DASH_THREADS:-2}
io_threads=${DASH_IO_THREADS:-1}
db_threads=${DASH_DB_THREADS:-2}
writes=${DASH_WRITES:-1000}
applications=${DASH_APPLICATIONS:-0}
pg_port=${PASSERELLES_TEST_PG_PORT:-55432}
schools_csv=$data_dir/schools/geoloc-colleges-france_2024.csv
coord_email=bench-coordinatrice@passerelles.test
admin_email=bench-admin@passerelles.test
password=bench-mot-de-passe-2026

bench_name=bench-dashboard
bench_wait=30
# shellcheck source=bench/lib.sh
. bench/lib.sh
die() { bench_die "$@"; }
bench_require wrk nginx curl python3
if [ "${DASH_APPLICATIONS:-0}" -gt 0 ]; then bench_require sqlite3; fi
if [ ! -x "$bin" ]; then
  [ "$bin" = build/passerelles ] || die "no binary at $bin"
  echo "== no $bin: make build"
  make build >/dev/null
fi
[ -f "$schools_csv" ] || die "no schools file at $schools_csv (set PASSERELLES_DATA_DIR)"
case " $engines " in *" postgresql "*)
  command -v psql >/dev/null || die "psql is missing (scripts/install.sh test installs PostgreSQL)";;
esac
baseline_size=${sizes%% *}
largest_size=${sizes##* }

pg_databases=()
pg() { PGOPTIONS='-c client_min_messages=warning' psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres "$@"; }
cleanup() {
  bench_stop_all
  if [ -z "${DASH_KEEP:-}" ]; then
    for d in "${pg_databases[@]}"; do pg -c "DROP DATABASE IF EXISTS $d" >/dev/null 2>&1 || true; done
    rm -rf "$tmp"
  else
    echo "kept: $tmp ${pg_databases[*]}"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# login EMAIL JAR: the session cookie header for EMAIL.
login() {
  local form csrf session
  form=$(curl -sf --max-time 10 -c "$2" "$base/connexion")
  csrf=$(sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' <<<"$form" | head -1)
  curl -sf --max-time 20 -b "$2" -c "$2" -o /dev/null --data-urlencode "csrf=$csrf" --data-urlencode "email=$1" \
    --data-urlencode "password=$password" --data-urlencode "suite=/tableau-de-bord" "$base/connexion"
  session=$(awk '$6 == "passerelles" || $6 == "__Host-passerelles" { print $6 "=" $7 }' "$2" | tail -1)
  [ -n "$session" ] || { echo "bench-dashboard: login failed for $1" >&2; tail -5 "$tmp/server.log" >&2; return 1; }
  echo "Cookie: $session"
}
# run_wrk NAME URL [HEADER...]: prints "P50_MS P99_MS REQ_PER_S"; fails on non-2xx answers.
run_wrk() {
  local name=$1 url=$2 res rps p50 p99
  shift 2
  res=$(wrk_measure "$name" "$duration" 60 -t "$threads" -c "$conns" --timeout 30s "$@" "$url") || return 1
  read -r rps p50 p99 <<<"$res"
  echo "$p50 $p99 $(awk -v r="$rps" 'BEGIN { printf "%.1f", r }')"
}

ensure_pg() {
  if ! pg -c 'SELECT 1' >/dev/null 2>&1; then
    echo "== no PostgreSQL on 127.0.0.1:$pg_port: scripts/pg_test.sh start"
    PASSERELLES_TEST_PG_PORT=$pg_port scripts/pg_test.sh start >/dev/null
    pg -c 'SELECT 1' >/dev/null || die "PostgreSQL did not start on port $pg_port"
  fi
}

# db_query ENGINE DB SQL: runs SQL with the engine's own client (sqlite3 shell or psql), prints the rows.
db_query() {
  if [ "$1" = sqlite ]; then
    sqlite3 -bail "${2#sqlite:}" "$3"
  else
    PGOPTIONS='-c client_min_messages=warning' psql -X -q -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$pg_port" \
      -U postgres -d "${2##*/}" -c "$3"
  fi
}
# add_applications ENGINE DB N: a company in each territory that has none, 5 published offers (one per kind) per
# territory, and N applications
# spread over them, over the generated years (sent_at), with every status and sex; the same SQL on both engines.
add_applications() {
  local now days
  now=$(date +%s)
  days=$((years * 365))
  db_query "$1" "$2" "INSERT INTO organisations (territory_id, kind, name, created_at, updated_at)
    SELECT t.id, 'company', 'Entreprise ' || t.slug, $now, $now FROM territories t
    WHERE NOT EXISTS (SELECT 1 FROM organisations o WHERE o.territory_id = t.id AND o.kind = 'company')" >/dev/null
  db_query "$1" "$2" "INSERT INTO offers (territory_id, organisation_id, kind, title, places, status, expires_on,
      created_at, updated_at)
    SELECT t.id, (SELECT MIN(o.id) FROM organisations o WHERE o.territory_id = t.id AND o.kind = 'company'), k.kind,
      'Offre ' || k.kind, 5, 'published', '2099-12-31', $now, $now
    FROM territories t CROSS JOIN (SELECT 'stage_3e' AS kind UNION ALL SELECT 'stage_seconde' UNION ALL
      SELECT 'stage_sup' UNION ALL SELECT 'apprenticeship' UNION ALL SELECT 'job') k
    ORDER BY t.id, k.kind" >/dev/null
  db_query "$1" "$2" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $3)
    INSERT INTO offer_applications (offer_id, territory_id, status, first_name, last_name, sex, minor, sent_at,
      decided_at, completed, completed_at, created_at, updated_at)
    SELECT o.id, o.territory_id,
      CASE n.i % 7 WHEN 0 THEN 'sent' WHEN 1 THEN 'seen' WHEN 2 THEN 'interview' WHEN 3 THEN 'accepted'
        WHEN 4 THEN 'accepted' WHEN 5 THEN 'declined' ELSE 'withdrawn' END,
      'Prénom', 'Nom', CASE n.i % 3 WHEN 0 THEN 'M' ELSE 'F' END, n.i % 2,
      $now - (n.i * 7919 % $days) * 86400,
      CASE WHEN n.i % 7 BETWEEN 3 AND 5 THEN $now - (n.i * 7919 % $days) * 86400 + 20 * 86400 ELSE 0 END,
      CASE WHEN n.i % 7 = 3 THEN 1 ELSE 0 END,
      CASE WHEN n.i % 7 = 3 THEN $now - (n.i * 7919 % $days) * 86400 + 40 * 86400 ELSE 0 END,
      $now, $now
    FROM n JOIN offers o ON o.id = (SELECT MIN(id) FROM offers) + n.i % (SELECT COUNT(*) FROM offers)" >/dev/null
}

# The generated history ends today; its first month, for the 10-year views.
first_month=$(date -d "$(date +%F) -$years years +1 day" +%Y-%m)
last_month=$(date +%Y-%m)
# case name | who | query
cases=(
  "territoire|coord|/tableau-de-bord"
  "territoire-${years}ans|coord|/tableau-de-bord?du=$first_month&au=$last_month"
  "national|admin|/tableau-de-bord"
  "national-${years}ans|admin|/tableau-de-bord?du=$first_month&au=$last_month"
  "filtre|coord|/tableau-de-bord?type=temoignage_classe&niveau=college"
  "filtre-${years}ans|coord|/tableau-de-bord?du=$first_month&au=$last_month&type=temoignage_classe&niveau=college"
  "national-filtre|admin|/tableau-de-bord?type=temoignage_classe&niveau=college"
)
declare -A P50 P99 RPS BYTES W_MEAN W_P99

echo "== $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $bin $("$bin" version | cut -d' ' -f2)"
echo "== $n_territories territories, $years years ($first_month to $last_month), seed $seed; sizes: $sizes; engines: $engines"
[ "$applications" -gt 0 ] && echo "   and $applications applications to offers (the funnel)"
echo "   wrk: $duration s, $conns connections, $threads threads; server: --io-threads $io_threads --db-threads $db_threads"

for engine in $engines; do
  [ "$engine" = postgresql ] && ensure_pg
  for size in $sizes; do
    label="$engine/$size"
    if [ "$engine" = sqlite ]; then
      db="sqlite:$tmp/dashboard-$size.db"
    else
      name="passerelles_dash_$size"
      pg -c "DROP DATABASE IF EXISTS $name" -c "CREATE DATABASE $name" >/dev/null
      pg_databases+=("$name")
      db="postgresql://postgres@127.0.0.1:$pg_port/$name"
    fi
    echo "== $label: $db"
    "$bin" --db "$db" migrate >/dev/null
    t0=$(date +%s.%N)
    "$bin" --db "$db" import schools --quiet "$schools_csv" >"$tmp/import.log"
    echo "   schools imported in $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s"
    "$bin" --db "$db" generate-history --quiet --territories "$n_territories" --years "$years" --actions "$size" \
      --seed "$seed" | sed 's/^/   /'
    if [ "$applications" -gt 0 ]; then
      add_applications "$engine" "$db" "$applications"
      echo "   $applications applications to $(db_query "$engine" "$db" "SELECT COUNT(*) FROM offers") offers added"
    fi
    echo "$password" | "$bin" --db "$db" user add --email "$coord_email" --role coordinator --territory "$territory" \
      --password-stdin >/dev/null
    echo "$password" | "$bin" --db "$db" user add --email "$admin_email" --role admin --password-stdin >/dev/null
    if [ "$engine" = sqlite ]; then
      echo "   database file: $(du -m "$tmp/dashboard-$size.db" | cut -f1) MB"
    else
      echo "   database: $(pg -At -c "SELECT pg_database_size('$name') / 1048576") MB"
    fi

    port=$(free_port)
    base="http://127.0.0.1:$port"
    start_server "$db" "$port" "$io_threads" "$db_threads"
    coord=$(login "$coord_email" "$tmp/coord.jar")
    admin=$(login "$admin_email" "$tmp/admin.jar")
    printf '   %-22s %9s %9s %9s %9s\n' case "p50 ms" "p99 ms" "req/s" bytes
    for c in "${cases[@]}"; do
      IFS='|' read -r cname who path <<<"$c"
      header=$coord
      [ "$who" = admin ] && header=$admin
      code=$(curl -s -o "$tmp/page-$cname.html" -w '%{http_code}' --max-time 60 -H "$header" "$base$path")
      [ "$code" = 200 ] || { echo "bench-dashboard: $label $cname: HTTP $code for $path" >&2; exit 1; }
      bytes=$(stat -c %s "$tmp/page-$cname.html")
      res=$(run_wrk "$label $cname" "$base$path" -H "$header")
      read -r p50 p99 rps <<<"$res"
      key="$engine:$size:$cname"
      P50[$key]=$p50 P99[$key]=$p99 RPS[$key]=$rps BYTES[$key]=$bytes
      printf '   %-22s %9s %9s %9s %9s\n' "$cname" "$p50" "$p99" "$rps" "$bytes"
    done
    stop_server

    # Baseline: nginx serving the territory page's bytes as a static file.
    start_nginx "$tmp/page-territoire.html" "text/html; charset=utf-8" auto
    res=$(run_wrk "$label nginx" "http://127.0.0.1:$nport/")
    read -r p50 p99 rps <<<"$res"
    stop_nginx
    key="$engine:$size:nginx"
    P50[$key]=$p50 P99[$key]=$p99 RPS[$key]=$rps BYTES[$key]=${BYTES[$engine:$size:territoire]}
    printf '   %-22s %9s %9s %9s %9s\n' "nginx (same bytes)" "$p50" "$p99" "$rps" "${BYTES[$key]}"

    if [ "$writes" -gt 0 ]; then
      echo "   writes through the store API ($writes actions of $territory, one transaction each):"
      "$bin" --db "$db" bench-writes --territory "$territory" --count "$writes" >"$tmp/writes.log"
      sed 's/^/     /' "$tmp/writes.log"
      while read -r op rest; do
        W_MEAN[$engine:$size:$op]=$(sed -n 's/.*mean_ms=\([0-9.]*\).*/\1/p' <<<"$rest")
        W_P99[$engine:$size:$op]=$(sed -n 's/.*p99_ms=\([0-9.]*\).*/\1/p' <<<"$rest")
      done <"$tmp/writes.log"
    fi
    if [ -n "${DASH_KEEP:-}" ]; then echo "   kept: $db"; elif [ "$engine" = sqlite ]; then rm -f "$tmp"/dashboard-"$size".db*; fi
  done
done

# ---- summary ---------------------------------------------------------------------------------------------------
missed=0
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }
echo
echo "== summary: p50 ms (p99 ms) at $baseline_size and $largest_size actions; ratio of p50 $largest_size/$baseline_size"
echo "   goals: ratio <= 2 and p50 < 100 ms at $largest_size; vs nginx: dashboard req/s / nginx req/s (same bytes)"
for engine in $engines; do
  printf '%-11s %-26s %22s %22s %7s %7s %9s\n' "$engine" case "$baseline_size" "$largest_size" ratio goals "vs nginx"
  for c in "${cases[@]}"; do
    cname=${c%%|*}
    a="$engine:$baseline_size:$cname" b="$engine:$largest_size:$cname"
    r=$(ratio "${P50[$b]}" "${P50[$a]}")
    ok=$(awk -v r="$r" -v p="${P50[$b]}" 'BEGIN { print (r != "-" && r <= 2 && p < 100) ? "met" : "MISSED" }')
    [ "$ok" = met ] || missed=1
    printf '%-11s %-26s %22s %22s %7s %7s %9s\n' "" "$cname" "${P50[$a]} (${P99[$a]})" "${P50[$b]} (${P99[$b]})" \
      "$r" "$ok" "$(ratio "${RPS[$b]}" "${RPS[$engine:$largest_size:nginx]}")"
  done
  printf '%-11s %-26s %22s %22s\n' "" "nginx, same bytes" "${P50[$engine:$baseline_size:nginx]} (${P99[$engine:$baseline_size:nginx]})" \
    "${P50[$engine:$largest_size:nginx]} (${P99[$engine:$largest_size:nginx]})"
  if [ "$writes" -gt 0 ]; then
    for op in insert validate edit delete; do
      a="$engine:$baseline_size:$op" b="$engine:$largest_size:$op"
      printf '%-11s %-26s %22s %22s %7s\n' "" "write: $op (mean ms)" "${W_MEAN[$a]} (p99 ${W_P99[$a]})" \
        "${W_MEAN[$b]} (p99 ${W_P99[$b]})" "$(ratio "${W_MEAN[$b]}" "${W_MEAN[$a]}")"
    done
  fi
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -n "${BENCH_STRICT:-}" ] && [ "$missed" = 1 ]; then exit 1; fi
