#include "journeydevices.h"

#include "camera/camera.h"
#include "device/deviceregistry.h"
#include "idcard/idcardreader.h"
#include "printer/printer.h"

namespace {

Camera *camera(const DeviceRegistry *registry, const char *id)
{
    return registry ? qobject_cast<Camera *>(registry->device(QLatin1String(id))) : nullptr;
}

bool usable(const Device *device)
{
    return device && device->health().isUsable();
}

} // namespace

IdCardReader *JourneyDevices::idCardReader() const
{
    return m_registry ? m_registry->idCardReader() : nullptr;
}

BarcodeScanner *JourneyDevices::barcodeScanner() const
{
    return m_registry ? m_registry->barcodeScanner() : nullptr;
}

Camera *JourneyDevices::faceCamera() const
{
    return camera(m_registry, "face_camera");
}

Camera *JourneyDevices::documentCamera() const
{
    return camera(m_registry, "document_camera");
}

Printer *JourneyDevices::documentPrinter() const
{
    return m_registry ? m_registry->printer(QStringLiteral("document_printer")) : nullptr;
}

Printer *JourneyDevices::receiptPrinter() const
{
    return m_registry ? m_registry->printer(QStringLiteral("receipt_printer")) : nullptr;
}

bool JourneyDevices::idCardReaderUsable() const
{
    return usable(idCardReader());
}

bool JourneyDevices::faceCameraUsable() const
{
    return usable(faceCamera());
}

bool JourneyDevices::documentCameraUsable() const
{
    return usable(documentCamera());
}

bool JourneyDevices::documentPrinterUsable() const
{
    return usable(documentPrinter());
}

bool JourneyDevices::receiptPrinterUsable() const
{
    return usable(receiptPrinter());
}
