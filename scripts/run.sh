#!/usr/bin/env bash
# Builds the release app and serves it with the sandbox billing API.
# Flags are passed to the sandbox: --port N, --db PATH, --reseed, ...
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/setup.sh"
cd "$root"

echo "[run] building the app (release)"
trunk build --release --offline
echo "[run] building the sandbox"
cargo build -p mandat-sandbox --quiet
exec target/debug/mandat-sandbox --dist dist "$@"
