#!/usr/bin/env bash
# Builds the deployable site into dist/: trunk's release build (wasm, ECharts,
# CSS, data), each data release's download package, static chart pictures, then
# one HTML file per route.
#
#   scripts/build.sh [--site-url https://example.org/gansu/] [--report-url mailto:data@example.org]
# The site URL is where dist/ will be served. Pages need it for their canonical
# URL and link-preview tags (which must be absolute) and for 404.html; nothing
# else depends on it, so the site still works from any path.
# Default: http://127.0.0.1:8080/gansu/ (what scripts/serve.sh serves).
# The report URL (a mailto: address or an issue tracker's "new issue" page) is
# where each indicator page's "report a problem" link sends a prefilled report;
# without it the link is not shown.
set -euo pipefail
cd "$(dirname "$0")/.."
SITE_URL=http://127.0.0.1:8080/gansu/
REPORT_URL=""
while [ $# -gt 0 ]; do
  case "$1" in
    --site-url) SITE_URL=${2:?--site-url needs a value}; shift 2 ;;
    --report-url) REPORT_URL=${2:?--report-url needs a value}; shift 2 ;;
    *) echo "build.sh: unknown option $1 (use --site-url URL, --report-url mailto:…|https://…)" >&2; exit 2 ;;
  esac
done

scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$PATH"   # wasm-opt (binaryen) and esbuild

cargo run --quiet --features tools --bin sitegen -- check
# The site's build (index.html → src/bin/islands.rs): its page is the template of
# every route's, whose interactive parts its wasm wakes; and the assets (ECharts,
# data, embed.js).
trunk build --release
# The embed's own build (embed.html → src/bin/embed.rs): its page is the template of
# every embed route; its wasm draws an embed the build did not render (its table,
# another release, a city's series).
trunk build embed.html --release --dist build/dist-embed
cp build/dist-embed/gansu-eco-embed-* dist/
cp build/dist-embed/index.html dist/embed-template.html
# Each data release as a self-describing download: CSVW metadata, datapackage.json and a ZIP.
cargo run --quiet --features tools --bin sitegen -- package dist
rm -rf build/chart-options
cargo run --quiet --features tools --bin sitegen -- chart-options dist build/chart-options
node scripts/render-charts.mjs build/chart-options dist/charts
# Every route's page, rendered by the site's own views; then its charts drawn into it.
cargo run --quiet --features tools --bin sitegen -- pages dist --site-url "$SITE_URL" ${REPORT_URL:+--report-url "$REPORT_URL"}
node scripts/inline-charts.mjs dist
node scripts/compress.mjs dist
