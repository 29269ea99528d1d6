#!/usr/bin/env bash
# Installs what Passerelles needs to build, run and test on Debian 12: apt packages, then npm ci.
# Idempotent: does nothing that is already done. Usage: scripts/install.sh [build|lint|run|test]
set -euo pipefail
cd "$(dirname "$0")/.."

what=${1:-test}

build_pkgs=(
  build-essential cmake pkg-config
  libboost-dev libboost-system-dev
  libsoci-dev libsoci-sqlite3-4.0 libsoci-postgresql4.0 libsqlite3-dev libpq-dev sqlite3
  nlohmann-json3-dev libtomlplusplus-dev libcli11-dev libspdlog-dev libfmt-dev
  libsodium-dev libcurl4-openssl-dev zlib1g-dev libkainjow-mustache-dev libjemalloc-dev
  libxlsxwriter-dev libcairo2-dev libpango1.0-dev librsvg2-dev libqrencode-dev libvips-dev libcmark-dev liblemon-dev
  libgtest-dev
)
lint_pkgs=(clang-format clang-tidy)
test_pkgs=(
  postgresql chromium python3-aiosmtpd python3-icalendar python3-openpyxl python3-scipy python3-statsmodels zbar-tools qpdf poppler-utils nginx-light wrk "${lint_pkgs[@]}"
)

pkgs=("${build_pkgs[@]}")
# Node.js may come from elsewhere (it bundles npm); only ask Debian for it when absent.
command -v npm >/dev/null 2>&1 || pkgs+=(nodejs npm)
[ "$what" = test ] && pkgs+=("${test_pkgs[@]}")
[ "$what" = lint ] && pkgs+=("${lint_pkgs[@]}")

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "install: apt packages missing: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO=sudo
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Front-end assets and browser-test tools come from npm, pinned by package-lock.json.
if [ -f package-lock.json ]; then
  stamp=node_modules/.install-stamp
  if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
    echo "install: npm ci"
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
    touch "$stamp"
  fi
fi
