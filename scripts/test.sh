#!/usr/bin/env bash
# The whole test suite: formatting, lints, native tests (data, model, charts,
# routes), then the release site built and tested in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh --browser
cargo fmt --check
# Natively every feature but the browser's (`ssr`, part of `tools`, renders the pages;
# Leptos takes one of `ssr`, `hydrate` and `csr` per build).
cargo clippy --all-targets --features tools,embed -- -D warnings
# The browser builds too: code behind `cfg(target_arch = "wasm32")` is linted as well.
# The site's (index.html: `hydrate`), then the embed's (embed.html: `embed`, `csr`).
cargo clippy --target wasm32-unknown-unknown --lib --bins --features hydrate -- -D warnings
cargo clippy --target wasm32-unknown-unknown --lib --bin gansu-eco-embed --features embed,csr -- -D warnings
cargo test --features tools,embed
scripts/build.sh --site-url http://127.0.0.1:8080/gansu/ --report-url mailto:data-problems@example.org
node --test tests/budget.test.mjs
node --test tests/prerender.test.mjs
node --test tests/opendata.test.mjs
node --test tests/feed.test.mjs
node --test --test-concurrency=1 --test-timeout=600000 tests/browser/
