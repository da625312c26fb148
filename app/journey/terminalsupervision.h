#pragma once

#include "catalogue.h"
#include "outboxcondition.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

class DeviceRegistry;
class KioskConfig;
class LiveDeviceHealth;
class OutboxStore;
class PlatformClient;
class PlatformHeartbeat;
class QThread;
class RemoteCare;
class SessionMachine;
class SlotConfirmation;
class SystemUpdate;

// The platform's hold on the terminal: the heartbeat that reports its health every minute and
// carries the platform's commands (reload_catalogue, lock, unlock, collect_diagnostics, and
// those of contract 1.1 through RemoteCare and SystemUpdate), each acknowledged in a later
// heartbeat, the confirmation that an A/B slot serves (SlotConfirmation), the
// diagnostics bundle collected on a thread of its own, and the catalogue the kiosk offers,
// replaced by a fresher one of the platform's only between two residents.
class TerminalSupervision : public QObject
{
    Q_OBJECT

public:
    struct Parts {
        const KioskConfig *config = nullptr;
        Catalogue *catalogue = nullptr; // the one the kiosk offers, replaced in place
        SessionMachine *session = nullptr;
        PlatformClient *platform = nullptr;
        OutboxStore *outbox = nullptr;
        DeviceRegistry *devices = nullptr;
        std::function<OutboxCondition()> outboxCondition;
        // The catalogue's heartbeat entry (CatalogueChoice::heartbeatDevice()): a configured
        // catalogue_file that does not load reaches monitoring as the outbox's condition does.
        QJsonObject catalogueCondition;
    };

    explicit TerminalSupervision(const Parts &parts, QObject *parent = nullptr);
    ~TerminalSupervision() override;

    // The platform's last kept catalogue is offered at once, and a fresher one asked for; an
    // enrolled terminal starts beating. A terminal enrolled later goes to work without a restart.
    void start();

    // The platform locked this terminal (command `lock`): once the current resident has finished,
    // the kiosk is out of service until `unlock`.
    [[nodiscard]] bool isLocked() const { return m_locked; }
    // The heartbeat body of the contract: version, uptime, queue, devices (with the outbox and
    // the catalogue), free disk.
    [[nodiscard]] QJsonObject heartbeatReport() const;
    // Null until the terminal is enrolled (heartbeatStarted() then follows).
    [[nodiscard]] PlatformHeartbeat *heartbeat() const { return m_heartbeat.get(); }
    // A diagnostics bundle is being collected.
    [[nodiscard]] bool collectingDiagnostics() const { return m_diagnostics != nullptr; }

    // Carries out a command of the platform, as the heartbeat brings it, and acknowledges it with
    // its outcome. A command this build does not know is acknowledged as not done; a diagnostics
    // command while a bundle is being collected does not start a second one.
    void carryOut(const QString &id, const QString &name, const QJsonObject &command);
    void carryOut(const QString &name) { carryOut(QString(), name, QJsonObject()); }
    // The 1.1 commands: restart, notice, screenshot; and update.
    [[nodiscard]] RemoteCare *remoteCare() const { return m_care.get(); }
    [[nodiscard]] SystemUpdate *systemUpdate() const { return m_update.get(); }
    // Told of the kiosk's first frame by the kiosk process; the heartbeat's answer comes from here.
    [[nodiscard]] SlotConfirmation *slotConfirmation() const { return m_slot.get(); }
    // A catalogue other than the one offered: it replaces it now if nobody is in a session, or
    // else once the session ends, so a resident keeps the catalogue they started with.
    void offer(Catalogue fresh);

signals:
    void lockedChanged(bool locked);
    void heartbeatStarted();
    // The platform's catalogue replaced the one the kiosk offered (between two residents).
    void catalogueChanged();
    // A diagnostics bundle was collected (`path`) or not (`error`), and audited.
    void diagnosticsCollected(const QString &path, const QString &error);
    // The platform asked for a restart, no resident is present, and the platform was told (or
    // could not be reached): the kiosk exits, and the service manager starts it again.
    void restartRequested();

private:
    void startHeartbeat();
    void acknowledge(const QString &id, bool ok, const QString &detail);
    // `then` runs once the pending acknowledgements reached the platform (or it could not be reached).
    void deliverAcksThen(const std::function<void()> &then);
    void collectDiagnostics();
    // `commandId`: the platform's command this answers, if any.
    void refreshCatalogue(const QString &commandId = QString());
    void adoptPendingCatalogue();

    Parts m_parts;
    std::unique_ptr<PlatformHeartbeat> m_heartbeat;
    bool m_locked = false;
    QThread *m_diagnostics = nullptr; // collecting a diagnostics bundle, while it runs
    std::optional<Catalogue> m_pendingCatalogue;
    QElapsedTimer m_uptime;
    // The devices' health for kioskctl, which must not open them beside the kiosk.
    std::unique_ptr<LiveDeviceHealth> m_liveHealth;
    std::unique_ptr<RemoteCare> m_care;
    std::unique_ptr<SystemUpdate> m_update;
    std::unique_ptr<SlotConfirmation> m_slot;
    QStringList m_diagnosticsCommands; // the commands the bundle being collected answers
};
