#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// What a technician sees from `kioskctl card read`, `kioskctl sim …`, `kioskctl devices` and
// `kioskctl device check` against a running kiosk-devsim.
class TestKioskctlIdCard : public QObject
{
    Q_OBJECT

private:
    struct Result {
        int exitCode = -1;
        QString out;
        QString err;
    };

    QTemporaryDir m_dir;
    QString m_config;
    QProcess m_devsim;

    QString stateDir() const { return m_dir.filePath(QStringLiteral("state")); }
    QString tty() const { return stateDir() + QStringLiteral("/sim/idcard-tty"); }

    Result kioskctl(const QStringList &args)
    {
        QProcess process;
        process.start(QStringLiteral(KIOSKCTL), QStringList{QStringLiteral("--config"), m_config} + args);
        if (!process.waitForFinished(60000))
            process.kill();
        return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
    }

    Result readCard(const QStringList &extra = {})
    {
        return kioskctl(QStringList{QStringLiteral("card"), QStringLiteral("read"), QStringLiteral("--port"), tty(),
                                    QStringLiteral("--timeout"), QStringLiteral("20")}
                        + extra);
    }

private slots:
    void initTestCase()
    {
        m_config = m_dir.filePath(QStringLiteral("kiosk.ini"));
        QFile file(m_config);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[kiosk]\nstate_dir=" + stateDir().toUtf8() + "\n");
    }

    void init()
    {
        m_devsim.start(QStringLiteral(DEVSIM), {QStringLiteral("--state-dir"), stateDir(), QStringLiteral("--baud"), QStringLiteral("0")});
        QVERIFY(m_devsim.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(stateDir() + QStringLiteral("/sim/idcard.sock")), 15000);
    }

    void cleanup()
    {
        m_devsim.terminate();
        if (!m_devsim.waitForFinished(10000))
            m_devsim.kill();
    }

    void printsTheHolderMaskedAsJson()
    {
        QCOMPARE(kioskctl({QStringLiteral("sim"), QStringLiteral("card"), QStringLiteral("present"), QStringLiteral("resident")}).exitCode, 0);
        const Result result = readCard({QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 0);
        const QJsonObject json = QJsonDocument::fromJson(result.out.toUtf8()).object();
        QCOMPARE(json.value(QLatin1String("type")).toString(), QStringLiteral("resident"));
        QCOMPARE(json.value(QLatin1String("id_number")).toString(), QStringLiteral("3401**********2521"));
        QCOMPARE(json.value(QLatin1String("name")).toString(), QStringLiteral("李**"));
        QCOMPARE(json.value(QLatin1String("nation")).toString(), QStringLiteral("汉"));
        QCOMPARE(json.value(QLatin1String("valid_until")).toString(), QStringLiteral("2036-03-01"));
        QCOMPARE(json.value(QLatin1String("photo_bytes")).toInt(), 1024);
        QVERIFY(!json.contains(QLatin1String("pass_number")));
        for (const QString &text : {result.out, result.err}) {
            QVERIFY(!text.contains(QStringLiteral("340104198806122521")));
            QVERIFY(!text.contains(QStringLiteral("文静")));
            QVERIFY(!text.contains(QStringLiteral("长江西路")));
        }
    }

    void revealsPersonalFieldsOnlyWhenAsked()
    {
        kioskctl({QStringLiteral("sim"), QStringLiteral("card"), QStringLiteral("present"), QStringLiteral("hk_mo_tw_permit")});
        const Result result = readCard({QStringLiteral("--json"), QStringLiteral("--reveal")});
        QCOMPARE(result.exitCode, 0);
        const QJsonObject json = QJsonDocument::fromJson(result.out.toUtf8()).object();
        QCOMPARE(json.value(QLatin1String("type")).toString(), QStringLiteral("hk_mo_tw_permit"));
        QCOMPARE(json.value(QLatin1String("id_number")).toString(), QStringLiteral("81000019900215302X"));
        QCOMPARE(json.value(QLatin1String("pass_number")).toString(), QStringLiteral("H12345678"));
        QCOMPARE(json.value(QLatin1String("issue_count")).toInt(), 2);
        QCOMPARE(json.value(QLatin1String("birth_date")).toString(), QStringLiteral("1990-02-15"));
    }

    void printsEveryFieldOfAForeignCardAsText()
    {
        kioskctl({QStringLiteral("sim"), QStringLiteral("card"), QStringLiteral("present"), QStringLiteral("foreign_permanent_2017")});
        const Result result = readCard();
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.contains(QStringLiteral("foreign_permanent_2017")));
        QVERIFY(result.out.contains(QStringLiteral("USA")));
        QVERIFY(result.out.contains(QStringLiteral("issuing office")));
        QVERIFY(result.out.contains(QStringLiteral("masked")));
    }

    void explainsAReadFailureWithItsStatusMeaning()
    {
        kioskctl({QStringLiteral("sim"), QStringLiteral("fault"), QStringLiteral("read_failure")});
        kioskctl({QStringLiteral("sim"), QStringLiteral("card"), QStringLiteral("present"), QStringLiteral("resident")});
        const Result result = readCard();
        QCOMPARE(result.exitCode, 1);
        QVERIFY(result.err.contains(QStringLiteral("read_failed")));
        QVERIFY(result.err.contains(QStringLiteral("读证件失败")));
        QVERIFY(result.err.contains(QStringLiteral("keep the card flat and still")));
    }

    void reportsASamThatFailsItsSelfTest()
    {
        kioskctl({QStringLiteral("sim"), QStringLiteral("fault"), QStringLiteral("sam_failure")});
        const Result result = readCard();
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.contains(QStringLiteral("sam_self_test_failed")));
        QVERIFY(result.err.contains(QStringLiteral("call_service")));

        const Result check = kioskctl({QStringLiteral("device"), QStringLiteral("check"), QStringLiteral("id_card_reader"),
                                       QStringLiteral("--level"), QStringLiteral("internal")});
        QCOMPARE(check.exitCode, 1);
        QVERIFY(check.out.contains(QStringLiteral("sam_self_test_failed")));
    }

    void listsTheReaderWithItsHealth()
    {
        const Result result = kioskctl({QStringLiteral("devices")});
        QVERIFY(result.out.contains(QStringLiteral("id_card_reader")));
        QVERIFY(result.out.contains(QStringLiteral("found: yes")));
        QVERIFY(result.out.contains(QStringLiteral("health: ok")));
        const Result check = kioskctl({QStringLiteral("device"), QStringLiteral("check"), QStringLiteral("id_card_reader"),
                                       QStringLiteral("--level"), QStringLiteral("external")});
        QCOMPARE(check.exitCode, 0);
        QVERIFY(check.out.contains(QStringLiteral("external check: ok")));
    }

    void saysWhenTheReaderIsInUse()
    {
        QProcess holder;
        holder.start(QStringLiteral(KIOSKCTL), {QStringLiteral("card"), QStringLiteral("read"), QStringLiteral("--port"), tty(),
                                                QStringLiteral("--timeout"), QStringLiteral("30")});
        QVERIFY(holder.waitForStarted());
        QByteArray said;
        QTRY_VERIFY2_WITH_TIMEOUT((said += holder.readAllStandardError()).contains("waiting for a card"), said.constData(), 15000);
        // The holder now owns the port; give its worker the moment it needs to open it.
        QTRY_VERIFY_WITH_TIMEOUT(kioskctl({QStringLiteral("devices")}).out.contains(QStringLiteral("busy (in_use)")), 15000);
        const Result result = readCard();
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.contains(QStringLiteral("in use by another process")));
        holder.kill();
        holder.waitForFinished();
    }

    void rejectsAnUnknownSimulatedCard()
    {
        const Result result = kioskctl({QStringLiteral("sim"), QStringLiteral("card"), QStringLiteral("present"), QStringLiteral("passport")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.contains(QStringLiteral("foreign_permanent_2023")));
    }

    void saysWhenNoSimulatorIsRunning()
    {
        cleanup();
        const Result result = kioskctl({QStringLiteral("sim"), QStringLiteral("card"), QStringLiteral("remove")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.contains(QStringLiteral("no simulator")));
        QVERIFY(!QFile::exists(tty()));
    }
};

QTEST_GUILESS_MAIN(TestKioskctlIdCard)
#include "tst_kioskctlidcard.moc"
