#!/usr/bin/env bash
# Regenerates the README's pictures, rendered offscreen under Xvfb from real runs of lesson 7:
#   docs/screenshot.png   the whole window, the playhead inside the blocking stretch;
#   docs/compare.png      the timeline of the program with its `blocking` knob on, pinned above
#                         the same program with it off: one picture on one time axis;
#   docs/classroom.png    the presenter layout at 1280x720 and 200%, a "which task runs next?"
#                         question answered;
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
xvfb-run -a "$bin" screenshot -o "$root/docs/compare.png" --size 1400x900 --timeline \
  --lesson 07 --compare knob:blocking=0 --theme light --scale 1.0
xvfb-run -a "$bin" screenshot -o "$root/docs/classroom.png" --size 1280x720 --presenter --scale 2 \
  --lesson 07 --view quiz,quiz-answer:ticker --theme projector --frames 12
xvfb-run -a "$bin" record -o "$root/docs/lesson07-playback.gif" --lesson 07 --presenter \
  --size 960x540 --fps 10 --theme dark --scale 1.0
echo "wrote docs/screenshot.png docs/compare.png docs/classroom.png docs/lesson07-playback.gif"
