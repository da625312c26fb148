#pragma once

#include "idcard/idcardholder.h"

#include <QString>

#include <memory>

// The ID card reader as an emulated USB device, for tests of UsbTransport: umockdev presents a
// device with one bulk IN and one bulk OUT endpoint to libusb in this process, and an ioctl
// handler answers USBDEVFS_SUBMITURB/REAPURB with SamReaderEmulator's replies. The process must
// run under umockdev's preload library (`umockdev-wrapper`), and the emulation must exist before
// anything calls libusb_init().
class UsbReaderEmulation
{
public:
    struct Identity {
        quint16 vendorId = 0x04b4;
        quint16 productId = 0x5a01;
        bool preamble = true; // false: frames travel without AA AA AA 96 69, both ways
    };

    explicit UsbReaderEmulation(const Identity &identity);
    ~UsbReaderEmulation();

    // Creates the testbed and plugs the device in; false (with a reason) outside umockdev.
    [[nodiscard]] bool start(QString *error);
    // The same control language as IdCardSimulator::execute(): card present NAME, card remove,
    // fault NAME [SW3], fault none. `fault unplug` removes the device; `fault none` plugs it back.
    QString execute(const QString &commandLine);
    // How many commands the emulated reader has answered.
    [[nodiscard]] int commandsAnswered() const;
    // How many SAM reset frames (10 FF) it has received.
    [[nodiscard]] int samResetsReceived() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};
