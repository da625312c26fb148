#!/usr/bin/env bash
# Installs what is missing, builds, and starts the kiosk demo: the real kiosk with simulated
# devices behind the real drivers, the reference platform on loopback and a local IPP printer,
# where those parts are built. Ctrl-C stops everything it started.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${KIOSK_BUILD_DIR:-$here/build}
demo=$build/demo

"$here/packaging/deps.sh"
"$here/packaging/build.sh"

mkdir -p "$demo/state"
chmod 700 "$demo/state"
config=$demo/kiosk.ini
"$build/app/ctl/kioskctl" config example \
  | sed -e "s|^state_dir=.*|state_dir=$demo/state|" \
        -e "s|^credentials_file=.*|credentials_file=$demo/state/terminal.json|" \
  > "$config"
"$build/app/ctl/kioskctl" config check "$config"

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT INT TERM

# A display: the machine's own, or a virtual one when there is none (a headless server).
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  export DISPLAY=:77
  Xvfb "$DISPLAY" -screen 0 1080x1920x24 -nolisten tcp >/dev/null 2>&1 &
  pids+=($!)
  sleep 1
  echo "demo: no display here; the kiosk runs on the virtual display $DISPLAY."
  echo "demo: to see a screen: $build/app/kiosk/kiosk --config $config --screen home --screenshot home.png"
fi

echo "demo: configuration $config"
echo "demo: kioskctl: $build/app/ctl/kioskctl --config $config help"
"$build/app/kiosk/kiosk" --config "$config" --windowed --size "${KIOSK_DEMO_SIZE:-540x960}" &
pids+=($!)
wait "${pids[-1]}"
