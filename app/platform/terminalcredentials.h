#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

// The terminal's identity towards the platform, written once by `kioskctl enroll`: the terminal
// id and its 32-byte secret, as JSON in a file only its owner may read (mode 0600). Loading
// refuses a file that group or others can read, because the secret signs every request.
struct TerminalCredentials {
    QString terminalId;
    QByteArray secret; // raw bytes
    QString divisionCode;
    QString platformUrl; // where it was enrolled, for the technician's reference

    [[nodiscard]] bool isValid() const { return !terminalId.isEmpty() && secret.size() == 32; }

    // What a successful POST /enroll answered (terminal_id, secret in base64, division_code), for
    // `kioskctl enroll` and the touch screen's provisioning alike.
    [[nodiscard]] static TerminalCredentials fromEnrolment(const QJsonObject &answer, const QString &platformUrl);
    [[nodiscard]] static std::optional<TerminalCredentials> load(const QString &path, QString *error);
    // Writes atomically with mode 0600 from the first byte (never briefly world-readable).
    [[nodiscard]] bool save(const QString &path, QString *error) const;
};
