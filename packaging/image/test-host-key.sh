#!/usr/bin/env bash
# ctest's check of packaging/image/kiosk-host-key without a machine to boot (test-qemu-update.sh
# boots the image): the host key of the sealed secrets and the machine ID systemd binds it to are
# the terminal's, so that a slot written by an update opens what the other slot sealed. Each boot
# of a slot is a mount namespace of its own, with the slot's machine ID mounted over /etc/machine-id
# and a directory each for the slot's /var/lib/systemd, the data partition and GRUB's environment;
# the secrets are sealed and opened by Debian's systemd-creds. Needs root (mounts); exit 77 without.
set -uo pipefail

[ "$(id -u)" -eq 0 ] || { echo "test-host-key: needs root (mount namespaces); skipped"; exit 77; }
for tool in unshare systemd-creds systemd-id128 grub-editenv; do
  command -v "$tool" > /dev/null || { echo "test-host-key: $tool is missing" >&2; exit 1; }
done
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

# Two machine IDs: the terminal's, and the one a new slot made for itself before GRUB passed it.
terminal_id=0123456789abcdef0123456789abcdef
other_id=fedcba9876543210fedcba9876543210
# A slot: its /var/lib/systemd with the empty placeholder packaging/image/prepare-slot puts there.
make_slot() {
  mkdir -p "$work/$1/var/lib/systemd"
  install -m 0400 /dev/null "$work/$1/var/lib/systemd/credential.secret"
}
# boot SLOT MACHINE_ID DATA COMMAND...: COMMAND runs in a boot of SLOT under MACHINE_ID with the
# data partition DATA, after kiosk-host-key; its exit status is kiosk-host-key's, else COMMAND's.
boot() {
  local slot=$1 id=$2 data=$3; shift 3
  echo "$id" > "$work/$slot.machine-id"
  unshare -m --propagation private env KIOSK_DATA_DIR="$work/$data" KIOSK_GRUBENV="$work/grubenv" \
    KIOSK_HOST_SECRET="$work/$slot/var/lib/systemd/credential.secret" \
    SYSTEMD_CREDENTIAL_SECRET="$work/$slot/var/lib/systemd/credential.secret" \
    bash -c 'mount --bind "$0" /etc/machine-id && "$1" && shift && { [ $# -eq 0 ] || "$@"; }' \
    "$work/$slot.machine-id" "$here/kiosk-host-key" "$@"
}
seal() { printf 'outbox key of the test' | systemd-creds encrypt --with-key=host --name=outbox.key - "$1"; }
opens() { [ "$(systemd-creds decrypt --name=outbox.key "$1" -)" = 'outbox key of the test' ]; }
export -f seal opens

grub-editenv "$work/grubenv" create
grub-editenv "$work/grubenv" set ORDER="A B" A_OK=1 B_OK=1 A_TRY=0 B_TRY=0
make_slot A
make_slot B
mkdir -p "$work/data"

check "the first boot makes the key on the data partition and seals with it" \
  boot A "$terminal_id" data seal "$work/data/outbox.key.cred"
key=$work/data/systemd/credential.secret
check "the key is root's, 0400, and a whole key of systemd's" \
  bash -c '[ "$(stat -c "%U %a %s" "$0")" = "root 400 4112" ]' "$key"
check "the slot keeps only its empty placeholder" bash -c '[ -f "$0" ] && [ ! -s "$0" ]' "$work/A/var/lib/systemd/credential.secret"
check "the machine ID the key is bound to is recorded beside it" grep -qx "$terminal_id" "$work/data/systemd/machine-id"
check "GRUB's environment holds the terminal's machine ID" grep -qx "KIOSK_MACHINE_ID=$terminal_id" <(grub-editenv "$work/grubenv" list)
check "GRUB's slot variables are untouched" grep -qx 'ORDER=A B' <(grub-editenv "$work/grubenv" list)
key_sum=$(sha256sum < "$key")

check "slot B, booted with the terminal's machine ID, opens what slot A sealed" \
  boot B "$terminal_id" data opens "$work/data/outbox.key.cred"
check "back on slot A, it still opens" boot A "$terminal_id" data opens "$work/data/outbox.key.cred"

# What happened before GRUB passed the machine ID: slot B made its own at its first boot.
boot B "$other_id" data true > "$work/other.log" 2>&1
check "a slot under another machine ID is refused, naming both IDs" \
  bash -c 'grep -q "machine ID '"$other_id"'" "$0" && grep -q "made under '"$terminal_id"'" "$0"' "$work/other.log"
check "kiosk-host-key fails there, so the kiosk stays stopped" refuses boot B "$other_id" data true
check "and there systemd cannot open the sealed secret" \
  refuses unshare -m --propagation private bash -c 'mount --bind "$0" /etc/machine-id && mount --bind "$1" "$2" && systemd-creds decrypt --name=outbox.key "$3" -' \
  "$work/B.machine-id" "$key" "$work/B/var/lib/systemd/credential.secret" "$work/data/outbox.key.cred"
check "but it does not delete or change the terminal's key" bash -c '[ "$(sha256sum < "$0")" = "$1" ]' "$key" "$key_sum"
check "GRUB's environment keeps the terminal's machine ID" grep -qx "KIOSK_MACHINE_ID=$terminal_id" <(grub-editenv "$work/grubenv" list)

# A terminal whose slot made its own key before the key lived on the data partition.
mkdir -p "$work/old/var/lib/systemd" "$work/moved"
echo "$terminal_id" > "$work/old.machine-id"
unshare -m --propagation private bash -c 'mount --bind "$0" /etc/machine-id && SYSTEMD_CREDENTIAL_SECRET="$1" systemd-creds setup' \
  "$work/old.machine-id" "$work/old/var/lib/systemd/credential.secret" > /dev/null 2>&1
old_sum=$(sha256sum < "$work/old/var/lib/systemd/credential.secret")
check "a slot's own key moves to the data partition" boot old "$terminal_id" moved true
check "the moved key is the slot's, byte for byte" bash -c '[ "$(sha256sum < "$0")" = "$1" ]' "$work/moved/systemd/credential.secret" "$old_sum"
check "and no copy is left on the slot" bash -c '[ ! -s "$0" ]' "$work/old/var/lib/systemd/credential.secret"

# A key on the data partition whose machine ID nobody recorded, seen under another ID.
rm "$work/moved/systemd/machine-id"
check "a key of an unrecorded machine ID is refused" refuses boot B "$other_id" moved true
check "and no machine ID is recorded for it" test ! -e "$work/moved/systemd/machine-id"

echo "test-host-key: $failures failed"
[ "$failures" -eq 0 ]
