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
# ctest's verdict ("100% tests passed, 0 tests failed out of N") is repeated as the very last line,
# after its label and time summaries, because that line is what CI reads.
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
ctest --output-on-failure --timeout 900 -j "$(nproc)" "$@" 2>&1 | tee "$log" || status=$?
grep -E '^[0-9]+% tests passed' "$log" | tail -1 || true
exit "$status"
