#pragma once

#include <QDateTime>
#include <QObject>
#include <QString>

// Whether a scanned admin code lets staff in at this terminal now: checked against the public
// keys in the key file (read at every scan, so keys added or withdrawn count without a restart),
// this terminal's id and the clock, then admitted once into the replay list under the state
// directory. A refusal says why: Disabled (no key trusted), NotStored (the replay list could not
// be written) or what AdminCode::verify found; Unreadable stands for a code that is not one at all.
class AdminCodeEntry
{
    Q_GADGET
public:
    enum class Problem {
        None,
        Expired,
        Replayed,
        NotYetValid,
        WrongTerminal,
        UnknownKey,
        BadSignature,
        TooLongValidity,
        WildcardRefused,
        Disabled,
        NotStored,
        Unreadable,
    };
    Q_ENUM(Problem)

    struct Outcome {
        Problem problem = Problem::None;
        QString problemName; // for the audit: AdminCode::errorName's words, "disabled" or "not_stored"
        QString who;         // "key K role R nonce N" as far as the code could be read; never the code itself
        QString role;        // "maintainer" or "technician" when admitted
        [[nodiscard]] bool admitted() const { return problem == Problem::None; }
    };

    AdminCodeEntry(const QString &keysPath, const QString &stateDir);

    // `text` must satisfy AdminCode::isAdminCodePayload; `enrolled` says whether this terminal is,
    // since a code for any terminal only sets up one that is not.
    [[nodiscard]] Outcome admit(const QString &text, const QString &terminalId, const QDateTime &at, bool enrolled = true) const;

private:
    QString m_keysPath;
    QString m_stateDir;
};
