#!/usr/bin/env bash
# The installed app runs from its prefix alone: `cmake --install` into a temporary prefix, then
# `loopscope check` on a few lessons and a screenshot, with nothing from the build tree in reach.
# Usage: installed_app.sh BUILD_DIR
set -euo pipefail
build="$1"
prefix="$(mktemp -d)"
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build" --prefix "$prefix" > "$prefix/install.log"
for f in bin/loopscope share/loopscope/loopscope_runtime.py share/loopscope/loopscope_runtime/__main__.py share/loopscope/assets/themes/dark.toml \
         share/loopscope/lessons/07-blocking-vs-cooperative/lesson.toml share/applications/loopscope.desktop \
         share/icons/hicolor/scalable/apps/loopscope.svg share/icons/hicolor/256x256/apps/loopscope.png; do
  [ -e "$prefix/$f" ] || { echo "not installed: $f"; exit 1; }
done
# The runtime's C accelerator for Debian's interpreter (python3-dev is a build dependency).
tag="$(python3 -c 'import sysconfig; print(sysconfig.get_config_var("EXT_SUFFIX"))')"
[ -e "$prefix/share/loopscope/loopscope_runtime/_accel$tag" ] || { echo "not installed: _accel$tag"; exit 1; }
# Nothing found through the environment: the prefix alone must do.
unset LOOPSCOPE_LESSONS LOOPSCOPE_THEMES
cd "$prefix"
"$prefix/bin/loopscope" check 01 07 13
export XDG_CONFIG_HOME="$prefix/config"
xvfb-run -a "$prefix/bin/loopscope" screenshot --lesson 07 --size 1024x640 --theme projector -o "$prefix/shot.png"
[ -s "$prefix/shot.png" ] || { echo "no screenshot"; exit 1; }
echo "the installed app runs from $prefix"
