#pragma once

#include "common/logrotation.h"
#include "outboxresult.h"

#include <QString>
#include <QStringList>

// The append-only record of what staff did to the queue (retry, park, discard): one line each
// with the time, the action, who, and the local references, synced to disk before the action is
// reported done. It never holds personal data, and rotates within `limits` (10 MiB × 5 files).
class OutboxAuditLog
{
public:
    explicit OutboxAuditLog(QString path, LogRotationLimits limits = {});

    [[nodiscard]] OutboxResult<OutboxOk> append(qint64 atMs, const QString &action, const QString &actor,
                                                const QStringList &localRefs) const;
    [[nodiscard]] QString path() const { return m_path; }

private:
    QString m_path;
    LogRotationLimits m_limits;
};
