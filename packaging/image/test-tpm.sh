#!/usr/bin/env bash
# Boots the kiosk image under QEMU with a software TPM 2.0 (swtpm), twice:
#
#   packaging/image/test-tpm.sh --rootfs DIR/kiosk-rootfs.tar [--build BUILD_DIR] [--out DIR] [--kvm]
#
# First on its own TPM: kiosk-state.service makes the state partition LUKS2 bound to the TPM, the
# probe (packaging/image/tpm-probe) provisions an outbox key and terminal credentials,
# kiosk.service seals them to the TPM and the kiosk receives them; then the same disk on a fresh
# TPM, as if moved to another machine: the state partition stays locked, the kiosk does not start,
# and `kioskctl checklist` names what cannot be unsealed. The root file system comes from
# build-image.sh (without --disk is enough); --build puts that build tree's kiosk and kioskctl,
# and this tree's kiosk.service and tmpfiles, over the package's (a branch tested without
# building its package). Needs root, qemu-system-x86, swtpm and swtpm-tools (packaging/deps.sh
# --image-test). Emulates the CPU (TCG) unless --kvm is given: the build machine's nested KVM
# hangs after GRUB (docs/technician.md). Runs on demand, not in CI; exit 0 only when every
# expectation held. The screen of the first boot, taken through QEMU's monitor once the kiosk
# is up, is kept as boot1.log.screen.png to be looked at.
set -euo pipefail

here=$(dirname "$(realpath "$0")")
source_dir=$(realpath "$here/../..")
rootfs=""
build=""
out=$PWD/kiosk-tpm-test
accel=(-accel tcg -cpu max)
while [ $# -gt 0 ]; do
  case "$1" in
    --rootfs) rootfs=$(realpath "$2"); shift 2 ;;
    --build) build=$(realpath "$2"); shift 2 ;;
    --out) out=$(realpath -m "$2"); shift 2 ;;
    --kvm) accel=(-accel kvm); shift ;;
    *) sed -n '2,17p' "$0" >&2; exit 2 ;;
  esac
done
[ -f "$rootfs" ] || { echo "test-tpm: --rootfs FILE.tar (packaging/image/build-image.sh makes it)" >&2; exit 2; }
for tool in qemu-system-x86_64 swtpm swtpm_setup; do
  command -v "$tool" >/dev/null || { echo "test-tpm: $tool is missing (packaging/deps.sh --image-test)" >&2; exit 2; }
done
started=$(date +%s)
rm -rf "$out"
mkdir -p "$out/overlay"

# The probe, started once the kiosk's units have had their turn.
overlay=$out/overlay
install -D -m 0755 "$here/tpm-probe" "$overlay/usr/lib/kiosk/tpm-probe"
mkdir -p "$overlay/etc/systemd/system/multi-user.target.wants"
cat > "$overlay/etc/systemd/system/kiosk-tpm-probe.service" <<'UNIT'
[Unit]
Description=test-tpm.sh's probe
After=kiosk-state.service kiosk.service cryptsetup.target local-fs.target
[Service]
Type=oneshot
ExecStart=/usr/lib/kiosk/tpm-probe
[Install]
WantedBy=multi-user.target
UNIT
ln -s ../kiosk-tpm-probe.service "$overlay/etc/systemd/system/multi-user.target.wants/kiosk-tpm-probe.service"
# No login prompt on the serial console to break the probe's lines.
ln -s /dev/null "$overlay/etc/systemd/system/serial-getty@ttyS0.service"
if [ -n "$build" ]; then
  install -D -m 0755 "$build/app/kiosk/kiosk" "$overlay/usr/bin/kiosk" 2>/dev/null || install -D -m 0755 "$(find "$build" -maxdepth 3 -type f -name kiosk -perm -u+x | head -1)" "$overlay/usr/bin/kiosk"
  install -D -m 0755 "$(find "$build" -maxdepth 3 -type f -name kioskctl -perm -u+x | head -1)" "$overlay/usr/bin/kioskctl"
  install -D -m 0644 "$source_dir/packaging/systemd/kiosk.service" "$overlay/lib/systemd/system/kiosk.service"
  install -D -m 0644 "$source_dir/packaging/tmpfiles/kiosk.conf" "$overlay/usr/lib/tmpfiles.d/kiosk.conf"
  strip "$overlay/usr/bin/kiosk" "$overlay/usr/bin/kioskctl"
fi
# A 6 GiB disk: GRUB's partition, two slots of the root file system and a 256 MiB data partition,
# with a test keyring for RAUC (no bundle is installed here; packaging/rauc/test-qemu-update.sh does that).
"$here/../rauc/make-bundle.sh" --make-test-keys "$out/keys" > /dev/null
"$here/build-image.sh" --rootfs "$rootfs" --disk --size 6G --state-size 256M --overlay "$overlay" --keyring "$out/keys/ca.cert.pem" --out "$out" | tail -1
disk=$out/kiosk-disk.img

# One boot of the disk on the TPM whose state is in $1; the serial console goes to $2.
boot() {
  local tpm=$1 log=$2
  mkdir -p "$tpm"
  [ -f "$tpm/tpm2-00.permall" ] || swtpm_setup --tpm2 --tpmstate "$tpm" --createek --create-ek-cert --create-platform-cert \
      --lock-nvram --not-overwrite > "$tpm.setup.log" 2>&1
  swtpm socket --tpm2 --tpmstate dir="$tpm" --ctrl type=unixio,path="$tpm.sock" --terminate --log file="$tpm.log" &
  local swtpm_pid=$!
  for _ in $(seq 50); do [ -S "$tpm.sock" ] && break; sleep 0.1; done
  local t0
  t0=$(date +%s)
  # When the probe says the screen is ready, QEMU's monitor dumps what the terminal shows.
  ( for _ in $(seq 1800); do
      grep -qa 'PROBE screen=ready' "$log" 2>/dev/null && break
      sleep 1
    done
    python3 - "$tpm.mon" "$log.screen.ppm" <<'PY' || true
import socket, sys, time
s = socket.socket(socket.AF_UNIX)
s.connect(sys.argv[1])
s.sendall(f"screendump {sys.argv[2]}\n".encode())
time.sleep(3)
s.close()
PY
  ) &
  local watcher=$!
  # virtio-gpu, not the standard VGA: cage's wlroots 0.15 needs a DRM device with PRIME import,
  # which bochs-drm lacks ("PRIME import not supported", then the kiosk restarts for ever).
  timeout 1800 nice -n 15 qemu-system-x86_64 "${accel[@]}" -smp 1 -m 2048 -no-reboot \
    -drive file="$disk",format=raw,if=virtio -nic none -vga none -device virtio-gpu-pci -display none \
    -chardev socket,id=chrtpm,path="$tpm.sock" -tpmdev emulator,id=tpm0,chardev=chrtpm -device tpm-tis,tpmdev=tpm0 \
    -serial file:"$log" -monitor unix:"$tpm.mon",server=on,wait=off || true
  kill "$watcher" 2>/dev/null || true
  wait "$watcher" 2>/dev/null || true
  if [ -f "$log.screen.ppm" ]; then
    # QEMU dumps a binary PPM (P6); PNG is what image viewers show.
    "$here/ppm-to-png" "$log.screen.ppm" "$log.screen.png" && echo "test-tpm: the screen at the probe: $log.screen.png"
  fi
  kill "$swtpm_pid" 2>/dev/null || true
  wait "$swtpm_pid" 2>/dev/null || true
  echo "test-tpm: $(basename "$log") took $(( $(date +%s) - t0 )) s (${accel[*]})"
  grep -ao 'PROBE .*' "$log" | sed 's/\r$//' > "$log.probe" || true
  cat "$log.probe"
}

failures=0
expect() {
  local log=$1 pattern=$2 why=$3
  if grep -qaE "$pattern" "$log"; then
    echo "ok   $why"
  else
    echo "FAIL $why (no line matching: $pattern)"
    failures=$((failures + 1))
  fi
}

echo "== boot 1: the terminal's own TPM"
boot "$out/tpm-own" "$out/boot1.log"
p=$out/boot1.log.probe
expect "$p" '^PROBE tpm=2$' "the guest sees a TPM 2.0"
expect "$p" '^PROBE state-record=tpm2$' "first boot made the state partition LUKS2 bound to the TPM"
expect "$p" '^PROBE state-mount=/dev/mapper/kiosk-state(\[/state\])?$' "/var/lib/kiosk is the unlocked LUKS2 volume (the data partition's state/)"
expect "$p" '^PROBE state-luks-tpm2-tokens=1$' "the volume has a systemd-tpm2 token"
expect "$p" '^PROBE state-luks-keyslots=1$' "the formatting passphrase was wiped: the TPM is the only key"
expect "$p" '^PROBE plain-files-left=0$' "no plain secret is left after sealing"
expect "$p" '^PROBE sealed-with=host\+tpm2$' "the secrets were sealed with the TPM and the host key"
expect "$p" '^PROBE kiosk-got-outbox-key=yes$' "kiosk.service unsealed the outbox key for the kiosk"
expect "$p" '^PROBE kiosk=active$' "the hardened kiosk.service runs cage and the kiosk (Type=notify: its first frame was shown)"
expect "$p" '^PROBE kiosk-status=Serving: the first frame is on the screen$' "the kiosk said READY=1 after its first frame"
expect "$p" '^PROBE kiosk-restarts=0$' "the kiosk was not restarted (no system call or device the unit denies)"
expect "$p" '^PROBE cage=running kiosk-process=running$' "cage and the kiosk run under the unit's sandbox"
expect "$p" '^PROBE checklist: \[ok\] +secrets_sealed.*sealed to this machine.s TPM.*state partition encrypted' "the checklist is green on the TPM"

echo "== boot 2: the same disk on a fresh TPM"
boot "$out/tpm-fresh" "$out/boot2.log"
p=$out/boot2.log.probe
expect "$p" '^PROBE stage=2$' "the second boot ran the probe"
expect "$p" '^PROBE state-mount=(not-mounted|/dev/vda[23])$' "the state partition did not open on another TPM"
expect "$p" '^PROBE kiosk=(inactive|failed)$' "the kiosk did not start on the root file system's empty state directory"
expect "$p" '^PROBE checklist: \[FAIL\] +secrets_sealed.*state partition' "the checklist is red and names the state partition"
expect "$p" '^PROBE moved-checklist: \[FAIL\] +secrets_sealed +outbox.key, terminal.json sealed but cannot be unsealed' \
  "the sealed secrets, read on another TPM, are refused by name"

echo "test-tpm: $(( $(date +%s) - started )) s in all, $failures failed"
[ "$failures" -eq 0 ]
