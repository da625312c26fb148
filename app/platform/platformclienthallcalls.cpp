#include "platformclient.h"

#include <QJsonDocument>
#include <QUrl>

// The hall's calls of contract 1.1: queue tickets, appointments checked in, fees paid by phone,
// and an agent asked for by video. All need the platform live.

PlatformCall *PlatformClient::requestAssistCall(const QJsonObject &request)
{
    // A live call: asking again later is a new call, so every attempt has its own key.
    return start(PlatformEndpoint::AssistCall, "POST", QStringLiteral("/assist/calls"),
                 QJsonDocument(request).toJson(QJsonDocument::Compact), "application/json", newIdempotencyKey(), true);
}

PlatformCall *PlatformClient::paymentStatus(const QString &paymentId)
{
    return start(PlatformEndpoint::Payments, "GET", QStringLiteral("/payments/") + QString::fromLatin1(QUrl::toPercentEncoding(paymentId)),
                 {}, {}, {}, true);
}

PlatformCall *PlatformClient::cancelPayment(const QString &paymentId, const QString &idempotencyKey)
{
    return start(PlatformEndpoint::Payments, "POST",
                 QStringLiteral("/payments/%1/cancel").arg(QString::fromLatin1(QUrl::toPercentEncoding(paymentId))),
                 QByteArrayLiteral("{}"), "application/json", idempotencyKey, true);
}

PlatformCall *PlatformClient::ticketGroups()
{
    return start(PlatformEndpoint::TicketGroups, "GET", QStringLiteral("/tickets/groups"), {}, {}, {}, true);
}

PlatformCall *PlatformClient::takeTicket(const QJsonObject &request, const QString &idempotencyKey)
{
    return start(PlatformEndpoint::Tickets, "POST", QStringLiteral("/tickets"), QJsonDocument(request).toJson(QJsonDocument::Compact),
                 "application/json", idempotencyKey, true);
}

PlatformCall *PlatformClient::appointments(const QString &holderToken)
{
    return start(PlatformEndpoint::Appointments, "GET",
                 QStringLiteral("/appointments?holder_token=") + QString::fromLatin1(QUrl::toPercentEncoding(holderToken)), {}, {},
                 {}, true);
}

PlatformCall *PlatformClient::checkInAppointment(const QString &appointmentId, const QString &idempotencyKey)
{
    // The check-in answers with a ticket, checked as one.
    return start(PlatformEndpoint::Tickets, "POST",
                 QStringLiteral("/appointments/%1/check-in").arg(QString::fromLatin1(QUrl::toPercentEncoding(appointmentId))),
                 QByteArrayLiteral("{}"), "application/json", idempotencyKey, true);
}
