#include "scannedcodes.h"

#include "camera/camera.h"
#include "device/deviceregistry.h"
#include "scanner/barcodescanner.h"

ScannedCodes::ScannedCodes(const DeviceRegistry *registry, QObject *parent)
    : QObject(parent)
{
    if (!registry)
        return;
    if (BarcodeScanner *scanner = registry->barcodeScanner())
        connect(scanner, &BarcodeScanner::codeScanned, this, [this](const QString &, const QString &text) { emit codeScanned(text); });
    for (const QString &id : {QStringLiteral("face_camera"), QStringLiteral("document_camera")}) {
        if (auto *camera = qobject_cast<Camera *>(registry->device(id)))
            connect(camera, &Camera::codeScanned, this, [this](const QString &, const QString &text) { emit codeScanned(text); });
    }
}
