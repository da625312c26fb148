#!/usr/bin/env bash
# Builds the kiosk image from Debian's bookworm archive with mmdebstrap: a root file system with
# the kiosk package, cage, CUPS, Chinese fonts, a kernel, and the kiosk unit enabled on tty1.
#
#   packaging/image/build-image.sh --deb build/deb/kiosk_0.1.0_amd64.deb [--out DIR] [--disk]
#                                  [--size 4G] [--mirror URL] [--hostname NAME] [--ssh-key FILE.pub]
#                                  [--software-render] [--ntp "SERVER …"] [--state-size 512M]
#   packaging/image/build-image.sh --rootfs DIR/kiosk-rootfs.tar --disk [--out DIR] [--size 4G]
#                                  [--overlay DIR]
#
# Writes DIR/kiosk-rootfs.tar (always) and, with --disk, DIR/kiosk-disk.img: a bootable BIOS/MBR
# disk image (an ext4 root partition with GRUB, and a state partition of --state-size for
# /var/lib/kiosk, which kiosk-state.service makes LUKS2 bound to the TPM at first boot) to write
# to the terminal's disk with dd or bmaptool (docs/technician.md); --rootfs makes the disk image
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
state_size=512M
overlay=""
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
    *) sed -n '2,22p' "$0" >&2; exit 2 ;;
  esac
done
if [ -n "$rootfs" ]; then
  [ -f "$rootfs" ] && $disk || { echo "build-image: --rootfs FILE.tar needs --disk" >&2; exit 2; }
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
)
if $disk; then
  packages+=(grub-pc-bin)
fi
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
  # it): mkfs.ext4 fills the partition from a directory, and GRUB's boot sector and core image
  # go into the MBR and the gap before the first partition, where grub-install would put them.
  image=$out/kiosk-disk.img
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  mkdir "$work/root"
  tar -xf "$rootfs" -C "$work/root"
  uuid=$(cat /proc/sys/kernel/random/uuid)
  kernel=$(cd "$work/root/boot" && ls vmlinuz-* | sort -V | tail -1)
  version=${kernel#vmlinuz-}
  [ -f "$work/root/boot/initrd.img-$version" ] || { echo "build-image: no initramfs for $version in the root file system" >&2; exit 1; }
  [ -f "$work/root/usr/lib/grub/i386-pc/boot.img" ] || { echo "build-image: the root file system has no GRUB (build it with --disk)" >&2; exit 1; }
  echo "UUID=$uuid / ext4 errors=remount-ro 0 1" > "$work/root/etc/fstab"
  if [ -n "$overlay" ]; then
    # tar, not cp: /lib and /bin are links into /usr in bookworm, and must stay links.
    tar -C "$overlay" -cf - . | tar -C "$work/root" -xf - --keep-directory-symlink
  fi
  # The second partition, blank until the first boot, is the state's: kiosk-state-setup finds it
  # by the disk's identifier, which is random per image.
  disk_id=$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n')
  mkdir -p "$work/root/etc/kiosk"
  echo "PARTUUID=$disk_id-02" > "$work/root/etc/kiosk/state-partition"

  # A quiet boot straight into the kiosk: no menu, no cursor; boot messages also go to the first
  # serial port, where a technician's cable (or a test VM) can read them. net.ifnames=0 keeps the
  # first network card eth0, the name /etc/network/interfaces brings up, whatever its bus.
  mkdir -p "$work/root/boot/grub"
  cp -r "$work/root/usr/lib/grub/i386-pc" "$work/root/boot/grub/"
  cat > "$work/root/boot/grub/grub.cfg" <<GRUB
set timeout=0
serial --unit=0 --speed=115200
terminal_output console serial
insmod part_msdos
insmod ext2
search --no-floppy --fs-uuid --set=root $uuid
linux /boot/vmlinuz-$version root=UUID=$uuid ro quiet loglevel=3 net.ifnames=0 vt.global_cursor_default=0 console=ttyS0,115200 console=tty0
initrd /boot/initrd.img-$version
boot
GRUB
  chroot "$work/root" grub-mkimage -O i386-pc -o /tmp/core.img -p "(hd0,msdos1)/boot/grub" biosdisk part_msdos ext2 search_fs_uuid
  mv "$work/root/tmp/core.img" "$work/core.img"
  core_sectors=$(( ($(stat -c %s "$work/core.img") + 511) / 512 ))
  [ "$core_sectors" -lt 2047 ] || { echo "build-image: GRUB's core image does not fit before the partition" >&2; exit 1; }

  rm -f "$image"
  truncate -s "$size" "$image"
  state_bytes=$(numfmt --from=iec "$state_size")
  part_bytes=$(( $(stat -c %s "$image") - 2048 * 512 - state_bytes ))
  part_bytes=$(( part_bytes / 1048576 * 1048576 ))
  printf 'label: dos\nlabel-id: 0x%s\nstart=2048, size=%s, type=83, bootable\ntype=83\n' "$disk_id" "$(( part_bytes / 512 ))" | sfdisk -q "$image"
  mkfs.ext4 -q -L kiosk-root -U "$uuid" -d "$work/root" "$work/root.ext4" "$(( part_bytes / 1024 ))k"
  dd if="$work/root.ext4" of="$image" bs=1M seek=1 conv=notrunc,sparse status=none
  dd if="$work/root/usr/lib/grub/i386-pc/boot.img" of="$image" bs=440 count=1 conv=notrunc status=none
  dd if="$work/core.img" of="$image" bs=512 seek=1 conv=notrunc status=none
  rm -rf "$work"
  trap - EXIT
  echo "build-image: $image ($size, $(du -h "$image" | cut -f1) used) in $(( $(date +%s) - started )) s"
fi
