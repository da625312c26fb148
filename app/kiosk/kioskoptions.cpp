#include "kioskoptions.h"

#include "kioskconfig.h"

#include <QRegularExpression>

std::optional<KioskOptions> KioskOptions::parse(const QStringList &arguments, QString *error)
{
    KioskOptions o;
    o.configPath = KioskConfig::defaultPath();
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString arg = arguments.at(i);
        const auto value = [&]() -> std::optional<QString> {
            if (i + 1 >= arguments.size()) {
                *error = QStringLiteral("%1 needs a value").arg(arg);
                return std::nullopt;
            }
            return arguments.at(++i);
        };
        if (arg == QLatin1String("--windowed")) {
            o.windowed = true;
        } else if (arg == QLatin1String("--elder")) {
            o.elderMode = true;
        } else if (arg == QLatin1String("--exit-after-first-frame")) {
            o.exitAfterFirstFrame = true;
        } else if (arg == QLatin1String("--config") || arg == QLatin1String("--screenshot") || arg == QLatin1String("--screen")
                   || arg == QLatin1String("--language") || arg == QLatin1String("--size")) {
            const std::optional<QString> v = value();
            if (!v)
                return std::nullopt;
            if (arg == QLatin1String("--config")) {
                o.configPath = *v;
                o.configGiven = true;
            } else if (arg == QLatin1String("--screenshot")) {
                o.screenshotPath = *v;
            } else if (arg == QLatin1String("--screen")) {
                o.screen = *v;
            } else if (arg == QLatin1String("--language")) {
                if (*v != QLatin1String("zh") && *v != QLatin1String("en")) {
                    *error = QStringLiteral("--language takes zh or en, not '%1'").arg(*v);
                    return std::nullopt;
                }
                o.language = *v;
            } else {
                static const QRegularExpression shape(QStringLiteral("^(\\d{3,4})x(\\d{3,4})$"));
                const QRegularExpressionMatch m = shape.match(*v);
                if (!m.hasMatch()) {
                    *error = QStringLiteral("--size takes WIDTHxHEIGHT, e.g. 1080x1920, not '%1'").arg(*v);
                    return std::nullopt;
                }
                o.windowSize = QSize(m.captured(1).toInt(), m.captured(2).toInt());
            }
        } else if (arg == QLatin1String("--help")) {
            *error = usage();
            return std::nullopt;
        } else {
            *error = QStringLiteral("unknown switch %1\n%2").arg(arg, usage());
            return std::nullopt;
        }
    }
    return o;
}

QString KioskOptions::usage()
{
    return QStringLiteral(
        "usage: kiosk [--config FILE] [--windowed] [--size WxH] [--language zh|en]\n"
        "             [--screen attract|home|business|guide:CODE|theme:ID|countdown] [--screenshot FILE.png]\n"
        "             [--elder] [--exit-after-first-frame]\n"
        "  --config FILE     the configuration (default /etc/kiosk/kiosk.ini; the built-in demo configuration if absent)\n"
        "  --windowed        a normal window instead of full screen (development)\n"
        "  --screenshot FILE render the chosen screen to a PNG and exit\n");
}
