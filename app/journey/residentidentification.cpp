#include "residentidentification.h"

#include "applog.h"
#include "camera/camera.h"
#include "identityverification.h"
#include "idcard/idcardreader.h"
#include "platformclient.h"
#include "scanner/barcodescanner.h"
#include "sessionmachine.h"

#include <QDate>

ResidentIdentification::ResidentIdentification(const Parts &parts, QObject *parent)
    : QObject(parent)
    , m_parts(parts)
{
    SessionMachine *session = m_parts.session;
    connect(session, &SessionMachine::sessionEnded, this, &ResidentIdentification::stopFaceCheck);
    // An identity shown by code is taken before anyone else hears that the check is over.
    connect(m_parts.verification, &IdentityVerification::finished, this, &ResidentIdentification::takeVerifiedCode);
    connect(m_parts.verification, &IdentityVerification::finished, this, &ResidentIdentification::verificationFinished);
    connect(session, &SessionMachine::stateChanged, this, &ResidentIdentification::watchForCodes);
    connect(session, &SessionMachine::sessionEnded, this, [this] {
        m_codeBeingVerified.fill(QLatin1Char('\0'));
        m_codeBeingVerified.clear();
    });
    watchDevices();
}

void ResidentIdentification::watchDevices()
{
    if (Camera *camera = m_parts.devices.faceCamera()) {
        connect(camera, &Camera::faceGuidance, this, [this](const QString &guidance) {
            if (m_parts.session->state() != SessionState::Verify)
                return;
            // A face before the camera is a resident at work, not an idle screen.
            if (guidance != QLatin1String("no_face"))
                m_parts.session->touch();
            emit faceGuidance(guidance);
        });
        connect(camera, &Camera::faceCaptured, this, [this](const QByteArray &jpeg, double) { takeFace(jpeg); });
        connect(camera, &Camera::codeScanned, this, [this](const QString &, const QString &text) { takeCode(text); });
    }
    // Codes count only while the kiosk asks who the resident is (a receipt, an app's QR code), or
    // on the home screen (a receipt's, see takeCode()).
    if (BarcodeScanner *scanner = m_parts.devices.barcodeScanner())
        connect(scanner, &BarcodeScanner::codeScanned, this, [this](const QString &, const QString &text) { takeCode(text); });
    if (IdCardReader *reader = m_parts.devices.idCardReader()) {
        connect(reader, &IdCardReader::cardRead, this, &ResidentIdentification::takeCard);
        connect(reader, &IdCardReader::cardReadFailed, this, [this](const QString &detail) {
            if (m_parts.session->state() == SessionState::Identify)
                emit cardReadFailed(detail);
        });
    }
}

void ResidentIdentification::takeCode(const QString &text)
{
    // On the home screen a code identifies nobody, but a receipt's code opens its progress
    // (ResidentChoice); at any other moment a code is no answer to anything the kiosk asked.
    const SessionState state = m_parts.session->state();
    if (state == SessionState::ChooseService) {
        m_parts.session->touch();
        emit codeShownAtHome(text);
        return;
    }
    if (state != SessionState::Identify)
        return;
    m_parts.session->touch();
    emit codeScanned(text);
}

void ResidentIdentification::takeCard(const IdCardHolder &holder)
{
    // A card counts only while the kiosk asks for one; at any other moment it is not read into
    // the session, so a card left on the reader cannot leak into the next resident's.
    if (m_parts.session->state() != SessionState::Identify) {
        qCInfo(lcSession) << "card presented outside identification; not taken";
        return;
    }
    m_parts.session->touch();
    // A kiosk whose clock is far off would call every card expired or not yet valid: the date is
    // the platform's when its replies have told how far off this clock is.
    const QDate today = m_parts.platform ? m_parts.platform->clockSkew().corrected(QDateTime::currentDateTime()).date()
                                         : QDate::currentDate();
    const ResidentIdentity::Refusal refusal = m_parts.identity->acceptCard(holder, today);
    if (refusal != ResidentIdentity::Refusal::None)
        emit cardRefused(refusal);
}

bool ResidentIdentification::platformAway() const
{
    return !m_parts.platform || m_parts.platform->connectivity() == PlatformClient::Connectivity::Offline;
}

bool ResidentIdentification::verifyResident(bool withFace)
{
    SessionMachine *session = m_parts.session;
    IdentityVerification *verification = m_parts.verification;
    const IdCardHolder *holder = m_parts.identity->holder();
    if (!holder || verification->state() == IdentityVerification::State::Verifying)
        return false;
    if (!m_parts.platform && !(withFace && localFaceCheckAvailable()))
        return false;
    if (session->state() != SessionState::Verify && !session->advance(SessionState::Verify))
        return false;
    session->touch();
    if (!withFace && m_parts.identity->method() == ResidentIdentity::Method::Code)
        return verification->verifyCode(m_parts.platform, m_parts.identity->codePayload());
    if (!withFace)
        return verification->verifyCard(m_parts.platform, *holder);
    Camera *camera = m_parts.devices.faceCamera();
    if (!camera || !camera->health().isUsable())
        return false;
    camera->setMode(Camera::Mode::Face);
    return true;
}

void ResidentIdentification::takeFace(const QByteArray &jpeg)
{
    QByteArray picture = jpeg;
    const IdCardHolder *holder = m_parts.identity->holder();
    if (m_parts.session->state() != SessionState::Verify || !holder) {
        picture.fill('\0');
        return;
    }
    // The platform is the one that verifies; the kiosk's own matcher stands in only while it is
    // away, for a card the kiosk's SAM reader has read (a case then waits in the outbox).
    if (platformAway() && m_parts.identity->method() == ResidentIdentity::Method::Card && localFaceCheckAvailable()) {
        m_parts.session->touch();
        (void)m_parts.verification->verifyLocally(m_parts.localMatcher, *holder, std::move(picture));
        return;
    }
    if (!m_parts.platform) {
        picture.fill('\0');
        return;
    }
    // The camera hands the picture over only once the liveness challenge has passed; the
    // platform is told so (the turn challenge is a deterrent, not presentation-attack detection).
    constexpr double LivenessPassed = 0.9;
    m_parts.session->touch();
    if (m_parts.identity->method() == ResidentIdentity::Method::Code)
        (void)m_parts.verification->verifyCode(m_parts.platform, m_parts.identity->codePayload(), std::move(picture), LivenessPassed);
    else
        (void)m_parts.verification->verifyCard(m_parts.platform, *holder, std::move(picture), LivenessPassed);
}

bool ResidentIdentification::identifyByCode(const QString &payload)
{
    if (m_parts.session->state() != SessionState::Identify || m_parts.verification->state() == IdentityVerification::State::Verifying)
        return false;
    if (platformAway())
        return false;
    m_parts.session->touch();
    m_codeBeingVerified = payload;
    return m_parts.verification->verifyCode(m_parts.platform, payload);
}

bool ResidentIdentification::identifyByStaff(const QString &staffToken, const QJsonObject &person, const QString &evidence)
{
    if (m_parts.session->state() != SessionState::Identify || m_parts.verification->state() == IdentityVerification::State::Verifying
        || m_parts.identity->isIdentified() || platformAway())
        return false;
    m_parts.session->touch();
    if (!m_parts.verification->verifyAttested(m_parts.platform, staffToken, person, evidence))
        return false;
    // The identity stands on the staff member's word; there is no code to show again.
    m_codeBeingVerified = QStringLiteral("staff_attested");
    return true;
}

void ResidentIdentification::takeVerifiedCode(bool verified)
{
    const QString payload = std::exchange(m_codeBeingVerified, QString());
    if (payload.isEmpty() || m_parts.session->state() != SessionState::Identify)
        return;
    // A card laid on the reader while the code was being checked came first: the resident is who
    // the card says, and the code's answer (its token included) is not theirs to keep.
    if (m_parts.identity->isIdentified()) {
        m_parts.verification->wipeSessionData();
        return;
    }
    if (verified && m_parts.verification->codeHolder())
        m_parts.identity->acceptVerifiedCode(*m_parts.verification->codeHolder(), payload);
}

void ResidentIdentification::watchForCodes(SessionState, SessionState to)
{
    // While the kiosk asks who the resident is, the face camera also looks for a code held up to
    // it (an app's identity code, a receipt); at other times it decodes nothing.
    Camera *camera = m_parts.devices.faceCamera();
    if (!camera)
        return;
    if (to == SessionState::Identify)
        camera->setMode(Camera::Mode::Codes);
    else if (camera->mode() == Camera::Mode::Codes)
        camera->setMode(Camera::Mode::Preview);
}

void ResidentIdentification::stopFaceCheck()
{
    if (Camera *camera = m_parts.devices.faceCamera())
        camera->setMode(Camera::Mode::Preview);
}
