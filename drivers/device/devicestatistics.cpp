#include "device/devicestatistics.h"

#include "device/driverslog.h"
#include "common/statefile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

DeviceStatistics::DeviceStatistics(QString filePath)
    : m_filePath(std::move(filePath))
{
}

bool DeviceStatistics::load(QString *error)
{
    m_counters.clear();
    if (m_filePath.isEmpty() || !QFileInfo::exists(m_filePath))
        return true;
    QFile file(m_filePath);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!document.isObject()) {
        if (error)
            *error = QStringLiteral("%1: not a JSON object (%2)").arg(m_filePath, parseError.errorString());
        return false;
    }
    const QJsonObject counters = document.object();
    for (auto it = counters.begin(); it != counters.end(); ++it)
        m_counters.insert(it.key(), it.value().toInteger());
    return true;
}

bool DeviceStatistics::save(QString *error) const
{
    if (m_filePath.isEmpty())
        return true;
    QDir().mkpath(QFileInfo(m_filePath).absolutePath());
    QJsonObject counters;
    for (auto it = m_counters.begin(); it != m_counters.end(); ++it)
        counters.insert(it.key(), it.value());
    // kioskctl may save these as root in the kiosk's state directory: links there are replaced, never followed.
    if (!StateFile::replace(m_filePath, QJsonDocument(counters).toJson(QJsonDocument::Indented))) {
        if (error)
            *error = QStringLiteral("cannot write %1").arg(m_filePath);
        return false;
    }
    return true;
}

void DeviceStatistics::add(const QString &counter, qint64 amount)
{
    m_counters[counter] += amount;
    QString error;
    if (!save(&error))
        qCWarning(lcDrivers) << "statistics not saved:" << error;
}
