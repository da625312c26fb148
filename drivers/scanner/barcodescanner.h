#pragma once

#include "device/threadeddevice.h"
#include "scanner/barcodescannerworker.h"
#include "scanner/scannerspec.h"

// A QR/barcode scanner on serial (CDC-ACM), HID-POS or keyboard-wedge (evdev, grabbed). Once
// enabled it emits codeScanned() once per scan, its text already decoded (UTF-8, else GB18030)
// and stripped of line ends; scans made while it is disabled are dropped, never delivered late.
class BarcodeScanner : public ThreadedDevice<BarcodeScannerWorker>
{
    Q_OBJECT
public:
    BarcodeScanner(const QString &id, ScannerSpec spec, QObject *parent = nullptr);
    ~BarcodeScanner() override;

    [[nodiscard]] const ScannerSpec &scannerSpec() const { return m_spec; }

    // Serial engines in command-triggered mode scan only when told: sends Newland's #SCNTRG1.
    // Other links ignore it (HID-POS and wedge scanners scan on their own).
    void triggerScan();

    // At most this many scans wait between the scanner's thread and the driver's; more are
    // dropped and counted as `scans_dropped`.
    static constexpr int ScanQueueCapacity = 32;
    [[nodiscard]] const HandoffBound &scanQueue() const { return *m_scans; }

signals:
    // `format` is a ZXing-style name ("QRCode") where the link says so (HID-POS), else empty.
    // The text is personal data more often than not: log only ScanPayload::describe() of it.
    void codeScanned(const QString &format, const QString &text);

protected:
    bool onOpen(QString *error) override;

private:
    ScannerSpec m_spec;
    std::shared_ptr<HandoffBound> m_scans = std::make_shared<HandoffBound>(ScanQueueCapacity);
};
