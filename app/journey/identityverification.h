#pragma once

#include "idcard/idcardholder.h"
#include "sessionmachine.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QThreadPool>

#include <optional>

class FaceMatcher;
class PlatformCall;
class PlatformClient;
struct PlatformResult;

// The platform's check of who is at the kiosk (POST /identity/verify): the card read by the SAM
// reader, or the code of the resident's network identity or provincial app, with a face picture
// when the item needs one and the resident agreed. What it keeps for the session is the holder
// token that authorises the resident's other calls (their cases, their licences, documents to
// print), when it runs out, and how they were verified; the face picture is sent once and
// overwritten at once. The wipe forgets the token and the identity a code stood for.
// While the platform is away, a vendor's local 1:1 matcher (a plugin) can compare the live face
// with the card's decoded photo instead, for cases that will be queued and checked again later.
class IdentityVerification : public QObject, public SessionWipeable
{
    Q_OBJECT

public:
    enum class State { None, Verifying, Verified, Refused, Failed };
    Q_ENUM(State)

    explicit IdentityVerification(QObject *parent = nullptr);

    // Starts the check; finished() follows. `faceJpeg` empty means card only; it is overwritten
    // before this returns, whatever happens to the call. Returns false if no platform is set up.
    bool verifyCard(PlatformClient *platform, const IdCardHolder &holder, QByteArray faceJpeg = {}, double liveness = 0);
    // The same for the payload of a network-identity or app code (method netid_qr). The answer
    // must say whose code it is (`holder`: name and citizen number); one that does not is
    // refused as "code_without_identity", since the kiosk could not fill in the application.
    bool verifyCode(PlatformClient *platform, const QString &payload, QByteArray faceJpeg = {}, double liveness = 0);

    // A staff member signed in at the kiosk vouches for a resident without card or app code
    // (method staff_attested, platform-api.md 1.1): `person` is {"name", "id_number"} as the
    // staff member typed it, `evidence` how they know ("household_register", "temporary_id",
    // "known_person"). Verified, the person is the code holder (as for netid_qr) and cases go as
    // "staff_attested". False when the person is not a name with a valid citizen number.
    bool verifyAttested(PlatformClient *platform, const QString &staffToken, const QJsonObject &person, const QString &evidence);

    // The face check at the kiosk: `matcher` compares `faceJpeg` with the card's decoded photo on
    // a worker thread; finished() follows. A match verifies as "idcard+face" without a holder
    // token (the platform sees a queued case). Both pictures are overwritten once compared.
    // Returns false without a matcher.
    bool verifyLocally(FaceMatcher *matcher, const IdCardHolder &holder, QByteArray faceJpeg);

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] bool isVerified() const { return m_state == State::Verified; }
    // Authorises the resident's own calls until the session ends (empty unless verified).
    [[nodiscard]] QString holderToken() const { return m_holderToken; }
    // When the platform stops honouring the token (invalid unless verified): a case queued
    // past it goes without the token, as the contract wants for cases queued offline.
    [[nodiscard]] QDateTime holderTokenExpiry() const { return m_holderTokenExpiry; }
    // "idcard", "idcard+face", "netid_qr" or "staff_attested", as POST /cases wants it (empty
    // unless verified).
    [[nodiscard]] QString verifiedBy() const { return m_verifiedBy; }
    // The platform compared a live face with the person the card or code stands for.
    [[nodiscard]] bool faceChecked() const { return isVerified() && m_withFace; }
    // Verified by code: who the platform said the code belongs to.
    [[nodiscard]] const std::optional<IdCardHolder> &codeHolder() const { return m_codeHolder; }
    // Refused: the platform's reason ("face_mismatch", "card_invalid", "card_expired",
    // "qr_expired") or "code_without_identity". Failed: "platform_offline" when no answer came,
    // "platform_error" for anything else; "face_match_error" when the local matcher could not
    // compare (no decoded card photo, a picture it could not read).
    [[nodiscard]] QString problem() const { return m_problem; }

    void wipeSessionData() override;

signals:
    // A request has gone to the platform.
    void started();
    void finished(bool verified, const QString &problem);

private:
    bool send(PlatformClient *platform, QJsonObject request, QByteArray faceJpeg, double liveness);
    void takeAnswer(const PlatformResult &result, const QString &method, bool withFace);
    void takeLocalAnswer(quint64 attempt, std::optional<double> score, double threshold, const QString &error);
    void setVerified(const QString &verifiedBy, bool withFace);

    State m_state = State::None;
    QString m_holderToken;
    QDateTime m_holderTokenExpiry;
    QString m_verifiedBy;
    bool m_withFace = false;
    std::optional<IdCardHolder> m_codeHolder;
    std::optional<IdCardHolder> m_attested; // the person staff vouch for, until the platform answers
    QString m_problem;
    QPointer<PlatformCall> m_call;
    // Counts local checks, so that the answer to one the wipe cancelled is dropped.
    quint64 m_localAttempt = 0;
    // Last, so that it is destroyed first: its destructor waits for a comparison still running.
    QThreadPool m_matching;
};
