#include "terminalsupervision.h"

#include "applog.h"
#include "auditlog.h"
#include "device/deviceregistry.h"
#include "devicesurvey.h"
#include "diagnosticsbundle.h"
#include "kioskconfig.h"
#include "livedevicehealth.h"
#include "outboxstore.h"
#include "platformclient.h"
#include "platformheartbeat.h"
#include "remotecare.h"
#include "sessionmachine.h"
#include "slotconfirmation.h"
#include "statusreport.h"
#include "systemupdate.h"

#include <QJsonArray>
#include <QStorageInfo>
#include <QThread>

#include <utility>

TerminalSupervision::TerminalSupervision(const Parts &parts, QObject *parent)
    : QObject(parent)
    , m_parts(parts)
{
    connect(m_parts.session, &SessionMachine::sessionEnded, this, &TerminalSupervision::adoptPendingCatalogue);
    m_uptime.start();
    if (m_parts.devices && m_parts.config)
        m_liveHealth = std::make_unique<LiveDeviceHealth>(*m_parts.devices, *m_parts.config);
    m_care = std::make_unique<RemoteCare>(m_parts.session, m_parts.platform);
    connect(m_care.get(), &RemoteCare::acknowledged, this, &TerminalSupervision::acknowledge);
    connect(m_care.get(), &RemoteCare::restartDue, this, [this] { deliverAcksThen([this] { emit restartRequested(); }); });
    // The A/B system update, and the confirmation that this boot's slot serves (docs/fleet.md).
    const SystemUpdate::Places places = SystemUpdate::placesOfThisMachine(
        m_parts.config ? m_parts.config->string(QStringLiteral("kiosk/state_dir")) : QString());
    m_update = std::make_unique<SystemUpdate>(m_parts.session, places);
    connect(m_update.get(), &SystemUpdate::acknowledged, this, &TerminalSupervision::acknowledge);
    connect(m_update.get(), &SystemUpdate::restartDue, this, [this] { deliverAcksThen([this] { m_update->requestRestart(); }); });
    m_slot = std::make_unique<SlotConfirmation>(places.bootedSlot, places.requestDirectory);
    connect(m_slot.get(), &SlotConfirmation::confirmed, m_update.get(), &SystemUpdate::confirmSlot);
}

TerminalSupervision::~TerminalSupervision()
{
    if (m_diagnostics) {
        m_diagnostics->wait();
        delete m_diagnostics;
    }
    m_heartbeat.reset();
}

void TerminalSupervision::start()
{
    PlatformClient *platform = m_parts.platform;
    if (!platform)
        return;
    const bool enrolled = platform->settings().credentials.has_value();
    // The platform's catalogue wins over the demo or configured one: the last one kept is
    // offered at once (the kiosk works from it offline), and a fresher one is asked for.
    std::optional<Catalogue> cached = platform->cachedCatalogue();
    if (cached && cached->version() != m_parts.catalogue->version())
        offer(std::move(*cached));
    if (enrolled) {
        refreshCatalogue();
        startHeartbeat();
    }
    // Enrolled on the touch screen while running: the terminal goes to work without a restart.
    connect(platform, &PlatformClient::credentialsChanged, this, [this] {
        const std::optional<TerminalCredentials> &credentials = m_parts.platform->settings().credentials;
        if (!credentials)
            return;
        qCInfo(lcApp) << "enrolled as" << credentials->terminalId << "- heartbeat and catalogue start";
        if (m_parts.outbox)
            m_parts.outbox->setTerminalId(credentials->terminalId);
        if (!m_heartbeat)
            startHeartbeat();
        refreshCatalogue();
    });
}

void TerminalSupervision::startHeartbeat()
{
    // The heartbeat reports health every 60 s and carries the platform's commands; its beats
    // are also what tells the client the platform is back after an outage.
    m_heartbeat = std::make_unique<PlatformHeartbeat>(*m_parts.platform, [this] { return heartbeatReport(); });
    connect(m_heartbeat.get(), &PlatformHeartbeat::catalogueVersionAnnounced, this, [this](const QString &version) {
        if (version != m_parts.catalogue->version())
            refreshCatalogue();
    });
    connect(m_heartbeat.get(), &PlatformHeartbeat::beaten, this, [this](const PlatformResult &result) {
        if (result.isOk())
            m_slot->heartbeatAnswered();
    });
    connect(m_heartbeat.get(), &PlatformHeartbeat::commandReceived, this, qOverload<const QString &, const QString &, const QJsonObject &>(&TerminalSupervision::carryOut));
    m_heartbeat->start();
    emit heartbeatStarted();
}

QJsonObject TerminalSupervision::heartbeatReport() const
{
    QJsonObject queue{{QStringLiteral("pending"), 0}, {QStringLiteral("oldest_s"), 0}, {QStringLiteral("failed"), 0}};
    if (m_parts.outbox) {
        const OutboxResult<OutboxStats> stats = m_parts.outbox->stats();
        if (stats) {
            queue = {{QStringLiteral("pending"), stats.value().pending},
                     {QStringLiteral("oldest_s"), stats.value().oldestPendingS},
                     {QStringLiteral("failed"), stats.value().parked}};
        }
    }
    QJsonArray devices;
    if (m_parts.devices) {
        for (const Device *device : m_parts.devices->devices()) {
            devices.append(QJsonObject{{QStringLiteral("class"), device->id()},
                                       {QStringLiteral("id"), device->id()},
                                       {QStringLiteral("health"), DeviceVocabulary::toString(device->health().level)},
                                       {QStringLiteral("detail"), device->health().detail}});
        }
    }
    if (m_parts.outboxCondition)
        devices.append(m_parts.outboxCondition().heartbeatDevice());
    // A configured catalogue that does not load reaches the platform's monitoring as the outbox's
    // condition does: staff hear of it although the kiosk serves from another catalogue.
    if (!m_parts.catalogueCondition.isEmpty())
        devices.append(m_parts.catalogueCondition);
    // The contract's heartbeat has no field for the clock; like the outbox, it reports as a device.
    if (m_parts.platform)
        devices.append(m_parts.platform->clockSkew().heartbeatDevice());
    const QStorageInfo disk(m_parts.config->string(QStringLiteral("kiosk/state_dir")));
    QJsonObject report{{QStringLiteral("version"), QStringLiteral(KIOSK_VERSION)},
                       {QStringLiteral("uptime_s"), m_uptime.elapsed() / 1000},
                       {QStringLiteral("queue"), queue},
                       {QStringLiteral("devices"), devices},
                       {QStringLiteral("disk_free_mb"), disk.bytesAvailable() / (1024 * 1024)}};
    // The last system update's state (contract 1.1), in every beat until another is asked for.
    if (!m_update->heartbeatEntry().isEmpty())
        report.insert(QStringLiteral("update"), m_update->heartbeatEntry());
    return report;
}

void TerminalSupervision::carryOut(const QString &id, const QString &name, const QJsonObject &command)
{
    qCInfo(lcApp) << "platform command:" << name;
    if (name == QLatin1String("update")) {
        m_update->carryOut(id, command);
    } else if (RemoteCare::handles(name)) {
        m_care->carryOut(id, name, command);
    } else if (name == QLatin1String("reload_catalogue")) {
        refreshCatalogue(id);
    } else if (name == QLatin1String("lock") || name == QLatin1String("unlock")) {
        const bool locked = name == QLatin1String("lock");
        if (locked != m_locked) {
            m_locked = locked;
            emit lockedChanged(m_locked);
        }
        acknowledge(id, true, locked ? QStringLiteral("locked") : QStringLiteral("unlocked"));
    } else if (name == QLatin1String("collect_diagnostics")) {
        m_diagnosticsCommands.append(id);
        collectDiagnostics();
    } else {
        qCWarning(lcApp) << "platform command" << name << "is not carried out by this build";
        acknowledge(id, false, QStringLiteral("unknown command"));
    }
}

void TerminalSupervision::acknowledge(const QString &id, bool ok, const QString &detail)
{
    // A command carried out by hand (kioskctl, tests) has no id, and nobody to answer.
    if (id.isEmpty() || !m_heartbeat)
        return;
    m_heartbeat->acknowledge(id, ok, detail);
}

void TerminalSupervision::deliverAcksThen(const std::function<void()> &then)
{
    // A restart's own acknowledgement goes out first, so the platform hears of it before the
    // kiosk (or the machine) goes; an unreachable platform does not hold it up for more than a beat.
    if (!m_heartbeat || m_heartbeat->pendingAcks() == 0) {
        then();
        return;
    }
    auto *beaten = new QMetaObject::Connection;
    *beaten = connect(m_heartbeat.get(), &PlatformHeartbeat::beaten, this, [this, beaten, then](const PlatformResult &result) {
        if (result.isOk() && m_heartbeat->pendingAcks() > 0) {
            m_heartbeat->beatNow(); // the acknowledgement came while a beat without it was in flight
            return;
        }
        disconnect(*beaten);
        delete beaten;
        then();
    });
    m_heartbeat->beatNow();
}

void TerminalSupervision::collectDiagnostics()
{
    if (m_diagnostics) {
        qCInfo(lcApp) << "a diagnostics bundle is already being collected";
        return;
    }
    // What this process knows (its devices, its client's last contact) is taken here, so the
    // bundle never waits on the network; reading the outbox and logs and running tar happen on a
    // thread of their own, so a slow disk never stalls the screen or the watchdog.
    const KioskConfig &config = *m_parts.config;
    const PlatformClient *platform = m_parts.platform;
    StatusReport::Options options;
    options.devices = m_parts.devices ? DeviceSurvey::describe(*m_parts.devices, config) : QJsonArray();
    options.platformConnectivity = !platform ? QStringLiteral("no client")
                                   : platform->connectivity() == PlatformClient::Connectivity::Online ? QStringLiteral("online")
                                   : platform->connectivity() == PlatformClient::Connectivity::Degraded ? QStringLiteral("degraded")
                                                                                                        : QStringLiteral("offline");
    auto outcome = std::make_shared<std::pair<QString, QString>>(); // path, error
    m_diagnostics = QThread::create([config, options, heartbeat = heartbeatReport(), outcome] {
        outcome->first = DiagnosticsBundle::collectInto(config, StatusReport::collect(config, options), heartbeat, &outcome->second);
    });
    m_diagnostics->setObjectName(QStringLiteral("diagnostics"));
    connect(m_diagnostics, &QThread::finished, this, [this, outcome] {
        const auto &[path, error] = *outcome;
        AuditLog(AuditLog::pathIn(m_parts.config->string(QStringLiteral("kiosk/state_dir"))))
            .record(QStringLiteral("platform"), QStringLiteral("diag.bundle"), path.isEmpty() ? QStringLiteral("failed") : QStringLiteral("ok"),
                    path.isEmpty() ? error : path);
        if (path.isEmpty())
            qCWarning(lcApp) << "diagnostics bundle not collected:" << error;
        else
            qCInfo(lcApp) << "diagnostics bundle collected at" << path;
        m_diagnostics->deleteLater();
        m_diagnostics = nullptr;
        for (const QString &id : std::exchange(m_diagnosticsCommands, QStringList()))
            acknowledge(id, !path.isEmpty(), path.isEmpty() ? error : QStringLiteral("bundle collected"));
        emit diagnosticsCollected(path, error);
    });
    m_diagnostics->start();
}

void TerminalSupervision::refreshCatalogue(const QString &commandId)
{
    if (!m_parts.platform)
        return;
    PlatformCall *call = m_parts.platform->fetchCatalogue();
    connect(call, &PlatformCall::finished, this, [this, commandId](const PlatformResult &result) {
        if (!result.isOk()) {
            qCInfo(lcApp) << "catalogue not refreshed:" << result.errorCode << "; keeping" << m_parts.catalogue->version();
            acknowledge(commandId, false, QStringLiteral("catalogue not fetched: %1").arg(result.summary()));
            return;
        }
        std::optional<Catalogue> fresh = m_parts.platform->cachedCatalogue();
        acknowledge(commandId, true, QStringLiteral("catalogue %1").arg(fresh ? fresh->version() : m_parts.catalogue->version()));
        if (!fresh || fresh->version() == m_parts.catalogue->version())
            return;
        offer(std::move(*fresh));
    });
}

void TerminalSupervision::offer(Catalogue fresh)
{
    m_pendingCatalogue = std::move(fresh);
    adoptPendingCatalogue();
}

void TerminalSupervision::adoptPendingCatalogue()
{
    // A resident in the middle of a journey keeps the catalogue they started with; the new one
    // is offered from the next attract screen on.
    if (!m_pendingCatalogue || m_parts.session->state() != SessionState::Attract)
        return;
    qCInfo(lcApp) << "catalogue" << m_parts.catalogue->version() << "replaced by the platform's" << m_pendingCatalogue->version();
    *m_parts.catalogue = std::move(*m_pendingCatalogue);
    m_pendingCatalogue.reset();
    emit catalogueChanged();
}
