#!/usr/bin/env bash
# Installs every tool the site needs, skipping what is already there, so a second
# run takes seconds. With --browser it also installs what the browser tests need.
#
#   scripts/setup.sh            wasm target, trunk, wasm-bindgen-cli, npm packages (incl. wasm-opt),
#                               a CJK font for the static chart pictures, and a Python venv (.venv/)
#                               with the open-data validators the tests run (frictionless, csvw, extruct)
#   scripts/setup.sh --browser  the above, plus Debian's chromium and a Java runtime (HTML checker)
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# wasm-bindgen-cli must match the crate version pinned with `=` in Cargo.toml exactly.
WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' Cargo.toml)

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

if ! rustup target list --installed | grep -x wasm32-unknown-unknown >/dev/null; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep "^$component" >/dev/null; then
    say "adding rustup component $component"
    rustup component add "$component"
  fi
done

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (a long compile, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # Its lock file can name a dependency version the registry no longer has;
  # then install with freshly resolved dependencies.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --locked \
    || cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# npm packages (ECharts, esbuild, wasm-opt from binaryen, test tools), exactly as locked.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages from package-lock.json"
  npm ci --no-audit --no-fund
fi

# Debian packages: a CJK font to draw the static chart pictures (and, for the
# browser tests, Chromium).
packages=()
fc-list 2>/dev/null | grep -i "Noto Sans CJK" >/dev/null || packages+=(fonts-noto-cjk fontconfig)
[ "${1:-}" = "--browser" ] && [ ! -x /usr/bin/chromium ] && packages+=(chromium)
# Python's venv module (Debian ships it apart, as python3-venv) for the validators' venv below.
PYTHON=/usr/bin/python3
[ -x "$PYTHON" ] || PYTHON=python3
"$PYTHON" -c 'import ensurepip, venv' 2>/dev/null || packages+=(python3-venv)
# Java runs the Nu HTML checker (npm vnu-jar) in the tests.
[ "${1:-}" = "--browser" ] && ! command -v java >/dev/null && packages+=(default-jre-headless)
if [ ${#packages[@]} -gt 0 ]; then
  say "installing Debian packages: ${packages[*]}"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get install -y --no-install-recommends "${packages[@]}" \
    || { $SUDO apt-get update && $SUDO apt-get install -y --no-install-recommends "${packages[@]}"; }
fi

# Independent validators of the published data, pinned, in .venv/: frictionless (Data
# Package), csvw (CSV on the Web), extruct (JSON-LD in pages), feedparser (the Atom
# feeds) and pypdf (the text of a printed page). tests/python.mjs runs them.
PY_PACKAGES=(frictionless==5.21.0 csvw==4.1.1 extruct==0.18.0 feedparser==6.0.14 pypdf==5.1.0)
if [ ! -x .venv/bin/python ]; then
  say "creating the Python venv .venv/"
  "$PYTHON" -m venv .venv
fi
if [ "$(.venv/bin/pip freeze 2>/dev/null | grep -ixF -f <(printf '%s\n' "${PY_PACKAGES[@]}") | wc -l)" -ne ${#PY_PACKAGES[@]} ]; then
  say "installing Python packages: ${PY_PACKAGES[*]}"
  .venv/bin/pip install --quiet --disable-pip-version-check "${PY_PACKAGES[@]}"
fi
