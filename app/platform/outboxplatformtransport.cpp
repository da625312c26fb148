#include "outboxplatformtransport.h"

#include "platformclient.h"

#include <QJsonDocument>

OutboxPlatformTransport::OutboxPlatformTransport(PlatformClient &client)
    : m_client(client)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
}

void OutboxPlatformTransport::setClock(std::function<QDateTime()> clock)
{
    m_clock = std::move(clock);
}

DeliveryResult OutboxPlatformTransport::toDelivery(EntryKind kind, const PlatformResult &result)
{
    switch (result.outcome) {
    case PlatformOutcome::Ok: {
        const char *field = kind == EntryKind::Material   ? "material_ref"
                            : kind == EntryKind::Case      ? "case_no"
                            : kind == EntryKind::Complaint ? "complaint_no"
                                                           : "evaluation_id";
        return Delivered{result.body.value(QLatin1String(field)).toString(),
                         QJsonDocument(result.body).toJson(QJsonDocument::Compact)};
    }
    case PlatformOutcome::Transient:
    case PlatformOutcome::ClockSkew: { // a clock still off after the client's own retry
        Transient transient;
        if (result.retryAfterS)
            transient.retryAfter = std::chrono::seconds(*result.retryAfterS);
        transient.reason = result.errorCode.isEmpty() ? QStringLiteral("unavailable") : result.errorCode;
        return transient;
    }
    case PlatformOutcome::Permanent:
        break;
    }
    return Permanent{result.errorCode, result.summary()};
}

QJsonObject OutboxPlatformTransport::caseBodyToSend(QJsonObject body, const QDateTime &now)
{
    constexpr int MarginS = 60;
    const QJsonValue expiry = body.take(QLatin1String(HolderTokenExpiryKey));
    if (!body.contains(QLatin1String("holder_token")))
        return body;
    const QDateTime until = QDateTime::fromString(expiry.toString(), Qt::ISODate);
    if (!until.isValid() || now.addSecs(MarginS) >= until)
        body.remove(QLatin1String("holder_token"));
    return body;
}

std::optional<Rekey> OutboxPlatformTransport::withoutExpiredToken(const QByteArray &caseBody, const PlatformResult &result)
{
    const QJsonObject onlyTheToken{{QStringLiteral("holder_token"), QStringLiteral("expired")}};
    if (result.errorCode != QLatin1String("validation_failed") || result.details != onlyTheToken)
        return std::nullopt;
    QJsonObject body = QJsonDocument::fromJson(caseBody).object();
    if (!body.contains(QLatin1String("holder_token")))
        return std::nullopt;
    body.remove(QLatin1String("holder_token"));
    return Rekey{QJsonDocument(body).toJson(QJsonDocument::Compact), QStringLiteral("holder_token_expired")};
}

std::optional<QByteArray> OutboxPlatformTransport::bodyForFirstSend(const OutboxRequest &request)
{
    if (request.kind != EntryKind::Case)
        return std::nullopt;
    const QJsonDocument body = QJsonDocument::fromJson(request.body);
    if (!body.isObject())
        return std::nullopt; // deliver() parks it as it is
    // Only a case with a holder token depends on the moment it is sent; any other goes as queued.
    if (!body.object().contains(QLatin1String("holder_token")) && !body.object().contains(QLatin1String(HolderTokenExpiryKey)))
        return std::nullopt;
    return QJsonDocument(caseBodyToSend(body.object(), m_clock())).toJson(QJsonDocument::Compact);
}

void OutboxPlatformTransport::deliver(const OutboxRequest &request, Completion done)
{
    PlatformCall *call = nullptr;
    if (request.kind == EntryKind::Material) {
        call = m_client.uploadMaterial(request.materialId, request.body, request.contentType.toLatin1(), request.idempotencyKey);
    } else {
        const QJsonDocument body = QJsonDocument::fromJson(request.body);
        if (!body.isObject()) {
            done(Permanent{QStringLiteral("bad_request"), QStringLiteral("the queued body is not a JSON object")});
            return;
        }
        // The body as the outbox kept it at the first send: a retry must not differ by a byte.
        if (request.kind == EntryKind::Case)
            call = m_client.submitCase(body.object(), request.idempotencyKey);
        else if (request.kind == EntryKind::Complaint)
            call = m_client.submitComplaint(body.object(), request.idempotencyKey);
        else
            call = m_client.submitEvaluation(body.object(), request.idempotencyKey);
    }
    const EntryKind kind = request.kind;
    const QByteArray sent = kind == EntryKind::Case ? request.body : QByteArray();
    QObject::connect(call, &PlatformCall::finished, call, [kind, sent, done](const PlatformResult &result) {
        if (kind == EntryKind::Case) {
            if (std::optional<Rekey> again = withoutExpiredToken(sent, result)) {
                done(*again);
                return;
            }
        }
        done(toDelivery(kind, result));
    });
}
