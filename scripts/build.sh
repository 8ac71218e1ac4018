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
trunk build --release
# The embed view has its own, smaller wasm build (embed.html → src/bin/embed.rs);
# its assets join the site's, and its page is the template of every embed route.
trunk build embed.html --release --dist build/dist-embed
cp build/dist-embed/gansu-eco-embed-* dist/
cp build/dist-embed/index.html dist/embed-template.html
# So have the cities and prefectures' pages (places.html → src/bin/places.rs): the
# site's wasm then carries none of them.
trunk build places.html --release --dist build/dist-places
cp build/dist-places/gansu-eco-places-* dist/
cp build/dist-places/index.html dist/places-template.html
# The overview, about and changes pages wake only their interactive parts
# (islands.html → src/bin/islands.rs): a wasm without the pages or the data parser.
trunk build islands.html --release --dist build/dist-islands
cp -r build/dist-islands/gansu-eco-islands-* dist/
if [ -d build/dist-islands/snippets ]; then cp -r build/dist-islands/snippets dist/; fi
cp build/dist-islands/index.html dist/islands-template.html
# Each data release as a self-describing download: CSVW metadata, datapackage.json and a ZIP.
cargo run --quiet --features tools --bin sitegen -- package dist
rm -rf build/chart-options
cargo run --quiet --features tools --bin sitegen -- chart-options dist build/chart-options
node scripts/render-charts.mjs build/chart-options dist/charts
# Every route's page, rendered by the site's own views; then its charts drawn into it.
cargo run --quiet --features tools --bin sitegen -- pages dist --site-url "$SITE_URL" ${REPORT_URL:+--report-url "$REPORT_URL"}
node scripts/inline-charts.mjs dist
node scripts/compress.mjs dist
