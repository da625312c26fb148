#include "camera/frameprovider.h"

#include <QMutexLocker>
#include <QTimer>

FrameProvider::FrameProvider(int maxFps, QObject *parent)
    : QObject(parent)
    , m_deferred(new QTimer(this))
    , m_maxFps(maxFps)
    , m_minIntervalMs(maxFps > 0 ? 1000 / maxFps : 0)
{
    m_deferred->setSingleShot(true);
    m_deferred->setTimerType(Qt::PreciseTimer);
    connect(m_deferred, &QTimer::timeout, this, &FrameProvider::deferredNotice);
}

void FrameProvider::publish(const QImage &frame, qint64 sequence)
{
    bool notifyNow = false;
    int waitMs = -1;
    {
        QMutexLocker lock(&m_mutex);
        m_frame = frame;
        m_sequence = sequence;
        m_fresh = true;
        ++m_published;
        if (!m_pending && !m_scheduled) {
            const qint64 since = m_sinceSignal.isValid() ? m_sinceSignal.elapsed() : m_minIntervalMs;
            if (since >= m_minIntervalMs) {
                m_pending = true;
                m_sinceSignal.start();
                notifyNow = true;
            } else {
                m_scheduled = true;
                waitMs = int(m_minIntervalMs - since);
            }
        }
    }
    if (notifyNow)
        emit frameReady();
    // The timer belongs to the provider's thread; publish() runs on the camera's.
    if (waitMs >= 0)
        QMetaObject::invokeMethod(m_deferred, [timer = m_deferred, waitMs] { timer->start(waitMs); }, Qt::QueuedConnection);
}

void FrameProvider::deferredNotice()
{
    {
        QMutexLocker lock(&m_mutex);
        m_scheduled = false;
        if (m_pending || !m_fresh)
            return;
        m_pending = true;
        m_sinceSignal.start();
    }
    emit frameReady();
}

QImage FrameProvider::takeFrame(qint64 *sequence)
{
    QMutexLocker lock(&m_mutex);
    m_pending = false;
    m_fresh = false;
    if (sequence)
        *sequence = m_sequence;
    return m_frame;
}

QImage FrameProvider::latestFrame() const
{
    QMutexLocker lock(&m_mutex);
    return m_frame;
}

qint64 FrameProvider::latestSequence() const
{
    QMutexLocker lock(&m_mutex);
    return m_sequence;
}

void FrameProvider::clear()
{
    QMutexLocker lock(&m_mutex);
    m_frame = QImage();
    m_sequence = -1;
    m_pending = false;
    m_fresh = false;
}

qint64 FrameProvider::framesPublished() const
{
    QMutexLocker lock(&m_mutex);
    return m_published;
}
