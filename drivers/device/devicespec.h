#pragma once

#include <QMap>
#include <QString>

#include <optional>

// A device as the configuration names it, parsed. The forms:
//   none                                  the kiosk has no such device
//   simulated                             the real driver against this class's simulator
//   serial:PATH[@BAUD][,key=value…]       e.g. serial:/dev/ttyUSB0@115200 (baud defaults to 115200)
//   usb:VID:PID[,key=value…]              hex ids, e.g. usb:10c4:ea60,in=0x81,out=0x02,preamble=no
// USB options: `in` and `out` are the bulk endpoint addresses (default 0x81 and 0x02),
// `interface` the interface to claim (default 0), `preamble` yes|no: whether frames carry the
// 5-byte AA AA AA 96 69 preamble on this link (default yes; one vendor's USB readers leave it out).
// Any form may add `timeout=MS` (per command, default 1000).
struct DeviceSpec {
    enum class Kind { None, Simulated, Serial, Usb };

    Kind kind = Kind::None;
    QString path;          // serial
    qint32 baud = 115200;  // serial
    quint16 vendorId = 0;  // usb
    quint16 productId = 0; // usb
    QMap<QString, QString> options;

    // Parses `text`; on failure returns nothing and says why in `error`.
    [[nodiscard]] static std::optional<DeviceSpec> parse(const QString &text, QString *error = nullptr);
    [[nodiscard]] int intOption(const QString &key, int fallback) const;
    [[nodiscard]] bool boolOption(const QString &key, bool fallback) const;
    [[nodiscard]] QString toString() const;
};
