#!/usr/bin/env bash
# The README's "Call the sample API locally", automated: serves the synthesized sample (cdk.out,
# from the README's synth command) with the README's command, and calls it as the README does: the
# health route, a JWT route with a token from the development issuer, the same route without one,
# and a database route (the embedded PostgreSQL, or a clear 5xx naming --database-url where it
# cannot start). What the gateway needs at run time, beyond the tests' classpath, is exercised
# here. Run by .ci/run after the synth command.
set -euo pipefail
cd "$(dirname "$0")/.."
test -s cdk.out/GatehouseSample.template.json || { echo "run the synth command first (npx cdk synth)"; exit 1; }
PORT=${GATEHOUSE_SERVE_CHECK_PORT:-3900}
ISSUER_PORT=$((PORT + 1))
LOG=$(mktemp)
./mvnw -q -B -DskipTests -pl local -am verify -Pserve -Dlocal.args="--port $PORT" > "$LOG" 2>&1 &
SERVER=$!
stop() {
  pkill -P "$SERVER" 2>/dev/null || true
  pkill -f "dev.gatehouse.local.Main.*--port $PORT" 2>/dev/null || true
  kill "$SERVER" 2>/dev/null || true
}
trap 'stop; rm -f "$LOG"' EXIT

for _ in $(seq 1 300); do
  curl -s -o /dev/null "localhost:$PORT/health" && break
  if ! kill -0 "$SERVER" 2>/dev/null; then cat "$LOG"; echo "the local gateway did not start"; exit 1; fi
  sleep 1
done

expect() { # expect STATUS DESCRIPTION curl-args...
  local want=$1 what=$2; shift 2
  local got
  got=$(curl -s -o /tmp/serve-check-body -w '%{http_code}' "$@")
  if [[ ! "$got" =~ ^($want)$ ]]; then
    echo "FAILED: $what answered $got, expected $want: $(head -c 500 /tmp/serve-check-body)"
    cat "$LOG"
    exit 1
  fi
  echo "ok: $what -> $got $(head -c 120 /tmp/serve-check-body)"
}

expect 200 "GET /health" "localhost:$PORT/health"
TOKEN=$(curl -s "http://127.0.0.1:$ISSUER_PORT/token?scope=orders:read")
expect 200 "GET /whoami with a token" -H "Authorization: Bearer $TOKEN" "localhost:$PORT/whoami"
expect 401 "GET /whoami without a token" "localhost:$PORT/whoami"
# a database route: 200 from the embedded PostgreSQL, or a 5xx that says why (never an empty reply)
expect '200|5[0-9][0-9]' "GET /orders (database)" -H "Authorization: Bearer $TOKEN" "localhost:$PORT/orders"
if [[ ! -s /tmp/serve-check-body ]]; then echo "FAILED: GET /orders answered an empty body"; cat "$LOG"; exit 1; fi
echo "serve check passed"
