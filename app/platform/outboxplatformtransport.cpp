#include "outboxplatformtransport.h"

#include "platformclient.h"

#include <QJsonDocument>

OutboxPlatformTransport::OutboxPlatformTransport(PlatformClient &client)
    : m_client(client)
{
}

DeliveryResult OutboxPlatformTransport::toDelivery(EntryKind kind, const PlatformResult &result)
{
    switch (result.outcome) {
    case PlatformOutcome::Ok: {
        const char *field = kind == EntryKind::Material ? "material_ref" : kind == EntryKind::Case ? "case_no" : "evaluation_id";
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
        call = request.kind == EntryKind::Case ? m_client.submitCase(caseBodyToSend(body.object(), QDateTime::currentDateTimeUtc()),
                                                                     request.idempotencyKey)
                                               : m_client.submitEvaluation(body.object(), request.idempotencyKey);
    }
    const EntryKind kind = request.kind;
    QObject::connect(call, &PlatformCall::finished, call, [kind, done](const PlatformResult &result) { done(toDelivery(kind, result)); });
}
