#pragma once

#include <QImage>
#include <QPointer>
#include <QQuickPaintedItem>

class FrameProvider;

// A camera's live picture in QML: paints the newest frame of the camera named by `camera`
// ("face_camera", "document_camera") whenever one is ready, never queueing, so the screen shows
// what the camera sees now at whatever rate the UI can take. The face camera is mirrored, as a
// person expects to see themselves. It keeps only the frame on screen and drops it when hidden.
class CameraPreview : public QQuickPaintedItem
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString camera READ camera WRITE setCamera NOTIFY cameraChanged)
    Q_PROPERTY(bool live READ live NOTIFY liveChanged)
    Q_PROPERTY(int framesShown READ framesShown NOTIFY framesShownChanged)

public:
    explicit CameraPreview(QQuickItem *parent = nullptr);

    [[nodiscard]] QString camera() const { return m_camera; }
    void setCamera(const QString &camera);
    [[nodiscard]] bool live() const { return !m_frame.isNull(); }
    [[nodiscard]] int framesShown() const { return m_framesShown; }

    void paint(QPainter *painter) override;

signals:
    void cameraChanged();
    void liveChanged();
    void framesShownChanged();

protected:
    void itemChange(ItemChange change, const ItemChangeData &value) override;

private:
    void attach();
    void takeFrame();

    QString m_camera;
    QPointer<FrameProvider> m_frames;
    QMetaObject::Connection m_connection;
    QImage m_frame;
    int m_framesShown = 0;
};
