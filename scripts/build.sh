#!/usr/bin/env bash
# Set-up plus an incremental build of build/loopscope (Release, warnings as errors).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$root/scripts/setup.sh"
jobs="$(nproc 2>/dev/null || echo 2)"
if [ ! -f "$root/build/CMakeCache.txt" ]; then
  cmake -S "$root" -B "$root/build" -DCMAKE_BUILD_TYPE=Release -DLOOPSCOPE_WERROR=ON
fi
cmake --build "$root/build" -j "$jobs"
