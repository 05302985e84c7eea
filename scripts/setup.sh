#!/usr/bin/env bash
# Installs what building and testing mandat needs, skipping what is already there.
# Sourced by run.sh and test.sh so that PATH changes reach them.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$root/node_modules/.bin:$PATH"
# Trunk must never try to reach the network for its own updates or tools.
export TRUNK_SKIP_VERSION_CHECK=true

trunk_version="0.21.14"
# The CLI must be exactly the wasm-bindgen the app links against.
wasm_bindgen_version="$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' "$root/Cargo.lock")"

log() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  log "installing Debian's chromium and chromium-driver"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# pdftotext reads the generated PDFs back in the end-to-end tests, as a reader would.
if ! command -v pdftotext >/dev/null; then
  log "installing Debian's poppler-utils"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q "$trunk_version"; then
  log "installing trunk $trunk_version (several minutes, once)"
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install trunk --version "$trunk_version" --locked --quiet
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q " $wasm_bindgen_version\$" \
  || ! command -v wasm-bindgen-test-runner >/dev/null; then
  log "installing wasm-bindgen-cli $wasm_bindgen_version (a few minutes, once)"
  # Not --locked: its lock file pins a dependency version the registry no longer has.
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install wasm-bindgen-cli --version "$wasm_bindgen_version" --force --quiet
fi

# Splits the release build into its parts (scripts/split.mjs, Trunk's post-build step).
wasm_split_version="0.2.4"
if ! command -v wasm-split-cli >/dev/null \
  || ! grep -q "wasm_split_cli_support $wasm_split_version " "$HOME/.cargo/.crates.toml" 2>/dev/null; then
  log "installing wasm-split-cli $wasm_split_version (a minute or two, once)"
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install wasm_split_cli_support --version "$wasm_split_version" --features build-binary --quiet
fi

# wasm-opt 132 from npm (Debian's 108 breaks the externref table), Playwright and axe-core.
if [ ! -x "$root/node_modules/.bin/wasm-opt" ] || [ ! -d "$root/node_modules/@playwright/test" ] \
  || [ "$root/package-lock.json" -nt "$root/node_modules/.package-lock.json" ]; then
  log "installing npm packages"
  (cd "$root" && npm ci --no-audit --no-fund --loglevel=error)
fi

# Trunk runs cargo offline: fetch the crates first.
(cd "$root" && cargo fetch --quiet)
