#include "scanner/scannerspec.h"

#include "device/devicespec.h"

#include <QStringList>

namespace {

std::optional<ScannerSpec> fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return std::nullopt;
}

} // namespace

std::optional<ScannerSpec> ScannerSpec::parse(const QString &text, QString *error)
{
    ScannerSpec spec;
    QString head = text.trimmed();
    QString rest;
    const qsizetype comma = head.indexOf(QLatin1Char(','));
    if (comma >= 0) {
        rest = head.mid(comma);
        head = head.left(comma);
    }
    if (head.startsWith(QLatin1String("hidpos:")))
        head = QStringLiteral("usb:") + head.mid(7);
    if (head.startsWith(QLatin1String("evdev:"))) {
        // DeviceSpec has no evdev form; its option parsing is the same, so borrow it.
        const std::optional<DeviceSpec> options = DeviceSpec::parse(QStringLiteral("none") + rest, error);
        if (!options)
            return std::nullopt;
        spec.kind = Kind::Evdev;
        spec.path = head.mid(6);
        if (spec.path.isEmpty())
            return fail(error, QStringLiteral("evdev: needs an input device path"));
        spec.grab = options->boolOption(QStringLiteral("grab"), true);
        spec.silenceMs = options->intOption(QStringLiteral("silence_ms"), spec.silenceMs);
        spec.lineEndSilenceMs = options->intOption(QStringLiteral("line_end_ms"), spec.lineEndSilenceMs);
        return spec;
    }
    const std::optional<DeviceSpec> device = DeviceSpec::parse(head + rest, error);
    if (!device)
        return std::nullopt;
    spec.silenceMs = device->intOption(QStringLiteral("silence_ms"), spec.silenceMs);
    spec.lineEndSilenceMs = device->intOption(QStringLiteral("line_end_ms"), spec.lineEndSilenceMs);
    switch (device->kind) {
    case DeviceSpec::Kind::Serial:
        spec.kind = Kind::Serial;
        spec.path = device->path;
        spec.baud = device->baud;
        return spec;
    case DeviceSpec::Kind::Usb:
        spec.kind = Kind::HidPos;
        spec.vendorId = device->vendorId;
        spec.productId = device->productId;
        spec.interfaceNumber = device->intOption(QStringLiteral("interface"), 0);
        spec.inEndpoint = device->intOption(QStringLiteral("in"), 0x81);
        return spec;
    case DeviceSpec::Kind::None:
    case DeviceSpec::Kind::Simulated:
        break;
    }
    return fail(error, QStringLiteral("\"%1\" is not serial:PATH[@BAUD], hidpos:VID:PID or evdev:PATH").arg(text));
}

QString ScannerSpec::toString() const
{
    switch (kind) {
    case Kind::Serial:
        return QStringLiteral("serial:%1@%2").arg(path).arg(baud);
    case Kind::HidPos:
        return QStringLiteral("hidpos:%1:%2").arg(vendorId, 4, 16, QLatin1Char('0')).arg(productId, 4, 16, QLatin1Char('0'));
    case Kind::Evdev:
        return QStringLiteral("evdev:%1").arg(path) + (grab ? QString() : QStringLiteral(",grab=no"));
    }
    return QString();
}
