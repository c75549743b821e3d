#!/usr/bin/env bash
# Renders one screenshot per lesson into docs/lessons/NN-slug.png: the lesson run live under
# Xvfb, the playhead at the step named by lesson.toml's optional `screenshot_step` (else the
# end of the run), the lane named by `screenshot_select` selected.
# Usage: scripts/lesson-screenshots.sh [LESSON-ID-PREFIX...]   (default: every lesson)
# Env: LOOPSCOPE_BIN (default build/loopscope), SIZE (1600x900), THEME (dark), SCALE (1.0),
#      OUT_DIR (docs/lessons).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="${LOOPSCOPE_BIN:-$root/build/loopscope}"
[ -x "$bin" ] || bash "$root/scripts/build.sh"
size="${SIZE:-1600x900}"
theme="${THEME:-dark}"
scale="${SCALE:-1.0}"
out_dir="${OUT_DIR:-$root/docs/lessons}"
mkdir -p "$out_dir"
# A private config folder: the screenshots never depend on (or change) the user's settings.
export XDG_CONFIG_HOME="$(mktemp -d)"
trap 'rm -rf "$XDG_CONFIG_HOME"' EXIT

# The value of a top-level `key = value` line of a TOML file, quotes removed ("" if absent).
toml_value() {
  sed -n "s/^$2[[:space:]]*=[[:space:]]*\"\{0,1\}\([^\"#]*\)\"\{0,1\}.*/\1/p" "$1" | head -n1 | sed 's/[[:space:]]*$//'
}

status=0
for dir in "$root"/lessons/*/; do
  name="$(basename "$dir")"
  if [ $# -gt 0 ]; then
    wanted=0
    for prefix in "$@"; do [[ "$name" == "$prefix"* ]] && wanted=1; done
    [ "$wanted" = 1 ] || continue
  fi
  toml="$dir/lesson.toml"
  [ -f "$toml" ] || continue
  id="$(toml_value "$toml" id)"
  step="$(toml_value "$toml" screenshot_step)"
  select="$(toml_value "$toml" screenshot_select)"
  args=(screenshot --lesson "${id:-$name}" --size "$size" --theme "$theme" --scale "$scale"
        --frames 12 -o "$out_dir/$name.png")
  if [ -n "$step" ]; then args+=(--step "$step"); else args+=(--at-end); fi
  [ -n "$select" ] && args+=(--select "$select")
  if xvfb-run -a "$bin" "${args[@]}"; then
    echo "wrote ${out_dir#"$root"/}/$name.png"
  else
    echo "FAILED: $name" >&2
    status=1
  fi
done
exit $status
