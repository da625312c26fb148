#include "maintenancegate.h"

#include "maintenancepin.h"
#include "common/statefile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

MaintenanceGate::MaintenanceGate(QString storedHash, QString stateFile, std::function<QDateTime()> now)
    : MaintenanceGate([storedHash = std::move(storedHash)] { return storedHash; }, std::move(stateFile), std::move(now))
{
}

MaintenanceGate::MaintenanceGate(std::function<QString()> storedHash, QString stateFile, std::function<QDateTime()> now)
    : m_storedHash(std::move(storedHash))
    , m_stateFile(std::move(stateFile))
    , m_now(now ? std::move(now) : [] { return QDateTime::currentDateTimeUtc(); })
{
    m_state = current();
}

MaintenanceGate::Result MaintenanceGate::tryPin(const QString &pin)
{
    const QString stored = m_storedHash();
    if (!MaintenancePin::isWellFormed(stored))
        return Result::NoPinSet;
    State state = current();
    const QDateTime now = m_now();
    if (state.lockedUntil.isValid()) {
        if (now < state.lockedUntil)
            return Result::LockedOut;
        // The lock has run out: a fresh round of attempts, but the next lock will be longer.
        state.lockedUntil = {};
        state.failures = 0;
    }
    if (MaintenancePin::matches(pin, stored)) {
        store({});
        // Only now is the PIN known, so only now can an old hash be made as slow as a new one.
        if (m_rehash && MaintenancePin::needsRehash(stored))
            (void)m_rehash(MaintenancePin::hash(pin));
        return Result::Accepted;
    }
    ++state.failures;
    if (state.failures >= AttemptsPerLock) {
        const qint64 seconds = qint64(FirstLockSeconds) << qMin(state.locks, 16);
        state.lockedUntil = now.addSecs(seconds);
        ++state.locks;
    }
    store(state);
    return state.lockedUntil.isValid() ? Result::LockedOut : Result::Refused;
}

int MaintenanceGate::failuresLeft() const
{
    const State state = current();
    if (state.lockedUntil.isValid())
        return m_now() < state.lockedUntil ? 0 : AttemptsPerLock;
    return qMax(0, AttemptsPerLock - state.failures);
}

QDateTime MaintenanceGate::lockedUntil() const
{
    const State state = current();
    if (state.lockedUntil.isValid() && m_now() < state.lockedUntil)
        return state.lockedUntil;
    return {};
}

MaintenanceGate::State MaintenanceGate::current() const
{
    QFile file(m_stateFile);
    if (!file.open(QIODevice::ReadOnly))
        return m_state;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return m_state;
    const QJsonObject json = document.object();
    State state;
    state.failures = json.value(QLatin1String("failures")).toInt();
    state.locks = json.value(QLatin1String("locks")).toInt();
    const QString until = json.value(QLatin1String("locked_until")).toString();
    if (!until.isEmpty())
        state.lockedUntil = QDateTime::fromString(until, Qt::ISODateWithMs);
    return state;
}

void MaintenanceGate::store(const State &state)
{
    m_state = state;
    QDir().mkpath(QFileInfo(m_stateFile).absolutePath());
    QJsonObject json{{QLatin1String("failures"), state.failures}, {QLatin1String("locks"), state.locks}};
    if (state.lockedUntil.isValid())
        json.insert(QLatin1String("locked_until"), state.lockedUntil.toUTC().toString(Qt::ISODateWithMs));
    (void)StateFile::replace(m_stateFile, QJsonDocument(json).toJson(QJsonDocument::Compact));
}
