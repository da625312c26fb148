#pragma once

#include <QImage>
#include <QQuickPaintedItem>

#include <atomic>
#include <memory>

class CameraFrames;

// A camera's live picture in QML: paints the newest frame of the camera named by `camera`
// ("face_camera", "document_camera") whenever one is ready, never queueing, so the screen shows
// what the camera sees now at whatever rate the UI can take. The face camera is mirrored, as a
// person expects to see themselves. It keeps only the frame on screen and drops it when hidden.
// `framesShown` counts frames taken from the camera, `framesPainted` those actually drawn by the
// scene graph (what the resident sees; the rate a test or a technician can judge).
class CameraPreview : public QQuickPaintedItem
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString camera READ camera WRITE setCamera NOTIFY cameraChanged)
    Q_PROPERTY(bool live READ live NOTIFY liveChanged)
    Q_PROPERTY(int framesShown READ framesShown NOTIFY framesShownChanged)
    Q_PROPERTY(int framesPainted READ framesPainted NOTIFY framesPaintedChanged)

public:
    explicit CameraPreview(QQuickItem *parent = nullptr);
    ~CameraPreview() override;

    [[nodiscard]] QString camera() const { return m_camera; }
    void setCamera(const QString &camera);
    [[nodiscard]] bool live() const { return !m_frame.isNull(); }
    [[nodiscard]] int framesShown() const { return m_framesShown; }
    [[nodiscard]] int framesPainted() const { return m_framesPainted.load(); }

    void paint(QPainter *painter) override;

signals:
    void cameraChanged();
    void liveChanged();
    void framesShownChanged();
    void framesPaintedChanged();

protected:
    void itemChange(ItemChange change, const ItemChangeData &value) override;

private:
    void attach();
    void takeFrame();

    QString m_camera;
    std::unique_ptr<CameraFrames> m_frames;
    QMetaObject::Connection m_connection;
    QImage m_frame;
    int m_framesShown = 0;
    // paint() may run on the scene graph's render thread while the UI thread waits.
    std::atomic<int> m_framesPainted = 0;
    int m_paintedFrame = 0; // the framesShown value last painted
};
