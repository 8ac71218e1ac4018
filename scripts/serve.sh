#!/usr/bin/env bash
# Builds the site and serves it locally under a sub-path, as a static host would.
#   scripts/serve.sh [port]    (default 8080)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${1:-8080}
scripts/build.sh --site-url http://127.0.0.1:8080/gansu/
exec node scripts/serve.mjs --dir dist --port "$PORT" --base /gansu/
