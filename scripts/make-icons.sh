#!/usr/bin/env bash
# Renders the app icon (assets/icons/loopscope.svg) to the PNG sizes desktops ask for, into
# assets/icons/<size>/loopscope.png. Needs rsvg-convert (Debian: librsvg2-bin). Run it after
# changing the SVG; the PNGs are committed so that building needs no SVG renderer.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
svg="$root/assets/icons/loopscope.svg"
for size in 16 32 48 64 128 256 512; do
  mkdir -p "$root/assets/icons/$size"
  rsvg-convert -w "$size" -h "$size" "$svg" -o "$root/assets/icons/$size/loopscope.png"
done
echo "icons written to assets/icons/<size>/loopscope.png"
