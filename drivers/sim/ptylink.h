#pragma once

#include "sim/replysegment.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QString>

class QSocketNotifier;
class QTimer;

// A serial device simulator's end of a pseudo-terminal: the driver opens the slave side through a
// stable symlink as it would /dev/ttyUSB0. Replies are paced at the configured baud (10 bits a
// byte, as 8N1 costs on a real line), so timings through the simulator match a real device's.
// "Unplugging" closes the pty and removes the symlink; plugging in again makes a new one.
class PtyLink : public QObject
{
    Q_OBJECT
public:
    using Segment = ReplySegment;

    explicit PtyLink(QObject *parent = nullptr);
    ~PtyLink() override;

    [[nodiscard]] bool open(const QString &linkPath, QString *error);
    void close();
    [[nodiscard]] bool isOpen() const { return m_master >= 0; }
    [[nodiscard]] QString linkPath() const { return m_linkPath; }
    [[nodiscard]] QString slavePath() const { return m_slavePath; }

    // 0 sends as fast as the pty takes bytes.
    void setBaud(int baud) { m_baud = baud; }
    // The baud the host had set its end of the line to when its last bytes arrived (0 before
    // any, or for a rate termios does not name), so a test can see what the driver asked for.
    [[nodiscard]] int hostBaud() const { return m_hostBaud; }
    void send(const QList<Segment> &segments);

signals:
    void received(const QByteArray &bytes);

private:
    void readMaster();
    void pump();

    int m_master = -1;
    int m_slave = -1;
    int m_baud = 0;
    int m_hostBaud = 0;
    QString m_linkPath;
    QString m_slavePath;
    QSocketNotifier *m_notifier = nullptr;
    QTimer *m_timer = nullptr;
    QList<Segment> m_queue;
    QElapsedTimer m_segmentClock; // since the current segment's first byte was due
    qint64 m_segmentSent = 0;
    bool m_segmentStarted = false;
};
