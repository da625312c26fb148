#include "camerasettings.h"

#include "camera/cameraoptions.h"
#include "device/deviceregistry.h"
#include "kioskconfig.h"

namespace CameraSettings {

void apply(const KioskConfig &config, DeviceRegistryOptions *options)
{
    const auto resolution = [&config](const char *key, QSize fallback) {
        return CameraOptions::parseResolution(config.string(QStringLiteral("devices/") + QLatin1String(key)), fallback);
    };
    options->faceCameraSize = resolution("face_camera_resolution", options->faceCameraSize);
    options->documentCameraSize = resolution("document_camera_resolution", options->documentCameraSize);
    options->documentCameraPreviewSize = resolution("document_camera_preview_resolution", options->documentCameraPreviewSize);
    options->cameraFps = int(config.integer(QStringLiteral("devices/camera_fps")));
    options->cameraPreviewFps = int(config.integer(QStringLiteral("devices/camera_preview_fps")));
    options->cameraCodeFormats.clear();
    for (const QString &format : config.string(QStringLiteral("devices/code_formats")).split(QLatin1Char(','), Qt::SkipEmptyParts))
        options->cameraCodeFormats << format.trimmed();
}

} // namespace CameraSettings
