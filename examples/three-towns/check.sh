#!/usr/bin/env bash
# Checks the three-towns example end to end: starts the three nodes on a fresh data directory,
# waits until each answers, then until federation is established (the region lists both members
# and a project of each town; each town shows the other's project and the region's under
# "Aus der Nachbarschaft"; the region attested both towns: their about pages show it and Beispielheim
# shows Musterstadt's town badge), prints what it found, and stops them again. Exit code 0 = all good.
# Needs ports 8081-8083 free (stop a running example first).
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
export THREE_TOWNS_DATA
THREE_TOWNS_DATA=$(mktemp -d "${TMPDIR:-/tmp}/three-towns-check.XXXXXX")
cleanup() {
  "$here/stop.sh" >/dev/null || true
  rm -rf "$THREE_TOWNS_DATA"
}
trap cleanup EXIT

if ! "$here/start.sh" --detach; then
  echo "FAIL: the nodes did not start" >&2
  exit 1
fi

failures=0
# expect <description> <url> <text>...: waits up to 120 s until the page contains every text
# (a text starting with ! must be absent).
expect() {
  local what=$1 url=$2
  shift 2
  local body
  for _ in $(seq 1 120); do
    body=$(curl -sf "$url" || true)
    local all=true
    for text in "$@"; do
      if [[ $text == !* ]]; then
        if grep -qF -- "${text:1}" <<<"$body"; then
          all=false
          break
        fi
      elif ! grep -qF -- "$text" <<<"$body"; then
        all=false
        break
      fi
    done
    if $all; then
      echo "ok   $what"
      return 0
    fi
    sleep 1
  done
  local missing=()
  for text in "$@"; do
    if [[ $text == !* ]]; then
      grep -qF -- "${text:1}" <<<"$body" && missing+=("still shows '${text:1}'")
    elif ! grep -qF -- "$text" <<<"$body"; then
      missing+=("lacks '$text'")
    fi
  done
  echo "FAIL $what ($url: ${missing[*]:-no answer})" >&2
  failures=$((failures + 1))
}

for port in 8081 8082 8083; do
  expect "node on port $port answers and is ready" "http://127.0.0.1:$port/observe/health/ready" '"status":"UP"'
done
expect "WebFinger with host:port handles" \
  "http://127.0.0.1:8081/.well-known/webfinger?resource=acct:musterstadt@127.0.0.1:8081" '"http://127.0.0.1:8081/kommune"'
expect "the region lists both members" "http://127.0.0.1:8083/region/kennzahlen" "Musterstadt" "Beispielheim"
expect "the region lists a project of Musterstadt" "http://127.0.0.1:8083/region?gemeinde=09999001&art=projekt" \
  "Neugestaltung Marktplatz" "Projekt aus Musterstadt"
expect "the region lists a project of Beispielheim" "http://127.0.0.1:8083/region?gemeinde=09999002&art=projekt" \
  "Neues Feuerwehrhaus Beispielheim" "Projekt aus Beispielheim"
expect "the region received both towns' figures" "http://127.0.0.1:8083/region/kennzahlen" \
  'data-figure="proposals"' "!Noch keine Zahlen von dieser Gemeinde"
# The home page lists the six newest projects of all neighbours: the region's two and Musterstadt's four
# newest (its first, "Neugestaltung Marktplatz", is the seventh).
expect "Beispielheim shows Musterstadt's projects and the region's" "http://127.0.0.1:8082/" \
  "Aus der Nachbarschaft" "Bürgerhaushalt 2027" "Radschnellweg Musterstadt–Beispielheim"
expect "Musterstadt shows Beispielheim's projects" "http://127.0.0.1:8081/" \
  "Aus der Nachbarschaft" "Neues Feuerwehrhaus Beispielheim"
expect "Musterstadt's about page shows the region's attestation" "http://127.0.0.1:8081/ueber" \
  "Region Musterkreis bestätigt: Dies ist die offizielle Plattform der Gemeinde Musterstadt (Gemeindeschlüssel 09999001)."
expect "Beispielheim's about page shows the region's attestation" "http://127.0.0.1:8082/ueber" \
  "Region Musterkreis bestätigt: Dies ist die offizielle Plattform der Gemeinde Beispielheim (Gemeindeschlüssel 09999002)."
expect "the region lists both members as confirmed" "http://127.0.0.1:8083/ueber" \
  "Bestätigte Mitgliedskommunen" "!Noch nicht bestätigt"
expect "Beispielheim shows Musterstadt's town badge" "http://127.0.0.1:8082/" "Offizielle Gemeinde"

if [ "$failures" -gt 0 ]; then
  echo "$failures check(s) failed. Logs: $THREE_TOWNS_DATA/<town>/node.log (kept until this script ends)" >&2
  for town in musterstadt beispielheim region; do
    echo "--- $town" >&2
    grep -E "WARNING|SEVERE|follow|Read [0-9]+ earlier" "$THREE_TOWNS_DATA/$town/node.log" | tail -n 15 >&2 || true
  done
  exit 1
fi
echo "All checks passed: the three nodes answer and federate, and the region attests both towns."
