#include "notifysocket.h"

#include <QFile>

#include <cerrno>
#include <cstring>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

NotifySocket::~NotifySocket()
{
    close();
}

bool NotifySocket::bind(const QString &path, QString *error)
{
    close();
    m_received.clear();
    QFile::remove(path);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    const QByteArray encoded = QFile::encodeName(path);
    if (size_t(encoded.size()) >= sizeof address.sun_path) {
        *error = QStringLiteral("the socket path %1 is too long for AF_UNIX").arg(path);
        return false;
    }
    memcpy(address.sun_path, encoded.constData(), size_t(encoded.size()));
    m_socket = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (m_socket < 0 || ::bind(m_socket, reinterpret_cast<const sockaddr *>(&address), sizeof address) != 0) {
        *error = QStringLiteral("cannot bind %1: %2").arg(path, QString::fromLocal8Bit(strerror(errno)));
        close();
        return false;
    }
    m_path = path;
    return true;
}

void NotifySocket::close()
{
    if (m_socket >= 0)
        ::close(m_socket);
    m_socket = -1;
}

void NotifySocket::drain()
{
    if (m_socket < 0)
        return;
    // A notification is one datagram, well under a page (sd_notify's own limit).
    char buffer[4096];
    for (;;) {
        const ssize_t n = recv(m_socket, buffer, sizeof buffer, MSG_DONTWAIT);
        if (n <= 0)
            return;
        m_received.append(QString::fromUtf8(buffer, int(n)));
    }
}

int NotifySocket::count(const QString &line)
{
    drain();
    int n = 0;
    for (const QString &message : std::as_const(m_received))
        n += int(message.split(QLatin1Char('\n')).count(line));
    return n;
}

int NotifySocket::indexOf(const QString &line) const
{
    for (int i = 0; i < m_received.size(); ++i) {
        if (m_received.at(i).split(QLatin1Char('\n')).contains(line))
            return i;
    }
    return -1;
}
