#pragma once

#include "httpmessage.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QString>

#include <functional>

// The hall's queuing system as the platform fronts it (取号 / 预约, contract 1.1 "Queue tickets
// and appointments"): counter groups with the people waiting, tickets taken at a kiosk, and the
// residents' appointments and their check-in. Its state lives in the platform's database; the
// demo data is a few groups (one closed) and, for the demo resident's card, an appointment today
// in this hall and one in another hall.
class HallCounters
{
public:
    // `holderOf` turns a holder token into the holder's key (empty when unknown or expired);
    // `timeText` writes a time as the platform does.
    HallCounters(QSqlDatabase db, std::function<QString(const QByteArray &)> holderOf,
                 std::function<QString(const QDateTime &)> timeText);

    // Creates the tables and the demo data; false with `error` when the database refuses.
    [[nodiscard]] bool open(const QDateTime &now, QString *error);

    // GET /tickets/groups
    [[nodiscard]] HttpResponse groups() const;
    // POST /tickets from the terminal `terminalId`.
    [[nodiscard]] HttpResponse takeTicket(const HttpRequest &request, const QString &terminalId, const QDateTime &now);
    // GET /appointments?holder_token=…
    [[nodiscard]] HttpResponse appointments(const HttpRequest &request, const QDateTime &now) const;
    // POST /appointments/{id}/check-in, at a kiosk of the hall `division`.
    [[nodiscard]] HttpResponse checkIn(const QString &appointmentId, const QString &terminalId, const QString &division,
                                       const QDateTime &now);

    // The demo appointments' ids: in this hall (340103) today, and in another hall today.
    static constexpr const char *demoAppointment = "AP340103000001";
    static constexpr const char *otherHallAppointment = "AP340111000002";

private:
    [[nodiscard]] HttpResponse issue(const QString &group, const QString &priority, const QString &terminalId,
                                     const QString &appointmentId, const QDateTime &now);

    QSqlDatabase m_db;
    std::function<QString(const QByteArray &)> m_holderOf;
    std::function<QString(const QDateTime &)> m_timeText;
};
