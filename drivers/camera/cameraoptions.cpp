#include "camera/cameraoptions.h"

#include <QDir>

bool CameraOptions::setSpec(const QString &specText, QString *error)
{
    QStringList parts = specText.trimmed().split(QLatin1Char(','));
    const QString head = parts.takeFirst().trimmed();
    for (const QString &part : std::as_const(parts)) {
        const QString option = part.trimmed();
        if (option == QLatin1String("loop=no") || option == QLatin1String("loop=yes")) {
            loop = option.endsWith(QLatin1String("yes"));
        } else if (option == QLatin1String("realtime=no") || option == QLatin1String("realtime=yes")) {
            realtime = option.endsWith(QLatin1String("yes"));
        } else {
            if (error)
                *error = QStringLiteral("unknown camera option \"%1\"").arg(part);
            return false;
        }
    }
    if (head == QLatin1String("simulated")) {
        source = Source::Simulated;
        return true;
    }
    if (head.startsWith(QLatin1String("v4l2:"))) {
        source = Source::V4l2;
        const QString rest = head.mid(5);
        bool isIndex = false;
        const int number = rest.toInt(&isIndex);
        if (isIndex && number >= 0) {
            index = number;
        } else if (rest.startsWith(QLatin1Char('/'))) {
            path = rest;
        } else {
            if (error)
                *error = QStringLiteral("v4l2: needs /dev/videoN or an index");
            return false;
        }
        return true;
    }
    if (head.startsWith(QLatin1String("file:")) && head.size() > 5) {
        source = Source::File;
        path = head.mid(5);
        return true;
    }
    if (error)
        *error = QStringLiteral("\"%1\" is not simulated, v4l2:PATH|INDEX or file:PATH").arg(specText);
    return false;
}

QSize CameraOptions::parseResolution(const QString &text, QSize fallback)
{
    const QStringList parts = text.trimmed().toLower().split(QLatin1Char('x'));
    bool okWidth = false;
    bool okHeight = false;
    const QSize size = parts.size() == 2 ? QSize(parts.at(0).toInt(&okWidth), parts.at(1).toInt(&okHeight)) : QSize();
    return okWidth && okHeight && size.width() > 0 && size.height() > 0 ? size : fallback;
}

QString CameraOptions::spec() const
{
    switch (source) {
    case Source::Simulated:
        return QStringLiteral("simulated");
    case Source::V4l2:
        return index >= 0 ? QStringLiteral("v4l2:%1").arg(index) : QStringLiteral("v4l2:%1").arg(path);
    case Source::File:
        return QStringLiteral("file:%1").arg(path) + (loop ? QString() : QStringLiteral(",loop=no"))
               + (realtime ? QString() : QStringLiteral(",realtime=no"));
    }
    return QString();
}

QString CameraOptions::simulatorSocketPath(const QString &stateDirectory, const QString &id)
{
    return QDir(stateDirectory).filePath(QStringLiteral("sim/%1.sock").arg(id));
}
