#!/usr/bin/env bash
# Screenshots of every page of the commune, in French, at 375 and 1280 px, into
# target/screenshots/ (or MANDAT_SCREENSHOTS): the whole product in one folder.
# Builds the release app and the sandbox as the end-to-end tests do.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/setup.sh"
cd "$root"

exec 9>"${TMPDIR:-/tmp}/mandat-e2e.lock"
flock 9

trunk build --release --offline
cargo build -p mandat-sandbox --quiet
MANDAT_SCREENSHOTS_RUN=1 npx playwright test --project screens
echo "[screenshots] in ${MANDAT_SCREENSHOTS:-target/screenshots}/"
