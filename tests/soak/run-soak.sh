#!/bin/sh
# The long soak: resident sessions through the real QML, offscreen, at nice 10 so that it can
# run beside other work. Samples every EVERY sessions (500 unless told) into OUT/soak.csv and
# draws OUT/soak-rss.png (with gnuplot when it is installed, else the harness draws it with
# QPainter); both are rewritten at every sample, so a run stopped early keeps its figures.
#   tests/soak/run-soak.sh [BUILD_DIR] [OUT_DIR] [SESSIONS]
# Build first: cmake --build BUILD_DIR --target kiosk-soak kiosk-refplatform kioskctl
set -eu
here=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$here/build}
out=${2:-$here/bench/results/soak}
sessions=${3:-10000}
mkdir -p "$out"
export QT_QPA_PLATFORM=offscreen
export KIOSK_SOURCE_DIR="$here" KIOSK_BINARY_DIR="$build"
export KIOSK_REFPLATFORM="$build/refplatform/kiosk-refplatform" KIOSKCTL="$build/app/ctl/kioskctl"
export KIOSK_SCREENSHOT_DIR="${TMPDIR:-/tmp}"
status=0
nice -n 10 "$build/tests/soak/kiosk-soak" --sessions "$sessions" --every "${EVERY:-500}" --out "$out" || status=$?
if command -v gnuplot >/dev/null 2>&1; then
  gnuplot -e "set terminal pngcairo size 960,540; set output '$out/soak-rss.png'; set datafile separator ',';
    set title 'kiosk soak: resident memory over sessions'; set xlabel 'sessions'; set ylabel 'RSS (MiB)'; set key off;
    plot '$out/soak.csv' using 1:(\$2/1024) every ::1 with linespoints"
fi
exit $status
