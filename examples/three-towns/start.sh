#!/usr/bin/env bash
# Starts the three-towns example: Musterstadt (http://127.0.0.1:8081), Beispielheim (:8082) and
# Region Musterkreis (:8083), each with its own embedded PostgreSQL under data/<town> and its demo
# content, following each other. Builds the node first if needed (through bin/offenekommune, which
# also finds a JDK 21+). Runs until Ctrl-C, then stops all three.
#   examples/three-towns/start.sh             start, print URLs and logins, wait for Ctrl-C
#   examples/three-towns/start.sh --detach    start and return; stop later with stop.sh
# THREE_TOWNS_DATA=/some/dir puts the data elsewhere (check.sh uses a fresh directory).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
data=${THREE_TOWNS_DATA:-$here/data}
detach=false
case "${1:-}" in
  --detach) detach=true ;;
  "") ;;
  *) echo "usage: $0 [--detach]" >&2; exit 2 ;;
esac

towns=(musterstadt beispielheim region)
names=("Musterstadt" "Beispielheim" "Region Musterkreis")
ports=(8081 8082 8083)
pids=()

for port in "${ports[@]}"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "Port $port is in use. Is the example already running? Stop it with $here/stop.sh" >&2
    exit 1
  fi
done

stop_all() {
  trap - INT TERM
  echo
  echo "Stopping the three nodes ..."
  for pid in "${pids[@]}"; do
    kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  for town in "${towns[@]}"; do
    rm -f "$data/$town/node.pid"
  done
  echo "Stopped. The data stays in $data (reset.sh deletes it)."
}

start_node() {
  local town=$1
  mkdir -p "$data/$town"
  # exec in bin/offenekommune: the PID is the node's own Java process.
  NODE_DATA_dash_DIR="$data/$town" JDK_JAVA_OPTIONS="${JDK_JAVA_OPTIONS:--Xmx384m}" \
    "$root/bin/offenekommune" start --config "$here/$town.yaml" >"$data/$town/node.log" 2>&1 &
  local pid=$!
  pids+=("$pid")
  echo "$pid" >"$data/$town/node.pid"
}

wait_ready() {
  local town=$1 port=$2 pid=$3 seconds=$4
  for ((i = 0; i < seconds; i++)); do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "$town did not start; the end of its log ($data/$town/node.log):" >&2
      tail -n 30 "$data/$town/node.log" >&2
      return 1
    fi
    if curl -sf -o /dev/null "http://127.0.0.1:$port/observe/health/ready"; then
      return 0
    fi
    sleep 1
  done
  echo "$town is not ready after $seconds s; see $data/$town/node.log" >&2
  return 1
}

trap 'stop_all; exit 130' INT TERM
echo "Starting Musterstadt (the first start builds the node and takes a few minutes) ..."
start_node musterstadt
wait_ready Musterstadt 8081 "${pids[0]}" 900 || { stop_all; exit 1; }
echo "Starting Beispielheim and Region Musterkreis ..."
start_node beispielheim
start_node region
wait_ready Beispielheim 8082 "${pids[1]}" 180 || { stop_all; exit 1; }
wait_ready "Region Musterkreis" 8083 "${pids[2]}" 180 || { stop_all; exit 1; }

echo
echo "  Three OffeneKommune nodes are running on 127.0.0.1:"
for i in 0 1 2; do
  printf '    %-20s http://127.0.0.1:%s/\n' "${names[$i]}" "${ports[$i]}"
done
echo "    Regional overview    http://127.0.0.1:8083/region   (map: /region/karte, figures: /region/kennzahlen)"
echo
echo "  Demo logins (password of staff and citizens: musterstadt-demo; admin passwords are random):"
for i in 0 1 2; do
  file="$data/${towns[$i]}/demo-admin.txt"
  if [ -f "$file" ]; then
    echo "    ${names[$i]}:"
    tail -n +2 "$file" | sed 's/^/      /'
  fi
done
echo
echo "  They follow each other within a few seconds. What to click: $here/README.md"
echo "  Logs: $data/<town>/node.log"
if $detach; then
  trap - INT TERM
  echo "  Stop them with $here/stop.sh"
  exit 0
fi
echo "  Stop all three with Ctrl-C."
while true; do
  for i in 0 1 2; do
    if ! kill -0 "${pids[$i]}" 2>/dev/null; then
      echo "${names[$i]} stopped unexpectedly; see $data/${towns[$i]}/node.log" >&2
      stop_all
      exit 1
    fi
  done
  sleep 2
done
