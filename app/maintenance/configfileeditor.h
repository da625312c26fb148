#pragma once

#include <QList>
#include <QString>

#include <utility>

// Changes a few keys of the kiosk's INI configuration file in place, keeping every other line,
// comment and the file's mode as they were: what a technician wrote by hand stays readable.
namespace ConfigFileEditor {

// `values` are "section/key" → value. A key that exists is rewritten on its line, a missing key
// is added at the end of its section (the section is added when missing). The file is replaced
// atomically. False with a sentence in `error` when the file cannot be read or written.
[[nodiscard]] bool setValues(const QString &path, const QList<std::pair<QString, QString>> &values, QString *error);

} // namespace ConfigFileEditor
