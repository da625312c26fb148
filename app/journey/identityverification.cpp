#include "identityverification.h"

#include "applog.h"
#include "idcard/idcardholder.h"
#include "platformcall.h"
#include "platformclient.h"

#include <QJsonObject>

IdentityVerification::IdentityVerification(QObject *parent)
    : QObject(parent)
{
}

bool IdentityVerification::verifyCard(PlatformClient *platform, const IdCardHolder &holder, QByteArray faceJpeg, double liveness)
{
    if (!platform) {
        faceJpeg.fill('\0');
        return false;
    }
    wipeSessionData();
    const bool withFace = !faceJpeg.isEmpty();
    QJsonObject card{{QStringLiteral("type"), IdCardHolder::typeName(holder.type)},
                     {QStringLiteral("name"), holder.name.isEmpty() ? holder.nameEn : holder.name},
                     {QStringLiteral("id_number"), holder.idNumber},
                     {QStringLiteral("issuer"), holder.issuer},
                     {QStringLiteral("valid_from"), holder.validFrom.toString(Qt::ISODate)},
                     {QStringLiteral("valid_until"), holder.validLongTerm ? QStringLiteral("long_term")
                                                                          : holder.validUntil.toString(Qt::ISODate)}};
    QJsonObject request{{QStringLiteral("method"), QStringLiteral("idcard")}, {QStringLiteral("card"), card}};
    if (withFace) {
        request.insert(QStringLiteral("face"), QJsonObject{{QStringLiteral("jpeg"), QString::fromLatin1(faceJpeg.toBase64())},
                                                           {QStringLiteral("liveness"), liveness}});
    }
    // The picture has gone into the request; nothing else keeps it.
    faceJpeg.fill('\0');

    m_state = State::Verifying;
    m_call = platform->verifyIdentity(request);
    emit started();
    connect(m_call, &PlatformCall::finished, this, [this, withFace](const PlatformResult &result) {
        m_call = nullptr;
        if (!result.isOk()) {
            m_state = State::Failed;
            m_problem = result.httpStatus == 0 ? QStringLiteral("platform_offline") : QStringLiteral("platform_error");
            qCInfo(lcSession) << "identity not verified:" << result.summary();
        } else if (!result.body.value(QLatin1String("verified")).toBool()) {
            m_state = State::Refused;
            m_problem = result.body.value(QLatin1String("reason")).toString(QStringLiteral("not_verified"));
            qCInfo(lcSession) << "identity refused by the platform:" << m_problem;
        } else {
            m_state = State::Verified;
            m_holderToken = result.body.value(QLatin1String("holder_token")).toString();
            m_verifiedBy = withFace ? QStringLiteral("idcard+face") : QStringLiteral("idcard");
            qCInfo(lcSession) << "identity verified by" << m_verifiedBy;
        }
        emit finished(m_state == State::Verified, m_problem);
    });
    return true;
}

void IdentityVerification::wipeSessionData()
{
    if (m_call)
        m_call->disconnect(this);
    m_call = nullptr;
    m_holderToken.fill(QLatin1Char('\0'));
    m_holderToken.clear();
    m_verifiedBy.clear();
    m_problem.clear();
    m_state = State::None;
}
