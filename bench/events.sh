#!/usr/bin/env bash
# `make bench-events`: the last places of an event under a rush (issue 8). A published event of capacity C has all
# but its last L places booked; N people book one place each at the same moment (N concurrent POSTs of the public
# form to /evenements/ID/inscription, bench/events_book.mjs). Exactly L must get places and N - L go on the waiting
# list; the script reads both counts back from the database, prints the time of the N bookings, and exits 1 when a
# count is wrong (on any engine). On SQLite, and on PostgreSQL when PASSERELLES_BENCH_PG is set.
# The database is migrated but holds no demo data: one territory and the event are inserted with SQL. Each
# booking e-mails its private link to an SMTP sink (tests/support/smtp_sink.py) whose messages are counted too.
# Takes a few seconds per engine.
#
# Environment (all optional):
#   PASSERELLES_BIN        binary (default build/passerelles; built with `make build` when absent)
#   PASSERELLES_BENCH_PG   a PostgreSQL URL (e.g. postgresql://postgres@127.0.0.1:55432/postgres): a scratch database
#                          is created on that server, run like the SQLite one, and dropped at the end
#   EVENTS_CAPACITY=100 EVENTS_LEFT=10 EVENTS_REQUESTS=200   the event and the rush
#   EVENTS_IO_THREADS=1 EVENTS_DB_THREADS=4                  the server (4: its default)
#   EVENTS_SMTP=sink       "sink": e-mails go to tests/support/smtp_sink.py (needs python3-aiosmtpd); "none": to a
#                          closed port (each booking logs a failed e-mail and its page says it was not sent)
set -euo pipefail
cd "$(dirname "$0")/.."

bin=${PASSERELLES_BIN:-build/passerelles}
data_dir=${PASSERELLES_DATA_DIR:-../shared/data}
pg_url=${PASSERELLES_BENCH_PG:-}
capacity=${EVENTS_CAPACITY:-100}
left=${EVENTS_LEFT:-10}
requests=${EVENTS_REQUESTS:-200}
io_threads=${EVENTS_IO_THREADS:-1}
db_threads=${EVENTS_DB_THREADS:-4}
smtp=${EVENTS_SMTP:-sink}
python=/usr/bin/python3  # Debian's, with python3-aiosmtpd (the sink of the HTTP and browser tests)

bench_name=bench-events
# shellcheck source=bench/lib.sh
. bench/lib.sh
bench_require curl node python3 sqlite3
if ! [ "$left" -ge 0 ] || ! [ "$left" -le "$capacity" ] || ! [ "$requests" -ge 1 ]; then
  bench_die "EVENTS_LEFT must be between 0 and EVENTS_CAPACITY, EVENTS_REQUESTS at least 1"
fi
case $smtp in
  sink) "$python" -c 'import aiosmtpd' 2>/dev/null ||
    bench_die "no python3-aiosmtpd for $python (scripts/install.sh test installs it; or EVENTS_SMTP=none)" ;;
  none) ;;
  *) bench_die "EVENTS_SMTP must be sink or none" ;;
esac
if [ ! -x "$bin" ]; then
  [ "$bin" = build/passerelles ] || bench_die "no binary at $bin"
  echo "== no $bin: make build"
  make build >/dev/null
fi
[ -z "$pg_url" ] || bench_require psql
command_line=""  # for the summary: the settings given in the environment, then the script
for var in PASSERELLES_BIN PASSERELLES_BENCH_PG EVENTS_CAPACITY EVENTS_LEFT EVENTS_REQUESTS EVENTS_IO_THREADS \
  EVENTS_DB_THREADS EVENTS_SMTP; do
  [ -z "${!var:-}" ] || command_line+="$var=$(printf %q "${!var}") "
done
command_line+=bench/events.sh

pg_scratch=""
sink_pid=""
pg() { PGOPTIONS='-c client_min_messages=warning' psql -X -q -v ON_ERROR_STOP=1 "$pg_url" "$@"; }
stop_sink() {
  if [ -n "$sink_pid" ]; then
    kill -TERM "$sink_pid" 2>/dev/null || true
    wait "$sink_pid" 2>/dev/null || true
    sink_pid=""
  fi
}
# shellcheck disable=SC2317  # run by the EXIT trap
cleanup() {
  bench_stop_all
  stop_sink
  [ -z "$pg_scratch" ] || pg -c "DROP DATABASE IF EXISTS $pg_scratch" >/dev/null 2>&1 || true
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# sql ENGINE DB: runs the SQL read on standard input; prints the rows, fields separated by '|'.
sql() {
  if [ "$1" = sqlite ]; then sqlite3 -bail "${2#sqlite:}"
  else PGOPTIONS='-c client_min_messages=warning' psql -X -q -At -v ON_ERROR_STOP=1 "$2"; fi
}

# The rush comes from one address: lift the server's per-address booking limit (option booking_limit) for it.
export PASSERELLES_BOOKING_LIMIT=$((requests + 1000))

# start_sink DIR: the SMTP sink on a free port, writing DIR/NNNN.eml; exports PASSERELLES_SMTP_URL for the server.
start_sink() {
  local dir=$1 port
  mkdir -p "$dir"
  if [ "$smtp" = none ]; then
    port=$(free_port)  # nobody listens there
    export PASSERELLES_SMTP_URL="smtp://127.0.0.1:$port"
    return
  fi
  port=$(free_port)
  "$python" tests/support/smtp_sink.py "$port" "$dir" >>"$tmp/sink.log" 2>&1 &
  sink_pid=$!
  for _ in $(seq 100); do [ -e "$dir/ready" ] && break; sleep 0.1; done
  [ -e "$dir/ready" ] || { cat "$tmp/sink.log" >&2; bench_die "the SMTP sink did not start"; }
  export PASSERELLES_SMTP_URL="smtp://127.0.0.1:$port"
}

declare -A R  # figures for the summary, by "engine:figure"

# bench_engine ENGINE DB: territory, event and the places already booked; the rush; the counts read back.
bench_engine() {
  local engine=$1 db=$2 now day token event_id port base out mails i ms p50 p99 answers errors
  timeout 120 "$bin" --db "$db" migrate >/dev/null
  now=$(date +%s)
  day=$(date -d '+30 days' +%F)
  token="bench$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
  {
    echo "BEGIN;"
    echo "INSERT INTO territories (slug, name, kind, departments, academy, created_at) VALUES ('bench-events',
      'Banc d''essai des événements', 'cmq', '025,039,070,090', 'Besançon', $now);"
    echo "INSERT INTO events (territory_id, kind, title, description, starts_on, start_time, ends_on, end_time, place,
      address, audiences, capacity, status, checkin_token, search, created_at, updated_at)
      SELECT id, 'forum_salon', 'Forum des métiers de l''industrie (banc d''essai)', 'Les dernières places.', '$day',
      '09:00', '$day', '17:00', 'Salle des fêtes', '1 place de la Mairie, Besançon', 'tout_public', $capacity,
      'published', '$token', 'forum des metiers de l industrie', $now, $now
      FROM territories WHERE slug = 'bench-events';"
    # All but the last places: one adult each, booked and confirmed.
    for i in $(seq $((capacity - left))); do
      echo "INSERT INTO event_registrations (event_id, kind, status, places, token, code, confirmed_at, contact_name,
        email, category, people, created_at, updated_at) SELECT id, 'adult', 'booked', 1, 'pre$token$i', 'P$i', $now,
        'Déjà inscrite $i', 'deja-$i@bench.passerelles.test', 'women_reconversion', 1, $now, $now
        FROM events WHERE checkin_token = '$token';"
    done
    echo "COMMIT;"
  } | sql "$engine" "$db" >/dev/null
  event_id=$(echo "SELECT id FROM events WHERE checkin_token = '$token';" | sql "$engine" "$db")
  [ -n "$event_id" ] || bench_die "the event was not inserted ($engine)"

  start_sink "$tmp/mail-$engine"
  port=$(free_port)
  base="http://127.0.0.1:$port"
  start_server "$db" "$port" "$io_threads" "$db_threads"
  echo "== $engine: event $event_id, capacity $capacity, $((capacity - left)) places booked; $requests concurrent" \
    "bookings of one place"
  out=$(node bench/events_book.mjs "$base" "$event_id" "$requests") || bench_die "the booking client failed ($engine)"
  # Every answer is in: the server has stored what it will store (and sent its e-mails: sink writes are synchronous).
  sleep 0.5
  stop_server
  stop_sink
  mails=$(find "$tmp/mail-$engine" -name '*.eml' | wc -l)
  # shellcheck disable=SC2016  # JavaScript, not shell
  read -r ms p50 p99 answers errors < <(node -e '
    const o = JSON.parse(process.argv[1]);
    const s = Object.entries(o.statuses).map(([k, n]) => `${n}×${k}`).join(",");
    console.log(o.ms, o.p50, o.p99, o.registered, s + (o.errors.length ? ` (${o.errors.join("; ")})` : ""));' "$out")
  [ "$answers" = "$requests" ] || echo "$bench_name: $engine: only $answers of $requests answers led to a" \
    "registration: $out" >&2
  local counts booked waitlisted taken
  counts=$(echo "SELECT
      (SELECT COUNT(*) FROM event_registrations WHERE event_id = $event_id AND status = 'booked'
         AND email LIKE 'participante-%'),
      (SELECT COUNT(*) FROM event_registrations WHERE event_id = $event_id AND status = 'waitlisted'
         AND email LIKE 'participante-%'),
      (SELECT COALESCE(SUM(places), 0) FROM event_registrations WHERE event_id = $event_id AND status = 'booked');" |
    sql "$engine" "$db")
  IFS='|' read -r booked waitlisted taken <<<"$counts"
  R[$engine:ms]=$ms R[$engine:p50]=$p50 R[$engine:p99]=$p99 R[$engine:booked]=$booked
  R[$engine:waitlisted]=$waitlisted R[$engine:taken]=$taken R[$engine:mails]=$mails R[$engine:answers]=$answers
  echo "   $requests answers in $ms ms (each: p50 $p50 ms, p99 $p99 ms); HTTP status: $errors"
  echo "   read back: $booked booked, $waitlisted waitlisted, $taken/$capacity places taken; $mails e-mails sent"
}

echo "== $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $bin $("$bin" version | cut -d' ' -f2)"
echo "   server: --io-threads $io_threads --db-threads $db_threads --access-log false; e-mails: $smtp"
engines=sqlite
bench_engine sqlite "sqlite:$tmp/events.db"
if [ -n "$pg_url" ]; then
  engines="sqlite postgresql"
  pg_scratch="passerelles_bench_events_$$"
  pg -c "DROP DATABASE IF EXISTS $pg_scratch" -c "CREATE DATABASE $pg_scratch" >/dev/null
  pg_db=$(python3 -c 'import sys, urllib.parse as u
p = u.urlsplit(sys.argv[1]); print(u.urlunsplit(p._replace(path="/" + sys.argv[2])))' "$pg_url" "$pg_scratch")
  bench_engine postgresql "$pg_db"
fi

# ---- summary -------------------------------------------------------------------------------------------------
echo
echo "== summary ($(nproc) shared cores, load average at the end $(cut -d' ' -f1-3 /proc/loadavg)): capacity" \
  "$capacity, $left places left, $requests concurrent bookings"
printf '%-11s %9s %8s %8s %8s %11s %8s %7s  %s\n' engine "time ms" "p50 ms" "p99 ms" booked waitlisted places \
  e-mails result
status=0
for engine in $engines; do
  verdict=ok
  want_booked=$((left < requests ? left : requests))
  want_waitlisted=$((requests - want_booked))
  if [ "${R[$engine:booked]}" != "$want_booked" ] || [ "${R[$engine:waitlisted]}" != "$want_waitlisted" ] ||
    [ "${R[$engine:taken]}" != "$((capacity - left + want_booked))" ]; then
    verdict="WRONG (expected $want_booked booked, $want_waitlisted waitlisted,"
    verdict+=" $((capacity - left + want_booked)) places)"
    status=1
  fi
  printf '%-11s %9s %8s %8s %8s %11s %8s %7s  %s\n' "$engine" "${R[$engine:ms]}" "${R[$engine:p50]}" \
    "${R[$engine:p99]}" "${R[$engine:booked]}" "${R[$engine:waitlisted]}" "${R[$engine:taken]}/$capacity" \
    "${R[$engine:mails]}" "$verdict"
done
echo "command: $command_line"
exit $status
