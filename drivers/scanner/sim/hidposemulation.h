#pragma once

#include "sim/usbdeviceemulation.h"

#include <QByteArray>
#include <QString>

#include <memory>

// A Newland-style HID-POS scanner as an emulated USB device, for tests of the HID-POS driver: one
// interrupt IN endpoint (0x81, 64-byte reports), each waiting URB taking one queued input report
// (UsbDeviceEmulation does the usbdevfs side). Unplugging fails the transfers in flight.
class HidPosEmulation : public UsbDeviceEmulation
{
public:
    HidPosEmulation(quint16 vendorId = 0x1eab, quint16 productId = 0x1d06);
    ~HidPosEmulation() override;

    // Queues the reports of one scan (HidPosReportAssembler::encode); `symbology` as byte 62.
    void scan(const QByteArray &payload, quint8 symbology = 'Q');
    // Queues raw reports as given, for malformed or partial sequences.
    void sendReport(const QByteArray &report);
    void unplug();
    using UsbDeviceEmulation::plug;
    [[nodiscard]] int reportsDelivered() const;

protected:
    bool takeInput(qsizetype room, QByteArray *bytes) override;
    void dropInput() override;

private:
    struct Private;
    std::unique_ptr<Private> d;
};
