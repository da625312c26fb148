#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

class KioskConfig;

// A .tar.gz a maintainer (or the platform, through collect_diagnostics) takes away to find out
// what is wrong with a terminal: versions, the configuration with its secrets redacted, the
// status report, devices, outbox figures, the recent logs, the audit log and the heartbeat. It
// holds no personal data: no payload, photo or credential is ever read, and every text file passes
// PersonalDataFilter once more on its way in.
class DiagnosticsBundle
{
public:
    // Configuration keys whose values never leave the terminal (the PIN hash, key files, tokens
    // and secrets).
    [[nodiscard]] static bool isSecret(const QString &key);

    // Writes the bundle to `outFile` (mode 0600). `heartbeat` is the kiosk's heartbeat body; empty,
    // one is derived from the status report. False with a sentence in `error`.
    [[nodiscard]] static bool write(const KioskConfig &config, const QJsonObject &status, const QJsonObject &heartbeat,
                                    const QString &outFile, QString *error);

    // The platform's collect_diagnostics: writes <state_dir>/diagnostics/diag-<UTC time>.tar.gz,
    // keeps the newest `keep`, and returns the new file's path (empty with `error`).
    [[nodiscard]] static QString collectInto(const KioskConfig &config, const QJsonObject &status, const QJsonObject &heartbeat,
                                             QString *error, int keep = 3);

    // The files a bundle holds, relative to its top folder (for the README and the tests).
    [[nodiscard]] static QStringList fileNames();
};
