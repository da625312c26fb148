#pragma once

#include <QImage>
#include <QObject>
#include <QPointer>

class DeviceRegistry;
class FrameProvider;

// A camera's live picture as the UI takes it, so that screens need no driver header: frameReady()
// says a new frame waits, takeFrame() collects it (once), latestFrame() looks at the newest
// without collecting. A camera that is missing or not a camera gives no frames.
class CameraFrames : public QObject
{
    Q_OBJECT
public:
    explicit CameraFrames(FrameProvider *provider, QObject *parent = nullptr);
    CameraFrames(const DeviceRegistry *registry, const QString &cameraId, QObject *parent = nullptr);

    // The live picture of `cameraId` ("face_camera", "document_camera") in `registry`, or null.
    [[nodiscard]] static FrameProvider *providerOf(const DeviceRegistry *registry, const QString &cameraId);

    [[nodiscard]] bool isAvailable() const { return !m_provider.isNull(); }
    [[nodiscard]] QImage takeFrame();
    [[nodiscard]] QImage latestFrame() const;

signals:
    void frameReady();

private:
    QPointer<FrameProvider> m_provider;
};
