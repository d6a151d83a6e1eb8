#!/usr/bin/env bash
# Stops the three-towns example and deletes its data: the next start.sh seeds fresh demo towns.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
data=${THREE_TOWNS_DATA:-$here/data}
"$here/stop.sh"
rm -rf "$data"
echo "Deleted $data"
