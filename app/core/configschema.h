#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

// Every key the kiosk's configuration file may hold, with its type, default, limits and the
// sentence that documents it. The loader validates against this table and `kioskctl config
// example` prints it, so the documentation and the checks can never drift apart.
enum class ConfigType { String, Integer, Boolean, Choice, Path, Url, DeviceSpec, TimeZone };

struct ConfigKey {
    QString key;           // "section/name", as QSettings spells it
    ConfigType type;
    QVariant defaultValue; // what the example prints and what an absent key means
    QString doc;           // one or two sentences for the commented example
    qint64 minimum = 0;    // Integer only
    qint64 maximum = 0;    // Integer only
    QStringList choices;   // Choice only
    bool required = false; // must be present and non-empty
};

namespace ConfigSchema {

[[nodiscard]] const QList<ConfigKey> &keys();
[[nodiscard]] const ConfigKey *find(const QString &key);

// The section headings in the order the example prints them, with a sentence about each.
[[nodiscard]] QList<std::pair<QString, QString>> sections();

} // namespace ConfigSchema
