#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test through ctest. Needs root on a fresh
# Debian 12 machine (for apt-get); ctest's summary is the last thing it prints.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${KIOSK_BUILD_DIR:-$here/build}

"$here/packaging/deps.sh"
"$here/packaging/build.sh"

# The printing tests start their own ippeveprinter, which needs the machine's system bus.
"$here/packaging/system-bus.sh"

cd "$build"
ctest --output-on-failure --timeout 900 -j "$(nproc)" "$@"
