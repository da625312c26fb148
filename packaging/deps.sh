#!/usr/bin/env bash
# Installs every Debian 12 package the kiosk needs to build, test and run its demo.
# Idempotent: packages already present are left alone, and apt is not touched at all then.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build ccache pkg-config git
  # Qt 6.4 (Debian 12)
  qt6-base-dev qt6-base-dev-tools qt6-declarative-dev qt6-declarative-dev-tools
  qt6-tools-dev qt6-l10n-tools qt6-serialport-dev qt6-httpserver-dev qt6-websockets-dev
  qt6-svg-dev libqt6sql6-sqlite libgl-dev
  qml6-module-qtquick qml6-module-qtquick-window qml6-module-qtquick-controls
  qml6-module-qtquick-templates qml6-module-qtquick-layouts qml6-module-qtquick-shapes
  qml6-module-qtqml qml6-module-qtqml-models qml6-module-qtqml-workerscript qml6-module-qttest
  # devices, codes, images
  libusb-1.0-0-dev libzxing-dev libopencv-dev opencv-data
  # printing (cups and cups-client: the private cupsd and lpadmin of the `cups:QUEUE` test)
  libcups2-dev cups-ipp-utils poppler-utils dbus cups cups-client
  # storage, crypto, service manager
  libsqlite3-dev sqlite3 libssl-dev openssl libsystemd-dev
  # voice prompts: playback, a null sound sink for the tests, the recording script's tools
  qt6-multimedia-dev pulseaudio pulseaudio-utils espeak-ng sox
  # Chinese input
  libgooglepinyin0-dev libgooglepinyin0
  # tests: emulated USB, a display server, fonts
  umockdev libumockdev-dev xvfb xauth fonts-noto-cjk fonts-dejavu-core
  # the Debian package: its runtime needs that tests install it with, and systemd-analyze
  cage xwayland seatd qt6-wayland systemd libpam-systemd polkitd
  # the package's checks: lintian (test_packagehardening), binutils' readelf and objcopy (CPack's
  # debug-symbol packages), udevadm (the rules' syntax)
  lintian binutils udev
  # the codec fuzz targets (libFuzzer)
  clang libclang-rt-14-dev
  # video help: GStreamer's webrtcbin (plugins-bad) with ICE (nice), VP8 (good), Opus (base),
  # the microphone and the speaker (pulseaudio); the agent's side in a real browser, driven by
  # chromedriver through Selenium
  libgstreamer1.0-dev libgstreamer-plugins-base1.0-dev libgstreamer-plugins-bad1.0-dev
  gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-plugins-bad gstreamer1.0-nice
  gstreamer1.0-pulseaudio chromium chromium-driver python3-selenium
  # fleet monitoring: Prometheus, its textfile collector and Alertmanager (promtool is in prometheus)
  prometheus prometheus-node-exporter prometheus-alertmanager
  # A/B updates: RAUC signs and checks bundles (squashfs), GRUB's script checker (ctest rauc_bundle)
  rauc squashfs-tools grub-common
)
# `deps.sh --image-test`: also what packaging/image/build-image.sh and test-tpm.sh need (the image
# from Debian's archive, QEMU and a software TPM 2.0). No ctest needs them, so CI goes without.
if [ "${1:-}" = --image-test ]; then
  packages+=(mmdebstrap fdisk e2fsprogs qemu-system-x86 swtpm swtpm-tools
    # the A/B image: GRUB for BIOS (and EFI machines to come), RAUC bundles of a new root file system
    rauc squashfs-tools grub-pc-bin grub-efi-amd64-bin)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "deps: all ${#packages[@]} packages present"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "deps: missing packages (run as root to install): ${missing[*]}" >&2
  exit 1
fi

echo "deps: installing ${#missing[@]} packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends "${missing[@]}"
