#!/usr/bin/env bash
# Browser and load test of `byline serve` (issue #7): builds a small corpus from our own
# articles with `byline ingest`, serves it on a loopback port, drives the web page with
# Debian's headless chromium through playwright-core (.ci/browser/driver.mjs; screenshots in
# target/ci-artifacts/), then fires 10,000 requests at 50 concurrent connections with
# `byline bench-http` (zero errors required). Usage: .ci/browser-test.sh [PATH/TO/byline]
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${1:-${CARGO_TARGET_DIR:-target}/release/byline}"
ART="$(pwd)/target/ci-artifacts"
mkdir -p "$ART"

if ! command -v chromium >/dev/null 2>&1; then
  echo "installing Debian's chromium"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
if [ ! -d .ci/browser/node_modules/playwright-core ]; then
  (cd .ci/browser && npm ci --no-audit --no-fund --loglevel=error)
fi

tmp=$(mktemp -d)
pid=""
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

"$BIN" ingest examples/harbour-bridge.txt tests/fixtures/articles/*.txt --db "$tmp/corpus.db" -q
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$BIN" serve --db "$tmp/corpus.db" --addr "127.0.0.1:$port" 2>"$tmp/serve.log" &
pid=$!
python3 - "$port" <<'PY'
import sys, time, urllib.request
url = f"http://127.0.0.1:{sys.argv[1]}/api/stats"
for _ in range(150):
    try:
        print("store:", urllib.request.urlopen(url, timeout=2).read().decode()); sys.exit(0)
    except Exception:
        time.sleep(0.2)
sys.exit("byline serve did not come up")
PY

echo "== browser test (headless chromium)"
BYLINE_URL="http://127.0.0.1:$port" ARTIFACTS="$ART" node .ci/browser/driver.mjs
echo "screenshots: $ART"

echo "== load test: 10000 requests, 50 concurrent"
"$BIN" bench-http --addr "127.0.0.1:$port" --requests 10000 --concurrency 50 | tee "$ART/load-test.txt"
