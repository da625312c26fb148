#include "kioskctlrun.h"
#include "maintenancepin.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

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
};

QTEST_GUILESS_MAIN(TestCtlMaintenance)
#include "test_ctlmaintenance.moc"
