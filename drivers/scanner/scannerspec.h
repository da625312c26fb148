#pragma once

#include <QString>

#include <optional>

// A barcode scanner as the configuration names it (devices/barcode_scanner):
//   serial:PATH[@BAUD]          USB CDC-ACM or RS-232 engine, raw bytes ending in CR/LF
//   hidpos:VID:PID[,interface=N,in=0x81]   USB HID-POS (usage page 0x8C) read through libusb
//   usb:VID:PID                 the same as hidpos:
//   evdev:PATH[,grab=no]        a keyboard-wedge scanner's own input node, grabbed exclusively;
//                               a regular file of recorded input_event records is replayed at
//                               its recorded pace instead (tests/drivers/scanner/data)
// Every form takes silence_ms=N (an unterminated scan ends after N ms of silence, 100 by
// default) and line_end_ms=N (a CR, LF or Enter ends the scan only when N ms of silence follow,
// 30 by default, so that the line breaks inside a multi-line code survive).
// `none` and `simulated` are the registry's business and never reach a ScannerSpec.
struct ScannerSpec {
    enum class Kind { Serial, HidPos, Evdev };

    Kind kind = Kind::Serial;
    QString path;            // serial, evdev
    qint32 baud = 115200;    // serial
    quint16 vendorId = 0;    // hidpos
    quint16 productId = 0;   // hidpos
    int interfaceNumber = 0; // hidpos
    int inEndpoint = 0x81;   // hidpos, the interrupt IN endpoint
    bool grab = true;        // evdev: an exclusive grab keeps the scanner's keys from the UI
    int silenceMs = 100;     // a scan with no terminator ends after this much silence
    int lineEndSilenceMs = 30; // a line end followed by this much silence ends the scan

    [[nodiscard]] static std::optional<ScannerSpec> parse(const QString &text, QString *error = nullptr);
    [[nodiscard]] QString toString() const;
};
