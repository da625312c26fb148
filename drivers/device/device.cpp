#include "device/device.h"

#include "device/driverslog.h"

#include <QDir>
#include <QTimer>

namespace {

bool refuse(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

} // namespace

Device::Device(QString id, QString deviceClass, QString spec, QObject *parent)
    : QObject(parent)
    , m_id(std::move(id))
    , m_deviceClass(std::move(deviceClass))
    , m_spec(std::move(spec))
{
    qRegisterMetaType<DeviceHealth>();
}

Device::~Device()
{
    accountPoweredTime();
}

void Device::setStateDirectory(const QString &directory)
{
    if (directory.isEmpty()) {
        m_statistics = DeviceStatistics();
        return;
    }
    m_statistics = DeviceStatistics(QDir(directory).filePath(QStringLiteral("devices/%1.json").arg(m_id)));
    QString error;
    if (!m_statistics.load(&error))
        qCWarning(lcDrivers) << m_id << "starts its statistics afresh:" << error;
}

bool Device::open(QString *error)
{
    if (m_stage != Stage::Closed)
        return refuse(error, QStringLiteral("%1 is already open").arg(m_id));
    if (!onOpen(error))
        return false;
    m_stage = Stage::Open;
    if (m_state == State::Closed)
        setState(State::Idle);
    return true;
}

bool Device::claim(QString *error)
{
    if (m_stage != Stage::Open)
        return refuse(error, QStringLiteral("%1 must be open and not yet claimed to be claimed").arg(m_id));
    if (!onClaim(error))
        return false;
    m_stage = Stage::Claimed;
    return true;
}

bool Device::enable(QString *error)
{
    if (m_stage != Stage::Claimed)
        return refuse(error, QStringLiteral("%1 must be claimed before it is enabled").arg(m_id));
    if (!onEnable(error))
        return false;
    m_stage = Stage::Enabled;
    m_enabledSince = QDateTime::currentDateTimeUtc();
    if (!m_poweredClock) {
        m_poweredClock = new QTimer(this);
        m_poweredClock->setInterval(std::chrono::minutes(10));
        connect(m_poweredClock, &QTimer::timeout, this, [this] {
            accountPoweredTime();
            m_enabledSince = QDateTime::currentDateTimeUtc();
        });
    }
    m_poweredClock->start();
    return true;
}

void Device::disable()
{
    if (m_stage != Stage::Enabled)
        return;
    onDisable();
    m_poweredClock->stop();
    accountPoweredTime();
    m_stage = Stage::Claimed;
}

void Device::release()
{
    disable();
    if (m_stage != Stage::Claimed)
        return;
    onRelease();
    m_stage = Stage::Open;
}

void Device::close()
{
    release();
    if (m_stage != Stage::Open)
        return;
    onClose();
    m_stage = Stage::Closed;
    setState(State::Closed);
}

bool Device::start(QString *error)
{
    return open(error) && claim(error) && enable(error);
}

void Device::restartStuckWorker(qint64 silentMs)
{
    const Stage reached = m_stage;
    if (reached == Stage::Closed)
        return;
    qCWarning(lcDrivers) << m_id << "worker thread has not answered for" << silentMs << "ms: restarting the device";
    count(QStringLiteral("worker_restarts"));
    setHealth(DeviceHealth::error(QStringLiteral("worker_stuck"), StaffHint::Reset));
    setState(State::Error);
    if (reached == Stage::Enabled) {
        m_poweredClock->stop();
        accountPoweredTime();
    }
    onAbandonWorker();
    m_stage = Stage::Closed;
    QString error;
    const bool back = open(&error) && (reached < Stage::Claimed || claim(&error))
                      && (reached < Stage::Enabled || enable(&error));
    if (!back)
        qCWarning(lcDrivers) << m_id << "did not come back after its worker was restarted:" << error;
}

void Device::checkHealth(HealthCheckLevel level)
{
    if (m_stage == Stage::Closed) {
        reportHealthCheck(level, DeviceHealth::error(QStringLiteral("not_open"), StaffHint::Reset));
        return;
    }
    onCheckHealth(level);
}

QString Device::toString(State state)
{
    switch (state) {
    case State::Closed: return QStringLiteral("closed");
    case State::Idle: return QStringLiteral("idle");
    case State::Busy: return QStringLiteral("busy");
    case State::Error: break;
    }
    return QStringLiteral("error");
}

bool Device::onOpen(QString *)
{
    return true;
}

bool Device::onClaim(QString *)
{
    return true;
}

bool Device::onEnable(QString *)
{
    return true;
}

void Device::onCheckHealth(HealthCheckLevel level)
{
    reportHealthCheck(level, m_health);
}

void Device::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void Device::setHealth(const DeviceHealth &health)
{
    if (health == m_health)
        return;
    m_health = health;
    qCInfo(lcDrivers).noquote() << m_id << "health" << DeviceVocabulary::toString(health.level) << health.detail;
    emit healthChanged(health);
}

void Device::setPresent(bool present)
{
    if (present == m_present)
        return;
    m_present = present;
    emit presenceChanged(present);
}

void Device::reportHealthCheck(HealthCheckLevel level, const DeviceHealth &health)
{
    setHealth(health);
    emit healthChecked(level, health);
}

void Device::reportCheckOutcome(HealthCheckLevel level, const DeviceHealth &outcome)
{
    emit healthChecked(level, outcome);
}

void Device::count(const QString &counter, qint64 amount)
{
    m_statistics.add(counter, amount);
}

void Device::accountPoweredTime()
{
    if (!m_enabledSince.isValid())
        return;
    const qint64 seconds = m_enabledSince.secsTo(QDateTime::currentDateTimeUtc());
    m_enabledSince = {};
    if (seconds > 0)
        m_statistics.add(QStringLiteral("seconds_enabled"), seconds);
}
