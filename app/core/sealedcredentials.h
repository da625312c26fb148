#pragma once

#include "kioskconfig.h"

#include <QList>
#include <QString>
#include <QStringList>

// The terminal's two secrets, the outbox key and the terminal credentials, sealed to this machine
// as systemd credentials: `kioskctl credentials seal` encrypts each plain file with
// `systemd-creds encrypt` (to the TPM and the host key when there is a TPM, to the host key alone
// without one), keeps it as NAME.cred in the state directory's `credentials` folder and removes
// the plain file. kiosk.service hands them to the kiosk, decrypted, in $CREDENTIALS_DIRECTORY
// (LoadCredentialEncrypted=); kioskctl, run as root, decrypts them into memory. A disk moved to
// another machine, or a machine whose TPM was cleared, opens neither, and every reader says which
// one it could not open instead of acting as if the terminal had never been provisioned.
class SealedCredentials
{
public:
    struct Secret {
        QString name;      // the credential's name: "outbox.key", "terminal.json"
        QString configKey; // the key naming its plain file: "offline/key_file"
    };
    // What the provisioning checklist shows: red only when a sealed secret, or the state partition
    // sealed at first boot, cannot be opened here; a warning when the secrets are plain files or
    // sealed without a TPM, or the state is not encrypted.
    struct Finding {
        bool ok = true;
        bool warning = false;
        QString detail;
    };

    [[nodiscard]] static const QList<Secret> &secrets();
    // The folder of sealed credentials, `credentials` under kiosk/state_dir.
    [[nodiscard]] static QString directory(const KioskConfig &config);
    [[nodiscard]] static QString sealedPath(const KioskConfig &config, const QString &name);

    // For the kiosk: each secret systemd delivered in $CREDENTIALS_DIRECTORY replaces its plain
    // file in `config` (the unit's fallback "none" stands for nothing sealed), unless a plain file
    // written after the sealing (a terminal enrolled again on the touch screen) supersedes it.
    // Returns one line for the log per sealed secret that was not delivered or was superseded.
    [[nodiscard]] static QStringList useDelivered(KioskConfig *config);

    // Where a new copy of the secret under `configKey` is written (a terminal enrolled again on
    // the touch screen): its plain file in the state directory, even when the kiosk reads the
    // sealed one systemd delivered read-only. `kioskctl credentials seal` seals it afterwards.
    [[nodiscard]] static QString plainPath(const KioskConfig &config, const QString &configKey);

    // For kioskctl: each sealed secret without a plain file is decrypted into an anonymous memory
    // file that replaces the plain file in `config` for this process. Returns one line per
    // secret that could not be decrypted, naming it.
    [[nodiscard]] static QStringList unseal(KioskConfig *config);

    // Seals every secret that is a plain file (a new one replaces what was sealed before), checks
    // that the sealed copy opens to the same bytes, then removes the plain file. Returns what was
    // done, one line a secret; `error` is set when a secret could not be sealed.
    [[nodiscard]] static QStringList seal(const KioskConfig &config, QString *error);

    [[nodiscard]] static Finding assess(const KioskConfig &config);

    // A TPM 2.0 the kernel drives (/sys/class/tpm/tpm0, version 2).
    [[nodiscard]] static bool machineHasTpm();
    // The state directory lies on a LUKS2 (dm-crypt) volume.
    [[nodiscard]] static bool stateIsEncrypted(const KioskConfig &config);

private:
    [[nodiscard]] static QString sealingRecord(const KioskConfig &config);
    // The runtime key under which useDelivered keeps the plain path it replaced.
    [[nodiscard]] static QString plainPathKey(const QString &configKey);
    // A plain file written after the secret was sealed: it, not the sealed copy, is current.
    [[nodiscard]] static bool plainIsNewer(const QString &plainPath, const QString &sealedPath);
};
