#pragma once

#include <QElapsedTimer>
#include <QImage>
#include <QMutex>
#include <QObject>

class QTimer;

// The live picture for the UI, without queueing: the camera's thread publishes every frame, the
// provider keeps only the newest, and frameReady() fires at most `maxFps` times a second and only
// once until takeFrame() collects it. A frame that arrives before the interval is over is not
// dropped from the screen: the notice for the newest frame goes out when the interval ends, so a
// 30 fps camera reaches the screen at `maxFps`, not at every other frame. A slow UI sees fewer
// frames, never stale ones. Wrap it in a QQuickImageProvider or paint takeFrame() in a
// QQuickPaintedItem. publish() is thread-safe; the provider itself lives on the UI's thread.
class FrameProvider : public QObject
{
    Q_OBJECT
public:
    explicit FrameProvider(int maxFps = 25, QObject *parent = nullptr);

    // `sequence` numbers the source's frames (a gap means the camera dropped frames it was too
    // slow for); -1 when unknown.
    void publish(const QImage &frame, qint64 sequence = -1);
    [[nodiscard]] QImage takeFrame(qint64 *sequence = nullptr);
    [[nodiscard]] QImage latestFrame() const;
    [[nodiscard]] qint64 latestSequence() const;
    // Forgets the last frame (a face on screen must not outlive the session).
    void clear();
    [[nodiscard]] qint64 framesPublished() const;
    [[nodiscard]] int maxFps() const { return m_maxFps; }

signals:
    void frameReady();

private:
    void deferredNotice();

    mutable QMutex m_mutex;
    QImage m_frame;
    qint64 m_sequence = -1;
    QElapsedTimer m_sinceSignal;
    QTimer *m_deferred;
    int m_maxFps;
    int m_minIntervalMs;
    bool m_pending = false;   // a notice went out and its frame was not taken yet
    bool m_fresh = false;     // the frame held was not taken yet
    bool m_scheduled = false; // a deferred notice is on its way
    qint64 m_published = 0;
};
