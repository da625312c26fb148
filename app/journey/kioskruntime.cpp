#include "kioskruntime.h"

#include "agentfiling.h"
#include "applicationjourney.h"
#include "auditlog.h"
#include "applog.h"
#include "camera/camera.h"
#include "vision/facematcherloader.h"
#include "camerasettings.h"
#include "cataloguechoice.h"
#include "casesubmission.h"
#include "device/deviceregistry.h"
#include "instanterrands.h"
#include "itemavailability.h"
#include "journeydevices.h"
#include "outboxconnectivityfollower.h"
#include "outboxplatformtransport.h"
#include "outboxsender.h"
#include "outboxstore.h"
#include "outofservice.h"
#include "complaintfiling.h"
#include "postaldelivery.h"
#include "queueticketing.h"
#include "platformclient.h"
#include "platformheartbeat.h"
#include "receiptprinting.h"
#include "residentidentification.h"
#include "servicerating.h"
#include "scannedcodes.h"
#include "sessionfarewell.h"
#include "staffpresence.h"
#include "idcard/idcardreader.h"
#include "terminalmetrics.h"
#include "terminalsupervision.h"

#include <QDir>
#include <QFile>

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
    // A configured catalogue that does not load never keeps the kiosk from starting (under
    // systemd it would restart for ever): it starts on the platform's or the built-in one and
    // reports the file to staff.
    CatalogueChoice choice = CatalogueChoice::choose(config);
    if (!choice.problem().isEmpty())
        qCCritical(lcApp).noquote() << choice.problem();
    if (!ensurePrivateDirectory(config.string(QStringLiteral("kiosk/state_dir")), &why)) {
        if (error)
            *error = why;
        return nullptr;
    }
    qCInfo(lcApp).noquote() << "catalogue" << choice.catalogue().version() << "from" << CatalogueChoice::sourceName(choice.source())
                            << "with" << choice.catalogue().items().size() << "items and" << choice.catalogue().themes().size() << "themes";
    const QString catalogueProblem = choice.problem();
    const QJsonObject catalogueCondition = choice.heartbeatDevice();
    std::unique_ptr<KioskRuntime> runtime(new KioskRuntime(config, choice.takeCatalogue()));
    runtime->m_catalogueProblem = catalogueProblem;
    runtime->m_catalogueCondition = catalogueCondition;
    runtime->startDevices();
    runtime->startPlatformAndOutbox();
    runtime->assembleJourney();
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
}

KioskRuntime::~KioskRuntime()
{
    if (m_postal)
        m_session.removeWipeable(m_postal.get());
    m_session.removeWipeable(&m_delivery);
    m_session.removeWipeable(&m_records);
    m_session.removeWipeable(&m_verification);
    m_session.removeWipeable(&m_draft);
    m_session.removeWipeable(&m_identity);
    // The supervision waits for a diagnostics bundle being collected, and stops the heartbeat.
    m_metrics.reset();
    m_supervision.reset();
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
    TerminalSupervision::Parts supervised;
    supervised.config = &m_config;
    supervised.catalogue = &m_catalogue;
    supervised.session = &m_session;
    supervised.platform = m_platform.get();
    supervised.outbox = m_outbox.get();
    supervised.devices = m_devices.get();
    supervised.outboxCondition = [this] { return outboxCondition(); };
    supervised.catalogueCondition = m_catalogueCondition;
    m_supervision = std::make_unique<TerminalSupervision>(supervised);
    connect(m_supervision.get(), &TerminalSupervision::heartbeatStarted, this, &KioskRuntime::heartbeatStarted);
    m_supervision->start();
    m_metrics = std::make_unique<TerminalMetrics>(
        TerminalMetrics::Parts{&m_config, &m_session, m_supervision.get(), m_platform.get(), m_devices.get()});
    m_metrics->start();
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
    m_submission = std::make_unique<CaseSubmission>(*m_outbox, *m_sender, std::chrono::seconds(8), m_platform.get());
}

void KioskRuntime::assembleJourney()
{
    const JourneyDevices peripherals(m_devices.get());
    // A face can be checked at the kiosk only with both a matcher and a decoder of the card's photo.
    FaceMatcher *localMatcher = m_faceMatcher && !m_config.string(QStringLiteral("devices/id_card_photo_decoder")).isEmpty()
                                    ? m_faceMatcher->matcher()
                                    : nullptr;
    m_outOfService = std::make_unique<OutOfService>(m_supervision.get(), m_devices.get(), &m_session);
    m_availability = std::make_unique<ItemAvailability>(
        ItemAvailability::Parts{&m_catalogue, peripherals, m_outbox.get(), m_submission.get(), m_platform.get(), localMatcher != nullptr});
    m_audit = std::make_unique<AuditLog>(AuditLog::pathIn(m_config.string(QStringLiteral("kiosk/state_dir"))));
    m_scannedCodes = std::make_unique<ScannedCodes>(m_devices.get());
    m_staff = std::make_unique<StaffPresence>(&m_session, m_platform.get(), m_scannedCodes.get(), m_audit.get());
    m_agent = std::make_unique<AgentFiling>(&m_session);
    m_postal = std::make_unique<PostalDelivery>(&m_session, &m_draft, &m_identity);
    m_session.addWipeable(m_postal.get());
    m_journey = std::make_unique<ApplicationJourney>(ApplicationJourney::Parts{&m_catalogue, &m_session, &m_identity, &m_draft, &m_verification,
                                                                               m_availability.get(), m_submission.get(), peripherals,
                                                                               m_staff.get(), m_agent.get(), m_postal.get(), m_platform.get(),
                                                                               &m_delivery});
    m_identification = std::make_unique<ResidentIdentification>(
        ResidentIdentification::Parts{&m_session, &m_identity, &m_verification, m_platform.get(), peripherals, localMatcher});
    m_errands = std::make_unique<InstantErrands>(InstantErrands::Parts{&m_catalogue, &m_session, &m_identity, &m_verification, &m_records,
                                                                       &m_delivery, m_availability.get(), m_platform.get(), m_outbox.get(), peripherals});
    m_receipts = std::make_unique<ReceiptPrinting>(
        ReceiptPrinting::Parts{&m_config, &m_catalogue, &m_session, &m_identity, &m_draft, &m_delivery, m_journey.get(), peripherals,
                               m_agent.get(), m_postal.get()});
    m_queueTicketing = std::make_unique<QueueTicketing>(
        QueueTicketing::Parts{&m_config, &m_session, &m_verification, m_platform.get(), peripherals});
    m_complaints = std::make_unique<ComplaintFiling>(
        ComplaintFiling::Parts{&m_config, &m_session, m_outbox.get(), m_sender.get(), peripherals});
    m_rating = std::make_unique<ServiceRating>(m_outbox.get(), m_sender.get());
    m_farewell = std::make_unique<SessionFarewell>(&m_session);
    if (IdCardReader *reader = peripherals.idCardReader()) {
        connect(reader, &IdCardReader::cardRead, m_farewell.get(), [this] { m_farewell->cardRead(); });
        connect(reader, &IdCardReader::cardRemoved, m_farewell.get(), &SessionFarewell::cardRemoved);
    }
}

OutboxCondition KioskRuntime::outboxCondition() const
{
    return OutboxCondition::assess(m_config.string(QStringLiteral("kiosk/state_dir")), m_outboxProblem);
}

PlatformHeartbeat *KioskRuntime::heartbeat() const
{
    return m_supervision ? m_supervision->heartbeat() : nullptr;
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
    options.printerStatusPollMs = static_cast<int>(m_config.integer(QStringLiteral("devices/printer_status_poll_ms")));
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
    for (Device *device : m_devices->devices())
        connect(device, &Device::healthChanged, this, &KioskRuntime::deviceHealthChanged);
}
