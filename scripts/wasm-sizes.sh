#!/usr/bin/env bash
# Where the app's wasm bytes go: the release build optimised as Trunk does it
# (wasm-opt -Oz) but with its function names kept (-g), then twiggy's top,
# dominators and monomorphisations in target/twiggy/, and the groups of
# BENCHMARKS.md's table printed.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/setup.sh"
cd "$root"
target="${CARGO_TARGET_DIR:-target}"
if ! command -v twiggy >/dev/null; then
  echo "[wasm-sizes] installing twiggy (a minute or two, once)"
  cargo install twiggy --locked --quiet
fi
out="$target/twiggy"
mkdir -p "$out"

# The wasm Trunk's release build starts from (dist/ is left alone).
cargo build --release --target wasm32-unknown-unknown --bin mandat --quiet
wasm-bindgen --target web --out-dir "$out" "$target/wasm32-unknown-unknown/release/mandat.wasm"
wasm-opt -Oz -g --enable-reference-types --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-multivalue "$out/mandat_bg.wasm" -o "$out/named.wasm"
twiggy top -n 60 "$out/named.wasm" >"$out/top.txt"
twiggy dominators -d 3 -r 60 "$out/named.wasm" >"$out/dominators.txt"
twiggy monos -m 40 "$out/named.wasm" >"$out/monos.txt"
twiggy top -n 1000000 -f csv "$out/named.wasm" >"$out/top.csv"
node bench/wasm-groups.mjs "$out/top.csv"
echo "[wasm-sizes] twiggy's reports are in $out/"
