#!/usr/bin/env bash
# Regenerates docs/screenshot.png for the README: lesson 7 (blocking vs cooperative) run live,
# the playhead inside the blocking stretch, rendered offscreen under Xvfb.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="${LOOPSCOPE_BIN:-$root/build/loopscope}"
[ -x "$bin" ] || bash "$root/scripts/build.sh"
# A private config folder: the screenshot never depends on (or changes) the user's settings.
export XDG_CONFIG_HOME="$(mktemp -d)"
trap 'rm -rf "$XDG_CONFIG_HOME"' EXIT
xvfb-run -a "$bin" screenshot -o "$root/docs/screenshot.png" --size 1600x900 \
  --lesson 07 --step 25 --select Task-2 --theme dark --scale 1.0 --frames 12
echo "wrote docs/screenshot.png"
