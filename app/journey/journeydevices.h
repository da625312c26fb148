#pragma once

class BarcodeScanner;
class Camera;
class DeviceRegistry;
class IdCardReader;
class Printer;

// The peripherals a resident's journey uses, by the role they play in it. Any of them may be
// missing (configured `none`, or no registry at all); usable() means present and healthy.
class JourneyDevices
{
public:
    JourneyDevices() = default;
    explicit JourneyDevices(DeviceRegistry *registry)
        : m_registry(registry)
    {
    }

    [[nodiscard]] DeviceRegistry *registry() const { return m_registry; }
    [[nodiscard]] IdCardReader *idCardReader() const;
    [[nodiscard]] BarcodeScanner *barcodeScanner() const;
    [[nodiscard]] Camera *faceCamera() const;
    [[nodiscard]] Camera *documentCamera() const;
    [[nodiscard]] Printer *documentPrinter() const;
    [[nodiscard]] Printer *receiptPrinter() const;

    [[nodiscard]] bool idCardReaderUsable() const;
    [[nodiscard]] bool faceCameraUsable() const;
    [[nodiscard]] bool documentCameraUsable() const;
    [[nodiscard]] bool documentPrinterUsable() const;
    [[nodiscard]] bool receiptPrinterUsable() const;

private:
    DeviceRegistry *m_registry = nullptr;
};
