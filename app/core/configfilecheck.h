#pragma once

#include <QList>
#include <QString>

#include <optional>

#include <sys/types.h>

class KioskConfig;

// The files a valid configuration names, checked as the kiosk will meet them: each exists, the
// account the kiosk runs as may read it (from its mode, owner and groups, so a check run as root
// still sees what the kiosk user will), and it holds what the key says (a catalogue, a PEM
// certificate). Files the technician makes or brings later (the outbox key, the enrolment's
// credentials, the platform's CA named by the shipped file) may be missing: that is only noted.
class ConfigFileCheck
{
public:
    struct Finding {
        QString key;     // "[kiosk] catalogue_file"
        QString message; // what is wrong or worth knowing, naming the file
        bool blocking = false; // the kiosk would run without what this file gives
        [[nodiscard]] QString toString() const { return key + QStringLiteral(": ") + message; }
    };

    // The account the kiosk runs as. Unnamed (uid of the caller) means the checking process's
    // own access is what counts.
    struct Account {
        QString name;
        uid_t uid = 0;
        QList<gid_t> groups;
    };

    // `name`'s account, or none when this machine has no such user.
    [[nodiscard]] static std::optional<Account> account(const QString &name);
    // The account that owns `path`: the kiosk user owns its state directory, so this is the user
    // the kiosk runs as, whatever its name. None when the path or its owner's entry is missing.
    [[nodiscard]] static std::optional<Account> ownerOf(const QString &path);
    // The account whose access counts when kioskctl checks: the caller unless it is root; for root
    // the state directory's owner unless that is root too, else the user kiosk, else root.
    [[nodiscard]] static Account kioskAccount(const KioskConfig &config);
    // The caller's own account.
    [[nodiscard]] static Account currentAccount();

    // The configuration file itself and its overlay first, then every file it names.
    [[nodiscard]] static QList<Finding> check(const KioskConfig &config, const Account &kiosk);
    // Whether `kiosk` may read `path`: every folder on the way searchable, the file readable.
    [[nodiscard]] static bool readableBy(const QString &path, const Account &kiosk, QString *why);
};
