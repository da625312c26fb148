#pragma once

#include <QMap>
#include <QString>
#include <QUrl>

// A terminal as a technician leaves it, for the UI tests: a configuration under `root` pointing at
// the reference platform, its outbox key made, and `kioskctl enroll` run with `token` (the real
// command, $KIOSKCTL). `settings` ("section/key" → value) are added to or replace the defaults
// (state under root/state, platform timeout 3 s). Returns the configuration's path, or empty with
// the reason in `error`.
namespace EnrolledTerminal {

[[nodiscard]] QString prepare(const QString &root, const QUrl &platformUrl, const QString &token,
                              const QMap<QString, QString> &settings, QString *error);

} // namespace EnrolledTerminal
