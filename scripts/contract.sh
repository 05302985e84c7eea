#!/usr/bin/env bash
# The contract check: Redocly's lint of api/openapi.yaml, then schemathesis
# (pinned, installed here once) against a fresh
# sandbox, signed in as each demo account, with the checks "no server error",
# "conforms to the schema" and "status code documented". A fixed seed and no
# saved examples keep runs repeatable.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/setup.sh"
cd "$root"

# Schemathesis, pinned, in a virtual environment of its own (reinstalled if the
# Python it was made with has gone).
schemathesis_version="4.32.5"
venv="$root/.tools/schemathesis-$schemathesis_version"
schemathesis="$venv/bin/schemathesis"
if ! "$schemathesis" --version 2>/dev/null | grep -q "$schemathesis_version"; then
  log "installing schemathesis $schemathesis_version (once)"
  python3 -m venv --clear "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$schemathesis_version"
fi

# The contract itself first: Redocly's recommended rules, pinned; an error fails
# the check (the exceptions, each with its reason, are in .redocly.lint-ignore.yaml).
redocly_version="2.77.0"
log "linting api/openapi.yaml (Redocly $redocly_version)"
npx --yes "@redocly/cli@$redocly_version" lint api/openapi.yaml

# One run at a time on a machine: it uses a fixed port.
exec 8>"${TMPDIR:-/tmp}/mandat-contract.lock"
flock 8
port="${MANDAT_CONTRACT_PORT:-8791}"
base="http://127.0.0.1:$port"
if curl -s -o /dev/null "$base/sandbox/accounts"; then
  echo "[contract] port $port is already in use (MANDAT_CONTRACT_PORT moves it)" >&2
  exit 1
fi
db="$(mktemp -d)/contract.sqlite3"
cargo build -p mandat-sandbox --quiet
target="${CARGO_TARGET_DIR:-target}"
"$target/debug/mandat-sandbox" --port "$port" --db "$db" --dist dist --reseed >"$db.log" 2>&1 &
sandbox=$!
trap 'kill "$sandbox" 2>/dev/null; wait "$sandbox" 2>/dev/null; rm -rf "$(dirname "$db")"' EXIT
ready=false
for _ in $(seq 1 600); do
  kill -0 "$sandbox" 2>/dev/null || break
  if curl -sf -o /dev/null "$base/sandbox/accounts"; then ready=true; break; fi
  sleep 0.2
done
if ! $ready || ! kill -0 "$sandbox" 2>/dev/null; then
  echo "[contract] the sandbox did not start:" >&2
  cat "$db.log" >&2
  exit 1
fi

# account, an order, a bill and a renewal of its own for the operations that
# take one (the company has no renewal: it gets the hospital's, another
# account's, which must be a 404).
for case in "commune 1003 FR1000001 1501" "hopital 2001 FR2000001 2501" "entreprise 3001 FR3000001 2501"; do
  read -r account order bill renewal <<<"$case"
  echo "[contract] $account"
  MANDAT_SESSION="$(curl -si "$base/sandbox/login?account=$account" \
    | sed -n 's/^set-cookie: mandat_session=\([^;]*\).*/\1/ip' | tr -d '\r')"
  [ -n "$MANDAT_SESSION" ] || { echo "[contract] could not sign in as $account" >&2; exit 1; }
  MANDAT_SESSION="$MANDAT_SESSION" MANDAT_ORDER="$order" MANDAT_BILL="$bill" MANDAT_RENEWAL="$renewal" \
    "$schemathesis" --config-file sandbox/schemathesis.toml run api/openapi.yaml \
    --url "$base" --exclude-path /sandbox/reset --exclude-path /sandbox/logout \
    --checks not_a_server_error,response_schema_conformance,status_code_conformance \
    --max-examples 30 --seed 2026 --generation-database none --no-color
done
