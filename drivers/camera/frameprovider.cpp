#include "camera/frameprovider.h"

#include <QMutexLocker>

FrameProvider::FrameProvider(int maxFps, QObject *parent)
    : QObject(parent)
    , m_minIntervalMs(maxFps > 0 ? 1000 / maxFps : 0)
{
}

void FrameProvider::publish(const QImage &frame)
{
    bool notify = false;
    {
        QMutexLocker lock(&m_mutex);
        m_frame = frame;
        ++m_published;
        if (!m_pending && (!m_sinceSignal.isValid() || m_sinceSignal.elapsed() >= m_minIntervalMs)) {
            m_pending = true;
            m_sinceSignal.start();
            notify = true;
        }
    }
    if (notify)
        emit frameReady();
}

QImage FrameProvider::takeFrame()
{
    QMutexLocker lock(&m_mutex);
    m_pending = false;
    return m_frame;
}

QImage FrameProvider::latestFrame() const
{
    QMutexLocker lock(&m_mutex);
    return m_frame;
}

void FrameProvider::clear()
{
    QMutexLocker lock(&m_mutex);
    m_frame = QImage();
    m_pending = false;
}

qint64 FrameProvider::framesPublished() const
{
    QMutexLocker lock(&m_mutex);
    return m_published;
}
