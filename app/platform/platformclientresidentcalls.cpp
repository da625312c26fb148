#include "platformclient.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QUrl>

// A resident's calls: identity, materials, cases and their progress, ratings, complaints, and the
// licences and documents the platform holds for them.

PlatformCall *PlatformClient::verifyIdentity(const QJsonObject &request, const QString &idempotencyKey)
{
    return start(PlatformEndpoint::IdentityVerify, "POST", QStringLiteral("/identity/verify"),
                 QJsonDocument(request).toJson(QJsonDocument::Compact), "application/json",
                 idempotencyKey.isEmpty() ? newIdempotencyKey() : idempotencyKey, true);
}

PlatformCall *PlatformClient::verifyStaff(const QString &qrPayload)
{
    const QJsonObject request{{QStringLiteral("method"), QStringLiteral("staff_qr")}, {QStringLiteral("qr_payload"), qrPayload}};
    return start(PlatformEndpoint::StaffVerify, "POST", QStringLiteral("/staff/verify"), QJsonDocument(request).toJson(QJsonDocument::Compact),
                 "application/json", newIdempotencyKey(), true);
}

PlatformCall *PlatformClient::uploadMaterial(const QString &materialId, const QByteArray &content,
                                             const QByteArray &contentType, const QString &idempotencyKey)
{
    PlatformCall *call = start(PlatformEndpoint::Materials, "POST", QStringLiteral("/materials"), content, contentType,
                               idempotencyKey);
    call->m_extraHeaders.insert("X-Material-Id", materialId.toUtf8());
    call->m_extraHeaders.insert("X-Content-Sha256", QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
    return call;
}

PlatformCall *PlatformClient::submitCase(const QJsonObject &request, const QString &idempotencyKey)
{
    return start(PlatformEndpoint::SubmitCase, "POST", QStringLiteral("/cases"),
                 QJsonDocument(request).toJson(QJsonDocument::Compact), "application/json", idempotencyKey);
}

PlatformCall *PlatformClient::submitEvaluation(const QJsonObject &request, const QString &idempotencyKey)
{
    return start(PlatformEndpoint::Evaluations, "POST", QStringLiteral("/evaluations"),
                 QJsonDocument(request).toJson(QJsonDocument::Compact), "application/json", idempotencyKey);
}

PlatformCall *PlatformClient::submitComplaint(const QJsonObject &request, const QString &idempotencyKey)
{
    return start(PlatformEndpoint::Complaints, "POST", QStringLiteral("/complaints"),
                 QJsonDocument(request).toJson(QJsonDocument::Compact), "application/json", idempotencyKey);
}

PlatformCall *PlatformClient::caseStatus(const QString &caseNumber)
{
    return start(PlatformEndpoint::CaseStatus, "GET",
                 QStringLiteral("/cases/") + QString::fromLatin1(QUrl::toPercentEncoding(caseNumber)), {}, {}, {}, true);
}

PlatformCall *PlatformClient::caseList(const QString &holderToken)
{
    return start(PlatformEndpoint::CaseList, "GET",
                 QStringLiteral("/cases?holder_token=") + QString::fromLatin1(QUrl::toPercentEncoding(holderToken)), {}, {},
                 {}, true);
}

PlatformCall *PlatformClient::licenses(const QString &holderToken)
{
    return start(PlatformEndpoint::Licenses, "GET",
                 QStringLiteral("/licenses?holder_token=") + QString::fromLatin1(QUrl::toPercentEncoding(holderToken)), {},
                 {}, {}, true);
}

PlatformCall *PlatformClient::fetchDocument(const QString &documentUrl, const QString &holderToken)
{
    QString path = documentUrl;
    if (!holderToken.isEmpty())
        path += (path.contains(QLatin1Char('?')) ? QStringLiteral("&") : QStringLiteral("?")) + QStringLiteral("holder_token=")
            + QString::fromLatin1(QUrl::toPercentEncoding(holderToken));
    return start(PlatformEndpoint::Document, "GET", path, {}, {}, {}, true);
}
