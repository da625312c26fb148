#include "outboxkey.h"

#include <QFile>
#include <QFileInfo>

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <cctype>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

OutboxError keyError(OutboxErrorCode code, const QString &message)
{
    return {code, message};
}

QString systemError()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

} // namespace

OutboxKey::~OutboxKey()
{
    // Only the last shared copy owns the bytes; wiping earlier would break the other copies.
    if (!m_bytes.isEmpty() && m_bytes.isDetached())
        OPENSSL_cleanse(m_bytes.data(), size_t(m_bytes.size()));
}

OutboxKey OutboxKey::fromBytes(const QByteArray &bytes)
{
    Q_ASSERT(bytes.size() == size);
    return OutboxKey(QByteArray(bytes.constData(), bytes.size()));
}

OutboxResult<OutboxKey> OutboxKey::load(const QString &path)
{
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return keyError(OutboxErrorCode::KeyMissing,
                        QStringLiteral("The outbox key file %1 cannot be read (%2); the outbox stays closed "
                                       "until the terminal is provisioned with its key.")
                            .arg(path, systemError()));
    }
    struct stat info {};
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        ::close(fd);
        return keyError(OutboxErrorCode::KeyMissing, QStringLiteral("The outbox key file %1 is not a regular file.").arg(path));
    }
    if ((info.st_mode & 0077) != 0) {
        ::close(fd);
        return keyError(OutboxErrorCode::KeyPermissions,
                        QStringLiteral("The outbox key file %1 has mode %2: others than its owner may read it. "
                                       "Run `chmod 600 %1` (and check who else saw it).")
                            .arg(path)
                            .arg(info.st_mode & 0777, 4, 8, QLatin1Char('0')));
    }
    char buffer[130];
    ssize_t length = 0;
    while (length < ssize_t(sizeof buffer)) {
        const ssize_t n = ::read(fd, buffer + length, sizeof buffer - size_t(length));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        length += n;
    }
    ::close(fd);

    QByteArray raw(buffer, int(length));
    OPENSSL_cleanse(buffer, sizeof buffer);
    QByteArray key;
    if (raw.size() == size) {
        key = raw;
    } else {
        const QByteArray hex = raw.trimmed();
        bool allHex = hex.size() == 2 * size;
        for (char c : hex)
            allHex = allHex && std::isxdigit(static_cast<unsigned char>(c));
        if (allHex)
            key = QByteArray::fromHex(hex);
    }
    OPENSSL_cleanse(raw.data(), size_t(raw.size()));
    if (key.size() != size) {
        return keyError(OutboxErrorCode::KeyInvalid,
                        QStringLiteral("The outbox key file %1 must hold 32 raw bytes or 64 hex digits.").arg(path));
    }
    return OutboxKey(key);
}

OutboxResult<OutboxKey> OutboxKey::create(const QString &path)
{
    QByteArray key(size, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(key.data()), size) != 1)
        return keyError(OutboxErrorCode::Io, QStringLiteral("The system's random source failed; no key was written."));

    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        return keyError(errno == EEXIST ? OutboxErrorCode::InvalidState : OutboxErrorCode::Io,
                        QStringLiteral("Cannot create the outbox key file %1 (%2); an existing key is never replaced.")
                            .arg(path, systemError()));
    }
    // The umask may have narrowed the mode further, which is fine; it can never widen it.
    QByteArray hex = key.toHex() + '\n';
    const bool written = ::write(fd, hex.constData(), size_t(hex.size())) == hex.size() && ::fsync(fd) == 0;
    OPENSSL_cleanse(hex.data(), size_t(hex.size()));
    ::close(fd);
    if (!written) {
        ::unlink(native.constData());
        return keyError(OutboxErrorCode::Io, QStringLiteral("Cannot write the outbox key file %1 (%2).").arg(path, systemError()));
    }
    const QByteArray dir = QFile::encodeName(QFileInfo(path).absolutePath());
    const int dirFd = ::open(dir.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dirFd >= 0) {
        ::fsync(dirFd);
        ::close(dirFd);
    }
    return OutboxKey(key);
}
