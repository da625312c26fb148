#include "identityverification.h"

#include "applog.h"
#include "vision/facematcher.h"
#include "platformcall.h"
#include "platformclient.h"
#include "verifiedholder.h"

#include <QBuffer>
#include <utility>
#include <QImage>

namespace {

// The matcher takes JPEG on both sides; the photo plugin gives the card's photo as BMP.
QByteArray referencePicture(const QByteArray &decodedPhoto)
{
    QImage photo = QImage::fromData(decodedPhoto);
    if (photo.isNull())
        return {};
    QByteArray jpeg;
    QBuffer buffer(&jpeg);
    buffer.open(QIODevice::WriteOnly);
    photo.save(&buffer, "JPEG", 95);
    photo.fill(Qt::black);
    return jpeg;
}

} // namespace

IdentityVerification::IdentityVerification(QObject *parent)
    : QObject(parent)
{
    m_matching.setMaxThreadCount(1);
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

bool IdentityVerification::verifyLocally(FaceMatcher *matcher, const IdCardHolder &holder, QByteArray faceJpeg)
{
    if (!matcher) {
        faceJpeg.fill('\0');
        return false;
    }
    wipeSessionData();
    QByteArray reference = referencePicture(holder.decodedPhoto);
    m_state = State::Verifying;
    const quint64 attempt = m_localAttempt;
    emit started();
    // A vendor's matcher may take a good part of a second: never on the thread that draws the screen.
    m_matching.start([this, matcher, attempt, face = std::move(faceJpeg), reference = std::move(reference)]() mutable {
        QString error;
        std::optional<double> score;
        if (reference.isEmpty())
            error = QStringLiteral("the card's photo was not decoded");
        else
            score = matcher->compare(face, reference, &error);
        face.fill('\0');
        reference.fill('\0');
        const double threshold = matcher->threshold();
        QMetaObject::invokeMethod(
            this, [this, attempt, score, threshold, error] { takeLocalAnswer(attempt, score, threshold, error); }, Qt::QueuedConnection);
    });
    return true;
}

void IdentityVerification::takeLocalAnswer(quint64 attempt, std::optional<double> score, double threshold, const QString &error)
{
    if (attempt != m_localAttempt || m_state != State::Verifying)
        return;
    if (!score) {
        m_state = State::Failed;
        m_problem = QStringLiteral("face_match_error");
        qCWarning(lcSession) << "the local face matcher could not compare:" << error;
    } else if (*score < threshold) {
        m_state = State::Refused;
        m_problem = QStringLiteral("face_mismatch");
        qCInfo(lcSession) << "the local face matcher found no match, score" << *score << "below" << threshold;
    } else {
        setVerified(QStringLiteral("idcard+face"), true);
        qCInfo(lcSession) << "identity verified at the kiosk by the local face matcher, score" << *score;
    }
    emit finished(m_state == State::Verified, m_problem);
}

bool IdentityVerification::verifyAttested(PlatformClient *platform, const QString &staffToken, const QJsonObject &person,
                                          const QString &evidence)
{
    std::optional<IdCardHolder> holder = VerifiedHolder::fromPlatform(person);
    if (!holder || staffToken.isEmpty())
        return false;
    const QJsonObject request{{QStringLiteral("method"), QStringLiteral("staff_attested")},
                              {QStringLiteral("staff_token"), staffToken},
                              {QStringLiteral("person"), person},
                              {QStringLiteral("evidence"), evidence}};
    if (!send(platform, request, {}, 0)) {
        holder->wipe();
        return false;
    }
    m_attested = std::move(holder); // after send(), which wipes what an earlier check left
    return true;
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
    const bool byStaff = method == QLatin1String("staff_attested");
    std::optional<IdCardHolder> attested = std::exchange(m_attested, std::nullopt);
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
        if (byStaff)
            m_codeHolder = std::exchange(attested, std::nullopt);
        setVerified(byStaff  ? QStringLiteral("staff_attested")
                    : byCode ? QStringLiteral("netid_qr")
                    : withFace ? QStringLiteral("idcard+face") : QStringLiteral("idcard"), withFace);
        m_holderToken = result.body.value(QLatin1String("holder_token")).toString();
        const int expiresIn = result.body.value(QLatin1String("expires_in")).toInt(0);
        m_holderTokenExpiry = QDateTime::currentDateTimeUtc().addSecs(expiresIn > 0 ? expiresIn : 0);
        qCInfo(lcSession) << "identity verified by" << m_verifiedBy << (withFace ? "with a face check" : "");
    }
    if (attested)
        attested->wipe();
    emit finished(m_state == State::Verified, m_problem);
}

void IdentityVerification::setVerified(const QString &verifiedBy, bool withFace)
{
    m_state = State::Verified;
    m_verifiedBy = verifiedBy;
    m_withFace = withFace;
}

void IdentityVerification::wipeSessionData()
{
    ++m_localAttempt;
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
    if (m_attested)
        m_attested->wipe();
    m_attested.reset();
    m_problem.clear();
    m_state = State::None;
}
