#!/usr/bin/env bash
# End-to-end layer alone: builds the release app and the sandbox, then runs
# Playwright against them. Arguments go to Playwright (a spec file, --grep ...).
# One run at a time on a machine: builds share dist/ and the test port.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/setup.sh"
cd "$root"

# Machine-wide: every checkout uses the same test port.
exec 9>"${TMPDIR:-/tmp}/mandat-e2e.lock"
flock 9

trunk build --release --offline
cargo build -p mandat-sandbox --quiet
npx playwright test "$@"
