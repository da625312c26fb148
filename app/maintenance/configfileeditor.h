#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

// Changes a few keys of the kiosk's INI configuration file in place, keeping every other line,
// comment and the file's owner, group and mode as they were: what a technician wrote by hand stays
// readable, and a file kioskctl rewrites as root stays readable by the kiosk user.
namespace ConfigFileEditor {

// `values` are "section/key" → value. A key that exists is rewritten on its line, a missing key
// is added at the end of its section (the section is added when missing). The file is replaced
// atomically. False with a sentence in `error` when the file cannot be read or written.
[[nodiscard]] bool setValues(const QString &path, const QList<std::pair<QString, QString>> &values, QString *error);

// Takes the lines of `keys` ("section/key") out of the file, keeping everything else; a missing
// file or key is no error.
[[nodiscard]] bool removeKeys(const QString &path, const QStringList &keys, QString *error);

} // namespace ConfigFileEditor
