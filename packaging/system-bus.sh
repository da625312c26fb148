#!/usr/bin/env bash
# ippeveprinter (the simulated printers of the demo and the tests) needs a running system D-Bus,
# even with DNS-SD off. This starts one when none answers. A socket file proves nothing: one left
# by a bus that died (a stopped session, a container restart) refuses connections and is removed.
set -euo pipefail
socket=/run/dbus/system_bus_socket

bus_answers() {
  dbus-send --system --print-reply --dest=org.freedesktop.DBus / org.freedesktop.DBus.GetId >/dev/null 2>&1
}

bus_answers && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "system-bus: no system D-Bus answers on $socket and only root can start one; simulated printers will not start" >&2
  exit 1
fi
rm -f "$socket" /run/dbus/pid
mkdir -p /run/dbus
dbus-daemon --system --fork
for _ in $(seq 50); do bus_answers && exit 0; sleep 0.1; done
echo "system-bus: dbus-daemon --system started but does not answer on $socket" >&2
exit 1
