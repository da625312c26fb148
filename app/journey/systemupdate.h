#pragma once

#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QTimer>
#include <QUrl>

class BundleSink;
class QNetworkAccessManager;
class QNetworkReply;
class SessionMachine;

// The heartbeat's `update` command of contract 1.1 on an A/B image (docs/fleet.md): downloads the
// signed RAUC bundle into the state directory, checks its SHA-256 against the command's, and once
// no resident is present asks root to install it into the other slot and then to restart the
// machine, through the narrow requests of packaging/rauc/kiosk-system-request (the kiosk itself
// stays unprivileged). Its record outlives the restart on the data partition, so the next boot
// knows whether the new slot serves (installed) or GRUB fell back to the old one (rolled_back);
// heartbeatEntry() is the heartbeat's `update` object. Each command is acknowledged once.
class SystemUpdate : public QObject
{
    Q_OBJECT
public:
    enum class Stage {
        Idle,               // nothing asked for, or the last update's outcome is known
        Downloading,        // the bundle is on its way
        WaitingForResident, // verified; installs once the resident has finished
        Installing,         // root's rauc install runs
        Restarting,         // installed into the other slot; restarts once no resident is present
    };
    Q_ENUM(Stage)

    struct Places {
        QString updateDirectory;  // the record and the bundle: [kiosk] state_dir/update
        QString requestDirectory; // where root's kiosk-system-request.path looks: $XDG_RUNTIME_DIR/requests
        QString bootedSlot;       // RAUC's boot name of this boot (rauc.slot=); empty: not an A/B image
        QString bootId;           // this boot's /proc/sys/kernel/random/boot_id: a kiosk restart is not a reboot
    };
    // Where the kiosk's unit puts them: the state directory's update/, $XDG_RUNTIME_DIR/requests,
    // /proc/cmdline's rauc.slot= and the kernel's boot id.
    [[nodiscard]] static Places placesOfThisMachine(const QString &stateDirectory);

    SystemUpdate(SessionMachine *session, Places places, QObject *parent = nullptr);
    ~SystemUpdate() override;

    // `command` is the heartbeat's command object: bundle_url, sha256, version.
    void carryOut(const QString &id, const QJsonObject &command);
    // {"version", "state": installing | installed | failed | rolled_back, "detail"}; empty when no
    // update was ever asked of this terminal.
    [[nodiscard]] QJsonObject heartbeatEntry() const { return m_entry; }
    [[nodiscard]] Stage stage() const { return m_stage; }
    // How often root's result is looked for while an install runs.
    void setPollInterval(std::chrono::milliseconds interval) { m_poll.setInterval(interval); }

    // The file root's kiosk-system-request takes the install from (packaging/rauc).
    static constexpr const char *bundleName = "bundle.raucb";

signals:
    void acknowledged(const QString &id, bool ok, const QString &detail);
    // Installed, acknowledged, and no resident present: the kiosk may ask for the restart once its
    // heartbeat has carried the news (requestRestart()).
    void restartDue();

public slots:
    // Asks root to restart the machine into the new slot.
    void requestRestart();
    // This slot was found serving (SlotConfirmation): an update that booted into it is installed.
    void confirmSlot();

private:
    void download(const QUrl &url);
    void pull();
    void onStored(const QString &sha256, const QString &writeError);
    void installWhenNobodyIsHere();
    void install();
    void pollResult();
    void fail(const QString &detail);
    void report(const QString &state, const QString &detail);
    void settleAfterBoot();
    bool writeRequest(const QString &name, const QByteArray &content, QString *error);
    void saveRecord();
    [[nodiscard]] QString path(const QString &name) const;

    SessionMachine *m_session;
    Places m_places;
    Stage m_stage = Stage::Idle;
    QJsonObject m_entry;   // what heartbeats report
    QJsonObject m_record;  // m_entry and what the next boot needs: command, sha256, from, to
    QString m_commandId;   // acknowledged once the install is done or failed
    QNetworkAccessManager *m_network = nullptr;
    QNetworkReply *m_reply = nullptr;
    BundleSink *m_sink;    // writes and hashes the download off the GUI thread
    QString m_downloadError;
    QTimer m_poll;
};
