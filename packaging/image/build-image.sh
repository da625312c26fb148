#!/usr/bin/env bash
# Builds the kiosk image from Debian's bookworm archive with mmdebstrap: a root file system with
# the kiosk package, cage, CUPS, Chinese fonts, a kernel, and the kiosk unit enabled on tty1.
#
#   packaging/image/build-image.sh --deb build/deb/kiosk_0.1.0_amd64.deb [--out DIR] [--disk]
#                                  [--size 4G] [--mirror URL] [--hostname NAME] [--ssh-key FILE.pub]
#                                  [--software-render] [--ntp "SERVER …"] [--state-size 512M]
#   packaging/image/build-image.sh --rootfs DIR/kiosk-rootfs.tar --disk [--out DIR] [--size 4G]
#                                  [--overlay DIR] --keyring CA.pem
#
# Writes DIR/kiosk-rootfs.tar (always) and, with --disk, DIR/kiosk-disk.img: a bootable BIOS/MBR
# disk image with the A/B layout of docs/fleet.md (a GRUB partition whose grub.cfg tries a new
# slot three times and falls back, two ext4 root file system slots for RAUC, and a data partition
# of --state-size for the state, logs and configuration overlay, which kiosk-state.service makes
# LUKS2 bound to the TPM at first boot) to write to the terminal's disk with dd or bmaptool
# (docs/technician.md). --keyring names the CA certificate(s) RAUC accepts update bundles under
# (packaging/rauc/make-bundle.sh makes a test one); --rootfs makes the disk image
# from a root file system built before (with --disk, so it holds GRUB). --overlay DIR copies DIR
# over the root file system of the disk image (packaging/image/test-tpm.sh puts its probe and a
# branch's binaries there; a terminal's image has none). Needs root and mmdebstrap; --disk also needs sfdisk (fdisk) and
# mkfs.ext4 (e2fsprogs), but no loop devices or mounts. Runs on demand, not in CI.
# There is no technician login: the image has no user with a password; technicians work on the
# touch screen (maintenance mode) or with kioskctl as root over ssh with the key given by
# --ssh-key (see the guide). --software-render makes cage and the kiosk draw without OpenGL
# (/etc/kiosk/session.env), for virtual machines whose GPU has no 3D driver (QEMU's virtio-gpu).
# The clock is kept by systemd-timesyncd, from the servers given by --ntp or else those of
# `[time] ntp_servers=` in the kiosk's configuration (the kiosk package's kiosk-ntp-servers
# writes /etc/systemd/timesyncd.conf.d/kiosk.conf); with neither, from Debian's pool.
set -euo pipefail

deb=""
rootfs=""
out=$PWD/kiosk-image
disk=false
size=4G
mirror=http://deb.debian.org/debian
hostname=kiosk
sshkey=""
software_render=false
ntp=""
state_size=1G
overlay=""
keyring=""
# The MBR disk identifier, the same on every terminal: an update's slot (packaging/rauc) names the
# partitions by it (/etc/rauc/system.conf, /etc/kiosk/state-partition) without knowing the disk.
disk_id=6b696f73
here=$(dirname "$(realpath "$0")")
while [ $# -gt 0 ]; do
  case "$1" in
    --deb) deb=$(realpath "$2"); shift 2 ;;
    --rootfs) rootfs=$(realpath "$2"); shift 2 ;;
    --out) out=$(realpath -m "$2"); shift 2 ;;
    --disk) disk=true; shift ;;
    --size) size=$2; shift 2 ;;
    --mirror) mirror=$2; shift 2 ;;
    --hostname) hostname=$2; shift 2 ;;
    --ssh-key) sshkey=$(realpath "$2"); shift 2 ;;
    --software-render) software_render=true; shift ;;
    --ntp) ntp=$2; shift 2 ;;
    --state-size) state_size=$2; shift 2 ;;
    --overlay) overlay=$(realpath "$2"); shift 2 ;;
    --keyring) keyring=$(realpath "$2"); shift 2 ;;
    *) sed -n '2,30p' "$0" >&2; exit 2 ;;
  esac
done
if [ -n "$rootfs" ]; then
  [ -f "$rootfs" ] && $disk || { echo "build-image: --rootfs FILE.tar needs --disk" >&2; exit 2; }
fi
if $disk && [ ! -f "$keyring" ]; then
  echo "build-image: --disk needs --keyring CA.pem: the certificate(s) update bundles must be signed under (docs/fleet.md)" >&2
  exit 2
fi
if [ -n "$rootfs" ]; then
  :
elif [ -z "$deb" ] || [ ! -f "$deb" ]; then
  echo "build-image: --deb FILE: the kiosk package (build it with cpack -G DEB in the build tree)" >&2
  exit 2
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "build-image: needs root" >&2
  exit 2
fi
tools=()
[ -z "$rootfs" ] && tools+=(mmdebstrap)
$disk && tools+=(sfdisk mkfs.ext4)
for tool in "${tools[@]}"; do
  command -v "$tool" >/dev/null || { echo "build-image: $tool is missing (apt-get install mmdebstrap fdisk e2fsprogs)" >&2; exit 2; }
done
mkdir -p "$out"
started=$(date +%s)

# What a terminal runs beyond the kiosk package's own dependencies: systemd as init, udev for the
# peripherals, seatd (which gives cage the screen and input without a login session), PulseAudio
# for the voice prompts, CUPS (with driverless IPP and the USB printer backend) for the printers,
# mesa for the GPU, a kernel with its firmware-free initramfs, networking, and
# systemd-timesyncd, which keeps the clock that decides whether a card is valid today.
packages=(
  systemd-sysv systemd-timesyncd udev dbus kmod libpam-systemd seatd pulseaudio
  linux-image-amd64 initramfs-tools
  cups cups-filters ipp-usb
  libgl1-mesa-dri libegl-mesa0
  fonts-noto-cjk
  ifupdown isc-dhcp-client ca-certificates openssh-server
  locales tzdata
  # The state partition in LUKS2 and the secrets sealed with the TPM: cryptsetup, mkfs, and the
  # TPM software stack that systemd loads when it finds a TPM.
  cryptsetup-bin e2fsprogs libtss2-esys-3.0.2-0 libtss2-rc0 libtss2-mu0 libtss2-tcti-device0
  # GRUB for the A/B boot, and RAUC (with its D-Bus service) to install updates into the other slot.
  grub-pc-bin rauc rauc-service
)
include=$(IFS=,; echo "${packages[*]}")

if [ -z "$rootfs" ]; then
  # The kiosk package goes in with apt from inside the new system, so its own dependencies come from
  # the same archive and its maintainer scripts (user, directories, enabling the unit) run as they
  # would on a technician's machine.
  mmdebstrap --variant=minbase --mode=root --components=main --include="$include" \
    --customize-hook='mkdir -p "$1/tmp/kiosk-deb"' \
    --customize-hook="copy-in $deb /tmp/kiosk-deb/" \
    --customize-hook='chroot "$1" sh -c "DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends /tmp/kiosk-deb/*.deb"' \
    --customize-hook='rm -rf "$1/tmp/kiosk-deb"' \
    --customize-hook="echo $hostname > \"\$1/etc/hostname\"" \
    --customize-hook='chroot "$1" systemctl set-default graphical.target' \
    --customize-hook='chroot "$1" systemctl enable cups.service seatd.service systemd-timesyncd.service' \
    --customize-hook="chroot \"\$1\" /usr/libexec/kiosk/kiosk-ntp-servers $ntp" \
    --customize-hook='chroot "$1" /usr/libexec/kiosk/kiosk-cups-spool apply' \
    --customize-hook='grep -qx "PreserveJobFiles No" "$1/etc/cups/cupsd.conf" && grep -qx "PreserveJobHistory No" "$1/etc/cups/cupsd.conf"' \
    --customize-hook="copy-in $(dirname "$(realpath "$0")")/kiosk-sound.service /etc/systemd/system/" \
    --customize-hook='chroot "$1" systemctl enable kiosk-sound.service' \
    --customize-hook='mkdir -p "$1/usr/lib/kiosk"' \
    --customize-hook="copy-in $(dirname "$(realpath "$0")")/kiosk-state-setup /usr/lib/kiosk/" \
    --customize-hook="copy-in $(dirname "$(realpath "$0")")/kiosk-state.service /etc/systemd/system/" \
    --customize-hook='chroot "$1" systemctl enable kiosk-state.service' \
    --customize-hook='chroot "$1" systemctl --global disable pulseaudio.socket pulseaudio.service' \
    --customize-hook="if $software_render; then printf 'WLR_RENDERER=pixman\\nQT_QUICK_BACKEND=software\\n' > \"\$1/etc/kiosk/session.env\"; fi" \
    --customize-hook='printf "auto lo\niface lo inet loopback\nallow-hotplug eth0\niface eth0 inet dhcp\n" > "$1/etc/network/interfaces"' \
    --customize-hook='ln -sf /usr/share/zoneinfo/Asia/Shanghai "$1/etc/localtime"; echo Asia/Shanghai > "$1/etc/timezone"' \
    --customize-hook='sed -i "s/^# *zh_CN.UTF-8/zh_CN.UTF-8/; s/^# *en_US.UTF-8/en_US.UTF-8/" "$1/etc/locale.gen"; chroot "$1" locale-gen' \
    --customize-hook='chroot "$1" passwd --lock root' \
    --customize-hook='printf "PermitRootLogin prohibit-password\nPasswordAuthentication no\n" > "$1/etc/ssh/sshd_config.d/kiosk.conf"' \
    --customize-hook='rm -f "$1"/etc/ssh/ssh_host_*' \
    --customize-hook="if [ -n '$sshkey' ]; then mkdir -p -m 0700 \"\$1/root/.ssh\"; cp '$sshkey' \"\$1/root/.ssh/authorized_keys\"; chmod 0600 \"\$1/root/.ssh/authorized_keys\"; fi" \
    --customize-hook='printf "[Unit]\nDescription=SSH host keys for this terminal\nConditionPathExists=!/etc/ssh/ssh_host_ed25519_key\nBefore=ssh.service\n[Service]\nType=oneshot\nExecStart=/usr/bin/ssh-keygen -A\n[Install]\nWantedBy=multi-user.target\n" > "$1/etc/systemd/system/kiosk-ssh-keys.service"; chroot "$1" systemctl enable kiosk-ssh-keys.service' \
    --customize-hook='echo "kernel.sysrq = 0" > "$1/etc/sysctl.d/90-kiosk.conf"' \
    --customize-hook='chroot "$1" systemctl mask getty@tty2.service getty@tty3.service getty@tty4.service getty@tty5.service getty@tty6.service' \
    --customize-hook='test -L "$1/etc/systemd/system/graphical.target.wants/kiosk.service"' \
    bookworm "$out/kiosk-rootfs.tar" "$mirror"

  echo "build-image: $out/kiosk-rootfs.tar ($(du -h "$out/kiosk-rootfs.tar" | cut -f1)) in $(( $(date +%s) - started )) s"
  rootfs=$out/kiosk-rootfs.tar
fi

if $disk; then
  # The disk is put together without mounting anything (containers and CI machines rarely allow
  # it): mkfs.ext4 fills each partition from a directory, and GRUB's boot sector and core image
  # go into the MBR and the gap before the first partition, where grub-install would put them.
  # The A/B layout (docs/fleet.md): 1 GRUB (its modules, grub.cfg and grubenv, which no update
  # touches), 2 rootfs.0 (slot A), 3 rootfs.1 (slot B), 4 the data partition.
  image=$out/kiosk-disk.img
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  mkdir "$work/root" "$work/boot"
  tar -xf "$rootfs" -C "$work/root"
  [ -e "$work/root/vmlinuz" ] && [ -e "$work/root/initrd.img" ] || { echo "build-image: no /vmlinuz or /initrd.img in the root file system" >&2; exit 1; }
  [ -f "$work/root/usr/lib/grub/i386-pc/boot.img" ] || { echo "build-image: the root file system has no GRUB (build it with --disk)" >&2; exit 1; }
  if [ -n "$overlay" ]; then
    # tar, not cp: /lib and /bin are links into /usr in bookworm, and must stay links.
    tar -C "$overlay" -cf - . | tar -C "$work/root" -xf - --keep-directory-symlink
  fi
  [ -x "$work/root/usr/bin/rauc" ] || { echo "build-image: the root file system has no rauc (build it again with this script)" >&2; exit 1; }
  "$here/prepare-slot" "$work/root" "$disk_id" "$keyring"

  mkdir -p "$work/boot/grub"
  cp -r "$work/root/usr/lib/grub/i386-pc" "$work/boot/grub/"
  sed "s/@DISK_ID@/$disk_id/g" "$here/grub.cfg.in" > "$work/boot/grub/grub.cfg"
  # Both slots hold the same system at first, both good; A boots first.
  chroot "$work/root" grub-editenv /tmp/grubenv set ORDER="A B" A_OK=1 B_OK=1 A_TRY=0 B_TRY=0
  mv "$work/root/tmp/grubenv" "$work/boot/grub/grubenv"
  chroot "$work/root" grub-mkimage -O i386-pc -o /tmp/core.img -p "(hd0,msdos1)/grub" biosdisk part_msdos ext2
  mv "$work/root/tmp/core.img" "$work/core.img"
  core_sectors=$(( ($(stat -c %s "$work/core.img") + 511) / 512 ))
  [ "$core_sectors" -lt 2047 ] || { echo "build-image: GRUB's core image does not fit before the partition" >&2; exit 1; }

  rm -f "$image"
  truncate -s "$size" "$image"
  boot_mib=64
  state_mib=$(( $(numfmt --from=iec "$state_size") / 1048576 ))
  slot_mib=$(( ($(stat -c %s "$image") / 1048576 - 1 - boot_mib - state_mib) / 2 ))
  [ "$slot_mib" -gt 0 ] || { echo "build-image: --size $size leaves no room for two slots" >&2; exit 1; }
  printf 'label: dos\nlabel-id: 0x%s\nstart=2048, size=%sMiB, type=83, bootable\nsize=%sMiB, type=83\nsize=%sMiB, type=83\ntype=83\n' \
    "$disk_id" "$boot_mib" "$slot_mib" "$slot_mib" | sfdisk -q "$image"
  mkfs.ext4 -q -L kiosk-boot -d "$work/boot" "$work/boot.ext4" "${boot_mib}M"
  mkfs.ext4 -q -L kiosk-rootfs -d "$work/root" "$work/root.ext4" "${slot_mib}M"
  dd if="$work/boot.ext4" of="$image" bs=1M seek=1 conv=notrunc,sparse status=none
  dd if="$work/root.ext4" of="$image" bs=1M seek=$(( 1 + boot_mib )) conv=notrunc,sparse status=none
  dd if="$work/root.ext4" of="$image" bs=1M seek=$(( 1 + boot_mib + slot_mib )) conv=notrunc,sparse status=none
  dd if="$work/root/usr/lib/grub/i386-pc/boot.img" of="$image" bs=440 count=1 conv=notrunc status=none
  dd if="$work/core.img" of="$image" bs=512 seek=1 conv=notrunc status=none
  rm -rf "$work"
  trap - EXIT
  echo "build-image: $image ($size, $(du -h "$image" | cut -f1) used) in $(( $(date +%s) - started )) s"
fi
