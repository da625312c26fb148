#include "logrotation.h"

#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace LogRotation {

namespace {

QString rotatedName(const QString &path, int index)
{
    return index == 0 ? path : path + QLatin1Char('.') + QString::number(index);
}

bool exists(const QString &path)
{
    struct stat info {};
    return ::lstat(QFile::encodeName(path).constData(), &info) == 0;
}

} // namespace

bool makeRoom(const QString &path, qint64 incomingBytes, const LogRotationLimits &limits, QString *error)
{
    const QByteArray native = QFile::encodeName(path);
    // O_NOFOLLOW: a link planted in the state directory is neither locked nor measured.
    const int fd = ::open(native.constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return true; // nothing to rotate yet
    struct stat held {};
    if (::fstat(fd, &held) != 0 || held.st_size + incomingBytes <= limits.maxBytes || limits.keptFiles < 1) {
        ::close(fd);
        return true;
    }
    ::flock(fd, LOCK_EX);
    // Another writer may have rotated while this one waited: then the name is a fresh file.
    struct stat now {};
    bool ok = true;
    if (::lstat(native.constData(), &now) == 0 && now.st_ino == held.st_ino && now.st_dev == held.st_dev
        && now.st_size + incomingBytes > limits.maxBytes) {
        const auto fail = [&](const QString &what) {
            if (error)
                *error = QStringLiteral("%1: %2").arg(what, QString::fromLocal8Bit(std::strerror(errno)));
            ok = false;
        };
        const QString oldest = rotatedName(path, limits.keptFiles - 1);
        if (limits.keptFiles == 1) {
            if (::unlink(native.constData()) != 0)
                fail(QStringLiteral("cannot remove the full log %1").arg(path));
        } else if (exists(oldest) && ::unlink(QFile::encodeName(oldest).constData()) != 0) {
            fail(QStringLiteral("cannot remove the oldest log %1").arg(oldest));
        }
        for (int index = limits.keptFiles - 2; ok && index >= 0; --index) {
            const QString from = rotatedName(path, index);
            if (exists(from)
                && ::rename(QFile::encodeName(from).constData(), QFile::encodeName(rotatedName(path, index + 1)).constData()) != 0)
                fail(QStringLiteral("cannot rotate the log %1").arg(from));
        }
    }
    ::flock(fd, LOCK_UN);
    ::close(fd);
    return ok;
}

QStringList files(const QString &path, const LogRotationLimits &limits)
{
    QStringList found;
    for (int index = 0; index < qMax(1, limits.keptFiles); ++index) {
        if (exists(rotatedName(path, index)))
            found.append(rotatedName(path, index));
    }
    return found;
}

} // namespace LogRotation
