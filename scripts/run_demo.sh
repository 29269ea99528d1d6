#!/usr/bin/env bash
# `make run`: migrates, creates the demo data once, prints how to log in, then serves.
set -euo pipefail
cd "$(dirname "$0")/.."
db=${1:-sqlite:var/passerelles.db}
listen=${2:-127.0.0.1:8080}
bin=build/passerelles
data_dir=${PASSERELLES_DATA_DIR:-../shared/data}
"$bin" --db "$db" migrate >/dev/null
if ! "$bin" --db "$db" --data-dir "$data_dir" demo; then
  echo "run: the demo data could not be created (see above); serving an empty database" >&2
fi
cat <<MSG

  Passerelles runs at http://$listen
  Log in as the coordinator of the CMQ demo:  coordinatrice@cmq-msi-bfc.demo  /  demo-passerelles
  (federation admin: admin@passerelles.demo / demo-passerelles; Ctrl+C stops the server)

MSG
exec "$bin" --db "$db" --listen "$listen" --data-dir "$data_dir" serve
