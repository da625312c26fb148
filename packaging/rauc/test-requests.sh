#!/usr/bin/env bash
# ctest's check of packaging/rauc/kiosk-system-request, root's side of the kiosk's requests, in
# places of its own: the checks it makes before RAUC is asked (the bundle's SHA-256, a bundle or a
# result that the kiosk made a link), what it writes back, and the trial it starts. RAUC itself is
# played by a script that records its arguments (rauc_bundle and the QEMU boots test the real one);
# the reboot request is not exercised here, since it would restart this machine.
set -uo pipefail

here=$(dirname "$(realpath "$0")")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
check() {
  local why=$1; shift
  if "$@" > "$work/last.log" 2>&1; then echo "ok   $why"; else echo "FAIL $why"; failures=$((failures + 1)); fi
}
refuses() { ! "$@"; }

mkdir -p "$work/bin" "$work/run/requests" "$work/state/update" "$work/data"
cat > "$work/bin/rauc" <<'RAUC'
#!/bin/sh
echo "$*" >> "$RAUC_CALLS"
if [ -n "${RAUC_FAILS:-}" ]; then echo "rauc: installing failed" >&2; echo "Compatible mismatch: Expected 'kiosk-gov-amd64'" >&2; exit 1; fi
RAUC
chmod +x "$work/bin/rauc"
echo "BOOT_IMAGE=/vmlinuz root=PARTUUID=6b696f73-02 rw rauc.slot=A quiet" > "$work/cmdline"
export PATH="$work/bin:$PATH" RAUC_CALLS="$work/calls" KIOSK_REQUESTS="$work/run/requests" \
  KIOSK_UPDATE_DIR="$work/state/update" KIOSK_DATA_DIR="$work/data" KIOSK_SLOT_GOOD="$work/run/slot-good" KIOSK_CMDLINE="$work/cmdline"
run() { "$here/kiosk-system-request"; }
ask_install() { printf '%s\n' "$1" > "$work/run/requests/install"; run; }
bundle() { head -c 100000 /dev/urandom > "$work/state/update/bundle.raucb"; sha256sum < "$work/state/update/bundle.raucb" | cut -c1-64; }
result() { grep -qx "$1" "$work/state/update/result"; }

sha=$(bundle)
: > "$work/calls"
ask_install "$sha"
check "a bundle with the hash asked for is installed by RAUC" grep -qx "install $work/state/update/bundle.raucb" "$work/calls"
check "the result says written into the other slot" bash -c 'grep -qx state=written "$0" && grep -qx to=B "$0" && grep -qx from=A "$0"' "$work/state/update/result"
check "the other slot is on trial" grep -qx B "$work/data/slot-trial"
check "the bundle and the request are gone" bash -c '[ ! -e "$0/state/update/bundle.raucb" ] && [ -z "$(ls -A "$0/run/requests")" ]' "$work"

bundle > /dev/null
: > "$work/calls"
ask_install "$(printf 'a%.0s' $(seq 64))"
check "a bundle whose hash differs is refused before RAUC" bash -c '[ ! -s "$0" ]' "$work/calls"
check "and the result says why" result "detail=the bundle's SHA-256 is not the one asked for"

echo "a file the kiosk may not read" > "$work/secret"
ln -sf "$work/secret" "$work/state/update/bundle.raucb"
: > "$work/calls"
ask_install "$(sha256sum < "$work/secret" | cut -c1-64)"
check "a bundle that is a link is refused before RAUC" bash -c '[ ! -s "$0" ]' "$work/calls"
check "and reported failed" result state=failed
check "the link is removed, not what it points to" bash -c '[ ! -e "$0/state/update/bundle.raucb" ] && [ -s "$0/secret" ]' "$work"

rm -f "$work/state/update/result"
echo "root's file" > "$work/victim"
ln -s "$work/victim" "$work/state/update/result"
sha=$(bundle)
ask_install "$sha"
check "a result the kiosk made a link is replaced, not written through" bash -c '[ "$(cat "$0")" = "root'"'"'s file" ] && [ ! -L "$1" ]' "$work/victim" "$work/state/update/result"

rm -f "$work/data/slot-trial"
sha=$(bundle)
RAUC_FAILS=1 ask_install "$sha"
check "RAUC's refusal is reported with its last words" result "detail=rauc install failed: Compatible mismatch: Expected 'kiosk-gov-amd64'"
check "and nothing is on trial" test ! -e "$work/data/slot-trial"

echo A > "$work/data/slot-trial"
: > "$work/calls"
touch "$work/run/requests/mark-good"
run
check "mark-good has RAUC mark the booted slot" grep -qx "status mark-good booted" "$work/calls"
check "and ends the booted slot's trial" test ! -e "$work/data/slot-trial"
check "and tells the deadline the slot serves" test -e "$work/run/slot-good"

touch "$work/run/requests/rm-rf" "$work/run/requests/install-other"
: > "$work/calls"
run 2> /dev/null
check "unknown requests are removed and do nothing" bash -c '[ -z "$(ls -A "$0/run/requests")" ] && [ ! -s "$0/calls" ]' "$work"

echo "test-requests: $failures failed"
[ "$failures" -eq 0 ]
