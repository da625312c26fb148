#!/usr/bin/env bash
# ctest's check of packaging/rauc/make-bundle.sh and the A/B slot it builds, without a machine to
# install on (packaging/rauc/test-qemu-update.sh does that in QEMU): a small root file system becomes
# a signed bundle that RAUC accepts under the test CA and refuses under another CA or with its
# signature altered; the slot inside carries the RAUC configuration, the keyring, the units of the
# kiosk's requests and the version; GRUB's A/B script parses. Exit 0 only when every check held.
set -uo pipefail

here=$(dirname "$(realpath "$0")")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
check() {
  local why=$1; shift
  if "$@" > "$work/last.log" 2>&1; then
    echo "ok   $why"
  else
    echo "FAIL $why"; sed 's/^/     /' "$work/last.log" | tail -5
    failures=$((failures + 1))
  fi
}
refuses() { ! "$@"; }

"$here/make-bundle.sh" --make-test-keys "$work/keys" > /dev/null
"$here/make-bundle.sh" --make-test-keys "$work/other-keys" > /dev/null
mkdir -p "$work/tree/etc/kiosk" "$work/tree/etc/systemd/system" "$work/tree/usr/bin" "$work/tree/boot"
echo '#!/bin/sh' > "$work/tree/usr/bin/kiosk"
tar -C "$work/tree" -cf "$work/rootfs.tar" .

check "make-bundle builds a signed bundle" bash -c '"$0" --rootfs "$1" --version 2.0.1 --keys "$2" --out "$3" > "$4"' \
  "$here/make-bundle.sh" "$work/rootfs.tar" "$work/keys" "$work/v2.raucb" "$work/made"
check "make-bundle prints the SHA-256 the update command carries" grep -qx "sha256 $(sha256sum < "$work/v2.raucb" | cut -c1-64)" "$work/made"
rauc info --keyring="$work/keys/ca.cert.pem" --output-format=shell "$work/v2.raucb" > "$work/info" 2>/dev/null
check "RAUC accepts it under the test CA, for the kiosk's compatible" grep -qx "RAUC_MF_COMPATIBLE='$(cat "$here/compatible")'" "$work/info"
check "the bundle carries the version" grep -qx "RAUC_MF_VERSION='2.0.1'" "$work/info"
check "the bundle is a verity bundle" grep -qE '^Bundle Format:[[:space:]]+verity$' <(rauc info --keyring="$work/keys/ca.cert.pem" "$work/v2.raucb" 2>/dev/null)
check "RAUC refuses it under another CA" refuses rauc info --keyring="$work/other-keys/ca.cert.pem" "$work/v2.raucb"
cp "$work/v2.raucb" "$work/altered.raucb"
size=$(stat -c %s "$work/altered.raucb")
# A byte of the CMS signature, which sits before the bundle's last 8 bytes (its length).
printf '\x5a' | dd of="$work/altered.raucb" bs=1 seek=$(( size - 120 )) conv=notrunc status=none
check "RAUC refuses a bundle whose signature was altered" refuses rauc info --keyring="$work/keys/ca.cert.pem" "$work/altered.raucb"
check "make-bundle --fast builds one RAUC accepts, compressed with LZ4" bash -c '"$0" --fast --rootfs "$1" --version 2.0.2 --keys "$2" --out "$3" > /dev/null && rauc info --keyring="$2/ca.cert.pem" "$3" > /dev/null 2>&1 && unsquashfs -s "$3" 2>/dev/null | grep -q "Compression lz4"' \
  "$here/make-bundle.sh" "$work/rootfs.tar" "$work/keys" "$work/fast.raucb"
check "make-bundle refuses to sign without the keys" refuses "$here/make-bundle.sh" --rootfs "$work/rootfs.tar" \
  --version 3 --keys "$work/nothing" --out "$work/v3.raucb"

rauc extract --keyring="$work/keys/ca.cert.pem" "$work/v2.raucb" "$work/extracted" > /dev/null 2>&1
slot=$work/extracted/rootfs.ext4
slotfile() { debugfs -R "cat $1" "$slot" 2>/dev/null; }
check "the slot holds RAUC's system.conf with the GRUB backend" grep -qx 'bootloader=grub' <(slotfile /etc/rauc/system.conf)
check "the slot names both slots by boot name" bash -c '[ "$(grep -cE "^bootname=(A|B)$" "$0")" = 2 ]' <(slotfile /etc/rauc/system.conf)
check "the slot's keyring is the test CA" cmp -s "$work/keys/ca.cert.pem" <(slotfile /etc/rauc/keyring.pem)
check "the slot knows its version" grep -qx '2.0.1' <(slotfile /etc/kiosk/system-version)
check "the slot's kiosk requires its data partition" grep -qx 'Requires=kiosk-state.service' \
  <(slotfile /etc/systemd/system/kiosk.service.d/state-partition.conf)
check "the kiosk's request path unit is enabled" bash -c 'debugfs -R "stat /etc/systemd/system/paths.target.wants/kiosk-system-request.path" "$0" 2>/dev/null | grep -q "Type: symlink"' "$slot"
check "the slot deadline timer is enabled" bash -c 'debugfs -R "stat /etc/systemd/system/timers.target.wants/kiosk-slot-deadline.timer" "$0" 2>/dev/null | grep -q "Type: symlink"' "$slot"
check "the slot carries the data partition's host key setup" bash -c 'debugfs -R "stat /usr/lib/kiosk/kiosk-host-key" "$0" 2>/dev/null | grep -q "Mode:  0755"' "$slot"
check "the slot's own host key is an empty placeholder, 0400" bash -c 'debugfs -R "stat /var/lib/systemd/credential.secret" "$0" 2>/dev/null | grep -q "Mode:  0400" && [ -z "$(debugfs -R "cat /var/lib/systemd/credential.secret" "$0" 2>/dev/null)" ]' "$slot"
check "the slot's fstab names no root device" refuses grep -qE '[[:space:]]/[[:space:]]' <(slotfile /etc/fstab)
check "GRUB boots every slot with the terminal's machine ID, if it is one" bash -c 'grep -q "^load_env .* KIOSK_MACHINE_ID$" "$0" && grep -q "regexp .\^\[0-9a-f\]{32}\$. \"\$KIOSK_MACHINE_ID\"" "$0" && grep -q "^linux .* \$MACHINE$" "$0"' "$here/../image/grub.cfg.in"
check "GRUB's A/B script parses" grub-script-check <(sed 's/@DISK_ID@/6b696f73/g' "$here/../image/grub.cfg.in")
for unit in kiosk-system-request.path kiosk-system-request.service kiosk-slot-check.service kiosk-slot-deadline.service kiosk-slot-deadline.timer; do
  check "$unit is a valid unit" bash -c 'systemd-analyze verify --man=no "$0" 2>&1 | grep -v "Command /usr/lib/kiosk/\|kiosk-state.service\|boot-ab.mount" | { ! grep -q .; }' "$here/$unit"
done

echo "test-bundle: $failures failed"
[ "$failures" -eq 0 ]
