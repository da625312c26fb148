#pragma once

#include <QString>
#include <QStringList>

// A stand-in for systemd's notification socket, for the suites that watch the kiosk's sd_notify
// messages (READY=1, WATCHDOG=1, STOPPING=1): a datagram socket bound at a path the test passes
// in NOTIFY_SOCKET. It keeps every datagram received, in order, one entry each.
class NotifySocket
{
public:
    NotifySocket() = default;
    ~NotifySocket();
    NotifySocket(const NotifySocket &) = delete;
    NotifySocket &operator=(const NotifySocket &) = delete;

    // Binds a fresh socket at `path` (a file left there by an earlier run is removed first) and
    // forgets what was received before. False with `error` when the socket cannot be made.
    [[nodiscard]] bool bind(const QString &path, QString *error);
    void close();
    [[nodiscard]] QString path() const { return m_path; }

    // Reads every datagram waiting, without blocking.
    void drain();
    // How many times `line` was received as a line of its own, after draining.
    [[nodiscard]] int count(const QString &line);
    // The datagram that first held `line`, in the order received; -1 when none did.
    [[nodiscard]] int indexOf(const QString &line) const;
    [[nodiscard]] QStringList received() const { return m_received; }

private:
    int m_socket = -1;
    QString m_path;
    QStringList m_received;
};
