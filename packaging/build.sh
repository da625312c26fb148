#!/usr/bin/env bash
# Configures and builds the whole tree into build/ (or $KIOSK_BUILD_DIR), with ccache.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${KIOSK_BUILD_DIR:-$here/build}
type=${KIOSK_BUILD_TYPE:-RelWithDebInfo}

# ccache keeps its cache in ~/.cache/ccache, which survives between builds on the same machine;
# with the base directory set, a fresh clone elsewhere (as CI makes) still hits it.
export CCACHE_BASEDIR=$here
export CCACHE_NOHASHDIR=true
ccache --max-size=5G >/dev/null 2>&1 || true

cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE="$type"
cmake --build "$build" -j "$(nproc)"
