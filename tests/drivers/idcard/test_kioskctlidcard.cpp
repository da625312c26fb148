#include "kioskctlrun.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

// What a technician sees from `kioskctl card read`, `kioskctl sim …`, `kioskctl devices` and
// `kioskctl device check` against a running kiosk-devsim.
class TestKioskctlIdCard : public QObject
{
    Q_OBJECT

private:
    using Result = KioskctlRun;

    QTemporaryDir m_dir;
    QString m_config;
    QProcess m_devsim;

    QString stateDir() const { return m_dir.filePath(QStringLiteral("state")); }
    QString tty() const { return stateDir() + QStringLiteral("/sim/idcard-tty"); }

    Result kioskctl(const QStringList &args) { return KioskctlRun::run(m_config, args); }

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
        QCOMPARE(json.value(QLatin1String("issue_count")).toString(), QStringLiteral("02"));
        QCOMPARE(json.value(QLatin1String("birth_date")).toString(), QStringLiteral("1990-02-15"));
    }

    void revealsEveryFieldOfAForeignPermanentCardAsJson_data()
    {
        QTest::addColumn<QString>("card");
        QTest::addColumn<QString>("nameEn");
        QTest::addColumn<QString>("nationality");
        QTest::addColumn<QString>("validFrom");
        QTest::addColumn<QString>("validUntil");
        QTest::addColumn<QString>("number");
        QTest::newRow("2017") << QStringLiteral("foreign_permanent_2017") << QStringLiteral("SMITH, JOHN ANDREW") << QStringLiteral("USA")
                              << QStringLiteral("2019-05-20") << QStringLiteral("2029-05-19") << QStringLiteral("USA340080011601");
        QTest::newRow("2023") << QStringLiteral("foreign_permanent_2023")
                              << QStringLiteral("WILLIAMS-BROWN, CHARLOTTE ELIZABETH VICTORIA") << QStringLiteral("GBR")
                              << QStringLiteral("2023-12-01") << QStringLiteral("2033-11-30") << QStringLiteral("934826198503150015");
    }

    void revealsEveryFieldOfAForeignPermanentCardAsJson()
    {
        QFETCH(QString, card);
        QFETCH(QString, nameEn);
        QFETCH(QString, nationality);
        QFETCH(QString, validFrom);
        QFETCH(QString, validUntil);
        QFETCH(QString, number);
        QCOMPARE(kioskctl({QStringLiteral("sim"), QStringLiteral("card"), QStringLiteral("present"), card}).exitCode, 0);
        const Result result = readCard({QStringLiteral("--json"), QStringLiteral("--reveal"), QStringLiteral("--fingerprint")});
        QCOMPARE(result.exitCode, 0);
        const QJsonObject json = QJsonDocument::fromJson(result.out.toUtf8()).object();
        QCOMPARE(json.value(QLatin1String("type")).toString(), card);
        QCOMPARE(json.value(QLatin1String("name_en")).toString(), nameEn);
        QCOMPARE(json.value(QLatin1String("nationality")).toString(), nationality);
        QCOMPARE(json.value(QLatin1String("valid_from")).toString(), validFrom);
        QCOMPARE(json.value(QLatin1String("valid_until")).toString(), validUntil);
        QCOMPARE(json.value(QLatin1String("id_number")).toString(), number);
        QCOMPARE(json.value(QLatin1String("photo_bytes")).toInt(), 1024);
        // Read with 30 10: the reader says how many fingerprint bytes the card holds, and these hold none.
        QVERIFY(json.contains(QLatin1String("fingerprint_bytes")));
        QCOMPARE(json.value(QLatin1String("fingerprint_bytes")).toInt(), 0);
        QVERIFY(!json.contains(QLatin1String("address")));
        QVERIFY(!json.contains(QLatin1String("pass_number")));
    }

    void readsTheFingerprintBytesOnlyWhenAsked()
    {
        kioskctl({QStringLiteral("sim"), QStringLiteral("card"), QStringLiteral("present"), QStringLiteral("resident")});
        const Result withFingerprint = readCard({QStringLiteral("--json"), QStringLiteral("--fingerprint")});
        QCOMPARE(withFingerprint.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(withFingerprint.out.toUtf8()).object().value(QLatin1String("fingerprint_bytes")).toInt(), 1024);
        // The same card, still lying on the reader, read by a new process without 30 10.
        const Result without = readCard({QStringLiteral("--json")});
        QCOMPARE(without.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(without.out.toUtf8()).object().value(QLatin1String("fingerprint_bytes")).toInt(), 0);
    }

    void opensThePortAtTheBaudGiven()
    {
        kioskctl({QStringLiteral("sim"), QStringLiteral("card"), QStringLiteral("present"), QStringLiteral("hk_mo_tw_permit")});
        const Result result = readCard({QStringLiteral("--baud"), QStringLiteral("9600")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.err.contains(QStringLiteral("waiting for a card on serial:%1@9600").arg(tty())), qPrintable(result.err));
        QVERIFY(result.out.contains(QStringLiteral("hk_mo_tw_permit")));
        // The simulator saw the line set to 9600 baud when the commands came.
        QVERIFY(kioskctl({QStringLiteral("sim"), QStringLiteral("status")}).out.contains(QStringLiteral("line_baud=9600")));
        // Without --port the configured (simulated) reader is read, at the baud given.
        const Result configured = kioskctl({QStringLiteral("card"), QStringLiteral("read"), QStringLiteral("--baud"), QStringLiteral("57600"),
                                            QStringLiteral("--timeout"), QStringLiteral("20")});
        QCOMPARE(configured.exitCode, 0);
        QVERIFY2(configured.err.contains(QStringLiteral("@57600")), qPrintable(configured.err));
        QVERIFY(kioskctl({QStringLiteral("sim"), QStringLiteral("status")}).out.contains(QStringLiteral("line_baud=57600")));
    }

    void refusesABaudThatIsNotANumber()
    {
        for (const char *baud : {"0", "fast", "-9600"}) {
            const Result result = readCard({QStringLiteral("--baud"), QString::fromLatin1(baud)});
            QCOMPARE(result.exitCode, 2);
            QVERIFY(result.err.contains(QStringLiteral("usage: kioskctl card read")));
        }
    }

    void saysWhenNoCardCameWithinTheTimeout()
    {
        const Result result = kioskctl({QStringLiteral("card"), QStringLiteral("read"), QStringLiteral("--port"), tty(),
                                        QStringLiteral("--timeout"), QStringLiteral("2")});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains(QStringLiteral("no card within 2 s")), qPrintable(result.err));
        QVERIFY(result.out.isEmpty());
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
        // The failure is explained, and the card, which stayed, is read at the next try (item 17).
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.contains(QStringLiteral("resident")));
        QVERIFY(result.err.contains(QStringLiteral("read_failed")));
        QVERIFY(result.err.contains(QStringLiteral("读证件失败")));
        QVERIFY(result.err.contains(QStringLiteral("keep the card flat and still")));
    }

    // Item 17: a card that moved gives a failed read; the card stays, so the command keeps
    // reading until the card reads or its time is up, as the kiosk's screen does. And the
    // permit's issue count is printed as the card holds it, "02".
    void keepsReadingACardThatStaysAfterAFailedRead()
    {
        kioskctl({QStringLiteral("sim"), QStringLiteral("fault"), QStringLiteral("read_failure")});
        kioskctl({QStringLiteral("sim"), QStringLiteral("card"), QStringLiteral("present"), QStringLiteral("hk_mo_tw_permit")});
        QProcess reader;
        reader.start(qEnvironmentVariable("KIOSKCTL"), {QStringLiteral("--config"), m_config, QStringLiteral("card"), QStringLiteral("read"),
                                                QStringLiteral("--port"), tty(), QStringLiteral("--timeout"), QStringLiteral("60"),
                                                QStringLiteral("--reveal")});
        QVERIFY(reader.waitForStarted());
        QByteArray said;
        QTRY_VERIFY2_WITH_TIMEOUT((said += reader.readAllStandardError()).contains("read_failed"), said.constData(), 30000);
        // The card lies still now.
        QCOMPARE(kioskctl({QStringLiteral("sim"), QStringLiteral("fault"), QStringLiteral("none")}).exitCode, 0);
        QVERIFY(reader.waitForFinished(60000));
        const QString out = QString::fromUtf8(reader.readAllStandardOutput());
        QVERIFY2(reader.exitCode() == 0, qPrintable(out + QString::fromUtf8(said + reader.readAllStandardError())));
        QVERIFY2(out.contains(QStringLiteral("hk_mo_tw_permit")), qPrintable(out));
        static const QRegularExpression issueCount(QStringLiteral("issue count +02\\n"));
        QVERIFY2(issueCount.match(out).hasMatch(), qPrintable(out));
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

    // The technician's check that the reader reads: the command waits, a card is laid on the
    // simulated reader, and the card comes back masked.
    void interactiveCheckReadsTheCardLaidOnTheReader()
    {
        QProcess check;
        check.start(qEnvironmentVariable("KIOSKCTL"), {QStringLiteral("--config"), m_config, QStringLiteral("device"), QStringLiteral("check"),
                                               QStringLiteral("id_card_reader"), QStringLiteral("--level"), QStringLiteral("interactive"),
                                               QStringLiteral("--timeout"), QStringLiteral("60")});
        QVERIFY(check.waitForStarted());
        QByteArray said;
        QTRY_VERIFY2_WITH_TIMEOUT((said += check.readAllStandardOutput()).contains("lay an ID card on the reader within 60 s"),
                                  said.constData(), 15000);
        QCOMPARE(kioskctl({QStringLiteral("sim"), QStringLiteral("card"), QStringLiteral("present"), QStringLiteral("resident")}).exitCode, 0);
        QVERIFY(check.waitForFinished(60000));
        said += check.readAllStandardOutput();
        const QByteArray err = check.readAllStandardError();
        QVERIFY2(check.exitCode() == 0, (said + err).constData());
        QVERIFY2(said.contains("read: resident 李** 3401**********2521"), said.constData());
        QVERIFY2(said.contains("id_card_reader interactive check: ok"), said.constData());
        for (const QByteArray &text : {said, err}) {
            QVERIFY(!text.contains("340104198806122521"));
            QVERIFY(!text.contains("文静"));
        }
    }

    void interactiveCheckWithoutACardFailsAndSaysSo()
    {
        const Result result = kioskctl({QStringLiteral("device"), QStringLiteral("check"), QStringLiteral("id_card_reader"), QStringLiteral("--level"),
                                        QStringLiteral("interactive"), QStringLiteral("--timeout"), QStringLiteral("2")});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.out.contains(QStringLiteral("interactive check: warning (no_card_presented)")), qPrintable(result.out + result.err));
        QVERIFY(!result.out.contains(QStringLiteral("read: ")));

        const Result scanner = kioskctl({QStringLiteral("device"), QStringLiteral("check"), QStringLiteral("barcode_scanner"), QStringLiteral("--level"),
                                         QStringLiteral("interactive")});
        QCOMPARE(scanner.exitCode, 2);
        QVERIFY2(scanner.err.contains(QStringLiteral("kioskctl scan listen")), qPrintable(scanner.err));
    }

    void saysWhenTheReaderIsInUse()
    {
        QProcess holder;
        holder.start(qEnvironmentVariable("KIOSKCTL"), {QStringLiteral("card"), QStringLiteral("read"), QStringLiteral("--port"), tty(),
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
#include "test_kioskctlidcard.moc"
