#pragma once

#include <QElapsedTimer>
#include <QImage>
#include <QMutex>
#include <QObject>

// The live picture for the UI, without queueing: the camera's thread publishes every frame, the
// provider keeps only the newest, and frameReady() fires at most `maxFps` times a second and only
// once until takeFrame() collects it. A slow UI thus sees fewer frames, never stale ones. Wrap it
// in a QQuickImageProvider or paint takeFrame() in a QQuickPaintedItem. Thread-safe.
class FrameProvider : public QObject
{
    Q_OBJECT
public:
    explicit FrameProvider(int maxFps = 25, QObject *parent = nullptr);

    void publish(const QImage &frame);
    [[nodiscard]] QImage takeFrame();
    [[nodiscard]] QImage latestFrame() const;
    // Forgets the last frame (a face on screen must not outlive the session).
    void clear();
    [[nodiscard]] qint64 framesPublished() const;

signals:
    void frameReady();

private:
    mutable QMutex m_mutex;
    QImage m_frame;
    QElapsedTimer m_sinceSignal;
    int m_minIntervalMs;
    bool m_pending = false;
    qint64 m_published = 0;
};
