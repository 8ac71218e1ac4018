#!/usr/bin/env bash
# Builds the deployable site into dist/: trunk's release build (wasm, ECharts,
# CSS, data), then one HTML file per route.
#
#   scripts/build.sh [--site-path /gansu/]
# --site-path is only used by 404.html, which hosts serve at any depth; every
# other file works from any sub-path without it. Default: /
set -euo pipefail
cd "$(dirname "$0")/.."
SITE_PATH=/
[ "${1:-}" = "--site-path" ] && SITE_PATH=${2:?--site-path needs a value}

scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$PATH"   # wasm-opt (binaryen) and esbuild

cargo run --quiet --features tools --bin sitegen -- check
trunk build --release
cargo run --quiet --features tools --bin sitegen -- pages dist --site-path "$SITE_PATH"
