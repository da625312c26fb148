#!/usr/bin/env bash
# The A/B update of docs/fleet.md, for real, in one QEMU machine that keeps running across its
# restarts (so GRUB's tries are counted as on a terminal):
#
#   packaging/rauc/test-qemu-update.sh --rootfs DIR/kiosk-rootfs.tar --refplatform BUILD/refplatform/kiosk-refplatform
#                                      [--deb kiosk_X_amd64.deb] [--out DIR] [--deadline S] [--broken-deadline S]
#                                      [--tcg] [--reuse] [--from v2|v3|deliver|refuse]
#
# The image (packaging/image/build-image.sh) is version 1.0.0 in slot A; make-bundle.sh builds
# 2.0.0 and a broken 3.0.0, whose kiosk exits before its first frame, from the same root file
# system (and --deb's package), signed under a test CA made here (LZ4: make-bundle.sh --fast). The reference platform runs on
# this machine and the guest reaches it at 10.0.2.2 (QEMU's user network) over HTTPS under a test
# CA made here, which the test image trusts; the bundles are served over HTTPS beside it.
#   1. v1 boots; a technician enrols it and files two cases while the platform refuses cases (503),
#      so they stay queued in the outbox on the data partition.
#   2. The heartbeat's `update` command brings 2.0.0: the kiosk downloads it, checks its hash, has
#      root's kiosk-system-request run `rauc install`, restarts; slot B boots, the kiosk serves and
#      slot B is marked good: `installed`.
#   3. `update` to 3.0.0: installed into slot A, which never serves; kiosk-slot-deadline restarts
#      it after --broken-deadline seconds (default 120) and after three tries GRUB boots slot B again
#      by itself: `rolled_back`, on 2.0.0.
# The slots that must serve (v1, v2) have --deadline seconds (default 900; a terminal's is 10
# minutes): an emulated CPU on a busy machine takes minutes to boot. The deadline is the slot's
# own (a drop-in carried by each bundle), so the broken one can have a short one.
#   4. The platform takes cases again, and the two queued before the updates are delivered.
#   5. An update whose bundle RAUC refuses (the right SHA-256, but no bundle) is reported failed, and
#      so is one whose bundle has another SHA-256 than the command's (the kiosk's own check).
# Needs root, qemu-system-x86_64, rauc, mksquashfs, mkfs.ext4, openssl, ssh, curl, jq and python3;
# KVM (/dev/kvm) unless --tcg (the build machine's nested KVM hangs in GRUB: docs/fleet.md; --tcg
# also turns the kiosk's frame watchdog off in the test image, which an emulated CPU trips). Takes
# most of an hour: run on demand, not in ctest. --reuse takes the keys, overlays, disk image and
# bundles that an earlier run left in --out before its machine started, instead of building them.
# --from STEP goes on from a step (2 v2, 3 v3, 4 deliver, 5 refuse) with the disk image as the
# earlier run left it: the machine boots it again, the platform restarts on its database and
# ports ($out/ports), the terminal and its queued cases are those of $out/enroll.log and queued.log,
# and the steps before STEP are not run (it implies --reuse; each run's console is kept).
# Writes its log, the serial console, the times of each step ($out/times) and the screen after
# the rollback ($out/screen-after-rollback.png) to --out. Exit 0 only when every expectation held.
set -euo pipefail

here=$(dirname "$(realpath "$0")")
rootfs="" deb="" refplatform="" out=$PWD/kiosk-update-test deadline=900 broken_deadline=120 boot_limit=900 reuse=false emulated=false from=v1
# The default CPU model: `-cpu host` asks for MSRs a nested hypervisor may refuse.
accel=(-accel kvm)
while [ $# -gt 0 ]; do
  case "$1" in
    --rootfs) rootfs=$(realpath "$2"); shift 2 ;;
    --deb) deb=$(realpath "$2"); shift 2 ;;
    --refplatform) refplatform=$(realpath "$2"); shift 2 ;;
    --out) out=$(realpath -m "$2"); shift 2 ;;
    --deadline) deadline=$2; shift 2 ;;
    --broken-deadline) broken_deadline=$2; shift 2 ;;
    --tcg) accel=(-accel tcg,thread=multi -cpu max); boot_limit=1800; emulated=true; shift ;;
    --reuse) reuse=true; shift ;;
    --from) from=$2; reuse=true; shift 2 ;;
    *) sed -n '2,36p' "$0" >&2; exit 2 ;;
  esac
done
[ -f "$rootfs" ] || { echo "test-qemu-update: --rootfs FILE.tar (packaging/image/build-image.sh makes it)" >&2; exit 2; }
[ -x "$refplatform" ] || { echo "test-qemu-update: --refplatform BIN (the build tree's refplatform/kiosk-refplatform)" >&2; exit 2; }
for tool in qemu-system-x86_64 rauc mksquashfs mkfs.ext4 openssl ssh ssh-keygen curl jq python3; do
  command -v "$tool" >/dev/null || { echo "test-qemu-update: $tool is missing" >&2; exit 2; }
done
[ "$(id -u)" -eq 0 ] || { echo "test-qemu-update: needs root (the image and bundles are built as root)" >&2; exit 2; }
steps=(v1 v2 v3 deliver refuse)
from_index=-1
for i in "${!steps[@]}"; do [ "${steps[$i]}" = "$from" ] && from_index=$i; done
[ "$from_index" -ge 0 ] || { echo "test-qemu-update: --from v2|v3|deliver|refuse" >&2; exit 2; }
# True when step $1 is to be run: it is --from's step or a later one.
runs() { local i; for i in "${!steps[@]}"; do [ "${steps[$i]}" = "$1" ] && [ "$i" -ge "$from_index" ] && return 0; done; return 1; }

$reuse || rm -rf "$out"
mkdir -p "$out"
started=$(date +%s)
step_started=$started
# Each step's time, for docs/fleet.md.
step() {
  local now
  now=$(date +%s)
  printf '%-52s %5d s  (at %5d s)\n' "$1" $(( now - step_started )) $(( now - started )) | tee -a "$out/times"
  step_started=$now
}
failures=0
expect() {
  local why=$1; shift
  if "$@" > "$out/last-check.log" 2>&1; then
    echo "ok   $why"
  else
    echo "FAIL $why"; sed 's/^/     /' "$out/last-check.log" | tail -5
    failures=$((failures + 1))
  fi
}
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT

tls=$out/platform-tls
build() {
# --- Keys: RAUC's test CA and signer, the platform's test CA and server certificate (valid for
# 10.0.2.2, the host as the guest sees it), and the key the script logs in with.
"$here/make-bundle.sh" --make-test-keys "$out/rauc-keys" > /dev/null
mkdir -p "$tls"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 30 \
  -subj "/O=Kiosk test/CN=Kiosk QEMU update test platform CA" \
  -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign \
  -keyout "$tls/ca-key.pem" -out "$tls/ca.pem" 2>/dev/null
openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -subj "/O=Kiosk test/CN=10.0.2.2" \
  -keyout "$tls/server-key.pem" -out "$tls/server.csr" 2>/dev/null
openssl x509 -req -in "$tls/server.csr" -CA "$tls/ca.pem" -CAkey "$tls/ca-key.pem" -CAcreateserial -days 30 \
  -extfile <(printf 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\nsubjectAltName=IP:10.0.2.2,IP:127.0.0.1,DNS:localhost\n') \
  -out "$tls/server.pem" 2>/dev/null
mkdir -p "$out/ssh"
ssh-keygen -q -t ed25519 -N '' -f "$out/ssh/id" -C kiosk-update-test

# --- What the test adds to every slot (never to a terminal's image): the login key, trust in the
# test platform's CA, a deadline of --deadline seconds for a new slot, and a line on the serial
# console at every boot naming the slot, its version and GRUB's tries, written as soon as GRUB's
# partition is mounted (before the deadline can restart a broken slot).
common=$out/overlay-common
install -D -m 0600 "$out/ssh/id.pub" "$common/root/.ssh/authorized_keys"
chmod 0700 "$common/root/.ssh"
install -D -m 0644 "$tls/ca.pem" "$common/etc/kiosk-test/platform-ca.pem"
# The bundle comes from a download server, which the kiosk checks against the system's CAs.
install -D -m 0644 "$tls/ca.pem" "$common/usr/local/share/ca-certificates/kiosk-test-platform.crt"
install -D -m 0644 "$tls/ca.pem" "$common/etc/ssl/certs/$(openssl x509 -hash -noout -in "$tls/ca.pem").0"
tar -xOf "$rootfs" ./etc/ssl/certs/ca-certificates.crt > "$common/etc/ssl/certs/ca-certificates.crt"
cat "$tls/ca.pem" >> "$common/etc/ssl/certs/ca-certificates.crt"
mkdir -p "$common/etc/systemd/system/kiosk-slot-deadline.timer.d"
printf '[Timer]\nOnBootSec=\nOnBootSec=%ss\n' "$deadline" > "$common/etc/systemd/system/kiosk-slot-deadline.timer.d/test.conf"
cat > "$common/etc/systemd/system/kiosk-test-bootmark.service" <<'UNIT'
[Unit]
Description=test-qemu-update.sh: name the booted slot on the serial console
DefaultDependencies=no
RequiresMountsFor=/boot/ab
Before=sysinit.target kiosk-slot-check.service kiosk-slot-deadline.service
[Service]
Type=oneshot
ExecStart=/bin/sh -c 'echo "BOOTMARK slot=$(sed -n "s/.*rauc\\.slot=\\([^ ]*\\).*/\\1/p" /proc/cmdline) version=$(cat /etc/kiosk/system-version) grubenv=$(grub-editenv /boot/ab/grub/grubenv list | tr "\\n" " ")" > /dev/ttyS0'
[Install]
WantedBy=sysinit.target
UNIT
mkdir -p "$common/etc/systemd/system/sysinit.target.wants"
ln -s ../kiosk-test-bootmark.service "$common/etc/systemd/system/sysinit.target.wants/kiosk-test-bootmark.service"
ln -s /dev/null "$common/etc/systemd/system/serial-getty@ttyS0.service"
if $emulated; then
  # An emulated CPU on a shared machine draws a frame less often than every 15 s, and the kiosk's
  # watchdog (kiosk.service's WatchdogSec=30s, pinged only while frames reach the screen) then
  # restarts it. The bundle's download and hash no longer hold the GUI thread (BundleSink), but
  # an idle v1 on TCG was still restarted every 70 to 90 s (docs/fleet.md), so under --tcg only
  # the test image lets it be. The drop-in is in the overlays and so in the bundles: --reuse
  # needs overlays and bundles made by this version of the script.
  mkdir -p "$common/etc/systemd/system/kiosk.service.d"
  printf '[Service]\nWatchdogSec=0\n' > "$common/etc/systemd/system/kiosk.service.d/test-watchdog.conf"
fi

v1=$out/overlay-v1
cp -a "$common" "$v1"
mkdir -p "$v1/etc/kiosk"
echo 1.0.0 > "$v1/etc/kiosk/system-version"
# v3's kiosk exits before it shows a frame: cage ends with it, kiosk.service restarts it for ever,
# READY=1 never comes and the slot is never marked good.
v3=$out/overlay-v3
cp -a "$common" "$v3"
printf '[Timer]\nOnBootSec=\nOnBootSec=%ss\n' "$broken_deadline" > "$v3/etc/systemd/system/kiosk-slot-deadline.timer.d/test.conf"
install -D -m 0755 /dev/stdin "$v3/usr/bin/kiosk" <<'BROKEN'
#!/bin/sh
echo "kiosk 3.0.0 (test-qemu-update.sh's broken build): exits before its first frame" >&2
exit 1
BROKEN
step "keys and overlays"

# --- The image (v1) and the bundles (v2, v3).
nice -n 10 "$here/../image/build-image.sh" --rootfs "$rootfs" --disk --size 10G --state-size 2G \
  --overlay "$v1" --keyring "$out/rauc-keys/ca.cert.pem" --out "$out" | tail -1
step "A/B disk image v1.0.0 (10 GiB, sparse)"
mkdir -p "$out/www"
debargs=()
[ -n "$deb" ] && debargs=(--deb "$deb")
# The bundles are made while the machine boots v1 and is provisioned: bundle_sha waits for each
# (vN.made holds make-bundle.sh's output, its SHA-256 last, or "failed").
(
  for v in 2 3; do
    overlay=$common
    [ "$v" = 3 ] && overlay=$v3
    t0=$(date +%s)
    if nice -n 10 "$here/make-bundle.sh" --fast --rootfs "$rootfs" "${debargs[@]}" --overlay "$overlay" --version "$v.0.0" \
         --keys "$out/rauc-keys" --out "$out/www/kiosk-$v.0.0.raucb" > "$out/v$v.log" 2>&1; then
      cp "$out/v$v.log" "$out/v$v.made"
    else
      echo failed >> "$out/v$v.log"; cp "$out/v$v.log" "$out/v$v.made"
    fi
    printf '%-52s %5d s  (made beside the machine)\n' "bundle $v.0.0" $(( $(date +%s) - t0 )) >> "$out/times"
  done
) &
pids+=($!)
}
if $reuse; then
  # The bundles may still be in the making (make-bundle.sh's output, vN.made, says when they are
  # done): the machine boots v1 meanwhile.
  for f in kiosk-disk.img ssh/id platform-tls/server.pem; do
    [ -s "$out/$f" ] || { echo "test-qemu-update: --reuse: $out/$f is missing" >&2; exit 2; }
  done
  # Each run's console is kept: serial.log is this run's.
  [ -f "$out/serial.log" ] && mv "$out/serial.log" "$out/serial-$(date +%s).log"
  echo "test-qemu-update: reusing the image and bundles in $out (from step $from)" | tee -a "$out/times"
else
  build
fi
# Not a bundle, but with the SHA-256 the command names: the kiosk's check passes and RAUC refuses.
head -c 65536 /dev/urandom > "$out/www/not-a-bundle.raucb"
sha_junk=$(sha256sum < "$out/www/not-a-bundle.raucb" | cut -c1-64)

# --- The platform and the download server, on this machine's loopback (10.0.2.2 in the guest).
# A run that goes on from a step keeps the ports: the guest's configuration names the platform's.
if [ "$from" != v1 ] && [ -s "$out/ports" ]; then
  read -r http_port tls_port www_port < "$out/ports"
else
  http_port=$(free_port)
  tls_port=$(free_port)
  www_port=$(free_port)
  echo "$http_port $tls_port $www_port" > "$out/ports"
fi
"$refplatform" --listen "127.0.0.1:$http_port" --tls-port "$tls_port" --tls-cert "$tls/server.pem" --tls-key "$tls/server-key.pem" \
  --db "$out/platform.sqlite" --enroll-token qemu-update-1 --progress-s 5 > "$out/platform.log" 2>&1 &
pids+=($!)
python3 - "$www_port" "$out/www" "$tls/server.pem" "$tls/server-key.pem" > "$out/www.log" 2>&1 <<'PY' &
import functools, http.server, ssl, sys
port, directory, cert, key = sys.argv[1:5]
handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=directory)
server = http.server.ThreadingHTTPServer(("127.0.0.1", int(port)), handler)
context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
context.load_cert_chain(cert, key)
server.socket = context.wrap_socket(server.socket, server_side=True)
server.serve_forever()
PY
pids+=($!)
for _ in $(seq 50); do grep -q 'ready' "$out/platform.log" && break; sleep 0.2; done
grep -q 'ready' "$out/platform.log" || { cat "$out/platform.log"; echo "test-qemu-update: the platform did not start" >&2; exit 1; }
inspect() { curl -sf "http://127.0.0.1:$http_port/_inspect/$1"; }
inspect_post() { curl -sf -X POST -H 'Content-Type: application/json' -d "$2" "http://127.0.0.1:$http_port/_inspect/$1"; }

# --- The machine: one QEMU for the whole test; the guest's restarts stay inside it.
disk=$out/kiosk-disk.img
ssh_port=$(free_port)
nice -n 10 qemu-system-x86_64 "${accel[@]}" -smp 2 -m 2048 \
  -drive file="$disk",format=raw,if=virtio \
  -nic user,model=virtio-net-pci,hostfwd=tcp:127.0.0.1:$ssh_port-:22 \
  -vga none -device virtio-gpu-pci -display none \
  -serial file:"$out/serial.log" -monitor unix:"$out/qemu.mon",server=on,wait=off &
qemu_pid=$!
pids+=($qemu_pid)
# A command in the guest over ssh; a connection that fails (ssh's 255: an emulated CPU on a busy
# machine can take long to answer) is tried again, a command that fails is not.
guest() {
  local rc
  for _ in 1 2 3 4 5; do
    rc=0
    ssh -i "$out/ssh/id" -p "$ssh_port" -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null \
      -o ConnectTimeout=30 -o ServerAliveInterval=15 -o BatchMode=yes -o LogLevel=ERROR root@127.0.0.1 "$@" || rc=$?
    [ "$rc" -ne 255 ] && return "$rc"
    sleep 5
  done
  return 255
}
# Waits until the guest answers with a boot id other than $1; prints the new one.
wait_boot() {
  local before=$1 limit=$2 t0 id
  t0=$(date +%s)
  while [ $(( $(date +%s) - t0 )) -lt "$limit" ]; do
    kill -0 "$qemu_pid" 2>/dev/null || { echo "test-qemu-update: QEMU ended" >&2; return 1; }
    id=$(guest cat /proc/sys/kernel/random/boot_id 2>/dev/null || true)
    if [ -n "$id" ] && [ "$id" != "$before" ]; then echo "$id"; return 0; fi
    sleep 3
  done
  return 1
}
slot() { guest "sed -n 's/.*rauc\\.slot=\\([^ ]*\\).*/\\1/p' /proc/cmdline"; }
version() { guest cat /etc/kiosk/system-version; }
# The last `update` entry of the terminal's heartbeats, as "VERSION STATE".
heartbeat_updates() {
  inspect heartbeats | jq -r --arg t "$terminal" '.heartbeats[] | select(.terminal_id == $t) | .report | fromjson | .update // empty | "\(.version) \(.state)"' | uniq
}
wait_update_state() {
  local want=$1 limit=$2 t0
  t0=$(date +%s)
  while [ $(( $(date +%s) - t0 )) -lt "$limit" ]; do
    [ "$(heartbeat_updates | tail -1)" = "$want" ] && return 0
    sleep 5
  done
  return 1
}
queue_update() {
  inspect_post commands "$(jq -nc --arg t "$terminal" --arg url "$1" --arg sha "$2" --arg v "$3" \
    '{terminal_id: $t, name: "update", arguments: {bundle_url: $url, sha256: $sha, version: $v}}')" | jq -r .id
}
# RAUC's boot status of the slot with boot name $1, from `rauc status --output-format=shell` in $2.
boot_status() {
  local n
  n=$(sed -n "s/^RAUC_SLOT_BOOTNAME_\([0-9]*\)='$1'$/\1/p" "$2")
  sed -n "s/^RAUC_SLOT_BOOT_STATUS_$n='\(.*\)'$/\1/p" "$2"
}
pending() { guest "runuser -u kiosk -- kioskctl outbox status --json" | jq '.pending'; }
# The SHA-256 make-bundle.sh printed for version $1.0.0, once it has.
bundle_sha() {
  for _ in $(seq 720); do [ -s "$out/v$1.made" ] && break; sleep 5; done
  grep -q '^sha256 ' "$out/v$1.made" 2>/dev/null || { echo "test-qemu-update: bundle $1.0.0 was not made:" >&2; tail -5 "$out/v$1.log" >&2; return 1; }
  sed -n 's/^sha256 //p' "$out/v$1.made"
}
ack_of() { inspect acks | jq -c --arg id "$1" '.acks[] | select(.id == $id or .command_id == $id)'; }

machine_id() { guest cat /etc/machine-id; }
echo "== boot"
boot1=$(wait_boot "" "$boot_limit") || { echo "test-qemu-update: the guest did not answer over ssh" >&2; tail -30 "$out/serial.log" >&2; exit 1; }
# ssh may answer before the data partition is set up (at the first boot it is formatted).
guest 'for _ in $(seq 120); do s=$(systemctl show -P ActiveState kiosk-state.service); [ "$s" = active ] || [ "$s" = failed ] && break; sleep 2; done' || true
step "boot until ssh answers ($(slot) $(version))"
if runs v1; then
expect "v1 boots from slot A" test "$(slot)" = A
expect "slot A holds 1.0.0" test "$(version)" = 1.0.0
machine_id > "$out/machine-id"
# kiosk-host-key: the host key of the sealed secrets on the data partition, and the machine ID it
# is bound to in GRUB's environment, which every later boot of either slot runs under.
expect "the host key is on the data partition, root's and 0400, mounted over the slot's" \
  guest 'test "$(stat -c "%U %a" /var/lib/kiosk-data/systemd/credential.secret)" = "root 400" && mountpoint -q /var/lib/systemd/credential.secret'
expect "v1 recorded the terminal's machine ID for GRUB" \
  guest "grub-editenv /boot/ab/grub/grubenv list | grep -qx KIOSK_MACHINE_ID=$(cat "$out/machine-id")"

# Provisioning as a technician does it (docs/technician.md): the outbox key and the enrolment,
# which writes the platform's URL and CA (copied to /etc/kiosk/platform-ca.pem) into
# /etc/kiosk/kiosk.ini, on the data partition's overlay of /etc/kiosk, so every slot finds them.
guest "kioskctl outbox init-key" > /dev/null
guest "kioskctl enroll --url https://10.0.2.2:$tls_port/terminal/v1 --ca /etc/kiosk-test/platform-ca.pem --token qemu-update-1" | tee "$out/enroll.log"
expect "enrol wrote the platform's URL and CA into the configuration" \
  guest "grep -qx 'url=https://10.0.2.2:$tls_port/terminal/v1' /etc/kiosk/kiosk.ini && grep -qx 'ca_file=/etc/kiosk/platform-ca.pem' /etc/kiosk/kiosk.ini && cmp /etc/kiosk-test/platform-ca.pem /etc/kiosk/platform-ca.pem"
terminal=$(awk '/enrolled/ {print $2}' "$out/enroll.log")
expect "the terminal enrolled with the platform over HTTPS" test -n "$terminal"
# Two cases filed while the platform refuses cases: they stay in the outbox.
inspect_post faults '{"error_rate": {"cases": 1}}' > /dev/null
guest "printf '%s' '{\"name\": \"测试\", \"id_number\": \"11010519491231002X\", \"phone\": \"13900000000\"}' > /run/form.json"
for n in 1 2; do
  guest "kioskctl case submit --item 340100-000-ZZ-0010-01 --form /run/form.json --wait 5" | tee -a "$out/queued.log" || true
done
guest "rm -f /run/form.json"
mapfile -t refs < <(sed -n 's/^queued \([^ ]*\).*/\1/p' "$out/queued.log")
expect "two cases were queued while the platform refused them" test "${#refs[@]}" -eq 2
# The kiosk's own files, then the kiosk with its secrets sealed (kiosk.service's ExecStartPre).
guest "find /var/lib/kiosk -path /var/lib/kiosk/credentials -prune -o -user root -exec chown kiosk:kiosk {} + ; systemctl restart kiosk.service"
for _ in $(seq 60); do [ "$(inspect heartbeats | jq --arg t "$terminal" '[.heartbeats[] | select(.terminal_id == $t)] | length')" -gt 0 ] && break; sleep 5; done
expect "the kiosk on v1 beats to the platform" test "$(inspect heartbeats | jq --arg t "$terminal" '[.heartbeats[] | select(.terminal_id == $t)] | length')" -gt 0
expect "its heartbeat reports the two cases pending" test "$(inspect heartbeats | jq --arg t "$terminal" '[.heartbeats[] | select(.terminal_id == $t)] | last | .report | fromjson | .queue.pending')" -eq 2
step "enrol, queue two cases, kiosk serving on v1"
else
  # Going on from a later step: the terminal and cases of the earlier run, and the platform
  # refusing cases again until the delivery step.
  terminal=$(awk '/enrolled/ {print $2}' "$out/enroll.log")
  mapfile -t refs < <(sed -n 's/^queued \([^ ]*\).*/\1/p' "$out/queued.log")
  if runs v3; then inspect_post faults '{"error_rate": {"cases": 1}}' > /dev/null; fi
  boot2=$boot1
  echo "test-qemu-update: terminal $terminal, cases ${refs[*]}"
fi

if runs v2; then
echo "== v1 → v2 through the heartbeat's update command"
sha_v2=$(bundle_sha 2) || exit 1
v2_id=$(queue_update "https://10.0.2.2:$www_port/kiosk-2.0.0.raucb" "$sha_v2" 2.0.0)
boot2=$(wait_boot "$boot1" $(( 2 * boot_limit ))) || { echo "test-qemu-update: no restart into v2" >&2; heartbeat_updates >&2; }
step "update 2.0.0: download, rauc install, restart"
expect "the update restarted the machine" test -n "$boot2"
expect "v2 boots from slot B" test "$(slot)" = B
expect "slot B holds 2.0.0" test "$(version)" = 2.0.0
wait_update_state "2.0.0 installed" 600 || true
step "v2 boots and serves: installed"
heartbeat_updates > "$out/update-states-v2"
expect "the heartbeats reported 2.0.0 installing, then installed" bash -c 'grep -qx "2.0.0 installing" "$0" && [ "$(tail -1 "$0")" = "2.0.0 installed" ]' "$out/update-states-v2"
expect "the command was acknowledged ok" bash -c '[[ "$0" == *'"'"'"ok":true'"'"'* ]]' "$(ack_of "$v2_id")"
guest "rauc status --detailed --output-format=shell" > "$out/rauc-status-v2" 2>&1 || true
guest "grub-editenv /boot/ab/grub/grubenv list" > "$out/grubenv-v2"
expect "RAUC marked slot B good" test "$(boot_status B "$out/rauc-status-v2")" = good
expect "GRUB's tries of B were reset (B_TRY=0)" grep -qx 'B_TRY=0' "$out/grubenv-v2"
expect "slot B is no longer on trial" guest "test ! -e /var/lib/kiosk-data/slot-trial"
expect "the two cases are still queued on v2" test "$(pending)" -eq 2
expect "slot B runs under the terminal's machine ID, which GRUB passed" \
  guest "grep -q 'systemd.machine_id=$(cat "$out/machine-id")' /proc/cmdline && test \"\$(cat /etc/machine-id)\" = $(cat "$out/machine-id")"
expect "slot B opened the data partition's host key (kiosk-state.service active)" test "$(guest systemctl is-active kiosk-state.service)" = active
expect "and systemd set up the kiosk's sealed credentials there" \
  guest "! journalctl -b --no-pager -u kiosk.service | grep -q 'Failed to determine local credential key'"
fi

if runs v3; then
echo "== v2 → a broken v3 → back on v2 by itself"
sha_v3=$(bundle_sha 3) || exit 1
v3_id=$(queue_update "https://10.0.2.2:$www_port/kiosk-3.0.0.raucb" "$sha_v3" 3.0.0)
# The boots of slot A are read from the serial console, not over ssh: the broken slot may be
# restarted by its deadline before its ssh server answers.
bootmarks() { grep -a 'BOOTMARK' "$out/serial.log" | sed 's/\r$//'; }
marks_before=$(bootmarks | wc -l)
t0=$(date +%s)
until bootmarks | tail -n +$(( marks_before + 1 )) | grep -q 'slot=A version=3.0.0'; do
  [ $(( $(date +%s) - t0 )) -lt "$boot_limit" ] || break
  sleep 5
done
step "update 3.0.0: download, rauc install, restart into slot A"
expect "the update restarted the machine into slot A, version 3.0.0" bash -c 'tail -n +$(( $1 + 1 )) | grep -q "slot=A version=3.0.0"' _ "$marks_before" < <(bootmarks)
# Every restart from here on is the deadline's or GRUB's, none the test's: wait for slot B.
until bootmarks | tail -n +$(( marks_before + 1 )) | grep -q 'slot=B version=2.0.0'; do
  [ $(( $(date +%s) - t0 )) -lt $(( 5 * boot_limit )) ] || break
  sleep 5
done
boot4=$(wait_boot "$boot2" "$boot_limit") || true
bootmarks | tail -n +$(( marks_before + 1 )) | tee "$out/bootmarks-v3"
step "v3 never serves; three tries, then GRUB boots B"
expect "the machine is back on slot B" test "$(slot)" = B
expect "running 2.0.0" test "$(version)" = 2.0.0
expect "slot A (3.0.0) was booted three times, never more" test "$(grep -c 'slot=A version=3.0.0' "$out/bootmarks-v3")" -eq 3
# GRUB counts each try before it boots: A_TRY is 1, 2, 3 at v3's boots, never reset by a mark-good.
expect "GRUB counted the tries of A: 1, 2, 3" test "$(grep 'slot=A version=3.0.0' "$out/bootmarks-v3" | grep -o 'A_TRY=[0-9]' | tr '\n' ' ')" = "A_TRY=1 A_TRY=2 A_TRY=3 "
wait_update_state "3.0.0 rolled_back" 600 || true
step "back on v2: rolled_back reported"
heartbeat_updates > "$out/update-states-v3"
expect "the heartbeats reported 3.0.0 installing, then rolled_back" bash -c 'grep -qx "3.0.0 installing" "$0" && [ "$(tail -1 "$0")" = "3.0.0 rolled_back" ]' "$out/update-states-v3"
expect "the command was acknowledged ok (it was installed)" bash -c '[[ "$0" == *'"'"'"ok":true'"'"'* ]]' "$(ack_of "$v3_id")"
guest "rauc status --detailed --output-format=shell" > "$out/rauc-status-rollback" 2>&1 || true
guest "grub-editenv /boot/ab/grub/grubenv list" > "$out/grubenv-rollback"
expect "RAUC marked slot A bad" test "$(boot_status A "$out/rauc-status-rollback")" = bad
expect "and slot B good" test "$(boot_status B "$out/rauc-status-rollback")" = good
expect "the kiosk serves on v2 again" test "$(guest systemctl is-active kiosk.service)" = active
python3 - "$out/qemu.mon" "$out/screen-after-rollback.ppm" <<'PY' || true
import socket, sys, time
s = socket.socket(socket.AF_UNIX)
s.connect(sys.argv[1])
s.sendall(f"screendump {sys.argv[2]}\n".encode())
time.sleep(3)
s.close()
PY
[ -f "$out/screen-after-rollback.ppm" ] && "$here/../image/ppm-to-png" "$out/screen-after-rollback.ppm" "$out/screen-after-rollback.png" || true
expect "after the rollback the terminal still runs under its machine ID" test "$(machine_id)" = "$(cat "$out/machine-id")"
fi

if runs deliver; then
echo "== the platform takes cases again"
inspect_post faults '{"error_rate": {}}' > /dev/null
delivered=0
for _ in $(seq 120); do
  delivered=$(inspect cases | jq --argjson refs "$(printf '%s\n' "${refs[@]}" | jq -R . | jq -sc .)" '[.cases[] | select(.local_ref as $r | $refs | index($r))] | length')
  [ "$delivered" -eq 2 ] && break
  sleep 5
done
step "queued cases delivered"
expect "both cases queued on v1 were delivered from v2 after the rollback" test "$delivered" -eq 2
expect "the outbox is empty" test "$(pending)" -eq 0
fi

if runs refuse; then
echo "== an update RAUC refuses"
junk_id=$(queue_update "https://10.0.2.2:$www_port/not-a-bundle.raucb" "$sha_junk" 1.5.0)
wait_update_state "1.5.0 failed" 300 || true
expect "a bundle RAUC refuses is reported failed" test "$(heartbeat_updates | tail -1)" = "1.5.0 failed"
for _ in $(seq 30); do [ -n "$(ack_of "$junk_id")" ] && break; sleep 5; done
expect "and acknowledged not ok, with RAUC's reason" bash -c '[[ "$0" == *'"'"'"ok":false'"'"'* ]] && [[ "$0" == *"rauc install failed"* ]]' "$(ack_of "$junk_id")"
# A bundle whose SHA-256 is not the one the command names: the kiosk refuses it before RAUC sees it.
wrong_sha=$(printf '%064d' 0)
wrong_id=$(queue_update "https://10.0.2.2:$www_port/not-a-bundle.raucb" "$wrong_sha" 1.6.0)
wait_update_state "1.6.0 failed" 300 || true
expect "a bundle with another SHA-256 is reported failed" test "$(heartbeat_updates | tail -1)" = "1.6.0 failed"
for _ in $(seq 30); do [ -n "$(ack_of "$wrong_id")" ] && break; sleep 5; done
expect "and acknowledged not ok, naming both hashes" bash -c '[[ "$0" == *'"'"'"ok":false'"'"'* ]] && [[ "$0" == *"$1"* ]] && [[ "$0" == *"$2"* ]]' "$(ack_of "$wrong_id")" "$sha_junk" "$wrong_sha"
expect "the terminal still runs v2 in slot B" test "$(slot) $(version)" = "B 2.0.0"
step "refused updates reported failed"
fi

guest "journalctl -b --no-pager -u kiosk.service -u kiosk-slot-check.service -u kiosk-system-request.service" > "$out/journal-final.log" 2>&1 || true
guest "systemctl poweroff" > /dev/null 2>&1 || true
for _ in $(seq 60); do kill -0 "$qemu_pid" 2>/dev/null || break; sleep 1; done
heartbeat_updates > "$out/update-states"
echo "test-qemu-update: the update states the heartbeats reported:"; sed 's/^/   /' "$out/update-states"
echo "test-qemu-update: $(( $(date +%s) - started )) s in all (${accel[*]}), $failures failed"
[ "$failures" -eq 0 ]
