#!/usr/bin/env bash
# Measures the release app: bundle sizes, cold load, list/timeline work,
# upload throughput and the sandbox under load. Prints one table and writes
# it to BENCHMARKS.md. Not part of the test command: figures, not assertions.
#   ./scripts/bench.sh [--runs N] [--only AREA,...]
# (--runs: default 7, each figure is the median; --only cold,office,upload,...:
# measures those areas and prints them without writing BENCHMARKS.md)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/setup.sh"
cd "$root"

# One benchmark at a time on a machine: every checkout measures on the same
# port, and two runs would time each other. (End-to-end runs use other ports
# and their own lock.)
exec 8>"${TMPDIR:-/tmp}/mandat-bench.lock"
flock 8

runs=7
only=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --only) only=(--only "$2"); shift 2 ;;
    *) echo "usage: $0 [--runs N] [--only AREA,...]" >&2; exit 2 ;;
  esac
done

if ! command -v wrk >/dev/null || ! command -v curl >/dev/null; then
  echo "[bench] installing wrk and curl"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk curl >/dev/null
fi

# Lighthouse for the checkout's largest contentful paint: the bench's own tool,
# kept beside the build rather than in the project's packages.
lighthouse_version="12.2.3"
lighthouse_dir="$root/target/lighthouse"
lighthouse_cli="$lighthouse_dir/node_modules/lighthouse/cli/index.js"
if ! grep -q "\"version\": \"$lighthouse_version\"" "$lighthouse_dir/node_modules/lighthouse/package.json" 2>/dev/null; then
  echo "[bench] installing lighthouse $lighthouse_version"
  npm install --prefix "$lighthouse_dir" --no-audit --no-fund --loglevel=error "lighthouse@$lighthouse_version"
fi

echo "[bench] building the release app and an optimised sandbox"
trunk build --release --offline
cargo build -p mandat-sandbox --profile sandbox --quiet

port="${MANDAT_BENCH_PORT:-8790}"
db="$(mktemp -d)/bench.sqlite3"
sandbox_log="$(dirname "$db")/sandbox.log"
"${CARGO_TARGET_DIR:-target}/sandbox/mandat-sandbox" --port "$port" --db "$db" --dist dist --reseed >"$sandbox_log" 2>&1 &
sandbox_pid=$!
trap 'kill $sandbox_pid 2>/dev/null || true' EXIT
# It listens once the brotli variants of the app's files are made (best quality: seconds).
for _ in $(seq 600); do
  curl -fs "http://127.0.0.1:$port/sandbox/accounts" >/dev/null && break
  sleep 0.2
done
curl -fs "http://127.0.0.1:$port/sandbox/accounts" >/dev/null || { echo "[bench] the sandbox did not start:" >&2; cat "$sandbox_log" >&2; exit 1; }

node bench/bench.mjs --base "http://127.0.0.1:$port" --runs "$runs" --dist dist --out BENCHMARKS.md \
  --lighthouse "$lighthouse_cli" "${only[@]}"
