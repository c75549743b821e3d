#!/usr/bin/env bash
# The README's second command: set up, build, run every test (ctest prints the summary last).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$root/scripts/build.sh"
cd "$root/build"
ctest --output-on-failure -j 2 --timeout 600 "$@"
