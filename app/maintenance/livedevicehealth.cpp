#include "livedevicehealth.h"

#include "applog.h"
#include "devicesurvey.h"
#include "kioskconfig.h"

#include "device/deviceregistry.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <cerrno>
#include <csignal>

namespace {

constexpr int PeriodMs = 30 * 1000;
// Four periods without a new copy: the kiosk that wrote it is not running its event loop.
constexpr qint64 StaleAfterS = 4 * PeriodMs / 1000;

bool processRuns(qint64 pid)
{
    return pid > 0 && (::kill(pid_t(pid), 0) == 0 || errno == EPERM);
}

} // namespace

LiveDeviceHealth::LiveDeviceHealth(const DeviceRegistry &registry, const KioskConfig &config, QObject *parent)
    : QObject(parent)
    , m_registry(registry)
    , m_config(config)
    , m_path(pathIn(config.string(QStringLiteral("kiosk/state_dir"))))
{
    // Changes come in bursts (a start, a printer that goes away): one write for each burst.
    m_soon.setSingleShot(true);
    m_soon.setInterval(200);
    connect(&m_soon, &QTimer::timeout, this, &LiveDeviceHealth::publish);
    m_periodic.setInterval(PeriodMs);
    connect(&m_periodic, &QTimer::timeout, this, &LiveDeviceHealth::publish);
    for (Device *device : m_registry.devices())
        connect(device, &Device::healthChanged, &m_soon, qOverload<>(&QTimer::start));
    m_periodic.start();
    publish();
}

LiveDeviceHealth::~LiveDeviceHealth()
{
    QFile::remove(m_path);
}

QString LiveDeviceHealth::pathIn(const QString &stateDir)
{
    return QDir(stateDir).filePath(QStringLiteral("devices/live-health.json"));
}

void LiveDeviceHealth::publish()
{
    const QJsonObject content{{QStringLiteral("pid"), QCoreApplication::applicationPid()},
                              {QStringLiteral("written_at"), QDateTime::currentSecsSinceEpoch()},
                              {QStringLiteral("devices"), DeviceSurvey::describe(m_registry, m_config)}};
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(content).toJson(QJsonDocument::Compact)) < 0 || !file.commit())
        qCWarning(lcApp) << "device health not published to" << m_path << ":" << file.errorString();
}

std::optional<QJsonArray> LiveDeviceHealth::read(const QString &stateDir, qint64 *pid)
{
    QFile file(pathIn(stateDir));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonObject content = QJsonDocument::fromJson(file.readAll()).object();
    const qint64 writer = content.value(QStringLiteral("pid")).toInteger();
    const qint64 age = QDateTime::currentSecsSinceEpoch() - content.value(QStringLiteral("written_at")).toInteger();
    if (!processRuns(writer) || age > StaleAfterS || !content.value(QStringLiteral("devices")).isArray())
        return std::nullopt;
    if (pid)
        *pid = writer;
    return content.value(QStringLiteral("devices")).toArray();
}
