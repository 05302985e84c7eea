#!/usr/bin/env bash
# Every test layer: native (model, sandbox, API decoding), browser components
# (wasm-bindgen-test in headless Chromium), end-to-end (Playwright against the
# release build served by the sandbox), and the API contract (schemathesis against
# the sandbox). Stops at the first failing layer.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/setup.sh"
cd "$root"

echo "[test] formatting and lints"
cargo fmt --all --check
cargo clippy --workspace --all-targets --quiet -- -D warnings
cargo clippy -p mandat --target wasm32-unknown-unknown --all-targets --quiet -- -D warnings
cargo clippy -p mandat --target wasm32-unknown-unknown --all-targets --features split --quiet -- -D warnings

echo "[test] native: model and sandbox"
# The app's own tests need a browser: they run in the next layer.
cargo test -p mandat-model -p mandat-sandbox

echo "[test] browser components (wasm-bindgen-test, headless Chromium)"
# The runner stops Chromium without letting it remove its profile (some 100 MB
# in the temporary directory for each test file): those made here go after.
profiles() { ls -d "${TMPDIR:-/tmp}"/org.chromium.Chromium.scoped_dir.* 2>/dev/null || true; }
profiles_before="$(profiles)"
cargo test -p mandat --target wasm32-unknown-unknown
for profile in $(profiles); do
  grep -qxF "$profile" <<<"$profiles_before" || rm -rf "$profile"
done

echo "[test] end-to-end (Playwright, release build + sandbox)"
bash scripts/e2e.sh

echo "[test] contract (schemathesis against the sandbox, each demo account)"
bash scripts/contract.sh
