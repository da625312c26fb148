#pragma once

#include "sim/usbdeviceemulation.h"

#include <QString>

#include <memory>

// The ID card reader as an emulated USB device, for tests of UsbTransport: one bulk IN and one
// bulk OUT endpoint, the frames the host writes answered with SamReaderEmulator's replies, each
// piece due after the emulator's delay (UsbDeviceEmulation does the usbdevfs side).
class UsbReaderEmulation : public UsbDeviceEmulation
{
public:
    struct Identity {
        quint16 vendorId = 0x04b4;
        quint16 productId = 0x5a01;
        bool preamble = true; // false: frames travel without AA AA AA 96 69, both ways
    };

    explicit UsbReaderEmulation(const Identity &identity);
    ~UsbReaderEmulation() override;

    // The same control language as IdCardSimulator::execute(): card present NAME, card remove,
    // fault NAME [SW3], fault none. `fault unplug` removes the device; `fault none` plugs it back.
    QString execute(const QString &commandLine);
    // How many commands the emulated reader has answered.
    [[nodiscard]] int commandsAnswered() const;
    // How many SAM reset frames (10 FF) it has received.
    [[nodiscard]] int samResetsReceived() const;

protected:
    void hostWrote(const QByteArray &bytes) override;
    bool takeInput(qsizetype room, QByteArray *bytes) override;
    void dropInput() override;

private:
    struct Private;
    std::unique_ptr<Private> d;
};
