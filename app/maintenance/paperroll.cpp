#include "paperroll.h"

#include <QDir>
#include <QFileInfo>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

PaperRoll::PaperRoll(const QString &stateDir, const QString &printerId, int rollLengthM, int receiptLengthMm)
    : m_file(QDir(stateDir).filePath(QStringLiteral("maintenance/paper-%1.json").arg(printerId)))
    , m_rollLengthM(rollLengthM)
    , m_receiptLengthMm(qMax(1, receiptLengthMm))
{
    QFile file(m_file);
    if (!file.open(QIODevice::ReadOnly))
        return;
    const QJsonObject saved = QJsonDocument::fromJson(file.readAll()).object();
    m_jobsAtRefill = saved.value(QLatin1String("jobs_at_refill")).toInteger();
    m_refilledAt = QDateTime::fromString(saved.value(QLatin1String("refilled_at")).toString(), Qt::ISODate);
}

qint64 PaperRoll::printedSinceRefill(qint64 jobsCompleted) const
{
    // A printer whose statistics were reset counts from zero again.
    return jobsCompleted >= m_jobsAtRefill ? jobsCompleted - m_jobsAtRefill : jobsCompleted;
}

qint64 PaperRoll::capacity() const
{
    return qint64(m_rollLengthM) * 1000 / m_receiptLengthMm;
}

qint64 PaperRoll::estimatedRemaining(qint64 jobsCompleted) const
{
    return qMax<qint64>(0, capacity() - printedSinceRefill(jobsCompleted));
}

bool PaperRoll::markRefilled(qint64 jobsCompleted, const QDateTime &at, QString *error)
{
    QDir().mkpath(QFileInfo(m_file).absolutePath());
    QSaveFile file(m_file);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = file.errorString();
        return false;
    }
    file.write(QJsonDocument(QJsonObject{{QStringLiteral("jobs_at_refill"), jobsCompleted},
                                         {QStringLiteral("refilled_at"), at.toUTC().toString(Qt::ISODate)}})
                   .toJson(QJsonDocument::Compact));
    if (!file.commit()) {
        *error = file.errorString();
        return false;
    }
    m_jobsAtRefill = jobsCompleted;
    m_refilledAt = at;
    return true;
}
