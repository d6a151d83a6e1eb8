#!/usr/bin/env bash
# Starts the demo node the way the README says (bin/offenekommune demo) in a scratch directory,
# checks that the home page shows the demo town and health reports UP with the database, then stops
# it with SIGTERM and checks that it shut down cleanly. Then the operator's command on the same
# data directory: the admin CLI lists the demo admin.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
port=${SMOKE_PORT:-18080}
work=$(mktemp -d)
log="$work/node.log"
cleanup() { [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

(cd "$work" && SERVER_PORT=$port exec "$root/bin/offenekommune" demo >"$log" 2>&1) &
pid=$!
for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:$port/observe/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$pid" 2>/dev/null; then cat "$log"; echo "smoke: node exited early" >&2; exit 1; fi
  sleep 1
done
health=$(curl -fsS -H 'Accept: application/json' "http://127.0.0.1:$port/observe/health")
grep -q '"name":"database","status":"UP"' <<<"$health" || { echo "smoke: health: $health" >&2; exit 1; }
home=$(curl -fsS "http://127.0.0.1:$port/")
grep -q "Musterstadt" <<<"$home" || { echo "smoke: home page lacks the demo town" >&2; exit 1; }
kill -TERM "$pid"
wait "$pid" || true
pid=
grep -q "database was shut down cleanly" "$log" || { cat "$log"; echo "smoke: no clean database shutdown" >&2; exit 1; }
staff=$(cd "$work" && "$root/bin/offenekommune" admin list-staff 2>>"$log")
grep -q "^admin	" <<<"$staff" || { cat "$log"; echo "smoke: admin list-staff printed: $staff" >&2; exit 1; }
echo "smoke: demo node started, served Musterstadt, reported UP and stopped cleanly; admin CLI listed its admin"
