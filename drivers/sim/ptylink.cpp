#include "sim/ptylink.h"

#include "device/driverslog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSocketNotifier>
#include <QTimer>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <pty.h>
#include <termios.h>
#include <unistd.h>

namespace {

// Chunks small enough that pacing is smooth, large enough not to wake up for every byte.
constexpr qsizetype ChunkBytes = 32;

int baudRateOf(speed_t speed)
{
    static const std::pair<speed_t, int> Rates[] = {{B1200, 1200},     {B2400, 2400},     {B4800, 4800},
                                                    {B9600, 9600},     {B19200, 19200},   {B38400, 38400},
                                                    {B57600, 57600},   {B115200, 115200}, {B230400, 230400},
                                                    {B460800, 460800}, {B921600, 921600}};
    for (const auto &[code, rate] : Rates) {
        if (code == speed)
            return rate;
    }
    return 0;
}

} // namespace

PtyLink::PtyLink(QObject *parent)
    : QObject(parent)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setTimerType(Qt::PreciseTimer);
    connect(m_timer, &QTimer::timeout, this, &PtyLink::pump);
}

PtyLink::~PtyLink()
{
    close();
}

bool PtyLink::open(const QString &linkPath, QString *error)
{
    close();
    char name[256] = {};
    termios raw{};
    cfmakeraw(&raw);
    if (openpty(&m_master, &m_slave, name, &raw, nullptr) != 0) {
        if (error)
            *error = QStringLiteral("openpty: %1").arg(QString::fromLocal8Bit(strerror(errno)));
        m_master = m_slave = -1;
        return false;
    }
    ::fcntl(m_master, F_SETFL, ::fcntl(m_master, F_GETFL) | O_NONBLOCK);
    ::fcntl(m_master, F_SETFD, FD_CLOEXEC);
    ::fcntl(m_slave, F_SETFD, FD_CLOEXEC);
    m_slavePath = QString::fromLocal8Bit(name);
    m_linkPath = linkPath;
    QDir().mkpath(QFileInfo(linkPath).absolutePath());
    QFile::remove(linkPath);
    if (!QFile::link(m_slavePath, linkPath)) {
        if (error)
            *error = QStringLiteral("cannot create %1 -> %2").arg(linkPath, m_slavePath);
        close();
        return false;
    }
    m_notifier = new QSocketNotifier(m_master, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &PtyLink::readMaster);
    return true;
}

void PtyLink::close()
{
    m_timer->stop();
    m_queue.clear();
    m_segmentStarted = false;
    delete m_notifier;
    m_notifier = nullptr;
    if (m_master >= 0)
        ::close(m_master);
    if (m_slave >= 0)
        ::close(m_slave);
    m_master = m_slave = -1;
    if (!m_linkPath.isEmpty() && QFileInfo(m_linkPath).isSymLink())
        QFile::remove(m_linkPath);
}

void PtyLink::send(const QList<Segment> &segments)
{
    m_queue.append(segments);
    if (!m_timer->isActive())
        pump();
}

void PtyLink::readMaster()
{
    char buffer[4096];
    for (;;) {
        const ssize_t n = ::read(m_master, buffer, sizeof buffer);
        if (n > 0) {
            // On the master side, tcgetattr reads the slave's settings: the host's.
            termios settings{};
            if (::tcgetattr(m_master, &settings) == 0)
                m_hostBaud = baudRateOf(::cfgetospeed(&settings));
            emit received(QByteArray(buffer, n));
            continue;
        }
        return;
    }
}

void PtyLink::pump()
{
    while (m_master >= 0 && !m_queue.isEmpty()) {
        Segment &segment = m_queue.first();
        if (!m_segmentStarted) {
            m_segmentStarted = true;
            m_segmentSent = 0;
            m_segmentClock.start();
            if (segment.delayMs > 0) {
                m_timer->start(segment.delayMs);
                return;
            }
        }
        if (m_segmentSent == 0)
            m_segmentClock.restart();
        if (m_baud > 0) {
            // Send only what the line could have carried by now, in chunks.
            const qint64 due = m_segmentSent * 10'000'000 / m_baud; // microseconds
            const qint64 now = m_segmentClock.nsecsElapsed() / 1000;
            if (due > now) {
                m_timer->start(static_cast<int>((due - now + 999) / 1000));
                return;
            }
        }
        const qsizetype chunk = m_baud > 0 ? std::min(ChunkBytes, segment.bytes.size() - m_segmentSent)
                                           : segment.bytes.size() - m_segmentSent;
        const ssize_t written = ::write(m_master, segment.bytes.constData() + m_segmentSent, static_cast<size_t>(chunk));
        if (written < 0) {
            if (errno == EAGAIN) {
                m_timer->start(2);
                return;
            }
            qCWarning(lcDrivers) << "simulator pty write failed:" << strerror(errno);
            m_queue.clear();
            m_segmentStarted = false;
            return;
        }
        m_segmentSent += written;
        if (m_segmentSent >= segment.bytes.size()) {
            m_queue.removeFirst();
            m_segmentStarted = false;
        }
    }
}
