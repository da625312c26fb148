#include "auditlog.h"
#include "kioskconfig.h"
#include "kioskctlrun.h"
#include "maintenancepin.h"
#include "recentlog.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

// kioskctl status, diag bundle, maintenance and audit through the real kioskctl process.
class TestCtlMaintenance : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_config;

    using Run = KioskctlRun;

    Run kioskctl(const QStringList &args, const QByteArray &input = {}) const { return KioskctlRun::run(m_config, args, input); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString state = m_dir.filePath(QStringLiteral("state"));
        QVERIFY(QDir().mkpath(state));
        m_config = m_dir.filePath(QStringLiteral("kiosk.ini"));
        QFile file(m_config);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QStringLiteral("; hand-written comment stays\n[kiosk]\nstate_dir=%1\n[platform]\nurl=http://127.0.0.1:1/terminal/v1\n"
                                  "credentials_file=%1/terminal.json\n[offline]\nkey_file=%1/outbox.key\n")
                       .arg(state)
                       .toUtf8());
    }

    void hashPinRefusesAWeakPin()
    {
        const Run run = kioskctl({QStringLiteral("maintenance"), QStringLiteral("hash-pin")}, "123456\n");
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.out.isEmpty());
        QVERIFY(run.err.contains(QLatin1String("sequence")));
    }

    void hashPinPrintsALineThatMatches()
    {
        const Run run = kioskctl({QStringLiteral("maintenance"), QStringLiteral("hash-pin")}, "482915\n");
        QCOMPARE(run.exitCode, 0);
        const QString line = run.out.trimmed();
        QVERIFY(line.startsWith(QStringLiteral("pin_hash=pbkdf2-sha256$")));
        QVERIFY(MaintenancePin::matches(QStringLiteral("482915"), line.mid(9)));
    }

    void setPinWritesTheConfigAndTheAuditLog()
    {
        const Run run = kioskctl({QStringLiteral("maintenance"), QStringLiteral("set-pin")}, "750394\n");
        QCOMPARE(run.exitCode, 0);
        QFile file(m_config);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(text.contains("; hand-written comment stays"));
        const QSettings settings(m_config, QSettings::IniFormat);
        QVERIFY(MaintenancePin::matches(QStringLiteral("750394"), settings.value(QStringLiteral("admin/pin_hash")).toString()));
        const Run audit = kioskctl({QStringLiteral("audit"), QStringLiteral("--count"), QStringLiteral("5")});
        QCOMPARE(audit.exitCode, 0);
        QVERIFY(audit.out.contains(QLatin1String("maintenance.set-pin")));
    }

    void statusShowsDevicesOutboxAndTheLastAuditEntry()
    {
        const Run run = kioskctl({QStringLiteral("status"), QStringLiteral("--json"), QStringLiteral("--no-platform")});
        QVERIFY2(run.exitCode == 0 || run.exitCode == 1, qPrintable(run.err));
        const QJsonObject report = run.json().object();
        QCOMPARE(report.value(QStringLiteral("versions")).toObject().value(QStringLiteral("kiosk")).toString(), QStringLiteral(KIOSK_VERSION));
        QCOMPARE(report.value(QStringLiteral("terminal")).toObject().value(QStringLiteral("enrolled")).toBool(), false);
        const QJsonArray devices = report.value(QStringLiteral("devices")).toArray();
        QCOMPARE(devices.size(), 6);
        QCOMPARE(devices.at(0).toObject().value(QStringLiteral("id")).toString(), QStringLiteral("id_card_reader"));
        QCOMPARE(devices.at(0).toObject().value(QStringLiteral("health")).toString(), QStringLiteral("ok"));
        QVERIFY(report.value(QStringLiteral("outbox")).toObject().contains(QStringLiteral("available")));
        QVERIFY(report.value(QStringLiteral("disk")).toObject().value(QStringLiteral("free_mb")).toInteger() > 0);
        QVERIFY(QJsonDocument(report).toJson().contains("maintenance.set-pin"));
        const Run text = kioskctl({QStringLiteral("status"), QStringLiteral("--no-platform")});
        QVERIFY(text.out.contains(QLatin1String("id_card_reader")));
        QVERIFY(text.out.contains(QLatin1String("not enrolled")));
    }

    void diagBundleHoldsTheReportButNoSecret()
    {
        const QString out = m_dir.filePath(QStringLiteral("bundle.tar.gz"));
        const Run run = kioskctl({QStringLiteral("diag"), QStringLiteral("bundle"), QStringLiteral("--out"), out, QStringLiteral("--no-platform")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY((QFile::permissions(out) & (QFileDevice::ReadOther | QFileDevice::ReadGroup)) == 0);
        const QString extracted = m_dir.filePath(QStringLiteral("extracted"));
        QVERIFY(QDir().mkpath(extracted));
        QCOMPARE(QProcess::execute(QStringLiteral("tar"), {QStringLiteral("-xzf"), out, QStringLiteral("-C"), extracted}), 0);
        const QStringList tops = QDir(extracted).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        QCOMPARE(tops.size(), 1);
        const QDir top(QDir(extracted).filePath(tops.first()));
        for (const QString &name : {QStringLiteral("README.txt"), QStringLiteral("versions.json"), QStringLiteral("config.ini"),
                                    QStringLiteral("status.json"), QStringLiteral("devices.json"), QStringLiteral("outbox.json"),
                                    QStringLiteral("heartbeat.json"), QStringLiteral("audit.log")})
            QVERIFY2(QFile::exists(top.filePath(name)), qPrintable(name));
        QFile config(top.filePath(QStringLiteral("config.ini")));
        QVERIFY(config.open(QIODevice::ReadOnly));
        const QByteArray configText = config.readAll();
        QVERIFY(configText.contains("pin_hash=(redacted)"));
        QVERIFY(!configText.contains("pbkdf2"));
        QFile devices(top.filePath(QStringLiteral("devices.json")));
        QVERIFY(devices.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(devices.readAll()).array().size(), 6);
        const Run audit = kioskctl({QStringLiteral("audit"), QStringLiteral("--json")});
        const QJsonArray entries = audit.json().array();
        QVERIFY(!entries.isEmpty());
        QCOMPARE(entries.first().toObject().value(QStringLiteral("action")).toString(), QStringLiteral("diag.bundle"));
    }

    // kioskctl runs as root; the kiosk as its own user (here nobody, 65534), which owns the state
    // directory. The package gives the configuration root:kiosk 0640.
    void setPinKeepsTheOwnerGroupAndModeOfTheConfiguration()
    {
        const Terminal terminal = kioskOwnedTerminal(QStringLiteral("owned"));
        QVERIFY(::chown(QFile::encodeName(terminal.config).constData(), 0, NobodyId) == 0);
        QVERIFY(::chmod(QFile::encodeName(terminal.config).constData(), 0640) == 0);
        // A PIN set on the touch screen, in the overlay, would hide the one kioskctl sets.
        const QString overlay = KioskConfig::overlayPathIn(terminal.state);
        QVERIFY(QDir().mkpath(QFileInfo(overlay).absolutePath()));
        writeFile(overlay, "[kiosk]\nhall_name=芜湖政务大厅\n[admin]\npin_hash=" + MaintenancePin::hash(QStringLiteral("592817")).toUtf8() + "\n");
        QVERIFY(::chown(QFile::encodeName(overlay).constData(), NobodyId, NobodyId) == 0);

        const Run run = KioskctlRun::run(terminal.config, {QStringLiteral("maintenance"), QStringLiteral("set-pin")}, "750394\n");
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        struct stat after {};
        QVERIFY(::stat(QFile::encodeName(terminal.config).constData(), &after) == 0);
        QCOMPARE(after.st_uid, uid_t(0));
        QCOMPARE(after.st_gid, gid_t(NobodyId));
        QCOMPARE(after.st_mode & 07777, mode_t(0640));
        QVERIFY(canRead(terminal.config, NobodyId, NobodyId));

        // The overlay keeps its other keys and its owner, and no longer holds a PIN.
        QVERIFY(::stat(QFile::encodeName(overlay).constData(), &after) == 0);
        QCOMPARE(after.st_uid, uid_t(NobodyId));
        QVERIFY(!QSettings(overlay, QSettings::IniFormat).contains(QStringLiteral("admin/pin_hash")));
        QList<ConfigError> errors;
        const std::optional<KioskConfig> config = KioskConfig::load(terminal.config, &errors);
        QVERIFY(config);
        QVERIFY(MaintenancePin::matches(QStringLiteral("750394"), config->string(QStringLiteral("admin/pin_hash"))));
        QCOMPARE(config->string(QStringLiteral("kiosk/hall_name")), QStringLiteral("芜湖政务大厅"));
    }

    // The kiosk user controls its state directory and may plant links where kioskctl, as root,
    // writes its audit and its log and reads the logs into a diagnostics bundle.
    void aLinkPlantedInTheStateDirectoryIsNeitherFollowedNorChowned()
    {
        const Terminal terminal = kioskOwnedTerminal(QStringLiteral("planted"));
        const QString shadow = m_dir.filePath(QStringLiteral("planted-shadow"));
        writeFile(shadow, "root:SHADOW-SECRET-LINE:19000:0:99999:7:::\n");
        QVERIFY(::chmod(QFile::encodeName(shadow).constData(), 0600) == 0);
        QVERIFY(QDir().mkpath(RecentLog::directoryIn(terminal.state)));
        const QStringList links{AuditLog::pathIn(terminal.state), QDir(RecentLog::directoryIn(terminal.state)).filePath(QStringLiteral("kioskctl.log")),
                                QDir(RecentLog::directoryIn(terminal.state)).filePath(QStringLiteral("kiosk.log"))};
        for (const QString &link : links)
            QVERIFY(QFile::link(shadow, link));
        QVERIFY(::lchown(QFile::encodeName(links.first()).constData(), NobodyId, NobodyId) == 0);

        const Run pin = KioskctlRun::run(terminal.config, {QStringLiteral("maintenance"), QStringLiteral("set-pin")}, "750394\n");
        QVERIFY2(pin.exitCode == 0, qPrintable(pin.err));
        const QString bundle = QDir(terminal.state).filePath(QStringLiteral("bundle.tar.gz"));
        QFile::link(shadow, bundle);
        const Run diag = KioskctlRun::run(terminal.config, {QStringLiteral("diag"), QStringLiteral("bundle"), QStringLiteral("--out"), bundle,
                                                            QStringLiteral("--no-platform")});
        QVERIFY2(diag.exitCode == 0, qPrintable(diag.err));

        struct stat target {};
        QVERIFY(::stat(QFile::encodeName(shadow).constData(), &target) == 0);
        QCOMPARE(target.st_uid, uid_t(0));
        QCOMPARE(target.st_gid, gid_t(0));
        QCOMPARE(target.st_mode & 07777, mode_t(0600));
        QFile file(shadow);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("root:SHADOW-SECRET-LINE:19000:0:99999:7:::\n"));

        // The bundle took the link's place, as a file of the kiosk user's, without the target in it.
        QVERIFY(!QFileInfo(bundle).isSymLink());
        QCOMPARE(QFileInfo(bundle).ownerId(), uint(NobodyId));
        QProcess tar;
        tar.start(QStringLiteral("tar"), {QStringLiteral("-xzOf"), bundle});
        QVERIFY(tar.waitForFinished(60000));
        QCOMPARE(tar.exitCode(), 0);
        const QByteArray contents = tar.readAllStandardOutput();
        QVERIFY(contents.contains("config.ini"));
        QVERIFY(!contents.contains("SHADOW-SECRET-LINE"));
    }

    // Run as root, the checklist judges the files as the kiosk's user will meet them.
    void theChecklistReadsTheFilesAsTheKioskUser()
    {
        const Terminal terminal = kioskOwnedTerminal(QStringLiteral("checked"));
        QVERIFY(::chmod(QFile::encodeName(terminal.config).constData(), 0600) == 0);
        const auto item = [&terminal](const QString &id) {
            const Run run = KioskctlRun::run(terminal.config, {QStringLiteral("checklist"), QStringLiteral("--json")});
            for (const QJsonValue &value : run.json().object().value(QStringLiteral("items")).toArray()) {
                if (value.toObject().value(QStringLiteral("id")).toString() == id)
                    return value.toObject();
            }
            return QJsonObject{{QStringLiteral("missing"), run.out + run.err}};
        };
        QJsonObject files = item(QStringLiteral("kiosk_reads_files"));
        QVERIFY2(!files.value(QStringLiteral("ok")).toBool(true), qPrintable(QJsonDocument(files).toJson()));
        QVERIFY2(files.value(QStringLiteral("detail")).toString().contains(terminal.config), qPrintable(QJsonDocument(files).toJson()));
        QVERIFY2(files.value(QStringLiteral("detail")).toString().contains(QStringLiteral("nobody")), qPrintable(QJsonDocument(files).toJson()));

        QVERIFY(::chown(QFile::encodeName(terminal.config).constData(), 0, NobodyId) == 0);
        QVERIFY(::chmod(QFile::encodeName(terminal.config).constData(), 0640) == 0);
        files = item(QStringLiteral("kiosk_reads_files"));
        QVERIFY2(files.value(QStringLiteral("ok")).toBool(), qPrintable(QJsonDocument(files).toJson()));
    }

    // Simulated devices and a plain-HTTP platform are the demo's: red in production, said in demo.
    void theChecklistIsRedOnWhatOnlyTheDemoMayUse()
    {
        const Terminal terminal = kioskOwnedTerminal(QStringLiteral("modes"));
        const auto production = [&terminal]() {
            const Run run = KioskctlRun::run(terminal.config, {QStringLiteral("checklist"), QStringLiteral("--json")});
            for (const QJsonValue &value : run.json().object().value(QStringLiteral("items")).toArray()) {
                if (value.toObject().value(QStringLiteral("id")).toString() == QLatin1String("production"))
                    return value.toObject();
            }
            return QJsonObject{{QStringLiteral("missing"), run.out + run.err}};
        };
        QJsonObject item = production();
        QVERIFY2(!item.value(QStringLiteral("ok")).toBool(true), qPrintable(QJsonDocument(item).toJson()));
        const QString detail = item.value(QStringLiteral("detail")).toString();
        QVERIFY2(detail.contains(QStringLiteral("devices/id_card_reader is simulated")) && detail.contains(QStringLiteral("platform/url is plain http")),
                 qPrintable(detail));

        QFile file(terminal.config);
        QVERIFY(file.open(QIODevice::Append));
        file.write("[kiosk]\nmode=demo\n");
        file.close();
        item = production();
        QVERIFY2(item.value(QStringLiteral("ok")).toBool(), qPrintable(QJsonDocument(item).toJson()));
        QCOMPARE(item.value(QStringLiteral("detail")).toString(), QStringLiteral("demo mode"));
    }

private:
    static constexpr unsigned NobodyId = 65534;

    struct Terminal {
        QString config;
        QString state;
    };

    static void writeFile(const QString &path, const QByteArray &text)
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            qFatal("cannot write %s", qPrintable(path));
        file.write(text);
    }

    // A terminal in a folder anyone may pass through, its state directory the kiosk user's.
    Terminal kioskOwnedTerminal(const QString &name) const
    {
        const QString root = m_dir.filePath(name);
        QDir().mkpath(root);
        ::chmod(QFile::encodeName(m_dir.path()).constData(), 0755);
        ::chmod(QFile::encodeName(root).constData(), 0755);
        const Terminal terminal{QDir(root).filePath(QStringLiteral("kiosk.ini")), QDir(root).filePath(QStringLiteral("state"))};
        QDir().mkpath(terminal.state);
        if (::chown(QFile::encodeName(terminal.state).constData(), NobodyId, NobodyId) != 0)
            qFatal("cannot give %s to nobody (the test runs as root)", qPrintable(terminal.state));
        ::chmod(QFile::encodeName(terminal.state).constData(), 0700);
        writeFile(terminal.config, QStringLiteral("[kiosk]\nstate_dir=%1\n[platform]\nurl=http://127.0.0.1:1/terminal/v1\n"
                                                  "credentials_file=%1/terminal.json\n[offline]\nkey_file=%1/outbox.key\n")
                                       .arg(terminal.state)
                                       .toUtf8());
        return terminal;
    }

    // Whether uid:gid may read `path`, asked of the kernel in a child that becomes that user.
    static bool canRead(const QString &path, uid_t uid, gid_t gid)
    {
        QProcess child;
        child.start(QStringLiteral("setpriv"), {QStringLiteral("--reuid=%1").arg(uid), QStringLiteral("--regid=%1").arg(gid),
                                                QStringLiteral("--clear-groups"), QStringLiteral("cat"), path});
        return child.waitForFinished(30000) && child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0;
    }
};

QTEST_GUILESS_MAIN(TestCtlMaintenance)
#include "test_ctlmaintenance.moc"
