#!/usr/bin/env bash
# The contract check: schemathesis (pinned by setup.sh) against a fresh sandbox,
# signed in as each demo account, with the checks "no server error", "conforms to
# the schema" and "status code documented". A fixed seed keeps runs repeatable.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/setup.sh"
cd "$root"

port="${MANDAT_CONTRACT_PORT:-8791}"
base="http://127.0.0.1:$port"
db="$(mktemp -d)/contract.sqlite3"
cargo build -p mandat-sandbox --quiet
target="${CARGO_TARGET_DIR:-target}"
"$target/debug/mandat-sandbox" --port "$port" --db "$db" --dist dist --reseed >/dev/null 2>&1 &
sandbox=$!
trap 'kill "$sandbox" 2>/dev/null; wait "$sandbox" 2>/dev/null; rm -rf "$(dirname "$db")"' EXIT
for _ in $(seq 1 600); do
  curl -sf -o /dev/null "$base/sandbox/accounts" && break
  kill -0 "$sandbox" 2>/dev/null || { echo "[contract] the sandbox did not start" >&2; exit 1; }
  sleep 0.2
done

# account, an order and a bill of its own for the operations that take one.
for case in "commune 1003 FR1000001" "hopital 2001 FR2000001" "entreprise 3001 FR3000001"; do
  read -r account order bill <<<"$case"
  echo "[contract] $account"
  MANDAT_SESSION="$(curl -si "$base/sandbox/login?account=$account" \
    | sed -n 's/^set-cookie: mandat_session=\([^;]*\).*/\1/ip' | tr -d '\r')"
  [ -n "$MANDAT_SESSION" ] || { echo "[contract] could not sign in as $account" >&2; exit 1; }
  MANDAT_SESSION="$MANDAT_SESSION" MANDAT_ORDER="$order" MANDAT_BILL="$bill" \
    "$SCHEMATHESIS" --config-file sandbox/schemathesis.toml run api/openapi.yaml \
    --url "$base" --exclude-path /sandbox/reset --exclude-path /sandbox/logout \
    --checks not_a_server_error,response_schema_conformance,status_code_conformance \
    --max-examples 30 --seed 2026 --no-color
done
