#include "clockskew.h"

ClockSkew ClockSkew::fromDateHeader(const QDateTime &serverTime, const QDateTime &receivedAt)
{
    ClockSkew skew;
    if (!serverTime.isValid() || !receivedAt.isValid())
        return skew;
    // Date drops the milliseconds: the middle of its second is the best guess.
    skew.offsetMs = receivedAt.msecsTo(serverTime.addMSecs(500));
    skew.measuredAt = receivedAt;
    return skew;
}

QDateTime ClockSkew::corrected(const QDateTime &local) const
{
    return isKnown() ? local.addMSecs(offsetMs) : local;
}

QString ClockSkew::seconds() const
{
    const qint64 s = offsetMs / 1000;
    return QStringLiteral("%1%2 s").arg(s >= 0 ? QStringLiteral("+") : QString()).arg(s);
}

QJsonObject ClockSkew::heartbeatDevice() const
{
    return {{QStringLiteral("class"), QStringLiteral("clock")},
            {QStringLiteral("id"), QStringLiteral("clock")},
            {QStringLiteral("health"), !isKnown() ? QStringLiteral("unknown") : isFarOff() ? QStringLiteral("warning") : QStringLiteral("ok")},
            {QStringLiteral("detail"), isKnown() ? QStringLiteral("skew ") + seconds() : QStringLiteral("not measured")}};
}
