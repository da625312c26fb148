#include "kioskctlrun.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

// One truth about the devices (issue item 14): with the kiosk running and holding its
// (simulated) devices, `kioskctl status`, `kioskctl devices` and `kioskctl checklist` say the same
// of each, because all three take what the kiosk holds instead of opening the devices beside it.
class TestKioskctlDeviceTruth : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_config;
    QProcess m_kiosk;

    QString stateDir() const { return m_dir.filePath(QStringLiteral("state")); }
    KioskctlRun kioskctl(const QStringList &args) { return KioskctlRun::run(m_config, args); }

    // "barcode_scanner" → "ok" from `kioskctl devices`' text.
    static QHash<QString, QString> healthsIn(const QString &text)
    {
        QHash<QString, QString> healths;
        static const QRegularExpression device(QStringLiteral("^([a-z_]+) +\\S+\\n +(?:found: \\w+  state: \\w+  )?health: (\\w+)"),
                                               QRegularExpression::MultilineOption);
        for (auto it = device.globalMatch(text); it.hasNext();) {
            const QRegularExpressionMatch match = it.next();
            healths.insert(match.captured(1), match.captured(2));
        }
        return healths;
    }

private slots:
    void initTestCase()
    {
        m_config = m_dir.filePath(QStringLiteral("kiosk.ini"));
        QFile file(m_config);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[kiosk]\nstate_dir=" + stateDir().toUtf8() + "\n[platform]\nurl=http://127.0.0.1:9/terminal/v1\n");
        file.close();
        m_kiosk.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_kiosk.start(qEnvironmentVariable("KIOSK"), {QStringLiteral("--config"), m_config, QStringLiteral("--windowed")});
        QVERIFY(m_kiosk.waitForStarted());
        // The kiosk is up once its simulated reader answers.
        QTRY_VERIFY_WITH_TIMEOUT(kioskctl({QStringLiteral("sim"), QStringLiteral("status")}).exitCode == 0, 60000);
        // Each simulated device has told its health.
        QTRY_VERIFY_WITH_TIMEOUT(!kioskctl({QStringLiteral("status"), QStringLiteral("--json"), QStringLiteral("--no-platform")})
                                      .out.contains(QStringLiteral("\"unknown\"")),
                                 60000);
    }

    void cleanupTestCase()
    {
        if (m_kiosk.state() != QProcess::NotRunning) {
            m_kiosk.terminate();
            if (!m_kiosk.waitForFinished(20000))
                m_kiosk.kill();
            m_kiosk.waitForFinished();
        }
    }

    void statusDevicesAndChecklistAgreeWithTheRunningKiosk()
    {
        const KioskctlRun status = kioskctl({QStringLiteral("status"), QStringLiteral("--json"), QStringLiteral("--no-platform")});
        const QJsonObject report = status.json().object();
        const KioskctlRun devices = kioskctl({QStringLiteral("devices")});
        const QHash<QString, QString> listed = healthsIn(devices.out);
        const KioskctlRun checklist = kioskctl({QStringLiteral("checklist"), QStringLiteral("--json")});
        bool checklistDevicesOk = false;
        for (const QJsonValue &item : checklist.json().object().value(QStringLiteral("items")).toArray()) {
            if (item.toObject().value(QStringLiteral("id")).toString() == QLatin1String("devices_ok"))
                checklistDevicesOk = item.toObject().value(QStringLiteral("ok")).toBool();
        }

        bool allUsable = true;
        const QJsonArray surveyed = report.value(QStringLiteral("devices")).toArray();
        QCOMPARE(surveyed.size(), 6);
        for (const QJsonValue &value : surveyed) {
            const QJsonObject device = value.toObject();
            const QString id = device.value(QStringLiteral("id")).toString();
            QVERIFY2(listed.value(id) == device.value(QStringLiteral("health")).toString(),
                     qPrintable(id + QStringLiteral(": status says ") + device.value(QStringLiteral("health")).toString()
                                + QStringLiteral(", devices says ") + listed.value(id) + QLatin1Char('\n') + devices.out));
            allUsable = allUsable && device.value(QStringLiteral("usable")).toBool();
        }
        // The scanner the kiosk holds is well, whoever asks (it was "error" to `devices` alone).
        QCOMPARE(listed.value(QStringLiteral("barcode_scanner")), QStringLiteral("ok"));
        QCOMPARE(listed.value(QStringLiteral("id_card_reader")), QStringLiteral("ok"));
        QCOMPARE(devices.exitCode, allUsable ? 0 : 1);
        QCOMPARE(checklistDevicesOk, allUsable);
        // All three took what the kiosk holds.
        QVERIFY2(report.value(QStringLiteral("devices_note")).toString().contains(QStringLiteral("running kiosk")), qPrintable(status.out));
        QVERIFY2(devices.out.contains(QStringLiteral("running kiosk")), qPrintable(devices.out));
        QVERIFY2(checklist.json().object().value(QStringLiteral("devices_note")).toString().contains(QStringLiteral("running kiosk")),
                 qPrintable(checklist.out));
    }

    void aStoppedKioskLeavesNoHealthBehind()
    {
        m_kiosk.terminate();
        QVERIFY(m_kiosk.waitForFinished(30000));
        const KioskctlRun status = kioskctl({QStringLiteral("status"), QStringLiteral("--json"), QStringLiteral("--no-platform")});
        QVERIFY2(!status.json().object().value(QStringLiteral("devices_note")).toString().contains(QStringLiteral("running kiosk")),
                 qPrintable(status.out));
    }
};

QTEST_GUILESS_MAIN(TestKioskctlDeviceTruth)
#include "test_kioskctldevicetruth.moc"
