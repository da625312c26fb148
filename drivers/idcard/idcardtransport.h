#pragma once

#include <QByteArray>
#include <QString>

// The link to a reader, as the reader's worker thread uses it: blocking calls, each bounded by a
// timeout, so that every command the driver sends ends in a reply, a timeout or a clean error.
// Implementations: SerialTransport (QSerialPort) and UsbTransport (libusb).
class IdCardTransport
{
public:
    enum class Outcome { Ok, Timeout, Vanished, Failed };

    virtual ~IdCardTransport() = default;

    [[nodiscard]] virtual bool open(QString *error) = 0;
    // After a failed open(): true when the device is there but another process holds it
    // (a serial port's lock, a claimed USB interface), rather than missing.
    [[nodiscard]] virtual bool openFailedBusy() const { return false; }
    virtual void close() = 0;
    [[nodiscard]] virtual bool isOpen() const = 0;
    // Writes one whole command frame (with preamble; a transport configured without it strips it).
    [[nodiscard]] virtual Outcome write(const QByteArray &frame, int timeoutMs, QString *error) = 0;
    // Appends whatever bytes arrive within `timeoutMs` (at least one on Ok) to `bytes`.
    [[nodiscard]] virtual Outcome read(QByteArray *bytes, int timeoutMs, QString *error) = 0;
    // Drops bytes already received, so a late reply to a timed-out command is not taken for
    // the reply to the next one.
    virtual void discardInput() = 0;
    // What hot-plug notifications last said about the device: Unknown where the transport has
    // none (serial lines are found again by reopening them), Absent after an unplug event.
    enum class Presence { Unknown, Present, Absent };
    [[nodiscard]] virtual Presence presence() { return Presence::Unknown; }
    // "serial:/dev/ttyUSB0@115200" or "usb:10c4:ea60": for logs and kioskctl.
    [[nodiscard]] virtual QString describe() const = 0;
};
