#pragma once

#include "applicationdraft.h"
#include "casesubmission.h"
#include "catalogue.h"
#include "documentdelivery.h"
#include "identityverification.h"
#include "kioskconfig.h"
#include "outboxcondition.h"
#include "residentidentity.h"
#include "residentrecords.h"
#include "sessionmachine.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>

class Camera;
class DeviceRegistry;
class FaceMatcherLoader;
class OutboxConnectivityFollower;
class OutboxPlatformTransport;
class PlatformHeartbeat;
class OutboxSender;
class OutboxStore;
class PlatformClient;
class Printer;
class PrintJob;
class QThread;
struct IdCardHolder;

// Everything the kiosk process runs, built from one validated configuration: the catalogue, the
// peripherals, the platform client, the outbox and its sender, and the resident session with the
// identity and application it holds. The UI module presents it; tests build their own.
class KioskRuntime : public QObject
{
    Q_OBJECT

public:
    // Builds the runtime or explains why it cannot start (a catalogue that does not load, a state
    // directory that cannot be made). Parts that fail later in start-up (a device, the outbox key,
    // the platform's CA) do not stop the kiosk: they are logged and reported, and the services
    // that need them are shown unavailable with the reason.
    [[nodiscard]] static std::unique_ptr<KioskRuntime> create(const KioskConfig &config, QString *error);
    ~KioskRuntime() override;

    [[nodiscard]] const KioskConfig &config() const { return m_config; }
    [[nodiscard]] const Catalogue &catalogue() const { return m_catalogue; }
    [[nodiscard]] SessionMachine *session() { return &m_session; }
    [[nodiscard]] ResidentIdentity *identity() { return &m_identity; }
    [[nodiscard]] ApplicationDraft *draft() { return &m_draft; }
    [[nodiscard]] IdentityVerification *verification() { return &m_verification; }
    [[nodiscard]] ResidentRecords *records() { return &m_records; }
    [[nodiscard]] DocumentDelivery *delivery() { return &m_delivery; }
    [[nodiscard]] DeviceRegistry *devices() const { return m_devices.get(); }
    [[nodiscard]] PlatformClient *platform() const { return m_platform.get(); }
    [[nodiscard]] OutboxStore *outbox() const { return m_outbox.get(); }
    // What staff must know of the outbox: a key or file that keeps it closed, damaged files set aside.
    [[nodiscard]] OutboxCondition outboxCondition() const;
    // The platform locked this terminal (heartbeat command `lock`): once the current resident
    // has finished, the kiosk shows "out of service" until `unlock`.
    [[nodiscard]] bool isLocked() const { return m_locked; }
    // The heartbeat body of the contract: version, uptime, queue, devices, free disk.
    [[nodiscard]] QJsonObject heartbeatReport() const;
    // Null until the terminal is enrolled (heartbeatStarted() then follows).
    [[nodiscard]] PlatformHeartbeat *heartbeat() const { return m_heartbeat.get(); }

    // Why a resident cannot start `item` on this kiosk right now, before they type anything:
    // "outbox_unavailable", "outbox_full", "platform_offline" (an item that needs the platform live),
    // "not_yet_on_this_kiosk" (a kind of journey this build does not offer); empty when they can.
    [[nodiscard]] QString unavailableReason(const CatalogueItem &item) const;

    // Starts the application for the selected item once the resident is identified (and, when
    // the item needs it, verified).
    bool beginApplication(const QString &itemCode);

    // 一件事一次办: the theme's items filed from one merged form after one identification; the
    // merged item is what the draft holds. Why the theme cannot be started now (the first of its
    // items' reasons, or "not_a_theme"), or empty.
    [[nodiscard]] QString themeUnavailableReason(const QString &themeId) const;
    bool beginThemeApplication(const QString &themeId);
    // The theme of the application in progress, or empty for a single item.
    [[nodiscard]] QString themeInProgress() const { return m_themeId; }
    // After a theme's submission: each item's code with what became of its case, in order.
    [[nodiscard]] const QList<std::pair<QString, CaseSubmission::Outcome>> &themeOutcomes() const { return m_themeOutcomes; }

    // Consent and verify. The identified resident is checked by the platform: with their face
    // (`withFace`, only after they agreed: the face camera looks for a live face, and the picture
    // goes to POST /identity/verify once) or with the card alone. verificationFinished() follows;
    // faceGuidance() tells the resident what to do meanwhile.
    bool verifyResident(bool withFace);
    // Identification by the code of the resident's network identity or provincial app (netid_qr),
    // shown on the scanner or to the camera: the platform says whose it is, and the resident is
    // then identified as by a card (verificationFinished() follows). Needs the platform live.
    bool identifyByCode(const QString &payload);
    // The resident declined, or gave up on, the face check: the camera stops and forgets.
    void stopFaceCheck();
    // A face can be checked at the kiosk while the platform is away: a local matcher plugin and a
    // photo decoder are both installed (devices/face_matcher, devices/id_card_photo_decoder).
    [[nodiscard]] bool localFaceCheckAvailable() const;
    [[nodiscard]] bool faceCameraUsable() const;

    // After verification, the errands that end in a result at once (Result state):
    // a `print` or `query` item filed and its document printed on the document printer,
    bool deliverInstantItem(const QString &itemCode);
    // the resident's cases and their progress (办件查询),
    bool showProgress();
    // the resident's e-licences (电子证照), each printable with printLicence().
    bool showLicences();
    bool printLicence(const QString &licenceId);
    // Progress of the case on a receipt, from its QR code (no identification needed: the number
    // is the key, and the answer holds no personal data). A reference of this kiosk's outbox for
    // a case not yet sent is answered from the outbox. Returns false for a code that is no receipt's.
    bool queryReceiptCode(const QString &text);
    [[nodiscard]] bool documentPrinterUsable() const;
    // The document camera (高拍仪), when there is one.
    [[nodiscard]] bool documentCameraUsable() const;
    // Points the document camera at the material `materialId` of the draft; capturePage() then
    // adds what it sees as one page (pageCaptured() follows).
    bool startDocumentCapture(const QString &materialId);
    bool capturePage();
    void stopDocumentCapture();

    // Files the draft through the outbox; submissionFinished() follows.
    bool submitApplication();
    // Prints the receipt of the case just filed or queued, in `language`, on the receipt printer.
    // receiptPrinted() follows with whether it came out; a failure can be retried (reprint). A
    // printer that stops on the receipt (out of paper) is reported not printed at once, and printed
    // after all if it comes out once staff see to the printer, while the session lasts; only the
    // latest receipt of the current session is reported.
    bool printReceipt(const QString &language);
    [[nodiscard]] bool receiptPrinterUsable() const;

    // Queues the 好差评 rating of the case just filed (by case number or local reference).
    bool submitRating(int score, const QStringList &tags, const QString &comment, const QString &caseNo, const QString &localRef);

signals:
    // A card was presented while the kiosk waited for one, and refused (expired, unreadable).
    void cardRefused(ResidentIdentity::Refusal refusal);
    // A card was presented but could not be read (moved too soon, SAM trouble): ask again.
    void cardReadFailed(const QString &detail);
    void submissionFinished(const CaseSubmission::Outcome &outcome);
    // The receipt job ended or stalled: printed, or not with the printer's reason ("media-empty", …).
    void receiptPrinted(bool printed, const QString &detail);
    void lockedChanged(bool locked);
    void heartbeatStarted();
    // The platform's catalogue replaced the one the kiosk offered (between two residents).
    void catalogueChanged();
    // A page was captured for the current material; `pageFound` is false when no page outline
    // was found and the whole frame was kept (the resident may want to retake it).
    void pageCaptured(bool pageFound);
    // Face check guidance: a FaceObservation word ("move_closer", "hold_still", "good").
    void faceGuidance(const QString &guidance);
    void verificationFinished(bool verified, const QString &problem);
    // A code was scanned on the reader or the camera while the kiosk asked for identification.
    void codeScanned(const QString &text);

private:
    KioskRuntime(const KioskConfig &config, Catalogue catalogue);
    void startDevices();
    void startPlatformAndOutbox();
    void startHeartbeat();
    void takeCard(const IdCardHolder &holder);
    void actOnCommand(const QString &name);
    void collectDiagnostics();
    void refreshCatalogue();
    void adoptPendingCatalogue();
    [[nodiscard]] Camera *documentCamera() const;
    [[nodiscard]] Camera *faceCamera() const;
    [[nodiscard]] Printer *documentPrinter() const;
    [[nodiscard]] QString instantLocalReference() const;
    void takeFace(const QByteArray &jpeg);
    void takeVerifiedCode(bool verified);
    void watchForCodes(SessionState from, SessionState to);
    [[nodiscard]] bool buildCaseDraft(const CatalogueItem &item, const QJsonObject &body, CaseDraft *draft) const;
    void takeSubmissionOutcome(const CaseSubmission::Outcome &outcome);
    void forgetTheme();

    KioskConfig m_config;
    Catalogue m_catalogue;
    SessionMachine m_session;
    // Before m_verification, which compares faces with it on a thread of its own.
    std::unique_ptr<FaceMatcherLoader> m_faceMatcher;
    ResidentIdentity m_identity;
    ApplicationDraft m_draft;
    IdentityVerification m_verification;
    ResidentRecords m_records;
    DocumentDelivery m_delivery;
    std::unique_ptr<DeviceRegistry> m_devices;
    std::unique_ptr<PlatformClient> m_platform;
    std::unique_ptr<OutboxStore> m_outbox;
    std::unique_ptr<OutboxPlatformTransport> m_transport;
    std::unique_ptr<OutboxSender> m_sender;
    std::unique_ptr<OutboxConnectivityFollower> m_outboxFollower;
    std::unique_ptr<CaseSubmission> m_submission;
    std::unique_ptr<PlatformHeartbeat> m_heartbeat;
    bool m_locked = false;
    QThread *m_diagnostics = nullptr; // collecting a diagnostics bundle, while it runs
    std::optional<OutboxError> m_outboxProblem;
    CaseSubmission::Outcome m_lastOutcome;
    // This session's latest receipt job. One left from an earlier session (held for paper, then
    // printed after the resident went) is no news to the next resident.
    QPointer<PrintJob> m_receiptJob;
    QElapsedTimer m_uptime;
    QString m_captureMaterial;
    QString m_codeBeingVerified; // the payload of an identification by code, until the answer
    std::optional<Catalogue> m_pendingCatalogue;
    QString m_themeId;
    QList<std::pair<QString, CaseDraft>> m_themeQueue;
    QList<std::pair<QString, CaseSubmission::Outcome>> m_themeOutcomes;
};
