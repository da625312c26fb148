#!/usr/bin/env bash
# Runs every benchmark of kiosk-bench (what `kioskctl bench` runs) in turn and prints their figures under a header that says what
# machine they come from (docs/benchmarks.md). The outbox is also drained to a reference platform
# over TLS, started here on loopback with a CA of its own, as the demo does. The video call bench
# starts its own platform, kiosk and agent (headless chromium), and ends with an error of its own
# when one of them does not start. Nothing asserts a speed: the figures are for people to read and
# compare.
#
#   packaging/bench.sh            install what is missing, build, then every bench at full size
#   packaging/bench.sh --quick    the already built tree, every bench at a few rounds (a smoke run)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${KIOSK_BUILD_DIR:-$here/build}
kioskctl=$build/app/ctl/kioskctl
bench=$build/bench/kiosk-bench

quick=false
[ "${1:-}" = "--quick" ] && quick=true

if ! $quick; then
  "$here/packaging/deps.sh"
  "$here/packaging/build.sh"
  "$here/packaging/system-bus.sh"   # the print bench's ippeveprinter needs it
fi

scratch=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$scratch"
}
trap cleanup EXIT INT TERM
mkdir -m 700 "$scratch/state" "$scratch/run" && mkdir "$scratch/ca"
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-$scratch/run}

# The reference platform on loopback, HTTPS on a port the kernel picks (read back from its log).
token="BENCH-$(date +%s)"
"$build/refplatform/kiosk-refplatform" --listen 127.0.0.1:0 --tls-port 0 --make-ca "$scratch/ca" \
  --db "$scratch/platform.db" --enroll-token "$token" > "$scratch/platform.log" 2>&1 &
pids+=($!)
for _ in $(seq 100); do grep -q "ready" "$scratch/platform.log" 2>/dev/null && break; sleep 0.1; done
tls_port=$(grep -o 'https://127.0.0.1:[0-9]*' "$scratch/platform.log" | head -1 | cut -d: -f3 || true)
[ -n "$tls_port" ] || { echo "bench: the reference platform did not start:"; cat "$scratch/platform.log"; exit 1; }

config=$scratch/kiosk.ini
"$kioskctl" config example --demo \
  | sed -e "s|^state_dir=.*|state_dir=$scratch/state|" \
        -e "s|^credentials_file=.*|credentials_file=$scratch/state/terminal.json|" \
        -e "s|^key_file=.*|key_file=$scratch/state/outbox.key|" \
        -e "s|^url=.*|url=https://127.0.0.1:$tls_port/terminal/v1|" \
        -e "s|^ca_file=.*|ca_file=$scratch/ca/ca.pem|" \
  > "$config"
"$kioskctl" --config "$config" outbox init-key > /dev/null
"$kioskctl" --config "$config" enroll --token "$token" > /dev/null

echo "== kiosk benchmarks, $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "   commit   $(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo unknown)"
echo "   cpu      $(nproc) x $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "   memory   $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
echo "   load     $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min) before the first bench"
echo "   build    $(grep -m1 '^CMAKE_BUILD_TYPE' "$build/CMakeCache.txt" | cut -d= -f2)"

if $quick; then
  runs=(startup "--runs 1" catalogue "--items 40 --runs 1" idcard "--frames 200 --runs 1 --idle-ms 300" vision "--frames 3" qr "--limit 10"
        outbox "--cases 2 --to-platform" platform "--count 20 --concurrency 2" print "--runs 2" pinyin "--rounds 1"
        videocall "--calls 1 --window 3")
else
  runs=(startup "" catalogue "" idcard "" vision "" qr "" outbox "--to-platform" platform "" platform "--tls" print "" pinyin ""
        videocall "")
fi
failed=0
for ((i = 0; i < ${#runs[@]}; i += 2)); do
  echo
  echo "== kiosk-bench ${runs[i]} ${runs[i + 1]}"
  # shellcheck disable=SC2086  # the options are words
  QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} "$bench" --config "$config" "${runs[i]}" ${runs[i + 1]} \
    || { echo "bench: kiosk-bench ${runs[i]} failed"; failed=1; }
done
exit "$failed"
