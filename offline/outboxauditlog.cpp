#include "outboxauditlog.h"

#include <QDateTime>
#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

OutboxAuditLog::OutboxAuditLog(QString path, LogRotationLimits limits)
    : m_path(std::move(path))
    , m_limits(limits)
{
}

OutboxResult<OutboxOk> OutboxAuditLog::append(qint64 atMs, const QString &action, const QString &actor,
                                              const QStringList &localRefs) const
{
    // Newlines in the actor would let one entry forge another line.
    QString who = actor;
    who.replace(QLatin1Char('\n'), QLatin1Char(' ')).replace(QLatin1Char('\r'), QLatin1Char(' '));
    const QByteArray line = QStringLiteral("%1 %2 by=%3 refs=%4\n")
                                .arg(QDateTime::fromMSecsSinceEpoch(atMs, Qt::UTC).toString(Qt::ISODateWithMs), action,
                                     who.isEmpty() ? QStringLiteral("unknown") : who, localRefs.join(QLatin1Char(',')))
                                .toUtf8();
    // A log that could not rotate is still appended to: losing an audit line is worse than a big file.
    (void)LogRotation::makeRoom(m_path, line.size(), m_limits);
    const QByteArray native = QFile::encodeName(m_path);
    const int fd = ::open(native.constData(), O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) {
        return OutboxError{OutboxErrorCode::Io, QStringLiteral("Cannot open the outbox audit log %1 (%2).")
                                                     .arg(m_path, QString::fromLocal8Bit(std::strerror(errno)))};
    }
    const bool written = ::write(fd, line.constData(), size_t(line.size())) == line.size() && ::fsync(fd) == 0;
    ::close(fd);
    if (!written)
        return OutboxError{OutboxErrorCode::Io, QStringLiteral("Cannot write the outbox audit log %1.").arg(m_path)};
    return OutboxOk{};
}
