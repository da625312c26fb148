#include "kioskruntime.h"

#include "applog.h"
#include "camerasettings.h"
#include "camera/camera.h"
#include "vision/documentcapture.h"
#include "vision/facematcherloader.h"
#include "device/deviceregistry.h"
#include "idcard/idcardreader.h"
#include "outboxconnectivityfollower.h"
#include "outboxplatformtransport.h"
#include "outboxsender.h"
#include "outboxstore.h"
#include "platformclient.h"
#include "platformheartbeat.h"
#include "auditlog.h"
#include "devicesurvey.h"
#include "diagnosticsbundle.h"
#include "statusreport.h"
#include "printer/printer.h"
#include "printer/printjob.h"
#include "scanner/barcodescanner.h"
#include "themeapplication.h"
#include "receiptcontent.h"
#include "receiptrenderer.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QStorageInfo>
#include <QThread>

namespace {

// The [devices] keys the registry knows as device ids.
const char *const DeviceKeys[] = {"id_card_reader", "barcode_scanner", "face_camera", "document_camera", "receipt_printer",
                                  "document_printer"};

bool ensurePrivateDirectory(const QString &path, QString *error)
{
    if (!QDir().mkpath(path)) {
        *error = QStringLiteral("[kiosk] state_dir: cannot create %1").arg(path);
        return false;
    }
    // The state directory holds the outbox and device statistics: only the kiosk user reads it.
    if (!QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner)) {
        *error = QStringLiteral("[kiosk] state_dir: cannot restrict %1 to its owner").arg(path);
        return false;
    }
    return true;
}

} // namespace

std::unique_ptr<KioskRuntime> KioskRuntime::create(const KioskConfig &config, QString *error)
{
    QString why;
    const QString cataloguePath = config.string(QStringLiteral("kiosk/catalogue_file"));
    std::optional<Catalogue> catalogue;
    if (cataloguePath.isEmpty()) {
        catalogue = Catalogue::demo();
    } else {
        catalogue = Catalogue::fromFile(cataloguePath, &why);
        if (!catalogue) {
            if (error)
                *error = QStringLiteral("[kiosk] catalogue_file: %1").arg(why);
            return nullptr;
        }
    }
    if (!ensurePrivateDirectory(config.string(QStringLiteral("kiosk/state_dir")), &why)) {
        if (error)
            *error = why;
        return nullptr;
    }
    qCInfo(lcApp) << "catalogue" << catalogue->version() << "with" << catalogue->items().size() << "items and"
                  << catalogue->themes().size() << "themes";
    std::unique_ptr<KioskRuntime> runtime(new KioskRuntime(config, std::move(*catalogue)));
    runtime->startDevices();
    runtime->startPlatformAndOutbox();
    return runtime;
}

KioskRuntime::KioskRuntime(const KioskConfig &config, Catalogue catalogue)
    : m_config(config)
    , m_catalogue(std::move(catalogue))
    , m_session(SessionTimeouts::fromConfig(config))
{
    m_session.addWipeable(&m_identity);
    m_session.addWipeable(&m_draft);
    m_session.addWipeable(&m_verification);
    m_session.addWipeable(&m_records);
    m_session.addWipeable(&m_delivery);
    connect(&m_session, &SessionMachine::sessionEnded, this, &KioskRuntime::stopDocumentCapture);
    connect(&m_session, &SessionMachine::sessionEnded, this, &KioskRuntime::stopFaceCheck);
    connect(&m_session, &SessionMachine::sessionEnded, this, &KioskRuntime::forgetTheme);
    // An identity shown by code is taken before anyone else hears that the check is over.
    connect(&m_verification, &IdentityVerification::finished, this, &KioskRuntime::takeVerifiedCode);
    connect(&m_verification, &IdentityVerification::finished, this, &KioskRuntime::verificationFinished);
    connect(&m_session, &SessionMachine::stateChanged, this, &KioskRuntime::watchForCodes);
    connect(&m_session, &SessionMachine::sessionEnded, this, [this] {
        m_codeBeingVerified.fill(QLatin1Char('\0'));
        m_codeBeingVerified.clear();
    });
    connect(&m_session, &SessionMachine::sessionEnded, this, &KioskRuntime::adoptPendingCatalogue);
    connect(&m_session, &SessionMachine::sessionEnded, this, [this] { m_receiptJob = nullptr; });
    m_uptime.start();
}

KioskRuntime::~KioskRuntime()
{
    m_session.removeWipeable(&m_delivery);
    m_session.removeWipeable(&m_records);
    m_session.removeWipeable(&m_verification);
    m_session.removeWipeable(&m_draft);
    m_session.removeWipeable(&m_identity);
    if (m_diagnostics) {
        m_diagnostics->wait();
        delete m_diagnostics;
    }
    m_heartbeat.reset();
    m_submission.reset();
    if (m_sender)
        m_sender->stop();
    if (m_devices)
        m_devices->stopAll();
}

void KioskRuntime::startPlatformAndOutbox()
{
    QString why;
    const std::optional<PlatformClientSettings> settings = PlatformClientSettings::fromConfig(m_config, &why);
    if (!settings) {
        qCWarning(lcApp) << "platform client not started:" << why;
    } else {
        m_platform = std::make_unique<PlatformClient>(*settings);
        m_platform->setFailFastWhenOffline(true);
        if (!settings->credentials)
            qCWarning(lcApp) << "this terminal is not enrolled: run `kioskctl enroll` (cases will be queued until it is)";
    }

    OutboxOptions options;
    options.stateDir = m_config.string(QStringLiteral("kiosk/state_dir"));
    options.keyFile = m_config.string(QStringLiteral("offline/key_file"));
    options.budgetBytes = m_config.integer(QStringLiteral("offline/budget_mb")) * 1024 * 1024;
    options.lease = std::chrono::seconds(m_config.integer(QStringLiteral("offline/lease_s")));
    if (settings && settings->credentials)
        options.terminalId = settings->credentials->terminalId;
    OutboxResult<std::unique_ptr<OutboxStore>> opened = OutboxStore::open(options);
    if (opened) {
        m_outbox = std::move(opened.value());
    } else {
        // The kiosk still beats and serves what needs no queue: the heartbeat is how staff hear of it.
        m_outboxProblem = opened.error();
        qCCritical(lcApp) << "the outbox is not available, so no application can be taken:" << m_outboxProblem->message;
    }
    if (m_platform) {
        // The platform's catalogue wins over the demo or configured one: the last one kept is
        // offered at once (the kiosk works from it offline), and a fresher one is asked for.
        std::optional<Catalogue> cached = m_platform->cachedCatalogue();
        if (cached && cached->version() != m_catalogue.version()) {
            m_pendingCatalogue = std::move(cached);
            adoptPendingCatalogue();
        }
        if (settings->credentials)
            refreshCatalogue();
    }
    if (m_platform && settings->credentials)
        startHeartbeat();
    if (m_platform) {
        // Enrolled on the touch screen while running: the terminal goes to work without a restart.
        connect(m_platform.get(), &PlatformClient::credentialsChanged, this, [this] {
            const std::optional<TerminalCredentials> &credentials = m_platform->settings().credentials;
            if (!credentials)
                return;
            qCInfo(lcApp) << "enrolled as" << credentials->terminalId << "- heartbeat and catalogue start";
            if (m_outbox)
                m_outbox->setTerminalId(credentials->terminalId);
            if (!m_heartbeat)
                startHeartbeat();
            refreshCatalogue();
        });
    }
    if (!m_outbox)
        return;
    if (m_outbox->health().recoveredFromCorruption)
        qCCritical(lcApp) << "the outbox file was corrupt and was moved aside; staff must look at it";
    if (!m_platform)
        return;
    m_transport = std::make_unique<OutboxPlatformTransport>(*m_platform);
    m_sender = std::make_unique<OutboxSender>(*m_outbox, *m_transport);
    RetryPolicy policy;
    policy.cap = std::chrono::seconds(m_config.integer(QStringLiteral("offline/retry_cap_s")));
    m_sender->setRetryPolicy(policy);
    m_sender->setRetention(std::chrono::hours(24 * m_config.integer(QStringLiteral("offline/retention_days"))));
    const OutboxResult<OutboxOk> started = m_sender->start();
    if (!started) {
        m_outboxProblem = started.error();
        qCCritical(lcApp) << "the outbox sender did not start:" << started.error().message;
        m_sender.reset();
        return;
    }
    m_outboxFollower = std::make_unique<OutboxConnectivityFollower>(*m_platform, *m_outbox, *m_sender);
    m_submission = std::make_unique<CaseSubmission>(*m_outbox, *m_sender, std::chrono::seconds(8));
    connect(m_submission.get(), &CaseSubmission::finished, this, &KioskRuntime::takeSubmissionOutcome);
}

void KioskRuntime::startHeartbeat()
{
    // The heartbeat reports health every 60 s and carries the platform's commands; its beats
    // are also what tells the client the platform is back after an outage.
    m_heartbeat = std::make_unique<PlatformHeartbeat>(*m_platform, [this] { return heartbeatReport(); });
    connect(m_heartbeat.get(), &PlatformHeartbeat::catalogueVersionAnnounced, this, [this](const QString &version) {
        if (version != m_catalogue.version())
            refreshCatalogue();
    });
    connect(m_heartbeat.get(), &PlatformHeartbeat::commandReceived, this, [this](const QString &, const QString &name) {
        actOnCommand(name);
    });
    m_heartbeat->start();
    emit heartbeatStarted();
}

QJsonObject KioskRuntime::heartbeatReport() const
{
    QJsonObject queue{{QStringLiteral("pending"), 0}, {QStringLiteral("oldest_s"), 0}, {QStringLiteral("failed"), 0}};
    if (m_outbox) {
        const OutboxResult<OutboxStats> stats = m_outbox->stats();
        if (stats) {
            queue = {{QStringLiteral("pending"), stats.value().pending},
                     {QStringLiteral("oldest_s"), stats.value().oldestPendingS},
                     {QStringLiteral("failed"), stats.value().parked}};
        }
    }
    QJsonArray devices;
    if (m_devices) {
        for (const Device *device : m_devices->devices()) {
            devices.append(QJsonObject{{QStringLiteral("class"), device->id()},
                                       {QStringLiteral("id"), device->id()},
                                       {QStringLiteral("health"), DeviceVocabulary::toString(device->health().level)},
                                       {QStringLiteral("detail"), device->health().detail}});
        }
    }
    devices.append(outboxCondition().heartbeatDevice());
    const QStorageInfo disk(m_config.string(QStringLiteral("kiosk/state_dir")));
    return {{QStringLiteral("version"), QStringLiteral(KIOSK_VERSION)},
            {QStringLiteral("uptime_s"), m_uptime.elapsed() / 1000},
            {QStringLiteral("queue"), queue},
            {QStringLiteral("devices"), devices},
            {QStringLiteral("disk_free_mb"), disk.bytesAvailable() / (1024 * 1024)}};
}

OutboxCondition KioskRuntime::outboxCondition() const
{
    return OutboxCondition::assess(m_config.string(QStringLiteral("kiosk/state_dir")), m_outboxProblem);
}

void KioskRuntime::actOnCommand(const QString &name)
{
    qCInfo(lcApp) << "platform command:" << name;
    if (name == QLatin1String("reload_catalogue")) {
        refreshCatalogue();
    } else if (name == QLatin1String("lock") || name == QLatin1String("unlock")) {
        const bool locked = name == QLatin1String("lock");
        if (locked != m_locked) {
            m_locked = locked;
            emit lockedChanged(m_locked);
        }
    } else if (name == QLatin1String("collect_diagnostics")) {
        collectDiagnostics();
    } else {
        qCWarning(lcApp) << "platform command" << name << "is not carried out by this build";
    }
}

void KioskRuntime::collectDiagnostics()
{
    if (m_diagnostics) {
        qCInfo(lcApp) << "a diagnostics bundle is already being collected";
        return;
    }
    // What this process knows (its devices, its client's last contact) is taken here, so the
    // bundle never waits on the network; reading the outbox and logs and running tar happen on a
    // thread of their own, so a slow disk never stalls the screen or the watchdog.
    StatusReport::Options options;
    options.devices = m_devices ? DeviceSurvey::describe(*m_devices, m_config) : QJsonArray();
    options.platformConnectivity = !m_platform ? QStringLiteral("no client")
                                   : m_platform->connectivity() == PlatformClient::Connectivity::Online ? QStringLiteral("online")
                                   : m_platform->connectivity() == PlatformClient::Connectivity::Degraded ? QStringLiteral("degraded")
                                                                                                          : QStringLiteral("offline");
    auto outcome = std::make_shared<std::pair<QString, QString>>(); // path, error
    m_diagnostics = QThread::create([config = m_config, options, heartbeat = heartbeatReport(), outcome] {
        outcome->first = DiagnosticsBundle::collectInto(config, StatusReport::collect(config, options), heartbeat, &outcome->second);
    });
    m_diagnostics->setObjectName(QStringLiteral("diagnostics"));
    connect(m_diagnostics, &QThread::finished, this, [this, outcome] {
        const auto &[path, error] = *outcome;
        AuditLog(AuditLog::pathIn(m_config.string(QStringLiteral("kiosk/state_dir"))))
            .record(QStringLiteral("platform"), QStringLiteral("diag.bundle"), path.isEmpty() ? QStringLiteral("failed") : QStringLiteral("ok"),
                    path.isEmpty() ? error : path);
        if (path.isEmpty())
            qCWarning(lcApp) << "diagnostics bundle not collected:" << error;
        else
            qCInfo(lcApp) << "diagnostics bundle collected at" << path;
        m_diagnostics->deleteLater();
        m_diagnostics = nullptr;
    });
    m_diagnostics->start();
}

void KioskRuntime::refreshCatalogue()
{
    if (!m_platform)
        return;
    PlatformCall *call = m_platform->fetchCatalogue();
    connect(call, &PlatformCall::finished, this, [this](const PlatformResult &result) {
        if (!result.isOk()) {
            qCInfo(lcApp) << "catalogue not refreshed:" << result.errorCode << "; keeping" << m_catalogue.version();
            return;
        }
        std::optional<Catalogue> fresh = m_platform->cachedCatalogue();
        if (!fresh || fresh->version() == m_catalogue.version())
            return;
        m_pendingCatalogue = std::move(fresh);
        adoptPendingCatalogue();
    });
}

void KioskRuntime::adoptPendingCatalogue()
{
    // A resident in the middle of a journey keeps the catalogue they started with; the new one
    // is offered from the next attract screen on.
    if (!m_pendingCatalogue || m_session.state() != SessionState::Attract)
        return;
    qCInfo(lcApp) << "catalogue" << m_catalogue.version() << "replaced by the platform's" << m_pendingCatalogue->version();
    m_catalogue = std::move(*m_pendingCatalogue);
    m_pendingCatalogue.reset();
    emit catalogueChanged();
}

QString KioskRuntime::unavailableReason(const CatalogueItem &item) const
{
    const bool apply = item.kind == ItemKind::Apply;
    if (apply && (!m_outbox || !m_submission))
        return QStringLiteral("outbox_unavailable");
    // Room for the case and a few document pages, checked before the resident starts.
    if (apply && !m_outbox->canAccept(8LL * 1024 * 1024))
        return QStringLiteral("outbox_full");
    // Documents, queries and face checks are answered by the platform there and then; a face
    // for a case that may be queued can also be checked at the kiosk, with a local matcher.
    const bool needsPlatformLive = !apply || !item.offlineOk || (item.faceRequired && !localFaceCheckAvailable());
    if (needsPlatformLive && (!m_platform || m_platform->connectivity() == PlatformClient::Connectivity::Offline))
        return QStringLiteral("platform_offline");
    if (item.faceRequired && !faceCameraUsable())
        return QStringLiteral("face_camera_unavailable");
    if (item.kind == ItemKind::Print && !documentPrinterUsable())
        return QStringLiteral("document_printer_unavailable");
    if (!apply)
        return {};
    if (!item.materials.isEmpty() && !documentCameraUsable())
        return QStringLiteral("document_camera_unavailable");
    return {};
}

bool KioskRuntime::beginApplication(const QString &itemCode)
{
    const CatalogueItem *item = m_catalogue.item(itemCode);
    const IdCardHolder *holder = m_identity.holder();
    if (!item || !holder || !unavailableReason(*item).isEmpty())
        return false;
    if (item->faceRequired && !m_verification.faceChecked())
        return false;
    if (!m_session.advance(SessionState::Form))
        return false;
    m_draft.begin(*item, *holder);
    return true;
}

Camera *KioskRuntime::faceCamera() const
{
    return m_devices ? qobject_cast<Camera *>(m_devices->device(QStringLiteral("face_camera"))) : nullptr;
}

bool KioskRuntime::faceCameraUsable() const
{
    const Camera *camera = faceCamera();
    return camera && camera->health().isUsable();
}

Printer *KioskRuntime::documentPrinter() const
{
    return m_devices ? m_devices->printer(QStringLiteral("document_printer")) : nullptr;
}

bool KioskRuntime::documentPrinterUsable() const
{
    const Printer *printer = documentPrinter();
    return printer && printer->health().isUsable();
}

bool KioskRuntime::localFaceCheckAvailable() const
{
    return m_faceMatcher && m_faceMatcher->matcher() && !m_config.string(QStringLiteral("devices/id_card_photo_decoder")).isEmpty();
}

bool KioskRuntime::verifyResident(bool withFace)
{
    const IdCardHolder *holder = m_identity.holder();
    if (!holder || m_verification.state() == IdentityVerification::State::Verifying)
        return false;
    if (!m_platform && !(withFace && localFaceCheckAvailable()))
        return false;
    if (m_session.state() != SessionState::Verify && !m_session.advance(SessionState::Verify))
        return false;
    m_session.touch();
    if (!withFace && m_identity.method() == ResidentIdentity::Method::Code)
        return m_verification.verifyCode(m_platform.get(), m_identity.codePayload());
    if (!withFace)
        return m_verification.verifyCard(m_platform.get(), *holder);
    Camera *camera = faceCamera();
    if (!camera || !camera->health().isUsable())
        return false;
    camera->setMode(Camera::Mode::Face);
    return true;
}

void KioskRuntime::takeFace(const QByteArray &jpeg)
{
    QByteArray picture = jpeg;
    const IdCardHolder *holder = m_identity.holder();
    if (m_session.state() != SessionState::Verify || !holder) {
        picture.fill('\0');
        return;
    }
    // The platform is the one that verifies; the kiosk's own matcher stands in only while it is
    // away, for a card the kiosk's SAM reader has read (a case then waits in the outbox).
    const bool platformAway = !m_platform || m_platform->connectivity() == PlatformClient::Connectivity::Offline;
    if (platformAway && m_identity.method() == ResidentIdentity::Method::Card && localFaceCheckAvailable()) {
        m_session.touch();
        (void)m_verification.verifyLocally(m_faceMatcher->matcher(), *holder, std::move(picture));
        return;
    }
    if (!m_platform) {
        picture.fill('\0');
        return;
    }
    // The camera hands the picture over only once the liveness challenge has passed; the
    // platform is told so (the turn challenge is a deterrent, not presentation-attack detection).
    constexpr double LivenessPassed = 0.9;
    m_session.touch();
    if (m_identity.method() == ResidentIdentity::Method::Code)
        (void)m_verification.verifyCode(m_platform.get(), m_identity.codePayload(), std::move(picture), LivenessPassed);
    else
        (void)m_verification.verifyCard(m_platform.get(), *holder, std::move(picture), LivenessPassed);
}

bool KioskRuntime::identifyByCode(const QString &payload)
{
    if (m_session.state() != SessionState::Identify || m_verification.state() == IdentityVerification::State::Verifying)
        return false;
    if (!m_platform || m_platform->connectivity() == PlatformClient::Connectivity::Offline)
        return false;
    m_session.touch();
    m_codeBeingVerified = payload;
    return m_verification.verifyCode(m_platform.get(), payload);
}

void KioskRuntime::takeVerifiedCode(bool verified)
{
    const QString payload = std::exchange(m_codeBeingVerified, QString());
    if (payload.isEmpty() || m_session.state() != SessionState::Identify)
        return;
    // A card laid on the reader while the code was being checked came first: the resident is who
    // the card says, and the code's answer (its token included) is not theirs to keep.
    if (m_identity.isIdentified()) {
        m_verification.wipeSessionData();
        return;
    }
    if (verified && m_verification.codeHolder())
        m_identity.acceptVerifiedCode(*m_verification.codeHolder(), payload);
}

void KioskRuntime::watchForCodes(SessionState, SessionState to)
{
    // While the kiosk asks who the resident is, the face camera also looks for a code held up to
    // it (an app's identity code, a receipt); at other times it decodes nothing.
    Camera *camera = faceCamera();
    if (!camera)
        return;
    if (to == SessionState::Identify)
        camera->setMode(Camera::Mode::Codes);
    else if (camera->mode() == Camera::Mode::Codes)
        camera->setMode(Camera::Mode::Preview);
}

void KioskRuntime::stopFaceCheck()
{
    if (Camera *camera = faceCamera())
        camera->setMode(Camera::Mode::Preview);
}

QString KioskRuntime::instantLocalReference() const
{
    // Instant errands are not queued, so they have no outbox reference; this one is unique to the
    // terminal and the moment, and shaped like the outbox's so receipts and staff read it alike.
    const QString terminal = (m_platform && m_platform->settings().credentials) ? m_platform->settings().credentials->terminalId
                                                                                  : QStringLiteral("T000000000000");
    return QStringLiteral("%1-%2").arg(terminal, QDateTime::currentDateTime().toString(QStringLiteral("hhmmss")));
}

bool KioskRuntime::deliverInstantItem(const QString &itemCode)
{
    const CatalogueItem *item = m_catalogue.item(itemCode);
    const IdCardHolder *holder = m_identity.holder();
    if (!item || item->kind == ItemKind::Apply || !holder || !m_verification.isVerified() || !unavailableReason(*item).isEmpty())
        return false;
    if (item->faceRequired && !m_verification.faceChecked())
        return false;
    if (!m_session.advance(SessionState::Result))
        return false;
    return m_delivery.fileInstantCase(m_platform.get(), documentPrinter(), *item, *holder, m_verification.holderToken(),
                                      m_verification.verifiedBy(), instantLocalReference());
}

bool KioskRuntime::showProgress()
{
    if (!m_verification.isVerified() || !m_session.advance(SessionState::Result))
        return false;
    return m_records.fetchCases(m_platform.get(), m_verification.holderToken());
}

bool KioskRuntime::showLicences()
{
    if (!m_verification.isVerified() || !m_session.advance(SessionState::Result))
        return false;
    return m_records.fetchLicences(m_platform.get(), m_verification.holderToken());
}

bool KioskRuntime::printLicence(const QString &licenceId)
{
    const LicenceEntry *licence = m_records.licence(licenceId);
    if (!licence || m_session.state() != SessionState::Result || !m_verification.isVerified())
        return false;
    m_session.touch();
    return m_delivery.printDocument(m_platform.get(), documentPrinter(), licence->documentUrl, m_verification.holderToken(),
                                    licence->type.zh);
}

bool KioskRuntime::queryReceiptCode(const QString &text)
{
    const QString reference = ResidentRecords::referenceFromReceiptCode(text);
    if (reference.isEmpty())
        return false;
    QString caseNumber = ResidentRecords::isCaseNumber(reference) ? reference : QString();
    QString queuedItem;
    if (!ResidentRecords::isCaseNumber(reference)) {
        // A receipt of a case that was queued here: the outbox knows its number once it is sent.
        if (!m_outbox)
            return false;
        const OutboxResult<std::optional<OutboxEntry>> found = m_outbox->find(reference);
        if (!found || !found.value())
            return false;
        caseNumber = found.value()->resultRef;
        queuedItem = found.value()->itemCode;
    }
    if (m_session.state() != SessionState::Result && !m_session.advance(SessionState::Result))
        return false;
    if (caseNumber.isEmpty()) {
        m_records.answerQueuedHere(reference, queuedItem);
        return true;
    }
    return m_records.fetchCase(m_platform.get(), caseNumber);
}

Camera *KioskRuntime::documentCamera() const
{
    return m_devices ? qobject_cast<Camera *>(m_devices->device(QStringLiteral("document_camera"))) : nullptr;
}

bool KioskRuntime::documentCameraUsable() const
{
    const Camera *camera = documentCamera();
    return camera && camera->health().isUsable();
}

bool KioskRuntime::startDocumentCapture(const QString &materialId)
{
    Camera *camera = documentCamera();
    if (!camera || m_session.state() != SessionState::Materials)
        return false;
    m_captureMaterial = materialId;
    camera->setMode(Camera::Mode::Document);
    return true;
}

bool KioskRuntime::capturePage()
{
    Camera *camera = documentCamera();
    if (!camera || m_captureMaterial.isEmpty() || m_session.state() != SessionState::Materials)
        return false;
    m_session.touch();
    camera->capturePage();
    return true;
}

void KioskRuntime::stopDocumentCapture()
{
    m_captureMaterial.clear();
    if (Camera *camera = documentCamera())
        camera->setMode(Camera::Mode::Preview);
}

void KioskRuntime::takeSubmissionOutcome(const CaseSubmission::Outcome &outcome)
{
    using Kind = CaseSubmission::Outcome::Kind;
    if (!m_themeId.isEmpty() && !m_themeQueue.isEmpty()) {
        // A theme files its items one after another; the resident waits for them all.
        m_themeOutcomes.append({m_themeQueue.takeFirst().first, outcome});
        if (outcome.kind != Kind::NotStored && !m_themeQueue.isEmpty()) {
            m_submission->submit(m_themeQueue.first().second);
            return;
        }
        // Whatever was not stored stays with the resident, who is told so on the result screen.
        for (const auto &[code, draft] : std::as_const(m_themeQueue))
            m_themeOutcomes.append({code, CaseSubmission::Outcome{Kind::NotStored, {}, {}, QStringLiteral("not_attempted")}});
        m_themeQueue.clear();
        m_lastOutcome = m_themeOutcomes.first().second;
    } else {
        m_lastOutcome = outcome;
    }
    if (m_session.state() == SessionState::Submit)
        (void)m_session.advance(m_lastOutcome.kind == Kind::NotStored ? SessionState::Review : SessionState::Result);
    emit submissionFinished(m_lastOutcome);
}

void KioskRuntime::forgetTheme()
{
    m_themeId.clear();
    m_themeQueue.clear();
    m_themeOutcomes.clear();
}

QString KioskRuntime::themeUnavailableReason(const QString &themeId) const
{
    const std::optional<CatalogueItem> merged = ThemeApplication::mergedItem(m_catalogue, themeId);
    if (!merged)
        return QStringLiteral("not_a_theme");
    for (const QString &code : m_catalogue.theme(themeId)->itemCodes) {
        const QString reason = unavailableReason(*m_catalogue.item(code));
        if (!reason.isEmpty())
            return reason;
    }
    return {};
}

bool KioskRuntime::beginThemeApplication(const QString &themeId)
{
    const std::optional<CatalogueItem> merged = ThemeApplication::mergedItem(m_catalogue, themeId);
    const IdCardHolder *holder = m_identity.holder();
    if (!merged || !holder || !themeUnavailableReason(themeId).isEmpty())
        return false;
    if (merged->faceRequired && !m_verification.faceChecked())
        return false;
    if (!m_session.advance(SessionState::Form))
        return false;
    m_themeId = themeId;
    m_themeOutcomes.clear();
    m_draft.begin(*merged, *holder);
    return true;
}

bool KioskRuntime::buildCaseDraft(const CatalogueItem &item, const QJsonObject &caseBody, CaseDraft *draft) const
{
    draft->itemCode = item.code;
    QJsonObject body = caseBody;
    // A face checked at the kiosk has no token: the case goes as one queued offline.
    if (m_verification.isVerified() && !m_verification.holderToken().isEmpty()) {
        body.insert(QStringLiteral("holder_token"), m_verification.holderToken());
        body.insert(QLatin1String(OutboxPlatformTransport::HolderTokenExpiryKey),
                    m_verification.holderTokenExpiry().toString(Qt::ISODateWithMs));
    }
    draft->body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    for (const MaterialSpec &material : item.materials) {
        const QList<QByteArray> pages = m_draft.pages(material.id);
        if (pages.isEmpty())
            continue;
        // One page goes as the JPEG itself; several pages of one material become one PDF.
        if (pages.size() == 1) {
            draft->materials.append({material.id, QStringLiteral("image/jpeg"), pages.first()});
            continue;
        }
        QByteArray pdf;
        QString why;
        if (!DocumentCapture::toPdf(pages, &pdf, &why)) {
            qCWarning(lcSession) << "pages of" << material.id << "not combined:" << why;
            return false;
        }
        draft->materials.append({material.id, QStringLiteral("application/pdf"), pdf});
    }
    return true;
}

bool KioskRuntime::submitApplication()
{
    if (!m_submission || m_submission->isWaiting() || !m_draft.isActive() || !m_draft.isComplete() || !m_draft.materialsComplete())
        return false;
    const QString verifiedBy = m_verification.isVerified() ? m_verification.verifiedBy() : QStringLiteral("idcard");
    QList<std::pair<QString, CaseDraft>> drafts;
    if (m_themeId.isEmpty()) {
        CaseDraft draft;
        if (!buildCaseDraft(*m_draft.item(), m_draft.caseBody(verifiedBy), &draft))
            return false;
        drafts.append({m_draft.item()->code, draft});
    } else {
        for (const QString &code : m_catalogue.theme(m_themeId)->itemCodes) {
            const CatalogueItem *item = m_catalogue.item(code);
            CaseDraft draft;
            if (!item || !buildCaseDraft(*item, ThemeApplication::caseBodyFor(*item, m_draft, verifiedBy, m_themeId), &draft))
                return false;
            drafts.append({code, draft});
        }
    }
    stopDocumentCapture();
    if (!m_session.advance(SessionState::Submit))
        return false;
    m_themeOutcomes.clear();
    if (!m_themeId.isEmpty())
        m_themeQueue = drafts;
    m_submission->submit(drafts.first().second);
    return true;
}

bool KioskRuntime::receiptPrinterUsable() const
{
    const Printer *printer = m_devices ? m_devices->printer(QStringLiteral("receipt_printer")) : nullptr;
    return printer && printer->health().isUsable();
}

bool KioskRuntime::printReceipt(const QString &language)
{
    using Kind = CaseSubmission::Outcome::Kind;
    Printer *printer = m_devices ? m_devices->printer(QStringLiteral("receipt_printer")) : nullptr;
    const IdCardHolder *holder = m_identity.holder();
    if (!printer)
        return false;
    // The receipt is for the application just filed or queued, or for an instant item's case.
    const CatalogueItem *item = nullptr;
    QString caseNo;
    QString localRef;
    if (m_draft.isActive() && (m_lastOutcome.kind == Kind::Filed || m_lastOutcome.kind == Kind::Queued)) {
        item = m_draft.item();
        caseNo = m_lastOutcome.caseNo;
        localRef = m_lastOutcome.localRef;
    } else if (!m_delivery.caseNumber().isEmpty()) {
        item = m_catalogue.item(m_delivery.itemCode());
        caseNo = m_delivery.caseNumber();
    }
    if (!item)
        return false;
    ReceiptContent content = ReceiptContent::forCase(m_config, item, caseNo, localRef, QDateTime::currentDateTime(), language);
    // A theme's one receipt lists every case it filed or queued.
    for (const auto &[code, outcome] : std::as_const(m_themeOutcomes)) {
        const CatalogueItem *member = m_catalogue.item(code);
        const QString reference = outcome.caseNo.isEmpty() ? outcome.localRef : outcome.caseNo;
        if (member && !reference.isEmpty())
            content.bundledCases.append({member->name, reference});
    }
    if (holder) {
        // The renderer prints both masked; they are passed whole so that it, and only it, masks.
        content.applicantName = holder->name.isEmpty() ? holder->nameEn : holder->name;
        content.applicantIdNumber = holder->idNumber;
    }
    QString why;
    const QByteArray pdf = ReceiptRenderer::render(content, &why);
    if (pdf.isEmpty()) {
        qCWarning(lcSession) << "receipt not rendered:" << why;
        return false;
    }
    PrintJob *job = printer->print(pdf, QStringLiteral("receipt %1").arg(content.reference()));
    m_receiptJob = job;
    // The resident is told as soon as the printer stops on their receipt, not after the job timeout.
    connect(job, &PrintJob::stateChanged, this, [this, job](PrintJobState state) {
        if (state == PrintJobState::Stopped && job == m_receiptJob)
            emit receiptPrinted(false, job->detail());
    });
    connect(job, &PrintJob::finished, this, [this, job](PrintJobState) {
        job->deleteLater();
        if (job != m_receiptJob) {
            qCInfo(lcSession) << "a receipt of an earlier session or print finished:" << (job->succeeded() ? "printed" : job->detail());
            return;
        }
        m_receiptJob = nullptr;
        emit receiptPrinted(job->succeeded(), job->detail());
    });
    return true;
}

bool KioskRuntime::submitRating(int score, const QStringList &tags, const QString &comment, const QString &caseNo, const QString &localRef)
{
    // 好差评: five levels; the two lowest must say what went wrong.
    if (!m_outbox || score < 1 || score > 5 || (score <= 2 && tags.isEmpty()) || (caseNo.isEmpty() && localRef.isEmpty()))
        return false;
    QJsonObject body{{QStringLiteral("score"), score},
                     {QStringLiteral("tags"), QJsonArray::fromStringList(tags)},
                     {QStringLiteral("comment"), comment.left(500)},
                     {QStringLiteral("anonymous"), true}};
    if (!caseNo.isEmpty())
        body.insert(QStringLiteral("case_no"), caseNo);
    const OutboxResult<QString> queued = m_outbox->enqueueEvaluation({QJsonDocument(body).toJson(QJsonDocument::Compact), caseNo, localRef});
    if (!queued) {
        qCWarning(lcSession) << "rating not stored:" << outboxErrorCodeName(queued.error().code);
        return false;
    }
    if (m_sender)
        m_sender->wake();
    return true;
}

void KioskRuntime::startDevices()
{
    DeviceRegistryOptions options;
    options.stateDirectory = m_config.string(QStringLiteral("kiosk/state_dir"));
    for (const char *key : DeviceKeys)
        options.specs.insert(QLatin1String(key), m_config.string(QStringLiteral("devices/") + QLatin1String(key)));
    options.idCardPollIntervalMs = static_cast<int>(m_config.integer(QStringLiteral("devices/id_card_poll_ms")));
    options.idCardCommandTimeoutMs = static_cast<int>(m_config.integer(QStringLiteral("devices/id_card_timeout_ms")));
    options.idCardPhotoDecoderPlugin = m_config.string(QStringLiteral("devices/id_card_photo_decoder"));
    options.printJobTimeoutS = static_cast<int>(m_config.integer(QStringLiteral("devices/print_job_timeout_s")));
    CameraSettings::apply(m_config, &options);

    const QString matcherPlugin = m_config.string(QStringLiteral("devices/face_matcher"));
    if (!matcherPlugin.isEmpty()) {
        m_faceMatcher = std::make_unique<FaceMatcherLoader>(matcherPlugin);
        if (m_faceMatcher->matcher())
            qCInfo(lcApp) << "local face matcher:" << m_faceMatcher->matcher()->name();
        else
            qCWarning(lcApp) << "device: the local face matcher did not load, face checks need the platform:" << m_faceMatcher->errorString();
    }

    Camera::registerWithDeviceRegistry();
    m_devices = std::make_unique<DeviceRegistry>(options);
    QStringList problems;
    m_devices->build(&problems);
    m_devices->startAll(&problems);
    for (const QString &problem : problems)
        qCWarning(lcApp) << "device:" << problem;
    if (!m_devices->unsupported().isEmpty())
        qCInfo(lcApp) << "devices without a driver in this build:" << m_devices->unsupported();

    if (Camera *camera = documentCamera()) {
        connect(camera, &Camera::pageCaptured, this, [this](const QByteArray &jpeg, const QSize &, bool found) {
            if (m_session.state() != SessionState::Materials || m_captureMaterial.isEmpty())
                return;
            if (m_draft.addPage(m_captureMaterial, jpeg))
                emit pageCaptured(found);
        });
    }
    if (Camera *camera = faceCamera()) {
        connect(camera, &Camera::faceGuidance, this, [this](const QString &guidance) {
            if (m_session.state() != SessionState::Verify)
                return;
            // A face before the camera is a resident at work, not an idle screen.
            if (guidance != QLatin1String("no_face"))
                m_session.touch();
            emit faceGuidance(guidance);
        });
        connect(camera, &Camera::faceCaptured, this, [this](const QByteArray &jpeg, double) { takeFace(jpeg); });
        connect(camera, &Camera::codeScanned, this, [this](const QString &, const QString &text) {
            if (m_session.state() == SessionState::Identify) {
                m_session.touch();
                emit codeScanned(text);
            }
        });
    }
    if (BarcodeScanner *scanner = m_devices->barcodeScanner()) {
        // Codes count only while the kiosk asks who the resident is (a receipt, an app's QR code).
        connect(scanner, &BarcodeScanner::codeScanned, this, [this](const QString &, const QString &text) {
            if (m_session.state() == SessionState::Identify) {
                m_session.touch();
                emit codeScanned(text);
            }
        });
    }
    if (IdCardReader *reader = m_devices->idCardReader()) {
        connect(reader, &IdCardReader::cardRead, this, &KioskRuntime::takeCard);
        connect(reader, &IdCardReader::cardReadFailed, this, [this](const QString &detail) {
            if (m_session.state() == SessionState::Identify)
                emit cardReadFailed(detail);
        });
    }
}

void KioskRuntime::takeCard(const IdCardHolder &holder)
{
    // A card counts only while the kiosk asks for one; at any other moment it is not read into
    // the session, so a card left on the reader cannot leak into the next resident's.
    if (m_session.state() != SessionState::Identify) {
        qCInfo(lcSession) << "card presented outside identification; not taken";
        return;
    }
    m_session.touch();
    const ResidentIdentity::Refusal refusal = m_identity.acceptCard(holder, QDate::currentDate());
    if (refusal != ResidentIdentity::Refusal::None)
        emit cardRefused(refusal);
}
