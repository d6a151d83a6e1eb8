#!/usr/bin/env bash
# Stops the three-towns example started with start.sh --detach (or left over). Each node shuts its
# embedded database down cleanly; the data stays (reset.sh deletes it).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
data=${THREE_TOWNS_DATA:-$here/data}
stopped=0
for town in musterstadt beispielheim region; do
  file="$data/$town/node.pid"
  [ -f "$file" ] || continue
  pid=$(cat "$file")
  # Only our own node: the process must be the OffeneKommune jar.
  args=$(ps -p "$pid" -o args= 2>/dev/null || true)
  if [[ $args == *offenekommune-node.jar* ]]; then
    kill -TERM "$pid"
    for _ in $(seq 1 60); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.5
    done
    echo "Stopped $town (pid $pid)"
    stopped=$((stopped + 1))
  fi
  rm -f "$file"
done
[ "$stopped" -gt 0 ] || echo "No node of the example was running."
