#!/usr/bin/env bash
# The README's first command: set up, build, start the GUI (extra arguments go to loopscope).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$root/scripts/build.sh"
exec "$root/build/loopscope" "$@"
