#pragma once

#include <QString>

class KioskConfig;

// The hall's time zone (kiosk/time_zone, Asia/Shanghai unless configured) made the process's own:
// every clock on screen, the times of a case's progress, receipts and certificates are the hall's
// local time, whatever zone the machine's image was built with (often UTC). The kiosk applies it
// before anything shows or prints a time; kioskctl too, so both speak of the same hour.
namespace HallTime {

// True when `zone` is an IANA time zone this machine knows ("Asia/Shanghai").
[[nodiscard]] bool isKnownZone(const QString &zone);
// Makes `zone` the process's local time zone (TZ, then tzset()); false, and nothing changed, for an
// unknown zone.
bool apply(const QString &zone);
// The configuration's zone, applied.
bool apply(const KioskConfig &config);

} // namespace HallTime
