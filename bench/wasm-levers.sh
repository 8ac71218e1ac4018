#!/usr/bin/env bash
# Before/after sizes of the wasm levers (a few full builds: takes minutes).
#   bench/wasm-levers.sh > bench/WASM-LEVERS.md
# Each variant is built in its own target directory under build/levers/, then run
# through wasm-bindgen (and wasm-opt where the variant says so) as trunk would.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"
OUT=build/levers
mkdir -p "$OUT"
FEATURES="--enable-bulk-memory --enable-nontrapping-float-to-int --enable-reference-types --enable-multivalue --enable-sign-ext --enable-mutable-globals"

size() { node -e "const z=require('zlib'),f=require('fs');const b=f.readFileSync('$1');console.log((b.length/1024).toFixed(1)+' | '+(z.brotliCompressSync(b,{params:{[z.constants.BROTLI_PARAM_QUALITY]:11}}).length/1024).toFixed(1))"; }

# variant name, bin, target dir, rustflags, profile overrides, wasm-opt flags ("" = none)
# The features each build's HTML file turns on (index.html, embed.html).
variant() {
  local name=$1 bin=$2 dir=$3 flags=$4 profile=$5 opt=$6 features=hydrate
  if [ "$bin" = gansu-eco-embed ]; then features=embed,csr; fi
  env RUSTFLAGS="$flags" $profile cargo build --quiet --release --target wasm32-unknown-unknown --bin "$bin" --features "$features" --target-dir "$OUT/$dir" >&2
  wasm-bindgen --target web --out-dir "$OUT/$dir/bg" "$OUT/$dir/wasm32-unknown-unknown/release/$bin.wasm" >&2
  local wasm="$OUT/$dir/bg/${bin}_bg.wasm"
  if [ -n "$opt" ]; then wasm-opt $opt $FEATURES "$wasm" -o "$wasm.opt" >&2; wasm="$wasm.opt"; fi
  echo "| $name | $(size "$wasm") |"
}

DEFAULT_PROFILE="CARGO_PROFILE_RELEASE_OPT_LEVEL=3 CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 CARGO_PROFILE_RELEASE_PANIC=unwind"
echo "| wasm variant (site unless noted) | raw KB | brotli KB |"
echo "|---|---:|---:|"
variant "default release profile, no wasm-opt" gansu-eco-islands default " " "$DEFAULT_PROFILE" ""
variant "size-tuned profile (opt z, LTO, 1 CGU, abort), no wasm-opt" gansu-eco-islands tuned " " "" ""
variant "… + wasm-opt -Oz" gansu-eco-islands tuned " " "" "-Oz"
variant "… + Leptos erase_components (shipped site build)" gansu-eco-islands erased "--cfg erase_components" "" "-Oz"
variant "embed build, same settings + --converge (shipped)" gansu-eco-embed erased "--cfg erase_components" "" "-Oz --converge"
