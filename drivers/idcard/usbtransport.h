#pragma once

#include "idcard/idcardtransport.h"

#include <memory>

// A reader that tunnels SAM frames over USB bulk endpoints, through libusb. Some vendors' USB
// readers send frames without the 5-byte preamble: with `preamble` false this transport strips
// it from commands and puts it back in front of every reply, so the codec sees one format.
// Hot-plug: libusb's callbacks for this VID:PID tell the reader at once when the device leaves
// or comes back, instead of waiting for a command to fail or a reopen attempt to succeed.
class UsbTransport : public IdCardTransport
{
public:
    struct Endpoints {
        quint16 vendorId = 0;
        quint16 productId = 0;
        quint8 in = 0x81;
        quint8 out = 0x02;
        int interfaceNumber = 0;
        bool preamble = true;
    };

    explicit UsbTransport(const Endpoints &endpoints);
    ~UsbTransport() override;

    bool open(QString *error) override;
    bool openFailedBusy() const override;
    void close() override;
    bool isOpen() const override;
    Outcome write(const QByteArray &frame, int timeoutMs, QString *error) override;
    Outcome read(QByteArray *bytes, int timeoutMs, QString *error) override;
    void discardInput() override;
    // From libusb hotplug callbacks (arrived / left for this VID:PID), where libusb has them.
    Presence presence() override;
    QString describe() const override;

private:
    struct Private;
    std::unique_ptr<Private> d;
};
