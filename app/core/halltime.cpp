#include "halltime.h"

#include "kioskconfig.h"

#include <QTimeZone>

#include <ctime>

namespace HallTime {

bool isKnownZone(const QString &zone)
{
    return !zone.isEmpty() && QTimeZone::isTimeZoneIdAvailable(zone.toUtf8());
}

bool apply(const QString &zone)
{
    if (!isKnownZone(zone))
        return false;
    // The C library and Qt's local time both follow TZ once tzset() has read it; QML's Date reads
    // the local zone when its engine starts, after this.
    qputenv("TZ", zone.toUtf8());
    tzset();
    return true;
}

bool apply(const KioskConfig &config)
{
    return apply(config.string(QStringLiteral("kiosk/time_zone")));
}

} // namespace HallTime
