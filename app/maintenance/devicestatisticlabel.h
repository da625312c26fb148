#pragma once

#include <QString>

// A device's counter as staff read it, in their language (zh or en): "cards_read 12" is
// "读卡 12 次" / "12 cards read", and a counter of time reads as hours and minutes. A counter no
// entry names (a newer driver's) still shows, as its words and its number.
class DeviceStatisticLabel
{
public:
    [[nodiscard]] static QString text(const QString &key, qint64 value, const QString &language);
};
