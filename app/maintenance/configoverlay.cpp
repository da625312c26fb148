#include "configoverlay.h"

#include "configfileeditor.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace ConfigOverlay {

QString prepare(const KioskConfig &config, QString *error)
{
    const QString path = config.overlayPath();
    const QString folder = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(folder)) {
        *error = QStringLiteral("cannot make %1").arg(folder);
        return {};
    }
    QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    return path;
}

bool setValues(const KioskConfig &config, const QList<std::pair<QString, QString>> &values, QString *error)
{
    for (const auto &[key, value] : values) {
        if (!KioskConfig::overlayKeys().contains(key)) {
            *error = QStringLiteral("%1 may not be changed from the touch screen").arg(key);
            return false;
        }
    }
    const QString path = prepare(config, error);
    return !path.isEmpty() && ConfigFileEditor::setValues(path, values, error);
}

bool store(KioskConfig &config, const QList<std::pair<QString, QString>> &values, QString *error)
{
    if (config.sourcePath().isEmpty()) {
        *error = QStringLiteral("the kiosk runs on its built-in configuration: there is no overlay to write");
        return false;
    }
    if (!setValues(config, values, error))
        return false;
    for (const auto &[key, value] : values)
        config.set(key, value);
    return true;
}

} // namespace ConfigOverlay
