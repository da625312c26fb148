#include "identityverification.h"

#include "applog.h"
#include "platformcall.h"
#include "platformclient.h"
#include "verifiedholder.h"

IdentityVerification::IdentityVerification(QObject *parent)
    : QObject(parent)
{
}

bool IdentityVerification::verifyCard(PlatformClient *platform, const IdCardHolder &holder, QByteArray faceJpeg, double liveness)
{
    QJsonObject card{{QStringLiteral("type"), IdCardHolder::typeName(holder.type)},
                     {QStringLiteral("name"), holder.name.isEmpty() ? holder.nameEn : holder.name},
                     {QStringLiteral("id_number"), holder.idNumber},
                     {QStringLiteral("issuer"), holder.issuer},
                     {QStringLiteral("valid_from"), holder.validFrom.toString(Qt::ISODate)},
                     {QStringLiteral("valid_until"), holder.validLongTerm ? QStringLiteral("long_term")
                                                                          : holder.validUntil.toString(Qt::ISODate)}};
    if (!holder.samId.isEmpty())
        card.insert(QStringLiteral("sam_id"), holder.samId);
    return send(platform, {{QStringLiteral("method"), QStringLiteral("idcard")}, {QStringLiteral("card"), card}},
                std::move(faceJpeg), liveness);
}

bool IdentityVerification::verifyCode(PlatformClient *platform, const QString &payload, QByteArray faceJpeg, double liveness)
{
    return send(platform, {{QStringLiteral("method"), QStringLiteral("netid_qr")}, {QStringLiteral("qr_payload"), payload}},
                std::move(faceJpeg), liveness);
}

bool IdentityVerification::send(PlatformClient *platform, QJsonObject request, QByteArray faceJpeg, double liveness)
{
    if (!platform) {
        faceJpeg.fill('\0');
        return false;
    }
    wipeSessionData();
    const bool withFace = !faceJpeg.isEmpty();
    if (withFace) {
        request.insert(QStringLiteral("face"), QJsonObject{{QStringLiteral("jpeg"), QString::fromLatin1(faceJpeg.toBase64())},
                                                           {QStringLiteral("liveness"), liveness}});
    }
    // The picture has gone into the request; nothing else keeps it.
    faceJpeg.fill('\0');

    const QString method = request.value(QLatin1String("method")).toString();
    m_state = State::Verifying;
    m_call = platform->verifyIdentity(request);
    emit started();
    connect(m_call, &PlatformCall::finished, this,
            [this, method, withFace](const PlatformResult &result) { takeAnswer(result, method, withFace); });
    return true;
}

void IdentityVerification::takeAnswer(const PlatformResult &result, const QString &method, bool withFace)
{
    m_call = nullptr;
    const bool byCode = method == QLatin1String("netid_qr");
    if (!result.isOk()) {
        m_state = State::Failed;
        m_problem = result.httpStatus == 0 ? QStringLiteral("platform_offline") : QStringLiteral("platform_error");
        qCInfo(lcSession) << "identity not verified:" << result.summary();
    } else if (!result.body.value(QLatin1String("verified")).toBool()) {
        m_state = State::Refused;
        m_problem = result.body.value(QLatin1String("reason")).toString(QStringLiteral("not_verified"));
        qCInfo(lcSession) << "identity refused by the platform:" << m_problem;
    } else if (byCode && !(m_codeHolder = VerifiedHolder::fromPlatform(result.body.value(QLatin1String("holder")).toObject()))) {
        m_state = State::Refused;
        m_problem = QStringLiteral("code_without_identity");
        qCWarning(lcSession) << "the platform verified a code but did not say whose it is";
    } else {
        m_state = State::Verified;
        m_withFace = withFace;
        m_holderToken = result.body.value(QLatin1String("holder_token")).toString();
        const int expiresIn = result.body.value(QLatin1String("expires_in")).toInt(0);
        m_holderTokenExpiry = QDateTime::currentDateTimeUtc().addSecs(expiresIn > 0 ? expiresIn : 0);
        m_verifiedBy = byCode ? QStringLiteral("netid_qr") : withFace ? QStringLiteral("idcard+face") : QStringLiteral("idcard");
        qCInfo(lcSession) << "identity verified by" << m_verifiedBy << (withFace ? "with a face check" : "");
    }
    emit finished(m_state == State::Verified, m_problem);
}

void IdentityVerification::wipeSessionData()
{
    if (m_call)
        m_call->disconnect(this);
    m_call = nullptr;
    m_holderToken.fill(QLatin1Char('\0'));
    m_holderToken.clear();
    m_holderTokenExpiry = QDateTime();
    m_verifiedBy.clear();
    m_withFace = false;
    if (m_codeHolder)
        m_codeHolder->wipe();
    m_codeHolder.reset();
    m_problem.clear();
    m_state = State::None;
}
