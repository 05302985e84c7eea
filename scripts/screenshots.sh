#!/usr/bin/env bash
# Screenshots of every page of the commune, in French, at 375 and 1280 px, into
# target/screenshots/ (or MANDAT_SCREENSHOTS): the whole product in one folder.
# The end-to-end layer's build and servers, with the pictures' own project.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MANDAT_SCREENSHOTS_RUN=1 bash "$root/scripts/e2e.sh" --project screens
echo "[screenshots] in ${MANDAT_SCREENSHOTS:-target/screenshots}/"
