#pragma once

#include <QDateTime>
#include <QHash>
#include <QString>

// The nonces of admin codes this terminal has accepted, each kept until its code has expired
// (plus the clock skew), in a small JSON file under the state directory, so a code photographed
// over a technician's shoulder cannot be used again, not even after a restart.
class AdminCodeReplayList
{
public:
    enum class Outcome { Fresh, Replayed, NotStored };

    explicit AdminCodeReplayList(QString stateFile); // e.g. <state_dir>/admin-code-nonces.json

    // The conventional place under a state directory.
    [[nodiscard]] static QString pathIn(const QString &stateDir);

    // Fresh: the nonce was not seen and is now recorded (synced to disk). Replayed: it was seen
    // and its code has not expired. NotStored: the file could not be written, so the code must be
    // refused (it could otherwise be used again after a restart).
    [[nodiscard]] Outcome admit(const QString &nonce, const QDateTime &expires, const QDateTime &now);
    // Whether `nonce` was admitted and its code has not expired; records nothing (kioskctl check).
    [[nodiscard]] bool seen(const QString &nonce, const QDateTime &now) const;
    [[nodiscard]] int size() const { return int(m_seen.size()); }

private:
    void load();

    QString m_stateFile;
    QHash<QString, qint64> m_seen; // nonce → forget after (Unix seconds)
};
