#pragma once

#include <QByteArray>
#include <QString>

#include <memory>

// A Newland-style HID-POS scanner as an emulated USB device, for tests of the HID-POS driver:
// umockdev presents a device with one interrupt IN endpoint (0x81, 64-byte reports) to libusb in
// this process, and an ioctl handler serves queued input reports to the driver's URBs. The
// process must run under umockdev's preload library (`umockdev-wrapper`), and the emulation must
// exist before anything calls libusb_init().
class HidPosEmulation
{
public:
    HidPosEmulation(quint16 vendorId = 0x1eab, quint16 productId = 0x1d06);
    ~HidPosEmulation();

    // Creates the testbed and plugs the device in; false (with a reason) outside umockdev.
    [[nodiscard]] bool start(QString *error);
    // Queues the reports of one scan (HidPosReportAssembler::encode); `symbology` as byte 62.
    void scan(const QByteArray &payload, quint8 symbology = 'Q');
    // Queues raw reports as given, for malformed or partial sequences.
    void sendReport(const QByteArray &report);
    void unplug();
    void plug();
    [[nodiscard]] int reportsDelivered() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};
