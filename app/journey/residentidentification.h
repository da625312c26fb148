#pragma once

#include "journeydevices.h"
#include "residentidentity.h"
#include "sessionstate.h"

#include <QByteArray>
#include <QJsonObject>
#include <QObject>
#include <QString>

class FaceMatcher;
class IdentityVerification;
class PlatformClient;
class SessionMachine;
struct IdCardHolder;

// Who the resident is and whether that is checked: the card laid on the reader while the kiosk
// asks for one, the network-identity or app code (netid_qr) shown on the scanner or to the
// camera, and the face check with the platform (or, while it is away, the kiosk's own matcher).
// Nothing presented outside its moment is taken into the session.
class ResidentIdentification : public QObject
{
    Q_OBJECT

public:
    struct Parts {
        SessionMachine *session = nullptr;
        ResidentIdentity *identity = nullptr;
        IdentityVerification *verification = nullptr;
        PlatformClient *platform = nullptr;
        JourneyDevices devices;
        FaceMatcher *localMatcher = nullptr; // null unless a face can be checked at the kiosk
    };

    explicit ResidentIdentification(const Parts &parts, QObject *parent = nullptr);

    // Consent and verify. The identified resident is checked by the platform: with their face
    // (`withFace`, only after they agreed: the face camera looks for a live face, and the picture
    // goes to POST /identity/verify once) or with the card alone. verificationFinished() follows;
    // faceGuidance() tells the resident what to do meanwhile.
    bool verifyResident(bool withFace);
    // Identification by the code of the resident's network identity or provincial app (netid_qr):
    // the platform says whose it is, and the resident is then identified as by a card
    // (verificationFinished() follows). Needs the platform live.
    bool identifyByCode(const QString &payload);
    // Identification by a staff member signed in at the kiosk (staff_attested): `person` is the
    // name and citizen number they typed; the platform confirms it with their staff token and the
    // resident is then identified as by a code (verificationFinished() follows).
    bool identifyByStaff(const QString &staffToken, const QJsonObject &person, const QString &evidence);
    // The resident declined, or gave up on, the face check: the camera stops and forgets.
    void stopFaceCheck();
    // A face can be checked at the kiosk while the platform is away: a local matcher plugin and a
    // photo decoder are both installed (devices/face_matcher, devices/id_card_photo_decoder).
    [[nodiscard]] bool localFaceCheckAvailable() const { return m_parts.localMatcher != nullptr; }
    [[nodiscard]] bool faceCameraUsable() const { return m_parts.devices.faceCameraUsable(); }
    [[nodiscard]] bool cardReaderUsable() const { return m_parts.devices.idCardReaderUsable(); }

signals:
    // A card was presented while the kiosk waited for one, and refused (expired, unreadable).
    void cardRefused(ResidentIdentity::Refusal refusal);
    // A card was presented but could not be read (moved too soon, SAM trouble): ask again.
    void cardReadFailed(const QString &detail);
    // Face check guidance: a FaceObservation word ("move_closer", "hold_still", "good").
    void faceGuidance(const QString &guidance);
    void verificationFinished(bool verified, const QString &problem);
    // A code was scanned on the reader or the camera while the kiosk asked for identification.
    void codeScanned(const QString &text);
    // A code was scanned while the home screen was shown: a receipt's, perhaps, never an identity.
    void codeShownAtHome(const QString &text);

private:
    void watchDevices();
    void takeCard(const IdCardHolder &holder);
    void takeCode(const QString &text);
    void takeFace(const QByteArray &jpeg);
    void takeVerifiedCode(bool verified);
    void watchForCodes(SessionState from, SessionState to);
    [[nodiscard]] bool platformAway() const;

    Parts m_parts;
    QString m_codeBeingVerified; // the payload of an identification by code, until the answer
};
