#!/usr/bin/env bash
# Regenerates the README's pictures, rendered offscreen under Xvfb from real runs of lesson 7:
#   docs/screenshot.png   the whole window, the playhead inside the blocking stretch;
#   docs/blocking.png and docs/cooperative.png   the same program with its `blocking` knob on and off;
#   docs/lesson07-playback.gif   the presenter layout, the playhead through the whole run (`record`).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="${LOOPSCOPE_BIN:-$root/build/loopscope}"
[ -x "$bin" ] || bash "$root/scripts/build.sh"
# A private config folder: the screenshot never depends on (or changes) the user's settings.
export XDG_CONFIG_HOME="$(mktemp -d)"
trap 'rm -rf "$XDG_CONFIG_HOME"' EXIT
xvfb-run -a "$bin" screenshot -o "$root/docs/screenshot.png" --size 1600x900 \
  --lesson 07 --step 25 --select Task-2 --theme dark --scale 1.0 --frames 12
for mode in blocking cooperative; do
  knob=1; [ "$mode" = cooperative ] && knob=0
  xvfb-run -a "$bin" screenshot -o "$root/docs/$mode.png" --size 1600x900 \
    --lesson 07 --view "knob:blocking=$knob" --at-end --theme light --scale 1.0 --frames 12
done
xvfb-run -a "$bin" record -o "$root/docs/lesson07-playback.gif" --lesson 07 --presenter \
  --size 960x540 --fps 10 --theme dark --scale 1.0
echo "wrote docs/screenshot.png docs/blocking.png docs/cooperative.png docs/lesson07-playback.gif"
