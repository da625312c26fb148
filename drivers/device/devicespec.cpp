#include "device/devicespec.h"

#include <QStringList>

namespace {

std::optional<DeviceSpec> fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return std::nullopt;
}

} // namespace

std::optional<DeviceSpec> DeviceSpec::parse(const QString &text, QString *error)
{
    DeviceSpec spec;
    QStringList parts = text.trimmed().split(QLatin1Char(','));
    const QString head = parts.takeFirst().trimmed();
    for (const QString &part : std::as_const(parts)) {
        const qsizetype eq = part.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return fail(error, QStringLiteral("option \"%1\" is not key=value").arg(part));
        spec.options.insert(part.left(eq).trimmed(), part.mid(eq + 1).trimmed());
    }

    if (head == QLatin1String("none")) {
        spec.kind = Kind::None;
    } else if (head == QLatin1String("simulated")) {
        spec.kind = Kind::Simulated;
    } else if (head.startsWith(QLatin1String("serial:"))) {
        spec.kind = Kind::Serial;
        QString rest = head.mid(7);
        const qsizetype at = rest.lastIndexOf(QLatin1Char('@'));
        if (at >= 0) {
            bool ok = false;
            spec.baud = rest.mid(at + 1).toInt(&ok);
            if (!ok || spec.baud <= 0)
                return fail(error, QStringLiteral("\"%1\" is not a baud rate").arg(rest.mid(at + 1)));
            rest = rest.left(at);
        }
        if (rest.isEmpty())
            return fail(error, QStringLiteral("serial: needs a device path"));
        spec.path = rest;
    } else if (head.startsWith(QLatin1String("usb:"))) {
        spec.kind = Kind::Usb;
        const QStringList ids = head.mid(4).split(QLatin1Char(':'));
        bool okVendor = false;
        bool okProduct = false;
        if (ids.size() == 2) {
            spec.vendorId = static_cast<quint16>(ids.at(0).toUInt(&okVendor, 16));
            spec.productId = static_cast<quint16>(ids.at(1).toUInt(&okProduct, 16));
        }
        if (!okVendor || !okProduct || ids.at(0).size() > 4 || ids.at(1).size() > 4)
            return fail(error, QStringLiteral("usb: needs VID:PID in hex, e.g. usb:10c4:ea60"));
    } else {
        return fail(error, QStringLiteral("\"%1\" is not none, simulated, serial:PATH[@BAUD] or usb:VID:PID").arg(head));
    }
    return spec;
}

int DeviceSpec::intOption(const QString &key, int fallback) const
{
    bool ok = false;
    const QString value = options.value(key);
    const int parsed = value.startsWith(QLatin1String("0x")) ? value.mid(2).toInt(&ok, 16) : value.toInt(&ok);
    return ok ? parsed : fallback;
}

bool DeviceSpec::boolOption(const QString &key, bool fallback) const
{
    const QString value = options.value(key).toLower();
    if (value == QLatin1String("yes") || value == QLatin1String("true") || value == QLatin1String("1"))
        return true;
    if (value == QLatin1String("no") || value == QLatin1String("false") || value == QLatin1String("0"))
        return false;
    return fallback;
}

QString DeviceSpec::toString() const
{
    QString text;
    switch (kind) {
    case Kind::None: text = QStringLiteral("none"); break;
    case Kind::Simulated: text = QStringLiteral("simulated"); break;
    case Kind::Serial: text = QStringLiteral("serial:%1@%2").arg(path).arg(baud); break;
    case Kind::Usb:
        text = QStringLiteral("usb:%1:%2").arg(vendorId, 4, 16, QLatin1Char('0')).arg(productId, 4, 16, QLatin1Char('0'));
        break;
    }
    for (auto it = options.begin(); it != options.end(); ++it)
        text += QStringLiteral(",%1=%2").arg(it.key(), it.value());
    return text;
}
