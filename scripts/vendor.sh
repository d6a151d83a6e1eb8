#!/usr/bin/env bash
# Refreshes the front-end files OffeneKommune ships in the repository, so that neither a build nor
# a running node ever needs npm. Versions are pinned here; run after changing one, review the diff,
# commit. Needs node/npm and access to the npm registry.
set -euo pipefail

KERN_VERSION=2.7.2       # @kern-ux/native: KERN UX design system (EUPL-1.2)
AXE_VERSION=4.14.1       # axe-core: accessibility checks in browser tests (MPL-2.0)
LEAFLET_VERSION=1.9.4    # leaflet: region map (BSD-2-Clause)

root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fetch() { # package version -> unpacked into $work/<name>/package
  local name=$1 version=$2 dir="$work/$(echo "$1" | tr '/@' '__')"
  mkdir -p "$dir"
  (cd "$dir" && npm pack --silent "$name@$version" >/dev/null && tar xzf ./*.tgz)
  echo "$dir/package"
}

# KERN UX: minified CSS, the Fira Sans weights the CSS uses (400, 500, 600 and italics), licence.
kern=$(fetch @kern-ux/native "$KERN_VERSION")
dest="$root/node/src/main/resources/static/vendor/kern"
rm -rf "$dest" && mkdir -p "$dest/fonts/fira-sans"
cp "$kern/dist/kern.min.css" "$dest/"
cp "$kern/LICENSE.md" "$dest/LICENSE.md"
for f in Regular Italic Medium MediumItalic SemiBold SemiBoldItalic Bold BoldItalic; do
  cp "$kern/dist/fonts/fira-sans/FiraSans-$f.woff2" "$dest/fonts/fira-sans/"
done
# Keep only the @font-face rules whose files we ship.
python3 - "$kern/dist/fonts/fira-sans.css" "$dest/fonts/fira-sans.css" "$dest/fonts/fira-sans" <<'PY'
import os, re, sys
src, out, fonts = sys.argv[1:4]
css = open(src, encoding="utf-8").read()
have = set(os.listdir(fonts))
rules = re.findall(r"@font-face\s*\{[^}]*\}", css)
kept = [r for r in rules if re.search(r"fira-sans/([^\")]+\.woff2)", r).group(1) in have]
open(out, "w", encoding="utf-8").write("\n".join(kept) + "\n")
PY
echo "$KERN_VERSION" > "$dest/VERSION"

# axe-core for the accessibility tests (test resources only).
axe=$(fetch axe-core "$AXE_VERSION")
dest="$root/node/src/test/resources/vendor/axe-core"
rm -rf "$dest" && mkdir -p "$dest"
cp "$axe/axe.min.js" "$axe/LICENSE" "$dest/"
echo "$AXE_VERSION" > "$dest/VERSION"

# Leaflet for the region map.
leaflet=$(fetch leaflet "$LEAFLET_VERSION")
dest="$root/node/src/main/resources/static/vendor/leaflet"
rm -rf "$dest" && mkdir -p "$dest/images"
cp "$leaflet/dist/leaflet.js" "$leaflet/dist/leaflet.css" "$leaflet/LICENSE" "$dest/"
cp "$leaflet/dist/images/"*.png "$dest/images/"
echo "$LEAFLET_VERSION" > "$dest/VERSION"

echo "vendored: kern $KERN_VERSION, axe-core $AXE_VERSION, leaflet $LEAFLET_VERSION"
