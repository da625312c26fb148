#include "cameraframes.h"

#include "camera/camera.h"
#include "camera/frameprovider.h"
#include "device/deviceregistry.h"

CameraFrames::CameraFrames(FrameProvider *provider, QObject *parent)
    : QObject(parent)
    , m_provider(provider)
{
    if (m_provider)
        connect(m_provider, &FrameProvider::frameReady, this, &CameraFrames::frameReady);
}

CameraFrames::CameraFrames(const DeviceRegistry *registry, const QString &cameraId, QObject *parent)
    : CameraFrames(providerOf(registry, cameraId), parent)
{
}

FrameProvider *CameraFrames::providerOf(const DeviceRegistry *registry, const QString &cameraId)
{
    const Camera *camera = registry ? qobject_cast<Camera *>(registry->device(cameraId)) : nullptr;
    return camera ? camera->frameProvider() : nullptr;
}

QImage CameraFrames::takeFrame()
{
    return m_provider ? m_provider->takeFrame() : QImage();
}

QImage CameraFrames::latestFrame() const
{
    return m_provider ? m_provider->latestFrame() : QImage();
}
