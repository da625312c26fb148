#include "systemupdate.h"

#include "applog.h"
#include "bundlesink.h"
#include "fleetmetrics.h"
#include "sessionmachine.h"

#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QSaveFile>

#include <chrono>

namespace {

constexpr auto recordName = "record.json";
constexpr auto resultName = "result";
// rauc install copies a whole root file system; on a slow disk that is minutes, never an hour.
constexpr auto installLimit = std::chrono::minutes(45);
// The download is taken from the network in chunks of this size and pauses while more than
// maxPending bytes wait for the disk; the reply then holds at most its read buffer.
constexpr qint64 chunkSize = 256 * 1024;
constexpr qint64 maxPending = 8 * 1024 * 1024;
constexpr qint64 readBuffer = 4 * 1024 * 1024;

QString text(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toString();
}

// An http bundle is accepted only from this machine (the reference platform in tests), as the
// contract allows plain HTTP only towards loopback.
bool acceptableUrl(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty())
        return false;
    if (url.scheme() == QLatin1String("https"))
        return true;
    return url.scheme() == QLatin1String("http")
           && (url.host() == QLatin1String("localhost") || QHostAddress(url.host()).isLoopback());
}

// kiosk-system-request's result: key=value lines.
QHash<QString, QString> readResult(const QString &path)
{
    QHash<QString, QString> values;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return values;
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        const qsizetype equals = line.indexOf(QLatin1Char('='));
        if (equals > 0)
            values.insert(line.left(equals), line.mid(equals + 1));
    }
    return values;
}

} // namespace

SystemUpdate::SystemUpdate(SessionMachine *session, Places places, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_places(std::move(places))
    , m_sink(new BundleSink(this))
{
    connect(m_sink, &BundleSink::progressed, this, &SystemUpdate::pull);
    connect(m_sink, &BundleSink::writeFailed, this, [this](const QString &error) {
        qCWarning(lcApp).noquote() << "update: the bundle does not fit:" << error;
        if (m_reply)
            m_reply->abort();
    });
    connect(m_sink, &BundleSink::finished, this, &SystemUpdate::onStored);
    m_poll.setInterval(std::chrono::seconds(2));
    connect(&m_poll, &QTimer::timeout, this, &SystemUpdate::pollResult);
    connect(m_session, &SessionMachine::sessionEnded, this, [this] {
        if (m_stage == Stage::WaitingForResident)
            install();
        else if (m_stage == Stage::Restarting)
            emit restartDue();
    });
    settleAfterBoot();
}

SystemUpdate::~SystemUpdate()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
}

void SystemUpdate::carryOut(const QString &id, const QJsonObject &command)
{
    if (m_places.bootedSlot.isEmpty()) {
        emit acknowledged(id, false, QStringLiteral("unsupported: this terminal was not booted from an A/B image, so it installs no system updates"));
        return;
    }
    const QUrl url(text(command, "bundle_url"));
    const QString sha256 = text(command, "sha256").toLower();
    const QString version = text(command, "version");
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
    static const QRegularExpression printable(QStringLiteral("^[\\x21-\\x7e]{1,64}$"));
    if (!acceptableUrl(url)) {
        emit acknowledged(id, false, QStringLiteral("bundle_url must be an https URL (http only on loopback)"));
        return;
    }
    if (!hex.match(sha256).hasMatch()) {
        emit acknowledged(id, false, QStringLiteral("sha256 must be 64 hexadecimal digits"));
        return;
    }
    if (!printable.match(version).hasMatch()) {
        emit acknowledged(id, false, QStringLiteral("version must be 1 to 64 printable characters without spaces"));
        return;
    }
    if (m_stage != Stage::Idle) {
        emit acknowledged(id, false, QStringLiteral("an update to %1 is already under way").arg(text(m_entry, "version")));
        return;
    }
    m_commandId = id;
    m_record = QJsonObject{{QStringLiteral("command_id"), id}, {QStringLiteral("version"), version},
                           {QStringLiteral("sha256"), sha256}, {QStringLiteral("from"), m_places.bootedSlot},
                           {QStringLiteral("boot_id"), m_places.bootId}};
    m_stage = Stage::Downloading;
    report(QStringLiteral("installing"), QStringLiteral("downloading"));
    download(url);
}

void SystemUpdate::download(const QUrl &url)
{
    if (!QDir().mkpath(m_places.updateDirectory)) {
        fail(QStringLiteral("the update directory %1 cannot be made").arg(m_places.updateDirectory));
        return;
    }
    QFile::remove(path(QLatin1String(bundleName)));
    // Tried here, so that a directory the kiosk cannot write to fails at once; the sink opens it
    // again on its thread.
    QFile part(path(QStringLiteral("bundle.raucb.part")));
    if (!part.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        fail(QStringLiteral("the bundle cannot be written: %1").arg(part.errorString()));
        return;
    }
    part.close();
    m_sink->start(part.fileName());
    m_downloadError.clear();
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    m_reply = m_network->get(request);
    m_reply->setReadBufferSize(readBuffer);
    connect(m_reply, &QNetworkReply::readyRead, this, &SystemUpdate::pull);
    connect(m_reply, &QNetworkReply::finished, this, &SystemUpdate::pull);
}

// Hands what has arrived to the sink, as long as the disk keeps up; once the reply is finished
// and empty, the sink closes the file and its digest decides (onStored()).
void SystemUpdate::pull()
{
    if (!m_reply)
        return;
    while (m_sink->pending() < maxPending && m_reply->bytesAvailable() > 0)
        m_sink->append(m_reply->read(chunkSize));
    if (!m_reply->isFinished() || (m_reply->bytesAvailable() > 0 && m_reply->error() == QNetworkReply::NoError))
        return;
    QNetworkReply *reply = std::exchange(m_reply, nullptr);
    reply->deleteLater();
    if (reply->error() != QNetworkReply::NoError)
        m_downloadError = reply->errorString();
    m_sink->finish();
}

void SystemUpdate::onStored(const QString &sha256, const QString &writeError)
{
    QFile part(path(QStringLiteral("bundle.raucb.part")));
    if (!writeError.isEmpty() || !m_downloadError.isEmpty()) {
        part.remove();
        fail(writeError.isEmpty() ? QStringLiteral("download failed: %1").arg(m_downloadError)
                                  : QStringLiteral("download failed: the bundle does not fit on the data partition (%1)").arg(writeError));
        return;
    }
    if (sha256 != text(m_record, "sha256")) {
        part.remove();
        fail(QStringLiteral("the bundle's SHA-256 is %1, not the %2 asked for").arg(sha256, text(m_record, "sha256")));
        return;
    }
    if (!part.rename(path(QLatin1String(bundleName)))) {
        part.remove();
        fail(QStringLiteral("the bundle cannot be kept: %1").arg(part.errorString()));
        return;
    }
    installWhenNobodyIsHere();
}

void SystemUpdate::installWhenNobodyIsHere()
{
    if (m_session->state() == SessionState::Attract) {
        install();
        return;
    }
    // A resident's session is never cut short: the install waits for sessionEnded().
    m_stage = Stage::WaitingForResident;
    report(QStringLiteral("installing"), QStringLiteral("verified; waiting for the resident to finish"));
}

void SystemUpdate::install()
{
    QFile::remove(path(QLatin1String(resultName)));
    QString error;
    if (!writeRequest(QStringLiteral("install"), text(m_record, "sha256").toLatin1() + '\n', &error)) {
        QFile::remove(path(QLatin1String(bundleName)));
        fail(QStringLiteral("the install cannot be asked for: %1").arg(error));
        return;
    }
    m_stage = Stage::Installing;
    m_record.insert(QStringLiteral("install_started"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    report(QStringLiteral("installing"), QStringLiteral("rauc install"));
    m_poll.start();
}

void SystemUpdate::pollResult()
{
    const QHash<QString, QString> result = readResult(path(QLatin1String(resultName)));
    const QString state = result.value(QStringLiteral("state"));
    if (state == QLatin1String("failed")) {
        fail(result.value(QStringLiteral("detail"), QStringLiteral("rauc install failed")));
        return;
    }
    if (state == QLatin1String("written")) {
        m_poll.stop();
        const QString to = result.value(QStringLiteral("to"));
        m_record.insert(QStringLiteral("to"), to);
        m_record.insert(QStringLiteral("boot_id"), m_places.bootId);
        m_stage = Stage::Restarting;
        report(QStringLiteral("installing"), QStringLiteral("installed into slot %1; restarting to boot it").arg(to));
        emit acknowledged(std::exchange(m_commandId, QString()), true,
                          QStringLiteral("installed %1 into slot %2; the terminal restarts into it").arg(text(m_record, "version"), to));
        if (m_session->state() == SessionState::Attract)
            emit restartDue();
        return;
    }
    const QDateTime started = QDateTime::fromString(text(m_record, "install_started"), Qt::ISODate);
    if (started.isValid() && started.secsTo(QDateTime::currentDateTimeUtc()) > std::chrono::seconds(installLimit).count())
        fail(QStringLiteral("the system's installer did not answer within %1 minutes").arg(installLimit.count()));
}

void SystemUpdate::requestRestart()
{
    QString error;
    if (!writeRequest(QStringLiteral("reboot"), QByteArray(), &error)) {
        qCWarning(lcApp).noquote() << "update: the restart cannot be asked for:" << error;
        report(QStringLiteral("installing"), QStringLiteral("installed into slot %1; restart the terminal to boot it").arg(text(m_record, "to")));
    }
}

void SystemUpdate::fail(const QString &detail)
{
    m_poll.stop();
    m_stage = Stage::Idle;
    qCWarning(lcApp).noquote() << "update" << text(m_record, "version") << "failed:" << detail;
    report(QStringLiteral("failed"), detail);
    if (!m_commandId.isEmpty())
        emit acknowledged(std::exchange(m_commandId, QString()), false, detail);
}

void SystemUpdate::report(const QString &state, const QString &detail)
{
    m_entry = QJsonObject{{QStringLiteral("version"), text(m_record, "version")}, {QStringLiteral("state"), state},
                          {QStringLiteral("detail"), detail}};
    m_record.insert(QStringLiteral("state"), state);
    m_record.insert(QStringLiteral("detail"), detail);
    qCInfo(lcApp).noquote() << "update" << text(m_record, "version") << state << "-" << detail;
    saveRecord();
}

void SystemUpdate::confirmSlot()
{
    // The new slot serves (first frame, READY=1, a heartbeat answered) and root has marked it good.
    if (m_stage == Stage::Idle && text(m_record, "state") == QLatin1String("installing")
        && !text(m_record, "to").isEmpty() && text(m_record, "to") == m_places.bootedSlot)
        report(QStringLiteral("installed"), QStringLiteral("running in slot %1").arg(m_places.bootedSlot));
}

// What became of an update asked for before this start: the machine restarted into the new slot
// (it is proven by confirmSlot()), or GRUB gave up on it and booted the old one, or the kiosk was
// restarted in the middle and the install goes on or has to be asked for again.
void SystemUpdate::settleAfterBoot()
{
    QFile file(path(QLatin1String(recordName)));
    if (!file.open(QIODevice::ReadOnly))
        return;
    m_record = QJsonDocument::fromJson(file.readAll()).object();
    m_entry = QJsonObject{{QStringLiteral("version"), text(m_record, "version")}, {QStringLiteral("state"), text(m_record, "state")},
                          {QStringLiteral("detail"), text(m_record, "detail")}};
    if (text(m_record, "state") != QLatin1String("installing"))
        return;
    m_commandId = text(m_record, "command_id");
    const QString from = text(m_record, "from");
    QString to = text(m_record, "to");
    const QHash<QString, QString> result = readResult(path(QLatin1String(resultName)));
    if (to.isEmpty() && result.value(QStringLiteral("state")) == QLatin1String("written"))
        to = result.value(QStringLiteral("to"));
    const bool sameBoot = !m_places.bootId.isEmpty() && text(m_record, "boot_id") == m_places.bootId;
    if (!to.isEmpty() && m_places.bootedSlot == to && !sameBoot) {
        m_record.insert(QStringLiteral("to"), to);
        m_commandId.clear(); // acknowledged before the restart
        report(QStringLiteral("installing"), QStringLiteral("booted slot %1; proving that it serves").arg(to));
    } else if (!to.isEmpty() && sameBoot) {
        // Installed, but the kiosk restarted before the machine did: the restart is still to come.
        m_record.insert(QStringLiteral("to"), to);
        m_stage = Stage::Restarting;
        report(QStringLiteral("installing"), QStringLiteral("installed into slot %1; restarting to boot it").arg(to));
        // Told once whoever listens is connected: the acknowledgement may not have reached the
        // platform before the kiosk restarted, and the restart is still due.
        QTimer::singleShot(0, this, [this, to] {
            if (!m_commandId.isEmpty())
                emit acknowledged(std::exchange(m_commandId, QString()), true,
                                  QStringLiteral("installed %1 into slot %2; the terminal restarts into it").arg(text(m_record, "version"), to));
            if (m_stage == Stage::Restarting && m_session->state() == SessionState::Attract)
                emit restartDue();
        });
    } else if (!to.isEmpty() && m_places.bootedSlot == from) {
        // The machine restarted, and GRUB booted the old slot: the new one used up its tries.
        m_commandId.clear();
        report(QStringLiteral("rolled_back"), QStringLiteral("slot %1 never served; back on slot %2").arg(to, from));
    } else if (result.value(QStringLiteral("state")) == QLatin1String("installing")) {
        m_stage = Stage::Installing; // root's install outlived the kiosk's restart
        m_poll.start();
    } else {
        // The acknowledgement waits for whoever listens to be connected.
        QTimer::singleShot(0, this, [this] { fail(QStringLiteral("interrupted by a restart before it was installed; ask for it again")); });
    }
}

bool SystemUpdate::writeRequest(const QString &name, const QByteArray &content, QString *error)
{
    // Written beside the request directory and renamed into it, so root never reads half of one.
    const QDir requests(m_places.requestDirectory);
    if (!QDir().mkpath(requests.path())) {
        *error = QStringLiteral("%1 cannot be made").arg(requests.path());
        return false;
    }
    const QString staging = requests.absoluteFilePath(QStringLiteral("../.%1-request").arg(name));
    QFile file(staging);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(content) != content.size() || !file.flush()) {
        *error = file.errorString();
        return false;
    }
    file.close();
    QFile::remove(requests.absoluteFilePath(name));
    if (!QFile::rename(staging, requests.absoluteFilePath(name))) {
        *error = QStringLiteral("%1 cannot be moved into %2").arg(staging, requests.path());
        QFile::remove(staging);
        return false;
    }
    return true;
}

void SystemUpdate::saveRecord()
{
    if (!QDir().mkpath(m_places.updateDirectory))
        return;
    QSaveFile file(path(QLatin1String(recordName)));
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(m_record).toJson()) < 0 || !file.commit())
        qCWarning(lcApp).noquote() << "update: the record cannot be written:" << file.errorString();
}

QString SystemUpdate::path(const QString &name) const
{
    return QDir(m_places.updateDirectory).absoluteFilePath(name);
}

SystemUpdate::Places SystemUpdate::placesOfThisMachine(const QString &stateDirectory)
{
    Places places;
    places.updateDirectory = QDir(stateDirectory).absoluteFilePath(QStringLiteral("update"));
    const QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (!runtime.isEmpty())
        places.requestDirectory = QDir(runtime).absoluteFilePath(QStringLiteral("requests"));
    places.bootedSlot = FleetMetrics::bootedSlot();
    QFile bootId(QStringLiteral("/proc/sys/kernel/random/boot_id"));
    if (bootId.open(QIODevice::ReadOnly))
        places.bootId = QString::fromLatin1(bootId.readAll()).trimmed();
    return places;
}
