#pragma once

#include "sessionmachine.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QString>

class PlatformCall;
class PlatformClient;
struct IdCardHolder;

// The platform's check of who is at the kiosk (POST /identity/verify): the card read by the SAM
// reader, with a face picture when the item needs one and the resident agreed. What it keeps for
// the session is the holder token that authorises the resident's other calls (their cases, their
// licences, documents to print) and how they were verified; the face picture is sent once and
// overwritten at once. The wipe forgets the token.
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

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] bool isVerified() const { return m_state == State::Verified; }
    // Authorises the resident's own calls until the session ends (empty unless verified).
    [[nodiscard]] QString holderToken() const { return m_holderToken; }
    // "idcard" or "idcard+face", as POST /cases wants it (empty unless verified).
    [[nodiscard]] QString verifiedBy() const { return m_verifiedBy; }
    // Refused: the platform's reason ("face_mismatch", "card_invalid", "card_expired").
    // Failed: "platform_offline" when no answer came, "platform_error" for anything else.
    [[nodiscard]] QString problem() const { return m_problem; }

    void wipeSessionData() override;

signals:
    // A request has gone to the platform.
    void started();
    void finished(bool verified, const QString &problem);

private:
    State m_state = State::None;
    QString m_holderToken;
    QString m_verifiedBy;
    QString m_problem;
    QPointer<PlatformCall> m_call;
};
