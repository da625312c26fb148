#!/usr/bin/env bash
# Builds a signed RAUC update bundle for the kiosk's A/B image (docs/fleet.md):
#
#   packaging/rauc/make-bundle.sh --rootfs DIR/kiosk-rootfs.tar [--deb NEW.deb] [--overlay DIR]
#                                 --version V --keys DIR --out FILE.raucb [--fast]
#   packaging/rauc/make-bundle.sh --make-test-keys DIR
#
# The bundle holds one image, rootfs.ext4, for whichever slot is not booted: the root file system
# of --rootfs (from packaging/image/build-image.sh), with --deb's new kiosk package installed into
# it (dpkg in a chroot: root only) and --overlay DIR copied over it, set up as a slot exactly as
# build-image.sh sets up the image's (packaging/image/prepare-slot). It is signed with
# DIR/signing.cert.pem and DIR/signing.key.pem and checked against DIR/ca.cert.pem, the keyring
# the image was built with (build-image.sh --keyring). Prints the bundle's SHA-256, which the
# platform's `update` command carries. --fast compresses with LZ4 instead of gzip: a larger bundle
# made in a fraction of the time, for tests (packaging/rauc/test-qemu-update.sh); the kernel of
# the image reads both.
#
# --make-test-keys DIR makes a test CA and signing key for test images and test bundles only. A
# province's terminals trust the province's own CA, whose key never leaves its signing machine:
# docs/fleet.md says how those keys are made and kept.
set -euo pipefail

here=$(dirname "$(realpath "$0")")
rootfs="" deb="" overlay="" version="" keys="" out="" test_keys="" squashfs_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --rootfs) rootfs=$(realpath "$2"); shift 2 ;;
    --deb) deb=$(realpath "$2"); shift 2 ;;
    --overlay) overlay=$(realpath "$2"); shift 2 ;;
    --version) version=$2; shift 2 ;;
    --keys) keys=$(realpath "$2"); shift 2 ;;
    --out) out=$(realpath -m "$2"); shift 2 ;;
    --make-test-keys) test_keys=$(realpath -m "$2"); shift 2 ;;
    --fast) squashfs_args=(--mksquashfs-args="-comp lz4"); shift ;;
    *) sed -n '2,22p' "$0" >&2; exit 2 ;;
  esac
done

if [ -n "$test_keys" ]; then
  mkdir -p "$test_keys"
  cd "$test_keys"
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 3650 \
    -subj "/O=Kiosk test/CN=Kiosk test update CA (not for terminals)" \
    -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign \
    -keyout ca.key.pem -out ca.cert.pem 2>/dev/null
  openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
    -subj "/O=Kiosk test/CN=Kiosk test update signer" -keyout signing.key.pem -out signing.csr.pem 2>/dev/null
  openssl x509 -req -in signing.csr.pem -CA ca.cert.pem -CAkey ca.key.pem -CAcreateserial -days 3650 \
    -extfile <(printf 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\n') \
    -out signing.cert.pem 2>/dev/null
  rm -f signing.csr.pem ca.cert.srl
  chmod 0600 ca.key.pem signing.key.pem
  echo "make-bundle: test keys in $test_keys (ca.cert.pem is the keyring)"
  exit 0
fi

[ -f "$rootfs" ] || { echo "make-bundle: --rootfs FILE.tar (packaging/image/build-image.sh makes it)" >&2; exit 2; }
[ -n "$version" ] || { echo "make-bundle: --version V" >&2; exit 2; }
[ -n "$out" ] || { echo "make-bundle: --out FILE.raucb" >&2; exit 2; }
for f in ca.cert.pem signing.cert.pem signing.key.pem; do
  [ -f "$keys/$f" ] || { echo "make-bundle: --keys DIR needs $f" >&2; exit 2; }
done
for tool in rauc mksquashfs mkfs.ext4; do
  command -v "$tool" >/dev/null || { echo "make-bundle: $tool is missing (apt-get install rauc squashfs-tools e2fsprogs)" >&2; exit 2; }
done
if [ -n "$deb" ] && [ "$(id -u)" -ne 0 ]; then
  echo "make-bundle: --deb installs the package in a chroot and needs root" >&2
  exit 2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/root" "$work/content"
tar -xf "$rootfs" -C "$work/root"
if [ -n "$deb" ]; then
  # The package's dependencies are those of the root file system already: dpkg, offline.
  cp "$deb" "$work/root/tmp/kiosk-update.deb"
  chroot "$work/root" dpkg -i /tmp/kiosk-update.deb >/dev/null
  rm -f "$work/root/tmp/kiosk-update.deb"
fi
if [ -n "$overlay" ]; then
  # tar, not cp: /lib and /bin are links into /usr in bookworm, and must stay links.
  tar -C "$overlay" -cf - . | tar -C "$work/root" -xf - --keep-directory-symlink
fi
"$here/../image/prepare-slot" "$work/root" "$(sed -n 's/^disk_id=//p' "$here/../image/build-image.sh")" "$keys/ca.cert.pem"
echo "$version" > "$work/root/etc/kiosk/system-version"

# The slot's file system, a fifth larger than what it holds (ext4's own tables, and room for
# the few files a running system writes there).
used_kib=$(du -sk "$work/root" | cut -f1)
size_kib=$(( used_kib + used_kib / 5 + 16384 ))
mkfs.ext4 -q -L kiosk-rootfs -d "$work/root" "$work/content/rootfs.ext4" "${size_kib}k" > /dev/null
cat > "$work/content/manifest.raucm" <<MANIFEST
[update]
compatible=$(cat "$here/compatible")
version=$version

[bundle]
format=verity

[image.rootfs]
filename=rootfs.ext4
MANIFEST
rm -f "$out"
rauc bundle --cert="$keys/signing.cert.pem" --key="$keys/signing.key.pem" --keyring="$keys/ca.cert.pem" \
  "${squashfs_args[@]}" "$work/content" "$out" >/dev/null
echo "make-bundle: $out ($(du -h "$out" | cut -f1)), version $version"
echo "sha256 $(sha256sum "$out" | cut -d' ' -f1)"
