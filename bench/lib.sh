# Shared by the bench/*.sh scripts (sourced, not run): a scratch folder, the Passerelles server, an nginx serving a
# page's bytes as a static file (the baseline), and wrk runs reduced to figures.
# The caller sets `bench_name` (prefix of its messages), `bin` and `data_dir` before sourcing, and calls
# `bench_stop_all` from its EXIT trap; `tmp`, `server_pid`, `nginx_pid` and `nport` are set here.
# Optional: `bench_wait` (seconds wait_http waits for a 200; default 15).
# shellcheck shell=bash disable=SC2154  # bench_name, bin and data_dir come from the caller

bench_die() { echo "$bench_name: $*" >&2; exit 2; }
bench_require() {  # TOOL...: exit 2 when one is not on PATH
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null || bench_die "$tool is missing (scripts/install.sh test installs it)"
  done
}

tmp=$(mktemp -d "/tmp/passerelles-${bench_name#bench-}.XXXXXX")
chmod 755 "$tmp"  # nginx workers may run as nobody and must read the page
server_pid=""
nginx_pid=""
nport=""

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_http() {  # URL: up to $bench_wait seconds (default 15) for a 200
  local secs=${bench_wait:-15}
  for _ in $(seq $((secs * 10))); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$1")" = 200 ] && return 0
    sleep 0.1
  done
  echo "$bench_name: $1 did not answer 200 within $secs s" >&2
  return 1
}

# start_server DB PORT IO_THREADS DB_THREADS: serves DB on 127.0.0.1:PORT (log in $tmp/server.log), waits for /healthz.
start_server() {
  "$bin" --db "$1" --listen "127.0.0.1:$2" --data-dir "$data_dir" --access-log false --log-level warn \
    --io-threads "$3" --db-threads "$4" serve >>"$tmp/server.log" 2>&1 &
  server_pid=$!
  wait_http "http://127.0.0.1:$2/healthz"
}
stop_server() {
  if [ -n "$server_pid" ]; then
    kill -TERM "$server_pid" 2>/dev/null || true
    for _ in $(seq 100); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
  fi
}

# start_nginx PAGE CONTENT_TYPE WORKERS: nginx on a free port ($nport) answering every GET with PAGE's bytes and
# CONTENT_TYPE; checks that it serves exactly those bytes and that type.
start_nginx() {
  local page=$1 ctype=$2 workers=$3 size got
  nport=$(free_port)
  mkdir -p "$tmp/nginx"
  cp "$page" "$tmp/nginx/page.html"
  chmod 644 "$tmp/nginx/page.html"
  cat >"$tmp/nginx.conf" <<CONF
# Static copy of the page for comparison: same bytes, same Content-Type, no logging, keep-alive without limit.
daemon off;
master_process on;
worker_processes $workers;
pid $tmp/nginx.pid;
error_log $tmp/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nodelay on;
  keepalive_requests 1000000;
  keepalive_timeout 60s;
  client_body_temp_path $tmp/nginx/body;
  proxy_temp_path $tmp/nginx/proxy;
  fastcgi_temp_path $tmp/nginx/fastcgi;
  uwsgi_temp_path $tmp/nginx/uwsgi;
  scgi_temp_path $tmp/nginx/scgi;
  server {
    listen 127.0.0.1:$nport;
    location / {
      types { }
      default_type "$ctype";
      root $tmp/nginx;
      try_files /page.html =404;
    }
  }
}
CONF
  nginx -p "$tmp/nginx" -e "$tmp/nginx-error.log" -c "$tmp/nginx.conf" >>"$tmp/nginx-error.log" 2>&1 &
  nginx_pid=$!
  wait_http "http://127.0.0.1:$nport/"
  size=$(stat -c %s "$page")
  got=$(curl -s -o /dev/null -w '%{size_download}' --max-time 5 "http://127.0.0.1:$nport/")
  [ "$got" = "$size" ] || { echo "$bench_name: nginx serves $got bytes, expected $size" >&2; return 1; }
  got=$(curl -s -o /dev/null -w '%{content_type}' --max-time 5 "http://127.0.0.1:$nport/")
  [ "$got" = "$ctype" ] || { echo "$bench_name: nginx sends Content-Type $got, expected $ctype" >&2; return 1; }
}
stop_nginx() {
  if [ -n "$nginx_pid" ]; then
    kill -QUIT "$nginx_pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$nginx_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$nginx_pid" 2>/dev/null || true
    wait "$nginx_pid" 2>/dev/null || true
    nginx_pid=""
  fi
}
bench_stop_all() { stop_server; stop_nginx; }

to_ms() {  # wrk's "12.34ms" / "870.00us" / "1.20s" -> milliseconds
  awk -v v="$1" 'BEGIN { u = v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v)
    printf "%.2f", (u == "us") ? v / 1000 : (u == "s") ? v * 1000 : (u == "m") ? v * 60000 : v }'
}
# wrk_measure NAME SECONDS GRACE WRK_ARGS...: wrk -d SECONDS --latency WRK_ARGS (killed after SECONDS + GRACE);
# prints "REQ_PER_S P50_MS P99_MS" (unrounded req/s); the whole output goes to $tmp/wrk.log. Fails when an answer
# is 4xx/5xx (a 3xx counts as success, as in wrk); socket errors are reported on stderr.
wrk_measure() {
  local name=$1 secs=$2 grace=$3 out p50 p99 rps
  shift 3
  out=$(timeout $((secs + grace)) wrk -d "${secs}s" --latency "$@")
  echo "== $name" >>"$tmp/wrk.log"
  echo "$out" >>"$tmp/wrk.log"
  if grep -q 'Non-2xx' <<<"$out"; then echo "$bench_name: $name answered non-2xx:" >&2; echo "$out" >&2; return 1; fi
  grep -q 'Socket errors' <<<"$out" && echo "$bench_name: $name: $(grep 'Socket errors' <<<"$out")" >&2
  p50=$(awk '$1 == "50%" { print $2 }' <<<"$out")
  p99=$(awk '$1 == "99%" { print $2 }' <<<"$out")
  rps=$(awk '/Requests\/sec:/ { print $2 }' <<<"$out")
  echo "$rps $(to_ms "$p50") $(to_ms "$p99")"
}
