#include "kioskruntime.h"

#include "applog.h"
#include "device/deviceregistry.h"
#include "idcard/idcardreader.h"

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
    return runtime;
}

KioskRuntime::KioskRuntime(const KioskConfig &config, Catalogue catalogue)
    : m_config(config)
    , m_catalogue(std::move(catalogue))
    , m_session(SessionTimeouts::fromConfig(config))
{
    m_session.addWipeable(&m_identity);
}

KioskRuntime::~KioskRuntime()
{
    m_session.removeWipeable(&m_identity);
    if (m_devices)
        m_devices->stopAll();
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

    m_devices = std::make_unique<DeviceRegistry>(options);
    QStringList problems;
    m_devices->build(&problems);
    m_devices->startAll(&problems);
    for (const QString &problem : problems)
        qCWarning(lcApp) << "device:" << problem;
    if (!m_devices->unsupported().isEmpty())
        qCInfo(lcApp) << "devices without a driver in this build:" << m_devices->unsupported();

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
