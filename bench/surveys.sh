#!/usr/bin/env bash
# `make bench-surveys`: the perception surveys (docs/surveys.md), three figures against baselines in the same run:
#  1. the public answer form GET /q/TOKEN (64 connections) vs nginx serving the same bytes as a static file;
#  2. answers stored per second, POST /q/TOKEN (16 connections; wrk sends no cookie, so every POST is a new answer),
#     with the rows added counted in the database, on SQLite and, when PASSERELLES_BENCH_PG is set, PostgreSQL;
#  3. `passerelles survey-stats --in FILE --json` on 200,000 answers vs scipy/statsmodels under /usr/bin/python3
#     computing the same figures (tests/tools/check_survey_stats.py), best of 3 each.
# The data is `passerelles demo` on a scratch database; the link is the first one of a before/after pupils'
# questionnaire that is not closed. Takes about a minute (75 s with PostgreSQL).
#
# Environment (all optional):
#   PASSERELLES_BIN        binary (default build/passerelles; built with `make build` when absent)
#   PASSERELLES_DATA_DIR   reference data for `demo` (default ../shared/data)
#   PASSERELLES_BENCH_PG   a PostgreSQL URL (e.g. postgresql://postgres@127.0.0.1:55432/postgres): a scratch database
#                          is created on that server, benchmarked like the SQLite one, and dropped at the end
#   SURVEYS_DURATION=10    seconds of each measured wrk run (each is preceded by a 2 s warm-up, not counted)
#   SURVEYS_GET_CONNECTIONS=64 SURVEYS_POST_CONNECTIONS=16 SURVEYS_THREADS=2   wrk
#   SURVEYS_IO_THREADS=1 SURVEYS_DB_THREADS=2   the server
#   SURVEYS_NGINX_WORKERS=auto   nginx worker_processes (auto: one per core, nginx at its best)
#   SURVEYS_ANSWERS=200000 SURVEYS_RUNS=3   the statistics data set and the runs of each side (best kept)
set -euo pipefail
cd "$(dirname "$0")/.."

bin=${PASSERELLES_BIN:-build/passerelles}
data_dir=${PASSERELLES_DATA_DIR:-../shared/data}
pg_url=${PASSERELLES_BENCH_PG:-}
duration=${SURVEYS_DURATION:-10}
get_conns=${SURVEYS_GET_CONNECTIONS:-64}
post_conns=${SURVEYS_POST_CONNECTIONS:-16}
threads=${SURVEYS_THREADS:-2}
io_threads=${SURVEYS_IO_THREADS:-1}
db_threads=${SURVEYS_DB_THREADS:-2}
nginx_workers=${SURVEYS_NGINX_WORKERS:-auto}
n_answers=${SURVEYS_ANSWERS:-200000}
runs=${SURVEYS_RUNS:-3}
python=/usr/bin/python3  # Debian's, with scipy and statsmodels (the reference of tests/tools/check_survey_stats.py)

bench_name=bench-surveys
# shellcheck source=bench/lib.sh
. bench/lib.sh
bench_require wrk nginx curl python3 sqlite3
[ -x "$python" ] || bench_die "no $python (scripts/install.sh test installs python3-scipy and python3-statsmodels)"
if [ ! -x "$bin" ]; then
  [ "$bin" = build/passerelles ] || bench_die "no binary at $bin"
  echo "== no $bin: make build"
  make build >/dev/null
fi
[ -z "$pg_url" ] || bench_require psql
command_line=""  # for the summary: the settings given in the environment, then the script
for var in PASSERELLES_BIN PASSERELLES_DATA_DIR PASSERELLES_BENCH_PG SURVEYS_DURATION SURVEYS_GET_CONNECTIONS \
  SURVEYS_POST_CONNECTIONS SURVEYS_THREADS SURVEYS_IO_THREADS SURVEYS_DB_THREADS SURVEYS_NGINX_WORKERS SURVEYS_ANSWERS \
  SURVEYS_RUNS; do
  [ -z "${!var:-}" ] || command_line+="$var=$(printf %q "${!var}") "
done
command_line+=bench/surveys.sh

pg_scratch=""
pg() { PGOPTIONS='-c client_min_messages=warning' psql -X -q -v ON_ERROR_STOP=1 "$pg_url" "$@"; }
cleanup() {
  bench_stop_all
  [ -z "$pg_scratch" ] || pg -c "DROP DATABASE IF EXISTS $pg_scratch" >/dev/null 2>&1 || true
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# warm_up NAME CONNECTIONS URL [WRK_ARGS...]: 2 s of wrk, not counted.
warm_up() {
  local name=$1 conns=$2 url=$3
  shift 3
  wrk_measure "$name (warm-up)" 2 30 -t "$threads" -c "$conns" --timeout 5s "$@" "$url" >/dev/null
}
# run_wrk NAME CONNECTIONS URL [WRK_ARGS...]: the measured run; prints "REQ_PER_S P50_MS P99_MS REQUESTS"
# (REQUESTS: answers wrk received).
run_wrk() {
  local name=$1 conns=$2 url=$3 res
  shift 3
  res=$(wrk_measure "$name" "$duration" 30 -t "$threads" -c "$conns" --timeout 5s "$@" "$url") || return 1
  echo "$res $(awk '/requests in/ { n = $1 } END { print n }' "$tmp/wrk.log")"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }
declare -A R  # figures for the summary, by "engine:figure"

# count_answers ENGINE DB: rows in survey_responses.
count_answers() {
  if [ "$1" = sqlite ]; then sqlite3 "${2#sqlite:}" 'SELECT count(*) FROM survey_responses'
  else psql -X -At "$2" -c 'SELECT count(*) FROM survey_responses'; fi
}
# open_link ENGINE DB: "TOKEN PHASE" of the first link of a before/after pupils' questionnaire that is not closed.
open_link() {
  local sql="SELECT l.token || ' ' || l.phase FROM survey_links l JOIN questionnaires q ON q.id = l.questionnaire_id
    WHERE l.phase <> 'closed' AND q.pre_post = 1 AND q.audience = 'pupils' ORDER BY l.id LIMIT 1"
  if [ "$1" = sqlite ]; then sqlite3 "${2#sqlite:}" "$sql"; else psql -X -At "$2" -c "$sql"; fi
}

# bench_engine ENGINE DB: demo data, then the form (and nginx with its bytes, on SQLite) and the answers.
bench_engine() {
  local engine=$1 db=$2 link token phase port base ctype size res rps p50 p99 n before after
  timeout 120 "$bin" --db "$db" migrate >/dev/null
  timeout 300 "$bin" --db "$db" --data-dir "$data_dir" demo >"$tmp/demo-$engine.log" 2>&1 ||
    { tail -5 "$tmp/demo-$engine.log" >&2; bench_die "passerelles demo failed on $engine"; }
  link=$(open_link "$engine" "$db")
  [ -n "$link" ] || bench_die "no open before/after link in the demo data ($engine)"
  read -r token phase <<<"$link"
  port=$(free_port)
  base="http://127.0.0.1:$port"
  start_server "$db" "$port" "$io_threads" "$db_threads"

  # 1. The form.
  ctype=$(curl -sf -o "$tmp/form-$engine.html" -w '%{content_type}' --max-time 10 "$base/q/$token")
  size=$(stat -c %s "$tmp/form-$engine.html")
  echo "== $engine: GET /q/$token (phase $phase): $size bytes, $ctype; $get_conns connections, $duration s"
  printf '   %-26s %10s %9s %9s\n' server "req/s" "p50 ms" "p99 ms"
  warm_up "$engine GET" "$get_conns" "$base/q/$token"
  res=$(run_wrk "$engine GET /q/$token" "$get_conns" "$base/q/$token")
  read -r rps p50 p99 n <<<"$res"
  R[$engine:get_rps]=$rps R[$engine:get_p50]=$p50 R[$engine:get_p99]=$p99 R[$engine:bytes]=$size
  printf '   %-26s %10.0f %9s %9s\n' "passerelles ($engine)" "$rps" "$p50" "$p99"
  if [ "$engine" = sqlite ]; then
    # Baseline: nginx with the same bytes, while the server is idle (so that both get the 2 cores).
    start_nginx "$tmp/form-$engine.html" "$ctype" "$nginx_workers"
    warm_up "nginx GET" "$get_conns" "http://127.0.0.1:$nport/"
    res=$(run_wrk "nginx GET" "$get_conns" "http://127.0.0.1:$nport/")
    read -r rps p50 p99 n <<<"$res"
    stop_nginx
    R[nginx:get_rps]=$rps R[nginx:get_p50]=$p50 R[nginx:get_p99]=$p99
    printf '   %-26s %10.0f %9s %9s\n' "nginx (same bytes)" "$rps" "$p50" "$p99"
  fi

  # 2. The answers: one random valid answer per request, for the link's phase (names read from the form).
  local names
  names=$(grep -o 'name="[a-z0-9_]*" value="1"' "$tmp/form-$engine.html" | sed 's/name="\([^"]*\)".*/"\1"/' | sort -u |
    paste -sd, -)
  [ -n "$names" ] || bench_die "no 1–5 question on the form of /q/$token"
  cat >"$tmp/post-$engine.lua" <<LUA
-- One anonymous answer per request: each statement 1-5 or "je ne sais pas" (never all of them: the server refuses
-- an empty answer), optional gender and class, a random 4-character code half of the time. No cookie is sent
-- back, so the server takes every POST as a new device.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
local names = { $names }
local values = { "1", "2", "3", "4", "5", "nsp" }
local genders = { "girl", "boy", "other", "" }
local levels = { "6e", "5e", "4e", "3e", "" }
local alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("seed", counter)
end
function init(args)
  math.randomseed(seed * 7919)
end
function request()
  local body = { "phase=$phase" }
  for i, name in ipairs(names) do body[#body + 1] = name .. "=" .. values[math.random(i == 1 and 5 or #values)] end
  body[#body + 1] = "gender=" .. genders[math.random(#genders)]
  body[#body + 1] = "level=" .. levels[math.random(#levels)]
  local code = ""
  if math.random() < 0.5 then
    for _ = 1, 4 do local i = math.random(#alphabet); code = code .. alphabet:sub(i, i) end
  end
  body[#body + 1] = "code=" .. code
  return wrk.format(nil, nil, nil, table.concat(body, "&"))
end
LUA
  # The body is valid: one POST by curl must be stored (303 to the thank-you page).
  local check
  check=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 \
    --data "phase=$phase&$(tr -d '"' <<<"$names" | sed 's/,/=3\&/g')=3&code=BNCH" "$base/q/$token")
  [ "$check" = 303 ] || { tail -5 "$tmp/server.log" >&2; bench_die "a POST to /q/$token answered $check, not 303"; }
  echo "== $engine: POST /q/$token ($phase); $post_conns connections, $duration s"
  warm_up "$engine POST" "$post_conns" "$base/q/$token" -s "$tmp/post-$engine.lua"
  sleep 1  # the warm-up's last answers are stored before counting
  before=$(count_answers "$engine" "$db")
  res=$(run_wrk "$engine POST /q/$token" "$post_conns" "$base/q/$token" -s "$tmp/post-$engine.lua")
  read -r rps p50 p99 n <<<"$res"
  stop_server  # every request in flight is finished: the count is final
  after=$(count_answers "$engine" "$db")
  R[$engine:post_rps]=$rps R[$engine:post_p50]=$p50 R[$engine:post_p99]=$p99
  R[$engine:post_rows]=$((after - before)) R[$engine:post_requests]=$n
  printf '   %-26s %10.0f answers/s  p50 %s ms  p99 %s ms\n' "passerelles ($engine)" "$rps" "$p50" "$p99"
  echo "   rows added to survey_responses during the run: $((after - before)) ($before -> $after; wrk received" \
    "$n answers, the others were in flight when it stopped)"
}

echo "== $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $bin $("$bin" version | cut -d' ' -f2)"
echo "   server: --io-threads $io_threads --db-threads $db_threads --access-log false; nginx: worker_processes" \
  "$nginx_workers; wrk: $threads threads, --latency"
engines=sqlite
bench_engine sqlite "sqlite:$tmp/surveys.db"
if [ -n "$pg_url" ]; then
  engines="sqlite postgresql"
  pg_scratch="passerelles_bench_surveys_$$"
  pg -c "DROP DATABASE IF EXISTS $pg_scratch" -c "CREATE DATABASE $pg_scratch" >/dev/null
  pg_db=$(python3 -c 'import sys, urllib.parse as u
p = u.urlsplit(sys.argv[1]); print(u.urlunsplit(p._replace(path="/" + sys.argv[2])))' "$pg_url" "$pg_scratch")
  bench_engine postgresql "$pg_db"
fi

# 3. Statistics: the same CSV through `passerelles survey-stats` and through scipy/statsmodels.
csv="$tmp/answers.csv"
"$python" - "$csv" "$n_answers" <<'PY'
# Answers of a perception survey: half before, half after, six statements; every pupil answers the six in turn,
# half of the pupils give a 4-character code (the same before and after: linked pairs), 5 % "je ne sais pas".
import csv, random, sys
path, total = sys.argv[1], int(sys.argv[2])
rng = random.Random(20250606)
questions = ["Ces métiers sont sales", "Ces métiers sont bruyants", "Ces métiers demandent de la force physique",
             "Ces métiers sont aussi pour les filles", "Je pourrais faire ce métier",
             "Ces métiers ont de l’avenir"]
alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
half = total // 2
pupils = (half + len(questions) - 1) // len(questions)
codes = {}
for p in range(0, pupils, 2):  # distinct codes, for every other pupil
    while True:
        c = "".join(rng.choice(alphabet) for _ in range(4))
        if c not in codes.values():
            codes[p] = c
            break
shift = [-1, -1, -1, 1, 1, 0]  # clichés fade, "je pourrais" and "pour les filles" rise
before = {}
rows = []
for i in range(total):
    phase = "pre" if i < half else "post"
    k = i if i < half else i - half
    pupil, q = divmod(k, len(questions))
    value = rng.choices(range(1, 6), weights=[1, 2, 3, 3, 2])[0]
    if phase == "post":
        value = before.get((pupil, q), value) + shift[q] * (rng.random() < 0.6)
        value = min(5, max(1, value + rng.choice([-1, 0, 0, 0, 1])))
    else:
        before[(pupil, q)] = value
    rows.append((phase, questions[q], "" if rng.random() < 0.05 else str(value), codes.get(pupil, "")))
rng.shuffle(rows)
with open(path, "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["phase", "question", "value", "code"])
    w.writerows(rows)
PY
echo "== statistics: $n_answers answers ($(du -k "$csv" | cut -f1) KB of CSV), 6 statements, codes for half;" \
  "best of $runs"
best_ms=""
for _ in $(seq "$runs"); do
  t0=$(date +%s%N)
  "$bin" survey-stats --in "$csv" --json >"$tmp/stats.json"
  t1=$(date +%s%N)
  ms=$(((t1 - t0) / 1000000))
  if [ -z "$best_ms" ] || [ "$ms" -lt "$best_ms" ]; then best_ms=$ms; fi
done
read -r py_ms py_mismatches py_figures < <("$python" - "$csv" "$tmp/stats.json" "$runs" tests/tools <<'PY'
# scipy/statsmodels on the same CSV: best of RUNS of (read the CSV + every figure), timed inside the interpreter
# (its start and the imports of numpy/scipy/statsmodels are not counted); then the figures are compared with
# passerelles' JSON, as the reference check does.
import csv, json, sys, time, warnings
path, json_path, runs, tools = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
sys.path.insert(0, tools)
import check_survey_stats as ref  # noqa: E402  (scipy, statsmodels)
warnings.simplefilter("ignore")
best = None
for _ in range(runs):
    t0 = time.perf_counter()
    with open(path, newline="", encoding="utf-8") as f:
        r = csv.reader(f)
        next(r)
        rows = [(p, q, int(v) if v else None, c) for p, q, v, c in r]
    want = ref.expected(rows, True)
    ms = (time.perf_counter() - t0) * 1000
    best = ms if best is None else min(best, ms)
got = json.load(open(json_path, encoding="utf-8"))["questions"]
bad = sum(len(ref.compare(g, w)) for g, w in zip(got, want)) + abs(len(got) - len(want))
print(f"{best:.0f} {bad} {len(want) * len(ref.KEYS)}")
PY
)
R[stats_passerelles]=$best_ms R[stats_python]=$py_ms
printf '   %-52s %8s ms\n' "passerelles survey-stats (whole process)" "$best_ms" \
  "scipy/statsmodels (CSV reading + computation)" "$py_ms"
echo "   figures compared: $py_figures, differing beyond 1e-6: $py_mismatches"
[ "$py_mismatches" = 0 ] ||
  echo "bench-surveys: WARNING: passerelles and scipy disagree (run tests/tools/check_survey_stats.py)" >&2

# ---- summary -------------------------------------------------------------------------------------------------
echo
echo "== summary ($(nproc) shared cores, load average at the end $(cut -d' ' -f1-3 /proc/loadavg))"
printf '%-46s %10s %9s %9s %12s\n' "" "req/s" "p50 ms" "p99 ms" "ratio"
printf '%-46s %10.0f %9s %9s %12s\n' "nginx, same ${R[sqlite:bytes]} bytes (GET, $get_conns conn.)" \
  "${R[nginx:get_rps]}" "${R[nginx:get_p50]}" "${R[nginx:get_p99]}" ""
for engine in $engines; do
  printf '%-46s %10.0f %9s %9s %12s\n' "form GET /q/TOKEN, $engine ($get_conns conn.)" "${R[$engine:get_rps]}" \
    "${R[$engine:get_p50]}" "${R[$engine:get_p99]}" "$(ratio "${R[$engine:get_rps]}" "${R[nginx:get_rps]}") of nginx"
done
for engine in $engines; do
  printf '%-46s %10.0f %9s %9s %12s\n' "answers POST /q/TOKEN, $engine ($post_conns conn.)" "${R[$engine:post_rps]}" \
    "${R[$engine:post_p50]}" "${R[$engine:post_p99]}" "${R[$engine:post_rows]} rows"
done
printf '%-46s %10s %9s %9s %12s\n' "survey-stats, $n_answers answers: passerelles" "" "" "" "${R[stats_passerelles]} ms"
printf '%-46s %10s %9s %9s %12s\n' "  scipy/statsmodels (same figures)" "" "" "" "${R[stats_python]} ms"
printf '%-46s %10s %9s %9s %12s\n' "  speed-up passerelles vs scipy/statsmodels" "" "" "" \
  "$(ratio "${R[stats_python]}" "${R[stats_passerelles]}")x"
echo "command: $command_line"
