#pragma once

#include "applicationdraft.h"
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
#include <QString>

#include <memory>
#include <optional>

class AgentFiling;
class ApplicationJourney;
class AuditLog;
class ComplaintFiling;
class PostalDelivery;
class CaseSubmission;
class DeviceRegistry;
class FaceMatcherLoader;
class InstantErrands;
class ItemAvailability;
class OutOfService;
class OutboxConnectivityFollower;
class OutboxPlatformTransport;
class OutboxSender;
class OutboxStore;
class PlatformClient;
class PlatformHeartbeat;
class QueueTicketing;
class ReceiptPrinting;
class ResidentIdentification;
class ServiceRating;
class ScannedCodes;
class SessionFarewell;
class TerminalMetrics;
class StaffPresence;
class TerminalSupervision;

// Everything the kiosk process runs, built from one validated configuration: the catalogue, the
// peripherals, the platform client, the outbox and its sender, and the resident session with the
// identity and application it holds. It wires them together and hands out the parts that hold
// the rules (supervision, identification, the application journey, errands, receipts, rating);
// the UI module presents them; tests build their own.
class KioskRuntime : public QObject
{
    Q_OBJECT

public:
    // Builds the runtime or explains why it cannot start (a state directory that cannot be made).
    // The catalogue is CatalogueChoice's: a configured file that does not load is a problem
    // reported to staff (catalogueProblem()), not a reason to stay down. Parts that fail later in start-up (a device, the outbox key,
    // the platform's CA) do not stop the kiosk: they are logged and reported, and the services
    // that need them are shown unavailable with the reason.
    [[nodiscard]] static std::unique_ptr<KioskRuntime> create(const KioskConfig &config, QString *error);
    ~KioskRuntime() override;

    [[nodiscard]] const KioskConfig &config() const { return m_config; }
    [[nodiscard]] const Catalogue &catalogue() const { return m_catalogue; }
    // Why the configured catalogue_file is not offered; empty when it is fine (or none is set).
    [[nodiscard]] QString catalogueProblem() const { return m_catalogueProblem; }
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
    // Null until the terminal is enrolled (supervision()->heartbeatStarted() then follows).
    [[nodiscard]] PlatformHeartbeat *heartbeat() const;

    // Heartbeat, lock, remote commands, diagnostics, catalogue refresh.
    [[nodiscard]] TerminalSupervision *supervision() const { return m_supervision.get(); }
    [[nodiscard]] TerminalMetrics *metrics() const { return m_metrics.get(); }
    // When the kiosk is out of service.
    [[nodiscard]] OutOfService *outOfService() const { return m_outOfService.get(); }
    // Whether an item or theme can be started here now.
    [[nodiscard]] const ItemAvailability *availability() const { return m_availability.get(); }
    // Card, identity code and face check.
    [[nodiscard]] ResidentIdentification *identification() const { return m_identification.get(); }
    // Single item and theme applications, document capture, submission.
    [[nodiscard]] ApplicationJourney *journey() const { return m_journey.get(); }
    // Instant items, progress, licences, receipt codes.
    [[nodiscard]] InstantErrands *errands() const { return m_errands.get(); }
    // The receipt of the case just filed or queued, or of an instant item.
    [[nodiscard]] ReceiptPrinting *receipts() const { return m_receipts.get(); }
    // 取号 and 预约签到: the hall's counters through the platform.
    [[nodiscard]] QueueTicketing *queueTicketing() const { return m_queueTicketing.get(); }
    // 办不成事 / 投诉建议, queued in the outbox.
    [[nodiscard]] ComplaintFiling *complaints() const { return m_complaints.get(); }
    // 窗口领取 or 免费邮寄 for an application whose item offers post.
    [[nodiscard]] PostalDelivery *postal() const { return m_postal.get(); }
    // 好差评.
    [[nodiscard]] ServiceRating *rating() const { return m_rating.get(); }
    // Someone filing for another person (代办).
    [[nodiscard]] AgentFiling *agent() const { return m_agent.get(); }
    // A staff member signed in beside the resident (帮办).
    [[nodiscard]] StaffPresence *staff() const { return m_staff.get(); }
    // The take-your-card screen after a session that read a card.
    [[nodiscard]] SessionFarewell *farewell() const { return m_farewell.get(); }

signals:
    // The terminal was enrolled and its heartbeat started (as supervision()->heartbeatStarted()).
    void heartbeatStarted();
    // A peripheral's health changed: what the screens offer may change with it.
    void deviceHealthChanged();

private:
    KioskRuntime(const KioskConfig &config, Catalogue catalogue);
    void startDevices();
    void startPlatformAndOutbox();
    void assembleJourney();

    KioskConfig m_config;
    Catalogue m_catalogue;
    QString m_catalogueProblem;
    QJsonObject m_catalogueCondition;
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
    std::optional<OutboxError> m_outboxProblem;
    std::unique_ptr<TerminalSupervision> m_supervision;
    std::unique_ptr<TerminalMetrics> m_metrics;
    std::unique_ptr<OutOfService> m_outOfService;
    std::unique_ptr<ItemAvailability> m_availability;
    std::unique_ptr<ResidentIdentification> m_identification;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<ScannedCodes> m_scannedCodes;
    std::unique_ptr<StaffPresence> m_staff;
    std::unique_ptr<AgentFiling> m_agent;
    std::unique_ptr<PostalDelivery> m_postal;
    std::unique_ptr<ApplicationJourney> m_journey;
    std::unique_ptr<InstantErrands> m_errands;
    std::unique_ptr<ReceiptPrinting> m_receipts;
    std::unique_ptr<QueueTicketing> m_queueTicketing;
    std::unique_ptr<ComplaintFiling> m_complaints;
    std::unique_ptr<ServiceRating> m_rating;
    std::unique_ptr<SessionFarewell> m_farewell;
};
