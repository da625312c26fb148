#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

// How far the kiosk's clock is from the platform's: platform time minus local time, measured
// from the Date header of the platform's replies. Beyond FarOffMs (the contract refuses a
// signature 300 s off) it is a fault for staff to fix, shown in health, heartbeat and checklist;
// meanwhile the kiosk judges dates (a card's validity) by the platform's time, not its own.
struct ClockSkew {
    static constexpr qint64 FarOffMs = 5 * 60 * 1000;

    qint64 offsetMs = 0;
    QDateTime measuredAt; // local time of the reading; invalid when never measured

    // A reading from a Date header (whole seconds, so the platform's true time lies up to a
    // second later) received at local time `receivedAt`.
    [[nodiscard]] static ClockSkew fromDateHeader(const QDateTime &serverTime, const QDateTime &receivedAt);

    [[nodiscard]] bool isKnown() const { return measuredAt.isValid(); }
    [[nodiscard]] bool isFarOff() const { return isKnown() && qAbs(offsetMs) > FarOffMs; }
    // `local` moved onto the platform's clock when a reading is known, else `local` itself.
    [[nodiscard]] QDateTime corrected(const QDateTime &local) const;
    // "+3600 s" style, signed whole seconds.
    [[nodiscard]] QString seconds() const;
    // The heartbeat's devices entry: class "clock", health ok, warning (far off) or unknown, and
    // the detail "skew +3600 s".
    [[nodiscard]] QJsonObject heartbeatDevice() const;
};
