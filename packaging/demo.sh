#!/usr/bin/env bash
# Installs what is missing, builds, and starts the kiosk demo: the real kiosk with simulated
# devices behind the real drivers and the reference platform on loopback (HTTPS with a CA made
# for the demo), the terminal enrolled with it and its outbox key provisioned. Ctrl-C stops
# everything it started. KIOSK_DEMO_SIZE=WxH sets the window (default 540x960, half a kiosk).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${KIOSK_BUILD_DIR:-$here/build}
demo=$build/demo
kioskctl=$build/app/ctl/kioskctl
platform_port=${KIOSK_DEMO_PLATFORM_PORT:-18443}

"$here/packaging/deps.sh"
"$here/packaging/build.sh"
"$here/packaging/system-bus.sh"   # the simulated printers (ippeveprinter) need it

mkdir -p "$demo/state" "$demo/ca"
chmod 700 "$demo/state"

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT INT TERM

# The reference platform, as a province would run it, on loopback.
token="DEMO-$(date +%s)"
"$build/refplatform/kiosk-refplatform" --listen 127.0.0.1:0 --tls-port "$platform_port" --make-ca "$demo/ca" \
  --db "$demo/platform.db" --enroll-token "$token" --progress-s 30 > "$demo/platform.log" 2>&1 &
pids+=($!)
for _ in $(seq 50); do grep -q "ready" "$demo/platform.log" 2>/dev/null && break; sleep 0.2; done
grep -q "ready" "$demo/platform.log" || { echo "demo: the reference platform did not start:"; cat "$demo/platform.log"; exit 1; }

config=$demo/kiosk.ini
"$kioskctl" config example --demo \
  | sed -e "s|^state_dir=.*|state_dir=$demo/state|" \
        -e "s|^credentials_file=.*|credentials_file=$demo/state/terminal.json|" \
        -e "s|^key_file=.*|key_file=$demo/state/outbox.key|" \
        -e "s|^url=.*|url=https://127.0.0.1:$platform_port/terminal/v1|" \
        -e "s|^ca_file=.*|ca_file=$demo/ca/ca.pem|" \
  > "$config"
"$kioskctl" config check "$config"

# What a technician does once per terminal: the outbox key, then enrolment.
[ -f "$demo/state/outbox.key" ] || "$kioskctl" --config "$config" outbox init-key
"$kioskctl" --config "$config" enroll --token "$token" --force
"$kioskctl" --config "$config" platform ping || true

# The demo's maintenance PIN, named in README.md and docs/maintenance.md. It is the demo's only:
# a production terminal has no PIN until a technician sets one.
demo_pin=246810
printf '%s\n' "$demo_pin" | "$kioskctl" --config "$config" maintenance set-pin >/dev/null

# A display: the machine's own, or a virtual one when there is none (a headless server).
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  export DISPLAY=:77
  Xvfb "$DISPLAY" -screen 0 1080x1920x24 -nolisten tcp >/dev/null 2>&1 &
  pids+=($!)
  sleep 1
  echo "demo: no display here; the kiosk runs on the virtual display $DISPLAY."
  echo "demo: to see a screen: $build/app/kiosk/kiosk --config $config --screen home --screenshot home.png"
fi

cat <<TXT
demo: the kiosk is starting (configuration $demo/kiosk.ini).
demo: present a card with the demo controls (the strip at the bottom of the screen), or from a shell:
        $kioskctl --config $config sim card present resident
        $kioskctl --config $config sim card remove
        $kioskctl --config $config sim fault read_failure      (fault none to clear)
demo: scan a code with the simulated scanner, or hold one (or a photo) before the face camera:
        $kioskctl --config $config sim scan https://zwfw.example.gov.cn/r?id=7
        $kioskctl --config $config sim camera code CASE-340103-0042    (code alone takes it away)
        $kioskctl --config $config sim camera face photo      (face live to go back)
demo: the platform: $kioskctl --config $config platform ping
demo: maintenance: tap the top-left corner five times within three seconds, then the PIN $demo_pin
      (another: $kioskctl --config $config maintenance set-pin; the running kiosk takes it at once)
TXT
"$build/app/kiosk/kiosk" --config "$config" --windowed --size "${KIOSK_DEMO_SIZE:-540x960}" &
pids+=($!)
wait "${pids[-1]}"
