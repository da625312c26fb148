#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test through ctest. Needs root on a fresh
# Debian 12 machine (for apt-get); ctest's summary is the last thing it prints.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${KIOSK_BUILD_DIR:-$here/build}

"$here/packaging/deps.sh"
"$here/packaging/build.sh"

# ippeveprinter needs a system bus even with DNS-SD off (docs/debian12-notes); the printing
# tests start their own printers, but the bus is the machine's.
if [ ! -S /run/dbus/system_bus_socket ] && [ "$(id -u)" -eq 0 ]; then
  mkdir -p /run/dbus
  dbus-daemon --system --fork >/dev/null 2>&1 || true
fi

cd "$build"
ctest --output-on-failure --timeout 900 -j "$(nproc)" "$@"
